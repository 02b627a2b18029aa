"""The on-site checklist as a workbook (`review --xlsx`) and read back (`import --as`): the
worked example's review typed into the sheet as the team would, read back, scored."""

from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from libeval.commands.review import gather
from libeval.load.checklist_read import read_grids
from libeval.load.folders import load_library
from libeval.load.sheet_files import Grid, SheetCell
from libeval.present.checklist_sheet import Review, review_workbook
from libeval.scoring.standard import Standard
from test_xlsx import invoke

from conftest import EXAMPLE, needs_soffice

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
    out.write_bytes(review_workbook(folder, gather(folder, "self"), Review("prefecture", BY, "2017-07-12", lang)))
    return out


def _header(ws: Any, first: str) -> tuple[int, dict[str, int]]:
    for row in range(1, ws.max_row + 1):
        if ws.cell(row, 1).value == first or ws.cell(row, 2).value == first:
            return row, {str(c.value): c.column for c in ws[row] if c.value is not None}
    raise AssertionError(first)


def fill(sheet: Path, out: Path) -> None:
    """Type the worked example's review into the checklist, as the team would: a reviewed value
    (percentages as 88%), the years, √, reasons and evidence; the team's points or level only
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
            elif fid == "satisfaction" and not isinstance(value, str):
                value = f"{value}%"  # typed with its sign, as a text
            ws.cell(row, col["复核值"], value)
        if corr.get("verified"):
            ws.cell(row, col["核实 √"], "√")
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
    """`review --xlsx` writes the review and its checklist; the team fills the sheet; `import`
    shows, then writes the review (edited in place, its checklist comments kept): 775.3."""
    lib = _copy(tmp_path)
    sheet = tmp_path / "核实清单.xlsx"
    review = ("review", str(lib), "--as", "prefecture", "--by", BY, "--date", "2017-07-12", "--xlsx", str(sheet))
    code, out, err = invoke(*review)
    assert code == 0, err
    assert str(sheet) in out and (lib / "assessments" / "prefecture.yaml").is_file()
    started = (lib / "assessments" / "prefecture.yaml").read_text(encoding="utf-8")
    assert _total(lib) == "832"
    fill(sheet, tmp_path / "filled.xlsx")
    code, out, err = invoke("import", str(tmp_path / "filled.xlsx"), str(lib), "--as", "prefecture", "--lang", "zh")
    assert code == 0, err
    assert "加 --yes 写入" in out and "corrections.satisfaction" in out
    assert (lib / "assessments" / "prefecture.yaml").read_text(encoding="utf-8") == started  # not without --yes
    code, out, err = invoke(
        "import", str(tmp_path / "filled.xlsx"), str(lib), "--as", "prefecture", "--yes", "--lang", "zh"
    )
    assert code == 0, err
    assert "已写入" in out
    text = (lib / "assessments" / "prefecture.yaml").read_text(encoding="utf-8")
    comments = [line for line in started.splitlines() if line.lstrip().startswith("#")]
    assert comments and all(line in text for line in comments)  # the checklist comments stay
    written = yaml.safe_load(text)
    assert written["inherit"] == "self" and written["by"] == BY and str(written["date"]) == "2017-07-12"
    assert not written.get("not_applicable")  # the self-assessment's, with the same reason: inherited
    assert _total(lib) == "775.3"
    assert invoke("check", "--strict", str(lib))[0] == 0


def _soffice(tmp_path: Path, src: Path, target: str, outdir: Path) -> Path:
    """Open `src` in LibreOffice and save it as `target` in `outdir`; the file it wrote."""
    profile = f"-env:UserInstallation=file://{tmp_path}/lo"
    command = ["soffice", "--headless", profile, "--convert-to", target, str(src), "--outdir", str(outdir)]
    subprocess.run(command, capture_output=True, timeout=180, check=True)
    return next(p for p in outdir.iterdir() if p.stem == src.stem)


@needs_soffice
@pytest.mark.parametrize("target", ["xlsx", "xls:MS Excel 97"])
def test_the_round_trip_through_libreoffice(tmp_path: Path, target: str) -> None:
    """The filled checklist opened and saved by LibreOffice (as .xlsx and as Excel 97 .xls), then
    read back: the same review, 775.3."""
    lib = _copy(tmp_path)
    fill(write_checklist(lib, tmp_path / "checklist.xlsx"), tmp_path / "filled.xlsx")
    saved = _soffice(tmp_path, tmp_path / "filled.xlsx", target, tmp_path / "lo-out")
    assert saved.suffix == "." + target.split(":")[0]
    code, _, err = invoke("import", str(saved), str(lib), "--as", "prefecture", "--yes")
    assert code == 0, err
    assert _total(lib) == "775.3"
    assert invoke("check", "--strict", str(lib))[0] == 0


HEAD = """# yaml-language-server: $schema=../.libeval/assessment.schema.json
# 州评：现场核实清单
assessor: prefecture
inherit: self  # 只写本次复核改动的内容
by: 州评估组
date: 2017-07-10
judged: {}
# judged 之后的说明
not_applicable: {}
corrections: {}
# 文件末尾的说明
"""


def test_an_existing_review_is_edited_in_place(tmp_path: Path) -> None:
    """The review `libeval review` wrote: its comments, schema line and own head stay; the
    sheet's entries go under its empty mappings; a second import changes nothing."""
    lib = _copy(tmp_path)
    review = lib / "assessments" / "prefecture.yaml"
    review.write_text(HEAD, encoding="utf-8")
    fill(write_checklist(lib, tmp_path / "checklist.xlsx"), tmp_path / "filled.xlsx")
    code, _, err = invoke("import", str(tmp_path / "filled.xlsx"), str(lib), "--as", "prefecture", "--yes")
    assert code == 0, err
    text = review.read_text(encoding="utf-8")
    for line in HEAD.splitlines():
        if line.startswith("#") or line.startswith(("by:", "date:", "inherit:")):
            assert line in text
    assert list(lib.glob("assessments/prefecture.yaml.*.bak"))  # the old file kept
    assert _total(lib) == "775.3"
    code, out, err = invoke("import", str(tmp_path / "filled.xlsx"), str(lib), "--as", "prefecture", "--yes")
    assert (code, out) == (0, "没有变化。\n"), err
    assert review.read_text(encoding="utf-8") == text


