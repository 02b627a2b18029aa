"""The context a report template receives: a result made ready to print (docs/templates.md).

Pure: built from the result alone (it carries the facts, their sources and evidence); no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import PurePosixPath
from typing import Any

from libeval import __version__
from libeval.models.result import IndicatorResult, Result
from libeval.present.completeness import fill_line, grade_name, notice
from libeval.text import numbers
from libeval.text.labels import label, labels, region_label

_HTTP = re.compile(r"^https?://[^\s]+$", re.IGNORECASE)
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
TOP = 10


def safe_href(ref: str) -> str | None:
    """An evidence link that is safe to put in href: http(s) URLs and relative paths inside the
    library folder; anything else (javascript:, data:, file:, absolute or `..` paths) is None."""
    ref = ref.strip()
    if _HTTP.match(ref):
        return ref
    if not ref or _SCHEME.match(ref) or ref.startswith(("/", "\\")) or "\\" in ref:
        return None
    if ".." in PurePosixPath(ref).parts:
        return None
    return ref


def _pct(score: Decimal, mx: Decimal) -> float:
    return float(score / mx * 100) if mx else 0.0


def _indicator(i: IndicatorResult, lang: str) -> dict[str, Any]:
    return {
        "code": i.code,
        "name": i.name.get(lang),
        "depth": i.depth,
        "is_group": False,
        "score": numbers.points(i.score),
        "max": numbers.points(i.max),
        "loss": numbers.points(i.loss),
        "pct": _pct(i.score, i.max),
        "status": i.status,
        "status_label": label("status." + i.status, lang),
        "kind": i.kind,
        "explanation": i.explanation.get(lang),
        "note": i.note,
        "provenance": i.provenance,
    }


@dataclass(frozen=True)
class InputFile:
    """A file a result rests on, shown with its hash so a report can be traced to its data."""

    path: str
    sha256: str


def build_context(
    result: Result, lang: str, inputs: Sequence[InputFile] = (), plan: list[str] | None = None
) -> dict[str, Any]:
    """A library's report context, from its result alone; `plan` (the lines of `libeval plan`)
    fills the next steps. The single command and the batch both build reports with this."""
    by_code = {i.code: i for i in result.indicators}
    rows: list[dict[str, Any]] = []

    def walk(code: str) -> None:
        if code in by_code:
            rows.append(_indicator(by_code[code], lang))
            return
        g = result.groups[code]
        rows.append(
            {
                "code": code,
                "name": g.name.get(lang),
                "depth": g.depth,
                "is_group": True,
                "score": numbers.points(g.score),
                "max": numbers.points(g.max),
                "pct": _pct(g.score, g.max),
                "capped": g.capped,
            }
        )
        for child in g.children:
            walk(child)

    for top in [*(p.code for p in result.parts), *([result.bonus_part.code] if result.bonus_part else [])]:
        walk(top)

    scored = [i for i in result.indicators if i.status != "not_applicable" and i.max > 0]
    strengths = sorted((i for i in scored if i.score >= i.max * Decimal("0.9")), key=lambda i: (-i.max, i.code))
    losses = sorted(
        (i for i in scored if i.loss > 0 and i.part != (result.bonus_part.code if result.bonus_part else None)),
        key=lambda i: (-i.loss, i.code),
    )
    blocked = list(result.blocked)
    next_grade = blocked[-1] if blocked else None
    corrections = {c.fact: c for c in result.corrections}
    facts = [
        {
            "id": f.id,
            "name": f.name.get(lang),
            "unit": f.unit.get(lang),
            "value": numbers.fact(f.given, f.given_years, lang, result.period),
            "corrected": corrections[f.id].after_in(lang) if f.id in corrections else None,
            "source": f.source,
            "estimated": f.estimated,
            "note": f.note,
            "evidence": [{"text": ref, "href": safe_href(ref)} for ref in f.evidence],
            "profile": f.profile,
        }
        for f in result.facts
    ]
    population = numbers.value(result.population, lang) if result.population is not None else "—"
    profile: list[dict[str, Any]] = [
        {
            "name": label("population", lang),
            "value": population,
            "unit": label("population_unit", lang),
            "estimated": False,
        }
    ]
    profile += [
        {
            "name": f.label.get(lang),
            "value": numbers.value(f.value, lang),
            "unit": f.unit.get(lang),
            "estimated": f.estimated and not f.corrected,
        }
        for f in result.facts
        if f.profile
    ]
    facts_by_id = {f.id: f for f in result.facts}
    return {
        "lang": lang,
        "t": labels(lang),
        "version": __version__,
        "title": label("report_title" if result.assessor == "self" else "report_title.review", lang),
        "library": {
            "name": (result.library_en or result.library) if lang == "en" else result.library,
            "name_zh": result.library,
            "level": label(f"level.{result.level}", lang),
            "province": result.province,
            "region": region_label(result.region).get(lang),
            "variant_by": result.variant_by.get(lang),  # 地区, or what else the standard varies by
            "variant": result.variant_name.get(lang),
            "population": population,
        },
        "profile": profile,
        "assessment": {
            "name": result.assessment,
            "assessor": label(f"assessor.{result.assessor}", lang),
            "by": result.assessed_by,
            "date": result.date,
            "note": result.assessment_note,
        },
        "criteria": {
            "id": result.criteria_id,
            "title": result.criteria_title.get(lang),
            "period": f"{result.period[0]}–{result.period[1]}",
        },
        "total": numbers.points(result.total),
        "max": numbers.points(result.max),
        "base": numbers.points(result.base),
        "bonus": numbers.points(result.bonus),
        "bonus_max": numbers.points(result.bonus_max),
        "total_pct": _pct(result.total, result.max),
        "grade": result.grade.name.get(lang) if result.grade else None,
        "grade_shown": grade_name(result, lang),  # 三级, 未达等级, or 三级（暂定） when incomplete
        "completeness": {
            "complete": result.completeness.complete,
            "notice": notice(result.completeness, lang),
            "to_fill": [
                {
                    "kind": f.kind,
                    "id": f.id,
                    "name": f.name.get(lang),
                    "points": numbers.points(f.points),
                    "text": fill_line(f, lang),
                }
                for f in result.completeness.to_fill
            ],
        },
        "grades": [
            {
                "name": g.name.get(lang),
                "min_score": numbers.points(g.min_score) if g.min_score is not None else "—",
                "achieved": g.achieved,
                "conditions": [
                    {
                        "name": c.name.get(lang),
                        "met": c.met,
                        "explanation": c.explanation.get(lang),
                        "provenance": c.provenance,
                    }
                    for c in g.conditions
                ],
            }
            for g in result.grades
        ],
        "blocked": [
            {
                "name": g.name.get(lang),
                "failed": [
                    {
                        "name": c.name.get(lang),
                        "explanation": c.explanation.get(lang),
                        "is_score": c.test == "min_score",
                    }
                    for c in g.failed
                ],
            }
            for g in blocked
        ],
        "next_grade": None
        if next_grade is None
        else {
            "name": next_grade.name.get(lang),
            "failed": [
                {
                    "name": c.name.get(lang),
                    "explanation": c.explanation.get(lang),
                    "is_score": c.test == "min_score",
                    "shortfall": numbers.value(c.shortfall, lang) if c.shortfall is not None else None,
                }
                for c in next_grade.failed
            ],
        },
        "parts": [
            {
                "code": p.code,
                "name": p.name.get(lang),
                "score": numbers.points(p.score),
                "max": numbers.points(p.max),
                "pct": _pct(p.score, p.max),
            }
            for p in [*result.parts, *([result.bonus_part] if result.bonus_part else [])]
        ],
        "strengths": [_indicator(i, lang) for i in strengths[:TOP]],
        "losses": [_indicator(i, lang) for i in losses[:TOP]],
        "max_loss": float(losses[0].loss) if losses else 0.0,
        "missing": [
            {"id": f, "name": facts_by_id[f].name.get(lang) if f in facts_by_id else label("population", lang)}
            for f in result.missing
        ],
        "rows": rows,
        "corrections": [
            {
                "fact": c.fact,
                "name": c.name.get(lang),
                "old": c.shown(lang)[0],
                "new": c.shown(lang)[1],
                "reason": c.reason,
            }
            for c in result.corrections
        ],
        "facts": facts,
        "reconstructed": result.reconstructed,
        "provenance_total": result.provenance_total,
        "estimated": len(result.estimated),
        "inputs": [{"path": i.path, "sha256": i.sha256} for i in inputs],
        "plan": plan or [],
    }
