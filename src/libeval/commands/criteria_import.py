"""`libeval criteria import`: a standard's published table (.xlsx, .csv, .docx; columns 序号 /
评估指标 / 分值 / 评分标准) into a criteria skeleton that passes `libeval check`: the tree from
the codes, every scoring text kept, every indicator judged until someone writes its rule."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from libeval.commands.outcome import Outcome
from libeval.errors import LibevalError, UsageError, errors_only, problem
from libeval.load.criteria_skeleton import SkeletonMeta, skeleton_yaml
from libeval.load.standard_table import read_table
from libeval.load.table_criteria import ROLE_LABELS, Imported, import_table
from libeval.load.validation import validate
from libeval.load.yaml_source import loads
from libeval.models import StandardSpec
from libeval.present.problems import problem_lines
from libeval.scoring.compiler import compile_standard
from libeval.text.bilingual import Bilingual
from libeval.text.click_messages import OPTION_ERRORS

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")  # StandardSpec.id
LEVELS = ("province", "city", "county", "children")

ENCODING = Bilingual("按 {encoding} 编码读取 {table}", "read {table} as {encoding}")
COLUMNS = Bilingual("读取列：{columns}", "columns read: {columns}")
NO_TEXT = Bilingual("（没有评分标准列：description 留空）", " (no scoring-text column: no descriptions)")
NUMERALS = Bilingual("顶层编号按中文数字读取：{pairs}", "top-level codes read from Chinese numerals: {pairs}")
SUMMARY = Bilingual(
    "{output}：{parts} 个部分、{groups} 个分组、{leaves} 个指标，总分 {total}；指标均为评定类（judged）。"
    "下一步：细化规则（rules）、事实目录（facts）与定级条件（grades）。",
    "{output}: {parts} parts, {groups} groups, {leaves} indicators, total {total}; every indicator is judged. "
    "Next: refine the rules, the facts and the grades.",
)


@dataclass(frozen=True)
class CriteriaImportSettings:
    table: Path
    output: Path
    period: str  # "2013-2016": the years the evaluation scores
    id: str | None = None  # default: from the file name
    title: str | None = None  # default: the file's stem
    level: str = "county"
    official: bool = False
    citation: str | None = None
    sheet: str | None = None  # .xlsx only; default: the first sheet
    force: bool = False  # replace an existing output file
    msg_lang: str = "en"


def parse_period(text: str) -> tuple[int, int]:
    """ "2013-2016" (also with a full-width or long dash, ~ or 至) as (2013, 2016)."""
    t = unicodedata.normalize("NFKC", text).strip()
    m = re.fullmatch(r"(\d{4})\s*(?:-|–|—|~|至|到)\s*(\d{4})", t)
    if not m or not 1900 <= int(m.group(1)) <= int(m.group(2)) <= 2200:
        raise UsageError("--period", OPTION_ERRORS["period"].format(text=text))
    return int(m.group(1)), int(m.group(2))


def id_from_name(path: Path) -> str:
    """A standard id from a file name: lower-case ASCII letters and digits, runs of anything
    else as one '-' ("County-2017 标准.xlsx" -> county-2017)."""
    text = unicodedata.normalize("NFKC", path.stem).lower()
    ident = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if not ID_PATTERN.match(ident):
        raise UsageError("--id", OPTION_ERRORS["id-from-name"].format(name=path.name))
    return ident


def _options(s: CriteriaImportSettings) -> tuple[str, tuple[int, int]]:
    period = parse_period(s.period)
    if s.id is not None and not ID_PATTERN.match(s.id):
        raise UsageError("--id", OPTION_ERRORS["id"].format(id=s.id))
    if s.level not in LEVELS:
        raise UsageError("--level", OPTION_ERRORS["level"].format(level=s.level, levels=", ".join(LEVELS)))
    if s.official and not s.citation:
        raise UsageError("--citation", OPTION_ERRORS["official-citation"])
    if s.citation and not s.official:
        raise UsageError("--citation", OPTION_ERRORS["citation-official"])
    if s.sheet is not None and s.table.suffix.lower() not in (".xlsx", ".xlsm"):
        raise UsageError("--sheet", OPTION_ERRORS["sheet"])
    return s.id or id_from_name(s.table), period


def _checked(text: str, shown: str) -> None:
    """The skeleton read back as `libeval check` reads it: an error here is libeval's own."""
    src = loads(text.encode("utf-8"), shown)
    spec, problems = validate(StandardSpec, src)
    if spec is not None:
        problems += compile_standard(spec, src).problems
    if errors_only(problems):
        raise LibevalError(problems)


def _messages(s: CriteriaImportSettings, imported: Imported, encoding: str | None, output: str) -> str:
    lang = s.msg_lang
    lines = []
    if encoding and encoding != "utf-8":
        lines.append(ENCODING.format(encoding=encoding.upper(), table=s.table.name).get(lang))
    sep = "；" if lang == "zh" else "; "
    columns = sep.join(f"{heading} → {ROLE_LABELS[role].get(lang)}" for heading, role in imported.columns)
    no_text = "" if any(role == "text" for _, role in imported.columns) else NO_TEXT.get(lang)
    lines.append(COLUMNS.format(columns=columns).get(lang) + no_text)
    if imported.numerals:
        pairs = sep.join(f"{written} → {code}" for written, code in imported.numerals)
        lines.append(NUMERALS.format(pairs=pairs).get(lang))
    text = "".join(f"{line}\n" for line in lines) + problem_lines(imported.warnings, lang)
    items = [item for p in imported.parts for item in p.walk()]
    leaves = sum(1 for item in items if not item.children)
    total = format(imported.total.normalize(), "f")
    counts = {"parts": len(imported.parts), "groups": len(items) - leaves - len(imported.parts), "leaves": leaves}
    return text + SUMMARY.format(output=output, total=total, **counts).get(lang) + "\n"


def run(s: CriteriaImportSettings) -> Outcome:
    std_id, period = _options(s)
    shown_table, shown_output = str(s.table), str(s.output)
    if s.output.resolve() == s.table.resolve():
        raise LibevalError([problem(shown_output, None, "output-is-input")])
    if s.output.exists() and not s.force:
        raise LibevalError([problem(shown_output, None, "output-exists", path=shown_output)])
    table = read_table(s.table, shown_table, s.sheet)
    imported = import_table(table, shown_table)
    meta = SkeletonMeta(
        std_id, s.title or s.table.stem, s.level, period, s.table.name, official=s.official, citation=s.citation
    )
    text = skeleton_yaml(meta, imported.parts, s.output.name)
    _checked(text, shown_output)
    return Outcome(text, _messages(s, imported, table.encoding, shown_output), 0, (s.table,))
