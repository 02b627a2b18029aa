"""The CI examples of docs/ci run as a user's CI would run them (issue 20, item 6): every command
line of the GitLab job's `script:` and of the GitHub workflow's steps, in bash, in a fake CI
environment, on a copy of the worked example made a library's repository. Install lines are the
one thing not run verbatim: `pip install "$LIBEVAL_SOURCE"` becomes `command -v libeval` against
the libeval this test session runs (its scripts folder first on PATH), so what is proven is the
example's commands against this checkout's code, not an install from the network. Also here:
`check --output`, and that every command that prints a format can write it to a file."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import typer
import yaml
from typer.testing import CliRunner

from libeval.cli import app

from conftest import EXAMPLE, ROOT
from helpers import BIN, action_steps, run_action

DOCS_CI = ROOT / "docs" / "ci"
INSTALL = re.compile(r"^python -m pip install\b")


def _repo(tmp_path: Path) -> Path:
    """A library's repository: the worked example at its root."""
    repo = tmp_path / "repo"
    shutil.copytree(EXAMPLE, repo)
    return repo


# --- GitLab ----------------------------------------------------------------------------------------


def _gitlab_job() -> dict[str, Any]:
    doc = yaml.safe_load((DOCS_CI / "gitlab-ci.yml").read_text(encoding="utf-8"))
    (job,) = doc.values()
    return dict(job)


def _gitlab_script() -> str:
    """The job's script lines as the runner runs them: one bash, stopping at the first line that
    fails (`set -eo pipefail`), each line echoed first as GitLab's log shows it."""
    lines = []
    for line in _gitlab_job()["script"]:
        assert isinstance(line, str), line
        run = "command -v libeval" if INSTALL.match(line) else line
        lines += [f"echo {_quote('$ ' + line)}", run]
    return "set -eo pipefail\n" + "\n".join(lines) + "\n"


def _line_of(text: str, start: str) -> int:
    """The 1-based line of the one line that starts with `start` (where the planted mistake is)."""
    rows = [n for n, line in enumerate(text.splitlines(), 1) if line.startswith(start)]
    assert len(rows) == 1, rows
    return rows[0]


