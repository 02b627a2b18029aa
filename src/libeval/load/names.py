"""Keys written by name: `建筑面积: 600` in library.yaml is the fact floor_area.

A key of `facts` or of an assessment's `corrections` that is not a fact id (nor id-like, which is
checked as an id: a misspelt id gets "did you mean") is looked up among the standard's fact names,
Chinese and English, NFKC-folded, case and spaces ignored. Naming exactly one fact, it is read as
that fact's id, with an info saying so; naming none or several, it is an error that says which
was meant. The same for the keys of `judged` and `not_applicable`: an indicator's name for its code.

The keys are renamed in the file's data before the models validate it, so every later message
points at the key as written and every output shows the id.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from libeval.errors import Problem, problem
from libeval.load.yaml_source import Source
from libeval.models import Judged
from libeval.scoring.standard import POPULATION, Standard
from libeval.text.bilingual import Bilingual

# a key written like an id is checked as an id (a misspelt one gets "did you mean"), never as a name
_IDENT = re.compile(r"^[a-z][a-z0-9_]*$")
_CODE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._-]*$")


def fold(text: str) -> str:
    """A name as compared: full-width folded (NFKC), case and spaces ignored."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).casefold()


@dataclass(frozen=True)
class Names:
    """What a section's keys may name: each target's id with how it is shown, by folded name."""

    by_name: dict[str, tuple[str, ...]]  # folded name -> ids (several when names repeat)
    shown: dict[str, Bilingual]  # id -> `floor_area（建筑面积）` / `floor_area (Floor area)`
    facts: bool  # facts (else indicators): what the message for a key that names nothing says

    def lookup(self, key: str) -> tuple[str, ...]:
        return self.by_name.get(fold(key), ())

    def closest(self, key: str) -> str:
        """The id of `closest_shown`, or ""."""
        shown = self.closest_shown(key)
        return next((i for i, s in self.shown.items() if s == shown), "")

    def closest_shown(self, key: str) -> Bilingual | str:
        """The one target a key most likely meant: the only name inside it or around it
        (面积 or 馆舍建筑面积 for 建筑面积), else the closest name; "" when none stands out."""
        folded = fold(key)
        around = {i for name, ids in self.by_name.items() if name in folded or folded in name for i in ids}
        if len(around) == 1:
            return self.shown[around.pop()]
        # short Chinese names differ in a character or two: 馆舍面积 for 建筑面积 is half the same
        close = difflib.get_close_matches(folded, list(self.by_name), n=2, cutoff=0.5)
        ids = {i for name in close[:1] for i in self.by_name[name]}
        return self.shown[ids.pop()] if len(ids) == 1 else ""


def _names(items: Iterable[tuple[str, str, str | None]], facts: bool) -> Names:
    by_name: dict[str, list[str]] = {}
    shown: dict[str, Bilingual] = {}
    for id_, name, name_en in items:
        shown[id_] = Bilingual(f"{id_}（{name}）", f"{id_} ({name_en or name})")
        for written in {id_, name, name_en or name}:
            ids = by_name.setdefault(fold(written), [])
            if id_ not in ids:
                ids.append(id_)
    return Names({k: tuple(v) for k, v in by_name.items()}, shown, facts)


def fact_names(std: Standard, population: bool = False) -> Names:
    items = [(f.id, f.name, f.name_en) for f in std.facts.values()]
    if population:  # a correction may correct the service population
        items.append((POPULATION, std.name_of(POPULATION, "zh"), std.name_of(POPULATION, "en")))
    return _names(items, facts=True)


def indicator_names(std: Standard, judged: bool) -> Names:
    """The judged indicators (for `judged`) or those that may be marked not applicable."""
    items = [
        (code, info.node.name, info.node.name_en)
        for code, info in std.nodes.items()
        if (isinstance(info.node.rule, Judged) if judged else info.node.not_applicable is not None)
    ]
    return _names(items, facts=False)


