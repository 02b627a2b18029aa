"""Terminal drawing. The only module that imports rich, and only inside the functions that draw,
so that `--help` and `check` start fast.

The per-command views (present/score.py, diff.py, batch.py) describe what to show as lines and
tables on a `Screen`; this module turns that into text.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Column:
    title: str
    right: bool = False  # right-aligned (numbers)
    no_wrap: bool = False
    max_width: int | None = None
    fold: bool = False  # long words are folded onto the next line instead of cut


@dataclass
class Screen:
    """What a terminal view shows, in order: lines (rich markup such as `[bold]…[/]`; text from
    input files goes through `escape`) and tables (plain text cells). `text()` draws it at a
    given width; nothing is printed."""

    width: int | None = None
    _items: list[tuple[str, Any]] = field(default_factory=list)

    def line(self, markup: str) -> None:
        self._items.append(("line", markup))

    def table(self, columns: Sequence[Column], rows: Sequence[Sequence[str]], title: str | None = None) -> None:
        self._items.append(("table", (tuple(columns), [tuple(r) for r in rows], title)))

    def text(self) -> str:
        import shutil

        from rich.console import Console
        from rich.table import Table
        from rich.text import Text

        width = self.width or max(80, shutil.get_terminal_size((110, 24)).columns)
        con = Console(record=True, width=width, highlight=False, force_terminal=False, file=io.StringIO())
        for kind, item in self._items:
            if kind == "line":
                con.print(item)
                continue
            columns, rows, title = item
            table = Table(title=title, show_edge=False, pad_edge=False)
            for c in columns:
                table.add_column(
                    c.title,
                    justify="right" if c.right else "left",
                    overflow="fold" if c.fold else "ellipsis",
                    max_width=c.max_width,
                    no_wrap=c.no_wrap,
                )
            for row in rows:
                table.add_row(*(Text(cell) for cell in row))  # cells are plain text, never markup
            con.print(table)
        return "\n".join(line.rstrip() for line in con.export_text().splitlines()) + "\n"


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
