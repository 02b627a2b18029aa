"""The appendix of the library report, the expert's view: every indicator with its bands and
the next band, estimated/corrected and provenance badges and the evidence of the facts it reads
(beside the self-assessment's points in a review); the grade conditions that apply to the
library; every fact with the value the score uses, its unit, source and evidence. Pure.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from libeval.load import paths
from libeval.models.result import FactResult, IndicatorResult, Result
from libeval.text import numbers
from libeval.text.labels import label
from libeval.text.units import Unit, with_unit


def safe_href(ref: str) -> str | None:
    """An evidence link that is safe to put in href (load/paths.py): http(s) URLs, and paths inside
    the library folder normalised (`records\\building.pdf` links `records/building.pdf`); anything
    else (javascript:, data:, file:, absolute, network or `..` paths) is None."""
    return paths.href(ref)


def evidence(f: FactResult) -> list[dict[str, Any]]:
    """A fact's evidence: its references (linked when safe), else the source it names."""
    refs = [{"text": ref, "href": safe_href(ref)} for ref in f.evidence]
    if not refs and f.source:
        refs = [{"text": f.source, "href": None}]
    return refs


def _bound(at: Decimal, u: Unit, lang: str) -> str:
    """A band's bound in the unit the value is shown in (0.5 千册次 -> 500), `%` kept."""
    text = numbers.value(u.scale(at, lang), lang)
    return text + "%" if u.percent else text


def bands(r: Result, i: IndicatorResult, lang: str) -> tuple[str, str]:
    """The indicator's bands (`≥ 800：6 分；≥ 1,000：12 分`) and the next band up (`≥ 1,000 ㎡
    得 12 分`), or for a linear rule its target; empty for other rules."""
    u = i.unit  # a fact's or a derived value's (持证读者占服务人口比例: %)
    if i.bands:
        op = "≥" if i.better == "higher" else "≤"
        ordered = sorted(i.bands, key=lambda b: b[1])
        sep = "；" if lang == "zh" else "; "
        text = sep.join(
            label("rp_band_pts", lang, op=op, value=_bound(at, u, lang), points=numbers.points(pts))
            for at, pts in ordered
        )
        above = [b for b in ordered if b[1] > i.score]
        if not above:
            return text, label("rp_top_band", lang)
        at, pts = above[0]
        nxt = label(
            "rp_next_band_text",
            lang,
            op=op,
            value=numbers.figure(at, u, lang),
            points=numbers.points(pts),
        )
        return text, nxt
    if i.target is not None:
        return label("rp_linear", lang, target=numbers.figure(i.target, u, lang)), ""
    if i.kind == "judged":
        return label("rp_judged_range", lang, max=numbers.points(i.max)), ""
    return "", ""


def indicator_rows(r: Result, lang: str, other: Result | None) -> list[dict[str, Any]]:
    """The whole tree in order: groups, then indicators with everything an expert checks."""
    by_code = {i.code: i for i in r.indicators}
    facts = {f.id: f for f in r.facts}
    rows: list[dict[str, Any]] = []

    def compare(code: str, score: Decimal) -> dict[str, str]:
        if other is None:
            return {"other": "", "diff": ""}
        theirs = other.points(code)
        diff = score - theirs
        return {
            "other": numbers.points(theirs),
            "diff": "" if diff == 0 else ("+" if diff > 0 else "−") + numbers.points(abs(diff)),
        }

    def walk(code: str) -> None:
        i = by_code.get(code)
        if i is not None:
            read = [facts[f] for f in i.facts if f in facts]
            band_text, next_band = bands(r, i, lang)
            refs: list[dict[str, Any]] = []
            for f in read:
                refs += [e for e in evidence(f) if e not in refs]
            rows.append(
                {
                    "code": i.code,
                    "name": i.name.get(lang),
                    "depth": i.depth,
                    "is_group": False,
                    "score": numbers.points(i.score),
                    "max": numbers.points(i.max),
                    "status": i.status,
                    "badge": "" if i.status == "scored" else label("status." + i.status, lang),
                    "kind": i.kind,
                    "explanation": i.explanation.get(lang),
                    "bands": band_text,
                    "next_band": next_band,
                    "estimated": any(f.estimated and not f.corrected for f in read),
                    "corrected": any(f.corrected for f in read),
                    "provenance": i.provenance,
                    "note": i.note or "",
                    "evidence": refs,
                    **compare(code, i.score),
                }
            )
            return
        g = r.groups[code]
        rows.append(
            {
                "code": code,
                "name": g.name.get(lang),
                "depth": g.depth,
                "is_group": True,
                "score": numbers.points(g.score),
                "max": numbers.points(g.max),
                "capped": g.capped,
                **compare(code, g.score),
            }
        )
        for child in g.children:
            walk(child)

    for top in [*(p.code for p in r.parts), *([r.bonus_part.code] if r.bonus_part else [])]:
        walk(top)
    return rows


