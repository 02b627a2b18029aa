"""Writing output files: whole or not at all, never over an input."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from libeval.errors import LibevalError, problem
from libeval.text.parser_messages import os_error


def write_atomic(target: Path, data: str | bytes, inputs: Iterable[Path] = ()) -> None:
    """Write `data` (text as UTF-8) to `target` through a temporary file in the same folder,
    then rename: the target is whole or untouched, never half written."""
    shown = str(target)
    resolved = target.resolve()
    if any(resolved == p.resolve() for p in inputs):
        raise LibevalError([problem(shown, None, "output-is-input")])
    folder = resolved.parent
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        # mkstemp makes the file private (0600); give it the mode a new file would have, or keep
        # the mode of the file it replaces
        try:
            mode = resolved.stat().st_mode & 0o7777
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data.encode("utf-8") if isinstance(data, str) else data)
        Path(tmp_name).replace(resolved)
        tmp_name = None
    except OSError as exc:
        raise LibevalError([problem(shown, None, "output-failed", detail=os_error(exc))]) from None
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                Path(tmp_name).unlink()
