"""`libeval score DIR`: every library folder under a directory, scored into rows, then the
summary in the chosen format. A broken folder becomes a row with its problems and the batch goes
on. With `jobs > 1` the folders are scored by worker processes; the rows come back in the same
order as with one job."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import AbstractContextManager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from libeval.analysis.batch import Row, Summary
from libeval.commands.outcome import Outcome, criteria_path, kind_of
from libeval.errors import Interrupted, LibevalError, Problem, problem
from libeval.load.folders import StandardCache, find_libraries, load_library, shown
from libeval.present.formats import BatchFormat, CsvEncoding, ReportFormat
from libeval.present.problems import problem_lines
from libeval.scoring.engine import score
from libeval.text.encoding import csv_bytes, unencodable
from libeval.text.labels import label
from libeval.text.numbers import points
from libeval.text.parser_messages import os_error

CHUNK = 16  # folders handed to a worker at a time

Progress = Callable[[int], AbstractContextManager[Callable[[int], None]]]  # total -> a context giving `advance(n)`


@dataclass(frozen=True)
class ReportSpec:
    """Where and how to write each library's own report (None: no reports)."""

    directory: Path
    fmt: ReportFormat
    lang: str
    template: Path | None = None


@dataclass(frozen=True)
class BatchSettings:
    root: Path
    assessment: str = "self"
    fmt: BatchFormat = BatchFormat.table
    jobs: int | None = None  # default: the number of cores
    reports: ReportSpec | None = None
    fail_under: Decimal | None = None
    lang: str = "zh"
    msg_lang: str = "en"
    criteria: str | None = None  # score every library against this standard (id or path)
    encoding: CsvEncoding = CsvEncoding.utf_8  # the CSV's
    output: str = "-"  # where the output goes, as given: a problem in the CSV is located there


@contextlib.contextmanager
def _silent(_total: int) -> Iterator[Callable[[int], None]]:
    yield lambda _n: None


def run(s: BatchSettings, progress: Progress = _silent) -> Outcome:
    folders = find_libraries(s.root)
    if not folders:
        raise LibevalError([problem(str(s.root), None, "no-libraries", path=str(s.root))])
    if s.reports is not None:
        try:
            s.reports.directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            detail = os_error(exc)
            raise LibevalError([problem(str(s.reports.directory), None, "output-failed", detail=detail)]) from None
    override = criteria_path(s.criteria) if s.criteria else None
    rows: list[Row] = []
    with progress(len(folders)) as advance:
        try:
            jobs = s.jobs or default_jobs()
            for row in run_batch(folders, s.assessment, jobs, s.reports, s.root, advance, override):
                rows.append(row)
        except KeyboardInterrupt:
            raise Interrupted(len(rows), len(folders)) from None
    summary = Summary.of(rows)
    from libeval.present.batch import BatchView, render

    output = render(BatchView(summary, s.lang, s.msg_lang), s.fmt)
    messages = ""
    if s.fmt is not BatchFormat.github:  # github annotations carry the problems on stdout instead
        messages = problem_lines([p for r in summary.failed for p in r.problems if p.severity == "error"], s.msg_lang)
        warned = sum(1 for r in rows for p in r.problems if p.severity == "warning")
        if warned:
            messages += label("batch.warned", s.msg_lang, n=warned, root=s.root) + "\n"
    gate = s.fail_under
    below = [r for r in rows if gate is not None and r.total is not None and r.total < gate]
    if gate is not None and below and s.fmt is not BatchFormat.github:  # say why the run fails
        messages += label("batch.below", s.msg_lang, n=len(below), gate=points(gate)) + "\n"
    code = 1 if summary.failed or below else 0
    if s.fmt is BatchFormat.csv:
        failed = [p for r in summary.failed for p in r.problems if p.severity == "error"]
        return Outcome(_csv(output, s, failed), messages, code, kind="csv")
    return Outcome(output, messages, code, kind=kind_of(s.fmt))


def _csv(text: str, s: BatchSettings, failed: list[Problem]) -> bytes:
    """The CSV in its encoding (text/encoding.py); in GBK, a character outside GBK is an error
    located in the CSV (with the libraries' own errors, all at once), never a changed name."""
    enc = s.encoding.value
    faults = unencodable(text, enc)
    if faults:
        problems = list(failed)
        for line, col, chars in faults:
            points = ", ".join(f"U+{ord(c):04X}" for c in chars)
            problems.append(
                problem(
                    s.output, (line, col), "csv-unencodable", chars=chars, unicode=points, encoding="GBK", option=enc
                )
            )
        raise LibevalError(problems)
    return csv_bytes(text, enc)


_WORKER_CACHE: StandardCache | None = None  # in a worker process (one pool per batch): each standard once


def score_folder(
    folder: Path,
    assessment: str,
    reports: ReportSpec | None,
    root: Path,
    cache: StandardCache,
    criteria: Path | None = None,
) -> Row:
    """Load, check and score one library folder into a row (against `criteria` instead of its own
    standard, when given); never raises for bad input."""
    where = shown(folder)
    try:
        lib = load_library(folder, cache, criteria)
        result = score(lib.standard, lib.library, lib.assessment(assessment), assessment)
        report = None
        if reports is not None:
            from libeval.commands.score import library_report
            from libeval.load.writing import write_atomic

            target = reports.directory / f"{_report_name(folder, root)}.{reports.fmt.value}"
            write_atomic(target, library_report(lib, result, assessment, reports.fmt, reports.lang, reports.template))
            report = str(target)
        # errors would have raised
        return Row.of(where, result, (*lib.problems, *result.problems), report, lib.standard)
    except LibevalError as exc:
        return Row(path=where, problems=tuple(exc.problems))


def _report_name(folder: Path, root: Path) -> str:
    """A report's file name: the folder's path below the batch root, joined with dashes."""
    try:
        rel = folder.resolve().relative_to(root.resolve())
    except ValueError:
        rel = Path(folder.name)
    return "-".join(rel.parts) or folder.resolve().name


def _score_chunk(args: tuple[list[Path], str, ReportSpec | None, Path, Path | None]) -> list[Row]:
    global _WORKER_CACHE
    if _WORKER_CACHE is None:
        _WORKER_CACHE = StandardCache()
    folders, assessment, reports, root, criteria = args
    return [score_folder(f, assessment, reports, root, _WORKER_CACHE, criteria) for f in folders]


def run_batch(
    folders: list[Path],
    assessment: str,
    jobs: int,
    reports: ReportSpec | None,
    root: Path,
    progress: Callable[[int], None] | None = None,
    criteria: Path | None = None,
) -> Iterator[Row]:
    """Rows in the order of `folders`, scored by `jobs` processes (against `criteria`, when given,
    instead of each library's own standard)."""
    if jobs <= 1 or len(folders) <= CHUNK:
        cache = StandardCache()  # this batch's: a standard edited between two batches is read again
        for folder in folders:
            row = score_folder(folder, assessment, reports, root, cache, criteria)
            if progress:
                progress(1)
            yield row
        return
    chunks = [folders[i : i + CHUNK] for i in range(0, len(folders), CHUNK)]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for rows in pool.map(_score_chunk, [(c, assessment, reports, root, criteria) for c in chunks]):
            if progress:
                progress(len(rows))
            yield from rows


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1
