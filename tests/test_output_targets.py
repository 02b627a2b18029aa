"""Where `-o` writes (issue 18, items 3 and 4): a regular file or a new path is replaced whole
through a temporary file; a named pipe, a device node or /dev/stdout is written through and stays
what it was; `-o -` is standard output. Under faults (a read-only folder, a full disk, two runs
writing the same file at once) one clear line, and the old file or one complete new one."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from libeval.cli import app
from libeval.errors import LibevalError
from libeval.load import writing
from libeval.load.writing import is_stream, write_atomic
from libeval.present.problems import problem_lines

from conftest import EXAMPLE

EXE = str(Path(sys.executable).with_name("libeval"))


def invoke(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return r.exit_code, r.stdout, r.stderr


def _expected_json() -> str:
    code, out, _ = invoke("score", str(EXAMPLE), "--format", "json")
    assert code == 0
    return out


def _read_fifo(fifo: Path, got: list[bytes]) -> threading.Thread:
    def read() -> None:
        with fifo.open("rb") as fh:
            got.append(fh.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    return reader


def test_a_named_pipe_stays_a_pipe_and_its_reader_gets_the_output(tmp_path: Path) -> None:
    fifo = tmp_path / "report.fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = _read_fifo(fifo, got)
    code, _, err = invoke("score", str(EXAMPLE), "--format", "json", "-o", str(fifo))
    reader.join(timeout=30)
    assert (code, err) == (0, "")
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert got == [_expected_json().encode("utf-8")]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.fifo"]  # no temporary file left


def test_a_big_workbook_streams_through_a_pipe(tmp_path: Path) -> None:
    """More than a pipe holds at once (64 KiB): written a chunk at a time as the reader reads."""
    fifo = tmp_path / "sheet.fifo"
    os.mkfifo(fifo)
    data = os.urandom(3 * writing.CHUNK + 17)
    got: list[bytes] = []
    reader = _read_fifo(fifo, got)
    write_atomic(fifo, data)
    reader.join(timeout=30)
    assert got == [data] and stat.S_ISFIFO(fifo.stat().st_mode)


def _device_like(tmp_path: Path, name: str, device: int) -> Path:
    node = tmp_path / name
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, device)
    except (PermissionError, AttributeError) as exc:
        pytest.skip(f"cannot make a device node here (needs root on Linux): {exc}")
    return node


def _device(tmp_path: Path, name: str, major: int, minor: int) -> Path:
    return _device_like(tmp_path, name, os.makedev(major, minor))


def test_a_device_node_stays_a_device(tmp_path: Path) -> None:
    null = _device(tmp_path, "null", 1, 3)  # the null device, made inside the test's folder
    code, _, err = invoke("score", str(EXAMPLE), "--format", "html", "-o", str(null))
    assert (code, err) == (0, "")
    assert stat.S_ISCHR(null.stat().st_mode) and null.stat().st_rdev == os.makedev(1, 3)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_full_device_gives_one_line_and_stays_a_device(tmp_path: Path, lang: str) -> None:
    full = _device(tmp_path, "full", 1, 7)  # writes fail with ENOSPC
    code, out, err = invoke("--lang", lang, "score", str(EXAMPLE), "--format", "md", "-o", str(full))
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "[output-failed]" in err
    assert ("no space left on device" in err.lower()) if lang == "en" else ("磁盘空间不足" in err)
    assert stat.S_ISCHR(full.stat().st_mode)


def test_dev_stdout_writes_into_the_shell_s_redirection(tmp_path: Path) -> None:
    """`-o /dev/stdout` with stdout sent to a file: the output lands in that file, the file the
    shell opened is not swapped for another, and what was written before stays."""
    out = tmp_path / "out.txt"
    with out.open("wb") as fh:
        fh.write(b"before\n")
        fh.flush()
        inode = os.fstat(fh.fileno()).st_ino
        run = subprocess.run(
            [EXE, "score", str(EXAMPLE), "--format", "json", "-o", "/dev/stdout"],
            stdout=fh,
            stderr=subprocess.PIPE,
            check=False,
            env={**os.environ, "LANG": "C.UTF-8"},
        )
    assert run.returncode == 0, run.stderr
    assert out.stat().st_ino == inode
    assert out.read_text(encoding="utf-8") == "before\n" + _expected_json()


def test_dash_is_standard_output() -> None:
    code, out, err = invoke("score", str(EXAMPLE), "--format", "json", "-o", "-")
    assert (code, err) == (0, "") and out == _expected_json()
    assert not (Path.cwd() / "-").exists()


def test_dash_sends_a_workbook_to_standard_output() -> None:
    run = subprocess.run([EXE, "score", str(EXAMPLE), "--format", "xlsx", "-o", "-"], capture_output=True, check=False)
    assert run.returncode == 0 and run.stdout[:4] == b"PK\x03\x04" and run.stderr == b""


def test_what_is_a_stream(tmp_path: Path) -> None:
    regular = tmp_path / "a.txt"
    regular.write_text("x", encoding="utf-8")
    fifo = tmp_path / "p"
    os.mkfifo(fifo)
    assert not is_stream(regular) and not is_stream(tmp_path / "new.txt")
    assert is_stream(fifo) and is_stream(Path("/dev/stdout")) and is_stream(Path("/dev/null"))


# --- faults ------------------------------------------------------------------------------------


def _old(tmp_path: Path) -> Path:
    target = tmp_path / "report.md"
    target.write_text("the old report\n", encoding="utf-8")
    return target


def _refuse(code: int) -> None:
    raise OSError(code, os.strerror(code))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_full_disk_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    target = _old(tmp_path)
    monkeypatch.setattr(writing, "_write_all", lambda fd, data: _refuse(errno.ENOSPC))
    code, _, err = invoke("--lang", lang, "score", str(EXAMPLE), "--format", "md", "-o", str(target))
    assert code == 1 and err.count("\n") == 1
    expected = {
        "en": "error: cannot write the output file: No space left on device",
        "zh": "错误：无法写入输出文件：磁盘空间不足",
    }
    assert err == f"{target}: {expected[lang]} [output-failed]\n"
    assert target.read_text(encoding="utf-8") == "the old report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]


def test_a_read_only_folder_gives_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As root a folder's mode does not stop writing, so the refusal is what the system would say
    (EROFS from mkstemp); the real chmod case follows for non-root runs."""
    target = _old(tmp_path)

    def read_only(*args: object, **kwargs: object) -> tuple[int, str]:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    code, _, err = invoke("--lang", "zh", "score", str(EXAMPLE), "--format", "md", "-o", str(target))
    assert code == 1
    assert err == f"{target}: 错误：无法写入输出文件：文件系统只读 [output-failed]\n"
    assert target.read_text(encoding="utf-8") == "the old report\n"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes into a folder of mode 0555")
