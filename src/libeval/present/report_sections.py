"""The body of the library report, after a written evaluation report: 一、基本情况 (the profile
as sentences and a table), 二、评估工作开展情况 (every assessment scored), 三、主要成效, 四、存在问题,
五、下一步 (from the plan's objects) and 落款. Pure; no ids or hashes (those are the appendix's).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from libeval.models.result import FactResult, Result
from libeval.present.completeness import fill_line, grade_name
from libeval.present.report_format import cell, long_date, no_ids, running
from libeval.text import numbers
from libeval.text.labels import label, region_label
from libeval.text.provinces import province_name
from libeval.text.units import counted, with_unit

if TYPE_CHECKING:
    from libeval.analysis.fact_changes import FactChange
    from libeval.analysis.plan import Plan

NEAR_FULL = Decimal("0.9")
LOSSES = 10
SENTENCE = 6  # figures per sentence of the profile
LARGE = 1.0  # a change above +100% is not within a year


def _where(r: Result, lang: str) -> str:
    by, variant = r.variant_by.get(lang), r.variant_name.get(lang)
    if variant in ("", "—"):
        variant = region_label(r.region).get(lang) if r.region else ""
    if not variant:
        return ""
    if by in ("地区", "Region"):
        return f"{variant}地区" if lang == "zh" else f"{variant} region"
    return f"{by}：{variant}" if lang == "zh" else f"{by}: {variant}"


def _name(r: Result, lang: str) -> str:
    return (r.library_en or r.library) if lang == "en" else r.library


def _figure(f: FactResult, lang: str) -> str:
    """A fact in a sentence: `总藏量 2.5 万册（件）`, `年流通总人次（年均） 6.9 万人次（估计值）`."""
    name = f.label.get(lang)
    text = f"{name}{'' if name.endswith('）') else ' '}{numbers.amount(f.value, f.unit, lang)}"
    if f.estimated and not f.corrected:
        text += "（估计值）" if lang == "zh" else " (estimated)"
    return text


def profile(r: Result, lang: str) -> tuple[list[str], list[dict[str, Any]]]:
    """The profile as sentences (who, where, how many served; then the figures the standard
    marks `profile: true`) and as rows of a table."""
    population = with_unit(running(r.population, lang), label("population_unit", lang), lang)
    level = label(f"level.{r.level}", lang) if r.level else ""
    where = _where(r, lang)
    if r.population is None:
        population = "—"
    args = {"name": _name(r, lang), "level": level, "population": population}
    province = province_name(r.province, lang)
    first = label("rp_is", lang, province=province, variant=where, **args) if where else None
    sentences = [first or label("rp_is_nowhere", lang, **args)]
    shown = [f for f in r.facts if f.profile and f.value is not None and not isinstance(f.value, bool)]
    sep = label("rp_item_sep", lang)
    for at in range(0, len(shown), SENTENCE):
        items = sep.join(_figure(f, lang) for f in shown[at : at + SENTENCE])
        sentences.append(label("rp_facts_sentence", lang, items=items[:1].upper() + items[1:]))
    plain = {"unit": "", "estimated": False, "corrected": False}
    rows: list[dict[str, Any]] = [
        {"name": label("level", lang), "value": cell(level, lang) or "—", **plain},
        {"name": label("province", lang), "value": province or "—", **plain},
        {"name": cell(r.variant_by.get(lang), lang), "value": cell(r.variant_name.get(lang), lang), **plain},
        {
            "name": label("population", lang),
            "value": numbers.value(r.population, lang) if r.population is not None else "—",
            "unit": label("population_unit", lang),
            "estimated": False,
            "corrected": False,
        },
    ]
    shown_value = {
        f.id: numbers.value(f.unit.scale(f.value, lang) if isinstance(f.value, Decimal) else f.value, lang)
        for f in r.facts
        if f.profile
    }
    rows += [
        {
            "name": f.label.get(lang),
            "value": shown_value[f.id],
            "unit": counted(shown_value[f.id], f.unit.shown(lang), lang)
            if f.value is not None
            else "",  # 55,000 yuan, as the sentences
            "estimated": f.estimated and not f.corrected,
            "corrected": f.corrected,
        }
        for f in r.facts
        if f.profile
    ]
    return sentences, rows


def _grade_words(r: Result, lang: str) -> str:
    if r.grade is None:
        none = label("rp_grade_none", lang)
        return none if r.completeness.complete else label("provisional", lang, grade=none)
    return label("rp_grade_reached", lang, grade=grade_name(r, lang))


def assessments(r: Result, others: Sequence[Result], lang: str) -> list[dict[str, Any]]:
    """Every assessment the report knows of, by date: this one and the others scored."""
    out = []
    for x in sorted([r, *others], key=lambda x: (x.date, x.assessment)):
        who = x.assessed_by or (_name(x, lang) if x.assessor == "self" else label(f"assessor.{x.assessor}", lang))
        assessor = label(f"assessor.{x.assessor}", lang)
        out.append(
            {
                "name": x.assessment,
                "assessor": cell(assessor, lang),
                "by": who,
                "date": long_date(x.date, lang),
                "total": numbers.points(x.total),
                "grade": grade_name(x, lang),
                "current": x is r,
                "text": label(
                    "rp_scored",
                    lang,
                    date=long_date(x.date, lang),
                    who=who,
                    assessor=assessor,
                    total=numbers.points(x.total),
                    grade=_grade_words(x, lang),
                ),
            }
        )
    return out


def total_line(r: Result, lang: str) -> str:
    args = {"total": numbers.points(r.total), "max": numbers.points(r.max), "grade": _grade_words(r, lang)}
    if r.bonus_max > 0:
        return label("rp_total_line", lang, bonus=numbers.points(r.bonus), **args)
    return label("rp_total_line_plain", lang, **args)


def _parts(r: Result) -> list[Any]:
    return [*r.parts, *([r.bonus_part] if r.bonus_part else [])]


def achievements(r: Result, lang: str) -> list[dict[str, Any]]:
    """The indicators at full marks or at least 90% of them, grouped by part, with the
    assessor's notes (the assessment's, not the library's notes on its facts)."""
    out = []
    for p in _parts(r):
        items = [
            {
                "code": i.code,
                "name": i.name.get(lang),
                "score": numbers.points(i.score),
                "max": numbers.points(i.max),
                "full": i.score >= i.max,
                "points": label(  # in a sentence: 满分 5 分, 得 9 分（满分 10 分）, not 9/10
                    "rp_full_marks" if i.score >= i.max else "rp_points_of",
                    lang,
                    score=numbers.points(i.score),
                    max=numbers.points(i.max),
                ),
                "note": i.note or "",
            }
            for i in r.indicators
            if i.part == p.code and i.status == "scored" and i.max > 0 and i.score >= i.max * NEAR_FULL
        ]
        if items:
            out.append({"code": p.code, "name": p.name.get(lang), "indicators": items})
    return out


