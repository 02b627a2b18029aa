"""The command line: options -> a settings object -> one call (libeval.commands) -> the returned
output written. The only module that imports typer; `_run` is the one place that turns problems
into messages and exit codes."""

from __future__ import annotations

import enum
import os
import sys
from collections.abc import Callable
from contextlib import AbstractContextManager
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from libeval import __version__
from libeval.errors import Interrupted, LibevalError, UsageError, problem
from libeval.present.formats import CheckFormat, CriteriaDiffFormat, DiffFormat, PlanFormat, ReportFormat, ScoreOutput
from libeval.text.messages import default_lang

if TYPE_CHECKING:
    from libeval.commands.outcome import Outcome

app = typer.Typer(
    name="libeval",
    help="Score China's national evaluation of public libraries (全国县级以上公共图书馆评估定级).",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)
criteria_app = typer.Typer(
    help="Standards: the bundled ones, one as a tree, a published table imported.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(criteria_app, name="criteria")


class Lang(enum.StrEnum):
    zh = "zh"
    en = "en"


class Level(enum.StrEnum):
    province = "province"
    city = "city"
    county = "county"
    children = "children"


class SchemaKind(enum.StrEnum):
    standard = "standard"
    library = "library"
    assessment = "assessment"


LangOpt = Annotated[Lang | None, typer.Option("--lang", help="zh or en (default: reports zh, messages from LANG).")]
OutputOpt = Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file (atomically).")]


def _msg_lang(lang: Lang | None) -> str:
    return lang.value if lang else default_lang()


def _report_lang(lang: Lang | None) -> str:
    return lang.value if lang else "zh"


def _run(lang: Lang | None, call: Callable[[], Outcome], output: Path | None = None) -> None:
    """Run a command and write what it returns. Problems become `file:line:col` lines on stderr
    and exit code 1; options that do not go together, exit code 2; Ctrl-C in a batch, 130."""
    from libeval.present.problems import problem_lines

    try:
        outcome = call()
        sys.stderr.write(outcome.messages)
        _emit(outcome.output, output, outcome.inputs)
    except LibevalError as exc:
        sys.stderr.write(problem_lines(exc.problems, _msg_lang(lang)))
        raise typer.Exit(1) from None
    except UsageError as exc:
        raise typer.BadParameter(exc.message, param_hint=exc.option) from None
    except Interrupted as exc:
        sys.stderr.write(f"{exc}\n")
        raise typer.Exit(130) from None
    raise typer.Exit(outcome.exit_code)


def _emit(data: str | bytes, output: Path | None, inputs: tuple[Path, ...]) -> None:
    if output is None:
        if isinstance(data, bytes):
            raise LibevalError([problem("-", None, "needs-output", format="xlsx")])
        sys.stdout.write(data)
        return
    from libeval.load.writing import write_atomic

    write_atomic(output, data, inputs)


def _decimal_option(name: str, raw: str | None) -> Decimal | None:
    if raw is None:
        return None
    try:
        value = Decimal(raw)
    except InvalidOperation:
        value = Decimal("NaN")
    if not value.is_finite():
        raise typer.BadParameter(f"{raw!r} is not a number", param_hint=name)
    return value


def _version(value: bool) -> None:
    if value:
        typer.echo(f"libeval {__version__}")
        raise typer.Exit(0)


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """libeval: exact, explainable scoring of public library evaluations."""


@app.command()
def check(
    paths: Annotated[list[Path], typer.Argument(help="Standards (.yaml) and library folders to validate.")],
    fmt: Annotated[
        CheckFormat, typer.Option("--format", help="text, json, or github (workflow-command annotations).")
    ] = CheckFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail the check too.")] = False,
    lang: LangOpt = None,
) -> None:
    """Validate standards and library folders; print every problem."""
    from libeval.commands import check as command

    _run(lang, lambda: command.run(command.CheckSettings(paths, fmt, strict, _msg_lang(lang))))


@app.command()
def score(
    path: Annotated[Path, typer.Argument(help="A library folder (holding library.yaml), or a folder of them.")],
    assessment: Annotated[str, typer.Option("--assessment", "-a", help="Which assessment to score.")] = "self",
    fmt: Annotated[
        ScoreOutput, typer.Option("--format", help="table, json, md, html; csv for a folder of libraries.")
    ] = ScoreOutput.table,
    detail: Annotated[bool, typer.Option("--detail", help="Every indicator with its explanation.")] = False,
    explain: Annotated[str | None, typer.Option("--explain", help="One indicator's whole trace.")] = None,
    fail_under: Annotated[str | None, typer.Option("--fail-under", help="Exit 1 when the total is below N.")] = None,
    template: Annotated[
        Path | None, typer.Option("--template", help="Render md/html with this Jinja2 template instead.")
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=1, help="Processes for a folder of libraries (default: the number of cores)."),
    ] = None,
    reports_dir: Annotated[
        Path | None, typer.Option("--reports-dir", help="Also write each library's own report into this folder.")
    ] = None,
    reports_format: Annotated[
        ReportFormat, typer.Option("--reports-format", help="md or html, for --reports-dir.")
    ] = ReportFormat.html,
    criteria: Annotated[
        str | None,
        typer.Option("--criteria", help="Score against this standard (id or path) instead of the library's own."),
    ] = None,
    output: OutputOpt = None,
    lang: LangOpt = None,
) -> None:
    """Score a library folder: total, grade, what blocks the next grade. Given a folder of library
    folders (any depth), score them all: a summary, the grades per region, a ranking."""
    from libeval.commands import score_path as command

    settings = command.ScorePathSettings(
        path,
        fmt.value,
        assessment,
        detail,
        explain,
        _decimal_option("--fail-under", fail_under),
        template,
        jobs,
        reports_dir,
        reports_format,
        criteria,
        output,
        _report_lang(lang),
        _msg_lang(lang),
    )
    _run(lang, lambda: command.run(settings, _progress), output)


