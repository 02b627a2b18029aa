"""The body of the reviewer's report (复核意见): 一、复核工作情况 (who, when, the counts),
二、复核结论 (totals and grades side by side, what blocks the next grade under the review's
figures), 三、调整的评分项目, 四、事实核实, 五、认可的项目 and 落款. Pure.

The team's words are only what the review itself wrote (analysis/review.py): an inherited
award's note is the library's and is never shown as the team's opinion.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from libeval.analysis.review import Adjusted, Checked, Review
from libeval.models.result import FactResult, Result
from libeval.present.report_appendix import safe_href
from libeval.present.report_format import cell, long_date, no_ids
from libeval.present.report_sections import _grade_words, assessments, unmet
from libeval.text import numbers
from libeval.text.labels import LABELS, label
from libeval.text.units import with_unit


def side(r: Result, lang: str) -> str:
    """A pass named by its assessor: 自评, 州（市）评, 省评 (never 前/后)."""
    key = f"side.{r.assessor}"
    return label(key, lang) if key in LABELS else r.assessment


def named(r: Result, lang: str) -> str:
    """A pass named in a sentence: 自评, 州（市）评; `the self-assessment`, `the prefecture review`."""
    key = f"assessor.{r.assessor}"
    return label(key, lang) if key in LABELS and r.assessor != "other" else r.assessment


def _library(r: Result, lang: str) -> str:
    return (r.library_en or r.library) if lang == "en" else r.library


def _team(r: Result, lang: str) -> str:
    return r.assessed_by or side(r, lang)


def _sep(lang: str) -> str:
    return "；" if lang == "zh" else "; "


def _list_sep(lang: str) -> str:
    return "、" if lang == "zh" else ", "


def refs(items: tuple[str, ...]) -> list[dict[str, Any]]:
    return [{"text": ref, "href": safe_href(ref)} for ref in items]


def work(v: Review, lang: str) -> dict[str, Any]:
    """一、复核工作情况: who reviewed what and when, and the counts."""
    r, o = v.result, v.reviewed
    mine = named(o, lang)
    text = label(
        "rv_work_text",
        lang,
        date=long_date(r.date, lang),
        by=_team(r, lang),
        library=_library(r, lang),
        side=mine,
    )
    counts = label(
        "rv_counts",
        lang,
        n=len(v.accepted) + len(v.adjusted),
        accepted=len(v.accepted),
        changed=len(v.adjusted),
        verified=len(v.verified),
        corrected=len(v.corrected),
        side=mine,
    )
    na = ""
    if v.not_applicable:
        items = _list_sep(lang).join(
            label(
                "rv_na_inherited" if x.inherited else "rv_na_item",
                lang,
                code=x.code,
                name=x.name.get(lang),
                reason=x.reason,
                side=named(v.reviewed, lang),
            )
            for x in v.not_applicable
        )
        na = label("rv_na", lang, n=len(v.not_applicable), items=items)
    return {"text": text, "counts": counts, "na": na}


def _delta(d: Decimal) -> str:
    return "" if d == 0 else ("+" if d > 0 else "−") + numbers.points(abs(d))


def conclusion(v: Review, lang: str) -> dict[str, Any]:
    """二、复核结论: the review's total and grade beside the reviewed pass's, and what blocks the
    next grade under the review's figures, with the gaps."""
    r, o = v.result, v.reviewed
    rows = {x["name"]: x for x in assessments(r, [o], lang)}
    this, other = rows[r.assessment], rows[o.assessment]
    diff = r.total - o.total
    key = "rv_same" if diff == 0 else "rv_lower" if diff < 0 else "rv_higher"
    grade_of = {r.assessment: _grade_words(r, lang), o.assessment: _grade_words(o, lang)}
    blocked = unmet(r, lang)
    return {
        "total": label(
            "rv_total",
            lang,
            side=side(r, lang),
            total=this["total"],
            max=numbers.points(r.max),
            grade=grade_of[r.assessment],
        ),
        "compared": label(
            "rv_compared",
            lang,
            other=cell(named(o, lang), lang),
            total=other["total"],
            grade=grade_of[o.assessment],
            side=named(r, lang),
            delta=label(key, lang, points=numbers.points(abs(diff))),
        ),
        "blocked_head": label("rv_blocked", lang, side=named(r, lang), grade=blocked["grade"]) if blocked else "",
        "blocked": [c["text"] for c in (blocked["conditions"] if blocked else [])],  # each names its gap
        "top": label("rv_top", lang) if not r.blocked else "",
    }


