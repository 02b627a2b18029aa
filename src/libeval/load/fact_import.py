"""`libeval import`: the facts of a filled facts sheet (.xlsx, .xls or .csv) into a library
folder's library.yaml.

The sheet's rows replace the values of the same facts (and the library's name, level, province,
region and population where the sheet gives them); facts the sheet does not mention are kept.
library.yaml is edited in place (load/yaml_edit.py): its comments, schema line and key order
stay. The result is checked before anything is written; with an existing file the changes are
shown and written only when confirmed, after a backup of the old file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from libeval.errors import LibevalError, Problem, errors_only, problem
from libeval.load.cross_checks import check_library
from libeval.load.folders import LIBRARY_FILE, load_library, shown
from libeval.load.import_changes import as_written, same_fact, same_top
from libeval.load.import_changes import shown as show
from libeval.load.names import read_library_names
from libeval.load.sheet_facts import read_facts
from libeval.load.sheet_files import read_grid
from libeval.load.validation import validate
from libeval.load.yaml_edit import edit_library
from libeval.load.yaml_source import decode, loads, read_bytes
from libeval.models import Library
from libeval.text.bilingual import Bilingual


@dataclass
class ImportPlan:
    target: Path
    data: bytes  # the new library.yaml
    changes: list[tuple[str, Bilingual, Bilingual]]  # fact, old (as written), new
    warnings: list[Problem]


def plan_import(sheet: Path, folder: Path) -> ImportPlan:
    target = folder / LIBRARY_FILE
    if not target.is_file():
        raise LibevalError([problem(shown(folder), None, "import-needs-library", path=shown(folder))])
    current = load_library(folder, checking=True)  # raises with every error of the folder as it is
    std = current.standard
    got = read_facts(read_grid(sheet, shown(sheet)), std)
    if got.problems:
        raise LibevalError(got.problems)
    raw = read_bytes(target, shown(target))
    src = loads(raw, shown(target))  # the untrusted-YAML limits, before ruamel reads it
    old_facts = src.data.get("facts") if isinstance(src.data.get("facts"), dict) else {}
    # a fact written by name (建筑面积: 600) is read as its id; the sheet's value is written under the id
    written = read_library_names(std, src).written
    # compared as read (39万 is 390000, 西部 is west): what is unchanged is neither listed nor rewritten
    changes: list[tuple[str, Bilingual, Bilingual]] = []
    top: dict[str, Any] = {}
    for key, value in got.library.items():
        old = src.data.get(key) if "." not in key else (src.data.get("attributes") or {}).get(key.split(".", 1)[1])
        if not same_top(std, key, old, value):
            top[key] = value
            changes.append((key, show(old), show(value)))
    facts: dict[str, dict[str, Any]] = {}
    for fid, entry in got.facts.items():
        old = old_facts.get(fid)
        if fid in old_facts and same_fact(old, entry):
            if (kept := as_written(old, entry)) is not None:
                facts[fid] = kept  # a new source or note: the value stays as written
            continue
        facts[fid] = entry
        changes.append((fid, show(old), show(entry)))
    data = edit_library(raw, decode(raw, shown(target)), src, (facts, top, written), shown(target))
    check_src = loads(data, shown(target))
    read_library_names(std, check_src)
    library, found = validate(Library, check_src)
    problems = list(found)
    if library is not None:
        problems += check_library(std, library, check_src, folder)
    if errors_only(problems):
        raise LibevalError(problems)
    return ImportPlan(target, data, changes, problems)


def write_import(plan: ImportPlan) -> Path | None:
    """Write the new library.yaml; the old one is kept beside it, stamped. Returns the backup."""
    from libeval.load.writing import write_atomic

    backup = None
    if plan.target.exists():
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = plan.target.with_name(f"{plan.target.name}.{stamp}.bak")
        write_atomic(backup, plan.target.read_bytes())
    write_atomic(plan.target, plan.data)
    return backup
