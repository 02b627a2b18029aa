"""Spreadsheets: the facts template, import with located cell errors, the score sheet's formulas."""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml
from typer.testing import CliRunner

from libeval.cli import app

from conftest import EXAMPLE, needs_soffice


def invoke(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return r.exit_code, r.stdout, r.stderr


def _scaffold(tmp_path: Path) -> Path:
    lib = tmp_path / "newlib"
    init = ("init", str(lib), "--criteria", "cn-2017-county", "--xlsx", "--province", "新疆维吾尔自治区")
    assert invoke(*init)[0] == 0
    text = (lib / "library.yaml").read_text(encoding="utf-8")
    text = text.replace("name: 未命名图书馆", "name: 精河县图书馆").replace(
        "population:  # 服务人口（人）", "population: 140000"
    )
    (lib / "library.yaml").write_text(text, encoding="utf-8")
    return lib


def _fill(template: Path, out: Path, tweak: dict[str, Any] | None = None) -> None:
    """Type the worked example's facts into the sheet, as a librarian would."""
    facts = yaml.safe_load((EXAMPLE / "library.yaml").read_text(encoding="utf-8"))["facts"]
    wb = openpyxl.load_workbook(template)
    ws = wb["事实"]
    col = {c.value: i + 1 for i, c in enumerate(ws[1])}
    for row in range(2, ws.max_row + 1):
        fact = facts.get(ws.cell(row, 1).value)
        if fact is None:
            continue
        fact = fact if isinstance(fact, dict) else {"value": fact}
        if "years" in fact:
            for year, v in fact["years"].items():
                ws.cell(row, col[str(year)], v)
        else:
            v = fact["value"]
            ws.cell(row, col["数值 value"], "是" if v is True else "否" if v is False else v)
        if fact.get("source"):
            ws.cell(row, col["来源 source"], fact["source"])
        if fact.get("estimated"):
            ws.cell(row, col["估计值 estimated"], "是")
    for ref, value in (tweak or {}).items():
        ws[ref] = value
    wb.save(out)


def test_template_is_a_guided_sheet(tmp_path: Path) -> None:
    lib = _scaffold(tmp_path)
    wb = openpyxl.load_workbook(lib / "facts.xlsx")
    ws = wb["事实"]
    header = [c.value for c in ws[1]]
    assert header[:5] == ["id", "名称 name", "单位 unit", "类型 type", "说明 description"]
    assert header[5:9] == ["2013", "2014", "2015", "2016"]
    assert ws.freeze_panes == "C2"
    assert ws.max_row - 1 == 5 + 47  # the library's rows, then one per fact
    rules = {dv.type for dv in ws.data_validations.dataValidation}
    assert rules == {"decimal", "list"}
    assert "说明" in wb.sheetnames


def test_round_trip_scores_like_the_yaml(tmp_path: Path) -> None:
    lib = _scaffold(tmp_path)
    _fill(lib / "facts.xlsx", tmp_path / "filled.xlsx")
    code, out, _ = invoke("import", str(tmp_path / "filled.xlsx"), str(lib))
    assert code == 0 and "47 项将更新" in out
    assert "floor_area: — → 600" in out
    before = (lib / "library.yaml").read_bytes()
    assert invoke("import", str(tmp_path / "filled.xlsx"), str(lib))[0] == 0
    assert (lib / "library.yaml").read_bytes() == before  # nothing written without --yes
    code, out, _ = invoke("import", str(tmp_path / "filled.xlsx"), str(lib), "--yes")
    assert code == 0
    backups = list(lib.glob("library.yaml.*.bak"))
    assert len(backups) == 1 and backups[0].read_bytes() == before
    for name in ("self", "prefecture"):
        shutil.copy(EXAMPLE / "assessments" / f"{name}.yaml", lib / "assessments" / f"{name}.yaml")
        ours = json.loads(invoke("score", str(lib), "-a", name, "--format", "json")[1])
        theirs = json.loads(invoke("score", str(EXAMPLE), "-a", name, "--format", "json")[1])
        assert ours["total"] == theirs["total"]
        assert [i["score"] for i in ours["indicators"]] == [i["score"] for i in theirs["indicators"]]
    assert invoke("import", str(tmp_path / "filled.xlsx"), str(lib))[1].strip() == "没有变化。"


def test_bad_cells_are_located_and_nothing_is_written(tmp_path: Path) -> None:
    lib = _scaffold(tmp_path)
    wb = openpyxl.load_workbook(lib / "facts.xlsx")
    ws = wb["事实"]
    rows = {ws.cell(r, 1).value: r for r in range(2, ws.max_row + 1)}
    tweak = {
        f"J{rows['floor_area']}": "about 600",
        f"J{rows['free_opening']}": 12,
        f"J{rows['holdings']}": "2.5万",
        f"F{rows['annual_loans']}": "lots",
        f"A{ws.max_row + 1}": "floor_aera",
    }
    _fill(lib / "facts.xlsx", tmp_path / "bad.xlsx", tweak)
    before = (lib / "library.yaml").read_bytes()
    code, _, err = invoke("import", str(tmp_path / "bad.xlsx"), str(lib), "--yes", "--lang", "en")
    assert code == 1
    sheet = str(tmp_path / "bad.xlsx")
    lines = err.splitlines()
    assert any(line.startswith(f"{sheet}:事实!J{rows['floor_area']}: error: cannot read 'about 600'") for line in lines)
    assert any(
        line.startswith(f"{sheet}:事实!J{rows['free_opening']}: error:") and "[sheet-value]" in line for line in lines
    )
    assert any(line.startswith(f"{sheet}:事实!F{rows['annual_loans']}: error:") for line in lines)
    assert any(line.startswith(f"{sheet}:事实!A{ws.max_row + 1}: error: unknown fact 'floor_aera'") for line in lines)
    assert not any(f"J{rows['holdings']}" in line for line in lines)  # 2.5万 is read, not an error
    assert (lib / "library.yaml").read_bytes() == before


_REF = re.compile(r"([A-Z]+)(\d+)")


def _evaluate(ws: Any, ref: str) -> Decimal:
    """The value of a cell, computing the few formulas a score sheet uses (SUM, MIN, +, -)."""
    value = ws[ref].value
    if not (isinstance(value, str) and value.startswith("=")):
        return Decimal(str(value)) if value is not None else Decimal(0)
    expr = value[1:]

    def cells(text: str) -> list[Decimal]:
        return [
            _evaluate(ws, part.strip()) if _REF.fullmatch(part.strip()) else Decimal(part.strip())
            for part in text.split(",")
        ]

    if expr.startswith("MIN("):
        first, rest = expr[4:-1].split(",", 1)
        return min(
            Decimal(str(_evaluate(ws, first))) if _REF.fullmatch(first) else Decimal(first), _evaluate_sum(ws, rest)
        )
    if expr.startswith("ROUND("):  # =ROUND(D9-C9,6): the difference, without a float's last digits
        inner, places = expr[6:-1].rsplit(",", 1)
        a, b = inner.split("-")
        return round(_evaluate(ws, a) - _evaluate(ws, b), int(places))
    if expr.startswith("SUM("):
        return sum(cells(expr[4:-1]), Decimal(0))
    if "-" in expr:
        a, b = expr.split("-")
        return _evaluate(ws, a) - _evaluate(ws, b)
    return sum((_evaluate(ws, part) for part in expr.split("+")), Decimal(0))


def _evaluate_sum(ws: Any, text: str) -> Decimal:
    assert text.startswith("SUM(") and text.endswith(")")
    return sum((_evaluate(ws, part) for part in text[4:-1].split(",")), Decimal(0))


@pytest.mark.parametrize("assessment", ["self", "prefecture"])
def test_score_sheet_formulas_recompute_the_totals(tmp_path: Path, assessment: str) -> None:
    out = tmp_path / "sheet.xlsx"
    args = ("score", str(EXAMPLE), "-a", assessment, "--format", "xlsx", "-o", str(out), "--library-report")
    assert invoke(*args)[0] == 0
    result = json.loads(invoke("score", str(EXAMPLE), "-a", assessment, "--format", "json")[1])
    wb = openpyxl.load_workbook(out)
    ws = wb["评分表"]
    rows = {ws.cell(r, 1).value: r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value}
    total_row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 2).value == "总分")
    assert _evaluate(ws, f"D{total_row}") == Decimal(str(result["total"]))
    for part in result["parts"]:
        assert _evaluate(ws, f"D{rows[part['code']]}") == Decimal(str(part["score"]))
    assert _evaluate(ws, f"D{rows['1.4.1']}") == Decimal(20)  # a capped group: =MIN(C…,SUM(…))
    assert str(ws[f"D{rows['1.4.1']}"].value).startswith("=MIN(")
    grades = wb["等级"]
    assert grades.cell(grades.max_row, 3).value == "三级"


