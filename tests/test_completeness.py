"""Completeness: what a result rests on that the library has not given, said first in every
output; plan never targets a missing fact; conditions of another variant never block."""

from __future__ import annotations

import csv
import io
import json
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from libeval.analysis.plan import plan
from libeval.cli import app
from libeval.load.folders import load_library, load_standard
from libeval.present.completeness import fill_line, notice
from libeval.scoring.engine import score
from libeval.scoring.standard import at_variant
from libeval.text import numbers

from conftest import DATA, EXAMPLE, STANDARD
from helpers import MINI_FACTS, assessment, library

WEST = DATA / "west-published"
MINI = load_standard(DATA / "mini-criteria.yaml")
NOTICE_ZH = (
    "结果不完整：48 项事实已填 7 项（缺数据的指标共 538 分，暂按 0 分计）；32 项评定指标未评（401 分）。"
    "以下分数与等级仅供参考。"
)


def invoke(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return r.exit_code, r.stdout, r.stderr


def _result(folder: Path, name: str = "self") -> Any:
    f = load_library(folder)
    return score(f.standard, f.library, f.assessment(name), name)


def test_published_facts_only_is_incomplete_with_exact_counts() -> None:
    c = _result(WEST).completeness
    assert not c.complete
    assert (c.facts_total, c.facts_given, c.facts_estimated) == (48, 7, 0)  # 6 facts and the population
    assert (c.judged_total, c.judged_awarded) == (32, 0)
    assert (c.points_missing_facts, c.points_not_judged) == (Decimal(538), Decimal(401))
    # the list to fill: largest first; the judged ones add up to the points not judged
    points = [t.points for t in c.to_fill]
    assert points == sorted(points, reverse=True)
    assert sum(t.points for t in c.to_fill if t.kind == "judged") == c.points_not_judged
    assert {t.id for t in c.to_fill if t.kind == "fact"} == set(_result(WEST).missing)
    assert c.to_fill[0].id == "staff" and c.to_fill[0].points == 40


@pytest.mark.parametrize(("name", "total"), [("self", "832"), ("prefecture", "775.3")])
def test_worked_example_is_complete(name: str, total: str) -> None:
    r = _result(EXAMPLE, name)
    c = r.completeness
    assert r.total == Decimal(total)
    assert c.complete and not c.to_fill
    assert (c.facts_total, c.facts_given, c.judged_total, c.judged_awarded) == (48, 48, 31, 31)  # 2.1.8 n/a
    assert c.facts_estimated == (25 if name == "self" else 18)
    code, out, _ = invoke("score", str(EXAMPLE), "--assessment", name)
    assert code == 0 and "不完整" not in out and "暂定" not in out


def test_table_says_incomplete_first_and_grade_provisional() -> None:
    code, out, _ = invoke("score", str(WEST), "--lang", "zh")
    assert code == 0
    assert " ".join(out.split()).startswith(NOTICE_ZH)  # the terminal wraps it at its width
    assert "等级：未达等级（暂定）" in out
    assert "待补充（按涉及分数从大到小）：\n  填写事实 在编在岗人员（staff）：40 分" in out
    _, out, _ = invoke("score", str(WEST), "--lang", "en")
    assert out.startswith("Incomplete result: 7 of 48 facts filled in")
    assert "Grade reached: no grade (provisional)" in out


def test_every_score_format_says_so_first(tmp_path: Path) -> None:
    _, out, _ = invoke("score", str(WEST), "--format", "json")
    data = json.loads(out)
    assert list(data)[:6] == ["schema_version", "libeval_version", "library", "criteria", "assessment", "completeness"]
    c = data["completeness"]
    assert c["complete"] is False and c["notice"] == NOTICE_ZH
    assert (c["facts_total"], c["facts_given"], c["judged_total"], c["judged_awarded"]) == (48, 7, 32, 0)
    assert (c["points_missing_facts"], c["points_not_judged"]) == (538, 401)
    _, md, _ = invoke("score", str(WEST), "--format", "md")
    first = [line for line in md.splitlines() if line.strip()][1]  # the one after the title
    assert NOTICE_ZH in first and "| 未达等级（暂定） |" in md and "未达到定级最低要求（暂定）。" in md
    assert "### 待补充（按涉及分数从大到小）" in md and md.count("- 评定指标 ") == 32
    _, html, _ = invoke("score", str(WEST), "--format", "html")
    assert html.index(NOTICE_ZH) < html.index("重建值") and "未达等级（暂定）" in html
    assert invoke("score", str(WEST), "--explain", "1.1.1")[1].startswith(NOTICE_ZH + "\n1.1.1 年文献外借量")
    assert invoke("score", str(EXAMPLE), "--explain", "1.1.1")[1].startswith("1.1.1 年文献外借量")
    _, gh, _ = invoke("score", str(WEST), "--format", "github")
    assert gh.startswith("::warning title=libeval::同心县图书馆：结果不完整") and "未达等级（暂定）" in gh
    out_file = tmp_path / "w.xlsx"
    assert invoke("score", str(WEST), "--format", "xlsx", "-o", str(out_file))[0] == 0
    from openpyxl import load_workbook

    wb = load_workbook(out_file)
    # right under the sheet's title (the library and the sheet), above the header
    assert wb.worksheets[0]["A1"].value == "同心县图书馆\u3000评分表" and wb.worksheets[0]["A2"].value == NOTICE_ZH
    assert wb["等级"]["A2"].value == NOTICE_ZH
    assert ["达到的等级", "未达等级（暂定）"] in [[c.value for c in row][1:3] for row in wb["等级"].iter_rows()]
    fill = wb["待补充"]
    header = next(r for r in range(1, fill.max_row + 1) if fill.cell(r, 1).value == "待补充（按涉及分数从大到小）")
    assert fill.cell(header + 1, 1).value == "填写事实 在编在岗人员（staff）：40 分"


def test_batch_marks_incomplete_rows(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLE, tmp_path / "a-jinghe")
    shutil.copytree(WEST, tmp_path / "b-west")
    _, table, _ = invoke("score", str(tmp_path))
    assert table.startswith("1 个图书馆的结果不完整") and "未定级（暂定）" in table
    rows = list(csv.DictReader(io.StringIO(invoke("score", str(tmp_path), "--format", "csv")[1])))
    assert [(r["complete"], r["facts_given"], r["judged_total"]) for r in rows] == [
        ("是", "48", "31"),
        ("否", "7", "32"),
    ]
    data = json.loads(invoke("score", str(tmp_path), "--format", "json")[1])
    assert data["incomplete"] == 1
    assert [lib["completeness"]["complete"] for lib in data["libraries"]] == [True, False]
    assert "to_fill" not in data["libraries"][1]["completeness"]
    for fmt in ("md", "html"):
        text = invoke("score", str(tmp_path), "--format", fmt)[1]
        assert "1 个图书馆的结果不完整" in text and "未定级（暂定）" in text and "三级（暂定）" not in text
    gh = invoke("score", str(tmp_path), "--format", "github")[1]
    assert gh.startswith("::warning title=libeval::1 个图书馆的结果不完整")


def _planned_facts(p: Any) -> set[str]:
    return {c.fact for c in p.changes} | {o.change.fact for o in p.options}


def test_plan_proposes_no_missing_fact_and_its_gap_agrees_with_score() -> None:
    f = load_library(WEST)
    result = score(f.standard, f.library, f.assessment("self"), "self")
    p = plan(f.standard, f.library, f.assessment("self"))
    given = {fid for fid in f.standard.facts if f.library.facts.get(fid) is not None}
    assert _planned_facts(p) <= given
    assert p.status == "incomplete"
    shortfall = result.blocked[-1].conditions[0].shortfall  # score's `总分 94 < 350，差 256 分`
    assert p.gap_now == shortfall == Decimal(256)
    code, out, _ = invoke("plan", str(WEST))
    assert code == 0 and "— →" not in out
    assert out.startswith(NOTICE_ZH + "\n先补充以下事实与评定")
    assert "分数：总分 94，需 ≥ 350，差 256 分" in out
    assert "（当前：未达等级（暂定），94 分）" in out  # the grade of an incomplete result is provisional
    assert "实施后" not in out  # nothing could be chosen: no "after" that is today's result again
    data = json.loads(invoke("plan", str(WEST), "--format", "json")[1])
    assert data["gap_now"] == 256 and data["completeness"]["complete"] is False
    assert all(s["change"] is None for s in data["prerequisites"])


def test_plan_gap_says_what_the_prerequisites_add() -> None:
    p = plan(MINI, library({**MINI_FACTS, "floor_area": 900}), assessment({"1.5": 2, "2.2.2": 0, "B.1": 0}), "grade2")
    from libeval.present.plan import plan_lines

    line = next(x for x in plan_lines(p, "zh") if x.startswith("分数："))
    assert line.startswith(f"分数：总分 {p.result.total}，需 ≥ 70，差 {70 - p.result.total} 分")
    if p.prerequisite_gain > 0:
        assert f"+{p.prerequisite_gain} 分" in line
    assert p.gap_now == 70 - p.result.total and p.gap == max(p.gap_now - p.prerequisite_gain, 0)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sets(st.sampled_from(sorted(MINI_FACTS))),
    st.sets(st.sampled_from(["1.5", "2.2.2", "B.1"])),
    st.sampled_from(["east", "central", "west"]),
)
def test_counts_and_plans_for_any_gaps(dropped: set[str], awarded: set[str], region: str) -> None:
    """Whatever is left out: the counts match the indicators' statuses, the result is complete
    exactly when nothing is left out, and the plan never changes a fact that is not given."""
    facts = {k: v for k, v in MINI_FACTS.items() if k not in dropped}
    lib, asmt = library(facts, region), assessment(dict.fromkeys(awarded, 1))
    r = score(MINI, lib, asmt, "self")
    c = r.completeness
    assert c.points_missing_facts == sum((i.max for i in r.indicators if i.status == "missing"), Decimal(0))
    assert c.points_not_judged == sum((i.max for i in r.indicators if i.status == "not_judged"), Decimal(0))
    assert c.judged_total - c.judged_awarded == sum(1 for i in r.indicators if i.status == "not_judged")
    assert c.facts_total - c.facts_given == sum(1 for t in c.to_fill if t.kind == "fact")
    used = {f for f in dropped if f in MINI.used}
    assert c.complete == (not used and awarded == {"1.5", "2.2.2", "B.1"})
    p = plan(MINI, lib, asmt)
    assert _planned_facts(p) <= set(facts)


