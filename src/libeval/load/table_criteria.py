"""A standard's published table (load/standard_table.py) read as a criteria tree.

The header row is found by its headings (序号 / 评估指标 / 分值 / 评分标准 and their usual
variants, spaces and full-width characters tolerated); the tree comes from the codes ("1",
"1.1", "1.1.1"); each row's scoring text is kept verbatim. Every problem of every row is
collected: a located error for what cannot be read (a code that is not numeric, a row without
points, points that do not add up, a duplicate or orphan code), a warning for a row skipped.

Rows that are not indicators are skipped: empty rows, the header row repeated (a Word table
split over pages), a 合计/总分 row (checked against the sum of the parts), a 小计 row.

Merged cells: a merged cell's text belongs to its first position; positions it covers are
empty, except that scoring text merged down over several rows applies to each of them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from pydantic_core import PydanticCustomError

from libeval.errors import LibevalError, Problem, errors_only, problem
from libeval.load.standard_table import Block, Row, TableFile
from libeval.text import reading
from libeval.text.bilingual import Bilingual

CODE, NAME, POINTS, TEXT = "code", "name", "points", "text"
REQUIRED = (CODE, NAME, POINTS)
HEADINGS: dict[str, tuple[str, ...]] = {
    CODE: ("序号", "编号", "指标编号", "代码", "code"),
    NAME: ("评估指标", "评估内容", "指标", "指标名称", "项目", "评估项目", "名称", "name"),
    POINTS: ("分值", "标准分", "满分", "分数", "points"),
    TEXT: ("评分标准", "评分细则", "考核要点", "评分说明", "评估标准", "评分办法", "criteria"),
}
ROLE_LABELS = {
    CODE: Bilingual("编号", "code"),
    NAME: Bilingual("名称", "name"),
    POINTS: Bilingual("满分", "max"),
    TEXT: Bilingual("说明", "description"),
}
TOTAL_WORDS = ("合计", "总计", "总分")
SUBTOTAL_WORDS = ("小计",)
_BY_HEADING = {heading: role for role, headings in HEADINGS.items() for heading in headings}
_CODE = re.compile(r"^\d+(?:\.\d+)*$")
_NUMERALS = "一二三四五六七八九"
_CHINESE_TOP = re.compile(r"^([一二三四五六七八九十]{1,3})[、.]?$")


@dataclass
class Item:
    code: str
    name: str
    max: Decimal | None  # None: unreadable (already a problem)
    text: str | None  # the scoring text, verbatim
    row: Row
    children: list[Item] = field(default_factory=list)

    def walk(self) -> Iterator[Item]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Imported:
    parts: list[Item]
    total: Decimal
    columns: list[tuple[str, str]]  # (the heading as written, its role), in column order
    numerals: list[tuple[str, str]]  # top-level codes written in Chinese numerals: (written, read as)
    warnings: list[Problem]


def heading_key(text: str) -> str:
    """A heading compared as 序号 whatever its spacing, width, case or a note in brackets
    ("分 值（分）" is 分值)."""
    t = unicodedata.normalize("NFKC", text)
    t = re.sub(r"\(.*?\)", "", t)
    return re.sub(r"[\s:]+", "", t).lower()


def header_roles(row: Row) -> dict[str, int]:
    """The columns of a row read as headings: role -> column (the first one of each role)."""
    roles: dict[str, int] = {}
    for j, cell in enumerate(row.cells):
        role = _BY_HEADING.get(heading_key(cell.text))
        if role is not None and role not in roles and not cell.merged:
            roles[role] = j
    return roles


def is_header(roles: dict[str, int]) -> bool:
    return all(r in roles for r in REQUIRED)


def chinese_number(text: str) -> int | None:
    """一 .. 九十九 as a number; None for anything else."""
    if not text or any(ch not in _NUMERALS + "十" for ch in text) or text.count("十") > 1:
        return None
    if "十" not in text:
        return _NUMERALS.index(text) + 1 if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1:
        return None
    return (_NUMERALS.index(tens) + 1 if tens else 1) * 10 + (_NUMERALS.index(ones) + 1 if ones else 0)


def read_code(text: str) -> tuple[str | None, bool]:
    """(the code, whether it was a Chinese numeral), or (None, False) when it is not one:
    "1.1.1", "１．１", "1。1", "1.1." and "1.1 " are 1.1.1, 1.1, 1.1, 1.1, 1.1; a top-level 一 or 一、 is 1."""
    t = unicodedata.normalize("NFKC", text).replace("。", ".")  # 1。1: a dot typed with a Chinese IME
    t = re.sub(r"\s+", "", t).rstrip(".、")
    if _CODE.match(t):
        return t, False
    m = _CHINESE_TOP.match(t)
    number = chinese_number(m.group(1)) if m else None
    return (str(number), True) if number is not None else (None, False)


def _one_line(text: str) -> str:
    """A name on one line: a line break inside a cell joins words (without a space between
    Chinese characters)."""
    out = ""
    for line in (part.strip() for part in text.splitlines()):
        if not line:
            continue
        if out and not (unicodedata.east_asian_width(out[-1]) in "WF" or unicodedata.east_asian_width(line[0]) in "WF"):
            out += " "
        out += line
    return out


def _excerpt(texts: Iterable[str], limit: int = 40) -> str:
    joined = " / ".join(t.strip().replace("\n", " ") for t in texts if t.strip())
    return joined if len(joined) <= limit else joined[: limit - 1] + "…"


def _where(row: Row) -> str:
    return f"{row.file}:{row.number}"


class _Reader:
    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.items: list[Item] = []
        self.by_code: dict[str, Item] = {}
        self.numerals: list[tuple[str, str]] = []
        self.totals: list[tuple[Row, str, Decimal, int]] = []  # (row, word, stated, column)

    def add(self, row: Row, column: int | None, code: str, severity: str = "error", /, **args: object) -> None:
        self.problems.append(problem(row.file, row.mark(column), code, severity, **args))  # type: ignore[arg-type]

    def cell(self, row: Row, roles: dict[str, int], role: str) -> str:
        j = roles.get(role)
        if j is None or j >= len(row.cells):
            return ""
        c = row.cells[j]
        if c.merged == "across" or (c.merged == "down" and role != TEXT):
            return ""
        return c.text

    def points(self, row: Row, roles: dict[str, int], code: str) -> Decimal | None:
        raw = self.cell(row, roles, POINTS).strip()
        try:
            value, unit = reading.parse(raw)
        except PydanticCustomError:
            value, unit = None, None
        if isinstance(value, Decimal) and unit in (None, "分") and value >= 0:
            return value
        self.add(row, roles[POINTS], "table-points", text=repr(raw), code=code)
        return None

    @staticmethod
    def total_label(code: str, name: str) -> str | None:
        """合计 (or 总计, 总分, 小计) in the code or name column of a row without a code: "合 计"
        and "合计（基本分）" too, but not 总分馆建设, an indicator."""
        if read_code(code)[0] is not None:
            return None
        keys = {heading_key(code), heading_key(name)}
        return next((w for w in (*TOTAL_WORDS, *SUBTOTAL_WORDS) if w in keys), None)

    def row(self, row: Row, roles: dict[str, int]) -> None:
        code_raw, name_raw = self.cell(row, roles, CODE).strip(), self.cell(row, roles, NAME).strip()
        points_raw = self.cell(row, roles, POINTS).strip()
        if row.blank() or is_header(header_roles(row)):
            return
        label = self.total_label(code_raw, name_raw)
        if label in SUBTOTAL_WORDS:
            self.add(
                row, None, "table-subtotal", "warning", label=label, text=_excerpt([code_raw, name_raw, points_raw])
            )
            return
        if label is not None:
            if points_raw:
                stated = self.points(row, roles, label)
                if stated is not None:
                    self.totals.append((row, label, stated, roles[POINTS]))
            return
        if not code_raw:
            if points_raw:
                self.add(row, roles[CODE], "table-no-code", points=points_raw)
            else:
                self.add(row, None, "table-skipped-row", "warning", text=_excerpt(c.text for c in row.cells))
            return
        code, numeral = read_code(code_raw)
        if code is None:
            self.add(row, roles[CODE], "table-code", code=code_raw)
            return
        if numeral:
            self.numerals.append((code_raw, code))
        first = self.by_code.get(code)
        if first is not None:
            numeric = row.cells[roles[CODE]].numeric or first.row.cells[roles[CODE]].numeric
            self.add(
                row,
                roles[CODE],
                "table-duplicate-number" if numeric else "table-duplicate-code",
                code=code,
                first=_where(first.row),
            )
            return
        name = _one_line(name_raw)
        if not name:
            self.add(row, roles[NAME], "table-no-name", code=code)
        maximum: Decimal | None = None
        if not points_raw:
            self.add(row, roles[POINTS], "table-no-points", code=code)
        else:
            maximum = self.points(row, roles, code)
        text = self.cell(row, roles, TEXT).replace("\r\n", "\n").replace("\r", "\n").strip() if TEXT in roles else ""
        item = Item(code, name, maximum, text or None, row)
        self.items.append(item)
        self.by_code[code] = item

    def tree(self, header: Row | None) -> list[Item]:
        parts: list[Item] = []
        for item in self.items:
            parent_code = item.code.rpartition(".")[0]
            if not parent_code:
                parts.append(item)
            elif parent_code in self.by_code:
                self.by_code[parent_code].children.append(item)
            else:
                self.add(item.row, None, "table-orphan", code=item.code, parent=parent_code)
        if header is not None and len(parts) > 1 and not any(p.children for p in parts):
            # 序号 as a running number (1, 2, 3 ...), not a code: one problem, not one per row
            column = header_roles(header)[CODE]
            self.add(header, column, "table-flat-codes", heading=header.text(column).strip())
            return parts
        for part in parts:
            if not part.children:
                self.add(part.row, None, "table-part-alone", code=part.code)
        for item in self.items:
            sums = [ch.max for ch in item.children]
            if item.children and item.max is not None and None not in sums:
                total = sum((s for s in sums if s is not None), Decimal(0))
                if total != item.max:
                    self.add(item.row, None, "table-sum", code=item.code, sum=total, max=item.max)
        return parts


def _closest(blocks: Iterable[Block]) -> tuple[Row, dict[str, int]] | None:
    """The row most like a header (most headings recognised; the first such), for the problem."""
    best: tuple[Row, dict[str, int]] | None = None
    for block in blocks:
        for row in block.rows:
            roles = header_roles(row)
            if row.blank():
                continue
            if best is None or len(roles) > len(best[1]):
                best = (row, roles)
    return best


def _missing_columns(table: TableFile, shown: str) -> LibevalError:
    found = _closest(table.blocks)
    roles = found[1] if found else {}
    missing = [r for r in REQUIRED if r not in roles]
    what = Bilingual(
        "、".join(f"“{ROLE_LABELS[r].zh}”（{'/'.join(HEADINGS[r])}）" for r in missing),
        ", ".join(f"'{ROLE_LABELS[r].en}' ({'/'.join(HEADINGS[r])})" for r in missing),
    )
    if found is None:
        return LibevalError([problem(shown, None, "table-columns", missing=what, found="-")])
    row = found[0]
    cells = [c.text.strip().replace("\n", " ") for c in row.cells if c.text.strip() and not c.merged]
    return LibevalError(
        [problem(row.file, row.mark(None), "table-columns", missing=what, found=", ".join(cells[:8]) or "-")]
    )


def import_table(table: TableFile, shown: str) -> Imported:
    """The criteria tree of a table; raises with every error (and the warnings) when there is one."""
    reader = _Reader()
    columns: list[tuple[str, str]] = []
    roles: dict[str, int] | None = None
    width = 0
    headers = [next((i for i, r in enumerate(b.rows) if is_header(header_roles(r))), None) for b in table.blocks]
    if all(h is None for h in headers):
        raise _missing_columns(table, shown)
    header_row: Row | None = None
    for block, at in zip(table.blocks, headers, strict=True):
        if at is not None:
            header = block.rows[at]
            roles, width, start = header_roles(header), block.width, at + 1
            header_row = header_row or header
            for role, j in sorted(roles.items(), key=lambda kv: kv[1]):
                if (header.text(j).strip(), role) not in columns:
                    columns.append((header.text(j).strip(), role))
        elif roles is not None and block.width == width:
            start = 0  # a table continued without its header row
        else:
            if any(not r.blank() for r in block.rows):
                first = next(r for r in block.rows if not r.blank())
                reader.add(first, None, "table-skipped-table", "warning", text=_excerpt(c.text for c in first.cells))
            continue
        for row in block.rows[start:]:
            reader.row(row, roles or {})
    parts = reader.tree(header_row)
    total = sum((p.max for p in parts if p.max is not None), Decimal(0))
    if not reader.items and header_row is not None:
        reader.add(header_row, None, "table-no-rows")
    for row, label, stated, column in reader.totals:
        if stated != total and all(p.max is not None for p in parts):
            reader.add(row, column, "table-total", label=label, stated=stated, sum=total)
    if errors_only(reader.problems):
        raise LibevalError(reader.problems)
    return Imported(parts, total, columns, reader.numerals, reader.problems)
