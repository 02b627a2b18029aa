"""The context a report template receives: a result made ready to print (docs/templates.md).

Pure: built from the result alone (it carries the facts, their sources and evidence), the other
assessments of the folder scored, and the plan's objects for the next steps; no I/O. The body's
sections are present/report_sections.py, the appendix present/report_appendix.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from libeval import __version__
from libeval.models.result import Result
from libeval.present import report_appendix as appendix
from libeval.present import report_sections as sections
from libeval.present.completeness import grade_name, notice
from libeval.present.report_appendix import safe_href
from libeval.present.report_format import cell, long_date
from libeval.text import numbers
from libeval.text.labels import label, labels, region_label
from libeval.text.units import with_unit

if TYPE_CHECKING:
    from libeval.analysis.plan import Plan

__all__ = ["InputFile", "build_context", "safe_href"]


@dataclass(frozen=True)
class InputFile:
    """A file a result rests on, shown with its hash so a report can be traced to its data."""

    path: str
    sha256: str


def _pct(score: Decimal, mx: Decimal) -> float:
    return float(score / mx * 100) if mx else 0.0


def _unit(r: Result, fact_id: str, lang: str) -> str:
    f = r.fact(fact_id)
    return f.unit.get(lang) if f else ""


def _compare(result: Result, others: Sequence[Result]) -> Result | None:
    """The self-assessment, beside which a review's points are shown."""
    if result.assessor == "self":
        return None
    return next((o for o in others if o.assessor == "self"), None)


def build_context(
    result: Result,
    lang: str,
    inputs: Sequence[InputFile] = (),
    plan: Plan | None = None,
    others: Sequence[Result] = (),
) -> dict[str, Any]:
    """A library's report context, from its result; `others` are the folder's other assessments
    scored (a review's report shows the self-assessment's points beside its own), `plan` the
    plan for the next grade. The single command and the batch both build reports with this."""
    r = result
    mine = _compare(r, others)
    profile_text, profile_rows = sections.profile(r, lang)
    lost = sections.losses(r, lang)
    achieved = sections.achievements(r, lang)
    return {
        "lang": lang,
        "t": labels(lang),
        "version": __version__,
        "title": label("report_title" if r.assessor == "self" else "report_title.review", lang),
        "library": {
            "name": (r.library_en or r.library) if lang == "en" else r.library,
            "name_zh": r.library,
            "level": label(f"level.{r.level}", lang) if r.level else "",
            "province": r.province,
            "region": region_label(r.region).get(lang),
            "variant_by": r.variant_by.get(lang),
            "variant": r.variant_name.get(lang),
            "population": numbers.value(r.population, lang) if r.population is not None else "—",
        },
        "profile_text": profile_text,
        "profile": profile_rows,
        "assessment": {
            "name": r.assessment,
            "assessor": cell(label(f"assessor.{r.assessor}", lang), lang),
            "by": r.assessed_by,
            "date": long_date(r.date, lang),
            "note": r.assessment_note,
        },
        "assessments": sections.assessments(r, others, lang),
        "criteria": {
            "id": r.criteria_id,
            "title": r.criteria_title.get(lang),
            "period": f"{r.period[0]}—{r.period[1]}" if lang == "zh" else f"{r.period[0]}–{r.period[1]}",
        },
        "total": numbers.points(r.total),
        "max": numbers.points(r.max),
        "base": numbers.points(r.base),
        "bonus": numbers.points(r.bonus),
        "bonus_max": numbers.points(r.bonus_max),
        "total_pct": _pct(r.total, r.max),
        "total_line": sections.total_line(r, lang),
        "grade": r.grade.name.get(lang) if r.grade else None,
        "grade_shown": grade_name(r, lang),  # 三级, 未达等级, or 三级（暂定） when incomplete
        "completeness": {
            "complete": r.completeness.complete,
            "notice": notice(r.completeness, lang),
            "to_fill": sections.to_fill(r, lang),
        },
        "parts": [
            {
                "code": p.code,
                "name": p.name.get(lang),
                "score": numbers.points(p.score),
                "max": numbers.points(p.max),
                "pct": _pct(p.score, p.max),
            }
            for p in [*r.parts, *([r.bonus_part] if r.bonus_part else [])]
        ],
        "achievements": achieved,
        "strengths_count": sum(len(p["indicators"]) for p in achieved),
        "losses": lost,
        "max_loss": max((x["loss_value"] for x in lost), default=0.0),
        "unmet": sections.unmet(r, lang),
        "next_steps": sections.next_steps(plan, r, lang),
        "signature": sections.signature(r, lang),
        "compare": None
        if mine is None
        else {
            "this": cell(label(f"assessor.{r.assessor}", lang), lang),
            "other": cell(label(f"assessor.{mine.assessor}", lang), lang),
        },
        "rows": appendix.indicator_rows(r, lang, mine),
        "grades": appendix.grades(r, lang),
        "facts": appendix.fact_rows(r, lang),
        "corrections_intro": label("corrections_intro", lang, assessor=label(f"assessor.{r.assessor}", lang)),
        "corrections": [
            {
                "fact": c.fact,
                "name": c.name.get(lang),
                "old": with_unit(c.shown(lang)[0], _unit(r, c.fact, lang), lang) if c.old != "—" else c.old,
                "new": with_unit(c.shown(lang)[1], _unit(r, c.fact, lang), lang),
                "reason": c.reason,
            }
            for c in r.corrections
        ],
        "reconstructed": r.reconstructed,
        "provenance_total": r.provenance_total,
        "provenance_text": label(
            "rp_provenance_text",
            lang,
            id=r.criteria_id,
            title=r.criteria_title.get(lang),
            n=r.reconstructed,
            m=r.provenance_total,
        ),
        "estimated": len(r.estimated),
        "inputs": [{"path": i.path, "sha256": i.sha256} for i in inputs],
    }
