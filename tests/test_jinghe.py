"""The worked example: Jinghe county library, 2017 (self 832, prefecture review 775.3)."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from libeval.errors import LibevalError
from libeval.load.folders import load_library, load_standard
from libeval.models import Node
from libeval.models.result import Result
from libeval.scoring.engine import score
from libeval.text.numbers import points

from conftest import EXAMPLE, STANDARD


def _score(name: str) -> Result:
    folder = load_library(EXAMPLE)
    assessment, _ = folder.assessments[name]
    return score(folder.standard, folder.library, assessment, name)


@pytest.mark.parametrize(("name", "total"), [("self", "832"), ("prefecture", "775.3")])
def test_reported_totals(name: str, total: str) -> None:
    r = _score(name)
    assert r.total == Decimal(total)
    assert points(r.total) == total


def test_grade_and_what_blocks_the_next() -> None:
    r = _score("prefecture")
    assert r.grade is not None and r.grade.name.zh == "三级"
    grade2, grade1 = r.blocked[-1], r.blocked[0]
    assert grade2.name.zh == "二级"
    floor = next(c for c in grade2.failed if c.subject == "floor_area")
    assert (floor.actual, floor.required, floor.shortfall) == (Decimal(600), Decimal(2000), Decimal(1400))
    assert {c.subject for c in grade1.failed} == {"annual_loans", "floor_area", "additions_per_capita"}


def test_admitted_weaknesses_lose_points() -> None:
    r = _score("self")
    # small, old building; new items per resident below standard; staff training
    for code in ("3.1.1", "2.1.2", "3.3.4"):
        ind = r.indicator(code)
        assert ind is not None and ind.score < ind.max


def test_the_review_differs_by_corrections_and_awards() -> None:
    a, b = _score("self"), _score("prefecture")
    assert a.total - b.total == Decimal("56.7")
    assert {c.fact for c in b.corrections} >= {"annual_loans", "branches", "satisfaction"}
    assert all(c.reason for c in b.corrections)


def test_estimated_facts_are_never_reported_ones() -> None:
    folder = load_library(EXAMPLE)
    for fid, fact in folder.library.facts.items():
        assert fact.estimated != bool(fact.source), fid  # a source for reported facts, a flag for estimates
        if fact.estimated:
            assert fact.note and fact.note.startswith("估计值"), fid


def _leaf_points(node: Node) -> Decimal:
    """Points the leaves under a node can give, capped where a group is capped."""
    if not node.children:
        return node.max
    total = sum((_leaf_points(ch) for ch in node.children), Decimal(0))
    return min(total, node.max) if node.capped else total


def test_standard_adds_up_and_marks_reconstructions() -> None:
    std = load_standard(STANDARD)
    assert not std.problems  # no warnings either
    assert std.spec.bonus is not None
    assert sum((_leaf_points(p) for p in std.spec.parts), Decimal(0)) == 1000
    assert _leaf_points(std.spec.bonus) == 50
    assert sum((ch.max for ch in std.spec.bonus.children), Decimal(0)) > 50  # the cap binds
    recon, total = std.provenance_counts()
    assert recon == total - 4  # only the four published central-region prerequisites are official
    official = [c for g in std.spec.grades for c in g.prerequisites if c.provenance == "official"]
    assert len(official) == 4 and all(c.citation for c in official)
    assert all(
        c.at_least is not None
        and isinstance(c.at_least, dict)
        and [k for k, v in c.at_least.items() if v is not None] == ["central"]
        for c in official
    )


def test_rule_kinds_in_use() -> None:
    std = load_standard(STANDARD)
    kinds = {std.nodes[c].node.rule.kind for c in std.leaves}  # type: ignore[union-attr]
    assert kinds == {"tiers", "linear", "per_unit", "boolean", "judged"}
    assert any(std.nodes[c].node.capped for c in std.nodes)
    assert any(std.facts[f].per_year for f in std.facts)


def _with_years(tmp_path: Path, extra: str) -> Path:
    folder = tmp_path / "jinghe"
    shutil.copytree(EXAMPLE, folder)
    lib = folder / "library.yaml"
    given = "years: {2013: 52000, 2014: 56000, 2015: 60000, 2016: 64000}"
    text = lib.read_text(encoding="utf-8")
    assert given in text
    lib.write_text(text.replace(given, given[:-1] + f", {extra}}}"), encoding="utf-8")
    return folder


def test_a_year_outside_the_period_leaves_the_total_at_832(tmp_path: Path) -> None:
    folder = load_library(_with_years(tmp_path, "2017: 20000"))
    warned = [p for p in folder.problems if p.code == "year-outside-period"]
    assert [dict(p.args)["year"] for p in warned] == [2017]
    assert "2017" in warned[0].message("zh") and "不计入" in warned[0].message("zh")
    r = score(folder.standard, folder.library, folder.assessments["self"][0], "self")
    assert r.total == Decimal(832)
    loans = next(f for f in r.facts if f.id == "annual_loans")
    assert loans.value == Decimal(58000)  # the mean of 2013-2016; 2017 would make it 50,400


def test_a_two_digit_year_is_an_error_with_the_fix(tmp_path: Path) -> None:
    with pytest.raises(LibevalError) as exc:
        load_library(_with_years(tmp_path, "16: 20000"))
    (p,) = exc.value.problems
    assert (p.code, p.line) == ("year-short", 56) and "write 2016" in p.message("en")
