"""library.yaml edited in place: the values an import brings are set where they stand, and every
comment, the `# yaml-language-server: $schema=...` line, the key order, the quoting and the flow
or block style of the rest stay as they were written (ruamel.yaml's round trip; imported here
only, inside the function that needs it).

The file has already been read by load/yaml_source.py, which refuses oversized, too deep or
hostile YAML before this module parses it again; its positions tell which placeholder comments
of the scaffold (`# 2013:` under `years:`) a filled year replaces.
"""

from __future__ import annotations

import io
import re
from decimal import Decimal
from typing import Any

from libeval.errors import LibevalError, problem
from libeval.load.yaml_source import Source
from libeval.text.reading import canonical_unit

_PLACEHOLDER = re.compile(r"^\s*#\s*(\d{4})\s*:\s*$")  # the scaffold's `      # 2013:`
# where a top-level key goes when library.yaml lacks it: before the first of these it finds
_ORDER = ["name", "name_en", "level", "province", "region", "attributes", "population", "criteria", "facts"]
BOM = b"\xef\xbb\xbf"


def _indents(text: str) -> tuple[int, int, int]:
    """The file's own indentation (mapping, sequence, dash offset), so that ruamel writes the
    lines it does not change as they were."""
    mapping: int | None = None
    sequence: int | None = None
    offset = 0
    parent: int | None = None  # indentation of the last `key:` line with nothing after it
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        lead = len(line) - len(line.lstrip(" "))
        code = re.sub(r"\s+#.*$", "", stripped)
        if parent is not None and lead > parent:
            if code.startswith("- ") and sequence is None:
                rest = code[2:]
                offset = lead - parent
                sequence = offset + 2 + len(rest) - len(rest.lstrip(" "))
            elif not code.startswith("- ") and mapping is None:
                mapping = lead - parent
        parent = lead if code.endswith(":") and not code.startswith("- ") else None
    mapping = mapping or 2
    return mapping, sequence or mapping, offset if sequence else 0


def _plain(value: Any) -> Any:
    """A Decimal as a YAML number that reads back exactly: an int, or a float written as its text."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(format(value.normalize(), "f"))
    return value


def _drop_placeholders(lines: list[str], src: Source, facts: dict[str, dict[str, Any]]) -> None:
    """Remove the scaffold's `# 2013:` comment lines under `years:` for the years being filled."""
    old_facts = src.data.get("facts")
    if not isinstance(old_facts, dict):
        return
    drop: set[int] = set()
    for fid, entry in facts.items():
        old = old_facts.get(fid)
        if "years" not in entry or not isinstance(old, dict) or "years" not in old:
            continue
        key_line = src.marks.get(id(old), ({}, {}))[1].get("years", (0, 0))[0]
        n = key_line  # 0-based index of the line after `years:`
        while key_line > 0 and n < len(lines) and (m := _PLACEHOLDER.match(lines[n])):
            if int(m.group(1)) in entry["years"]:
                drop.add(n)
            n += 1
    for n in sorted(drop, reverse=True):
        del lines[n]


def _same(old: Any, new: Any) -> bool:
    """Equal and of one kind (True is not 1): then the old node stays, as it was written
    (`1_000`, a folded source text, a quoted string)."""
    new = _plain(new)
    return isinstance(old, bool) == isinstance(new, bool) and old == new


def _assign(target: Any, key: Any, value: Any) -> None:
    if key in target and _same(target[key], value):
        return
    target[key] = _plain(value)


def _set_entry(facts: Any, fid: str, entry: dict[str, Any]) -> None:
    from ruamel.yaml.comments import CommentedMap

    old = facts.get(fid)
    if not isinstance(old, dict):
        if set(entry) <= {"value", "unit"} and old is not None:
            _assign(facts, fid, entry["value"])  # `floor_area: 600` stays a short entry
            return
        old = CommentedMap()
        facts[fid] = old
    if "years" in entry:
        years = old.get("years")
        if not isinstance(years, dict):
            years = CommentedMap()
            old["years"] = years
        for year in [y for y in years if y not in entry["years"]]:
            del years[year]
        for year, value in sorted(entry["years"].items()):
            _assign(years, year, value)
        if "value" in old:
            del old["value"]
    else:
        _assign(old, "value", entry["value"])
        if "years" in old:
            del old["years"]
    unit = entry.get("unit")
    if unit and not (isinstance(old.get("unit"), str) and canonical_unit(old["unit"]) == canonical_unit(unit)):
        old["unit"] = unit
    for key in ("source", "note"):
        if entry.get(key):
            _assign(old, key, entry[key])
    if entry.get("estimated"):
        _assign(old, "estimated", True)
    elif "estimated" in old:
        del old["estimated"]


Edits = tuple[dict[str, dict[str, Any]], dict[str, Any], dict[str, str]]


def edit_library(raw: bytes, text: str, src: Source, edits: Edits, shown: str) -> bytes:
    """library.yaml (`raw`, decoded as `text`, read as `src`) with the sheet's facts and
    top-level values (`population`, `attributes.city_type` ...) set; the rest as it was.
    `edits` is (facts, top-level values, the key each fact id is written under where it is
    written by name: {"floor_area": "建筑面积"}, which the sheet's value replaces by the id)."""
    from ruamel.yaml.error import YAMLError

    facts, top, written = edits
    try:
        return _edit(raw, text, src, facts, top, written)
    except YAMLError as exc:  # what libeval's reader accepted but ruamel.yaml does not
        raise LibevalError([problem(shown, None, "yaml-syntax", detail=str(exc).replace("\n", " "))]) from None


