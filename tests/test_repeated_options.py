"""An option that takes one value, given twice, is a usage error for every command (issue 21: `--to`
or `-a` twice silently used the last). The options are read from the click command objects, so a
command or option added later is covered without touching this file."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from libeval.cli import app

from conftest import EXAMPLE

runner = CliRunner()


Command = typer.core.TyperCommand | typer.core.TyperGroup


def _commands(cmd: Command, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    yield path, cmd
    if isinstance(cmd, typer.core.TyperGroup):
        for name, sub in sorted(cmd.commands.items()):
            yield from _commands(sub, (*path, name))  # type: ignore[arg-type]


def _options(single: bool) -> list[tuple[tuple[str, ...], typer.core.TyperOption]]:
    out = []
    for path, cmd in _commands(typer.main.get_command(app)):  # type: ignore[arg-type]
        for param in cmd.params:
            if not isinstance(param, typer.core.TyperOption) or param.hidden:
                continue
            takes_value = not (param.is_flag or param.multiple or param.count)
            if takes_value == single:
                out.append((path, param))
    return out


SINGLE = _options(single=True)
FLAGS = _options(single=False)


def _id(case: tuple[tuple[str, ...], typer.core.TyperOption]) -> str:
    return " ".join((*case[0], case[1].opts[0])) or "libeval"


def test_the_generated_lists_are_not_empty() -> None:
    found = {" ".join((*p, o.opts[0])) for p, o in SINGLE}
    assert {"diff --to", "diff --from", "score --assessment", "plan --assessment", "--lang"} <= found
    assert len({p for p, _ in SINGLE}) >= 10  # every command with a value option


@pytest.mark.parametrize("case", SINGLE, ids=_id)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_single_value_option_given_twice_is_a_usage_error(
    case: tuple[tuple[str, ...], typer.core.TyperOption], lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, option = case
    monkeypatch.setenv("LIBEVAL_LANG", lang)
    spelled = option.opts[-1]  # the short spelling where there is one: `-a x -a y`
    args = [*path, spelled, "x", option.opts[0], "y"]
    result = runner.invoke(app, args, catch_exceptions=False)
    assert result.exit_code == 2, (args, result.stdout, result.stderr)
    names = " / ".join(repr(o) for o in option.opts)
    if lang == "en":
        assert f"Error: Option {names} can be given only once." in result.stderr
    else:
        zh_names = "或".join(f"“{o}”" for o in option.opts)
        assert f"错误：选项{zh_names}只能给一次。" in result.stderr
        assert "Option" not in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("case", FLAGS, ids=_id)
def test_a_flag_given_twice_is_still_the_flag(case: tuple[tuple[str, ...], typer.core.TyperOption]) -> None:
    """A flag says the same thing twice; only where a value could be lost is it refused."""
    path, option = case
    result = runner.invoke(app, [*path, option.opts[0], option.opts[0], "--help"], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr


def test_once_each_is_fine_and_the_value_is_used() -> None:
    args = ["diff", str(EXAMPLE), "--from", "self", "--to", "prefecture", "--format", "json"]
    result = runner.invoke(app, args, catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    assert '"assessment": "prefecture"' in result.stdout
    twice = runner.invoke(app, [*args, "--to", "self"], catch_exceptions=False)
    assert twice.exit_code == 2 and twice.stdout == ""
