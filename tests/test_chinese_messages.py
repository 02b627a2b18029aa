"""Chinese messages are Chinese: no English word and no regex inside them, only identifiers,
codes, file names and units. Every catalogue message is rendered with representative arguments;
pydantic's errors, PyYAML's and the formula parser's problems and the operating system's are
said in Chinese too (their English stays in English output)."""

from __future__ import annotations

import errno
import inspect
import re
import string
from decimal import Decimal
from typing import Any

import pydantic
import pytest

import libeval.models
from libeval.errors import LibevalError, Problem
from libeval.load.validation import _nested_models, validate
from libeval.load.yaml_source import loads
from libeval.models import Library
from libeval.text.bilingual import Bilingual
from libeval.text.click_messages import INTERNAL_ERROR, INTERRUPTED, INTERRUPTED_BATCH, OPTION_ERRORS, USAGE_ZH
from libeval.text.messages import CATALOGUE, render
from libeval.text.parser_messages import _FORMULA, _YAML_CONTEXTS, _YAML_PROBLEMS, formula_detail, os_error, yaml_detail
from libeval.text.words import PATTERNS, TYPE_ERRORS, WORDS

# The Latin words a Chinese message may hold, all of them: formats and programs by their names, and the
# keys of libeval's own files that a message tells the reader to write (`years:`, `citation`).
ALLOWED = {
    "YAML", "JSON", "CSV", "UTF", "GBK", "GB18030", "BOM", "NUL", "xlsx", "xls", "csv", "docx", "yaml", "Excel",
    "WPS", "Word", "NaN", "YYYY", "libyaml", "Python", "libeval", "init", "http", "https", "true", "false",
    "value", "years", "unit", "official", "citation", "score", "score_sum", "at_least", "at_most", "full_marks",
    "equals", "points", "level", "attributes", "region", "province", "Windows", "github", "table", "json", "md",
}  # fmt: skip
# identifiers that the arguments below put into messages, taken out before the check
_IDENTIFIERS = re.compile(
    r"--?[a-z][\w-]*|\.[a-z]+\b|\S+\.(?:yaml|xlsx|csv|docx)|\b[a-z]+(?:_[a-z]+)+\b|\bcn-\d{4}-\w+|`[^`]*`"
)

SAMPLES: dict[str, Any] = {
    "a": "cn-2017-county", "b": "cn-2021-county", "actual": WORDS["number"], "attribute": "region",
    "byte": "ff", "choices": "east、central、west", "code": "1.1.1", "column": "分值", "count": 3,
    "chars": "䶮", "unicode": "U+4DAE", "encoding": "GBK", "option": "gbk",
    "criteria": "cn-2017-county", "cycle": "a_b → c_d → a_b", "detail": Bilingual("没有权限", "Permission denied"),
    "end": 2016, "expected": WORDS["a whole number"], "ext": ".doc", "file": "criteria/x.yaml", "first": 12,
    "format": "xlsx", "found": "序号、名称", "given": "㎡", "got": WORDS["true/false"], "grade": "一级",
    "heading": "序号", "id": "floor_area", "key": "floor_area", "kind": "tiers", "known": "self、prefecture",
    "label": "合计", "level": "优秀", "line": 15,
    "limit": 1000, "max": 10, "min": 800, "missing": "“分值”（分值/分数）",
    "name": "floor_area", "new": ".docx", "next": "二级", "offset": 17, "parent": "1.1", "path": "精河/library.yaml",
    "points": Decimal("12.5"), "precision": 1, "sheet": "事实", "size": 2000000, "start": 2013, "stated": 1000,
    "subject": "score", "sum": 990, "tag": "!!python/object", "test": "at_least", "text": "'十二'", "tiny": "0.001",
    "total": 1000, "what": "1.1.1", "where": "region: west", "written": "㎡", "year": 2017, "years": "2015、2016",
    "second": "2016年", "target": "floor_area（建筑面积）", "fix": "2016",
    "read": "self.yaml", "n": 2, "codes": "1.5（10 分）、2.2.2（5 分）", "value": "0.9", "percent": "90",
    "province": "宁夏回族自治区", "region": "west（西部）", "other": "east",
    "formula": "=13+16+107", "last": 2016, "library": "精河",
}  # fmt: skip


def english_words(text: str) -> set[str]:
    words = set(re.findall(r"[A-Za-z][A-Za-z0-9]{2,}", _IDENTIFIERS.sub(" ", text)))
    return words - ALLOWED


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_every_catalogue_message_in_chinese_holds_no_english_word(code: str) -> None:
    names = placeholders(CATALOGUE[code].zh)
    assert names <= set(SAMPLES), f"give a sample for {names - set(SAMPLES)}"
    text = render(code, "zh", {n: SAMPLES[n] for n in names})
    words = text
    for name in names:  # what came from the arguments is data, not the message's words (but WORDS are words)
        if not isinstance(SAMPLES[name], Bilingual):
            words = words.replace(str(SAMPLES[name]), " ")
    assert not english_words(words), (code, text)
    assert "{" not in text.replace("{{", "") or "years" in text, text
    assert not re.search(r"[\^$\\]|\[a-z", text), (code, text)  # no regex


