"""`libeval criteria list` and `criteria show`: the bundled standards, one standard as a tree."""

from __future__ import annotations

from dataclasses import dataclass

from libeval.commands.outcome import Outcome, standard_arg
from libeval.load.folders import load_standard
from libeval.resources import bundled_criteria


def run_list(lang: str) -> Outcome:
    from libeval.present.criteria import standard_line

    return Outcome("".join(standard_line(ref, load_standard(path), lang) for ref, path in bundled_criteria().items()))


@dataclass(frozen=True)
class ShowSettings:
    ref: str  # a bundled standard's id or a path
    depth: int | None = None
    lang: str = "zh"
    provenance: bool = False  # every reconstructed value with its path, instead of the tree


def run_show(s: ShowSettings) -> Outcome:
    from libeval.present.criteria import criteria_tree_text, provenance_text

    std = standard_arg(s.ref)
    return Outcome(provenance_text(std, s.lang) if s.provenance else criteria_tree_text(std, s.lang, s.depth))
