"""A table of cases per rule kind: rule, facts (and award) -> points, status."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from helpers import one_indicator, run

TIERS = "{kind: tiers, value: x, bands: [{at: 100, points: 10}, {at: 50, points: 6}, {at: 10, points: 2}]}"
TIERS_REGION = (
    "{kind: tiers, value: x, bands: [{at: {east: 100, central: 80, west: 60}, points: 10},"
    " {at: {east: 50, central: null, west: 30}, points: 5}]}"
)
TIERS_LOWER = "{kind: tiers, value: x, better: lower, bands: [{at: 1, points: 10}, {at: 5, points: 4}]}"
TIERS_YEARLY = "{kind: tiers, value: yearly, bands: [{at: 100, points: 10}, {at: 50, points: 6}]}"
LINEAR = "{kind: linear, value: x, target: 40}"
PER_UNIT = "{kind: per_unit, value: x, points: 1.5}"
PER_UNIT_PER = "{kind: per_unit, value: x, points: 2, per: 100}"
BOOLEAN = "{kind: boolean, value: flag}"
BOOLEAN_PARTIAL = "{kind: boolean, value: flag, points: 4}"
JUDGED = "{kind: judged, levels: [{name: 好, points: 10}, {name: 中, points: 6}]}"


# One row per case: rule, facts, judged awards, region -> points, status. Every rule kind has
# rows here (tests/test_house.py checks it).
RULE_CASES: list[tuple[str, dict[str, Any], dict[str, Any] | None, str, str, str]] = [
    (TIERS, {"x": 100}, None, "west", "10", "scored"),  # exactly at a threshold
    (TIERS, {"x": "99.999"}, None, "west", "6", "scored"),  # the smallest step below
    (TIERS, {"x": 1000}, None, "west", "10", "scored"),
    (TIERS, {"x": 10}, None, "west", "2", "scored"),
    (TIERS, {"x": 9}, None, "west", "0", "scored"),  # below the lowest band
    (TIERS, {}, None, "west", "0", "missing"),
    (TIERS_REGION, {"x": 60}, None, "west", "10", "scored"),
    (TIERS_REGION, {"x": 60}, None, "east", "5", "scored"),
    (TIERS_REGION, {"x": 79}, None, "central", "0", "scored"),  # central has no second band
    (TIERS_LOWER, {"x": 1}, None, "west", "10", "scored"),
    (TIERS_LOWER, {"x": 3}, None, "west", "4", "scored"),
    (TIERS_LOWER, {"x": 6}, None, "west", "0", "scored"),
    (
        TIERS_YEARLY,
        {"yearly": {"years": {2013: 40, 2014: 60, 2015: 100, 2016: 100}}},
        None,
        "west",
        "6",
        "scored",
    ),  # mean 75
    (LINEAR, {"x": 10}, None, "west", "2.5", "scored"),
    (LINEAR, {"x": 13}, None, "west", "3.3", "scored"),  # 3.25 rounds half up at 1 place
    (LINEAR, {"x": 80}, None, "west", "10", "scored"),  # capped at max
    (LINEAR, {"x": 0}, None, "west", "0", "scored"),
    (PER_UNIT, {"x": 3}, None, "west", "4.5", "scored"),
    (PER_UNIT, {"x": 30}, None, "west", "10", "scored"),
    (PER_UNIT_PER, {"x": 299}, None, "west", "4", "scored"),  # whole units of 100 only
    (BOOLEAN, {"flag": True}, None, "west", "10", "scored"),
    (BOOLEAN, {"flag": False}, None, "west", "0", "scored"),
    (BOOLEAN_PARTIAL, {"flag": True}, None, "west", "4", "scored"),
    (BOOLEAN, {}, None, "west", "0", "missing"),
    (JUDGED, {}, {"1.1": {"level": "中"}}, "west", "6", "scored"),
    (JUDGED, {}, {"1.1": 7.5}, "west", "7.5", "scored"),
    (JUDGED, {}, {"1.1": {"note": "no award yet"}}, "west", "0", "not_judged"),
    (JUDGED, {}, None, "west", "0", "not_judged"),
]


@pytest.mark.parametrize(("rule", "facts", "judged", "region", "points", "status"), RULE_CASES)
def test_rule(
    rule: str, facts: dict[str, Any], judged: dict[str, Any] | None, region: str, points: str, status: str
) -> None:
    std = one_indicator(rule, 10)
    result = run(std, facts, judged, region)
    ind = result.indicator("1.1")
    assert ind is not None
    assert (ind.score, ind.status) == (Decimal(points), status)
    assert ind.explanation.zh and ind.explanation.en
    assert f"{points}/10" in ind.explanation.en


def test_explanation_names_value_and_band() -> None:
    std = one_indicator(TIERS)
    ind = run(std, {"x": 84}).indicator("1.1")
    assert ind is not None
    assert ind.explanation.zh == "x 84 ≥ 50，得 6 分（满分 10）"
    assert ind.explanation.en == "x 84 ≥ 50 → 6/10"


def test_missing_is_not_zero() -> None:
    std = one_indicator(TIERS)
    zero = run(std, {"x": 0})
    missing = run(std, {})
    assert zero.indicator("1.1").status == "scored"  # type: ignore[union-attr]
    assert missing.indicator("1.1").status == "missing"  # type: ignore[union-attr]
    assert missing.missing == ("x",) and zero.missing == ()
