"""A library's region and variant, read as its standard's ids and checked against its province.

`region: 西部`, `西` and `west` are all `west` (the words of the standard's variant names and of
the region names); so are a standard's own attribute values (`city_status: 副省级城市`). Where
the standard maps provinces to regions (`variant.provinces`), the province is matched as people
write it (宁夏回族自治区 = 宁夏): a region left out follows from it (said as info), a region
that disagrees is warned of at the region line, unless `region_reason` says why the library is
under another region's policy (the written region is then used).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from libeval.errors import Problem
from libeval.load.located import Sink
from libeval.load.yaml_source import Source
from libeval.models import Library
from libeval.scoring.standard import Standard
from libeval.text.bilingual import Bilingual
from libeval.text.choices import clipped, suggest_province
from libeval.text.suggest import did_you_mean


def read_variant(std: Standard, lib: Library, src: Source) -> tuple[Library, list[Problem]]:
    """The library with its region and variant attribute as the standard's ids (the region from
    the province where it is left out), and the problems of both. A variant that is missing is
    a warning here (`for_scoring` makes it an error); a standard with no number per variant
    needs none."""
    sink = Sink(src)
    by = std.spec.variant.by
    region = _region(sink, std, lib)
    attributes = {k: v for k, v in lib.attributes.items() if v is not None}  # None: not chosen yet
    if by != "region":
        misspelt = False
        for key in lib.attributes:
            if key != by:
                suggest = did_you_mean(key, [by])
                sink.add(("attributes", key), "unknown-attribute", key=True, name=key, expected=by, suggest=suggest)
                misspelt = misspelt or bool(suggest)
        written = lib.attributes.get(by)
        if written is not None:
            value = std.variant_words.read(written)
            if value is None:
                _unknown(sink, ("attributes", by), by, std, written)
            else:
                attributes[by] = value
        elif not misspelt and std.varies:  # a misspelt attribute already says what to write
            at = ("attributes",) if "attributes" in src.data else ()
            where = Bilingual(f"attributes: {{{by}: …}}", f"attributes: {{{by}: …}}")
            _missing(sink, at, std, where)
    elif region is None and lib.region is None and std.varies:
        if std.provinces:
            at = ("province",) if "province" in src.data else ()  # the line to fill
            sink.add(at, "region-missing", "warning", key=True, choices=std.variant_words.choices())
        else:
            _missing(sink, (), std, Bilingual("region: …", "region: …"))
    return lib.model_copy(update={"region": region, "attributes": attributes}), sink.problems


def for_scoring(problems: list[Problem]) -> list[Problem]:
    """The problems with the warning that a library names no variant made an error: scoring
    needs one (`check` keeps it a warning that says what to fill)."""
    return [replace(p, severity="error") if p.code in ("variant-missing", "region-missing") else p for p in problems]


def _region(sink: Sink, std: Standard, lib: Library) -> str | None:
    """The region as the standard's id: as written, or from the province when left out."""
    by_region = std.spec.variant.by == "region"
    region: str | None = None
    if lib.region is not None:
        region = std.region_words.read(lib.region)
        if region is None:
            if by_region:  # the closest word, or the province's region where it has one
                placed = std.region_of(lib.province) if lib.province else None
                _unknown(sink, ("region",), "region", std, lib.region, placed)
                return None
            region = lib.region  # a region the standard does not vary by: shown as written
    if not std.provinces or lib.province is None:
        return region
    placed = std.region_of(lib.province)
    if placed is None:
        names = [n for ns in (std.spec.variant.provinces or {}).values() for n in ns]
        suggest = suggest_province(lib.province, names)
        sink.add(("province",), "unknown-province", "warning", province=clipped(lib.province), suggest=suggest)
        return region
    shown = std.region_words.shown(placed)
    if region is None:
        sink.add(("province",), "region-from-province", "info", province=clipped(lib.province), region=shown)
        return placed
    if region != placed and lib.region_reason is None:
        got = std.region_words.shown(region)
        sink.add(("region",), "region-mismatch", "warning", province=clipped(lib.province), got=got, expected=shown)
    return region


def _unknown(
    sink: Sink, loc: tuple[Any, ...], attribute: str, std: Standard, written: str, meant: str | None = None
) -> None:
    vocabulary = std.region_words if attribute == "region" else std.variant_words
    suggest = vocabulary.shown(meant) if meant is not None else vocabulary.suggest(written)
    expected = vocabulary.choices()
    sink.add(loc, "unknown-variant", attribute=attribute, expected=expected, got=clipped(written), suggest=suggest)


def _missing(sink: Sink, loc: tuple[Any, ...], std: Standard, where: Bilingual) -> None:
    choices = std.variant_words.choices()
    by = std.spec.variant.by
    sink.add(loc, "variant-missing", "warning", attribute=by, name=std.variant_by, where=where, choices=choices)
