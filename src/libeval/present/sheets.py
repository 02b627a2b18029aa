"""Spreadsheets out: the score sheet of an evaluation form and the diff sheet, with real
formulas (openpyxl is imported here and in load/facts_sheet.py only).

Every sheet starts with title rows (the library, the assessment or both sides, dates, assessors,
the standard), then one header row, frozen and repeated on every printed page; numbers are stored
as numbers; each sheet prints on A4, one page wide, landscape when its columns are wide.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from libeval.load.facts_sheet import FILL, GROUP, HEAD, add_row, first_sheet, formula, print_setup, workbook_bytes
from libeval.models.result import Result
from libeval.present.completeness import fill_line, grade_name, notice
from libeval.present.report_format import long_date
from libeval.scoring.standard import Standard
from libeval.text.labels import LABELS, label
from libeval.text.safe import cell_text
from libeval.text.width import wrap

WARN = Font(bold=True, color="C00000")
TITLE = Font(bold=True, size=14)
WIDE = 100  # sheets whose columns are wider than this (in characters) print landscape
TOP = Alignment(wrap_text=True, vertical="top")
UPPER = Alignment(vertical="top")
PLACES = 6  # a difference of points is rounded to this many decimals: 206.3 - 207 is -0.7, not -0.69999…
LINE = 15.0  # the height of one line of text in a row (points)


def number(d: Decimal) -> int | float:
    """A decimal as a cell's number: 832, 775.3."""
    return int(d) if d == d.to_integral_value() else float(d)


def _gap(lang: str) -> str:
    return "　　" if lang == "zh" else "    "


def title_rows(ws: Worksheet, lines: Sequence[str], warn: str | None = None) -> int:
    """The rows above a sheet's header: its title, an incomplete result's notice (said first,
    right under the title), the other lines, a blank row; returns the row of the header."""
    for i, line in enumerate(lines):
        add_row(ws, [line])
        if i == 0 and warn:
            add_row(ws, [warn])
            ws.cell(row=ws.max_row, column=1).font = WARN
    ws.cell(row=1, column=1).font = TITLE
    add_row(ws, [])
    return int(ws.max_row) + 1


def header_row(ws: Worksheet, names: Sequence[str]) -> int:
    add_row(ws, list(names))
    row = int(ws.max_row)
    for c in ws[row]:
        c.font, c.fill = HEAD, FILL
    return row


def finish(ws: Worksheet, header: int, widths: Sequence[float], freeze: str = "A", wrapped: str = "") -> None:
    """Column widths, the rows down to the header frozen, the print setup; the columns named in
    `wrapped` (letters) wrap their text, each row as high as its longest text needs (a program
    that opens the file does not always measure it: LibreOffice does not)."""
    for i, width in enumerate(widths):
        ws.column_dimensions[chr(ord("A") + i)].width = width
    for row in ws.iter_rows(min_row=header + 1):
        for cell in row:
            if cell.value is not None:
                cell.alignment = UPPER
    for letter in wrapped:
        width = int(widths[ord(letter) - ord("A")] * 1.1)  # a column fits a little more than its width
        for cell in ws[letter][header:]:
            if not isinstance(cell.value, str) or not cell.value:
                continue
            cell.alignment = TOP
            lines = len(wrap(cell.value, width))
            current = ws.row_dimensions[cell.row].height or LINE
            if lines > 1 and lines * LINE > current:
                ws.row_dimensions[cell.row].height = lines * LINE
    ws.freeze_panes = f"{freeze}{header + 1}"
    print_setup(ws, header=header, landscape=sum(widths) > WIDE)


def _assessor(r: Result, lang: str) -> str:
    key = f"side.{r.assessor}"
    return label(key, lang) if key in LABELS else r.assessment


def _library(r: Result, lang: str) -> str:
    return (r.library_en or r.library) if lang == "en" else r.library


