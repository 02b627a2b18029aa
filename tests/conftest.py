from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
EXAMPLE = ROOT / "examples" / "jinghe-2017"
# LibreOffice, the spreadsheet program the sheet tests run; CI installs it and sets
# LIBEVAL_REQUIRE_SOFFICE=1, so there a missing soffice fails instead of skipping
needs_soffice = pytest.mark.skipif(
    shutil.which("soffice") is None and os.environ.get("LIBEVAL_REQUIRE_SOFFICE") != "1",
    reason="LibreOffice (soffice) is not installed here",
)
STANDARD = ROOT / "criteria" / "cn-2017-county.yaml"


@pytest.fixture(autouse=True)
def _english_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages follow LIBEVAL_LANG, else LANG; tests pin them so that their expected output is stable."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANGUAGE", "LIBEVAL_LANG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("COLUMNS", "110")
