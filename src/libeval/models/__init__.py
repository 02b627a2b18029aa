"""Pydantic models of the three file kinds: a standard, a library, an assessment."""

from libeval.models.assessment import Assessment, Award, Correction
from libeval.models.criteria import (
    Band,
    Boolean,
    Condition,
    Criteria,
    Derived,
    FactDef,
    Grade,
    Judged,
    Level,
    Linear,
    Node,
    PerUnit,
    Rule,
    Tiers,
)
from libeval.models.library import FactValue, Library

__all__ = [
    "Assessment",
    "Award",
    "Band",
    "Boolean",
    "Condition",
    "Correction",
    "Criteria",
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
    "Tiers",
]
