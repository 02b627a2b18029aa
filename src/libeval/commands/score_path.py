"""`libeval score PATH`: one library folder, or every library folder below PATH. Decides which,
refuses the options that do not go with it, and runs commands/score.py or commands/batch.py."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from libeval.commands import batch
from libeval.commands import score as single
from libeval.commands.outcome import Outcome
from libeval.errors import UsageError
from libeval.load.folders import LIBRARY_FILE
from libeval.present.formats import BatchFormat, ReportFormat, ScoreFormat


@dataclass(frozen=True)
class ScorePathSettings:
    path: Path
    fmt: str  # a ScoreFormat for one library, a BatchFormat for a folder of them
    assessment: str = "self"
    detail: bool = False
    explain: str | None = None
    fail_under: Decimal | None = None
    template: Path | None = None
    jobs: int | None = None
    reports_dir: Path | None = None
    reports_format: ReportFormat = ReportFormat.html
    criteria: str | None = None
    output: Path | None = None
    lang: str = "zh"
    msg_lang: str = "en"


def run(s: ScorePathSettings, progress: batch.Progress) -> Outcome:
    if s.path.is_dir() and not (s.path / LIBRARY_FILE).is_file():
        if s.detail or s.explain:
            raise UsageError("PATH", "--detail and --explain are for one library folder")
        if s.fmt not in set(BatchFormat):
            raise UsageError("--format", f"{s.fmt} is for one library folder")
        reports = batch.ReportSpec(s.reports_dir, s.reports_format, s.lang, s.template) if s.reports_dir else None
        settings = batch.BatchSettings(
            s.path, s.assessment, BatchFormat(s.fmt), s.jobs, reports, s.fail_under, s.lang, s.msg_lang, s.criteria
        )
        return batch.run(settings, progress)
    if s.fmt not in set(ScoreFormat):
        raise UsageError("--format", f"{s.fmt} is for a folder of libraries")
    if s.fmt == ScoreFormat.xlsx and s.output is None:
        raise UsageError("--format", "xlsx is a file: give --output FILE")
    if s.reports_dir is not None:
        raise UsageError("--reports-dir", "--reports-dir is for a folder of libraries")
    return single.run(
        single.ScoreSettings(
            s.path,
            s.assessment,
            ScoreFormat(s.fmt),
            s.detail,
            s.explain,
            s.fail_under,
            s.template,
            s.lang,
            s.msg_lang,
            s.criteria,
        )
    )
