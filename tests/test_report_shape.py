"""The library report as a document a librarian hands in and an expert signs (issue 17): the
written report's sections, the expert's appendix, print CSS, clean Markdown, Chinese typography."""

from __future__ import annotations

import html
import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from libeval.analysis.fact_changes import FactChange
from libeval.cli import app
from libeval.load.folders import load_library
from libeval.present import report_sections
from libeval.present.report_format import long_date, no_ids, running
from libeval.scoring.engine import score
from libeval.text.bilingual import Bilingual
from libeval.text.provinces import province_name
from libeval.text.units import counted, display_unit, with_unit

from conftest import EXAMPLE

CJK = "\u4e00-\u9fff"


def _report(folder: Path, assessment: str, fmt: str, lang: str = "zh") -> str:
    out = CliRunner().invoke(
        app, ["score", str(folder), "-a", assessment, "--format", fmt, "--lang", lang], catch_exceptions=False
    )
    assert out.exit_code == 0, out.stderr
    return out.stdout


def _text(page: str) -> str:
    """What a reader sees: the body's text, without the style sheet and the tags."""
    body = page[page.index("<body>") :] if "<body>" in page else page
    return html.unescape(re.sub(r"<[^>]+>", " ", body))


@pytest.fixture(scope="module")
def review_html() -> str:
    return _report(EXAMPLE, "prefecture", "html")


def test_review_html_has_the_written_reports_shape(review_html: str) -> None:
    text = _text(review_html)
    for heading in ("基本情况", "评估工作开展情况", "主要成效", "存在问题", "下一步", "附录"):
        assert f"<h2>{heading}" in review_html or heading in text, heading
    headings = re.findall(r"<h2[^>]*>([^<]+)</h2>", review_html)
    assert headings[:5] == ["一、基本情况", "二、评估工作开展情况", "三、主要成效", "四、存在问题", "五、下一步工作"]
    assert review_html.count("<table") == review_html.count("<thead>") > 5
    assert "@bottom-center" in review_html and "counter(page)" in review_html and "size: A4" in review_html
    assert "break-after: avoid" in review_html and "break-before: page" in review_html
    assert "评估组成员签字：" in text and "日期：2017年7月12日" in text
    assert "单位：博尔塔拉蒙古自治州公共图书馆评估领导小组" in text


def test_review_html_typography(review_html: str) -> None:
    text = _text(review_html)
    assert not re.findall(f"[{CJK}][:(]", text), re.findall(f".{{8}}[{CJK}][:(].{{8}}", text)[:5]
    assert "m2" not in text and "600 ㎡" in text
    assert not re.search(r"\d %", text)  # 2.14%, not 2.14 %


def test_review_html_has_the_self_points_beside_the_reviews(review_html: str) -> None:
    head = re.search(r'<h2 id="all-indicators">.*?</thead>', review_html, re.S)
    assert head is not None
    cells = re.findall(r"<th[^>]*>([^<]*)</th>", head.group())
    assert cells[2:5] == ["自评", "州（市）评", "差值"]
    appendix = review_html[review_html.index('id="appendix"') :]
    row = re.search(r'<tr><td class="code">1\.2\.2</td>.*?</tr>', appendix, re.S)
    assert row is not None
    assert re.findall(r'<td class="n">([^<]*)</td>', row.group())[:4] == ["9", "0", "−9", "15"]


def test_expert_view_shows_bands_badges_and_evidence(review_html: str) -> None:
    review_html = review_html[review_html.index('id="appendix"') :]
    row = re.search(r'<tr><td class="code">3\.1\.1</td>.*?</tr>', review_html, re.S)
    assert row is not None
    assert "≥ 800：12 分" in row.group() and "下一档：≥ 800 ㎡ 得 12 分" in row.group()
    assert "汇报材料 一、基本情况：建筑面积600㎡" in row.group()  # the evidence column is no longer empty
    loans = re.search(r'<tr><td class="code">1\.1\.1</td>.*?</tr>', review_html, re.S)
    assert loans is not None and "已更正" in loans.group() and "估计值" not in loans.group()
    outreach = re.search(r'<tr><td class="code">1\.2\.5</td>.*?</tr>', review_html, re.S)
    assert outreach is not None and "估计值" in outreach.group()
    assert "状态" not in _text(review_html)  # no status column; a badge only for rows not scored


