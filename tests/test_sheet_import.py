"""`libeval import` without traps: percent cells, formulas, the library's own rows, .xls and .csv
(UTF-8, UTF-8 with BOM, GBK), and library.yaml edited in place (comments, schema line, order)."""

from __future__ import annotations

import difflib
import shutil
import subprocess
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml

from libeval.load.sheet_files import is_percent
from test_xlsx import _fill, _scaffold, invoke

from conftest import DATA, EXAMPLE, ROOT, needs_soffice

CASE = ROOT / "tests" / "cases" / "valid" / "import-sheet-libreoffice"
SOFFICE = shutil.which("soffice")


def _rows(ws: Any) -> dict[str, int]:
    return {ws.cell(r, 1).value: r for r in range(2, ws.max_row + 1)}


def _type(template: Path, out: Path, cells: Mapping[str, tuple[str, Any, str | None]]) -> None:
    """Type into a sheet: {row id: (column header, value, number format or None)}."""
    wb = openpyxl.load_workbook(template)
    ws = wb["事实"]
    col = {c.value: i + 1 for i, c in enumerate(ws[1])}
    rows = _rows(ws)
    for rid, (header, value, fmt) in cells.items():
        cell = ws.cell(rows[rid], col[header])
        cell.value = value
        if fmt:
            cell.number_format = fmt
    wb.save(out)


