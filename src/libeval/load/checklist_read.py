"""A filled on-site checklist (present/checklist_sheet.py wrote it; Excel, WPS or LibreOffice
saved it as .xlsx or .xls) read back as a review's entries, every bad cell located as
`checklist.xlsx:事实核实!P12` and explained in the sheet's terms.

- 事实核实: √ alone is `{verified: true}` (证明材料 its evidence, 理由 its note); a 复核值 (per-year
  facts: the 复核 <year> columns) is a correction with its 理由 (required) and evidence. Numbers
  are read as the facts import reads them (load/sheet_facts.py: 1,200, 2.5万, 88%, a percent cell).
- 评分项目: the team's points or level where it differs from the reviewed assessment's (the review
  inherits the rest), 意见 as the award's note, 不适用理由 as a not-applicable entry.
- The title rows: the assessment reviewed, the review's name, by and date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from libeval.errors import LibevalError, Problem, problem
from libeval.load.sheet_facts import _fact_value, _got, _number, letter
from libeval.load.sheet_files import Grid, SheetCell, read_grid
from libeval.models import Assessment
from libeval.models.standard import FactDef, Judged
from libeval.scoring.standard import POPULATION, Standard
from libeval.text import checklist_labels as words
from libeval.text.bilingual import Bilingual
from libeval.text.numbers import plain
from libeval.text.suggest import did_you_mean

MARKS = {"✓", "√", "是", "yes", "y", "x", "true", "1"}
_SPLIT = re.compile(r"[\n；;、]+")
Cell = Callable[[str], tuple[SheetCell, str]]


@dataclass
class ChecklistEntries:
    meta: dict[str, str] = field(default_factory=dict)  # source, review, by, date
    corrections: dict[str, dict[str, Any]] = field(default_factory=dict)
    judged: dict[str, dict[str, Any]] = field(default_factory=dict)
    not_applicable: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def _sheet(path: Path, shown: str, name: Bilingual) -> Grid:
    """The sheet named in Chinese or in English (`review --xlsx --lang en`)."""
    try:
        return read_grid(path, shown, name.zh)
    except LibevalError as exc:
        if not any(p.code == "xlsx-no-sheet" for p in exc.problems):
            raise
    try:
        return read_grid(path, shown, name.en)
    except LibevalError as exc:
        if not any(p.code == "xlsx-no-sheet" for p in exc.problems):
            raise
    raise LibevalError([problem(shown, None, "checklist-no-sheet", sheet=name.zh)])


def _text(cell: SheetCell) -> str:
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _columns(names: dict[str, Bilingual]) -> dict[str, str]:
    """A header as written (either language, case and spaces aside) -> the column's key."""
    return {_key(text): key for key, label in names.items() for text in (label.zh, label.en) if "{" not in text}


def _key(text: str) -> str:
    return re.sub(r"\s+", "", text).casefold()


def _header(grid: Grid, wanted: Bilingual, out: ChecklistEntries) -> tuple[int, list[str]] | None:
    """The header row (the first with the column `wanted`) and its texts; the title rows above it
    give the review's meta."""
    meta = {_key(label.zh): key for key, label in words.META.items()} | {
        _key(label.en): key for key, label in words.META.items()
    }
    for i, row in enumerate(grid.rows):
        texts = [_text(c) for c in row]
        if _key(wanted.zh) in map(_key, texts) or _key(wanted.en) in map(_key, texts):
            return i, texts
        if texts and _key(texts[0]).rstrip(":：") in meta and len(texts) > 1:
            out.meta.setdefault(meta[_key(texts[0]).rstrip(":：")], texts[1])
    out.problems.append(problem(grid.where, None, "checklist-no-header", column=wanted.zh))
    return None


def _rows(grid: Grid, at: int, header: list[str], names: dict[str, str]) -> list[tuple[str, Cell]]:
    """Each row under the header with a first-column key (id or code), and its cells by key."""
    col: dict[str, int] = {}
    for i, text in enumerate(header):
        key = names.get(_key(text))
        if key is None:
            year = re.fullmatch(r"(?:复核|reviewed)(\d{4})", _key(text))
            key = f"review:{year.group(1)}" if year else None
        if key is not None:
            col.setdefault(key, i)
    first = col.get("id", col.get("code", 0))
    out: list[tuple[str, Cell]] = []
    for r, row in enumerate(grid.rows[at + 1 :], start=at + 2):

        def cell(name: str, row: list[SheetCell] = row, r: int = r) -> tuple[SheetCell, str]:
            i = col.get(name)
            ref = grid.at(f"{letter((i if i is not None else len(header)) + 1)}{r}")
            return (row[i] if i is not None and i < len(row) else SheetCell()), ref

        ident = _text(row[first]) if first < len(row) else ""
        if ident:
            out.append((ident, cell))
    return out


def _evidence(text: str) -> list[str]:
    return [part.strip() for part in _SPLIT.split(text) if part.strip()]


# the service population: a row of the checklist as a fact is, corrected like one
POPULATION_FACT = FactDef(id=POPULATION, name="服务人口", name_en="Service population", unit="人", type="integer")


