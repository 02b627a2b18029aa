from __future__ import annotations

import random
from decimal import Decimal
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from libeval.load.folders import load_standard
from libeval.models import StandardSpec
from libeval.scoring import formula
from libeval.scoring.compiler import compile_standard
from libeval.scoring.engine import score

from conftest import DATA, STANDARD
from helpers import MINI_FACTS, assessment, library, run, standard

MINI = DATA / "mini-criteria.yaml"


def _mini() -> Any:
    return load_standard(MINI)


FACTS = MINI_FACTS
JUDGED = {"1.5": {"level": "好"}, "2.2.2": 4.5, "B.1": 2}


def test_totals_are_exact_decimals() -> None:
    r = run(_mini(), FACTS, JUDGED)
    assert r.total == Decimal("76.5")
    assert str(r.total) == "76.5"
    assert r.base + r.bonus == r.total
    assert sum((p.score for p in r.parts), Decimal(0)) == r.base


def test_capped_group_and_bonus() -> None:
    r = run(_mini(), FACTS, {**JUDGED, "2.2.2": 5, "B.1": 5})
    g = r.groups["2.2"]
    assert g.raw == Decimal("12.6") and g.score == Decimal(10) and g.capped
    assert r.bonus == Decimal(5) and r.bonus_max == Decimal(5)


def test_grade_boundary_exactly_at_minimum() -> None:
    # west grade-1 minimum is 80; the loans prerequisite (100,000 in the west) holds at 100,000
    facts = {
        **FACTS,
        "annual_loans": {"years": {2013: 100000, 2014: 100000, 2015: 100000, 2016: 100000}},
        "floor_area": 800,
    }
    r = run(_mini(), facts, {**JUDGED, "2.2.2": 5, "B.1": 0})
    assert r.total == Decimal("80")
    assert r.grade is not None and r.grade.id == "grade1"


def test_prerequisite_missed_by_the_smallest_step() -> None:
    facts = {
        **FACTS,
        "annual_loans": {"years": {2013: "99999.99", 2014: 100000, 2015: 100000, 2016: 100000}},
        "floor_area": 5000,
    }
    r = run(_mini(), facts, {**JUDGED, "2.2.2": 5, "B.1": 5})
    assert r.total >= 80
    assert r.grade is not None and r.grade.id == "grade2"
    (blocked,) = r.blocked
    (failed,) = blocked.failed
    assert failed.id == "loans" and failed.required == Decimal(100000)
    assert failed.shortfall == Decimal("0.0025")


def test_condition_not_applicable_to_variant() -> None:
    r = run(_mini(), FACTS, JUDGED, region="east")  # the loans prerequisite is null for the east
    loans = next(c for c in r.grades[0].conditions if c.id == "loans")
    assert loans.met is None


def test_full_marks_prerequisite() -> None:
    r = run(_mini(), {**FACTS, "free_opening": False}, JUDGED)
    cond = next(c for c in r.grades[0].failed if c.id == "free")
    assert cond.test == "full_marks" and cond.actual == 0 and cond.required == 10


def test_corrections_replace_facts_and_are_listed() -> None:
    corr = {"floor_area": {"value": 700, "reason": "实测"}}
    r = score(_mini(), library(FACTS), assessment(JUDGED, corrections=corr), "prefecture")
    assert r.indicator("2.1").score == 0  # type: ignore[union-attr]
    (c,) = r.corrections
    assert (c.fact, c.old, c.new, c.reason) == ("floor_area", "1,200", "700", "实测")


def test_not_applicable_effects() -> None:
    text = (
        MINI.read_text(encoding="utf-8")
        .replace("            name: 管理制度\n", "            name: 管理制度\n            not_applicable: excluded\n")
        .replace("        name: 读者活动\n", "        name: 读者活动\n        not_applicable: full_marks\n")
    )
    std = standard(text)
    r = run(std, FACTS, {"B.1": 2}, not_applicable={"1.5": "无", "2.2.2": "无"})
    assert r.indicator("1.5").score == 10 and r.indicator("1.5").status == "not_applicable"  # type: ignore[union-attr]
    assert r.indicator("2.2.2").status == "not_applicable"  # type: ignore[union-attr]
    assert r.groups["2.2"].max == Decimal(8)  # 13 of children, less the 5 left out, under the cap of 10
    assert r.max == Decimal(98)  # the capped group loses only what its cap no longer covers


