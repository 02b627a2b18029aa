"""The facts spreadsheet (openpyxl is imported here, in load/standard_table.py,
present/sheets.py and present/checklist_sheet.py only, by the commands that need it).

- facts_template: a facts.xlsx with rows for the library (name, level, province, region and
  population, with drop-downs in Chinese) and one row per fact of a standard, per-year columns,
  cell validation, Chinese labels;
- xlsx_grid: the cells of a filled .xlsx for load/sheet_facts.py, with what Excel keeps beside a
  value: a percentage format, a formula without a saved result.
"""

from __future__ import annotations

import io
from collections.abc import Set
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from libeval.errors import LibevalError, problem
from libeval.load.sheet_facts import TAIL, columns, info_rows
from libeval.load.sheet_files import FACTS_SHEET, Grid, SheetCell, is_percent
from libeval.scoring.standard import Standard
from libeval.text.safe import cell_text

HEAD = Font(bold=True)
FILL = PatternFill("solid", fgColor="DDEBF7")
GROUP = PatternFill("solid", fgColor="F2F2F2")
INFO = PatternFill("solid", fgColor="FFF2CC")  # the library's own rows
TYPES_ZH = {"number": "数值", "integer": "整数", "boolean": "是/否", "percent": "百分比"}


def first_sheet(wb: Workbook) -> Worksheet:
    ws = wb.active
    if not isinstance(ws, Worksheet):  # a new workbook always has one
        ws = wb.create_sheet()
    return ws


