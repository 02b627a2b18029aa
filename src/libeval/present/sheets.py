"""Spreadsheets out: the score sheet of an evaluation form and the diff sheet, with real
formulas (openpyxl is imported here and in load/facts_sheet.py only)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from libeval.load.facts_sheet import FILL, GROUP, HEAD, add_row, first_sheet, formula, print_setup, workbook_bytes
from libeval.models.result import Result
from libeval.present.completeness import fill_line, grade_name, notice
from libeval.scoring.standard import Standard
from libeval.text.labels import label
from libeval.text.safe import cell_text

WARN = Font(bold=True, color="C00000")


def score_sheet(result: Result, std: Standard, lang: str, notes: dict[str, str | None]) -> bytes:
    """The score sheet: one row per indicator; groups, parts and the total as formulas."""
    wb = Workbook()
    ws = first_sheet(wb)
    ws.title = "评分表" if lang == "zh" else "Scores"
    ours: set[tuple[str, str]] = set()  # the cells that hold our own formulas
    warn = notice(result.completeness, lang)
    if warn:  # an incomplete result says so first, above the header
        add_row(ws, [warn])
        ws.cell(row=1, column=1).font = WARN
    head = (
        ["编号", "名称", "满分", "得分", "说明", "评估意见"]
        if lang == "zh"
        else ["Code", "Name", "Max", "Points", "Explanation", "Assessor's note"]
    )
    add_row(ws, head)
    header = ws.max_row
    for c in ws[header]:
        c.font, c.fill = HEAD, FILL
    by_code = {i.code: i for i in result.indicators}
    rows: dict[str, int] = {}

    def place(code: str) -> int:
        info = std.nodes[code]
        node = info.node
        name = (node.name_en or node.name) if lang == "en" else node.name
        if node.rule is not None:
            ind = by_code[code]
            add_row(
                ws,
                [
                    code,
                    "  " * info.depth + name,
                    float(ind.max) if ind.max % 1 else int(ind.max),
                    float(ind.score) if ind.score % 1 else int(ind.score),
                    ind.explanation.get(lang),
                    notes.get(code) or "",
                ],
            )
            rows[code] = ws.max_row
            return int(ws.max_row)
        add_row(ws, [code, "  " * info.depth + name, float(node.max) if node.max % 1 else int(node.max)])
        row = int(ws.max_row)
        rows[code] = row
        children = [place(ch.code) for ch in node.children]
        total = "SUM(" + ",".join(f"D{r}" for r in children) + ")"
        formula(ws, row, 4, f"=MIN(C{row},{total})" if node.capped else f"={total}", ours)
        for c in ws[row]:
            c.font, c.fill = HEAD, GROUP
        return row

    tops = [p.code for p in std.spec.parts]
    part_rows = [place(code) for code in tops]
    bonus_row = place(std.spec.bonus.code) if std.spec.bonus else None
    add_row(ws, [])
    add_row(
        ws,
        [
            "",
            "总分" if lang == "zh" else "Total",
            "",
        ],
    )
    total_row = ws.max_row
    formula(ws, total_row, 4, "=" + "+".join(f"D{r}" for r in [*part_rows, *([bonus_row] if bonus_row else [])]), ours)
    for c in ws[total_row]:
        c.font = HEAD
    for letter, width in zip("ABCDEF", (10, 40, 8, 8, 60, 40), strict=True):
        ws.column_dimensions[letter].width = width
    for row in ws.iter_rows(min_row=header + 1):
        row[4].alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = f"C{header + 1}"
    print_setup(ws)
    grades = wb.create_sheet("等级" if lang == "zh" else "Grades")
    if warn:
        add_row(grades, [warn])
        grades.cell(row=1, column=1).font = WARN
    add_row(
        grades, ["等级", "条件", "结果", "说明"] if lang == "zh" else ["Grade", "Condition", "Outcome", "Explanation"]
    )
    for c in grades[grades.max_row]:
        c.font, c.fill = HEAD, FILL
    met = (
        {True: "达到", False: "未达到", None: "不适用"}
        if lang == "zh"
        else {True: "met", False: "not met", None: "n/a"}
    )
    for g in result.grades:
        for cond in g.conditions:
            add_row(grades, [g.name.get(lang), cond.name.get(lang), met[cond.met], cond.explanation.get(lang)])
    add_row(grades, [])
    add_row(grades, ["达到的等级" if lang == "zh" else "Grade reached", grade_name(result, lang)])
    for letter, width in zip("ABCD", (10, 36, 10, 70), strict=True):
        grades.column_dimensions[letter].width = width
    if result.completeness.to_fill:
        fill = wb.create_sheet("待补充" if lang == "zh" else "To fill in")
        add_row(fill, [label("to_fill", lang), label("to_fill_points", lang)])
        for c in fill[1]:
            c.font, c.fill = HEAD, FILL
        for item in result.completeness.to_fill:
            add_row(fill, [fill_line(item, lang), float(item.points) if item.points % 1 else int(item.points)])
        fill.column_dimensions["A"].width, fill.column_dimensions["B"].width = 70, 8
    wb.properties.title = cell_text(f"{result.library} {result.assessment}")
    return workbook_bytes(wb, ours)


def diff_sheet(context: dict[str, Any]) -> bytes:
    """Both sides of a diff with the deltas, one row per differing indicator."""
    t = context["t"]
    wb = Workbook()
    ws = first_sheet(wb)
    ws.title = t["diff_title"][:31]
    ours: set[tuple[str, str]] = set()
    a, b = context["a"], context["b"]
    add_row(ws, [t["total_short"], a["label"], b["label"], t["delta"]])
    add_row(ws, ["", a["total"], b["total"], context["total_delta"]])
    add_row(ws, [])
    add_row(ws, [t["code"], t["name"], a["label"], b["label"], t["delta"], t["cause"]])
    for c in ws[4]:
        c.font, c.fill = HEAD, FILL
    for i in context["indicators"]:
        add_row(ws, [i["code"], i["name"], Decimal(i["from"]), Decimal(i["to"]), None, "\n".join(i["causes"])])
        r = ws.max_row
        formula(ws, r, 5, f"=D{r}-C{r}", ours)
        ws.cell(row=r, column=6).alignment = Alignment(wrap_text=True, vertical="top")
    for letter, width in zip("ABCDEF", (10, 30, 12, 12, 10, 80), strict=True):
        ws.column_dimensions[letter].width = width
    return workbook_bytes(wb, ours)
