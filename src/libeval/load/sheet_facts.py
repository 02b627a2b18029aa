"""The facts of a filled facts sheet (a `Grid` of cells from .xlsx, .xls or .csv), every bad
cell located as `facts.xlsx:事实!J12` and explained in the sheet's terms, never a guess and
never a zero.

Numbers are read as people type them (text/reading.py: `1,200`, `2.5万`, `85%`, full-width
digits); a number shown as a percentage (Excel keeps a typed 90% as 0.9) reads as 90 in %.
Above the facts, the sheet has rows for the library itself (`library.name` ...): its name,
province, region (a drop-down of the standard's variant names), service population and level.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

from pydantic_core import PydanticCustomError

from libeval.errors import Problem, problem
from libeval.load.sheet_files import Grid, SheetCell
from libeval.models import FactDef
from libeval.scoring.standard import Standard
from libeval.text import reading as humane
from libeval.text.bilingual import Bilingual
from libeval.text.labels import LABELS, region_label
from libeval.text.sheet_messages import EXPECTED
from libeval.text.suggest import did_you_mean

FIXED = ["id", "名称 name", "单位 unit", "类型 type", "说明 description"]
TAIL = ["数值 value", "来源 source", "备注 note", "估计值 estimated"]
LEVELS = ("province", "city", "county", "children")
REGIONS = ("east", "central", "west")


@dataclass(frozen=True)
class InfoRow:
    """A row about the library itself: `key` is where it goes in library.yaml (`attributes.X`
    for an attribute the standard's variants are keyed by)."""

    id: str  # column id: library.name
    key: str
    name: str
    kind: Literal["text", "number", "choice"]
    unit: str = ""
    choices: tuple[tuple[str, Bilingual], ...] = ()
    hint: str = ""

    @property
    def describe(self) -> str:
        if self.kind == "choice":
            return "从下拉列表选择：" + "、".join(label.zh for _, label in self.choices) + self.hint
        return self.hint


def info_rows(std: Standard) -> list[InfoRow]:
    """The library's rows of the sheet, in the order of library.yaml."""
    spec = std.spec.variant
    if spec.by == "region":
        regions = tuple((v, std.variant_label(v)) for v in spec.ids)
    else:
        regions = tuple((r, region_label(r)) for r in REGIONS)
    levels = tuple((v, LABELS[f"level.{v}"]) for v in LEVELS)
    rows = [
        InfoRow("library.name", "name", "图书馆名称", "text", hint="全称，如：精河县图书馆"),
        InfoRow("library.level", "level", "图书馆级别", "choice", choices=levels),
        InfoRow(
            "library.province", "province", "省份（省、自治区、直辖市）", "text", hint="全称，如：新疆维吾尔自治区"
        ),
        InfoRow(
            "library.region",
            "region",
            "地区",
            "choice",
            choices=regions,
            hint="（填写省份后可不填，按省份确定）" if std.provinces else "",
        ),
    ]
    if spec.by != "region":
        choices = tuple((v, std.variant_label(v)) for v in spec.ids)
        by = spec.by
        rows.append(InfoRow(f"library.{by}", f"attributes.{by}", std.variant_by.zh, "choice", choices=choices))
    rows.append(
        InfoRow("library.population", "population", "服务人口", "number", unit="人", hint="可写 140000 或 14万")
    )
    return rows


def columns(std: Standard) -> list[str]:
    period = std.spec.period
    return [*FIXED, *[str(y) for y in range(period.start, period.end + 1)], *TAIL]


@dataclass
class SheetFacts:
    facts: dict[str, dict[str, Any]]  # fact id -> library.yaml entry
    problems: list[Problem]
    library: dict[str, Any] = field(default_factory=dict)  # library.yaml key (or attributes.X) -> value


def _got(cell: SheetCell) -> Bilingual:
    """What a cell holds, for a message: text quoted the way each language quotes."""
    value = cell.value
    if isinstance(value, bool):
        return Bilingual("是" if value else "否", "yes" if value else "no")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str):
        return Bilingual(f"“{value.strip()}”", repr(value.strip()))
    return Bilingual(f"“{value}”", str(value))


def _number(cell: SheetCell, where: str, unit: str | None, fid: str, problems: list[Problem]) -> Decimal | bool | None:
    """A cell's value: a number (in the fact's unit), 是/否, or None when blank; a problem else."""
    raw = cell.value
    if cell.formula is not None:
        problems.append(problem(where, None, "sheet-formula", formula=cell.formula))
        return None
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if isinstance(raw, bool):
        return raw
    try:  # the one reading of a written number (text/reading.py): 14万, 1,200, １２００, 85%
        value, written = humane.number(raw if isinstance(raw, int | float | str) else str(raw))
    except PydanticCustomError:
        problems.append(problem(where, None, "number-text", text=repr(raw if isinstance(raw, str) else str(raw))))
        return None
    if cell.percent and isinstance(value, Decimal) and not isinstance(raw, str):  # Excel keeps 90% as 0.9
        value, written = (value * 100).normalize(), "%"
        value = value.quantize(Decimal(1)) if value == value.to_integral_value() else value
    if written and unit and not isinstance(value, bool):
        factor = humane.unit_factor(written, unit)  # 4800册次 in a row of 千册次: 4.8
        if factor is None:
            problems.append(problem(where, None, "unit-mismatch", id=fid, expected=unit, got=written))
            return None
        value = value * factor if factor != 1 else value
    return value


