"""The on-site checklist of a review (`libeval review`): every fact and every judged award of the
assessment a review starts from, grouped by the standard's parts. Pure data: the YAML review's
comments (load/review_file.py) and the checklist sheet both read it.

A fact is listed under the part of the first indicator that reads it; the service population and
the facts no indicator reads (the profile, the grade conditions) come first, in a group of their
own (code ""). Values are the source's: the library's, after the source's own corrections.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from libeval.models import Assessment, Library
from libeval.models.result import Result
from libeval.scoring.standard import POPULATION, Standard
from libeval.scoring.values import apply_corrections
from libeval.text.bilingual import Bilingual
from libeval.text.units import Unit

PROFILE = Bilingual("基本情况", "Profile")


@dataclass(frozen=True)
class FactRow:
    id: str
    name: Bilingual
    unit: Unit
    value: Decimal | bool | None  # a single value (None: per-year, or not given)
    years: dict[int, Decimal | bool] | None  # per-year values as given
    per_year: bool
    source: str | None  # where the value comes from (a correction's reason for a corrected one)
    evidence: tuple[str, ...]
    estimated: bool
    verified: bool  # the source pass verified it
    corrected: bool  # the source pass corrected it
    note: str | None

    @property
    def given(self) -> bool:
        return self.value is not None or bool(self.years)


@dataclass(frozen=True)
class AwardRow:
    code: str
    name: Bilingual
    max: Decimal
    points: Decimal | None  # None: not awarded (or not applicable)
    level: str | None
    note: str | None
    not_applicable: str | None  # the reason, when the source marked it not applicable


@dataclass(frozen=True)
class ChecklistPart:
    code: str  # "" for the profile group
    name: Bilingual
    facts: tuple[FactRow, ...]
    awards: tuple[AwardRow, ...]


@dataclass(frozen=True)
class Checklist:
    source: str  # the name of the assessment the review starts from
    parts: tuple[ChecklistPart, ...]

    @property
    def facts(self) -> tuple[FactRow, ...]:
        return tuple(f for p in self.parts for f in p.facts)

    @property
    def awards(self) -> tuple[AwardRow, ...]:
        return tuple(a for p in self.parts for a in p.awards)


def checklist(std: Standard, library: Library, source: Assessment, name: str, result: Result) -> Checklist:
    """The checklist of `source` (named `name`, effective), `result` being its score."""
    entries, population = apply_corrections(library, source)
    part_of: dict[str, str] = {}
    for ind in result.indicators:
        for fid in ind.facts:
            part_of.setdefault(fid, ind.part)
    rows: dict[str, list[FactRow]] = {}
    if POPULATION in std.used or library.population is not None:
        corr = source.corrections.get(POPULATION)
        rows.setdefault("", []).append(
            FactRow(
                POPULATION,
                Bilingual(std.name_of(POPULATION, "zh"), std.name_of(POPULATION, "en")),
                std.unit(POPULATION),
                population,
                None,
                False,
                corr.reason if corr is not None and corr.changes else None,
                tuple(corr.evidence) if corr is not None else (),
                False,
                bool(corr and corr.verified),
                corr is not None,
                corr.note if corr is not None else None,
            )
        )
    for f in result.facts:
        entry = entries.get(f.id)
        rows.setdefault(part_of.get(f.id, ""), []).append(
            FactRow(
                f.id,
                f.name,
                f.unit,
                entry.value if entry is not None else None,
                dict(entry.years) if entry is not None and entry.years else None,
                std.facts[f.id].per_year,
                f.source,
                f.evidence,
                f.estimated,
                f.verified,
                f.corrected,
                f.note,
            )
        )
    awards: dict[str, list[AwardRow]] = {}
    for ind in result.indicators:
        if ind.kind != "judged":
            continue
        award = source.judged.get(ind.code)
        na = source.not_applicable.get(ind.code)
        awards.setdefault(ind.part, []).append(
            AwardRow(
                ind.code,
                ind.name,
                ind.max,
                ind.score if award is not None and ind.status == "scored" else None,
                award.level if award is not None else None,
                award.note if award is not None else None,
                na,
            )
        )
    parts = [ChecklistPart("", PROFILE, tuple(rows.get("", ())), ())] if rows.get("") else []
    tops = [*result.parts, *([result.bonus_part] if result.bonus_part is not None else [])]
    for part in tops:
        if part.code in rows or part.code in awards:
            parts.append(
                ChecklistPart(part.code, part.name, tuple(rows.get(part.code, ())), tuple(awards.get(part.code, ())))
            )
    return Checklist(name, tuple(parts))
