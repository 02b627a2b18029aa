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
from libeval.cli_text import LibevalGroup
from libeval.errors import Interrupted, LibevalError, UsageError, problem
from libeval.present.formats import (
    CheckFormat,
    CriteriaDiffFormat,
    CsvEncoding,
    DiffFormat,
    PlanFormat,
    ReportFormat,
    ScoreOutput,
)
from libeval.text.bilingual import Bilingual
from libeval.text.click_messages import INTERNAL_ERROR, INTERRUPTED, INTERRUPTED_BATCH
from libeval.text.encoding import escape_json, guard
from libeval.text.help import startup_lang
from libeval.text.language import default_lang

if TYPE_CHECKING:
    from libeval.commands.outcome import Outcome

app = typer.Typer(
    name="libeval",
    cls=LibevalGroup,
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)
criteria_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None)
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


LangOpt = Annotated[Lang | None, typer.Option("--lang")]
OutputOpt = Annotated[Path | None, typer.Option("--output", "-o")]
NoColorOpt = Annotated[bool, typer.Option("--no-color")]


class _Given:
    """What `libeval --lang en --no-color score ...` says before the command."""

    lang: Lang | None = None
    no_color: bool = False


def _msg_lang(lang: Lang | None) -> str:
    lang = lang or _Given.lang
    return lang.value if lang else default_lang()


def _report_lang(lang: Lang | None) -> str:
    lang = lang or _Given.lang
    return lang.value if lang else "zh"


def _run(lang: Lang | None, call: Callable[[], Outcome], output: Path | None = None, no_color: bool = False) -> None:
    """Run a command and write what it returns. Problems become `file:line:col` lines on stderr
    and exit code 1; options that do not go together, exit code 2; Ctrl-C in a batch, 130.
    Tables and problems are drawn in colour on a terminal (present/console.color_wanted)."""
    from libeval.present.console import color_wanted, colors
    from libeval.present.problems import problem_lines

    guard(sys.stdout)  # what the stream's encoding lacks is drawn with a stand-in, never an error
    guard(sys.stderr)
    refused = no_color or _Given.no_color
    on_stdout = _to_stdout(output) and color_wanted(sys.stdout.isatty(), os.environ, refused)
    with colors(on_stdout, color_wanted(sys.stderr.isatty(), os.environ, refused)):
        try:
            outcome = call()
            sys.stderr.write(outcome.messages)
            _emit(outcome, output)
        except LibevalError as exc:
            sys.stderr.write(problem_lines(exc.problems, _msg_lang(lang)))
            raise typer.Exit(1) from None
        except UsageError as exc:
            mlang = _msg_lang(lang)
            raise typer.BadParameter(exc.text(exc.message, mlang), param_hint=exc.text(exc.option, mlang)) from None
        except Interrupted as exc:
            sys.stderr.write(INTERRUPTED_BATCH.get(_msg_lang(lang)).format(done=exc.done, total=exc.total))
            raise typer.Exit(130) from None
    raise typer.Exit(outcome.exit_code)


def _to_stdout(output: Path | None) -> bool:
    """No `--output`, or `--output -`: standard output."""
    return output is None or str(output) == "-"


def _emit(outcome: Outcome, output: Path | None) -> None:
    data = outcome.output
    if isinstance(data, str) and outcome.kind == "json" and _to_stdout(output):
        data = escape_json(data, getattr(sys.stdout, "encoding", None))  # exact in any encoding
    if output is None and isinstance(data, bytes) and outcome.kind != "csv":
        raise LibevalError([problem("-", None, "needs-output", format="xlsx")])
    if output is None or _to_stdout(output):  # a CSV is in its own encoding; `-o -` asks for a workbook by name
        if isinstance(data, str):
            sys.stdout.write(data)
            return
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    from libeval.load.writing import write_atomic

    write_atomic(output, data, outcome.inputs)


def _decimal_option(name: str, raw: str | None, lang: str) -> Decimal | None:
    if raw is None:
        return None
    try:
        value = Decimal(raw)
    except InvalidOperation:
        value = Decimal("NaN")
    if not value.is_finite():
        raise typer.BadParameter(Bilingual(f"“{raw}”不是数", f"{raw!r} is not a number").get(lang), param_hint=name)
    return value


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
    _Given.lang, _Given.no_color = lang, no_color


@criteria_app.callback()
def _criteria(lang: LangOpt = None) -> None:
    _Given.lang = lang or _Given.lang


@app.command()
def check(
    paths: Annotated[list[Path], typer.Argument()],
    fmt: Annotated[CheckFormat, typer.Option("--format")] = CheckFormat.text,
    strict: Annotated[bool, typer.Option("--strict")] = False,
    lang: LangOpt = None,
    no_color: NoColorOpt = False,
) -> None:
    from libeval.commands import check as command

    _run(lang, lambda: command.run(command.CheckSettings(paths, fmt, strict, _msg_lang(lang))), None, no_color)


