"""A library scored against another standard than its own (`score LIB --criteria OTHER`).

A library written for one standard holds facts, awards and not-applicable marks that another
standard may have no place for: a fact it does not list, an award for an indicator it does not
have (or scores by a rule, not by an assessor), a not-applicable mark it does not allow. Such
entries are set aside, each with a located warning, and the library is scored with the rest, so
that it can be scored under the other standard at all. Everything the other standard does know
is checked as always: a value of the wrong type, unit or years for one of its facts, or an award
outside one of its indicators' range, is still an error, because scoring it would be a guess.
"""

from __future__ import annotations

from libeval.errors import Problem, problem
from libeval.load.yaml_source import Source
from libeval.models import Assessment, Judged, Library
from libeval.scoring.standard import POPULATION, Standard


def library_entries(std: Standard, library: Library, src: Source) -> tuple[Library, list[Problem]]:
    """The library without the facts `std` does not list, and a warning for each."""
    problems: list[Problem] = []
    facts = {}
    for fid, entry in library.facts.items():
        if fid in std.facts:
            facts[fid] = entry
            continue
        mark = src.mark(("facts", fid), True)
        problems.append(problem(src.path, mark, "set-aside-fact", "warning", id=fid, criteria=std.id))
    if not problems:
        return library, problems
    return library.model_copy(update={"facts": facts}), problems


def assessment_entries(std: Standard, assessment: Assessment, src: Source) -> tuple[Assessment, list[Problem]]:
    """The assessment without the awards, not-applicable marks and corrections `std` has no place
    for, and a warning for each."""
    problems: list[Problem] = []

    def warn(loc: tuple[str, str], message: str, **args: str) -> None:
        problems.append(problem(src.path, src.mark(loc, True), message, "warning", criteria=std.id, **args))

    judged = {}
    for code, award in assessment.judged.items():
        info = std.nodes.get(code)
        if info is not None and isinstance(info.node.rule, Judged):
            judged[code] = award
        else:
            warn(("judged", code), "set-aside-judged", code=code)
    na = {}
    for code, reason in assessment.not_applicable.items():
        info = std.nodes.get(code)
        if info is not None and info.node.not_applicable is not None:
            na[code] = reason
        else:
            warn(("not_applicable", code), "set-aside-na", code=code)
    corrections = {}
    for fid, corr in assessment.corrections.items():
        if fid == POPULATION or fid in std.facts:
            corrections[fid] = corr
        else:
            warn(("corrections", fid), "set-aside-fact", id=fid)
    if not problems:
        return assessment, problems
    update = {"judged": judged, "not_applicable": na, "corrections": corrections}
    return assessment.model_copy(update=update), problems
