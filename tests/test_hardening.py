"""Hostile and careless input: sizes, time and memory, inputs never written, outputs whole or not
at all, structured fuzzing of the worked example, an interrupted batch."""

from __future__ import annotations

import hashlib
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from libeval.cli import app
from libeval.errors import LibevalError
from libeval.load.folders import StandardCache, load_library
from libeval.scoring.engine import score

from conftest import EXAMPLE

EXE = str(Path(sys.executable).with_name("libeval"))


def invoke(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return r.exit_code, r.stdout, r.stderr


# A child's peak memory (ru_maxrss) counts the memory of the process it was forked from: measured
# straight from pytest, it is pytest's (150 MB and more), not libeval's. A small launcher process
# starts libeval and reports libeval's own peak.
_LAUNCHER = """
import os, sys, time
devnull = [(os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0)]
start = time.perf_counter()
pid = os.posix_spawn(sys.argv[1], sys.argv[1:], os.environ, file_actions=devnull)
_, status, usage = os.wait4(pid, 0)
print(time.perf_counter() - start, usage.ru_maxrss)
sys.exit(os.waitstatus_to_exitcode(status))
"""


def _measure(args: list[str], cwd: Path) -> tuple[int, str, float, float]:
    """Exit code, stderr, seconds and peak MB of one whole libeval process."""
    proc = subprocess.run([sys.executable, "-c", _LAUNCHER, EXE, *args], cwd=cwd, capture_output=True, check=False)
    seconds, kb = proc.stdout.split()
    return proc.returncode, proc.stderr.decode(), float(seconds), int(kb) / 1024


def test_hostile_files_are_refused_fast_and_small(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    shutil.copytree(EXAMPLE, lib)
    big = tmp_path / "big"
    shutil.copytree(EXAMPLE, big)
    with (big / "library.yaml").open("ab") as fh:  # 50 MB
        fh.write(b"# " + b"x" * (50 * 1024 * 1024) + b"\n")
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text(
        "a0: &a0 [x, x, x, x, x, x, x, x, x]\n"
        + "".join(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 12))
    )
    deep = tmp_path / "deep.yaml"
    deep.write_text("a: " + "[" * 100_000 + "]" * 100_000 + "\n")
    wide = tmp_path / "wide.yaml"
    wide.write_text("a: [" + ", ".join(["1"] * 600_000) + "]\n")
    for args, code in (
        (["check", "big"], "[file-too-large]"),
        (["check", "bomb.yaml"], "[alias-bomb]"),
        (["check", "deep.yaml"], "[too-deep]"),
        (["check", "wide.yaml"], "[too-many-nodes]"),
    ):
        rc, err, seconds, mb = _measure(args, tmp_path)
        assert rc == 1 and code in err and "Traceback" not in err, (args, err)
        assert seconds < 2 and mb < 200, (args, seconds, mb)


def _digest(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_no_command_writes_to_its_inputs(tmp_path: Path, monkeypatch: Any) -> None:
    lib = tmp_path / "lib"
    shutil.copytree(EXAMPLE, lib)
    monkeypatch.chdir(tmp_path)
    before = _digest(lib)
    out = tmp_path / "out"
    out.mkdir()
    commands = [
        ["check", "lib"],
        ["check", "lib", "--format", "json"],
        ["check", "lib", "--format", "github"],
        ["score", "lib"],
        ["score", "lib", "--detail"],
        ["score", "lib", "--explain", "1.1.1"],
        ["score", "lib", "--format", "json"],
        ["score", "lib", "--format", "md", "-o", "out/r.md"],
        ["score", "lib", "--format", "html", "-o", "out/r.html"],
        ["score", "lib", "--format", "github"],
        ["score", ".", "--format", "csv", "--reports-dir", "out/reports"],
        ["diff", "lib"],
        ["diff", "lib", "--format", "html", "-o", "out/d.html"],
        ["plan", "lib"],
        ["plan", "lib", "--format", "json"],
        ["init", "lib", "--criteria", "cn-2017-county"],
        ["schema", "library", "--criteria", "lib/../lib/../lib/library.yaml"],
        ["score", "lib", "-o", "lib/library.yaml"],
    ]
    for args in commands:
        _, _, err = invoke(*args)
        assert "Traceback" not in err
        assert _digest(lib) == before, args


def test_a_failed_write_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    target.write_text("the old report\n", encoding="utf-8")
    bad = tmp_path / "bad.md.j2"
    bad.write_text("{{ library.name }}{{ 1 / 0 }}\n", encoding="utf-8")
    code, _, err = invoke("score", str(EXAMPLE), "--format", "md", "--template", str(bad), "-o", str(target))
    assert code == 1 and "[template-error]" in err
    assert target.read_text(encoding="utf-8") == "the old report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.md", "bad.md.j2"] or sorted(
        p.name for p in tmp_path.iterdir()
    ) == ["bad.md.j2", "report.md"]


# --- structured fuzzing: the worked example, mutated the way people and tools break files ------

LIBRARY = yaml.safe_load((EXAMPLE / "library.yaml").read_text(encoding="utf-8"))
SELF = yaml.safe_load((EXAMPLE / "assessments" / "self.yaml").read_text(encoding="utf-8"))
VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**20),
    st.floats(allow_nan=True),
    st.text(max_size=12),
    st.sampled_from(["600㎡", "2.5万", "1,200", "８００", "85%", "是", "1e400"]),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(node, dict):
        for k, v in node.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += _paths(v, (*prefix, i))
    return out


