"""A facts sheet's cells, from the file a librarian saved: .xlsx (read by load/facts_sheet.py,
openpyxl's home), .xls (xlrd, imported here only, inside the function that needs it) or .csv
(UTF-8 with or without a BOM, else GB18030/GBK, as Excel and WPS save it on Chinese Windows).

Each cell keeps what the reading of a number needs beyond its value: whether it is shown as a
percentage (Excel stores a typed 90% as 0.9 with the format `0%`), and a formula whose result was
never saved (a workbook written by a program and never opened in Excel has none).
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from libeval.errors import LibevalError, problem
from libeval.load.standard_table import _check_zip, _read_bytes, read_table

FACTS_SHEET = "事实"
FORMATS = (".xlsx", ".xlsm", ".xls", ".csv")


@dataclass(frozen=True)
class SheetCell:
    value: Any = None  # None, bool, int, float or str
    percent: bool = False  # a number shown as a percentage: 0.9 shown as 90%
    formula: str | None = None  # a formula without a saved result (value is None then)


@dataclass(frozen=True)
class Grid:
    """The rows of the facts sheet; `where` locates a cell: `facts.xlsx:事实` + `!J12`."""

    where: str
    rows: list[list[SheetCell]]
    separator: str = "!"

    def at(self, ref: str) -> str:
        return f"{self.where}{self.separator}{ref}"


_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')


def is_percent(number_format: str | None) -> bool:
    """A number format that shows a number times 100 with a % sign (`0%`, `0.0%`, `#,##0.00%`):
    a literal "%" in quotes, an escaped \\% or a [colour] section does not count."""
    if not number_format:
        return False
    return "%" in _QUOTED.sub("", number_format.split(";")[0])


def read_grid(path: Path, shown: str, sheet: str = FACTS_SHEET) -> Grid:
    """The facts sheet of a .xlsx/.xls workbook (the sheet 事实, or the one named) or a .csv file."""
    ext = path.suffix.lower()
    if ext not in FORMATS:
        raise LibevalError([problem(shown, None, "sheet-format", ext=ext or path.name)])
    if ext == ".csv":
        table = read_table(path, shown)
        rows = [[SheetCell(c.text if c.text.strip() else None) for c in row.cells] for row in table.blocks[0].rows]
        return Grid(shown, rows, ":")
    data = _read_bytes(path, shown)
    if ext == ".xls":
        return _xls(data, shown, sheet)
    if not zipfile.is_zipfile(io.BytesIO(data)):  # a .xlsx is a zip file
        raise LibevalError([problem(shown, None, "xlsx-unreadable", detail="BadZipFile")])
    _check_zip(data, shown, "Excel .xlsx")  # and one that unpacks to too much is refused
    from libeval.load.facts_sheet import xlsx_grid

    return xlsx_grid(data, shown, sheet)


def _xls(data: bytes, shown: str, sheet: str) -> Grid:
    import xlrd

    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True)
        if sheet not in book.sheet_names():
            raise LibevalError([problem(shown, None, "xlsx-no-sheet", sheet=sheet)])
        return Grid(f"{shown}:{sheet}", _xls_rows(book, book.sheet_by_name(sheet)))
    except LibevalError:
        raise
    except Exception as exc:  # xlrd raises many kinds for a file that is not a workbook
        raise LibevalError(
            [problem(shown, None, "table-unreadable", kind="Excel .xls", detail=type(exc).__name__)]
        ) from None


def _xls_rows(book: Any, sheet: Any) -> list[list[SheetCell]]:
    import xlrd

    rows = []
    for r in range(sheet.nrows):
        row = []
        for c in range(sheet.ncols):
            cell = sheet.cell(r, c)
            value: Any = cell.value
            percent = False
            if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                value = None
            elif cell.ctype == xlrd.XL_CELL_BOOLEAN:
                value = bool(value)
            elif cell.ctype == xlrd.XL_CELL_ERROR:
                value = xlrd.error_text_from_code.get(value, "#ERROR")
            elif cell.ctype == xlrd.XL_CELL_NUMBER:
                fmt = book.format_map.get(book.xf_list[cell.xf_index or 0].format_key)
                percent = is_percent(fmt.format_str if fmt is not None else None)
            row.append(SheetCell(value, percent))
        rows.append(row)
    return rows
