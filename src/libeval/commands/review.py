"""`libeval review LIB --as prefecture`: start a review from an assessment of the folder (self by
default): assessments/<as>.yaml, inheriting from it, with the on-site checklist as comments
(present/review_file.py). It scores exactly like its source until the team writes its changes.

The checklist is gathered once (analysis/checklist.py, `gather`), for the YAML comments here and
for any other form of it (a checklist sheet)."""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import get_args

from libeval.analysis.checklist import Checklist, checklist
from libeval.commands.outcome import Outcome
from libeval.errors import LibevalError, problem
from libeval.load.folders import ASSESSMENTS_DIR, LibraryFolder, assessment_files, load_library, shown
from libeval.load.writing import write_atomic
from libeval.models.assessment import Assessment
from libeval.present.review_file import ReviewHead, review_yaml
from libeval.scoring.engine import score
from libeval.text.review_labels import review_label

ASSESSORS: tuple[str, ...] = get_args(Assessment.model_fields["assessor"].annotation)
SCHEMA = Path(".libeval") / "assessment.schema.json"
# a name that is a file's stem in assessments/ on every system: no separators, no leading dot
_NAME = re.compile(r"^[^\W][\w.-]*$")


@dataclass(frozen=True)
class ReviewSettings:
    library: Path
    name: str  # --as: the new file's stem, and its assessor when it is one of the kinds
    source: str = "self"  # --from
    by: str | None = None
    date: dt.date = field(default_factory=dt.date.today)
    force: bool = False  # write over an existing review
    lang: str = "zh"  # of the checklist's comments
    msg_lang: str = "en"


def gather(folder: LibraryFolder, source: str) -> Checklist:
    """The checklist of the folder's assessment `source` (effective): what a review starts from."""
    assessment = folder.assessment(source)
    result = score(folder.standard, folder.library, assessment, source)
    return checklist(folder.standard, folder.library, assessment, source, result)


def target(folder: Path, name: str) -> Path:
    """The review's file, refusing a name that is not a plain file stem."""
    if not _NAME.match(name) or name.endswith("."):
        raise LibevalError([problem("--as", None, "review-name", name=name)])
    return folder / ASSESSMENTS_DIR / f"{name}.yaml"


def run(s: ReviewSettings) -> Outcome:
    folder = load_library(s.library)
    path = target(folder.path, s.name)
    existing = assessment_files(folder.path).get(s.name)
    if existing is not None and not s.force:
        raise LibevalError([problem(shown(existing), None, "review-exists", path=shown(existing))])
    path = existing or path
    cl = gather(folder, s.source)
    schema = folder.path / SCHEMA
    modeline = Path(os.path.relpath(schema, path.parent)).as_posix() if schema.is_file() else None
    head = ReviewHead(
        name=s.name,
        assessor=s.name if s.name in ASSESSORS else "other",
        source=s.source,
        source_kind=folder.assessment(s.source).assessor,
        by=s.by,
        date=s.date,
        lib=shown(s.library),
        modeline=modeline,
    )
    write_atomic(path, review_yaml(cl, head, s.lang))
    nxt = review_label("wrote", s.msg_lang, path=shown(path), lib=shown(s.library))
    return Outcome(f"{shown(path)}\n", nxt + "\n")