def _not_applicable(variant: str) -> dict[str, str]:
    """The ids of the conditions that do not apply to `variant`, with their bound for the central
    region as a grade condition names it (`年文献外借量 ≥ 12 万册次`)."""
    std = load_standard(STANDARD)
    out = {}
    for g in std.spec.grades:
        for c in g.prerequisites:
            b = c.at_least if c.at_least is not None else c.at_most
            if b is not None and at_variant(b, variant) is None:
                bound = at_variant(b, "central")
                out[c.id] = f"{c.name} ≥ {numbers.amount(bound, std.unit(c.value or ''))}"
    return out


def test_conditions_of_another_variant_never_block(tmp_path: Path) -> None:
    """A western library missing the satisfaction rate: the central-only `读者满意率 ≥ 85%` (and
    every other central-only condition) is never listed as blocking, in any output."""
    na = _not_applicable("west")
    assert na["satisfaction_central"] == "读者满意率 ≥ 85%" and na["loans_central"] == "年文献外借量 ≥ 12 万册次"
    central = {v for k, v in na.items() if k != "satisfaction_central"}  # the west needs 85% too
    lib = tmp_path / "lib"
    shutil.copytree(WEST, lib)
    (lib / "assessments" / "prefecture.yaml").write_text(
        "assessor: prefecture\ndate: 2017-07-01\njudged: {}\ncorrections:\n  floor_area: {value: 3000, reason: 复核}\n",
        encoding="utf-8",
    )
    texts = [
        invoke("score", str(lib))[1],
        invoke("plan", str(lib))[1],
        invoke("plan", str(lib), "--target", "一级")[1],
        invoke("plan", str(lib), "--format", "json")[1],
        invoke("diff", str(lib))[1],
        invoke("diff", str(lib), "--format", "json")[1],
        invoke("score", str(tmp_path))[1],
        invoke("score", str(tmp_path), "--format", "csv")[1],
        invoke("score", str(tmp_path), "--format", "json")[1],
    ]
    for text in texts:
        for name in central:
            assert name.split(" ≥ ")[1] not in text  # the central bound is never shown as a requirement
    data = json.loads(invoke("score", str(lib), "--format", "json")[1])
    blocking = {c["id"] for g in data["blocked"] for c in g["failed"]}
    assert blocking and not blocking & set(na)
    listed = {c["id"]: (c["met"], c["explanation"]) for g in data["grades"] for c in g["conditions"] if c["id"] in na}
    assert set(listed) == set(na) and set(listed.values()) == {(None, "不适用于西部")}  # never failing
    for fmt in ("md", "html"):
        report = invoke("score", str(lib), "--format", fmt)[1]
        for name in central:
            assert name.split(" ≥ ")[1] not in report
    out_file = tmp_path / "w.xlsx"
    invoke("score", str(lib), "--format", "xlsx", "-o", str(out_file))
    from openpyxl import load_workbook

    names = {c["name"] for g in data["grades"] for c in g["conditions"] if c["id"] in na}
    for row in load_workbook(out_file)["等级"].iter_rows(values_only=True):
        if row[1] in names:  # the west's own conditions are named with their bound (读者满意率 ≥ 85%)
            assert row[2] == "不适用"


