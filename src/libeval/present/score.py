"""`libeval score` on one library: the result in each output format, and the JSON contract.

`FORMATS` maps every `ScoreFormat` to the function that renders a `ScoreView`; `renderer`
ends in `assert_never`, so a format added to the enum and not wired here fails the type check.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, assert_never

from libeval import __version__
from libeval.errors import Problem
from libeval.models.result import ConditionResult, GradeResult, GroupResult, Result
from libeval.present.completeness import TABLE_FILL, completeness_dict, fill_lines, grade_name, notice
from libeval.present.formats import ScoreFormat
from libeval.present.report_view import InputFile
from libeval.text import numbers, width
from libeval.text.labels import bracketed, colon, label
from libeval.text.numbers import to_json
from libeval.text.units import with_unit

if TYPE_CHECKING:
    from libeval.analysis.plan import Plan
    from libeval.scoring.standard import Standard


@dataclass(frozen=True)
class ScoreView:
    """Everything any format of a library's result shows."""

    result: Result
    standard: Standard
    lang: str  # the report's language
    msg_lang: str = "en"  # the language of problem messages (github annotations)
    detail: bool = False  # table: every indicator
    inputs: Sequence[InputFile] = ()  # the files the result rests on, with their hashes
    plan: Plan | None = None  # md/html: the next steps
    others: Sequence[Result] = ()  # md/html: the folder's other assessments, scored
    template: Path | None = None  # md/html: a user's template instead of the bundled one
    gate: Decimal | None = None  # github: the --fail-under bound
    problems: Sequence[Problem] = ()  # github: the warnings, as annotations


Renderer = Callable[[ScoreView], str | bytes]


def renderer(f: ScoreFormat) -> Renderer:
    match f:
        case ScoreFormat.table:
            return _table
        case ScoreFormat.json:
            return _json
        case ScoreFormat.md:
            return _md
        case ScoreFormat.html:
            return _html
        case ScoreFormat.xlsx:
            return _xlsx
        case ScoreFormat.github:
            return _github
    assert_never(f)


def _json(v: ScoreView) -> str:
    return render_json(v.result, v.lang)


def _report(v: ScoreView, kind: str) -> str:
    from libeval.present.report_view import build_context
    from libeval.present.templates import render as render_template

    context = build_context(v.result, v.lang, v.inputs, v.plan, v.others)
    return render_template(context, "md" if kind == "md" else "html", v.template)


def _md(v: ScoreView) -> str:
    return _report(v, "md")


def _html(v: ScoreView) -> str:
    return _report(v, "html")


def _xlsx(v: ScoreView) -> bytes:
    from libeval.present.sheets import score_sheet

    notes = {i.code: i.note for i in v.result.indicators if i.kind == "judged"}
    return score_sheet(v.result, v.standard, v.lang, notes)


def _github(v: ScoreView) -> str:
    from libeval.present.github import incomplete_notice, score_notice, workflow_commands

    first = incomplete_notice(v.result, v.lang)  # an incomplete result says so first
    return first + workflow_commands(v.problems, v.msg_lang) + score_notice(v.result, v.lang, v.gate)


def _pct(score: Decimal, mx: Decimal) -> str:
    return f"{score / mx * 100:.1f}%" if mx else "—"


