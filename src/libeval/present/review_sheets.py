"""The reviewer's report (复核意见) as a workbook, laid out like present/sheets.py's: 复核结论 (the
team, both totals and grades, what blocks the next grade, the signature lines), 调整项目 (every
indicator whose points differ, with the team's words), 事实核实 (facts corrected and verified),
全部指标 (every indicator on both sides, the groups and the total as formulas). openpyxl is
imported here, in present/sheets.py and in the load/ sheet modules only.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from libeval.analysis.review import Review
from libeval.load.facts_sheet import GROUP, HEAD, add_row, first_sheet, formula, workbook_bytes
from libeval.present.report_view import InputFile
from libeval.present.review_view import build_review_context
from libeval.present.sheets import PLACES, finish, header_row, number, result_lines, title_rows
from libeval.text.labels import label
from libeval.text.safe import cell_text


def _refs(refs: list[dict[str, Any]]) -> str:
    return "\n".join(str(e["text"]) for e in refs)


def _conclusion(ws: Worksheet, v: Review, c: dict[str, Any], lang: str, members: Sequence[str]) -> None:
    warn = "\n".join(w for w in (c["notice"], c["estimated"]) if w)  # said first, under the title
    title_rows(ws, result_lines(v.result, ws.title, lang), warn or None)
    header = header_row(ws, [label("rp_item", lang), label("rp_figure", lang)])
    for k, val in c["head"]:
        add_row(ws, [k, val])
    work, concl, sign = c["work"], c["conclusion"], c["signature"]
    add_row(ws, [label("rv_work", lang), work["text"] + ("" if lang == "zh" else " ") + work["counts"]])
    if work["na"]:
        add_row(ws, ["", work["na"]])
    if c["note"]:
        add_row(ws, ["", label("rv_team_note", lang, note=c["note"])])
    add_row(ws, [label("rv_conclusion", lang), concl["total"]])
    add_row(ws, ["", concl["compared"]])
    if concl["blocked"]:
        add_row(ws, ["", concl["blocked_head"]])
        for line in concl["blocked"]:
            add_row(ws, ["", f"✗ {line}"])
    add_row(ws, [])
    add_row(ws, ["", sign["unit"]])
    add_row(ws, ["", label("rv_sign_team", lang)])
    for m in members or ("", "", ""):
        add_row(ws, ["", f"{m}{'　' if lang == 'zh' else ' '}{sign['line']}" if m else sign["line"]])
    add_row(ws, ["", label("rv_sign_leader", lang) + sign["line"]])
    add_row(ws, ["", sign["date"]])
    add_row(ws, ["", label("rv_sign_library", lang) + sign["line"]])
    for row in ws.iter_rows(min_row=header + 1):
        if row[0].value:
            row[0].font = HEAD
    finish(ws, header, (16, 90), wrapped="B")


def _adjusted(ws: Worksheet, v: Review, c: dict[str, Any], lang: str, ours: set[tuple[str, str]]) -> None:
    title_rows(ws, [*result_lines(v.result, ws.title, lang), c["adjusted_intro"]])
    head = [label("code", lang), label("rp_indicator", lang), c["other"], c["this"]]
    header = header_row(ws, [*head, label("rv_delta", lang), label("rp_max", lang), label("rv_opinion", lang)])
    for a, raw in zip(c["adjusted"], v.adjusted, strict=True):
        opinion = "\n".join(a["opinion"]) or a["basis"]
        add_row(
            ws,
            [
                a["code"],
                a["name"],
                number(raw.before.score),
                number(raw.after.score),
                None,
                number(raw.after.max),
                opinion,
            ],
        )
        row = int(ws.max_row)
        formula(ws, row, 5, f"=ROUND(D{row}-C{row},{PLACES})", ours)
    finish(ws, header, (10, 26, 10, 12, 8, 8, 60), freeze="C", wrapped="BG")


def _facts(ws: Worksheet, v: Review, c: dict[str, Any], lang: str) -> None:
    title_rows(ws, result_lines(v.result, ws.title, lang))
    scored = label("rv_scored", lang)
    head = [label("rp_fact", lang), label("rv_kind", lang), label("rv_given", lang), label("rv_new", lang)]
    header = header_row(
        ws,
        [
            *head,
            f"{scored}（{c['other']}）" if lang == "zh" else f"{scored} ({c['other']})",
            f"{scored}（{c['this']}）" if lang == "zh" else f"{scored} ({c['this']})",
            label("rv_reason", lang),
            label("rp_evidence", lang),
        ],
    )
    for kind, items in (("rv_kind_corrected", c["facts"]["corrected"]), ("rv_kind_verified", c["facts"]["verified"])):
        for f in items:
            reason = "\n".join(x for x in (f["reason"], f["note"]) if x)
            add_row(
                ws,
                [
                    f["name"],
                    label(kind, lang),
                    f["old"],
                    f["new"],
                    f["scored_before"],
                    f["scored_after"],
                    reason,
                    _refs(f["evidence"]),
                ],
            )
    finish(ws, header, (18, 8, 24, 24, 14, 14, 44, 24), wrapped="ACDGH")


def _all(ws: Worksheet, v: Review, c: dict[str, Any], lang: str, ours: set[tuple[str, str]]) -> None:
    """Every indicator on both sides; groups as sums of their children, the total of the parts."""
    title_rows(ws, result_lines(v.result, ws.title, lang))
    head = [label("code", lang), label("rp_indicator", lang), c["other"], c["this"], label("rv_delta", lang)]
    header = header_row(ws, [*head, label("rp_max", lang), label("rv_status", lang), label("rp_evidence", lang)])
    r, o = v.result, v.reviewed
    by_code = {i.code: i for i in r.indicators}
    rows: dict[str, int] = {}
    for x in c["rows"]:
        code = x["code"]
        i = by_code.get(code)
        mx = i.max if i else r.groups[code].max
        add_row(
            ws,
            [
                code,
                "  " * x["depth"] + x["name"],
                number(o.points(code)),
                number(r.points(code)),
                None,
                number(mx),
                x["status"],
                _refs(x["evidence"]),
            ],
        )
        rows[code] = int(ws.max_row)
    for code, row in rows.items():
        formula(ws, row, 5, f"=ROUND(D{row}-C{row},{PLACES})", ours)
        g = r.groups.get(code)
        if g is None:
            continue
        for c_ in ws[row]:
            c_.font, c_.fill = HEAD, GROUP
        og = o.groups.get(code)
        if (
            og is not None and g.raw == g.score and og.raw == og.score
        ):  # the group recomputes from its children (a capped one keeps its number)
            for col in ("C", "D"):
                formula(
                    ws,
                    row,
                    ord(col) - ord("A") + 1,
                    "=SUM(" + ",".join(f"{col}{rows[ch]}" for ch in g.children) + ")",
                    ours,
                )
    add_row(ws, [])
    add_row(ws, ["", label("total", lang)])
    total = int(ws.max_row)
    tops = [*(p.code for p in r.parts), *([r.bonus_part.code] if r.bonus_part else [])]
    for col, res in (("C", o), ("D", r)):
        if sum((res.points(t) for t in tops), Decimal(0)) == res.total:
            formula(ws, total, ord(col) - ord("A") + 1, "=" + "+".join(f"{col}{rows[t]}" for t in tops), ours)
        else:
            ws[f"{col}{total}"].value = number(res.total)
    formula(ws, total, 5, f"=ROUND(D{total}-C{total},{PLACES})", ours)
    for c_ in ws[total]:
        c_.font = HEAD
    finish(ws, header, (10, 36, 10, 12, 8, 8, 10, 40), freeze="C", wrapped="BH")


def review_sheets(v: Review, lang: str, members: Sequence[str] = (), inputs: Sequence[InputFile] = ()) -> bytes:
    """The workbook of the reviewer's report: 复核结论, 调整项目, 事实核实, 全部指标."""
    c = build_review_context(v, lang, inputs, members)
    wb = Workbook()
    ws = first_sheet(wb)
    ws.title = label("rv_sheet_conclusion", lang)
    _conclusion(ws, v, c, lang, members)
    ours: set[tuple[str, str]] = set()  # the cells that hold our own formulas
    _adjusted(wb.create_sheet(label("rv_sheet_adjusted", lang)), v, c, lang, ours)
    _facts(wb.create_sheet(label("rv_sheet_facts", lang)), v, c, lang)
    _all(wb.create_sheet(label("rv_sheet_all", lang)), v, c, lang, ours)
    wb.properties.title = cell_text(c["title"])
    return workbook_bytes(wb, ours)
