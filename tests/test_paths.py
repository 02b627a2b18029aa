"""Paths written the Windows way (load/paths.py), pinned on Linux: what Windows itself makes of a
path (PureWindowsPath) against what libeval reads, and real files in a library folder."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path, PureWindowsPath

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from libeval.cli import app
from libeval.load import paths
from libeval.load.folders import resolve_criteria
from libeval.load.paths import Evidence

from conftest import EXAMPLE, STANDARD

# a file or folder name as a librarian writes one: Chinese, digits, spaces, dots inside
NAME = st.text(st.sampled_from("台账建筑面积abcXYZ019 -_.（）"), min_size=1, max_size=8).filter(
    lambda s: s.strip(" .") == s and s not in (".", "..")
)


@given(st.lists(NAME, min_size=1, max_size=4), st.sampled_from(["\\", "/"]), st.booleans())
def test_a_path_written_either_way_is_the_same_relative_path(parts: list[str], sep: str, dot: bool) -> None:
    written = sep.join(["."] * dot + parts)
    assert paths.inside(written) == "/".join(parts)
    # the parts are the ones Windows itself reads
    assert paths.inside(written) == PureWindowsPath(written).as_posix().removeprefix("./")


ANCHORS = ["C:\\", "c:", "\\", "/", "\\\\server\\share\\", "..\\"]


@given(st.lists(NAME, min_size=1, max_size=3), st.sampled_from(ANCHORS))
def test_anchored_or_climbing_paths_are_never_inside(parts: list[str], start: str) -> None:
    written = start + "\\".join(parts)
    assert PureWindowsPath(written).anchor or ".." in PureWindowsPath(written).parts or written.startswith("/")
    assert paths.inside(written) is None
    assert paths.href(written) is None


@pytest.mark.parametrize(
    ("written", "found"),
    [
        ("records\\building.pdf", Evidence.FILE),
        ("records/building.pdf", Evidence.FILE),
        (".\\records\\台账\\2016年.pdf", Evidence.FILE),
        ("records\\nothing.pdf", Evidence.MISSING),
        ("..\\outside.pdf", Evidence.OUTSIDE),
        ("records\\..\\..\\outside.pdf", Evidence.OUTSIDE),
        ("C:\\outside.pdf", Evidence.OUTSIDE),
        ("C:outside.pdf", Evidence.OUTSIDE),
        ("\\\\server\\share\\outside.pdf", Evidence.OUTSIDE),
        ("\\outside.pdf", Evidence.OUTSIDE),
        ("file:///outside.pdf", Evidence.OUTSIDE),
        ("records\building.pdf", Evidence.ESCAPED),  # "\b" read in YAML's double quotes
        ("https://example.org/x.pdf", Evidence.URL),
        ("https://example.org/年报 2016.pdf", Evidence.URL),  # not linked (href), not refused either
    ],
)
def test_evidence_against_real_files(tmp_path: Path, written: str, found: Evidence) -> None:
    lib = tmp_path / "lib"
    (lib / "records" / "台账").mkdir(parents=True)
    (lib / "records" / "building.pdf").write_bytes(b"%PDF")
    (lib / "records" / "台账" / "2016年.pdf").write_bytes(b"%PDF")
    (tmp_path / "outside.pdf").write_bytes(b"%PDF")
    assert paths.evidence(written, lib) is found


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")
def test_a_link_written_with_backslashes_that_leaves_the_folder_is_outside(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    lib.mkdir()
    (tmp_path / "secret").mkdir()
    (tmp_path / "secret" / "x.pdf").write_bytes(b"%PDF")
    (lib / "scans").symlink_to(tmp_path / "secret")
    assert paths.evidence("scans\\x.pdf", lib) is Evidence.OUTSIDE


def test_unescaped_gives_back_what_was_typed() -> None:
    typed = "scan\\records\\building\\new\\table\\a.pdf"
    read = yaml.safe_load(f'"{typed}"')
    assert read != typed and paths.unescaped(read) == typed


def _library(tmp_path: Path, criteria: str, evidence: list[str]) -> Path:
    lib = tmp_path / "lib"
    shutil.copytree(EXAMPLE, lib)
    doc = yaml.safe_load((lib / "library.yaml").read_text(encoding="utf-8"))
    doc["criteria"] = criteria
    doc["facts"]["floor_area"]["evidence"] = evidence
    (lib / "library.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    (lib / "records").mkdir(exist_ok=True)
    (lib / "records" / "building.pdf").write_bytes(b"%PDF")
    return lib


def test_windows_paths_in_a_library_check_clean_and_link_in_the_report(tmp_path: Path) -> None:
    shutil.copy(STANDARD, tmp_path / "标准.yaml")
    lib = _library(tmp_path, "..\\标准.yaml", ["records\\building.pdf"])
    assert resolve_criteria("..\\标准.yaml", lib) == lib / "../标准.yaml"
    r = CliRunner().invoke(app, ["check", str(lib), "--strict"], catch_exceptions=False)
    assert r.exit_code == 0, r.stderr
    assert "evidence" not in r.stderr
    r = CliRunner().invoke(app, ["score", str(lib), "--format", "html"], catch_exceptions=False)
    assert r.exit_code == 0, r.stderr
    assert '<a href="records/building.pdf" rel="noopener noreferrer">records\\building.pdf</a>' in r.stdout


def test_messages_show_the_path_as_written(tmp_path: Path) -> None:
    lib = _library(tmp_path, "cn-2017-county", ["records\\missing.pdf", "..\\..\\x.pdf"])
    r = CliRunner().invoke(app, ["check", str(lib), "--lang", "en"], catch_exceptions=False)
    assert r.exit_code == 1
    assert "evidence file 'records\\missing.pdf' does not exist" in r.stderr
    assert "evidence '..\\..\\x.pdf' must be a path inside the library folder" in r.stderr


def _case_matters(folder: Path) -> bool:
    (folder / "Case.probe").write_bytes(b"")
    return not (folder / "case.PROBE").exists()


def test_a_name_in_other_case_is_named_where_case_matters(tmp_path: Path) -> None:
    lib = _library(tmp_path, "cn-2017-county", ["Records\\BUILDING.pdf", "records\\missing.pdf"])
    if not _case_matters(tmp_path):
        pytest.skip("this file system does not tell upper and lower case apart: the file is found")
    assert paths.other_case(lib, "Records/BUILDING.pdf") == "records/building.pdf"
    assert paths.other_case(lib, "records/building.pdf") is None  # the name itself
    assert paths.other_case(lib, "records/missing.pdf") is None
    r = CliRunner().invoke(app, ["check", str(lib), "--lang", "en"], catch_exceptions=False)
    assert r.exit_code == 0
    assert re.search(
        r"library\.yaml:\d+:\d+: warning: evidence file 'Records\\BUILDING\.pdf' is named "
        r"'records/building\.pdf' in the library folder: .*",
        r.stderr,
    ), r.stderr
    code = "evidence-case"
    assert f"[{code}]" in r.stderr
    assert "evidence file 'records\\missing.pdf' does not exist" in r.stderr
    r = CliRunner().invoke(app, ["check", str(lib), "--lang", "zh"], catch_exceptions=False)
    assert "证明材料“Records\\BUILDING.pdf”在图书馆目录中的文件名是“records/building.pdf”（大小写不同）" in r.stderr