def _table(v: ScoreView) -> str:
    """The terminal summary: who, the total and grade, what blocks the next grade, the parts."""
    from libeval.present.console import Column, Lines, Screen, escape

    r, lang = v.result, v.lang
    screen = Screen()
    warn = notice(r.completeness, lang)
    if warn:
        screen.line(f"[bold yellow]{escape(warn)}[/]")
    name = r.library_en if lang == "en" and r.library_en else r.library
    where = " · ".join(escape(part) for part in (r.province, r.variant_name.get(lang)) if part)
    screen.line(f"[bold]{escape(name)}[/]" + (f" · {where}" if where else ""))
    c = colon(lang)
    screen.line(f"{label('standard', lang)}{c}{r.criteria_id} {escape(r.criteria_title.get(lang))}")
    who = f" · {escape(r.assessed_by)}" if r.assessed_by else ""
    kind = label("assessor." + r.assessor, lang)
    screen.line(f"{label('assessment', lang)}{c}{kind}{bracketed(escape(r.assessment), lang)} · {r.date}{who}")
    if r.reconstructed:
        screen.line(f"[yellow]{label('reconstructed', lang, n=r.reconstructed, m=r.provenance_total)}[/]")
    if r.estimated:
        screen.line(f"[yellow]{label('estimated', lang, n=len(r.estimated))}[/]")
    bonus_text = f"{label('bonus', lang)} {numbers.points(r.bonus)}/{numbers.points(r.bonus_max)}"
    bonus = bracketed(bonus_text, lang) if r.bonus_max else ""
    screen.line(f"[bold]{label('total', lang)}{c}{numbers.points(r.total)} / {numbers.points(r.max)}[/]{bonus}")
    screen.line(f"[bold]{label('grade_reached', lang)}{c}{escape(grade_name(r, lang))}[/]")
    for g in reversed(r.blocked):
        screen.line(f"{label('blocked_to', lang, grade=escape(g.name.get(lang)))}{c.rstrip()}")
        for cond in g.failed:  # each explanation names what it tests and the bound
            screen.line(f"  [red]✗[/] {escape(cond.explanation.get(lang))}")
    columns = [
        Column(label(c, lang), right=c in ("score", "max", "share")) for c in ("code", "part", "score", "max", "share")
    ]
    groups = [*r.parts, *([r.bonus_part] if r.bonus_part else [])]
    screen.table(
        columns,
        [
            [p.code, p.name.get(lang), numbers.points(p.score), numbers.points(p.max), _pct(p.score, p.max)]
            for p in groups
        ],
    )
    if v.detail:
        # below 100 columns a name takes at most 22 (folded onto more lines); from 100 up, the whole
        # name fits up to 30 columns, and the assessor's note follows the explanation
        longest = max((width.columns(i.name.get(lang)) for i in r.indicators), default=0)
        screen.table(
            [
                Column(label("code", lang), no_wrap=True, fold=True),
                Column(label("name", lang), max_width=22, fold=True, min_width=min(longest, 30)),
                Column(label("score", lang), right=True, no_wrap=True, fold=True),
                Column(label("max", lang), right=True, no_wrap=True, fold=True),
                Column(label("status", lang), no_wrap=True, fold=True),
                Column(label("explanation", lang), fold=True),
            ],
            [
                [
                    i.code,
                    i.name.get(lang),
                    numbers.points(i.score),
                    numbers.points(i.max),
                    label("status." + i.status, lang),
                    Lines((i.explanation.get(lang), *([f"{label('note', lang)}{c}{i.note}"] if i.note else []))),
                ]
                for i in r.indicators
            ],
        )
    if not r.completeness.complete:
        screen.line(f"{label('to_fill', lang)}{c.rstrip()}")
        for line in fill_lines(r.completeness, lang, TABLE_FILL):
            screen.line(f"  {escape(line)}")
    elif r.missing:
        screen.line(f"{label('missing_facts', lang)}{c}{('、' if lang == 'zh' else ', ').join(r.missing)}")
    if r.corrections:
        screen.line(f"{label('corrections', lang)}{c.rstrip()}")
        for corr in r.corrections:
            name = corr.name.get(lang) + bracketed(corr.fact, lang)
            old, new = corr.shown(lang)
            fact = r.fact(corr.fact)
            unit = fact.unit.get(lang) if fact else ""
            old = old if old == "—" else with_unit(old, unit, lang)  # 95% → 88%, 3 个 → 0 个
            new = with_unit(new, unit, lang)
            if not corr.changed:  # checked on site, the value kept: 40 台（已核实；现场清点）
                said = [label("verified", lang), *([corr.note] if corr.note else [])]
                screen.line(escape(f"  {name}{c}{old}{bracketed(('；' if lang == 'zh' else '; ').join(said), lang)}"))
                continue
            screen.line(escape(f"  {name}{c}{old} → {new}{bracketed(corr.reason, lang)}"))
    return screen.text()


# The `--format json` contract (schema_version 1; docs/json-format.md)

SCHEMA_VERSION = 1


def _condition(c: ConditionResult, lang: str) -> dict[str, Any]:
    return {
        "id": c.id,
        "name": c.name.get(lang),
        "test": c.test,
        "subject": c.subject,
        "met": c.met,
        "actual": to_json(c.actual),
        "required": to_json(c.required),
        "shortfall": to_json(c.shortfall),
        "provenance": c.provenance,
        "explanation": c.explanation.get(lang),
    }


