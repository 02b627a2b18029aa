"""Regions from provinces, and the words people write for a region, a variant and a level."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from libeval.cli import app
from libeval.load.folders import load_library, load_standard
from libeval.resources import bundled_criteria
from libeval.scoring.standard import Standard
from libeval.text.choices import LEVEL_WORDS, find_province, fold, province_key

from conftest import EXAMPLE, ROOT

VARIANT_CASE = ROOT / "tests" / "cases" / "valid" / "variant-by-attribute"


def invoke(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return r.exit_code, r.stdout, r.stderr


def county() -> Standard:
    return load_standard(bundled_criteria()["cn-2017-county"])


# The table of shared/reference/typography.md, as people write the names in full
FULL_NAMES = {
    "east": "北京市 天津市 河北省 辽宁省 上海市 江苏省 浙江省 福建省 山东省 广东省 海南省",
    "central": "山西省 吉林省 黑龙江省 安徽省 江西省 河南省 湖北省 湖南省",
    "west": "内蒙古自治区 广西壮族自治区 重庆市 四川省 贵州省 云南省 西藏自治区 陕西省 甘肃省 青海省 "
    "宁夏回族自治区 新疆维吾尔自治区 新疆生产建设兵团",
}


def test_the_bundled_standard_places_every_province_as_the_reference_table_does() -> None:
    std = county()
    for region, names in FULL_NAMES.items():
        for name in names.split():
            assert std.region_of(name) == region, name
    assert len(std.provinces) == 32  # 31 provinces and the 兵团
    assert std.spec.variant.provenance == "reconstructed"  # not quoted from the round's notice


@pytest.mark.parametrize(
    "written", ["宁夏", "宁夏回族自治区", "宁夏自治区", "宁 夏", "宁　夏回族自治区", " 宁夏 ", "宁夏回族自治区银川市"]
)
def test_a_province_is_matched_as_people_write_it(written: str) -> None:
    assert county().region_of(written) == "west"


@pytest.mark.parametrize("written", ["火星", "宁厦", "", "自治区", "省", "蒙古"])
def test_a_province_not_in_the_table_has_no_region(written: str) -> None:
    assert county().region_of(written) is None


@given(st.sampled_from([n for ns in FULL_NAMES.values() for n in ns.split()]), st.sampled_from(["", " ", "　"]))
def test_spaces_anywhere_and_full_width_forms_change_nothing(name: str, space: str) -> None:
    index = county().provinces
    spaced = space.join(name)
    assert find_province(spaced, index) == find_province(name, index) is not None
    assert fold("Ｗｅｓｔ") == "west" and province_key(spaced) == province_key(name)


@pytest.mark.parametrize(
    ("written", "level"),
    [
        ("县级", "county"),
        ("县", "county"),
        ("County", "county"),
        ("市级", "city"),
        ("地市级", "city"),
        ("市", "city"),
        ("city", "city"),
        ("省级", "province"),
        ("省", "province"),
        ("少儿", "children"),
        ("少儿馆", "children"),
        ("children", "children"),
    ],
)
def test_level_words(written: str, level: str) -> None:
    assert LEVEL_WORDS.read(written) == level


def test_a_character_shared_by_two_choices_stands_for_neither() -> None:
    words = county().region_words
    assert (words.read("西"), words.read("中"), words.read("东")) == ("west", "central", "east")
    assert words.read("部") is None and words.suggest("部") == ""  # 东部, 中部 and 西部 all have it
    assert LEVEL_WORDS.read("级") is None  # 省级, 地市级 and 县级


def test_an_unknown_word_gets_the_closest_choice_with_its_name() -> None:
    suggest = county().region_words.suggest("西北")
    assert not isinstance(suggest, str)
    assert (suggest.zh, suggest.en) == ("west（西部）", "west")


def test_the_written_region_is_read_as_its_id_everywhere(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    shutil.copytree(EXAMPLE, lib)
    text = (lib / "library.yaml").read_text(encoding="utf-8")
    text = text.replace("region: west", "region: 西部").replace("level: county", "level: 县级")
    (lib / "library.yaml").write_text(text, encoding="utf-8")
    folder = load_library(lib)
    assert (folder.library.region, folder.library.level) == ("west", "county")
    code, out, err = invoke("score", str(lib), "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert (data["library"]["region"], data["total"]) == ("west", 832)
    code, out, _ = invoke("score", str(tmp_path), "--format", "csv")  # a batch: the region column
    assert code == 0 and ",west," in out.splitlines()[1]


def test_a_region_left_out_follows_from_the_province(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    shutil.copytree(EXAMPLE, lib)
    text = (lib / "library.yaml").read_text(encoding="utf-8").replace("region: west\n", "")
    (lib / "library.yaml").write_text(text, encoding="utf-8")
    code, out, err = invoke("score", str(lib), "--format", "json", "-a", "prefecture", "--lang", "en")
    assert code == 0, err
    assert json.loads(out)["library"]["region"] == "west" and json.loads(out)["total"] == 775.3
    assert "info: no region given: west, where the standard places 新疆维吾尔自治区 [region-from-province]" in err
    code, _, err = invoke("check", "--strict", str(lib))
    assert code == 0 and "[region-from-province]" in err  # info: never a failure


def test_a_region_with_a_reason_is_the_one_scored(tmp_path: Path) -> None:
    """新疆 is west; a library that gives central with a reason is scored as central."""
    lib = tmp_path / "lib"
    shutil.copytree(EXAMPLE, lib)
    text = (lib / "library.yaml").read_text(encoding="utf-8")
    (lib / "library.yaml").write_text(text.replace("region: west", "region: central"), encoding="utf-8")
    code, _, err = invoke("check", str(lib), "--lang", "en")
    assert code == 0 and "[region-mismatch]" in err and "library.yaml:10:9: warning: region central" in err
    text = text.replace("region: west", "region: 中部\nregion_reason: 按中部地区政策管理（测试）")
    (lib / "library.yaml").write_text(text, encoding="utf-8")
    code, _, err = invoke("check", "--strict", str(lib))
    assert code == 0, err
    code, out, err = invoke("score", str(lib), "--format", "json")
    assert code == 0, err
    assert json.loads(out)["library"]["variant"] == "central"


def test_a_standards_own_variant_names_are_words_too(tmp_path: Path) -> None:
    shutil.copytree(VARIANT_CASE, tmp_path / "case")
    lib = tmp_path / "case" / "lib" / "library.yaml"
    text = lib.read_text(encoding="utf-8")
    assert "city_status: prefecture" in text
    lib.write_text(text.replace("city_status: prefecture", "city_status: 地级市"), encoding="utf-8")
    code, out, err = invoke("score", str(lib.parent), "--format", "json")
    assert code == 0, err
    assert json.loads(out)["library"]["variant"] == "prefecture"
    lib.write_text(text.replace("city_status: prefecture", "city_status: 地级"), encoding="utf-8")
    code, _, err = invoke("check", str(lib.parent), "--lang", "en")
    assert code == 1 and "got '地级'; did you mean 'prefecture (prefecture-level city)'? [unknown-variant]" in err


def test_the_library_schema_takes_the_words(tmp_path: Path) -> None:
    code, out, _ = invoke("schema", "library", "--criteria", "cn-2017-county")
    assert code == 0
    props = json.loads(out)["properties"]
    assert {"west", "西部", "西"} <= set(props["region"]["enum"])
    assert {"county", "县级", "县"} <= set(props["level"]["enum"])
    assert "宁夏" in props["province"]["examples"]
    assert "region_reason" in props


def test_import_fills_a_scaffold_whose_region_is_still_to_be_chosen(tmp_path: Path) -> None:
    """Importing facts is not scoring: a library.yaml without a region yet takes them (and the
    warning says what is left to fill)."""
    lib = tmp_path / "lib"
    assert invoke("init", str(lib), "--criteria", "cn-2017-county", "--xlsx")[0] == 0
    code, _, err = invoke("import", str(lib / "facts.xlsx"), str(lib), "--lang", "en")
    assert code == 0, err
    assert "warning: this standard varies by region" in err and "error" not in err


def test_a_long_word_is_quoted_clipped_and_not_compared(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    shutil.copytree(EXAMPLE, lib)
    text = (lib / "library.yaml").read_text(encoding="utf-8")
    (lib / "library.yaml").write_text(text.replace("region: west", "region: " + "西北" * 50000), encoding="utf-8")
    code, _, err = invoke("check", str(lib), "--lang", "en")
    assert code == 1
    line = next(line for line in err.splitlines() if "[unknown-variant]" in line)
    assert len(line) < 300 and "西北西…" in line
    assert "did you mean 'west'" in line  # from the province (新疆), not from comparing the word


def test_criteria_diff_names_a_province_placed_in_another_region(tmp_path: Path) -> None:
    old = ROOT / "tests" / "data" / "province-criteria.yaml"
    text = old.read_text(encoding="utf-8")
    new = tmp_path / "new.yaml"
    moved = text.replace("河南, 湖北, 湖南]", "河南, 湖南]").replace("新疆生产建设兵团]", "新疆生产建设兵团, 湖北省]")
    new.write_text(moved.replace("西藏, ", ""), encoding="utf-8")
    code, out, err = invoke("criteria", "diff", str(old), str(new), "--format", "json")
    assert code == 0, err
    changes = [(c["field"], c["item"], c["from"], c["to"]) for c in json.loads(out)["changes"]]
    # each province as the new standard writes it
    assert changes == [("province", "湖北省", "central", "west"), ("province", "西藏", "west", None)]
