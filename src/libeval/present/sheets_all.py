"""The workbook of `libeval diff LIB --all` (openpyxl is imported here, in present/sheets.py and in
the load modules that read sheets): a column per assessment, numbers stored as numbers, the cells a
pass changed in bold on a coloured fill and marked ●, why in the last column."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from libeval.load.facts_sheet import GROUP, HEAD, add_row, first_sheet, workbook_bytes
from libeval.present.sheets import finish, header_row, number, title_rows
from libeval.text.labels import label

CHANGED = PatternFill("solid", fgColor="FFF3C4")
BOLD = Font(bold=True)
MARKED = '"●"General'  # a changed number keeps its value and shows the mark


def diff_all_sheet(context: dict[str, Any]) -> bytes:
    """One sheet: the passes (date, assessor, total, grade, what blocks the next grade), the parts,
    the indicators and the facts that differ."""
    t, lang = context["t"], context["lang"]
    passes = context["passes"]
    wb = Workbook()
    ws = first_sheet(wb)
    ws.title = label("diff_all.sheet", lang)[:31]
    standard = label("sheet.standard", lang, id=context["criteria"]["id"], title=context["criteria"]["title"])
    head = label("sheet.title", lang, library=context["library"], sheet=context["heading"])
    title_rows(ws, [head, standard, context["one"] or context["legend"]])
    header = header_row(ws, [t["code"], t["name"], t["max"], *(p["name"] for p in passes), t["diff_all.notes"]])
    add_row(ws, ["", t["date"], None, *(p["date"] or "—" for p in passes)])
    add_row(ws, ["", t["assessed_by"], None, *(p["by"] or "—" for p in passes)])
    _add(ws, "", t["total_short"], None, context["total"], numeric=True)
    _add(ws, "", t["grade"], None, context["grade"])
    add_row(ws, ["", t["diff_all.next"], None, *(p["next"] for p in passes)])
    for r in context["parts"]:
        _add(ws, r["code"], r["name"], r["max_value"], r, numeric=True, fill=GROUP)
    for r in context["indicators"]:
        _add(ws, r["code"], r["name"], r["max_value"], r, numeric=True)
    if context["facts"]:
        add_row(ws, [])
        add_row(ws, ["", t["diff_all.facts"]])
        ws.cell(row=ws.max_row, column=2).font = HEAD
    for r in context["facts"]:
        _add(ws, "", r["name"], None, r)
    columns = "".join(chr(ord("D") + k) for k in range(len(passes) + 1))  # the passes and the notes
    finish(ws, header, (10, 30, 8, *(18 for _ in passes), 70), freeze="D", wrapped=f"B{columns}")
    return workbook_bytes(wb)


def _add(
    ws: Worksheet,
    code: str,
    name: str,
    mx: Decimal | None,
    row: dict[str, Any],
    numeric: bool = False,
    fill: PatternFill | None = None,
) -> None:
    """A row: points stored as numbers (a changed one shows ● by its number format), a fact's value
    as written with its unit (● in the text); the notes in the last column."""
    values = [number(c["value"]) if numeric else (c["shown"] if c["changed"] else c["text"]) for c in row["cells"]]
    add_row(ws, [code, name, number(mx) if mx is not None else None, *values, "\n".join(row["notes"]) or None])
    at = int(ws.max_row)
    for k, c in enumerate(row["cells"]):
        cell = ws.cell(row=at, column=4 + k)
        if c["changed"]:
            cell.fill, cell.font = CHANGED, BOLD
            if numeric:
                cell.number_format = MARKED
        elif fill is not None:
            cell.fill = fill
