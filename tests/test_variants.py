"""Variants keyed by any attribute: a standard that varies by a city's status, not by region."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from libeval.cli import app

from conftest import ROOT

CASE = ROOT / "tests" / "cases" / "valid" / "variant-by-attribute"


def invoke(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return r.exit_code, r.stdout, r.stderr


def test_init_under_a_non_region_variant_passes_its_own_check(tmp_path: Path) -> None:
    shutil.copy(CASE / "criteria.yaml", tmp_path / "criteria.yaml")
    code, _, err = invoke("init", str(tmp_path / "lib"), "--criteria", str(tmp_path / "criteria.yaml"))
    assert code == 0, err
    text = (tmp_path / "lib" / "library.yaml").read_text(encoding="utf-8")
    assert "attributes:\n  city_status:  # 请选择城市类型：副省级城市 sub_provincial / 地级市 prefecture" in text
    assert "\nregion:" not in text  # the region is optional here: a comment, not a key
    assert "\ncriteria: ../criteria.yaml\n" in text  # relative to the new folder, so it moves with it
    code, _, err = invoke("check", str(tmp_path / "lib"))
    assert code == 0, err
    assert "error" not in err
    assert "warning: this standard varies by city status ('city_status')" in err  # nothing chosen for it


def test_a_library_under_a_non_region_standard_needs_no_region(tmp_path: Path) -> None:
    code, out, err = invoke("score", str(CASE / "lib"), "--format", "json")
    assert code == 0, err
    data = json.loads(out)["library"]
    assert (data["region"], data["variant"], data["variant_name"]) == ("", "prefecture", "地级市")
    code, out, _ = invoke("score", str(CASE / "lib"), "--format", "json", "--lang", "en")
    assert json.loads(out)["library"]["variant_name"] == "prefecture-level city"


def test_reports_show_the_variant_used_in_words() -> None:
    code, out, _ = invoke("score", str(CASE / "lib"), "--format", "md")
    assert code == 0
    assert "| 城市类型 | 地级市 |" in out
    code, out, _ = invoke("score", str(CASE / "lib"), "--format", "md", "--lang", "en")
    assert "| City status | Prefecture-level city |" in out  # table cells capitalised in English
    code, out, _ = invoke("score", str(CASE / "lib"))
    assert out.splitlines()[0] == "测试县图书馆 · 测试省 · 地级市"


def test_the_variant_decides_the_numbers(tmp_path: Path) -> None:
    """Under sub_provincial the loans prerequisite of 一级 does not apply (null); under prefecture it
    asks for 100,000 and the library's 95,000 falls short."""
    shutil.copytree(CASE, tmp_path / "case")
    lib = tmp_path / "case" / "lib" / "library.yaml"
    outcome = {}
    for status in ("prefecture", "sub_provincial"):
        text = lib.read_text(encoding="utf-8")
        lib.write_text(text.replace("city_status: prefecture", f"city_status: {status}"), encoding="utf-8")
        code, out, err = invoke("score", str(lib.parent), "--format", "json")
        assert code == 0, err
        grade1 = next(g for g in json.loads(out)["grades"] if g["id"] == "grade1")
        outcome[status] = next(c["met"] for c in grade1["conditions"] if c["id"] == "loans")
    assert outcome == {"prefecture": False, "sub_provincial": None}
