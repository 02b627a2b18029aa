"""`libeval diff LIB --all`: every assessment of a library side by side, in the order they were
made, each change in the column of the pass that made it (issue 21, item 5)."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
from pathlib import Path
from typing import Any

import html5lib
import openpyxl
import pytest
import yaml
from typer.testing import CliRunner

from libeval import __version__
from libeval.analysis.diff_all import diff_all, pass_order
from libeval.cli import app
from libeval.load.folders import load_library

from conftest import EXAMPLE, ROOT

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("LIBEVAL_UPDATE_GOLDEN") == "1"
CJK = re.compile(r"[\u4e00-\u9fff]")


def invoke(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return r.exit_code, r.stdout, r.stderr


def _write(path: Path, data: dict[str, Any]) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture
def passes(tmp_path: Path) -> Path:
    """The worked example with four passes: 自评, the prefecture's 初评 (prefecture.yaml) and 复评
    (prefecture-review.yaml, five weeks later), and the province's 省评."""
    folder = tmp_path / "jinghe-2017"
    shutil.copytree(EXAMPLE, folder)
    asm = folder / "assessments"
    first = yaml.safe_load((asm / "prefecture.yaml").read_text(encoding="utf-8"))
    review = json.loads(json.dumps(first, default=str))  # a deep copy, the date as text
    review["date"] = "2017-08-20"
    review["judged"]["1.3.7"] = {"points": 13, "note": "补交了志愿者服务时长记录。"}
    review["corrections"]["branches"] = {"value": 1, "reason": "复评核实 1 个分馆已签订总分馆协议。"}
    review["corrections"]["registered_readers"] = {"verified": True, "evidence": ["readers.pdf"], "note": "现场核对。"}
    (folder / "readers.pdf").write_bytes(b"%PDF-1.4\n")
    _write(asm / "prefecture-review.yaml", review)
    province = json.loads(json.dumps(review))
    province.update(assessor="province", by="自治区公共图书馆评估组", date="2017-10-10")
    province["corrections"]["satisfaction"] = {"value": "90%", "reason": "省评抽样调查。"}
    _write(asm / "province.yaml", province)
    return folder


def _json(*args: str) -> dict[str, Any]:
    code, out, err = invoke("diff", *args, "--all", "--format", "json")
    assert code == 0, err
    data: dict[str, Any] = json.loads(out)
    return data


def test_the_worked_example_shows_self_832_and_prefecture_775_3_side_by_side() -> None:
    data = _json(str(EXAMPLE))
    assert (data["schema_version"], data["kind"]) == (1, "diff-all")
    assert [(p["name"], p["label"], p["total"]) for p in data["passes"]] == [
        ("self", "自评", 832),
        ("prefecture", "州（市）评", 775.3),
    ]
    assert data["total"]["values"] == [832, 775.3]
    assert [c["pass"] for c in data["total"]["changes"]] == ["prefecture"]
    code, out, _ = invoke("diff", str(EXAMPLE), "--all")
    assert code == 0
    total = next(line for line in out.splitlines() if line.startswith("总分"))
    assert re.search(r"832\s+│ ●775\.3", total), total
    heads = [line for line in out.splitlines() if "┃" in line]
    assert [h.strip() for h in heads[0].split("┃")[1:]] == ["自评", "州（市）评"], heads[0]
    assert not any("前" in h or "后" in h for h in heads)  # columns named by their assessors, never 前/后