def _mutate(doc: Any, data: st.DataObject) -> Any:
    doc = yaml.safe_load(yaml.safe_dump(doc, allow_unicode=True))
    for _ in range(data.draw(st.integers(1, 4))):
        paths = [p for p in _paths(doc) if p]
        path = data.draw(st.sampled_from(paths))
        parent = doc
        for part in path[:-1]:
            parent = parent[part]
        action = data.draw(st.sampled_from(["replace", "delete", "rename"]))
        if action == "replace":
            parent[path[-1]] = data.draw(VALUES)
        elif action == "delete" and isinstance(parent, dict):
            del parent[path[-1]]
        elif action == "rename" and isinstance(parent, dict):
            parent[str(path[-1]) + data.draw(st.sampled_from(["s", "_", "X"]))] = parent.pop(path[-1])
    return doc


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(st.data())
def test_mutated_example_loads_or_fails_cleanly(tmp_path_factory: Any, data: st.DataObject) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / "assessments").mkdir()
    (folder / "library.yaml").write_text(yaml.safe_dump(_mutate(LIBRARY, data), allow_unicode=True), encoding="utf-8")
    (folder / "assessments" / "self.yaml").write_text(
        yaml.safe_dump(_mutate(SELF, data), allow_unicode=True), encoding="utf-8"
    )
    try:
        loaded = load_library(folder, CACHE)
    except LibevalError as exc:
        assert exc.problems and all(p.file for p in exc.problems)
        return
    for model, _ in loaded.assessments.values():
        result = score(loaded.standard, loaded.library, model, "self")
        assert result.total >= 0
        for ind in result.indicators:
            assert ind.explanation.zh and ind.explanation.en


CACHE = StandardCache()


def test_an_interrupted_batch_says_how_far_it_got(tmp_path: Path) -> None:
    root = tmp_path / "many"
    for i in range(300):
        shutil.copytree(EXAMPLE, root / f"lib{i:03d}")
    # HTML reports make each library slow enough that the interrupt lands mid-batch on any machine
    proc = subprocess.Popen(
        [EXE, "score", str(root), "--jobs", "1", "--format", "json", "--reports-dir", str(tmp_path / "reports")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(1.5)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "interrupted after" in err and "of 300 libraries" in err and "Traceback" not in err
    assert out == ""
