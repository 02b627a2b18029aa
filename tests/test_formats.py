"""Every command × output format pair has a golden file: the output of each format is pinned, and a
format added to present/formats.py without a golden fails here.

`LIBEVAL_UPDATE_GOLDEN=1` rewrites the files under tests/golden/formats/ (read the diff). xlsx
files are pinned as their cells (sheet, cell, value), not their bytes, which carry timestamps.
"""

from __future__ import annotations

import os
import shutil
from enum import StrEnum
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from libeval import __version__
from libeval.cli import app
from libeval.present import formats

from conftest import EXAMPLE, ROOT

GOLDEN = ROOT / "tests" / "golden" / "formats"
UPDATE = os.environ.get("LIBEVAL_UPDATE_GOLDEN") == "1"
MINI = ROOT / "tests" / "data"

# (command, format) -> the arguments, run in a folder holding `jinghe` (the worked example),
# `province` (three small libraries), `mini-criteria.yaml` and `changed.yaml` (the bundled standard
# with one threshold changed)
COMMANDS: dict[str, list[str]] = {
    "score": ["score", "jinghe", "-a", "prefecture"],
    "batch": ["score", "province", "-j", "1"],
    "diff": ["diff", "jinghe"],
    "plan": ["plan", "jinghe", "-a", "prefecture"],
    "check": ["check", "--strict", "province"],
    "criteria-diff": ["criteria", "diff", "cn-2017-county", "changed.yaml"],
    "rescore": ["diff", "jinghe", "--criteria", "changed.yaml"],
}
ENUMS: dict[str, type[StrEnum]] = {
    "score": formats.ScoreFormat,
    "batch": formats.BatchFormat,
    "diff": formats.DiffFormat,
    "plan": formats.PlanFormat,
    "check": formats.CheckFormat,
    "criteria-diff": formats.CriteriaDiffFormat,
    "rescore": formats.RescoreFormat,
}
PAIRS = [(command, f.value) for command, enum in ENUMS.items() for f in enum]


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("formats")
    shutil.copytree(EXAMPLE, root / "jinghe")
    shutil.copy(MINI / "mini-criteria.yaml", root / "mini-criteria.yaml")
    bundled = (ROOT / "criteria" / "cn-2017-county.yaml").read_text(encoding="utf-8")
    changed = bundled.replace("west: 80000}", "west: 90000}", 1)  # 1.1.1's top band, for the west
    assert changed != bundled
    (root / "changed.yaml").write_text(changed, encoding="utf-8")
    for i, (region, area) in enumerate((("east", 5200), ("central", 2400), ("west", 600))):
        lib = root / "province" / f"lib{i}"
        shutil.copytree(MINI / "mini-lib", lib)
        text = (lib / "library.yaml").read_text(encoding="utf-8")
        text = text.replace("criteria: ../mini-criteria.yaml", "criteria: ../../mini-criteria.yaml")
        text = text.replace("region: west", f"region: {region}").replace("测试县图书馆", f"测试{i}号县图书馆")
        text = text.replace("floor_area: {value: 1200,", f"floor_area: {{value: {area},")
        (lib / "library.yaml").write_text(text, encoding="utf-8")
    return root


def _cells(path: Path) -> str:
    wb = openpyxl.load_workbook(path)
    lines = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            lines += [f"{ws.title}!{c.coordinate}\t{c.value!r}" for c in row if c.value is not None]
    return "\n".join(lines) + "\n"


def test_every_pair_is_listed() -> None:
    assert set(COMMANDS) == set(ENUMS)


@pytest.mark.parametrize(("command", "fmt"), PAIRS, ids=[f"{c}-{f}" for c, f in PAIRS])
def test_every_format_has_a_golden(
    command: str, fmt: str, workdir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(workdir)
    args = [*COMMANDS[command], "--format", fmt]
    if fmt == "xlsx":
        args += ["-o", str(tmp_path / "out.xlsx")]
    result = CliRunner().invoke(app, args, catch_exceptions=False)
    assert result.exit_code in (0, 1), result.stderr  # check --strict fails on the corpus' warnings
    out = _cells(tmp_path / "out.xlsx") if fmt == "xlsx" else result.stdout + result.stderr
    out = out.replace(__version__, "@VERSION@")
    golden = GOLDEN / f"{command}.{fmt}.txt"
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(out, encoding="utf-8")
    assert golden.is_file(), f"no golden for `{command} --format {fmt}`: run with LIBEVAL_UPDATE_GOLDEN=1"
    assert out == golden.read_text(encoding="utf-8")
