"""The rows of the on-site checklist of a review (`libeval review LIB --as NAME --xlsx FILE`):
every fact of the standard with the value the reviewed assessment scores (the library's, or its
own correction), and every judged indicator with the reviewed assessment's award. Pure data, read
from a loaded library folder; the sheet (present/checklist_sheet.py) lays them out.

(Stand-in for the shared gatherer of issue 21's `review` command: the same rows, for its YAML
comments and this sheet.)
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from libeval.load.folders import LibraryFolder
from libeval.models import Assessment
from libeval.models.standard import Judged
from libeval.scoring.standard import POPULATION
from libeval.scoring.values import apply_corrections


@dataclass(frozen=True)
class FactRow:
    id: str
    name: str
    name_en: str
    unit: str  # as the standard writes it (m2, 千册次)
    unit_shown: tuple[str, str]  # as shown, in Chinese and in English (㎡, m²)
    type: str  # number, integer, boolean, percent
    per_year: bool
    value: Decimal | bool | None = None
    years: tuple[tuple[int, Decimal | bool], ...] = ()
    source: str = ""
    evidence: tuple[str, ...] = ()
    estimated: bool = False


@dataclass(frozen=True)
class AwardRow:
    code: str
    name: str
    name_en: str
    max: Decimal
    levels: tuple[tuple[str, str, Decimal], ...]  # name, English name, points
    points: Decimal | None = None
    level: str | None = None
    note: str = ""
    not_applicable: str | None = None  # the reviewed assessment's reason
    may_not_apply: bool = False  # the standard allows marking it not applicable


@dataclass(frozen=True)
class Checklist:
    library: str
    library_en: str
    standard: str  # id and title
    period: tuple[int, int]
    source: str  # the name of the assessment reviewed (self)
    source_assessor: str
    facts: tuple[FactRow, ...]
    awards: tuple[AwardRow, ...]


def _fact_rows(folder: LibraryFolder, assessment: Assessment) -> list[FactRow]:
    """The service population, then every fact of the standard, with the assessment's own
    corrections applied (scoring/values.apply_corrections, the one meaning of a correction)."""
    std = folder.standard
    entries, population = apply_corrections(folder.library, assessment)
    rows = [
        FactRow(
            POPULATION,
            std.name_of(POPULATION, "zh"),
            std.name_of(POPULATION, "en"),
            "人",
            (std.unit_of(POPULATION, "zh"), std.unit_of(POPULATION, "en")),
            "integer",
            False,
            population,
        )
    ]
    for fact in std.spec.facts:
        given = entries.get(fact.id)
        corrected = assessment.corrections.get(fact.id)
        source = (given.source or "") if given else ""
        evidence = tuple(given.evidence) if given else ()
        if corrected is not None and (corrected.value is not None or corrected.years):
            source, evidence = corrected.reason or "", tuple(corrected.evidence)  # the correction's own
        rows.append(
            FactRow(
                fact.id,
                fact.name,
                fact.name_en or fact.name,
                fact.unit or "",
                (std.unit_of(fact.id, "zh"), std.unit_of(fact.id, "en")),
                fact.type,
                fact.per_year,
                given.value if given else None,
                tuple(sorted((given.years or {}).items())) if given else (),
                source,
                evidence,
                bool(given and given.estimated),
            )
        )
    return rows


def _award_rows(folder: LibraryFolder, assessment: Assessment) -> list[AwardRow]:
    rows = []
    std = folder.standard
    for code in std.leaves:
        node = std.nodes[code].node
        if not isinstance(node.rule, Judged):
            continue
        award = assessment.judged.get(code)
        rows.append(
            AwardRow(
                code,
                node.name,
                node.name_en or node.name,
                node.max,
                tuple((lv.name, lv.name_en or lv.name, lv.points) for lv in node.rule.levels),
                award.points if award else None,
                award.level if award else None,
                (award.note or "") if award else "",
                assessment.not_applicable.get(code),
                node.not_applicable is not None,
            )
        )
    return rows


def checklist(folder: LibraryFolder, source: str) -> Checklist:
    """The checklist of a review of the assessment named `source` (raises when there is none)."""
    assessment = folder.assessment(source)
    spec = folder.standard.spec
    return Checklist(
        folder.library.name,
        folder.library.name_en or folder.library.name,
        f"{spec.id} {spec.title}",
        (spec.period.start, spec.period.end),
        source,
        assessment.assessor,
        tuple(_fact_rows(folder, assessment)),
        tuple(_award_rows(folder, assessment)),
    )
