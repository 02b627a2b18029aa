"""One scorer per rule kind, registered by kind.

Each scorer gets the indicator, its rule and a `Context` (the library's values and variant),
and returns an `Outcome`: points, status and a one-line explanation in both languages. The
explanation is built only when it is read (a national batch reads none of them).

- tiers: bands on a value; the highest band reached wins; below the lowest band, 0.
  `value 84,000 ≥ 80,000 → 24/30`
- linear: max x value / target, capped at max. `0.0089 / 0.02 → 4.45/10`
- per_unit: `points` for every `per` units, capped at max. `25 × 1 = 25, capped → 20/20`
- boolean: full points (or `points`) when the fact is yes. `yes → 10/10`
- judged: the assessor's award, or a named level's points. `好 → 8/10`

One meaning everywhere (docs/semantics.md): a per-variant `null` means "does not apply to that
variant". A tiers band whose threshold is null is skipped; a rule with no number at all for the
library's variant (a null linear target, every band null) does not apply: `not_applicable` at
full marks, before its value is read. Computed points (linear, per_unit) are rounded half-up to
the standard's `precision` and never exceed max; the standard's and the assessor's own numbers
(band, level and boolean points, a judged award) are used as written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from libeval.models import Award, Boolean, Judged, Linear, Node, PerUnit, Tiers
from libeval.models.result import Status, Val
from libeval.scoring.formula import MissingValue, ZeroDivision
from libeval.scoring.standard import at_variant
from libeval.scoring.values import Values
from libeval.text import numbers
from libeval.text.bilingual import Bilingual

ZERO = Decimal(0)
Explain = Callable[[], Bilingual]


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
    explain: Explain
    value: Val = None
    level: str | None = None


def _of(score: Decimal, node: Node) -> str:
    return f"{numbers.points(score)}/{numbers.points(node.max)}"


def _names(ctx: Context, name: str) -> tuple[str, str]:
    return ctx.values.label(name, "zh"), ctx.values.label(name, "en")


def _read(node: Node, name: str, ctx: Context) -> tuple[Decimal | bool | None, Outcome | None]:
    """The value a rule reads, or the outcome when it cannot be had."""
    try:
        return ctx.values.get(name), None
    except MissingValue as exc:
        missing = exc.name or name

        def missing_text() -> Bilingual:
            zh, en = _names(ctx, missing)
            return Bilingual(
                f"缺少数据：{zh}（{missing}）→ {_of(ZERO, node)}", f"not given: {en} ({missing}) → {_of(ZERO, node)}"
            )

        return None, Outcome(ZERO, "missing", missing_text)
    except ZeroDivision:

        def undefined_text() -> Bilingual:
            zh, en = _names(ctx, name)
            return Bilingual(
                f"无法计算 {zh}：除以零 → {_of(ZERO, node)}",
                f"cannot compute {en}: division by zero → {_of(ZERO, node)}",
            )

        return None, Outcome(ZERO, "undefined", undefined_text)


def _computed(points: Decimal, node: Node, ctx: Context) -> Decimal:
    """Computed points: at least 0, rounded half-up to the standard's precision, at most max."""
    if points >= node.max:
        return node.max
    return min(node.max, numbers.round_points(max(ZERO, points), ctx.precision))


def _does_not_apply(node: Node, ctx: Context) -> Outcome:
    """A rule with no number for the library's variant: the requirement does not apply."""
    name = ctx.values.std.variant_label(ctx.variant)  # 西部, or as the standard names its variants
    zh, en = name.get("zh"), name.get("en")

    def explain() -> Bilingual:
        return Bilingual(
            f"本指标不适用于{zh}图书馆 → 按满分计 {_of(node.max, node)}",
            f"does not apply to {en} libraries → counted at full marks {_of(node.max, node)}",
        )

    return Outcome(node.max, "not_applicable", explain)


def _number(value: Decimal | bool | None) -> Decimal:
    if isinstance(value, bool) or value is None:
        return Decimal(int(bool(value)))
    return value


def _shown(ctx: Context, name: str, value: Decimal) -> tuple[str, str]:
    """A value with its unit, in Chinese and in English."""
    std = ctx.values.std
    zh, en = std.unit_of(name, "zh"), std.unit_of(name, "en")
    number = numbers.value(value)
    return (f"{number} {zh}" if zh else number), (f"{number} {en}" if en else number)


