"""The command line: options in, library calls, output out. The only module that imports typer;
`_run` is the one place that turns problems into messages and exit codes."""

from __future__ import annotations

import enum
import json
import sys
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from libeval import __version__
from libeval.errors import LibevalError, Problem, errors_only, problem
from libeval.text.messages import default_lang

if TYPE_CHECKING:
    from libeval.load.folders import LibraryFolder
    from libeval.scoring.standard import Standard

app = typer.Typer(
    name="libeval",
    help="Score China's national evaluation of public libraries (全国县级以上公共图书馆评估定级).",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)
criteria_app = typer.Typer(help="The bundled standards.", no_args_is_help=True, rich_markup_mode=None)
app.add_typer(criteria_app, name="criteria")


class Lang(enum.StrEnum):
    zh = "zh"
    en = "en"


class CheckFormat(enum.StrEnum):
    text = "text"
    json = "json"
    github = "github"


class ScoreFormat(enum.StrEnum):
    table = "table"
    json = "json"
    md = "md"
    html = "html"
    csv = "csv"
    github = "github"
    xlsx = "xlsx"


class ReportFormat(enum.StrEnum):
    md = "md"
    html = "html"


LangOpt = Annotated[Lang | None, typer.Option("--lang", help="zh or en (default: reports zh, messages from LANG).")]
OutputOpt = Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file (atomically).")]


def _msg_lang(lang: Lang | None) -> str:
    return lang.value if lang else default_lang()


def _report_lang(lang: Lang | None) -> str:
    return lang.value if lang else "zh"


def _fail(problems: list[Problem], lang: str) -> NoReturn:
    from libeval.present.console import print_problems

    print_problems(problems, lang)
    raise typer.Exit(1)


def _run(lang: Lang | None, body: Callable[[], int]) -> None:
    """Run a command body; problems become `file:line:col` lines on stderr and exit code 1."""
    try:
        code = body()
    except LibevalError as exc:
        _fail(exc.problems, _msg_lang(lang))
    raise typer.Exit(code)


def _emit(text: str | bytes, output: Path | None, inputs: list[Path]) -> None:
    if output is None:
        if isinstance(text, bytes):
            raise LibevalError([problem("-", None, "needs-output", format="xlsx")])
        sys.stdout.write(text)
        return
    from libeval.load.writing import write_atomic

    write_atomic(output, text, inputs)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"libeval {__version__}")
        raise typer.Exit(0)


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """libeval: exact, explainable scoring of public library evaluations."""


@app.command()
def check(
    paths: Annotated[list[Path], typer.Argument(help="Standards (.yaml) and library folders to validate.")],
    fmt: Annotated[
        CheckFormat, typer.Option("--format", help="text, json, or github (workflow-command annotations).")
    ] = CheckFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail the check too.")] = False,
    lang: LangOpt = None,
) -> None:
    """Validate standards and library folders; print every problem."""

    def body() -> int:
        from libeval.load.check_paths import check_paths

        problems = check_paths(paths)
        mlang = _msg_lang(lang)
        if fmt is CheckFormat.json:
            sys.stdout.write(
                json.dumps({"problems": [p.as_dict(mlang) for p in sorted(problems)]}, ensure_ascii=False, indent=2)
                + "\n"
            )
        elif fmt is CheckFormat.github:
            from libeval.present.github import workflow_commands

            sys.stdout.write(workflow_commands(problems, mlang))
        else:
            from libeval.present.console import print_problems

            print_problems(problems, mlang)
        failing = errors_only(problems) or (strict and problems)
        return 1 if failing else 0

    _run(lang, body)


