"""Terminal drawing. The only module that imports rich, and only inside the functions that draw,
so that `--help` and `check` start fast.

The per-command views (present/score.py, diff.py, batch.py) describe what to show as lines and
tables on a `Screen`; this module turns that into text: with colours (ANSI styles) when the run
writes to a terminal (cli.py decides, `color_wanted`, and sets `colors` around the command), plain
when piped or redirected.
"""

from __future__ import annotations

import contextlib
import io
import re
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from libeval.text.safe import terminal_text

WIDE = 100  # from this many columns up, tables widen their columns (Column.min_width) instead of capping them

_COLORS: ContextVar[tuple[bool, bool]] = ContextVar("colors", default=(False, False))  # (stdout, stderr)


def color_wanted(is_terminal: bool, environ: Mapping[str, str], refused: bool = False) -> bool:
    """Whether a stream gets colour: on a terminal, unless `--no-color` (`refused`), NO_COLOR (any
    value but empty) or TERM=dumb; FORCE_COLOR (any value but empty) gives it even when piped."""
    if refused or environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    return is_terminal and environ.get("TERM") != "dumb"


@contextlib.contextmanager
def colors(stdout: bool, stderr: bool) -> Iterator[None]:
    """Draw with colours on stdout and/or stderr while the block runs."""
    if (stdout or stderr) and sys.platform == "win32":  # pragma: no cover - Windows only
        with contextlib.suppress(ImportError):
            import colorama  # a console older than Windows 10's needs its escape codes turned on

            colorama.just_fix_windows_console()
    token = _COLORS.set((stdout, stderr))
    try:
        yield
    finally:
        _COLORS.reset(token)


_TRAILING = re.compile(r"\s+((?:\x1b\[[0-9;]*m)*)$")  # spaces at a line's end, before its last styles
_SGR = {"bold": "1", "dim": "2", "red": "31", "yellow": "33", "cyan": "36"}


def paint(text: str, *styles: str) -> str:
    """`text` in ANSI styles when stderr gets colour (problem lines; rich is not needed for this)."""
    if not _COLORS.get()[1] or not styles:
        return text
    return f"\x1b[{';'.join(_SGR[s] for s in styles)}m{text}\x1b[0m"


@dataclass(frozen=True)
class Column:
    title: str
    right: bool = False  # right-aligned (numbers)
    no_wrap: bool = False
    max_width: int | None = None  # below WIDE columns
    fold: bool = False  # long words are folded onto the next line instead of cut
    min_width: int | None = None  # from WIDE columns up: the column's width (longer text wraps)


class Lines(tuple[str, ...]):
    """A table cell of several lines (an explanation, then the assessor's note). Each line is
    one line: a line break inside input text is shown as `\\x0a`, never started anew (a line
    that input text begins could be a workflow command in a CI log)."""

    __slots__ = ()


@dataclass
class Screen:
    """What a terminal view shows, in order: lines (rich markup such as `[bold]…[/]`; text from
    input files goes through `escape`) and tables (plain text cells); control and bidi characters
    from input text are shown escaped (text/safe.terminal_text). `text()` draws it at a
    given width, in colour when the run's stdout gets it (`colors`); nothing is printed."""

    width: int | None = None
    _items: list[tuple[str, Any]] = field(default_factory=list)

    def line(self, markup: str) -> None:
        self._items.append(("line", markup))

    def table(self, columns: Sequence[Column], rows: Sequence[Sequence[str | Lines]], title: str | None = None) -> None:
        self._items.append(("table", (tuple(columns), [tuple(r) for r in rows], title)))

    def text(self, color: bool | None = None) -> str:
        import shutil

        from rich.console import Console
        from rich.table import Table
        from rich.text import Text

        color = _COLORS.get()[0] if color is None else color
        width = self.width or max(80, shutil.get_terminal_size((110, 24)).columns)
        out = io.StringIO()
        con = Console(
            record=not color,
            width=width,
            highlight=False,
            force_terminal=color,
            color_system="auto" if color else None,
            no_color=False,
            file=out,
        )
        wide = width >= WIDE
        for kind, item in self._items:
            if kind == "line":
                # into a file or a pipe a line stays one line (a cut `registered_reade|rs` helps no
                # one); on a terminal rich wraps it at words
                con.print(terminal_text(item, one_line=True), soft_wrap=not color)
                continue
            columns, rows, title = item
            table = Table(title=terminal_text(title, one_line=True) if title else None, show_edge=False, pad_edge=False)
            for c in columns:
                table.add_column(
                    terminal_text(c.title, one_line=True),
                    justify="right" if c.right else "left",
                    overflow="fold" if c.fold else "ellipsis",
                    max_width=c.min_width if wide and c.min_width else None if wide else c.max_width,
                    min_width=c.min_width if wide else None,
                    no_wrap=c.no_wrap,
                )
            for row in rows:
                # cells are plain text, never markup; input text's control characters shown escaped
                table.add_row(*(Text(_cell(cell)) for cell in row))
            con.print(table)
        text = out.getvalue() if color else con.export_text()
        return "\n".join(_TRAILING.sub(r"\1", line) for line in text.splitlines()) + "\n"


def _cell(cell: str | Lines) -> str:
    if isinstance(cell, Lines):
        return "\n".join(terminal_text(line, one_line=True) for line in cell)
    return terminal_text(cell, one_line=True)


def escape(text: str) -> str:
    """Text from input files, safe inside a markup line (a `[` is not taken for a style)."""
    from rich.markup import escape as rich_escape

    return rich_escape(text)


@contextlib.contextmanager
def batch_progress(total: int, show: bool) -> Iterator[Callable[[int], None]]:
    """A progress bar on stderr while a batch runs (none when not a terminal, or in CI)."""
    if not show:
        yield lambda _n: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    progress = Progress(
        TextColumn("libeval"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    with progress:
        task = progress.add_task("score", total=total)
        yield lambda n: progress.advance(task, n)
