"""`libeval plan`: text lines, the JSON contract, the template context, and every output format
in `FORMATS` (dispatch ends in `assert_never`)."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType
from typing import Any, assert_never

from libeval import __version__
from libeval.analysis.choose import Option
from libeval.analysis.fact_changes import FactChange
from libeval.analysis.plan import Plan
from libeval.models.result import Result
from libeval.present.completeness import completeness_dict, fill_lines, notice
from libeval.present.formats import PlanFormat
from libeval.scoring.standard import POPULATION
from libeval.text import numbers
from libeval.text.labels import bracketed, colon, label, labels
from libeval.text.numbers import to_json
from libeval.text.units import NONE, Unit

SCHEMA_VERSION = 1


def fact_unit(r: Result, fact_id: str) -> Unit:
    """The unit of a fact of the result (the service population's: 人)."""
    if fact_id == POPULATION:
        return Unit("人", "people")
    fact = r.fact(fact_id)
    return fact.unit if fact is not None else NONE


def change_text(c: FactChange, lang: str, unit: Unit = NONE) -> str:
    """`年文献外借量（年均）：5.8 万册次 → 8 万册次（+2.2 万册次，+37.9%）`: numbers as in running
    text (text/numbers.py), with the fact's unit."""
    if isinstance(c.new, bool) or isinstance(c.old, bool) or c.old is None:
        old, new = numbers.amount(c.old, unit, lang), numbers.amount(c.new, unit, lang)
        delta = "—"
    else:
        old, new, gap = numbers.shown_pair(c.old, c.new, unit, lang)
        delta = ("+" if c.new >= c.old else "-") + gap
        if c.old:
            delta += ("，" if lang == "zh" else ", ") + numbers.percent((c.new - c.old) / c.old)
    name = c.name.get(lang) + ((" (yearly mean)" if lang == "en" else "（年均）") if c.per_year else "")
    text = label("plan_change", lang, name=name, old=old, new=new, delta=delta)
    if c.structural:
        text += " ⚠ " + label("plan_structural", lang)
    return text


def _change_json(c: FactChange, lang: str, unit: Unit) -> dict[str, Any]:
    return {
        "fact": c.fact,
        "name": c.name.get(lang),
        "from": to_json(c.old),
        "to": to_json(c.new),
        "relative": round(c.relative, 6),
        "structural": c.structural,
        "per_year": c.per_year,
        "text": change_text(c, lang, unit),
    }


def _option_json(o: Option, lang: str, r: Result) -> dict[str, Any]:
    return {
        "change": _change_json(o.change, lang, fact_unit(r, o.change.fact)),
        "gain": to_json(o.gain),
        "indicators": [
            {"code": g.code, "name": g.name.get(lang), "from": to_json(g.old), "to": to_json(g.new)}
            for g in o.indicators
        ],
    }


def plan_dict(p: Plan, lang: str) -> dict[str, Any]:
    r = p.result
    return {
        "schema_version": SCHEMA_VERSION,
        "kind": "plan",
        "libeval_version": __version__,
        "library": r.library,
        "assessment": r.assessment,
        "total": to_json(r.total),
        "grade": r.grade.name.get(lang) if r.grade else None,
        "target": p.target.name.get(lang) if p.target else None,
        "target_min_score": to_json(p.target.min_score) if p.target else None,
        "status": p.status,
        "completeness": completeness_dict(r.completeness, lang),
        "prerequisites": [
            {
                "condition": s.condition.name.get(lang),
                "explanation": s.condition.explanation.get(lang),
                "solved": s.solved,
                "change": _change_json(s.change, lang, fact_unit(r, s.change.fact)) if s.change else None,
                "changes": [_option_json(o, lang, r) for o in s.options],
                "note": s.note.get(lang) if s.note else None,
            }
            for s in p.prerequisites
        ],
        "gap_now": to_json(p.gap_now),
        "prerequisite_gain": to_json(p.prerequisite_gain),
        "gap": to_json(p.gap),
        "chosen": [_option_json(o, lang, r) for o in p.chosen],
        "total_relative_change": round(sum(o.cost for o in p.chosen), 6),
        "projected": None
        if p.projected is None
        else {
            "total": to_json(p.projected.total),
            "grade": p.projected.grade.name.get(lang) if p.projected.grade else None,
        },
        "options": [_option_json(o, lang, r) for o in p.options],
        "judged_open": [
            {
                "code": j.code,
                "name": j.name.get(lang),
                "score": to_json(j.score),
                "max": to_json(j.max),
                "open": to_json(j.max - j.score),
            }
            for j in p.judged_open
        ],
        "reasons": [x.get(lang) for x in p.reasons],
    }


def render_plan_json(p: Plan, lang: str) -> str:
    return json.dumps(plan_dict(p, lang), ensure_ascii=False, indent=2) + "\n"


def fill_section(p: Plan, lang: str, options: int = 10) -> list[str]:
    """For an incomplete library, first: the notice, then what to fill in and award, largest
    points first (the plan below rests on the facts given)."""
    c = p.result.completeness
    warn = notice(c, lang)
    if warn is None:
        return []
    return [warn, label("plan_fill_intro", lang), *(f"  {x}" for x in fill_lines(c, lang, options or None)), ""]


def plan_lines(p: Plan, lang: str, options: int = 10, fill: bool = True) -> list[str]:
    """The plan as plain lines (the terminal view, and the report's next steps; `fill`: begin
    with what to fill in when the library is incomplete; a report lists that itself)."""
    r = p.result
    first = fill_section(p, lang, options) if fill else []
    current = r.grade.name.get(lang) if r.grade else label("no_grade", lang)
    if not r.completeness.complete:
        current = label("provisional", lang, grade=current)
    if p.status == "top" or p.target is None:
        return [*first, label("plan_top", lang)]
    target = p.target.name.get(lang)
    lines = [*first, label("plan_head", lang, target=target, current=current, total=numbers.points(r.total))]
    if p.status == "reached":
        return [*lines, label("plan_reached", lang, target=target)]
    c = colon(lang).rstrip()

    def changed(x: FactChange) -> str:
        return change_text(x, lang, fact_unit(r, x.fact))

    lines.append("")
    lines.append(label("plan_prereqs", lang) + c)
    if not p.prerequisites:
        lines.append("  " + label("plan_prereqs_ok", lang))
    for s in p.prerequisites:
        lines.append(f"  ✗ {s.condition.explanation.get(lang)}")  # it names what it tests and the bound
        if s.change:
            lines.append(f"    → {changed(s.change)}")
        for o in s.options:
            lines.append(f"    → {changed(o.change)}")
        if not s.change and not s.options and s.note:
            lines.append(f"    → {s.note.get(lang)}")
    lines.append("")
    need = numbers.points(p.target.min_score) if p.target.min_score is not None else "—"
    lines.append(gap_line(p, lang, need))
    if p.chosen:
        cost = sum(o.cost for o in p.chosen)
        lines.append(label("plan_chosen", lang, cost=f"{cost:.2f}") + c)
        for o in p.chosen:
            gains = ("，" if lang == "zh" else ", ").join(
                f"{g.code} {'+' if g.new >= g.old else ''}{numbers.points(g.new - g.old)}" for g in o.indicators
            )
            lines.append(f"  • {changed(o.change)}{colon(lang)}+{numbers.points(o.gain)}{bracketed(gains, lang)}")
    same = p.projected is not None and p.projected.total == r.total and p.projected.grade == r.grade
    if p.projected is not None and not same:  # no change: the projection would be today's result again
        grade = p.projected.grade.name.get(lang) if p.projected.grade else label("no_grade", lang)
        if not r.completeness.complete:
            grade = label("provisional", lang, grade=grade)
        lines.append(label("plan_projected", lang, total=numbers.points(p.projected.total), grade=grade))
    if p.status in ("unreachable", "incomplete"):
        lines.append("")
        lines.append(label(f"plan_{p.status}", lang, target=target))
        lines.extend(f"  - {x.get(lang)}" for x in p.reasons)
    if p.options and options:
        lines.append("")
        lines.append(label("plan_options", lang) + c)
        for o in p.options[:options]:
            lines.append(f"  +{numbers.points(o.gain)}  {changed(o.change)}")
    if p.judged_open:
        lines.append("")
        lines.append(label("plan_judged", lang) + c)
        top = sorted(p.judged_open, key=lambda j: (-(j.max - j.score), j.code))[: options or None]
        for j in top:
            open_points = label("plan_open", lang, points=numbers.points(j.max - j.score))
            lines.append(
                f"  {j.code} {j.name.get(lang)}{colon(lang)}{numbers.points(j.score)}/{numbers.points(j.max)}"
                f"{bracketed(open_points, lang)}"
            )
    return lines


def gap_line(p: Plan, lang: str, need: str) -> str:
    """The score gap as `score` counts it (the target's minimum less the total now), then what is
    left after the prerequisites' changes when they add points."""
    total = numbers.points(p.result.total)
    if p.gap_now <= 0:
        return label("plan_gap_ok", lang, need=need)
    line = label("plan_gap", lang, total=total, need=need, gap=numbers.points(p.gap_now))
    if p.prerequisite_gain > 0:
        after = "plan_gap_after" if p.gap > 0 else "plan_gap_after_ok"
        line += label(after, lang, gain=numbers.points(p.prerequisite_gain), gap=numbers.points(p.gap))
    return line


def plan_context(p: Plan, lang: str) -> dict[str, Any]:
    return {
        "lang": lang,
        "t": labels(lang),
        "version": __version__,
        "library": p.result.library,
        "lines": plan_lines(p, lang, options=10),
        "plan": plan_dict(p, lang),
        "zero": Decimal(0),
    }


@dataclass(frozen=True)
class PlanView:
    plan: Plan
    lang: str


PlanRenderer = Callable[[PlanView], str]


def renderer(f: PlanFormat) -> PlanRenderer:
    match f:
        case PlanFormat.table:
            return lambda v: "\n".join(plan_lines(v.plan, v.lang)) + "\n"
        case PlanFormat.json:
            return lambda v: render_plan_json(v.plan, v.lang)
        case PlanFormat.md:
            return _md
    assert_never(f)


def _md(v: PlanView) -> str:
    from libeval.present.templates import render as render_template

    return render_template(plan_context(v.plan, v.lang), "md", name="plan.md.j2")


# every format, wired once here (built last: the renderers above)
FORMATS: Mapping[PlanFormat, PlanRenderer] = MappingProxyType({f: renderer(f) for f in PlanFormat})


def render(view: PlanView, f: PlanFormat) -> str:
    return FORMATS[f](view)
