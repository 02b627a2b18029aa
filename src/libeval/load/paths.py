r"""Paths a library's files name, read the same way on every system: the evidence of a fact and
the `criteria:` file. A librarian on Windows writes `records\building.pdf`; it is the same file as
`records/building.pdf`, on Windows and on Linux alike (a backslash is always a separator here).

Evidence stays inside the library folder: an absolute path (`/etc/x`, `C:\x.pdf`, `C:x.pdf`), a
network path (`\\server\share\x`), a `..` step, a scheme (`file:`, `javascript:`) or a link that
leads out of the folder is outside. Messages show a path as it was written; the report links the
normalised relative path (`records/building.pdf`). The `criteria:` file may be anywhere (libraries
of a province often share one standard beside their folders); only its separators are read.

    >>> inside(r"records\building.pdf"), inside("./records/building.pdf"), inside(r"..\x.pdf")
    ('records/building.pdf', 'records/building.pdf', None)
"""

from __future__ import annotations

import os
import re
from enum import Enum
from pathlib import Path, PurePosixPath, PureWindowsPath

_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)  # linked as written
_URL_START = re.compile(r"^https?://", re.IGNORECASE)  # a web address, checked by nobody here
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")  # also a drive letter: C:\x, C:x
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def is_url(ref: str) -> bool:
    return bool(_URL.match(ref.strip()))


def has_separators(ref: str) -> bool:
    """Whether `ref` is written as a path (a `criteria:` id has no separator)."""
    return "/" in ref or "\\" in ref


def native(ref: str) -> Path:
    """A path as written, backslashes read as separators, for this system's file calls."""
    return Path(ref.replace("\\", "/"))


def inside(ref: str) -> str | None:
    """The path inside the library folder that `ref` names, `/`-separated and without `.` steps;
    None when it is empty, a URL, absolute, on a drive or a server, has a scheme or a `..` step."""
    ref = ref.strip()
    win = PureWindowsPath(ref)
    if not ref or _SCHEME.match(ref) or win.anchor or ref.startswith("/") or ".." in win.parts:
        return None
    parts = [p for p in win.parts if p != "."]
    return str(PurePosixPath(*parts)) if parts else None


class Evidence(Enum):
    """What an evidence reference is, checked against the library folder."""

    URL = "url"
    FILE = "file"  # a file inside the folder that exists
    OUTSIDE = "outside"
    MISSING = "missing"
    ESCAPED = "escaped"  # control characters: backslashes read as escapes in a "double-quoted" string


def evidence(ref: str, folder: Path | None) -> Evidence:
    """Where an evidence reference leads. Without a folder (a library read from elsewhere) a
    path inside is taken as it is."""
    if _URL_START.match(ref.strip()):  # linked only when it has no space (href)
        return Evidence.URL
    if _CONTROL.search(ref):
        return Evidence.ESCAPED
    rel = inside(ref)
    if rel is None:
        return Evidence.OUTSIDE
    if folder is None:
        return Evidence.FILE
    target = folder / rel
    try:
        leaves = not target.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError, ValueError):  # a link loop, a name the system refuses
        leaves = True
    if leaves:
        return Evidence.OUTSIDE
    return Evidence.FILE if target.exists() else Evidence.MISSING


def other_case(folder: Path, rel: str) -> str | None:
    """The file `rel` names in `folder` with other upper and lower case letters
    (`Records/Building.PDF` for `records/building.pdf`), if there is one: Windows finds it, a
    system that tells case apart (Linux, a CI runner) does not."""
    here, found = folder, []
    for part in PurePosixPath(rel).parts:
        try:
            names = sorted(entry.name for entry in os.scandir(here))
        except OSError:
            return None
        match = part if part in names else next((n for n in names if n.casefold() == part.casefold()), None)
        if match is None:
            return None
        found.append(match)
        here = here / match
    named = "/".join(found)
    return named if named != rel else None  # the same name: a broken link, not a case


# YAML's escapes in a "double-quoted" string, back to what was typed: "records\building.pdf"
# reads as `records`, a backspace, `uilding.pdf`
_ESCAPES = {"\0": "0", "\a": "a", "\b": "b", "\t": "t", "\n": "n", "\v": "v", "\f": "f", "\r": "r", "\x1b": "e"}


def unescaped(ref: str) -> str:
    """A reference with its control characters written back as the escapes that made them."""
    return _CONTROL.sub(lambda m: "\\" + _ESCAPES.get(m[0], f"x{ord(m[0]):02x}"), ref)


def href(ref: str) -> str | None:
    """An evidence link that is safe to put in href: an http(s) URL as written, a path inside the
    library folder normalised (`records\\building.pdf` is `records/building.pdf`); else None
    (javascript:, data:, file:, absolute, network and `..` paths, control characters)."""
    ref = ref.strip()
    if is_url(ref):
        return ref
    if _CONTROL.search(ref):
        return None
    return inside(ref)