@app.command()
def score(
    path: Annotated[Path, typer.Argument(help="A library folder (holding library.yaml), or a folder of them.")],
    assessment: Annotated[str, typer.Option("--assessment", "-a", help="Which assessment to score.")] = "self",
    fmt: Annotated[
        ScoreFormat, typer.Option("--format", help="table, json, md, html; csv for a folder of libraries.")
    ] = ScoreFormat.table,
    detail: Annotated[bool, typer.Option("--detail", help="Every indicator with its explanation.")] = False,
    explain: Annotated[str | None, typer.Option("--explain", help="One indicator's whole trace.")] = None,
    fail_under: Annotated[str | None, typer.Option("--fail-under", help="Exit 1 when the total is below N.")] = None,
    template: Annotated[
        Path | None, typer.Option("--template", help="Render md/html with this Jinja2 template instead.")
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=1, help="Processes for a folder of libraries (default: the number of cores)."),
    ] = None,
    reports_dir: Annotated[
        Path | None, typer.Option("--reports-dir", help="Also write each library's own report into this folder.")
    ] = None,
    reports_format: Annotated[
        ReportFormat, typer.Option("--reports-format", help="md or html, for --reports-dir.")
    ] = ReportFormat.html,
    output: OutputOpt = None,
    lang: LangOpt = None,
) -> None:
    """Score a library folder: total, grade, what blocks the next grade. Given a folder of library
    folders (any depth), score them all: a summary, the grades per region, a ranking."""
    from libeval.load.folders import LIBRARY_FILE

    if path.is_dir() and not (path / LIBRARY_FILE).is_file():
        if detail or explain:
            raise typer.BadParameter("--detail and --explain are for one library folder", param_hint="PATH")
        _run(
            lang,
            lambda: _score_batch(
                path,
                assessment,
                fmt,
                jobs,
                reports_dir,
                reports_format,
                template,
                _decimal_option("--fail-under", fail_under),
                output,
                lang,
            ),
        )
        return
    if fmt is ScoreFormat.csv:
        raise typer.BadParameter("csv is for a folder of libraries", param_hint="--format")
    if fmt is ScoreFormat.xlsx and output is None:
        raise typer.BadParameter("xlsx is a file: give --output FILE", param_hint="--format")
    if fmt is ScoreFormat.github and (detail or explain):
        raise typer.BadParameter("github annotations do not go with --detail or --explain", param_hint="--format")
    if reports_dir is not None:
        raise typer.BadParameter("--reports-dir is for a folder of libraries", param_hint="--reports-dir")

    def body() -> int:
        from libeval.load.folders import load_library
        from libeval.scoring.engine import score as run_score

        rlang, mlang = _report_lang(lang), _msg_lang(lang)
        gate = _decimal_option("--fail-under", fail_under)
        folder = load_library(path)
        model = folder.assessment(assessment)
        result = run_score(folder.standard, folder.library, model, assessment)
        below = gate is not None and result.total < gate
        if fmt is ScoreFormat.github:
            from libeval.present.github import score_notice, workflow_commands

            sys.stdout.write(workflow_commands([*folder.problems, *result.problems], mlang))
            sys.stdout.write(score_notice(result, rlang, gate))
            return 1 if below else 0
        from libeval.present.console import print_problems

        print_problems([*folder.problems, *result.problems], mlang)
        inputs = list(_input_paths(folder))
        if explain is not None:
            from libeval.present.explain import explain as explain_lines

            lines = explain_lines(folder, result, explain, rlang)
            if lines is None:
                from libeval.text.suggest import did_you_mean

                raise LibevalError(
                    [
                        problem(
                            str(path),
                            None,
                            "unknown-code",
                            code=explain,
                            suggest=did_you_mean(explain, folder.standard.nodes),
                        )
                    ]
                )
            _emit("\n".join(lines) + "\n", output, inputs)
        elif fmt is ScoreFormat.json:
            from libeval.present.score_json import render_json

            _emit(render_json(result, rlang), output, inputs)
        elif fmt is ScoreFormat.xlsx:
            from libeval.present.spreadsheets import score_sheet

            notes = {code: award.note for code, award in model.judged.items()}
            _emit(score_sheet(result, folder.standard, rlang, notes), output, inputs)
        elif fmt in (ScoreFormat.md, ScoreFormat.html):
            from libeval.analysis.plan import plan
            from libeval.present.plan import plan_lines
            from libeval.present.report_view import build_context
            from libeval.present.templates import render

            steps = plan_lines(plan(folder.standard, folder.library, model), rlang, options=5)
            context = build_context(result, folder, assessment, rlang, steps)
            _emit(render(context, "md" if fmt is ScoreFormat.md else "html", template), output, inputs)
        else:
            from libeval.present.console import score_text

            _emit(score_text(result, rlang, detail), output, inputs)
        return 1 if below else 0

    _run(lang, body)


