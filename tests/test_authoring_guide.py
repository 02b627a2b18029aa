"""docs/authoring.md and docs/authoring.zh.md are run as written: every `<!-- file: NAME -->`
block is written to a fresh folder, every `<!-- run -->` block's commands run there (exit 0),
and every `<!-- output -->` block's lines appear in the output of the commands just before it."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from libeval.cli import app

from conftest import ROOT

BLOCK = re.compile(r"<!-- (file: (?P<name>\S+)|run|output) -->\n```\w*\n(?P<body>.*?)```", re.S)


@pytest.mark.parametrize("guide", ["authoring.md", "authoring.zh.md"])
def test_the_guide_runs_as_written(guide: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = (ROOT / "docs" / guide).read_text(encoding="utf-8")
    blocks = list(BLOCK.finditer(text))
    assert sum(1 for b in blocks if b.group(1) == "run") >= 3, "the guide's commands are marked <!-- run -->"
    monkeypatch.chdir(tmp_path)
    ran = ""
    for block in blocks:
        kind, body = block.group(1), block.group("body")
        if kind.startswith("file:"):
            target = tmp_path / block.group("name")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(body, encoding="utf-8")
        elif kind == "run":
            ran = ""
            for line in body.strip().splitlines():
                args = shlex.split(line)
                assert args[0] == "libeval", line
                result = CliRunner().invoke(app, args[1:], catch_exceptions=False)
                assert result.exit_code == 0, f"{guide}: `{line}` exited {result.exit_code}:\n{result.stderr}"
                ran += result.stdout
        else:
            for expected in body.strip().splitlines():
                assert expected in ran, f"{guide}: expected output line missing: {expected!r}\n{ran}"
