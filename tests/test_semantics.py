"""docs/semantics.md, pinned: one test per statement, named after it, on tiny standards.

Each section of the document is a section here, in the same order; a statement that changes
meaning changes its test and both documents (docs/semantics.md, docs/semantics.zh.md).
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from libeval.analysis.diff import Side, diff
from libeval.analysis.fact_changes import State
from libeval.analysis.plan import plan
from libeval.load.cross_checks import check_assessment, check_library
from libeval.load.validation import validate
from libeval.load.yaml_source import loads
from libeval.models import Assessment, Library
from libeval.models.result import IndicatorResult, Result
from libeval.present.diff_view import cause_text
from libeval.scoring.engine import score
from libeval.scoring.formula import MissingValue
from libeval.scoring.standard import Standard
from libeval.scoring.values import Values, apply_corrections

from helpers import assessment, library, one_indicator, run, standard


def _ind(r: Result, code: str = "1.1") -> IndicatorResult:
    ind = r.indicator(code)
    assert ind is not None
    return ind


def _points(r: Result, code: str = "1.1") -> tuple[Decimal, str]:
    ind = _ind(r, code)
    return ind.score, ind.status


def _with_precision(rule: str, precision: int, max_points: int) -> Standard:
    return standard(_ONE.format(rule=rule, max=max_points, precision=precision))


_ONE = """
id: t
title: t
level: county
period: {{start: 2013, end: 2016}}
total: {max}
precision: {precision}
facts:
  - {{id: x, name: x}}
  - {{id: flag, name: flag, type: boolean}}
  - {{id: yearly, name: yearly, per_year: true, aggregate: mean}}
parts:
  - code: "1"
    name: p
    max: {max}
    children:
      - code: "1.1"
        name: i
        max: {max}
        rule: {rule}
"""


# --- 1. Variants and null ----------------------------------------------------------------------

NULL_BAND = (
    "{kind: tiers, value: x, bands: [{at: 100, points: 10},"
    " {at: {east: 50, central: 50, west: null}, points: 6}, {at: 10, points: 2}]}"
)


def test_a_null_band_is_skipped_and_the_other_bands_apply() -> None:
    std = one_indicator(NULL_BAND)
    assert _points(run(std, {"x": 60}, region="west")) == (Decimal(2), "scored")
    assert _points(run(std, {"x": 60}, region="east")) == (Decimal(6), "scored")
    assert _points(run(std, {"x": 100}, region="west")) == (Decimal(10), "scored")


ALL_NULL_TIERS = (
    "{kind: tiers, value: x, bands: [{at: {east: 100, central: 80, west: null}, points: 10},"
    " {at: {east: 50, central: 40, west: null}, points: 5}]}"
)
NULL_TARGET = "{kind: linear, value: x, target: {east: 40, central: 30, west: null}}"


def test_a_rule_with_no_number_for_the_variant_does_not_apply() -> None:
    for rule in (ALL_NULL_TIERS, NULL_TARGET):
        std = one_indicator(rule)
        ind = _ind(run(std, {"x": 0}, region="west"))
        assert (ind.score, ind.status) == (Decimal(10), "not_applicable")
        assert ind.explanation.zh == "本指标不适用于西部，按满分计 10 分"
        assert ind.explanation.en == "does not apply to west libraries → counted at full marks 10/10"
        assert _points(run(std, {"x": 0}, region="east")) == (Decimal(0), "scored")  # the east still has it


def test_a_rule_that_does_not_apply_needs_no_value() -> None:
    std = one_indicator(NULL_TARGET)
    r = run(std, {}, region="west")
    assert _points(r) == (Decimal(10), "not_applicable")
    assert r.missing == ()  # x is not asked for: nothing rests on it
    assert run(std, {}, region="east").missing == ("x",)


def test_per_unit_boolean_and_judged_apply_to_every_variant() -> None:
    # their numbers (points, per, levels) are one value for all variants: the models allow no null
    cases: list[tuple[str, dict[str, Any], dict[str, Any] | None]] = [
        ("{kind: per_unit, value: x, points: 2}", {"x": 3}, None),
        ("{kind: boolean, value: flag}", {"flag": True}, None),
        ("{kind: judged}", {}, {"1.1": 7}),
    ]
    for rule, facts, judged in cases:
        std = one_indicator(rule)
        for region in ("east", "central", "west"):
            assert _points(run(std, facts, judged, region=region))[1] == "scored"


def test_a_linear_target_of_0_is_reached_by_every_value() -> None:
    std = one_indicator("{kind: linear, value: x, target: {east: 40, central: 30, west: 0}}")
    assert _points(run(std, {"x": 0}, region="west")) == (Decimal(10), "scored")
    assert _points(run(std, {}, region="west")) == (Decimal(0), "missing")  # it applies: the value is needed


GRADES = """
grades:
  - id: grade1
    name: 一级
    min_score: {east: 9, central: 9, west: null}
    prerequisites:
      - {id: area, name: 面积, value: area, at_least: {east: 1000, central: 1000, west: null}}
