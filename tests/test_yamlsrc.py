from __future__ import annotations

import re
import tracemalloc
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from libeval.errors import LibevalError, Problem
from libeval.load import yaml_source as yamlsrc
from libeval.load.yaml_source import load, loads

import hostile


def test_floats_are_exact_decimals_and_keys_stay_text() -> None:
    src = loads(b"total: 775.3\n1.10: a\nn: 12\nb: yes\nd: 2017-06-30\n", "t.yaml")
    assert src.data == {"total": Decimal("775.3"), "1.10": "a", "n": 12, "b": True, "d": "2017-06-30"}
    assert isinstance(src.data["total"], Decimal)


def test_positions_of_keys_and_values() -> None:
    src = loads(b"a:\n  b: [1, 2]\n", "t.yaml")
    assert src.mark(("a", "b"), key=True) == (2, 3)
    assert src.mark(("a", "b")) == (2, 6)
    assert src.mark(("a", "b", 1)) == (2, 10)
    # a location past the data falls back to the deepest node found; union tags are skipped
    assert src.mark(("a", "b", "decimal", 1)) == (2, 10)
    # a block mapping is at its key's line, not at its first entry (issue 20: an empty fact's
    # `unit:` line was reported instead of the fact's own); a flow one where it is written
    assert src.mark(("a",)) == (1, 1)
    assert src.mark(("a", "missing")) == (1, 1)
    assert loads(b"a: {b: 1}\n", "t.yaml").mark(("a",)) == (1, 4)


def test_libyaml_loader_is_used() -> None:
    assert yamlsrc.LIBYAML
    assert yamlsrc._Loader is yaml.CSafeLoader


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("名称: 图书馆\n".encode("gbk"), "encoding-gbk"),
        ("名称: 图书馆\n".encode("gb18030"), "encoding-gbk"),
        (b"a: 1\na: 2\n", "duplicate-key"),
        (b"a: [\n", "yaml-syntax"),
        (b"", "empty-file"),
        (b"   \n# only a comment\n", "empty-file"),
        (b"\x00\x01", "binary-file"),
        (b"- 1\n", "not-mapping"),
        (b"a: !!binary aGVsbG8=\n", "yaml-tag"),
        (b"a: *nothing\n", "yaml-syntax"),
        (b"[" * 100 + b"]" * 100, "too-deep"),
        (b"a:\n\tb: 1\n", "tab-indent"),
        (b"? [a, b]\n: 1\n", "complex-key"),
    ],
)
def test_bad_input_gets_its_code(raw: bytes, code: str) -> None:
    with pytest.raises(LibevalError) as err:
        loads(raw, "t.yaml")
    assert next(p.code for p in err.value.problems) == code


def test_duplicate_key_names_both_lines() -> None:
    with pytest.raises(LibevalError) as err:
        loads(b"a: 1\nb: 2\na: 3\n", "t.yaml")
    (p,) = err.value.problems
    assert (p.line, p.col) == (3, 1)
    assert "first defined at line 1" in p.message()


def test_boms_and_utf16() -> None:
    for raw in (b"\xef\xbb\xbfa: 1\n", "a: 1\n".encode("utf-16"), "a: 1\n".encode("utf-32")):
        assert loads(raw, "t.yaml").data == {"a": 1}


class _Watched(yamlsrc._Builder):
    """The loader's builder, noting how much work it did: parser events consumed, the deepest
    open container seen."""

    last: _Watched | None = None

    def __init__(self, src: yamlsrc.Source, problems: list[Problem]) -> None:
        super().__init__(src, problems)
        self.events = 0
        self.deepest = 0
        _Watched.last = self

    def _build(self, next_event: Any) -> Any:
        def counted() -> Any:
            self.events += 1
            self.deepest = max(self.deepest, len(self.stack))
            return next_event()

        return super()._build(counted)


def _refused(raw: bytes, monkeypatch: pytest.MonkeyPatch) -> tuple[str, _Watched]:
    """The code a hostile file is refused with, and the work done before refusing it."""
    monkeypatch.setattr(yamlsrc, "_Builder", _Watched)
    _Watched.last = None
    with pytest.raises(LibevalError) as err:
        loads(raw, "t.yaml")
    assert _Watched.last is not None
    return err.value.problems[0].code, _Watched.last


def _events(raw: bytes) -> int:
    return sum(1 for _ in yaml.parse(raw, Loader=yaml.CSafeLoader))


# Hostile files are refused with bounded work, not within a time: a timing fails at random on a
# loaded machine, a count does not. `benchmarks/run.py --hostile` times the same files.