def _header(ws: Any) -> int:
    """The header row of a sheet: the one repeated on every printed page."""
    match = re.fullmatch(r"\$(\d+):\$(\d+)", ws.print_title_rows or "")
    assert match and match[1] == match[2], ws.print_title_rows
    return int(match[1])


def _printable(ws: Any, landscape: bool) -> int:
    """Title rows above a frozen header row, repeated on every A4 page, one page wide."""
    header = _header(ws)
    assert header > 2 and ws.freeze_panes.endswith(str(header + 1))
    assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4
    assert ws.page_setup.orientation == ("landscape" if landscape else "portrait")
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert ws.page_setup.fitToHeight == 0
    return header


def _titles(ws: Any, header: int) -> str:
    return "\n".join(str(ws.cell(r, 1).value) for r in range(1, header) if ws.cell(r, 1).value)


def _no_number_text(ws: Any, header: int, columns: str) -> None:
    """Numbers are stored as numbers: no cell of these columns holds a number as text."""
    for letter in columns:
        for cell in ws[letter][header:]:
            assert not (isinstance(cell.value, str) and re.fullmatch(r"[+-]?[\d,.]+", cell.value)), cell.coordinate


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_score_workbook_title_rows_headers_numbers_and_print(tmp_path: Path, lang: str) -> None:
    out = tmp_path / "sheet.xlsx"
    args = (
        "score",
        str(EXAMPLE),
        "-a",
        "prefecture",
        "--format",
        "xlsx",
        "-o",
        str(out),
        "--lang",
        lang,
        "--library-report",
    )
    assert invoke(*args)[0] == 0
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == (["评分表", "等级"] if lang == "zh" else ["Scores", "Grades"])
    scores, grades = wb.worksheets
    header = _printable(scores, landscape=True)
    titles = _titles(scores, header)
    if lang == "zh":
        assert titles.splitlines()[0] == "精河县图书馆\u3000评分表"
        for text in ("评估：州（市）评", "日期：2017年7月12日", "评估单位：博尔塔拉蒙古自治州公共图书馆评估领导小组"):
            assert text in titles
        assert "标准：cn-2017-county 第六次全国县级公共图书馆评估定级标准" in titles and "评估周期：2013—2016" in titles
        assert [c.value for c in scores[header]] == ["编号", "名称", "满分", "得分", "说明", "评估意见"]
    else:
        assert titles.splitlines()[0] == "Jinghe County Library — Scores"
        assert "Assessment: Prefecture review" in titles and "Date: 2017-07-12" in titles
        assert [c.value for c in scores[header]] == ["Code", "Name", "Max", "Score", "Explanation", "Assessor's note"]
        assert not re.search(r"[\u4e00-\u9fff]", f"{scores.cell(header, 1).value}{titles.splitlines()[0]}")
    assert scores.freeze_panes == f"C{header + 1}"
    _no_number_text(scores, header, "CD")
    row = next(r for r in range(header + 1, scores.max_row + 1) if scores.cell(r, 1).value == "2.2.2")
    assert scores.cell(row, 4).value == 8.3 and scores.cell(row, 4).data_type == "n"
    g = _printable(grades, landscape=True)
    assert "精河县图书馆" in _titles(grades, g) or "Jinghe" in _titles(grades, g)
    assert grades.cell(g, 2).value == ("条件" if lang == "zh" else "Condition")