@dataclass
class Read:
    problems: list[Problem]
    meant: set[str]  # the ids an unreadable key may have meant: not "missing" on top of the error
    written: dict[str, str] = field(default_factory=dict)  # id -> the name it is written under


def read_names(src: Source, section: str, is_id: re.Pattern[str], make: Callable[[], Names]) -> Read:
    """Rename the keys of `src.data[section]` written by name to the ids they name, in place
    (their positions follow them). A key that names nothing, or several, is dropped from the
    data with an error, so that it is reported once, here. The names are gathered (`make`) only
    when a key is not written as an id."""
    mapping = src.data.get(section) if isinstance(src.data, dict) else None
    read = Read([], set())
    by_name = [k for k in mapping if isinstance(k, str) and not is_id.match(k)] if isinstance(mapping, dict) else []
    if not isinstance(mapping, dict) or not by_name:
        return read
    names = make()
    problems = read.problems
    renames: dict[Any, str | None] = {}
    given: dict[str, Any] = {}  # id -> the key written by name read as it
    for key in by_name:
        if key in names.shown:
            continue
        mark = src.mark((section, key), key=True)
        ids = names.lookup(key)
        # the id's own entry left empty (as `init` writes it) is filled by the name: it gives way
        free = len(ids) == 1 and (ids[0] not in mapping or (names.facts and _empty(mapping[ids[0]])))
        if free and ids[0] not in given:
            if ids[0] in mapping:
                renames[ids[0]] = None
            renames[key], given[ids[0]] = ids[0], key
            problems.append(problem(src.path, mark, "name-read", "info", key=key, target=names.shown[ids[0]]))
        elif len(ids) == 1:
            renames[key] = None
            other = src.mark((section, given.get(ids[0], ids[0])), key=True)
            problems.append(
                problem(src.path, mark, "name-given-twice", key=key, target=names.shown[ids[0]], line=other[0])
            )
        elif ids:
            renames[key] = None
            choices = Bilingual("、".join(names.shown[i].zh for i in ids), ", ".join(names.shown[i].en for i in ids))
            problems.append(problem(src.path, mark, "name-ambiguous", key=key, choices=choices))
            read.meant.update(ids)
        else:
            renames[key] = None
            suggest = names.closest_shown(key)
            if names.facts:
                problems.append(problem(src.path, mark, "fact-name-unknown", key=key, suggest=suggest))
            else:
                problems.append(problem(src.path, mark, "indicator-name-unknown", key=key, suggest=suggest))
            read.meant.add(names.closest(key))
    if renames:
        _rename(src, mapping, renames)
    read.written = dict(given)
    return read


def _empty(entry: Any) -> bool:
    """A fact entry with nothing filled in: no value, no years, no source, evidence or note
    (a unit alone is the scaffold's placeholder)."""
    if entry is None or entry == "":
        return True
    if not isinstance(entry, dict):
        return False
    return all(
        v is None or v == "" or v == [] or v == {} or (k == "estimated" and v is False)
        for k, v in entry.items()
        if k != "unit"
    )


def _rename(src: Source, mapping: dict[Any, Any], renames: dict[Any, str | None]) -> None:
    values, keys = src.marks.get(id(mapping), ({}, {}))
    items = list(mapping.items())
    mapping.clear()
    for key, value in items:
        new = renames.get(key, key)
        if new is None:
            continue
        mapping[new] = value
        if new != key:
            for marks in (values, keys):
                if key in marks:
                    marks[new] = marks[key]


def read_library_names(std: Standard, src: Source) -> Read:
    return read_names(src, "facts", _IDENT, lambda: fact_names(std))


def read_assessment_names(std: Standard, src: Source) -> list[Problem]:
    return (
        read_names(src, "corrections", _IDENT, lambda: fact_names(std, population=True)).problems
        + read_names(src, "judged", _CODE, lambda: indicator_names(std, judged=True)).problems
        + read_names(src, "not_applicable", _CODE, lambda: indicator_names(std, judged=False)).problems
    )
