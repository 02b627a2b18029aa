"""`libeval init`: a new library folder for a standard (and, on request, its facts.xlsx)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from libeval.commands.outcome import Outcome, standard_arg
from libeval.errors import LibevalError, problem
from libeval.load.folders import ASSESSMENTS_DIR, LIBRARY_FILE
from libeval.load.scaffold import write_scaffold
from libeval.resources import bundled_criteria
from libeval.text.choices import clipped, suggest_province
from libeval.text.labels import label


@dataclass(frozen=True)
class InitSettings:
    directory: Path
    criteria: str  # a bundled standard's id or a path
    xlsx: bool = False
    province: str | None = None  # fills the province, and the region where the standard places it
    lang: str = "en"  # of the next-step line (stderr; stdout lists the files written)


def _inside_assessments(directory: Path) -> Path | None:
    """The library whose assessments/ folder `directory` would be made in, if any (the issue:
    `init lib/assessments/prefecture` silently made a library there instead of a review)."""
    for folder in directory.resolve().parents:
        if folder.name == ASSESSMENTS_DIR and (folder.parent / LIBRARY_FILE).is_file():
            return folder.parent
    return None


def run(s: InitSettings) -> Outcome:
    library = _inside_assessments(s.directory)
    if library is not None:
        shown = os.path.relpath(library) if not s.directory.is_absolute() else str(library)
        raise LibevalError(
            [problem(str(s.directory), None, "init-in-assessments", path=str(s.directory), library=shown)]
        )
    std = standard_arg(s.criteria)
    ref = s.criteria
    if s.criteria not in bundled_criteria():  # a path, written relative to the new folder: it moves with it
        ref = Path(os.path.relpath(Path(s.criteria).resolve(), s.directory.resolve())).as_posix()
    if s.province is not None and std.provinces and std.region_of(s.province) is None:
        names = [n for ns in (std.spec.variant.provinces or {}).values() for n in ns]
        suggest = suggest_province(s.province, names)
        raise LibevalError(
            [problem("--province", None, "unknown-province", province=clipped(s.province), suggest=suggest)]
        )
    sheet = s.directory / "facts.xlsx"
    if s.xlsx and sheet.exists():
        raise LibevalError([problem(str(sheet), None, "target-exists", path=str(sheet))])
    written = write_scaffold(s.directory, std, ref, s.province or None)
    if s.xlsx:
        from libeval.load.facts_sheet import facts_template
        from libeval.load.writing import write_atomic

        write_atomic(sheet, facts_template(std, s.province or None))
        written.append(sheet)
    d = s.directory
    paths = {"dir": d, "lib": d / LIBRARY_FILE, "self": d / ASSESSMENTS_DIR / "self.yaml", "sheet": sheet}
    nxt = label("init_next_xlsx" if s.xlsx else "init_next", s.lang, **paths)
    return Outcome("".join(f"{path}\n" for path in written), nxt + "\n")
