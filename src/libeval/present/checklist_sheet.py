"""The on-site checklist as a workbook (`libeval review LIB --as NAME --xlsx FILE`; openpyxl is
imported here, in present/sheets.py, load/facts_sheet.py and load/standard_table.py only).

Three sheets, each printable on A4 landscape with its header row repeated:
- 事实核实: one row per fact with the value the reviewed assessment scores (per-year facts one
  column per year), its source, evidence and estimated flag; then the team's columns: 核实 √ (a
  drop-down), 复核值 (per-year facts: 复核 <year> columns), 理由, 证明材料;
- 评分项目: one row per judged indicator with its max and levels, the reviewed assessment's
  points, level and note; then the team's points or level (drop-downs), 不适用理由 and 意见;
- 说明: how to fill it and how to read it back (`libeval import FILE LIB --as NAME`).
The title rows name the library, the standard, the assessment reviewed and the review (its name,
by and date); `import` reads them back (load/checklist_read.py).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from libeval.analysis.checklist import Checklist, FactRow
from libeval.load.facts_sheet import GROUP, INFO, add_row, first_sheet, print_setup, workbook_bytes
from libeval.load.folders import LibraryFolder
from libeval.models import Library
from libeval.models.standard import Judged, Level
from libeval.present.sheets import LINE, TITLE, finish, header_row, number
from libeval.scoring.standard import Standard
from libeval.text import checklist_labels as words
from libeval.text.labels import LABELS, label
from libeval.text.numbers import plain
from libeval.text.width import wrap

WRAP = Alignment(wrap_text=True, vertical="top")
HELP_WIDTH = 70  # the 说明 sheet's one column, on A4 portrait


@dataclass(frozen=True)
class Review:
    """The review the checklist is for: its name (the file stem, `--as`), by and date."""

    name: str
    by: str
    date: str  # YYYY-MM-DD
    lang: str = "zh"


def side(assessor: str, name: str, lang: str) -> str:
    """自评, 州（市）评 ... or the assessment's name."""
    key = f"side.{assessor}"
    return label(key, lang) if key in LABELS else name


@dataclass(frozen=True)
class Sheet:
    """What the sheets are drawn from: the checklist (analysis/checklist.py), the standard, the
    library and the kind of the assessment reviewed (self)."""

    checklist: Checklist
    std: Standard
    library: Library
    source_assessor: str
    review: Review

    @property
    def source_side(self) -> str:
        return side(self.source_assessor, self.checklist.source, self.review.lang)

    @property
    def period(self) -> tuple[int, int]:
        return self.std.spec.period.start, self.std.spec.period.end

    def kind(self, fid: str) -> str:
        fact = self.std.facts.get(fid)
        return fact.type if fact is not None else "integer"  # the service population

    def levels(self, code: str) -> list[Level]:
        rule = self.std.nodes[code].node.rule
        return rule.levels if isinstance(rule, Judged) else []

    def may_not_apply(self, code: str) -> bool:
        return self.std.nodes[code].node.not_applicable is not None


def _title(ws: Worksheet, s: Sheet) -> None:
    lang, r, spec = s.review.lang, s.review, s.std.spec
    library = (s.library.name_en or s.library.name) if lang == "en" else s.library.name
    add_row(ws, [words.TITLE.get(lang).format(library=library)])
    ws.cell(row=1, column=1).font = TITLE
    assessor = r.name if r.name in {"self", "prefecture", "city", "province", "ministry"} else "other"
    for key, value, shown in (
        ("standard", f"{spec.id} {(spec.title_en or spec.title) if lang == 'en' else spec.title}", ""),
        ("source", s.checklist.source, s.source_side),
        ("review", r.name, side(assessor, r.name, lang)),
        ("by", r.by, ""),
        ("date", r.date, ""),
    ):
        add_row(ws, [words.META[key].get(lang), value, shown])
    add_row(ws, [])


