"""The context of the reviewer's report (复核意见, templates/review.*.j2): the document a review
team signs, built from the review scored and the pass it reviews (analysis/review.py). Pure.

Unlike the library's report it has no 下一步 (that is the library's business) and shows no
note of the library as the team's opinion.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from libeval import __version__
from libeval.analysis.review import Review
from libeval.models.result import Result
from libeval.present import review_sections as sections
from libeval.present.completeness import grade_name, notice
from libeval.present.report_appendix import evidence, safe_href
from libeval.present.report_format import cell, long_date
from libeval.present.report_view import InputFile
from libeval.text import numbers
from libeval.text.labels import label, labels

PROVENANCE = ("official", "reconstructed")


def _delta(before: Any, after: Any) -> str:
    d = after - before
    return "" if d == 0 else ("+" if d > 0 else "−") + numbers.points(abs(d))


def rows(v: Review, lang: str) -> list[dict[str, Any]]:
    """Appendix A: the whole tree, both sides' points, the status where it is not scored, the
    evidence of the facts an indicator reads (the team's, for a fact it corrected or verified)."""
    r, o = v.result, v.reviewed
    by_code = {i.code: i for i in r.indicators}
    facts = {f.id: f for f in r.facts}
    out: list[dict[str, Any]] = []

    def walk(code: str) -> None:
        i = by_code.get(code)
        if i is not None:
            refs: list[dict[str, Any]] = []
            for f in (facts[x] for x in i.facts if x in facts):  # a corrected fact's source is the team's reason
                shown = evidence(f) if not f.corrected else [{"text": e, "href": safe_href(e)} for e in f.evidence]
                refs += [e for e in shown if e not in refs]
            before = o.indicator(code)
            status = {i.status, before.status if before else i.status} - {"scored"}
            out.append(
                {
                    "code": code,
                    "name": i.name.get(lang),
                    "depth": i.depth,
                    "is_group": False,
                    "before": numbers.points(o.points(code)),
                    "after": numbers.points(i.score),
                    "max": numbers.points(i.max),
                    "delta": _delta(o.points(code), i.score),
                    "status": label("status." + i.status, lang) if status else "",
                    "provenance": label(f"rp_{i.provenance}", lang) if i.provenance in PROVENANCE else "",
                    "evidence": refs,
                }
            )
            return
        g = r.groups[code]
        out.append(
            {
                "code": code,
                "name": g.name.get(lang),
                "depth": g.depth,
                "is_group": True,
                "before": numbers.points(o.points(code)),
                "after": numbers.points(g.score),
                "max": numbers.points(g.max),
                "delta": _delta(o.points(code), g.score),
                "status": "",
                "provenance": "",
                "evidence": [],
            }
        )
        for child in g.children:
            walk(child)

    for top in [*(p.code for p in r.parts), *([r.bonus_part.code] if r.bonus_part else [])]:
        walk(top)
    return out


def build_review_context(
    v: Review, lang: str, inputs: Sequence[InputFile] = (), members: Sequence[str] = ()
) -> dict[str, Any]:
    """The reviewer's report: the team, the date, the standard, the pass reviewed; 一 … 五, 落款,
    the appendix (every indicator on both sides, the input files with their hashes)."""
    r, o = v.result, v.reviewed
    name = (r.library_en or r.library) if lang == "en" else r.library
    dash = "—" if lang == "zh" else "–"
    period = f"{r.period[0]}{dash}{r.period[1]}"
    sep = "、" if lang == "zh" else ", "
    return {
        "lang": lang,
        "t": labels(lang),
        "version": __version__,
        "title": label("rv_title", lang, library=name),
        "library": name,
        "this": cell(sections.side(r, lang), lang),
        "other": cell(sections.side(o, lang), lang),
        "head": [
            (label("rv_team", lang), r.assessed_by or "—"),
            *([(label("rv_members", lang), sep.join(members))] if members else []),
            (label("rv_date", lang), long_date(r.date, lang)),
            (
                label("rv_standard", lang),
                label("rv_standard_text", lang, id=r.criteria_id, title=r.criteria_title.get(lang), period=period),
            ),
            (
                label("rv_reviews", lang),
                label(
                    "rv_reviews_text",
                    lang,
                    side=sections.named(o, lang),
                    date=long_date(o.date, lang),
                    by=o.assessed_by or ((o.library_en or o.library) if lang == "en" else o.library),
                    total=numbers.points(o.total),
                ),
            ),
            (label("rv_inputs", lang), sep.join(i.path for i in inputs) or "—"),
        ],
        "notice": notice(r.completeness, lang),
        "estimated": _estimated(r, lang),
        "reconstructed": r.reconstructed,
        "provenance_total": r.provenance_total,
        "note": r.assessment_note or "",
        "total": numbers.points(r.total),
        "max": numbers.points(r.max),
        "grade": grade_name(r, lang),
        "other_total": numbers.points(o.total),
        "other_grade": grade_name(o, lang),
        "work": sections.work(v, lang),
        "conclusion": sections.conclusion(v, lang),
        "adjusted_intro": label("rv_adjusted_intro", lang, n=len(v.adjusted), side=sections.named(o, lang)),
        "adjusted": sections.adjusted(v, lang),
        "facts": sections.facts(v, lang),
        "accepted_intro": label("rv_accepted_intro", lang, n=len(v.accepted), side=sections.named(o, lang)),
        "accepted": sections.accepted(v, lang),
        "signature": sections.signature(r, tuple(members), lang),
        "rows": rows(v, lang),
        "provenance_text": label(
            "rp_provenance_text",
            lang,
            id=r.criteria_id,
            title=r.criteria_title.get(lang),
            n=r.reconstructed,
            m=r.provenance_total,
        ),
        "inputs": [{"path": i.path, "sha256": i.sha256} for i in inputs],
    }


def _estimated(r: Result, lang: str) -> str:
    """The facts the review's figures rest on that are still the library's estimates: a team
    signing the opinion is told, by name, what it neither verified nor corrected."""
    if not r.estimated:
        return ""
    names = {f.id: f.name.get(lang) for f in r.facts}
    shown = ("、" if lang == "zh" else ", ").join(names.get(fid, fid) for fid in r.estimated)
    return label("rv_estimated", lang, n=len(r.estimated), names=shown)