"""


def _graded(extra: str = GRADES) -> Standard:
    return standard(
        _ONE.format(rule="{kind: per_unit, value: x, points: 1}", max=10, precision=1).replace(
            "  - {id: yearly,", "  - {id: area, name: area}\n  - {id: yearly,"
        )
        + extra
    )


def test_a_grade_condition_whose_bound_is_null_does_not_apply() -> None:
    r = run(_graded(), {"x": 3, "area": 10}, region="west")
    (grade,) = r.grades
    assert [c.met for c in grade.conditions] == [None, None]  # no minimum, no area requirement
    assert r.grade is not None and r.grade.id == "grade1"


def test_a_null_bound_does_not_apply_even_to_a_missing_value() -> None:
    r = run(_graded(), {"x": 3}, region="west")  # area not given
    area = next(c for c in r.grades[0].conditions if c.id == "area")
    assert area.met is None and area.explanation.zh == "不适用于西部"  # the variant's own words
    assert area.explanation.en == "does not apply to west libraries"
    assert r.grade is not None and r.grade.id == "grade1"
    east = run(_graded(), {"x": 9}, region="east")
    assert next(c for c in east.grades[0].conditions if c.id == "area").met is False  # it applies there


# --- 2. Precision ------------------------------------------------------------------------------


def test_computed_points_are_rounded_half_up_to_the_precision() -> None:
    per_unit = "{kind: per_unit, value: x, points: 0.25, per: 2}"  # 46 -> 23 units -> 5.75
    assert _points(run(_with_precision(per_unit, 0, 10), {"x": 46})) == (Decimal(6), "scored")
    assert _points(run(_with_precision(per_unit, 1, 10), {"x": 46})) == (Decimal("5.8"), "scored")
    assert _points(run(_with_precision(per_unit, 2, 10), {"x": 46})) == (Decimal("5.75"), "scored")
    ind = _ind(run(_with_precision(per_unit, 0, 10), {"x": 46}))
    assert ind.explanation.en == "x 46/2 × 0.25 = 5.75, rounded → 6/10"
    assert ind.explanation.zh == "x 46，每 2 计 0.25 分，计 5.75 分，四舍五入，得 6 分（满分 10）"
    linear = "{kind: linear, value: x, target: 40}"  # 10 × 13 / 40 = 3.25
    assert _points(run(_with_precision(linear, 1, 10), {"x": 13})) == (Decimal("3.3"), "scored")
    assert _points(run(_with_precision(linear, 0, 10), {"x": 13})) == (Decimal(3), "scored")


def test_rounding_decides_a_grade_at_its_minimum() -> None:
    grades = "grades:\n  - {id: g, name: 达标, min_score: 6}\n"
    std = standard(_ONE.format(rule="{kind: per_unit, value: x, points: 0.25, per: 2}", max=10, precision=0) + grades)
    r = run(std, {"x": 46})
    assert r.total == 6 and r.grade is not None  # 5.75 rounds to 6, which is the minimum


def test_computed_points_never_exceed_max() -> None:
    std = standard(_ONE.format(rule="{kind: linear, value: x, target: 100}", max="2.27", precision=1))
    assert _points(run(std, {"x": "99.5"})) == (Decimal("2.27"), "scored")  # 2.25865 would round to 2.3


def test_numbers_written_by_people_are_used_as_written() -> None:
    tiers = "{kind: tiers, value: x, bands: [{at: 10, points: 2.5}]}"
    assert _points(run(_with_precision(tiers, 0, 10), {"x": 10})) == (Decimal("2.5"), "scored")
    judged = _with_precision("{kind: judged}", 1, 10)
    assert _points(run(judged, {}, {"1.1": "7.25"})) == (Decimal("7.25"), "scored")


def test_a_judged_award_finer_than_the_precision_is_kept_and_check_warns() -> None:
    std = _with_precision("{kind: judged}", 1, 10)
    text = "assessor: self\ndate: 2017-06-30\njudged:\n  '1.1': 7.25\n"
    src = loads(text.encode(), "self.yaml")
    a, _ = validate(Assessment, src)
    assert a is not None
    (warning,) = check_assessment(std, a, src)
    assert (warning.code, warning.severity, warning.line) == ("judged-precision", "warning", 4)
    assert (
        check_assessment(
            std,
            a.model_copy(update={"judged": {"1.1": a.judged["1.1"].model_copy(update={"points": Decimal("7.5")})}}),
            src,
        )
        == []
    )


def test_sums_are_exact() -> None:
    std = standard(
        """
