"""What scoring produces: plain dataclasses, built by the engine, read by renderers.

Treat them as read-only. The per-indicator ones are not frozen on purpose: a frozen dataclass
sets every field through object.__setattr__, and a national batch builds millions of them.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from libeval.errors import Problem
from libeval.text.bilingual import Bilingual
from libeval.text.units import Unit

REGION = Bilingual("地区", "Region")
NO_NAME = Bilingual("—", "—")

Status = Literal["scored", "missing", "not_judged", "not_applicable", "undefined"]
Val = Decimal | bool | None


@dataclass(eq=False)
class IndicatorResult:
    code: str
    name: Bilingual
    max: Decimal
    score: Decimal
    status: Status
    explain: Callable[[], Bilingual] = field(repr=False, compare=False)
    part: str = ""
    parent: str | None = None
    depth: int = 0
    kind: str = ""
    provenance: str = ""
    value_id: str | None = None
    value: Val = None
    facts: tuple[str, ...] = ()
    note: str | None = None
    level: str | None = None
    bands: tuple[tuple[Decimal, Decimal], ...] = ()  # tiers: (threshold, points) for the library's variant
    better: str = "higher"  # tiers: whether values above (higher) or below (lower) a threshold reach it
    target: Decimal | None = None  # linear: the value that gives full marks
    unit: Unit = field(default_factory=Unit)  # the unit of the value read (a fact's or a derived value's)

    @property
    def loss(self) -> Decimal:
        return self.max - self.score

    @functools.cached_property
    def explanation(self) -> Bilingual:
        """One line: the value read, the band reached, the points (built when first read)."""
        return self.explain()


@dataclass(eq=False)
class GroupResult:
    code: str
    name: Bilingual
    max: Decimal
    score: Decimal
    raw: Decimal  # sum of the children before any cap
    capped: bool
    parent: str | None
    depth: int
    children: tuple[str, ...]


Part = GroupResult | IndicatorResult


@dataclass(eq=False)
class ConditionResult:
    id: str
    name: Bilingual
    test: str  # at_least | at_most | equals | full_marks | min_score
    met: bool | None  # None: does not apply to this library's variant
    actual: Val
    required: Val
    shortfall: Decimal | None
    explanation: Bilingual
    provenance: str
    subject: str | None = None  # the fact, derived value or code tested


@dataclass(frozen=True)
class GradeResult:
    id: str
    name: Bilingual
    min_score: Decimal | None
    conditions: tuple[ConditionResult, ...]

    @property
    def achieved(self) -> bool:
        return all(c.met is not False for c in self.conditions)

    @property
    def failed(self) -> tuple[ConditionResult, ...]:
        return tuple(c for c in self.conditions if c.met is False)


@dataclass(eq=False)
class FactResult:
    """A fact of the standard's catalogue as this library gives it, after the assessor's
    corrections: what renderers show, so that none of them reads files or recomputes values."""

    id: str
    name: Bilingual  # 年文献外借量
    label: Bilingual  # 年文献外借量（年均）: the name with how its years aggregate
    unit: Unit  # as the standard writes it; .get(lang) is the unit displayed (㎡, English units)
    value: Val  # what the rules read: the effective (aggregated) value; None when not given
    given: Val  # the library's own single value, as written
    given_years: dict[int, Decimal | bool] | None  # the library's own per-year values
    source: str | None
    note: str | None
    evidence: tuple[str, ...]
    estimated: bool  # the library marks its value as an estimate (a correction replaces it, verified clears it)
    corrected: bool  # the assessor corrected it (a new value, or verified)
    profile: bool  # shown in the report's profile
    structural: bool
    # the assessor checked it on site (`verified: true`). For a fact given a new value, source
    # is the correction's reason, evidence and note the correction's; a verified one keeps the
    # library's source, with the team's evidence added and the team's note.
    verified: bool = False


@dataclass(frozen=True)
class CorrectionResult:
    """One correction as the assessor wrote it: for per-year values, only the years it names."""

    fact: str
    name: Bilingual
    old: str  # the library's values of what the correction names ("—": not given)
    new: str  # the corrected values
    reason: str  # "" for a verified fact without one
    after: str  # the whole fact as scored after the correction (named and kept years)
    old_en: str = ""  # old, new and after in English (yes/no), when they differ from the Chinese
    new_en: str = ""
    after_en: str = ""
    verified: bool = False  # checked on site (`verified: true`): new is old unless a value is also given
    evidence: tuple[str, ...] = ()
    note: str | None = None

    @property
    def changed(self) -> bool:
        """Whether it gave the fact a new value (else it only verified it)."""
        return not self.verified or self.new != self.old

    def shown(self, lang: str) -> tuple[str, str]:
        """(old, new) in `lang`."""
        if lang == "en":
            return self.old_en or self.old, self.new_en or self.new
        return self.old, self.new

    def after_in(self, lang: str) -> str:
        return (self.after_en or self.after) if lang == "en" else self.after


@dataclass(frozen=True)
class ToFill:
    """One thing to fill in before a result is final: a fact not given, or a judged indicator
    not awarded, with the points at stake (docs/json-format.md, "completeness")."""

    kind: Literal["fact", "judged"]
    id: str  # the fact's id, or the indicator's code
    name: Bilingual
    points: Decimal  # fact: the maxima of the indicators scored 0 for want of it; judged: its max
    codes: tuple[str, ...] = ()  # fact: those indicators
    condition: bool = False  # fact: a grade condition that applies to the library reads it
    years: tuple[int, ...] = ()  # a per-year fact given for some years: the period's years it lacks


@dataclass(frozen=True)
class Completeness:
    """How much of what the result rests on is there: the facts the library's indicators (and
    the grade conditions that apply to it) read, and the judged indicators that apply to it."""

    facts_total: int = 0
    facts_given: int = 0
    facts_estimated: int = 0
    facts_partial: int = 0  # given per-year facts lacking some years of the period
    judged_total: int = 0
    judged_awarded: int = 0
    points_missing_facts: Decimal = Decimal(0)
    points_not_judged: Decimal = Decimal(0)
    to_fill: tuple[ToFill, ...] = ()  # largest points first

    @property
    def complete(self) -> bool:
        return (
            self.facts_given == self.facts_total
            and self.facts_partial == 0
            and self.judged_awarded == self.judged_total
        )


@dataclass(frozen=True)
class Result:
    library: str
    library_en: str | None
    province: str
    region: str  # "" when the library gives none (a standard that does not vary by region)
    variant: str  # the value of the attribute the standard's numbers are keyed by (the region by default)
    criteria_id: str
    criteria_title: Bilingual
    assessment: str
    assessor: str
    assessed_by: str | None
    date: str
    total: Decimal
    max: Decimal
    base: Decimal
    bonus: Decimal
    bonus_max: Decimal
    grade: GradeResult | None
    grades: tuple[GradeResult, ...]
    parts: tuple[Part, ...]  # a part is a group, or itself an indicator (a part with a rule)
    groups: dict[str, GroupResult]
    indicators: tuple[IndicatorResult, ...]
    corrections: tuple[CorrectionResult, ...]
    missing: tuple[str, ...]
    estimated: tuple[str, ...]
    reconstructed: int
    provenance_total: int
    problems: tuple[Problem, ...] = field(default=())
    bonus_part: Part | None = None
    facts: tuple[FactResult, ...] = ()  # the whole catalogue, in the standard's order
    population: Decimal | None = None  # the service population, after corrections
    level: str = ""  # the library's level (province, city, county, children)
    period: tuple[int, int] = (0, 0)  # the evaluation period's first and last year
    assessment_note: str | None = None
    variant_by: Bilingual = REGION  # what the variants are called
    variant_name: Bilingual = NO_NAME  # the library's variant in words (西部, 副省级城市)
    completeness: Completeness = field(default_factory=Completeness)

    @property
    def blocked(self) -> tuple[GradeResult, ...]:
        """Every grade above the one reached, each with what it failed."""
        out: list[GradeResult] = []
        for g in self.grades:
            if self.grade is not None and g.id == self.grade.id:
                break
            out.append(g)
        return tuple(out)

    def indicator(self, code: str) -> IndicatorResult | None:
        return next((i for i in self.indicators if i.code == code), None)

    def points(self, code: str) -> Decimal:
        """The points of a group or an indicator (0 for a code the standard does not have)."""
        if code in self.groups:
            return self.groups[code].score
        found = self.indicator(code)
        return found.score if found else Decimal(0)

    def fact(self, fact_id: str) -> FactResult | None:
        return next((f for f in self.facts if f.id == fact_id), None)
