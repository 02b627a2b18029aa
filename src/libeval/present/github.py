"""GitHub Actions workflow commands: problems as annotations on the changed lines."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from libeval.errors import Problem
from libeval.models.result import Result
from libeval.present.completeness import grade_name, notice
from libeval.text.labels import colon, label
from libeval.text.numbers import points
from libeval.text.safe import terminal_text


def _data(text: str) -> str:
    """A workflow command's value: control characters shown escaped, line breaks encoded (a
    new line would start a command of its own)."""
    return terminal_text(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(
    level: str, message: str, file: str | None = None, line: int = 0, col: int = 0, title: str = "libeval"
) -> str:
    props = []
    if file:
        props.append(f"file={_prop(file)}")
        if line:
            props.append(f"line={line}")
            props.append(f"col={col or 1}")
    props.append(f"title={_prop(title)}")
    return f"::{level} {','.join(props)}::{_data(message)}"


_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}  # GitHub's annotation levels


def workflow_commands(problems: Iterable[Problem], lang: str) -> str:
    """One workflow command per problem (`::error file=…,line=…,col=…::message`)."""
    return "".join(
        annotation(_LEVEL[p.severity], f"{p.message(lang)} [{p.code}]", p.file, p.line, p.col, f"libeval {p.code}")
        + "\n"
        for p in sorted(problems)
    )


def incomplete_notice(result: Result, lang: str) -> str:
    """A warning that the result is incomplete (it comes first), or nothing."""
    warn = notice(result.completeness, lang)
    name = result.library_en if lang == "en" and result.library_en else result.library
    return annotation("warning", f"{name}{colon(lang)}{warn}") + "\n" if warn else ""


def score_notice(result: Result, lang: str, gate: Decimal | None) -> str:
    """A notice with the total and grade; an error when the total is under the gate."""
    name = result.library_en if lang == "en" and result.library_en else result.library
    grade = grade_name(result, lang)
    out = annotation(
        "notice", f"{name}{colon(lang)}{label('total', lang)} {points(result.total)} / {points(result.max)} · {grade}"
    )
    out += "\n"
    if gate is not None and result.total < gate:
        out += annotation("error", f"{points(result.total)} < --fail-under {points(gate)}") + "\n"
    return out
