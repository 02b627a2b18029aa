"""What `check` says about a library folder beyond its files, so that it fails (or warns) on
everything `score` would: no assessment to score, judged indicators not awarded (an incomplete
result), and the problems only scoring finds (a derived value divided by zero)."""

from __future__ import annotations

from libeval.errors import Problem, problem
from libeval.load.folders import ASSESSMENTS_DIR, LibraryFolder, assessment_files, shown
from libeval.scoring.engine import score
from libeval.text import numbers
from libeval.text.bilingual import Bilingual

DEFAULT = "self"  # the assessment score, plan and diff read when none is named
LISTED = 5  # codes a judged-not-awarded warning names


def check_scoring(folder: LibraryFolder) -> list[Problem]:
    """Every assessment scored as `score` scores it: its warnings, and one summarising warning
    per assessment with judged indicators not awarded (an award with neither points nor level
    gets its own, located)."""
    out: list[Problem] = []
    read = assessment_files(folder.path)
    for path in sorted((folder.path / ASSESSMENTS_DIR).glob("*.y*ml")):
        if path.suffix in (".yaml", ".yml") and read.get(path.stem) not in (None, path):
            where = shown(read[path.stem])
            out.append(problem(shown(path), None, "assessment-twice", "warning", name=path.stem, read=where))
    if not folder.assessments:
        out.append(problem(shown(folder.path), None, "no-assessment"))
    elif DEFAULT not in folder.assessments:
        out.append(
            problem(shown(folder.path), None, "no-self-assessment", "warning", known=", ".join(folder.assessments))
        )
    std = folder.standard
    for name, (assessment, src) in folder.assessments.items():
        result = score(std, folder.library, assessment, name)
        out += result.problems
        c = result.completeness
        open_ = [t for t in c.to_fill if t.kind == "judged"]
        for t in open_:
            award = assessment.judged.get(t.id)
            if award is not None and award.points is None and award.level is None:
                mark = src.mark(("judged", t.id), True)
                out.append(problem(src.path, mark, "judged-empty", "warning", code=t.id, max=numbers.points(t.points)))
        if open_:
            more = len(open_) > LISTED
            zh = "、".join(f"{t.id}（{numbers.points(t.points)} 分）" for t in open_[:LISTED]) + ("……" if more else "")
            en = ", ".join(f"{t.id} ({numbers.points(t.points)})" for t in open_[:LISTED]) + (", …" if more else "")
            codes = Bilingual(zh, en)
            out.append(
                problem(
                    src.path,
                    src.mark(("judged",), True) if "judged" in src.data else None,
                    "judged-not-awarded",
                    "warning",
                    n=len(open_),
                    total=c.judged_total,
                    points=numbers.points(c.points_not_judged),
                    codes=codes,
                )
            )
        if open_ and assessment.inherit is None and name != DEFAULT and DEFAULT in folder.assessments:
            # a review that lists only its changes without `inherit: self` scores the rest 0
            at = src.mark(("assessor",), True) if "assessor" in src.data else None
            out.append(problem(src.path, at, "unawarded-without-inherit", "warning", count=len(open_)))
    return out