def test_a_derived_values_bands_carry_its_unit(review_html: str) -> None:
    """A derived value (持证读者占服务人口比例, a percentage; 人均藏量, 册/人) is banded in its
    unit, as a fact is: `≥ 3% 得 8 分`, not `≥ 3 得 8 分`."""
    appendix = review_html[review_html.index('id="appendix"') :]
    share = re.search(r'<tr><td class="code">1\.1\.5</td>.*?</tr>', appendix, re.S)
    assert share is not None and "≥ 1%：4 分" in share.group() and "下一档：≥ 3% 得 8 分" in share.group()
    titled = re.search(r'<tr><td class="code">3\.3\.3</td>.*?</tr>', appendix, re.S)
    assert titled is not None and "≥ 30% 得 8 分" in titled.group()
    per_head = re.search(r'<tr><td class="code">2\.1\.1</td>.*?</tr>', appendix, re.S)
    assert per_head is not None and "下一档：≥ 0.3 册/人 得 8 分" in per_head.group()


def test_a_corrected_value_is_marked_corrected_with_its_unit(review_html: str) -> None:
    """The bug of issue 17: `… → 2013: 42,000…(估计值)` and `3 个 → 0`."""
    facts = review_html[review_html.index('<h2 id="facts">') :]
    loans = re.search(r"<tr><td class=\"name\">年文献外借量 <code>annual_loans</code>.*?</tr>", facts, re.S)
    assert loans is not None
    assert "2016: 50,000 册次" in loans.group() and "已更正" in loans.group() and "估计值</span>" not in loans.group()
    branches = re.search(r"<tr><td class=\"name\">分馆数量 <code>branches</code>.*?</tr>", facts, re.S)
    assert branches is not None and "3 个 → 0 个" in branches.group()


def test_a_value_in_ten_thousands_or_thousands_is_shown_in_the_unit_the_explanations_use() -> None:
    """The profile table and the facts appendix write a value as the sentences and the
    explanations do: 55,000 yuan in English (not `5.5 10,000 yuan`), 5,125 册次 (not 5.13 千册次)."""
    en = _report(EXAMPLE, "prefecture", "md", "en")
    assert "10,000 yuan" not in en
    assert "| Acquisition funds per year (yearly mean) | 55,000 yuan (estimated) |" in en
    assert "2013: 50,000, 2014: 50,000, 2015: 60,000, 2016: 60,000 yuan" in en
    zh = _report(EXAMPLE, "prefecture", "md")
    assert "| 馆外流动服务书刊借阅册次（年均）5,125 册次 |" in zh and "5.13 千册次" not in zh
    assert "| 年文献外借量（年均）46,000 册次 |" in zh  # no space after the full-width parenthesis


def test_one_date_form_in_chinese_and_capitalised_cells_in_english() -> None:
    """The Chinese report writes a date one way, in the sentences, the tables and the title
    line (2017年7月12日, as the real report); the English one heads columns and fills cells
    with capitalised labels (`Self-assessment`, `County`)."""
    zh = _report(EXAMPLE, "prefecture", "md")
    assert "2017-0" not in zh and "| 2017年6月30日 | 832 |" in zh
    page = _report(EXAMPLE, "prefecture", "html")
    assert "2017-07-12" not in _text(page) and "· 2017年7月12日</p>" in page
    en = _report(EXAMPLE, "prefecture", "md", "en")
    assert "| Self-assessment | Prefecture review | Difference |" in en
    assert "| Level | County |" in en and "| Region | West |" in en
    assert "| Self-assessment | 精河县公共图书馆评估定级工作领导小组 | 2017-06-30 |" in en


def test_the_assessors_note_is_its_own_paragraph_and_corrections_name_the_assessment() -> None:
    zh = _report(EXAMPLE, "prefecture", "md")
    assert "达到三级。\n\n评估意见：州评结果 775.3 分" in zh  # not run into the sentence before it
    assert "州（市）评更正了以下事实：" in zh and "评估者" not in zh
    en = _report(EXAMPLE, "prefecture", "md", "en")
    assert "The prefecture review corrected these facts:" in en


def test_achievements_say_the_points_in_words() -> None:
    """`专家评定 9 分`, `满分 10 分` in a sentence (typography.md), not `9/10`."""
    zh = _report(EXAMPLE, "prefecture", "md")
    achieved = zh[zh.index("## 三、主要成效") : zh.index("## 四、存在问题")]
    assert "- 1.1.7 双休日及节假日开放：满分 5 分\n" in achieved
    assert "- 1.2.6 对乡镇（街道）文化站图书室的业务指导：得 9 分（满分 10 分）；评估意见：" in achieved
    assert not re.search(r"\d/\d", achieved)
    en = _report(EXAMPLE, "prefecture", "md", "en")
    assert "- 2.1.10 Weeding and collection quality: 9 of 10 points\n" in en