def test_alias_bomb_is_refused_before_it_expands(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = hostile.alias_bomb()  # 9**12 values once expanded, 600 bytes on disk
    tracemalloc.start()
    try:
        code, work = _refused(raw, monkeypatch)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert code == "alias-bomb"
    assert work.events < _events(raw)  # it stops at the alias that crosses the limit
    # counted, never copied (an alias is the anchored object itself); one alias past the limit at most
    assert work.total <= 2 * yamlsrc.MAX_NODES
    assert peak < 1_000_000


def test_too_many_values_are_refused_at_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    code, work = _refused(hostile.wide(), monkeypatch)  # 600,000 values
    assert code == "too-many-nodes"
    assert work.total == yamlsrc.MAX_NODES + 1
    assert work.events <= yamlsrc.MAX_NODES + 5  # the other 500,000 values are never parsed


@pytest.mark.parametrize(
    "raw",
    [
        hostile.deep(),  # 100,000 flow levels: libyaml's own limit stops the parser first
        b"a:\n" + b"".join(b"  " * i + b"k%d:\n" % i for i in range(1, 200)) + b"  " * 200 + b"1\n",  # block
    ],
    ids=["flow", "block"],
)
def test_deep_nesting_is_refused_at_the_limit(raw: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    code, work = _refused(raw, monkeypatch)
    assert code == "too-deep"
    assert work.deepest <= yamlsrc.MAX_DEPTH
    assert work.events <= 2 * yamlsrc.MAX_DEPTH + 5  # a key and a mapping per level, no more


def test_an_oversized_file_is_refused_unread(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"a: 1\n")
    hostile.append_big_comment(big)  # 50 MB
    tracemalloc.start()
    try:
        with pytest.raises(LibevalError) as err:
            load(big)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert err.value.problems[0].code == "file-too-large"
    assert peak < 1_000_000  # refused on its size: not one block of it was read


def test_without_libyaml_the_python_parser_is_used_with_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlsrc, "LIBYAML", False)
    monkeypatch.setattr(yamlsrc, "_Loader", yaml.SafeLoader)
    warning = Problem("t.yaml", code="libyaml-missing").message()
    with pytest.warns(UserWarning, match=re.escape(warning)):
        src = loads(b"total: 775.3\n1.10: a\nn: [1, 2]\n", "t.yaml")
    assert src.data == {"total": Decimal("775.3"), "1.10": "a", "n": [1, 2]}
    assert src.mark(("n", 1)) == (3, 8)


def test_each_value_is_counted_once() -> None:
    # 99,000 values at the bottom of 60 levels: a value is one of the 100,000 a file may hold,
    # however deep it stands (it was counted once per level above it)
    deep = "".join("  " * i + f"k{i}:\n" for i in range(60)) + "  " * 60 + "v: ["
    loaded = loads((deep + ", ".join(["1"] * 99_000) + "]\n").encode(), "t.yaml")
    node = loaded.data
    for i in range(60):
        node = node[f"k{i}"]
    assert len(node["v"]) == 99_000
    with pytest.raises(LibevalError) as err:
        loads((deep + ", ".join(["1"] * 100_000) + "]\n").encode(), "t.yaml")
    assert err.value.problems[0].code == "too-many-nodes"


def test_an_alias_counts_as_its_expansion() -> None:
    # an anchored list of 1,000 values (plus the list) and aliases to it: each alias is 1,001 more
    head = "a: &a [" + ", ".join(["1"] * 1000) + "]\n"
    ok = head + "".join(f"b{i}: *a\n" for i in range(97))
    assert len(loads(ok.encode(), "t.yaml").data) == 98
    with pytest.raises(LibevalError) as err:
        loads((head + "".join(f"b{i}: *a\n" for i in range(100))).encode(), "t.yaml")
    assert err.value.problems[0].code == "alias-bomb"


def test_small_aliases_are_fine() -> None:
    assert loads(b"a: &x [1, 2]\nb: *x\n", "t.yaml").data == {"a": [1, 2], "b": [1, 2]}


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_raise_only_our_error(raw: bytes) -> None:
    try:
        loads(raw, "t.yaml")
    except LibevalError as exc:
        assert exc.problems


_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.text(max_size=20), st.floats(allow_nan=False, allow_infinity=False)
)
_docs = st.recursive(
    _scalars, lambda ch: st.lists(ch, max_size=4) | st.dictionaries(st.text(max_size=8), ch, max_size=4), max_leaves=20
)


@settings(max_examples=200, deadline=None)
@given(_docs)
def test_random_yaml_loads_or_raises_our_error(doc: object) -> None:
    text = yaml.safe_dump({"root": doc}, allow_unicode=True)
    try:
        src = loads(text.encode(), "t.yaml")
    except LibevalError:
        return
    assert set(src.data) == {"root"}
