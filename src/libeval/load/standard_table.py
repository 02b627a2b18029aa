"""A standard's published table, read as rows of text: the annex an evaluation office publishes
as a Word, Excel or CSV table (序号 / 评估指标 / 分值 / 评分标准). What the rows mean is
load/table_criteria.py's job; this module only reads files.

- .csv: UTF-8 (with or without a BOM), else GB18030 (GBK), as Excel and WPS save it on Chinese
  Windows;
- .xlsx: the first sheet, or the one named; a merged range's text is repeated over the range;
- .docx: every table of the document, in order (python-docx repeats a merged cell's text over the
  cells it covers: each position says whether it is such a repeat).

openpyxl and python-docx are imported here (and, for openpyxl, in load/facts_sheet.py and
present/sheets.py) only, inside the functions that need them.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from libeval.errors import LibevalError, problem
from libeval.text.parser_messages import os_error

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

MAX_TABLE_BYTES = 20 * 1024 * 1024  # a Word annex with its pictures
MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # what a .xlsx or .docx (zip files) may unpack to

OLD_FORMATS = {".doc": ".docx", ".wps": ".docx", ".xls": ".xlsx", ".et": ".xlsx"}

Merged = Literal["", "across", "down"]


@dataclass(frozen=True)
class Cell:
    text: str
    numeric: bool = False  # an Excel number: 1.10 typed into a number cell is kept as 1.1
    # a position covered by a merged cell that starts to its left ("across") or above ("down");
    # its text is the merged cell's
    merged: Merged = ""


@dataclass(frozen=True)
class Row:
    file: str  # "表.csv", "表.xlsx:Sheet1", "表.docx:表2"
    number: int  # 1-based; for a CSV, the line where the row starts
    cells: tuple[Cell, ...]
    columns: bool = True  # problems name the column too (a CSV's column is not a character column)

    def mark(self, column: int | None = None) -> tuple[int, int]:
        return (self.number, column + 1 if self.columns and column is not None else 0)

    def text(self, column: int) -> str:
        return self.cells[column].text if column < len(self.cells) else ""

    def blank(self) -> bool:
        return not any(c.text.strip() for c in self.cells)


@dataclass(frozen=True)
class Block:
    """One table: a CSV file, a sheet, or one table of a Word document."""

    name: str  # as in Row.file
    rows: tuple[Row, ...]
    width: int


@dataclass(frozen=True)
class TableFile:
    blocks: tuple[Block, ...]
    encoding: str | None = None  # a CSV's: "utf-8" or "gb18030"


def read_table(path: Path, shown: str, sheet: str | None = None) -> TableFile:
    """The tables of a .csv, .xlsx or .docx file; an old .doc/.xls or anything else is a problem."""
    ext = path.suffix.lower()
    if ext in OLD_FORMATS:
        raise LibevalError([problem(shown, None, "table-old-format", ext=ext, new=OLD_FORMATS[ext])])
    if ext not in (".csv", ".xlsx", ".xlsm", ".docx"):
        raise LibevalError([problem(shown, None, "table-format", ext=ext or path.name)])
    data = _read_bytes(path, shown)
    if ext == ".csv":
        return _csv(data, shown)
    _check_zip(data, shown, "Excel .xlsx" if ext != ".docx" else "Word .docx")
    if ext == ".docx":
        return TableFile(_docx(data, shown))
    return TableFile((_xlsx(data, shown, sheet),))


def _read_bytes(path: Path, shown: str) -> bytes:
    try:
        if not path.is_file():
            raise LibevalError([problem(shown, None, "not-a-file" if path.exists() else "file-not-found")])
        size = path.stat().st_size
        if size > MAX_TABLE_BYTES:
            raise LibevalError([problem(shown, None, "file-too-large", size=size, limit=MAX_TABLE_BYTES)])
        return path.read_bytes()
    except OSError as exc:
        raise LibevalError([problem(shown, None, "unreadable", detail=os_error(exc))]) from None


def _check_zip(data: bytes, shown: str, kind: str) -> None:
    """A .xlsx or .docx is a zip file: refuse one that is not, or that unpacks to too much."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            size = sum(info.file_size for info in zf.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise LibevalError([problem(shown, None, "table-unreadable", kind=kind, detail=type(exc).__name__)]) from None
    if size > MAX_UNPACKED_BYTES:
        raise LibevalError([problem(shown, None, "table-unpacked-too-large", size=size, limit=MAX_UNPACKED_BYTES)])


