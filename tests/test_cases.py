"""Data-driven cases: tests/cases/{valid,invalid}/<case>/ hold the input files, `cmd` (the
arguments), and the expected `stdout`, `stderr` and `exit`. A regression is a new folder.

A case whose command's job is to write files (`init`) holds the files it should write under
`writes/`: it runs on a copy (beside a copy of tests/data, so relative paths stay the same), the
files it had are still never written to, and each file under `writes/` is compared with the
one written.

Set LIBEVAL_UPDATE_GOLDEN=1 to rewrite the expected files (then read the diff before committing).
"""

from __future__ import annotations

import os
import shlex
import shutil
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


def _run(case: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> tuple[str, str, int]:
    writes = case / "writes"
    where = case
    if writes.is_dir():  # it writes: run on a copy, at the same depth beside a copy of tests/data
        shutil.copytree(CASES.parent / "data", tmp_path / "data")
        where = tmp_path / "cases" / case.parent.name / case.name
        shutil.copytree(case, where, ignore=shutil.ignore_patterns("writes", "stdout", "stderr", "exit"))
    monkeypatch.chdir(where)
    args = shlex.split((case / "cmd").read_text(encoding="utf-8"))
    before = _hashes(where)
    result = CliRunner().invoke(app, args, catch_exceptions=False)
    out = result.stdout.replace(__version__, "@VERSION@")
    # inputs are never written to (the expected files are compared, not rewritten, below)
    after = _hashes(where)
    assert {path: after.get(path) for path in before} == before
    if not writes.is_dir():
        assert after == before
    for expected in sorted(p for p in writes.rglob("*") if p.is_file()) if writes.is_dir() else []:
        written = where / expected.relative_to(writes)
        if UPDATE and written.is_file():
            expected.write_bytes(written.read_bytes())
        assert written.is_file(), f"{written.name} was not written"
        assert written.read_text(encoding="utf-8") == expected.read_text(encoding="utf-8")
    return out, result.stderr, result.exit_code


def _check(case: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> int:
    out, err, code = _run(case, monkeypatch, tmp_path)
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
def test_invalid_case(case: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    code = _check(case, monkeypatch, tmp_path)
    assert code == (2 if case.name.startswith("usage-") else 1)
    assert (case / "stderr").read_text(encoding="utf-8") or "problems" in (case / "stdout").read_text()


@pytest.mark.parametrize("case", _cases("valid"), ids=lambda p: p.name)
def test_valid_case(case: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert _check(case, monkeypatch, tmp_path) == 0
