"""`libeval criteria list` and `criteria show`: the bundled standards, and one standard as a tree
with points, one-line rule summaries and provenance marks."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from libeval.models import Boolean, Condition, Judged, Linear, Node, PerUnit, Tiers
from libeval.scoring.standard import Standard
from libeval.text import numbers
from libeval.text.labels import colon, label
from libeval.text.safe import terminal_text
from libeval.text.units import POINTS


def standard_line(ref: str, std: Standard, lang: str) -> str:
    """One line of `criteria list`: id, title, level, period, how much is reconstructed."""
    c = std.spec
    recon, total = std.provenance_counts()
    title = (c.title_en or c.title) if lang == "en" else c.title
    line = f"{ref}\t{terminal_text(title, one_line=True)}\t{c.level}\t{c.period.start}-{c.period.end}"
    return f"{line}\t{recon}/{total} reconstructed\n"


def criteria_tree_text(std: Standard, lang: str, depth: int | None) -> str:
    c = std.spec
    lines = [f"{c.id}  {(c.title_en or c.title) if lang == 'en' else c.title}"]
    recon, total = std.provenance_counts()
    lines.append(
        f"{label('total', lang)} {numbers.points(c.total)}"
        + (f" + {label('bonus', lang)} {numbers.points(c.bonus.max)}" if c.bonus else "")
        + f" · {c.period.start}-{c.period.end} · {label('reconstructed_count', lang, n=recon, m=total)}"
    )
    for code, info in std.nodes.items():
        if depth is not None and info.depth >= depth:
            continue
        node = info.node
        name = (node.name_en or node.name) if lang == "en" else node.name
        mark = " *" if info.provenance == "reconstructed" else ""  # a group's maximum counts too
        rule = f"  [{rule_summary(node, std, lang)}]" if node.rule is not None else ""
        cap = (f"（{label('capped', lang)}）" if lang == "zh" else f" ({label('capped', lang)})") if node.capped else ""
        lines.append(f"{'  ' * (info.depth + 1)}{code} {name} {numbers.points(node.max)}{cap}{rule}{mark}")
    for g in c.grades:
        ms = (
            g.min_score
            if not isinstance(g.min_score, dict)
            else ("、" if lang == "zh" else ", ").join(
                f"{std.variant_label(k).get(lang)} {numbers.points(v) if v is not None else '—'}"
                for k, v in g.min_score.items()
            )
        )
        lines.append(
            f"{(g.name_en or g.name) if lang == 'en' else g.name}{colon(lang)}≥ {ms}"
            f"{' *' if std.condition_provenance(g)[0] == 'reconstructed' else ''}"
        )
        for cond in g.prerequisites:
            prov = std.condition_provenance(g, cond)[0]
            name = (cond.name_en or cond.name) if lang == "en" else cond.name
            lines.append(
                f"  - {name}{_bounds(cond, std, lang, name)}"
                f"{' *' if prov == 'reconstructed' else _paren(label('provenance.official', lang), lang)}"
            )
    lines.append("* = " + label("provenance.reconstructed", lang))
    return "\n".join(terminal_text(line, one_line=True) for line in lines) + "\n"


_SIGNS = ("≥", "≤", ">", "<", "＞", "＜")


def _bounds(cond: Condition, std: Standard, lang: str, name: str) -> str:
    """A condition's bound per variant, as grading names it (` ≥ 东部 15 万册次、西部 8 万册次`);
    nothing when its name states it already or it has none (full marks, yes/no)."""
    bound = cond.at_least if cond.at_least is not None else cond.at_most
    if bound is None or any(sign in name for sign in _SIGNS):
        return ""
    sign = "≥" if cond.at_least is not None else "≤"
    unit = std.unit(cond.value) if cond.value is not None else POINTS

    def shown(v: Decimal) -> str:
        return numbers.amount(v, unit, lang)

    if not isinstance(bound, dict):
        return f" {sign} {shown(bound)}"
    per = [f"{std.variant_label(k).get(lang)} {shown(v)}" for k, v in bound.items() if v is not None]
    return f" {sign} " + ("、" if lang == "zh" else ", ").join(per)


def _paren(text: str, lang: str) -> str:
    return f"（{text}）" if lang == "zh" else f" ({text})"


def provenance_text(std: Standard, lang: str) -> str:
    """`criteria show --provenance`: every reconstructed value with its path (and why, where the
    standard says), then the official ones with their citations."""
    items = std.provenance_items()
    recon = [i for i in items if i.provenance == "reconstructed"]
    official = [i for i in items if i.provenance == "official"]
    width = max((len(i.path) for i in items), default=0)
    colon = "：" if lang == "zh" else ": "

    def head(key: str, n: int) -> str:
        return f"{label(key, lang)}（{n} 项）：" if lang == "zh" else f"{label(key, lang)} ({n}):"

    lines = [f"{std.spec.id}  {(std.spec.title_en or std.spec.title) if lang == 'en' else std.spec.title}"]
    lines.append(label("reconstructed_count", lang, n=len(recon), m=len(items)))
    lines.append(head("provenance.reconstructed", len(recon)))
    for i in recon:
        why = f"  — {i.rationale}" if i.rationale else ""
        lines.append(f"  {i.path.ljust(width)}  {i.what.get(lang)}{why}")
    lines.append(head("provenance.official", len(official)))
    for i in official:
        lines.append(
            f"  {i.path.ljust(width)}  {i.what.get(lang)}  — {label('citation', lang)}{colon}{i.citation or '—'}"
        )
    return "\n".join(terminal_text(line, one_line=True) for line in lines) + "\n"


def _num(v: Any) -> str:
    if isinstance(v, dict):
        return "/".join(numbers.value(x) if x is not None else "—" for x in v.values())
    return numbers.value(v)


def rule_summary(node: Node, std: Standard, lang: str) -> str:
    rule = node.rule
    if isinstance(rule, Judged):
        levels = " ".join(f"{lv.name}{numbers.points(lv.points)}" for lv in rule.levels)
        return ("评定" if lang == "zh" else "judged") + (f" {levels}" if levels else "")
    if rule is None:
        return ""
    name = rule.value
    if isinstance(rule, Tiers):
        sign = "≥" if rule.better == "higher" else "≤"
        bands = ", ".join(f"{sign}{_num(b.at)}→{numbers.points(b.points)}" for b in rule.bands)
        return f"{name}: {bands}"
    if isinstance(rule, Linear):
        return f"{name} / {_num(rule.target)} × {numbers.points(node.max)}"
    if isinstance(rule, PerUnit):
        per = "" if rule.per == 1 else f"/{numbers.value(rule.per)}"
        return f"{name}{per} × {numbers.points(rule.points)}"
    if isinstance(rule, Boolean):
        return f"{name}? {numbers.points(rule.points if rule.points is not None else node.max)}"
    return ""  # pragma: no cover
