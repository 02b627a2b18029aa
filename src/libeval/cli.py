"""The command line: options -> a settings object -> one call (libeval.commands) -> the returned
output written by `cli_run.run`. With cli_run.py and cli_text.py, the only modules that import typer."""

from __future__ import annotations

import datetime as dt
import enum
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from libeval import __version__
from libeval.cli_run import (
    Given,
    LangOpt,
    NoColorOpt,
    OutputOpt,
    decimal_option,
    msg_lang,
    progress,
    report_lang,
    run,
)
from libeval.cli_text import LibevalGroup, LibevalTyper, SubGroup
from libeval.present.formats import (
    CheckFormat,
    CriteriaDiffFormat,
    CsvEncoding,
    DiffFormat,
    PlanFormat,
    ReportFormat,
    ScoreOutput,
)
from libeval.text.click_messages import INTERNAL_ERROR, INTERRUPTED
from libeval.text.encoding import guard
from libeval.text.help import startup_lang

app = LibevalTyper(
    name="libeval",
    cls=LibevalGroup,
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)
criteria_app = LibevalTyper(cls=SubGroup, no_args_is_help=True, rich_markup_mode=None)
app.add_typer(criteria_app, name="criteria")


class Level(enum.StrEnum):
    province = "province"
    city = "city"
    county = "county"
    children = "children"


class SchemaKind(enum.StrEnum):
    standard = "standard"
    library = "library"
    assessment = "assessment"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"libeval {__version__}")
        raise typer.Exit(0)


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True)] = False,
    lang: LangOpt = None,
    no_color: NoColorOpt = False,
) -> None:
    Given.lang, Given.no_color = lang, no_color


@criteria_app.callback()
def _criteria(lang: LangOpt = None) -> None:
    Given.lang = lang or Given.lang


@app.command()
def check(
    paths: Annotated[list[Path], typer.Argument()],
    fmt: Annotated[CheckFormat, typer.Option("--format")] = CheckFormat.text,
    strict: Annotated[bool, typer.Option("--strict")] = False,
    output: OutputOpt = None,
    lang: LangOpt = None,
    no_color: NoColorOpt = False,
) -> None:
    from libeval.commands import check as command

    settings = command.CheckSettings(paths, fmt, strict, msg_lang(lang), output is not None)
    run(lang, lambda: command.run(settings), output, no_color)


@app.command()
def score(
    path: Annotated[Path, typer.Argument()],
    assessment: Annotated[str, typer.Option("--assessment", "-a")] = "self",
    fmt: Annotated[ScoreOutput, typer.Option("--format")] = ScoreOutput.table,
    detail: Annotated[bool, typer.Option("--detail")] = False,
    explain: Annotated[str | None, typer.Option("--explain")] = None,
    fail_under: Annotated[str | None, typer.Option("--fail-under")] = None,
    template: Annotated[Path | None, typer.Option("--template")] = None,
    library_report: Annotated[bool, typer.Option("--library-report")] = False,
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", min=1)] = None,
    reports_dir: Annotated[Path | None, typer.Option("--reports-dir")] = None,
    reports_format: Annotated[ReportFormat, typer.Option("--reports-format")] = ReportFormat.html,
    criteria: Annotated[str | None, typer.Option("--criteria")] = None,
    encoding: Annotated[CsvEncoding | None, typer.Option("--encoding")] = None,
    output: OutputOpt = None,
    lang: LangOpt = None,
    no_color: NoColorOpt = False,
) -> None:
    from libeval.commands import score_path as command

    settings = command.ScorePathSettings(
        path,
        fmt.value,
        assessment,
        detail,
        explain,
        decimal_option("--fail-under", fail_under, msg_lang(lang)),
        template,
        jobs,
        reports_dir,
        reports_format,
        criteria,
        output,
        report_lang(lang),
        msg_lang(lang),
        encoding,
        library_report=library_report,
    )
    run(lang, lambda: command.run(settings, progress), output, no_color)


@app.command("diff")
def diff_cmd(
    paths: Annotated[list[Path], typer.Argument()],
    from_: Annotated[str | None, typer.Option("--from")] = None,
    to: Annotated[str | None, typer.Option("--to")] = None,
    fmt: Annotated[DiffFormat, typer.Option("--format")] = DiffFormat.table,
    exit_code: Annotated[bool, typer.Option("--exit-code")] = False,
    criteria: Annotated[str | None, typer.Option("--criteria")] = None,
    all_: Annotated[bool, typer.Option("--all")] = False,
    all_indicators: Annotated[bool, typer.Option("--all-indicators")] = False,
    output: OutputOpt = None,
    lang: LangOpt = None,
    no_color: NoColorOpt = False,
) -> None:
    from libeval.commands import diff as command

    rlang, mlang = report_lang(lang), msg_lang(lang)
    args = (paths, from_, to, fmt, exit_code, rlang, mlang, criteria, all_, all_indicators)
    run(lang, lambda: command.run(command.DiffSettings(*args)), output, no_color)


@app.command("plan")
def plan_cmd(
    path: Annotated[Path, typer.Argument()],
    assessment: Annotated[str, typer.Option("--assessment", "-a")] = "self",
    target: Annotated[str | None, typer.Option("--target")] = None,
    fmt: Annotated[PlanFormat, typer.Option("--format")] = PlanFormat.table,
    output: OutputOpt = None,
    lang: LangOpt = None,
) -> None:
    from libeval.commands import plan as command

    settings = command.PlanSettings(path, assessment, target, fmt, report_lang(lang), msg_lang(lang))
    run(lang, lambda: command.run(settings), output)


