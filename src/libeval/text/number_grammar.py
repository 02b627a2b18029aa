"""The one grammar of numbers as people write them, for the reader and for the JSON schema.

`text/reading.py` reads a written number only when it matches `FACT` (a fact's value or a year's
value) or `amount(...)` (service population, awarded points), and `load/schemas.py` writes the
very same pattern strings into the schema, so an editor flags exactly what `check` refuses.

The patterns are written in the common part of Python's `re` and ECMAScript (what
yaml-language-server compiles): character classes, `(?:...)`, `^...$`, no lookbehind, no `\\p`.
Full-width digits and marks are spelt out in the classes, so the grammar does not depend on
Unicode normalisation.

    1200  1,200  １，２００  -3.5  .5  2.5万  1.4亿  5千  1e5
    600㎡  600 平方米  85%  260个  14万人  20万元      a unit follows the number
    是 否 有 无 yes no true false (any case)           a yes/no fact
    2016  2016年  2016 年度  ２０１６                    a year
"""

from __future__ import annotations

import re

SPACE = "[ \t\u3000]"  # spaces people type, the ideographic one included
DIGIT = "[0-9\uff10-\uff19]"  # 0-9 and ０-９
_SEP = "[,\uff0c]"  # , and ，
_POINT = "[.\uff0e]"  # . and ．
_SIGN = "[+\\-\uff0b\uff0d]"  # + - ＋ －
_EXP = "[eE\uff45\uff25]"
MULTIPLIERS = {"万": 4, "亿": 8, "千": 3}  # the power of ten each stands for
# A unit starts with a letter (Latin, full-width Latin, the micro sign, a Chinese character), ㎡ and the
# other squared units, ° ℃ or a percent sign: "50,00" and "1.2.3" are not a number and a unit.
UNIT_START = "[A-Za-z\uff21-\uff3a\uff41-\uff5a%\uff05\u00b5\u03bc\u00b0\u2103\u3380-\u33ff\u3400-\u9fff\uf900-\ufaff]"

_PLAIN = f"{_SIGN}?(?:(?:{DIGIT}{{1,3}}(?:{_SEP}{DIGIT}{{3}})+|{DIGIT}+)(?:{_POINT}{DIGIT}+)?|{_POINT}{DIGIT}+)"
_SCIENTIFIC = f"{_SIGN}?(?:{DIGIT}+{_POINT}?{DIGIT}*|{_POINT}{DIGIT}+){_EXP}{_SIGN}?{DIGIT}+"
_MULTIPLIER = "[" + "".join(MULTIPLIERS) + "]"
BOOLEANS = {"是": True, "否": False, "有": True, "无": False, "yes": True, "no": False, "true": True, "false": False}


def _any_case(word: str) -> str:
    return "".join(f"[{c.lower()}{c.upper()}]" if c.isascii() and c.isalpha() else re.escape(c) for c in word)


_BOOLEAN = "(?:" + "|".join(_any_case(w) for w in BOOLEANS) + ")"


def _whole(body: str) -> str:
    return f"^{SPACE}*(?:{body}){SPACE}*$"


def _with_unit(units: str) -> str:
    """A number, then an optional 万/亿/千, then an optional unit (`units`: a pattern)."""
    return f"{_SCIENTIFIC}|{_PLAIN}{SPACE}*{_MULTIPLIER}?{SPACE}*(?:{units})?"


# A fact's value (or a year's, or a correction's): a number with any unit, or yes/no
FACT = _whole(f"{_BOOLEAN}|{_with_unit(UNIT_START + '.*')}")
NUMBER = _whole(_with_unit(UNIT_START + ".*"))  # the value of a number fact
BOOLEAN = _whole(_BOOLEAN)  # the value of a yes/no fact
# The groups the reader takes apart once FACT matched (a boolean is read before)
_PARTS = re.compile(
    f"^{SPACE}*(?P<number>{_PLAIN}){SPACE}*(?P<multiplier>{_MULTIPLIER})?{SPACE}*(?P<unit>.*?){SPACE}*$"
)


def amount(*units: str) -> str:
    """A number that is not a fact (service population, points): only these units may follow it."""
    return _whole(_with_unit("|".join(re.escape(u) for u in units)))


def number_in(suffixes: list[str]) -> str:
    """A number followed by nothing or by one of `suffixes` as written (`万元`, `千 册次`): the
    value of a fact whose unit these are (spaces may stand between a multiplier and the unit), or
    by 万/亿/千 alone (`2.5万` seats: the reader multiplies, whatever the fact's unit)."""
    alternatives = "|".join(f"{SPACE}*".join(re.escape(c) for c in s) for s in suffixes)
    return _whole(f"{_SCIENTIFIC}|{_PLAIN}{SPACE}*(?:{alternatives}|{_MULTIPLIER})?")


# A year key or the evaluation year; "16" is read, then refused with the fix (reading.year)
YEAR = _whole(f"{DIGIT}{{4}}{SPACE}*(?:年度?)?")

_FACT = re.compile(FACT)
_SCIENTIFIC_WHOLE = re.compile(_whole(_SCIENTIFIC))
_BOOLEAN_WHOLE = re.compile(BOOLEAN)


def matches(pattern: str, text: str) -> bool:
    """Whether text is written in the grammar, as a JSON schema validator decides (`re.search`)."""
    return re.search(pattern, text) is not None


def fact_parts(text: str) -> tuple[str, str | None, str] | None:
    """A fact's written number taken apart: (number, 万/亿/千 or None, unit or ""), or None when it
    is not in the grammar. Yes/no words and scientific notation are told apart by the caller."""
    if not _FACT.search(text):
        return None
    m = _PARTS.match(text)
    if m is None:  # pragma: no cover - FACT matched
        return None
    return m.group("number"), m.group("multiplier"), m.group("unit")


def is_boolean(text: str) -> bool:
    return _BOOLEAN_WHOLE.search(text) is not None


def is_scientific(text: str) -> bool:
    return _SCIENTIFIC_WHOLE.search(text) is not None
