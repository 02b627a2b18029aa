"""Fact changes, the unit a plan is made of: one fact of a library brought to a new value, and
the smallest such change that brings a value (a fact or a derived value) to a bound. Pure."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal
from typing import Any

from libeval.models import Assessment, Library
from libeval.models.library import FactValue
from libeval.models.result import Result
from libeval.scoring.engine import score
from libeval.scoring.formula import MissingValue, ZeroDivision
from libeval.scoring.rules import ZERO, Context, score_rule
from libeval.scoring.standard import POPULATION, Standard
from libeval.scoring.values import Values, apply_corrections
from libeval.text.bilingual import Bilingual

LIMIT = Decimal("1e15")  # the largest value a fact may hold
_CACHED = 256  # sets of changes whose values a State keeps (the base ones stay: the least recently used go)


@dataclass(frozen=True)
class FactChange:
    fact: str
    name: Bilingual
    old: Decimal | bool | None
    new: Decimal | bool
    structural: bool
    per_year: bool

    @property
    def relative(self) -> float:
        """How big a change this is: |new − old| / old (yes/no, or from nothing: 1)."""
        if isinstance(self.new, bool) or isinstance(self.old, bool) or self.old is None:
            return 1.0
        if self.old == 0:
            return 1.0 + float(self.new)
        return float(abs(self.new - self.old) / abs(self.old))


class State:
    """The facts a plan works on: the library's, with the assessor's corrections folded in."""

    def __init__(self, std: Standard, library: Library, assessment: Assessment) -> None:
        self.std = std
        self.library = library
        self.assessment = assessment.model_copy(update={"corrections": {}})
        self.facts, self.population = apply_corrections(library, assessment)
        self._values: dict[tuple[FactChange, ...], Values] = {}
        self._feeds: dict[str, tuple[str, ...]] | None = None
        self._runs: dict[tuple[FactChange, ...], Result] = {}
        self.solved: dict[tuple[str, Decimal, tuple[FactChange, ...], bool], FactChange | None] = {}  # see solve

    def with_changes(self, changes: Iterable[FactChange]) -> dict[str, FactValue]:
        facts = dict(self.facts)
        for c in changes:
            facts[c.fact] = set_fact(self.std, facts.get(c.fact), c.fact, c.new)
        return facts

    def library_with(self, changes: Iterable[FactChange] = ()) -> Library:
        return self.library.model_copy(update={"facts": self.with_changes(changes), "population": self.population})

    def run(self, changes: Iterable[FactChange] = ()) -> Result:
        """The library with `changes` made, scored as a whole (kept: a plan's last rounds ask again)."""
        key = tuple(changes)
        if key not in self._runs:
            self._runs[key] = score(self.std, self.library_with(key), self.assessment, "plan")
        return self._runs[key]

    def values(self, changes: Iterable[FactChange] = ()) -> Values:
        """The values of the library with `changes` made (kept: a plan asks for the same ones often).
        Each set of changes is the values of all but its last change with that one made: only
        what rests on the changed fact is computed again."""
        key = tuple(changes)
        found = self._values.pop(key, None)
        if found is None:
            if key:
                *before, last = key
                prior = self.values(before)
                found = prior.changed(last.fact, set_fact(self.std, prior.entries.get(last.fact), last.fact, last.new))
            else:
                found = Values(self.std, self.library_with(key), None)
            if len(self._values) >= _CACHED:
                del self._values[next(iter(self._values))]  # the least recently used
        self._values[key] = found
        return found

    def given(self, fact: str) -> bool:
        """Whether the library gives the fact (after corrections): only those are planned."""
        if fact == POPULATION:
            return self.population is not None
        entry = self.facts.get(fact)
        return entry is not None and (entry.value is not None or bool(entry.years))

    def value(self, name: str, changes: Iterable[FactChange] = ()) -> Decimal | bool | None:
        try:
            return self.values(changes).get(name)
        except (MissingValue, ZeroDivision):
            return None

    @property
    def feeds(self) -> dict[str, tuple[str, ...]]:
        """fact -> the indicators whose rule reads it (directly or through derived values), in
        the standard's order; only these can change when the fact does."""
        if self._feeds is None:
            feeds: dict[str, list[str]] = {f: [] for f in self.std.facts}
            for code in self.std.leaves:
                rule = self.std.nodes[code].node.rule
                if rule is None or rule.kind == "judged":
                    continue
                for fact in self.std.depends_on(rule.value):
                    if fact in feeds:
                        feeds[fact].append(code)
            self._feeds = {f: tuple(codes) for f, codes in feeds.items()}
        return self._feeds


def set_fact(std: Standard, entry: FactValue | None, fact: str, new: Decimal | bool) -> FactValue:
    """A fact whose aggregate becomes `new`: a single value is replaced; per-year values all move
    by the same amount (so their mean, sum, latest, min and max move with them)."""
    definition = std.facts[fact]
    if definition.per_year and not isinstance(new, bool):
        # only the years that count: one outside the evaluation period is left as it is
        years = {y: v for y, v in (entry.years or {}).items() if std.in_period(y)} if entry is not None else {}
        if not years:
            period = std.spec.period
            years = {y: Decimal(0) for y in range(period.start, period.end + 1)}
        current = Values.aggregate(definition.aggregate, {y: Decimal(v) for y, v in years.items()})
        step = new - current
        if definition.aggregate == "sum":
            step = step / len(years)
        moved: dict[int, Decimal | bool] = {y: Decimal(v) + step for y, v in years.items()}
        if definition.type == "integer":
            moved = {y: Decimal(v).to_integral_value(rounding=ROUND_CEILING) for y, v in moved.items()}
        return _BLANK.model_copy(update={"years": moved, "unit": entry.unit if entry else None})
    return _BLANK.model_copy(update={"value": new, "unit": entry.unit if entry else None})


# A fact with nothing set, copied for each changed fact: model_construct looks up the default of
# every unset field, and pydantic inspects the signature of each default factory to do so.
_BLANK = FactValue()


def fact_change(state: State, fact: str, new: Decimal | bool) -> FactChange:
    d = state.std.facts[fact]
    old = state.value(fact)
    if not isinstance(new, bool) and d.type == "integer":
        new = new.to_integral_value(rounding=ROUND_CEILING)
    return FactChange(fact, Bilingual(d.name, d.name_en or d.name), old, new, d.structural, d.per_year)


def levers(state: State, name: str) -> list[str]:
    """Facts whose increase raises `name` (a fact itself, or a derived value's numerators); only
    facts the library gives: a missing fact is filled in, never planned."""
    std = state.std
    if name in std.facts:
        return [name] if std.facts[name].type != "boolean" and state.given(name) else []
    return [
        f
        for f in std.depends_on(name)
        if f != POPULATION and f in std.facts and std.facts[f].type != "boolean" and state.given(f)
    ]


def solve(state: State, name: str, need: Decimal, base: list[FactChange], higher: bool = True) -> FactChange | None:
    """The smallest change of one fact that brings value `name` to `need` (≥, or ≤ when not
    higher), found by bisection on each fact it rests on; None when none can. Kept per state:
    the facts a value rests on, and the indicators that read it, ask the same question."""
    key = (name, need, tuple(base), higher)
    if key not in state.solved:
        state.solved[key] = _solve(state, name, need, base, higher)
    return state.solved[key]


def _solve(state: State, name: str, need: Decimal, base: list[FactChange], higher: bool) -> FactChange | None:
    best: FactChange | None = None
    prior = state.values(base)
    for fact in levers(state, name):
        old = state.value(fact, base)
        if old is None or isinstance(old, bool):
            old = Decimal(0)
        entry, integer = prior.entries.get(fact), state.std.facts[fact].type == "integer"

        def ok(x: Decimal, fact: str = fact, entry: FactValue | None = entry, integer: bool = integer) -> bool:
            """Whether `name` reaches `need` with the fact at x (as fact_change rounds it): the
            values of `base` with that one fact changed, not kept (a probe is asked once)."""
            if integer:
                x = x.to_integral_value(rounding=ROUND_CEILING)
            try:
                v = prior.changed(fact, set_fact(state.std, entry, fact, x)).get(name)
            except (MissingValue, ZeroDivision):
                return False
            return not isinstance(v, bool) and (v >= need if higher else v <= need)

        if higher:
            hi = max(old, Decimal(1))
            while not ok(hi):
                hi *= 2
                if hi > LIMIT:  # beyond any plausible fact: this one cannot do it
                    break
            if hi > LIMIT:
                continue
            lo = old
            if ok(lo):
                continue  # this fact does not move it, or it is already there
        else:
            lo, hi = Decimal(0), old
            if not ok(lo):
                continue
        for _ in range(60):  # bisection to a relative precision of 1e-9
            mid = (lo + hi) / 2
            if ok(mid) == higher:
                hi = mid
            else:
                lo = mid
            if hi - lo <= max(abs(hi), Decimal(1)) * Decimal("1e-9"):
                break
        candidate = fact_change(state, fact, hi if higher else lo)
        if not ok(candidate.new if not isinstance(candidate.new, bool) else Decimal(0)):
            continue
        if best is None or candidate.relative < best.relative:
            best = candidate
    return best


def fill_first(state: State, facts: Sequence[str], shown: int = 3) -> Bilingual:
    """“先填写读者满意率（satisfaction）”: what a plan says for facts it cannot target (the first
    `shown` of them named, then how many in all)."""
    std = state.std
    zh = "、".join(f"{std.name_of(f, 'zh')}（{f}）" for f in facts[:shown])
    en = ", ".join(f"{std.name_of(f, 'en')} ({f})" for f in facts[:shown])
    if len(facts) > shown:
        zh += f"等 {len(facts)} 项事实"
        en += f" and {len(facts) - shown} more facts"
    return Bilingual(f"先填写{zh}", f"fill in {en} first")


def missing_under(state: State, now: Result, codes: set[str]) -> list[str]:
    """The facts not given that leave indicators among `codes` at 0 (status missing)."""
    out: list[str] = []
    for ind in now.indicators:
        if ind.code in codes and ind.status == "missing":
            out += [f for f in ind.facts if not state.given(f) and f not in out]
    return out


class Rescore:
    """The scores that change when facts change, without scoring the whole library again: the
    indicators a fact feeds are scored by their rules, and the groups above them summed and
    capped again as the engine does; every other score is the current result's."""

    def __init__(self, state: State, current: Result, before: dict[str, Any]) -> None:
        self.state = state
        self.std = state.std
        self.variant = current.variant
        self.old: dict[str, Decimal] = {code: i.score for code, i in before.items()}
        self.old.update((code, g.score) for code, g in current.groups.items())
        na = state.assessment.not_applicable
        self.fixed = {code for code in na if code in self.std.nodes and self.std.nodes[code].node.not_applicable}

    def __call__(self, leaves: Sequence[str], changes: list[FactChange]) -> dict[str, Decimal]:
        """code -> new score of every indicator and group whose score changed (in tree order
        for the indicators)."""
        std = self.std
        ctx = Context(self.state.values(changes), self.variant, std.spec.precision, None)
        new: dict[str, Decimal] = {}
        for code in leaves:
            if code in self.fixed:
                continue  # not applicable: its points do not depend on facts
            points = score_rule(std.nodes[code].node, ctx).score
            if points != self.old[code]:
                new[code] = points
        groups: set[str] = set()
        for code in new:
            parent = std.nodes[code].parent
            while parent is not None and parent not in groups:
                groups.add(parent)
                parent = std.nodes[parent].parent
        for code in sorted(groups, key=lambda c: -std.nodes[c].depth):  # children before parents
            node = std.nodes[code].node
            raw = ZERO
            for child in node.children:
                raw += new.get(child.code, self.old[child.code])
            new[code] = min(raw, node.max) if node.capped else raw
        return new

    def points(self, new: dict[str, Decimal], measure: Sequence[str] | None) -> Decimal:
        """The total (as the engine adds it: the parts, then the bonus), or the summed points of
        the codes in `measure`."""
        if measure is not None:
            return sum((new.get(c, self.old.get(c, Decimal(0))) for c in measure), Decimal(0))
        spec = self.std.spec
        base = ZERO
        for part in spec.parts:
            base += new.get(part.code, self.old[part.code])
        bonus = new.get(spec.bonus.code, self.old[spec.bonus.code]) if spec.bonus is not None else ZERO
        return base + bonus