def _grade(g: GradeResult, lang: str) -> dict[str, Any]:
    return {
        "id": g.id,
        "name": g.name.get(lang),
        "min_score": to_json(g.min_score),
        "failed": [_condition(c, lang) for c in g.failed],
    }


def _groups(r: Result, lang: str) -> list[dict[str, Any]]:
    """Every group (parts, sub-groups, the bonus) in the standard's order: a group before its children."""
    out: list[dict[str, Any]] = []

    def walk(g: GroupResult) -> None:
        out.append(
            {
                "code": g.code,
                "name": g.name.get(lang),
                "parent": g.parent,
                "score": to_json(g.score),
                "max": to_json(g.max),
                "capped": g.capped,
                "raw": to_json(g.raw),
                "absorbed": to_json(g.raw - g.score),
                "children": list(g.children),
            }
        )
        for child in g.children:
            if child in r.groups:
                walk(r.groups[child])

    for top in [*r.parts, *([r.bonus_part] if r.bonus_part else [])]:
        if isinstance(top, GroupResult):  # a part that is itself an indicator is no group
            walk(top)
    return out


def result_dict(r: Result, lang: str = "zh") -> dict[str, Any]:
    blocked = r.blocked
    return {
        "schema_version": SCHEMA_VERSION,
        "libeval_version": __version__,
        "library": {
            "name": r.library,
            "name_en": r.library_en,
            "province": r.province,
            "region": r.region,
            "variant": r.variant,
            "variant_name": r.variant_name.get(lang),
        },
        "criteria": {"id": r.criteria_id, "title": r.criteria_title.get(lang)},
        "assessment": {"name": r.assessment, "assessor": r.assessor, "by": r.assessed_by, "date": r.date or None},
        "completeness": completeness_dict(r.completeness, lang),
        "total": to_json(r.total),
        "max": to_json(r.max),
        "base": to_json(r.base),
        "bonus": to_json(r.bonus),
        "bonus_max": to_json(r.bonus_max),
        "grade": {"id": r.grade.id, "name": r.grade.name.get(lang)} if r.grade else None,
        "next_grade": _grade(blocked[-1], lang) if blocked else None,
        "blocked": [_grade(g, lang) for g in blocked],
        "grades": [
            {
                "id": g.id,
                "name": g.name.get(lang),
                "min_score": to_json(g.min_score),
                "achieved": g.achieved,
                "conditions": [_condition(c, lang) for c in g.conditions],
            }
            for g in r.grades
        ],
        "parts": [
            {"code": p.code, "name": p.name.get(lang), "score": to_json(p.score), "max": to_json(p.max)}
            for p in r.parts
        ],
        "groups": _groups(r, lang),
        "indicators": [
            {
                "code": i.code,
                "name": i.name.get(lang),
                "part": i.part,
                "score": to_json(i.score),
                "max": to_json(i.max),
                "status": i.status,
                "kind": i.kind,
                "value_id": i.value_id,
                "value": to_json(i.value),
                "explanation": i.explanation.get(lang),
                "provenance": i.provenance,
                "note": i.note,
            }
            for i in r.indicators
        ],
        "corrections": [
            {
                "fact": c.fact,
                "name": c.name.get(lang),
                "old": c.shown(lang)[0],
                "new": c.shown(lang)[1],
                "reason": c.reason,
                "verified": c.verified,
                "evidence": list(c.evidence),
                "note": c.note,
            }
            for c in r.corrections
        ],
        "missing_facts": list(r.missing),
        "estimated_facts": list(r.estimated),
        "provenance": {"reconstructed": r.reconstructed, "total": r.provenance_total},
    }


def render_json(r: Result, lang: str = "zh") -> str:
    return json.dumps(result_dict(r, lang), ensure_ascii=False, indent=2) + "\n"


# every format, wired once here (built last: the renderers above)
FORMATS: Mapping[ScoreFormat, Renderer] = MappingProxyType({f: renderer(f) for f in ScoreFormat})


def render(view: ScoreView, f: ScoreFormat) -> str | bytes:
    return FORMATS[f](view)
