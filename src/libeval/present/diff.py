"""`libeval diff`: cause lines, the JSON contract, the template context, and every output
format in `FORMATS` (dispatch ends in `assert_never`)."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Literal, assert_never

from libeval import __version__
from libeval.analysis.diff import Difference, DiffResult, IndicatorDelta
from libeval.models.result import Result
from libeval.present.formats import DiffFormat
from libeval.text import numbers
from libeval.text.labels import label, labels
from libeval.text.numbers import to_json

SCHEMA_VERSION = 1


def signed(d: Any) -> str:
    text = numbers.points(d)
    return text if text.startswith("-") or text == "0" else f"+{text}"


def cause_text(d: Difference, lang: str) -> str:
    """One line: what changed, from what to what, and why (the reviewer's reason or both notes)."""
    lp, rp, sep, colon = ("（", "）", "；", "：") if lang == "zh" else (" (", ")", "; ", ": ")
    if d.kind == "judged":
        text = label("cause.judged", lang, old=d.old, new=d.new)
        notes = [
            f"{label('note_from', lang)}{colon}{d.old_note}" if d.old_note else "",
            f"{label('note_to', lang)}{colon}{d.new_note}" if d.new_note else "",
        ]
        notes = [n.rstrip("。.") for n in notes if n]
        return text + (f"{lp}{sep.join(notes)}{rp}" if notes else "")
    if d.kind == "not_applicable":
        text = label("cause.not_applicable", lang, old=d.old, new=d.new)
    else:
        text = label("cause.fact", lang, name=d.name.get(lang), old=d.old, new=d.new)
    return text + (f"{lp}{d.reason.rstrip('。.')}{rp}" if d.reason else "")


def indicator_causes(i: IndicatorDelta, lang: str) -> list[str]:
    out = [cause_text(c, lang) for c in i.causes]
    if i.old_status != i.new_status:
        out.append(
            label(
                "cause.status",
                lang,
                old=label("status." + i.old_status, lang),
                new=label("status." + i.new_status, lang),
            )
        )
    return out


def _diff_json(d: Difference, lang: str) -> dict[str, Any]:
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
        "text": cause_text(d, lang),
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
                "cause": indicator_causes(i, lang),
                "differences": [c.id for c in i.causes],
            }
            for i in d.indicators
        ],
        "caps": [{"code": c.code, "name": c.name.get(lang), "delta": to_json(c.delta)} for c in d.caps],
        "differences": [_diff_json(x, lang) for x in d.differences],
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
    }


def render_diff_json(d: DiffResult, lang: str = "zh") -> str:
    return json.dumps(diff_dict(d, lang), ensure_ascii=False, indent=2) + "\n"


def restore_text(d: DiffResult, lang: str) -> str:
    grade_a = d.a.grade.name.get(lang) if d.a.grade else label("no_grade", lang)
    if not d.restore.searched:
        return label("grade_same", lang, grade=grade_a)
    if d.restore.found:
        return label("restore", lang, n=len(d.restore.differences), side=d.side_b, grade=grade_a)
    if d.restore.limited_to:
        return label("restore_limited", lang, n=d.restore.limited_to, grade=grade_a)
    return label("restore_none", lang, grade=grade_a)


def _side_context(r: Result, label_: str, lang: str) -> dict[str, Any]:
    """One side as printed: its JSON fields with totals formatted and names in the language."""
    return _side_json(r, label_, lang) | {
        "total": numbers.points(r.total),
        "grade": r.grade.name.get(lang) if r.grade else label("no_grade", lang),
        "assessor": label("assessor." + r.assessor, lang),
        "by": r.assessed_by,
    }