def print_setup(ws: Worksheet, header: int = 1, landscape: bool = True) -> None:
    """A4 (landscape for a wide sheet), one page wide, the header row repeated: a sheet a
    reviewer can print."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    if ws.sheet_properties.pageSetUpPr is None:
        from openpyxl.worksheet.properties import PageSetupProperties

        ws.sheet_properties.pageSetUpPr = PageSetupProperties()
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_title_rows = f"{header}:{header}"


def add_row(ws: Worksheet, values: list[Any]) -> None:
    """A row after the last; text with its control characters written out (text/safe.cell_text):
    a workbook cannot hold them, and openpyxl would stop on them."""
    ws.append([cell_text(v) for v in values])


def formula(ws: Worksheet, row: int, column: int, text: str, ours: set[tuple[str, str]]) -> None:
    """Put a formula of our own (`=SUM(D5,D9)`) in a cell and note it in `ours`: the only cells
    `workbook_bytes` keeps as formulas."""
    cell = ws.cell(row=row, column=column, value=text)
    ours.add((ws.title, cell.coordinate))


def workbook_bytes(wb: Workbook, ours: Set[tuple[str, str]] = frozenset()) -> bytes:
    """The workbook as .xlsx bytes. Every cell openpyxl took for a formula (text starting with
    `=`) that is not one of `ours` (sheet title, cell) becomes a text cell: a library name or a
    note such as `=HYPERLINK(…)` is shown, never run (issue 18; text/safe.py)."""
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f" and (ws.title, cell.coordinate) not in ours:
                    cell.data_type = "s"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def facts_template(std: Standard, province: str | None = None) -> bytes:
    """facts.xlsx for a standard: fill one row per fact (years for per-year facts, else 数值).
    With `province` (`init --province`), its row and the region the standard places it in are
    filled in."""
    wb = Workbook()
    ws = first_sheet(wb)
    ws.title = FACTS_SHEET
    cols = columns(std)
    add_row(ws, cols)
    for cell in ws[1]:
        cell.font, cell.fill = HEAD, FILL
    years = [c for c in cols if c.isdigit()]
    # a warning, not a stop: 2.5万, 1,200 or 600㎡ are typed as text and read by `import`
    number = DataValidation(
        type="decimal",
        operator="greaterThanOrEqual",
        formula1="0",
        allow_blank=True,
        errorStyle="warning",
        showErrorMessage=True,  # without it Excel and WPS never show the message
        error="请填写数字（2.5万、1,200、600㎡ 这样的写法也可以，选“是”保留）/ a number",
        errorTitle="libeval",
    )
    yes_no = DataValidation(
        type="list",
        formula1='"是,否"',
        allow_blank=True,
        showErrorMessage=True,
        error="请填写 是 或 否 / yes or no",
        errorTitle="libeval",
    )
    flag = DataValidation(type="list", formula1='"是,否"', allow_blank=True)
    for dv in (number, yes_no, flag):
        ws.add_data_validation(dv)
    value_col = cols.index(TAIL[0]) + 1
    value_letter = get_column_letter(value_col)
    rows = info_rows(std)
    for row, info_row in enumerate(rows, start=2):
        add_row(
            ws,
            [
                info_row.id,
                info_row.name,
                info_row.unit,
                "下拉选择" if info_row.kind == "choice" else "文本",
                info_row.describe,
            ],
        )
        if info_row.kind == "number":
            ws.cell(row=row, column=4).value = "数值"
            number.add(f"{value_letter}{row}")
        if info_row.kind == "choice":
            labels = ",".join(label.zh for _, label in info_row.choices)
            choice = DataValidation(
                type="list",
                formula1=f'"{labels}"',
                allow_blank=True,
                showErrorMessage=True,
                error="请从下拉列表中选择 / choose from the list",
                errorTitle="libeval",
            )
            ws.add_data_validation(choice)
            choice.add(f"{value_letter}{row}")
        given = {"level": std.spec.level, "province": province, "region": std.region_of(province) if province else None}
        if info_row.kind == "choice" and given.get(info_row.key):
            label = next((lb.zh for v, lb in info_row.choices if v == given[info_row.key]), None)
            ws.cell(row=row, column=value_col).value = cell_text(label)
        elif given.get(info_row.key):
            ws.cell(row=row, column=value_col).value = cell_text(given[info_row.key])
        for y in years:
            ws.cell(row=row, column=cols.index(y) + 1).fill = GROUP
        ws.cell(row=row, column=value_col).fill = INFO
    for row, fact in enumerate(std.spec.facts, start=2 + len(rows)):
        add_row(
            ws,
            [
                fact.id,
                fact.name,
                fact.unit or "",
                TYPES_ZH[fact.type] + ("（按年）" if fact.per_year else ""),
                fact.description or "",
            ],
        )
        if fact.per_year:
            targets = [f"{get_column_letter(cols.index(y) + 1)}{row}" for y in years]
            for col in range(cols.index(years[0]) + 1, cols.index(years[-1]) + 2):
                ws.cell(row=row, column=col).fill = PatternFill()
            ws.cell(row=row, column=value_col).fill = GROUP
        else:
            targets = [f"{get_column_letter(value_col)}{row}"]
            for y in years:
                ws.cell(row=row, column=cols.index(y) + 1).fill = GROUP
        for ref in targets:
            (yes_no if fact.type == "boolean" else number).add(ref)
        flag.add(f"{get_column_letter(len(cols))}{row}")
    widths = {
        "id": 22,
        "名称 name": 28,
        "单位 unit": 10,
        "类型 type": 12,
        "说明 description": 30,
        "来源 source": 30,
        "备注 note": 24,
    }
    for i, name in enumerate(cols, start=1):
        ws.column_dimensions[get_column_letter(i)].width = widths.get(name, 11)
    ws.freeze_panes = "C2"
    info = wb.create_sheet("说明")
    for line in (
        f"评估标准：{std.spec.id} {std.spec.title}",
        "前几行是图书馆的基本信息：名称、级别、省份、地区（下拉选择）与服务人口，填在“数值”列的黄色单元格。",
        "按年填报的事实填写各年份列；其他事实填写“数值”列。留空表示未填写（缺少数据），不会当作 0。",
        "数字可写作 1200、1,200、2.5万、600㎡、85%；是/否类填写“是”或“否”。估计值请在“估计值”列填“是”。",
        "请直接填写数字，不要用公式；如用了公式，请在 Excel 或 WPS 中保存后再导入。",
        "填好后运行：libeval import facts.xlsx <图书馆目录>（已有 library.yaml 时加 --yes 才会写入，并留下备份）。",
        "也可另存为 .xls 或 .csv（UTF-8 或 GBK 编码均可）后导入：libeval import facts.csv <图书馆目录>。",
    ):
        add_row(info, [line])
    info.column_dimensions["A"].width = 110
    return workbook_bytes(wb)


def xlsx_grid(data: bytes, shown: str, sheet: str = FACTS_SHEET) -> Grid:
    """The cells of the sheet 事实 (or the one named): the saved values (a formula's cached result), each number's
    percentage format, and the formulas that have no saved result (a workbook written by a
    program and never opened in Excel or WPS)."""
    try:
        values = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        formulas = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise LibevalError([problem(shown, None, "xlsx-unreadable", detail=type(exc).__name__)]) from None
    if sheet not in values.sheetnames:
        raise LibevalError([problem(shown, None, "xlsx-no-sheet", sheet=sheet)])
    rows: list[list[SheetCell]] = []
    for cells, written in zip(values[sheet].iter_rows(), formulas[sheet].iter_rows(values_only=True), strict=False):
        row = []
        for i, cell in enumerate(cells):
            value: Any = cell.value
            formula = written[i] if i < len(written) else None
            if value is None and formula is not None:
                text = formula if isinstance(formula, str) else getattr(formula, "text", None)
                row.append(SheetCell(None, formula=str(text or formula)))
                continue
            number = isinstance(value, int | float) and not isinstance(value, bool)
            row.append(SheetCell(value, number and is_percent(getattr(cell, "number_format", None))))
        rows.append(row)
    values.close()
    formulas.close()
    return Grid(f"{shown}:{sheet}", rows)
