"""The facts spreadsheet (openpyxl is imported here and in present/sheets.py only, by the
commands that need it).

- facts_template: a facts.xlsx with one row per fact of a standard, per-year columns, cell
  validation, Chinese labels;
- read_facts: the facts of a filled sheet, every bad cell located as `facts.xlsx:事实!C12`.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from pydantic_core import PydanticCustomError

from libeval.errors import Problem, problem
from libeval.scoring.standard import Standard
from libeval.text import reading as humane
from libeval.text.words import WORDS

FACTS_SHEET = "事实"
HEAD = Font(bold=True)
FILL = PatternFill("solid", fgColor="DDEBF7")
GROUP = PatternFill("solid", fgColor="F2F2F2")
FIXED = ["id", "名称 name", "单位 unit", "类型 type", "说明 description"]
TAIL = ["数值 value", "来源 source", "备注 note", "估计值 estimated"]
TYPES_ZH = {"number": "数值", "integer": "整数", "boolean": "是/否", "percent": "百分比"}


def _columns(std: Standard) -> list[str]:
    period = std.spec.period
    return [*FIXED, *[str(y) for y in range(period.start, period.end + 1)], *TAIL]


def first_sheet(wb: Workbook) -> Worksheet:
    ws = wb.active
    if not isinstance(ws, Worksheet):  # a new workbook always has one
        ws = wb.create_sheet()
    return ws


def print_setup(ws: Worksheet) -> None:
    """A4 landscape, one page wide, the header row repeated: a sheet a reviewer can print."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    if ws.sheet_properties.pageSetUpPr is None:
        from openpyxl.worksheet.properties import PageSetupProperties

        ws.sheet_properties.pageSetUpPr = PageSetupProperties()
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_title_rows = "1:1"


def workbook_bytes(wb: Workbook) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def facts_template(std: Standard) -> bytes:
    """facts.xlsx for a standard: fill one row per fact (years for per-year facts, else 数值)."""
    wb = Workbook()
    ws = first_sheet(wb)
    ws.title = FACTS_SHEET
    cols = _columns(std)
    ws.append(cols)
    for cell in ws[1]:
        cell.font, cell.fill = HEAD, FILL
    years = [c for c in cols if c.isdigit()]
    number = DataValidation(
        type="decimal",
        operator="greaterThanOrEqual",
        formula1="0",
        allow_blank=True,
        error="请填写数字 / a number",
        errorTitle="libeval",
    )
    yes_no = DataValidation(
        type="list", formula1='"是,否"', allow_blank=True, error="请填写 是 或 否 / yes or no", errorTitle="libeval"
    )
    flag = DataValidation(type="list", formula1='"是,否"', allow_blank=True)
    for dv in (number, yes_no, flag):
        ws.add_data_validation(dv)
    value_col = cols.index(TAIL[0]) + 1
    for row, fact in enumerate(std.spec.facts, start=2):
        ws.append(
            [
                fact.id,
                fact.name,
                fact.unit or "",
                TYPES_ZH[fact.type] + ("（按年）" if fact.per_year else ""),
                fact.description or "",
            ]
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
        "按年填报的事实填写各年份列；其他事实填写“数值”列。留空表示未填写（缺少数据），不会当作 0。",
        "数字可写作 1200、1,200、2.5万、600㎡、85%；是/否类填写“是”或“否”。估计值请在“估计值”列填“是”。",
        "填好后运行：libeval import facts.xlsx <图书馆目录>（已有 library.yaml 时加 --yes 才会写入，并留下备份）。",
    ):
        info.append([line])
    info.column_dimensions["A"].width = 110
    return workbook_bytes(wb)


@dataclass
class SheetFacts:
    facts: dict[str, dict[str, Any]]  # fact id -> library.yaml entry
    problems: list[Problem]


def _where(name: str, ref: str) -> str:
    return f"{name}:{FACTS_SHEET}!{ref}"


