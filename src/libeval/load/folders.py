"""Reading standards and library folders from disk into checked models.

This is the I/O side: it reads files, validates them, and gathers every problem of every
file before raising, so one run reports all of them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from libeval.errors import LibevalError, Problem, errors_only, problem
from libeval.load import foreign as foreign_entries
from libeval.load import names, paths
from libeval.load.cross_checks import check_assessment, read_library
from libeval.load.inherit import resolve
from libeval.load.regions import for_scoring
from libeval.load.salvage import salvage, salvage_library
from libeval.load.validation import validate
from libeval.load.yaml_source import Source, load
from libeval.models import Assessment, Library, StandardSpec
from libeval.resources import bundled_criteria, criteria_dir
from libeval.scoring.compiler import compile_standard
from libeval.scoring.standard import Standard

LIBRARY_FILE = "library.yaml"
ASSESSMENTS_DIR = "assessments"


def shown(path: Path) -> str:
    """A path as users should see it: as they gave it (relative stays relative), normalised;
    a bundled standard as `libeval:criteria/<file>`, wherever libeval is installed."""
    if path.parent == criteria_dir():  # bundled paths come from criteria_dir() itself
        return f"libeval:criteria/{path.name}"
    return os.path.normpath(path)


def resolve_criteria(ref: str, base: Path | None = None) -> Path | None:
    """A standard named by bundled id or by path (relative to `base`, then to the cwd), written
    with / or \\ (`..\\标准\\cn-2017-county.yaml`, load/paths.py)."""
    if ref.endswith((".yaml", ".yml")) or paths.has_separators(ref):
        for root in ([base] if base else []) + [Path.cwd()]:
            candidate = root / paths.native(ref)
            if candidate.is_file():
                return candidate
        return None
    return bundled_criteria().get(ref)


class StandardCache:
    """Standards by resolved path, compiled once however many libraries use them."""

    def __init__(self) -> None:
        self._by_path: dict[Path, Standard] = {}
        self._resolved: dict[Path, Path] = {}

    def get(self, path: Path) -> Standard:
        key = self._resolved.get(path)
        if key is None:  # resolving walks the path: do it once per path
            key = self._resolved[path] = path.resolve()
        if key not in self._by_path:
            self._by_path[key] = load_standard(path)
        return self._by_path[key]

    def files(self) -> list[Path]:
        """Every standard file asked for (read, whether or not it loaded)."""
        return list(self._resolved.values())


def load_standard(path: Path) -> Standard:
    """Load, validate and compile a standard; raises with every error, keeps warnings."""
    src = load(path, shown(path))
    criteria, problems = validate(StandardSpec, src)
    if criteria is None:
        raise LibevalError(problems)
    std = compile_standard(criteria, src)
    if errors_only(std.problems):
        raise LibevalError(std.problems)
    return std


@dataclass
class LibraryFolder:
    path: Path
    library: Library
    source: Source
    standard: Standard
    assessments: dict[str, tuple[Assessment, Source]]  # effective: inheritance resolved (load/inherit.py)
    problems: list[Problem] = field(default_factory=list)
    written: dict[str, Assessment] = field(default_factory=dict)  # each as written: what a pass itself set

    def assessment(self, name: str) -> Assessment:
        """The named assessment, or a problem that lists the ones there are."""
        if name not in self.assessments:
            known = ", ".join(self.assessments) or "-"
            raise LibevalError([problem(shown(self.path), None, "assessment-not-found", name=name, known=known)])
        return self.assessments[name][0]

    def sources(self) -> list[Source]:
        return [self.source, *(s for _, s in self.assessments.values())]


def assessment_files(folder: Path) -> dict[str, Path]:
    adir = folder / ASSESSMENTS_DIR
    try:
        names = sorted(e.name for e in os.scandir(adir) if e.name.endswith((".yaml", ".yml")) and not e.is_dir())
    except (FileNotFoundError, NotADirectoryError):
        return {}
    return {Path(n).stem: adir / n for n in names}


def load_library(
    folder: Path, cache: StandardCache | None = None, criteria_override: Path | None = None, checking: bool = False
) -> LibraryFolder:
    """Load a library folder with its standard and every assessment, all checked. Raises
    LibevalError with every error of every file; the warnings are kept in `.problems`.
    `cache` shares compiled standards between folders; `criteria_override` scores the library
    against another standard file than the one it names: what that standard has no place for is
    set aside with a warning (load/foreign.py). A library that names no variant (no region,
    nor a province it follows from) cannot be scored: an error, but for `check` (`checking`),
    a warning that says what to fill."""
    cache = cache or StandardCache()
    if folder.name == LIBRARY_FILE and folder.is_file():  # `score lib/library.yaml`: the folder it is in
        folder = folder.parent
    lib_path = folder / LIBRARY_FILE
    if not lib_path.is_file() and not lib_path.exists() and not lib_path.is_symlink():
        raise LibevalError([problem(shown(folder), None, "not-a-library", path=shown(folder))])
    problems: list[Problem] = []
    src = load(lib_path, shown(lib_path))
    std: Standard | None = None
    foreign = False  # scored against another standard than its own: see load/foreign.py
    if isinstance(src.data.get("criteria"), str):
        ref = src.data["criteria"]
        crit_path = criteria_override or resolve_criteria(ref, folder)
        if criteria_override is not None:
            own = resolve_criteria(ref, folder)
            foreign = own is None or own.resolve() != criteria_override.resolve()
        if crit_path is None:
            problems.append(
                problem(
                    src.path,
                    src.mark(("criteria",)),
                    "unknown-criteria",
                    id=ref,
                    known=", ".join(bundled_criteria()) or "-",
                )
            )
        else:
            try:
                std = cache.get(crit_path)
                problems += std.problems
                if foreign:
                    mark = src.mark(("criteria",))
                    file = std.source.path if std.source else shown(crit_path)
                    problems.append(problem(src.path, mark, "criteria-override", "warning", id=std.id, file=file))
            except LibevalError as exc:
                problems += exc.problems
    meant: set[str] = set()  # facts a key that names none may have meant: not also "missing"
    if std is not None:  # facts written by name (建筑面积: 600) are read as their ids
        read = names.read_library_names(std, src)
        problems += read.problems
        meant = read.meant
    library, found = validate(Library, src)
    problems += found
    assessments: dict[str, tuple[Assessment, Source]] = {}
    broken: set[str] = set()  # assessments with errors: one that inherits from them is not told again
    for name, path in assessment_files(folder).items():
        try:
            asrc = load(path, shown(path))
        except LibevalError as exc:
            problems += exc.problems
            broken.add(name)
            continue
        if std is not None:
            problems += names.read_assessment_names(std, asrc)
        assessment, found = validate(Assessment, asrc)
        problems += found
        if assessment is None:  # what is valid of it is still checked: every problem in one run
            broken.add(name)
            kept = salvage(asrc.data)
            if kept is not None and std is not None:
                problems += check_assessment(std, kept, asrc, folder)
        else:
            if std is not None and foreign:
                assessment, found = foreign_entries.assessment_entries(std, assessment, asrc)
                problems += found
            assessments[name] = (assessment, asrc)
            if std is not None:
                problems += check_assessment(std, assessment, asrc, folder)
    written = {name: a for name, (a, _) in assessments.items()}
    assessments, found = resolve(assessments, broken)
    problems += found
    if library is not None and std is not None:
        if foreign:
            library, found = foreign_entries.library_entries(std, library, src)
            problems += found
        library, checked = read_library(std, library, src, folder)
        checked = [p for p in checked if not (p.code == "missing-fact" and dict(p.args).get("id") in meant)]
        problems += checked if checking else for_scoring(checked)
    elif std is not None:  # what is valid of it is still checked: a misspelt key beside a bad number
        partial, aside = salvage_library(src.data)
        if partial is not None:
            _, checked = read_library(std, partial, src, folder)
            problems += [
                p for p in errors_only(checked) if not (p.code == "missing-fact" and dict(p.args).get("id") in aside)
            ]
    if errors_only(problems) or library is None or std is None:
        raise LibevalError(problems)
    return LibraryFolder(folder, library, src, std, assessments, problems, written)


def find_libraries(root: Path) -> list[Path]:
    """Library folders at or below `root`, in a stable order."""
    if (root / LIBRARY_FILE).is_file():
        return [root]
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames.sort()
        if LIBRARY_FILE in filenames or LIBRARY_FILE in dirnames:  # a directory there is reported
            found.append(Path(dirpath))
            dirnames[:] = []  # a library folder's own subfolders are its evidence
    return found
