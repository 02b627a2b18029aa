"""Terminal output. The only module that imports rich, and only inside the functions that
draw tables, so that `--help` and `check` start fast."""

from __future__ import annotations

import contextlib
import io
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, TextIO

from libeval.errors import Problem
from libeval.models.result import Result
from libeval.text import numbers as fmt
from libeval.text.labels import label

if TYPE_CHECKING:
    from rich.console import Console

    from libeval.analysis.batch import Summary
    from libeval.analysis.diff import DiffResult
    from libeval.scoring.standard import Standard


def print_problems(problems: Iterable[Problem], lang: str, stream: TextIO | None = None) -> None:
    out = stream or sys.stderr
    for p in sorted(problems):
        out.write(p.format(lang) + "\n")


def _pct(score: Any, mx: Any) -> str:
    return f"{score / mx * 100:.1f}%" if mx else "—"


def score_text(r: Result, lang: str, detail: bool, width: int | None = None) -> str:
    """The terminal summary of a result, as text (rich renders, we capture)."""
    import shutil

    from rich.console import Console
    from rich.table import Table

    width = width or max(80, shutil.get_terminal_size((110, 24)).columns)
    con = Console(record=True, width=width, highlight=False, force_terminal=False, file=io.StringIO())
    region = label(f"region.{r.region}", lang)
    con.print(f"[bold]{r.library_en if lang == 'en' and r.library_en else r.library}[/] · {r.province} · {region}")
    con.print(f"{label('standard', lang)}: {r.criteria_id} {r.criteria_title.get(lang)}")
    who = f" · {r.assessed_by}" if r.assessed_by else ""
    con.print(f"{label('assessment', lang)}: {r.assessment} ({label('assessor.' + r.assessor, lang)}) {r.date}{who}")
    if r.reconstructed:
        con.print(f"[yellow]{label('reconstructed', lang, n=r.reconstructed, m=r.provenance_total)}[/]")
    if r.estimated:
        con.print(f"[yellow]{label('estimated', lang, n=len(r.estimated))}[/]")
    bonus = f" ({label('bonus', lang)} {fmt.points(r.bonus)}/{fmt.points(r.bonus_max)})" if r.bonus_max else ""
    con.print(f"[bold]{label('total', lang)}: {fmt.points(r.total)} / {fmt.points(r.max)}[/]{bonus}")
    grade = r.grade.name.get(lang) if r.grade else label("no_grade", lang)
    con.print(f"[bold]{label('grade', lang)}: {grade}[/]")
    for g in reversed(r.blocked):
        con.print(f"{label('blocked_to', lang, grade=g.name.get(lang))}:")
        for c in g.failed:
            head = "" if c.test == "min_score" else f"{c.name.get(lang)}: "
            con.print(f"  [red]✗[/] {head}{c.explanation.get(lang)}")
    parts = Table(show_edge=False, pad_edge=False)
    for col in ("code", "part", "score", "max", "share"):
        parts.add_column(label(col, lang), justify="right" if col in ("score", "max", "share") else "left")
    groups = [*r.parts, *([r.bonus_part] if r.bonus_part else [])]
    for p in groups:
        parts.add_row(p.code, p.name.get(lang), fmt.points(p.score), fmt.points(p.max), _pct(p.score, p.max))
    con.print(parts)
    if detail:
        table = Table(show_edge=False, pad_edge=False)
        for col in ("code", "name", "score", "max", "status", "explanation"):
            table.add_column(
                label(col, lang),
                justify="right" if col in ("score", "max") else "left",
                overflow="fold",
                max_width=22 if col == "name" else None,
                no_wrap=col in ("code", "score", "max", "status"),
            )
        for i in r.indicators:
            table.add_row(
                i.code,
                i.name.get(lang),
                fmt.points(i.score),
                fmt.points(i.max),
                label("status." + i.status, lang),
                i.explanation.get(lang),
            )
        con.print(table)
    if r.missing:
        con.print(f"{label('missing_facts', lang)}: {', '.join(r.missing)}")
    if r.corrections:
        con.print(f"{label('corrections', lang)}:")
        for corr in r.corrections:
            con.print(f"  {corr.fact} {corr.name.get(lang)}: {corr.old} → {corr.new} ({corr.reason})")
    return "\n".join(line.rstrip() for line in con.export_text().splitlines()) + "\n"


def criteria_tree_text(std: Standard, lang: str, depth: int | None) -> str:
    from libeval.present.rule_summary import rule_summary

    c = std.spec
    lines = [f"{c.id}  {(c.title_en or c.title) if lang == 'en' else c.title}"]
    recon, total = std.provenance_counts()
    lines.append(
        f"{label('total', lang)} {fmt.points(c.total)}"
        + (f" + {label('bonus', lang)} {fmt.points(c.bonus.max)}" if c.bonus else "")
        + f" · {c.period.start}-{c.period.end} · {label('reconstructed_count', lang, n=recon, m=total)}"
    )
    for code, info in std.nodes.items():
        if depth is not None and info.depth >= depth:
            continue
        node = info.node
        name = (node.name_en or node.name) if lang == "en" else node.name
        mark = " *" if info.provenance == "reconstructed" and node.rule is not None else ""
        rule = f"  [{rule_summary(node, std, lang)}]" if node.rule is not None else ""
        cap = f" ({label('capped', lang)})" if node.capped else ""
        lines.append(f"{'  ' * (info.depth + 1)}{code} {name} {fmt.points(node.max)}{cap}{rule}{mark}")
    for g in c.grades:
        ms = (
            g.min_score
            if not isinstance(g.min_score, dict)
            else ", ".join(f"{k} {fmt.points(v) if v is not None else '—'}" for k, v in g.min_score.items())
        )
        lines.append(
            f"{(g.name_en or g.name) if lang == 'en' else g.name}: ≥ {ms}"
            f"{' *' if (g.provenance or c.provenance or 'reconstructed') == 'reconstructed' else ''}"
        )
        for cond in g.prerequisites:
            prov = cond.provenance or g.provenance or c.provenance or "reconstructed"
            lines.append(
                f"  - {(cond.name_en or cond.name) if lang == 'en' else cond.name}"
                f"{' *' if prov == 'reconstructed' else ' (' + label('provenance.official', lang) + ')'}"
            )
    lines.append("* = " + label("provenance.reconstructed", lang))
    return "\n".join(lines) + "\n"