def result_lines(r: Result, sheet: str, lang: str) -> list[str]:
    """A result's title rows: library and sheet; assessment, date, assessor; standard and period."""
    standard = label("sheet.standard", lang, id=r.criteria_id, title=r.criteria_title.get(lang))
    dash = "—" if lang == "zh" else "–"  # 2013—2016, as the report writes the period
    period = label("sheet.period", lang, period=f"{r.period[0]}{dash}{r.period[1]}") if r.period[0] else ""
    return [
        label("sheet.title", lang, library=_library(r, lang), sheet=sheet),
        label(
            "sheet.meta",
            lang,
            assessor=_assessor(r, lang),
            date=long_date(r.date, lang) if r.date else "—",
            by=r.assessed_by or "—",
        ),
        standard + (_gap(lang) + period if period else ""),
    ]


def score_sheet(result: Result, std: Standard, lang: str, notes: dict[str, str | None]) -> bytes:
    """The score sheet: one row per indicator; groups, parts and the total as formulas."""
    wb = Workbook()
    ws = first_sheet(wb)
    ws.title = label("sheet.scores", lang)
    ours: set[tuple[str, str]] = set()  # the cells that hold our own formulas
    warn = notice(result.completeness, lang)
    title_rows(ws, result_lines(result, ws.title, lang), warn)
    head = [label(k, lang) for k in ("code", "name", "max", "score", "explanation", "note")]
    header = header_row(ws, head)
    by_code = {i.code: i for i in result.indicators}

    def place(code: str) -> int:
        info = std.nodes[code]
        node = info.node
        name = (node.name_en or node.name) if lang == "en" else node.name
        if node.rule is not None:
            ind = by_code[code]
            values = [code, "  " * info.depth + name, number(ind.max), number(ind.score)]
            add_row(ws, [*values, ind.explanation.get(lang), notes.get(code) or ""])
            return int(ws.max_row)
        add_row(ws, [code, "  " * info.depth + name, number(node.max)])
        row = int(ws.max_row)
        children = [place(ch.code) for ch in node.children]
        total = "SUM(" + ",".join(f"D{r}" for r in children) + ")"
        formula(ws, row, 4, f"=MIN(C{row},{total})" if node.capped else f"={total}", ours)
        for c in ws[row]:
            c.font, c.fill = HEAD, GROUP
        return row

    part_rows = [place(p.code) for p in std.spec.parts]
    bonus_row = place(std.spec.bonus.code) if std.spec.bonus else None
    add_row(ws, [])
    add_row(ws, ["", label("total", lang), ""])
    total_row = ws.max_row
    formula(ws, total_row, 4, "=" + "+".join(f"D{r}" for r in [*part_rows, *([bonus_row] if bonus_row else [])]), ours)
    for c in ws[total_row]:
        c.font = HEAD
    finish(ws, header, (10, 40, 8, 8, 60, 40), freeze="C", wrapped="EF")
    _grades_sheet(wb, result, lang, warn)
    if result.completeness.to_fill:
        fill = wb.create_sheet(label("sheet.to_fill", lang))
        title_rows(fill, result_lines(result, fill.title, lang))
        header = header_row(fill, [label("to_fill", lang), label("to_fill_points", lang)])
        for item in result.completeness.to_fill:
            add_row(fill, [fill_line(item, lang), number(item.points)])
        finish(fill, header, (70, 10), wrapped="A")
    wb.properties.title = cell_text(f"{result.library} {result.assessment}")
    return workbook_bytes(wb, ours)


def _grades_sheet(wb: Workbook, result: Result, lang: str, warn: str | None) -> None:
    grades = wb.create_sheet(label("sheet.grades", lang))
    title_rows(grades, result_lines(result, grades.title, lang), warn)
    keys = ("grade", "sheet.condition", "sheet.outcome", "explanation")
    header = header_row(grades, [label(k, lang) for k in keys])
    met = {True: label("met", lang), False: label("not_met", lang), None: label("not_applicable_short", lang)}
    for g in result.grades:
        for cond in g.conditions:
            add_row(grades, [g.name.get(lang), cond.name.get(lang), met[cond.met], cond.explanation.get(lang)])
    add_row(grades, [])
    add_row(grades, ["", label("sheet.grade_reached", lang), grade_name(result, lang)])
    for c in grades[grades.max_row]:
        c.font = HEAD
    finish(grades, header, (10, 36, 10, 70), wrapped="BD")