def _quote(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"


def _run_gitlab(repo: Path, **variables: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LIBEVAL_", "GITLAB_", "CI_")) and k != "CI"}
    env |= {"PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}", "CI": "true", "GITLAB_CI": "true"}
    env |= {"CI_PROJECT_DIR": str(repo), "CI_JOB_NAME": "evaluate"}
    env |= {k: str(v) for k, v in _gitlab_job()["variables"].items()} | variables
    return subprocess.run(
        ["bash", "-c", _gitlab_script()], env=env, cwd=repo, capture_output=True, text=True, timeout=300, check=False
    )


def test_the_gitlab_job_evaluates_the_example(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    job = _run_gitlab(repo, LIBEVAL_SOURCE="tools/libeval-0.1.0-py3-none-any.whl")
    assert job.returncode == 0, job.stdout + job.stderr
    assert json.loads((repo / "libeval-problems.json").read_text(encoding="utf-8")) == {"problems": []}
    report = (repo / "libeval-report" / "report.md").read_text(encoding="utf-8")
    assert report.startswith("# 精河县图书馆 · 评估定级自评报告")
    assert "<html" in (repo / "libeval-report" / "report.html").read_text(encoding="utf-8")
    # every artifact path the job declares is there for the upload
    for path in _gitlab_job()["artifacts"]["paths"]:
        assert (repo / path).exists(), path
    assert "$ libeval score . --fail-under" in job.stdout and "832" in job.stdout


@pytest.mark.parametrize("source", [None, ""])
def test_the_gitlab_job_stops_at_once_without_a_source(tmp_path: Path, source: str | None) -> None:
    repo = _repo(tmp_path)
    job = _run_gitlab(repo) if source is None else _run_gitlab(repo, LIBEVAL_SOURCE=source)
    assert job.returncode != 0
    assert "LIBEVAL_SOURCE: is not set: set it to a libeval wheel, a path or a git URL" in job.stderr
    assert "pip install" not in job.stdout  # nothing after the first line ran
    assert not (repo / "libeval-problems.json").exists()


def test_the_gitlab_job_fails_on_a_problem_and_keeps_the_problems_file(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    text = (repo / "library.yaml").read_text(encoding="utf-8").replace("  floor_area: {", "  floor_aera: {")
    (repo / "library.yaml").write_text(text, encoding="utf-8")
    job = _run_gitlab(repo, LIBEVAL_SOURCE="libeval.whl", LIBEVAL_LANG="en")
    assert job.returncode == 1
    (found,) = json.loads((repo / "libeval-problems.json").read_text(encoding="utf-8"))["problems"]
    row = _line_of(text, "  floor_aera:")
    assert (found["file"], found["line"], found["col"], found["code"]) == ("library.yaml", row, 3, "unknown-fact")
    assert f"library.yaml:{row}:3: error: unknown fact 'floor_aera'" in job.stderr  # the log says it too
    assert not (repo / "libeval-report").exists()


def test_the_gitlab_job_fails_under_the_gate(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    job = _run_gitlab(repo, LIBEVAL_SOURCE="libeval.whl", LIBEVAL_FAIL_UNDER="900", LIBEVAL_LANG="zh")
    assert job.returncode == 1
    assert (repo / "libeval-report" / "report.html").is_file()  # the reports are still uploaded
    assert job.stderr == "总分 832 分，低于 --fail-under 900 分\n"  # the log says why the job failed


def test_the_gate_says_why_it_fails(tmp_path: Path) -> None:
    code, _, err = invoke("score", str(EXAMPLE), "--fail-under", "832.5", "--lang", "en")
    assert (code, err) == (1, "total 832 < --fail-under 832.5\n")
    assert invoke("score", str(EXAMPLE), "--fail-under", "832", "--lang", "en")[:3:2] == (0, "")
    shutil.copytree(EXAMPLE, tmp_path / "a")
    shutil.copytree(EXAMPLE, tmp_path / "b")
    code, _, err = invoke("score", str(tmp_path), "--fail-under", "900", "--lang", "zh")
    assert (code, err) == (1, "2 个图书馆的总分低于 --fail-under 900 分\n")


# --- GitHub ----------------------------------------------------------------------------------------


def test_the_github_workflow_runs_its_steps(tmp_path: Path) -> None:
    """The workflow's steps in order: checkout (the copy is the checkout), the libeval Action with
    the workflow's `with:` inputs (its shell steps, test_ci runs them the same way), any `run:` step
    verbatim in bash; upload-artifact finds what its `path:` names."""
    repo = _repo(tmp_path)
    scratch = tmp_path / "runner"
    scratch.mkdir()
    (job,) = yaml.safe_load((DOCS_CI / "github-workflow.yml").read_text(encoding="utf-8"))["jobs"].values()
    ran = []
    for step in job["steps"]:
        uses = str(step.get("uses", ""))
        if "run" in step:
            proc = subprocess.run(
                ["bash", "-c", step["run"]],
                env={**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}", "CI": "true"},
                cwd=repo,
                capture_output=True,
                text=True,
                timeout=180,
                check=False,
            )
            assert proc.returncode == 0, proc.stdout + proc.stderr
            ran.append("run")
        elif uses.split("@")[0].endswith("/libeval"):
            inputs = {k: str(v) for k, v in step["with"].items()}
            assert set(inputs) <= set(yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))["inputs"])
            code, logs, summary, output = run_action(repo, scratch, inputs)
            assert code == 0, logs
            assert "::notice title=libeval::精河县图书馆：总分 832 / 1000 · 三级" in logs
            assert summary.startswith("# 精河县图书馆 · 评估定级自评报告") and "total=832\n" in output
            ran.append("libeval")
        elif uses.startswith("actions/upload-artifact"):
            assert (repo / step["with"]["path"]).is_dir()
            assert sorted(p.name for p in (repo / step["with"]["path"]).iterdir()) == [
                "report.html",
                "report.md",
                "result.json",
            ]
            ran.append("upload")
        else:
            assert uses.startswith("actions/checkout"), uses
    assert "libeval" in ran and "upload" in ran
    assert len(action_steps({})) >= 2


# --- check --output ---------------------------------------------------------------------------------


def invoke(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    r = CliRunner().invoke(app, list(args), catch_exceptions=False, env=env)
    return r.exit_code, r.stdout, r.stderr


def _broken(tmp_path: Path) -> Path:
    lib = _repo(tmp_path)
    text = (lib / "library.yaml").read_text(encoding="utf-8").replace("  floor_area: {", "  floor_aera: {")
    (lib / "library.yaml").write_text(text, encoding="utf-8")
    return lib


def test_check_output_text_is_the_problem_lines_uncoloured_and_still_on_stderr(tmp_path: Path) -> None:
    lib = _broken(tmp_path)
    out = tmp_path / "problems.txt"
    code, stdout, err = invoke("check", str(lib), "-o", str(out), "--lang", "en", env={"FORCE_COLOR": "1"})
    row = _line_of((lib / "library.yaml").read_text(encoding="utf-8"), "  floor_aera:")
    line = f"{lib}/library.yaml:{row}:3: error: unknown fact 'floor_aera'; did you mean 'floor_area'? [unknown-fact]\n"
    assert code == 1 and stdout == ""
    assert out.read_text(encoding="utf-8") == line  # no colour codes in a file
    assert "\x1b[" in err and "floor_aera" in err  # the terminal's copy is coloured as before
    code, _, err = invoke("check", str(EXAMPLE), "--output", str(out))
    assert (code, err, out.read_text(encoding="utf-8")) == (0, "", "")  # nothing to say: an empty file


@pytest.mark.parametrize("fmt", ["json", "github"])
def test_check_output_writes_the_format_and_keeps_the_exit_code(tmp_path: Path, fmt: str) -> None:
    lib = _broken(tmp_path)
    out = tmp_path / f"problems.{fmt}"
    code, stdout, err = invoke("check", str(lib), "--format", fmt, "--output", str(out), "--lang", "en")
    assert (code, stdout, err) == (1, "", "")
    code, expected, _ = invoke("check", str(lib), "--format", fmt, "--lang", "en")
    assert code == 1 and out.read_text(encoding="utf-8") == expected
    code, stdout, _ = invoke("check", str(lib), "--format", fmt, "-o", "-", "--lang", "en")
    assert (code, stdout) == (1, expected)


def test_check_output_never_writes_over_what_it_checks(tmp_path: Path) -> None:
    lib = _broken(tmp_path)  # its standard in the folder: the bundled one must not be the one at risk
    shutil.copy(ROOT / "criteria" / "cn-2017-county.yaml", lib / "standard.yaml")
    text = (
        (lib / "library.yaml")
        .read_text(encoding="utf-8")
        .replace("criteria: cn-2017-county", "criteria: standard.yaml")
    )
    (lib / "library.yaml").write_text(text, encoding="utf-8")
    other = tmp_path / "other.yaml"
    shutil.copy(lib / "standard.yaml", other)
    for target in (lib / "library.yaml", lib / "assessments" / "self.yaml", lib / "standard.yaml", other):
        before = target.read_bytes()
        code, _, err = invoke("check", str(lib), str(other), "--format", "json", "-o", str(target), "--lang", "en")
        assert code == 1 and "[output-is-input]" in err, target
        assert target.read_bytes() == before


def _commands(group: Any, prefix: str = "") -> list[tuple[str, Any]]:
    """Every command under a (typer's click) group, by its full name."""
    found = []
    for name, cmd in group.commands.items():
        if hasattr(cmd, "commands"):
            found += _commands(cmd, f"{prefix}{name} ")
        else:
            found.append((prefix + name, cmd))
    return found


def test_every_command_that_prints_a_format_can_write_it_to_a_file() -> None:
    root = typer.main.get_command(app)
    options = {name: {opt for p in cmd.params for opt in p.opts} for name, cmd in _commands(root)}
    with_format = {name: opts for name, opts in options.items() if "--format" in opts}
    assert sorted(with_format) == ["check", "criteria diff", "diff", "plan", "score"]
    for name, opts in with_format.items():
        assert {"--output", "-o"} <= opts, name
