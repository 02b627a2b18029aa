"""What an import changes: the sheet's values compared with library.yaml's as read, not as
written. `39万` and 390000, `90%` and 90, 西部 and west are the same value: such an entry is
neither listed as a change nor rewritten (the librarian's `39万` stays as written)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from libeval.scoring.standard import Standard
from libeval.text.bilingual import Bilingual
from libeval.text.choices import LEVEL_WORDS
from libeval.text.reading import number, read_entry, year

_YES_NO = {True: Bilingual("是", "true"), False: Bilingual("否", "false")}
NONE = Bilingual("—", "—")


def _scalar(raw: Any) -> Any:
    """A number or yes/no as read (Decimal or bool); anything unreadable as it is."""
    if raw is None or raw == "":
        return None
    try:
        return number(raw)[0]
    except ValueError:
        return raw


def _same(old: Any, new: Any) -> bool:
    """Equal and of one kind: True is not 1."""
    return isinstance(old, bool) == isinstance(new, bool) and old == new


def read_top(std: Standard, key: str, raw: Any) -> Any:
    """A top-level value of library.yaml as read: the region, level and a variant's attribute as
    the standard's ids, the population as a number, text stripped."""
    if raw is None or isinstance(raw, bool):
        return raw
    if key == "population":
        return _scalar(raw)
    text = str(raw).strip()
    if key == "region":
        return std.region_words.read(text) or text
    if key == "level":
        return LEVEL_WORDS.read(text) or text
    if key.startswith("attributes."):
        return std.variant_words.read(text) or text
    return text


def same_top(std: Standard, key: str, old: Any, new: Any) -> bool:
    return _same(read_top(std, key, old), new)


def _fact(raw: Any) -> tuple[Any, dict[Any, Any] | None, bool] | None:
    """A fact entry's value, years and estimated flag as read; None when it cannot be read."""
    try:
        entry = read_entry(raw if isinstance(raw, dict) else {"value": raw})
        years = entry.get("years")
        read = {year(y): _scalar(v) for y, v in years.items()} if isinstance(years, dict) and years else None
    except ValueError:
        return None
    return _scalar(entry.get("value")), read, bool(entry.get("estimated"))


def same_fact(old: Any, new: dict[str, Any]) -> bool:
    """The sheet's entry says what library.yaml's says: the same value or years, both estimated or not."""
    was, now = _fact(old), _fact(new)
    if was is None or now is None or was[2] != now[2] or (was[1] is None) != (now[1] is None):
        return False
    if was[1] is not None and now[1] is not None:
        return was[1].keys() == now[1].keys() and all(_same(was[1][y], now[1][y]) for y in was[1])
    return _same(was[0], now[0])


def as_written(old: Any, new: dict[str, Any]) -> dict[str, Any] | None:
    """The sheet's entry for a fact whose value is unchanged: None when nothing else it brings
    (source, note) differs, else the entry with library.yaml's value or years as written."""
    written = old if isinstance(old, dict) else {"value": old}
    if all(not new.get(k) or new.get(k) == written.get(k) for k in ("source", "note")):
        return None
    kept = dict(new)
    for key in ("value", "years"):
        if key in kept and key in written:
            kept[key] = written[key]
    return kept


def shown(entry: Any) -> Bilingual:
    """An entry as the change list shows it: its value (yes/no in the output's language) or years."""
    if isinstance(entry, dict):
        if entry.get("years"):
            return Bilingual(
                ", ".join(f"{y}: {shown(v).zh}" for y, v in sorted(entry["years"].items())),
                ", ".join(f"{y}: {shown(v).en}" for y, v in sorted(entry["years"].items())),
            )
        entry = entry.get("value")
    if entry is None or entry == "":
        return NONE
    if isinstance(entry, bool):
        return _YES_NO[entry]
    if isinstance(entry, Decimal):
        entry = int(entry) if entry == entry.to_integral_value() else format(entry.normalize(), "f")
    return Bilingual(str(entry), str(entry))
