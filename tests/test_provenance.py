"""Provenance you can trust: citations inherited down the tree, a grade's minimum score and each
prerequisite with their own provenance, every maximum counted, `criteria show --provenance`."""

from __future__ import annotations

from typer.testing import CliRunner

from libeval.cli import app
from libeval.errors import LibevalError
from libeval.load.folders import load_standard
from libeval.resources import bundled_criteria

from helpers import standard

BASE = """
id: prov
title: 来源测试
level: county
period: {start: 2013, end: 2016}
total: 30
provenance: reconstructed
facts:
  - {id: area, name: 建筑面积, unit: m2}
parts:
  - code: "1"
    name: 保障
    max: 30
    provenance: official
    citation: 某省评估细则附件一
    children:
      - {code: "1.1", name: 面积, max: 20, provenance: official,
         rule: {kind: tiers, value: area, bands: [{at: 100, points: 20}]}}
      - {code: "1.2", name: 管理, max: 10, rule: {kind: judged}}
grades:
  - id: g1
    name: 一级
    min_score: 25
    provenance: reconstructed
    rationale: 分数线未公布
    prerequisites:
      - {id: area, name: 建筑面积 ≥ 100, value: area, at_least: 100, provenance: official, citation: 细则第3条}
      - {id: other, name: 管理满分, score: "1.2", full_marks: true}
"""


def test_a_citation_is_inherited_down_the_tree() -> None:
    std = standard(BASE)  # 1.1 is official without a citation of its own: its part's is inherited
    assert std.nodes["1.1"].citation == "某省评估细则附件一"
    assert std.nodes["1.2"].provenance == "official"  # provenance is inherited too


def test_official_without_any_citation_up_the_tree_is_an_error() -> None:
    text = BASE.replace("    citation: 某省评估细则附件一\n", "")
    try:
        standard(text)
    except AssertionError as exc:
        assert "official-needs-citation" in str(exc)
    else:  # pragma: no cover - the assertion above is the test
        raise AssertionError("an official value without a citation anywhere must be refused")


def test_a_reconstructed_grade_leaves_its_prerequisites_as_marked() -> None:
    std = standard(BASE)
    items = {i.path: i for i in std.provenance_items()}
    assert items["g1.min_score"].provenance == "reconstructed"
    assert (items["g1.area"].provenance, items["g1.area"].citation) == ("official", "细则第3条")
    # not marked: the standard's provenance, not the grade's
    assert items["g1.other"].provenance == "reconstructed"


def test_every_maximum_is_counted() -> None:
    std = standard(BASE)
    paths = [i.path for i in std.provenance_items()]
    assert paths == ["1", "1.1", "1.2", "g1.min_score", "g1.area", "g1.other"]
    assert std.provenance_counts() == (2, 6)
    bundled = load_standard(bundled_criteria()["cn-2017-county"])
    assert bundled.provenance_counts() == (115, 119)  # 18 parts and groups, 82 rules, 19 grade values


def test_criteria_show_provenance_lists_every_reconstructed_value() -> None:
    result = CliRunner().invoke(app, ["criteria", "show", "cn-2017-county", "--provenance"], catch_exceptions=False)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[1] == "重建数值 115 项（共 119 项），未经官方原文核对"
    assert lines[2] == "重建（115 项）："
    assert lines[3].split()[0] == "1" and "满分：服务效能" in lines[3]
    assert sum(1 for line in lines if line.startswith("  ")) == 119
    official = lines[lines.index("官方（4 项）：") + 1 :]
    assert all("出处：第六次评估定级县级馆一级必备条件" in line for line in official)


def test_load_refuses_nothing_it_accepted_before() -> None:
    try:
        load_standard(bundled_criteria()["cn-2017-county"])
    except LibevalError as exc:  # pragma: no cover - the bundled standard must load
        raise AssertionError(exc.problems) from None
