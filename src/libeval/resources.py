"""Where the bundled standards and templates are: inside the wheel, or in the checkout."""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path


@functools.lru_cache(maxsize=4)
def _data_dir(name: str) -> Path:
    packaged = Path(str(resources.files("libeval"))).resolve() / "_data" / name
    if packaged.is_dir():
        return packaged
    # running from a checkout (editable install or tests): the top-level folder
    return Path(__file__).resolve().parents[2] / name


def criteria_dir() -> Path:
    return _data_dir("criteria")


def templates_dir() -> Path:
    return _data_dir("templates")


@functools.lru_cache(maxsize=1)
def bundled_criteria() -> dict[str, Path]:
    """Bundled standards by id (the file name without .yaml)."""
    folder = criteria_dir()
    if not folder.is_dir():
        return {}
    return {p.stem: p for p in sorted(folder.glob("*.yaml"))}
