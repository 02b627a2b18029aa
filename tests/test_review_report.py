"""The reviewer's report, 复核意见 (issue 21): what a review team signs, in md, html and xlsx.

The worked example's prefecture review, and the same review written the inherit way (only its
changes, a team, a fact verified on site with evidence), rendered and read as the team would.
"""

from __future__ import annotations

import html
import re
import shutil
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet
from typer.testing import CliRunner

from libeval.cli import app

from conftest import EXAMPLE

CJK = "\u4e00-\u9fff"

REVIEW = """\
assessor: prefecture
inherit: self
by: 博尔塔拉蒙古自治州公共图书馆评估领导小组
members: [张三（组长）, 李四, 王五]
date: 2017-07-12
judged:
  "1.3.7": {points: 11, note: 无志愿者队伍管理制度。}
  "3.3.5": {points: 10}
  "3.4.2": {points: 10, note: 台账不全。}
corrections:
  annual_loans:
    years: {2013: 42000, 2014: 45000, 2015: 47000, 2016: 50000}
    reason: 以文化统计年报为准。
    evidence: [records/loans-2016.pdf]
  branches: {value: 0, reason: 未签订总分馆协议。}
  website: {value: false, reason: 不是图书馆的门户网站。}
  accessibility: {value: false, reason: 仅有入口坡道。}
  satisfaction: {value: 88%, reason: 按现场抽样调查结果计。}
  promotion_events:
    years: {2013: 18, 2014: 20, 2015: 24, 2016: 26}
    reason: 部分活动无台账。
  retro_catalogue_rate: {value: 83, reason: 系统抽查。}
  computers: {verified: true, evidence: [records/computers.jpg], note: 现场清点 40 台。}
"""


def _run(*args: str) -> tuple[int, str, str]:
    out = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return out.exit_code, out.stdout, out.stderr


def _report(folder: Path, fmt: str, lang: str = "zh", assessment: str = "prefecture") -> str:
    code, out, err = _run("score", str(folder), "-a", assessment, "--format", fmt, "--lang", lang)
    assert code == 0, err
    return out


def _text(page: str) -> str:
    body = page[page.index("<body>") :]
    return html.unescape(re.sub(r"<[^>]+>", " ", body))