def test_the_words_of_arguments_pydantic_errors_and_patterns_are_chinese() -> None:
    texts = [w.zh for w in WORDS.values()] + [p.zh for p in PATTERNS.values()]
    texts += [t.zh for t in TYPE_ERRORS.values()] + [t.zh for t in OPTION_ERRORS.values()] + list(USAGE_ZH.values())
    texts += [INTERNAL_ERROR.zh.replace("LIBEVAL_DEBUG", ""), INTERRUPTED.zh, INTERRUPTED_BATCH.zh]
    for text in texts:
        assert not english_words(re.sub(r"\{\w+\}", "", text)), text
        assert not re.search(r"[\^$\\]|\[a-z", text), text


def test_the_words_of_parsers_and_the_operating_system_are_chinese() -> None:
    for pattern, zh in (*_YAML_PROBLEMS, *_FORMULA):
        assert re.compile(pattern)
        assert not english_words(re.sub(r"\{\d\}", "", zh)), zh
    assert not any(english_words(zh) for zh in _YAML_CONTEXTS.values())
    for code in (errno.EACCES, errno.ENOSPC, errno.EROFS, errno.ENOENT, errno.EXDEV):
        text = os_error(OSError(code, "English")).zh
        assert text and "English" not in text and not english_words(text.replace("EXDEV", "")), text
    assert yaml_detail("while scanning a simple key", "could not find expected ':'").zh.startswith("读取键时找不到")
    assert yaml_detail(None, "some text PyYAML may write one day") == Bilingual(
        "文件不符合 YAML 语法", "some text PyYAML may write one day"
    )
    assert formula_detail("unexpected ')'", 9) == Bilingual(
        "第 9 个字符处出现了意外的“)”", "unexpected ')' (at character 9)"
    )


def _models() -> set[type[pydantic.BaseModel]]:
    roots = [m for _, m in inspect.getmembers(libeval.models, inspect.isclass) if issubclass(m, pydantic.BaseModel)]
    seen: set[type[pydantic.BaseModel]] = set()
    while roots:
        model = roots.pop()
        if model not in seen:
            seen.add(model)
            for info in model.model_fields.values():
                roots.extend(_nested_models(info.annotation))
    return seen


ODD_VALUES: list[Any] = [
    [], {}, "x", "", 1.5, -1, 0, True, "1e999", "nan", "2017-13-45", [1, 2], "X" * 300, None,
    Decimal("0.123456789"), 10**30, "2017-06-30T10:00:00", {"kind": "zzz"}, {"kind": 1}, "ABC", "a b",
]  # fmt: skip


def test_every_pydantic_error_our_models_can_raise_is_explained_in_both_languages() -> None:
    """Each field of each model given odd values: every error type that comes out has our words."""
    own = {"missing", "extra_forbidden", "string_type", *CATALOGUE}
    seen: dict[str, str] = {}
    for model in _models():
        for name, info in model.model_fields.items():
            for value in ODD_VALUES:
                try:
                    model.model_validate({info.alias or name: value})
                except pydantic.ValidationError as exc:
                    for err in exc.errors(include_url=False):
                        seen.setdefault(err["type"], f"{model.__name__}.{name}")
                        if err["type"] == "string_pattern_mismatch":
                            assert err["ctx"]["pattern"] in PATTERNS, err
    assert {"decimal_parsing", "string_pattern_mismatch", "union_tag_invalid"} <= set(seen)
    unexplained = {t: where for t, where in seen.items() if t not in TYPE_ERRORS and t not in own}
    assert not unexplained


@pytest.mark.parametrize(
    ("text", "zh"),
    [
        ("name: [1, 2]\n", 'library.yaml:1:7: 错误：此处应为文本，请加引号（如 "1.10"） [not-string]'),
        (
            "name: x\nfacts:\n  Floor-Area: 600\n",
            "library.yaml:3:3: 错误：只能用小写英文字母、数字和下划线，以字母开头 [wrong-type]",
        ),
        (
            "name: x\nlevel: town\n",
            "library.yaml:2:8: 错误：级别“town”无法识别，可写：省级、地市级、县级、少儿馆",
        ),
        (
            "name: x\n  level: county\n",
            "library.yaml:2:8: 错误：YAML 语法错误：此处不能写“键: 值”（值里有冒号时请加引号",
        ),
        ("facts: {a: 1\n", "library.yaml:2:1: 错误：YAML 语法错误：读取花括号内的映射时找不到应有的“,”或“}”"),
        ('name: "C:\\data"\n', "library.yaml:1:10: 错误：YAML 语法错误：双引号内有未知的转义"),
        (
            "name: x\nfacts:\n  a:\n    value: 1\n   unit: m2\n",
            "library.yaml:5:4: 错误：YAML 语法错误：读取映射时找不到应有的键",
        ),
    ],
)
def test_what_a_librarian_writes_wrong_is_said_in_chinese(text: str, zh: str) -> None:
    try:
        src = loads(text.encode(), "library.yaml")
    except LibevalError as exc:
        problems: list[Problem] = exc.problems
    else:
        problems = validate(Library, src)[1]
    lines = [p.format("zh") for p in problems]
    assert any(line.startswith(zh) for line in lines), lines
    said = [re.sub("“[^”]*”", "", line.split(": ", 1)[1].rsplit(" [", 1)[0]) for line in lines]  # “ids” quoted
    assert not any(english_words(text) for text in said), lines
