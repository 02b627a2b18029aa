"""What a diff report shows, in words: the sides named by their assessors (自评, 州（市）评), the
grade line, one cause line per difference (a fact as the value scoring uses, with its unit), the
values per year for the appendix, and the template context (docs/templates.md, diff)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from libeval import __version__
from libeval.analysis.diff import Difference, DiffResult, IndicatorDelta
from libeval.models.result import FactResult, Result
from libeval.present.quantity import amount, unit_text
from libeval.present.report_format import long_date
from libeval.present.report_view import InputFile
from libeval.text import numbers
from libeval.text.labels import LABELS, label, labels

_POINTS = re.compile(r"-?\d+(?:\.\d+)?")


def signed(d: Decimal) -> str:
    text = numbers.points(d)
    return text if text.startswith("-") or text == "0" else f"+{text}"


def _assessor(r: Result, side: str, lang: str) -> str:
    key = f"side.{r.assessor}"
    return label(key, lang) if key in LABELS else side


def side_names(d: DiffResult, lang: str) -> tuple[str, str]:
    """The two sides as column headings: 自评 and 州（市）评; the same assessor on both sides (two
    folders, two experts) adds each side's own name: 自评（jinghe-2017:self）."""
    a, b = _assessor(d.a, d.side_a, lang), _assessor(d.b, d.side_b, lang)
    if a == b:
        return label("side.named", lang, side=a, name=d.side_a), label("side.named", lang, side=b, name=d.side_b)
    return a, b


def grade_line(d: DiffResult, lang: str) -> str:
    """`自评与州（市）评等级相同：三级。` or `自评二级，州（市）评三级。`"""
    a, b = side_names(d, lang)
    ga = d.a.grade.name.get(lang) if d.a.grade else label("no_grade", lang)
    gb = d.b.grade.name.get(lang) if d.b.grade else label("no_grade", lang)
    if ga == gb:
        return label("diff.grade_same", lang, a=a, b=b, grade=ga)
    return label("diff.grade_differs", lang, a=a, ga=ga, b=b, gb=gb)


def _fact_values(d: DiffResult, x: Difference, lang: str) -> tuple[str, str, str]:
    """A fact's name (with how its years aggregate) and the value scoring uses on each side, with
    its unit: `年文献外借量（年均）`, `58,000 册次`, `46,000 册次`."""
    if x.kind == "population":
        unit = label("population_unit", lang)
        return x.name.get(lang), amount(d.a.population, unit, lang), amount(d.b.population, unit, lang)
    fa, fb = d.a.fact(x.key), d.b.fact(x.key)
    known = fb or fa
    if known is None:  # every fact of the standard is in a result: kept for safety
        return x.name.get(lang), x.old, x.new
    old = amount(fa.value if fa else None, known.unit, lang)
    new = amount(fb.value if fb else None, known.unit, lang)
    if old == new:  # the years differ, not the value scored: show the years that differ
        return x.name.get(lang), x.old, x.new
    return known.label.get(lang), old, new


def _award(text: str, lang: str) -> str:
    return label("diff.not_awarded", lang) if text == "—" else text


def cause_text(d: DiffResult, x: Difference, lang: str) -> str:
    """One line: what changed, from what to what, and why (the reviewer's reason or both notes)."""
    lp, rp, sep, colon = ("（", "）", "；", "：") if lang == "zh" else (" (", ")", "; ", ": ")
    a, b = side_names(d, lang)
    if x.kind == "judged":
        old, new = _award(x.old, lang), _award(x.new, lang)
        points = all(_POINTS.fullmatch(v) or v == "—" for v in (x.old, x.new))
        text = label("diff.judged" if points else "diff.judged_level", lang, old=old, new=new)
        notes = [f"{side}{colon}{n.rstrip('。.')}" for side, n in ((a, x.old_note), (b, x.new_note)) if n]
        return text + (f"{lp}{sep.join(notes)}{rp}" if notes else "")
    if x.kind == "not_applicable":
        text = label("diff.not_applicable", lang, side=b if x.new != "—" else a)
    else:
        name, old, new = _fact_values(d, x, lang)
        text = label("cause.fact", lang, name=name, old=old, new=new)
    return text + (f"{lp}{x.reason.rstrip('。.')}{rp}" if x.reason else "")


