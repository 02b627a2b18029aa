"""`libeval import`: a filled facts sheet (.xlsx, .xls or .csv) into a library folder's
library.yaml, or with `--as NAME` a filled on-site checklist into the review assessments/NAME.yaml,
edited in place; shows what would change, writes only when confirmed (keeping a
backup)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from libeval.commands.outcome import Outcome
from libeval.load.fact_import import plan_import, write_import
from libeval.present.problems import problem_lines
from libeval.text.bilingual import Bilingual

NOTHING = Bilingual("没有变化。", "Nothing changes.")
WOULD = Bilingual("{n} 项将更新；加 --yes 写入 {target}。", "{n} entries would change; add --yes to write {target}.")
CREATED = Bilingual("已写入 {target}。", "Wrote {target}.")
WROTE = Bilingual("已写入 {target}（原文件备份为 {backup}）。", "Wrote {target} (the old file is kept as {backup}).")


@dataclass(frozen=True)
class ImportSettings:
    sheet: Path
    directory: Path
    yes: bool = False  # write the changes
    lang: str = "zh"
    msg_lang: str = "en"
    review: str | None = None  # `--as NAME`: a filled checklist into assessments/NAME.yaml


def run(s: ImportSettings) -> Outcome:
    if s.review is not None:
        from libeval.commands.review import target
        from libeval.load.review_import import plan_review_import

        target(s.directory, s.review)  # a plain file stem (`../x` is refused), as `review --as` takes it
        plan = plan_review_import(s.sheet, s.directory, s.review)
    else:
        plan = plan_import(s.sheet, s.directory)
    messages = problem_lines([p for p in plan.warnings if p.code != "missing-fact"], s.msg_lang)
    if not plan.changes:
        return Outcome(NOTHING.get(s.lang) + "\n", messages)
    lines = [f"  {fact}: {old.get(s.lang)} → {new.get(s.lang)}\n" for fact, old, new in plan.changes]
    if not s.yes:
        return Outcome(
            "".join(lines) + WOULD.format(n=len(plan.changes), target=plan.target).get(s.lang) + "\n", messages
        )
    backup = write_import(plan)
    done = WROTE.format(target=plan.target, backup=backup) if backup else CREATED.format(target=plan.target)
    return Outcome("".join(lines) + done.get(s.lang) + "\n", messages)