def _opinion(a: Adjusted, lang: str) -> list[str]:
    """What the team wrote on an indicator it changed: its level and note, its reason for not
    applicable, the reasons of the facts it corrected that the indicator reads."""
    out = []
    if a.not_applicable:
        out.append(label("rv_na_reason", lang, reason=a.not_applicable))
    if a.level:
        out.append(label("rv_level", lang, level=a.level))
    if a.note:
        out.append(a.note)
    out += [label("rv_by_fact", lang, name=c.name.get(lang), reason=c.reason) for c in a.corrections if c.reason]
    return out


def _basis(a: Adjusted, lang: str) -> str:
    """Shown where the team wrote nothing: how the points were reached; for a judged indicator
    that line (专家评定 8 分) would read as the team's opinion, so the report says none was written."""
    if a.after.kind == "judged":
        return label("rv_no_opinion", lang)
    return no_ids(a.after.explanation.get(lang))


def adjusted(v: Review, lang: str) -> list[dict[str, Any]]:
    """三、调整的评分项目: every indicator whose points differ, both sides' points, the team's words."""
    return [
        {
            "code": a.after.code,
            "name": a.after.name.get(lang),
            "before": numbers.points(a.before.score),
            "after": numbers.points(a.after.score),
            "max": numbers.points(a.after.max),
            "delta": _delta(a.delta),
            "opinion": _opinion(a, lang),
            "basis": _basis(a, lang),
        }
        for a in v.adjusted
    ]


def _scored(f: FactResult | None, lang: str) -> str:
    """The value the score uses, in the unit the explanations use (the mean of the years)."""
    if f is None or f.value is None:
        return "—"
    v = f.unit.scale(f.value, lang) if isinstance(f.value, Decimal) else f.value
    return with_unit(numbers.value(v, lang), f.unit.shown(lang), lang)


def _unit(f: FactResult | None, lang: str) -> str:
    return f.unit.get(lang) if f else ""


def facts(v: Review, lang: str) -> dict[str, list[dict[str, Any]]]:
    """四、事实核实: the facts corrected (as given → as reviewed, and the value each side scores,
    the mean of the years where the standard says so) and the facts verified on site."""

    def row(c: Checked) -> dict[str, Any]:
        corr, after = c.correction, c.after
        old, new = corr.shown(lang)
        unit = _unit(after, lang)
        name = after.label.get(lang) if after and after.given_years else corr.name.get(lang)
        return {
            "fact": corr.fact,
            "name": corr.name.get(lang),
            "scored_name": name,
            "old": with_unit(old, unit, lang) if old != "—" else old,
            "new": with_unit(new, unit, lang),
            "scored_before": _scored(c.before, lang),
            "scored_after": _scored(after, lang),
            "reason": corr.reason,
            "note": corr.note or "",
            "evidence": refs(corr.evidence),
        }

    return {"corrected": [row(c) for c in v.corrected], "verified": [row(c) for c in v.verified]}


def accepted(v: Review, lang: str) -> list[dict[str, Any]]:
    """五、认可的项目: the accepted indicators by part, codes and names."""
    r = v.result
    out = []
    for p in [*r.parts, *([r.bonus_part] if r.bonus_part else [])]:
        items = [f"{i.code} {i.name.get(lang)}" for i in v.accepted if i.part == p.code]
        if items:
            out.append({"name": p.name.get(lang), "n": len(items), "list": _list_sep(lang).join(items)})
    return out


def signature(r: Result, members: tuple[str, ...], lang: str) -> dict[str, Any]:
    """落款: the team, a line for each member to sign, the leader's line, the date; a line for
    the library assessed to acknowledge."""
    return {
        "unit": label("rp_sign_unit", lang, unit=_team(r, lang)),
        "members": list(members),
        "date": label("rp_sign_date", lang, date=long_date(r.date, lang)),
        "line": label("rp_sign_line", lang),
    }
