"""One scorer per rule kind, registered by kind.

Each scorer gets the indicator, its rule and a `Context` (the library's values and variant),
and returns an `Outcome`: points, status and a one-line explanation in both languages. The
explanation is built only when it is read (a national batch reads none of them).

- tiers: bands on a value; the highest band reached wins; below the lowest band, 0.
  `年文献外借量（年均）8.4 万册次 ≥ 8 万册次，得 24 分（满分 30）` /
  `Items lent per year (yearly mean) 84,000 items ≥ 80,000 items → 24/30`
- linear: max x value / target, capped at max. `… 0.0089 册/人，目标 0.02 册/人，按比例得 4.45 分（满分 10）`
- per_unit: `points` for every `per` units, capped at max. `… 25 个 × 1 分 = 25 分，封顶，得 20 分（满分 20）`
- boolean: full points (or `points`) when the fact is yes. `门户网站：是，得 10 分（满分 10）`
- judged: the assessor's award, or a named level's points. `专家评定 9 分（满分 10）`,
  `专家评定为“好”，得 8 分（满分 10）` (`自评` in a self-assessment)

Numbers follow the running-text rules of text/numbers.py (3 significant figures, 万, ㎡, `2.1%`).

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
    assessor: str = "self"  # who judges: `自评` in a self-assessment, else `专家评定`


@dataclass(frozen=True)
class Outcome:
    score: Decimal
    status: Status
    explain: Explain
    value: Val = None
    level: str | None = None


def _of(score: Decimal, node: Node) -> str:
    return f"{numbers.points(score)}/{numbers.points(node.max)}"


def _got(score: Decimal, node: Node) -> str:
    """`得 24 分（满分 30）`."""
    return f"得 {numbers.points(score)} 分（满分 {numbers.points(node.max)}）"


def _spaced(subject: str, rest: str) -> str:
    """A name and its value: no space after a full-width mark (`（年均）5.8 万册次`)."""
    return f"{subject}{rest}" if subject.endswith(("）", "：")) else f"{subject} {rest}"


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
                f"缺少数据：{zh}（{missing}），{_got(ZERO, node)}", f"not given: {en} ({missing}) → {_of(ZERO, node)}"
            )

        return None, Outcome(ZERO, "missing", missing_text)
    except ZeroDivision:

        def undefined_text() -> Bilingual:
            zh, en = _names(ctx, name)
            return Bilingual(
                f"无法计算{zh}（除以零），{_got(ZERO, node)}",
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
            f"本指标不适用于{zh}，按满分计 {numbers.points(node.max)} 分",
            f"does not apply to {en} libraries → counted at full marks {_of(node.max, node)}",
        )

    return Outcome(node.max, "not_applicable", explain)


def _number(value: Decimal | bool | None) -> Decimal:
    if isinstance(value, bool) or value is None:
        return Decimal(int(bool(value)))
    return value


def _shown(ctx: Context, name: str, value: Decimal, bound: Decimal | None = None) -> tuple[str, str, str, str]:
    """A value and a bound (a band, a target) with their unit, in Chinese and in English, at one
    rounding step (text/numbers.py): (value zh, value en, bound zh, bound en)."""
    unit = ctx.values.std.unit(name)
    if bound is None:
        return numbers.amount(value, unit, "zh"), numbers.amount(value, unit, "en"), "—", "—"
    vz, bz, _ = numbers.shown_pair(value, bound, unit, "zh")
    ve, be, _ = numbers.shown_pair(value, bound, unit, "en")
    return vz, ve, bz, be


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
                (zh, en), (vz, ve, bz, be) = _names(ctx, rule.value), _shown(ctx, rule.value, value, at)
                sign = "≥" if higher else "≤"
                return Bilingual(
                    f"{_spaced(zh, vz)} {sign} {bz}，{_got(pts, node)}", f"{en} {ve} {sign} {be} → {_of(pts, node)}"
                )

            return Outcome(pts, "scored", reached, value)

    def below() -> Bilingual:
        (zh, en), (vz, ve, bz, be) = _names(ctx, rule.value), _shown(ctx, rule.value, value, lowest)
        return Bilingual(
            f"{_spaced(zh, vz)}，{'低于' if higher else '高于'}最低档 {bz}，{_got(ZERO, node)}",
            f"{en} {ve}, {'below' if higher else 'above'} the lowest band {be} → {_of(ZERO, node)}",
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
                f"{zh}：目标值为 0，{_got(node.max, node)}",
                f"{en}: the target is 0 → {_of(node.max, node)}",
            )

        return Outcome(node.max, "scored", zero_target, value)
    pts = _computed(node.max * value / target, node, ctx)

    def explain() -> Bilingual:
        (zh, en), (vz, ve, tz, te) = _names(ctx, rule.value), _shown(ctx, rule.value, value, target)
        return Bilingual(
            f"{_spaced(zh, vz)}，目标 {tz}，按比例{_got(pts, node)}",
            f"{en} {ve} / {te} (target) → {_of(pts, node)}",
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
        (zh, en), (vz, ve, _, _) = _names(ctx, rule.value), _shown(ctx, rule.value, value)
        unit = ctx.values.std.unit(rule.value)
        each, total = numbers.points(rule.points), numbers.points(earned)
        if rule.per == 1:
            how_zh, how_en = f" × {each} 分", f" × {each}"
        else:
            how_zh = f"，{numbers.each(rule.per, unit)}计 {each} 分"
            how_en = f"/{numbers.value(rule.per)} × {each}"
        capped = earned > node.max
        rounded = not capped and pts != earned
        tail_zh = f" = {total} 分，封顶" if capped else f" = {total} 分，四舍五入" if rounded else ""
        tail_en = f" = {total}, capped at {numbers.points(node.max)}" if capped else f" = {total}, rounded"
        if not capped and not rounded:
            tail_en = f" = {total}"
        if tail_zh and rule.per != 1:
            tail_zh = "，计" + tail_zh.removeprefix(" =")
        return Bilingual(
            f"{_spaced(zh, vz)}{how_zh}{tail_zh}，{_got(pts, node)}",
            f"{en} {ve}{how_en}{tail_en} → {_of(pts, node)}",
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
            f"{zh}：{numbers.value(yes, 'zh')}，{_got(pts, node)}",
            f"{en}: {numbers.value(yes, 'en')} → {_of(pts, node)}",
        )

    return Outcome(pts, "scored", explain, yes)


def score_judged(node: Node, rule: Judged, ctx: Context) -> Outcome:
    award = ctx.award
    self_assessed = ctx.assessor == "self"
    who_zh = "自评" if self_assessed else "专家评定"
    who_en = "self-assessed" if self_assessed else "judged by the experts"
    if award is None or (award.points is None and award.level is None):
        return Outcome(
            ZERO,
            "not_judged",
            lambda: Bilingual(
                f"{'未自评' if self_assessed else '专家未评定'}，{_got(ZERO, node)}",
                f"not {who_en} → {_of(ZERO, node)}",
            ),
        )
    if award.level is not None:
        level = next(lv for lv in rule.levels if lv.name == award.level)
        return Outcome(
            level.points,
            "scored",
            lambda: Bilingual(
                f"{who_zh}为“{level.name}”，{_got(level.points, node)}",
                f"{who_en}: {level.name_en or level.name} → {_of(level.points, node)}",
            ),
            level=level.name,
        )
    pts = award.points if award.points is not None else ZERO
    return Outcome(
        pts,
        "scored",
        lambda: Bilingual(
            f"{who_zh} {numbers.points(pts)} 分（满分 {numbers.points(node.max)}）",
            f"{who_en} → {_of(pts, node)}",
        ),
    )


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
