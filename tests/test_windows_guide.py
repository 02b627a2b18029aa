"""docs/windows.md, run as written: every `py -m libeval ...` line of its command blocks runs here,
its Windows paths (`examples\\jinghe-2017`) read as Windows reads them, in a folder that holds a
copy of the examples, one after another (init, then import, check, score, plan)."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path, PureWindowsPath

import pytest
import yaml
from typer.testing import CliRunner

from libeval.cli import app
from libeval.load import paths

from conftest import ROOT

GUIDE = ROOT / "docs" / "windows.md"


def commands() -> list[list[str]]:
    """The arguments after `py -m libeval` of every line of the guide's command blocks."""
    text = GUIDE.read_text(encoding="utf-8")
    blocks = re.findall(r"```powershell\n(.*?)```", text, re.DOTALL)
    lines = [line.strip() for block in blocks for line in block.splitlines()]
    return [
        [PureWindowsPath(a).as_posix() if "\\" in a else a for a in shlex.split(line, posix=False)[3:]]
        for line in lines
        if line.startswith("py -m libeval ")
    ]


def test_the_guide_names_the_commands_a_librarian_needs() -> None:
    named = [args[0] for args in commands()]
    assert {"score", "init", "import", "check", "plan"} <= set(named)


def test_every_command_of_the_windows_guide_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(ROOT / "examples" / "jinghe-2017", tmp_path / "examples" / "jinghe-2017")
    monkeypatch.chdir(tmp_path)
    for args in commands():
        r = CliRunner().invoke(app, args, catch_exceptions=False)
        assert r.exit_code == 0, (args, r.stderr)
        if "-o" in args:
            assert (tmp_path / args[args.index("-o") + 1]).stat().st_size > 0
    assert (tmp_path / "本馆" / "facts.xlsx").is_file()


def test_the_guides_evidence_example_reads_as_written() -> None:
    (block,) = re.findall(r"```yaml\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.DOTALL)
    written = yaml.safe_load(block)["facts"]["floor_area"]["evidence"]
    assert written == ["records\\building.pdf", "records\\台账\\2016年.pdf"]
    assert [paths.inside(ref) for ref in written] == ["records/building.pdf", "records/台账/2016年.pdf"]
