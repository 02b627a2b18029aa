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
from libeval.models.result import Completeness, Result
from libeval.text.bilingual import Bilingual

TOTAL_SCORE = Bilingual("总分", "total score")


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

    @property
    def complete(self) -> bool:
        return self.completeness is None or self.completeness.complete

    @property
    def ok(self) -> bool:
        return self.total is not None

    @classmethod
    def of(cls, path: str, result: Result, warnings: tuple[Problem, ...], report: str | None = None) -> Row:
        """The row of a scored library."""
        blocked = result.blocked
        nxt = blocked[-1] if blocked else None
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
            blockers=tuple(c.name if c.test != "min_score" else TOTAL_SCORE for c in (nxt.failed if nxt else ())),
            report=report,
            problems=warnings,
            completeness=replace(result.completeness, to_fill=()),
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
