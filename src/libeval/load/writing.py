"""Writing output files: whole or not at all, never over an input, never over a device.

A regular file (or a new path) is written through a temporary file in the same folder and then
renamed over the target: a reader sees the old file or the whole new one, and of two runs writing
the same path at once the last rename wins with one complete file. A rename refused for want of
permission (on Windows: the file is open in Excel or WPS) leaves the old file as it was, removes
the temporary one and says so (`output-locked`). Anything else already at the
path (a named pipe, a character device such as /dev/null, the terminal, /dev/stdout) is written
through, in chunks, and left what it was: a rename would put a regular file in its place.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from libeval.errors import LibevalError, problem
from libeval.text.parser_messages import os_error

CHUNK = 64 * 1024
# paths that name the process's own streams or devices however they resolve: /dev/stdout is a
# link to /proc/self/fd/1, which may lead to the regular file the shell redirected to; renaming
# over that file would cut the shell's redirection off
_STREAM_FOLDERS = ("/dev/", "/proc/")


def is_stream(target: Path) -> bool:
    """True when `target` must be written through rather than replaced: something that exists
    and is not a regular file, or any path under /dev or /proc."""
    if os.name == "posix" and str(target.absolute()).startswith(_STREAM_FOLDERS):
        return True
    try:
        mode = target.stat().st_mode
    except OSError:
        return False  # a new path (or one the atomic write will report on)
    return not stat.S_ISREG(mode)


def _write_all(fd: int, data: bytes) -> None:
    """Every byte of `data` to `fd`, a chunk at a time (a pipe or a device takes what it can)."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view[:CHUNK])
        view = view[written:]


def write_atomic(target: Path, data: str | bytes, inputs: Iterable[Path] = ()) -> None:
    """Write `data` (text as UTF-8) to `target`: a regular file or a new path through a temporary
    file and a rename (whole or untouched, never half written); a pipe or a device through."""
    shown = str(target)
    resolved = target.resolve()
    if any(resolved == p.resolve() for p in inputs):
        raise LibevalError([problem(shown, None, "output-is-input")])
    raw = data.encode("utf-8") if isinstance(data, str) else data
    try:
        if is_stream(target):
            _write_through(target, raw)
        else:
            _replace(resolved, raw)
    except _Locked:
        raise LibevalError([problem(shown, None, "output-locked")]) from None
    except OSError as exc:
        raise LibevalError([problem(shown, None, "output-failed", detail=os_error(exc))]) from None


def _write_through(target: Path, raw: bytes) -> None:
    # never created, never truncated: a pipe or a device is opened as it is; a regular file
    # reached through /dev or /proc (the shell's `> file` behind /dev/stdout) is appended to,
    # as the shell's own writes would be
    flags = os.O_WRONLY | (os.O_APPEND if target.is_file() else 0)
    fd = os.open(target, flags)
    try:
        _write_all(fd, raw)
    finally:
        os.close(fd)


class _Locked(Exception):
    """The rename over the target was refused: the old file stays, the temporary one goes."""


def _replace(resolved: Path, raw: bytes) -> None:
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{resolved.name}.", suffix=".tmp", dir=resolved.parent)
        try:
            # mkstemp makes the file private (0600); give it the mode a new file would have, or
            # keep the mode of the file it replaces
            try:
                mode = resolved.stat().st_mode & 0o7777
            except FileNotFoundError:
                umask = os.umask(0)
                os.umask(umask)
                mode = 0o666 & ~umask
            os.fchmod(fd, mode)
            _write_all(fd, raw)
        finally:
            os.close(fd)
        try:
            Path(tmp_name).replace(resolved)
        except PermissionError:
            # on Windows, a file another program holds open (Excel, WPS) cannot be replaced
            raise _Locked from None
        tmp_name = None
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                Path(tmp_name).unlink()
