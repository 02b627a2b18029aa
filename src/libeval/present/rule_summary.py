"""One-line summaries of rules, for `criteria show` and the scaffold."""

from __future__ import annotations

from typing import Any

from libeval.models import Boolean, Judged, Linear, Node, PerUnit, Tiers
from libeval.scoring.standard import Standard
from libeval.text import numbers as fmt


def _num(v: Any) -> str:
    if isinstance(v, dict):
        return "/".join(fmt.value(x) if x is not None else "—" for x in v.values())
    return fmt.value(v)


def rule_summary(node: Node, std: Standard, lang: str) -> str:
    rule = node.rule
    if isinstance(rule, Judged):
        levels = " ".join(f"{lv.name}{fmt.points(lv.points)}" for lv in rule.levels)
        return ("评定" if lang == "zh" else "judged") + (f" {levels}" if levels else "")
    if rule is None:
        return ""
    name = rule.value
    if isinstance(rule, Tiers):
        sign = "≥" if rule.better == "higher" else "≤"
        bands = ", ".join(f"{sign}{_num(b.at)}→{fmt.points(b.points)}" for b in rule.bands)
        return f"{name}: {bands}"
    if isinstance(rule, Linear):
        return f"{name} / {_num(rule.target)} × {fmt.points(node.max)}"
    if isinstance(rule, PerUnit):
        per = "" if rule.per == 1 else f"/{fmt.value(rule.per)}"
        return f"{name}{per} × {fmt.points(rule.points)}"
    if isinstance(rule, Boolean):
        return f"{name}? {fmt.points(rule.points if rule.points is not None else node.max)}"
    return ""  # pragma: no cover
