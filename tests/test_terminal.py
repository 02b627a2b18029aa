"""The terminal: colours when the output is a terminal (plain when piped or written to a file;
NO_COLOR, --no-color and TERM=dumb respected, FORCE_COLOR forces them); `--detail` shows whole
names and the assessor's notes from 100 columns up, pinned at 120 and at 80 columns."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from libeval.cli import app
from libeval.present.console import Column, Screen, color_wanted, colors

from conftest import EXAMPLE, ROOT

runner = CliRunner()
GOLDEN = ROOT / "tests" / "golden"
UPDATE = os.environ.get("LIBEVAL_UPDATE_GOLDEN") == "1"
ANSI = re.compile(r"\x1b\[[0-9;]*m")
LIBEVAL = Path(sys.executable).parent / "libeval"


@pytest.mark.parametrize(
    ("terminal", "environ", "refused", "wanted"),
    [
        (True, {}, False, True),
        (False, {}, False, False),  # piped or redirected
        (True, {}, True, False),  # --no-color
        (True, {"NO_COLOR": "1"}, False, False),
        (True, {"NO_COLOR": ""}, False, True),  # empty: not set
        (True, {"TERM": "dumb"}, False, False),
        (True, {"TERM": "xterm-256color"}, False, True),
        (False, {"FORCE_COLOR": "1"}, False, True),
        (False, {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False, False),
        (False, {"FORCE_COLOR": "1"}, True, False),
        (True, {"FORCE_COLOR": "1", "TERM": "dumb"}, False, True),
    ],
)
def test_when_a_stream_gets_colour(terminal: bool, environ: dict[str, str], refused: bool, wanted: bool) -> None:
    assert color_wanted(terminal, environ, refused) is wanted


def test_a_screen_draws_styles_only_when_asked() -> None:
    screen = Screen(width=60)
    screen.line("[bold]总分: 832[/] · [red]✗[/] [yellow]注意[/]")
    screen.table([Column("编号"), Column("名称")], [["1.1.1", "[red]不是样式[/]"]])
    plain = screen.text()
    assert not ANSI.search(plain) and "[red]不是样式[/]" in plain
    with colors(stdout=True, stderr=False):
        styled = screen.text()
    assert "\x1b[1m" in styled and "\x1b[31m" in styled and "\x1b[33m" in styled
    assert ANSI.sub("", styled) == plain  # the same text, with styles
    assert screen.text(color=False) == plain


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env=env, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_colour_follows_the_environment_and_the_options(tmp_path: Path) -> None:
    ex = str(EXAMPLE)
    assert not ANSI.search(run("score", ex)[1])  # CliRunner's stdout is no terminal
    forced = run("score", ex, env={"FORCE_COLOR": "1"})[1]
    assert "\x1b[1m总分：832 / 1000" in forced and "\x1b[31m✗" in forced
    assert not ANSI.search(run("score", ex, "--no-color", env={"FORCE_COLOR": "1"})[1])
    assert not ANSI.search(run("--no-color", "score", ex, env={"FORCE_COLOR": "1"})[1])
    assert not ANSI.search(run("score", ex, env={"FORCE_COLOR": "1", "NO_COLOR": "1"})[1])
    out = tmp_path / "score.txt"
    assert run("score", ex, "-o", str(out), env={"FORCE_COLOR": "1"})[0] == 0
    assert not ANSI.search(out.read_text(encoding="utf-8"))  # a file never gets colour
    bad = tmp_path / "lib"
    shutil.copytree(EXAMPLE, bad)
    text = (bad / "library.yaml").read_text(encoding="utf-8").replace("floor_area:", "floor_aera:")
    (bad / "library.yaml").write_text(text, encoding="utf-8")
    code, _, err = run("check", str(bad), env={"FORCE_COLOR": "1", "LANG": "zh_CN.UTF-8"})
    assert code == 1 and "\x1b[1;31m错误：\x1b[0m未知的事实" in err and "\x1b[2m [unknown-fact]\x1b[0m" in err
    assert not ANSI.search(run("check", str(bad), "--no-color", env={"FORCE_COLOR": "1"})[2])


def _on_a_terminal(*args: str, env: dict[str, str]) -> tuple[str, str]:
    """Run libeval with stdout on a pseudo-terminal (stderr a pipe): what each received."""
    pty = pytest.importorskip("pty")  # not on Windows
    main, sub = pty.openpty()
    done = subprocess.run(
        [LIBEVAL, *args], stdout=sub, stderr=subprocess.PIPE, env={**os.environ, **env}, check=False, timeout=120
    )
    os.close(sub)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(main)
    return b"".join(chunks).decode("utf-8"), done.stderr.decode("utf-8")


def test_a_real_terminal_gets_colour_and_a_pipe_does_not() -> None:
    env = {"COLUMNS": "120", "TERM": "xterm-256color", "LANG": "C.UTF-8", "NO_COLOR": "", "FORCE_COLOR": ""}
    shown, _ = _on_a_terminal("score", str(EXAMPLE), env=env)
    assert "\x1b[1m" in shown and "\x1b[31m" in shown
    shown, _ = _on_a_terminal("score", str(EXAMPLE), env={**env, "NO_COLOR": "1"})
    assert not ANSI.search(shown) and "832" in shown
    piped = subprocess.run(
        [LIBEVAL, "score", str(EXAMPLE)], capture_output=True, text=True, env={**os.environ, **env}, check=True
    )
    assert not ANSI.search(piped.stdout) and "832" in piped.stdout


@pytest.mark.parametrize("width", [120, 80])
def test_detail_shows_whole_names_and_the_assessors_notes(width: int) -> None:
    code, out, _ = run("score", str(EXAMPLE), "--detail", env={"COLUMNS": str(width)})
    assert code == 0
    assert all(len(line) <= width * 2 for line in out.splitlines())
    rows: dict[str, list[str]] = {}  # the detail table read back: code -> its cells, wrapped lines joined
    for line in out.splitlines()[out.splitlines().index(next(x for x in out.splitlines() if "┃ 名称" in x)) + 2 :]:
        if "│" not in line:
            break
        cells = [c.strip() for c in line.split("│")]
        if cells[0]:
            rows[cells[0]] = cells[1:]
        else:
            rows[list(rows)[-1]] = [a + b for a, b in zip(rows[list(rows)[-1]], cells[1:], strict=True)]
    assert rows["1.2.6"][0] == "对乡镇（街道）文化站图书室的业务指导" and rows["1.2.5"][0] == "馆外流动服务书刊借阅册次"
    note = "评估意见：已在3个社区挂牌分馆，统一借还尚在推进。"
    assert rows["1.2.1"][4].replace(" ", "") == "自评为“中”，得12分（满分20）" + note
    indicators = json.loads(run("score", str(EXAMPLE), "--format", "json")[1])["indicators"]
    assert list(rows) == [i["code"] for i in indicators]  # every indicator, one row each
    if width >= 100:  # a whole name on one line, up to 30 columns
        assert "│ 馆外流动服务书刊借阅册次 " in out
    golden = GOLDEN / f"jinghe-detail.{width}.zh.table"
    if UPDATE:
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8")
