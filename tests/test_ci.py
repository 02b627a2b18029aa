"""libeval in CI and in the editor: the JSON Schemas, GitHub annotations, the composite action's
shell steps, the pre-commit hook."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from libeval.cli import app

from conftest import EXAMPLE, ROOT, STANDARD
from helpers import BIN, action_steps, run_action


def invoke(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return r.exit_code, r.stdout, r.stderr


def _schema(*args: str) -> dict[str, Any]:
    code, out, err = invoke("schema", *args)
    assert code == 0, err
    schema: dict[str, Any] = json.loads(out)
    jsonschema.Draft202012Validator.check_schema(schema)
    return schema


def _yaml(path: Path) -> Any:
    # PyYAML reads dates as dates; in the files they are text
    return json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))


@pytest.mark.parametrize("criteria", [[], ["--criteria", "cn-2017-county"]])
def test_schemas_accept_the_example_and_reject_a_broken_copy(criteria: list[str]) -> None:
    lib = _yaml(EXAMPLE / "library.yaml")
    schema = _schema("library", *criteria)
    jsonschema.validate(lib, schema)
    for name in ("self", "prefecture"):
        jsonschema.validate(_yaml(EXAMPLE / "assessments" / f"{name}.yaml"), _schema("assessment", *criteria))
    broken = json.loads(json.dumps(lib))
    broken["populaton"] = broken.pop("population")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)
    if criteria:
        misspelt = json.loads(json.dumps(lib))
        misspelt["facts"]["floor_aera"] = misspelt["facts"].pop("floor_area")
        with pytest.raises(jsonschema.ValidationError, match="floor_aera"):
            jsonschema.validate(misspelt, schema)


def test_standard_schema_and_descriptions() -> None:
    schema = _schema("standard")
    jsonschema.validate(_yaml(STANDARD), schema)
    lib = _schema("library", "--criteria", "cn-2017-county")
    assert "服务人口" in lib["properties"]["population"]["description"]
    assert "service population" in lib["properties"]["population"]["description"]
    floor = lib["properties"]["facts"]["properties"]["floor_area"]
    assert floor["description"].startswith("建筑面积，单位 ㎡，单一值 value — Floor area")
    asmt = _schema("assessment", "--criteria", "cn-2017-county")
    assert "3.4.2" in asmt["properties"]["judged"]["properties"]
    assert "1.1.1" not in asmt["properties"]["judged"]["properties"]  # scored by rule, not judged


def test_init_writes_the_schema_and_binds_it(tmp_path: Path) -> None:
    target = tmp_path / "lib"
    assert invoke("init", str(target), "--criteria", "cn-2017-county")[0] == 0
    first = (target / "library.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=.libeval/library.schema.json"
    schema = json.loads((target / ".libeval" / "library.schema.json").read_text(encoding="utf-8"))
    assert "annual_loans" in schema["properties"]["facts"]["properties"]
    first = (target / "assessments" / "self.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../.libeval/assessment.schema.json"


def test_github_annotations(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    shutil.copytree(EXAMPLE, lib)
    text = (lib / "library.yaml").read_text(encoding="utf-8").replace("  floor_area: {", "  floor_aera: {")
    (lib / "library.yaml").write_text(text, encoding="utf-8")
    code, out, err = invoke("check", str(lib), "--format", "github", "--lang", "en")
    assert code == 1 and err == ""
    assert out == (
        f"::error file={lib}/library.yaml,line=16,col=3,title=libeval unknown-fact::"
        "unknown fact 'floor_aera'; did you mean 'floor_area'? [unknown-fact]\n"
    )
    code, out, _ = invoke("score", str(EXAMPLE), "--format", "github", "--fail-under", "900", "--lang", "en")
    assert code == 1
    assert out == (
        "::notice title=libeval::Jinghe County Library: Total 832 / 1000 · Grade 3\n"
        "::error title=libeval::832 < --fail-under 900\n"
    )


def test_github_escapes_what_would_break_a_command() -> None:
    from libeval.present.github import annotation

    assert (
        annotation("error", "a%b\nc", "x,y:z.yaml", 3, 4)
        == "::error file=x%2Cy%3Az.yaml,line=3,col=4,title=libeval::a%25b%0Ac"
    )


def _run_action(tmp_path: Path, lib: Path, **inputs: str) -> tuple[int, str, str, str]:
    return run_action(tmp_path, tmp_path, {"path": str(lib), "output": str(tmp_path / "out"), **inputs})


def test_action_steps_write_the_summary_and_reports(tmp_path: Path) -> None:
    code, logs, summary, output = _run_action(tmp_path, EXAMPLE, **{"fail-under": "700"})
    assert code == 0, logs
    assert summary.startswith("# 精河县图书馆 · 评估定级自评报告")
    assert "总分 832 分（满分 1000 分，含加分 45 分），达到三级。" in summary
    assert (tmp_path / "out" / "report.html").is_file()
    assert "total=832\n" in output and "grade=三级\n" in output and f"report-dir={tmp_path / 'out'}" in output
    assert "::notice title=libeval::精河县图书馆：总分 832 / 1000 · 三级" in logs


def test_action_fails_under_the_gate_and_on_bad_input(tmp_path: Path) -> None:
    code, logs, _, _ = _run_action(tmp_path, EXAMPLE, **{"fail-under": "900"})
    assert code == 1 and "::error title=libeval::832 < --fail-under 900" in logs
    lib = tmp_path / "broken"
    shutil.copytree(EXAMPLE, lib)
    (lib / "library.yaml").write_text("name: [\n", encoding="utf-8")
    code, logs, _, _ = _run_action(tmp_path, lib)
    assert code == 1 and "::error file=" in logs and "[yaml-syntax]" in logs


def test_the_workflow_example_runs_on_linux_and_windows() -> None:
    doc = yaml.safe_load((ROOT / "docs" / "ci" / "github-workflow.yml").read_text(encoding="utf-8"))
    (job,) = doc["jobs"].values()
    assert job["strategy"]["matrix"]["os"] == ["ubuntu-latest", "windows-latest"]
    assert job["runs-on"] == "${{ matrix.os }}" and job["strategy"]["fail-fast"] is False
    # artifacts of one run need names of their own (upload-artifact@v4 refuses a second one)
    (upload,) = [s for s in job["steps"] if str(s.get("uses", "")).startswith("actions/upload-artifact")]
    assert "${{ matrix.os }}" in upload["with"]["name"]


def test_every_action_step_that_runs_python_writes_utf8() -> None:
    """On a Windows runner Python writes a pipe in cp1252, which has no Chinese: the steps ask for
    UTF-8, which GitHub reads (annotations, the job summary, the step outputs)."""
    for name, script, env in action_steps({}):
        assert "libeval" in script or "python" in script, name
        assert env.get("PYTHONUTF8") == "1", name


def test_pre_commit_hook_entry(tmp_path: Path) -> None:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    repo = tmp_path / "repo"
    shutil.copytree(EXAMPLE, repo)
    pattern = re.compile(hook["files"])
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    subprocess.run(["git", "-C", str(repo), "add", "."], check=True)
    listed = subprocess.run(["git", "-C", str(repo), "ls-files"], capture_output=True, text=True, check=True)
    files = [f for f in listed.stdout.split() if pattern.search(f)]
    assert sorted(files) == ["assessments/prefecture.yaml", "assessments/self.yaml", "library.yaml"]
    entry = hook["entry"].split()
    entry[0] = str(BIN / entry[0])
    ok = subprocess.run([*entry, *files], cwd=repo, capture_output=True, text=True, check=False, timeout=60)
    assert ok.returncode == 0, ok.stderr
    (repo / "assessments" / "self.yaml").write_text("assessor: self\ndate: 2017-06-30\njudged: {'9.9': 1}\n")
    bad = subprocess.run([*entry, *files], cwd=repo, capture_output=True, text=True, check=False, timeout=60)
    assert bad.returncode == 1 and "assessments/self.yaml:3:" in bad.stderr and "[unknown-code]" in bad.stderr
