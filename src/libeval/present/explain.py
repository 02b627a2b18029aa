"""The whole trace of one indicator or group: what it read, from where, and why it scored so."""

from __future__ import annotations

from decimal import Decimal

from libeval.models import Judged, Linear, PerUnit, Tiers
from libeval.models.result import Result
from libeval.scoring.standard import POPULATION, Standard, at_variant
from libeval.text import numbers
from libeval.text.labels import label


def explain(std: Standard, result: Result, code: str, lang: str) -> list[str] | None:
    """The trace of one indicator or group as lines, or None when the standard has no such code."""
    info = std.nodes.get(code)
    if info is None:
        return None
    node = info.node
    name = (node.name_en or node.name) if lang == "en" else node.name
    lines = [f"{code} {name}"]
    prov = label(f"provenance.{info.provenance}", lang)
    if node.rule is None:
        g = result.groups[code]
        capped = f" ({label('capped', lang)})" if g.capped else ""
        lines.append(f"{label('score', lang)}: {numbers.points(g.score)}/{numbers.points(g.max)}{capped}")
        lines.append(f"{label('children', lang)}:")
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
        f"{label('rule', lang)}: {label('kind.' + rule.kind, lang)} · {label('max', lang)} "
        f"{numbers.points(node.max)} · {label('provenance', lang)}: {prov}"
    )
    if node.rationale:
        lines.append(f"  {node.rationale}")
    variant = result.variant
    if isinstance(rule, Tiers):
        lines.append(f"{label('bands', lang)}:")
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
            lines.append(f"  {sign} {numbers.value(at)} → {numbers.points(band.points)}{hit}")
    elif isinstance(rule, Linear):
        target = at_variant(rule.target, variant)
        lines.append(f"  target {numbers.value(target)} → {numbers.points(node.max)}")
    elif isinstance(rule, PerUnit):
        lines.append(f"  {numbers.points(rule.points)} / {numbers.value(rule.per)}")
    elif isinstance(rule, Judged):
        if rule.guidance:
            lines.append(f"  {rule.guidance}")
        for lv in rule.levels:
            lines.append(f"  {lv.name_en or lv.name if lang == 'en' else lv.name}: {numbers.points(lv.points)}")
    if ind.value_id:
        lines.append(f"{label('value', lang)}: {ind.value_id} = {numbers.value(ind.value, lang)}")
        lines.append(f"{label('rests_on', lang)}:")
        corrected = {c.fact: c for c in result.corrections}
        for fact_id in ind.facts:
            fname = std.name_of(fact_id, lang)
            if fact_id == POPULATION:
                lines.append(f"  {fact_id} {fname} = {numbers.value(result.population, lang)}")
                continue
            fact = result.fact(fact_id)
            shown = numbers.fact(fact.given, fact.given_years, lang, result.period) if fact is not None else "—"
            extra = []
            if fact is not None and fact.estimated:
                extra.append(label("estimated_mark", lang))
            if fact is not None and fact.source:
                extra.append(f"{label('source', lang)}: {fact.source}")
            tail = f"  ({'; '.join(extra)})" if extra else ""
            lines.append(f"  {fact_id} {fname} = {shown}{tail}")
            if fact_id in corrected:
                c = corrected[fact_id]
                lines.append(f"    {label('corrected', lang)}: {c.old} → {c.new} ({c.reason})")
    lines.append(f"{label('score', lang)}: {ind.explanation.get(lang)}")
    if ind.note:
        lines.append(f"{label('note', lang)}: {ind.note}")
    return lines
