"""The schemas in the real editor: yaml-language-server 1.25.0 (what VS Code's YAML extension runs)
over stdio, on the scaffold, the worked example and the cases `check` is held to.

Skipped only where node or the server cannot be had (tests/yamlls.py says how it is found); CI
installs both and sets LIBEVAL_REQUIRE_YAMLLS=1, so there it cannot skip.
"""

from __future__ import annotations

import copy
import json
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from libeval.cli import app
from test_schema_grammar import ASSESSMENT_CASES, LIBRARY_CASES, Data, _lib
from yamlls import Server, server_path

from conftest import EXAMPLE

SERVER, WHY = server_path()
if SERVER is None and os.environ.get("LIBEVAL_REQUIRE_YAMLLS") != "1":
    pytest.skip(WHY, allow_module_level=True)


def _schema(*args: str) -> str:
    result = CliRunner().invoke(app, ["schema", *args])
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workspace: the generic and the standard's schemas, the worked example, a scaffold."""
    root = tmp_path_factory.mktemp("editor")
    (root / "generic").mkdir()
    (root / "generic" / "library.schema.json").write_text(_schema("library"), encoding="utf-8")
    shutil.copytree(EXAMPLE, root / "jinghe")
    assert CliRunner().invoke(app, ["init", str(root / "scaffold"), "--criteria", "cn-2017-county"]).exit_code == 0
    return root


@pytest.fixture(scope="module")
def server(work: Path) -> Iterator[Server]:
    assert SERVER is not None, WHY
    running = Server(SERVER, work)
    yield running
    running.close()


def _at(text: str, word: str, offset: int = 0) -> tuple[int, int]:
    """(line, column) of the first `word` in text, 0-based as LSP counts."""
    for n, line in enumerate(text.splitlines()):
        if word in line:
            return n, line.index(word) + offset
    raise AssertionError(f"{word} not in the text")


def _errors(diagnostics: list[dict[str, Any]]) -> list[tuple[int, str]]:
    return [(d["range"]["start"]["line"], d["message"]) for d in diagnostics]


def test_the_worked_example_bound_to_the_generic_schema(server: Server, work: Path) -> None:
    lib = work / "jinghe" / "library.yaml"
    text = "# yaml-language-server: $schema=../generic/library.schema.json\n" + lib.read_text(encoding="utf-8")
    assert server.open(lib, text) == []
    bad = text.replace("floor_area: {value: 600,", "floor_area: {value: about 600,")
    bad = bad.replace("population: 140000", "population: lots")
    errors = _errors(server.open(lib, bad))
    assert [line for line, _ in errors] == [_at(bad, "population: lots")[0], _at(bad, "about 600")[0]]
    assert all("无法读作数值" in message and "not a number" in message for _, message in errors), errors
    fine = text.replace("population: 140000", 'population: "140,000"')
    assert server.open(lib, fine) == []


def test_the_worked_example_with_its_own_binding(server: Server, work: Path) -> None:
    """The example's files carry modelines to the schemas committed beside them."""
    lib = work / "jinghe" / "library.yaml"
    text = lib.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=.libeval/library.schema.json\n")
    assert server.open(lib, text) == []
    assert "建筑面积" in server.hover(lib, *_at(text, "floor_area", 2))
    assert "Floor area" in server.hover(lib, *_at(text, "floor_area", 2))
    for name in ("self", "prefecture"):
        path = work / "jinghe" / "assessments" / f"{name}.yaml"
        assert server.open(path, path.read_text(encoding="utf-8")) == [], name


def _yaml(data: Data, modeline: str) -> str:
    return f"# yaml-language-server: $schema={modeline}\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@pytest.mark.parametrize(("written", "edit", "accepted"), LIBRARY_CASES, ids=[c[0] for c in LIBRARY_CASES])
def test_the_editor_accepts_a_library_exactly_when_check_does(
    server: Server, work: Path, written: str, edit: Callable[[Data], None], accepted: bool
) -> None:
    """`accepted` is what check says (tests/test_schema_grammar.py holds check to it)."""
    path = work / "jinghe" / "case.yaml"
    diagnostics = server.open(path, _yaml(_lib(edit), ".libeval/library.schema.json"))
    assert (diagnostics == []) is accepted, (written, _errors(diagnostics))


