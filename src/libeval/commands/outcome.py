"""What every command hands back to the command line, and what commands share."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from libeval.errors import LibevalError, problem
from libeval.load.folders import LibraryFolder, load_standard, resolve_criteria
from libeval.present.report_view import InputFile
from libeval.resources import bundled_criteria
from libeval.scoring.standard import Standard


@dataclass(frozen=True)
class Outcome:
    """The output (for --output or stdout), the messages for stderr, the exit code, and the
    input files the output must never be written over."""

    output: str | bytes = ""
    messages: str = ""
    exit_code: int = 0
    inputs: tuple[Path, ...] = field(default=())


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
