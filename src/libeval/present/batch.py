"""The batch summary (`libeval score DIR`) in every output format of `FORMATS` (dispatch ends in
`assert_never`): JSON, CSV, a terminal table, GitHub annotations, Markdown/HTML through templates."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType
from typing import Any, Literal, assert_never

from libeval import __version__
from libeval.analysis.batch import Gap, Row, Summary
from libeval.present.completeness import completeness_dict
from libeval.present.formats import BatchFormat
from libeval.text import numbers
from libeval.text.bilingual import Bilingual
from libeval.text.labels import LABELS, label, labels, region_label
from libeval.text.numbers import to_json
from libeval.text.provinces import province_name
from libeval.text.safe import csv_cell
from libeval.text.units import NONE

SCHEMA_VERSION = 1


def _name(text: Bilingual | None, lang: str) -> str | None:
    return None if text is None else text.get(lang)


def _row(r: Row, rank: int | None, lang: str) -> dict[str, Any]:
    return {
        "rank": rank,
        "path": r.path,
        "name": r.name,
        "province": r.province,
        "region": r.region,
        "total": to_json(r.total),
        "max": to_json(r.max),
        "grade": r.grade,
        "grade_name": _name(r.grade_name, lang),
        "next_grade": _name(r.next_grade, lang),
        "blockers": [_name(b, lang) for b in r.blockers],
        "report": r.report,
        "completeness": _completeness(r, lang),
        "problems": [p.as_dict(lang) for p in r.problems],
    }


def _completeness(r: Row, lang: str) -> dict[str, Any] | None:
    """A library's completeness counts (its list of what to fill is in its own report)."""
    if r.completeness is None:
        return None
    out = completeness_dict(r.completeness, lang)
    del out["to_fill"]
    return out


def _grade(r: Row, lang: str) -> str:
    """The grade as the ranking shows it: provisional when the result is incomplete."""
    name = _name(r.grade_name, lang) or label("no_grade_short", lang)
    return name if r.complete else label("provisional", lang, grade=name)


def batch_dict(s: Summary, lang: str) -> dict[str, Any]:
    rank = {id(r): i + 1 for i, r in enumerate(s.ranked)}
    return {
        "schema_version": SCHEMA_VERSION,
        "kind": "batch",
        "libeval_version": __version__,
        "count": len(s.rows),
        "scored": len(s.ranked),
        "failed": len(s.failed),
        "incomplete": s.incomplete,
        "grades": [{"id": g, "name": name.get(lang)} for g, name in s.grades],
        "distribution": s.distribution,
        "libraries": [_row(r, rank.get(id(r)), lang) for r in s.rows],
    }


def render_batch_json(s: Summary, lang: str) -> str:
    return json.dumps(batch_dict(s, lang), ensure_ascii=False, indent=2) + "\n"


CSV_COLUMNS = [
    "rank",
    "path",
    "name",
    "province",
    "region",
    "total",
    "max",
    "grade",
    "complete",
    "facts_given",
    "facts_total",
    "judged_awarded",
    "judged_total",
    "next_grade",
    "blockers",
    "errors",
]


def render_batch_csv(s: Summary, lang: str) -> str:
    """One row per library, in folder order; numbers as written (775.3). Its bytes (UTF-8 with a
    BOM, or GBK) are made by commands/batch.py through text/encoding.py."""
    rank = {id(r): i + 1 for i, r in enumerate(s.ranked)}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for r in s.rows:
        row = [
            rank.get(id(r), ""),
            r.path,
            r.name,
            r.province,
            r.region,
            numbers.points(r.total) if r.total is not None else "",
            numbers.points(r.max) if r.max is not None else "",
            _name(r.grade_name, lang) or "",
            *_counts(r, lang),
            _name(r.next_grade, lang) or "",
            "; ".join(_name(b, lang) or "" for b in r.blockers),
            "; ".join(p.format(lang) for p in r.problems if p.severity == "error"),
        ]
        writer.writerow([csv_cell(v) for v in row])  # a name like =HYPERLINK(…) stays text
    return out.getvalue()


