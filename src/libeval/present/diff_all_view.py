"""What `libeval diff LIB --all` shows, in words: a column per assessment named by its assessor
(自评, 州（市）评, 省评; the same assessor twice adds its date), each cell's value written as the
pairwise diff writes it (points; a fact as scoring uses it, with its unit), the changed cells
marked, and why each pass changed what it changed. The template context (docs/templates.md)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal
from typing import Any

from libeval import __version__
from libeval.analysis.batch import Gap
from libeval.analysis.diff import DiffResult
from libeval.analysis.diff_all import AllDiff, Pass, Row, Value
from libeval.models.result import Result
from libeval.present.batch import gap_text
from libeval.present.diff_view import cause_text, verified_text
from libeval.present.quantity import amount
from libeval.present.report_format import long_date
from libeval.present.report_view import InputFile
from libeval.scoring.standard import Standard
from libeval.text import numbers
from libeval.text.labels import LABELS, label, labels

GAPS = 3  # what blocks the next grade, briefly: this many gaps, then "and n more"


def _side(assessor: str, lang: str) -> str:
    key = f"side.{assessor}"
    return label(key, lang) if key in LABELS else assessor


def column_labels(passes: Sequence[Pass], lang: str) -> list[str]:
    """`自评`, `州（市）评`, `省评`; an assessor with more than one pass adds each pass's date
    (`州（市）评（2017年7月12日）`), and its name when the date is shared too."""
    assessors = Counter(p.assessment.assessor for p in passes)
    dated = Counter((p.assessment.assessor, p.assessment.date) for p in passes)
    out = []
    for p in passes:
        a = p.assessment
        side = _side(a.assessor, lang)
        if dated[(a.assessor, a.date)] > 1:
            side = label("side.named", lang, side=side, name=p.name)
        elif assessors[a.assessor] > 1:
            side = label("side.named", lang, side=side, name=long_date(a.date.isoformat(), lang))
        out.append(side)
    return out


def next_grade(r: Result, std: Standard, lang: str) -> str:
    """What blocks the next grade, briefly: `二级：建筑面积 600 ㎡，需 2,000 ㎡，差 1,400 ㎡`."""
    if not r.blocked:
        return label("diff_all.top", lang)
    nxt = r.blocked[-1]
    colon, sep = ("：", "；") if lang == "zh" else (": ", "; ")
    gaps = [gap_text(Gap.of(c, r, std), lang) for c in nxt.failed]
    more = len(gaps) - GAPS
    text = sep.join(gaps[:GAPS]) + (sep + label("diff_all.more", lang, n=more) if more > 0 else "")
    return f"{nxt.name.get(lang)}{colon}{text}"


def _cells(row: Row, shown: list[str], lang: str) -> list[dict[str, Any]]:
    """Each pass's cell: its text, marked ● when the pass changed it, `（已核实）` when the pass
    verified it (a state, not a change: no mark)."""
    mark = label("diff_all.mark", "zh")
    out = []
    for c, text in zip(row.cells, shown, strict=True):
        if c.verified:
            text = label("diff_all.verified_cell", lang, value=text)
        out.append(
            {
                "text": text,
                "value": c.value,
                "changed": c.changed,
                "verified": c.verified,
                "shown": f"{mark}{text}" if c.changed else text,
            }
        )
    return out


def _points(row: Row) -> list[str]:
    return [numbers.points(c.value) if isinstance(c.value, Decimal) else "—" for c in row.cells]


def _values(row: Row, lang: str) -> list[str]:
    return [amount(_scalar(c.value), row.unit, lang) for c in row.cells]


def _scalar(v: Value) -> Decimal | bool | None:
    return None if isinstance(v, str) else v


def _notes(d: AllDiff, row: Row, names: list[str], lang: str) -> list[str]:
    """One line per pass that changed the row: `州（市）评：读者满意率：95% → 88%（…）`."""
    colon, sep = ("：", "；") if lang == "zh" else (": ", "; ")
    out = []
    for k, c in enumerate(row.cells):
        if c.verified:
            value = _values(row, lang)[k]
            out.append(f"{names[k]}{colon}{verified_text(row.name.get(lang), value, c.note, c.evidence, lang)}")
        if not c.changed:
            continue
        step = step_of(d, k, lang)
        why = [cause_text(step, x, lang) for x in c.causes]
        if c.reason:
            why.append(c.reason.rstrip("。."))
        if why:
            out.append(f"{names[k]}{colon}{sep.join(why)}")
    return out


def step_of(d: AllDiff, k: int, lang: str) -> DiffResult:
    """Pass k against the one before, its sides told apart as the columns are when the assessor
    is the same: by date (`州（市）评（2017年7月12日）`), else by name."""
    a, b = d.passes[k - 1].assessment, d.passes[k].assessment
    if a.date == b.date:
        return d.steps[k - 1]
    tag_a, tag_b = (long_date(x.date.isoformat(), lang) for x in (a, b))
    return replace(d.steps[k - 1], side_a=tag_a, side_b=tag_b)


def _row(d: AllDiff, row: Row, names: list[str], shown: list[str], lang: str) -> dict[str, Any]:
    return {
        "code": row.key,
        "name": row.name.get(lang),
        "max": numbers.points(row.max) if row.max is not None else "",
        "max_value": row.max,
        "cells": _cells(row, shown, lang),
        "notes": _notes(d, row, names, lang),
        "differs": row.differs,
    }


def _pass(p: Pass, name: str, std: Standard, lang: str) -> dict[str, Any]:
    r = p.result
    return {
        "name": name,
        "assessment": p.name,
        "assessor": label("assessor." + r.assessor, lang) if f"assessor.{r.assessor}" in LABELS else r.assessor,
        "date": long_date(r.date, lang) if r.date else None,
        "by": r.assessed_by,
        "total": numbers.points(r.total),
        "total_value": r.total,
        "grade": r.grade.name.get(lang) if r.grade else label("no_grade", lang),
        "next": next_grade(r, std, lang),
    }


def all_context(d: AllDiff, std: Standard, lang: str, inputs: Sequence[InputFile] = ()) -> dict[str, Any]:
    names = column_labels(d.passes, lang)
    first = d.passes[0].result
    passes = [_pass(p, n, std, lang) for p, n in zip(d.passes, names, strict=True)]
    differing = sum(1 for r in d.indicators if r.differs)
    return {
        "lang": lang,
        "t": labels(lang),
        "version": __version__,
        "library": first.library_en if lang == "en" and first.library_en else first.library,
        "heading": label("diff_all.heading", lang),
        "criteria": {"id": first.criteria_id, "title": first.criteria_title.get(lang)},
        "passes": passes,
        "one": label("diff_all.one", lang, side=names[0]) if len(d.passes) == 1 else "",
        "legend": label("diff_all.legend", lang),
        "total": _row(d, d.total, names, _points(d.total), lang),
        "grade": _row(d, d.grade, names, [p["grade"] for p in passes], lang),
        "parts": [_row(d, r, names, _points(r), lang) for r in d.parts],
        "indicators_title": label("diff_all.indicators_all" if d.every else "differing", lang),
        "indicators": [_row(d, r, names, _points(r), lang) for r in d.indicators],
        "facts": [_row(d, r, names, _values(r, lang), lang) for r in d.facts],
        "agreement": label("diff_all.agreement", lang, n=len(d.passes), equal=d.equal, differing=differing),
        "identical": d.identical,
        "inputs": [{"path": i.path, "sha256": i.sha256} for i in inputs],
    }
