"""Text from input files made safe for each medium it is written to: one place, used by every
renderer (issue 18). HTML is escaped by Jinja's autoescape (present/templates.py).

- spreadsheets: a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is a
  formula to Excel and WPS. CSV cells from input text get the OWASP prefix `'` (`csv_cell`); in
  a workbook such text is a string cell, never a formula (`looks_like_formula`, used by
  present/sheets.py). Numbers stay numbers; only our own formulas are formulas.
- terminal and GitHub workflow commands: C0 and C1 control characters (ESC starts colour,
  cursor and hyperlink sequences) and the bidirectional overrides and isolates (which make text
  read in another order than it is stored) are shown escaped, `\\x1b`, `\\u202e` (`terminal_text`).
- Markdown: the same characters removed (`strip_controls`); the Markdown escaping itself (HTML,
  links, table pipes) is present/templates.md_escape, which calls it.
"""

from __future__ import annotations

import re
from typing import TypeVar

_T = TypeVar("_T")

# bidi embeddings/overrides U+202A–U+202E, isolates U+2066–U+2069, marks U+200E/U+200F, the
# Arabic letter mark U+061C
_BIDI = "\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c"
# every C0 control but the newline, DEL, every C1 control, the bidi controls
_CONTROLS = re.compile(f"[\x00-\x09\x0b-\x1f\x7f-\x9f{_BIDI}]")
_CONTROLS_AND_NEWLINES = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?")


def _shown(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_text(text: str, one_line: bool = False) -> str:
    """`text` with its control and bidi characters written out (`\\x1b`, `\\u202e`). Newlines
    stay unless `one_line` (a problem line, a table cell, a workflow command): a line that input
    text starts could be read as a command of its own (GitHub runs `::add-mask::` from a log)."""
    return (_CONTROLS_AND_NEWLINES if one_line else _CONTROLS).sub(_shown, text)


def cell_text(value: _T) -> _T | str:
    """A spreadsheet cell's value: text with its control characters written out (a workbook
    cannot hold them, and they would not be seen); numbers as they are."""
    return terminal_text(value) if isinstance(value, str) else value


def strip_controls(text: str) -> str:
    """`text` without its control and bidi characters (a tab becomes a space)."""
    return _CONTROLS.sub(lambda m: " " if m.group() == "\t" else "", text)


def looks_like_formula(text: str) -> bool:
    """Whether a spreadsheet program would take `text` for a formula (or the start of one):
    it starts with = + - @, a tab or a carriage return and is not simply a number."""
    return text.startswith(_FORMULA_START) and not _NUMBER.fullmatch(text)


def csv_cell(value: object) -> object:
    """A CSV cell: text that would run as a formula gets the OWASP prefix `'` (Excel and WPS
    then show it as text, the quote hidden); numbers and other text as they are."""
    if isinstance(value, str) and looks_like_formula(value):
        return "'" + value
    return value