def diff_sheet(context: dict[str, Any]) -> bytes:
    """Both sides of a diff: the parts and the total (as formulas), then one row per differing
    indicator with its cause; the values per year of the facts that differ on a second sheet."""
    t, lang = context["t"], context["lang"]
    wb = Workbook()
    ws = first_sheet(wb)
    ws.title = t["diff_title"][:31]
    ours: set[tuple[str, str]] = set()
    a, b = context["a"], context["b"]
    standard = label("sheet.standard", lang, id=context["criteria"]["id"], title=context["criteria"]["title"])
    head = label("sheet.title", lang, library=context["library"], sheet=context["heading"])
    sides = [
        label(
            "sheet.side",
            lang,
            side=s["name"],
            date=s["date"] or "—",
            by=s["by"] or "—",
            total=s["total"],
            grade=s["grade"],
        )
        for s in (a, b)
    ]
    title_rows(ws, [head, *sides, standard, context["grade_line"]])
    header = header_row(ws, [t["code"], t["name"], a["name"], b["name"], t["delta"], t["cause"]])

    def pair(code: str, name: str, old: Decimal, new: Decimal, cause: str = "") -> int:
        add_row(ws, [code, name, number(old), number(new), None, cause])
        r = int(ws.max_row)
        formula(ws, r, 5, f"=ROUND(D{r}-C{r},{PLACES})", ours)
        return r

    rows = [pair(p["code"], p["name"], p["from_value"], p["to_value"]) for p in context["parts"]]
    for r in rows:
        for c in ws[r]:
            c.fill = GROUP
    add_row(ws, ["", label("total", lang)])
    total = int(ws.max_row)
    sums = {"C": a["total_value"], "D": b["total_value"]}
    parts_add_up = (
        sum((p["from_value"] for p in context["parts"]), Decimal(0)) == sums["C"]
        and sum((p["to_value"] for p in context["parts"]), Decimal(0)) == sums["D"]
    )
    for col, value in sums.items():
        cell = ws[f"{col}{total}"]
        if parts_add_up and rows:  # the total recomputes from the parts above
            formula(ws, total, cell.column, "=SUM(" + ",".join(f"{col}{r}" for r in rows) + ")", ours)
        else:
            cell.value = number(value)
    formula(ws, total, 5, f"=ROUND(D{total}-C{total},{PLACES})", ours)
    for c in ws[total]:
        c.font = HEAD
    if context["indicators"] or context["caps"]:
        add_row(ws, [])
        add_row(ws, ["", t["differing"]])
        ws.cell(row=ws.max_row, column=2).font = HEAD
    for i in context["indicators"]:
        pair(i["code"], i["name"], i["from_value"], i["to_value"], "\n".join(i["causes"]))
    for c in context["caps"]:
        add_row(ws, [c["code"], c["name"], None, None, number(c["delta_value"]), t["cause.cap"]])
    finish(ws, header, (10, 30, 12, 12, 10, 80), freeze="C", wrapped="BF")
    if context["yearly"]:
        _yearly_sheet(wb, context, [head, standard])
    return workbook_bytes(wb, ours)


def _cell(v: Decimal | bool | None, lang: str) -> Any:
    if v is None:
        return None
    if isinstance(v, bool):
        return label("yes" if v else "no", lang)
    return number(v)


def _yearly_sheet(wb: Workbook, context: dict[str, Any], lines: list[str]) -> None:
    """One row per fact and side: the value of each year, and the value scoring uses."""
    t, lang = context["t"], context["lang"]
    ws = wb.create_sheet(label("sheet.yearly", lang))
    title_rows(ws, [*lines, t["diff.yearly_intro"]])
    years: dict[int, str] = {}
    for f in context["yearly"]:
        years.update(zip(f["year_numbers"], f["years"], strict=True))
    order = sorted(years)
    head = [label("fact", lang), label("sheet.unit", lang), label("assessment", lang)]
    header = header_row(ws, [*head, *(years[y] for y in order), t["diff.scored_value"]])
    for f in context["yearly"]:
        for s in f["sides"]:
            by_year = dict(zip(f["year_numbers"], s["raw"], strict=True))
            values = [_cell(by_year.get(y), lang) for y in order]
            add_row(ws, [f["name"], f["unit"], s["side"], *values, _cell(s["scored_raw"], lang)])
    finish(ws, header, (30, 10, 16, *(12 for _ in order), 12))