def test_an_incomplete_result_s_workbook_says_so_above_every_header(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    shutil.copytree(EXAMPLE, lib)
    (lib / "assessments" / "self.yaml").write_text("assessor: self\ndate: 2017-06-30\n", encoding="utf-8")
    out = tmp_path / "sheet.xlsx"
    assert invoke("score", str(lib), "--format", "xlsx", "-o", str(out))[0] == 0
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["评分表", "等级", "待补充"]
    for ws in wb.worksheets[:2]:
        assert _titles(ws, _printable(ws, landscape=True)).splitlines()[1].startswith("结果不完整：")
    fill = wb["待补充"]
    header = _printable(fill, landscape=False)
    assert fill.cell(header, 1).value == "待补充（按涉及分数从大到小）"
    assert all(isinstance(fill.cell(r, 2).value, int | float) for r in range(header + 1, fill.max_row + 1))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_diff_sheet_names_the_sides_and_recomputes(tmp_path: Path, lang: str) -> None:
    out = tmp_path / "diff.xlsx"
    assert invoke("diff", str(EXAMPLE), "--format", "xlsx", "-o", str(out), "--lang", lang)[0] == 0
    wb = openpyxl.load_workbook(out)
    ws, yearly = wb.worksheets
    header = _printable(ws, landscape=True)
    titles = _titles(ws, header)
    if lang == "zh":
        assert titles.splitlines()[0] == "精河县图书馆\u3000自评与州（市）评对照"
        assert "自评：日期 2017年6月30日；评估单位 精河县公共图书馆评估定级工作领导小组；总分 832；等级 三级" in titles
        assert "州（市）评：日期 2017年7月12日；" in titles and "标准：cn-2017-county" in titles
        assert "自评与州（市）评等级相同：三级。" in titles
        assert [c.value for c in ws[header]] == ["编号", "名称", "自评", "州（市）评", "差值", "原因"]
    else:
        assert "Self: date 2017-06-30" in titles and "Prefecture review: date 2017-07-12" in titles
        assert [c.value for c in ws[header]] == ["Code", "Name", "Self", "Prefecture review", "Delta", "Cause"]
    _no_number_text(ws, header, "BCDE")
    rows = {ws.cell(r, 1).value: r for r in range(header + 1, ws.max_row + 1) if ws.cell(r, 1).value}
    total = next(r for r in range(header + 1, ws.max_row + 1) if ws.cell(r, 2).value in ("总分", "Total"))
    assert str(ws[f"C{total}"].value).startswith("=SUM(")  # the total recomputes from the parts
    assert _evaluate(ws, f"C{total}") == 832 and _evaluate(ws, f"D{total}") == Decimal("775.3")
    assert _evaluate(ws, f"E{total}") == Decimal("-56.7")
    r = rows["3.1.7"]
    assert ws[f"C{r}"].value == 10 and ws[f"E{r}"].value == f"=ROUND(D{r}-C{r},6)"
    assert _evaluate(ws, f"E{rows['2.2.2']}") == Decimal("-0.7")
    loans = ws[f"F{rows['1.1.1']}"].value
    assert loans.startswith(
        ("年文献外借量（年均）：58,000 册次 → 46,000 册次", "Items lent per year (yearly mean): 58,000 items")
    )
    assert "2013" not in loans  # the years are on their own sheet
    y = _printable(yearly, landscape=True)
    values = [[c.value for c in row] for row in yearly.iter_rows(min_row=y + 1)]
    side = "州（市）评" if lang == "zh" else "Prefecture review"
    assert [side, 42000, 45000, 47000, 50000, 46000] == next(v[2:] for v in values if v[2] == side)


def test_diff_usage(tmp_path: Path) -> None:
    assert invoke("score", str(EXAMPLE), "--format", "xlsx")[0] == 2
    code, _, err = invoke("diff", str(EXAMPLE), "--format", "xlsx")
    assert code == 1 and "[needs-output]" in err


def _soffice_csv(book: Path, outdir: Path) -> None:
    """Every sheet of a workbook as CSV, with its formulas computed by LibreOffice."""
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{outdir}/lo",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
            str(book),
            "--outdir",
            str(outdir),
        ],
        capture_output=True,
        timeout=180,
        check=True,
    )