@pytest.mark.parametrize(("written", "data", "accepted"), ASSESSMENT_CASES, ids=[c[0] for c in ASSESSMENT_CASES])
def test_the_editor_accepts_an_assessment_exactly_when_check_does(
    server: Server, work: Path, written: str, data: Data, accepted: bool
) -> None:
    path = work / "jinghe" / "assessments" / "case.yaml"
    diagnostics = server.open(path, _yaml(data, "../.libeval/assessment.schema.json"))
    assert (diagnostics == []) is accepted, (written, _errors(diagnostics))


def test_the_scaffold(server: Server, work: Path) -> None:
    lib = work / "scaffold" / "library.yaml"
    text = lib.read_text(encoding="utf-8")
    assert server.open(lib, text) == []
    assert "建筑面积" in server.hover(lib, *_at(text, "  floor_area:", 3))
    hover = server.hover(lib, *_at(text, "  annual_loans:", 3))
    assert "年文献外借量" in hover and "按年填写" in hover and "年均" in hover and "per year" in hover
    path = work / "scaffold" / "assessments" / "self.yaml"
    assert server.open(path, path.read_text(encoding="utf-8")) == []


def test_completion_of_fact_keys_and_indicator_codes(server: Server, work: Path) -> None:
    new = work / "scaffold" / "new.yaml"
    server.open(new, "# yaml-language-server: $schema=.libeval/library.schema.json\nfacts:\n  flo")
    assert "floor_area" in server.complete(new, 2, 5)
    server.open(new, "# yaml-language-server: $schema=.libeval/library.schema.json\nfacts:\n  ")
    facts = server.complete(new, 2, 2)
    assert {"floor_area", "annual_loans", "free_opening"} <= set(facts) and len(facts) > 40
    award = work / "scaffold" / "assessments" / "new.yaml"
    server.open(award, "# yaml-language-server: $schema=../.libeval/assessment.schema.json\njudged:\n  ")
    codes = server.complete(award, 2, 2)
    assert {"1.2.1", "3.4.2"} <= set(codes) and "1.1.1" not in codes  # 1.1.1 is scored by rule
    text = '# yaml-language-server: $schema=../.libeval/assessment.schema.json\njudged:\n  "1.2.1": {level: 好}\n'
    server.open(award, text)
    assert {"好", "中", "差"} <= set(server.complete(award, 2, 20))
    hover = server.hover(award, *_at(text, "level", 1))
    assert "好 20 分 / 中 12 分 / 差 5 分" in hover and "县级" not in hover and "county" not in hover
    hover = server.hover(award, *_at(text, '"1.2.1"', 2))
    assert "总分馆制建设" in hover and "满分 20 分" in hover


def test_the_settings_binding_from_a_parent_workspace(work: Path) -> None:
    """The README's settings.json: one schema at the workspace's root, every library below it."""
    assert SERVER is not None
    parent = work / "parent"
    shutil.copytree(EXAMPLE, parent / "libraries" / "jinghe")
    (parent / ".libeval").mkdir()
    for kind in ("library", "assessment"):
        schema = _schema(kind, "--criteria", "cn-2017-county")
        (parent / ".libeval" / f"{kind}.schema.json").write_text(schema, encoding="utf-8")
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    block = next(b for b in readme.split("```json\n")[1:] if "yaml.schemas" in b.split("```")[0])
    settings = json.loads(block.split("```", 1)[0])["yaml.schemas"]
    running = Server(SERVER, parent)
    try:
        running.configure(settings)
        lib = parent / "libraries" / "jinghe" / "library.yaml"
        text = "\n".join(lib.read_text(encoding="utf-8").splitlines()[1:])  # without its modeline
        assert running.open(lib, text) == []
        assert "建筑面积" in running.hover(lib, *_at(text, "floor_area", 2))
        bad = copy.copy(text).replace("floor_area: {", "floor_aera: {")
        assert any("floor_aera" in m for _, m in _errors(running.open(lib, bad)))
        asmt = parent / "libraries" / "jinghe" / "assessments" / "self.yaml"
        text = "\n".join(asmt.read_text(encoding="utf-8").splitlines()[1:])
        bad = text.replace('"1.2.1": {level: 中,', '"1.2.1": {level: county,')
        assert _errors(running.open(asmt, bad)) != []
    finally:
        running.close()


def test_the_server_is_the_pinned_one() -> None:
    assert SERVER is not None
    package = SERVER.resolve().parents[1] / "package.json"
    if package.exists():
        assert json.loads(package.read_text(encoding="utf-8"))["version"] == "1.25.0"
