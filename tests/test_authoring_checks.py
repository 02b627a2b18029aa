"""Checks that help an author: codes suggested at every level, facts nothing reads never missing,
a grade no library can reach refused."""

from __future__ import annotations

import shutil
from pathlib import Path

from typer.testing import CliRunner

from libeval.cli import app
from libeval.load.folders import load_standard

from conftest import ROOT

MINI = ROOT / "tests" / "data"


def invoke(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return r.exit_code, r.stdout, r.stderr


def test_a_part_code_is_pointed_to_its_indicators() -> None:
    std = load_standard(MINI / "mini-criteria.yaml")
    assert std.suggest_code("1", judged_only=True) == "1.5"  # the judged indicator of part 1
    assert std.suggest_code("2.2") == "2.2.1"  # a group: its first indicator
    assert std.suggest_code("1.55") == "1.5"  # a typo
    assert std.suggest_code("9") == ""


def test_an_assessment_judging_a_part_gets_a_suggestion(tmp_path: Path) -> None:
    shutil.copytree(MINI / "mini-lib", tmp_path / "lib")
    shutil.copy(MINI / "mini-criteria.yaml", tmp_path / "mini-criteria.yaml")
    self_file = tmp_path / "lib" / "assessments" / "self.yaml"
    self_file.write_text(self_file.read_text(encoding="utf-8") + '  "2": 3\n', encoding="utf-8")
    code, _, err = invoke("check", str(tmp_path / "lib"))
    assert code == 1
    assert "unknown indicator code '2'; did you mean '2.2.2'? [unknown-code]" in err


def test_explain_suggests_a_code(tmp_path: Path) -> None:
    code, _, err = invoke("score", str(MINI / "mini-lib"), "--explain", "1.55")
    assert code == 1 and "did you mean '1.5'?" in err


def test_a_fact_nothing_reads_is_never_missing(tmp_path: Path) -> None:
    text = (MINI / "mini-criteria.yaml").read_text(encoding="utf-8")
    text = text.replace("  - {id: outreach_points,", "  - {id: spare, name: 备用, unit: 个}\n  - {id: outreach_points,")
    (tmp_path / "mini-criteria.yaml").write_text(text, encoding="utf-8")
    shutil.copytree(MINI / "mini-lib", tmp_path / "lib")
    _, _, err = invoke("check", "--strict", str(tmp_path / "mini-criteria.yaml"), str(tmp_path / "lib"))
    assert "spare" in err and "info: fact 'spare' is in the catalogue but no rule" in err  # said to the author
    assert "fact 'spare' (备用) is not given" not in err  # never asked of the library


def test_every_field_of_every_schema_has_its_own_description() -> None:
    import json

    for kind in ("standard", "library", "assessment"):
        code, out, _ = invoke("schema", kind)
        assert code == 0
        schema = json.loads(out)
        for model, node in [("root", schema), *schema["$defs"].items()]:
            for key, sub in node.get("properties", {}).items():
                assert "— " in sub.get("description", ""), f"{kind}: {model}.{key} has no bilingual description"
    code, out, _ = invoke("schema", "standard")
    defs = json.loads(out)["$defs"]
    assert "region" in defs["VariantSpec"]["properties"]["by"]["description"]  # not "the assessor's name"
    assert "assessor" in defs["Node"]["properties"]["not_applicable"]["description"]
    assert "not applicable by an assessor" in defs["Node"]["properties"]["not_applicable"]["description"]
    assert "sum" in defs["Condition"]["properties"]["score_sum"]["description"]
