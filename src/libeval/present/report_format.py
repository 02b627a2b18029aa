"""How the library report writes numbers, units and our own generated text (typography.md).

Pure string functions: `no_ids` (an engine line without the fact ids, for the body), `running`
(14 万 in a sentence, at most three significant figures), `cell`, `long_date`. Units are shown by
text/units (㎡, not m2) and the engine's lines already read as the report wants them.
"""

from __future__ import annotations

import re
from decimal import Decimal

from libeval.text import numbers

_ID = re.compile(r"(?:（| \()[a-z][a-z0-9]*(?:_[a-z0-9]+)*(?:）|\))")
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def no_ids(text: str) -> str:
    """A line for the report's body without the fact ids the engine names in parentheses
    (`缺少数据：读者满意率（satisfaction）`): the ids are the appendix's."""
    return _ID.sub("", text)


def running(d: Decimal | bool | None, lang: str) -> str:
    """A number in a sentence (text/numbers.running): `14 万`, `0.179`; `140,000` in English."""
    if d is None or isinstance(d, bool):
        return numbers.value(d, lang)
    return numbers.running(d, lang)


def cell(text: str, lang: str) -> str:
    """A label standing alone in a table cell or a column head: capitalised in English
    (`Self-assessment`, `County`); Chinese as it is."""
    return text[:1].upper() + text[1:] if lang == "en" else text


def long_date(date: str, lang: str) -> str:
    """`2017年7月12日`: how the Chinese report writes a date, in sentences, tables and the
    signature line alike (English keeps the ISO date)."""
    m = _DATE.match(date or "")
    if not m or lang != "zh":
        return date
    return f"{int(m.group(1))}年{int(m.group(2))}月{int(m.group(3))}日"
