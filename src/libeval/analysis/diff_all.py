"""diff_all(standard, library, passes): every assessment of one library side by side, each change
attributed to the pass that made it. Pure: no I/O, no printing.

The passes are put in assessment-date order (ties: self first, then by name). A row holds one
value per pass (the total, a part's or an indicator's points, a fact's value as scoring uses it);
a cell is *changed* when its value differs from the previous pass's: that pass made the change.
What made it is the pairwise diff's differences between the two neighbouring passes
(analysis/diff.py), so a change reads the same here and in `libeval diff A B`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from libeval.analysis.diff import Difference, DiffResult, GradeRestore, Side, causes_of, differences
from libeval.models import Assessment, Library
from libeval.models.assessment import Correction
from libeval.models.result import Result
from libeval.scoring.engine import score
from libeval.scoring.standard import POPULATION, Standard
from libeval.text.bilingual import Bilingual
from libeval.text.units import NONE, Unit

Value = Decimal | bool | str | None  # points, a fact's value, a grade's id


@dataclass(frozen=True)
class Pass:
    name: str  # the assessment's name (file stem)
    assessment: Assessment
    result: Result


@dataclass(frozen=True)
class Cell:
    value: Value
    changed: bool  # differs from the previous pass's value: this pass made the change
    causes: tuple[Difference, ...] = ()  # what this pass changed that made it (indicators)
    reason: str | None = None  # the pass's reason for a fact it corrected
    verified: bool = False  # a fact this pass checked on site and kept (the pass before had not): not a change
    note: str | None = None  # the verifying pass's note and evidence
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class Row:
    kind: str  # total | grade | part | indicator | fact | population
    key: str
    name: Bilingual
    cells: tuple[Cell, ...]
    max: Decimal | None = None
    unit: Unit = NONE

    @property
    def differs(self) -> bool:
        return any(c.changed for c in self.cells)

    @property
    def verified(self) -> bool:
        return any(c.verified for c in self.cells)


@dataclass(frozen=True)
class AllDiff:
    passes: tuple[Pass, ...]
    steps: tuple[DiffResult, ...]  # each pass against the one before (no grade search): for cause lines
    total: Row
    grade: Row
    parts: tuple[Row, ...]
    indicators: tuple[Row, ...]  # those whose points differ between passes (every one with `every`)
    facts: tuple[Row, ...]  # the population and the facts whose scored value differs between passes
    equal: int  # indicators with the same points in every pass
    every: bool = False  # `indicators` holds every indicator, the same in every pass or not

    @property
    def identical(self) -> bool:
        return not self.total.differs and not any(r.differs for r in (*self.parts, *self.indicators, *self.facts))


def pass_order(named: dict[str, Assessment]) -> list[str]:
    """The assessments' names in the order they were made: by date, self first on the same day,
    then by name."""
    return sorted(named, key=lambda n: (named[n].date, n != "self", n))


def _row(
    kind: str, key: str, name: Bilingual, values: list[Value], mx: Decimal | None = None, unit: Unit = NONE
) -> Row:
    cells = tuple(Cell(v, k > 0 and v != values[k - 1]) for k, v in enumerate(values))
    return Row(kind, key, name, cells, mx, unit)


def diff_all(std: Standard, library: Library, named: dict[str, Assessment], every: bool = False) -> AllDiff:
    """Every assessment of `library` scored, in the order they were made, and compared row by row
    (`every`: every indicator, not only those whose points differ)."""
    passes = tuple(Pass(n, named[n], score(std, library, named[n], n)) for n in pass_order(named))
    sides = [Side(library, p.assessment, p.name, p.name) for p in passes]
    steps = tuple(
        DiffResult(pa.result, pb.result, a.label, b.label, (), (), tuple(differences(std, a, b)), (), NO_SEARCH, 0)
        for a, b, pa, pb in zip(sides, sides[1:], passes, passes[1:], strict=False)
    )
    results = [p.result for p in passes]
    first = results[0]
    parts = tuple(
        _row("part", p.code, p.name, [r.points(p.code) for r in results], p.max)
        for p in [*first.parts, *([first.bonus_part] if first.bonus_part else [])]
    )
    indicators: list[Row] = []
    for k, ind in enumerate(first.indicators):
        column = [r.indicators[k] for r in results]
        row = _row("indicator", ind.code, ind.name, [c.score for c in column], ind.max)
        if not (row.differs or every):
            continue
        cells = tuple(
            replace(c, causes=causes_of(column[n - 1], column[n], list(steps[n - 1].differences))) if c.changed else c
            for n, c in enumerate(row.cells)
        )
        indicators.append(replace(row, cells=cells))
    return AllDiff(
        passes,
        steps,
        _row("total", "total", TOTAL, [r.total for r in results]),
        _row("grade", "grade", GRADE, [None if r.grade is None else r.grade.id for r in results]),
        parts,
        tuple(indicators),
        _facts(passes),
        sum(1 for k in range(len(first.indicators)) if len({r.indicators[k].score for r in results}) == 1),
        every,
    )


def _facts(passes: tuple[Pass, ...]) -> tuple[Row, ...]:
    """The population and every fact whose value, as scoring uses it, differs between passes, or
    that a pass verified; a changed cell carries the reason of the pass's own correction, a
    verified one the pass's note and evidence."""
    rows = [_row("population", POPULATION, PEOPLE, [p.result.population for p in passes], unit=Unit("人", "people"))]
    checked: dict[str, list[bool]] = {}
    for fact in passes[0].result.facts:
        values: list[Value] = []
        checked[fact.id] = []
        for p in passes:
            found = p.result.fact(fact.id)
            values.append(found.value if found is not None else None)
            checked[fact.id].append(found is not None and found.verified)
        rows.append(_row("fact", fact.id, fact.label, values, unit=fact.unit))
    out: list[Row] = []
    for row in rows:
        flags = checked.get(row.key, [False] * len(passes))
        cells = []
        for n, c in enumerate(row.cells):
            if c.changed:
                c = replace(c, reason=_reason(passes[n], row.key))
            if n > 0 and flags[n] and not flags[n - 1] and not c.changed:
                corr = passes[n].assessment.corrections.get(row.key)
                c = replace(c, verified=True, note=corr.note if corr else None, evidence=_evidence(corr))
            cells.append(c)
        row = replace(row, cells=tuple(cells))
        if row.differs or row.verified:
            out.append(row)
    return tuple(out)


def _evidence(corr: Correction | None) -> tuple[str, ...]:
    return tuple(corr.evidence) if corr is not None else ()


def _reason(p: Pass, key: str) -> str | None:
    found = p.assessment.corrections.get(key)
    return found.reason if found is not None else None


NO_SEARCH = GradeRestore(searched=False, found=False)
TOTAL = Bilingual("总分", "Total")
GRADE = Bilingual("等级", "Grade")
PEOPLE = Bilingual("服务人口", "Service population")