@app.command()
def score(
    path: Annotated[Path, typer.Argument()],
    assessment: Annotated[str, typer.Option("--assessment", "-a")] = "self",
    fmt: Annotated[ScoreOutput, typer.Option("--format")] = ScoreOutput.table,
    detail: Annotated[bool, typer.Option("--detail")] = False,
    explain: Annotated[str | None, typer.Option("--explain")] = None,
    fail_under: Annotated[str | None, typer.Option("--fail-under")] = None,
    template: Annotated[Path | None, typer.Option("--template")] = None,
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
        _decimal_option("--fail-under", fail_under, _msg_lang(lang)),
        template,
        jobs,
        reports_dir,
        reports_format,
        criteria,
        output,
        _report_lang(lang),
        _msg_lang(lang),
        encoding,
    )
    _run(lang, lambda: command.run(settings, _progress), output, no_color)


def _progress(total: int) -> AbstractContextManager[Callable[[int], None]]:
    """A batch's progress bar: on a terminal only, never in CI."""
    from libeval.present.console import batch_progress

    return batch_progress(total, sys.stderr.isatty() and not os.environ.get("CI"))


@app.command("diff")
def diff_cmd(
    paths: Annotated[list[Path], typer.Argument()],
    from_: Annotated[str | None, typer.Option("--from")] = None,
    to: Annotated[str | None, typer.Option("--to")] = None,
    fmt: Annotated[DiffFormat, typer.Option("--format")] = DiffFormat.table,
    exit_code: Annotated[bool, typer.Option("--exit-code")] = False,
    criteria: Annotated[str | None, typer.Option("--criteria")] = None,
    output: OutputOpt = None,
    lang: LangOpt = None,
    no_color: NoColorOpt = False,
) -> None:
    from libeval.commands import diff as command

    rlang, mlang = _report_lang(lang), _msg_lang(lang)
    _run(
        lang,
        lambda: command.run(command.DiffSettings(paths, from_, to, fmt, exit_code, rlang, mlang, criteria)),
        output,
        no_color,
    )


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

    settings = command.PlanSettings(path, assessment, target, fmt, _report_lang(lang), _msg_lang(lang))
    _run(lang, lambda: command.run(settings), output)


@app.command("schema")
def schema_cmd(
    kind: Annotated[SchemaKind, typer.Argument()] = SchemaKind.library,
    criteria: Annotated[str | None, typer.Option("--criteria")] = None,
    output: OutputOpt = None,
    lang: LangOpt = None,
) -> None:
    from libeval.commands import schema as command

    _run(lang, lambda: command.run(kind.value, criteria), output)


@criteria_app.command("list")
def criteria_list(lang: LangOpt = None) -> None:
    from libeval.commands import criteria as command

    _run(lang, lambda: command.run_list(_report_lang(lang)))


@criteria_app.command("show")
def criteria_show(
    ref: Annotated[str, typer.Argument()],
    depth: Annotated[int | None, typer.Option("--depth", min=1)] = None,
    provenance: Annotated[bool, typer.Option("--provenance")] = False,
    lang: LangOpt = None,
) -> None:
    from libeval.commands import criteria as command

    _run(lang, lambda: command.run_show(command.ShowSettings(ref, depth, _report_lang(lang), provenance)))


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

    settings = command.CriteriaDiffSettings(a, b, fmt, exit_code, _report_lang(lang))
    _run(lang, lambda: command.run(settings), output, no_color)


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
        table, output, period, std_id, title, level.value, official, citation, sheet, force, _msg_lang(lang)
    )
    _run(lang, lambda: command.run(settings), output)


@app.command()
def init(
    directory: Annotated[Path, typer.Argument()],
    criteria: Annotated[str, typer.Option("--criteria")],
    xlsx: Annotated[bool, typer.Option("--xlsx")] = False,
    province: Annotated[str | None, typer.Option("--province")] = None,
    lang: LangOpt = None,
) -> None:
    from libeval.commands import init as command

    _run(lang, lambda: command.run(command.InitSettings(directory, criteria, xlsx, province, _msg_lang(lang))))


@app.command("import")
def import_cmd(
    sheet: Annotated[Path, typer.Argument()],
    directory: Annotated[Path, typer.Argument()],
    yes: Annotated[bool, typer.Option("--yes", "-y")] = False,
    lang: LangOpt = None,
) -> None:
    from libeval.commands import import_facts as command

    settings = command.ImportSettings(sheet, directory, yes, _report_lang(lang), _msg_lang(lang))
    _run(lang, lambda: command.run(settings))


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
