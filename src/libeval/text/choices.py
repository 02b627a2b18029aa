"""Words people write for a closed set of ids, read as the id: `西部`, `西` or `West` for `west`;
`县级` or `县` for `county`; and province names as people write them (`宁夏回族自治区` = `宁夏` =
`宁夏自治区`). Full-width letters and spaces are read as their ordinary forms.

A single Chinese character stands for an id only when it begins one of that id's Chinese words
and no other id's (`西` is west; `部` is nobody). Unknown words get the closest choice, shown
as `west（西部）` in Chinese and `west (west)` in English.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from libeval.text.bilingual import Bilingual
from libeval.text.labels import LABELS


def fold(text: str) -> str:
    """A word as compared: full-width forms made ordinary (NFKC), spaces dropped, case folded."""
    return "".join(unicodedata.normalize("NFKC", text).split()).casefold()


def closest(word: str, choices: Mapping[str, str]) -> str | None:
    """What the choice closest to a word stands for (choices: word -> what it stands for), when
    at least half alike; ties go to the choice that shares more characters in the same places
    (宁厦: 宁夏, not 辽宁). None when nothing is close, or two things are equally close (部)."""

    def alike(choice: str) -> tuple[float, int]:
        same_place = sum(a == b for a, b in zip(word, choice, strict=False))
        return difflib.SequenceMatcher(None, word, choice).ratio(), same_place

    if len(word) > 4 * max(map(len, choices), default=0):  # nothing so long is a misspelt choice
        return None
    scored = sorted(((alike(c), c) for c in choices), reverse=True)
    if not scored or scored[0][0][0] < 0.5:
        return None
    best = scored[0][0]
    meant = {choices[c] for score, c in scored if score == best}
    return meant.pop() if len(meant) == 1 else None


def clipped(text: str, limit: int = 40) -> str:
    """A written word as a message quotes it: at most `limit` characters."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _is_cjk(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff"


@dataclass(frozen=True)
class Words:
    """The words for a set of ids, each id with its label."""

    ids: tuple[str, ...]
    labels: Mapping[str, Bilingual]
    words: Mapping[str, str]  # folded word -> id
    zh_names: bool = False  # Chinese messages show the names alone (县级): they are written as well as the ids

    def read(self, written: str) -> str | None:
        """The id a written word stands for, or None."""
        return self.words.get(fold(written))

    def shown(self, ident: str) -> Bilingual:
        """An id with its name: `west（西部）` / `west (west)`; the id alone when it has no name."""
        name = self.labels.get(ident)
        zh = f"{ident}（{name.zh}）" if name and name.zh and name.zh != ident else ident
        if self.zh_names and name and name.zh:
            zh = name.zh
        en = f"{ident} ({name.en})" if name and name.en and name.en != ident else ident
        return Bilingual(zh, en)

    def choices(self) -> Bilingual:
        """Every id with its name: `east（东部）、central（中部）、west（西部）`."""
        shown = [self.shown(i) for i in self.ids]
        return Bilingual("、".join(s.zh for s in shown), ", ".join(s.en for s in shown))

    def suggest(self, written: str) -> Bilingual | str:
        """The closest id to an unknown word, shown with its name; "" when nothing is close."""
        close = closest(fold(written), self.words)
        return self.shown(close) if close else ""


def words(
    labels: Mapping[str, Bilingual], extra: Mapping[str, Iterable[str]] | None = None, zh_names: bool = False
) -> Words:
    """The words of `labels` (id -> name): each id, its Chinese and English names, the `extra`
    words given for it, and the single characters that begin its Chinese words and no other's."""
    found: dict[str, str] = {}
    firsts: dict[str, set[str]] = {}
    for ident, label in labels.items():
        written = [ident, label.zh, label.en, *((extra or {}).get(ident, ()))]
        for word in filter(None, written):
            found.setdefault(fold(word), ident)
            if _is_cjk(word[0]):
                firsts.setdefault(word[0], set()).add(ident)
    for char, ids in firsts.items():
        if len(ids) == 1:
            found.setdefault(char, next(iter(ids)))
    return Words(tuple(labels), dict(labels), found, zh_names)


# The library's level: the standard's ids, their labels and the words the evaluation uses
LEVEL_WORDS = words(
    {level: LABELS[f"level.{level}"] for level in ("province", "city", "county", "children")},
    {
        "province": ["省级馆", "省级图书馆", "省馆"],
        "city": ["市级", "地级", "地市", "市级馆", "地市级馆", "地市级图书馆", "市馆", "prefecture"],
        "county": ["县级馆", "县级图书馆", "县馆"],
        "children": ["少儿", "少儿图书馆", "少年儿童图书馆"],
    },
    zh_names=True,
)

# Region words beyond a region's name: 西部地区 for west
REGION_EXTRA = {"east": ["东部地区"], "central": ["中部地区"], "west": ["西部地区"]}


# Province names: the short name a standard lists, whatever people add after it
_SUFFIXES = ("特别行政区", "维吾尔自治区", "回族自治区", "壮族自治区", "自治区", "省", "市")


def province_key(name: str) -> str:
    """A province name as compared: folded, without 省/市/自治区 and the like at its end."""
    key = fold(name)
    for suffix in _SUFFIXES:
        if key.endswith(suffix) and len(key) > len(suffix) + 1:
            return key[: -len(suffix)]
    return key


def find_province(written: str, index: Mapping[str, str]) -> str | None:
    """The key of `index` (province keys) a written province name is: itself, or the longest key
    it begins with (`宁夏回族自治区` and `湖北省恩施州` begin with `宁夏` and `湖北`)."""
    key = province_key(written)
    if key in index:
        return key
    starts = [k for k in index if key.startswith(k)]
    return max(starts, key=len) if starts else None


def suggest_province(written: str, names: Iterable[str]) -> str:
    """The listed province name closest to an unknown one, or ""."""
    close = closest(province_key(written), {province_key(n): n for n in names})
    return close or ""
