"""`libeval init`: a new library folder listing every fact and judged indicator of a standard."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import yaml

from libeval.errors import LibevalError, problem
from libeval.load.cross_checks import PLACEHOLDER_NAME
from libeval.load.folders import ASSESSMENTS_DIR, LIBRARY_FILE
from libeval.load.writing import write_atomic
from libeval.models import Judged
from libeval.scoring.standard import Standard
from libeval.text.bilingual import Bilingual
from libeval.text.labels import label, region_label
from libeval.text.parser_messages import os_error

SCHEMA_DIR = ".libeval"  # JSON Schemas for editors, written by `init`


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _plain(text: str) -> str:
    """Text as YAML writes it: unquoted where it reads back as the same text (宁夏回族自治区)."""
    try:
        same = "#" not in text and yaml.safe_load(text) == text
    except yaml.YAMLError:
        same = False
    return text if same else _q(text)


def _choices(std: Standard, ids: list[str], name: Callable[[str], Bilingual]) -> str:
    """The choices in Chinese for a comment: `东部 east / 中部 central / 西部 west`."""
    return " / ".join(f"{name(v).zh} {v}" if name(v).zh != v else v for v in ids)


def _identity(std: Standard, province: str | None) -> list[str]:
    """The province, region and variant lines: the region from the province where the standard
    places it, else left to be chosen, with the choices."""
    c = std.spec
    by = c.variant.by
    placed = std.region_of(province) if province else None
    follows = "（填写后地区按省份确定）" if std.provinces else ""
    lines = [f"province: {_plain(province)}  # 省份" if province else f"province:  # 省份，如 宁夏回族自治区{follows}"]
    if by == "region":
        regions = _choices(std, c.variant.ids, std.variant_label)
    else:  # the region is optional where the standard varies by another attribute (batch summaries group by it)
        regions = _choices(std, list(std.region_words.ids), region_label)
    if placed is not None:
        name = std.region_words.labels[placed].zh
        lines += [
            f"region: {placed}  # {name}（按省份确定；可选：{regions}）",
            "# 如享受其他地区的政策，改写 region 并写明理由：region_reason: 享受西部大开发政策",
        ]
    elif by == "region":
        lines.append(f"region:  # 地区，请选择：{regions}" + ("；填写省份后可不填" if std.provinces else ""))
    else:
        lines.append(f"# region:  # 地区（可选）：{regions}")
    if by != "region":
        variants = _choices(std, c.variant.ids, std.variant_label)
        lines += ["attributes:", f"  {by}:  # 请选择{std.variant_by.zh}：{variants}"]
    return lines


def library_yaml(std: Standard, ref: str, province: str | None = None) -> str:
    c = std.spec
    lines = [
        f"# yaml-language-server: $schema={SCHEMA_DIR}/library.schema.json",
        f"# 图书馆基本信息与事实数据 · 评估标准：{c.id}（{c.title}）",
        "# Library facts for libeval. Fill in each value; a fact left empty counts as missing, never as 0.",
        "# 每项事实可写 source（出处）与 evidence（证明材料路径或网址）；估计值请加 estimated: true。",
        f"name: {PLACEHOLDER_NAME}  # 图书馆名称",
        f"level: {c.level}",
        *_identity(std, province),
        "population:  # 服务人口（人）",
        f"criteria: {ref}",
        "facts:" if c.facts else "facts: {}  # 标准尚未列出事实（如由 criteria import 生成的骨架）",
    ]
    for f in c.facts:
        unit = f"，{f.unit}" if f.unit else ""
        if f.per_year:
            lines.append(f"  {f.id}:  # {f.name}{unit}，按年填写（取{label(f'aggregate.{f.aggregate}', 'zh')}）")
            if f.unit:
                lines.append(f"    unit: {_q(f.unit)}")
            lines.append("    years:")
            lines += [f"      # {y}:" for y in range(c.period.start, c.period.end + 1)]
        else:
            kind = {"boolean": "是/否（true/false）", "integer": "整数", "percent": "百分数 0–100", "number": "数"}[
                f.type
            ]
            lines.append(f"  {f.id}:  # {f.name}{unit}（{kind}）")
            if f.unit:
                lines.append(f"    unit: {_q(f.unit)}")
            lines.append("    value:")
        lines.append('    source: ""')
    return "\n".join(lines) + "\n"


def assessment_yaml(std: Standard) -> str:
    lines = [
        f"# yaml-language-server: $schema=../{SCHEMA_DIR}/assessment.schema.json",
        "# 自评：评定类指标的得分与说明 · Self-assessment: points for the judged indicators",
        "assessor: self",
        'by: ""  # 评估人或评估小组',
        f"date: {dt.date.today().isoformat()}",
        "judged: {}",
        "# 取消注释并填写 points（或 level）与 note：",
    ]
    for code in std.leaves:
        node = std.nodes[code].node
        if isinstance(node.rule, Judged):
            levels = " / ".join(f"{lv.name} {lv.points}" for lv in node.rule.levels)
            lines.append(
                f'#  {_q(code)}: {{points: , note: ""}}  # {node.name}，满分 {node.max}'
                + (f"；{levels}" if levels else "")
            )
    return "\n".join(lines) + "\n"


def write_scaffold(directory: Path, std: Standard, ref: str, province: str | None = None) -> list[Path]:
    """library.yaml, assessments/self.yaml, and the JSON Schemas their first lines point
    editors to (so completion works offline, for this standard's facts and indicators)."""
    from libeval.load.schemas import json_schema

    schemas = {
        kind: json.dumps(json_schema(kind, std), ensure_ascii=False, indent=2) + "\n"
        for kind in ("library", "assessment")
    }
    targets = {
        directory / LIBRARY_FILE: library_yaml(std, ref, province),
        directory / ASSESSMENTS_DIR / "self.yaml": assessment_yaml(std),
        directory / SCHEMA_DIR / "library.schema.json": schemas["library"],
        directory / SCHEMA_DIR / "assessment.schema.json": schemas["assessment"],
    }
    existing = [p for p in targets if p.exists()]
    if existing:
        raise LibevalError([problem(str(p), None, "target-exists", path=str(p)) for p in existing])
    try:
        (directory / ASSESSMENTS_DIR).mkdir(parents=True, exist_ok=True)
        (directory / SCHEMA_DIR).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LibevalError([problem(str(directory), None, "output-failed", detail=os_error(exc))]) from None
    for path, text in targets.items():
        write_atomic(path, text)
    return list(targets)
