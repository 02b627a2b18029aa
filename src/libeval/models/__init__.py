"""Pydantic models of the three file kinds: a standard, a library, an assessment.

Start-up cost matters here (every command builds these classes): validators are built on first
use (`defer_build`), so a command builds only those of the files it validates; the modules do
without `from __future__ import annotations`, which would make pydantic evaluate each
annotation from its text.
"""

from libeval.models.assessment import Assessment, Award, Correction
from libeval.models.library import FactValue, Library
from libeval.models.standard import (
    Band,
    Boolean,
    Condition,
    Derived,
    FactDef,
    Grade,
    Judged,
    Level,
    Linear,
    Node,
    PerUnit,
    Rule,
    StandardSpec,
    Tiers,
)

__all__ = [
    "Assessment",
    "Award",
    "Band",
    "Boolean",
    "Condition",
    "Correction",
    "Derived",
    "FactDef",
    "FactValue",
    "Grade",
    "Judged",
    "Level",
    "Library",
    "Linear",
    "Node",
    "PerUnit",
    "Rule",
    "StandardSpec",
    "Tiers",
]