def _csv(data: bytes, shown: str) -> TableFile:
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    text, encoding = None, "utf-8"
    if b"\x00" not in body:
        for encoding in ("utf-8", "gb18030"):
            try:
                text = body.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
    if text is None:
        raise LibevalError([problem(shown, None, "table-encoding")])
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[Row] = []
    start = 1
    try:
        for record in reader:
            rows.append(Row(shown, start, tuple(Cell(value) for value in record), columns=False))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise LibevalError([problem(shown, (start, 0), "table-unreadable", kind="CSV", detail=str(exc))]) from None
    width = max((len(r.cells) for r in rows), default=0)
    return TableFile((Block(shown, tuple(rows), width),), encoding)


def _xlsx(data: bytes, shown: str, sheet: str | None) -> Block:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), data_only=True)  # not read-only: merged ranges are needed
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise LibevalError(
            [problem(shown, None, "table-unreadable", kind="Excel .xlsx", detail=type(exc).__name__)]
        ) from None
    if sheet is not None and sheet not in wb.sheetnames:
        raise LibevalError([problem(shown, None, "table-no-sheet", sheet=sheet, known=", ".join(wb.sheetnames))])
    ws = wb[sheet] if sheet is not None else wb.worksheets[0]
    name = f"{shown}:{ws.title}"
    grid = [[_excel_cell(v) for v in values] for values in ws.iter_rows(values_only=True)]
    _spread_merged(ws, grid)
    rows = tuple(Row(name, i, tuple(cells)) for i, cells in enumerate(grid, start=1))
    return Block(name, rows, max((len(r.cells) for r in rows), default=0))


def _excel_cell(value: Any) -> Cell:
    if value is None:
        return Cell("")
    if isinstance(value, bool):
        return Cell("是" if value else "否")
    if isinstance(value, int):
        return Cell(str(value), numeric=True)
    if isinstance(value, float):
        return Cell(str(int(value)) if value.is_integer() else repr(value), numeric=True)
    if isinstance(value, datetime | date | time):
        return Cell(value.isoformat())
    return Cell(str(value))


def _spread_merged(ws: Worksheet, grid: list[list[Cell]]) -> None:
    """A merged range holds its text in its top-left cell only: repeat it over the range, each
    covered position marked, as python-docx gives a Word table's merged cells."""
    for rng in ws.merged_cells.ranges:
        top, left = rng.min_row - 1, rng.min_col - 1
        if top >= len(grid) or left >= len(grid[top]):
            continue
        first = grid[top][left]
        for r in range(top, min(rng.max_row, len(grid))):
            for c in range(left, min(rng.max_col, len(grid[r]))):
                if (r, c) != (top, left):
                    grid[r][c] = Cell(first.text, first.numeric, "across" if c > left else "down")


def _docx(data: bytes, shown: str) -> tuple[Block, ...]:
    from docx import Document

    try:
        tables = Document(io.BytesIO(data)).tables
    except Exception as exc:  # python-docx raises many kinds for a file that is not a document
        raise LibevalError(
            [problem(shown, None, "table-unreadable", kind="Word .docx", detail=type(exc).__name__)]
        ) from None
    if not tables:
        raise LibevalError([problem(shown, None, "table-no-tables")])
    blocks = []
    for n, table in enumerate(tables, start=1):
        name = f"{shown}:表{n}"
        rows: list[Row] = []
        above: list[Any] = []  # the <w:tc> element at each position of the row above
        for i, row in enumerate(table.rows, start=1):
            cells: list[Cell] = [Cell("")] * row.grid_cols_before
            here: list[Any] = [None] * row.grid_cols_before
            for cell in row.cells:
                # python-docx has no public flag for merged cells: a horizontal span gives the
                # same cell again, a vertical one the cell of the row above (its <w:tc>)
                j = len(cells)
                tc = cell._tc
                merged: Merged = ""
                if j > 0 and here[j - 1] is tc:
                    merged = "across"
                elif j < len(above) and above[j] is tc:
                    merged = "down"
                cells.append(Cell(cell.text, merged=merged))
                here.append(tc)
            rows.append(Row(name, i, tuple(cells)))
            above = here
        blocks.append(Block(name, tuple(rows), len(table.columns)))
    return tuple(blocks)