def diff_context(d: DiffResult, lang: str) -> dict[str, Any]:
    data = diff_dict(d, lang)
    return {
        "lang": lang,
        "t": labels(lang),
        "version": __version__,
        "library": d.b.library_en if lang == "en" and d.b.library_en else d.b.library,
        "criteria": data["criteria"],
        "a": _side_context(d.a, d.side_a, lang),
        "b": _side_context(d.b, d.side_b, lang),
        "total_delta": signed(d.total_delta),
        "parts": [
            {"code": c, "name": n.get(lang), "from": numbers.points(x), "to": numbers.points(y), "delta": signed(y - x)}
            for c, n, x, y in d.parts
        ],
        "indicators": [
            {
                "code": i.code,
                "name": i.name.get(lang),
                "from": numbers.points(i.old),
                "to": numbers.points(i.new),
                "delta": signed(i.delta),
                "delta_value": float(i.delta),
                "causes": indicator_causes(i, lang),
            }
            for i in d.indicators
        ],
        "max_abs_delta": max((abs(float(i.delta)) for i in d.indicators), default=0.0),
        "caps": [{"code": c.code, "name": c.name.get(lang), "delta": signed(c.delta)} for c in d.caps],
        "restore_text": restore_text(d, lang),
        "restore": [cause_text(x, lang) for x in d.restore.differences],
        "conditions": data["conditions"],
        "agreement": label(
            "agreement_text", lang, equal=d.equal, differing=len(d.indicators), abs=numbers.points(d.abs_delta_sum)
        ),
        "identical": d.identical,
    }


@dataclass(frozen=True)
class DiffView:
    result: DiffResult
    lang: str


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

    return render_template(diff_context(v.result, v.lang), kind, name=f"diff.{kind}.j2")


def _xlsx(v: DiffView) -> bytes:
    from libeval.present.sheets import diff_sheet

    return diff_sheet(diff_context(v.result, v.lang))


def _table(v: DiffView) -> str:
    """The terminal view of a diff."""
    from libeval.present.console import Column, Lines, Screen, escape

    lang = v.lang
    ctx = diff_context(v.result, lang)
    screen = Screen()
    a, b = ctx["a"], ctx["b"]
    screen.line(f"[bold]{escape(ctx['library'])}[/] · {ctx['criteria']['id']}")
    screen.line(escape(f"{label('from', lang)}: {a['label']} ({a['assessor']}) {a['date'] or ''}".rstrip()))
    screen.line(escape(f"{label('to', lang)}: {b['label']} ({b['assessor']}) {b['date'] or ''}".rstrip()))
    screen.line(f"[bold]{label('total', lang)}: {a['total']} → {b['total']} ({ctx['total_delta']})[/]")
    screen.line(f"[bold]{escape(label('grade', lang) + ': ' + a['grade'] + ' → ' + b['grade'])}[/]")
    if ctx["identical"]:
        screen.line(label("no_differences", lang))
        return screen.text()
    screen.table(
        [Column(label(c, lang), right=c in ("from", "to", "delta")) for c in ("code", "part", "from", "to", "delta")],
        [[p["code"], p["name"], p["from"], p["to"], p["delta"]] for p in ctx["parts"]],
    )
    if ctx["indicators"]:
        screen.line(f"[bold]{label('differing', lang)}[/]")
        screen.table(
            [
                Column(label("code", lang), no_wrap=True, fold=True),
                Column(label("name", lang), max_width=18, fold=True),
                *(Column(label(c, lang), right=True, no_wrap=True, fold=True) for c in ("from", "to", "delta")),
                Column(label("cause", lang), fold=True),
            ],
            [[i["code"], i["name"], i["from"], i["to"], i["delta"], Lines(i["causes"])] for i in ctx["indicators"]],
        )
    for c in ctx["caps"]:
        screen.line(escape(f"{label('caps', lang)}: {c['code']} {c['name']} {c['delta']} ({label('cause.cap', lang)})"))
    screen.line(f"[bold]{label('grade_change', lang)}[/]: {escape(ctx['restore_text'])}")
    for line in ctx["restore"]:
        screen.line(escape(f"  - {line}"))
    if ctx["conditions"]:
        screen.line(f"[bold]{label('conditions_changed', lang)}[/]:")
        for c in ctx["conditions"]:
            screen.line(escape(f"  {c['grade']} · {c['name']}: {c['from']} → {c['to']}"))
    screen.line(escape(f"{label('agreement', lang)}: {ctx['agreement']}"))
    return screen.text()


# every format, wired once here (built last: the renderers above)
FORMATS: Mapping[DiffFormat, DiffRenderer] = MappingProxyType({f: renderer(f) for f in DiffFormat})


def render(view: DiffView, f: DiffFormat) -> str | bytes:
    return FORMATS[f](view)
