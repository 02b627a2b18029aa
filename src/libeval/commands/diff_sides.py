"""Which two assessments `libeval diff` compares, from one or two library folders."""

from __future__ import annotations

from libeval.analysis.diff import Side
from libeval.errors import LibevalError, problem
from libeval.load.folders import LibraryFolder
from libeval.scoring.standard import Standard


def _side(folder: LibraryFolder, name: str, label: str) -> Side:
    return Side(folder.library, folder.assessment(name), name, label)


def latest_other(folder: LibraryFolder, than: str) -> str | None:
    """The latest assessment by date other than `than` (ties: by name)."""
    others = [(a.date, n) for n, (a, _) in folder.assessments.items() if n != than]
    return max(others)[1] if others else None


def choose_sides(folders: list[LibraryFolder], from_: str | None, to: str | None) -> tuple[Standard, Side, Side]:
    if len(folders) == 1:
        (folder,) = folders
        a_name = from_ or "self"
        b_name = to or latest_other(folder, a_name)
        if b_name is None:
            raise LibevalError(
                [
                    problem(
                        str(folder.path),
                        None,
                        "nothing-to-compare",
                        path=str(folder.path),
                        known=", ".join(folder.assessments) or "-",
                    )
                ]
            )
        return folder.standard, _side(folder, a_name, a_name), _side(folder, b_name, b_name)
    fa, fb = folders
    if fa.standard.id != fb.standard.id:
        raise LibevalError([problem(str(fb.path), None, "criteria-mismatch", a=fa.standard.id, b=fb.standard.id)])
    a_name, b_name = from_ or "self", to or "self"
    return (fa.standard, _side(fa, a_name, f"{fa.path.name}:{a_name}"), _side(fb, b_name, f"{fb.path.name}:{b_name}"))
