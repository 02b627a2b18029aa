"""Assessments that inherit (`inherit: self`): the one place where a pass that lists only its
changes is laid over the pass it names.

The effective assessment is the source's effective assessment (chains allowed: province
inherits prefecture inherits self) overlaid by the pass as written:

- `judged` per code and `not_applicable` per code: an award of this pass for a code the source
  marked not applicable wins, and a code this pass marks not applicable drops the source's award;
- `corrections` per fact: a new value replaces the source's correction (per-year values are
  merged, this pass's years winning); `verified: true` alone keeps the source's correction (its
  value) and marks it verified, with this pass's evidence added and its note;
- `assessor`, `by`, `members`, `date` and `note` are this pass's; `inherit` stays set.

An unknown source or a cycle is a located error at the `inherit` key (with "did you mean").
"""

from __future__ import annotations

from libeval.errors import Problem
from libeval.load.located import Sink
from libeval.load.yaml_source import Source
from libeval.models import Assessment
from libeval.models.assessment import Correction
from libeval.text.suggest import did_you_mean

Loaded = dict[str, tuple[Assessment, Source]]


def overlay_correction(source: Correction | None, own: Correction) -> Correction:
    """One pass's correction of a fact laid over the one it inherits."""
    if source is None:
        return own
    if own.changes:
        if own.years is not None and source.years is not None:
            return own.model_copy(update={"years": {**source.years, **own.years}})
        return own
    return source.model_copy(
        update={
            "verified": own.verified or source.verified,
            "evidence": [*source.evidence, *(e for e in own.evidence if e not in source.evidence)],
            "note": own.note if own.note is not None else source.note,
            "reason": own.reason if own.reason is not None else source.reason,
        }
    )


def overlay(source: Assessment, own: Assessment) -> Assessment:
    """`own` (as written) laid over `source` (effective)."""
    judged = {c: a for c, a in source.judged.items() if c not in own.not_applicable}
    judged.update(own.judged)
    not_applicable = {c: r for c, r in source.not_applicable.items() if c not in own.judged}
    not_applicable.update(own.not_applicable)
    corrections = dict(source.corrections)
    for fact_id, corr in own.corrections.items():
        corrections[fact_id] = overlay_correction(source.corrections.get(fact_id), corr)
    return own.model_copy(update={"judged": judged, "not_applicable": not_applicable, "corrections": corrections})


def resolve(written: Loaded, broken: set[str] | frozenset[str] = frozenset()) -> tuple[Loaded, list[Problem]]:
    """The effective assessments, by name; one that names an unknown source or is part of a
    cycle is left out, with a located error. One that inherits from a `broken` one (a file with
    errors, said at that file) is left out without another."""
    effective: Loaded = {}
    problems: list[Problem] = []
    failed: set[str] = set()

    def visit(name: str, chain: tuple[str, ...]) -> Assessment | None:
        if name in effective:
            return effective[name][0]
        if name in failed:
            return None
        own, src = written[name]
        if own.inherit is None:
            effective[name] = (own, src)
            return own
        sink = Sink(src)
        if own.inherit in broken:
            pass
        elif own.inherit not in written:
            known = [n for n in written if n != name]
            sink.add(
                ("inherit",),
                "inherit-unknown",
                name=own.inherit,
                known=", ".join(known) or "-",
                suggest=did_you_mean(own.inherit, known),
            )
        elif own.inherit == name or own.inherit in chain:
            cycle = " → ".join((*chain[chain.index(own.inherit) :], name, own.inherit)) if own.inherit != name else ""
            sink.add(("inherit",), "inherit-cycle", name=own.inherit, cycle=cycle or f"{name} → {name}")
        else:
            source = visit(own.inherit, (*chain, name))
            if source is not None:
                effective[name] = (overlay(source, own), src)
                return effective[name][0]
        problems.extend(sink.problems)
        failed.add(name)
        return None

    for name in written:
        visit(name, ())
    return {n: effective[n] for n in written if n in effective}, problems