def grades(r: Result, lang: str) -> list[dict[str, Any]]:
    """Every grade with the conditions that apply to the library's variant (a condition that
    does not apply is left out), each marked official or reconstructed."""
    return [
        {
            "name": g.name.get(lang),
            "min_score": numbers.points(g.min_score) if g.min_score is not None else "—",
            "achieved": g.achieved,
            "head": label(
                "rp_grade_head",
                lang,
                grade=g.name.get(lang),
                min=numbers.points(g.min_score) if g.min_score is not None else "—",
                state=label("rp_met" if g.achieved else "rp_not_met", lang),
            ),
            "conditions": [
                {
                    "name": c.name.get(lang),
                    "met": c.met,
                    "explanation": c.explanation.get(lang),
                    "provenance": c.provenance,
                }
                for c in g.conditions
                if c.met is not None
            ],
        }
        for g in r.grades
    ]


def _scaled(v: Decimal | bool | None, u: Unit, lang: str) -> Decimal | bool | None:
    return u.scale(v, lang) if isinstance(v, Decimal) else v


def fact_rows(r: Result, lang: str) -> list[dict[str, Any]]:
    """Every fact: as the library gives it (with its unit), corrected (with its unit, marked
    corrected, not estimated), the value the score uses (the mean of the years where the
    standard says so), the library's own source and note, and the evidence."""
    corrections = {c.fact: c for c in r.corrections}
    out = []
    for f in r.facts:
        u = f.unit.get(lang)
        given = numbers.fact(f.given, f.given_years, lang, r.period)
        if lang == "en" and f.unit.large:  # 5 万元 in English: 50,000 yuan, not `5 10,000 yuan`
            u = f.unit.shown(lang)
            years = {y: _scaled(v, f.unit, lang) for y, v in f.given_years.items()} if f.given_years else None
            given = numbers.fact(_scaled(f.given, f.unit, lang), years, lang, r.period)
        c = corrections.get(f.id)
        used = "—"
        if f.value is not None:  # in the unit the explanations use (5,125 册次, 55,000 yuan)
            used = with_unit(numbers.value(_scaled(f.value, f.unit, lang), lang), f.unit.shown(lang), lang)
        if f.given_years:  # 年文献外借量（年均）46,000 册次: the mean, named as the body names it
            name = f.label.get(lang)
            used = f"{name}{'' if name.endswith('）') else ' '}{used}"
        out.append(
            {
                "id": f.id,
                "name": f.name.get(lang),
                "unit": u,
                "given": with_unit(given, u, lang) if given != "—" else given,
                "corrected": with_unit(c.after_in(lang), u, lang) if c else None,
                "used": used,
                "per_year": bool(f.given_years),
                "estimated": f.estimated and not f.corrected,
                "is_corrected": f.corrected,
                "source": f.source or "",
                "note": f.note or "",
                "evidence": [{"text": ref, "href": safe_href(ref)} for ref in f.evidence],
            }
        )
    return out
