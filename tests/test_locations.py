"""Every located problem points at its own line and column (issue 20, item 7): over every case
folder (tests/cases/invalid/*) and the scaffold, each problem with a `line:col` is checked against the
file: the text at that point is the key or value the message names (its arguments `id`, `key`,
`code`, `name`, ...), or the value of the key it names. A message that names nothing on its line is
listed in NAMES_NOTHING with why."""

from __future__ import annotations

import re
import shlex
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from libeval import errors
from libeval.cli import app
from libeval.errors import Problem
from libeval.text.bilingual import Bilingual

CASES = Path(__file__).resolve().parent / "cases"

# the arguments that name what is at the problem's place: a key, a value, a code, a file path...
NAMING = ("id", "key", "code", "name", "path", "written", "second", "got", "level", "province", "text", "tag", "region")

# codes whose message names nothing on the line it points at, and why that line is the right one
NAMES_NOTHING = {
    "alias-bomb": "the alias that makes the document too big to expand",
    "bands-order": "the band out of order (the message says bands must ascend)",
    "band-points": "the band's points over the indicator's maximum",
    "capped-sum-short": "the `max:` the children's points fall short of",
    "complex-key": "the key that is not a plain text",
    "condition-mismatch": "the condition whose test does not suit its subject",
    "condition-subject": "the condition with two subjects",
    "condition-test": "the condition with two tests",
    "too-deep": "the bracket past the nesting limit",
    "encoding": "the first byte that is not UTF-8",
    "encoding-gbk": "the first character that is not UTF-8 (the file is GBK)",
    "formula-cycle": "the formula that closes the cycle",
    "formula-syntax": "the formula (the message gives the character)",
    "grade-unreachable": "the grade's minimum scores",
    "grades-order": "the grade's minimum scores out of order",
    "judged-not-awarded": "the `judged:` key of the assessment that leaves them out",
    "merge-key": "the merge key `<<`",
    "missing-key": "the mapping that lacks the key",
    "missing-years": "the years: mapping that lacks them",
    "no-levels": "the level given to an indicator without levels",
    "not-mapping": "the start of what should be a mapping",
    "not-string": "the value that should be text",
    "official-needs-citation": "the `official` provenance without a citation",
    "points-or-level": "the judgement with both points and a level",
    "points-sum": "the `max:` the children's points do not add up to",
    "region-missing": "the empty province (the region follows from it)",
    "rule-or-children": "the indicator's code (with both a rule and children)",
    "tab-indent": "the tab",
    "template-syntax": "the template's line (jinja2 gives no column)",
    "tiny-number": "the number too small to tell from 0",
    "total-sum": "the `total:` the parts do not add up to",
    "variant-keys": "the mapping by variant that lacks some",
    "variant-missing": "the library file (the attribute is not written anywhere)",
    "wrong-type": "the value of the wrong type (the message says which type)",
    "yaml-syntax": "where the YAML parser stopped",
    "amount-unit": "the amount written in the wrong unit",
    "unit-conflict": "the unit key that contradicts the unit written in the value",
    "percent-fraction": "the fraction written as a percent",
    "year-outside-period": "the year outside the standard's period",
    "judged-range": "the points over the indicator's maximum",
    "points-over-max": "the level's points over the indicator's maximum",
    "csv-unencodable": "the cell of the written CSV that GBK cannot hold",
    "unawarded-without-inherit": "the `assessor:` line of the review, beside which `inherit: self` belongs",
}
# a fact that is not written at all is missing from the `facts:` mapping: that key is its place
ABSENT = {"missing-fact": re.compile(r"facts:")}
# a standard's table (CSV, a workbook, a Word document) is located by row: the row is the place, and
# in a workbook or a Word document (not text) the row is not checked here
TABLES = (".csv", ".xlsx", ".xls", ".docx")


def _names(p: Problem) -> list[str]:
    found = []
    for name, value in p.args:
        if name not in NAMING:
            continue
        texts = [value.en, value.zh] if isinstance(value, Bilingual) else [str(value)]
        for text in texts:
            text = text.strip("'")
            found += [text, text.split(" ")[0], text.split("（")[0]] if text else []
            if text.startswith("tag:yaml.org,2002:"):  # a tag as written: !!python/...
                found.append("!!" + text.removeprefix("tag:yaml.org,2002:"))
    return [n for n in dict.fromkeys(found) if n]