def test_four_passes_in_date_order_each_change_in_the_pass_that_made_it(passes: Path) -> None:
    data = _json(str(passes))
    assert [p["name"] for p in data["passes"]] == ["self", "prefecture", "prefecture-review", "province"]
    assert [p["label"] for p in data["passes"]] == [
        "自评",
        "州（市）评（2017年7月12日）",
        "州（市）评（2017年8月20日）",
        "省评",
    ]
    rows = {r.get("code") or r["id"]: r for r in [*data["indicators"], *data["facts"]]}
    volunteers = rows["1.3.7"]
    assert volunteers["values"] == [15, 11, 13, 13]
    assert [(c["pass"], c["from"], c["to"]) for c in volunteers["changes"]] == [
        ("prefecture", 15, 11),
        ("prefecture-review", 11, 13),
    ]
    assert volunteers["changes"][1]["differences"] == ["judged:1.3.7"]
    assert volunteers["changes"][1]["causes"][0] == (
        "评定 11 分 → 13 分（州（市）评（2017年7月12日）："
        "志愿者参与送书活动属实，但无志愿者队伍管理制度和服务时长记录；"
        "州（市）评（2017年8月20日）：补交了志愿者服务时长记录）"
    )
    branches = rows["branches"]
    assert branches["values"] == [3, 0, 1, 1] and branches["unit"] == "个"
    assert [(c["pass"], c["reason"]) for c in branches["changes"]] == [
        ("prefecture", "社区图书室未签订总分馆协议、无统一借还记录，不计为分馆。"),
        ("prefecture-review", "复评核实 1 个分馆已签订总分馆协议。"),
    ]
    satisfaction = rows["satisfaction"]
    assert satisfaction["values"] == [95, 88, 88, 90]
    assert [c["pass"] for c in satisfaction["changes"]] == ["prefecture", "province"]
    assert rows["annual_loans"]["values"] == [58000, 46000, 46000, 46000]  # the mean of the years
    readers = rows["registered_readers"]  # verified by the 复评: a state, not a change
    assert readers["values"] == [3000] * 4 and readers["changes"] == []
    assert readers["verified"] == [{"pass": "prefecture-review", "note": "现场核对。", "evidence": ["readers.pdf"]}]
    totals = data["total"]["values"]
    assert len(totals) == 4 and totals[1] == 775.3
    assert [c["pass"] for c in data["total"]["changes"]] == ["prefecture", "prefecture-review", "province"]
    # the terminal: the changed cells marked, the notes name the pass
    code, out, _ = invoke("diff", str(passes), "--all")
    assert code == 0
    assert "州（市）评（2017年8月20日）：复评核实 1 个分馆已签订总分馆协议" in out.replace("\n", "")
    line = next(x for x in out.splitlines() if x.startswith("读者满意率"))
    assert re.search(r"95%\s+│\s+●88%\s+│\s+88%\s+│\s+●90%", line), line
    line = next(x for x in out.splitlines() if x.startswith("有效持证读者数量"))
    assert re.search(r"3,000 人\s+│\s+3,000 人\s+│\s+3,000 人（已核实）\s+│\s+3,000 人$", line), line
    note = "有效持证读者数量：3,000 人，已核实（现场核对；证明材料：readers.pdf）"
    assert f"有效持证读者数量 · 州（市）评（2017年8月20日）：{note}" in out