def _score_batch(
    root: Path,
    assessment: str,
    fmt: ScoreFormat,
    jobs: int | None,
    reports_dir: Path | None,
    reports_format: ReportFormat,
    template: Path | None,
    gate: Decimal | None,
    output: Path | None,
    lang: Lang | None,
) -> int:
    import os

    from libeval.analysis.batch import ReportSpec, Summary, default_jobs, run_batch
    from libeval.load.folders import find_libraries
    from libeval.present.console import batch_progress, print_problems

    rlang, mlang = _report_lang(lang), _msg_lang(lang)
    folders = find_libraries(root)
    if not folders:
        raise LibevalError([problem(str(root), None, "no-libraries", path=str(root))])
    spec = None
    if reports_dir is not None:
        try:
            reports_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise LibevalError(
                [problem(str(reports_dir), None, "output-failed", detail=exc.strerror or str(exc))]
            ) from None
        spec = ReportSpec(reports_dir, reports_format.value, rlang, template)
    show = sys.stderr.isatty() and not os.environ.get("CI")
    rows = []
    with batch_progress(len(folders), show) as advance:
        try:
            for row in run_batch(folders, assessment, jobs or default_jobs(), spec, root, advance):
                rows.append(row)
        except KeyboardInterrupt:
            sys.stderr.write(f"interrupted after {len(rows)} of {len(folders)} libraries\n")
            raise typer.Exit(130) from None
    summary = Summary.of(rows)
    errors = [p for r in summary.failed for p in r.problems if p.severity == "error"]
    if fmt is not ScoreFormat.github:  # github annotations carry them on stdout instead
        print_problems(errors, mlang)
    warned = sum(1 for r in rows for p in r.problems if p.severity == "warning")
    if warned and fmt is not ScoreFormat.github:
        sys.stderr.write(f"{warned} warning(s); `libeval check {root}` lists them\n")
    from libeval.present.batch import render_batch

    text = render_batch(summary, fmt.value, rlang, mlang)
    _emit(text, output, [])
    below = gate is not None and any(r.total is not None and r.total < gate for r in rows)
    return 1 if summary.failed or below else 0


def _input_paths(folder: LibraryFolder) -> list[Path]:
    sources = [*folder.sources(), *([folder.standard.source] if folder.standard.source else [])]
    return [src.file for src in sources if src.file is not None]


def _decimal_option(name: str, raw: str | None) -> Decimal | None:
    if raw is None:
        return None
    try:
        value = Decimal(raw)
    except InvalidOperation:
        value = Decimal("NaN")
    if not value.is_finite():
        raise typer.BadParameter(f"{raw!r} is not a number", param_hint=name)
    return value


class DiffFormat(enum.StrEnum):
    table = "table"
    json = "json"
    md = "md"
    html = "html"
    xlsx = "xlsx"


@app.command("diff")
def diff_cmd(
    paths: Annotated[list[Path], typer.Argument(help="One library folder, or two (the same library in two years).")],
    from_: Annotated[str | None, typer.Option("--from", help="The first assessment (default: self).")] = None,
    to: Annotated[
        str | None, typer.Option("--to", help="The second (default: the latest other by date; self for two folders).")
    ] = None,
    fmt: Annotated[DiffFormat, typer.Option("--format", help="table, json, md or html.")] = DiffFormat.table,
    exit_code: Annotated[bool, typer.Option("--exit-code", help="Exit 1 when the two differ.")] = False,
    output: OutputOpt = None,
    lang: LangOpt = None,
) -> None:
    """Compare two assessments indicator by indicator: what differs, and why."""

    def body() -> int:
        from libeval.analysis.diff import diff
        from libeval.commands.diff_sides import choose_sides
        from libeval.load.folders import StandardCache, load_library

        if len(paths) > 2:
            raise typer.BadParameter("give one library folder or two", param_hint="PATHS")
        cache = StandardCache()
        folders = [load_library(p, cache) for p in paths]
        from libeval.present.console import print_problems

        print_problems([p for f in folders for p in f.problems], _msg_lang(lang))
        std, a, b = choose_sides(folders, from_, to)
        result = diff(std, a, b)
        rlang = _report_lang(lang)
        inputs = [i for f in folders for i in _input_paths(f)]
        text: str | bytes
        if fmt is DiffFormat.json:
            from libeval.present.diff import render_diff_json

            text = render_diff_json(result, rlang)
        elif fmt is DiffFormat.xlsx:
            from libeval.present.diff import diff_context
            from libeval.present.spreadsheets import diff_sheet

            text = diff_sheet(diff_context(result, rlang))
        elif fmt is DiffFormat.table:
            from libeval.present.console import diff_text

            text = diff_text(result, rlang)
        else:
            from libeval.present.diff import diff_context
            from libeval.present.templates import render

            text = render(diff_context(result, rlang), fmt.value, name=f"diff.{fmt.value}.j2")  # type: ignore[arg-type]
        _emit(text, output, inputs)
        return 1 if exit_code and not result.identical else 0

    _run(lang, body)


