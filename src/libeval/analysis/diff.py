"""diff(standard, a, b): where and why two assessments differ. Pure: no I/O, no printing.

Both sides are reduced to what scoring reads: the effective facts (library facts with the
assessor's corrections applied), the service population, the judged awards and the
not-applicable marks. A *difference* is one of those that differs between the sides; taking
it back means giving side b side a's entry. That works the same for two assessments of one
library folder and for two library folders (the same library in two years).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import combinations
from typing import Any

from libeval.models import Assessment, Award, Library
from libeval.models.library import FactValue
from libeval.models.result import IndicatorResult, Result
from libeval.scoring.engine import score
from libeval.scoring.standard import POPULATION, Standard
from libeval.scoring.values import apply_corrections
from libeval.text import numbers
from libeval.text.bilingual import Bilingual

MAX_SEARCH = 12  # differences beyond this are searched up to sets of 3 (2^12 rescorings at most)


@dataclass(frozen=True)
class Side:
    library: Library
    assessment: Assessment
    name: str  # the assessment's name (file stem)
    label: str  # how the side is shown: "self", "prefecture", or "folder:assessment"


@dataclass(frozen=True)
class Difference:
    """One input that differs: a fact, the population, a judged award or a not-applicable mark."""

    id: str  # "fact:annual_loans", "population", "judged:3.4.2", "na:2.1.8"
    kind: str  # fact | population | judged | not_applicable
    key: str
    name: Bilingual
    old: str
    new: str
    reason: str | None = None
    old_note: str | None = None
    new_note: str | None = None
    old_years: tuple[tuple[int, Decimal | bool], ...] = ()  # a per-year fact: every year of each side
    new_years: tuple[tuple[int, Decimal | bool], ...] = ()


@dataclass(frozen=True)
class IndicatorDelta:
    code: str
    name: Bilingual
    old: Decimal
    new: Decimal
    old_status: str
    new_status: str
    causes: tuple[Difference, ...]

    @property
    def delta(self) -> Decimal:
        return self.new - self.old


@dataclass(frozen=True)
class CapDelta:
    """Where a capped group absorbs part of its children's deltas."""

    code: str
    name: Bilingual
    delta: Decimal


@dataclass(frozen=True)
class ConditionChange:
    grade: Bilingual
    id: str
    name: Bilingual
    old_met: bool | None
    new_met: bool | None
    old: Bilingual
    new: Bilingual


@dataclass(frozen=True)
class GradeRestore:
    """The smallest set of differences whose taking back gives side b side a's grade."""

    searched: bool  # False when the grades are the same
    found: bool
    differences: tuple[Difference, ...] = ()
    limited_to: int | None = None  # the search stopped at sets of this size


@dataclass(frozen=True)
class DiffResult:
    a: Result
    b: Result
    side_a: str
    side_b: str
    indicators: tuple[IndicatorDelta, ...]
    caps: tuple[CapDelta, ...]
    differences: tuple[Difference, ...]
    conditions: tuple[ConditionChange, ...]
    restore: GradeRestore
    equal: int
    parts: tuple[tuple[str, Bilingual, Decimal, Decimal], ...] = field(default=())

    @property
    def total_delta(self) -> Decimal:
        return self.b.total - self.a.total

    @property
    def abs_delta_sum(self) -> Decimal:
        return sum((abs(i.delta) for i in self.indicators), Decimal(0))

    @property
    def identical(self) -> bool:
        return not self.indicators and not self.caps and self.total_delta == 0 and not self.differences


def _effective(side: Side) -> tuple[dict[str, FactValue], Decimal | None, dict[str, str]]:
    """Facts after corrections, the population, and the reason of each correction."""
    facts, population = apply_corrections(side.library, side.assessment)
    reasons = {fid: corr.reason or "" for fid, corr in side.assessment.corrections.items()}
    return facts, population, reasons


def _fact_key(entry: FactValue | None) -> Any:
    if entry is None or (entry.value is None and not entry.years):
        return None
    return ("years", tuple(sorted(entry.years.items()))) if entry.years else ("value", entry.value)