def test_the_pairwise_diff_shows_a_verified_fact_as_verified_not_as_a_change(passes: Path) -> None:
    args = ("diff", str(passes), "--from", "prefecture", "--to", "prefecture-review")
    code, out, err = invoke(*args, "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert "fact:registered_readers" not in [x["id"] for x in data["differences"]]
    assert [v["fact"] for v in data["verified"]] == ["registered_readers"]
    for fmt, line in (
        ("md", "- 有效持证读者数量：3,000 人，已核实（现场核对；证明材料：readers.pdf）"),
        ("table", "  - 有效持证读者数量：3,000 人，已核实（现场核对；证明材料：readers.pdf）"),
        ("html", "<li>有效持证读者数量：3,000 人，已核实（现场核对；证明材料：readers.pdf）</li>"),
    ):
        code, out, _ = invoke(*args, "--format", fmt)
        assert code == 0 and line in out, fmt
        assert "核实的事实（数值不变）" in out
    code, out, _ = invoke(*args, "--format", "md", "--lang", "en")
    assert "- Registered readers: 3,000 people, verified (现场核对; evidence: readers.pdf)" in out


def test_the_markdown_puts_each_pass_note_on_its_own_line(passes: Path) -> None:
    code, out, err = invoke("diff", str(passes), "--all", "--format", "md")
    assert code == 0, err
    row = next(line for line in out.splitlines() if line.startswith("| 1.2.2 |"))
    assert row.startswith("| 1.2.2 | 分馆数量 | 15 | 9 | **●0** | **●3** | 3 | 州（市）评（2017年7月12日）：")
    assert "不计为分馆）<br>州（市）评（2017年8月20日）：分馆数量：0 个 → 1 个" in row
    assert "&lt;" not in out


def test_the_order_is_the_date_then_self_then_the_name(passes: Path) -> None:
    folder = load_library(passes)
    named = {n: a for n, (a, _) in folder.assessments.items()}
    same_day = named["province"].model_copy(update={"date": named["self"].date})
    assert pass_order({**named, "aaa": same_day})[:2] == ["self", "aaa"]
    d = diff_all(folder.standard, folder.library, named)
    assert [p.name for p in d.passes] == ["self", "prefecture", "prefecture-review", "province"]
    assert d.equal + len(d.indicators) == len(d.passes[0].result.indicators)
    every = diff_all(folder.standard, folder.library, named, every=True)
    assert len(every.indicators) == len(d.passes[0].result.indicators) and every.equal == d.equal


def test_the_same_assessor_on_the_same_day_is_told_apart_by_name(passes: Path) -> None:
    review = passes / "assessments" / "prefecture-review.yaml"
    review.write_text(review.read_text(encoding="utf-8").replace("2017-08-20", "2017-07-12"), encoding="utf-8")
    labels = [p["label"] for p in _json(str(passes))["passes"]]
    assert labels[1:3] == ["州（市）评（prefecture）", "州（市）评（prefecture-review）"]


def test_one_pass_says_there_is_nothing_to_compare(tmp_path: Path) -> None:
    one = tmp_path / "one"
    shutil.copytree(EXAMPLE, one)
    (one / "assessments" / "prefecture.yaml").unlink()
    for lang, text in (("zh", "只有一项评估（自评），没有可对照的评估。"), ("en", "only one assessment (Self)")):
        for fmt in ("table", "md", "html"):
            code, out, err = invoke("diff", str(one), "--all", "--format", fmt, "--lang", lang)
            assert code == 0, err
            assert text in out, (fmt, out)
    data = _json(str(one))
    assert [p["total"] for p in data["passes"]] == [832] and data["identical"] and not data["indicators"]
    assert invoke("diff", str(one), "--all", "--exit-code")[0] == 0


def test_exit_code_and_every_indicator() -> None:
    assert invoke("diff", str(EXAMPLE), "--all", "--exit-code")[0] == 1
    data = _json(str(EXAMPLE), "--all-indicators")
    assert data["all_indicators"] is True and len(data["indicators"]) == 82
    assert sum(1 for r in data["indicators"] if r["changes"]) == data["agreement"]["differing"] == 10
    code, out, _ = invoke("diff", str(EXAMPLE), "--all", "--all-indicators", "--format", "md")
    assert code == 0 and "## 全部指标" in out


@pytest.mark.parametrize(
    "extra",
    [
        ["--from", "self"],
        ["--to", "prefecture"],
        ["--criteria", "cn-2017-county"],
        [str(EXAMPLE)],
    ],
    ids=["from", "to", "criteria", "two-folders"],
)
def test_all_with_sides_is_a_usage_error(extra: list[str]) -> None:
    code, out, err = invoke("diff", str(EXAMPLE), "--all", *extra)
    assert (code, out) == (2, "")
    assert "--all shows every assessment of one library" in err
    code, _, err = invoke("diff", str(EXAMPLE), "--all", *extra, "--lang", "zh")
    assert code == 2 and "--all 列出一个图书馆的全部评估：不能与 --from、--to、--criteria 或第二个目录同用" in err


def test_all_indicators_without_all_is_a_usage_error() -> None:
    code, _, err = invoke("diff", str(EXAMPLE), "--all-indicators")
    assert code == 2 and "--all-indicators goes with --all" in err


def test_english_has_no_chinese_the_program_wrote(passes: Path) -> None:
    code, out, err = invoke("diff", str(passes), "--all", "--lang", "en", "--format", "md")
    assert code == 0, err
    assert "| | Self | Prefecture review (2017-07-12) | Prefecture review (2017-08-20) | Provincial review |" in out
    # what is Chinese comes from the files: names, reasons, notes, the assessors' bodies
    for line in out.splitlines():
        if line.startswith(("# ", "Standard", "● ", "## ", "82 ", "72 ")):
            assert not CJK.search(line), line


def test_the_workbook_stores_numbers_and_marks_changes(passes: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.xlsx"
    code, _, err = invoke("diff", str(passes), "--all", "--format", "xlsx", "--output", str(out))
    assert code == 0, err
    ws = openpyxl.load_workbook(io.BytesIO(out.read_bytes())).active
    assert ws is not None
    rows = {r[1].value: r for r in ws.iter_rows() if len(r) > 1 and r[1].value}
    header = next(r for r in ws.iter_rows() if r[0].value == "编号")
    prefecture = [f"州（市）评（2017年{d}日）" for d in ("7月12", "8月20")]
    assert [c.value for c in header][3:7] == ["自评", *prefecture, "省评"]
    total = rows["总分"]
    assert total[3].value == 832 and total[4].value == 775.3
    assert total[4].number_format == '"●"General' and total[4].font.b and not total[3].font.b
    volunteers = rows["志愿者服务"]
    assert [c.value for c in volunteers[3:7]] == [15, 11, 13, 13]
    assert volunteers[6].number_format == "General"  # 省评 kept 复评's award: not its change
    assert "补交了志愿者服务时长记录" in str(volunteers[7].value)


def test_the_html_is_valid_and_marks_the_changed_cells(passes: Path) -> None:
    code, out, err = invoke("diff", str(passes), "--all", "--format", "html")
    assert code == 0, err
    html5lib.HTMLParser(strict=True).parse(out)
    total = re.search(r'<tr id="total">(.*?)</tr>', out)
    assert total is not None
    cells = re.findall(r"<td class=\"n( changed)?\">(.*?)</td>", total[1])
    assert [bool(c) for c, _ in cells] == [False, True, True, True]
    assert cells[1][1] == "<strong>●775.3</strong>"


@pytest.mark.parametrize(("fmt", "lang"), [("table", "zh"), ("json", "zh"), ("md", "zh"), ("md", "en"), ("html", "zh")])
def test_golden_jinghe_diff_all(fmt: str, lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    code, out, err = invoke("diff", "examples/jinghe-2017", "--all", "--format", fmt, "--lang", lang)
    assert code == 0, err
    out = out.replace(__version__, "@VERSION@")
    golden = GOLDEN / f"jinghe-diff-all.{lang}.{fmt}"
    if UPDATE:
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["table", "md", "html"])
def test_the_pairwise_diff_names_its_sides_never_before_and_after(fmt: str) -> None:
    """Issue 21: side labels from the assessments (自评, 州（市）评), never 前/后; units kept."""
    code, out, err = invoke("diff", str(EXAMPLE), "--format", fmt)
    assert code == 0, err
    text = re.sub(r"<[^>]+>", " ", out.split("<main>")[-1]).replace("前入藏", "")  # 2000 年前入藏: a reason
    assert "前" not in text and "后" not in text
    assert "自评" in text and "州（市）评" in text
    if fmt != "table":  # the terminal wraps the cause column
        assert "读者满意率：95% → 88%" in text and "年文献外借量（年均）：58,000 册次 → 46,000 册次" in text
