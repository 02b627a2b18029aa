"""A standard made ready for scoring (scoring/compiler.py makes one): its indexes, parsed
formulas, provenance of every number, variants and their names."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from typing import Any, Protocol

from libeval.errors import Problem
from libeval.models import Condition, Derived, FactDef, Grade, Node, StandardSpec
from libeval.scoring import formula
from libeval.text.bilingual import Bilingual
from libeval.text.choices import REGION_EXTRA, Words, find_province, province_key, words
from libeval.text.labels import LABELS, region_label
from libeval.text.suggest import did_you_mean
from libeval.text.units import Unit


class SourceFile(Protocol):
    """What scoring needs of the file a standard was read from (load.yaml_source.Source is one):
    its name as shown, its path and hash for reports, and the position of any value in it."""

    path: str
    file: Path | None
    sha256: str

    def mark(self, loc: tuple[Any, ...], key: bool = False) -> tuple[int, int] | None: ...


POPULATION = "population"  # the library's service population, usable in every formula

Loc = tuple[Any, ...]


@dataclass
class NodeInfo:
    node: Node
    loc: Loc
    parent: str | None
    depth: int
    provenance: str  # "official" or "reconstructed", inherited when unset
    part: str  # code of the top-level part (or of the bonus)
    citation: str | None = None  # where an official value is published, inherited when unset


@dataclass(frozen=True)
class ProvenanceItem:
    """One number (or rule) of a standard and whether it is official or reconstructed."""

    path: str  # where it is: "1.1.1" (a rule), "1.1" (a group's max), "grade1.min_score", "grade1.loans"
    what: Bilingual  # 满分 / 评分规则 / 最低分 / 必备条件: name
    provenance: str
    citation: str | None
    rationale: str | None


@dataclass
class Standard:
    spec: StandardSpec  # the standard as written in its file
    source: SourceFile | None  # where it was read from (positions of its values, its hash)
    facts: dict[str, FactDef]
    derived: dict[str, Derived]
    exprs: dict[str, formula.Expr]
    derived_order: list[str]
    nodes: dict[str, NodeInfo]
    leaves: list[str]
    problems: list[Problem] = field(default_factory=list)
    used: frozenset[str] = frozenset()  # the facts, derived values (and population) something reads
    varies: bool = True  # some number is one per variant: a library must name its variant
    _deps: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    _dependents: dict[str, frozenset[str]] | None = field(default=None, repr=False)
    _provenance: tuple[ProvenanceItem, ...] | None = field(default=None, repr=False)

    @property
    def id(self) -> str:
        return self.spec.id

    @property
    def variant_by(self) -> Bilingual:
        """What the standard's variants are called: 地区 for regions, else as the standard says."""
        spec = self.spec.variant
        if spec.name is not None:
            return Bilingual(spec.name.zh, spec.name.en or "")
        return LABELS["region"] if spec.by == "region" else Bilingual(spec.by, spec.by)

    def variant_label(self, value: str) -> Bilingual:
        """A variant's readable name: as the standard gives it, a region's, or the value itself."""
        given = self.spec.variant.label(value)
        if given is not None:
            return Bilingual(given.zh, given.en or "")
        return region_label(value) if self.spec.variant.by == "region" else Bilingual(value or "—", value or "—")

    def variant_choices(self, lang: str) -> str:
        """The variants with their names, for messages: `east（东部）、central（中部）、west（西部）`."""
        out = []
        for v in self.spec.variant.ids:
            name = self.variant_label(v).get(lang)
            out.append(v if name == v else (f"{v}（{name}）" if lang == "zh" else f"{v} ({name})"))
        return ("、" if lang == "zh" else ", ").join(out)

    def in_period(self, year: int) -> bool:
        """Whether a year counts: a per-year value outside the evaluation period is not counted."""
        return self.spec.period.start <= year <= self.spec.period.end

    @cached_property
    def variant_words(self) -> Words:
        """The words a library may write for a variant: its id, its names, 西 for 西部."""
        ids = self.spec.variant.ids
        return words(
            {v: self.variant_label(v) for v in ids}, REGION_EXTRA if self.spec.variant.by == "region" else None
        )

    @cached_property
    def region_words(self) -> Words:
        """The words for a region: the variants where the standard varies by region, else the
        regions its province table names (east, central and west by default)."""
        if self.spec.variant.by == "region":
            return self.variant_words
        regions = list(self.spec.variant.provinces or ("east", "central", "west"))
        return words({r: region_label(r) for r in regions}, REGION_EXTRA)

    @cached_property
    def provinces(self) -> dict[str, str]:
        """Province keys (宁夏) to the region the standard places them in; empty without a table."""
        table = self.spec.variant.provinces or {}
        return {province_key(name): region for region, names in table.items() for name in names}

    def region_of(self, province: str) -> str | None:
        """The region of a province as written (宁夏回族自治区 = 宁夏), or None when not listed."""
        key = find_province(province, self.provinces)
        return self.provinces[key] if key is not None else None

    def suggest_code(self, code: str, judged_only: bool = False) -> str:
        """The code most likely meant: for a group (a part, "4"), its first indicator ("4.1");
        else the closest code, written alike or sharing its beginning."""

        def wanted(c: str) -> bool:
            node = self.nodes[c].node
            return node.rule is not None and (not judged_only or node.rule.kind == "judged")

        candidates = [c for c in self.nodes if wanted(c)] if judged_only else list(self.nodes)
        below = [c for c in candidates if c.startswith(f"{code}.")]
        if below:
            return below[0]
        return did_you_mean(code, candidates) or did_you_mean(code.rstrip("."), candidates)

    def name_of(self, value_id: str, lang: str = "zh") -> str:
        item: FactDef | Derived | None = self.facts.get(value_id) or self.derived.get(value_id)
        if item is None:
            return "服务人口" if lang == "zh" else "service population"
        return (item.name_en or item.name) if lang == "en" else item.name

    def unit_of(self, value_id: str, lang: str = "zh") -> str:
        """The unit shown with a value (㎡, English units in English: text/units.py)."""
        return self.unit(value_id).shown(lang)

    def unit(self, value_id: str) -> Unit:
        """A value's unit as the standard writes it (the service population's: 人)."""
        item: FactDef | Derived | None = self.facts.get(value_id) or self.derived.get(value_id)
        if item is None:
            return Unit("人", "people") if value_id == POPULATION else Unit()
        return Unit(item.unit or "", item.unit_en or "")

    def node_subject(self, code: str) -> Bilingual:
        """What a score condition tests, by name: 服务效能部分得分 / score of part 1 (Service
        effectiveness); 1.1.8 基本服务项目免费开放得分 / score of 1.1.8 (Free opening)."""
        info = self.nodes.get(code)
        if info is None:
            return Bilingual(f"{code} 得分", f"score of {code}")
        zh, en = info.node.name, info.node.name_en or info.node.name
        if info.parent is None and info.node.rule is None:
            part = "" if zh.endswith(("部分", "项")) else "部分"
            return Bilingual(f"{zh}{part}得分", f"score of part {code} ({en})")
        return Bilingual(f"{code} {zh}得分", f"score of {code} ({en})")

    def depends_on(self, name: str) -> tuple[str, ...]:
        """The facts (and the population) a value rests on, through derived values; cached."""
        cached = self._deps.get(name)
        if cached is not None:
            return cached
        out: list[str] = []
        stack, seen = [name], set()
        while stack:
            n = stack.pop()
            if n in seen:
                continue
            seen.add(n)
            if n in self.facts or n == POPULATION:
                out.append(n)
            elif n in self.exprs:
                stack.extend(sorted(formula.names(self.exprs[n]), reverse=True))
        self._deps[name] = tuple(out)
        return self._deps[name]

    def dependents(self, fact: str) -> frozenset[str]:
        """The fact and every derived value that rests on it (the reverse of `depends_on`),
        from one map of the whole standard built on first use."""
        if self._dependents is None:
            reverse: dict[str, set[str]] = {f: {f} for f in self.facts}
            for name in self.exprs:
                for f in self.depends_on(name):
                    reverse.setdefault(f, {f}).add(name)
            self._dependents = {f: frozenset(names) for f, names in reverse.items()}
        return self._dependents.get(fact) or frozenset((fact,))

    def provenance_counts(self) -> tuple[int, int]:
        """(reconstructed, total) over the numbers a result rests on: every part's and group's
        maximum, every indicator's rule, every grade's minimum score and every prerequisite."""
        items = self.provenance_items()
        return sum(1 for i in items if i.provenance == "reconstructed"), len(items)

    def provenance_items(self) -> tuple[ProvenanceItem, ...]:
        """Every number of the standard with its provenance, in the standard's order."""
        if self._provenance is None:
            self._provenance = tuple(self._provenance_items())
        return self._provenance

    def condition_provenance(self, grade: Grade, cond: Condition | None = None) -> tuple[str, str | None]:
        """(provenance, citation) of a grade's minimum score (cond None) or of one prerequisite.
        Each is its own number: a prerequisite does not take the grade's provenance (a grade
        marked reconstructed for its minimum score leaves its prerequisites as they are marked,
        else as the standard is); a citation is inherited from the grade, then the standard."""
        root = self.spec.provenance or "reconstructed"
        citation = grade.citation or self.spec.citation
        if cond is None:
            return grade.provenance or root, citation
        return cond.provenance or root, cond.citation or citation

    def _provenance_items(self) -> list[ProvenanceItem]:
        out = []
        for code, info in self.nodes.items():
            node = info.node
            what = Bilingual("评分规则", "rule") if node.rule is not None else Bilingual("满分", "maximum")
            name = Bilingual(f"{what.zh}：{node.name}", f"{what.en}: {node.name_en or node.name}")
            out.append(ProvenanceItem(code, name, info.provenance, info.citation, node.rationale))
        for grade in self.spec.grades:
            prov, cite = self.condition_provenance(grade)
            what = Bilingual(f"最低分：{grade.name}", f"minimum score: {grade.name_en or grade.name}")
            out.append(ProvenanceItem(f"{grade.id}.min_score", what, prov, cite, grade.rationale))
            for cond in grade.prerequisites:
                prov, cite = self.condition_provenance(grade, cond)
                what = Bilingual(f"必备条件：{cond.name}", f"prerequisite: {cond.name_en or cond.name}")
                out.append(ProvenanceItem(f"{grade.id}.{cond.id}", what, prov, cite, cond.rationale))
        return out


def at_variant(value: Any, variant: str) -> Decimal | None:
    """The number that applies to a variant (None: the item does not apply to it)."""
    return value.get(variant) if isinstance(value, dict) else value
