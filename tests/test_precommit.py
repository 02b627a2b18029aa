"""The pre-commit hook run by pre-commit itself (issue 20, item 5), in a library's repository (a copy
of the worked example): the README's snippet as a user writes it in .pre-commit-config.yaml passes
on the example and blocks a misspelt key with the located message, and so does `pre-commit try-repo
<libeval> libeval-check --files ...`. And the README's snippet pins the release tag of this version.

pre-commit builds the hook's environment by installing libeval from the repository it is given, as
a user's pre-commit does from the tag. It is given a snapshot of this checkout's files as they are
now (committed, staged or not: a clean clone in CI and a working tree in development test the same
thing), committed once per test session with a fixed date and tagged with the README's `rev:`. The
snippet's runs share one hook environment, built once per session under a PRE_COMMIT_HOME in the
session's tmp; try-repo builds its own in a store of its own every time (pre-commit's design), so it
runs once. Skipped (with the reason) only where git, pre-commit or the network to install libeval's
dependencies cannot be had; CI (.ci/run) sets LIBEVAL_REQUIRE_PRECOMMIT=1, and there it fails."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
import time
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from libeval.cli import app

from conftest import EXAMPLE, ROOT

REQUIRED = os.environ.get("LIBEVAL_REQUIRE_PRECOMMIT") == "1"
GIT = shutil.which("git")
FIXED = {"GIT_AUTHOR_DATE": "2017-06-30T00:00:00Z", "GIT_COMMITTER_DATE": "2017-06-30T00:00:00Z"}
IDENTITY = ["-c", "user.name=libeval tests", "-c", "user.email=tests@libeval.invalid", "-c", "commit.gpgsign=false"]


def _skip(reason: str) -> None:
    if REQUIRED:
        pytest.fail(f"LIBEVAL_REQUIRE_PRECOMMIT=1 but {reason}")
    pytest.skip(reason)


def _git(*args: str, cwd: Path) -> str:
    assert GIT is not None
    env = {**os.environ, **FIXED}
    done = subprocess.run([GIT, *IDENTITY, *args], cwd=cwd, env=env, capture_output=True, text=True, check=True)
    return done.stdout


_NOT_SOURCE = {
    ".git",
    ".venv",
    "__pycache__",
    ".pytest_cache",
    ".mypy_cache",
    ".ruff_cache",
    ".hypothesis",
    "dist",
    "build",
    "out",
    "corpus",
}


def _checkout_files() -> list[str]:
    """The checkout's files as git sees them (tracked and new, less what .gitignore leaves out); in
    an unpacked source tree without .git, every file outside caches and virtual environments."""
    if (ROOT / ".git").exists():
        listed = _git("ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=ROOT)
        return [f for f in listed.split("\0") if f and (ROOT / f).is_file()]
    return [
        p.relative_to(ROOT).as_posix()
        for p in ROOT.rglob("*")
        if p.is_file() and not _NOT_SOURCE.intersection(p.relative_to(ROOT).parts)
    ]


class Hook:
    def __init__(self, repo: Path, rev: str, home: Path) -> None:
        self.repo, self.rev, self.home = repo, rev, home
        self.seconds: list[float] = []

    def try_repo(self, library: Path, *files: str) -> subprocess.CompletedProcess[str]:
        """`pre-commit try-repo <libeval> libeval-check --files ...`, the issue's command."""
        return self._pre_commit(
            library, "try-repo", str(self.repo), "libeval-check", "--ref", self.rev, "--files", *files
        )

    def run(self, library: Path, *files: str) -> subprocess.CompletedProcess[str]:
        """`pre-commit run --files ...` with the README's snippet as the library's config."""
        config = _readme_snippet().replace("<your copy of libeval>", self.repo.as_uri())
        (library / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
        _git("add", ".pre-commit-config.yaml", cwd=library)  # pre-commit refuses an unstaged config
        return self._pre_commit(library, "run", "--files", *files)

    def _pre_commit(self, library: Path, *args: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "PRE_COMMIT_HOME": str(self.home), "LIBEVAL_LANG": "en", "PYTHONUTF8": "1"}
        env.pop("PRE_COMMIT", None)
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "pre_commit", *args],
            cwd=library,
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
            check=False,
        )
        self.seconds.append(time.perf_counter() - start)
        return done


