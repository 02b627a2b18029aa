"""Building standards, libraries and assessments from YAML text, for tests."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from libeval.errors import errors_only
from libeval.load.validation import validate
from libeval.load.yaml_source import loads
from libeval.models import Assessment, Library, StandardSpec
from libeval.models.result import Result
from libeval.scoring.compiler import compile_standard
from libeval.scoring.engine import score
from libeval.scoring.standard import Standard

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent  # the installed libeval's scripts

# The facts of a library for tests/data/mini-criteria.yaml.
MINI_FACTS: dict[str, Any] = {
    "floor_area": 1200,
    "annual_loans": {"years": {2013: 80000, 2014: 90000, 2015: 100000, 2016: 110000}},
    "registered_readers": 5000,
    "free_opening": True,
    "outreach_points": 12,
}


def standard(text: str) -> Standard:
    src = loads(text.encode(), "criteria.yaml")
    crit, problems = validate(StandardSpec, src)
    assert crit is not None, problems
    std = compile_standard(crit, src)
    assert not errors_only(std.problems), std.problems
    return std


def library(facts: dict[str, Any], region: str = "west", population: Any = 100000) -> Library:
    data = {
        "name": "测试馆",
        "level": "county",
        "province": "测试省",
        "region": region,
        "population": population,
        "criteria": "x",
        "facts": facts,
    }
    src = loads(yaml.safe_dump(data, allow_unicode=True).encode(), "library.yaml")
    lib, problems = validate(Library, src)
    assert lib is not None, problems
    return lib


def assessment(judged: dict[str, Any] | None = None, **extra: Any) -> Assessment:
    data = {"assessor": "self", "date": "2017-06-30", "judged": judged or {}, **extra}
    src = loads(yaml.safe_dump(data, allow_unicode=True).encode(), "self.yaml")
    a, problems = validate(Assessment, src)
    assert a is not None, problems
    return a


def run(
    std: Standard, facts: dict[str, Any], judged: dict[str, Any] | None = None, region: str = "west", **extra: Any
) -> Result:
    return score(std, library(facts, region), assessment(judged, **extra), "self")


def one_indicator(rule: str, max_points: int = 10, facts_yaml: str = "", extra: str = "") -> Standard:
    """A standard with a single indicator "1.1" under part "1"."""
    return standard(f"""
id: t
title: t
level: county
period: {{start: 2013, end: 2016}}
total: {max_points}
precision: 1
facts:
  - {{id: x, name: x}}
  - {{id: flag, name: flag, type: boolean}}
  - {{id: yearly, name: yearly, per_year: true, aggregate: mean}}
{facts_yaml}
parts:
  - code: "1"
    name: p
    max: {max_points}
    children:
      - code: "1.1"
        name: i
        max: {max_points}
        rule: {rule}
{extra}
""")


def action_steps(inputs: dict[str, str]) -> list[tuple[str, str, dict[str, str]]]:
    """The shell steps of action.yml with their environments, `${{ inputs.X }}` filled in from
    `inputs` over the defaults. The install step is left out: setup-python and pip are GitHub's;
    the tests run the libeval installed with them (on PATH: BIN)."""
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    defaults = {k: str(v.get("default", "")) for k, v in action["inputs"].items()} | inputs
    steps = []
    for step in action["runs"]["steps"]:
        if "run" not in step or step.get("name") == "Install libeval":
            continue
        env = {
            k: re.sub(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}", lambda m: defaults[m.group(1)], str(v))
            for k, v in step.get("env", {}).items()
        }
        steps.append((step["name"], step["run"], env))
    return steps


def run_action(cwd: Path, scratch: Path, inputs: dict[str, str]) -> tuple[int, str, str, str]:
    """The Action's steps in bash in `cwd`, the way a runner runs them (GITHUB_STEP_SUMMARY and
    GITHUB_OUTPUT files in `scratch`), up to the first that fails: its exit code, the logs, the
    job summary and the step outputs."""
    summary, output = scratch / "summary.md", scratch / "output.txt"
    summary.write_text("")
    output.write_text("")
    env = {
        **os.environ,
        "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}",
        "GITHUB_STEP_SUMMARY": str(summary),
        "GITHUB_OUTPUT": str(output),
    }
    logs, code = "", 0
    for _name, script, step_env in action_steps(inputs):
        proc = subprocess.run(
            ["bash", "-c", script],
            env={**env, **step_env},
            cwd=cwd,
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )
        logs += proc.stdout + proc.stderr
        if proc.returncode:
            code = proc.returncode
            break
    return code, logs, summary.read_text(encoding="utf-8"), output.read_text(encoding="utf-8")