def _show_fact(entry: FactValue | None, lang: str = "zh") -> str:
    return numbers.fact(entry.value, entry.years, lang) if entry is not None else "—"


def _years(entry: FactValue | None) -> tuple[tuple[int, Decimal | bool], ...]:
    return tuple(sorted(entry.years.items())) if entry is not None and entry.years else ()


def _show_change(a: FactValue | None, b: FactValue | None) -> tuple[str, str]:
    """A fact on both sides, old and new: per-year values that share years show only the years
    that differ (a year given on one side only is `—` on the other); otherwise the whole entry."""
    ya, yb = (a.years if a else None) or {}, (b.years if b else None) or {}
    if not set(ya) & set(yb):
        return _show_fact(a), _show_fact(b)
    changed = [y for y in sorted(set(ya) | set(yb)) if y not in ya or y not in yb or ya[y] != yb[y]]
    return numbers.fact(None, {y: ya.get(y) for y in changed}), numbers.fact(None, {y: yb.get(y) for y in changed})


def _award_key(award: Award | None) -> Any:
    if award is None or (award.points is None and award.level is None):
        return None
    return (award.points, award.level)


def _show_award(award: Award | None) -> str:
    if award is None or _award_key(award) is None:
        return "—"
    return award.level if award.level is not None else numbers.points(award.points or Decimal(0))


def differences(std: Standard, a: Side, b: Side) -> list[Difference]:
    """Every input that differs between the sides: effective facts, population, awards, n/a marks."""
    fa, pa, ra = _effective(a)
    fb, pb, rb = _effective(b)
    out: list[Difference] = []
    if pa != pb:
        out.append(
            Difference(
                "population",
                "population",
                POPULATION,
                Bilingual("服务人口", "service population"),
                numbers.value(pa) if pa is not None else "—",
                numbers.value(pb) if pb is not None else "—",
                rb.get(POPULATION) or ra.get(POPULATION),
            )
        )
    for fid in std.facts:
        if _fact_key(fa.get(fid)) != _fact_key(fb.get(fid)):
            old, new = _show_change(fa.get(fid), fb.get(fid))
            out.append(
                Difference(
                    f"fact:{fid}",
                    "fact",
                    fid,
                    Bilingual(std.name_of(fid, "zh"), std.name_of(fid, "en")),
                    old,
                    new,
                    rb.get(fid) or ra.get(fid),
                    old_years=_years(fa.get(fid)),
                    new_years=_years(fb.get(fid)),
                )
            )
    for code in std.leaves:
        ja, jb = a.assessment.judged.get(code), b.assessment.judged.get(code)
        node = std.nodes[code].node
        name = Bilingual(node.name, node.name_en or node.name)
        if _award_key(ja) != _award_key(jb):
            out.append(
                Difference(
                    f"judged:{code}",
                    "judged",
                    code,
                    name,
                    _show_award(ja),
                    _show_award(jb),
                    None,
                    ja.note if ja else None,
                    jb.note if jb else None,
                )
            )
        na_a, na_b = a.assessment.not_applicable.get(code), b.assessment.not_applicable.get(code)
        if (na_a is None) != (na_b is None):
            out.append(
                Difference(
                    f"na:{code}",
                    "not_applicable",
                    code,
                    name,
                    "—" if na_a is None else "n/a",
                    "—" if na_b is None else "n/a",
                    na_b or na_a,
                )
            )
    return out