id: t
title: t
level: county
period: {start: 2013, end: 2016}
total: 20
precision: 1
facts: [{id: x, name: x}]
parts:
  - code: "1"
    name: p
    max: 20
    children:
      - {code: "1.1", name: a, max: 10, rule: {kind: linear, value: x, target: 40}}
      - {code: "1.2", name: b, max: 10, rule: {kind: linear, value: x, target: 40}}
"""
    )
    r = run(std, {"x": 13})
    assert [_ind(r, c).score for c in ("1.1", "1.2")] == [Decimal("3.3"), Decimal("3.3")]
    assert r.total == Decimal("6.6")  # the rounded points added, not 6.5 rounded again


# --- 3. Per-year values ------------------------------------------------------------------------

YEARLY = "{kind: tiers, value: yearly, bands: [{at: 1, points: 10}]}"


def _aggregate(how: str, years: dict[int, Any]) -> Decimal | bool:
    std = standard(_ONE.format(rule=YEARLY, max=10, precision=1).replace("aggregate: mean", f"aggregate: {how}"))
    return Values(std, library({"yearly": {"years": years}}), None).get("yearly")


def test_per_year_values_aggregate_over_the_years_given() -> None:
    given = {2013: 40000, 2016: 80000}  # 2014 and 2015 not given
    assert _aggregate("mean", given) == 60000  # not 30000: a missing year is not a 0
    assert _aggregate("sum", given) == 120000  # the missing years add nothing
    assert _aggregate("latest", given) == 80000
    assert _aggregate("min", given) == 40000
    assert _aggregate("max", given) == 80000


def test_check_warns_about_missing_years() -> None:
    std = standard(_ONE.format(rule=YEARLY, max=10, precision=1))
    data = {
        "name": "t",
        "level": "county",
        "province": "p",
        "region": "west",
        "population": 1,
        "criteria": "t",
        "facts": {"x": 1, "flag": True, "yearly": {"years": {2013: 40000, 2016: 80000}}},
    }
    src = loads(yaml.safe_dump(data).encode(), "library.yaml")
    lib, _ = validate(Library, src)
    assert lib is not None
    codes = [p.code for p in check_library(std, lib, src, None)]
    assert codes == ["missing-years"]


def test_a_year_outside_the_period_is_not_counted() -> None:
    assert _aggregate("mean", {2012: 10, 2013: 20}) == 20  # `check` warns: year-outside-period
    assert _aggregate("latest", {2016: 10, 2017: 99}) == 10
    assert _aggregate("sum", {2013: 1, 2016: 2, 2017: 4}) == 3
    std = standard(_ONE.format(rule=YEARLY, max=10, precision=1))
    only_outside = Values(std, library({"yearly": {"years": {2017: 99}}}), None)
    assert not only_outside.given("yearly")  # nothing that counts: missing, never the 2017 value
    with pytest.raises(MissingValue):
        only_outside.get("yearly")


def test_a_per_year_fact_without_years_is_missing() -> None:
    std = one_indicator(YEARLY)
    assert _points(run(std, {"yearly": {"years": {}}})) == (Decimal(0), "missing")


# --- 4. Missing values -------------------------------------------------------------------------


def test_a_rule_on_a_missing_value_scores_0_missing() -> None:
    std = one_indicator("{kind: tiers, value: x, bands: [{at: 0, points: 10}]}")
    r = run(std, {})
    assert _points(r) == (Decimal(0), "missing") and r.missing == ("x",)
    assert _points(run(std, {"x": 0})) == (Decimal(10), "scored")  # a reported 0 is a value


def test_a_prerequisite_on_a_missing_value_is_not_met() -> None:
    r = run(_graded(), {"x": 9}, region="east")  # area not given
    area = next(c for c in r.grades[0].conditions if c.id == "area")
    assert area.met is False and area.actual is None and area.required == 1000
    assert area.explanation.zh == "area：缺少数据，要求 ≥ 1,000"  # what it would need
    assert r.grade is None


def test_a_prerequisite_on_a_score_reads_the_points() -> None:
    extra = (
        "grades:\n  - {id: g, name: g, min_score: 0,"
        " prerequisites: [{id: full, name: f, score: '1.1', full_marks: true}]}\n"
    )
    std = standard(_ONE.format(rule=NULL_TARGET, max=10, precision=1) + extra)
    assert run(std, {}, region="west").grade is not None  # does not apply: full marks, so met
    assert run(std, {}, region="east").grade is None  # missing: 0 points, not full marks


# --- 5. Grades ---------------------------------------------------------------------------------

THREE = """
grades:
  - id: g1
    name: 一级
    min_score: 9
    prerequisites: [{id: area1, name: 面积一, value: area, at_least: 3000}]
  - id: g2
    name: 二级
    min_score: 6
    prerequisites: [{id: area2, name: 面积二, value: area, at_least: 2000}]
  - id: g3
    name: 三级
    min_score: 3