def score_tiers(node: Node, rule: Tiers, ctx: Context) -> Outcome:
    if all(at_variant(band.at, ctx.variant) is None for band in rule.bands):
        return _does_not_apply(node, ctx)
    raw, failed = _read(node, rule.value, ctx)
    if failed:
        return failed
    value = _number(raw)
    higher = rule.better == "higher"
    lowest: Decimal | None = None
    for band in rule.bands:
        at = at_variant(band.at, ctx.variant)
        if at is None:
            continue
        lowest = at
        if (value >= at) if higher else (value <= at):
            pts = min(band.points, node.max)

            def reached(at: Decimal = at, pts: Decimal = pts) -> Bilingual:
                (zh, en), (vz, ve) = _names(ctx, rule.value), _shown(ctx, rule.value, value)
                tail = f"{'≥' if higher else '≤'} {numbers.value(at)} → {_of(pts, node)}"
                return Bilingual(f"{zh} {vz} {tail}", f"{en} {ve} {tail}")

            return Outcome(pts, "scored", reached, value)

    def below() -> Bilingual:
        (zh, en), (vz, ve) = _names(ctx, rule.value), _shown(ctx, rule.value, value)
        sign = "<" if higher else ">"
        bound = numbers.value(lowest) if lowest is not None else "—"
        return Bilingual(
            f"{zh} {vz} {sign} {bound}（最低档）→ {_of(ZERO, node)}",
            f"{en} {ve} {sign} {bound} (lowest band) → {_of(ZERO, node)}",
        )

    return Outcome(ZERO, "scored", below, value)


def score_linear(node: Node, rule: Linear, ctx: Context) -> Outcome:
    target = at_variant(rule.target, ctx.variant)
    if target is None:
        return _does_not_apply(node, ctx)
    raw, failed = _read(node, rule.value, ctx)
    if failed:
        return failed
    value = _number(raw)
    if target == 0:  # every value reaches a target of 0

        def zero_target() -> Bilingual:
            zh, en = _names(ctx, rule.value)
            return Bilingual(
                f"{zh}：目标值为 0 → {_of(node.max, node)}",
                f"{en}: the target is 0 → {_of(node.max, node)}",
            )

        return Outcome(node.max, "scored", zero_target, value)
    pts = _computed(node.max * value / target, node, ctx)

    def explain() -> Bilingual:
        (zh, en), (vz, ve) = _names(ctx, rule.value), _shown(ctx, rule.value, value)
        return Bilingual(
            f"{zh} {vz} / {numbers.value(target)}（目标）→ {_of(pts, node)}",
            f"{en} {ve} / {numbers.value(target)} (target) → {_of(pts, node)}",
        )

    return Outcome(pts, "scored", explain, value)


def score_per_unit(node: Node, rule: PerUnit, ctx: Context) -> Outcome:
    raw, failed = _read(node, rule.value, ctx)
    if failed:
        return failed
    value = _number(raw)
    units = (value / rule.per).to_integral_value(rounding="ROUND_FLOOR") if value > 0 else ZERO
    earned = units * rule.points
    pts = _computed(earned, node, ctx)

    def explain() -> Bilingual:
        (zh, en), (vz, ve) = _names(ctx, rule.value), _shown(ctx, rule.value, value)
        per = "" if rule.per == 1 else f"/{numbers.value(rule.per)}"
        times = f"{per} × {numbers.points(rule.points)} = {numbers.points(earned)}"
        capped = earned > node.max
        rounded = not capped and pts != earned
        tail_zh = f"，封顶 {numbers.points(node.max)}" if capped else "，四舍五入" if rounded else ""
        tail_en = f", capped at {numbers.points(node.max)}" if capped else ", rounded" if rounded else ""
        return Bilingual(
            f"{zh} {vz}{times}{tail_zh} → {_of(pts, node)}", f"{en} {ve}{times}{tail_en} → {_of(pts, node)}"
        )

    return Outcome(pts, "scored", explain, value)


def score_boolean(node: Node, rule: Boolean, ctx: Context) -> Outcome:
    raw, failed = _read(node, rule.value, ctx)
    if failed:
        return failed
    yes = bool(raw)
    full = rule.points if rule.points is not None else node.max
    pts = full if yes else ZERO

    def explain() -> Bilingual:
        zh, en = _names(ctx, rule.value)
        return Bilingual(
            f"{zh}：{numbers.value(yes, 'zh')} → {_of(pts, node)}",
            f"{en}: {numbers.value(yes, 'en')} → {_of(pts, node)}",
        )

    return Outcome(pts, "scored", explain, yes)


def score_judged(node: Node, rule: Judged, ctx: Context) -> Outcome:
    award = ctx.award
    if award is None or (award.points is None and award.level is None):
        return Outcome(
            ZERO,
            "not_judged",
            lambda: Bilingual(f"评估者未评分 → {_of(ZERO, node)}", f"not judged by the assessor → {_of(ZERO, node)}"),
        )
    if award.level is not None:
        level = next(lv for lv in rule.levels if lv.name == award.level)
        return Outcome(
            level.points,
            "scored",
            lambda: Bilingual(
                f"评定：{level.name} → {_of(level.points, node)}",
                f"judged: {level.name_en or level.name} → {_of(level.points, node)}",
            ),
            level=level.name,
        )
    pts = award.points if award.points is not None else ZERO
    return Outcome(pts, "scored", lambda: Bilingual(f"评定 → {_of(pts, node)}", f"judged → {_of(pts, node)}"))


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
