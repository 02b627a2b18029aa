"""Writes the facts sheets of the `import` case folders (tests/cases/*/import-sheet-*), binary
files a test cannot read as text. Run it after a change to the facts sheet's layout:

    .venv/bin/python tests/data/make_sheet_cases.py      # needs LibreOffice (soffice) for .xls/.csv

The .xlsx files are written by openpyxl (as `libeval init --xlsx` writes them, then filled as a
librarian types: 90% in a percent cell is stored as 0.9); `import-sheet-libreoffice` has the
same workbook opened and saved by LibreOffice (so its formula has a saved result), and saved by
LibreOffice as .xls (Excel 97) and as CSV in GBK, as Excel and WPS save a CSV on Chinese Windows.
Then LIBEVAL_UPDATE_GOLDEN=1 writes the expected output (read it before committing).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import openpyxl

from libeval.load.facts_sheet import facts_template
from libeval.load.folders import load_standard
from libeval.resources import bundled_criteria

HERE = Path(__file__).resolve().parent
CASES = HERE.parent / "cases"
MINI_LIB = """name: 测试县图书馆
level: county
province: 测试省
region: west
population: 100000
criteria: ../../../../data/mini-criteria.yaml
facts:
  floor_area: {value: 1200, unit: m2}
"""
COUNTY_LIB = """# yaml-language-server: $schema=.libeval/library.schema.json
name: 未命名图书馆  # 图书馆名称
level: county
province: 未填写  # 省份
region: east  # 请核对：east 东部 / central 中部 / west 西部
population:  # 服务人口（人）
criteria: cn-2017-county
facts:
  floor_area: {value: 600, unit: m2}
"""
SELF = "assessor: self\ndate: 2017-06-30\njudged: {}\n"


def _lib(case: Path, text: str) -> None:
    (case / "lib" / "assessments").mkdir(parents=True, exist_ok=True)
    (case / "lib" / "library.yaml").write_text(text, encoding="utf-8")
    (case / "lib" / "assessments" / "self.yaml").write_text(SELF, encoding="utf-8")


def _sheet(criteria: Path | str, cells: dict[str, dict[str, object]], out: Path) -> None:
    """The template of a standard with `cells[row id][column header]` typed in."""
    std = load_standard(criteria if isinstance(criteria, Path) else bundled_criteria()[criteria])
    with tempfile.TemporaryDirectory() as tmp:
        template = Path(tmp) / "t.xlsx"
        template.write_bytes(facts_template(std))
        wb = openpyxl.load_workbook(template)
    ws = wb["事实"]
    col = {c.value: i + 1 for i, c in enumerate(ws[1])}
    row = {ws.cell(r, 1).value: r for r in range(2, ws.max_row + 1)}
    for rid, values in cells.items():
        for header, value in values.items():
            cell = ws.cell(row[rid], col[header])
            if isinstance(value, tuple):  # (number, number format): 90% typed in Excel
                cell.value, cell.number_format = value
            else:
                cell.value = value  # type: ignore[assignment]  # str or a number
    wb.save(out)


def _soffice(src: Path, target: str, out: Path) -> Path:
    with tempfile.TemporaryDirectory() as tmp:
        profile = f"-env:UserInstallation=file://{tmp}/lo"
        subprocess.run(
            ["soffice", "--headless", profile, "--convert-to", target, str(src), "--outdir", tmp],
            capture_output=True,
            timeout=180,
            check=True,
        )
        made = next(p for p in Path(tmp).iterdir() if p.is_file())
        shutil.copy(made, out)
    return out


def main() -> None:
    mini = HERE / "mini-criteria.yaml"
    bad: dict[str, dict[str, object]] = {
        "library.region": {"数值 value": "北部"},
        "annual_loans": {"数值 value": 80000},  # a yearly figure in the value column
        "floor_area": {"2014": 1200},  # a single figure in a year column
        "outreach_points": {"数值 value": "=13+16+107"},  # written by a program: no saved result
        "free_opening": {"数值 value": 12},
        "registered_readers": {"数值 value": 12.5},
    }
    for name in ("import-sheet-cells", "import-sheet-cells-en"):
        case = CASES / "invalid" / name
        _lib(case, MINI_LIB)
        _sheet(mini, bad, case / "facts.xlsx")
    case = CASES / "invalid" / "import-sheet-format"
    _lib(case, MINI_LIB)
    (case / "facts.ods").write_bytes(b"PK\x03\x04 not really a spreadsheet")

    typed: dict[str, dict[str, object]] = {
        "library.name": {"数值 value": "精河县图书馆"},
        "library.province": {"数值 value": "新疆维吾尔自治区"},
        "library.region": {"数值 value": "西部"},
        "library.population": {"数值 value": "14万"},
        "satisfaction": {"数值 value": (0.9, "0%")},
        "retro_catalogue_rate": {"数值 value": (0.853, "0.0%")},
        "outreach_points": {"数值 value": "=13+12"},
        "annual_loans": {"2013": "52,000", "2014": "５６０００", "2015": 60000, "2016": 64000},
    }
    case = CASES / "valid" / "import-sheet-percent"
    _lib(case, COUNTY_LIB)
    written = {k: v for k, v in typed.items() if k != "outreach_points"}
    _sheet("cn-2017-county", written, case / "facts.xlsx")
    case = CASES / "valid" / "import-sheet-libreoffice"
    _lib(case, COUNTY_LIB)
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "facts.xlsx"
        _sheet("cn-2017-county", typed, raw)
        _soffice(raw, "xlsx", case / "facts.xlsx")
        _soffice(raw, "xls", case / "facts.xls")
        _soffice(raw, "csv:Text - txt - csv (StarCalc):44,34,85,1", case / "facts-gbk.csv")  # 85: GBK
        _soffice(raw, "csv:Text - txt - csv (StarCalc):44,34,76,1", case / "facts-utf8.csv")  # 76: UTF-8
    body = (case / "facts-utf8.csv").read_bytes()
    (case / "facts-bom.csv").write_bytes(b"\xef\xbb\xbf" + body)


if __name__ == "__main__":
    main()
