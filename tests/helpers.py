"""Building standards, libraries and assessments from YAML text, for tests."""

from __future__ import annotations

from typing import Any

import yaml

from libeval.errors import errors_only
from libeval.load.validation import validate
from libeval.load.yaml_source import loads
from libeval.models import Assessment, Library, StandardSpec
from libeval.models.result import Result
from libeval.scoring.compiler import compile_standard
from libeval.scoring.engine import score
from libeval.scoring.standard import Standard

# The facts of a library for tests/data/mini-criteria.yaml.
MINI_FACTS: dict[str, Any] = {
    "floor_area": 1200,
    "annual_loans": {"years": {2013: 80000, 2014: 90000, 2015: 100000, 2016: 110000}},
    "registered_readers": 5000,
    "free_opening": True,
    "outreach_points": 12,
}


def standard(text: str) -> Standard:
    src = loads(text.encode(), "criteria.yaml")
    crit, problems = validate(StandardSpec, src)
    assert crit is not None, problems
    std = compile_standard(crit, src)
    assert not errors_only(std.problems), std.problems
    return std


def library(facts: dict[str, Any], region: str = "west", population: Any = 100000) -> Library:
    data = {
        "name": "测试馆",
        "level": "county",
        "province": "测试省",
        "region": region,
        "population": population,
        "criteria": "x",
        "facts": facts,
    }
    src = loads(yaml.safe_dump(data, allow_unicode=True).encode(), "library.yaml")
    lib, problems = validate(Library, src)
    assert lib is not None, problems
    return lib


def assessment(judged: dict[str, Any] | None = None, **extra: Any) -> Assessment:
    data = {"assessor": "self", "date": "2017-06-30", "judged": judged or {}, **extra}
    src = loads(yaml.safe_dump(data, allow_unicode=True).encode(), "self.yaml")
    a, problems = validate(Assessment, src)
    assert a is not None, problems
    return a


def run(
    std: Standard, facts: dict[str, Any], judged: dict[str, Any] | None = None, region: str = "west", **extra: Any
) -> Result:
    return score(std, library(facts, region), assessment(judged, **extra), "self")


def one_indicator(rule: str, max_points: int = 10, facts_yaml: str = "", extra: str = "") -> Standard:
    """A standard with a single indicator "1.1" under part "1"."""
    return standard(f"""
id: t
title: t
level: county
period: {{start: 2013, end: 2016}}
total: {max_points}
precision: 1
facts:
  - {{id: x, name: x}}
  - {{id: flag, name: flag, type: boolean}}
  - {{id: yearly, name: yearly, per_year: true, aggregate: mean}}
{facts_yaml}
parts:
  - code: "1"
    name: p
    max: {max_points}
    children:
      - code: "1.1"
        name: i
        max: {max_points}
        rule: {rule}
{extra}
""")