def indicator_causes(d: DiffResult, i: IndicatorDelta, lang: str) -> list[str]:
    out = [cause_text(d, c, lang) for c in i.causes]
    if i.old_status != i.new_status:
        old, new = label("status." + i.old_status, lang), label("status." + i.new_status, lang)
        out.append(label("diff.status", lang, old=old, new=new))
    return out


def restore_text(d: DiffResult, lang: str) -> str:
    grade_a = d.a.grade.name.get(lang) if d.a.grade else label("no_grade", lang)
    if not d.restore.searched:
        return grade_line(d, lang)
    head = grade_line(d, lang) + ("" if lang == "zh" else " ")
    if d.restore.found:
        side = side_names(d, lang)[1]
        return head + label("diff.restore", lang, n=len(d.restore.differences), side=side, grade=grade_a)
    if d.restore.limited_to:
        return head + label("restore_limited", lang, n=d.restore.limited_to, grade=grade_a)
    return head + label("restore_none", lang, grade=grade_a)


def verified_text(name: str, value: str, note: str | None, evidence: Sequence[str], lang: str) -> str:
    """`计算机数量：40 台，已核实（现场清点；证明材料：photo.jpg、清单.pdf）`"""
    lp, rp, sep, comma = ("（", "）", "；", "、") if lang == "zh" else (" (", ")", "; ", ", ")
    extra = [note.rstrip("。.")] if note else []
    if evidence:
        extra.append(label("diff.evidence", lang, files=comma.join(evidence)))
    text = label("diff.verified", lang, name=name, value=value)
    return text + (f"{lp}{sep.join(extra)}{rp}" if extra else "")


def verified(d: DiffResult, lang: str) -> list[dict[str, Any]]:
    """The facts side b checked on site and kept (`verified: true`), that side a had not: a state,
    not a change, so they are listed apart from the differences."""
    changed = {x.key for x in d.differences if x.kind in ("fact", "population")}
    corrections = {c.fact: c for c in d.b.corrections if c.verified}
    out: list[dict[str, Any]] = []
    for f in d.b.facts:
        before = d.a.fact(f.id)
        if not f.verified or f.id in changed or (before is not None and before.verified) or f.id not in corrections:
            continue
        c = corrections[f.id]
        value = amount(f.value, f.unit, lang)
        out.append(
            {
                "fact": f.id,
                "name": f.label.get(lang),
                "value": value,
                "note": c.note,
                "evidence": list(c.evidence),
                "text": verified_text(f.label.get(lang), value, c.note, c.evidence, lang),
            }
        )
    return out


def yearly(d: DiffResult, lang: str) -> list[dict[str, Any]]:
    """The per-year facts that differ, every year of each side, for the appendix: a row per side
    with the value per year and the value scored."""
    out: list[dict[str, Any]] = []
    first, last = d.b.period
    for x in d.differences:
        if x.kind != "fact" or not (x.old_years or x.new_years):
            continue
        fa, fb = d.a.fact(x.key), d.b.fact(x.key)
        known: FactResult | None = fb or fa
        unit = unit_text(known.unit, lang) if known else ""
        years = sorted({y for y, _ in x.old_years} | {y for y, _ in x.new_years} | set(range(first, last + 1)))
        sides = []
        for name, given, fact in zip(side_names(d, lang), (x.old_years, x.new_years), (fa, fb), strict=True):
            by_year = dict(given)
            sides.append(
                {
                    "side": name,
                    "values": [numbers.value(by_year.get(y), lang) for y in years],
                    "raw": [by_year.get(y) for y in years],
                    "scored": numbers.value(fact.value if fact else None, lang),
                    "scored_raw": fact.value if fact else None,
                }
            )
        out.append(
            {
                "name": x.name.get(lang),
                "unit": unit,
                "aggregate": label("diff.scored_value", lang) + _aggregate(known, lang),
                "year_numbers": years,
                "years": [
                    str(y) if first <= y <= last or not first else label("diff.not_counted", lang, year=y)
                    for y in years
                ],
                "sides": sides,
            }
        )
    return out


