"""Data-driven cases: tests/cases/{valid,invalid}/<case>/ hold the input files, `cmd` (the
arguments), and the expected `stdout`, `stderr` and `exit`. A regression is a new folder.

Set LIBEVAL_UPDATE_GOLDEN=1 to rewrite the expected files (then read the diff before committing).
"""

from __future__ import annotations

import os
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from libeval import __version__
from libeval.cli import app

CASES = Path(__file__).resolve().parent / "cases"
UPDATE = os.environ.get("LIBEVAL_UPDATE_GOLDEN") == "1"


def _cases(kind: str) -> list[Path]:
    return sorted(p for p in (CASES / kind).iterdir() if (p / "cmd").is_file())


def _hashes(folder: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _run(case: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str, int]:
    monkeypatch.chdir(case)
    args = shlex.split((case / "cmd").read_text(encoding="utf-8"))
    before = _hashes(case)
    result = CliRunner().invoke(app, args, catch_exceptions=False)
    out = result.stdout.replace(__version__, "@VERSION@")
    # inputs are never written to (the expected files are compared, not rewritten, below)
    assert _hashes(case) == before
    return out, result.stderr, result.exit_code


def _check(case: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    out, err, code = _run(case, monkeypatch)
    if UPDATE:
        (case / "stdout").write_text(out, encoding="utf-8")
        (case / "stderr").write_text(err, encoding="utf-8")
        (case / "exit").write_text(f"{code}\n", encoding="utf-8")
    assert "Traceback" not in err
    assert err == (case / "stderr").read_text(encoding="utf-8")
    assert out == (case / "stdout").read_text(encoding="utf-8")
    assert code == int((case / "exit").read_text(encoding="utf-8"))
    return code


@pytest.mark.parametrize("case", _cases("invalid"), ids=lambda p: p.name)
def test_invalid_case(case: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code = _check(case, monkeypatch)
    assert code == (2 if case.name.startswith("usage-") else 1)
    assert (case / "stderr").read_text(encoding="utf-8") or "problems" in (case / "stdout").read_text()


@pytest.mark.parametrize("case", _cases("valid"), ids=lambda p: p.name)
def test_valid_case(case: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _check(case, monkeypatch) == 0
