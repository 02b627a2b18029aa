"""Batch output: the summary as JSON, CSV, a terminal table, or Markdown/HTML through templates."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from libeval import __version__
from libeval.analysis.batch import Row, Summary
from libeval.text import numbers as fmt
from libeval.text.labels import label, labels
from libeval.text.numbers import to_json

SCHEMA_VERSION = 1


def _name(pair: tuple[str, str] | None, lang: str) -> str | None:
    if pair is None:
        return None
    return pair[1] if lang == "en" else pair[0]


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
        "problems": [p.as_dict(lang) for p in r.problems],
    }


def batch_dict(s: Summary, lang: str) -> dict[str, Any]:
    rank = {id(r): i + 1 for i, r in enumerate(s.ranked)}
    return {
        "schema_version": SCHEMA_VERSION,
        "kind": "batch",
        "libeval_version": __version__,
        "count": len(s.rows),
        "scored": len(s.ranked),
        "failed": len(s.failed),
        "grades": [{"id": g, "name": en if lang == "en" else zh} for g, zh, en in s.grades],
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
    "next_grade",
    "blockers",
    "errors",
]


def render_batch_csv(s: Summary, lang: str) -> str:
    """One row per library, in folder order; numbers as written (775.3), UTF-8."""
    rank = {id(r): i + 1 for i, r in enumerate(s.ranked)}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for r in s.rows:
        writer.writerow(
            [
                rank.get(id(r), ""),
                r.path,
                r.name,
                r.province,
                r.region,
                fmt.points(r.total) if r.total is not None else "",
                fmt.points(r.max) if r.max is not None else "",
                _name(r.grade_name, lang) or "",
                _name(r.next_grade, lang) or "",
                "; ".join(_name(b, lang) or "" for b in r.blockers),
                "; ".join(p.format(lang) for p in r.problems if p.severity == "error"),
            ]
        )
    return out.getvalue()


def batch_context(s: Summary, lang: str) -> dict[str, Any]:
    grades = [(g, en if lang == "en" else zh) for g, zh, en in s.grades]
    return {
        "lang": lang,
        "t": labels(lang),
        "version": __version__,
        "counts": label("batch_counts", lang, n=len(s.rows), ok=len(s.ranked), bad=len(s.failed)),
        "grades": [{"id": g, "name": n} for g, n in grades],
        "distribution": [
            {
                "region": label(f"region.{region}", lang),
                "counts": [counts.get(g, 0) for g, _ in grades],
                "none": counts.get("none", 0),
                "total": sum(counts.values()),
            }
            for region, counts in sorted(s.distribution.items())
        ],
        "ranked": [
            {
                "rank": i + 1,
                "name": r.name,
                "path": r.path,
                "province": r.province,
                "region": label(f"region.{r.region}", lang),
                "total": fmt.points(r.total) if r.total is not None else "",
                "grade": _name(r.grade_name, lang) or label("no_grade_short", lang),
                "next_grade": _name(r.next_grade, lang),
                "blockers": [_name(b, lang) for b in r.blockers],
                "report": r.report,
            }
            for i, r in enumerate(s.ranked)
        ],
        "failed": [
            {"path": r.path, "problems": [p.format(lang) for p in r.problems if p.severity == "error"]}
            for r in s.failed
        ],
    }


def render_batch(s: Summary, fmt: str, lang: str, msg_lang: str) -> str:
    """The batch summary in one of score's formats (table, json, csv, md, html, github)."""
    if fmt == "github":
        from libeval.present.github import annotation, workflow_commands

        counts = label("batch_counts", lang, n=len(s.rows), ok=len(s.ranked), bad=len(s.failed))
        return (
            workflow_commands([p for r in s.rows for p in r.problems], msg_lang) + annotation("notice", counts) + "\n"
        )
    if fmt == "json":
        return render_batch_json(s, lang)
    if fmt == "csv":
        return render_batch_csv(s, lang)
    if fmt == "table":
        from libeval.present.console import batch_text

        return batch_text(s, lang)
    from libeval.present.templates import render

    return render(batch_context(s, lang), "md" if fmt == "md" else "html", name=f"batch.{fmt}.j2")