def _aggregate(fact: FactResult | None, lang: str) -> str:
    """How a fact's years are aggregated, as the label of its name adds it: `（年均）`."""
    if fact is None:
        return ""
    name, full = fact.name.get(lang), fact.label.get(lang)
    return full[len(name) :] if full.startswith(name) else ""


def _side(r: Result, name: str, lang: str) -> dict[str, Any]:
    return {
        "name": name,
        "label": name,
        "assessment": r.assessment,
        "assessor": label("assessor." + r.assessor, lang) if f"assessor.{r.assessor}" in LABELS else r.assessor,
        "date": long_date(r.date, lang) if r.date else None,  # 2017年6月30日, as the report writes it
        "by": r.assessed_by,
        "total": numbers.points(r.total),
        "total_value": r.total,
        "grade": r.grade.name.get(lang) if r.grade else label("no_grade", lang),
    }


def diff_context(d: DiffResult, lang: str, inputs: Sequence[InputFile] = ()) -> dict[str, Any]:
    a_name, b_name = side_names(d, lang)
    conditions = [
        {
            "grade": c.grade.get(lang),
            "name": c.name.get(lang),
            "from": c.old.get(lang),
            "to": c.new.get(lang),
        }
        for c in d.conditions
    ]
    return {
        "lang": lang,
        "t": labels(lang),
        "version": __version__,
        "library": d.b.library_en if lang == "en" and d.b.library_en else d.b.library,
        "heading": label("diff.heading", lang, a=a_name, b=b_name),
        "criteria": {"id": d.a.criteria_id, "title": d.a.criteria_title.get(lang)},
        "a": _side(d.a, a_name, lang),
        "b": _side(d.b, b_name, lang),
        "total_delta": signed(d.total_delta),
        "grade_line": grade_line(d, lang),
        "parts": [
            {
                "code": c,
                "name": n.get(lang),
                "from": numbers.points(x),
                "to": numbers.points(y),
                "delta": signed(y - x),
                "from_value": x,
                "to_value": y,
            }
            for c, n, x, y in d.parts
        ],
        "indicators": [
            {
                "code": i.code,
                "name": i.name.get(lang),
                "from": numbers.points(i.old),
                "to": numbers.points(i.new),
                "from_value": i.old,
                "to_value": i.new,
                "delta": signed(i.delta),
                "delta_value": float(i.delta),
                "causes": indicator_causes(d, i, lang),
            }
            for i in d.indicators
        ],
        "max_abs_delta": max((abs(float(i.delta)) for i in d.indicators), default=0.0),
        "caps": [
            {"code": c.code, "name": c.name.get(lang), "delta": signed(c.delta), "delta_value": c.delta} for c in d.caps
        ],
        "restore_text": restore_text(d, lang),
        "restore": [cause_text(d, x, lang) for x in d.restore.differences],
        "conditions": conditions,
        "agreement": label(
            "agreement_text", lang, equal=d.equal, differing=len(d.indicators), abs=numbers.points(d.abs_delta_sum)
        ),
        "yearly": yearly(d, lang),
        "verified": verified(d, lang),
        "verified_heading": label("diff.verified_heading", lang, side=b_name),
        "inputs": [{"path": i.path, "sha256": i.sha256} for i in inputs],
        "identical": d.identical,
    }
