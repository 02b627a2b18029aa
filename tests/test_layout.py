"""The house keeps its shape: the layers' import rules are enforced by the linters (shown here
failing on a deliberate violation), every output format is wired, no module grows too big."""

from __future__ import annotations

import importlib
import os
import shutil
import subprocess
import sys
from enum import StrEnum
from pathlib import Path

import pytest

from libeval.present import formats

from conftest import ROOT

SRC = ROOT / "src" / "libeval"
BIN = Path(sys.executable).parent


def _copy(tmp_path: Path) -> Path:
    """The package and its lint configuration, copied so that a violation can be planted."""
    shutil.copytree(SRC, tmp_path / "src" / "libeval", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def _plant(root: Path, module: str, line: str) -> None:
    path = root / "src" / "libeval" / module
    text = path.read_text(encoding="utf-8")
    head, sep, rest = text.partition("from __future__ import annotations\n")
    path.write_text(head + sep + line + "\n" + rest, encoding="utf-8")


def _lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(root / "src")}  # the copy, not the installed package
    return subprocess.run(
        [str(BIN / "lint-imports"), "--no-cache"], cwd=root, env=env, capture_output=True, text=True, timeout=120
    )


def test_import_linter_keeps_the_layers() -> None:
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_a_layer_importing_upwards_fails_the_import_linter(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    _plant(root, "scoring/engine.py", "from libeval.load import folders  # noqa: F401")
    result = _lint_imports(root)
    assert result.returncode == 1
    assert "libeval.scoring.engine -> libeval.load.folders" in result.stdout


def test_cli_importing_rich_fails_the_import_linter(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    _plant(root, "cli.py", "import rich  # noqa: F401")
    result = _lint_imports(root)
    assert result.returncode == 1
    assert "cli.py imports typer only BROKEN" in result.stdout


@pytest.mark.parametrize(
    ("module", "line"),
    [
        ("scoring/engine.py", "import rich  # noqa: F401"),
        ("present/score.py", "import jinja2  # noqa: F401"),
        ("commands/score.py", "import typer  # noqa: F401"),
        ("analysis/diff.py", "from openpyxl import Workbook  # noqa: F401"),
        ("load/sheet_facts.py", "import xlrd  # noqa: F401"),
        ("load/fact_import.py", "from ruamel.yaml import YAML  # noqa: F401"),
    ],
)
def test_a_third_party_package_outside_its_home_fails_ruff(tmp_path: Path, module: str, line: str) -> None:
    root = _copy(tmp_path)
    _plant(root, module, line)
    result = subprocess.run(
        [str(BIN / "ruff"), "check", "--no-cache", "--select", "TID251", "src"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1, result.stdout
    assert f"src/libeval/{module}" in result.stdout and "TID251" in result.stdout


def test_no_module_is_over_400_lines() -> None:
    sizes = {str(p.relative_to(SRC)): len(p.read_text(encoding="utf-8").splitlines()) for p in SRC.rglob("*.py")}
    assert {m: n for m, n in sizes.items() if n > 400} == {}


@pytest.mark.parametrize(
    ("module", "enum"),
    [
        ("score", formats.ScoreFormat),
        ("batch", formats.BatchFormat),
        ("diff", formats.DiffFormat),
        ("plan", formats.PlanFormat),
        ("check", formats.CheckFormat),
        ("criteria_diff", formats.CriteriaDiffFormat),
        ("rescore", formats.RescoreFormat),
    ],
)
def test_every_format_has_a_renderer(module: str, enum: type[StrEnum]) -> None:
    registry = importlib.import_module(f"libeval.present.{module}").FORMATS
    assert set(registry) == set(enum)
    assert all(callable(f) for f in registry.values())
