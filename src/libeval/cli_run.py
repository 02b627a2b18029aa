"""What every command of the command line shares: the language and output options, and `run`, the one
place that turns a command's problems into messages and exit codes and writes what it returns."""

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

from libeval.errors import Interrupted, LibevalError, UsageError, problem
from libeval.text.bilingual import Bilingual
from libeval.text.click_messages import INTERRUPTED_BATCH
from libeval.text.encoding import escape_json, guard
from libeval.text.language import default_lang

if TYPE_CHECKING:
    from libeval.commands.outcome import Outcome


class Lang(enum.StrEnum):
    zh = "zh"
    en = "en"


LangOpt = Annotated[Lang | None, typer.Option("--lang")]
OutputOpt = Annotated[Path | None, typer.Option("--output", "-o")]
NoColorOpt = Annotated[bool, typer.Option("--no-color")]


class Given:
    """What `libeval --lang en --no-color score ...` says before the command."""

    lang: Lang | None = None
    no_color: bool = False


def msg_lang(lang: Lang | None) -> str:
    lang = lang or Given.lang
    return lang.value if lang else default_lang()


def report_lang(lang: Lang | None) -> str:
    lang = lang or Given.lang
    return lang.value if lang else "zh"


def run(lang: Lang | None, call: Callable[[], Outcome], output: Path | None = None, no_color: bool = False) -> None:
    """Run a command and write what it returns. Problems become `file:line:col` lines on stderr
    and exit code 1; options that do not go together, exit code 2; Ctrl-C in a batch, 130.
    Tables and problems are drawn in colour on a terminal (present/console.color_wanted)."""
    from libeval.present.console import color_wanted, colors
    from libeval.present.problems import problem_lines

    guard(sys.stdout)  # what the stream's encoding lacks is drawn with a stand-in, never an error
    guard(sys.stderr)
    refused = no_color or Given.no_color
    on_stdout = to_stdout(output) and color_wanted(sys.stdout.isatty(), os.environ, refused)
    with colors(on_stdout, color_wanted(sys.stderr.isatty(), os.environ, refused)):
        try:
            outcome = call()
            sys.stderr.write(outcome.messages)
            emit(outcome, output)
        except LibevalError as exc:
            sys.stderr.write(problem_lines(exc.problems, msg_lang(lang)))
            raise typer.Exit(1) from None
        except UsageError as exc:
            mlang = msg_lang(lang)
            raise typer.BadParameter(exc.text(exc.message, mlang), param_hint=exc.text(exc.option, mlang)) from None
        except Interrupted as exc:
            sys.stderr.write(INTERRUPTED_BATCH.get(msg_lang(lang)).format(done=exc.done, total=exc.total))
            raise typer.Exit(130) from None
    raise typer.Exit(outcome.exit_code)


def to_stdout(output: Path | None) -> bool:
    """No `--output`, or `--output -`: standard output."""
    return output is None or str(output) == "-"


def emit(outcome: Outcome, output: Path | None) -> None:
    data = outcome.output
    if isinstance(data, str) and outcome.kind == "json" and to_stdout(output):
        data = escape_json(data, getattr(sys.stdout, "encoding", None))  # exact in any encoding
    if output is None and isinstance(data, bytes) and outcome.kind != "csv":
        raise LibevalError([problem("-", None, "needs-output", format="xlsx")])
    if output is None or to_stdout(output):  # a CSV is in its own encoding; `-o -` asks for a workbook by name
        if isinstance(data, str):
            sys.stdout.write(data)
            return
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    from libeval.load.writing import write_atomic

    write_atomic(output, data, outcome.inputs)


def decimal_option(name: str, raw: str | None, lang: str) -> Decimal | None:
    if raw is None:
        return None
    try:
        value = Decimal(raw)
    except InvalidOperation:
        value = Decimal("NaN")
    if not value.is_finite():
        raise typer.BadParameter(Bilingual(f"“{raw}”不是数", f"{raw!r} is not a number").get(lang), param_hint=name)
    return value


def progress(total: int) -> AbstractContextManager[Callable[[int], None]]:
    """A batch's progress bar: on a terminal only, never in CI."""
    from libeval.present.console import batch_progress

    return batch_progress(total, sys.stderr.isatty() and not os.environ.get("CI"))
