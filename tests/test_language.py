"""Help and usage errors in the language of the run: Chinese under a zh locale or `--lang zh`,
English otherwise; every command's help text in both languages; typer's own texts checked
against typer's source so that an upgrade that rewords one is noticed."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from hypothesis import given
from hypothesis import strategies as st
from typer.main import get_command
from typer.testing import CliRunner

from libeval.cli import app
from libeval.text.click_messages import HEADINGS_ZH, OPTION_ERRORS
from libeval.text.help import HELP, METAVARS, startup_lang
from libeval.text.width import _pieces, columns, wrap

from conftest import EXAMPLE, ROOT

runner = CliRunner()
ZH = {"LANG": "zh_CN.UTF-8"}

# Latin words a Chinese help or usage error may hold: identifiers, values and names of formats and
# programs. Options (--format), file names (library.yaml) and codes (cn-2017-county) are taken out first.
COMMANDS = {"check", "score", "diff", "plan", "schema", "init", "import", "review", "criteria", "list", "show"}
ALLOWED = COMMANDS | {
    "zh", "en", "self", "JSON", "Schema", "Jinja2", "md", "html", "csv", "xlsx",
    "docx", "yaml", "json", "table", "text", "github", "standard", "library", "assessment", "province", "city",
    "county", "children", "server", "utf", "gbk", "BOM", "Excel",
}  # fmt: skip
_TAKEN_OUT = re.compile(
    r"NO_COLOR|LIBEVAL_LANG|libeval(?: [a-z]+)?|--?[a-z][\w-]*|\S+\.(?:yaml|xlsx|csv|docx)|\bcn-\d{4}-\w+"
    r"|yaml-language-server|\.\w+"
)


def english_words(text: str, also: set[str] = frozenset()) -> set[str]:  # type: ignore[assignment]
    words = set(re.findall(r"[A-Za-z][A-Za-z0-9_]{2,}", _TAKEN_OUT.sub(" ", text)))
    return {w for w in words if w not in ALLOWED | also}


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env=env, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def command_paths() -> list[str]:
    """Every command and sub-command, as typed after `libeval`."""
    paths: list[str] = []
    stack: list[tuple[str, object]] = [("", get_command(app))]
    while stack:
        path, cmd = stack.pop()
        paths.append(path)
        stack.extend((f"{path} {name}".strip(), sub) for name, sub in getattr(cmd, "commands", {}).items())
    return sorted(paths)


def test_the_language_is_picked_from_the_command_line_then_the_environment() -> None:
    assert startup_lang(["score", "x", "--lang", "zh"], {"LANG": "C"}) == "zh"
    assert startup_lang(["--lang=en", "score"], {"LANG": "zh_CN.UTF-8"}) == "en"
    assert startup_lang(["score", "x"], {"LANG": "zh_CN.UTF-8"}) == "zh"
    assert startup_lang(["score", "x"], {"LC_ALL": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"}) == "zh"
    assert startup_lang(["score", "x"], {"LANGUAGE": "zh_CN:en"}) == "zh"
    assert startup_lang(["score", "x"], {}) == "en"
    # not a language: the environment decides; after `--` it is an argument, not an option
    assert startup_lang(["score", "--lang", "fr"], {"LANG": "zh_CN.UTF-8"}) == "zh"
    assert startup_lang(["score", "--", "--lang", "zh"], {"LANG": "C"}) == "en"


def test_every_command_and_parameter_has_help_in_both_languages_and_no_entry_is_unused() -> None:
    wanted: set[str] = set()
    stack: list[tuple[str, object]] = [("", get_command(app))]
    while stack:
        path, cmd = stack.pop()
        wanted.add(path)
        for param in getattr(cmd, "params", []):
            name = param.opts[0] if param.param_type_name == "option" else param.name
            wanted.add(f"{path} {name}".strip())
        stack.extend((f"{path} {name}".strip(), sub) for name, sub in getattr(cmd, "commands", {}).items())
    assert set(HELP) == wanted
    assert set(METAVARS) <= wanted
    for key, text in HELP.items():
        assert text.zh and text.en, key
        assert not english_words(text.zh), (key, text.zh)


@pytest.mark.parametrize("path", command_paths())
def test_help_is_chinese_under_a_chinese_locale_and_english_otherwise(path: str) -> None:
    args = [*path.split(), "--help"]
    code, out, _ = run(*args, env=ZH)
    assert code == 0
    assert out.startswith("用法：libeval") and "选项：" in out and "显示本帮助并退出" in out
    assert HELP[path].zh.split("：")[0][:12].replace(" ", "") in out.replace("\n", "").replace(" ", "")
    assert not english_words(out), out
    assert all(columns(line) <= 80 for line in out.splitlines()), out
    assert run(*args, "--lang", "en", env=ZH)[1].startswith("Usage: libeval")
    assert run(*args, "--lang", "zh", env={"LANG": "C"})[1] == out
    assert run("--lang", "zh", *args, env={"LANG": "C"})[1] == out
    code, out, _ = run(*args, env={"LANG": "en_US.UTF-8"})
    assert out.startswith("Usage: libeval") and "Options:" in out
    assert HELP[path].en.split(":")[0][:20].replace(" ", "") in out.replace("\n", "").replace(" ", "")
    assert set(re.findall(r"[\u4e00-\u9fff]", out)) <= {c for t in HELP.values() for c in t.en}, out  # as quoted


def test_score_help_in_chinese_lines_up_in_terminal_columns() -> None:
    _, out, _ = run("score", "--help", env=ZH)
    assert "  -a, --assessment 评估           对哪一项评估计分（默认：self）\n" in out
    assert "\n  路径  图书馆目录（含 library.yaml），或包含多个图书馆目录的目录（必填）\n" in out
    assert "  -j, --jobs N                    多个图书馆时的进程数，默认为处理器核数（≥1）\n" in out


EX = str(EXAMPLE)
# (arguments, what the Chinese error says, what the English error says): every kind of usage error
USAGE_ERRORS = [
    (["score"], "缺少参数“路径”。", "Missing argument 'path'."),
    (["init", "x"], "缺少选项“--criteria”。", "Missing option '--criteria'."),
    (
        ["score", EX, "--format", "pdf"],
        "“--format”的值无效：“pdf”不是以下之一：“table”、“json”、“md”、",
        "'pdf' is not one of",
    ),
    (["score", EX, "--jobs", "0"], "“--jobs”或“-j”的值无效：应不小于 1。", "greater than or equal to 1"),
    (["score", EX, "--jobs", "x"], "“--jobs”或“-j”的值无效：应为整数。", "valid integer"),
    (["score", EX, "--fail-under", "lots"], "“--fail-under”的值无效：“lots”不是数。", "'lots' is not a number"),
    (["score", EX, "--detial"], "没有“--detial”选项。是否应为“--detail”？", "No such option: --detial"),
    (["score", EX, "--nonsense"], "没有“--nonsense”选项。", "No such option: --nonsense"),
    (["score", EX, "extra"], "多出了参数：extra。", "Got unexpected extra argument"),
    (["score", EX, "--assessment"], "选项“--assessment”后面须跟一个值。", "requires an argument"),
    (["score", EX, "--detail=yes"], "选项“--detail”不带值。", "does not take a value"),
    (["scor"], "没有“scor”命令。是否应为“score”？", "No such command 'scor'. Did you mean 'score'?"),
    (["criteria", "imprt"], "没有“imprt”命令。是否应为“import”？", "No such command 'imprt'"),
    (
        ["schema", "foo"],
        "“类型”的值无效：“foo”不是以下之一：“standard”、“library”、“assessment”。",
        "'foo' is not one of",
    ),
    (["score", EX, "--lang", "fr"], "“--lang”的值无效：“fr”不是以下之一：“zh”、“en”。", "'fr' is not one of"),
    (["criteria", "import", "t.csv", "-o", "x.yaml"], "缺少选项“--period”。", "Missing option '--period'."),
    (["criteria", "show", "x", "--depth", "0"], "“--depth”的值无效：应不小于 1。", "greater than or equal to 1"),
    # options that do not go together, found by the commands
    (
        ["score", EX, "--format", "github", "--detail"],
        "“--format”的值无效：github 注释不能与 --detail 或 --explain 同用。",
        "github annotations",
    ),
    (
        ["plan", EX, "--target", "五级"],
        "“--target”的值无效：没有“五级”这个等级（现有等级：一级、二级、三级）。",
        "no grade '五级'",
    ),
    (["diff", EX, EX, EX], "“路径”的值无效：请给出一个或两个图书馆目录。", "give one library folder or two"),
]


@pytest.mark.parametrize(("args", "zh", "en"), USAGE_ERRORS, ids=[" ".join(a[:1] + a[2:]) for a, _, _ in USAGE_ERRORS])
def test_usage_errors_are_chinese_under_a_chinese_locale(args: list[str], zh: str, en: str) -> None:
    code, out, err = run(*args, env=ZH)
    assert (code, out) == (2, "")
    assert f"错误：{zh}" in err
    typed = {"pdf", "lots", "detial", "nonsense", "extra", "scor", "imprt", "foo"}
    assert not english_words(err.replace(EX, ""), typed), err
    if not err.startswith("错误"):  # errors found while reading the options have no usage line
        assert err.startswith("用法：libeval") and "查看帮助。\n\n错误：" in err
    at = len([a for a in args[:2] if a in COMMANDS])  # `--lang zh` right after the command's name
    if "--lang" not in args:  # given twice, --lang is a usage error of its own (test_repeated_options)
        assert run(*args[:at], "--lang", "zh", *args[at:], env={"LANG": "C"}) == (code, out, err)
    code, _, err = run(*args, env={"LANG": "en_US.UTF-8"})
    assert code == 2 and "Error: " in err and en in err
    assert not re.search(r"[\u4e00-\u9fff]", re.sub("[一二三五]级", "", err)), err


def test_a_group_without_its_command_says_so() -> None:
    assert run("criteria", "--lang", "zh", env={"LANG": "C"})[2].endswith("\n\n错误：缺少命令。\n")
    assert run("criteria", "--lang", "en", env=ZH)[2].endswith("\n\nError: Missing command.\n")


def test_no_arguments_shows_the_help_in_the_language_of_the_run() -> None:
    code, _, err = run("criteria", env=ZH)
    assert code == 2 and err.startswith("用法：libeval criteria [选项] 命令 [参数]...") and "命令：" in err
    code, _, err = run("criteria", env={"LANG": "C"})
    assert code == 2 and err.startswith("Usage: libeval criteria [OPTIONS] COMMAND [ARGS]...")


def test_the_installed_command_answers_in_chinese() -> None:
    """The whole program as a librarian starts it (`libeval score` with no folder)."""
    for env, first in ((ZH, "用法：libeval score [选项] {路径}"), ({"LANG": "en_US.UTF-8"}, "Usage: libeval score")):
        done = subprocess.run(
            [Path(sys.executable).parent / "libeval", "score"], capture_output=True, text=True, env=env, check=False
        )
        assert done.returncode == 2 and done.stdout == ""
        assert done.stderr.startswith(first), done.stderr


def _typer_texts() -> set[str]:
    """Every text typer passes through gettext (`_("...")`), and its --help option's."""
    texts: set[str] = {"Show this message and exit."}
    source = Path(typer.__file__).parent / "core.py"
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "_" and node.args:
            arg = node.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                texts.add(arg.value)
    decorators = (Path(typer.__file__).parent / "_click" / "decorators.py").read_text(encoding="utf-8")
    assert 'help="Show this message and exit."' in decorators
    return texts


def test_every_translated_typer_text_is_still_one_of_typers() -> None:
    assert set(HEADINGS_ZH) <= _typer_texts()


def test_every_option_error_is_raised_somewhere() -> None:
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "src" / "libeval").rglob("*.py"))
    for key in OPTION_ERRORS:
        assert f'OPTION_ERRORS["{key}"]' in source, key


@given(st.text(alphabet="ab 中文，。（）“”-", max_size=60), st.integers(min_value=4, max_value=30))
def test_wrapping_keeps_every_character_and_the_width(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    for line in lines:
        assert columns(line) <= width or len(_pieces(line)) == 1, (lines, width)