def _progress(total: int) -> AbstractContextManager[Callable[[int], None]]:
    """A batch's progress bar: on a terminal only, never in CI."""
    from libeval.present.console import batch_progress

    return batch_progress(total, sys.stderr.isatty() and not os.environ.get("CI"))


@app.command("diff")
def diff_cmd(
    paths: Annotated[list[Path], typer.Argument(help="One library folder, or two (the same library in two years).")],
    from_: Annotated[str | None, typer.Option("--from", help="The first assessment (default: self).")] = None,
    to: Annotated[
        str | None, typer.Option("--to", help="The second (default: the latest other by date; self for two folders).")
    ] = None,
    fmt: Annotated[DiffFormat, typer.Option("--format", help="table, json, md, html or xlsx.")] = DiffFormat.table,
    exit_code: Annotated[bool, typer.Option("--exit-code", help="Exit 1 when the two differ.")] = False,
    criteria: Annotated[
        str | None,
        typer.Option(
            "--criteria",
            help="Compare the assessment (--from) under the library's own standard and this one (id or path).",
        ),
    ] = None,
    output: OutputOpt = None,
    lang: LangOpt = None,
) -> None:
    """Compare two assessments indicator by indicator: what differs, and why. With --criteria, one
    assessment under two standards."""
    from libeval.commands import diff as command

    rlang, mlang = _report_lang(lang), _msg_lang(lang)
    _run(
        lang,
        lambda: command.run(command.DiffSettings(paths, from_, to, fmt, exit_code, rlang, mlang, criteria)),
        output,
    )


@app.command("plan")
def plan_cmd(
    path: Annotated[Path, typer.Argument(help="A library folder.")],
    assessment: Annotated[str, typer.Option("--assessment", "-a", help="Which assessment to start from.")] = "self",
    target: Annotated[
        str | None, typer.Option("--target", help="The grade to reach (id or name; default: the next grade up).")
    ] = None,
    fmt: Annotated[PlanFormat, typer.Option("--format", help="table, json or md.")] = PlanFormat.table,
    output: OutputOpt = None,
    lang: LangOpt = None,
) -> None:
    """What it takes to reach the next grade: prerequisites first, then the cheapest set of
    fact changes that closes the score gap."""
    from libeval.commands import plan as command

    settings = command.PlanSettings(path, assessment, target, fmt, _report_lang(lang), _msg_lang(lang))
    _run(lang, lambda: command.run(settings), output)


@app.command("schema")
def schema_cmd(
    kind: Annotated[SchemaKind, typer.Argument(help="standard, library or assessment.")] = SchemaKind.library,
    criteria: Annotated[
        str | None, typer.Option("--criteria", help="Know this standard's facts and indicators (id or path).")
    ] = None,
    output: OutputOpt = None,
    lang: LangOpt = None,
) -> None:
    """JSON Schema of a file kind, for editor completion (yaml-language-server) and CI."""
    from libeval.commands import schema as command

    _run(lang, lambda: command.run(kind.value, criteria), output)


@criteria_app.command("list")
def criteria_list(lang: LangOpt = None) -> None:
    """List the bundled standards."""
    from libeval.commands import criteria as command

    _run(lang, lambda: command.run_list(_report_lang(lang)))


@criteria_app.command("show")
def criteria_show(
    ref: Annotated[str, typer.Argument(help="A bundled standard's id, or a path to a standard file.")],
    depth: Annotated[int | None, typer.Option("--depth", min=1, help="Show this many levels.")] = None,
    provenance: Annotated[
        bool, typer.Option("--provenance", help="List every reconstructed value with its path, and the official ones.")
    ] = False,
    lang: LangOpt = None,
) -> None:
    """Show a standard as a tree with points, rules and provenance marks."""
    from libeval.commands import criteria as command

    _run(lang, lambda: command.run_show(command.ShowSettings(ref, depth, _report_lang(lang), provenance)))


