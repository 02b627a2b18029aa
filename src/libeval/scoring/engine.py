"""score(standard, library, assessment) -> Result. Pure: no I/O, no printing."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from libeval.errors import Problem, problem
from libeval.models import Assessment, Judged, Library, Linear, Node, Tiers
from libeval.models.result import CorrectionResult, FactResult, GroupResult, IndicatorResult, Result
from libeval.scoring.completeness import completeness
from libeval.scoring.formula import MissingValue, ZeroDivision
from libeval.scoring.grading import grade_all
from libeval.scoring.rules import ZERO, Context, Outcome, score_rule
from libeval.scoring.standard import POPULATION, Standard, at_variant
from libeval.scoring.values import Values
from libeval.text import numbers
from libeval.text.bilingual import Bilingual
from libeval.text.units import Unit


def variant_of(std: Standard, library: Library) -> str:
    by = std.spec.variant.by
    return (library.region or "") if by == "region" else (library.attributes.get(by) or "")


def score(std: Standard, library: Library, assessment: Assessment | None, assessment_name: str = "") -> Result:
    """Score a library against a standard, with one assessor's awards and fact corrections
    (None: no assessment, every judged indicator `not_judged`). Every indicator gets its points,
    status and explanation; groups are summed (and capped), the bonus added, every grade's
    conditions evaluated. Exact decimals throughout; pure: no I/O, no printing."""
    crit = std.spec
    values = Values(std, library, assessment)
    variant = variant_of(std, library)
    judged = assessment.judged if assessment else {}
    na = assessment.not_applicable if assessment else {}
    indicators: list[IndicatorResult] = []
    groups: dict[str, GroupResult] = {}
    scores: dict[str, Decimal] = {}
    maxima: dict[str, Decimal] = {}

    def visit(node: Node) -> tuple[Decimal, Decimal]:
        """(score, effective max) of a node, recording results on the way."""
        info = std.nodes[node.code]
        if node.rule is not None:
            who = assessment.assessor if assessment else "self"
            ctx = Context(values, variant, crit.precision, judged.get(node.code), who)
            eff_max = node.max
            if node.code in na and node.not_applicable is not None:
                full = node.not_applicable == "full_marks"
                pts = node.max if full else ZERO
                eff_max = node.max if full else ZERO
                zh = f"不适用（{na[node.code]}），" + (
                    f"按满分计 {numbers.points(node.max)} 分" if full else "不计入总分"
                )
                en = f"not applicable ({na[node.code]}) → " + ("counted at full marks" if full else "left out")
                text = Bilingual(zh, en)
                out = Outcome(pts, "not_applicable", lambda: text)
            else:
                out = score_rule(node, ctx)
            value_id = None if isinstance(node.rule, Judged) else node.rule.value
            award = judged.get(node.code)
            indicators.append(
                IndicatorResult(
                    code=node.code,
                    name=Bilingual(node.name, node.name_en or node.name),
                    max=node.max,
                    score=out.score,
                    status=out.status,
                    explain=out.explain,
                    part=info.part,
                    parent=info.parent,
                    depth=info.depth,
                    kind=node.rule.kind,
                    provenance=info.provenance,
                    value_id=value_id,
                    value=out.value,
                    unit=std.unit(value_id) if value_id else Unit(),
                    facts=values.depends_on(value_id) if value_id else (),
                    note=award.note if award else None,
                    level=out.level,
                    **_rule_figures(node, variant),
                )
            )
            scores[node.code], maxima[node.code] = out.score, eff_max
            return out.score, eff_max
        raw = ZERO
        child_max = ZERO
        for child in node.children:
            s, m = visit(child)
            raw += s
            child_max += m
        eff_max = min(node.max, child_max) if node.capped else child_max
        total = min(raw, node.max) if node.capped else raw
        groups[node.code] = GroupResult(
            node.code,
            Bilingual(node.name, node.name_en or node.name),
            eff_max,
            total,
            raw,
            node.capped,
            info.parent,
            info.depth,
            tuple(ch.code for ch in node.children),
        )
        scores[node.code], maxima[node.code] = total, eff_max
        return total, eff_max

    base = base_max = ZERO
    for part in crit.parts:
        s, m = visit(part)
        base += s
        base_max += m
    bonus = bonus_max = ZERO
    if crit.bonus is not None:
        bonus, bonus_max = visit(crit.bonus)
    total = base + bonus
    leaves = {i.code: i for i in indicators}  # a part (or the bonus) may itself be an indicator
    grades = grade_all(std, values, variant, total, scores, maxima)
    reached = next((g for g in grades if g.achieved), None)
    recon, prov_total = std.provenance_counts()
    used = {f for ind in indicators if ind.status != "not_applicable" for f in ind.facts}  # what the result rests on
    return Result(
        library=library.name,
        library_en=library.name_en,
        province=library.province or "",
        region=library.region or "",
        variant=variant,
        variant_by=std.variant_by,
        variant_name=std.variant_label(variant),
        criteria_id=crit.id,
        criteria_title=Bilingual(crit.title, crit.title_en or crit.title),
        assessment=assessment_name,
        assessor=assessment.assessor if assessment else "",
        assessed_by=assessment.by if assessment else None,
        date=assessment.date.isoformat() if assessment else "",
        total=total,
        max=base_max,
        base=base,
        bonus=bonus,
        bonus_max=bonus_max,
        grade=reached,
        grades=grades,
        parts=tuple(groups.get(p.code) or leaves[p.code] for p in crit.parts),
        groups=groups,
        indicators=tuple(indicators),
        corrections=_corrections(std, library, assessment, values),
        missing=tuple(f for f in (POPULATION, *std.facts) if not values.given(f) and f in used),
        estimated=tuple(f for f in std.facts if values.estimated(f) and f in used),
        reconstructed=recon,
        provenance_total=prov_total,
        problems=tuple(_problems(std, values)),
        bonus_part=(groups.get(crit.bonus.code) or leaves[crit.bonus.code]) if crit.bonus else None,
        facts=_facts(std, library, values, assessment),
        population=values.population,
        level=library.level,
        period=(crit.period.start, crit.period.end),
        assessment_note=assessment.note if assessment else None,
        completeness=completeness(std, values, variant, indicators),
    )


def _rule_figures(node: Node, variant: str) -> dict[str, Any]:
    """The numbers of an indicator's rule that apply to the library's variant (for the expert's
    view: every band and the next one up, a linear rule's target)."""
    rule = node.rule
    if isinstance(rule, Tiers):
        bands = tuple((at, b.points) for b in rule.bands if (at := at_variant(b.at, variant)) is not None)
        return {"bands": bands, "better": rule.better}
    if isinstance(rule, Linear):
        return {"target": at_variant(rule.target, variant)}
    return {}


def _facts(std: Standard, library: Library, values: Values, assessment: Assessment | None) -> tuple[FactResult, ...]:
    corrections = assessment.corrections if assessment else {}
    out = []
    for fid, fact in std.facts.items():
        entry = library.facts.get(fid)
        try:
            value: Decimal | bool | None = values.get(fid)
        except (MissingValue, ZeroDivision):
            value = None
        corr = corrections.get(fid)
        source = entry.source if entry else None
        note = entry.note if entry else None
        evidence = tuple(entry.evidence) if entry else ()
        if corr is not None and corr.changes:  # the team's value: its reason and evidence
            source, note, evidence = corr.reason, corr.note, tuple(corr.evidence)
        elif corr is not None:  # verified: the library's source, the team's evidence added
            evidence = (*evidence, *(e for e in corr.evidence if e not in evidence))
            note = corr.note if corr.note is not None else note
        verified = corr is not None and corr.verified
        out.append(
            FactResult(
                id=fid,
                name=Bilingual(fact.name, fact.name_en or ""),
                label=Bilingual(values.label(fid, "zh"), values.label(fid, "en")),
                unit=Unit(fact.unit or "", fact.unit_en or ""),
                value=value,
                given=entry.value if entry else None,
                given_years=dict(entry.years) if entry and entry.years else None,
                source=source,
                note=note,
                evidence=evidence,
                estimated=values.estimated(fid) and not verified,
                corrected=corr is not None,
                profile=fact.profile,
                structural=fact.structural,
                verified=verified,
            )
        )
    return tuple(out)


def _corrections(
    std: Standard, library: Library, assessment: Assessment | None, values: Values
) -> tuple[CorrectionResult, ...]:
    """Each correction, old → new, over what it names: a per-year correction shows only its years."""
    if assessment is None:
        return ()
    out = []
    for fact_id, corr in assessment.corrections.items():
        name = Bilingual(std.name_of(fact_id, "zh"), std.name_of(fact_id, "en"))
        olds = {}
        for lang in ("zh", "en"):
            if fact_id == POPULATION:
                olds[lang] = numbers.value(library.population, lang) if library.population is not None else "—"
                continue
            entry = library.facts.get(fact_id)
            if entry is None:
                olds[lang] = "—"
            elif corr.years is not None and entry.years:
                olds[lang] = numbers.fact(None, {y: entry.years.get(y) for y in corr.years}, lang)
            else:
                olds[lang] = numbers.fact(entry.value, entry.years, lang)
        after = {}
        for lang in ("zh", "en"):
            if fact_id == POPULATION:
                after[lang] = numbers.value(values.population, lang) if values.population is not None else "—"
            else:
                now = values.entries[fact_id]
                after[lang] = numbers.fact(now.value, now.years, lang)
        # verified alone: the value stands
        new = {lang: numbers.fact(corr.value, corr.years, lang) for lang in ("zh", "en")} if corr.changes else olds
        out.append(
            CorrectionResult(
                fact_id,
                name,
                olds["zh"],
                new["zh"],
                corr.reason or "",
                after["zh"],
                olds["en"],
                new["en"],
                after["en"],
                verified=corr.verified,
                evidence=tuple(corr.evidence),
                note=corr.note,
            )
        )
    return tuple(out)


def _problems(std: Standard, values: Values) -> list[Problem]:
    """Derived values that could not be computed, located at their formula."""
    out = []
    for i, d in enumerate(std.spec.derived):
        if values.undefined(d.id):
            mark = std.source.mark(("derived", i, "formula")) if std.source else None
            path = std.source.path if std.source else std.id
            out.append(problem(path, mark, "division-by-zero", "warning", name=d.id))
    return out