def losses(r: Result, lang: str) -> list[dict[str, Any]]:
    bonus = r.bonus_part.code if r.bonus_part else None
    lost = sorted(
        (i for i in r.indicators if i.status != "not_applicable" and i.loss > 0 and i.part != bonus),
        key=lambda i: (-i.loss, i.code),
    )
    return [
        {
            "code": i.code,
            "name": i.name.get(lang),
            "score": numbers.points(i.score),
            "max": numbers.points(i.max),
            "loss": numbers.points(i.loss),
            "loss_value": float(i.loss),
            "reason": no_ids(i.explanation.get(lang)),
            "note": i.note or "",
        }
        for i in lost[:LOSSES]
    ]


def unmet(r: Result, lang: str) -> dict[str, Any] | None:
    """The next grade's conditions not met, each with its gap (the score condition too)."""
    blocked = r.blocked
    if not blocked:
        return None
    g = blocked[-1]
    return {
        "grade": g.name.get(lang),
        "conditions": [
            {
                "name": c.name.get(lang),
                "text": c.explanation.get(lang),
                "gap": numbers.value(c.shortfall, lang) if c.shortfall is not None else "",
                "is_score": c.test == "min_score",
            }
            for c in g.failed
        ],
    }


def to_fill(r: Result, lang: str) -> list[str]:
    """What to fill in, largest points first: facts by name (their ids are in the appendix),
    judged indicators by code and name."""
    out = []
    for t in r.completeness.to_fill:
        pts, name = numbers.points(t.points), t.name.get(lang)
        if t.kind == "judged":
            out.append(fill_line(t, lang))
            continue
        if t.years:
            years = ("、" if lang == "zh" else ", ").join(map(str, t.years))
            text = label("rp_fill_years", lang, name=name, years=years)
        else:
            text = label("rp_fill_fact", lang, name=name, points=pts)
        out.append(text + (label("to_fill_condition", lang) if t.condition else ""))
    return out