def _cell(value: Decimal | bool | None, kind: str, lang: str) -> Any:
    if value is None:
        return None
    if isinstance(value, bool):
        return words.YES.get(lang) if value else ("否" if lang == "zh" else "no")
    return number(value / 100 if kind == "percent" else value)


def _percent(value: Decimal | bool | None) -> str:
    exponent = value.normalize().as_tuple().exponent if isinstance(value, Decimal) else 0
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return "0%" if not places else "0." + "0" * places + "%"


def facts_sheet(ws: Worksheet, s: Sheet) -> None:
    lang = s.review.lang
    years = [str(y) for y in range(s.period[0], s.period[1] + 1)]
    col = words.FACT_COLUMNS
    head = [col[k].get(lang) for k in ("name", "id", "unit")]
    head += [*years, col["value"].get(lang), *(col[k].get(lang) for k in ("source", "library_evidence", "estimated"))]
    head += [col["verified"].get(lang), *(words.REVIEW_YEAR.get(lang).format(year=y) for y in years)]
    head += [col[k].get(lang) for k in ("review_value", "reason", "evidence")]
    header = header_row(ws, head)
    for cell in ws[header]:
        cell.alignment = WRAP
    first_year = 4
    value_col = first_year + len(years)
    verified = value_col + 4
    review_value = verified + len(years) + 1
    mark = DataValidation(
        type="list",
        formula1=f'"{words.CHECK}"',
        allow_blank=True,
        showErrorMessage=True,
        error="请选 √ 或留空 / √ or blank",
        errorTitle="libeval",
    )
    ws.add_data_validation(mark)
    for fact in s.checklist.facts:
        _fact_row(ws, fact, s.kind(fact.id), years, lang)
        row = int(ws.max_row)
        mark.add(f"{get_column_letter(verified)}{row}")
        team = [verified, *range(verified + 1, review_value + 3)]
        for column in team:
            ws.cell(row=row, column=column).fill = INFO  # the team's cells
        grey = (
            [value_col, review_value]
            if fact.per_year
            else [*range(first_year, value_col), *range(verified + 1, review_value)]
        )
        for column in grey:
            ws.cell(row=row, column=column).fill = GROUP  # not this fact's
    widths = [16, 16, 7, *[8] * len(years), 9, 20, 14, 6, 6, *[8] * len(years), 9, 22, 14]
    wrapped = "".join(get_column_letter(i) for i in (1, value_col + 1, value_col + 2, review_value + 1))
    finish(ws, header, widths, freeze="C", wrapped=wrapped)
    for letter in (get_column_letter(review_value + 1), get_column_letter(review_value + 2)):
        for cell in ws[letter][header:]:
            cell.alignment = WRAP


def _fact_row(ws: Worksheet, fact: FactRow, kind: str, years: list[str], lang: str) -> None:
    by_year = dict(fact.years or {})
    cells: list[Any] = [fact.name.get(lang), fact.id, fact.unit.shown(lang)]
    cells += [_cell(by_year.get(int(y)), kind, lang) if fact.per_year else None for y in years]
    cells.append(None if fact.per_year else _cell(fact.value, kind, lang))
    cells += [fact.source or "", "\n".join(fact.evidence), words.YES.get(lang) if fact.estimated else None]
    add_row(ws, cells)
    row = int(ws.max_row)
    if kind != "percent":
        for cell in ws[row][3 : 4 + len(years)]:
            if isinstance(cell.value, int) and not isinstance(cell.value, bool) and abs(cell.value) >= 1000:
                cell.number_format = "#,##0"  # 52,000 as the reports write it
        return
    values = [by_year.get(int(y)) for y in years] if fact.per_year else [fact.value]
    columns = range(4, 4 + len(years)) if fact.per_year else [4 + len(years)]
    for column, value in zip(columns, values, strict=True):
        ws.cell(row=row, column=column).number_format = _percent(value)


