"""The language of messages when `--lang` is not given, decided here and nowhere else.

1. `LIBEVAL_LANG=zh` or `en` (`zh_CN` and the like count as zh), for libeval alone;
2. on Windows, the user's display language (Windows sets no LANG): `GetUserDefaultUILanguage`
   (0x0804 is Chinese, PRC), else the locale Python was started in (`Chinese (Simplified)_China`,
   `zh_CN`);
3. elsewhere, the environment's LC_ALL, LC_MESSAGES, LANG, LANGUAGE (`LANG=zh_CN.UTF-8`).

Anything else is English. Reports are Chinese unless `--lang en` (cli.py); this decides the
messages, the help and the usage errors.
"""

from __future__ import annotations

import locale
import os
import sys
from collections.abc import Mapping

ENV = "LIBEVAL_LANG"
_POSIX_VARS = ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")
_CHINESE = 0x04  # the primary language of a Windows LANGID (0x0804 PRC, 0x0404 Taiwan, 0x0C04 Hong Kong)


def _named(name: str) -> str:
    """`zh` for a Chinese locale name, however Windows or POSIX spells it, else `en`."""
    name = name.strip().lower()
    return "zh" if name.startswith(("zh", "chinese")) else "en"


def windows_ui_language() -> str | None:
    """The Windows display language as a locale name (`zh_CN`, `Chinese (Simplified)_China`), or
    None where it cannot be read (not Windows, no ctypes)."""
    try:
        import ctypes

        langid = int(ctypes.windll.kernel32.GetUserDefaultUILanguage())  # type: ignore[attr-defined]
    except (ImportError, AttributeError, OSError, ValueError, TypeError):
        langid = 0
    if langid:
        known = locale.windows_locale.get(langid)
        return known or ("zh" if langid & 0x3FF == _CHINESE else f"0x{langid:04x}")
    found = locale.getlocale()[0]  # the user's locale: Python sets it at start-up on Windows
    return found or None


def default_lang(environ: Mapping[str, str] | None = None, platform: str | None = None) -> str:
    """`zh` or `en` for a run without `--lang` (see the module docstring)."""
    env = os.environ if environ is None else environ
    chosen = env.get(ENV, "").strip().lower()
    if chosen.startswith(("zh", "en")):
        return chosen[:2]
    if (sys.platform if platform is None else platform) == "win32":
        ui = windows_ui_language()
        return _named(ui) if ui else "en"
    for var in _POSIX_VARS:
        value = env.get(var, "")
        if value:
            return _named(value)
    return "en"
