"""The whole trace of one indicator or group: what it read, from where, and why it scored so."""

from __future__ import annotations

import re
from decimal import Decimal

from libeval.models import Judged, Linear, PerUnit, Tiers
from libeval.models.result import Result
from libeval.scoring.standard import POPULATION, Standard, at_variant
from libeval.text import numbers
from libeval.text.labels import bracketed, colon, label
from libeval.text.units import NONE

_CHINESE = re.compile(r"[\u4e00-\u9fff]")


def _readable(text: str, lang: str) -> bool:
    """A standard's note (rationale, guidance) has no English version: English output leaves a
    Chinese one out."""
    return lang == "zh" or not _CHINESE.search(text)


def explain(std: Standard, result: Result, code: str, lang: str) -> list[str] | None:
    """The trace of one indicator or group as lines, or None when the standard has no such code."""
    info = std.nodes.get(code)
    if info is None:
        return None
    node = info.node
    name = (node.name_en or node.name) if lang == "en" else node.name
    lines = [f"{code} {name}"]
    prov = label(f"provenance.{info.provenance}", lang)
    c = colon(lang)
    pts = "分" if lang == "zh" else "points"
    if node.rule is None:
        g = result.groups[code]
        capped = bracketed(label("capped", lang), lang) if g.capped else ""
        lines.append(f"{label('score', lang)}{c}{numbers.points(g.score)}/{numbers.points(g.max)}{capped}")
        lines.append(f"{label('children', lang)}{c.rstrip()}")
        for ch in g.children:
            child = result.indicator(ch) or result.groups.get(ch)
            if child is not None:
                lines.append(
                    f"  {ch} {child.name.get(lang)}  {numbers.points(child.score)}/{numbers.points(child.max)}"
                )
        return lines
    ind = result.indicator(code)
    rule = node.rule
    if ind is None or rule is None:  # every leaf of the standard has a result
        return None
    lines.append(
        f"{label('rule', lang)}{c}{label('kind.' + rule.kind, lang)} · {label('max', lang)} "
        f"{numbers.points(node.max)} · {label('provenance', lang)}{c}{prov}"
    )
    if node.rationale and _readable(node.rationale, lang):
        lines.append(f"  {node.rationale}")
    variant = result.variant
    unit = std.unit(rule.value) if not isinstance(rule, Judged) else NONE
    if isinstance(rule, Tiers):
        lines.append(f"{label('bands', lang)}{c.rstrip()}")
        sign = "≥" if rule.better == "higher" else "≤"
        marked = False
        for band in rule.bands:
            at = at_variant(band.at, variant)
            if at is None:
                continue
            reached = isinstance(ind.value, Decimal) and (
                ind.value >= at if rule.better == "higher" else ind.value <= at
            )
            hit = "  ←" if reached and not marked else ""
            marked = marked or reached
            lines.append(f"  {sign} {numbers.figure(at, unit, lang)} → {numbers.points(band.points)} {pts}{hit}")
    elif isinstance(rule, Linear):
        target = at_variant(rule.target, variant)
        goal = label("field.target", lang)
        lines.append(f"  {goal} {numbers.figure(target, unit, lang)} → {numbers.points(node.max)} {pts}")
    elif isinstance(rule, PerUnit):
        each = numbers.points(rule.points)
        if lang == "zh":
            lines.append(f"  {numbers.each(rule.per, unit)}计 {each} 分")
        else:
            lines.append(f"  {each} points per {numbers.figure(rule.per, unit, lang)}")
    elif isinstance(rule, Judged):
        if rule.guidance and _readable(rule.guidance, lang):
            lines.append(f"  {rule.guidance}")
        for lv in rule.levels:
            level = lv.name_en or lv.name if lang == "en" else lv.name
            lines.append(f"  {level}{c}{numbers.points(lv.points)} {pts}")
    if ind.value_id:
        shown = numbers.figure(ind.value, unit, lang)
        lines.append(f"{label('value', lang)}{c}{ind.value_id} = {shown}")
        lines.append(f"{label('rests_on', lang)}{c.rstrip()}")
        corrected = {c.fact: c for c in result.corrections}
        for fact_id in ind.facts:
            fname = std.name_of(fact_id, lang)
            if fact_id == POPULATION:
                people = numbers.figure(result.population, std.unit(POPULATION), lang)
                lines.append(f"  {fact_id} {fname} = {people}")
                continue
            fact = result.fact(fact_id)
            shown = numbers.fact(fact.given, fact.given_years, lang, result.period) if fact is not None else "—"
            extra = []
            if fact is not None and fact.estimated:
                extra.append(label("estimated_mark", lang))
            if fact is not None and fact.source:
                extra.append(f"{label('source', lang)}{c}{fact.source}")
            tail = bracketed(("；" if lang == "zh" else "; ").join(extra), lang) if extra else ""
            given_unit = fact.unit.get(lang) if fact is not None else ""
            fname += bracketed(given_unit, lang) if given_unit and given_unit != "%" else ""
            lines.append(f"  {fact_id} {fname} = {shown}{tail}")
            if fact_id in corrected:
                corr = corrected[fact_id]
                old, new = corr.shown(lang)
                lines.append(f"    {label('corrected', lang)}{c}{old} → {new}{bracketed(corr.reason, lang)}")
    lines.append(f"{label('score', lang)}{c}{ind.explanation.get(lang)}")
    if ind.note:
        lines.append(f"{label('note', lang)}{c}{ind.note}")
    return lines