def test_check_says_what_score_says(tmp_path: Path) -> None:
    """check --strict fails the incomplete library; a folder without assessments fails check as
    it fails score."""
    code, _, err = invoke("check", str(WEST), "--strict")
    assert code == 1 and "32 of 32 judged indicators not awarded (401 points at stake)" in err
    assert err.count("[judged-not-awarded]") == 1
    assert invoke("check", str(EXAMPLE), "--strict")[0] == 0
    bare = tmp_path / "bare"
    bare.mkdir()
    shutil.copy(WEST / "library.yaml", bare / "library.yaml")
    code, _, err = invoke("check", str(bare))
    assert code == 1 and "[no-assessment]" in err
    code, _, err = invoke("score", str(bare))
    assert code == 1 and "[assessment-not-found]" in err


def test_a_fact_lacking_a_year_of_the_period_is_partial(tmp_path: Path) -> None:
    """2016 typed as 2017: scored over the years given (the mean of three), but never silently."""
    folder = tmp_path / "jinghe"
    shutil.copytree(EXAMPLE, folder)
    lib = folder / "library.yaml"
    old = "years: {2013: 60000, 2014: 66000, 2015: 72000, 2016: 78000}"
    text = lib.read_text(encoding="utf-8")
    assert old in text
    lib.write_text(text.replace(old, "years: {2013: 91000, 2014: 98000, 2015: 102000, 2017: 106000}"), "utf-8")
    loaded = load_library(folder)
    result = score(loaded.standard, loaded.library, loaded.assessments["self"][0], "self")
    c = result.completeness
    assert (c.facts_given, c.facts_total, c.facts_partial, c.complete) == (48, 48, 1, False)
    (item,) = c.to_fill
    assert (item.id, item.years, item.points, item.codes) == ("annual_visits", (2016,), Decimal(0), ("1.1.3", "1.1.4"))
    assert fill_line(item, "zh") == "补填事实 年流通总人次（annual_visits）：缺 2016 年"
    assert fill_line(item, "en").endswith("(annual_visits): 2016 missing")
    head = "结果不完整：1 项按年填写的事实缺评估期内的年份（暂按已填年份计）。"
    assert notice(c, "zh") == head + "以下分数与等级仅供参考。"
    ind = next(i for i in result.indicators if i.code == "1.1.3")
    assert ind.value == Decimal(97000)  # docs/semantics.md 3.1: the mean of the years given
    shown = "2013: 91,000, 2014: 98,000, 2015: 102,000, 2016: —, 2017: 106,000"
    code, out, _ = invoke("score", str(folder), "--explain", "1.1.3")
    assert code == 0 and f"annual_visits 年流通总人次（人次） = {shown}（不计入）" in out
    code, out, _ = invoke("score", str(folder), "--explain", "1.1.3", "--lang", "en")
    assert code == 0 and f"{shown} (not counted)" in out
    code, out, _ = invoke("score", str(folder), "--format", "md")
    assert code == 0 and f"{shown}（不计入）" in out and "缺 2016 年" in out
    code, out, _ = invoke("score", str(folder), "--format", "json")
    data = json.loads(out)["completeness"]
    assert data["facts_partial"] == 1 and data["to_fill"][0]["years"] == [2016] and not data["complete"]


def test_the_worked_example_has_every_year_of_every_per_year_fact() -> None:
    loaded = load_library(EXAMPLE)
    result = score(loaded.standard, loaded.library, loaded.assessments["self"][0], "self")
    assert result.completeness.facts_partial == 0 and result.completeness.complete
