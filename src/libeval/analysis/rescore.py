"""rescore_diff(std_a, a, std_b, b): one assessment scored under two standards, compared
indicator by indicator. Pure: no I/O, no printing.

Indicators are matched by code, in the standards' order (b's, with what only a has at its place
in a); one present under one standard only is listed as added or removed. Each indicator that
scores differently gets its causes from the difference of the two standards: its own changes
(max, rule, bands, target, not-applicable option) and those of the facts and derived values its
rule reads. When none explains it (a cap of a group, say), the cause is left empty.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from libeval.analysis.diff import Side
from libeval.analysis.standard_diff import Change, StandardDiff, indicator_causes, merged_order, standard_diff
from libeval.models.result import Result
from libeval.scoring.engine import score
from libeval.scoring.standard import Standard
from libeval.text.bilingual import Bilingual

ZERO = Decimal(0)


@dataclass(frozen=True)
class RescoredIndicator:
    code: str
    name: Bilingual
    old: Decimal | None  # None: not an indicator of standard a
    new: Decimal | None  # None: not an indicator of standard b
    old_status: str | None
    new_status: str | None
    causes: tuple[Change, ...]

    @property
    def change(self) -> str:
        return "added" if self.old is None else "removed" if self.new is None else "changed"

    @property
    def delta(self) -> Decimal:
        return (self.new or ZERO) - (self.old or ZERO)


@dataclass(frozen=True)
class PartScores:
    code: str
    name: Bilingual
    old: Decimal | None
    new: Decimal | None


@dataclass(frozen=True)
class RescoreDiff:
    a: Result
    b: Result
    standards: StandardDiff
    indicators: tuple[RescoredIndicator, ...]  # those that differ, in the standards' order
    parts: tuple[PartScores, ...]
    equal: int

    @property
    def total_delta(self) -> Decimal:
        return self.b.total - self.a.total

    @property
    def same_grade(self) -> bool:
        return (self.a.grade.id if self.a.grade else None) == (self.b.grade.id if self.b.grade else None)

    @property
    def identical(self) -> bool:
        return not self.indicators and self.total_delta == 0 and self.same_grade

    def count(self, change: str) -> int:
        return sum(1 for i in self.indicators if i.change == change)


def rescore_diff(std_a: Standard, a: Side, std_b: Standard, b: Side) -> RescoreDiff:
    """Side a scored under standard a and side b under standard b (the same assessment, with what
    b has no place for set aside), and the indicators that differ, each with its causes."""
    ra = score(std_a, a.library, a.assessment, a.name)
    rb = score(std_b, b.library, b.assessment, b.name)
    changes = standard_diff(std_a, std_b)
    by_a = {i.code: i for i in ra.indicators}
    by_b = {i.code: i for i in rb.indicators}
    out: list[RescoredIndicator] = []
    equal = 0
    for code in merged_order(list(by_a), list(by_b)):
        ia, ib = by_a.get(code), by_b.get(code)
        if ia is not None and ib is not None and ia.score == ib.score and ia.status == ib.status:
            equal += 1
            continue
        name = ib.name if ib is not None else ia.name if ia is not None else Bilingual(code)
        out.append(
            RescoredIndicator(
                code,
                name,
                ia.score if ia else None,
                ib.score if ib else None,
                ia.status if ia else None,
                ib.status if ib else None,
                indicator_causes(changes, code),
            )
        )
    tops_a = [*ra.parts, *([ra.bonus_part] if ra.bonus_part else [])]
    tops_b = [*rb.parts, *([rb.bonus_part] if rb.bonus_part else [])]
    parts = []
    for code in merged_order([p.code for p in tops_a], [p.code for p in tops_b]):
        ga, gb = ra.groups.get(code), rb.groups.get(code)
        name = gb.name if gb is not None else ga.name if ga is not None else Bilingual(code)
        parts.append(PartScores(code, name, ga.score if ga else None, gb.score if gb else None))
    return RescoreDiff(ra, rb, changes, tuple(out), tuple(parts), equal)
