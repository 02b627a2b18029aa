"""Spreadsheets in and out (openpyxl is imported here only, by the commands that need it).

- facts_template: a facts.xlsx with one row per fact of a standard, per-year columns, cell
  validation, Chinese labels;
- read_facts: the facts of a filled sheet, every bad cell located as `facts.xlsx:事实!C12`;
- score_sheet / diff_sheet: the score sheet of an evaluation form, with real formulas.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from pydantic_core import PydanticCustomError

from libeval.errors import Problem, problem
from libeval.models.result import Result
from libeval.scoring.standard import Standard
from libeval.text import reading as humane

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


def _first_sheet(wb: Workbook) -> Worksheet:
    ws = wb.active
    if not isinstance(ws, Worksheet):  # a new workbook always has one
        ws = wb.create_sheet()
    return ws


def _print_setup(ws: Worksheet) -> None:
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


def _bytes(wb: Workbook) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def facts_template(std: Standard) -> bytes:
    """facts.xlsx for a standard: fill one row per fact (years for per-year facts, else 数值)."""
    wb = Workbook()
    ws = _first_sheet(wb)
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
    return _bytes(wb)


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
        expected = "true/false (是/否)" if fact.type == "boolean" else "a number"
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


def score_sheet(result: Result, std: Standard, lang: str, notes: dict[str, str | None]) -> bytes:
    """The score sheet: one row per indicator; groups, parts and the total as formulas."""
    wb = Workbook()
    ws = _first_sheet(wb)
    ws.title = "评分表" if lang == "zh" else "Scores"
    head = (
        ["编号", "名称", "满分", "得分", "说明", "评估意见"]
        if lang == "zh"
        else ["Code", "Name", "Max", "Points", "Explanation", "Assessor's note"]
    )
    ws.append(head)
    for c in ws[1]:
        c.font, c.fill = HEAD, FILL
    by_code = {i.code: i for i in result.indicators}
    rows: dict[str, int] = {}

    def place(code: str) -> int:
        info = std.nodes[code]
        node = info.node
        name = (node.name_en or node.name) if lang == "en" else node.name
        if node.rule is not None:
            ind = by_code[code]
            ws.append(
                [
                    code,
                    "  " * info.depth + name,
                    float(ind.max) if ind.max % 1 else int(ind.max),
                    float(ind.score) if ind.score % 1 else int(ind.score),
                    ind.explanation.get(lang),
                    notes.get(code) or "",
                ]
            )
            rows[code] = ws.max_row
            return int(ws.max_row)
        ws.append([code, "  " * info.depth + name, float(node.max) if node.max % 1 else int(node.max)])
        row = int(ws.max_row)
        rows[code] = row
        children = [place(ch.code) for ch in node.children]
        total = "SUM(" + ",".join(f"D{r}" for r in children) + ")"
        ws.cell(row=row, column=4, value=f"=MIN(C{row},{total})" if node.capped else f"={total}")
        for c in ws[row]:
            c.font, c.fill = HEAD, GROUP
        return row

    tops = [p.code for p in std.spec.parts]
    part_rows = [place(code) for code in tops]
    bonus_row = place(std.spec.bonus.code) if std.spec.bonus else None
    ws.append([])
    ws.append(
        [
            "",
            "总分" if lang == "zh" else "Total",
            "",
            "=" + "+".join(f"D{r}" for r in [*part_rows, *([bonus_row] if bonus_row else [])]),
        ]
    )
    total_row = ws.max_row
    for c in ws[total_row]:
        c.font = HEAD
    for letter, width in zip("ABCDEF", (10, 40, 8, 8, 60, 40), strict=True):
        ws.column_dimensions[letter].width = width
    for row in ws.iter_rows(min_row=2):
        row[4].alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "C2"
    _print_setup(ws)
    grades = wb.create_sheet("等级" if lang == "zh" else "Grades")
    grades.append(
        ["等级", "条件", "结果", "说明"] if lang == "zh" else ["Grade", "Condition", "Outcome", "Explanation"]
    )
    for c in grades[1]:
        c.font, c.fill = HEAD, FILL
    met = (
        {True: "达到", False: "未达到", None: "不适用"}
        if lang == "zh"
        else {True: "met", False: "not met", None: "n/a"}
    )
    for g in result.grades:
        for cond in g.conditions:
            grades.append([g.name.get(lang), cond.name.get(lang), met[cond.met], cond.explanation.get(lang)])
    reached = result.grade.name.get(lang) if result.grade else ("未达等级" if lang == "zh" else "no grade")
    grades.append([])
    grades.append(["达到的等级" if lang == "zh" else "Grade reached", reached])
    for letter, width in zip("ABCD", (10, 36, 10, 70), strict=True):
        grades.column_dimensions[letter].width = width
    wb.properties.title = f"{result.library} {result.assessment}"
    return _bytes(wb)


def diff_sheet(context: dict[str, Any]) -> bytes:
    """Both sides of a diff with the deltas, one row per differing indicator."""
    t = context["t"]
    wb = Workbook()
    ws = _first_sheet(wb)
    ws.title = t["diff_title"][:31]
    a, b = context["a"], context["b"]
    ws.append([t["total_short"], a["label"], b["label"], t["delta"]])
    ws.append(["", a["total"], b["total"], context["total_delta"]])
    ws.append([])
    ws.append([t["code"], t["name"], a["label"], b["label"], t["delta"], t["cause"]])
    for c in ws[4]:
        c.font, c.fill = HEAD, FILL
    for i in context["indicators"]:
        ws.append([i["code"], i["name"], Decimal(i["from"]), Decimal(i["to"]), None, "\n".join(i["causes"])])
        r = ws.max_row
        ws.cell(row=r, column=5, value=f"=D{r}-C{r}")
        ws.cell(row=r, column=6).alignment = Alignment(wrap_text=True, vertical="top")
    for letter, width in zip("ABCDEF", (10, 30, 12, 12, 10, 80), strict=True):
        ws.column_dimensions[letter].width = width
    return _bytes(wb)