@pytest.mark.parametrize(
    ("given", "lang", "shown"),
    [
        ("新疆维吾尔自治区", "en", "Xinjiang"),
        ("新疆生产建设兵团", "en", "Xinjiang Production and Construction Corps"),
        ("内蒙古自治区", "en", "Inner Mongolia"),
        ("山西省", "en", "Shanxi"),
        ("陕西", "en", "Shaanxi"),
        ("新疆维吾尔自治区", "zh", "新疆维吾尔自治区"),
        ("Atlantis", "en", "Atlantis"),
        (None, "en", ""),
    ],
)
def test_a_province_in_english(given: str | None, lang: str, shown: str) -> None:
    assert province_name(given, lang) == shown


def test_the_english_report_names_the_province_in_english() -> None:
    en = _report(EXAMPLE, "prefecture", "md", "en")
    assert "county public library in Xinjiang (west region)" in en and "| Province | Xinjiang |" in en
    assert "新疆维吾尔自治区" not in en


def test_the_english_batch_report_names_the_province_in_english(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLE, tmp_path / "a")
    out = CliRunner().invoke(app, ["score", str(tmp_path), "--format", "md", "--lang", "en"], catch_exceptions=False)
    assert out.exit_code == 0, out.stderr
    assert "| 1 | Jinghe County Library | Xinjiang |" in out.stdout and "新疆" not in out.stdout


@pytest.mark.parametrize(
    ("number", "unit", "lang", "shown"),
    [
        ("1", "awards", "en", "award"),
        ("1", "people", "en", "person"),
        ("2", "awards", "en", "awards"),
        ("1.5", "times", "en", "times"),
        ("1", "项", "zh", "项"),
        ("1", "yuan", "en", "yuan"),
    ],
)
def test_a_unit_after_one_is_singular_in_english(number: str, unit: str, lang: str, shown: str) -> None:
    assert counted(number, unit, lang) == shown


def test_the_english_report_says_1_award_not_1_awards() -> None:
    en = _report(EXAMPLE, "prefecture", "md", "en")
    assert "| Awards at provincial level or above | 1 award |" in en and "| 5 awards |" in en
    assert "(yearly mean) 1 time ≥ 1 time" in en
    assert not re.search(r"\b1 (awards|times|units)\b", en.replace("2016: 1 times", ""))


def test_ids_and_hashes_only_in_the_appendix(review_html: str) -> None:
    body = _text(review_html[: review_html.index('id="appendix"')])
    assert not re.search(r"\b[0-9a-f]{64}\b", body)
    assert not re.search(r"\b[a-z]+_[a-z_]+\b", body), re.findall(r"\b[a-z]+_[a-z_]+\b", body)[:5]
    appendix = review_html[review_html.index('id="appendix"') :]
    assert re.search(r"\b[0-9a-f]{64}\b", appendix) and "<code>annual_loans</code>" in appendix


def test_conditions_that_do_not_apply_are_hidden_and_all_carry_provenance(review_html: str) -> None:
    grades = review_html[review_html.index('<h2 id="grades">') : review_html.index('<h2 id="facts">')]
    assert "不适用" not in grades
    items = re.findall(r"<li class=\"(?:met|unmet)\">.*?</li>", grades, re.S)
    assert items and all("重建" in li or "官方" in li for li in items)


def test_next_steps_come_from_the_plans_objects(review_html: str) -> None:
    steps = review_html[review_html.index('id="next-steps"') : review_html.index('id="signature"')]
    text = _text(steps)
    assert "✗" not in text and "必备条件:" not in text and "总藏量" not in text
    assert "建筑面积：由 600 ㎡ 提高到 2,000 ㎡（+1,400 ㎡，+233%）" in text
    assert "结构性改进" in text and "可增加 18 分" in text and "全部实施后：总分 793.3 分，达到二级。" in text


def test_a_sparse_librarys_body_names_no_fact_ids() -> None:
    page = _report(EXAMPLE.parent.parent / "tests" / "data" / "west-published", "self", "html")
    body = _text(page[: page.index('id="appendix"')])
    assert "satisfaction" not in body and "annual_additions" not in body and "— 人" not in body
    assert "填写读者满意率：20 分；定级条件也需要它" in body and "填写事实" not in body
    # the incomplete notice's mark is one the Chinese fonts have (❗ printed as an empty box)
    assert '<p class="banner incomplete" role="alert"><strong>⚠ 结果不完整' in page and "❗" not in page


