"""A seeded synthetic national corpus for the bundled standard: N library folders, spread over the
regions and provinces, with plausible facts, a self-assessment and (for some) a review.

    python benchmarks/generate.py OUT [--count 3300] [--seed 2017]

Generated on demand, never committed. The same seed gives the same files, byte for byte.
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path
from typing import Any

import yaml

PROVINCES = {
    "east": [
        "北京市",
        "天津市",
        "河北省",
        "辽宁省",
        "上海市",
        "江苏省",
        "浙江省",
        "福建省",
        "山东省",
        "广东省",
        "海南省",
    ],
    "central": ["山西省", "吉林省", "黑龙江省", "安徽省", "江西省", "河南省", "湖北省", "湖南省"],
    "west": [
        "内蒙古自治区",
        "广西壮族自治区",
        "重庆市",
        "四川省",
        "贵州省",
        "云南省",
        "西藏自治区",
        "陕西省",
        "甘肃省",
        "青海省",
        "宁夏回族自治区",
        "新疆维吾尔自治区",
    ],
}
SCALE = {"east": 1.5, "central": 1.0, "west": 0.7}
YEARS = range(2013, 2017)
STANDARD = Path(__file__).resolve().parents[1] / "criteria" / "cn-2017-county.yaml"


def _facts(rnd: random.Random, std: dict[str, Any], region: str, population: int) -> dict[str, object]:
    k = SCALE[region] * rnd.uniform(0.4, 1.8)
    out: dict[str, object] = {}
    raw: dict[str, float] = {}
    base = {  # a typical county library, scaled
        "annual_loans": 80000,
        "annual_visits": 120000,
        "registered_readers": 6000,
        "weekly_hours": 56,
        "branches": 4,
        "outreach_points": 20,
        "mobile_points": 8,
        "outreach_loans": 3,
        "promotion_events": 25,
        "lectures": 8,
        "exhibitions": 4,
        "training_sessions": 8,
        "children_seats": 50,
        "children_events": 15,
        "self_service_devices": 2,
        "satisfaction": 90,
        "holdings": population * 0.5,
        "annual_additions": population * 0.02,
        "periodical_titles": 150,
        "e_items": 150000,
        "digital_tb": 3,
        "local_documents": 800,
        "retro_catalogue_rate": 85,
        "research_papers": 3,
        "village_training": 2,
        "floor_area": 3000,
        "seats": 300,
        "e_reading_seats": 40,
        "computers": 40,
        "bandwidth": 50,
        "acquisition_funds": 25,
        "free_opening_funds": 20,
        "staff": 12,
        "staff_college": 9,
        "staff_titled": 4,
        "training_hours": 40,
        "awards": 3,
        "provincial_awards": 1,
    }
    for fact in std["facts"]:
        fid = fact["id"]
        if fact.get("type") == "boolean":
            out[fid] = rnd.random() < 0.8
            continue
        value = base[fid] * k * rnd.uniform(0.7, 1.3)
        if fact.get("type") == "percent":
            value = min(100.0, base[fid] * rnd.uniform(0.85, 1.08))
        integral = fact.get("type") == "integer"
        if fid in ("staff_college", "staff_titled"):  # never more than the staff
            value = min(value, raw.get("staff", value))
        raw[fid] = int(value) if integral else value
        if fact.get("per_year"):
            years = {}
            for i, y in enumerate(YEARS):
                v = value * (0.85 + 0.05 * i) * rnd.uniform(0.95, 1.05)
                years[y] = int(v) if integral else round(v, 1)
            out[fid] = {"years": years, "unit": fact.get("unit")} if fact.get("unit") else {"years": years}
        else:
            v = int(value) if integral else round(value, 1)
            out[fid] = {"value": v, "unit": fact["unit"]} if fact.get("unit") else v
    return out


def _judged(rnd: random.Random, std: dict[str, object], quality: float) -> dict[str, object]:
    judged: dict[str, object] = {}

    def walk(nodes: list[dict[str, object]]) -> None:
        for n in nodes:
            if n.get("children"):
                walk(n["children"])  # type: ignore[arg-type]
            elif n["rule"]["kind"] == "judged":  # type: ignore[index]
                mx = float(n["max"])  # type: ignore[arg-type]
                judged[str(n["code"])] = {
                    "points": round(min(mx, mx * quality * rnd.uniform(0.8, 1.1)) * 2) / 2,
                    "note": "合成数据",
                }

    walk(std["parts"])  # type: ignore[arg-type]
    walk([std["bonus"]])  # type: ignore[list-item]
    return judged


def generate(out: Path, count: int, seed: int) -> None:
    rnd = random.Random(seed)
    std = yaml.safe_load(STANDARD.read_text(encoding="utf-8"))
    if out.exists():
        shutil.rmtree(out)
    regions = ["east"] * 11 + ["central"] * 8 + ["west"] * 12
    for i in range(count):
        region = rnd.choice(regions)
        province = rnd.choice(PROVINCES[region])
        population = rnd.randrange(50_000, 1_500_000, 1000)
        folder = out / region / f"lib{i:05d}"
        (folder / "assessments").mkdir(parents=True)
        library = {
            "name": f"{province}第{i + 1}县图书馆",
            "level": "county",
            "province": province,
            "region": region,
            "population": population,
            "criteria": "cn-2017-county",
            "facts": _facts(rnd, std, region, population),
        }
        (folder / "library.yaml").write_text(
            yaml.safe_dump(library, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
        quality = rnd.uniform(0.5, 1.0)
        self_ = {
            "assessor": "self",
            "by": "评估定级工作领导小组",
            "date": "2017-06-30",
            "judged": _judged(rnd, std, quality),
        }
        (folder / "assessments" / "self.yaml").write_text(
            yaml.safe_dump(self_, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=3300)
    parser.add_argument("--seed", type=int, default=2017)
    args = parser.parse_args()
    generate(args.out, args.count, args.seed)


if __name__ == "__main__":
    main()
