"""How complete a result is: what it rests on that the library has not given yet. Pure.

- Facts counted (`facts_total`): those read by an indicator that applies to the library (not
  marked not applicable by the assessor, not without a number for its variant), directly or
  through derived values, and those read by a grade condition that applies to its variant; the
  service population counts as one of them when something reads it. `facts_given`: of these,
  the ones given (after the assessor's corrections); `facts_estimated`: of those, the ones
  marked `estimated`; `facts_partial`: of those, the per-year facts lacking some years of the
  evaluation period (scored over the years given, as docs/semantics.md says).
- Judged indicators counted (`judged_total`): those that apply to the library;
  `judged_awarded`: of these, the ones the assessment awards points or a level.
- `points_missing_facts`: the sum of the maxima of the indicators scored 0 because a fact is
  not given (status `missing`); `points_not_judged`: the sum of the maxima of the judged
  indicators not awarded (status `not_judged`). Maxima, not what a capped group would let
  through: the points at stake, as the standard writes them.
- Complete: every counted fact given, each per-year one for every year of the period, and every
  counted judged indicator awarded. Estimated facts do not make a result incomplete (they are
  shown as estimates).

`to_fill` lists each missing fact and each judged indicator not awarded with its points at
stake, largest first (a fact: the maxima of the indicators it leaves at 0; an indicator that
misses two facts counts for each), then each partial per-year fact with the years it lacks
(no points: its indicators are scored over the years given).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from libeval.models import Condition
from libeval.models.result import Completeness, IndicatorResult, ToFill
from libeval.scoring.standard import POPULATION, Standard, at_variant
from libeval.scoring.values import Values
from libeval.text.bilingual import Bilingual

ZERO = Decimal(0)


def applies(cond: Condition, variant: str) -> bool:
    """Whether a grade condition on a value applies to the variant (a null bound does not)."""
    if cond.equals is not None:
        return True
    bound = cond.at_least if cond.at_least is not None else cond.at_most
    return bound is not None and at_variant(bound, variant) is not None


def completeness(std: Standard, values: Values, variant: str, indicators: Sequence[IndicatorResult]) -> Completeness:
    counted: set[str] = set()
    for ind in indicators:
        if ind.status != "not_applicable":
            counted.update(ind.facts)
    in_conditions: set[str] = set()
    for grade in std.spec.grades:
        for cond in grade.prerequisites:
            if cond.value is not None and applies(cond, variant):
                in_conditions.update(std.depends_on(cond.value))
    counted |= in_conditions
    facts = [f for f in (POPULATION, *std.facts) if f in counted]
    missing = [f for f in facts if not values.given(f)]
    points: dict[str, Decimal] = dict.fromkeys(missing, ZERO)
    codes: dict[str, list[str]] = {f: [] for f in missing}
    missing_points = not_judged_points = ZERO
    judged: list[ToFill] = []
    judged_total = judged_awarded = 0
    for ind in indicators:
        if ind.status == "missing":
            missing_points += ind.max
            for f in ind.facts:
                if f in points:
                    points[f] += ind.max
                    codes[f].append(ind.code)
        if ind.kind == "judged" and ind.status != "not_applicable":
            judged_total += 1
            if ind.status == "not_judged":
                not_judged_points += ind.max
                judged.append(ToFill("judged", ind.code, ind.name, ind.max))
            else:
                judged_awarded += 1
    partial = {f: lacking for f in facts if values.given(f) and (lacking := _lacking(std, values, f))}
    readers = {f: tuple(i.code for i in indicators if f in i.facts and i.status != "not_applicable") for f in partial}
    to_fill = [
        ToFill("fact", f, _name(std, f), points[f], tuple(codes[f]), f in in_conditions) for f in missing
    ] + judged
    to_fill += [ToFill("fact", f, _name(std, f), ZERO, readers[f], f in in_conditions, y) for f, y in partial.items()]
    return Completeness(
        facts_total=len(facts),
        facts_given=len(facts) - len(missing),
        facts_estimated=sum(1 for f in facts if values.given(f) and values.estimated(f)),
        facts_partial=len(partial),
        judged_total=judged_total,
        judged_awarded=judged_awarded,
        points_missing_facts=missing_points,
        points_not_judged=not_judged_points,
        to_fill=tuple(sorted(to_fill, key=lambda t: -t.points)),  # stable: the standard's order within
    )


def _lacking(std: Standard, values: Values, fact: str) -> tuple[int, ...]:
    """The years of the evaluation period a given per-year fact has no value for."""
    definition = std.facts.get(fact)
    if definition is None or not definition.per_year:
        return ()
    period = std.spec.period
    series = values.series.get(fact, {})
    return tuple(y for y in range(period.start, period.end + 1) if y not in series)


def _name(std: Standard, fact: str) -> Bilingual:
    return Bilingual(std.name_of(fact, "zh"), std.name_of(fact, "en"))