@pytest.fixture(scope="module")
def inheriting(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The worked example with its review written the inherit way."""
    lib = tmp_path_factory.mktemp("review") / "jinghe"
    shutil.copytree(EXAMPLE, lib)
    (lib / "records").mkdir(exist_ok=True)
    for name in ("loans-2016.pdf", "computers.jpg"):
        (lib / "records" / name).write_bytes(b"x")
    (lib / "assessments" / "prefecture.yaml").write_text(REVIEW, encoding="utf-8")
    return lib


def test_the_worked_examples_review_is_the_reviewers_report() -> None:
    md = _report(EXAMPLE, "md")
    assert md.startswith("# 精河县图书馆评估复核意见\n")
    headings = re.findall(r"^## (.+)$", md, re.M)
    assert headings == [
        "一、复核工作情况",
        "二、复核结论",
        "三、调整的评分项目",
        "四、事实核实",
        "五、认可的项目",
        "附录一　指标得分对照",
        "附录二　标准来源与输入文件",
    ]
    body = md[: md.index("## 附录一")]
    assert "下一步" not in body and "主要成效" not in body  # the library's business, not the team's
    assert "**复核对象**：自评（2017年6月30日，精河县公共图书馆评估定级工作领导小组），总分 832 分" in md
    assert "州（市）评总分 775.3 分（满分 1000 分），达到三级。自评总分 832 分，达到三级；州（市）评低 56.7 分。" in md
    assert "- 建筑面积 600 ㎡，要求 ≥ 2,000 ㎡，差 1,400 ㎡" in md  # what blocks 二级 under the review's figures
    # every indicator whose points differ, both sides named by their assessors (never 前/后)
    assert "| 编号 | 指标 | 自评 | 州（市）评 | 增减 | 满分 | 复核意见 |" in md
    assert "| 1.2.2 | 分馆数量 | 9 | 0 | −9 | 15 | 分馆数量更正：社区图书室未签订总分馆协议" in md
    assert "| 2.2.2 | 馆藏书目回溯建库 | 9 | 8.3 | −0.7 | 10 |" in md
    assert "前" not in re.sub(r"\d{4} 年前", "", body)
    # the loans: the years as written and the mean the score uses, with units
    loans = next(ln for ln in md.splitlines() if ln.startswith("| 年文献外借量 |"))
    assert "2016: 64,000 册次" in loans and "2016: 50,000 册次" in loans and "58,000 册次 → 46,000 册次" in loans
    assert "| 读者满意率 | 95% | 88% | 95% → 88% |" in md
    assert "共复核指标 82 项，其中认可自评评分 72 项，调整评分 10 项；核实事实数据 0 项，更正数据 7 项。" in md
    sha = re.findall(r"^\| (\S+) \| `([0-9a-f]{64})` \|$", md, re.M)
    assert [Path(p).name for p, _ in sha] == ["library.yaml", "self.yaml", "prefecture.yaml", "cn-2017-county.yaml"]


def test_an_inheriting_review_shows_only_the_teams_words(inheriting: Path) -> None:
    md = _report(inheriting, "md")
    assert "州（市）评总分 775.3 分" in md
    self_notes = re.findall(r"note: ([^}]+)}", (EXAMPLE / "assessments" / "self.yaml").read_text(encoding="utf-8"))
    assert len(self_notes) > 20
    for note in self_notes:  # the library's notes are never shown as the team's 意见
        assert note not in md, note
    row = next(ln for ln in md.splitlines() if ln.startswith("| 1.3.7 |"))
    assert row.endswith("| 无志愿者队伍管理制度。 |")
    row = next(ln for ln in md.splitlines() if ln.startswith("| 3.3.5 |"))
    assert "| 13 | 10 | −3 |" in row  # awarded without a note: the basis, not the library's note
    assert "核实事实数据 1 项，更正数据 7 项" in md
    verified = md[md.index("### （二）核实无误的数据") : md.index("## 五、认可的项目")]
    assert (
        "| 供读者使用的计算机 | 40 台 | [records/computers.jpg](records/computers.jpg) | 现场清点 40 台。 |" in verified
    )
    loans = next(ln for ln in md.splitlines() if ln.startswith("| 年文献外借量 |"))
    assert "[records/loans-2016.pdf](records/loans-2016.pdf)" in loans


def test_the_team_signs_each_on_its_own_line(inheriting: Path) -> None:
    md = _report(inheriting, "md")
    sign = md[md.index("单位：博尔塔拉") : md.index("## 附录一")]
    line = "＿" * 12
    for member in ("张三（组长）", "李四", "王五"):
        assert f"{member}：{line}" in sign
    assert f"组长签字：{line}" in sign and "日期：2017年7月12日" in sign and f"被评估单位（签章）：{line}" in sign
    assert "**复核组成员**：张三（组长）、李四、王五" in md
    page = _report(inheriting, "html")
    assert page.count('<span class="line">') == 3 + 2


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_chinese_typography(fmt: str) -> None:
    page = _report(EXAMPLE, fmt)
    text = _text(page) if fmt == "html" else page
    assert not re.findall(f"[{CJK}][:(;,]", text), re.findall(f".{{8}}[{CJK}][:(;,].{{8}}", text)[:5]
    assert not re.findall(f"[:(][{CJK}]", text.replace("](", "")), re.findall(f".{{8}}[:(][{CJK}].{{8}}", text)[:5]
    assert "m2" not in text and not re.search(r"\d %", text)
    assert "58,000 册次" in text  # numbers through text/numbers.py, units through text/units.py


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_english_has_no_chinese_of_ours(fmt: str, inheriting: Path) -> None:
    page = _report(inheriting, fmt, "en")
    assert "Review opinion" in page and "Prefecture review" in page
    user = set(re.findall(r"[^\x00-\x7f]+", (inheriting / "assessments" / "prefecture.yaml").read_text("utf-8")))
    user |= set(re.findall(r"[^\x00-\x7f]+", (inheriting / "library.yaml").read_text("utf-8")))
    user |= set(re.findall(r"[^\x00-\x7f]+", (inheriting / "assessments" / "self.yaml").read_text("utf-8")))
    ours = [run for run in re.findall(f"[{CJK}（）：，；、]+", page) if not any(run in u for u in user)]
    assert not ours, ours[:10]


def test_the_self_assessment_keeps_the_librarys_report() -> None:
    md = _report(EXAMPLE, "md", assessment="self")
    assert "评估定级自评报告" in md and "五、下一步工作" in md and "复核意见" not in md


def test_library_report_for_a_review_on_request() -> None:
    code, md, _ = _run("score", str(EXAMPLE), "-a", "prefecture", "--format", "md", "--library-report")
    assert code == 0 and "五、下一步工作" in md and "复核意见" not in md


def _evaluate(ws: Worksheet, ref: str) -> Decimal:
    value = ws[ref].value
    if isinstance(value, int | float):
        return Decimal(str(value))
    text = str(value).lstrip("=")
    if text.startswith("SUM("):
        return sum((_evaluate(ws, r) for r in text[4:-1].split(",")), Decimal(0))
    return sum((_evaluate(ws, r) for r in text.split("+")), Decimal(0))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_workbook(tmp_path: Path, inheriting: Path, lang: str) -> None:
    out = tmp_path / "review.xlsx"
    code, _, err = _run(
        "score", str(inheriting), "-a", "prefecture", "--format", "xlsx", "-o", str(out), "--lang", lang
    )
    assert code == 0, err
    wb = openpyxl.load_workbook(out)
    names = (
        ["复核结论", "调整项目", "事实核实", "全部指标"]
        if lang == "zh"
        else ["Conclusion", "Changed", "Facts", "All indicators"]
    )
    assert wb.sheetnames == names
    conclusion, adjusted, facts, every = wb.worksheets
    cells = [str(c.value) for row in conclusion.iter_rows() for c in row if c.value is not None]
    if lang == "zh":
        assert cells[0] == "精河县图书馆\u3000复核结论"
        assert any(c.startswith("州（市）评总分 775.3 分") for c in cells)
        assert "张三（组长）\u3000" + "＿" * 12 in cells
    else:
        # the team's and the library's own names, and the reason the library gave for 2.1.8 (inherited)
        user = ("张三", "李四", "王五", "博尔塔拉", "精河", "本馆无古籍收藏")
        assert not [c for c in cells if re.search(f"[{CJK}]", c) and not any(u in c for u in user)]
    total = next(r for r in range(1, every.max_row + 1) if every.cell(r, 2).value in ("总分", "Total"))
    assert _evaluate(every, f"C{total}") == Decimal(832) and _evaluate(every, f"D{total}") == Decimal("775.3")
    assert every[f"E{total}"].value == f"=ROUND(D{total}-C{total},6)"
    codes = [adjusted.cell(r, 1).value for r in range(1, adjusted.max_row + 1)]
    assert "1.2.2" in codes and "1.1.2" not in codes
    kinds = [facts.cell(r, 2).value for r in range(1, facts.max_row + 1)]
    assert kinds.count("更正" if lang == "zh" else "corrected") == 7
    assert kinds.count("核实" if lang == "zh" else "verified") == 1


def test_a_provincial_review_reviews_the_pass_it_inherits(inheriting: Path, tmp_path: Path) -> None:
    lib = tmp_path / "jinghe"
    shutil.copytree(inheriting, lib)
    (lib / "assessments" / "province.yaml").write_text(
        "assessor: province\ninherit: prefecture\nby: 自治区评估组\ndate: 2017-08-20\n"
        'judged:\n  "1.3.7": {points: 13, note: 补交了志愿者服务记录。}\n',
        encoding="utf-8",
    )
    md = _report(lib, "md", assessment="province")
    assert "**复核对象**：州（市）评（2017年8月20日" not in md
    assert "**复核对象**：州（市）评（2017年7月12日，博尔塔拉蒙古自治州公共图书馆评估领导小组），总分 775.3 分" in md
    assert "| 编号 | 指标 | 州（市）评 | 省评 | 增减 | 满分 | 复核意见 |" in md
    changed = md[md.index("## 三、调整的评分项目") : md.index("## 四、事实核实")]
    assert [ln.split(" | ")[0] for ln in changed.splitlines() if ln.startswith("| 1")] == ["| 1.3.7"]
    assert "| 1.3.7 | 志愿者服务 | 11 | 13 | +2 | 15 | 补交了志愿者服务记录。 |" in changed
    assert "省评总分 777.3 分" in md and "州（市）评总分 775.3 分，达到三级；省评高 2 分。" in md
    assert "核实事实数据 0 项，更正数据 0 项" in md  # the prefecture's corrections are not the province's
    names = re.findall(r"^\| (\S+) \| `[0-9a-f]{64}` \|$", md, re.M)
    assert [Path(p).name for p in names][:4] == [
        "library.yaml",
        "prefecture.yaml",
        "province.yaml",
        "cn-2017-county.yaml",
    ]


def test_accepted_and_changed_cover_every_indicator_once() -> None:
    from libeval.analysis.review import review
    from libeval.load.folders import load_library
    from libeval.scoring.engine import score

    folder = load_library(EXAMPLE)
    a, b = (score(folder.standard, folder.library, folder.assessment(n), n) for n in ("self", "prefecture"))
    v = review(b, a, folder.written["prefecture"])
    codes = [i.code for i in v.accepted] + [x.after.code for x in v.adjusted]
    assert sorted(codes) == sorted(i.code for i in b.indicators)
    assert all(a.points(i.code) == i.score for i in v.accepted)
    assert all(x.before.score != x.after.score or x.before.status != x.after.status for x in v.adjusted)
    assert sum((x.delta for x in v.adjusted), Decimal(0)) == b.total - a.total  # no cap absorbs a change here


def test_the_team_is_told_what_it_signs_on_estimates_and_missing_reasons(inheriting: Path) -> None:
    """The opinion names the estimates the team neither verified nor corrected (a verified fact
    leaves the list), and a judged score changed without a note says no reason was written,
    rather than showing the score's own line as if it were the team's opinion."""
    md = _report(inheriting, "md")
    banner = next(ln for ln in md.splitlines() if "仍是图书馆填报的估计值" in ln)
    assert "复核结论所依据的数据中，17 项仍是图书馆填报的估计值，复核组既未核实也未更正：" in banner
    assert "有效持证读者数量" in banner and "供读者使用的计算机" not in banner  # computers: verified
    assert "| 3.3.5 | 人才培养与队伍建设 | 13 | 10 | −3 | 15 | （复核组未填写意见） |" in md
    assert "专家评定 10 分" not in md[md.index("## 三、调整的评分项目") : md.index("## 四、事实核实")]
    assert "仍是图书馆填报的估计值" in _text(_report(inheriting, "html"))
    # a not-applicable mark the review leaves as the library made it is named, as the library's
    assert "认定不适用的指标 1 项：2.1.8 古籍保护（本馆无古籍收藏；沿用自评的认定）。" in md
    assert "2.1.8 Ancient books (本馆无古籍收藏; as the self-assessment marked it)" in _report(inheriting, "md", "en")
