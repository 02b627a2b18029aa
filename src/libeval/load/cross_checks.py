"""Checks across files: a library's facts and an assessment's entries against their standard."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from libeval.errors import Problem
from libeval.load import paths
from libeval.load.located import Loc, Sink
from libeval.load.paths import Evidence
from libeval.load.regions import read_variant
from libeval.load.yaml_source import Source
from libeval.models import Assessment, FactDef, Judged, Library
from libeval.scoring.standard import POPULATION, Standard
from libeval.text.bilingual import Bilingual
from libeval.text.numbers import plain
from libeval.text.reading import canonical_unit, same_unit
from libeval.text.suggest import did_you_mean
from libeval.text.words import WORDS

# the name a new library.yaml (load/scaffold.py) holds until the librarian writes the real one
PLACEHOLDER_NAME = "未命名图书馆"


def _kind(value: Any) -> Bilingual:
    return WORDS["true/false"] if isinstance(value, bool) else WORDS["a number"]


def _check_value(sink: Sink, fact: FactDef, value: Any, loc: Loc) -> None:
    if fact.type == "boolean":
        if not isinstance(value, bool):
            sink.add(loc, "value-type", id=fact.id, expected=WORDS["true/false"], got=_kind(value))
        return
    if isinstance(value, bool):
        sink.add(loc, "value-type", id=fact.id, expected=WORDS["a number"], got=WORDS["true/false"])
        return
    if value < 0:
        sink.add(loc, "value-type", id=fact.id, expected=WORDS["a number ≥ 0"], got=value)
    elif fact.type == "integer" and value != value.to_integral_value():
        sink.add(loc, "value-type", id=fact.id, expected=WORDS["a whole number"], got=value)
    elif fact.type == "percent" and value > 100:
        sink.add(loc, "value-type", id=fact.id, expected=WORDS["a percentage 0..100"], got=value)
    elif fact.type == "percent" and 0 < value < 1:  # 0.9 typed for 90% (a spreadsheet's General cell)
        sink.add(loc, "percent-fraction", "warning", id=fact.id, value=value, percent=plain(value * 100))


def check_fact_entry(
    sink: Sink, std: Standard, fact_id: str, entry: Any, loc: Loc, unit: str | None, correction: bool = False
) -> None:
    """A library fact or an assessor's correction, against the catalogue. A correction may name
    only some years (the library's others stay), so it is not told about the years it lacks."""
    fact = std.facts.get(fact_id)
    if fact is None:
        sink.add(loc, "unknown-fact", key=True, id=fact_id, suggest=did_you_mean(fact_id, std.facts))
        return
    if unit is not None and fact.unit is not None and not same_unit(unit, fact.unit):
        sink.add((*loc, "unit"), "unit-mismatch", id=fact_id, expected=fact.unit, got=unit)
    if fact.per_year:
        if entry.years is None:
            if entry.value is not None:
                sink.add((*loc, "value"), "per-year-expected", id=fact_id)
            return
        period = std.spec.period
        for year, value in entry.years.items():
            if not period.start <= year <= period.end:
                sink.add(
                    (*loc, "years", str(year)),
                    "year-outside-period",
                    "warning",
                    key=True,
                    year=year,
                    start=period.start,
                    end=period.end,
                )
            _check_value(sink, fact, value, (*loc, "years", str(year)))
        absent = [y for y in range(period.start, period.end + 1) if y not in entry.years]
        if absent and len(absent) < period.end - period.start + 1 and not correction:
            sink.add((*loc, "years"), "missing-years", "warning", id=fact_id, years=", ".join(map(str, absent)))
    else:
        if entry.years is not None:
            sink.add((*loc, "years"), "single-value-expected", id=fact_id)
        elif entry.value is not None:
            _check_value(sink, fact, entry.value, (*loc, "value"))


def check_library(std: Standard, lib: Library, src: Source, folder: Path | None) -> list[Problem]:
    return read_library(std, lib, src, folder)[1]


def read_library(std: Standard, lib: Library, src: Source, folder: Path | None) -> tuple[Library, list[Problem]]:
    """The library against its standard: its region and variant read as the standard's ids
    (load/regions.py), and every problem of its facts."""
    sink = Sink(src)
    crit = std.spec
    if lib.level != crit.level:
        sink.add(("level",), "level-mismatch", "warning", got=lib.level, expected=crit.level)
    if lib.name.strip() == PLACEHOLDER_NAME:
        sink.add(("name",), "name-placeholder", "warning", name=PLACEHOLDER_NAME)
    lib, found = read_variant(std, lib, src)
    sink.problems += found
    suggested: set[str] = set()  # a misspelt key already says which fact it meant
    for fact_id, entry in lib.facts.items():
        loc = ("facts", fact_id)
        if fact_id not in std.facts:
            suggested.add(did_you_mean(fact_id, std.facts))
        check_fact_entry(sink, std, fact_id, entry, loc, entry.unit)
        for i, ref in enumerate(entry.evidence):
            _check_evidence(sink, ref, (*loc, "evidence", i), folder)
    if lib.population is None and POPULATION in std.used:
        sink.add(
            ("population",), "missing-fact", "warning", id=POPULATION, name=Bilingual("服务人口", "service population")
        )
    for fact in crit.facts:
        given = lib.facts.get(fact.id)
        if fact.id in suggested or fact.id not in std.used:  # nothing reads it: nothing is missing
            continue
        if given is None or (given.value is None and not any(std.in_period(y) for y in given.years or ())):
            where = ("facts", fact.id) if given is not None else ("facts",)
            sink.add(where, "missing-fact", "warning", id=fact.id, name=Bilingual(fact.name, fact.name_en or ""))
    return lib, sink.problems


def _check_evidence(sink: Sink, ref: str, loc: Loc, folder: Path | None) -> None:
    """A Windows writing (`records\\x.pdf`) is the same path on every system (load/paths.py)."""
    found = paths.evidence(ref, folder)
    if found is Evidence.OUTSIDE:
        sink.add(loc, "evidence-outside", path=ref)
    elif found is Evidence.ESCAPED:
        sink.add(loc, "evidence-escaped", "warning", path=paths.unescaped(ref))
    elif found is Evidence.MISSING:
        named = paths.other_case(folder, paths.inside(ref) or "") if folder is not None else None
        if named is not None:
            sink.add(loc, "evidence-case", "warning", path=ref, found=named)
        else:
            sink.add(loc, "evidence-missing", "warning", path=ref)


def check_assessment(std: Standard, assessment: Assessment, src: Source, folder: Path | None = None) -> list[Problem]:
    """An assessment as written against its standard (and its evidence against `folder`)."""
    sink = Sink(src)
    for code, award in assessment.judged.items():
        loc = ("judged", code)
        info = std.nodes.get(code)
        if info is None or info.node.rule is None:
            sink.add(loc, "unknown-code", key=True, code=code, suggest=std.suggest_code(code, judged_only=True))
            continue
        rule = info.node.rule
        if not isinstance(rule, Judged):
            sink.add(loc, "not-judged-indicator", key=True, code=code, kind=rule.kind)
            continue
        if award.points is not None and award.level is not None:
            sink.add(loc, "points-or-level")
        if award.points is not None and award.points > info.node.max:
            sink.add((*loc, "points"), "judged-range", code=code, points=award.points, max=info.node.max)
        elif award.points is not None and award.points != award.points.quantize(Decimal(10) ** -std.spec.precision):
            places = std.spec.precision
            sink.add((*loc, "points"), "judged-precision", "warning", code=code, points=award.points, precision=places)
        if code in assessment.not_applicable:
            sink.add(loc, "judged-and-na", key=True, code=code)
        if award.level is not None and not rule.levels:
            sink.add((*loc, "level"), "no-levels", code=code, max=info.node.max)
        elif award.level is not None and award.level not in {lv.name for lv in rule.levels}:
            sink.add(
                (*loc, "level"),
                "unknown-level",
                code=code,
                level=award.level,
                known=", ".join(lv.name for lv in rule.levels) or "-",
            )
    for code in assessment.not_applicable:
        loc = ("not_applicable", code)
        info = std.nodes.get(code)
        if info is None:
            sink.add(loc, "unknown-code", key=True, code=code, suggest=std.suggest_code(code))
        elif info.node.not_applicable is None:
            sink.add(loc, "na-not-allowed", key=True, code=code)
    for fact_id, corr in assessment.corrections.items():
        loc = ("corrections", fact_id)
        if not corr.changes and not corr.verified:  # a reason alone: never a withdrawal of the fact
            sink.add(loc, "correction-without-value", id=fact_id)
        elif corr.changes and corr.reason is None:
            sink.add(loc, "correction-without-reason", id=fact_id)
        for i, ref in enumerate(corr.evidence):
            _check_evidence(sink, ref, (*loc, "evidence", i), folder)
        if not corr.changes:
            if fact_id != POPULATION and fact_id not in std.facts:
                sink.add(loc, "unknown-fact", key=True, id=fact_id, suggest=did_you_mean(fact_id, std.facts))
            continue
        if fact_id == POPULATION:
            if corr.unit is not None and canonical_unit(corr.unit) != "人":
                sink.add((*loc, "value"), "amount-unit", got=corr.unit, expected="人")
            if corr.value is None or isinstance(corr.value, bool) or corr.value <= Decimal(0):
                sink.add(
                    (*loc, "value"),
                    "value-type",
                    id=fact_id,
                    expected=WORDS["a number > 0"],
                    got=corr.value if corr.value is not None else WORDS["nothing"],
                )
            continue
        check_fact_entry(sink, std, fact_id, corr, loc, corr.unit, correction=True)
    return sink.problems
