"""Tests that keep the house honest: every message code is produced by a test, every code the
source raises is in the catalogue, every rule kind has a scorer and rows in the rules table."""

from __future__ import annotations

import ast
import re
import typing
from functools import cache

import yaml

from libeval.models import Rule
from libeval.scoring.rules import SCORERS
from libeval.text.messages import CATALOGUE
from test_rules import RULE_CASES

from conftest import ROOT

SRC = ROOT / "src" / "libeval"
TESTS = ROOT / "tests"
CASES = TESTS / "cases"

# Codes that no case folder can reasonably produce, each with the test that does produce it.
ELSEWHERE = {
    # needs PyYAML built without libyaml
    "libyaml-missing": "test_yamlsrc.py::test_without_libyaml_the_python_parser_is_used_with_a_warning",
    # needs 100,001 values in one file: a 200 KB input, and its refusal is what the test bounds
    "too-many-nodes": "test_yamlsrc.py::test_too_many_values_are_refused_at_the_limit",
    # needs a file system that tells case apart: a case folder would pass on Linux only
    "evidence-case": "test_paths.py::test_a_name_in_other_case_is_named_where_case_matters",
    # needs a file held open by another program on Windows (the rename over it refused)
    "output-locked": "test_output_targets.py::test_a_file_open_in_excel_gives_one_line_and_stays_as_it_was",
}

# Codes in the catalogue that nothing in src/ raises, so that neither a case nor a test can
# produce them. Each is a gap in src/ to be closed there (wire the code up, or delete the entry);
# test_the_allow_lists_are_current fails as soon as one of them is raised, to ask for a case.
NEVER_RAISED: dict[str, str] = {}  # codes in the catalogue that nothing raises (each with the reason)

# How each problem-making call takes its code: the index of the positional argument.
# Helpers that forward a code to `problem` must be listed here, or the scan below fails.
CODE_ARGUMENT = {"problem": 2, "_fatal": 2, "add": 1, "warn": 1, "PydanticCustomError": 0}
# A helper of one file that takes its code elsewhere than CODE_ARGUMENT says: (file, helper) -> index.
CODE_ARGUMENT_IN = {("load/table_criteria.py", "add"): 2}  # _Reader.add(row, column, code, ...)
# Codes passed on in a variable that the source checks against CATALOGUE itself.
CHECKED_AT_RUNTIME = {("load/validation.py", "kind")}  # `elif kind in CATALOGUE:`

_MARKER = re.compile(r"\[([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\]")


@cache
def case_codes() -> dict[str, set[str]]:
    """Each `[code]` shown in the expected output of a case, with the cases that show it."""
    found: dict[str, set[str]] = {}
    for expected in sorted(CASES.glob("*/*/std*")):
        if expected.name in ("stdout", "stderr") and (expected.parent / "cmd").is_file():
            for code in _MARKER.findall(expected.read_text(encoding="utf-8")):
                found.setdefault(code, set()).add(expected.parent.name)
    return found


def _literals(arg: ast.expr) -> list[str] | None:
    """The codes an argument can be: a literal, or a choice between literals (`a if x else b`)."""
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        return [arg.value]
    if isinstance(arg, ast.IfExp):
        body, orelse = _literals(arg.body), _literals(arg.orelse)
        return body + orelse if body is not None and orelse is not None else None
    return None


def _callee(call: ast.Call) -> str:
    func = call.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _own_calls(func: ast.FunctionDef | ast.AsyncFunctionDef) -> list[ast.Call]:
    """The calls in a function's body, not those of the functions defined inside it (each of
    those is scanned with its own parameters)."""
    calls: list[ast.Call] = []
    stack: list[ast.AST] = list(func.body)
    while stack:
        node = stack.pop()
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            continue
        if isinstance(node, ast.Call):
            calls.append(node)
        stack.extend(ast.iter_child_nodes(node))
    return calls


