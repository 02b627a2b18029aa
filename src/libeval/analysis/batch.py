"""Scoring every library folder under a directory: one small row per library, in order.

Each library is loaded, checked and scored on its own; a broken folder becomes a row with its
problems and the batch goes on. Rows are all that is kept (never whole results), so memory
stays flat however many libraries there are. With `jobs > 1` the folders are scored by worker
processes and the rows come back in the same order as with one job.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from libeval.errors import LibevalError, Problem

CHUNK = 16  # folders handed to a worker at a time


@dataclass(frozen=True)
class ReportSpec:
    """Where and how to write each library's own report (None: no reports)."""

    directory: Path
    fmt: str  # md | html
    lang: str
    template: Path | None = None


@dataclass(frozen=True)
class Row:
    path: str
    name: str = ""
    province: str = ""
    region: str = ""
    total: Decimal | None = None
    max: Decimal | None = None
    grade: str | None = None
    grade_name: tuple[str, str] | None = None  # zh, en
    all_grades: tuple[tuple[str, str, str], ...] = ()  # the standard's grades: id, zh, en, highest first
    next_grade: tuple[str, str] | None = None
    blockers: tuple[tuple[str, str], ...] = ()  # failed conditions of the next grade (zh, en)
    report: str | None = None
    problems: tuple[Problem, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return self.total is not None


_CACHE: Any = None


def score_folder(folder: Path, assessment: str, reports: ReportSpec | None, root: Path) -> Row:
    """Load, check and score one library folder into a row; never raises for bad input."""
    global _CACHE
    from libeval.load.folders import StandardCache, load_library, shown
    from libeval.scoring.engine import score

    if _CACHE is None:
        _CACHE = StandardCache()
    where = shown(folder)
    try:
        lib = load_library(folder, _CACHE)
        model = lib.assessment(assessment)
        result = score(lib.standard, lib.library, model, assessment)
        report = None
        if reports is not None:
            report = _write_report(lib, result, assessment, reports, folder, root)
        blocked = result.blocked
        nxt = blocked[-1] if blocked else None
        warnings = (*lib.problems, *result.problems)  # errors would have raised
        return Row(
            path=where,
            name=result.library,
            province=result.province,
            region=result.region,
            total=result.total,
            max=result.max,
            grade=result.grade.id if result.grade else None,
            all_grades=tuple((g.id, g.name.zh, g.name.en) for g in result.grades),
            grade_name=(result.grade.name.zh, result.grade.name.en) if result.grade else None,
            next_grade=(nxt.name.zh, nxt.name.en) if nxt else None,
            blockers=tuple(
                (c.name.zh, c.name.en) if c.test != "min_score" else ("总分", "total score")
                for c in (nxt.failed if nxt else ())
            ),
            report=report,
            problems=warnings,
        )
    except LibevalError as exc:
        return Row(path=where, problems=tuple(exc.problems))


def _write_report(lib: Any, result: Any, assessment: str, spec: ReportSpec, folder: Path, root: Path) -> str:
    from libeval.load.writing import write_atomic
    from libeval.present.report_view import build_context
    from libeval.present.templates import render

    try:
        rel = folder.resolve().relative_to(root.resolve())
    except ValueError:
        rel = Path(folder.name)
    name = "-".join(rel.parts) or folder.resolve().name
    target = spec.directory / f"{name}.{spec.fmt}"
    text = render(build_context(result, lib, assessment, spec.lang), spec.fmt, spec.template)  # type: ignore[arg-type]
    write_atomic(target, text)
    return str(target)


def _score_chunk(args: tuple[list[Path], str, ReportSpec | None, Path]) -> list[Row]:
    folders, assessment, reports, root = args
    return [score_folder(f, assessment, reports, root) for f in folders]


def run_batch(
    folders: list[Path],
    assessment: str,
    jobs: int,
    reports: ReportSpec | None,
    root: Path,
    progress: Callable[[int], None] | None = None,
) -> Iterator[Row]:
    """Rows in the order of `folders`, scored by `jobs` processes."""
    if jobs <= 1 or len(folders) <= CHUNK:
        for folder in folders:
            row = score_folder(folder, assessment, reports, root)
            if progress:
                progress(1)
            yield row
        return
    chunks = [folders[i : i + CHUNK] for i in range(0, len(folders), CHUNK)]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for rows in pool.map(_score_chunk, [(c, assessment, reports, root) for c in chunks]):
            if progress:
                progress(len(rows))
            yield from rows


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


@dataclass
class Summary:
    """What the batch output needs: the rows ranked, the grade distribution per region."""

    rows: list[Row]
    grades: list[tuple[str, str, str]]  # id, zh, en, highest first
    distribution: dict[str, dict[str, int]]
    ranked: list[Row]
    failed: list[Row]

    @classmethod
    def of(cls, rows: list[Row]) -> Summary:
        grades: dict[str, tuple[str, str]] = {}
        for r in rows:  # every grade of the standards in use, highest first
            for gid, zh, en in r.all_grades:
                grades.setdefault(gid, (zh, en))
        order = list(grades)
        distribution: dict[str, dict[str, int]] = {}
        for r in rows:
            if not r.ok:
                continue
            counts = distribution.setdefault(r.region, dict.fromkeys([*order, "none"], 0))
            counts[r.grade or "none"] = counts.get(r.grade or "none", 0) + 1
        ok = [r for r in rows if r.ok]
        ranked = sorted(ok, key=lambda r: (-(r.total or 0), r.path))
        return cls(rows, [(g, *grades[g]) for g in order], distribution, ranked, [r for r in rows if not r.ok])
