"""Read one YAML file as untrusted input: data plus the position of every key and value.

The file is read as bytes (UTF-8 with or without BOM, or UTF-16/32 with BOM), parsed by
libyaml into events, and built here into plain dicts, lists and scalars. Building it
ourselves, in one pass, lets us:

- keep every mapping key as the text written (`1.10:` stays "1.10"),
- read YAML floats as exact `Decimal`s (775.3 stays 775.3),
- report duplicate keys with both lines,
- refuse alias bombs, deep nesting and oversized files before anything expands them,
- remember line and column of every node, so later errors point into the file.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import stat
import warnings
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from libeval.errors import LibevalError, Problem, problem
from libeval.text.parser_messages import os_error, yaml_detail

# The loaders are used only for their event parser: libyaml's C one when PyYAML has it.
_Loader: type[yaml.SafeLoader] | type[yaml.CSafeLoader]
try:
    _Loader = yaml.CSafeLoader
    LIBYAML = True
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader
    LIBYAML = False

MAX_BYTES = 5 * 1024 * 1024  # a real standard is ~100 KB; 5 MiB leaves room for notes
MAX_DEPTH = 64
MAX_NODES = 100_000  # values after alias expansion, each once (the bundled standard has ~3,000)

Mark = tuple[int, int]

_RESOLVER = yaml.resolver.Resolver()
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_CJK = re.compile(r"[\u4e00-\u9fff]")
_TAG = "tag:yaml.org,2002:"


@dataclass
class Source:
    """A loaded YAML file: its data and where each part of it stands."""

    path: str
    data: Any
    sha256: str
    root_mark: Mark = (1, 1)
    # id(container) -> (position of each value, position of each key); kept beside the data
    # rather than as whole paths, which would cost a tuple per node.
    marks: dict[int, tuple[dict[Any, Mark], dict[Any, Mark]]] = field(default_factory=dict)
    file: Path | None = None  # where it was read from (`path` is how it is shown)

    def mark(self, loc: tuple[Any, ...], key: bool = False) -> Mark:
        """Position for a location such as pydantic's `loc`.

        Parts that do not name a key or index of the data (union members, model names)
        are skipped; a location that goes past the data points at the deepest node found.
        With `key=True` the key itself is pointed at, where the last part is a key; a block mapping
        or list is at its key's line too, not at its first entry (which has a place of its own).
        """
        node: Any = self.data
        best = self.root_mark
        key_mark: Mark | None = None
        for part in loc:
            if (isinstance(node, dict) and part in node) or (
                isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
            ):
                values, keys = self.marks.get(id(node), ({}, {}))
                best = values.get(part, best)
                key_mark = keys.get(part)
                node = node[part]
        block = isinstance(node, dict | list) and bool(node) and key_mark is not None and key_mark[0] != best[0]
        return key_mark if key_mark is not None and (key or block) else best


def _fatal(path: str, mark: Mark | None, code: str, /, **args: Any) -> LibevalError:
    return LibevalError([problem(path, mark, code, **args)])


def decode(raw: bytes, path: str) -> str:
    """Bytes to text: UTF-8 (BOM optional) or UTF-16/32 with a BOM; anything else is an error
    located at the first byte that does not decode."""
    for bom, codec in (
        (b"\xff\xfe\x00\x00", "utf-32-le"),
        (b"\x00\x00\xfe\xff", "utf-32-be"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
    ):
        if raw.startswith(bom):
            try:
                return raw[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise _fatal(
                    path, None, "encoding", byte=f"{raw[exc.start + len(bom)]:02x}", offset=exc.start + len(bom)
                ) from None
    body = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw
    if b"\x00" in body:
        sample = body[:4096]
        zeros_odd, zeros_even = sample[1::2].count(0), sample[0::2].count(0)
        if len(sample) >= 8 and max(zeros_odd, zeros_even) > len(sample) // 4 and min(zeros_odd, zeros_even) == 0:
            raise _fatal(path, None, "encoding-utf16")  # text saved as UTF-16 without its BOM
        raise _fatal(path, None, "binary-file")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = body.count(b"\n", 0, exc.start) + 1
        col = exc.start - (body.rfind(b"\n", 0, exc.start) + 1) + 1
        if _looks_gbk(body):
            raise _fatal(path, (line, col), "encoding-gbk") from None
        offset = exc.start + len(raw) - len(body)
        raise _fatal(path, (line, col), "encoding", byte=f"{body[exc.start]:02x}", offset=offset) from None


_GB_PAIR = re.compile(rb"[\x81-\xfe][\x40-\xfe]")


def _looks_gbk(raw: bytes) -> bool:
    """Chinese text saved as GBK/GB18030: it decodes, and its two-byte characters are mostly
    in the GB2312 range (both bytes >= 0xA1), as Chinese text is; Latin-1 accents are not."""
    try:
        if not _CJK.search(raw.decode("gb18030")):
            return False
    except UnicodeDecodeError:
        return False
    pairs = _GB_PAIR.findall(raw)
    common = sum(1 for p in pairs if p[0] >= 0xB0 and p[1] >= 0xA1)
    return bool(pairs) and common / len(pairs) >= 0.8


def read_bytes(path: Path, shown: str) -> bytes:
    """The file's bytes: one open and one fstat (a batch reads thousands of files)."""
    try:
        with path.open("rb") as fh:
            info = os.fstat(fh.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise _fatal(shown, None, "not-a-file")
            if info.st_size > MAX_BYTES:
                raise _fatal(shown, None, "file-too-large", size=info.st_size, limit=MAX_BYTES)
            return fh.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise _fatal(shown, None, "file-not-found") from None
    except IsADirectoryError:
        raise _fatal(shown, None, "not-a-file") from None
    except OSError as exc:
        raise _fatal(shown, None, "unreadable", detail=os_error(exc)) from None


def load(path: Path, shown: str | None = None) -> Source:
    """Load one YAML file whose top level must be a mapping."""
    shown = shown if shown is not None else str(path)
    raw = read_bytes(path, shown)
    src = loads(raw, shown)
    src.file = path
    return src


def loads(raw: bytes, shown: str) -> Source:
    if not LIBYAML:  # pragma: no cover
        warnings.warn(Problem(shown, code="libyaml-missing", severity="warning").message(), stacklevel=2)
    text = decode(raw, shown)
    if not text.strip():
        raise _fatal(shown, None, "empty-file")
    src = Source(shown, None, hashlib.sha256(raw).hexdigest())
    problems: list[Problem] = []
    try:
        src.data = _Builder(src, problems).build(text)
    except _StructureError as exc:
        raise _fatal(shown, exc.mark, "yaml-syntax", detail=yaml_detail(None, str(exc))) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        detail = yaml_detail(exc.context, exc.problem)
        if "maximum nesting depth" in detail.en:  # libyaml's own limit, below ours for flow style
            raise _fatal(
                shown, (mark.line + 1, mark.column + 1) if mark else None, "too-deep", limit=MAX_DEPTH
            ) from None
        if mark and _char_at(text, mark.line, mark.column) == "\t":
            raise _fatal(shown, (mark.line + 1, mark.column + 1), "tab-indent") from None
        raise _fatal(shown, (mark.line + 1, mark.column + 1) if mark else None, "yaml-syntax", detail=detail) from None
    except yaml.YAMLError as exc:  # reader errors: control characters and the like
        pos = getattr(exc, "position", None)
        where: Mark | None = None
        if isinstance(pos, int):
            where = (text.count("\n", 0, pos) + 1, pos - (text.rfind("\n", 0, pos) + 1) + 1)
        raise _fatal(
            shown, where, "yaml-syntax", detail=yaml_detail(None, getattr(exc, "reason", None) or str(exc))
        ) from None
    if problems:
        raise LibevalError(problems)
    if src.data is None:  # comments only, or a lone `~`
        raise _fatal(shown, None, "empty-file")
    if not isinstance(src.data, dict):
        raise _fatal(shown, src.root_mark, "not-mapping")
    return src


class _StructureError(Exception):
    """What the parser accepts but a libeval file may not have (undefined alias, two documents)."""

    def __init__(self, message: str, mark: Mark) -> None:
        super().__init__(message)
        self.mark = mark


_NO_KEY = object()
_BAD_KEY = object()


class _Frame:
    __slots__ = ("anchor", "container", "is_map", "key", "keys", "mark", "size", "values")

    def __init__(self, container: Any, mark: Mark, anchor: str | None) -> None:
        self.container = container
        self.is_map = isinstance(container, dict)
        self.mark = mark
        self.anchor = anchor
        self.key: Any = _NO_KEY
        self.values: dict[Any, Mark] = {}
        self.keys: dict[Any, Mark] = {}
        self.size = 1


_Scalar, _Alias = yaml.ScalarEvent, yaml.AliasEvent
_MapStart, _SeqStart = yaml.MappingStartEvent, yaml.SequenceStartEvent
_MapEnd, _SeqEnd = yaml.MappingEndEvent, yaml.SequenceEndEvent
_DocStart, _StreamEnd = yaml.DocumentStartEvent, yaml.StreamEndEvent


class _Builder:
    def __init__(self, src: Source, problems: list[Problem]) -> None:
        self.src = src
        self.problems = problems
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.root: Any = None
        self.documents = 0
        self.total = 0
        self.aliased = False

    def build(self, text: str) -> Any:
        parser = _Loader(text)
        try:
            return self._build(parser.get_event)
        finally:
            parser.dispose()

    def _build(self, next_event: Any) -> Any:
        stack = self.stack
        while True:
            ev = next_event()
            cls = ev.__class__
            if ev is None or cls is _StreamEnd:
                return self.root
            start = ev.start_mark
            mark = (start.line + 1, start.column + 1)
            if cls is _Scalar:
                top = stack[-1] if stack else None
                if top is not None and top.is_map and top.key is _NO_KEY and ev.tag is None:
                    value: Any = ev.value  # a mapping key: kept as written, never resolved
                    if value == "<<" and ev.implicit[0]:
                        value = _MERGE
                else:
                    value = self._scalar(ev, mark)
                self._attach(value, mark, 1, ev.anchor, ev.value, 1)
            elif cls is _MapStart or cls is _SeqStart:
                if len(stack) >= MAX_DEPTH:
                    raise _fatal(self.src.path, mark, "too-deep", limit=MAX_DEPTH)
                container: Any = {} if cls is _MapStart else []
                if ev.tag not in (None, "!", _TAG + "map", _TAG + "seq"):
                    self.problems.append(problem(self.src.path, mark, "yaml-tag", tag=ev.tag))
                frame = _Frame(container, mark, ev.anchor)
                self.src.marks[id(container)] = (frame.values, frame.keys)
                stack.append(frame)
            elif cls is _MapEnd or cls is _SeqEnd:
                frame = stack.pop()
                self._attach(frame.container, frame.mark, frame.size, frame.anchor, None, 1)
            elif cls is _Alias:
                if ev.anchor not in self.anchors:
                    raise _StructureError(f"found undefined alias '{ev.anchor}'", mark)
                value, size = self.anchors[ev.anchor]
                self.aliased = True
                self._attach(value, mark, size, None, None, size)
            elif cls is _DocStart:
                self.documents += 1
                if self.documents > 1:
                    raise _StructureError("expected a single document, found a second one", mark)

    def _attach(self, value: Any, mark: Mark, size: int, anchor: str | None, raw: str | None, new: int) -> None:
        """Attach a finished node (`size` values with everything inside it) to its parent. `new`
        is how many values it adds to the file: 1 for a scalar or a container (whose contents
        were counted as they came), the whole expansion for an alias."""
        self.total += new
        if self.total > MAX_NODES:
            raise _fatal(self.src.path, mark, "alias-bomb" if self.aliased else "too-many-nodes", limit=MAX_NODES)
        if anchor:
            self.anchors[anchor] = (value, size)
        if not self.stack:
            self.root = value
            self.src.root_mark = mark
            return
        top = self.stack[-1]
        top.size += size
        if not top.is_map:
            top.values[len(top.container)] = mark
            top.container.append(value)
            return
        if top.key is _NO_KEY:  # this node is a key
            if raw is None:
                self.problems.append(problem(self.src.path, mark, "complex-key"))
                top.key = _BAD_KEY
            elif value is _MERGE:
                self.problems.append(problem(self.src.path, mark, "merge-key"))
                top.key = _BAD_KEY
            elif raw in top.keys:
                self.problems.append(problem(self.src.path, mark, "duplicate-key", key=raw, first=top.keys[raw][0]))
                top.key = _BAD_KEY
            else:
                top.keys[raw] = mark
                top.key = raw
            return
        if top.key is not _BAD_KEY:
            top.values[top.key] = mark
            top.container[top.key] = value
        top.key = _NO_KEY

    def _scalar(self, ev: yaml.ScalarEvent, mark: Mark) -> Any:
        tag = ev.tag
        if tag in (None, "!"):
            tag = _resolve(ev.value, ev.implicit)
        kind = tag[len(_TAG) :] if tag.startswith(_TAG) else ""
        if kind not in _KINDS:
            self.problems.append(problem(self.src.path, mark, "yaml-tag", tag=tag))
            return None
        value: str = ev.value
        if kind == "str":
            return value
        if kind == "null":
            return None
        if kind == "bool":
            return _CONSTRUCTOR.bool_values.get(value.lower())
        if kind == "int":
            if value.isdigit() and (value[0] != "0" or len(value) == 1):
                return int(value)  # the common case; 0-prefixed (octal) and 1_000 go the long way
            try:
                return _CONSTRUCTOR.construct_yaml_int(yaml.ScalarNode(tag, value))
            except ValueError:
                pass
        elif kind == "float":
            return _decimal(value)
        elif kind == "timestamp":
            return value  # dates are parsed by the models, which say what they expect
        elif kind == "merge":
            return _MERGE
        self.problems.append(
            problem(self.src.path, mark, "yaml-syntax", detail=yaml_detail(None, f"cannot read {value!r} as {kind}"))
        )
        return None


_MERGE = object()
_KINDS = {"str", "null", "bool", "int", "float", "timestamp", "merge"}


@functools.lru_cache(maxsize=4096)
def _resolve(value: str, implicit: tuple[bool, bool]) -> str:
    """The implicit tag of a scalar (values repeat a lot: units, years, yes/no)."""
    return str(_RESOLVER.resolve(yaml.ScalarNode, value, implicit))  # type: ignore[no-untyped-call]


def _char_at(text: str, line: int, col: int) -> str:
    lines = text.split("\n", line + 1)
    return lines[line][col : col + 1] if line < len(lines) else ""


def _decimal(text: str) -> Decimal:
    t = text.replace("_", "").lower()
    sign = -1 if t.startswith("-") else 1
    body = t.lstrip("+-")
    if body == ".inf":
        return Decimal("Infinity") * sign
    if body == ".nan":
        return Decimal("NaN")
    if ":" in body:  # YAML 1.1 sexagesimal, e.g. 1:30.5
        total = Decimal(0)
        for part in body.split(":"):
            total = total * 60 + Decimal(part)
        return total * sign
    return Decimal(t)
