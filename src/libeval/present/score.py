"""`libeval score` on one library: the result in each output format.

`FORMATS` maps every `ScoreFormat` to the function that renders a `ScoreView`; `renderer`
ends in `assert_never`, so a format added to the enum and not wired here fails the type check.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, assert_never

from libeval.errors import Problem
from libeval.models.result import Result
from libeval.present.formats import ScoreFormat
from libeval.present.report_view import InputFile
from libeval.text import numbers
from libeval.text.labels import label

if TYPE_CHECKING:
    from libeval.analysis.plan import Plan
    from libeval.scoring.standard import Standard


REPORT_STEPS = 5  # improvements listed in a report's next steps


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
    from libeval.present.score_json import render_json

    return render_json(v.result, v.lang)


def _report(v: ScoreView, kind: str) -> str:
    from libeval.present.plan import plan_lines
    from libeval.present.report_view import build_context
    from libeval.present.templates import render as render_template

    steps = plan_lines(v.plan, v.lang, options=REPORT_STEPS) if v.plan is not None else []
    context = build_context(v.result, v.lang, v.inputs, steps)
    return render_template(context, "md" if kind == "md" else "html", v.template)


def _md(v: ScoreView) -> str:
    return _report(v, "md")


def _html(v: ScoreView) -> str:
    return _report(v, "html")


def _xlsx(v: ScoreView) -> bytes:
    from libeval.present.spreadsheets import score_sheet

    notes = {i.code: i.note for i in v.result.indicators if i.kind == "judged"}
    return score_sheet(v.result, v.standard, v.lang, notes)


def _github(v: ScoreView) -> str:
    from libeval.present.github import score_notice, workflow_commands

    return workflow_commands(v.problems, v.msg_lang) + score_notice(v.result, v.lang, v.gate)


def _pct(score: Decimal, mx: Decimal) -> str:
    return f"{score / mx * 100:.1f}%" if mx else "—"


def _table(v: ScoreView) -> str:
    """The terminal summary: who, the total and grade, what blocks the next grade, the parts."""
    from libeval.present.console import Column, Screen, escape

    r, lang = v.result, v.lang
    screen = Screen()
    region = label(f"region.{r.region}", lang)
    name = r.library_en if lang == "en" and r.library_en else r.library
    screen.line(f"[bold]{escape(name)}[/] · {escape(r.province)} · {region}")
    screen.line(f"{label('standard', lang)}: {r.criteria_id} {escape(r.criteria_title.get(lang))}")
    who = f" · {escape(r.assessed_by)}" if r.assessed_by else ""
    screen.line(f"{label('assessment', lang)}: {r.assessment} ({label('assessor.' + r.assessor, lang)}) {r.date}{who}")
    if r.reconstructed:
        screen.line(f"[yellow]{label('reconstructed', lang, n=r.reconstructed, m=r.provenance_total)}[/]")
    if r.estimated:
        screen.line(f"[yellow]{label('estimated', lang, n=len(r.estimated))}[/]")
    bonus = f" ({label('bonus', lang)} {numbers.points(r.bonus)}/{numbers.points(r.bonus_max)})" if r.bonus_max else ""
    screen.line(f"[bold]{label('total', lang)}: {numbers.points(r.total)} / {numbers.points(r.max)}[/]{bonus}")
    grade = r.grade.name.get(lang) if r.grade else label("no_grade", lang)
    screen.line(f"[bold]{label('grade', lang)}: {escape(grade)}[/]")
    for g in reversed(r.blocked):
        screen.line(f"{label('blocked_to', lang, grade=escape(g.name.get(lang)))}:")
        for c in g.failed:
            head = "" if c.test == "min_score" else f"{c.name.get(lang)}: "
            screen.line(f"  [red]✗[/] {escape(head + c.explanation.get(lang))}")
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
        screen.table(
            [
                Column(label("code", lang), no_wrap=True, fold=True),
                Column(label("name", lang), max_width=22, fold=True),
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
                    i.explanation.get(lang),
                ]
                for i in r.indicators
            ],
        )
    if r.missing:
        screen.line(f"{label('missing_facts', lang)}: {', '.join(r.missing)}")
    if r.corrections:
        screen.line(f"{label('corrections', lang)}:")
        for corr in r.corrections:
            screen.line(escape(f"  {corr.fact} {corr.name.get(lang)}: {corr.old} → {corr.new} ({corr.reason})"))
    return screen.text()


# every format, wired once here (built last: the renderers above)
FORMATS: Mapping[ScoreFormat, Renderer] = MappingProxyType({f: renderer(f) for f in ScoreFormat})


def render(view: ScoreView, f: ScoreFormat) -> str | bytes:
    return FORMATS[f](view)
