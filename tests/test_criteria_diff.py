"""Two standards compared (`criteria diff`), a library scored under another standard
(`score --criteria`), and one assessment under two standards (`diff --criteria`)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

from libeval import __version__
from libeval.analysis.standard_diff import merged_order, standard_diff
from libeval.cli import app
from libeval.load.folders import load_standard

from conftest import EXAMPLE, STANDARD

# The band of 1.1.1 (年文献外借量) that the worked example reaches: the west threshold of 24 points.
# Jinghe's yearly mean is 58,000 loans: 24 points at 50,000, 18 points (the next band) at 60,000.
BAND_24 = "- {at: {east: 100000, central: 80000, west: 50000}, points: 24}"
BAND_30 = "- {at: {east: 150000, central: 120000, west: 80000}, points: 30}"


def invoke(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return r.exit_code, r.stdout, r.stderr


def copy_standard(tmp_path: Path, *edits: tuple[str, str], name: str = "other.yaml") -> Path:
    """The bundled county standard with each (old, new) text replaced; each old text occurs once."""
    text = STANDARD.read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def changes(a: Path | str, b: Path, lang: str = "zh") -> list[dict[str, Any]]:
    code, out, err = invoke("criteria", "diff", str(a), str(b), "--format", "json", "--lang", lang)
    assert code == 0, err
    data = json.loads(out)
    result: list[dict[str, Any]] = data["changes"]
    return result


# -- criteria diff


def test_identical_standards_have_no_differences(tmp_path: Path) -> None:
    copy = copy_standard(tmp_path)
    code, out, _ = invoke("criteria", "diff", "cn-2017-county", str(copy), "--exit-code")
    assert code == 0
    assert "两个评估标准完全一致。" in out
    assert changes("cn-2017-county", copy) == []
    code, out, _ = invoke("criteria", "diff", "cn-2017-county", str(copy), "--exit-code", "--lang", "en")
    assert code == 0 and "The two standards are identical." in out


def test_a_changed_threshold_of_1_1_1_is_the_one_difference(tmp_path: Path) -> None:
    copy = copy_standard(tmp_path, (BAND_30, BAND_30.replace("west: 80000", "west: 90000")))
    assert [c["text"] for c in changes("cn-2017-county", copy)] == ["1.1.1 年文献外借量：分档 1 west 80,000 → 90,000"]
    (change,) = changes("cn-2017-county", copy, "en")
    assert change == {
        "section": "node",
        "code": "1.1.1",
        "name": "Items lent per year",
        "change": "changed",
        "field": "band.at",
        "item": "1",
        "variant": "west",
        "from": 80000,
        "to": 90000,
        "text": "1.1.1 Items lent per year: band 1 west 80,000 → 90,000",
    }
    code, out, _ = invoke("criteria", "diff", "cn-2017-county", str(copy), "--exit-code")
    assert code == 1
    row = next(line for line in out.splitlines() if line.startswith("1.1.1"))
    assert row.split("│") == ["1.1.1 ", " 年文献外借量 ", " 分档 1 west ", " 80,000 ", " 90,000"]
    assert "共 1 处不同（新增 0，删除 0，修改 1）。" in out


def test_a_removed_and_an_added_indicator(tmp_path: Path) -> None:
    old = '{code: "1.1.9", name: 免费开放服务公示, name_en: Free services published, max: 5,'
    copy = copy_standard(tmp_path, (old, '{code: "1.1.11", name: 服务公示, max: 5,'))
    found = changes("cn-2017-county", copy)
    assert [(c["code"], c["change"]) for c in found] == [("1.1.9", "removed"), ("1.1.11", "added")]
    assert found[0]["text"] == "1.1.9 免费开放服务公示：删除（满分 5 · 是否 service_notice? 5）"
    rule = {"kind": "boolean", "value": "service_notice"}
    assert found[1]["to"] == {"code": "1.1.11", "name": "服务公示", "max": 5, "rule": rule}
    # and back: the same two, swapped (what only the first has comes first at its place)
    back = changes(copy, STANDARD)
    assert [(c["code"], c["change"]) for c in back] == [("1.1.11", "removed"), ("1.1.9", "added")]


def test_a_grade_minimum_and_a_prerequisite_bound(tmp_path: Path) -> None:
    copy = copy_standard(
        tmp_path,
        ("min_score: {east: 850, central: 800, west: 750}", "min_score: {east: 850, central: 800, west: 760}"),
        (
            "value: floor_area, at_least: {east: 3000, central: 2500, west: 2000}",
            "value: floor_area, at_least: {east: 3000, central: 2500, west: 1800}",
        ),
        ("min_score: {east: 450, central: 400, west: 350}", "min_score: 300"),
    )
    assert [c["text"] for c in changes("cn-2017-county", copy)] == [
        "grade1 一级：最低分 west 750 → 760",
        "grade2/floor_area 建筑面积：下限 west 2,000 → 1,800",
        "grade3 三级：最低分 east 450 → 300",
        "grade3 三级：最低分 central 400 → 300",
        "grade3 三级：最低分 west 350 → 300",
    ]


def test_rules_facts_and_provenance(tmp_path: Path) -> None:
    copy = copy_standard(
        tmp_path,
        (
            'unit: 册次, unit_en: "items", type: integer, per_year: true, aggregate: mean,',
            'unit: 册次, unit_en: "items", type: integer, per_year: true, aggregate: sum,',
        ),
        ("rule: {kind: per_unit, value: branches, points: 3}", "rule: {kind: per_unit, value: branches, points: 2.5}"),
        ("rule: {kind: boolean, value: weekend_holiday_open}", "rule: {kind: judged}"),
        (
            "\n        name: 基本服务\n",
            "\n        name: 基本服务\n        provenance: official\n        citation: 某文件\n",
        ),
    )
    assert [c["text"] for c in changes("cn-2017-county", copy)] == [
        "annual_loans 年文献外借量：汇总方式 年均 → 合计",
        "1.1 基本服务：来源性质 重建 → 官方",  # said once, at the group; its indicators inherit it
        "1.1 基本服务：出处 — → 某文件",
        "1.1.7 双休日及节假日开放：规则 是否 → 评定",
        "1.2.2 分馆数量：分值 3 → 2.5",
    ]


def test_json_follows_the_documented_contract(tmp_path: Path) -> None:
    copy = copy_standard(tmp_path, (BAND_30, BAND_30.replace("west: 80000", "west: 90000")))
    code, out, _ = invoke("criteria", "diff", "cn-2017-county", str(copy), "--format", "json")
    assert code == 0
    side = {
        "type": "object",
        "required": ["id", "title", "file", "reconstructed", "values"],
        "properties": {"id": {"type": "string"}, "reconstructed": {"type": "integer"}, "values": {"type": "integer"}},
    }
    change = {
        "type": "object",
        "required": ["section", "code", "name", "change", "field", "item", "variant", "from", "to", "text"],
        "properties": {
            "section": {"enum": ["standard", "fact", "derived", "node", "grade", "prerequisite"]},
            "change": {"enum": ["added", "removed", "changed"]},
        },
    }
    schema = {
        "type": "object",
        "required": ["schema_version", "kind", "libeval_version", "from", "to", "identical", "counts", "changes"],
        "properties": {
            "schema_version": {"const": 1},
            "kind": {"const": "criteria-diff"},
            "from": side,
            "to": side,
            "identical": {"type": "boolean"},
            "counts": {"type": "object", "required": ["added", "removed", "changed"]},
            "changes": {"type": "array", "items": change},
        },
    }
    data = json.loads(out)
    jsonschema.validate(data, schema)
    assert data["counts"] == {"added": 0, "removed": 0, "changed": 1}
    doc = (Path(__file__).resolve().parents[1] / "docs" / "json-format.md").read_text(encoding="utf-8")
    assert '"kind": "criteria-diff"' in doc and '"kind": "rescore-diff"' in doc


def test_markdown_and_the_order_of_keys(tmp_path: Path) -> None:
    copy = copy_standard(tmp_path, (BAND_30, BAND_30.replace("west: 80000", "west: 90000")))
    code, out, _ = invoke("criteria", "diff", "cn-2017-county", str(copy), "--format", "md", "--lang", "en")
    assert code == 0 and "| 1.1.1 | Items lent per year | band 1 west | 80,000 | 90,000 |" in out
    assert merged_order(["a", "b", "c", "d"], ["a", "c", "x", "d"]) == ["a", "b", "c", "x", "d"]
    assert merged_order(["z", "a"], ["a"]) == ["z", "a"]
    std = load_standard(STANDARD)
    assert standard_diff(std, std).identical


def test_an_unknown_standard_is_a_located_error() -> None:
    code, _, err = invoke("criteria", "diff", "cn-2017-county", "cn-2099-county")
    assert code == 1 and "unknown-criteria" in err


# -- score LIB --criteria OTHER


def test_score_under_another_standard(tmp_path: Path) -> None:
    copy = copy_standard(tmp_path, (BAND_24, BAND_24.replace("west: 50000", "west: 60000")))
    code, out, _ = invoke("score", str(EXAMPLE), "--format", "json")
    assert code == 0 and json.loads(out)["total"] == 832
    code, out, err = invoke("score", str(EXAMPLE), "--criteria", str(copy), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["total"] == 826  # 1.1.1: 58,000 < 60,000, so 18 points instead of 24
    one = next(i for i in data["indicators"] if i["code"] == "1.1.1")
    assert one["score"] == 18
    assert f"warning: scored against the standard 'cn-2017-county' ({copy}) given with --criteria" in err
    code, out, _ = invoke("score", str(EXAMPLE), "--criteria", "cn-2017-county")  # its own: no warning
    assert code == 0 and "总分：832" in out


def test_what_another_standard_does_not_know_is_set_aside_with_warnings(tmp_path: Path) -> None:
    text = STANDARD.read_text(encoding="utf-8").replace("annual_loans", "loans")
    text = text.replace('code: "3.4.2"', 'code: "3.4.20"').replace("\n            not_applicable: full_marks", "")
    other = tmp_path / "other.yaml"
    other.write_text(text, encoding="utf-8")
    lib = tmp_path / "lib"
    shutil.copytree(EXAMPLE, lib)
    asmt = lib / "assessments" / "self.yaml"
    code, out, err = invoke("score", str(lib), "--criteria", str(other), "--format", "json")
    assert code == 0, err
    lines = [line for line in err.splitlines() if "set-aside" in line and "prefecture.yaml" not in line]
    assert lines == [
        f"{asmt}:37:3: warning: '3.4.2' is not a judged indicator in the standard 'cn-2017-county': "
        "this award is left out [set-aside-judged]",
        f"{asmt}:43:3: warning: '2.1.8' cannot be marked not applicable in the standard 'cn-2017-county': "
        "the mark is left out [set-aside-na]",
        f"{lib / 'library.yaml'}:54:3: warning: fact 'annual_loans' is not in the standard 'cn-2017-county': "
        "left out of this scoring [set-aside-fact]",
    ]
    assert "fact 'loans' (Items lent per year) is not given" in err
    data = json.loads(out)
    by_code = {i["code"]: i for i in data["indicators"]}
    assert by_code["1.1.1"]["status"] == "missing" and by_code["3.4.20"]["status"] == "not_judged"
    # 832 less 1.1.1 (24) and 1.1.2 (8) without loans, 3.4.2 (14) not judged, 2.1.8 (10) applicable
    assert data["total"] == 776


def test_a_folder_of_libraries_under_another_standard(tmp_path: Path) -> None:
    copy = copy_standard(tmp_path, (BAND_24, BAND_24.replace("west: 50000", "west: 60000")))
    root = tmp_path / "libs"
    shutil.copytree(EXAMPLE, root / "jinghe")
    code, out, err = invoke("score", str(root), "--criteria", str(copy), "--format", "json", "--jobs", "1")
    assert code == 0, err
    assert [lib["total"] for lib in json.loads(out)["libraries"]] == [826]


# -- diff LIB --criteria OTHER


def test_diff_one_assessment_under_two_standards(tmp_path: Path) -> None:
    copy = copy_standard(tmp_path, (BAND_24, BAND_24.replace("west: 50000", "west: 60000")))
    code, out, _ = invoke("diff", str(EXAMPLE), "--criteria", str(copy), "--exit-code")
    assert code == 1
    assert "总分：832 → 826（-6）" in out and "等级：三级 → 三级" in out
    row = next(line for line in out.splitlines() if line.startswith("1.1.1"))
    cells = [cell.strip() for cell in row.split("│")]
    assert cells == ["1.1.1", "年文献外借量", "24", "18", "-6", "分档 2 west 50,000 → 60,000"]
    code, out, _ = invoke("diff", str(EXAMPLE), "--criteria", str(copy), "--format", "json", "--lang", "en")
    data = json.loads(out)
    assert (data["kind"], data["schema_version"], data["total_delta"]) == ("rescore-diff", 1, -6)
    assert (data["from"]["total"], data["to"]["total"]) == (832, 826)
    (one,) = data["indicators"]
    assert (one["code"], one["from"], one["to"], one["delta"], one["change"]) == ("1.1.1", 24, 18, -6, "changed")
    assert one["cause"] == ["band 2 west 50,000 → 60,000"]
    # the prefecture's corrected loans (a mean of 46,000) reach the same band under both
    code, out, _ = invoke("diff", str(EXAMPLE), "--criteria", str(copy), "--format", "md", "--from", "prefecture")
    assert code == 0 and "两侧完全一致。" in out and "总分：775.3 → 775.3（0）" not in out


def test_diff_lists_indicators_on_one_side_and_says_when_nothing_explains(tmp_path: Path) -> None:
    old = '{code: "1.1.9", name: 免费开放服务公示, name_en: Free services published, max: 5,'
    copy = copy_standard(tmp_path, (old, '{code: "1.1.11", name: 服务公示, max: 5,'))
    code, out, _ = invoke("diff", str(EXAMPLE), "--criteria", str(copy), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert [(i["code"], i["change"], i["from"], i["to"]) for i in data["indicators"]] == [
        ("1.1.9", "removed", 5, None),
        ("1.1.11", "added", None, 5),
    ]
    assert data["total_delta"] == 0 and data["agreement"] == {"equal": 81, "differing": 0, "removed": 1, "added": 1}
    code, out, _ = invoke("diff", str(EXAMPLE), "--criteria", "cn-2017-county", "--exit-code")
    assert code == 0 and "两侧完全一致。" in out


def test_diff_with_criteria_refuses_what_does_not_go_with_it(tmp_path: Path) -> None:
    for extra in (["--to", "prefecture"], ["--format", "html"], [str(EXAMPLE)]):
        code, _, err = invoke("diff", str(EXAMPLE), "--criteria", "cn-2017-county", *extra)
        assert code == 2, (extra, err)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_same_standard_diff_is_unchanged(lang: str) -> None:
    code, out, _ = invoke("diff", str(EXAMPLE), "--format", "json", "--lang", lang)
    assert code == 0 and json.loads(out)["kind"] == "diff"


# -- goldens: every format of both commands, for a copy of the standard with one change of each kind

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("LIBEVAL_UPDATE_GOLDEN") == "1"
OLD_1_1_9 = '{code: "1.1.9", name: 免费开放服务公示, name_en: Free services published, max: 5,'
EDITS = (
    (BAND_24, BAND_24.replace("west: 50000", "west: 60000")),
    (OLD_1_1_9, '{code: "1.1.11", name: 服务公示, max: 5,'),
    ("min_score: {east: 850, central: 800, west: 750}", "min_score: {east: 850, central: 800, west: 760}"),
    (
        "value: floor_area, at_least: {east: 3000, central: 2500, west: 2000}",
        "value: floor_area, at_least: {east: 3000, central: 2500, west: 1800}",
    ),
    ("rule: {kind: per_unit, value: branches, points: 3}", "rule: {kind: per_unit, value: branches, points: 2.5}"),
)


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("criteria-diff", ["criteria", "diff", "cn-2017-county", "other.yaml"]),
        ("rescore-diff", ["diff", "jinghe", "--criteria", "other.yaml"]),
    ],
)
@pytest.mark.parametrize("fmt", ["table", "json", "md"])
def test_goldens(name: str, args: list[str], fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy_standard(tmp_path, *EDITS)
    shutil.copytree(EXAMPLE, tmp_path / "jinghe")
    monkeypatch.chdir(tmp_path)
    code, out, _ = invoke(*args, "--format", fmt)
    assert code == 0
    out = out.replace(__version__, "@VERSION@")
    golden = GOLDEN / f"{name}.zh.{fmt}"
    if UPDATE:
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8")