def _change(c: FactChange, r: Result, lang: str, gain: Decimal | None) -> dict[str, Any]:
    fact = r.fact(c.fact)
    shown_unit = fact.unit.get(lang) if fact else ""
    name = c.name.get(lang) + (label("aggregate.mean", lang).join("（）") if c.per_year and lang == "zh" else "")
    if lang == "en" and c.per_year:
        name += " (yearly mean)"
    old, new = numbers.value(c.old, lang), numbers.value(c.new, lang)
    if isinstance(c.new, bool) or isinstance(c.old, bool) or c.old is None:
        text = label("rp_change_bool", lang, name=name, old=old, new=new)
    else:
        diff = c.new - c.old
        delta = ("+" if diff >= 0 else "") + with_unit(numbers.value(diff, lang), shown_unit, lang)
        if c.old:
            delta += f"{'，' if lang == 'zh' else ', '}{'+' if diff >= 0 else ''}{float(diff / c.old) * 100:.0f}%"
        text = label(
            "rp_change",
            lang,
            name=name,
            old=with_unit(old, shown_unit, lang),
            new=with_unit(new, shown_unit, lang),
            delta=delta,
        )
    large = not c.structural and c.relative > LARGE
    return {
        "fact": c.fact,
        "text": text,
        "gain": numbers.points(gain) if gain is not None else "",
        "structural": c.structural,
        "large": large,
        "feasibility": label(
            "rp_structural" if c.structural else "rp_large" if large else "rp_feasible",
            lang,
        ),
    }


def next_steps(p: Plan | None, r: Result, lang: str) -> dict[str, Any]:
    """Only the changes that reach the next grade (the prerequisites', then the chosen ones),
    one line each with its unit, points and feasibility; a structural change and one that more
    than doubles a value are flagged as not within a year, never shown as a plain step."""
    if p is None or p.status == "top" or p.target is None:
        return {"status": "top", "head": label("top_grade", lang), "changes": [], "after": "", "notes": []}
    target = p.target.name.get(lang)
    current = grade_name(r, lang) if r.grade else label("no_grade", lang)
    if p.status == "reached":
        return {
            "status": "reached",
            "head": label("plan_reached", lang, target=target),
            "changes": [],
            "after": "",
            "notes": [],
        }
    prereq_changes = [s.change for s in p.prerequisites if s.change]
    changes = []
    for s in p.prerequisites:
        if s.change:
            gain = p.prerequisite_gain if len(prereq_changes) == 1 and p.prerequisite_gain > 0 else None
            changes.append({**_change(s.change, r, lang, gain), "condition": s.condition.name.get(lang)})
        for o in s.options:
            changes.append({**_change(o.change, r, lang, o.gain), "condition": s.condition.name.get(lang)})
    changes += [{**_change(o.change, r, lang, o.gain), "condition": ""} for o in p.chosen]
    head_key = "rp_next_target" if p.status == "plan" else "rp_next_short"
    after = ""
    if p.projected is not None and p.status == "plan":
        after = label("rp_after", lang, total=numbers.points(p.projected.total), grade=_grade_words(p.projected, lang))
    notes = [x.get(lang) for x in p.reasons]
    open_points = sum((j.max - j.score for j in p.judged_open), Decimal(0))
    if p.judged_open:
        notes.append(label("rp_judged_open", lang, n=len(p.judged_open), points=numbers.points(open_points)))
    return {
        "status": p.status,
        "head": label(head_key, lang, target=target, current=current, total=numbers.points(r.total)),
        "changes": changes,
        "after": after,
        "notes": notes,
    }


def signature(r: Result, lang: str) -> dict[str, Any]:
    """落款: the library for a self-assessment, the assessing team for a review, and the date."""
    review = r.assessor != "self"
    who = (r.assessed_by or label(f"assessor.{r.assessor}", lang)) if review else _name(r, lang)
    return {
        "review": review,
        "unit": label("rp_sign_unit", lang, unit=who),
        "date": label("rp_sign_date", lang, date=long_date(r.date, lang)),
        "sign": label("rp_sign_team" if review else "rp_sign_head", lang),
    }
