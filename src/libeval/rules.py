"""One scorer per rule kind, registered by kind.

Each scorer gets the indicator, its rule and a `Context` (the library's values and variant),
and returns an `Outcome`: points, status and a one-line explanation in both languages.

- tiers: bands on a value; the highest band reached wins; below the lowest band, 0.
  `value 84,000 ≥ 80,000 → 24/30`
- linear: max x value / target, capped at max, rounded to the standard's precision.
  `0.0089 / 0.02 → 4.45/10`
- per_unit: `points` for every `per` units, capped at max. `25 × 1 = 25, capped → 20/20`
- boolean: full points (or `points`) when the fact is yes. `yes → 10/10`
- judged: the assessor's award, or a named level's points. `好 → 8/10`
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from libeval import numbers as fmt
from libeval.formula import MissingValue, ZeroDivision
from libeval.models import Award, Boolean, Judged, Linear, Node, PerUnit, Tiers
from libeval.models.result import Status, Text2, Val
from libeval.standard import at_variant
from libeval.values import Values

ZERO = Decimal(0)


@dataclass(frozen=True)
class Context:
    values: Values
    variant: str
    precision: int
    award: Award | None


@dataclass(frozen=True)
class Outcome:
    score: Decimal
    status: Status
    explanation: Text2
    value: Val = None
    level: str | None = None


def _of(score: Decimal, node: Node) -> str:
    return f"{fmt.points(score)}/{fmt.points(node.max)}"


def _read(node: Node, name: str, ctx: Context) -> tuple[Decimal | bool | None, Outcome | None]:
    """The value a rule reads, or the outcome when it cannot be had."""
    try:
        return ctx.values.get(name), None
    except MissingValue as exc:
        missing = exc.name or name
        zh = f"缺少数据：{ctx.values.label(missing, 'zh')}（{missing}）→ {_of(ZERO, node)}"
        en = f"not given: {ctx.values.label(missing, 'en')} ({missing}) → {_of(ZERO, node)}"
        return None, Outcome(ZERO, "missing", Text2(zh, en))
    except ZeroDivision:
        zh = f"无法计算 {ctx.values.label(name, 'zh')}：除以零 → {_of(ZERO, node)}"
        en = f"cannot compute {ctx.values.label(name, 'en')}: division by zero → {_of(ZERO, node)}"
        return None, Outcome(ZERO, "undefined", Text2(zh, en))


def _number(value: Decimal | bool | None) -> Decimal:
    if isinstance(value, bool) or value is None:
        return Decimal(int(bool(value)))
    return value


def _unit(ctx: Context, name: str, lang: str) -> str:
    unit = ctx.values.std.unit_of(name, lang)
    return f" {unit}" if unit else ""


def score_tiers(node: Node, rule: Tiers, ctx: Context) -> Outcome:
    raw, failed = _read(node, rule.value, ctx)
    if failed:
        return failed
    value = _number(raw)
    higher = rule.better == "higher"
    zh_name, en_name = ctx.values.label(rule.value, "zh"), ctx.values.label(rule.value, "en")
    shown_zh = fmt.value(value) + _unit(ctx, rule.value, "zh")
    shown_en = fmt.value(value) + _unit(ctx, rule.value, "en")
    lowest: Decimal | None = None
    for band in rule.bands:
        at = at_variant(band.at, ctx.variant)
        if at is None:
            continue
        lowest = at
        if (value >= at) if higher else (value <= at):
            sign = "≥" if higher else "≤"
            pts = min(band.points, node.max)
            tail = f"{sign} {fmt.value(at)} → {_of(pts, node)}"
            return Outcome(pts, "scored", Text2(f"{zh_name} {shown_zh} {tail}", f"{en_name} {shown_en} {tail}"), value)
    sign = "<" if higher else ">"
    bound = fmt.value(lowest) if lowest is not None else "—"
    zh = f"{zh_name} {shown_zh} {sign} {bound}（最低档）→ {_of(ZERO, node)}"
    en = f"{en_name} {shown_en} {sign} {bound} (lowest band) → {_of(ZERO, node)}"
    return Outcome(ZERO, "scored", Text2(zh, en), value)


def score_linear(node: Node, rule: Linear, ctx: Context) -> Outcome:
    raw, failed = _read(node, rule.value, ctx)
    if failed:
        return failed
    value = _number(raw)
    target = at_variant(rule.target, ctx.variant)
    zh_name, en_name = ctx.values.label(rule.value, "zh"), ctx.values.label(rule.value, "en")
    if target is None or target == 0:
        return Outcome(
            node.max,
            "scored",
            Text2(
                f"{zh_name}：本类无目标值 → {_of(node.max, node)}",
                f"{en_name}: no target for this variant → {_of(node.max, node)}",
            ),
            value,
        )
    pts = fmt.round_points(min(node.max, max(ZERO, node.max * value / target)), ctx.precision)
    tail_zh = f"{fmt.value(value)}{_unit(ctx, rule.value, 'zh')} / {fmt.value(target)}"
    tail_en = f"{fmt.value(value)}{_unit(ctx, rule.value, 'en')} / {fmt.value(target)}"
    return Outcome(
        pts,
        "scored",
        Text2(f"{zh_name} {tail_zh}（目标）→ {_of(pts, node)}", f"{en_name} {tail_en} (target) → {_of(pts, node)}"),
        value,
    )


def score_per_unit(node: Node, rule: PerUnit, ctx: Context) -> Outcome:
    raw, failed = _read(node, rule.value, ctx)
    if failed:
        return failed
    value = _number(raw)
    units = (value / rule.per).to_integral_value(rounding="ROUND_FLOOR") if value > 0 else ZERO
    earned = units * rule.points
    pts = min(earned, node.max)
    zh_name, en_name = ctx.values.label(rule.value, "zh"), ctx.values.label(rule.value, "en")
    per = "" if rule.per == 1 else f"/{fmt.value(rule.per)}"
    head_zh = f"{fmt.value(value)}{_unit(ctx, rule.value, 'zh')}{per} × {fmt.points(rule.points)}"
    head_en = f"{fmt.value(value)}{_unit(ctx, rule.value, 'en')}{per} × {fmt.points(rule.points)}"
    capped_zh = f"，封顶 {fmt.points(node.max)}" if earned > node.max else ""
    capped_en = f", capped at {fmt.points(node.max)}" if earned > node.max else ""
    return Outcome(
        pts,
        "scored",
        Text2(
            f"{zh_name} {head_zh} = {fmt.points(earned)}{capped_zh} → {_of(pts, node)}",
            f"{en_name} {head_en} = {fmt.points(earned)}{capped_en} → {_of(pts, node)}",
        ),
        value,
    )


def score_boolean(node: Node, rule: Boolean, ctx: Context) -> Outcome:
    raw, failed = _read(node, rule.value, ctx)
    if failed:
        return failed
    yes = bool(raw)
    full = rule.points if rule.points is not None else node.max
    pts = full if yes else ZERO
    zh_name, en_name = ctx.values.label(rule.value, "zh"), ctx.values.label(rule.value, "en")
    return Outcome(
        pts,
        "scored",
        Text2(
            f"{zh_name}：{fmt.value(yes, 'zh')} → {_of(pts, node)}",
            f"{en_name}: {fmt.value(yes, 'en')} → {_of(pts, node)}",
        ),
        yes,
    )


def score_judged(node: Node, rule: Judged, ctx: Context) -> Outcome:
    award = ctx.award
    if award is None or (award.points is None and award.level is None):
        return Outcome(
            ZERO,
            "not_judged",
            Text2(f"评估者未评分 → {_of(ZERO, node)}", f"not judged by the assessor → {_of(ZERO, node)}"),
        )
    if award.level is not None:
        level = next(lv for lv in rule.levels if lv.name == award.level)
        pts = level.points
        return Outcome(
            pts,
            "scored",
            Text2(
                f"评定：{level.name} → {_of(pts, node)}", f"judged: {level.name_en or level.name} → {_of(pts, node)}"
            ),
            level=level.name,
        )
    pts = award.points if award.points is not None else ZERO
    return Outcome(pts, "scored", Text2(f"评定 → {_of(pts, node)}", f"judged → {_of(pts, node)}"))


Scorer = Callable[[Node, Any, Context], Outcome]

SCORERS: dict[str, Scorer] = {
    "tiers": score_tiers,
    "linear": score_linear,
    "per_unit": score_per_unit,
    "boolean": score_boolean,
    "judged": score_judged,
}


def score_rule(node: Node, ctx: Context) -> Outcome:
    if node.rule is None:
        raise ValueError(f"{node.code} is a group, not an indicator")
    return SCORERS[node.rule.kind](node, node.rule, ctx)