@needs_soffice
def test_libreoffice_recomputes_the_score_sheet(tmp_path: Path) -> None:
    out = tmp_path / "sheet.xlsx"
    args = ("score", str(EXAMPLE), "-a", "prefecture", "--format", "xlsx", "-o", str(out), "--library-report")
    assert invoke(*args)[0] == 0
    _soffice_csv(out, tmp_path)
    with (tmp_path / "sheet-评分表.csv").open(encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][0] == "精河县图书馆\u3000评分表" and rows[1][0].startswith("评估：州（市）评")
    points = {r[0]: r[3] for r in rows if r and r[0]}
    assert (points["1"], points["2"], points["3"], points["B"], points["1.4.1"]) == ("308", "206.3", "216", "45", "20")
    assert next(r[3] for r in rows if len(r) > 3 and r[1] == "总分") == "775.3"


@needs_soffice
def test_libreoffice_recomputes_the_diff_sheet(tmp_path: Path) -> None:
    out = tmp_path / "diff.xlsx"
    assert invoke("diff", str(EXAMPLE), "--format", "xlsx", "-o", str(out))[0] == 0
    _soffice_csv(out, tmp_path)
    with (tmp_path / "diff-评估对照.csv").open(encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][0] == "精河县图书馆\u3000自评与州（市）评对照" and rows[1][0].startswith("自评：日期 2017年6月30日")
    total = next(r for r in rows if len(r) > 4 and r[1] == "总分")
    assert total[2:5] == ["832", "775.3", "-56.7"]
    deltas = {r[0]: r[4] for r in rows if len(r) > 4 and r[0]}
    assert (deltas["1"], deltas["2"], deltas["3.1.7"], deltas["2.2.2"]) == ("-39", "-0.7", "-10", "-0.7")
