"""The language without LANG (text/language.py): on Windows the user's display language decides,
simulated here by the platform, the Win32 call and the locale; LIBEVAL_LANG and --lang decide
before it; LANG still decides on Linux and macOS."""

from __future__ import annotations

import ctypes
import locale
from types import SimpleNamespace

import pytest
from typer.testing import CliRunner

from libeval.cli import app
from libeval.text import language
from libeval.text.help import startup_lang
from libeval.text.language import default_lang

from conftest import EXAMPLE


class _Kernel32:
    def __init__(self, langid: int | None) -> None:
        self.langid = langid

    def GetUserDefaultUILanguage(self) -> int:  # the Win32 name
        if self.langid is None:
            raise OSError("not available")
        return self.langid


def _platform(monkeypatch: pytest.MonkeyPatch, platform: str) -> None:
    """The platform as text/language.py sees it (faking it for the whole interpreter would mislead
    the modules that read it on import)."""
    monkeypatch.setattr(language, "sys", SimpleNamespace(platform=platform))


Found = tuple[str | None, str | None]


def _windows(monkeypatch: pytest.MonkeyPatch, langid: int | None, found: Found = (None, None)) -> None:
    _platform(monkeypatch, "win32")
    monkeypatch.setattr(ctypes, "windll", SimpleNamespace(kernel32=_Kernel32(langid)), raising=False)
    monkeypatch.setattr(locale, "getlocale", lambda *_: found)


@pytest.mark.parametrize(
    ("langid", "lang"),
    [
        (0x0804, "zh"),  # Chinese (Simplified), PRC
        (0x1004, "zh"),  # Singapore
        (0x0404, "zh"),  # Chinese (Traditional), Taiwan
        (0x0C04, "zh"),  # Hong Kong SAR
        (0x7C04, "zh"),  # a Chinese LANGID the locale table does not list: its primary language
        (0x0409, "en"),  # English, United States
        (0x0411, "en"),  # Japanese: English, as for every language that is not Chinese
    ],
)
def test_windows_display_language_decides(monkeypatch: pytest.MonkeyPatch, langid: int, lang: str) -> None:
    _windows(monkeypatch, langid)
    assert default_lang({}) == lang
    # Windows sets no LANG; one left by another program does not outvote the display language
    assert default_lang({"LANG": "en_US.UTF-8" if lang == "zh" else "zh_CN.UTF-8"}) == lang


@pytest.mark.parametrize(
    ("found", "lang"),
    [
        (("Chinese (Simplified)_China", "936"), "zh"),
        (("Chinese (Simplified)_People's Republic of China", "936"), "zh"),
        (("zh_CN", "cp936"), "zh"),
        (("English_United States", "1252"), "en"),
        ((None, None), "en"),
    ],
)
def test_without_the_win32_call_the_locale_decides(monkeypatch: pytest.MonkeyPatch, found: Found, lang: str) -> None:
    _windows(monkeypatch, None, found)
    assert default_lang({}) == lang
    monkeypatch.delattr(ctypes, "windll")  # Python without the Win32 call at all
    assert default_lang({}) == lang


def test_libeval_lang_decides_before_the_system(monkeypatch: pytest.MonkeyPatch) -> None:
    _windows(monkeypatch, 0x0804)
    assert default_lang({"LIBEVAL_LANG": "en"}) == "en"
    assert default_lang({"LIBEVAL_LANG": "zh_CN"}) == "zh"
    assert default_lang({"LIBEVAL_LANG": "fr"}) == "zh"  # not a language of libeval's: the system decides
    _platform(monkeypatch, "linux")
    assert default_lang({"LIBEVAL_LANG": "zh", "LANG": "en_US.UTF-8"}) == "zh"
    assert default_lang({"LIBEVAL_LANG": "EN", "LC_ALL": "zh_CN.UTF-8"}) == "en"


def test_off_windows_the_environment_decides_and_the_win32_call_is_not_made(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ctypes, "windll", SimpleNamespace(kernel32=_Kernel32(0x0804)), raising=False)
    for platform in ("linux", "darwin"):
        _platform(monkeypatch, platform)
        assert default_lang({"LANG": "zh_CN.UTF-8"}) == "zh"
        assert default_lang({"LANG": "C.UTF-8"}) == "en"
        assert default_lang({}) == "en"
    assert language.windows_ui_language() == "zh_CN"  # what the call would have said


def test_a_run_on_chinese_windows_answers_in_chinese(monkeypatch: pytest.MonkeyPatch) -> None:
    _windows(monkeypatch, 0x0804)
    monkeypatch.delenv("LANG")
    runner = CliRunner()
    missing = str(EXAMPLE / "no-such-folder")
    r = runner.invoke(app, ["check", missing], catch_exceptions=False)
    assert r.exit_code == 1 and "错误：" in r.stderr, r.stderr
    assert startup_lang(["score", "x"]) == "zh"  # help and usage errors too
    r = runner.invoke(app, ["check", missing, "--lang", "en"], catch_exceptions=False)
    assert "error:" in r.stderr and "错误" not in r.stderr
    r = runner.invoke(app, ["check", missing], env={"LIBEVAL_LANG": "en"}, catch_exceptions=False)
    assert "error:" in r.stderr and "错误" not in r.stderr
    # reports stay Chinese whatever the messages' language, unless --lang en
    r = runner.invoke(app, ["score", str(EXAMPLE)], env={"LIBEVAL_LANG": "en"}, catch_exceptions=False)
    assert r.exit_code == 0 and "总分" in r.stdout
