"""Compiling a standard: its indexes, parsed formulas and every check on it, located in its file.

`compile_standard` runs once per standard (a batch reuses the result for every library) and
returns the Standard with the problems found.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from libeval.errors import Problem, Severity, problem
from libeval.models import Boolean, Condition, Derived, FactDef, Judged, Node, StandardSpec, Tiers
from libeval.scoring import formula
from libeval.scoring.standard import POPULATION, Loc, NodeInfo, SourceFile, Standard, at_variant
from libeval.text.choices import province_key
from libeval.text.parser_messages import formula_detail
from libeval.text.suggest import did_you_mean
from libeval.text.words import WORDS


def compile_standard(spec: StandardSpec, src: SourceFile | None) -> Standard:
    """Index and check a validated standard; `src` locates its problems (None: no file)."""
    c = _Compiler(spec, src)
    c.run()
    return Standard(
        spec, src, c.facts, c.derived, c.exprs, c.order, c.nodes, c.leaves, c.problems, frozenset(c.used), c.varies
    )


class _Compiler:
    def __init__(self, spec: StandardSpec, src: SourceFile | None) -> None:
        self.c = spec
        self.src = src
        self.problems: list[Problem] = []
        self.facts: dict[str, FactDef] = {}
        self.derived: dict[str, Derived] = {}
        self.exprs: dict[str, formula.Expr] = {}
        self.order: list[str] = []
        self.nodes: dict[str, NodeInfo] = {}
        self.leaves: list[str] = []
        self.used: set[str] = set()
        self.variants = set(spec.variant.values)
        self.varies = False  # some number is one per variant

    # -- helpers
    def mark(self, loc: Loc, key: bool = False) -> tuple[int, int] | None:
        return self.src.mark(loc, key) if self.src else None

    def add(self, loc: Loc, code: str, severity: Severity = "error", /, key: bool = False, **args: Any) -> None:
        path = self.src.path if self.src else self.c.id
        self.problems.append(problem(path, self.mark(loc, key), code, severity, **args))

    def known(self, name: str) -> bool:
        return name in self.facts or name in self.derived or name == POPULATION

    def use(self, name: str, loc: Loc) -> None:
        self.used.add(name)
        if not self.known(name):
            self.add(
                loc, "unknown-name", name=name, suggest=did_you_mean(name, [*self.facts, *self.derived, POPULATION])
            )

    def variant(self, value: Any, loc: Loc) -> None:
        self.varies = self.varies or isinstance(value, dict)
        if isinstance(value, dict) and set(value) != self.variants:
            self.add(
                loc,
                "variant-keys",
                expected=", ".join(self.c.variant.ids),
                got=", ".join(map(str, value)) or WORDS["nothing"],
            )

    # -- the checks
    def run(self) -> None:
        self.catalogue()
        self.formulas()
        self.tree()
        self.grades()
        self.provinces()
        if self.c.provenance == "official" and not self.c.citation:
            self.add((), "official-needs-citation")
        for i, fact in enumerate(self.c.facts):
            if fact.id not in self.used:
                self.add(("facts", i, "id"), "unused-fact", "info", id=fact.id)

    def provinces(self) -> None:
        """Each province in one region; where the standard varies by region, its variants."""
        spec = self.c.variant
        seen: dict[str, str] = {}
        for region, names in (spec.provinces or {}).items():
            loc = ("variant", "provinces", region)
            if spec.by == "region" and region not in self.variants:
                self.add(loc, "province-region", key=True, region=region, expected=", ".join(spec.ids))
            for i, name in enumerate(names):
                key = province_key(name)
                if key in seen:
                    self.add((*loc, i), "province-twice", name=name, other=seen[key])
                seen.setdefault(key, region)

    def catalogue(self) -> None:
        seen: set[str] = set()
        ids = [("facts", i, f.id) for i, f in enumerate(self.c.facts)]
        ids += [("derived", i, d.id) for i, d in enumerate(self.c.derived)]
        for kind, i, ident in ids:
            if ident == POPULATION:
                self.add((kind, i, "id"), "reserved-name", id=ident)
            elif ident in seen:
                self.add((kind, i, "id"), "duplicate-id", id=ident)
            seen.add(ident)
        self.facts = {f.id: f for f in self.c.facts}
        self.derived = {d.id: d for d in self.c.derived if d.id not in self.facts}

    def formulas(self) -> None:
        deps: dict[str, set[str]] = {}
        for i, d in enumerate(self.c.derived):
            loc = ("derived", i, "formula")
            try:
                expr = formula.parse(d.formula)
            except formula.FormulaError as exc:
                if exc.function is not None:
                    known = ", ".join(formula.FUNCTIONS)
                    suggest = did_you_mean(exc.function, formula.FUNCTIONS)
                    self.add(loc, "formula-function", name=exc.function, known=known, suggest=suggest)
                else:
                    self.add(loc, "formula-syntax", detail=formula_detail(str(exc), exc.offset + 1))
                continue
            self.exprs[d.id] = expr
            deps[d.id] = formula.names(expr)
            for name in sorted(deps[d.id]):
                self.use(name, loc)
        # order derived values so each comes after what it reads; report cycles
        state: dict[str, int] = {}
        index = {d.id: i for i, d in enumerate(self.c.derived)}

        def visit(name: str, trail: list[str]) -> None:
            if state.get(name) == 2:
                return
            if state.get(name) == 1:
                cycle = [*trail[trail.index(name) :], name]
                self.add(("derived", index[name], "formula"), "formula-cycle", cycle=" -> ".join(cycle))
                return
            state[name] = 1
            for dep in sorted(deps.get(name, ())):
                if dep in deps:
                    visit(dep, [*trail, name])
            state[name] = 2
            self.order.append(name)

        for name in deps:
            visit(name, [])

    def tree(self) -> None:
        root = self.c.provenance or "reconstructed"
        firsts: dict[str, Loc] = {}
        tops: list[tuple[Node, Loc]] = [(p, ("parts", i)) for i, p in enumerate(self.c.parts)]
        if self.c.bonus:
            tops.append((self.c.bonus, ("bonus",)))
        for top, top_loc in tops:
            self.node(top, top_loc, None, 0, (root, self.c.citation), top.code, firsts)
        parts_sum = sum((p.max for p in self.c.parts), Decimal(0))
        if parts_sum != self.c.total:
            self.add(("total",), "total-sum", sum=parts_sum, total=self.c.total)

    def node(
        self,
        node: Node,
        loc: Loc,
        parent: str | None,
        depth: int,
        inherited: tuple[str, str | None],
        part: str,
        firsts: dict[str, Loc],
    ) -> None:
        prov, citation = node.provenance or inherited[0], node.citation or inherited[1]
        if node.provenance == "official" and not citation:  # a citation may be inherited
            self.add((*loc, "provenance"), "official-needs-citation")
        if node.code in firsts:
            first = self.mark(firsts[node.code])
            self.add((*loc, "code"), "duplicate-code", code=node.code, first=first[0] if first else "?")
        else:
            firsts[node.code] = (*loc, "code")
            self.nodes[node.code] = NodeInfo(node, loc, parent, depth, prov, part, citation)
        has_rule, has_children = node.rule is not None, bool(node.children)
        if has_rule == has_children:
            self.add(loc, "rule-or-children", code=node.code, got=WORDS["both" if has_rule else "neither"])
        if node.rule is not None:
            self.leaves.append(node.code)
            self.rule(node, (*loc, "rule"))
        if has_children:
            total = sum((ch.max for ch in node.children), Decimal(0))
            if node.capped and total < node.max:
                self.add((*loc, "max"), "capped-sum-short", "warning", code=node.code, max=node.max, sum=total)
            elif not node.capped and total != node.max:
                self.add((*loc, "max"), "points-sum", code=node.code, sum=total, max=node.max)
            for i, child in enumerate(node.children):
                self.node(child, (*loc, "children", i), node.code, depth + 1, (prov, citation), part, firsts)

    def rule(self, node: Node, loc: Loc) -> None:
        rule = node.rule
        if isinstance(rule, Judged):
            for i, level in enumerate(rule.levels):
                if level.points > node.max:
                    self.add(
                        (*loc, "levels", i, "points"),
                        "points-over-max",
                        what=level.name,
                        points=level.points,
                        max=node.max,
                    )
            return
        if rule is None:
            return
        self.use(rule.value, (*loc, "value"))
        fact = self.facts.get(rule.value)
        is_bool = fact is not None and fact.type == "boolean"
        if isinstance(rule, Boolean):
            if self.known(rule.value) and not is_bool:
                self.add(
                    (*loc, "value"),
                    "fact-type",
                    kind=rule.kind,
                    expected=WORDS["boolean"],
                    name=rule.value,
                    actual=WORDS["a number"],
                )
            if rule.points is not None and rule.points > node.max:
                self.add((*loc, "points"), "points-over-max", what=node.code, points=rule.points, max=node.max)
            return
        if is_bool:
            self.add(
                (*loc, "value"),
                "fact-type",
                kind=rule.kind,
                expected=WORDS["number"],
                name=rule.value,
                actual=WORDS["true/false"],
            )
        if isinstance(rule, Tiers):
            self.tiers(node, rule, loc)
        else:
            for attr in ("target",):
                if hasattr(rule, attr):
                    self.variant(getattr(rule, attr), (*loc, attr))

    def tiers(self, node: Node, rule: Tiers, loc: Loc) -> None:
        prev_at: dict[str, Decimal] = {}
        for i, band in enumerate(rule.bands):
            self.variant(band.at, (*loc, "bands", i, "at"))
            if band.points > node.max:
                self.add((*loc, "bands", i, "points"), "band-points", points=band.points, max=node.max)
            ats = band.at if isinstance(band.at, dict) else dict.fromkeys(self.variants, band.at)
            for variant, at in ats.items():
                if at is None:
                    continue
                before = prev_at.get(variant)
                higher = rule.better == "higher"
                if before is not None and ((at >= before) if higher else (at <= before)):
                    self.add((*loc, "bands", i, "at"), "bands-order")
                    break
                prev_at[variant] = at

    def grades(self) -> None:
        seen: set[str] = set()
        for i, grade in enumerate(self.c.grades):
            loc = ("grades", i)
            if grade.id in seen:
                self.add((*loc, "id"), "duplicate-id", id=grade.id)
            seen.add(grade.id)
            self.variant(grade.min_score, (*loc, "min_score"))
            reachable = self.c.total + (self.c.bonus.max if self.c.bonus else Decimal(0))
            mins = grade.min_score.values() if isinstance(grade.min_score, dict) else [grade.min_score]
            highest = max((m for m in mins if m is not None), default=None)
            if highest is not None and highest > reachable:
                self.add((*loc, "min_score"), "grade-unreachable", grade=grade.name, min=highest, total=reachable)
            if grade.provenance == "official" and not (grade.citation or self.c.citation):
                self.add((*loc, "provenance"), "official-needs-citation")
            if i + 1 < len(self.c.grades):
                nxt = self.c.grades[i + 1]
                for v in sorted(self.variants):
                    a, b = at_variant(grade.min_score, v), at_variant(nxt.min_score, v)
                    if a is not None and b is not None and a <= b:
                        self.add((*loc, "min_score"), "grades-order", grade=grade.name, next=nxt.name)
                        break
            for j, cond in enumerate(grade.prerequisites):
                self.condition(cond, (*loc, "prerequisites", j))
                if cond.provenance == "official" and not (cond.citation or grade.citation or self.c.citation):
                    self.add((*loc, "prerequisites", j, "provenance"), "official-needs-citation")

    def condition(self, cond: Condition, loc: Loc) -> None:
        subjects = [s for s in ("value", "score", "score_sum") if getattr(cond, s) is not None]
        tests = [t for t in ("at_least", "at_most", "equals") if getattr(cond, t) is not None]
        if cond.full_marks:
            tests.append("full_marks")
        if len(subjects) != 1:
            self.add(loc, "condition-subject")
        if len(tests) != 1:
            self.add(loc, "condition-test")
        for t in ("at_least", "at_most"):
            if getattr(cond, t) is not None:
                self.variant(getattr(cond, t), (*loc, t))
        if cond.value is not None:
            self.use(cond.value, (*loc, "value"))
            fact = self.facts.get(cond.value)
            is_bool = fact is not None and fact.type == "boolean"
            if cond.full_marks:
                self.add((*loc, "full_marks"), "condition-mismatch", test="full_marks", subject="value")
            if (cond.equals is not None) != is_bool and tests and self.known(cond.value):
                test = "equals" if cond.equals is not None else tests[0]
                self.add(loc, "condition-mismatch", test=test, subject=cond.value)
        codes = [cond.score] if cond.score else []
        for k, code in enumerate(cond.score_sum or []):
            codes.append(code)
            if code not in self.nodes:
                self.add((*loc, "score_sum", k), "unknown-code", code=code, suggest=did_you_mean(code, self.nodes))
        if cond.score and cond.score not in self.nodes:
            self.add((*loc, "score"), "unknown-code", code=cond.score, suggest=did_you_mean(cond.score, self.nodes))
        if (cond.score or cond.score_sum) and cond.equals is not None:
            self.add((*loc, "equals"), "condition-mismatch", test="equals", subject="score")
        if cond.score_sum and cond.full_marks:
            self.add((*loc, "full_marks"), "condition-mismatch", test="full_marks", subject="score_sum")