def _fact(std: Standard, fid: str, cell: Cell, years: list[str], out: ChecklistEntries) -> None:
    fact = std.facts.get(fid) or POPULATION_FACT
    problems = out.problems
    mark, mark_ref = cell("verified")
    verified = False
    if _text(mark):
        if _text(mark).casefold() in MARKS or mark.value is True:
            verified = True
        else:
            problems.append(problem(mark_ref, None, "checklist-mark", got=_got(mark)))
    given: dict[int, Decimal | bool] = {}
    typed = False  # a value typed, read or not (a bad one is said once, not as a reason alone too)
    for y in years:
        c, ref = cell(f"review:{y}")
        if c.value is None and c.formula is None:
            continue
        typed = True
        if not fact.per_year:
            problems.append(problem(ref, None, "checklist-not-per-year", year=y))
        elif (value := _fact_value(c, fact, ref, problems)) is not None:
            given[int(y)] = value
    c, value_ref = cell("review_value")
    value = None
    if c.value is not None or c.formula is not None:
        typed = True
        if fact.per_year:
            first, last = (years[0], years[-1]) if years else ("", "")
            problems.append(problem(value_ref, None, "checklist-per-year", first=first, last=last))
        else:
            value = _fact_value(c, fact, value_ref, problems)
    reason_cell, reason_ref = cell("reason")
    reason = _text(reason_cell)
    evidence = _evidence(_text(cell("evidence")[0]))
    entry: dict[str, Any] = {}
    if given or value is not None:
        if not reason:
            problems.append(problem(reason_ref, None, "checklist-no-reason"))
        entry = {"years": given} if given else {"value": value}
        entry["reason"] = reason
    elif verified:
        entry = {"verified": True}
        if reason:
            entry["note"] = reason
    elif typed:
        return
    elif reason or evidence:
        problems.append(problem(reason_ref if reason else cell("evidence")[1], None, "checklist-reason-only"))
        return
    else:
        return
    if evidence:
        entry["evidence"] = evidence
    out.corrections[fid] = entry


def _award(std: Standard, code: str, cell: Cell, source: Assessment | None, out: ChecklistEntries) -> None:
    node = std.nodes[code].node
    rule = node.rule
    levels = rule.levels if isinstance(rule, Judged) else []
    problems = out.problems
    c, ref = cell("review_points")
    points = None
    if c.value is not None or c.formula is not None:
        read = _number(c, ref, None, code, problems)
        if isinstance(read, Decimal) and 0 <= read <= node.max:
            points = read
        elif read is not None:
            problems.append(problem(ref, None, "checklist-points", code=code, max=plain(node.max), got=_got(c)))
    c, level_ref = cell("review_level")
    level = None
    if _text(c):
        wanted = _key(_text(c))
        level = next((lv.name for lv in levels if wanted in (_key(lv.name), _key(lv.name_en or lv.name))), None)
        if level is None:
            known = Bilingual("、".join(lv.name for lv in levels) or "—", ", ".join(lv.name for lv in levels))
            problems.append(problem(level_ref, None, "checklist-level", code=code, known=known, got=_got(c)))
    if points is not None and level is not None:
        problems.append(problem(level_ref, None, "checklist-points-and-level", code=code))
    na, na_ref = cell("not_applicable")
    opinion = _text(cell("opinion")[0])
    if _text(na):
        if node.not_applicable is None:
            problems.append(problem(na_ref, None, "checklist-not-applicable", code=code))
        elif points is not None or level is not None:
            problems.append(problem(na_ref, None, "checklist-na-and-award", code=code))
        elif source is None or source.not_applicable.get(code) != _text(na):  # else inherited as it is
            out.not_applicable[code] = _text(na)
        return
    old = source.judged.get(code) if source else None
    was_na = source is not None and code in source.not_applicable
    same = old is not None and not was_na and (points, level) in ((old.points, None), (None, old.level))
    if points is None and level is None:
        if not opinion:
            return
        points, level = (old.points, old.level) if old else (None, None)
    elif same and not opinion:
        return
    award: dict[str, Any] = {"points": points} if points is not None else {}
    if level is not None:
        award["level"] = level
    if opinion:
        award["note"] = opinion
    out.judged[code] = award


def read_checklist(path: Path, shown: str, std: Standard, sources: dict[str, Assessment]) -> ChecklistEntries:
    """The entries of a filled checklist; `sources` are the folder's (effective) assessments,
    the one the checklist names is the one the review inherits from."""
    if path.suffix.lower() not in (".xlsx", ".xlsm", ".xls"):  # a .csv holds one sheet of the two
        raise LibevalError([problem(shown, None, "checklist-format", ext=path.suffix or path.name)])
    return read_grids(_sheet(path, shown, words.FACTS_SHEET), _sheet(path, shown, words.AWARDS_SHEET), std, sources)


def read_grids(facts: Grid, awards: Grid, std: Standard, sources: dict[str, Assessment]) -> ChecklistEntries:
    """The entries of the checklist's two sheets, as cells."""
    out = ChecklistEntries()
    found = _header(facts, words.FACT_COLUMNS["id"], out)
    if found is not None:
        at, header = found
        years = [h for h in header if h.isdigit() and len(h) == 4]
        for fid, cell in _rows(facts, at, header, _columns(words.FACT_COLUMNS)):
            if fid not in std.facts and fid != POPULATION:
                ref = cell("id")[1]
                out.problems.append(
                    problem(ref, None, "unknown-fact", id=fid, suggest=did_you_mean(fid, list(std.facts)))
                )
                continue
            _fact(std, fid, cell, years, out)
    source = sources.get(out.meta.get("source", ""))
    found = _header(awards, words.AWARD_COLUMNS["code"], ChecklistEntries(problems=out.problems))
    if found is not None:
        at, header = found
        for code, cell in _rows(awards, at, header, _columns(words.AWARD_COLUMNS)):
            info = std.nodes.get(code)
            if info is None or not isinstance(info.node.rule, Judged):
                ref = cell("code")[1]
                out.problems.append(problem(ref, None, "unknown-code", code=code, suggest=std.suggest_code(code, True)))
                continue
            _award(std, code, cell, source, out)
    return out