def _cell_value(raw: Any, fact: Any, where: str, problems: list[Problem]) -> Decimal | bool | None:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if isinstance(raw, bool):
        value: Decimal | bool = raw
    elif isinstance(raw, int | float):
        value = Decimal(repr(raw)) if isinstance(raw, float) else Decimal(raw)
    elif isinstance(raw, str):
        try:
            value, unit = humane.parse(raw)
        except PydanticCustomError:
            problems.append(problem(where, None, "number-text", text=repr(raw)))
            return None
        if unit and fact.unit and humane.canonical_unit(fact.unit) != unit:
            problems.append(problem(where, None, "unit-mismatch", id=fact.id, expected=fact.unit, got=unit))
            return None
    else:
        problems.append(problem(where, None, "number-text", text=repr(str(raw))))
        return None
    if (fact.type == "boolean") != isinstance(value, bool):
        expected = WORDS["true/false"] if fact.type == "boolean" else WORDS["a number"]
        problems.append(problem(where, None, "value-type", id=fact.id, expected=expected, got=repr(raw)))
        return None
    return value


def read_facts(data: bytes, name: str, std: Standard) -> SheetFacts:
    """The facts in a filled facts.xlsx; every unreadable cell is a problem, never a zero."""
    problems: list[Problem] = []
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        return SheetFacts({}, [problem(name, None, "xlsx-unreadable", detail=type(exc).__name__)])
    if FACTS_SHEET not in wb.sheetnames:
        return SheetFacts({}, [problem(name, None, "xlsx-no-sheet", sheet=FACTS_SHEET)])
    ws = wb[FACTS_SHEET]
    rows = list(ws.iter_rows(values_only=True))
    if not rows:
        return SheetFacts({}, [problem(name, None, "xlsx-no-sheet", sheet=FACTS_SHEET)])
    header = [str(h).strip() if h is not None else "" for h in rows[0]]
    col = {h: i for i, h in enumerate(header)}
    if "id" not in col:
        return SheetFacts({}, [problem(f"{name}:{FACTS_SHEET}!A1", None, "xlsx-header", column="id")])
    facts: dict[str, dict[str, Any]] = {}
    years = [h for h in header if h.isdigit()]
    for r, row in enumerate(rows[1:], start=2):
        fid = row[col["id"]] if col["id"] < len(row) else None
        if fid is None or not str(fid).strip():
            continue
        fid = str(fid).strip()
        fact = std.facts.get(fid)
        if fact is None:
            from libeval.text.suggest import did_you_mean

            problems.append(
                problem(_where(name, f"A{r}"), None, "unknown-fact", id=fid, suggest=did_you_mean(fid, std.facts))
            )
            continue

        def cell(header_name: str, row: tuple[Any, ...] = row, r: int = r) -> tuple[Any, str]:
            i = col.get(header_name)
            ref = f"{get_column_letter((i or 0) + 1)}{r}"
            return (row[i] if i is not None and i < len(row) else None), ref

        entry: dict[str, Any] = {}
        if fact.per_year:
            values = {}
            for y in years:
                raw, ref = cell(y)
                value = _cell_value(raw, fact, _where(name, ref), problems)
                if value is not None:
                    values[int(y)] = value
            if values:
                entry["years"] = values
            raw, ref = cell(TAIL[0])
            if raw not in (None, ""):
                problems.append(problem(_where(name, ref), None, "per-year-expected", id=fid))
        else:
            raw, ref = cell(TAIL[0])
            value = _cell_value(raw, fact, _where(name, ref), problems)
            if value is not None:
                entry["value"] = value
        if not entry:
            continue  # not given: missing, never zero
        if fact.unit:
            entry["unit"] = fact.unit
        for key, header_name in (("source", TAIL[1]), ("note", TAIL[2])):
            raw, _ = cell(header_name)
            if raw not in (None, ""):
                entry[key] = str(raw)
        raw, ref = cell(TAIL[3])
        if raw not in (None, ""):
            flag = humane.parse(str(raw))[0] if str(raw).strip() in ("是", "否") else raw
            if not isinstance(flag, bool):
                problems.append(problem(_where(name, ref), None, "value-type", id=fid, expected="是/否", got=repr(raw)))
            elif flag:
                entry["estimated"] = True
        facts[fid] = entry
    return SheetFacts(facts, problems)