def test_self_report_lists_the_other_assessments() -> None:
    page = _report(EXAMPLE, "self", "md")
    assert "| 州（市）评 | 博尔塔拉蒙古自治州公共图书馆评估领导小组 | 2017年7月12日 | 775.3 | 三级 |" in page
    assert "| 自评（本报告） |" in page
    assert "单位：精河县图书馆" in page and "负责人签字：" in page


@pytest.mark.parametrize("assessment", ["self", "prefecture"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_markdown_reads_clean_as_plain_text(assessment: str, lang: str) -> None:
    page = _report(EXAMPLE, assessment, "md", lang)
    for bad in ("&lt;", "&gt;", "&amp;", "<br>"):
        assert bad not in page, bad
    if lang == "zh":  # full-width colons and parentheses after Chinese; no space before %
        assert not re.findall(f"[{CJK}][:(]", page) and not re.search(r"\d %", page)
        assert "m2" not in page and "✗" not in page


def test_markdown_stays_safe_for_hostile_notes(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    shutil.copytree(EXAMPLE, lib)
    pref = lib / "assessments" / "prefecture.yaml"
    hostile = "'<script>alert(1)</script> | [x](javascript:alert(1))\\n## 假标题'"
    text = pref.read_text(
        encoding="utf-8"
    ).replace(  # the review restates 1.1.10 with a hostile note
        '\n  "1.3.7": ', f'\n  "1.1.10": {{points: 5, note: "{hostile[1:-1]}"}}\n  "1.3.7": '
    )
    assert hostile[1:-1] in text
    pref.write_text(text, encoding="utf-8")
    md = _report(lib, "prefecture", "md")
    assert "<script" not in md and not re.search(r"(?<!\\)\]\(javascript", md)
    assert not any(line.startswith("## 假标题") for line in md.splitlines())
    rows = [ln for ln in md.splitlines() if ln.startswith("| 1.1.10 |")]
    assert rows and all(ln.count("|") - ln.count("\\|") == 11 for ln in rows)
    page = _report(lib, "prefecture", "html")
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_running_numbers_and_units() -> None:
    assert running(Decimal(140000), "zh") == "14 万" and with_unit("14 万", "人", "zh") == "14 万人"
    assert running(Decimal(25000), "zh") == "2.5 万" and running(Decimal(46000), "zh") == "4.6 万"
    assert running(Decimal("0.1786"), "zh") == "0.179" and running(Decimal(3000), "zh") == "3,000"
    assert running(Decimal(140000), "en") == "140,000"
    assert display_unit("m2", "zh") == "㎡" and display_unit("m2", "en") == "m²" and with_unit("88", "%", "zh") == "88%"
    assert no_ids("缺少数据：读者满意率（satisfaction）→ 0/20") == "缺少数据：读者满意率→ 0/20"
    assert no_ids("missing: Staff (staff) → 0/15") == "missing: Staff → 0/15"
    assert long_date("2017-07-12", "zh") == "2017年7月12日" and long_date("2017-07-12", "en") == "2017-07-12"


@given(st.decimals(min_value=10000, max_value=10**12, places=2, allow_nan=False, allow_infinity=False))
def test_wan_keeps_three_significant_figures(d: Decimal) -> None:
    shown = running(d, "zh")
    assert shown.endswith(" 万")
    back = Decimal(shown[:-2]) * 10000
    assert abs(back - d) <= d * Decimal("0.005") + Decimal("0.01")


def test_a_large_increase_is_flagged_not_a_plain_step() -> None:
    folder = load_library(EXAMPLE)
    result = score(folder.standard, folder.library, folder.assessment("self"), "self")
    name = Bilingual("总藏量", "Total holdings")
    big = FactChange("holdings", name, Decimal(25000), Decimal(140000), False, False)
    line = report_sections._change(big, result, "zh", Decimal(16))
    assert line["large"] and "一年内难以实现" in line["feasibility"]
    assert line["text"] == "总藏量：由 25,000 册（件） 提高到 140,000 册（件）（+115,000 册（件），+460%）"
    small = FactChange("holdings", name, Decimal(25000), Decimal(30000), False, False)
    assert not report_sections._change(small, result, "zh", Decimal(2))["large"]
