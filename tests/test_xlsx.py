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
    assert invoke("score", str(EXAMPLE), "-a", assessment, "--format", "xlsx", "-o", str(out))[0] == 0
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
    assert grades.cell(grades.max_row, 2).value == "三级"


def test_diff_sheet_and_usage(tmp_path: Path) -> None:
    out = tmp_path / "diff.xlsx"
    assert invoke("diff", str(EXAMPLE), "--format", "xlsx", "-o", str(out))[0] == 0
    ws = openpyxl.load_workbook(out).active
    assert ws is not None
    assert ws["B2"].value == "832" and ws["C2"].value == "775.3" and ws["D2"].value == "-56.7"
    assert ws["A5"].value == "3.1.7" and ws["E5"].value == "=D5-C5"
    assert invoke("score", str(EXAMPLE), "--format", "xlsx")[0] == 2
    code, _, err = invoke("diff", str(EXAMPLE), "--format", "xlsx")
    assert code == 1 and "[needs-output]" in err


@needs_soffice
def test_libreoffice_recomputes_the_score_sheet(tmp_path: Path) -> None:
    out = tmp_path / "sheet.xlsx"
    assert invoke("score", str(EXAMPLE), "-a", "prefecture", "--format", "xlsx", "-o", str(out))[0] == 0
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
            str(out),
            "--outdir",
            str(tmp_path),
        ],
        capture_output=True,
        timeout=180,
        check=True,
    )
    with (tmp_path / "sheet-评分表.csv").open(encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    points = {r[0]: r[3] for r in rows if r and r[0]}
    assert (points["1"], points["2"], points["3"], points["B"], points["1.4.1"]) == ("308", "206.3", "216", "45", "20")
    assert next(r[3] for r in rows if len(r) > 3 and r[1] == "总分") == "775.3"
