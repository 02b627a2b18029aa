"""The diff report as a reviewer reads and signs it: sides named by their assessors, the grade in
words, each fact as the value scoring uses with its unit, the years in an appendix, the input
hashes and a place to sign."""

from __future__ import annotations

import hashlib
import re
import shutil
from decimal import Decimal
from pathlib import Path

import html5lib
import pytest
from typer.testing import CliRunner

from libeval.analysis.diff import Side, diff
from libeval.cli import app
from libeval.load.folders import load_library
from libeval.models import Award
from libeval.models.library import FactValue
from libeval.present.diff_view import cause_text, diff_context, grade_line, side_names
from libeval.present.quantity import amount, unit_text
from libeval.text.bilingual import Bilingual

from conftest import EXAMPLE, ROOT


def invoke(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return r.exit_code, r.stdout, r.stderr


def _jinghe_sides() -> tuple[Side, Side, object]:
    folder = load_library(EXAMPLE)
    (a, _), (b, _) = folder.assessments["self"], folder.assessments["prefecture"]
    return Side(folder.library, a, "self", "self"), Side(folder.library, b, "prefecture", "prefecture"), folder


@pytest.mark.parametrize(
    ("value", "unit", "lang", "shown"),
    [
        (Decimal(600), Bilingual("m2", ""), "zh", "600 ㎡"),
        (Decimal(600), Bilingual("m2", ""), "en", "600 m²"),
        (Decimal(88), Bilingual("%", ""), "zh", "88%"),
        (Decimal(88), Bilingual("%", ""), "en", "88%"),
        (Decimal(46000), Bilingual("册次", "items"), "zh", "46,000 册次"),
        (Decimal(46000), Bilingual("册次", "items"), "en", "46,000 items"),
        (Decimal(260), Bilingual("个", ""), "en", "260"),  # no Chinese unit in English
        (Decimal("5.5"), Bilingual("万元", "10,000 yuan"), "zh", "5.5 万元"),
        (True, Bilingual("", ""), "zh", "是"),
        (None, Bilingual("册", ""), "zh", "—"),
    ],
)
def test_a_value_with_its_unit(value: Decimal | bool | None, unit: Bilingual, lang: str, shown: str) -> None:
    assert amount(value, unit, lang) == shown


def test_unit_text() -> None:
    assert unit_text("m2", "zh") == "㎡" and unit_text("平方米", "en") == "m²" and unit_text("", "zh") == ""


def test_the_sides_are_named_by_their_assessors() -> None:
    a, b, _ = _jinghe_sides()
    d = diff(load_library(EXAMPLE).standard, a, b)
    assert side_names(d, "zh") == ("自评", "州（市）评")
    assert side_names(d, "en") == ("Self", "Prefecture review")
    assert grade_line(d, "zh") == "自评与州（市）评等级相同：三级。"
    assert grade_line(d, "en") == "Self and Prefecture review reach the same grade: Grade 3."


def test_every_kind_of_difference_in_words() -> None:
    a, b, folder = _jinghe_sides()
    std = folder.standard  # type: ignore[attr-defined]
    lib_b = b.library.model_copy(update={"population": Decimal(150000)})
    judged = {**b.assessment.judged, "1.2.1": Award(level="差", note="挂牌分馆无借还记录。")}
    na = {**b.assessment.not_applicable, "1.4.4": "县内无农民工聚集区"}
    asmt = b.assessment.model_copy(update={"judged": judged, "not_applicable": na})
    d = diff(std, a, Side(lib_b, asmt, "prefecture", "prefecture"))
    texts = {x.id: cause_text(d, x, "zh") for x in d.differences}
    assert texts["population"] == "服务人口：140,000 人 → 150,000 人"
    assert (
        texts["judged:1.2.1"]
        == "评定等次 中 → 差（自评：已在 3 个社区挂牌分馆，统一借还尚在推进；州（市）评：挂牌分馆无借还记录）"
    )
    assert texts["na:1.4.4"] == "州（市）评认定不适用（县内无农民工聚集区）"
    assert texts["fact:satisfaction"].startswith("读者满意率：95% → 88%（")
    assert texts["fact:annual_loans"].startswith("年文献外借量（年均）：58,000 册次 → 46,000 册次（")
    en = {x.id: cause_text(d, x, "en") for x in d.differences}
    assert en["population"] == "service population: 140,000 people → 150,000 people"
    assert en["judged:1.3.7"].startswith("awarded 15 → 11 points (Self: ")


def test_years_that_differ_with_the_same_mean_are_shown_by_year() -> None:
    a, _, folder = _jinghe_sides()
    years: dict[int, Decimal | bool] = {
        2013: Decimal(60000),
        2014: Decimal(56000),
        2015: Decimal(52000),
        2016: Decimal(64000),
    }
    facts = {**a.library.facts, "annual_loans": FactValue(years=years)}  # the same mean, 58,000
    later = Side(a.library.model_copy(update={"facts": facts}), a.assessment, "self", "later:self")
    d = diff(folder.standard, a, later)  # type: ignore[attr-defined]
    (x,) = d.differences
    assert cause_text(d, x, "zh") == "年文献外借量：2013: 52,000, 2015: 60,000 → 2013: 60,000, 2015: 52,000"
    ctx = diff_context(d, "zh")
    assert [s["side"] for s in ctx["yearly"][0]["sides"]] == ["自评（self）", "自评（later:self）"]


def test_the_appendix_holds_the_years_and_the_scored_value() -> None:
    a, b, folder = _jinghe_sides()
    ctx = diff_context(diff(folder.standard, a, b), "zh")  # type: ignore[attr-defined]
    loans = next(f for f in ctx["yearly"] if f["name"] == "年文献外借量")
    assert loans["unit"] == "册次" and loans["years"] == ["2013", "2014", "2015", "2016"]
    assert loans["aggregate"] == "计分值（年均）"
    assert [(s["side"], s["values"], s["scored"]) for s in loans["sides"]] == [
        ("自评", ["52,000", "56,000", "60,000", "64,000"], "58,000"),
        ("州（市）评", ["42,000", "45,000", "47,000", "50,000"], "46,000"),
    ]


def _hashes() -> dict[str, str]:
    files = ["library.yaml", "assessments/self.yaml", "assessments/prefecture.yaml"]
    out = {f"examples/jinghe-2017/{f}": hashlib.sha256((EXAMPLE / f).read_bytes()).hexdigest() for f in files}
    crit = ROOT / "src" / "libeval" / "criteria" / "cn-2017-county.yaml"
    if not crit.is_file():
        crit = ROOT / "criteria" / "cn-2017-county.yaml"
    out["libeval:criteria/cn-2017-county.yaml"] = hashlib.sha256(crit.read_bytes()).hexdigest()
    return out


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_report_ends_with_the_input_hashes_and_a_place_to_sign(fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    code, out, err = invoke("diff", "examples/jinghe-2017", "--format", fmt)
    assert code == 0, err
    for path, digest in _hashes().items():
        assert re.search(rf"{re.escape(path)}.*{digest}", out), path
    sign, date = out.index("评估组成员签字："), out.index("日期：", out.index("评估组成员签字："))
    assert out.index("输入文件") < sign < date
    assert "前" not in re.sub(r"<[^>]+>", "", out.split("<main>")[-1]).replace("前入藏", "")  # no 前/后 columns
    assert "self (自评)" not in out and "两侧等级相同" not in out
    if fmt == "md":
        assert "| | 自评 | 州（市）评 |" in out and "**自评与州（市）评等级相同：三级。**" in out
        assert "<br>" not in out and "&lt;" not in out
        appendix = out.index("## 附：逐年数据")
        assert (
            "2013: 52,000" not in out and out.index("| 自评 | 52,000 | 56,000 | 60,000 | 64,000 | 58,000 |") > appendix
        )
    else:
        html5lib.HTMLParser(strict=True).parse(out)
        assert '<p class="grade-line" id="grade-line">自评与州（市）评等级相同：三级。</p>' in out
        assert "<thead><tr><th></th><th>自评</th><th>州（市）评</th></tr></thead>" in out


def test_the_chart_gives_each_label_its_own_column(monkeypatch: pytest.MonkeyPatch) -> None:
    """A label is never drawn over its bar: each row is label | bar | value in a grid (no SVG
    text at a fixed x that a long name runs past); on a phone the label takes its own line."""
    monkeypatch.chdir(ROOT)
    out = invoke("diff", "examples/jinghe-2017", "--format", "html")[1]
    assert "<svg" not in out
    rows = re.findall(r'<div class="bar-row"><span class="bar-label">([^<]+)</span><span class="bar-track">', out)
    assert "3.3.5 人才培养与队伍建设" in rows and len(rows) == 10
    widths = [float(w) for w in re.findall(r'style="width: ([\d.]+)%"', out)]
    assert max(widths) == 100.0 and all(0 < w <= 100 for w in widths)
    assert ".bar-label { grid-column: 1 / -1; }" in out


def test_two_folders_name_each_side(tmp_path: Path) -> None:
    later = tmp_path / "jinghe-2021"
    shutil.copytree(EXAMPLE, later)
    text = (later / "library.yaml").read_text(encoding="utf-8")
    (later / "library.yaml").write_text(
        text.replace("floor_area: {value: 600,", "floor_area: {value: 2600,"), encoding="utf-8"
    )
    code, out, err = invoke("diff", str(EXAMPLE), str(later), "--format", "md")
    assert code == 0, err
    assert "| | 自评（jinghe-2017:self） | 自评（jinghe-2021:self） |" in out
    assert "自评（jinghe-2017:self）三级，自评（jinghe-2021:self）二级。" in out
    assert "建筑面积：600 ㎡ → 2,600 ㎡" in out
    assert "自评（jinghe-2021:self）二级。撤回以下 1 项差异，自评（jinghe-2021:self）即为三级：" in out
    en = invoke("diff", str(EXAMPLE), str(later), "--format", "md", "--lang", "en")[1]
    assert "Self (jinghe-2021:self): Grade 2. Taking back these 1 difference(s) gives Self (jinghe-2021:self)" in en
    assert "Floor area: 600 m² → 2,600 m²" in en