@pytest.fixture(scope="session")
def hook(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hook]:
    if GIT is None:
        _skip("git is not installed here")
    if importlib.util.find_spec("pre_commit") is None:
        _skip("pre-commit is not installed here (pip install '.[test]')")
    base = tmp_path_factory.mktemp("precommit")
    snapshot = base / "libeval"
    for name in _checkout_files():
        (snapshot / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, snapshot / name)
    _git("init", "-q", cwd=snapshot)
    _git("add", "-A", cwd=snapshot)
    _git("commit", "-q", "-m", "snapshot", cwd=snapshot)
    _git("tag", _readme_rev(), cwd=snapshot)  # the release the README pins, in this snapshot only
    rev = _git("rev-parse", "HEAD", cwd=snapshot).strip()
    hook = Hook(snapshot, rev, base / "home")
    yield hook
    print(f"\npre-commit runs: {', '.join(f'{s:.1f} s' for s in hook.seconds)}")


def _library(tmp_path: Path) -> Path:
    lib = tmp_path / "library"
    shutil.copytree(EXAMPLE, lib)
    _git("init", "-q", cwd=lib)
    _git("add", "-A", cwd=lib)
    return lib


def _built(done: subprocess.CompletedProcess[str]) -> None:
    """A hook environment that could not be built (no network for pip) is a skip, not a failure."""
    out = done.stdout + done.stderr
    if done.returncode and "An unexpected error has occurred" in out and "pip" in out:
        _skip("pre-commit could not install libeval's hook environment (no network?):\n" + out[-2000:])


FILES = ("library.yaml", "assessments/self.yaml", "assessments/prefecture.yaml")


def _misspell(lib: Path) -> str:
    """`population:` misspelt and staged (pre-commit checks what is staged): the message expected."""
    text = (lib / "library.yaml").read_text(encoding="utf-8")
    (lib / "library.yaml").write_text(text.replace("\npopulation:", "\npopulaton:"), encoding="utf-8")
    line = text[: text.index("\npopulation:")].count("\n") + 2
    _git("add", "library.yaml", cwd=lib)
    return f"library.yaml:{line}:1: error: unknown key 'populaton'"


def test_the_readme_snippet_passes_on_the_example_and_blocks_a_misspelt_key(hook: Hook, tmp_path: Path) -> None:
    lib = _library(tmp_path)
    done = hook.run(lib, *FILES)
    _built(done)
    assert done.returncode == 0, done.stdout + done.stderr
    assert re.search(r"libeval check\.+Passed", done.stdout), done.stdout
    expected = _misspell(lib)
    done = hook.run(lib, *FILES)  # the same hook environment: built once
    assert done.returncode == 1, done.stdout + done.stderr
    assert re.search(r"libeval check\.+Failed", done.stdout), done.stdout
    assert expected in done.stdout, done.stdout
    assert len(list((hook.home).glob("repo*"))) == 1


def test_try_repo_blocks_a_misspelt_key_with_its_place(hook: Hook, tmp_path: Path) -> None:
    lib = _library(tmp_path)
    expected = _misspell(lib)
    done = hook.try_repo(lib, *FILES)
    _built(done)
    assert done.returncode == 1, done.stdout + done.stderr
    assert re.search(r"libeval check\.+Failed", done.stdout), done.stdout
    assert expected in done.stdout, done.stdout


# --- the README's pin -------------------------------------------------------------------------------


def _readme_snippet() -> str:
    """The README's .pre-commit-config.yaml snippet, as written there."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(r"```yaml\n(repos:\n.*?)```", readme, re.DOTALL)
    assert found, "the README has no pre-commit snippet"
    return found.group(1)


def _readme_rev() -> str:
    found = re.search(r"^\s*rev:\s*(\S+)", _readme_snippet(), re.MULTILINE)
    assert found, "the README's pre-commit snippet has no rev:"
    return found.group(1)


def test_the_readme_pins_the_release_tag_of_this_version() -> None:
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert _readme_rev() == f"v{version}"
    r = CliRunner().invoke(app, ["--version"])
    assert r.stdout == f"libeval {version}\n"
    assert "pre-commit autoupdate" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_pinned_tag_exists_where_the_checkout_has_tags() -> None:
    if GIT is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: no tags to look at")
    tags = _git("tag", "--list", cwd=ROOT).split()
    if not tags:
        pytest.skip("this checkout has no tags at all (a shallow or tagless clone)")
    assert _readme_rev() in tags, f"README pins {_readme_rev()}, tags: {tags}"