def _fact_value(cell: SheetCell, fact: FactDef, where: str, problems: list[Problem]) -> Decimal | bool | None:
    value = _number(cell, where, fact.unit, fact.id, problems)
    if value is None:
        return None
    expected = None
    if fact.type == "boolean":
        expected = None if isinstance(value, bool) else "yes-no"
    elif isinstance(value, bool):
        expected = "number"
    elif value < 0:
        expected = "not-negative"
    elif fact.type == "integer" and value != value.to_integral_value():
        expected = "whole"
    elif fact.type == "percent" and value > 100:
        expected = "percent"
    if expected is not None:
        problems.append(problem(where, None, "sheet-value", expected=EXPECTED[expected], got=_got(cell)))
        return None
    return value


def _info_value(cell: SheetCell, row: InfoRow, where: str, problems: list[Problem]) -> Any:
    if cell.formula is not None:
        problems.append(problem(where, None, "sheet-formula", formula=cell.formula))
        return None
    raw = cell.value
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if row.kind == "number":
        value = _number(cell, where, row.unit, row.key, problems)
        if value is None:
            return None
        if isinstance(value, bool) or value <= 0:
            problems.append(problem(where, None, "sheet-value", expected=EXPECTED["positive"], got=_got(cell)))
            return None
        return value
    text = str(int(raw) if isinstance(raw, float) and raw.is_integer() else raw).strip()
    if row.kind == "text":
        return text
    wanted = text.casefold()
    for choice, label in row.choices:
        if wanted in (choice.casefold(), label.zh.casefold(), label.en.casefold()):
            return choice
    shown = Bilingual("、".join(label.zh for _, label in row.choices), ", ".join(c for c, _ in row.choices))
    problems.append(problem(where, None, "sheet-choice", choices=shown, got=_got(SheetCell(text))))
    return None


def letter(column: int) -> str:
    """A column's letters as a spreadsheet shows them: 1 -> A, 10 -> J, 28 -> AB."""
    out = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        out = chr(ord("A") + rest) + out
    return out


def read_facts(grid: Grid, std: Standard) -> SheetFacts:
    """The facts (and the library's own rows) of a filled sheet; every unreadable cell is a
    problem, never a zero."""
    problems: list[Problem] = []
    if not grid.rows:
        return SheetFacts({}, [problem(grid.where, None, "xlsx-header", column="id")])
    header = [str(c.value).strip() if c.value is not None else "" for c in grid.rows[0]]
    col = {h: i for i, h in enumerate(header) if h}
    if "id" not in col:
        return SheetFacts({}, [problem(grid.at("A1"), None, "xlsx-header", column="id")])
    years = [h for h in header if h.isdigit() and len(h) == 4]
    info = {row.id: row for row in info_rows(std)}
    out = SheetFacts({}, problems)
    for r, row in enumerate(grid.rows[1:], start=2):

        def cell(name: str, row: list[SheetCell] = row, r: int = r) -> tuple[SheetCell, str]:
            i = col.get(name)
            ref = grid.at(f"{letter((i or 0) + 1)}{r}")
            return (row[i] if i is not None and i < len(row) else SheetCell()), ref

        first, ref = cell("id")
        fid = str(first.value).strip() if first.value is not None else ""
        if not fid:
            continue
        if fid in info:
            given, where = cell(TAIL[0])
            value = _info_value(given, info[fid], where, problems)
            if value is not None:
                out.library[info[fid].key] = value
            continue
        fact = std.facts.get(fid)
        if fact is None:
            known = [*std.facts, *info]
            problems.append(problem(ref, None, "unknown-fact", id=fid, suggest=did_you_mean(fid, known)))
            continue
        entry = _entry(fact, cell, years, problems)
        if entry:
            out.facts[fid] = entry
    return out


def _entry(fact: FactDef, cell: Any, years: list[str], problems: list[Problem]) -> dict[str, Any]:
    """One fact's row as a library.yaml entry; empty when the row gives no value (missing)."""
    entry: dict[str, Any] = {}
    given: dict[int, Decimal | bool] = {}
    for y in years:
        c, ref = cell(y)
        if not fact.per_year:
            if c.value is not None or c.formula is not None:
                problems.append(problem(ref, None, "sheet-not-per-year", year=y))
            continue
        value = _fact_value(c, fact, ref, problems)
        if value is not None:
            given[int(y)] = value
    c, ref = cell(TAIL[0])
    if fact.per_year:
        if c.value is not None or c.formula is not None:
            span = (years[0], years[-1]) if years else ("", "")
            problems.append(problem(ref, None, "sheet-per-year", first=span[0], last=span[1]))
        if given:
            entry["years"] = given
    else:
        value = _fact_value(c, fact, ref, problems)
        if value is not None:
            entry["value"] = value
    if not entry:
        return entry  # not given: missing, never zero
    if fact.unit:
        entry["unit"] = fact.unit
    for key, name in (("source", TAIL[1]), ("note", TAIL[2])):
        c, _ = cell(name)
        if c.value is not None and str(c.value).strip():
            entry[key] = str(c.value).strip()
    c, ref = cell(TAIL[3])
    if c.value is not None and str(c.value).strip():
        flag: Any = c.value
        if isinstance(flag, str):
            try:
                flag = humane.parse(flag)[0]
            except PydanticCustomError:
                flag = None
        if not isinstance(flag, bool):
            problems.append(problem(ref, None, "sheet-value", expected=EXPECTED["yes-no"], got=_got(c)))
        elif flag:
            entry["estimated"] = True
    return entry