def test_a_folder_without_write_permission(tmp_path: Path) -> None:
    target = _old(tmp_path)
    tmp_path.chmod(0o555)
    try:
        code, _, err = invoke("score", str(EXAMPLE), "--format", "md", "-o", str(target))
    finally:
        tmp_path.chmod(0o755)
    assert code == 1 and err.count("\n") == 1 and "Permission denied" in err
    assert target.read_text(encoding="utf-8") == "the old report\n"


def test_two_runs_writing_the_same_file_leave_one_complete_file(tmp_path: Path) -> None:
    target = _old(tmp_path)
    runs = [
        subprocess.Popen(
            [EXE, "score", str(EXAMPLE), "--format", fmt, "-o", str(target)],
            stderr=subprocess.PIPE,
            env={**os.environ, "LANG": "C.UTF-8"},
        )
        for fmt in ("json", "md", "json", "md")
    ]
    for run in runs:
        _, err = run.communicate(timeout=120)
        assert run.returncode == 0, err
    written = target.read_text(encoding="utf-8")
    assert written in (invoke("score", str(EXAMPLE), "--format", fmt)[1] for fmt in ("json", "md"))
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]


def test_the_fault_message_is_one_line_in_both_languages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(writing, "_write_all", lambda fd, data: _refuse(errno.EPIPE))
    with pytest.raises(LibevalError) as caught:
        write_atomic(tmp_path / "x.md", "text")
    for lang in ("en", "zh"):
        assert problem_lines(caught.value.problems, lang).count("\n") == 1
    assert "读取端已关闭" in problem_lines(caught.value.problems, "zh")


# An output file open in Excel or WPS on Windows: the rename over it raises PermissionError
# (WinError 5 or 32). Simulated here by refusing the rename onto the locked path only.
def _lock(monkeypatch: pytest.MonkeyPatch, *locked: Path) -> None:
    replace = Path.replace

    def refused(self: Path, target: str | os.PathLike[str]) -> Path:
        if Path(target).resolve() in {p.resolve() for p in locked}:
            raise PermissionError(13, "Permission denied", str(target))
        return replace(self, target)

    monkeypatch.setattr(Path, "replace", refused)


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("zh", "错误：文件正被其他程序占用（例如 Excel），请关闭后重试；原文件未改动"),
        (
            "en",
            "error: the file is open in another program (Excel, for example): close it and try again;"
            " the old file is unchanged",
        ),
    ],
)
def test_a_file_open_in_excel_gives_one_line_and_stays_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, message: str
) -> None:
    target = _old(tmp_path)
    _lock(monkeypatch, target)
    code, out, err = invoke("--lang", lang, "score", str(EXAMPLE), "--format", "md", "-o", str(target))
    assert (code, out) == (1, "")
    assert err == f"{target}: {message} [output-locked]\n"
    assert target.read_text(encoding="utf-8") == "the old report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]  # the temporary file is gone


def test_a_report_open_in_excel_fails_that_library_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`score DIR --reports-dir`: the locked report is that library's error (exit 1), the other
    reports are written, the old one stays and no temporary file is left."""
    import shutil

    root, reports = tmp_path / "libs", tmp_path / "reports"
    for name in ("a", "b"):
        shutil.copytree(EXAMPLE, root / name)
    reports.mkdir()
    locked = reports / "b.html"
    locked.write_text("the old report\n", encoding="utf-8")
    _lock(monkeypatch, locked)
    code, out, err = invoke("--lang", "zh", "score", str(root), "--reports-dir", str(reports), "--format", "json")
    assert code == 1
    assert f"{locked}: 错误：文件正被其他程序占用（例如 Excel），请关闭后重试；原文件未改动 [output-locked]\n" in err
    assert locked.read_text(encoding="utf-8") == "the old report\n"
    assert sorted(p.name for p in reports.iterdir()) == ["a.html", "b.html"]
    assert (reports / "a.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert '"output-locked"' in out  # the failed row carries the problem in the summary too
