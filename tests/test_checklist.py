"""The on-site checklist a review starts from (analysis/checklist.py): every fact and every judged
award of the source, grouped by the standard's parts."""

from __future__ import annotations

from decimal import Decimal

from libeval.analysis.checklist import Checklist, checklist
from libeval.load.folders import LibraryFolder, load_library
from libeval.models.standard import Judged
from libeval.scoring.engine import score

from conftest import EXAMPLE


def _checklist(name: str) -> tuple[LibraryFolder, Checklist]:
    folder = load_library(EXAMPLE)
    source = folder.assessments[name][0]
    result = score(folder.standard, folder.library, source, name)
    return folder, checklist(folder.standard, folder.library, source, name, result)


def test_every_fact_and_every_judged_award_once_in_the_standard_parts() -> None:
    folder, c = _checklist("self")
    std = folder.standard
    assert c.facts[0].id == "population"
    assert sorted(f.id for f in c.facts) == sorted(["population", *std.facts])
    judged = [code for code, info in std.nodes.items() if isinstance(info.node.rule, Judged)]
    assert sorted(a.code for a in c.awards) == sorted(judged)
    assert [p.code for p in c.parts] == ["", "1", "2", "3", "B"]
    assert all(std.nodes[a.code].part == p.code for p in c.parts for a in p.awards)


def test_rows_carry_what_the_team_checks() -> None:
    _, c = _checklist("self")
    rows = {f.id: f for f in c.facts}
    computers, loans = rows["computers"], rows["annual_loans"]
    assert (computers.value, computers.unit.zh, computers.estimated, computers.per_year) == (40, "台", True, False)
    assert loans.years == {2013: 52000, 2014: 56000, 2015: 60000, 2016: 64000} and loans.per_year
    awards = {a.code: a for a in c.awards}
    assert (awards["1.2.1"].level, awards["1.2.1"].points, awards["1.2.1"].max) == ("中", Decimal(12), Decimal(20))
    assert awards["2.1.8"].not_applicable == "本馆无古籍收藏" and awards["2.1.8"].points is None


def test_a_corrected_source_gives_its_corrected_values() -> None:
    _, c = _checklist("prefecture")
    rows = {f.id: f for f in c.facts}
    assert rows["branches"].value == 0 and rows["branches"].corrected
    assert rows["branches"].source == "社区图书室未签订总分馆协议、无统一借还记录，不计为分馆。"
    assert rows["annual_loans"].years == {2013: 42000, 2014: 45000, 2015: 47000, 2016: 50000}