def _take_back(std: Standard, a: Side, b: Side, diffs: Iterable[Difference]) -> tuple[Library, Assessment]:
    """Side b with the given differences given side a's entries, as a library and an assessment
    without corrections (the corrections are folded into the facts)."""
    fa, pa, _ = _effective(a)
    fb, pb, _ = _effective(b)
    judged = dict(b.assessment.judged)
    na = dict(b.assessment.not_applicable)
    for d in diffs:
        if d.kind == "population":
            pb = pa
        elif d.kind == "fact":
            if d.key in fa:
                fb[d.key] = fa[d.key]
            else:
                fb.pop(d.key, None)
        elif d.kind == "judged":
            if d.key in a.assessment.judged:
                judged[d.key] = a.assessment.judged[d.key]
            else:
                judged.pop(d.key, None)
        elif d.kind == "not_applicable":
            if d.key in a.assessment.not_applicable:
                na[d.key] = a.assessment.not_applicable[d.key]
            else:
                na.pop(d.key, None)
    lib = b.library.model_copy(update={"facts": fb, "population": pb})
    asmt = b.assessment.model_copy(update={"judged": judged, "not_applicable": na, "corrections": {}})
    return lib, asmt


def _restore(std: Standard, a: Side, b: Side, ra: Result, rb: Result, diffs: list[Difference]) -> GradeRestore:
    grade_a = ra.grade.id if ra.grade else None
    if grade_a == (rb.grade.id if rb.grade else None):
        return GradeRestore(searched=False, found=False)
    limit = len(diffs) if len(diffs) <= MAX_SEARCH else 3
    for size in range(1, limit + 1):
        for subset in combinations(diffs, size):
            lib, asmt = _take_back(std, a, b, subset)
            r = score(std, lib, asmt, b.name)
            if (r.grade.id if r.grade else None) == grade_a:
                return GradeRestore(searched=True, found=True, differences=subset)
    return GradeRestore(searched=True, found=False, limited_to=None if limit == len(diffs) else limit)


def causes_of(ia: IndicatorResult, ib: IndicatorResult, diffs: list[Difference]) -> tuple[Difference, ...]:
    facts = set(ia.facts) | set(ib.facts)
    out = [
        d
        for d in diffs
        if (d.kind in ("fact", "population") and d.key in facts)
        or (d.kind in ("judged", "not_applicable") and d.key == ia.code)
    ]
    return tuple(out)


def diff(std: Standard, a: Side, b: Side) -> DiffResult:
    """Both sides scored and compared indicator by indicator: every indicator that differs with
    its causes (facts corrected, awards changed, not-applicable marks), the cap adjustments that
    make the deltas add up to the total's, the grade conditions whose outcome changed, and the
    smallest set of differences that, taken back, gives side b side a's grade."""
    ra = score(std, a.library, a.assessment, a.name)
    rb = score(std, b.library, b.assessment, b.name)
    diffs = differences(std, a, b)
    by_code = {i.code: i for i in rb.indicators}
    deltas: list[IndicatorDelta] = []
    equal = 0
    for ia in ra.indicators:
        ib = by_code[ia.code]
        if ia.score == ib.score and ia.status == ib.status:
            equal += 1
            continue
        deltas.append(
            IndicatorDelta(ia.code, ia.name, ia.score, ib.score, ia.status, ib.status, causes_of(ia, ib, diffs))
        )
    deltas.sort(key=lambda d: (-abs(d.delta), d.code))
    caps: list[CapDelta] = []
    for code, ga in ra.groups.items():
        gb = rb.groups[code]
        if not ga.capped:
            continue
        absorbed = (gb.score - ga.score) - (gb.raw - ga.raw)
        if absorbed:
            caps.append(CapDelta(code, ga.name, absorbed))
    changes: list[ConditionChange] = []
    for ga_, gb_ in zip(ra.grades, rb.grades, strict=True):
        for ca, cb in zip(ga_.conditions, gb_.conditions, strict=True):
            if ca.met != cb.met:
                changes.append(
                    ConditionChange(ga_.name, ca.id, ca.name, ca.met, cb.met, ca.explanation, cb.explanation)
                )
    parts = tuple(
        (p.code, p.name, p.score, rb.points(p.code)) for p in [*ra.parts, *([ra.bonus_part] if ra.bonus_part else [])]
    )
    return DiffResult(
        ra,
        rb,
        a.label,
        b.label,
        tuple(deltas),
        tuple(caps),
        tuple(diffs),
        tuple(changes),
        _restore(std, a, b, ra, rb, diffs),
        equal,
        parts,
    )
