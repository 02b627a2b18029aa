"""The options a plan chooses from (one fact brought to one level, with its exact gain) and the
exact choice among them: a group knapsack, at most one level per fact, at the smallest total
relative change. Pure."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal

from libeval.analysis.fact_changes import FactChange
from libeval.text.bilingual import Bilingual

MAX_UNITS = 100_000  # cells of the knapsack's table (a 1000-point standard at 0.01 needs 100,000)
INFINITY = float("inf")


@dataclass(frozen=True)
class Gain:
    code: str
    name: Bilingual
    old: Decimal
    new: Decimal


@dataclass(frozen=True)
class Option:
    change: FactChange
    gain: Decimal  # on the total
    indicators: tuple[Gain, ...]

    @property
    def cost(self) -> float:
        return self.change.relative


def choose(options: list[Option], need: Decimal, places: int) -> list[Option] | None:
    """Exactly the set of options, at most one per fact, whose gains add up to at least `need`
    at the smallest total cost (a group knapsack over gains in units of 10^-places).

    The table has at most MAX_UNITS cells: for a gap wider than that (a standard whose points
    run to millions), the unit grows, gains are rounded down and the goal up, so what is chosen
    still closes the gap."""
    if need <= 0:
        return []
    groups: dict[str, list[Option]] = {}
    for o in options:
        groups.setdefault(o.change.fact, []).append(o)
    if sum((max(o.gain for o in group) for group in groups.values()), Decimal(0)) < need:
        return None  # even the best level of every fact falls short
    unit = max(Decimal(10) ** -places, need / MAX_UNITS)
    goal = int((need / unit).to_integral_value(rounding=ROUND_CEILING))
    # best[g]: the smallest cost reaching a gain of g units (capped at goal); how[g]: the choice
    best = [INFINITY] * (goal + 1)
    best[0] = 0.0
    how: list[tuple[Option, ...]] = [()] * (goal + 1)
    top = 0  # no gain above this is reached yet: the cells beyond it need no visit
    for group in groups.values():
        new_best, new_how = best[:], how[:]
        new_top = top
        reached = [have for have in range(top + 1) if best[have] != INFINITY]  # the cells to start from, in order
        for o in group:
            g = int((o.gain / unit).to_integral_value(rounding="ROUND_FLOOR"))
            price = o.cost
            for have in reached:
                reach = have + g
                if reach > goal:
                    reach = goal
                cost = best[have] + price
                if cost < new_best[reach] - 1e-12:
                    new_best[reach], new_how[reach] = cost, (*how[have], o)
                    if reach > new_top:
                        new_top = reach
        best, how, top = new_best, new_how, new_top
    return list(how[goal]) if best[goal] < INFINITY else None