# --- properties over the bundled standard ------------------------------------------------------

BIG = load_standard(STANDARD)
_denominators: set[str] = set()


def _denoms(expr: formula.Expr) -> None:
    if isinstance(expr, formula.BinOp):
        if expr.op == "/":
            _denominators.update(formula.names(expr.right))
        _denoms(expr.left)
        _denoms(expr.right)


for _expr in BIG.exprs.values():
    _denoms(_expr)
# a fact read only "more is better" (never as a denominator, never lower-is-better)
GOOD = [f for f, d in BIG.facts.items() if d.better == "higher" and f not in _denominators]


def _fact_values(draw: Any) -> dict[str, Any]:
    facts: dict[str, Any] = {}
    for fid, fact in BIG.facts.items():
        if draw(st.integers(0, 9)) == 0:
            continue  # sometimes missing
        if fact.type == "boolean":
            facts[fid] = draw(st.booleans())
            continue
        top = 100 if fact.type == "percent" else 300000
        num = st.integers(0, top)
        if fact.per_year:
            facts[fid] = {"years": {y: draw(num) for y in range(2013, 2017)}}
        else:
            facts[fid] = draw(num)
    return facts


@st.composite
def scenarios(draw: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    facts = _fact_values(draw)
    judged = {}
    for code in BIG.leaves:
        node = BIG.nodes[code].node
        if node.rule is not None and node.rule.kind == "judged" and draw(st.booleans()):
            judged[code] = draw(st.integers(0, int(node.max)))
    return facts, judged


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios(), st.sampled_from(["east", "central", "west"]))
def test_points_stay_within_bounds_and_add_up(scn: tuple[dict[str, Any], dict[str, Any]], region: str) -> None:
    facts, judged = scn
    r = run(BIG, facts, judged, region)
    for ind in r.indicators:
        assert Decimal(0) <= ind.score <= ind.max
    for g in r.groups.values():
        assert Decimal(0) <= g.score <= g.max
    assert sum((p.score for p in r.parts), Decimal(0)) + r.bonus == r.total
    assert Decimal(0) <= r.total <= r.max + r.bonus_max


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios(), st.sampled_from(GOOD), st.integers(1, 200000))
def test_more_of_a_good_fact_never_lowers_a_score(
    scn: tuple[dict[str, Any], dict[str, Any]], fact: str, more: int
) -> None:
    facts, judged = scn
    if BIG.facts[fact].type == "boolean":
        lower, higher = {**facts, fact: False}, {**facts, fact: True}
    elif BIG.facts[fact].per_year:
        years = dict.fromkeys(range(2013, 2017), 0)
        if isinstance(facts.get(fact), dict):
            years = dict(facts[fact]["years"])
        cap = 100 if BIG.facts[fact].type == "percent" else None
        raised = {y: min(v + more, cap) if cap else v + more for y, v in years.items()}
        lower, higher = {**facts, fact: {"years": years}}, {**facts, fact: {"years": raised}}
    else:
        base = facts.get(fact, 0)
        cap = 100 if BIG.facts[fact].type == "percent" else None
        lower, higher = {**facts, fact: base}, {**facts, fact: min(base + more, cap) if cap else base + more}
    a, b = run(BIG, lower, judged), run(BIG, higher, judged)
    for x, y in zip(a.indicators, b.indicators, strict=True):
        assert y.score >= x.score, (x.code, fact)
    assert b.total >= a.total


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios(), st.randoms(use_true_random=False))
def test_order_of_facts_and_indicators_does_not_matter(
    scn: tuple[dict[str, Any], dict[str, Any]], rnd: random.Random
) -> None:
    facts, judged = scn
    base = run(BIG, facts, judged)
    items = list(facts.items())
    rnd.shuffle(items)
    data = BIG.spec.model_dump(mode="python", exclude_none=True)

    def shuffle(nodes: list[dict[str, Any]]) -> None:
        rnd.shuffle(nodes)
        for n in nodes:
            shuffle(n.get("children", []))

    shuffle(data["parts"])
    rnd.shuffle(data["facts"])
    shuffled = compile_standard(StandardSpec.model_validate(data), None)
    other = run(shuffled, dict(items), judged)
    assert other.total == base.total
    assert {i.code: i.score for i in other.indicators} == {i.code: i.score for i in base.indicators}
    assert (other.grade.id if other.grade else None) == (base.grade.id if base.grade else None)
