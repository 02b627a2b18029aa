"""How every output says a result is incomplete: the notice that comes first, the grade shown
as provisional, and the list of what to fill in next (scoring/completeness.py counts)."""

from __future__ import annotations

from typing import Any

from libeval.models.result import Completeness, Result, ToFill
from libeval.text import numbers
from libeval.text.labels import label
from libeval.text.numbers import to_json

TABLE_FILL = 10  # things to fill listed in the terminal (the md/html report lists them all)


def notice(c: Completeness, lang: str) -> str | None:
    """`结果不完整：48 项事实已填 7 项（…）；32 项评定指标未评（401 分）。以下分数与等级仅供参考。`,
    or None for a complete result."""
    if c.complete:
        return None
    parts = []
    if c.facts_given < c.facts_total:
        points = numbers.points(c.points_missing_facts)
        parts.append(label("incomplete_facts", lang, total=c.facts_total, given=c.facts_given, points=points))
    if c.facts_partial:
        parts.append(label("incomplete_partial", lang, n=c.facts_partial))
    if c.judged_awarded < c.judged_total:
        n = c.judged_total - c.judged_awarded
        parts.append(label("incomplete_judged", lang, n=n, points=numbers.points(c.points_not_judged)))
    sep, end = ("；", "。") if lang == "zh" else ("; ", ". ")
    return label("incomplete_head", lang) + sep.join(parts) + end + label("incomplete_tail", lang)


def grade_name(r: Result, lang: str) -> str:
    """The grade reached (or no grade), marked provisional when the result is incomplete."""
    name = r.grade.name.get(lang) if r.grade else label("no_grade", lang)
    return name if r.completeness.complete else label("provisional", lang, grade=name)


def fill_line(t: ToFill, lang: str) -> str:
    pts = numbers.points(t.points)
    if t.kind == "judged":
        return label("to_fill_judged", lang, id=t.id, name=t.name.get(lang), points=pts)
    if t.years:
        years = ("、" if lang == "zh" else ", ").join(map(str, t.years))
        text = label("to_fill_years", lang, id=t.id, name=t.name.get(lang), years=years)
    else:
        text = label("to_fill_fact", lang, id=t.id, name=t.name.get(lang), points=pts)
    return text + (label("to_fill_condition", lang) if t.condition else "")


def fill_lines(c: Completeness, lang: str, limit: int | None = None) -> list[str]:
    """What to fill in next, largest points first (at most `limit`, then how many more)."""
    shown = c.to_fill if limit is None else c.to_fill[:limit]
    out = [fill_line(t, lang) for t in shown]
    if len(c.to_fill) > len(shown):
        out.append(label("to_fill_more", lang, n=len(c.to_fill) - len(shown)))
    return out


def completeness_dict(c: Completeness, lang: str) -> dict[str, Any]:
    """The JSON `completeness` object (docs/json-format.md)."""
    return {
        "complete": c.complete,
        "facts_total": c.facts_total,
        "facts_given": c.facts_given,
        "facts_estimated": c.facts_estimated,
        "facts_partial": c.facts_partial,
        "judged_total": c.judged_total,
        "judged_awarded": c.judged_awarded,
        "points_missing_facts": to_json(c.points_missing_facts),
        "points_not_judged": to_json(c.points_not_judged),
        "notice": notice(c, lang),
        "to_fill": [
            {
                "kind": t.kind,
                "id": t.id,
                "name": t.name.get(lang),
                "points": to_json(t.points),
                "indicators": list(t.codes),
                "grade_condition": t.condition,
                "years": list(t.years),
            }
            for t in c.to_fill
        ],
    }
