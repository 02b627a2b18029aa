"""`libeval diff LIB --criteria OTHER`: one assessment scored under two standards. Cause lines, the
JSON contract, the template context, and every output format in `FORMATS` (dispatch ends in
`assert_never`)."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType
from typing import Any, assert_never

from libeval import __version__
from libeval.analysis.rescore import RescoreDiff, RescoredIndicator
from libeval.models.result import Result
from libeval.present.criteria_diff import change_json, change_text, colon, side_line
from libeval.present.diff import signed
from libeval.present.formats import RescoreFormat
from libeval.scoring.standard import Standard
from libeval.text import numbers
from libeval.text.labels import label, labels
from libeval.text.numbers import to_json

SCHEMA_VERSION = 1
NUMBERS = ("from", "to", "delta")  # the right-aligned columns


def causes(d: RescoreDiff, i: RescoredIndicator, lang: str) -> list[str]:
    """Why an indicator scores differently: the indicator's own changes (without its code), the
    changes of the facts and derived values it reads, a status change; or "—"."""
    out = [change_text(d.standards, c, lang, located=c.section != "node") for c in i.causes]
    if i.old_status and i.new_status and i.old_status != i.new_status:
        old, new = label("status." + i.old_status, lang), label("status." + i.new_status, lang)
        out.append(label("cause.status", lang, old=old, new=new))
    return out or [label("no_cause", lang)]


def _points(d: Decimal | None) -> str:
    return numbers.points(d) if d is not None else "—"


def _side_json(std: Standard, r: Result, lang: str) -> dict[str, Any]:
    c = std.spec
    return {
        "criteria": {
            "id": c.id,
            "title": r.criteria_title.get(lang),
            "file": std.source.path if std.source else None,
        },
        "total": to_json(r.total),
        "grade": {"id": r.grade.id, "name": r.grade.name.get(lang)} if r.grade else None,
    }


def rescore_dict(d: RescoreDiff, lang: str = "zh") -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "kind": "rescore-diff",
        "libeval_version": __version__,
        "library": d.b.library,
        "assessment": {"name": d.b.assessment, "assessor": d.b.assessor, "date": d.b.date or None},
        "from": _side_json(d.standards.a, d.a, lang),
        "to": _side_json(d.standards.b, d.b, lang),
        "total_delta": to_json(d.total_delta),
        "parts": [
            {
                "code": p.code,
                "name": p.name.get(lang),
                "from": to_json(p.old),
                "to": to_json(p.new),
                "delta": to_json((p.new or Decimal(0)) - (p.old or Decimal(0))),
            }
            for p in d.parts
        ],
        "indicators": [
            {
                "code": i.code,
                "name": i.name.get(lang),
                "change": i.change,
                "from": to_json(i.old),
                "to": to_json(i.new),
                "delta": to_json(i.delta),
                "status_from": i.old_status,
                "status_to": i.new_status,
                "cause": causes(d, i, lang),
                "changes": [change_json(d.standards, c, lang) for c in i.causes],
            }
            for i in d.indicators
        ],
        "standard_changes": len(d.standards.changes),
        "agreement": {
            "equal": d.equal,
            "differing": d.count("changed"),
            "removed": d.count("removed"),
            "added": d.count("added"),
        },
    }


def rescore_context(d: RescoreDiff, lang: str) -> dict[str, Any]:
    def grade(r: Result) -> str:
        return r.grade.name.get(lang) if r.grade else label("no_grade", lang)

    r = d.b
    lp, rp = ("（", "）") if lang == "zh" else (" (", ")")
    return {
        "lang": lang,
        "t": labels(lang),
        "colon": colon(lang),
        "version": __version__,
        "library": r.library_en if lang == "en" and r.library_en else r.library,
        "assessment": f"{r.assessment}{lp}{label('assessor.' + r.assessor, lang)}{rp} {r.date}".rstrip(),
        "a": side_line(d.standards.a, lang),
        "b": side_line(d.standards.b, lang),
        "total": f"{numbers.points(d.a.total)} → {numbers.points(d.b.total)}{lp}{signed(d.total_delta)}{rp}",
        "grade": f"{grade(d.a)} → {grade(d.b)}",
        "parts": [
            {
                "code": p.code,
                "name": p.name.get(lang),
                "from": _points(p.old),
                "to": _points(p.new),
                "delta": signed((p.new or Decimal(0)) - (p.old or Decimal(0))),
            }
            for p in d.parts
        ],
        "indicators": [
            {
                "code": i.code,
                "name": i.name.get(lang),
                "from": _points(i.old),
                "to": _points(i.new),
                "delta": signed(i.delta),
                "causes": causes(d, i, lang),
            }
            for i in d.indicators
        ],
        "standard_changes": label("standard_changes", lang, n=len(d.standards.changes))
        if d.standards.changes
        else label("criteria_same", lang),
        "agreement": label(
            "rescore_agreement",
            lang,
            equal=d.equal,
            differing=d.count("changed"),
            removed=d.count("removed"),
            added=d.count("added"),
        ),
        "identical": d.identical,
    }


@dataclass(frozen=True)
class RescoreView:
    result: RescoreDiff
    lang: str


RescoreRenderer = Callable[[RescoreView], str]


def renderer(f: RescoreFormat) -> RescoreRenderer:
    match f:
        case RescoreFormat.table:
            return _table
        case RescoreFormat.json:
            return lambda v: json.dumps(rescore_dict(v.result, v.lang), ensure_ascii=False, indent=2) + "\n"
        case RescoreFormat.md:
            return _md
    assert_never(f)


def _md(v: RescoreView) -> str:
    from libeval.present.templates import render as render_template

    return render_template(rescore_context(v.result, v.lang), "md", name="rescore.md.j2")


def _table(v: RescoreView) -> str:
    from libeval.present.console import Column, Lines, Screen, escape

    lang = v.lang
    ctx = rescore_context(v.result, lang)
    c = colon(lang)
    screen = Screen()
    screen.line(f"[bold]{escape(ctx['library'])}[/] · {escape(ctx['assessment'])}")
    screen.line(escape(f"{label('from', lang)}{c}{ctx['a']}"))
    screen.line(escape(f"{label('to', lang)}{c}{ctx['b']}"))
    screen.line(f"[bold]{label('total', lang)}{c}{ctx['total']}[/]")
    screen.line(f"[bold]{escape(label('grade', lang) + c + ctx['grade'])}[/]")
    if ctx["identical"]:
        screen.line(label("no_differences", lang))
    else:
        screen.table(
            [Column(label(k, lang), right=k in ("from", "to", "delta")) for k in ("code", "part", *NUMBERS)],
            [[p["code"], p["name"], p["from"], p["to"], p["delta"]] for p in ctx["parts"]],
        )
    if ctx["indicators"]:
        screen.line(f"[bold]{label('differing', lang)}[/]")
        screen.table(
            [
                Column(label("code", lang), no_wrap=True, fold=True),
                Column(label("name", lang), max_width=18, fold=True),
                *(Column(label(k, lang), right=True, no_wrap=True, fold=True) for k in NUMBERS),
                Column(label("cause", lang), fold=True),
            ],
            [[i["code"], i["name"], i["from"], i["to"], i["delta"], Lines(i["causes"])] for i in ctx["indicators"]],
        )
    screen.line(escape(ctx["standard_changes"]))
    screen.line(escape(f"{label('agreement', lang)}{c}{ctx['agreement']}"))
    return screen.text()


# every format, wired once here (built last: the renderers above)
FORMATS: Mapping[RescoreFormat, RescoreRenderer] = MappingProxyType({f: renderer(f) for f in RescoreFormat})


def render(view: RescoreView, f: RescoreFormat) -> str:
    return FORMATS[f](view)
