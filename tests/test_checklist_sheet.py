"""The on-site checklist as a workbook (`review --xlsx`) and read back (`import --as`): the
worked example's review typed into the sheet as the team would, read back, scored."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import openpyxl
import yaml

from libeval.load.checklist_rows import checklist
from libeval.load.folders import load_library
from libeval.present.checklist_sheet import Review, checklist_workbook
from test_xlsx import invoke

from conftest import EXAMPLE

BY = "博尔塔拉蒙古自治州公共图书馆评估领导小组"


def _review() -> dict[str, Any]:
    """The worked example's review, as the repository has it now."""
    data: dict[str, Any] = yaml.safe_load((EXAMPLE / "assessments" / "prefecture.yaml").read_text(encoding="utf-8"))
    return data


def _copy(tmp_path: Path) -> Path:
    lib = tmp_path / "jinghe"
    shutil.copytree(EXAMPLE, lib)
    (lib / "assessments" / "prefecture.yaml").unlink()
    return lib


def write_checklist(lib: Path, out: Path, lang: str = "zh") -> Path:
    """The checklist `review --xlsx` writes (through the command once it has the option)."""
    folder = load_library(lib)
    out.write_bytes(checklist_workbook(checklist(folder, "self"), Review("prefecture", BY, "2017-07-12", lang)))
    return out


def _header(ws: Any, first: str) -> tuple[int, dict[str, int]]:
    for row in range(1, ws.max_row + 1):
        if ws.cell(row, 1).value == first or ws.cell(row, 2).value == first:
            return row, {str(c.value): c.column for c in ws[row] if c.value is not None}
    raise AssertionError(first)


def fill(sheet: Path, out: Path) -> None:
    """Type the worked example's review into the checklist, as the team would: a reviewed value
    (percentages as 88%), the years, ✓, reasons and evidence; the team's points or level only
    where they differ from the self-assessment's, with the opinion; the not-applicable reason."""
    review = _review()
    self_judged = yaml.safe_load((EXAMPLE / "assessments" / "self.yaml").read_text(encoding="utf-8"))["judged"]
    wb = openpyxl.load_workbook(sheet)
    ws = wb["事实核实"]
    header, col = _header(ws, "id")
    rows = {ws.cell(r, 2).value: r for r in range(header + 1, ws.max_row + 1)}
    for fid, corr in (review.get("corrections") or {}).items():
        row = rows[fid]
        if "years" in corr:
            for year, value in corr["years"].items():
                ws.cell(row, col[f"复核 {year}"], value)
        elif "value" in corr:
            value = corr["value"]
            if isinstance(value, bool):
                value = "是" if value else "否"
            elif fid == "satisfaction":
                value = f"{value}%"  # typed with its sign, as a text
            ws.cell(row, col["复核值"], value)
        if corr.get("verified"):
            ws.cell(row, col["核实 ✓"], "✓")
        if corr.get("reason") or corr.get("note"):
            ws.cell(row, col["理由"], corr.get("reason") or corr.get("note"))
        if corr.get("evidence"):
            ws.cell(row, col["证明材料"], "\n".join(corr["evidence"]))
    ws = wb["评分项目"]
    header, col = _header(ws, "代码")
    rows = {str(ws.cell(r, 1).value): r for r in range(header + 1, ws.max_row + 1)}
    for code, award in (review.get("judged") or {}).items():
        award = award if isinstance(award, dict) else {"points": award}
        mine = self_judged.get(code)
        mine = mine if isinstance(mine, dict) else {"points": mine}
        changed = any(award.get(k) != mine.get(k) for k in ("points", "level"))
        if changed and "points" in award:
            ws.cell(rows[code], col["复核得分"], award["points"])
        if changed and "level" in award:
            ws.cell(rows[code], col["复核等级"], award["level"])
        if award.get("note") and award.get("note") != mine.get("note"):
            ws.cell(rows[code], col["意见"], award["note"])
    for code, reason in (review.get("not_applicable") or {}).items():
        ws.cell(rows[code], col["不适用理由"], reason)
    wb.save(out)


def _total(lib: Path) -> str:
    code, out, err = invoke("score", str(lib), "-a", "prefecture", "--format", "json")
    assert code == 0, err
    return str(yaml.safe_load(out)["total"])


def test_the_worked_example_round_trip(tmp_path: Path) -> None:
    lib = _copy(tmp_path)
    sheet = write_checklist(lib, tmp_path / "checklist.xlsx")
    fill(sheet, tmp_path / "filled.xlsx")
    code, out, err = invoke("import", str(tmp_path / "filled.xlsx"), str(lib), "--as", "prefecture", "--lang", "zh")
    assert code == 0, err
    assert "加 --yes 写入" in out and "corrections.satisfaction" in out
    assert not (lib / "assessments" / "prefecture.yaml").exists()  # shown, not written, without --yes
    code, out, err = invoke(
        "import", str(tmp_path / "filled.xlsx"), str(lib), "--as", "prefecture", "--yes", "--lang", "zh"
    )
    assert code == 0, err
    assert "已写入" in out
    written = yaml.safe_load((lib / "assessments" / "prefecture.yaml").read_text(encoding="utf-8"))
    assert written["inherit"] == "self" and written["by"] == BY and str(written["date"]) == "2017-07-12"
    assert _total(lib) == "775.3"
    assert invoke("check", "--strict", str(lib))[0] == 0