def diff_text(d: DiffResult, lang: str, width: int | None = None) -> str:
    """The terminal view of a diff."""
    import shutil

    from rich.console import Console
    from rich.table import Table

    from libeval.present.diff import diff_context

    ctx = diff_context(d, lang)
    width = width or max(80, shutil.get_terminal_size((110, 24)).columns)
    con = Console(record=True, width=width, highlight=False, force_terminal=False, file=io.StringIO())
    a, b = ctx["a"], ctx["b"]
    con.print(f"[bold]{ctx['library']}[/] · {ctx['criteria']['id']}")
    con.print(f"{label('from', lang)}: {a['label']} ({a['assessor']}) {a['date'] or ''}".rstrip())
    con.print(f"{label('to', lang)}: {b['label']} ({b['assessor']}) {b['date'] or ''}".rstrip())
    con.print(f"[bold]{label('total', lang)}: {a['total']} → {b['total']} ({ctx['total_delta']})[/]")
    con.print(f"[bold]{label('grade', lang)}: {a['grade']} → {b['grade']}[/]")
    if ctx["identical"]:
        con.print(label("no_differences", lang))
        return _plain(con)
    parts = Table(show_edge=False, pad_edge=False)
    for col in ("code", "part", "from", "to", "delta"):
        parts.add_column(label(col, lang), justify="right" if col in ("from", "to", "delta") else "left")
    for p in ctx["parts"]:
        parts.add_row(p["code"], p["name"], p["from"], p["to"], p["delta"])
    con.print(parts)
    if ctx["indicators"]:
        con.print(f"[bold]{label('differing', lang)}[/]")
        table = Table(show_edge=False, pad_edge=False)
        for col in ("code", "name", "from", "to", "delta", "cause"):
            table.add_column(
                label(col, lang),
                justify="right" if col in ("from", "to", "delta") else "left",
                overflow="fold",
                max_width=18 if col == "name" else None,
                no_wrap=col in ("code", "from", "to", "delta"),
            )
        for i in ctx["indicators"]:
            table.add_row(i["code"], i["name"], i["from"], i["to"], i["delta"], "\n".join(i["causes"]))
        con.print(table)
    for c in ctx["caps"]:
        con.print(f"{label('caps', lang)}: {c['code']} {c['name']} {c['delta']} ({label('cause.cap', lang)})")
    con.print(f"[bold]{label('grade_change', lang)}[/]: {ctx['restore_text']}")
    for line in ctx["restore"]:
        con.print(f"  - {line}")
    if ctx["conditions"]:
        con.print(f"[bold]{label('conditions_changed', lang)}[/]:")
        for c in ctx["conditions"]:
            con.print(f"  {c['grade']} · {c['name']}: {c['from']} → {c['to']}")
    con.print(f"{label('agreement', lang)}: {ctx['agreement']}")
    return _plain(con)


def _plain(con: Console) -> str:
    return "\n".join(line.rstrip() for line in con.export_text().splitlines()) + "\n"


def batch_text(s: Summary, lang: str, width: int | None = None) -> str:
    """The terminal view of a batch: distribution per region, then the ranking."""
    import shutil

    from rich.console import Console
    from rich.table import Table

    from libeval.present.batch import batch_context

    ctx = batch_context(s, lang)
    width = width or max(80, shutil.get_terminal_size((110, 24)).columns)
    con = Console(record=True, width=width, highlight=False, force_terminal=False, file=io.StringIO())
    con.print(ctx["counts"])
    dist = Table(title=label("distribution", lang), show_edge=False, pad_edge=False)
    dist.add_column(label("region", lang))
    for g in ctx["grades"]:
        dist.add_column(g["name"], justify="right")
    dist.add_column(label("no_grade_short", lang), justify="right")
    dist.add_column(label("count", lang), justify="right")
    for d in ctx["distribution"]:
        dist.add_row(d["region"], *map(str, d["counts"]), str(d["none"]), str(d["total"]))
    con.print(dist)
    table = Table(show_edge=False, pad_edge=False)
    for col, right in (
        ("rank", True),
        ("library", False),
        ("province", False),
        ("region", False),
        ("total_short", True),
        ("grade", False),
        ("blocked_by", False),
    ):
        table.add_column(label(col, lang), justify="right" if right else "left", overflow="fold")
    for r in ctx["ranked"]:
        blockers = f"{r['next_grade']}: {'; '.join(r['blockers'])}" if r["next_grade"] else ""
        table.add_row(str(r["rank"]), r["name"], r["province"], r["region"], r["total"], r["grade"], blockers)
    con.print(table)
    return _plain(con)


@contextlib.contextmanager
def batch_progress(total: int, show: bool) -> Iterator[Callable[[int], None]]:
    """A progress bar on stderr while a batch runs (none when not a terminal, or in CI)."""
    if not show:
        yield lambda _n: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    progress = Progress(
        TextColumn("libeval"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    with progress:
        task = progress.add_task("score", total=total)
        yield lambda n: progress.advance(task, n)