def _levels(levels: list[Level], lang: str) -> str:
    return words.LEVEL_JOIN.get(lang).join(
        words.LEVEL.get(lang).format(name=(lv.name_en or lv.name) if lang == "en" else lv.name, points=plain(lv.points))
        for lv in levels
    )


def awards_sheet(ws: Worksheet, s: Sheet) -> None:
    lang = s.review.lang
    col = words.AWARD_COLUMNS
    who = s.source_side
    head = [col[k].get(lang) for k in ("code", "name", "max", "levels")]
    head += [col[k].get(lang).format(side=who) for k in ("points", "level", "note")]
    head += [col[k].get(lang) for k in ("review_points", "review_level", "not_applicable", "opinion")]
    header = header_row(ws, head)
    for cell in ws[header]:
        cell.alignment = WRAP
    by_max: dict[Decimal, list[str]] = defaultdict(list)
    by_levels: dict[str, list[str]] = defaultdict(list)
    for award in s.checklist.awards:
        levels = s.levels(award.code)
        note = award.note or ""
        if award.not_applicable is not None:
            note = words.NOT_APPLICABLE.get(lang).format(reason=award.not_applicable)
        points = number(award.points) if award.points is not None else None
        add_row(
            ws, [award.code, award.name.get(lang), number(award.max), _levels(levels, lang), points, award.level, note]
        )
        row = int(ws.max_row)
        by_max[award.max].append(f"H{row}")
        for column in range(8, 12):
            ws.cell(row=row, column=column).fill = INFO  # the team's cells
        if levels:
            by_levels[",".join(lv.name for lv in levels)].append(f"I{row}")
        else:
            ws.cell(row=row, column=9).fill = GROUP
        if not s.may_not_apply(award.code):
            ws.cell(row=row, column=10).fill = GROUP
    for top, refs in by_max.items():
        dv = DataValidation(
            type="decimal",
            operator="between",
            formula1="0",
            formula2=plain(top).replace(",", ""),
            allow_blank=True,
            showErrorMessage=True,
            error=f"0–{plain(top)}",
            errorTitle="libeval",
        )
        ws.add_data_validation(dv)
        for ref in refs:
            dv.add(ref)
    for names, refs in by_levels.items():
        dv = DataValidation(type="list", formula1=f'"{names}"', allow_blank=True, showErrorMessage=True)
        ws.add_data_validation(dv)
        for ref in refs:
            dv.add(ref)
    finish(ws, header, [12, 22, 6, 20, 8, 8, 26, 8, 8, 14, 26], freeze="C", wrapped="BDGK")


def checklist_workbook(s: Sheet) -> bytes:
    lang = s.review.lang
    wb = Workbook()
    facts = first_sheet(wb)
    facts.title = words.FACTS_SHEET.get(lang)
    awards = wb.create_sheet(words.AWARDS_SHEET.get(lang))
    for ws, fill in ((facts, facts_sheet), (awards, awards_sheet)):
        _title(ws, s)
        fill(ws, s)  # under the title rows: the header, frozen and repeated on every page
    info = wb.create_sheet(words.HELP_SHEET.get(lang))
    for line in words.HELP:
        text = line.get(lang).format(review=s.review.name)
        add_row(info, [text])
        info.cell(row=info.max_row, column=1).alignment = WRAP
        info.row_dimensions[info.max_row].height = LINE * len(
            wrap(text, HELP_WIDTH - 4)
        )  # LibreOffice does not measure
    info.column_dimensions["A"].width = HELP_WIDTH
    print_setup(info, landscape=False)
    return workbook_bytes(wb)


def review_workbook(folder: LibraryFolder, rows: Checklist, review: Review) -> bytes:
    """The checklist workbook of a review of the folder's assessment `rows.source` (`rows` as
    gathered by analysis/checklist.py for the review's YAML comments too)."""
    kind = folder.assessment(rows.source).assessor
    return checklist_workbook(Sheet(rows, folder.standard, folder.library, kind, review))
