"""A national batch reduced to what its outputs show: one small row per library, the ranking and
the grade distribution per region. Pure: rows in, a summary out (commands/batch.py scores the
folders into rows).

Rows are all that is kept of each library (never whole results), so memory stays flat however
many libraries there are.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal

from libeval.errors import Problem
from libeval.models.result import Completeness, ConditionResult, Result, Val
from libeval.scoring.standard import POPULATION, Standard
from libeval.text.bilingual import Bilingual
from libeval.text.units import NONE, Unit

TOTAL_SCORE = Bilingual("总分", "total score")


@dataclass(frozen=True)
class Gap:
    """A failed condition of the next grade, with what the library has and what it needs: the
    subject's name (a fact or derived value with how its years aggregate, else the condition's
    name), its unit, the test, the values and the shortfall."""

    name: Bilingual
    test: str  # at_least | at_most | equals | full_marks | min_score
    actual: Val
    required: Val
    shortfall: Decimal | None
    unit: Unit = NONE
    value: bool = False  # the subject is a fact or a derived value (else points)

    @classmethod
    def of(cls, c: ConditionResult, result: Result, std: Standard | None) -> Gap:
        subject = c.subject or ""
        fact = result.fact(subject)
        if c.test == "min_score":
            return cls(TOTAL_SCORE, c.test, c.actual, c.required, c.shortfall)
        if fact is not None:
            return cls(fact.label, c.test, c.actual, c.required, c.shortfall, fact.unit, value=True)
        if std is not None and (subject in std.derived or subject == POPULATION):
            name = Bilingual(std.name_of(subject, "zh"), std.name_of(subject, "en"))
            unit = Unit(std.unit_of(subject, "zh"), std.unit_of(subject, "en"))
            return cls(name, c.test, c.actual, c.required, c.shortfall, unit, value=True)
        return cls(c.name, c.test, c.actual, c.required, c.shortfall)


@dataclass(frozen=True)
class Row:
    path: str
    name: str = ""
    province: str = ""
    region: str = ""
    total: Decimal | None = None
    max: Decimal | None = None
    grade: str | None = None
    grade_name: Bilingual | None = None
    all_grades: tuple[tuple[str, Bilingual], ...] = ()  # the standard's grades (id, name), highest first
    next_grade: Bilingual | None = None
    blockers: tuple[Bilingual, ...] = ()  # the failed conditions of the next grade
    report: str | None = None
    problems: tuple[Problem, ...] = field(default=())
    completeness: Completeness | None = None  # the counts only (no list of what to fill)
    gaps: tuple[Gap, ...] = ()  # the blockers with their values and shortfalls
    criteria: tuple[str, Bilingual] | None = None  # the standard's id and title
    assessment: str = ""  # the assessment's name (self) and its assessor (self, prefecture…)
    assessor: str = ""
    estimated: int = 0  # facts the result rests on that are estimates
    reconstructed: tuple[int, int] = (0, 0)  # the standard's reconstructed values, of how many
    name_en: str | None = None  # the library's English name, when it gives one

    @property
    def complete(self) -> bool:
        return self.completeness is None or self.completeness.complete

    @property
    def ok(self) -> bool:
        return self.total is not None

    @classmethod
    def of(
        cls,
        path: str,
        result: Result,
        warnings: tuple[Problem, ...],
        report: str | None = None,
        std: Standard | None = None,
    ) -> Row:
        """The row of a scored library (`std`, its standard, names and units derived values)."""
        blocked = result.blocked
        nxt = blocked[-1] if blocked else None
        failed = nxt.failed if nxt else ()
        return cls(
            path=path,
            name=result.library,
            province=result.province,
            region=result.region,
            total=result.total,
            max=result.max,
            grade=result.grade.id if result.grade else None,
            all_grades=tuple((g.id, g.name) for g in result.grades),
            grade_name=result.grade.name if result.grade else None,
            next_grade=nxt.name if nxt else None,
            blockers=tuple(c.name if c.test != "min_score" else TOTAL_SCORE for c in failed),
            report=report,
            problems=warnings,
            completeness=replace(result.completeness, to_fill=()),
            gaps=tuple(Gap.of(c, result, std) for c in failed),
            criteria=(result.criteria_id, result.criteria_title),
            assessment=result.assessment,
            assessor=result.assessor,
            estimated=len(result.estimated),
            reconstructed=(result.reconstructed, result.provenance_total),
            name_en=result.library_en,
        )


@dataclass
class Summary:
    """What the batch output needs: the rows ranked, the grade distribution per region."""

    rows: list[Row]
    grades: list[tuple[str, Bilingual]]  # id, name; highest first
    distribution: dict[str, dict[str, int]]
    ranked: list[Row]
    failed: list[Row]

    @property
    def incomplete(self) -> int:
        """How many scored libraries have an incomplete result."""
        return sum(1 for r in self.ranked if not r.complete)

    @property
    def standards(self) -> list[tuple[str, Bilingual, tuple[int, int]]]:
        """The standards the libraries were scored against (id, title, reconstructed of total), in
        the order met."""
        seen: dict[str, tuple[str, Bilingual, tuple[int, int]]] = {}
        for r in self.ranked:
            if r.criteria is not None:
                seen.setdefault(r.criteria[0], (*r.criteria, r.reconstructed))
        return list(seen.values())

    @property
    def assessments(self) -> list[tuple[str, str]]:
        """The assessments scored (name, assessor), in the order met."""
        return list(dict.fromkeys((r.assessment, r.assessor) for r in self.ranked))

    @property
    def estimated(self) -> tuple[int, int]:
        """How many libraries rest on estimated facts, and how many such facts in all."""
        rows = [r for r in self.ranked if r.estimated]
        return len(rows), sum(r.estimated for r in rows)

    @classmethod
    def of(cls, rows: list[Row]) -> Summary:
        grades: dict[str, Bilingual] = {}
        for r in rows:  # every grade of the standards in use, highest first
            for gid, name in r.all_grades:
                grades.setdefault(gid, name)
        order = list(grades)
        distribution: dict[str, dict[str, int]] = {}
        for r in rows:
            if not r.ok:
                continue
            counts = distribution.setdefault(r.region, dict.fromkeys([*order, "none"], 0))
            counts[r.grade or "none"] = counts.get(r.grade or "none", 0) + 1
        ok = [r for r in rows if r.ok]
        ranked = sorted(ok, key=lambda r: (-(r.total or 0), r.path))
        return cls(rows, [(g, grades[g]) for g in order], distribution, ranked, [r for r in rows if not r.ok])
