"""`libeval diff LIB --all`: the JSON contract and every output format in `FORMATS` (dispatch ends
in `assert_never`). The words of each cell and note are present/diff_all_view.py's."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType
from typing import Any, Literal, assert_never

from libeval import __version__
from libeval.analysis.diff_all import AllDiff, Row
from libeval.present.diff_all_view import all_context, column_labels, next_grade, step_of
from libeval.present.diff_view import cause_text
from libeval.present.formats import DiffFormat
from libeval.present.report_view import InputFile
from libeval.scoring.standard import Standard
from libeval.text.labels import label
from libeval.text.numbers import to_json

SCHEMA_VERSION = 1


def _json_value(v: Decimal | bool | str | None) -> Any:
    return to_json(v) if isinstance(v, Decimal) else v


def _changes(d: AllDiff, row: Row, lang: str) -> list[dict[str, Any]]:
    """Each pass that changed the row: its name, the values before and after, and why."""
    out = []
    for k, c in enumerate(row.cells):
        if c.changed:
            out.append(
                {
                    "pass": d.passes[k].name,
                    "from": _json_value(row.cells[k - 1].value),
                    "to": _json_value(c.value),
                    "causes": [cause_text(step_of(d, k, lang), x, lang) for x in c.causes],
                    "differences": [x.id for x in c.causes],
                    "reason": c.reason,
                }
            )
    return out


def _row_json(d: AllDiff, row: Row, lang: str) -> dict[str, Any]:
    out: dict[str, Any] = {"code" if row.kind in ("part", "indicator") else "id": row.key, "name": row.name.get(lang)}
    if row.max is not None:
        out["max"] = to_json(row.max)
    if row.kind in ("fact", "population"):
        out["unit"] = row.unit.get(lang)
    out["values"] = [_json_value(c.value) for c in row.cells]
    out["changes"] = _changes(d, row, lang)
    if row.kind in ("fact", "population"):  # checked on site and kept: a state, not a change
        out["verified"] = [
            {"pass": d.passes[k].name, "note": c.note, "evidence": list(c.evidence)}
            for k, c in enumerate(row.cells)
            if c.verified
        ]
    return out


def diff_all_dict(d: AllDiff, std: Standard, lang: str = "zh") -> dict[str, Any]:
    first = d.passes[0].result
    names = column_labels(d.passes, lang)
    return {
        "schema_version": SCHEMA_VERSION,
        "kind": "diff-all",
        "libeval_version": __version__,
        "library": first.library,
        "criteria": {"id": first.criteria_id, "title": first.criteria_title.get(lang)},
        "passes": [
            {
                "name": p.name,
                "label": name,
                "assessor": p.result.assessor,
                "by": p.result.assessed_by,
                "date": p.result.date or None,
                "total": to_json(p.result.total),
                "grade": {"id": p.result.grade.id, "name": p.result.grade.name.get(lang)} if p.result.grade else None,
                "next_grade": next_grade(p.result, std, lang) if p.result.blocked else None,
            }
            for p, name in zip(d.passes, names, strict=True)
        ],
        "total": _row_json(d, d.total, lang),
        "grade": _row_json(d, d.grade, lang),
        "parts": [_row_json(d, r, lang) for r in d.parts],
        "indicators": [_row_json(d, r, lang) for r in d.indicators],
        "all_indicators": d.every,
        "facts": [_row_json(d, r, lang) for r in d.facts],
        "agreement": {"equal": d.equal, "differing": sum(1 for r in d.indicators if r.differs)},
        "identical": d.identical,
    }


@dataclass(frozen=True)
class AllView:
    result: AllDiff
    standard: Standard
    lang: str
    inputs: tuple[InputFile, ...] = ()  # the files the passes rest on, with their hashes


AllRenderer = Callable[[AllView], str | bytes]


def renderer(f: DiffFormat) -> AllRenderer:
    match f:
        case DiffFormat.table:
            return _table
        case DiffFormat.json:
            return _json
        case DiffFormat.md:
            return lambda v: _template(v, "md")
        case DiffFormat.html:
            return lambda v: _template(v, "html")
        case DiffFormat.xlsx:
            return _xlsx
    assert_never(f)


def _json(v: AllView) -> str:
    return json.dumps(diff_all_dict(v.result, v.standard, v.lang), ensure_ascii=False, indent=2) + "\n"


def _context(v: AllView) -> dict[str, Any]:
    return all_context(v.result, v.standard, v.lang, v.inputs)


def _template(v: AllView, kind: Literal["md", "html"]) -> str:
    from libeval.present.templates import render as render_template

    return render_template(_context(v), kind, name=f"diff-all.{kind}.j2")


def _xlsx(v: AllView) -> bytes:
    from libeval.present.sheets_all import diff_all_sheet

    return diff_all_sheet(_context(v))


def _table(v: AllView) -> str:
    """The terminal view: a column per pass, the changed cells marked."""
    from libeval.present.console import Column, Lines, Screen, escape

    lang = v.lang
    ctx = _context(v)
    colon = "：" if lang == "zh" else ": "
    screen = Screen()
    screen.line(f"[bold]{escape(ctx['library'])}[/] · {escape(ctx['heading'])}")
    screen.line(escape(f"{label('standard', lang)}{colon}{ctx['criteria']['id']} {ctx['criteria']['title']}"))
    passes = ctx["passes"]
    heads = [Column(p["name"], fold=True) for p in passes]
    screen.table(
        [Column(""), *heads],
        [
            [label("date", lang), *(p["date"] or "—" for p in passes)],
            [label("assessed_by", lang), *(p["by"] or "—" for p in passes)],
            [label("total_short", lang), *(c["shown"] for c in ctx["total"]["cells"])],
            [label("grade", lang), *(c["shown"] for c in ctx["grade"]["cells"])],
            [label("diff_all.next", lang), *(p["next"] for p in passes)],
        ],
    )
    if ctx["one"]:
        screen.line(escape(ctx["one"]))
        return screen.text()
    if ctx["identical"]:
        screen.line(label("diff_all.identical", lang))
        return screen.text()
    screen.line(escape(ctx["legend"]))
    numbers = [Column(p["name"], right=True, fold=True) for p in passes]
    code, name = Column(label("code", lang), no_wrap=True), Column(label("name", lang), max_width=18, fold=True)
    screen.line(f"[bold]{label('parts_chart', lang)}[/]")
    parts = [[r["code"], r["name"], *(c["shown"] for c in r["cells"])] for r in ctx["parts"]]
    screen.table([code, name, *numbers], parts)
    beside = len(passes) <= 2  # the notes in a column beside two passes, under the table beside more
    notes = [Column(label("diff_all.notes", lang), fold=True)] if beside else []
    for title, rows, heads in (
        (ctx["indicators_title"], ctx["indicators"], [code, name, Column(label("max", lang), right=True)]),
        (label("diff_all.facts", lang), ctx["facts"], [Column(label("fact", lang), max_width=20, fold=True)]),
    ):
        if not rows:
            continue
        screen.line(f"[bold]{escape(title)}[/]")
        screen.table(
            [*heads, *numbers, *notes],
            [
                [*_lead(r, len(heads)), *(c["shown"] for c in r["cells"]), *([Lines(r["notes"])] if beside else [])]
                for r in rows
            ],
        )
        if not beside:
            for r in rows:
                who = " ".join(x for x in (r["code"] if len(heads) == 3 else "", r["name"]) if x)
                for note in r["notes"]:
                    screen.line(escape(f"  {who} · {note}"))
    screen.line(escape(f"{label('agreement', lang)}{colon}{ctx['agreement']}"))
    return screen.text()


def _lead(row: dict[str, Any], columns: int) -> list[str]:
    """An indicator's code, name and maximum; a fact's name."""
    return [row["code"], row["name"], row["max"]] if columns == 3 else [row["name"]]


# every format, wired once here (built last: the renderers above)
FORMATS: Mapping[DiffFormat, AllRenderer] = MappingProxyType({f: renderer(f) for f in DiffFormat})


def render(view: AllView, f: DiffFormat) -> str | bytes:
    return FORMATS[f](view)
