"""`libeval diff`: cause lines, the JSON contract, the template context, and every output
format in `FORMATS` (dispatch ends in `assert_never`)."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Literal, assert_never

from libeval import __version__
from libeval.analysis.diff import Difference, DiffResult
from libeval.models.result import Result
from libeval.present.diff_view import cause_text, diff_context, indicator_causes, verified
from libeval.present.diff_view import signed as signed  # rescore.py's import
from libeval.present.formats import DiffFormat
from libeval.present.report_view import InputFile
from libeval.text.labels import label
from libeval.text.numbers import to_json

SCHEMA_VERSION = 1


def _diff_json(r: DiffResult, d: Difference, lang: str) -> dict[str, Any]:
    return {
        "id": d.id,
        "kind": d.kind,
        "key": d.key,
        "name": d.name.get(lang),
        "from": d.old,
        "to": d.new,
        "reason": d.reason,
        "note_from": d.old_note,
        "note_to": d.new_note,
        "text": cause_text(r, d, lang),
    }


def _side_json(r: Result, label_: str, lang: str) -> dict[str, Any]:
    return {
        "label": label_,
        "library": r.library,
        "assessment": r.assessment,
        "assessor": r.assessor,
        "date": r.date or None,
        "total": to_json(r.total),
        "grade": {"id": r.grade.id, "name": r.grade.name.get(lang)} if r.grade else None,
    }


def diff_dict(d: DiffResult, lang: str = "zh") -> dict[str, Any]:
    grade_a = d.a.grade.name.get(lang) if d.a.grade else None
    return {
        "schema_version": SCHEMA_VERSION,
        "kind": "diff",
        "libeval_version": __version__,
        "criteria": {"id": d.a.criteria_id, "title": d.a.criteria_title.get(lang)},
        "from": _side_json(d.a, d.side_a, lang),
        "to": _side_json(d.b, d.side_b, lang),
        "total_delta": to_json(d.total_delta),
        "parts": [
            {"code": c, "name": n.get(lang), "from": to_json(x), "to": to_json(y), "delta": to_json(y - x)}
            for c, n, x, y in d.parts
        ],
        "indicators": [
            {
                "code": i.code,
                "name": i.name.get(lang),
                "from": to_json(i.old),
                "to": to_json(i.new),
                "delta": to_json(i.delta),
                "status_from": i.old_status,
                "status_to": i.new_status,
                "cause": indicator_causes(d, i, lang),
                "differences": [c.id for c in i.causes],
            }
            for i in d.indicators
        ],
        "caps": [{"code": c.code, "name": c.name.get(lang), "delta": to_json(c.delta)} for c in d.caps],
        "differences": [_diff_json(d, x, lang) for x in d.differences],
        "grade_change": {
            "from": grade_a,
            "to": d.b.grade.name.get(lang) if d.b.grade else None,
            "searched": d.restore.searched,
            "found": d.restore.found,
            "restore": [x.id for x in d.restore.differences],
            "limited_to": d.restore.limited_to,
        },
        "conditions": [
            {
                "grade": c.grade.get(lang),
                "id": c.id,
                "name": c.name.get(lang),
                "met_from": c.old_met,
                "met_to": c.new_met,
                "from": c.old.get(lang),
                "to": c.new.get(lang),
            }
            for c in d.conditions
        ],
        "agreement": {"equal": d.equal, "differing": len(d.indicators), "abs_delta_sum": to_json(d.abs_delta_sum)},
        "verified": verified(d, lang),  # facts side b checked on site and kept: not differences
    }


def render_diff_json(d: DiffResult, lang: str = "zh") -> str:
    return json.dumps(diff_dict(d, lang), ensure_ascii=False, indent=2) + "\n"


@dataclass(frozen=True)
class DiffView:
    result: DiffResult
    lang: str
    inputs: tuple[InputFile, ...] = ()  # the files both sides rest on, with their hashes


DiffRenderer = Callable[[DiffView], str | bytes]


def renderer(f: DiffFormat) -> DiffRenderer:
    match f:
        case DiffFormat.table:
            return _table
        case DiffFormat.json:
            return lambda v: render_diff_json(v.result, v.lang)
        case DiffFormat.md:
            return lambda v: _template(v, "md")
        case DiffFormat.html:
            return lambda v: _template(v, "html")
        case DiffFormat.xlsx:
            return _xlsx
    assert_never(f)


def _template(v: DiffView, kind: Literal["md", "html"]) -> str:
    from libeval.present.templates import render as render_template

    return render_template(diff_context(v.result, v.lang, v.inputs), kind, name=f"diff.{kind}.j2")


def _xlsx(v: DiffView) -> bytes:
    from libeval.present.sheets import diff_sheet

    return diff_sheet(diff_context(v.result, v.lang, v.inputs))


def _table(v: DiffView) -> str:
    """The terminal view of a diff."""
    from libeval.present.console import Column, Lines, Screen, escape

    lang = v.lang
    ctx = diff_context(v.result, lang)
    colon, lp, rp = ("：", "（", "）") if lang == "zh" else (": ", " (", ")")
    screen = Screen()
    a, b = ctx["a"], ctx["b"]
    screen.line(f"[bold]{escape(ctx['library'])}[/] · {escape(ctx['heading'])}")
    screen.line(escape(f"{label('standard', lang)}{colon}{ctx['criteria']['id']} {ctx['criteria']['title']}"))
    screen.table(
        [Column(""), Column(a["name"], fold=True), Column(b["name"], fold=True)],
        [
            [label("date", lang), a["date"] or "—", b["date"] or "—"],
            [label("assessed_by", lang), a["by"] or "—", b["by"] or "—"],
            [label("total_short", lang), a["total"], f"{b['total']}{lp}{ctx['total_delta']}{rp}"],
            [label("grade", lang), a["grade"], b["grade"]],
        ],
    )
    screen.line(f"[bold]{escape(ctx['grade_line'])}[/]")
    if ctx["identical"]:
        screen.line(label("no_differences", lang))
        _verified(screen, ctx)
        return screen.text()
    sides = (a["name"], b["name"], label("delta", lang))
    screen.table(
        [Column(label("code", lang)), Column(label("part", lang)), *(Column(c, right=True) for c in sides)],
        [[p["code"], p["name"], p["from"], p["to"], p["delta"]] for p in ctx["parts"]],
    )
    if ctx["indicators"]:
        screen.line(f"[bold]{label('differing', lang)}[/]")
        screen.table(
            [
                Column(label("code", lang), no_wrap=True, fold=True),
                Column(label("name", lang), max_width=18, fold=True),
                *(Column(c, right=True, no_wrap=True, fold=True) for c in sides),
                Column(label("cause", lang), fold=True),
            ],
            [[i["code"], i["name"], i["from"], i["to"], i["delta"], Lines(i["causes"])] for i in ctx["indicators"]],
        )
    for c in ctx["caps"]:
        cap = f"{c['code']} {c['name']} {c['delta']}{lp}{label('cause.cap', lang)}{rp}"
        screen.line(escape(f"{label('caps', lang)}{colon}{cap}"))
    screen.line(f"[bold]{label('grade_change', lang)}[/]{colon}{escape(ctx['restore_text'])}")
    for line in ctx["restore"]:
        screen.line(escape(f"  - {line}"))
    if ctx["conditions"]:
        screen.line(f"[bold]{label('conditions_changed', lang)}[/]{colon}")
        for c in ctx["conditions"]:
            screen.line(escape(f"  {c['grade']} · {c['name']}{colon}{c['from']} → {c['to']}"))
    screen.line(escape(f"{label('agreement', lang)}{colon}{ctx['agreement']}"))
    _verified(screen, ctx)
    return screen.text()


def _verified(screen: Any, ctx: dict[str, Any]) -> None:
    from libeval.present.console import escape

    if ctx["verified"]:
        screen.line(f"[bold]{escape(ctx['verified_heading'])}[/]")
    for v in ctx["verified"]:
        screen.line(escape(f"  - {v['text']}"))


# every format, wired once here (built last: the renderers above)
FORMATS: Mapping[DiffFormat, DiffRenderer] = MappingProxyType({f: renderer(f) for f in DiffFormat})


def render(view: DiffView, f: DiffFormat) -> str | bytes:
    return FORMATS[f](view)