def _holds(line: str, col: int, names: list[str]) -> bool:
    """The text at `col` is one of `names` (quoted or not), or the value of a key among them."""
    rest, before = line[col - 1 :], line[: col - 1]
    quoted = re.match(r"\"([^\"]*)\"|'([^']*)'", rest)  # a quoted value (a formula) holds what it names
    for name in names:
        if any(rest.startswith(q + name) for q in ("", '"', "'", "[")):
            return True
        if quoted and name in (quoted.group(1) or quoted.group(2) or ""):
            return True
        if re.search(rf"(^|[\s{{,\[]){re.escape(name)}[\"']?\s*:\s*[{{\[]?\s*$", before):
            return True
    return False


def _run_case(case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Problem]:
    where = case
    if (case / "writes").is_dir():  # it writes: on a copy beside a copy of tests/data
        shutil.copytree(CASES.parent / "data", tmp_path / "data")
        where = tmp_path / "cases" / case.parent.name / case.name
        shutil.copytree(case, where, symlinks=True)
    monkeypatch.chdir(where)
    shown: list[Problem] = []
    parts = Problem.parts

    def record(self: Problem, lang: str = "en") -> tuple[str, str, str, str]:
        shown.append(self)
        return parts(self, lang)

    monkeypatch.setattr(errors.Problem, "parts", record)
    CliRunner().invoke(app, shlex.split((case / "cmd").read_text(encoding="utf-8")), catch_exceptions=False)
    monkeypatch.undo()
    yield from dict.fromkeys(shown)


def _misplaced(problems: Iterator[Problem], where: Path) -> list[str]:
    bad = []
    for p in problems:
        if not p.line or p.code in NAMES_NOTHING:
            continue
        path = where / p.file
        table = Path(p.file.split(":")[0]).suffix.lower()  # a workbook's place is file:sheet:row
        if table in TABLES:  # a table is located by row
            if table == ".csv":
                row = path.read_text(encoding="utf-8").splitlines()[p.line - 1]
                if _names(p) and not any(name in row for name in _names(p)):
                    bad.append(f"{p.file}:{p.line} [{p.code}] names {_names(p)}; the row: {row!r}")
            else:
                assert (where / p.file.split(":")[0]).is_file(), p.file
            continue
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines() if path.is_file() else []
        line = lines[p.line - 1] if p.line <= len(lines) else ""
        absent = ABSENT.get(p.code)
        if absent and not any(name in line for name in _names(p)) and absent.match(line[(p.col or 1) - 1 :]):
            continue
        if not _holds(line, p.col or 1, _names(p)):
            bad.append(f"{p.file}:{p.line}:{p.col} [{p.code}] names {_names(p)}; the line: {line!r}")
    return bad


@pytest.mark.parametrize(
    "case", sorted(p for p in (CASES / "invalid").iterdir() if (p / "cmd").is_file()), ids=lambda p: p.name
)
def test_each_problem_points_at_what_it_names(case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    where = tmp_path / "cases" / "invalid" / case.name if (case / "writes").is_dir() else case
    assert _misplaced(_run_case(case, tmp_path, monkeypatch), where) == []


def test_on_the_scaffold_each_empty_fact_is_its_own_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lib = tmp_path / "lib"
    assert CliRunner().invoke(app, ["init", str(lib), "--criteria", "cn-2017-county"]).exit_code == 0
    case = tmp_path / "case"
    case.mkdir()
    (case / "cmd").write_text(f"check {lib}", encoding="utf-8")
    problems = list(_run_case(case, tmp_path, monkeypatch))
    assert _misplaced(iter(problems), case) == []
    (population,) = [p for p in problems if dict(p.args).get("id") == "population"]
    text = (lib / "library.yaml").read_text(encoding="utf-8").splitlines()
    assert text[population.line - 1].startswith("population:")


def test_the_check_itself_can_fail() -> None:
    assert _holds("  floor_area: {value: 1}", 3, ["floor_area"])
    assert _holds("  floor_area: 1", 15, ["floor_area"])  # the value of the key named
    assert not _holds("name: x", 1, ["population"])  # the finding: population at the name line
    assert not _holds("    years: {2013: 1, 2014: 九万}", 5, ["九万"])
