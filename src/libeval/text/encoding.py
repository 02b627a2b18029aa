"""Text in the encoding it is written in: the one place that knows which characters an output
stream or a CSV file can hold, and what stands in for those it cannot.

A Chinese Windows PC hands Python its console's pipes and redirections in GBK (cp936); a Western
one in cp1252; `PYTHONIOENCODING=ascii` in ASCII. Nothing libeval writes to such a stream stops it:

- a mark the stream lacks is drawn with the nearest one it has (`MARKS`, tried in order): ✗ and ✓
  become × and √ (both in GBK), ⚠️ becomes ！; in ASCII, × becomes x, ≥ becomes >=, and a table's
  box lines become - | +, so that an English table stays readable and aligned;
- any other character is escaped visibly as `\\uXXXX` (Chinese text in ASCII or cp1252): never a
  silent `?`, never an internal error;
- JSON is exact (`escape_json`): a character the stream lacks is written as JSON's own `\\uXXXX`
  escape (a surrogate pair above U+FFFF), so the document still parses to the same strings.

`guard` installs this on a stream (cli.py, for stdout and stderr, before anything is written).
Files libeval writes itself are UTF-8 and never pass through here, except the CSV ranking: UTF-8
with a BOM (`csv_bytes`), so that Excel on Chinese Windows opens it right, or GBK on request, where
a character outside GBK is an error (`unencodable` says where) rather than a changed name.
"""

from __future__ import annotations

import codecs
import unicodedata
from typing import Protocol

# each mark, with what stands in for it where a stream cannot encode it, in order of preference
MARKS: dict[str, tuple[str, ...]] = {
    "✗": ("×", "x"),  # U+2717, the failed condition
    "❌": ("×", "x"),
    "✓": ("√", "v"),  # U+2713, the condition met
    "✅": ("√", "v"),
    "⚠": ("！", "!"),
    "❗": ("！", "!"),
    "\ufe0f": ("",),  # the emoji presentation selector after ⚠: nothing in its place
    "•": ("·", "*"),
    "×": ("x",),
    "√": ("v",),
    "≥": (">=",),
    "≤": ("<=",),
    "≧": ("≥", ">="),
    "≦": ("≤", "<="),
    "＞": (">",),
    "＜": ("<",),
    "→": ("->",),
    "←": ("<-",),
    "·": ("-",),
    "−": ("-",),  # U+2212 minus
    "–": ("-",),
    "—": ("--",),
    "…": ("...",),
    "“": ('"',),
    "”": ('"',),
    "‘": ("'",),
    "’": ("'",),
    "！": ("!",),
    "²": ("2",),
    "㎡": ("m²", "m2"),
}

_HANDLERS: set[str] = set()


def _box(ch: str) -> str | None:
    """A box-drawing line (U+2500..U+257F, rich's tables) as - | or +, one column as before."""
    if not "\u2500" <= ch <= "\u257f":
        return None
    name = unicodedata.name(ch, "")
    across = "HORIZONTAL" in name or "LEFT" in name or "RIGHT" in name
    down = "VERTICAL" in name or " UP" in name or "DOWN" in name
    return "+" if across and down else "-" if across else "|"


def _encodes(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def escape(ch: str) -> str:
    """A character shown as its code point: `\\u7cbe`, `\\U00020bb7`."""
    code = ord(ch)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def stand_in(ch: str, encoding: str) -> str:
    """What is written for `ch` where `encoding` cannot hold it: the first of its marks that the
    encoding has, a box line, else its escape."""
    for candidate in MARKS.get(ch, ()):
        if _encodes(candidate, encoding):
            return candidate
    box = _box(ch)
    return box if box is not None else escape(ch)


def _json_escape(ch: str) -> str:
    code = ord(ch)
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def errors_for(encoding: str, exact: bool = False) -> str:
    """The name of the codec error handler that writes `stand_in`s (or, `exact`, JSON escapes)
    for `encoding`, registered on first use. A handler per encoding: a charmap codec such as
    cp1252 names itself `charmap` in its errors."""
    name = f"libeval-{'json' if exact else 'text'}-{codecs.lookup(encoding).name}"
    if name not in _HANDLERS:

        def handler(exc: UnicodeError) -> tuple[str, int]:
            if not isinstance(exc, UnicodeEncodeError):
                raise exc
            chars = exc.object[exc.start : exc.end]
            return "".join(_json_escape(c) if exact else stand_in(c, encoding) for c in chars), exc.end

        codecs.register_error(name, handler)
        _HANDLERS.add(name)
    return name


class _Stream(Protocol):
    encoding: str

    def reconfigure(self, *, errors: str | None = None) -> None: ...


def guard(stream: object) -> None:
    """Make a text stream write what its encoding lacks as `stand_in`s instead of failing."""
    encoding = getattr(stream, "encoding", None)
    if not isinstance(encoding, str) or not hasattr(stream, "reconfigure"):
        return  # not a text stream (a test's StringIO, a closed or replaced stream)
    try:
        name = errors_for(encoding)
        if getattr(stream, "errors", None) != name:
            typed: _Stream = stream  # type: ignore[assignment]
            typed.reconfigure(errors=name)
    except (LookupError, ValueError, OSError):
        return


def escape_json(text: str, encoding: str | None) -> str:
    """JSON text that `encoding` can hold, with the same meaning: what it lacks as `\\uXXXX`."""
    if not encoding or codecs.lookup(encoding).name == "utf-8":
        return text
    return text.encode(encoding, errors=errors_for(encoding, exact=True)).decode(encoding)


# --- the CSV ranking, for Excel -------------------------------------------------------------

CSV_ENCODINGS = ("utf-8", "gbk")
BOM = codecs.BOM_UTF8


def unencodable(text: str, encoding: str) -> list[tuple[int, int, str]]:
    """Where `text` holds characters `encoding` cannot: (line, column, the characters of that
    line it cannot hold), one entry per line, 1-based."""
    found: dict[int, tuple[int, str]] = {}
    for number, line in enumerate(text.split("\n"), 1):
        if _encodes(line, encoding):
            continue
        for col, ch in enumerate(line, 1):
            if not _encodes(ch, encoding):
                first, chars = found.get(number, (col, ""))
                found[number] = (first, chars if ch in chars else chars + ch)
    return [(n, col, chars) for n, (col, chars) in found.items()]


def csv_bytes(text: str, encoding: str) -> bytes:
    """A CSV's bytes: UTF-8 after a byte order mark (Excel then reads it as UTF-8 rather than in
    the PC's code page), or GBK; call `unencodable` first for GBK."""
    if codecs.lookup(encoding).name == "utf-8":
        return BOM + text.encode("utf-8")
    return text.encode(encoding)