@criteria_app.command("diff")
def criteria_diff(
    a: Annotated[str, typer.Argument(help="The first standard: a bundled id, or a path to a standard file.")],
    b: Annotated[str, typer.Argument(help="The second standard: a bundled id, or a path.")],
    fmt: Annotated[CriteriaDiffFormat, typer.Option("--format", help="table, json or md.")] = CriteriaDiffFormat.table,
    exit_code: Annotated[bool, typer.Option("--exit-code", help="Exit 1 when the two differ.")] = False,
    output: OutputOpt = None,
    lang: LangOpt = None,
) -> None:
    """What changed between two standards: indicators, points, rules, facts, grades, provenance."""
    from libeval.commands import criteria_diff as command

    settings = command.CriteriaDiffSettings(a, b, fmt, exit_code, _report_lang(lang))
    _run(lang, lambda: command.run(settings), output)


@criteria_app.command("import")
def criteria_import(
    table: Annotated[Path, typer.Argument(help="The standard's published table: .xlsx, .csv or .docx.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The standard file to write (.yaml).")],
    period: Annotated[
        str,
        typer.Option(
            "--period", help="The years the evaluation scores, e.g. 2013-2016 (required: a table rarely says)."
        ),
    ],
    std_id: Annotated[str | None, typer.Option("--id", help="The standard's id (default: from the file name).")] = None,
    title: Annotated[str | None, typer.Option("--title", help="The standard's title (default: the file name).")] = None,
    level: Annotated[Level, typer.Option("--level", help="province, city, county or children.")] = Level.county,
    official: Annotated[
        bool, typer.Option("--official", help="The table is the official text (give --citation).")
    ] = False,
    citation: Annotated[
        str | None, typer.Option("--citation", help="Where the official text is published (with --official).")
    ] = None,
    sheet: Annotated[str | None, typer.Option("--sheet", help="The sheet of a .xlsx (default: the first).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace the output file if it exists.")] = False,
    lang: LangOpt = None,
) -> None:
    """Read a standard's published table (序号 / 评估指标 / 分值 / 评分标准) into a criteria
    skeleton that passes `libeval check`: every indicator judged, every scoring text kept."""
    from libeval.commands import criteria_import as command

    settings = command.CriteriaImportSettings(
        table, output, period, std_id, title, level.value, official, citation, sheet, force, _msg_lang(lang)
    )
    _run(lang, lambda: command.run(settings), output)


@app.command()
def init(
    directory: Annotated[Path, typer.Argument(help="The new library folder.")],
    criteria: Annotated[str, typer.Option("--criteria", help="The standard's id or path.")],
    xlsx: Annotated[bool, typer.Option("--xlsx", help="Also write facts.xlsx, a spreadsheet of every fact.")] = False,
    province: Annotated[
        str | None, typer.Option("--province", help="The library's province (宁夏回族自治区); fills in the region.")
    ] = None,
    lang: LangOpt = None,
) -> None:
    """Scaffold a library folder listing every fact the standard needs."""
    from libeval.commands import init as command

    _run(lang, lambda: command.run(command.InitSettings(directory, criteria, xlsx, province)))


@app.command("import")
def import_cmd(
    sheet: Annotated[Path, typer.Argument(help="A filled facts.xlsx (from `libeval init --xlsx`).")],
    directory: Annotated[Path, typer.Argument(help="The library folder whose library.yaml to fill.")],
    yes: Annotated[
        bool, typer.Option("--yes", "-y", help="Write the changes (a backup of the old file is kept).")
    ] = False,
    lang: LangOpt = None,
) -> None:
    """Fill library.yaml from a facts spreadsheet: show what would change; write it with --yes."""
    from libeval.commands import import_facts as command

    settings = command.ImportSettings(sheet, directory, yes, _report_lang(lang), _msg_lang(lang))
    _run(lang, lambda: command.run(settings))


def main() -> None:
    import atexit
    import gc

    # At exit, skip the collector's last walks over the ~40,000 objects typer, pydantic and rich
    # built at start-up (measured: about 60 ms of a one-library run's CPU time).
    atexit.register(gc.freeze)
    try:
        app()
    except KeyboardInterrupt:  # pragma: no cover - interactive only
        sys.stderr.write("interrupted\n")
        sys.exit(130)
    except Exception as exc:  # a bug of libeval's, not the user's input: say so, briefly
        if os.environ.get("LIBEVAL_DEBUG"):
            raise
        sys.stderr.write(
            f"libeval: internal error: {type(exc).__name__}: {exc}\n"
            "Please report it; LIBEVAL_DEBUG=1 shows the traceback.\n"
        )
        sys.exit(1)
