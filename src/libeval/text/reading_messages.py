"""The messages of reading what a librarian writes: numbers in any accepted writing, years,
and facts or indicators written by name (merged into text/messages.py CATALOGUE)."""

from __future__ import annotations

from libeval.text.bilingual import Bilingual

READING_MESSAGES: dict[str, Bilingual] = {
    # numbers and years (text/reading.py)
    "amount-unit": Bilingual(en="the unit here is {expected}, not {got}", zh="此处单位应为{expected}，而非 {got}"),
    "year-short": Bilingual(en="{written} is not a year: write {fix}", zh="{written} 不是年份：请写作 {fix}"),
    "not-a-year": Bilingual(
        en="{written} is not a year: write it with four digits (e.g. 2016)",
        zh="{written} 不是年份：请写四位数年份（如 2016）",
    ),
    "duplicate-year": Bilingual(
        en="year {year} is written twice ({first}, {second}); keep one",
        zh="{year} 年写了两次（{first}、{second}），请只保留一个",
    ),
    # keys written by name (load/names.py)
    "name-read": Bilingual(en="'{key}' is read as {target}", zh="“{key}”读作 {target}"),
    "name-given-twice": Bilingual(
        en="'{key}' is {target}, which is already given at line {line}; keep one",
        zh="“{key}”即 {target}，第 {line} 行已填写过，请只保留一个",
    ),
    "name-ambiguous": Bilingual(
        en="'{key}' names more than one: {choices}; write the id of the one meant",
        zh="“{key}”对应多项：{choices}；请写明所指一项的标识",
    ),
    "fact-name-unknown": Bilingual(
        en="'{key}' is neither the id nor the name of a fact of this standard",
        zh="“{key}”既不是本标准事实的标识，也不是其名称",
    ),
    "indicator-name-unknown": Bilingual(
        en="'{key}' is neither the code nor the name of an indicator that can be given here",
        zh="“{key}”既不是此处可填指标的编号，也不是其名称",
    ),
}