class PlanFormat(enum.StrEnum):
    table = "table"
    json = "json"
    md = "md"


@app.command("plan")
def plan_cmd(
    path: Annotated[Path, typer.Argument(help="A library folder.")],
    assessment: Annotated[str, typer.Option("--assessment", "-a", help="Which assessment to start from.")] = "self",
    target: Annotated[
        str | None, typer.Option("--target", help="The grade to reach (id or name; default: the next grade up).")
    ] = None,
    fmt: Annotated[PlanFormat, typer.Option("--format", help="table, json or md.")] = PlanFormat.table,
    output: OutputOpt = None,
    lang: LangOpt = None,
) -> None:
    """What it takes to reach the next grade: prerequisites first, then the cheapest set of
    fact changes that closes the score gap."""

    def body() -> int:
        from libeval.analysis.plan import plan
        from libeval.load.folders import load_library

        folder = load_library(path)
        model = folder.assessment(assessment)
        try:
            result = plan(folder.standard, folder.library, model, target)
        except KeyError:
            names = ", ".join(g.name for g in folder.standard.spec.grades)
            raise typer.BadParameter(f"no grade {target!r} (grades: {names})", param_hint="--target") from None
        rlang = _report_lang(lang)
        from libeval.present.console import print_problems

        print_problems(folder.problems, _msg_lang(lang))
        if fmt is PlanFormat.json:
            from libeval.present.plan import render_plan_json

            text = render_plan_json(result, rlang)
        elif fmt is PlanFormat.md:
            from libeval.present.plan import plan_context
            from libeval.present.templates import render

            text = render(plan_context(result, rlang), "md", name="plan.md.j2")
        else:
            from libeval.present.plan import plan_lines

            text = "\n".join(plan_lines(result, rlang)) + "\n"
        _emit(text, output, _input_paths(folder))
        return 0

    _run(lang, body)


class SchemaKind(enum.StrEnum):
    standard = "standard"
    library = "library"
    assessment = "assessment"


@app.command("schema")
def schema_cmd(
    kind: Annotated[SchemaKind, typer.Argument(help="standard, library or assessment.")] = SchemaKind.library,
    criteria: Annotated[
        str | None, typer.Option("--criteria", help="Know this standard's facts and indicators (id or path).")
    ] = None,
    output: OutputOpt = None,
    lang: LangOpt = None,
) -> None:
    """JSON Schema of a file kind, for editor completion (yaml-language-server) and CI."""

    def body() -> int:
        from libeval.load.schemas import json_schema

        std = _standard_arg(criteria) if criteria else None
        text = json.dumps(json_schema(kind.value, std), ensure_ascii=False, indent=2) + "\n"
        _emit(text, output, [])
        return 0

    _run(lang, body)


def _standard_arg(ref: str) -> Standard:
    """A standard named on the command line by bundled id or path."""
    from libeval.load.folders import load_standard, resolve_criteria
    from libeval.resources import bundled_criteria

    path = resolve_criteria(ref) or (Path(ref) if Path(ref).is_file() else None)
    if path is None:
        raise LibevalError([problem(ref, None, "unknown-criteria", id=ref, known=", ".join(bundled_criteria()) or "-")])
    return load_standard(path)


@criteria_app.command("list")
def criteria_list(lang: LangOpt = None) -> None:
    """List the bundled standards."""

    def body() -> int:
        from libeval.load.folders import load_standard
        from libeval.resources import bundled_criteria

        rlang = _report_lang(lang)
        for cid, path in bundled_criteria().items():
            std = load_standard(path)
            c = std.spec
            recon, total = std.provenance_counts()
            title = (c.title_en or c.title) if rlang == "en" else c.title
            typer.echo(f"{cid}\t{title}\t{c.level}\t{c.period.start}-{c.period.end}\t{recon}/{total} reconstructed")
        return 0

    _run(lang, body)


