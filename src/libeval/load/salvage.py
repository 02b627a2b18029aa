"""What is valid of an assessment (or a library) that is not: so that one run of `check` reports every problem
of the file (issue 21: `11分` first, then on the next run `评分 18 不在 0..15 范围内`).

The entries pydantic refuses (an award, a not-applicable mark or a correction) are set aside, a
refused top-level value is replaced by a stand-in, and the rest validated again, for the checks
against the standard (load/cross_checks.py) to run on. The stand-in is never scored: the file's
errors stop loading as before."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from libeval.models import Assessment, Library

_ENTRIES = ("judged", "not_applicable", "corrections")
_STAND_INS: dict[str, Any] = {"assessor": "other", "date": "2000-01-01"}
ROUNDS = 4  # each round sets aside what the last one refused; nested errors come out in one


def salvage(data: Any) -> Assessment | None:
    """The assessment with what pydantic refuses set aside, or None when nothing can be kept."""
    if not isinstance(data, dict):
        return None
    data = dict(data)
    for _ in range(ROUNDS):
        try:
            return Assessment.model_validate(data)
        except ValidationError as exc:
            if not _set_aside(data, exc):
                return None
    return None


_LIBRARY_STAND_INS: dict[str, Any] = {"name": "—", "level": "county"}


def salvage_library(data: Any) -> tuple[Library | None, set[str]]:
    """The library with the facts (and other keys) pydantic refuses set aside, and the ids of the
    facts set aside: so that a misspelt fact key is reported in the same run as a bad number."""
    if not isinstance(data, dict):
        return None, set()
    data = dict(data)
    facts = dict(data["facts"]) if isinstance(data.get("facts"), dict) else None
    for _ in range(ROUNDS):
        try:
            kept = Library.model_validate(data)
        except ValidationError as exc:
            if not _set_aside(data, exc, ("facts",), _LIBRARY_STAND_INS):
                return None, set()
            continue
        return kept, set(facts or ()) - set(kept.facts)
    return None, set()


def _set_aside(
    data: dict[str, Any],
    exc: ValidationError,
    entries: tuple[str, ...] = _ENTRIES,
    stand_ins: dict[str, Any] = _STAND_INS,
) -> bool:
    changed = False
    for err in exc.errors(include_input=False, include_url=False):
        loc = err["loc"]
        if not loc:
            return False
        top = loc[0]
        if top in entries and len(loc) >= 2 and isinstance(data.get(top), dict) and loc[1] in data[top]:
            data[top] = {k: v for k, v in data[top].items() if k != loc[1]}
        elif top in entries:
            data[top] = {}
        elif top in stand_ins:
            if data.get(top) == stand_ins[top]:
                return False
            data[top] = stand_ins[top]
        elif top in data:
            del data[top]
        else:
            return False
        changed = True
    return changed
