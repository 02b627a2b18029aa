"""Keys written by name (load/names.py): `建筑面积: 600` is the fact floor_area."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
import yaml
from typer.testing import CliRunner

from libeval.cli import app
from libeval.errors import LibevalError
from libeval.load.folders import load_library, load_standard
from libeval.load.names import fact_names, fold, indicator_names
from libeval.scoring.engine import score
from libeval.scoring.standard import Standard

from conftest import EXAMPLE, STANDARD


@pytest.fixture(scope="module")
def std() -> Standard:
    return load_standard(STANDARD)


def test_fold_ignores_width_case_and_spaces() -> None:
    assert fold("Ｆｌｏｏｒ　Area") == fold("floor area") == "floorarea"
    assert fold(" 建筑面积 ") == "建筑面积"


@pytest.mark.parametrize("written", ["建筑面积", "Floor area", "FLOOR AREA", "ｆｌｏｏｒ＿ａｒｅａ", "Floor_Area"])
def test_a_fact_by_its_name_or_its_id_in_another_width_or_case(std: Standard, written: str) -> None:
    assert fact_names(std).lookup(written) == ("floor_area",)


def test_an_unknown_name_points_to_the_one_fact_it_may_mean(std: Standard) -> None:
    facts = fact_names(std)
    assert facts.lookup("馆舍面积") == ()
    assert facts.closest("馆舍面积") == "floor_area"
    assert facts.closest_shown("馆舍建筑面积") == facts.shown["floor_area"]
    assert facts.shown["floor_area"].zh == "floor_area（建筑面积）"
    assert facts.closest("天气") == ""


def test_population_is_a_name_only_in_corrections(std: Standard) -> None:
    assert fact_names(std).lookup("服务人口") == ()
    assert fact_names(std, population=True).lookup("服务人口") == ("population",)


def test_judged_indicators_by_name(std: Standard) -> None:
    judged = indicator_names(std, judged=True)
    assert judged.lookup("总分馆制建设") == ("1.2.1",)
    assert judged.lookup("建筑面积") == ()  # scored by rule: not awarded by an assessor


def _example(tmp_path: Path, old: str, new: str) -> Path:
    folder = tmp_path / "jinghe"
    shutil.copytree(EXAMPLE, folder)
    lib = folder / "library.yaml"
    text = lib.read_text(encoding="utf-8")
    assert old in text
    lib.write_text(text.replace(old, new), encoding="utf-8")
    return folder


_FLOOR = '  floor_area: {value: 600, unit: m2, source: "汇报材料 一、基本情况：建筑面积600㎡"}'


def test_the_worked_example_with_floor_area_written_by_name(tmp_path: Path) -> None:
    folder = load_library(_example(tmp_path, _FLOOR, "  建筑面积: 600"))
    (info,) = [p for p in folder.problems if p.code == "name-read"]
    assert info.severity == "info" and (info.line, info.col) == (16, 3)
    assert info.message("zh") == "“建筑面积”读作 floor_area（建筑面积）"
    assert "建筑面积" not in folder.library.facts and folder.library.facts["floor_area"].value == 600
    r = score(folder.standard, folder.library, folder.assessments["self"][0], "self")
    assert r.total == 832


def test_a_name_that_names_nothing_says_which_fact_was_meant(tmp_path: Path) -> None:
    with pytest.raises(LibevalError) as exc:
        load_library(_example(tmp_path, _FLOOR, "  馆舍面积: 600"))
    (p,) = exc.value.problems  # and no "floor_area is missing" beside it
    assert (p.code, p.line, p.col) == ("fact-name-unknown", 16, 3)
    assert p.message("zh").endswith("；是否应为“floor_area（建筑面积）”？")
    assert "格式不符" not in p.message("zh") and "did you mean 'floor_area (Floor area)'" in p.message("en")


def test_import_replaces_a_fact_written_by_name(tmp_path: Path) -> None:
    lib = tmp_path / "newlib"
    runner = CliRunner()
    assert runner.invoke(app, ["init", str(lib), "--criteria", "cn-2017-county", "--xlsx"]).exit_code == 0
    text = (lib / "library.yaml").read_text(encoding="utf-8")
    start = text.index("  floor_area:")
    end = text.index("\n  ", start + 1)
    while text[end + 3] == " ":  # the entry's own lines
        end = text.index("\n  ", end + 1)
    (lib / "library.yaml").write_text(text[:start] + "  建筑面积: 500" + text[end:], encoding="utf-8")
    wb = openpyxl.load_workbook(lib / "facts.xlsx")
    ws = wb["事实"]
    col = {c.value: i + 1 for i, c in enumerate(ws[1])}
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == "floor_area")
    ws.cell(row, col["数值 value"], "600㎡")
    wb.save(tmp_path / "filled.xlsx")
    result = runner.invoke(app, ["import", str(tmp_path / "filled.xlsx"), str(lib), "--yes"])
    assert result.exit_code == 0, result.stderr
    facts = yaml.safe_load((lib / "library.yaml").read_text(encoding="utf-8"))["facts"]
    entry = facts["floor_area"]  # a short entry stays short
    assert "建筑面积" not in facts and (entry["value"] if isinstance(entry, dict) else entry) == 600


def _init_with(tmp_path: Path, extra: str, fill: str = "") -> Path:
    """A folder from `init` (its floor_area entry left empty, or filled with `fill`) with `extra`
    added at the end of its facts."""
    lib = tmp_path / "newlib"
    init = ["init", str(lib), "--criteria", "cn-2017-county", "--province", "宁夏"]
    assert CliRunner().invoke(app, init).exit_code == 0
    path = lib / "library.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  floor_area:")
    empty = text[start : text.index("\n  ", text.index("source:", start))]
    assert "value:\n" in empty and 'source: ""' in empty
    if fill:
        text = text.replace(empty, empty.replace("value:\n", f"value: {fill}\n"))
    path.write_text(text.rstrip("\n") + f"\n  {extra}\n", encoding="utf-8")
    return lib


def test_a_name_fills_the_empty_entry_init_left_for_its_fact(tmp_path: Path) -> None:
    lib = _init_with(tmp_path, "建筑面积: 2600㎡")
    result = CliRunner().invoke(app, ["check", str(lib), "--lang", "zh"])
    lines = result.stderr.splitlines()
    named = [ln for ln in lines if "floor_area" in ln or "建筑面积" in ln]
    (info,) = named  # no "已填写过" error, no "未填写事实“floor_area”" warning
    assert info.endswith("提示：“建筑面积”读作 floor_area（建筑面积） [name-read]"), result.stderr
    folder = load_library(lib)
    assert folder.library.facts["floor_area"].value == 2600
    assert not any(p.code == "missing-fact" and dict(p.args).get("id") == "floor_area" for p in folder.problems)


def test_a_name_beside_a_filled_entry_names_the_line_of_the_other(tmp_path: Path) -> None:
    lib = _init_with(tmp_path, "建筑面积: 2600㎡", fill="2500")
    text = (lib / "library.yaml").read_text(encoding="utf-8").splitlines()
    id_line = next(i for i, ln in enumerate(text, 1) if ln.startswith("  floor_area:"))
    name_line = next(i for i, ln in enumerate(text, 1) if ln.startswith("  建筑面积:"))
    with pytest.raises(LibevalError) as exc:
        load_library(lib)
    (p,) = [p for p in exc.value.problems if p.code == "name-given-twice"]
    assert (p.line, p.col) == (name_line, 3)
    assert p.message("zh") == f"“建筑面积”即 floor_area（建筑面积），第 {id_line} 行已填写过，请只保留一个"
    assert f"already given at line {id_line}" in p.message("en")


def test_two_names_of_one_fact_point_at_each_other(tmp_path: Path) -> None:
    lib = _init_with(tmp_path, "建筑面积: 2600\n  Floor area: 2700")
    with pytest.raises(LibevalError) as exc:
        load_library(lib)
    (p,) = [p for p in exc.value.problems if p.severity == "error"]
    assert p.code == "name-given-twice" and p.line == dict(p.args)["line"] + 1


def test_import_fills_the_fact_a_name_beside_its_empty_entry_gives(tmp_path: Path) -> None:
    lib = _init_with(tmp_path, "建筑面积: 2600㎡")
    sheet = tmp_path / "facts.csv"
    sheet.write_text("id,数值 value\nfloor_area,2700\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["import", str(sheet), str(lib), "--yes"])
    assert result.exit_code == 0, result.stderr
    text = (lib / "library.yaml").read_text(encoding="utf-8")
    facts = yaml.safe_load(text)["facts"]
    assert "建筑面积" not in facts and facts["floor_area"] == 2700
    assert text.count("floor_area:") == 1