def _counts(r: Row, lang: str) -> list[str]:
    """The CSV's completeness columns: complete (是/否), facts given and counted, judged awarded and counted."""
    c = r.completeness
    if c is None:
        return ["", "", "", "", ""]
    yes = label("complete_yes" if c.complete else "complete_no", lang)
    return [yes, str(c.facts_given), str(c.facts_total), str(c.judged_awarded), str(c.judged_total)]


def gap_text(g: Gap, lang: str) -> str:
    """`建筑面积 600 ㎡，需 2,000 ㎡，差 1,400 ㎡`: a blocker with what the library has and needs."""
    name = g.name.get(lang)
    if g.actual is None:
        return label("gap.missing", lang, name=name)
    name += "" if lang == "zh" and name.endswith("）") else " "  # 年文献外借量（年均）95,000 册次
    if g.test == "equals":
        actual, required = numbers.value(g.actual, lang), numbers.value(g.required, lang)
        return label("gap.equals", lang, name=name.rstrip(), actual=actual, required=required)
    shown = _shown(g, lang)
    if g.test == "min_score":
        return label("gap.total", lang, **shown)
    if g.test == "full_marks":
        return label("gap.full_marks", lang, name=name.rstrip(), actual=shown["actual"], required=shown["required"])
    if not g.value:
        return label("gap.score", lang, name=name, **shown)
    return label("gap.at_most" if g.test == "at_most" else "gap.at_least", lang, name=name, **shown)


def _shown(g: Gap, lang: str) -> dict[str, str]:
    """The value, the bound and the gap at one rounding step (text/numbers.shown_pair)."""
    if isinstance(g.actual, Decimal) and isinstance(g.required, Decimal) and g.shortfall is not None:
        unit = g.unit if g.value else NONE
        actual, required, short = numbers.shown_pair(g.actual, g.required, unit, lang)
        return {"actual": actual, "required": required, "short": short}
    values = (("actual", g.actual), ("required", g.required), ("short", g.shortfall))
    return {k: numbers.amount(v, g.unit, lang) for k, v in values}


def blocked_text(r: Row, lang: str) -> str:
    """`二级：建筑面积 600 ㎡，需 2,000 ㎡，差 1,400 ㎡；总分 …`, or "" at the top grade."""
    if r.next_grade is None:
        return ""
    colon, sep = ("：", "；") if lang == "zh" else (": ", "; ")
    gaps = [gap_text(g, lang) for g in r.gaps] or [_name(b, lang) or "" for b in r.blockers]
    return f"{_name(r.next_grade, lang)}{colon}{sep.join(gaps)}"


def _headline(s: Summary, lang: str) -> dict[str, Any]:
    """What the batch rests on: the standards, the assessment, and the notices."""
    standards = [label("batch.standard", lang, id=cid, title=title.get(lang)) for cid, title, _ in s.standards]
    assessments = [
        label(
            "batch.assessment",
            lang,
            assessor=label(f"side.{who}", lang) if f"side.{who}" in LABELS else name,
            name=name,
        )
        for name, who in s.assessments
    ]
    notices = [label("batch.reconstructed", lang, id=cid, n=n, m=m) for cid, _, (n, m) in s.standards if n]
    libraries, facts = s.estimated
    if libraries:
        notices.append(label("batch.estimated", lang, k=libraries, n=facts))
    return {"standards": standards, "assessments": assessments, "notices": notices}