def test_an_english_checklist_reads_back_the_same(tmp_path: Path) -> None:
    """Written with --lang en (English sheet names and headers), filled, read back: the same file
    as from the Chinese one."""
    written = {}
    for lang in ("zh", "en"):
        lib = _copy(tmp_path / lang)
        sheet = write_checklist(lib, tmp_path / f"{lang}.xlsx", lang)
        wb = openpyxl.load_workbook(sheet)
        if lang == "en":  # the team fills the same cells: name them as the Chinese sheet does
            for ws, zh in zip(wb.worksheets, ("事实核实", "评分项目", "说明"), strict=True):
                ws.title = zh
            _rename_headers(wb)
        wb.save(tmp_path / f"{lang}-named.xlsx")
        fill(tmp_path / f"{lang}-named.xlsx", tmp_path / f"{lang}-filled.xlsx")
        if lang == "en":  # back to the English names the team saw
            wb = openpyxl.load_workbook(tmp_path / "en-filled.xlsx")
            for ws, en in zip(wb.worksheets, ("Facts", "Judged items", "How to fill"), strict=True):
                ws.title = en
            _rename_headers(wb, back=True)
            wb.save(tmp_path / "en-filled.xlsx")
        code, _, err = invoke("import", str(tmp_path / f"{lang}-filled.xlsx"), str(lib), "--as", "prefecture", "--yes")
        assert code == 0, err
        written[lang] = (lib / "assessments" / "prefecture.yaml").read_text(encoding="utf-8")
    assert written["en"] == written["zh"]


def _rename_headers(wb: Any, back: bool = False) -> None:
    from libeval.text.checklist_labels import AWARD_COLUMNS, FACT_COLUMNS, REVIEW_YEAR

    names = {label.en: label.zh for label in (*FACT_COLUMNS.values(), *AWARD_COLUMNS.values())}
    names |= {REVIEW_YEAR.en.format(year=y): REVIEW_YEAR.zh.format(year=y) for y in range(2013, 2017)}
    if back:
        names = {zh: en for en, zh in names.items()}
    for ws in wb.worksheets[:2]:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value in names:
                    cell.value = names[cell.value]