def _edit(
    raw: bytes, text: str, src: Source, facts: dict[str, dict[str, Any]], top: dict[str, Any], written: dict[str, str]
) -> bytes:
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap

    crlf = "\r\n" in text
    lines = text.replace("\r\n", "\n").split("\n")
    _drop_placeholders(lines, src, facts)
    # the round-trip loader builds only maps, sequences and scalars (a `!!python/...` tag stays data,
    # never a call), and the text has passed yaml_source.loads with its size, depth and alias limits
    editor = YAML(typ="rt", pure=True)
    editor.preserve_quotes = True
    editor.width = 1 << 16  # never fold a long line that was one line
    mapping, sequence, offset = _indents(text)
    editor.indent(mapping=mapping, sequence=sequence, offset=offset)
    data = editor.load("\n".join(lines))
    for key, value in top.items():
        target, name = data, key
        if key.startswith("attributes."):
            name = key.split(".", 1)[1]
            if not isinstance(data.get("attributes"), dict):
                _insert(data, "attributes", CommentedMap())
            target = data["attributes"]
        if name in target:
            _assign(target, name, value)
        else:
            _insert(target, name, _plain(value))
    if facts:
        if not isinstance(data.get("facts"), dict):
            data["facts"] = CommentedMap()
        for fid, entry in facts.items():
            if fid in written:
                _rename(data["facts"], written[fid], fid)
            _set_entry(data["facts"], fid, entry)
    out = io.StringIO()
    editor.dump(data, out)
    result = _comment_gap(out.getvalue(), set(lines))
    if crlf:
        result = result.replace("\n", "\r\n")
    return (BOM if raw.startswith(BOM) else b"") + result.encode("utf-8")


def _insert(data: Any, key: str, value: Any) -> None:
    """A key the file lacks, placed where library.yaml's keys usually stand."""
    later = _ORDER[_ORDER.index(key) + 1 :] if key in _ORDER else []
    keys = list(data)
    at = next((keys.index(k) for k in later if k in keys), len(keys))
    data.insert(at, key, value)


_ONE_SPACE_COMMENT = re.compile(r"^(\s*[^\s#'\"][^#'\"]*?\S) (#.*)$")


def _comment_gap(text: str, before: set[str]) -> str:
    """A value written longer than the one it replaced pushes its comment to one space after it
    (`province: 新疆维吾尔自治区 # 省份`); give the lines this edit wrote the usual two."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line not in before and (m := _ONE_SPACE_COMMENT.match(line)):
            lines[i] = f"{m.group(1)}  {m.group(2)}"
    return "\n".join(lines)


def _rename(data: Any, old: str, new: str) -> None:
    """A fact written by name (`建筑面积:`) given its id where it stands, with its comment; the
    id's own entry, left empty (else the name would not have been read as the id), gives way."""
    if old not in data:
        return
    if new in data:
        del data[new]
    at = list(data).index(old)
    comment = data.ca.items.pop(old, None)
    value = data.pop(old)
    data.insert(at, new, value)
    if comment is not None:
        data.ca.items[new] = comment


# where a review's keys go when its file lacks them: before the first of these it finds
_REVIEW_ORDER = ["assessor", "inherit", "by", "members", "date", "note", "judged", "not_applicable", "corrections"]


def edit_review(raw: bytes, text: str, top: dict[str, Any], sections: dict[str, dict[str, Any]], shown: str) -> bytes:
    """An assessment file (`raw`, decoded as `text`; both empty for a new one) with the top-level
    values of `top` set where missing, and each entry of `sections` (judged, not_applicable,
    corrections: key -> entry) set; the rest, its comments and the schema line as they were."""
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.error import YAMLError
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    editor = YAML(typ="rt", pure=True)
    editor.preserve_quotes = True
    editor.width = 1 << 16
    mapping, sequence, offset = _indents(text)
    editor.indent(mapping=mapping, sequence=sequence, offset=offset)
    try:
        data = editor.load(text.replace("\r\n", "\n")) if text.strip() else None
        if data is None:
            data = CommentedMap()
        for key, value in top.items():
            if key not in data:
                later = _REVIEW_ORDER[_REVIEW_ORDER.index(key) + 1 :]
                keys = list(data)
                data.insert(next((keys.index(k) for k in later if k in keys), len(keys)), key, _plain(value))
        for name, entries in sections.items():
            if not entries:
                continue
            target = data.get(name)
            if not isinstance(target, dict):
                target = CommentedMap()
                data[name] = target
            if not target:
                target.fa.set_block_style()  # `judged: {}` as written by `review` grows as a block
            for key, entry in entries.items():
                if name != "corrections":  # a code is text: "1.2" is not a number
                    key = DoubleQuotedScalarString(key)
                target[key] = _review_entry(entry)
        out = io.StringIO()
        editor.dump(data, out)
    except YAMLError as exc:  # what libeval's reader accepted but ruamel.yaml does not
        raise LibevalError([problem(shown, None, "yaml-syntax", detail=str(exc).replace("\n", " "))]) from None
    result = out.getvalue()
    if "\r\n" in text:
        result = result.replace("\n", "\r\n")
    return (BOM if raw.startswith(BOM) else b"") + result.encode("utf-8")


def _review_entry(entry: Any) -> Any:
    """One entry as a short flow mapping (`{points: 12, note: ...}`), years and lists inside it too."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(entry, dict):
        out = CommentedMap()
        for key, value in entry.items():
            out[key] = _review_entry(value)
        out.fa.set_flow_style()
        return out
    if isinstance(entry, list):
        seq = CommentedSeq(_review_entry(v) for v in entry)
        seq.fa.set_flow_style()
        return seq
    return _plain(entry)
