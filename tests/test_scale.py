"""Standards at scale: five times the bundled tree, and a generated standard of 1,000 indicators
and 300 facts, load, check, score and plan. Bounded work, no timing (benchmarks/run.py --scale
measures how the time grows)."""

from __future__ import annotations

import copy
import importlib.util
import re
import shutil
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from libeval.analysis import fact_changes
from libeval.analysis import plan as plan_module
from libeval.analysis.plan import plan
from libeval.cli import app
from libeval.load.folders import load_library
from libeval.scoring.engine import score

from conftest import EXAMPLE, ROOT, STANDARD


def _recode(node: dict[str, Any], prefix: str) -> None:
    node["code"] = f"{prefix}{node['code']}"
    for child in node.get("children", []):
        _recode(child, prefix)


def five_times() -> dict[str, Any]:
    """The bundled standard with its parts copied four times under new codes (C1-1.1.1 ...),
    the fact catalogue, derived values, bonus and grades shared: 389 indicators."""
    std: dict[str, Any] = yaml.safe_load(STANDARD.read_text(encoding="utf-8"))
    parts = list(std["parts"])
    for k in range(1, 5):
        for part in std["parts"]:
            new = copy.deepcopy(part)
            _recode(new, f"C{k}-")
            parts.append(new)
    std["parts"] = parts
    std["total"] = sum(p["max"] for p in parts)
    return std


def _values(data: Any) -> int:
    """Values in a YAML document, keys included, each once."""
    if isinstance(data, dict):
        return 1 + sum(1 + _values(v) for v in data.values())
    if isinstance(data, list):
        return 1 + sum(_values(v) for v in data)
    return 1


def _example_against(tmp_path: Path, std: dict[str, Any]) -> Path:
    lib = tmp_path / "lib"
    shutil.copytree(EXAMPLE, lib)
    (lib / "std.yaml").write_text(yaml.safe_dump(std, allow_unicode=True, sort_keys=False), encoding="utf-8")
    text = (lib / "library.yaml").read_text(encoding="utf-8")
    (lib / "library.yaml").write_text(re.sub(r"^criteria: .*$", "criteria: std.yaml", text, flags=re.M))
    return lib


def test_five_times_the_bundled_standard_loads_checks_and_scores(tmp_path: Path) -> None:
    lib = _example_against(tmp_path, five_times())
    # ~12,500 values, refused as "more than 100000 values" when a value counted once per level above it
    assert 10_000 < _values(yaml.safe_load((lib / "std.yaml").read_text(encoding="utf-8"))) < 20_000
    r = CliRunner().invoke(app, ["check", str(lib)], catch_exceptions=False)
    assert r.exit_code == 0, r.stderr
    assert "error" not in r.stderr

    big = load_library(lib)
    bundled = load_library(EXAMPLE)
    assert len(big.standard.leaves) == 5 * len(bundled.standard.leaves) - 4 * 5  # the bonus is not copied
    for name in ("self", "prefecture"):
        ours = score(big.standard, big.library, big.assessment(name), name)
        theirs = score(bundled.standard, bundled.library, bundled.assessment(name), name)
        by_code = {i.code: i for i in ours.indicators}
        for i in theirs.indicators:
            assert by_code[i.code].score == i.score, i.code  # the original codes score as before
            copied = [by_code.get(f"C{k}-{i.code}") for k in range(1, 5)]
            for c in copied:
                if c is None:
                    continue  # the bonus
                # the copies read the same facts; judged ones are not judged in the assessment
                assert (c.score, c.status) == ((i.score, i.status) if i.kind != "judged" else (0, "not_judged"))
        assert ours.total > theirs.total

    r = CliRunner().invoke(app, ["score", str(lib), "--format", "json"], catch_exceptions=False)
    assert r.exit_code == 0, r.stderr


def _generator() -> ModuleType:
    """benchmarks/generate_standard.py, which is not a package."""
    path = ROOT / "benchmarks" / "generate_standard.py"
    spec = importlib.util.spec_from_file_location("generate_standard", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_generated_standard_of_1000_indicators_checks_scores_and_plans(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lib = _generator().write(tmp_path / "n1000", 1000, 300, 2017)
    r = CliRunner().invoke(app, ["check", str(lib), str(tmp_path / "n1000" / "standard.yaml")], catch_exceptions=False)
    assert r.exit_code == 0, r.stderr
    assert ": error:" not in r.stderr and "[unused-fact]" not in r.stderr  # every fact is read

    folder = load_library(lib)
    std = folder.standard
    assert (len(std.leaves), len(std.facts)) == (1000, 300)
    kinds = {std.nodes[c].node.rule.kind for c in std.leaves}  # type: ignore[union-attr]
    assert kinds == {"tiers", "linear", "per_unit", "boolean", "judged"}
    assert sum(1 for i in std.nodes.values() if i.node.capped) > 10 and std.spec.bonus is not None
    assert all(g.prerequisites for g in std.spec.grades)

    result = score(std, folder.library, folder.assessment("self"), "self")
    assert len(result.indicators) == 1000 and 0 < result.total <= result.max + result.bonus_max
    # bounded work: the whole library is scored a few times, not once per candidate level
    scorings = []

    def counted(*args: Any) -> Any:
        scorings.append(1)
        return score(*args)

    monkeypatch.setattr(fact_changes, "score", counted)
    monkeypatch.setattr(plan_module, "score", counted)
    p = plan(std, folder.library, folder.assessment("self"))
    assert len(scorings) <= 2 + plan_module.MAX_ROUNDS + len(std.spec.grades[0].prerequisites), len(scorings)
    assert p.status in ("plan", "unreachable", "reached")
    if p.status == "plan":
        assert p.projected is not None and p.projected.grade is not None

    r = CliRunner().invoke(app, ["plan", str(lib), "--format", "json"], catch_exceptions=False)
    assert r.exit_code == 0, r.stderr