def _imported(lib: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((lib / "library.yaml").read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize(
    ("value", "fmt", "expected"),
    [
        (0.9, "0%", 90),
        (0.9, "0.0%", 90),
        (0.853, "0.0%", 85.3),
        (0.8525, "#,##0.00%", 85.25),
        (1, "0%", 100),
        ("90%", None, 90),  # typed as text
        ("９０％", None, 90),  # full-width, as an input method types it
        (0.9, "0.00", 0.9),  # not a percentage format: the number as it is, never a guess
        (0.9, '0.0"%"', 0.9),  # a % sign as literal text does not scale the number
    ],
)
def test_a_percent_cell_reads_as_percent(tmp_path: Path, value: Any, fmt: str | None, expected: Any) -> None:
    lib = _scaffold(tmp_path)
    _type(lib / "facts.xlsx", tmp_path / "f.xlsx", {"satisfaction": ("数值 value", value, fmt)})
    code, out, err = invoke("import", str(tmp_path / "f.xlsx"), str(lib), "--yes")
    assert code == 0, err
    assert f"satisfaction: — → {expected}" in out
    assert _imported(lib)["facts"]["satisfaction"]["value"] == expected


def test_a_percent_cell_in_a_count_row_is_refused(tmp_path: Path) -> None:
    lib = _scaffold(tmp_path)
    _type(lib / "facts.xlsx", tmp_path / "f.xlsx", {"holdings": ("数值 value", 0.9, "0%")})
    row = _rows(openpyxl.load_workbook(tmp_path / "f.xlsx")["事实"])["holdings"]
    code, _, err = invoke("import", str(tmp_path / "f.xlsx"), str(lib), "--lang", "en")
    assert code == 1
    assert f"f.xlsx:事实!J{row}: error: fact 'holdings' is in 册（件）, not % [unit-mismatch]" in err


def test_percent_formats() -> None:
    assert [is_percent(f) for f in ("0%", "0.00%", "[Red]0.0%", "0.0%;[Red]-0.0%", "General", "0\\%", None)] == [
        True,
        True,
        True,
        True,
        False,
        False,
        False,
    ]


def test_a_formula_uses_its_saved_result_and_without_one_is_located(tmp_path: Path) -> None:
    lib = _scaffold(tmp_path)
    _type(lib / "facts.xlsx", tmp_path / "f.xlsx", {"outreach_points": ("数值 value", "=13+16+107", None)})
    row = _rows(openpyxl.load_workbook(tmp_path / "f.xlsx")["事实"])["outreach_points"]
    code, _, err = invoke("import", str(tmp_path / "f.xlsx"), str(lib), "--lang", "zh")
    assert code == 1
    assert err.startswith(f"{tmp_path / 'f.xlsx'}:事实!J{row}: 错误：公式 =13+16+107 没有保存计算结果")
    assert "Excel 或 WPS" in err


def _soffice(tmp_path: Path, src: Path, target: str, outdir: Path, *options: str) -> Path:
    """Open `src` in LibreOffice and save it as `target` in `outdir`; the file it wrote."""
    profile = f"-env:UserInstallation=file://{tmp_path}/lo"
    command = ["soffice", "--headless", profile, *options, "--convert-to", target, str(src), "--outdir", str(outdir)]
    subprocess.run(command, capture_output=True, timeout=180, check=True)
    return next(p for p in outdir.iterdir() if p.stem == src.stem)


def _named(path: Path, out: Path) -> Path:
    """LibreOffice names a CSV's sheet after the file: name it as the facts sheet is named."""
    wb = openpyxl.load_workbook(path)
    assert wb.active is not None
    wb.active.title = "事实"
    wb.save(out)
    return out


@needs_soffice
@pytest.mark.parametrize("target", ["xlsx", "xls:MS Excel 97"])
def test_a_workbook_saved_by_libreoffice_from_typed_values(tmp_path: Path, target: str) -> None:
    """The real client's file: values typed as a librarian types them (90%, 85.3%, a sum) read
    in by LibreOffice, which keeps 90% as 0.9 in a percent format, and saved by it (the sum with
    its result)."""
    lib = _scaffold(tmp_path)
    ws = openpyxl.load_workbook(lib / "facts.xlsx")["事实"]
    header = [str(c.value) for c in ws[1]]
    value = header.index("数值 value")
    typed = {"satisfaction": "90%", "retro_catalogue_rate": "85.3%", "outreach_points": "=13+16+107"}
    lines = [",".join(header)]
    for rid, text in typed.items():
        cells = [""] * len(header)
        cells[0], cells[value] = rid, text
        lines.append(",".join(cells))
    (tmp_path / "typed.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    # comma, quote, UTF-8, from line 1, ..., detect special numbers (so that 90% is a percentage)
    typed_in = _soffice(
        tmp_path,
        tmp_path / "typed.csv",
        "xlsx",
        tmp_path / "a",
        "--infilter=CSV:44,34,76,1,,0,false,true,false,false,true",
    )
    first = openpyxl.load_workbook(typed_in).active
    assert first is not None and first["J2"].value == 0.9 and first["J2"].number_format.endswith("%")
    renamed = _named(typed_in, tmp_path / "facts.xlsx")  # openpyxl's save drops the sum's result...
    code, _, err = invoke("import", str(renamed), str(lib), "--lang", "en")
    assert code == 1 and "=13+16+107 has no saved result" in err  # ...which is located
    saved = _soffice(tmp_path, renamed, target, tmp_path / "b")  # opened and saved as the librarian does
    code, _, err = invoke("import", str(saved), str(lib), "--yes")
    assert code == 0, err
    facts = _imported(lib)["facts"]
    assert facts["satisfaction"]["value"] == 90
    assert facts["retro_catalogue_rate"]["value"] == 85.3
    assert facts["outreach_points"]["value"] == 136


@pytest.mark.parametrize("name", ["facts.xlsx", "facts.xls", "facts-gbk.csv", "facts-utf8.csv", "facts-bom.csv"])
def test_every_saved_form_of_the_sheet_imports_alike(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same sheet as LibreOffice saves it (tests/data/make_sheet_cases.py): .xlsx, Excel 97
    .xls, CSV in GBK (as Excel and WPS save a CSV on Chinese Windows), UTF-8 and UTF-8 with BOM."""
    raw = (CASE / name).read_bytes()
    if name == "facts-gbk.csv":
        with pytest.raises(UnicodeDecodeError):
            raw.decode("utf-8")
        assert "数值 value" in raw.decode("gbk")
    if name == "facts-bom.csv":
        assert raw.startswith(b"\xef\xbb\xbf")
    if name == "facts.xls":
        assert raw.startswith(b"\xd0\xcf\x11\xe0")  # an OLE2 compound file, not a zip
    monkeypatch.chdir(CASE)
    code, out, err = invoke("import", name, "lib", "--lang", "zh")
    assert (code, err) == (0, "")
    assert out == (CASE / "stdout").read_text(encoding="utf-8").replace("facts-gbk.csv", name)
    assert "satisfaction: — → 90\n" in out and "outreach_points: — → 25\n" in out


def test_a_csv_in_another_encoding_is_refused(tmp_path: Path) -> None:
    lib = _scaffold(tmp_path)
    (tmp_path / "f.csv").write_bytes("id,数值 value\nfloor_area,600\n".encode("utf-16-le"))
    code, _, err = invoke("import", str(tmp_path / "f.csv"), str(lib), "--lang", "en")
    assert code == 1 and "[table-encoding]" in err


def test_the_library_rows_have_drop_downs_in_chinese(tmp_path: Path) -> None:
    lib = _scaffold(tmp_path)
    ws = openpyxl.load_workbook(lib / "facts.xlsx")["事实"]
    rows = _rows(ws)
    assert list(rows)[:5] == [
        "library.name",
        "library.level",
        "library.province",
        "library.region",
        "library.population",
    ]
    lists = {dv.formula1: str(dv.sqref) for dv in ws.data_validations.dataValidation if dv.type == "list"}
    assert lists['"东部,中部,西部"'] == f"J{rows['library.region']}"
    assert lists['"省级,地市级,县级,少儿馆"'] == f"J{rows['library.level']}"
    assert ws[f"J{rows['library.level']}"].value == "县级"  # the standard's level, filled in
    # Excel warns about 14万 typed in a number cell, but lets it stand: import reads it
    numbers = [dv for dv in ws.data_validations.dataValidation if dv.type == "decimal"]
    assert [dv.errorStyle for dv in numbers] == ["warning"]
    assert f"J{rows['library.population']}" in str(numbers[0].sqref)


@pytest.mark.parametrize("region", ["西部", "west", "West"])
def test_the_library_rows_fill_library_yaml(tmp_path: Path, region: str) -> None:
    lib = tmp_path / "lib"
    assert invoke("init", str(lib), "--criteria", "cn-2017-county", "--xlsx")[0] == 0
    cells = {
        "library.name": ("数值 value", "精河县图书馆", None),
        "library.province": ("数值 value", "新疆维吾尔自治区", None),
        "library.region": ("数值 value", region, None),
        "library.population": ("数值 value", "14万", None),
    }
    _type(lib / "facts.xlsx", tmp_path / "f.xlsx", cells)
    code, out, err = invoke("import", str(tmp_path / "f.xlsx"), str(lib), "--yes")
    assert code == 0, err
    data = _imported(lib)
    assert (data["name"], data["province"], data["region"], data["population"], data["level"]) == (
        "精河县图书馆",
        "新疆维吾尔自治区",
        "west",  # the canonical id, whatever the cell says
        140000,
        "county",
    )
    assert "region: — → west" in out and "population: — → 140000" in out


def test_a_key_library_yaml_lacks_is_added_in_its_place(tmp_path: Path) -> None:
    lib = _scaffold(tmp_path)
    text = (lib / "library.yaml").read_text(encoding="utf-8").replace("population: 140000\n", "")
    (lib / "library.yaml").write_text(text, encoding="utf-8")
    _type(lib / "facts.xlsx", tmp_path / "f.xlsx", {"library.population": ("数值 value", 150000, None)})
    assert invoke("import", str(tmp_path / "f.xlsx"), str(lib), "--yes")[0] == 0
    keys = list(_imported(lib))
    assert keys.index("population") == keys.index("criteria") - 1


def test_a_population_below_one_is_located(tmp_path: Path) -> None:
    lib = _scaffold(tmp_path)
    _type(lib / "facts.xlsx", tmp_path / "f.xlsx", {"library.population": ("数值 value", -5, None)})
    row = _rows(openpyxl.load_workbook(tmp_path / "f.xlsx")["事实"])["library.population"]
    code, _, err = invoke("import", str(tmp_path / "f.xlsx"), str(lib), "--lang", "zh")
    assert code == 1 and f"事实!J{row}: 错误：此处应填大于 0 的数，而不是“-5” [sheet-value]" in err


def test_an_attribute_standard_gets_its_own_row(tmp_path: Path) -> None:
    case = ROOT / "tests" / "cases" / "valid" / "variant-by-attribute"
    lib = tmp_path / "lib"
    shutil.copytree(case / "lib", lib)
    shutil.copy(case / "criteria.yaml", tmp_path / "criteria.yaml")
    assert invoke("init", str(tmp_path / "new"), "--criteria", str(tmp_path / "criteria.yaml"), "--xlsx")[0] == 0
    ws = openpyxl.load_workbook(tmp_path / "new" / "facts.xlsx")["事实"]
    rows = _rows(ws)
    assert "library.city_status" in rows and "library.region" in rows
    choice = ws[f"E{rows['library.city_status']}"].value
    assert isinstance(choice, str) and choice.startswith("从下拉列表选择：")
    first = choice.split("：")[1].split("、")[0]  # the first variant's name, as the drop-down shows it
    _type(tmp_path / "new" / "facts.xlsx", tmp_path / "f.xlsx", {"library.city_status": ("数值 value", first, None)})
    code, out, err = invoke("import", str(tmp_path / "f.xlsx"), str(lib), "--yes")
    assert code == 0, err
    assert "attributes.city_status: prefecture → sub_provincial" in out
    assert _imported(lib)["attributes"]["city_status"] == "sub_provincial"
    assert "attributes: {city_status:" in (lib / "library.yaml").read_text(encoding="utf-8")  # still a flow map


# library.yaml edited in place -------------------------------------------------------------------


def _changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    diff = list(difflib.ndiff(before.splitlines(), after.splitlines()))
    return [d[2:] for d in diff if d.startswith("- ")], [d[2:] for d in diff if d.startswith("+ ")]


def test_import_keeps_the_scaffold_comments_schema_line_and_order(tmp_path: Path) -> None:
    lib = _scaffold(tmp_path)
    before = (lib / "library.yaml").read_text(encoding="utf-8")
    _fill(lib / "facts.xlsx", tmp_path / "filled.xlsx")
    assert invoke("import", str(tmp_path / "filled.xlsx"), str(lib), "--yes")[0] == 0
    after = (lib / "library.yaml").read_text(encoding="utf-8")
    assert after.splitlines()[0] == "# yaml-language-server: $schema=.libeval/library.schema.json"
    removed, added = _changed_lines(before, after)
    # every comment stays, but the `# 2013:` placeholders of the years now filled
    comments = [line.split("#", 1)[1] for line in before.splitlines() if "#" in line]
    kept = [c for c in comments if not c.strip().rstrip(":").isdigit()]
    assert all(f"#{c}" in after for c in kept)
    # what changed is values only: an empty `value:`, `source: ""` or a placeholder gave way to a value
    assert all(r.strip() in ("value:", 'source: ""') or r.strip().rstrip(":").lstrip("# ").isdigit() for r in removed)
    assert all(a.strip().split(":")[0] in ("value", "estimated", "source") or a.strip()[:4].isdigit() for a in added)
    assert len(removed) == 34 + 22 + 4 * 13 and len(added) == len(removed) + 25  # + `estimated: true`
    source = yaml.safe_load(before)
    result = yaml.safe_load(after)
    assert list(result) == list(source) and list(result["facts"]) == list(source["facts"])
    example = yaml.safe_load((EXAMPLE / "library.yaml").read_text(encoding="utf-8"))["facts"]
    for fid, fact in example.items():
        got = result["facts"][fid]
        if isinstance(fact, dict) and "years" in fact:
            assert got["years"] == fact["years"]
        else:
            assert got["value"] == (fact["value"] if isinstance(fact, dict) else fact)


def test_import_into_the_worked_example_changes_only_the_imported_values(tmp_path: Path) -> None:
    lib = tmp_path / "jinghe"
    shutil.copytree(EXAMPLE, lib)
    assert invoke("init", str(tmp_path / "t"), "--criteria", "cn-2017-county", "--xlsx")[0] == 0
    _fill(tmp_path / "t" / "facts.xlsx", tmp_path / "same.xlsx")
    before = (lib / "library.yaml").read_text(encoding="utf-8")
    code, out, _ = invoke("import", str(tmp_path / "same.xlsx"), str(lib))
    assert code == 0 and out.strip() == "没有变化。"  # the sheet says what the file says
    ws = openpyxl.load_workbook(tmp_path / "same.xlsx")["事实"]
    rows = _rows(ws)
    _type(
        tmp_path / "same.xlsx",
        tmp_path / "changed.xlsx",
        {"floor_area": ("数值 value", 650, None), "annual_loans": ("2016", 70000, None)},
    )
    code, out, _ = invoke("import", str(tmp_path / "changed.xlsx"), str(lib), "--yes")
    assert code == 0 and "floor_area: 600 → 650" in out
    after = (lib / "library.yaml").read_text(encoding="utf-8")
    removed, added = _changed_lines(before, after)
    assert removed == [
        '  floor_area: {value: 600, unit: m2, source: "汇报材料 一、基本情况：建筑面积600㎡"}',
        "    years: {2013: 52000, 2014: 56000, 2015: 60000, 2016: 64000}",
    ]
    assert added == [
        '  floor_area: {value: 650, unit: m2, source: "汇报材料 一、基本情况：建筑面积600㎡"}',
        "    years: {2013: 52000, 2014: 56000, 2015: 60000, 2016: 70000}",
    ]
    assert rows  # the sheet had the rows typed into
    code, out, _ = invoke("score", str(lib), "--format", "json")
    assert code == 0 and '"total": ' in out


def test_import_keeps_crlf_line_ends_and_a_bom(tmp_path: Path) -> None:
    lib = _scaffold(tmp_path)
    text = (lib / "library.yaml").read_text(encoding="utf-8")
    (lib / "library.yaml").write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    _type(lib / "facts.xlsx", tmp_path / "f.xlsx", {"floor_area": ("数值 value", "600㎡", None)})
    assert invoke("import", str(tmp_path / "f.xlsx"), str(lib), "--yes")[0] == 0
    raw = (lib / "library.yaml").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf# yaml-language-server")
    assert raw.count(b"\n") == raw.count(b"\r\n") == text.count("\n")
    assert b"    value: 600\r\n" in raw


def test_import_refuses_a_hostile_library_yaml_before_editing_it(tmp_path: Path) -> None:
    lib = _scaffold(tmp_path)
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
        f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(6)
    )
    (lib / "library.yaml").write_text(bomb, encoding="utf-8")
    _type(lib / "facts.xlsx", tmp_path / "f.xlsx", {"floor_area": ("数值 value", 600, None)})
    code, _, err = invoke("import", str(tmp_path / "f.xlsx"), str(lib), "--yes", "--lang", "en")
    assert code == 1 and "[alias-bomb]" in err
    assert (lib / "library.yaml").read_text(encoding="utf-8") == bomb


def test_import_reads_values_exactly(tmp_path: Path) -> None:
    lib = _scaffold(tmp_path)
    cells = {
        "floor_area": ("数值 value", "1,234.5", None),
        "holdings": ("数值 value", "２.５万", None),
        "weekly_hours": ("数值 value", 56.1, None),
    }
    _type(lib / "facts.xlsx", tmp_path / "f.xlsx", cells)
    assert invoke("import", str(tmp_path / "f.xlsx"), str(lib), "--yes")[0] == 0
    text = (lib / "library.yaml").read_text(encoding="utf-8")
    assert "    value: 1234.5\n" in text and "    value: 25000\n" in text and "    value: 56.1\n" in text
    from libeval.load.yaml_source import load

    facts = load(lib / "library.yaml").data["facts"]
    assert facts["floor_area"]["value"] == Decimal("1234.5")


def test_mini_standard_sheet_reads(tmp_path: Path) -> None:
    """The mini standard of the case folders: its sheet's rows are the library's, then its facts."""
    assert invoke("init", str(tmp_path / "m"), "--criteria", str(DATA / "mini-criteria.yaml"), "--xlsx")[0] == 0
    ws = openpyxl.load_workbook(tmp_path / "m" / "facts.xlsx")["事实"]
    assert [ws.cell(r, 1).value for r in range(2, ws.max_row + 1)][5:] == [
        "floor_area",
        "annual_loans",
        "registered_readers",
        "free_opening",
        "outreach_points",
    ]


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("f.xls", b"\xd0\xcf\x11\xe0 not a workbook", "[table-unreadable]"),
        ("f.xls", (CASE / "facts.xls").read_bytes()[:4096], "[table-unreadable]"),  # cut short
        ("f.xlsx", b"not a zip", "[xlsx-unreadable]"),
        ("f.ods", b"", "[sheet-format]"),
    ],
)
def test_a_sheet_that_cannot_be_read_is_one_message(tmp_path: Path, name: str, data: bytes, code: str) -> None:
    lib = _scaffold(tmp_path)
    (tmp_path / name).write_bytes(data)
    before = (lib / "library.yaml").read_bytes()
    result, out, err = invoke("import", str(tmp_path / name), str(lib), "--yes", "--lang", "en")
    assert (result, out) == (1, "") and err.count("\n") == 1 and code in err
    assert (lib / "library.yaml").read_bytes() == before


def test_a_short_entry_stays_short_and_unfilled_years_keep_their_placeholders(tmp_path: Path) -> None:
    lib = _scaffold(tmp_path)
    text = (lib / "library.yaml").read_text(encoding="utf-8")
    start = text.index("  floor_area:")
    end = text.index("\n  ", text.index('source: ""', start))
    (lib / "library.yaml").write_text(text[:start] + "  floor_area: 500  # 建筑面积" + text[end:], encoding="utf-8")
    cells = {
        "floor_area": ("数值 value", 600, None),
        "annual_loans": ("2013", 52000, None),
    }
    _type(lib / "facts.xlsx", tmp_path / "f.xlsx", cells)
    _type(tmp_path / "f.xlsx", tmp_path / "f.xlsx", {"annual_loans": ("2014", 56000, None)})
    assert invoke("import", str(tmp_path / "f.xlsx"), str(lib), "--yes")[0] == 0
    after = (lib / "library.yaml").read_text(encoding="utf-8")
    assert "  floor_area: 600  # 建筑面积\n" in after
    block = after[after.index("  annual_loans:") : after.index("  annual_visits:")]
    assert "      2013: 52000\n      2014: 56000\n      # 2015:\n      # 2016:\n" in block
    assert "# 2013:" not in block and "# 2014:" not in block


def test_a_fact_written_by_name_gets_the_sheet_value_under_its_id_in_its_place(tmp_path: Path) -> None:
    lib = tmp_path / "jinghe"
    shutil.copytree(EXAMPLE, lib)
    text = (lib / "library.yaml").read_text(encoding="utf-8")
    (lib / "library.yaml").write_text(
        text.replace("  floor_area: {value: 600", "  建筑面积: {value: 600"), encoding="utf-8"
    )
    assert invoke("init", str(tmp_path / "t"), "--criteria", "cn-2017-county", "--xlsx")[0] == 0
    _type(tmp_path / "t" / "facts.xlsx", tmp_path / "f.xlsx", {"floor_area": ("数值 value", 650, None)})
    code, out, err = invoke("import", str(tmp_path / "f.xlsx"), str(lib), "--yes")
    assert code == 0, err
    assert "floor_area: 600 → 650" in out
    after = (lib / "library.yaml").read_text(encoding="utf-8")
    assert "  floor_area: {value: 650, unit: m2," in after and "建筑面积:" not in after
    keys = list(yaml.safe_load(after)["facts"])
    assert keys.index("floor_area") == keys.index("holdings") - 1  # where 建筑面积 stood
    code, out, _ = invoke("score", str(lib), "--format", "json")
    assert code == 0


def test_init_with_a_province_fills_its_rows_of_the_sheet(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    assert invoke("init", str(lib), "--criteria", "cn-2017-county", "--province", "宁夏回族自治区", "--xlsx")[0] == 0
    ws = openpyxl.load_workbook(lib / "facts.xlsx")["事实"]
    rows = _rows(ws)
    assert ws[f"J{rows['library.province']}"].value == "宁夏回族自治区"
    assert ws[f"J{rows['library.region']}"].value == "西部"
    assert str(ws[f"E{rows['library.region']}"].value).endswith("（填写省份后可不填，按省份确定）")
    code, out, err = invoke("import", str(lib / "facts.xlsx"), str(lib))
    assert (code, out) == (0, "没有变化。\n"), err  # the sheet says what library.yaml says


def test_a_cell_in_a_smaller_unit_is_converted_and_ce_is_the_unit_of_ce_jian(tmp_path: Path) -> None:
    lib = _scaffold(tmp_path)
    cells = {"outreach_loans": ("2013", "4800册次", None), "holdings": ("数值 value", "18万册", None)}
    _type(lib / "facts.xlsx", tmp_path / "f.xlsx", cells)
    code, _, err = invoke("import", str(tmp_path / "f.xlsx"), str(lib), "--yes")
    assert code == 0, err
    facts = _imported(lib)["facts"]
    assert facts["outreach_loans"]["years"][2013] == 4.8  # 千册次, the standard's unit
    assert facts["holdings"]["value"] == 180000


def test_values_the_sheet_repeats_are_neither_listed_nor_rewritten(tmp_path: Path) -> None:
    """`39万` and 390000, `90%` and 90, 西部 and west are the same: only the real change is listed,
    and library.yaml keeps the librarian's writing of the rest."""
    lib = _scaffold(tmp_path)
    path = lib / "library.yaml"
    text = path.read_text(encoding="utf-8").replace("population: 140000", "population: 39万")
    text = text.replace("region:  #", "region: 西部  #", 1)
    lines = text.split("\n")
    for fid, value in (("satisfaction", "90%"), ("floor_area", "2600㎡"), ("weekly_hours", "56")):
        at = lines.index(next(ln for ln in lines if ln.startswith(f"  {fid}:")))
        value_at = next(i for i in range(at, at + 5) if lines[i].strip().startswith("value:"))
        lines[value_at] = lines[value_at].replace("value:", f"value: {value}")
    path.write_text("\n".join(lines), encoding="utf-8")
    before = path.read_text(encoding="utf-8")
    cells = {
        "library.region": ("数值 value", "west", None),
        "library.population": ("数值 value", 390000, None),
        "satisfaction": ("数值 value", 0.9, "0%"),
        "floor_area": ("数值 value", 2600, None),
        "weekly_hours": ("数值 value", 60, None),
        "weekend_holiday_open": ("数值 value", "是", None),
    }
    _type(lib / "facts.xlsx", tmp_path / "f.xlsx", cells)
    code, out, err = invoke("import", str(tmp_path / "f.xlsx"), str(lib), "--yes")
    assert code == 0, err
    assert out.splitlines()[:2] == ["  weekly_hours: 56 → 60", "  weekend_holiday_open: — → 是"], out
    assert out.splitlines()[2].startswith("已写入")
    removed, added = _changed_lines(before, path.read_text(encoding="utf-8"))
    assert [ln.strip() for ln in removed] == ["value: 56", "value:"]
    assert [ln.strip() for ln in added] == ["value: 60", "value: true"]
    code, out, _ = invoke("import", str(tmp_path / "f.xlsx"), str(lib), "--lang", "en")
    assert code == 0 and out == "Nothing changes.\n"
    cells = {"satisfaction": ("来源 source", "读者调查报告", None), "weekly_hours": ("数值 value", 62, None)}
    _type(tmp_path / "f.xlsx", tmp_path / "g.xlsx", cells)
    before = path.read_text(encoding="utf-8")
    code, out, _ = invoke("import", str(tmp_path / "g.xlsx"), str(lib), "--yes")
    removed, added = _changed_lines(before, path.read_text(encoding="utf-8"))  # a new source, the value as written
    assert code == 0 and "satisfaction" not in out, out
    assert (removed, added) == (["    value: 60", '    source: ""'], ["    value: 62", '    source: "读者调查报告"'])


def test_a_yes_no_change_is_shown_in_the_output_language(tmp_path: Path) -> None:
    lib = _scaffold(tmp_path)
    _type(lib / "facts.xlsx", tmp_path / "f.xlsx", {"weekend_holiday_open": ("数值 value", "否", None)})
    code, out, _ = invoke("import", str(tmp_path / "f.xlsx"), str(lib), "--lang", "en")
    assert code == 0 and "  weekend_holiday_open: — → false\n" in out