"""


def test_the_grade_reached_is_the_highest_whose_conditions_all_hold() -> None:
    r = run(_graded(THREE), {"x": 10, "area": 2500})
    assert r.grade is not None and r.grade.id == "g2"  # g1 blocked by its area
    assert [g.id for g in r.blocked] == ["g1"]
    assert run(_graded(THREE), {"x": 2, "area": 5000}).grade is None  # below every minimum


def test_a_higher_grade_does_not_need_a_lower_grades_prerequisites() -> None:
    independent = THREE.replace("at_least: 3000", "at_least: 100")  # g1 asks for less area than g2
    r = run(_graded(independent), {"x": 10, "area": 500})
    assert r.grade is not None and r.grade.id == "g1"
    assert next(g for g in r.grades if g.id == "g2").achieved is False


def test_the_minimum_score_is_compared_with_the_total_with_bonus() -> None:
    bonus = """
bonus:
  code: B
  name: 加分
  max: 5
  capped: true
  children: [{code: B.1, name: b, max: 5, rule: {kind: judged}}]
"""
    std = _graded(bonus + THREE)
    r = run(std, {"x": 7, "area": 5000}, {"B.1": 2})
    assert (r.base, r.bonus, r.total) == (Decimal(7), Decimal(2), Decimal(9))
    assert r.grade is not None and r.grade.id == "g1"


def test_a_null_minimum_score_means_no_minimum() -> None:
    r = run(_graded(), {"x": 0, "area": 0}, region="west")
    assert r.grades[0].conditions[0].met is None and r.grade is not None
    assert run(_graded(), {"x": 0, "area": 5000}, region="east").grade is None


# --- 6. Corrections ----------------------------------------------------------------------------

LOANS = {"years": {2013: 52000, 2014: 56000, 2015: 60000, 2016: 64000}, "estimated": True}


def _yearly(precision: int = 1) -> Standard:
    extra = (
        "grades:\n  - {id: g, name: g, min_score: 0,"
        " prerequisites: [{id: l, name: l, value: yearly, at_least: 70000}]}\n"
    )
    return standard(_ONE.format(rule=YEARLY, max=10, precision=precision) + extra)


def test_a_correction_of_some_years_changes_only_those_years() -> None:
    lib = library({"yearly": LOANS})
    asmt = assessment(corrections={"yearly": {"years": {2016: 30000}, "reason": "年报"}})
    facts, _ = apply_corrections(lib, asmt)
    assert facts["yearly"].years == {2013: 52000, 2014: 56000, 2015: 60000, 2016: 30000}
    assert facts["yearly"].estimated  # the library's own (estimated) years remain
    r = score(_yearly(), lib, asmt, "prefecture")
    assert r.fact("yearly").value == 49500  # type: ignore[union-attr]
    every = assessment(corrections={"yearly": {"years": dict.fromkeys(range(2013, 2017), 1), "reason": "年报"}})
    assert not apply_corrections(lib, every)[0]["yearly"].estimated  # nothing of the library's is left


def test_a_correction_of_a_value_replaces_it() -> None:
    lib = library({"x": 600})
    facts, _ = apply_corrections(lib, assessment(corrections={"x": {"value": 500, "reason": "实测"}}))
    assert facts["x"].value == 500
    _, population = apply_corrections(lib, assessment(corrections={"population": {"value": 90000, "reason": "统计"}}))
    assert population == 90000


def test_a_correction_without_a_value_never_withdraws_the_fact() -> None:
    """A reason alone (`{reason: 现场核实}`) used to delete the fact: now `check` refuses it and
    scoring keeps the library's value (tests/test_review_model.py has the located error)."""
    std = one_indicator("{kind: tiers, value: x, bands: [{at: 0, points: 10}]}")
    r = score(std, library({"x": 600}), assessment(corrections={"x": {"reason": "现场核实"}}), "prefecture")
    assert _points(r) == (Decimal(10), "scored") and r.missing == ()