def test_the_sheet_is_laid_out_for_print_and_for_typing(tmp_path: Path) -> None:
    """Title rows naming the review, the header frozen and repeated on every page, A4 landscape,
    numbers as numbers, percentages as percent cells, a √ drop-down, levels as a drop-down."""
    wb = openpyxl.load_workbook(write_checklist(_copy(tmp_path), tmp_path / "c.xlsx"))
    assert wb.sheetnames == ["事实核实", "评分项目", "说明"]
    facts, awards = wb["事实核实"], wb["评分项目"]
    for ws, first in ((facts, "id"), (awards, "代码")):
        header, _ = _header(ws, first)
        assert ws.print_title_rows == f"${header}:${header}"
        assert ws.freeze_panes == f"C{header + 1}"
        assert ws.page_setup.orientation == "landscape" and str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4
        assert [ws.cell(r, 2).value for r in range(2, 7)] == [
            "cn-2017-county 第六次全国县级公共图书馆评估定级标准（重建版）",
            "self",
            "prefecture",
            BY,
            "2017-07-12",
        ]
    header, col = _header(facts, "id")
    rows = {facts.cell(r, 2).value: r for r in range(header + 1, facts.max_row + 1)}
    satisfaction = facts.cell(rows["satisfaction"], col["本馆数值"])
    assert (satisfaction.value, satisfaction.number_format) == (0.95, "0%")
    assert facts.cell(rows["annual_loans"], col["2013"]).value == 52000
    assert facts.cell(rows["population"], col["本馆数值"]).value == 140000
    marks = [dv for dv in facts.data_validations.dataValidation if dv.formula1 == '"√"']
    assert marks and f"{openpyxl.utils.get_column_letter(col['核实 √'])}{rows['computers']}" in str(marks[0].sqref)
    header, col = _header(awards, "代码")
    codes = {str(awards.cell(r, 1).value): r for r in range(header + 1, awards.max_row + 1)}
    assert awards.cell(codes["1.2.1"], col["自评等级"]).value == "中"
    levels = [dv for dv in awards.data_validations.dataValidation if dv.formula1 == '"好,中,差"']
    assert levels and f"I{codes['1.2.1']}" in str(levels[0].sqref)


def _grids(value: object, reason: str) -> tuple[Grid, Grid]:
    head = [SheetCell(v) for v in ("事实", "id", "单位", "复核值", "理由")]
    title = [SheetCell("被复核的评估"), SheetCell("self")]
    facts = Grid(
        "c.xlsx:事实核实",
        [
            title,
            head,
            [SheetCell("总藏量"), SheetCell("holdings"), SheetCell("册"), SheetCell(value), SheetCell(reason)],
        ],
    )
    return facts, Grid("c.xlsx:评分项目", [[SheetCell("代码")]])


@cache
def _standard() -> Standard:
    return load_library(EXAMPLE).standard


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=10**9), st.sampled_from(["plain", "comma", "wan", "number"]))
def test_a_reviewed_value_reads_as_written(n: int, form: str) -> None:
    """However the team writes a whole number (1200, 1,200, 2.5万, a number cell), it reads back
    as that number; without a reason it is an error at the reason's cell, never a value."""
    std = _standard()
    text: object = {"plain": str(n), "comma": f"{n:,}", "wan": f"{Decimal(n) / 10000}万", "number": n}[form]
    got = read_grids(*_grids(text, "现场清点"), std, {})
    assert not got.problems and got.corrections["holdings"]["value"] == n
    got = read_grids(*_grids(text, ""), std, {})
    assert [(p.file, p.code) for p in got.problems] == [("c.xlsx:事实核实!E3", "checklist-no-reason")]


def test_review_never_writes_the_sheet_over_an_input(tmp_path: Path) -> None:
    """`--xlsx` naming library.yaml is refused before anything is written: no review either."""
    lib = _copy(tmp_path)
    before = (lib / "library.yaml").read_bytes()
    code, _, err = invoke("review", str(lib), "--as", "prefecture", "--xlsx", str(lib / "library.yaml"))
    assert code == 1 and "[output-is-input]" in err
    assert (lib / "library.yaml").read_bytes() == before
    assert not (lib / "assessments" / "prefecture.yaml").exists()


def test_import_as_takes_a_plain_name(tmp_path: Path) -> None:
    """`--as ../x` would write outside assessments/: refused as `review --as` refuses it."""
    lib = _copy(tmp_path)
    sheet = write_checklist(lib, tmp_path / "c.xlsx")
    code, _, err = invoke("import", str(sheet), str(lib), "--as", "../../escaped", "--yes")
    assert code == 1 and "[review-name]" in err
    assert not list(tmp_path.rglob("escaped*"))
