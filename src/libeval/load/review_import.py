"""`libeval import checklist.xlsx LIB --as NAME`: a filled on-site checklist into the review
assessments/NAME.yaml. An existing review (as `libeval review` wrote it) is edited in place, its
comments and schema line kept; else a new one inherits from the assessment the checklist reviews,
with the by and date of the checklist's title rows. The result is checked before anything is
written; nothing is written while any cell is wrong.
"""

from __future__ import annotations

import datetime as dt
from contextlib import suppress
from pathlib import Path
from typing import Any

from libeval.errors import LibevalError, errors_only, problem
from libeval.load.checklist_read import read_checklist
from libeval.load.cross_checks import check_assessment
from libeval.load.fact_import import ImportPlan
from libeval.load.folders import ASSESSMENTS_DIR, load_library, shown
from libeval.load.import_changes import shown as show
from libeval.load.validation import validate
from libeval.load.yaml_edit import edit_review
from libeval.load.yaml_source import decode, loads, read_bytes
from libeval.models import Assessment
from libeval.text.bilingual import Bilingual

ASSESSORS = {"self", "prefecture", "city", "province", "ministry"}
SECTIONS = ("judged", "not_applicable", "corrections")


def _entry_shown(section: str, entry: Any) -> Bilingual:
    if section == "not_applicable":
        return Bilingual(f"不适用：{entry}", f"not applicable: {entry}")
    if section == "corrections" and entry.get("verified") and "value" not in entry and "years" not in entry:
        return Bilingual("核实 √", "verified √")
    if section == "judged":
        points = entry.get("points", entry.get("level"))
        return show({"value": points})
    return show(entry)


def plan_review_import(sheet: Path, folder: Path, name: str) -> ImportPlan:
    current = load_library(folder, checking=True)  # raises with every error of the folder as it is
    std = current.standard
    sources = {n: a for n, (a, _) in current.assessments.items() if n != name}
    got = read_checklist(sheet, shown(sheet), std, sources)
    source = got.meta.get("source", "")
    if source not in sources and (source or not got.problems):
        known = ", ".join(sources) or "-"
        got.problems.append(problem(shown(sheet), None, "checklist-source", name=source, known=known))
    if got.problems:
        raise LibevalError(got.problems)
    target = folder / ASSESSMENTS_DIR / f"{name}.yaml"
    raw, text, old = b"", "", dict[str, Any]()
    if target.is_file():
        raw = read_bytes(target, shown(target))
        text = decode(raw, shown(target))
        data = loads(raw, shown(target)).data
        old = data if isinstance(data, dict) else {}
    top: dict[str, Any] = {
        "assessor": name if name in ASSESSORS else "other",
        "inherit": source,
        "by": got.meta.get("by") or None,
        "date": got.meta.get("date") or None,
    }
    with suppress(KeyError, ValueError):  # not a date: the check below says so where it stands
        top["date"] = dt.date.fromisoformat(str(top["date"]))
    top = {k: v for k, v in top.items() if v is not None}
    if old:
        top = {}  # an existing review keeps its own head
    sections: dict[str, dict[str, Any]] = {
        "judged": got.judged,
        "not_applicable": got.not_applicable,
        "corrections": got.corrections,
    }
    changes: list[tuple[str, Bilingual, Bilingual]] = []
    for section in SECTIONS:
        before: dict[str, Any] = old[section] if isinstance(old.get(section), dict) else {}
        for key, entry in sections[section].items():
            was = before.get(key)
            if was is not None and _same(was, entry):
                continue
            old_shown = _entry_shown(section, was) if was is not None else show(None)
            changes.append((f"{section}.{key}", old_shown, _entry_shown(section, entry)))
    data = edit_review(raw, text, top, sections, shown(target))
    check_src = loads(data, shown(target))
    assessment, problems = validate(Assessment, check_src)
    if assessment is not None:
        problems += check_assessment(std, assessment, check_src)
    if errors_only(problems):
        raise LibevalError(problems)
    return ImportPlan(target, data, changes, problems)


def _same(old: Any, new: Any) -> bool:
    """An entry already written as the sheet gives it (numbers compared as numbers)."""
    if isinstance(new, dict) and isinstance(old, dict):  # years are read as text keys: 2013 is "2013"
        old = {str(k): v for k, v in old.items()}
        return set(old) == {str(k) for k in new} and all(_same(old[str(k)], v) for k, v in new.items())
    if isinstance(new, list) and isinstance(old, list):
        return len(old) == len(new) and all(_same(a, b) for a, b in zip(old, new, strict=True))
    if isinstance(new, bool) or isinstance(old, bool):
        return old is new
    try:
        return bool(old == new or float(old) == float(new))
    except (TypeError, ValueError):
        return False