@criteria_app.command("show")
def criteria_show(
    ref: Annotated[str, typer.Argument(help="A bundled standard's id, or a path to a standard file.")],
    depth: Annotated[int | None, typer.Option("--depth", min=1, help="Show this many levels.")] = None,
    lang: LangOpt = None,
) -> None:
    """Show a standard as a tree with points, rules and provenance marks."""

    def body() -> int:
        from libeval.present.console import criteria_tree_text

        std = _standard_arg(ref)
        sys.stdout.write(criteria_tree_text(std, _report_lang(lang), depth))
        return 0

    _run(lang, body)


@app.command()
def init(
    directory: Annotated[Path, typer.Argument(help="The new library folder.")],
    criteria: Annotated[str, typer.Option("--criteria", help="The standard's id or path.")],
    xlsx: Annotated[bool, typer.Option("--xlsx", help="Also write facts.xlsx, a spreadsheet of every fact.")] = False,
    lang: LangOpt = None,
) -> None:
    """Scaffold a library folder listing every fact the standard needs."""

    def body() -> int:
        from libeval.load.scaffold import write_scaffold
        from libeval.resources import bundled_criteria

        std = _standard_arg(criteria)
        ref = criteria if criteria in bundled_criteria() else str(Path(criteria).resolve())
        if xlsx and (directory / "facts.xlsx").exists():
            raise LibevalError(
                [problem(str(directory / "facts.xlsx"), None, "target-exists", path=str(directory / "facts.xlsx"))]
            )
        for written in write_scaffold(directory, std, ref):
            typer.echo(str(written))
        if xlsx:
            from libeval.load.writing import write_atomic
            from libeval.present.spreadsheets import facts_template

            write_atomic(directory / "facts.xlsx", facts_template(std))
            typer.echo(str(directory / "facts.xlsx"))
        return 0

    _run(lang, body)


@app.command("import")
def import_cmd(
    sheet: Annotated[Path, typer.Argument(help="A filled facts.xlsx (from `libeval init --xlsx`).")],
    directory: Annotated[Path, typer.Argument(help="The library folder whose library.yaml to fill.")],
    yes: Annotated[
        bool, typer.Option("--yes", "-y", help="Write the changes (a backup of the old file is kept).")
    ] = False,
    lang: LangOpt = None,
) -> None:
    """Fill library.yaml from a facts spreadsheet: show what would change; write it with --yes."""

    def body() -> int:
        from libeval.load.fact_import import plan_import, write_import
        from libeval.present.console import print_problems

        plan = plan_import(sheet, directory)
        print_problems([p for p in plan.warnings if p.code != "missing-fact"], _msg_lang(lang))
        zh = _report_lang(lang) == "zh"
        if not plan.changes:
            typer.echo("没有变化。" if zh else "Nothing changes.")
            return 0
        for fact, old, new in plan.changes:
            typer.echo(f"  {fact}: {old} → {new}")
        if not yes:
            typer.echo(
                f"{len(plan.changes)} 项事实将更新；加 --yes 写入 {plan.target}。"
                if zh
                else f"{len(plan.changes)} facts would change; add --yes to write {plan.target}."
            )
            return 0
        backup = write_import(plan)
        typer.echo(
            f"已写入 {plan.target}（原文件备份为 {backup}）。"
            if zh
            else f"Wrote {plan.target} (the old file is kept as {backup})."
        )
        return 0

    _run(lang, body)


def main() -> None:
    import os

    try:
        app()
    except KeyboardInterrupt:  # pragma: no cover - interactive only
        sys.stderr.write("interrupted\n")
        sys.exit(130)
    except Exception as exc:  # a bug of libeval's, not the user's input: say so, briefly
        if os.environ.get("LIBEVAL_DEBUG"):
            raise
        sys.stderr.write(
            f"libeval: internal error: {type(exc).__name__}: {exc}\n"
            "Please report it; LIBEVAL_DEBUG=1 shows the traceback.\n"
        )
        sys.exit(1)
