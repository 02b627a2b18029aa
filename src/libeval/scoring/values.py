"""The values a library's indicators read: its facts (after an assessor's corrections),
aggregated per the fact catalogue, and the derived values computed from them.

`apply_corrections` is the one place where an assessor's corrections meet the library's facts;
scoring, `diff` and `plan` all read the facts through it (docs/semantics.md, "Corrections").
"""

from __future__ import annotations

from decimal import Decimal

from libeval.models import Assessment, Correction, Library
from libeval.models.library import FactValue
from libeval.scoring import formula
from libeval.scoring.formula import MissingValue, ZeroDivision
from libeval.scoring.standard import POPULATION, Standard
from libeval.text.labels import label


def corrected(old: FactValue | None, corr: Correction) -> FactValue | None:
    """A fact entry after one correction.

    - `years`: the named years take the corrected values, the library's other years stay
      (the entry stays marked estimated only while some of the library's own years remain);
    - `value`: the value is replaced;
    - neither, `verified: true`: the library's value stays and is no longer an estimate
      (a verified fact the library does not give stays not given).

    A correction of the wrong shape (`value` for a per-year fact, `years` for a single-value
    one), or with neither a value nor `verified` (correction-without-value), is refused by
    `check` before scoring.
    """
    unit = old.unit if old else None
    if corr.years is not None:
        kept = dict(old.years) if old is not None and old.years else {}
        estimated = bool(old and old.estimated) and any(y not in corr.years for y in kept) and not corr.verified
        return FactValue.model_construct(  # already validated: no second pass
            years={**kept, **corr.years}, unit=unit, note=corr.reason, estimated=estimated
        )
    if corr.value is not None:
        return FactValue.model_construct(value=corr.value, unit=unit, note=corr.reason)
    if old is None:
        return None
    return old.model_copy(update={"estimated": False}) if old.estimated else old


def apply_corrections(library: Library, assessment: Assessment | None) -> tuple[dict[str, FactValue], Decimal | None]:
    """The library's facts and service population with an assessor's corrections applied: the
    one meaning of a correction, shared by scoring, `diff` and `plan`."""
    facts = dict(library.facts)
    population = library.population
    for fact_id, corr in (assessment.corrections if assessment else {}).items():
        if fact_id == POPULATION:
            if isinstance(corr.value, Decimal):
                population = corr.value
            continue
        entry = corrected(facts.get(fact_id), corr)
        if entry is not None:
            facts[fact_id] = entry
    return facts, population


class Values:
    def __init__(self, std: Standard, library: Library, assessment: Assessment | None) -> None:
        self.std = std
        self.entries, self.population = apply_corrections(library, assessment)
        self.series: dict[str, formula.Series] = {}
        for fact_id, fact in std.facts.items():
            entry = self.entries.get(fact_id)
            if fact.per_year and entry is not None and entry.years:
                self._set_series(fact_id, entry)
        self._cache: dict[str, Decimal | bool | Exception] = {}
        self._parent: Values | None = None  # see changed
        self._stale: frozenset[str] = frozenset()

    def _set_series(self, fact_id: str, entry: FactValue) -> None:
        # a year outside the evaluation period is not counted (check warns about it)
        std = self.std
        series = {y: v for y, v in sorted((entry.years or {}).items()) if std.in_period(y) and not isinstance(v, bool)}
        if series:
            self.series[fact_id] = series
        else:
            self.series.pop(fact_id, None)

    def changed(self, fact_id: str, entry: FactValue) -> Values:
        """These values with one fact's entry replaced: the same as building them again from the
        changed facts, without reading every fact again. What does not rest on the fact is read
        from these values (computed once for every change); only what does (Standard.dependents)
        is computed again."""
        out = Values.__new__(Values)
        out.std = self.std
        out.entries = {**self.entries, fact_id: entry}
        out.population = self.population
        out.series = dict(self.series)
        out.series.pop(fact_id, None)
        if self.std.facts[fact_id].per_year and entry.years:
            out._set_series(fact_id, entry)
        out._cache = {}
        out._parent = self
        out._stale = self.std.dependents(fact_id)
        return out

    def given(self, fact_id: str) -> bool:
        if fact_id == POPULATION:
            return self.population is not None
        entry = self.entries.get(fact_id)
        if entry is not None and entry.years:
            return any(self.std.in_period(y) for y in entry.years)
        return entry is not None and entry.value is not None

    def estimated(self, fact_id: str) -> bool:
        entry = self.entries.get(fact_id)
        return bool(entry and entry.estimated)

    def get(self, name: str) -> Decimal | bool:
        """A fact's (aggregated) value or a derived value; raises MissingValue or ZeroDivision."""
        if name == POPULATION:
            if self.population is None:
                raise MissingValue(POPULATION)
            return self.population
        cached = self._cache.get(name)
        if cached is None:
            if self._parent is not None and name not in self._stale:
                return self._parent.get(name)  # it does not rest on the changed fact
            try:
                cached = self._compute(name)
            except (MissingValue, ZeroDivision) as exc:
                cached = exc
            self._cache[name] = cached
        if isinstance(cached, Exception):
            raise cached
        return cached

    def undefined(self, name: str) -> bool:
        """Whether computing `name` was tried and failed by a division by zero."""
        if self._parent is not None and name not in self._stale:
            return self._parent.undefined(name)
        return isinstance(self._cache.get(name), ZeroDivision)

    def number(self, name: str) -> Decimal:
        v = self.get(name)
        if isinstance(v, bool):
            return Decimal(int(v))
        return v

    def _compute(self, name: str) -> Decimal | bool:
        fact = self.std.facts.get(name)
        if fact is not None:
            entry = self.entries.get(name)
            if entry is None:
                raise MissingValue(name)
            if fact.per_year:
                series = self.series.get(name)
                if not series:
                    raise MissingValue(name)
                return self.aggregate(fact.aggregate, series)
            if entry.value is None:
                raise MissingValue(name)
            return entry.value
        expr = self.std.exprs.get(name)
        if expr is None:
            raise MissingValue(name)
        return formula.evaluate(expr, self.number, self.series)

    @staticmethod
    def aggregate(how: str, series: dict[int, Decimal]) -> Decimal:
        """A per-year series' aggregate, as the fact catalogue says (mean, sum, latest, ...)."""
        return formula.evaluate(formula.Call(how, (formula.Name("x", 0),), 0), lambda _: Decimal(0), {"x": series})

    def depends_on(self, name: str) -> tuple[str, ...]:
        """The facts a value rests on, through derived values."""
        return self.std.depends_on(name)

    def label(self, name: str, lang: str) -> str:
        """The name of a value, with how its years are aggregated (年文献外借量（年均）)."""
        base = self.std.name_of(name, lang)
        fact = self.std.facts.get(name)
        if fact is not None and fact.per_year:
            agg = label(f"aggregate.{fact.aggregate}", lang)
            return f"{base} ({agg})" if lang == "en" else f"{base}（{agg}）"
        return base