def test_a_correction_of_the_wrong_shape_is_a_located_error() -> None:
    std = _yearly()
    text = (
        "assessor: city\ndate: 2017-07-01\ncorrections:\n"
        "  yearly: {value: 1, reason: r}\n  x: {years: {2016: 1}, reason: r}\n"
    )
    src = loads(text.encode(), "city.yaml")
    a, _ = validate(Assessment, src)
    assert a is not None
    found = sorted((p.code, p.line) for p in check_assessment(std, a, src))
    assert found == [("per-year-expected", 4), ("single-value-expected", 5)]


def test_a_correction_shows_only_what_it_names() -> None:
    lib = library({"yearly": LOANS})
    asmt = assessment(corrections={"yearly": {"years": {2016: 30000, 2017: 1}, "reason": "年报"}})
    (c,) = score(_yearly(), lib, asmt, "prefecture").corrections
    assert (c.old, c.new) == ("2016: 64,000, 2017: —", "2016: 30,000, 2017: 1")
    assert c.shown("en") == (c.old, c.new)
    assert c.after == "2013: 52,000, 2014: 56,000, 2015: 60,000, 2016: 30,000, 2017: 1"
    d = diff(_yearly(), Side(lib, assessment(), "self", "self"), Side(lib, asmt, "prefecture", "prefecture"))
    (cause,) = d.differences
    assert (cause.old, cause.new, cause.reason) == ("2016: 64,000, 2017: —", "2016: 30,000, 2017: 1", "年报")
    # the cause line shows the value scored on each side (the means 58,000 and 49,500)
    assert re.fullmatch(r".*（年均）：58,000.* → 49,500.*（年报）", cause_text(d, cause, "zh"))


def test_scoring_diff_and_plan_read_the_same_corrected_facts() -> None:
    std = _yearly()
    lib = library({"yearly": LOANS})
    asmt = assessment(corrections={"yearly": {"years": {2016: 30000}, "reason": "年报"}})
    scored = Values(std, lib, asmt).entries["yearly"]
    assert State(std, lib, asmt).facts["yearly"] == scored
    d = diff(std, Side(lib, assessment(), "self", "self"), Side(lib, asmt, "prefecture", "prefecture"))
    assert d.b.fact("yearly").value == 49500  # type: ignore[union-attr]
    p = plan(std, lib, asmt)
    (step,) = p.prerequisites
    assert step.change is not None and step.change.old == 49500 and step.change.new >= 70000


# --- the documents and the tests agree ---------------------------------------------------------

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_every_statement_is_documented_and_pinned() -> None:
    tests = {
        name
        for name in globals()
        if name.startswith("test_") and name != "test_every_statement_is_documented_and_pinned"
    }
    for doc in ("semantics.md", "semantics.zh.md"):
        named = re.findall(r"\[`(test_[a-z0-9_]+)`\]", (DOCS / doc).read_text(encoding="utf-8"))
        assert len(named) == len(set(named)), doc
        assert set(named) == tests, doc
