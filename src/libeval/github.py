"""GitHub Actions workflow commands: problems as annotations on the changed lines."""

from __future__ import annotations

from collections.abc import Iterable

from libeval.errors import Problem


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


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


def workflow_commands(problems: Iterable[Problem], lang: str) -> str:
    """One workflow command per problem (`::error file=…,line=…,col=…::message`)."""
    return "".join(
        annotation(p.severity, f"{p.message(lang)} [{p.code}]", p.file, p.line, p.col, f"libeval {p.code}") + "\n"
        for p in sorted(problems)
    )