def batch_context(s: Summary, lang: str) -> dict[str, Any]:
    grades = [(g, name.get(lang)) for g, name in s.grades]
    return {
        "lang": lang,
        "t": labels(lang),
        "version": __version__,
        **_headline(s, lang),
        "counts": label("batch_counts", lang, n=len(s.rows), ok=len(s.ranked), bad=len(s.failed)),
        "incomplete": label("batch_incomplete", lang, n=s.incomplete) if s.incomplete else None,
        "grades": [{"id": g, "name": n} for g, n in grades],
        "distribution": [
            {
                "region": region_label(region).get(lang),
                "counts": [counts.get(g, 0) for g, _ in grades],
                "none": counts.get("none", 0),
                "total": sum(counts.values()),
            }
            for region, counts in sorted(s.distribution.items())
        ],
        "ranked": [
            {
                "rank": i + 1,
                "name": (r.name_en or r.name) if lang == "en" else r.name,
                "path": r.path,
                "province": province_name(r.province, lang),
                "region": region_label(r.region).get(lang),
                "total": numbers.points(r.total) if r.total is not None else "",
                "grade": _grade(r, lang),
                "complete": r.complete,
                "next_grade": _name(r.next_grade, lang),
                "blockers": [_name(b, lang) for b in r.blockers],
                "blocked": blocked_text(r, lang),
                "report": r.report,
            }
            for i, r in enumerate(s.ranked)
        ],
        "failed": [
            {"path": r.path, "problems": [p.format(lang) for p in r.problems if p.severity == "error"]}
            for r in s.failed
        ],
    }


@dataclass(frozen=True)
class BatchView:
    summary: Summary
    lang: str  # the report's language
    msg_lang: str = "en"  # the language of problem messages (github annotations)


BatchRenderer = Callable[[BatchView], str]


def renderer(f: BatchFormat) -> BatchRenderer:
    match f:
        case BatchFormat.table:
            return _table
        case BatchFormat.json:
            return lambda v: render_batch_json(v.summary, v.lang)
        case BatchFormat.csv:
            return lambda v: render_batch_csv(v.summary, v.lang)
        case BatchFormat.md:
            return lambda v: _template(v, "md")
        case BatchFormat.html:
            return lambda v: _template(v, "html")
        case BatchFormat.github:
            return _github
    assert_never(f)


def _template(v: BatchView, kind: Literal["md", "html"]) -> str:
    from libeval.present.templates import render as render_template

    return render_template(batch_context(v.summary, v.lang), kind, name=f"batch.{kind}.j2")


def _github(v: BatchView) -> str:
    from libeval.present.github import annotation, workflow_commands

    s = v.summary
    counts = label("batch_counts", v.lang, n=len(s.rows), ok=len(s.ranked), bad=len(s.failed))
    first = annotation("warning", label("batch_incomplete", v.lang, n=s.incomplete)) + "\n" if s.incomplete else ""
    problems = workflow_commands([p for r in s.rows for p in r.problems], v.msg_lang)
    return first + problems + annotation("notice", counts) + "\n"


def _table(v: BatchView) -> str:
    """The terminal view of a batch: distribution per region, then the ranking."""
    from libeval.present.console import Column, Screen, escape

    lang = v.lang
    ctx = batch_context(v.summary, lang)
    screen = Screen()
    if ctx["incomplete"]:  # said first
        screen.line(f"[bold yellow]{escape(ctx['incomplete'])}[/]")
    for line in [*ctx["standards"], *ctx["assessments"]]:
        screen.line(escape(line))
    for line in ctx["notices"]:
        screen.line(f"[yellow]{escape(line)}[/]")
    screen.line(ctx["counts"])
    screen.table(
        [
            Column(label("region", lang)),
            *(Column(g["name"], right=True) for g in ctx["grades"]),
            Column(label("no_grade_short", lang), right=True),
            Column(label("count", lang), right=True),
        ],
        [[d["region"], *map(str, d["counts"]), str(d["none"]), str(d["total"])] for d in ctx["distribution"]],
        title=label("distribution", lang),
    )
    columns = [
        Column(label(key, lang), right=right, fold=True)
        for key, right in (
            ("rank", True),
            ("library", False),
            ("province", False),
            ("region", False),
            ("total_short", True),
            ("grade", False),
            ("blocked_by", False),
        )
    ]
    rows = []
    for r in ctx["ranked"]:
        rows.append([str(r["rank"]), r["name"], r["province"], r["region"], r["total"], r["grade"], r["blocked"]])
    screen.table(columns, rows)
    return screen.text()


# every format, wired once here (built last: the renderers above)
FORMATS: Mapping[BatchFormat, BatchRenderer] = MappingProxyType({f: renderer(f) for f in BatchFormat})


def render(view: BatchView, f: BatchFormat) -> str:
    return FORMATS[f](view)
