"""`libeval score LIB`: one library folder scored, in the chosen format; and the one function
that builds a library's report, for the single command and the batch alike."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from libeval.commands.outcome import Outcome, criteria_path, input_files, input_paths, kind_of
from libeval.errors import LibevalError, UsageError, problem
from libeval.load.folders import LibraryFolder, load_library
from libeval.models.assessment import Assessment
from libeval.models.result import Result
from libeval.present.formats import ReportFormat, ScoreFormat
from libeval.present.problems import problem_lines
from libeval.present.report_view import InputFile
from libeval.scoring.engine import score
from libeval.text.click_messages import OPTION_ERRORS
from libeval.text.labels import label
from libeval.text.numbers import points

if TYPE_CHECKING:
    from libeval.analysis.review import Review


@dataclass(frozen=True)
class ScoreSettings:
    path: Path
    assessment: str = "self"
    fmt: ScoreFormat = ScoreFormat.table
    detail: bool = False
    explain: str | None = None  # one indicator's whole trace instead of the result
    fail_under: Decimal | None = None
    template: Path | None = None
    lang: str = "zh"  # reports
    msg_lang: str = "en"  # problem messages
    criteria: str | None = None  # score against this standard (id or path) instead of the library's own
    library_report: bool = False  # a review's md/html/xlsx: the library's report under its figures, not the 复核意见

    def __post_init__(self) -> None:
        if self.fmt is ScoreFormat.github and (self.detail or self.explain):
            raise UsageError("--format", OPTION_ERRORS["github-detail"])


def run(s: ScoreSettings) -> Outcome:
    folder = load_library(s.path, criteria_override=criteria_path(s.criteria) if s.criteria else None)
    result = score(folder.standard, folder.library, folder.assessment(s.assessment), s.assessment)
    gate = ""  # the gate says why it fails (github: an annotation on stdout does)
    if s.fail_under is not None and result.total < s.fail_under:
        gate = label("score.below", s.msg_lang, total=points(result.total), gate=points(s.fail_under)) + "\n"
    code = 1 if gate else 0
    problems = [*folder.problems, *result.problems]
    if s.explain is not None:
        from libeval.present.explain import explain

        lines = explain(folder.standard, result, s.explain, s.lang)
        if lines is None:
            suggest = folder.standard.suggest_code(s.explain)
            raise LibevalError([problem(str(s.path), None, "unknown-code", code=s.explain, suggest=suggest)])
        from libeval.present.completeness import notice

        warn = notice(result.completeness, s.lang)  # an incomplete result says so first, here too
        text = "\n".join([warn, *lines] if warn else lines) + "\n"
        return Outcome(text, problem_lines(problems, s.msg_lang) + gate, code, input_paths(folder))
    output = _render(
        folder, result, s.assessment, s.fmt, s.lang, s.msg_lang, s.detail, s.template, s.fail_under, s.library_report
    )
    if s.fmt is ScoreFormat.github:  # the warnings go with the annotations on stdout
        return Outcome(output, "", code, input_paths(folder))
    messages = problem_lines(problems, s.msg_lang) + gate
    return Outcome(output, messages, code, input_paths(folder), kind_of(s.fmt))


def library_report(
    folder: LibraryFolder, result: Result, assessment: str, fmt: ReportFormat, lang: str, template: Path | None
) -> str:
    """A library's report (md or html) with its next steps: byte for byte the same whether the
    library is scored alone (`score LIB --format html`) or in a batch (`--reports-dir`)."""
    output = _render(folder, result, assessment, ScoreFormat(fmt.value), lang, "en", False, template, None)
    return output if isinstance(output, str) else output.decode("utf-8")  # md and html are text


def _render(
    folder: LibraryFolder,
    result: Result,
    assessment: str,
    fmt: ScoreFormat,
    lang: str,
    msg_lang: str,
    detail: bool,
    template: Path | None,
    gate: Decimal | None,
    library_report: bool = False,
) -> str | bytes:
    from libeval.present.score import ScoreView, render

    next_steps = None
    others: list[Result] = []
    reviewed = _review(folder, result, assessment) if fmt in REVIEW_FORMATS and not library_report else None
    if reviewed is not None:  # a review's report is the reviewer's, 复核意见: no 下一步 in it
        pass
    elif fmt in (ScoreFormat.md, ScoreFormat.html):
        from libeval.analysis.plan import plan

        next_steps = plan(folder.standard, folder.library, folder.assessment(assessment), now=result)
        others = _others(folder, assessment)
    view = ScoreView(
        result=result,
        standard=folder.standard,
        lang=lang,
        msg_lang=msg_lang,
        detail=detail,
        inputs=_inputs(folder, assessment, reviewed),
        plan=next_steps,
        others=others,
        template=template,
        gate=gate,
        problems=(*folder.problems, *result.problems),
        review=reviewed,
        members=tuple(_written(folder, assessment).members),
    )
    return render(view, fmt)


def _inputs(folder: LibraryFolder, assessment: str, reviewed: Review | None) -> tuple[InputFile, ...]:
    """The files a report rests on; a review's report rests on the pass it reviews too."""
    files = input_files(folder, assessment)
    if reviewed is None or reviewed.reviewed.assessment not in folder.assessments:
        return files
    src = folder.assessments[reviewed.reviewed.assessment][1]
    known = {f.path for f in files}
    return files if src.path in known else (*files[:1], InputFile(src.path, src.sha256), *files[1:])


REVIEW_FORMATS = (ScoreFormat.md, ScoreFormat.html, ScoreFormat.xlsx)


def _written(folder: LibraryFolder, name: str) -> Assessment:
    """The assessment as written (what the pass itself set), not as it inherits."""
    return folder.written.get(name) or folder.assessment(name)


def reviewed_name(folder: LibraryFolder, assessment: str) -> str | None:
    """The pass a review reviews: the one it inherits from, else the self-assessment; None for
    the self-assessment itself, or when there is nothing to review."""
    a = folder.assessment(assessment)
    if a.assessor == "self":
        return None
    name = a.inherit or "self"
    return name if name in folder.assessments and name != assessment else None


def _review(folder: LibraryFolder, result: Result, assessment: str) -> Review | None:
    """A review against the pass it reviews, for the reviewer's report."""
    name = reviewed_name(folder, assessment)
    if name is None:
        return None
    from libeval.analysis.review import review

    before = score(folder.standard, folder.library, folder.assessment(name), name)
    return review(result, before, _written(folder, assessment), folder.assessment(assessment))


def _others(folder: LibraryFolder, assessment: str) -> list[Result]:
    """The folder's other assessments a report names, scored: a review's report shows the
    self-assessment beside it; the self-assessment's report lists every review."""
    names = [n for n in folder.assessments if n != assessment and (assessment == "self" or n == "self")]
    return [score(folder.standard, folder.library, folder.assessment(n), n) for n in sorted(names)]
