"""What every command hands back to the command line, and what commands share."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from libeval.errors import LibevalError, problem
from libeval.load.folders import LibraryFolder, load_standard, resolve_criteria
from libeval.present.report_view import InputFile
from libeval.resources import bundled_criteria
from libeval.scoring.standard import Standard

Kind = Literal["text", "json", "csv", "xlsx"]


@dataclass(frozen=True)
class Outcome:
    """The output (for --output or stdout), the messages for stderr, the exit code, and the
    input files the output must never be written over."""

    output: str | bytes = ""
    messages: str = ""
    exit_code: int = 0
    inputs: tuple[Path, ...] = field(default=())
    # what the output is: text (to a stream in its encoding, what it lacks drawn with stand-ins),
    # json (exact in any encoding), csv (bytes in the file's own encoding, to stdout too), or a
    # workbook (bytes, for --output only)
    kind: Kind = "text"


def kind_of(fmt: str) -> Kind:
    """An output's kind from its format's name (`--format json` is json, table and md are text)."""
    return fmt if fmt in ("json", "csv", "xlsx") else "text"  # type: ignore[return-value]


def input_paths(folder: LibraryFolder) -> tuple[Path, ...]:
    """Every file a library folder's result rests on (its standard's file too)."""
    sources = [*folder.sources(), *([folder.standard.source] if folder.standard.source else [])]
    return tuple(src.file for src in sources if src.file is not None)


def input_files(folder: LibraryFolder, assessment: str) -> tuple[InputFile, ...]:
    """The files a report rests on, with their hashes: library.yaml, the assessment, the standard."""
    _, asrc = folder.assessments[assessment]
    sources = [folder.source, asrc, *([folder.standard.source] if folder.standard.source else [])]
    return tuple(InputFile(s.path, s.sha256) for s in sources)


def criteria_path(ref: str) -> Path:
    """The file of a standard named on the command line by bundled id or path (a path is kept as
    given, so that messages show it so)."""
    given = Path(ref)
    looks_like_path = ref.endswith((".yaml", ".yml")) or "/" in ref or os.sep in ref
    path = given if looks_like_path and given.is_file() else resolve_criteria(ref)
    path = path or (given if given.is_file() else None)
    if path is None:
        raise LibevalError([problem(ref, None, "unknown-criteria", id=ref, known=", ".join(bundled_criteria()) or "-")])
    return path


def standard_arg(ref: str) -> Standard:
    """A standard named on the command line by bundled id or path."""
    return load_standard(criteria_path(ref))