@app.command("schema")
def schema_cmd(
    kind: Annotated[SchemaKind, typer.Argument()] = SchemaKind.library,
    criteria: Annotated[str | None, typer.Option("--criteria")] = None,
    output: OutputOpt = None,
    lang: LangOpt = None,
) -> None:
    from libeval.commands import schema as command

    run(lang, lambda: command.run(kind.value, criteria), output)


@criteria_app.command("list")
def criteria_list(lang: LangOpt = None) -> None:
    from libeval.commands import criteria as command

    run(lang, lambda: command.run_list(report_lang(lang)))


@criteria_app.command("show")
def criteria_show(
    ref: Annotated[str, typer.Argument()],
    depth: Annotated[int | None, typer.Option("--depth", min=1)] = None,
    provenance: Annotated[bool, typer.Option("--provenance")] = False,
    lang: LangOpt = None,
) -> None:
    from libeval.commands import criteria as command

    run(lang, lambda: command.run_show(command.ShowSettings(ref, depth, report_lang(lang), provenance)))


@criteria_app.command("diff")
def criteria_diff(
    a: Annotated[str, typer.Argument()],
    b: Annotated[str, typer.Argument()],
    fmt: Annotated[CriteriaDiffFormat, typer.Option("--format")] = CriteriaDiffFormat.table,
    exit_code: Annotated[bool, typer.Option("--exit-code")] = False,
    output: OutputOpt = None,
    lang: LangOpt = None,
    no_color: NoColorOpt = False,
) -> None:
    from libeval.commands import criteria_diff as command

    settings = command.CriteriaDiffSettings(a, b, fmt, exit_code, report_lang(lang))
    run(lang, lambda: command.run(settings), output, no_color)


@criteria_app.command("import")
def criteria_import(
    table: Annotated[Path, typer.Argument()],
    output: Annotated[Path, typer.Option("--output", "-o")],
    period: Annotated[str, typer.Option("--period")],
    std_id: Annotated[str | None, typer.Option("--id")] = None,
    title: Annotated[str | None, typer.Option("--title")] = None,
    level: Annotated[Level, typer.Option("--level")] = Level.county,
    official: Annotated[bool, typer.Option("--official")] = False,
    citation: Annotated[str | None, typer.Option("--citation")] = None,
    sheet: Annotated[str | None, typer.Option("--sheet")] = None,
    force: Annotated[bool, typer.Option("--force")] = False,
    lang: LangOpt = None,
) -> None:
    from libeval.commands import criteria_import as command

    settings = command.CriteriaImportSettings(
        table, output, period, std_id, title, level.value, official, citation, sheet, force, msg_lang(lang)
    )
    run(lang, lambda: command.run(settings), output)


@app.command()
def init(
    directory: Annotated[Path, typer.Argument()],
    criteria: Annotated[str, typer.Option("--criteria")],
    xlsx: Annotated[bool, typer.Option("--xlsx")] = False,
    province: Annotated[str | None, typer.Option("--province")] = None,
    lang: LangOpt = None,
) -> None:
    from libeval.commands import init as command

    run(lang, lambda: command.run(command.InitSettings(directory, criteria, xlsx, province, msg_lang(lang))))


@app.command()
def review(
    library: Annotated[Path, typer.Argument()],
    name: Annotated[str, typer.Option("--as")],
    source: Annotated[str, typer.Option("--from")] = "self",
    by: Annotated[str | None, typer.Option("--by")] = None,
    date: Annotated[dt.datetime | None, typer.Option("--date", formats=["%Y-%m-%d"])] = None,
    force: Annotated[bool, typer.Option("--force")] = False,
    xlsx: Annotated[Path | None, typer.Option("--xlsx")] = None,
    lang: LangOpt = None,
) -> None:
    from libeval.commands import review as command

    day = date.date() if date is not None else dt.date.today()
    settings = command.ReviewSettings(
        library, name, source, by, day, force, report_lang(lang), msg_lang(lang), xlsx=xlsx
    )
    run(lang, lambda: command.run(settings))


@app.command("import")
def import_cmd(
    sheet: Annotated[Path, typer.Argument()],
    directory: Annotated[Path, typer.Argument()],
    yes: Annotated[bool, typer.Option("--yes", "-y")] = False,
    review: Annotated[str | None, typer.Option("--as")] = None,
    lang: LangOpt = None,
) -> None:
    from libeval.commands import import_facts as command

    settings = command.ImportSettings(sheet, directory, yes, report_lang(lang), msg_lang(lang), review)
    run(lang, lambda: command.run(settings))


def main() -> None:
    import atexit
    import gc

    # At exit, skip the collector's last walks over the ~40,000 objects typer, pydantic and rich
    # built at start-up (measured: about 60 ms of a one-library run's CPU time).
    atexit.register(gc.freeze)
    guard(sys.stdout)  # help and usage errors too: never an error for a character the stream lacks
    guard(sys.stderr)
    try:
        app()
    except KeyboardInterrupt:  # pragma: no cover - interactive only
        sys.stderr.write(INTERRUPTED.get(startup_lang(sys.argv[1:])))
        sys.exit(130)
    except Exception as exc:  # a bug of libeval's, not the user's input: say so, briefly
        if os.environ.get("LIBEVAL_DEBUG"):
            raise
        sys.stderr.write(INTERNAL_ERROR.get(startup_lang(sys.argv[1:])).format(name=type(exc).__name__, exc=exc))
        sys.exit(1)
