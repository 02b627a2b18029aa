"""standard_diff(a, b): what changed from one standard to another. Pure: no I/O, no printing.

Two compiled standards are compared item by item: the standard's own fields, the fact catalogue,
the derived values, the tree of parts, groups and indicators (matched by code), and the grades
with their prerequisites (matched by id). Every change is located by code or id, and listed in
the standards' order: b's order, with what only a has at its place in a. A number given per
variant is compared variant by variant; when every variant changes alike it is one change.
Provenance is compared as it applies (inherited when unset) and reported where it changes: a
node that merely inherits its parent's change is not listed again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from libeval.models import Band, Boolean, Condition, Judged, Linear, PerUnit, Rule, Tiers
from libeval.scoring import formula
from libeval.scoring.standard import Standard, at_variant
from libeval.text.bilingual import Bilingual
from libeval.text.choices import province_key

SECTIONS = ("standard", "fact", "derived", "node", "grade", "prerequisite")


@dataclass(frozen=True)
class Change:
    """One difference. `added`/`removed`: the item itself is `new`/`old` (a Node, FactDef,
    Derived, Grade or Condition, or a Band or Level within a rule). `changed`: `field` says what,
    `item` which band (1-based, as written, top first) or level (by name), `variant` for which
    variant a per-variant number changed (None: for all)."""

    section: str  # one of SECTIONS
    code: str  # node code, fact/derived/grade id, "grade/prerequisite"; "" for the standard itself
    name: Bilingual
    change: str  # added | removed | changed
    field: str = ""
    item: str | None = None
    variant: str | None = None
    old: Any = None
    new: Any = None


@dataclass(frozen=True)
class StandardDiff:
    a: Standard
    b: Standard
    changes: tuple[Change, ...] = field(default=())

    @property
    def identical(self) -> bool:
        return not self.changes

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(("added", "removed", "changed"), 0)
        for c in self.changes:
            out[c.change] += 1
        return out

    def of(self, section: str, code: str) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.section == section and c.code == code)


def merged_order(a: Sequence[str], b: Sequence[str]) -> list[str]:
    """b's keys in b's order, with each key only a has placed after its predecessor in a."""
    out = list(b)
    known = set(out)
    after: str | None = None
    for key in a:
        if key not in known:
            pos = out.index(after) + 1 if after is not None else 0
            out.insert(pos, key)
            known.add(key)
        after = key
    return out


def _bi(item: Any) -> Bilingual:
    zh = getattr(item, "name", None) or getattr(item, "title", None) or ""
    en = getattr(item, "name_en", None) or getattr(item, "title_en", None) or ""
    return Bilingual(str(zh), str(en))


class _Changes:
    """Collects the changes of one located item."""

    def __init__(self, out: list[Change], section: str, code: str, name: Bilingual, variants: list[str]) -> None:
        self.out, self.section, self.code, self.name, self.variants = out, section, code, name, variants

    def compare(self, what: str, old: Any, new: Any, item: str | None = None, variant: str | None = None) -> None:
        if old != new:
            self.out.append(Change(self.section, self.code, self.name, "changed", what, item, variant, old, new))

    def names(self, a: Any, b: Any) -> None:
        self.compare("name", a.name, b.name)
        self.compare("name_en", a.name_en, b.name_en)

    def numbers(self, what: str, old: Any, new: Any, item: str | None = None) -> None:
        """A number that may be given per variant: one change when every variant changes alike."""
        if old == new:
            return
        if not isinstance(old, dict) and not isinstance(new, dict):
            self.compare(what, old, new, item)
            return
        pairs = [(v, at_variant(old, v), at_variant(new, v)) for v in self.variants]
        changed = [(v, o, n) for v, o, n in pairs if o != n]
        if len(changed) == len(pairs) and len({(o, n) for _, o, n in changed}) == 1:
            self.compare(what, changed[0][1], changed[0][2], item)
            return
        for v, o, n in changed:
            self.compare(what, o, n, item, v)

    def provenance(self, old: str, new: str, inherited: tuple[str, str] | None) -> None:
        """Provenance as it applies; not repeated where it only follows the level above."""
        if old != new and (old, new) != inherited:
            self.compare("provenance", old, new)


def _one_side(out: list[Change], section: str, code: str, a: Any, b: Any) -> None:
    """An item on one side only: added (a is None) or removed."""
    if a is None:
        out.append(Change(section, code, _bi(b), "added", new=b))
    else:
        out.append(Change(section, code, _bi(a), "removed", old=a))


def _standard(out: list[Change], a: Standard, b: Standard, variants: list[str]) -> None:
    sa, sb = a.spec, b.spec
    c = _Changes(out, "standard", "", Bilingual(sb.title, sb.title_en or ""), variants)
    c.compare("id", sa.id, sb.id)
    c.compare("title", sa.title, sb.title)
    c.compare("title_en", sa.title_en, sb.title_en)
    c.compare("level", sa.level, sb.level)
    c.compare("period", f"{sa.period.start}-{sa.period.end}", f"{sb.period.start}-{sb.period.end}")
    c.compare("total", sa.total, sb.total)
    c.compare("precision", sa.precision, sb.precision)
    c.compare("variant", sa.variant.by, sb.variant.by)
    c.compare("variants", ", ".join(list(sa.variant.values)), ", ".join(list(sb.variant.values)))
    named = {
        key: name
        for std in (sa, sb)
        for region, names in (std.variant.provinces or {}).items()
        for name in names
        for key in [province_key(name)]
    }
    for key, name in named.items():  # a province placed in another region, or listed on one side
        c.compare("province", a.provinces.get(key), b.provinces.get(key), name)
    c.provenance(sa.provenance or "reconstructed", sb.provenance or "reconstructed", None)
    c.compare("citation", sa.citation, sb.citation)


def _catalogue(out: list[Change], a: Standard, b: Standard, variants: list[str]) -> None:
    for fid in merged_order(list(a.facts), list(b.facts)):
        fa, fb = a.facts.get(fid), b.facts.get(fid)
        if fa is None or fb is None:
            _one_side(out, "fact", fid, fa, fb)
            continue
        c = _Changes(out, "fact", fid, _bi(fb), variants)
        c.names(fa, fb)
        for what in ("unit", "type", "per_year", "aggregate", "better"):
            c.compare(what, getattr(fa, what), getattr(fb, what))
    for did in merged_order(list(a.derived), list(b.derived)):
        da, db = a.derived.get(did), b.derived.get(did)
        if da is None or db is None:
            _one_side(out, "derived", did, da, db)
            continue
        c = _Changes(out, "derived", did, _bi(db), variants)
        c.names(da, db)
        for what in ("unit", "formula", "better"):
            c.compare(what, getattr(da, what), getattr(db, what))


def _rule(c: _Changes, ra: Rule | None, rb: Rule | None) -> None:
    if (ra.kind if ra else None) != (rb.kind if rb else None):
        c.compare("rule", ra.kind if ra else None, rb.kind if rb else None)
        return
    if isinstance(ra, Judged) and isinstance(rb, Judged):
        levels_a, levels_b = {lv.name: lv for lv in ra.levels}, {lv.name: lv for lv in rb.levels}
        for name in merged_order(list(levels_a), list(levels_b)):
            la, lb = levels_a.get(name), levels_b.get(name)
            if la is not None and lb is not None:
                c.compare("level.points", la.points, lb.points, name)
            else:
                c.compare("judged_level", la, lb, name)
        return
    if ra is None or rb is None or isinstance(ra, Judged) or isinstance(rb, Judged):
        return
    c.compare("value", ra.value, rb.value)
    if isinstance(ra, Tiers) and isinstance(rb, Tiers):
        c.compare("better", ra.better, rb.better)
        for i in range(max(len(ra.bands), len(rb.bands))):
            ba: Band | None = ra.bands[i] if i < len(ra.bands) else None
            bb: Band | None = rb.bands[i] if i < len(rb.bands) else None
            if ba is not None and bb is not None:
                c.numbers("band.at", ba.at, bb.at, str(i + 1))
                c.compare("band.points", ba.points, bb.points, str(i + 1))
            else:
                c.compare("band", ba, bb, str(i + 1))
    elif isinstance(ra, Linear) and isinstance(rb, Linear):
        c.numbers("target", ra.target, rb.target)
    elif isinstance(ra, PerUnit) and isinstance(rb, PerUnit):
        c.compare("points", ra.points, rb.points)
        c.compare("per", ra.per, rb.per)
    elif isinstance(ra, Boolean) and isinstance(rb, Boolean):
        c.compare("points", ra.points, rb.points)


def _tree(out: list[Change], a: Standard, b: Standard, variants: list[str]) -> None:
    roots: tuple[str, str] = (a.spec.provenance or "reconstructed", b.spec.provenance or "reconstructed")
    for code in merged_order(list(a.nodes), list(b.nodes)):
        ia, ib = a.nodes.get(code), b.nodes.get(code)
        if ia is None or ib is None:
            _one_side(out, "node", code, ia.node if ia else None, ib.node if ib else None)
            continue
        na, nb = ia.node, ib.node
        c = _Changes(out, "node", code, _bi(nb), variants)
        c.names(na, nb)
        c.compare("parent", ia.parent, ib.parent)
        c.compare("max", na.max, nb.max)
        c.compare("capped", na.capped, nb.capped)
        _rule(c, na.rule, nb.rule)
        c.compare("not_applicable", na.not_applicable, nb.not_applicable)
        above = roots
        if ia.parent is not None and ia.parent == ib.parent:
            above = (a.nodes[ia.parent].provenance, b.nodes[ib.parent].provenance)
        c.provenance(ia.provenance, ib.provenance, above if above[0] != above[1] else None)
        c.compare("citation", na.citation, nb.citation)


def subject(cond: Condition) -> str:
    """What a prerequisite tests, as one text: a value id, `score 1.1.8`, `score 1.1+1.2`."""
    if cond.value is not None:
        return cond.value
    if cond.score is not None:
        return f"score {cond.score}"
    return "score " + "+".join(cond.score_sum or [])


def _grades(out: list[Change], a: Standard, b: Standard, variants: list[str]) -> None:
    roots = (a.spec.provenance or "reconstructed", b.spec.provenance or "reconstructed")
    grades_a, grades_b = {g.id: g for g in a.spec.grades}, {g.id: g for g in b.spec.grades}
    for gid in merged_order(list(grades_a), list(grades_b)):
        ga, gb = grades_a.get(gid), grades_b.get(gid)
        if ga is None or gb is None:
            _one_side(out, "grade", gid, ga, gb)
            continue
        c = _Changes(out, "grade", gid, _bi(gb), variants)
        c.names(ga, gb)
        c.numbers("min_score", ga.min_score, gb.min_score)
        prov = (ga.provenance or roots[0], gb.provenance or roots[1])
        c.provenance(*prov, roots if roots[0] != roots[1] else None)
        c.compare("citation", ga.citation, gb.citation)
        conds_a, conds_b = {x.id: x for x in ga.prerequisites}, {x.id: x for x in gb.prerequisites}
        for cid in merged_order(list(conds_a), list(conds_b)):
            ca, cb = conds_a.get(cid), conds_b.get(cid)
            where = f"{gid}/{cid}"
            if ca is None or cb is None:
                _one_side(out, "prerequisite", where, ca, cb)
                continue
            p = _Changes(out, "prerequisite", where, _bi(cb), variants)
            p.names(ca, cb)
            p.compare("subject", subject(ca), subject(cb))
            p.numbers("at_least", ca.at_least, cb.at_least)
            p.numbers("at_most", ca.at_most, cb.at_most)
            p.compare("equals", ca.equals, cb.equals)
            p.compare("full_marks", ca.full_marks, cb.full_marks)
            p.provenance(ca.provenance or prov[0], cb.provenance or prov[1], prov if prov[0] != prov[1] else None)
            p.compare("citation", ca.citation, cb.citation)


def standard_diff(a: Standard, b: Standard) -> StandardDiff:
    """Every change from standard `a` to standard `b`, located and in the standards' order."""
    variants = merged_order(list(a.spec.variant.values), list(b.spec.variant.values))  # ids, listed or keyed
    out: list[Change] = []
    _standard(out, a, b, variants)
    _catalogue(out, a, b, variants)
    _tree(out, a, b, variants)
    _grades(out, a, b, variants)
    return StandardDiff(a, b, tuple(out))


def names_read(std: Standard, value_id: str) -> set[str]:
    """The value an indicator reads and every fact and derived value behind it."""
    seen: set[str] = set()
    stack = [value_id]
    while stack:
        name = stack.pop()
        if name not in seen:
            seen.add(name)
            if name in std.exprs:
                stack.extend(formula.names(std.exprs[name]))
    return seen


def indicator_causes(d: StandardDiff, code: str) -> tuple[Change, ...]:
    """The changes that can explain why an indicator scores differently: its own (max, rule,
    bands, not-applicable option...) and those of the facts and derived values its rule reads."""
    own = d.of("node", code)
    read: set[str] = set()
    for std in (d.a, d.b):
        info = std.nodes.get(code)
        rule = info.node.rule if info else None
        if rule is not None and not isinstance(rule, Judged):
            read |= names_read(std, rule.value)
    values = tuple(c for c in d.changes if c.section in ("fact", "derived") and c.code in read)
    return own + values
