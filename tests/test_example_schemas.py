"""The worked example binds its files to the schemas committed beside it
(examples/jinghe-2017/.libeval/*.schema.json), so an editor validates it wherever it is opened;
they must be what `libeval schema` writes today."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from libeval.cli import app

from conftest import EXAMPLE


@pytest.mark.parametrize("kind", ["library", "assessment"])
def test_the_example_s_schemas_are_current(kind: str) -> None:
    committed = EXAMPLE / ".libeval" / f"{kind}.schema.json"
    result = CliRunner().invoke(app, ["schema", kind, "--criteria", "cn-2017-county"])
    assert result.exit_code == 0, result.stderr
    regenerate = (
        f"stale: regenerate with `libeval schema {kind} --criteria cn-2017-county "
        f"-o examples/jinghe-2017/.libeval/{kind}.schema.json`"
    )
    assert committed.read_text(encoding="utf-8") == result.stdout, regenerate


def test_the_example_s_files_are_bound() -> None:
    files = {"library.yaml": ".libeval/", "assessments/self.yaml": "../.libeval/"}
    files["assessments/prefecture.yaml"] = "../.libeval/"
    for name, where in files.items():
        first = (EXAMPLE / name).read_text(encoding="utf-8").splitlines()[0]
        kind = "library" if name == "library.yaml" else "assessment"
        assert first == f"# yaml-language-server: $schema={where}{kind}.schema.json", name
