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
from libeval.present.formats import BatchFormat, CsvEncoding, ReportFormat, ScoreFormat
from libeval.text.click_messages import OPTION_ERRORS


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
    encoding: CsvEncoding | None = None  # --encoding, for a CSV
    library_report: bool = False  # a review's md/html/xlsx: the library's report, not the 复核意见


def run(s: ScorePathSettings, progress: batch.Progress) -> Outcome:
    if s.path.is_dir() and not (s.path / LIBRARY_FILE).is_file():
        if s.detail or s.explain:
            raise UsageError(OPTION_ERRORS["path"], OPTION_ERRORS["batch-detail"])
        if s.fmt not in set(BatchFormat):
            raise UsageError("--format", OPTION_ERRORS["format-one"].format(fmt=s.fmt))
        if s.encoding is not None and s.fmt != BatchFormat.csv:
            raise UsageError("--encoding", OPTION_ERRORS["encoding-csv"])
        reports = batch.ReportSpec(s.reports_dir, s.reports_format, s.lang, s.template) if s.reports_dir else None
        settings = batch.BatchSettings(
            s.path,
            s.assessment,
            BatchFormat(s.fmt),
            s.jobs,
            reports,
            s.fail_under,
            s.lang,
            s.msg_lang,
            s.criteria,
            s.encoding or CsvEncoding.utf_8,
            str(s.output) if s.output else "-",
        )
        return batch.run(settings, progress)
    if s.encoding is not None:
        raise UsageError("--encoding", OPTION_ERRORS["encoding-csv"])
    if s.fmt not in set(ScoreFormat):
        raise UsageError("--format", OPTION_ERRORS["format-batch"].format(fmt=s.fmt))
    if s.fmt == ScoreFormat.xlsx and s.output is None:
        raise UsageError("--format", OPTION_ERRORS["xlsx-output"])
    if s.reports_dir is not None:
        raise UsageError("--reports-dir", OPTION_ERRORS["reports-dir"])
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
            library_report=s.library_report,
        )
    )