@cache
def source_codes() -> tuple[dict[str, list[str]], list[str]]:
    """Every problem code written as a literal in src/ (with where), and every place a code is
    passed in a way this scan cannot read."""
    literal: dict[str, list[str]] = {}
    unread: list[str] = []
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        if rel == "text/messages.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for func in [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]:
            params = {a.arg for a in (*func.args.posonlyargs, *func.args.args, *func.args.kwonlyargs)}
            helper = func.name in CODE_ARGUMENT or (rel, func.name) in CODE_ARGUMENT_IN
            for call in _own_calls(func):
                name = _callee(call)
                arg: ast.expr | None = None
                if name == "Problem":
                    arg = next((k.value for k in call.keywords if k.arg == "code"), None)
                    if arg is None and len(call.args) > 4:
                        arg = call.args[4]
                    if arg is None:
                        unread.append(f"{rel}:{call.lineno}: Problem() with its default code")
                        continue
                else:
                    index = CODE_ARGUMENT_IN.get((rel, name), CODE_ARGUMENT.get(name))
                    if index is not None and len(call.args) > index:
                        arg = call.args[index]
                if arg is None:
                    continue
                where = f"{rel}:{call.lineno}"
                codes = _literals(arg)
                if codes is not None:
                    for code in codes:
                        literal.setdefault(code, []).append(where)
                elif isinstance(arg, ast.Name) and arg.id in params and helper:
                    continue  # a helper forwarding its own code argument; its callers are scanned
                elif not (isinstance(arg, ast.Name) and (rel, arg.id) in CHECKED_AT_RUNTIME):
                    unread.append(f"{where}: {name}() with code {ast.unparse(arg)}")
    return literal, unread


def test_every_catalogue_code_is_raised_by_a_case() -> None:
    missing = set(CATALOGUE) - set(case_codes()) - set(ELSEWHERE) - set(NEVER_RAISED)
    assert not missing, f"no case in tests/cases shows {sorted(missing)}: add one (see tests/test_cases.py)"


def test_the_allow_lists_are_current() -> None:
    literal, _ = source_codes()
    for code, test in ELSEWHERE.items():
        assert code in CATALOGUE and code in literal, code
        assert code not in case_codes(), f"{code} has a case now: drop it from ELSEWHERE"
        file, name = test.split("::")
        text = (TESTS / file).read_text(encoding="utf-8")
        assert f"def {name}(" in text and f'"{code}"' in text, f"{test} should produce {code}"
    for code in NEVER_RAISED:
        assert code in CATALOGUE, f"{code} left the catalogue: drop it from NEVER_RAISED"
        assert code not in literal, f"{code} is raised at {literal[code]} now: add a case, drop it from NEVER_RAISED"
        assert code not in case_codes(), code
    assert not set(ELSEWHERE) & set(NEVER_RAISED)


def test_every_code_in_the_source_is_in_the_catalogue() -> None:
    literal, unread = source_codes()
    unknown = {code: where for code, where in literal.items() if code not in CATALOGUE}
    assert not unknown, f"codes raised but not in text/messages.py CATALOGUE: {unknown}"
    assert not unread, "make these codes literals, or add the helper to CODE_ARGUMENT:\n" + "\n".join(unread)


def test_the_source_scan_sees_every_code_a_case_shows() -> None:
    """A check of the scan itself: a code a case shows but the scan did not find means a way of
    raising problems that CODE_ARGUMENT does not know."""
    literal, _ = source_codes()
    shown = {code for code in case_codes() if code in CATALOGUE}
    assert shown <= set(literal), sorted(shown - set(literal))
    assert len(literal) >= 80


def _kinds_in_models() -> set[str]:
    union, *_ = typing.get_args(Rule)  # Annotated[Tiers | Linear | ..., Field(discriminator="kind")]
    kinds: set[str] = set()
    for model in typing.get_args(union):
        kinds |= set(typing.get_args(model.model_fields["kind"].annotation))
    return kinds


def test_every_rule_kind_has_a_scorer_and_rows_in_the_rules_table() -> None:
    kinds = _kinds_in_models()
    assert len(kinds) >= 5
    assert kinds == set(SCORERS)
    table = {yaml.safe_load(rule)["kind"] for rule, *_ in RULE_CASES}
    assert kinds <= table, f"tests/test_rules.py RULE_CASES has no row for {sorted(kinds - table)}"
