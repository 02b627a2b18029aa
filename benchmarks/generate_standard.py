"""A seeded synthetic standard of any size, and a library folder scored against it.

    python benchmarks/generate_standard.py OUT [--indicators 1000] [--facts 300] [--seed 2017]
    python benchmarks/generate_standard.py OUT --times K

writes OUT/standard.yaml and OUT/lib/ (library.yaml, assessments/self.yaml, reading
../standard.yaml). The standard is shaped like the bundled one: three parts of groups of about
ten indicators (tiers, some per region; judged, some with levels; boolean; per_unit; linear),
one group in five capped, some with a capped sub-group, a capped bonus, derived values (per
resident, ratios), and three grades with prerequisites on values, scores and yes/no facts. It
has about 12 points per indicator, like the bundled one (1000 points, 82 indicators).

`--times K` writes instead the bundled standard with its three parts copied K - 1 times under new
codes (C1-1.1.1 ...; the facts, derived values, bonus and prerequisites shared, each grade's
minimum score K times its own) and the worked example (examples/jinghe-2017) read against it,
its assessors' awards given to the copies too: the same library, as far from each grade, in a
tree K times as big.

Generated on demand, never committed. The same arguments give the same files, byte for byte.
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path
from typing import Any

import yaml

YEARS = range(2013, 2017)
REGIONS = ("east", "central", "west")
KINDS = (("tiers", 45), ("judged", 30), ("boolean", 10), ("per_unit", 10), ("linear", 5))
POPULATION = 200_000


def nice(x: float) -> float | int:
    """A number as a standard writes it: three significant digits, whole where it can be."""
    if x >= 100:
        return int(float(f"{x:.3g}"))
    return float(f"{x:.3g}")


class _Generator:
    def __init__(self, indicators: int, facts: int, seed: int) -> None:
        self.rnd = random.Random(seed)
        self.n = indicators
        self.f = facts
        self.facts: list[dict[str, Any]] = []
        self.typical: dict[str, float] = {}  # the value a typical library has
        self.derived: list[dict[str, Any]] = []
        self.unused_numbers: list[str] = []
        self.unused_booleans: list[str] = []
        self.booleans: list[str] = []
        self.numbers: list[str] = []  # facts and derived values a rule can read
        self.integers: list[str] = []

    def catalogue(self) -> None:
        rnd = self.rnd
        n_bool = max(3, min(self.f // 7, self.n // 10))
        for i in range(self.f):
            fid = f"f{i:04d}"
            fact: dict[str, Any] = {"id": fid, "name": f"事实{i}", "name_en": f"Fact {i}"}
            if i < n_bool:
                fact["type"] = "boolean"
                self.booleans.append(fid)
            else:
                kind = rnd.choices(["integer", "number", "percent"], [6, 3, 1])[0]
                if kind != "number":
                    fact["type"] = kind
                fact["unit"] = "%" if kind == "percent" else rnd.choice(["册", "人次", "场", "个", "m2", "万元"])
                if kind != "percent" and rnd.random() < 0.3:
                    fact["per_year"] = True
                    fact["aggregate"] = rnd.choice(["mean", "mean", "sum", "latest"])
                if i % 11 == 0:
                    fact["profile"] = True
                if i % 17 == 0:
                    fact["structural"] = True
                typical = rnd.uniform(50, 95) if kind == "percent" else 10 ** rnd.uniform(0.7, 5)
                if fact.get("aggregate") == "sum":
                    typical *= len(YEARS)
                self.typical[fid] = typical
                self.numbers.append(fid)
                if kind == "integer":
                    self.integers.append(fid)
            self.facts.append(fact)
        number_facts = list(self.numbers)
        for j in range(max(2, self.f // 10)):
            did = f"d{j:03d}"
            a = rnd.choice(number_facts)
            if j % 2 == 0:
                formula, typical = f"{a} / population * 1000", self.typical[a] / POPULATION * 1000
            else:
                b = rnd.choice([x for x in number_facts if x != a])
                formula, typical = f"{a} / {b} * 100", self.typical[a] / self.typical[b] * 100
            self.derived.append({"id": did, "name": f"派生{j}", "formula": formula})
            self.typical[did] = typical
            self.numbers.append(did)
        self.unused_numbers = list(number_facts)
        self.unused_booleans = list(self.booleans)

    def _value(self, pool: list[str], unused: list[str]) -> str:
        """A value to read: first every fact once (so none is unused), then any."""
        for k, name in enumerate(unused):
            if name in pool:
                return unused.pop(k)
        return self.rnd.choice(pool)

    def indicator(self, code: str) -> dict[str, Any]:
        rnd = self.rnd
        kind = rnd.choices([k for k, _ in KINDS], [w for _, w in KINDS])[0]
        if kind == "per_unit" and not self.integers:
            kind = "tiers"
        top = rnd.choice([5, 8, 10, 10, 15, 20])
        node: dict[str, Any] = {"code": code, "name": f"指标{code}", "max": top}
        if kind == "tiers":
            value = self._value(self.numbers, self.unused_numbers)
            typical = self.typical[value]
            count = rnd.randint(3, 5)
            ratios = [1.6, 1.2, 0.8, 0.5, 0.3][:count]
            shares = [1, 0.8, 0.6, 0.4, 0.2][:count]
            per_region = rnd.random() < 0.25
            bands = []
            for r, share in zip(ratios, shares, strict=True):
                at: Any = nice(typical * r)
                if per_region:
                    at = {
                        "east": nice(typical * r * 1.3),
                        "central": nice(typical * r),
                        "west": nice(typical * r * 0.8),
                    }
                bands.append({"at": at, "points": max(1, round(top * share))})
            node["rule"] = {"kind": "tiers", "value": value, "bands": bands}
        elif kind == "judged":
            rule: dict[str, Any] = {"kind": "judged"}
            if rnd.random() < 0.3:
                rule["levels"] = [
                    {"name": "好", "name_en": "good", "points": top},
                    {"name": "中", "name_en": "fair", "points": round(top * 0.6)},
                    {"name": "差", "name_en": "poor", "points": round(top * 0.25)},
                ]
            node["rule"] = rule
        elif kind == "boolean":
            node["rule"] = {"kind": "boolean", "value": self._value(self.booleans, self.unused_booleans)}
        elif kind == "per_unit":
            value = self._value(self.integers, self.unused_numbers)
            node["rule"] = {"kind": "per_unit", "value": value, "points": round(top / rnd.choice([3, 4, 5, 10]), 1)}
            if self.typical[value] > 1000:
                node["rule"]["per"] = nice(self.typical[value] / 5)
        else:
            value = self._value(self.numbers, self.unused_numbers)
            node["rule"] = {"kind": "linear", "value": value, "target": nice(self.typical[value] * 1.2)}
        return node

    def group(self, code: str, size: int) -> dict[str, Any]:
        """A group of `size` indicators; some hold three of them in a capped sub-group (as 1.4.1
        of the bundled standard)."""
        nested = 3 if size >= 6 and self.rnd.random() < 0.3 else 0
        children = [self.indicator(f"{code}.{k + 1}") for k in range(size - nested)]
        if nested:
            sub_code = f"{code}.{size - nested + 1}"
            sub = [self.indicator(f"{sub_code}.{k + 1}") for k in range(nested)]
            sub_max = round(sum(c["max"] for c in sub) * 0.7)
            children.append(
                {"code": sub_code, "name": f"分项{sub_code}", "max": sub_max, "capped": True, "children": sub}
            )
        total = sum(c["max"] for c in children)
        node: dict[str, Any] = {"code": code, "name": f"组{code}", "max": total, "children": children}
        if self.rnd.random() < 0.2:
            node["capped"] = True
            node["max"] = round(total * 0.8)
        return node

    def tree(self) -> tuple[list[dict[str, Any]], dict[str, Any]]:
        bonus_size = max(3, self.n // 20)
        remaining = self.n - bonus_size
        sizes: list[int] = []
        while remaining > 0:
            size = min(remaining, self.rnd.randint(7, 12))
            sizes.append(size)
            remaining -= size
        parts: list[dict[str, Any]] = []
        for p in range(3):
            groups = [self.group(f"{p + 1}.{g + 1}", size) for g, size in enumerate(sizes[p::3])]
            parts.append(
                {"code": str(p + 1), "name": f"部分{p + 1}", "max": sum(g["max"] for g in groups), "children": groups}
            )
        items = [self.indicator(f"B.{k + 1}") for k in range(bonus_size)]
        bonus = {
            "code": "B",
            "name": "加分项",
            "max": round(sum(c["max"] for c in items) * 0.6),
            "capped": True,
            "children": items,
        }
        return parts, bonus

    def grades(self, total: int, parts: list[dict[str, Any]]) -> list[dict[str, Any]]:
        rnd = self.rnd
        conditions = [name for name in self.numbers if name.startswith("f")]

        def at_least(name: str, share: float) -> dict[str, Any]:
            t = self.typical[name] * share
            return {"east": nice(t * 1.3), "central": nice(t), "west": nice(t * 0.8)}

        def boolean_leaf(node: dict[str, Any]) -> str | None:
            for child in node.get("children", []):
                found = boolean_leaf(child)
                if found:
                    return found
            return node["code"] if node.get("rule", {}).get("kind") == "boolean" else None

        full = boolean_leaf(parts[0]) or boolean_leaf(parts[1])
        out = []
        for k, (gid, name, share, prereq) in enumerate(
            (("grade1", "一级", 0.85, 1.2), ("grade2", "二级", 0.65, 0.8), ("grade3", "三级", 0.45, 0.4))
        ):
            base = total * share
            grade: dict[str, Any] = {
                "id": gid,
                "name": name,
                "name_en": f"Grade {k + 1}",
                "min_score": {"east": round(base * 1.05), "central": round(base), "west": round(base * 0.95)},
                "prerequisites": [],
            }
            for j, fact in enumerate(rnd.sample(conditions, 3 - k)):
                grade["prerequisites"].append(
                    {"id": f"v{j}", "name": f"条件{j}", "value": fact, "at_least": at_least(fact, prereq)}
                )
            if k < 2:
                grade["prerequisites"].append(
                    {"id": "yes", "name": "是否条件", "value": rnd.choice(self.booleans), "equals": True}
                )
            grade["prerequisites"].append(
                {"id": "part", "name": "部分得分", "score": "1", "at_least": round(parts[0]["max"] * share * 0.9)}
            )
            if full:
                grade["prerequisites"].append({"id": "full", "name": "满分条件", "score": full, "full_marks": True})
            out.append(grade)
        return out

    def standard(self) -> dict[str, Any]:
        self.catalogue()
        parts, bonus = self.tree()
        total = sum(p["max"] for p in parts)
        return {
            "id": f"synthetic-{self.n}",
            "title": f"合成标准（{self.n} 项指标）",
            "title_en": f"Synthetic standard ({self.n} indicators)",
            "level": "county",
            "period": {"start": YEARS[0], "end": YEARS[-1]},
            "total": total,
            "precision": 1,
            "variant": {"by": "region", "values": list(REGIONS)},
            "provenance": "reconstructed",
            "facts": self.facts,
            "derived": self.derived,
            "parts": parts,
            "bonus": bonus,
            "grades": self.grades(total, parts),
        }

    def library(self, std: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
        """(library.yaml, assessments/self.yaml) of a library near the typical values (0.4 to 1.5
        times), a few facts missing, every judged indicator judged."""
        rnd = self.rnd
        facts: dict[str, Any] = {}
        for fact in self.facts:
            fid = fact["id"]
            if rnd.random() < 0.03:
                continue  # not given: missing
            if fact.get("type") == "boolean":
                facts[fid] = rnd.random() < 0.7
                continue
            value = self.typical[fid] * rnd.uniform(0.4, 1.5)
            integral = fact.get("type") == "integer"
            if fact.get("type") == "percent":
                facts[fid] = round(min(100.0, value), 1)
            elif fact.get("per_year"):
                share = len(YEARS) if fact.get("aggregate") == "sum" else 1
                years = {y: value * (0.85 + 0.1 * i) / share for i, y in enumerate(YEARS)}
                facts[fid] = {"years": {y: int(v) if integral else round(v, 2) for y, v in years.items()}}
            else:
                facts[fid] = int(value) if integral else round(value, 2)
        judged: dict[str, Any] = {}

        def walk(node: dict[str, Any]) -> None:
            for child in node.get("children", []):
                walk(child)
            rule = node.get("rule")
            if rule and rule["kind"] == "judged":
                if rule.get("levels") and rnd.random() < 0.5:
                    judged[node["code"]] = {"level": rnd.choice(rule["levels"])["name"]}
                else:
                    judged[node["code"]] = round(node["max"] * rnd.uniform(0.5, 1.0))

        for part in [*std["parts"], std["bonus"]]:
            walk(part)
        lib = {
            "name": "合成县图书馆",
            "level": "county",
            "province": "合成省",
            "region": rnd.choice(REGIONS),
            "population": POPULATION,
            "criteria": "../standard.yaml",
            "facts": facts,
        }
        return lib, {"assessor": "self", "date": "2017-06-30", "judged": judged}


def generate(indicators: int, facts: int, seed: int = 2017) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """(standard, library.yaml, assessments/self.yaml): a valid standard of `indicators`
    indicators (the bonus included) and `facts` facts, and a library scored against it."""
    gen = _Generator(indicators, facts, seed)
    std = gen.standard()
    lib, self_ = gen.library(std)
    return std, lib, self_


def write(out: Path, indicators: int, facts: int, seed: int = 2017) -> Path:
    """Write OUT/standard.yaml and OUT/lib; return the library folder."""
    if out.exists():
        shutil.rmtree(out)
    (out / "lib" / "assessments").mkdir(parents=True)
    std, lib, self_ = generate(indicators, facts, seed)

    def dump(data: Any, path: Path) -> None:
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")

    dump(std, out / "standard.yaml")
    dump(lib, out / "lib" / "library.yaml")
    dump(self_, out / "lib" / "assessments" / "self.yaml")
    return out / "lib"


ROOT = Path(__file__).resolve().parents[1]


def _recode(node: dict[str, Any], prefix: str) -> None:
    node["code"] = f"{prefix}{node['code']}"
    for child in node.get("children", []):
        _recode(child, prefix)


def bundled_times(k: int) -> dict[str, Any]:
    """The bundled standard with its parts K times (see the module's docstring)."""
    std: dict[str, Any] = yaml.safe_load((ROOT / "criteria" / "cn-2017-county.yaml").read_text(encoding="utf-8"))
    parts = list(std["parts"])
    for copy in range(1, k):
        for part in std["parts"]:
            new = yaml.safe_load(yaml.safe_dump(part))  # a deep copy
            _recode(new, f"C{copy}-")
            parts.append(new)
    std["parts"] = parts
    std["total"] = sum(p["max"] for p in parts)
    for grade in std["grades"]:
        low = grade["min_score"]
        grade["min_score"] = {v: m * k for v, m in low.items()} if isinstance(low, dict) else low * k
    return std


def write_times(out: Path, k: int) -> Path:
    """Write OUT/standard.yaml (the bundled standard K times) and OUT/lib (the worked example
    reading it); return the library folder."""
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(ROOT / "examples" / "jinghe-2017", out / "lib")
    (out / "standard.yaml").write_text(
        yaml.safe_dump(bundled_times(k), allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    lib = out / "lib" / "library.yaml"
    lines = lib.read_text(encoding="utf-8").splitlines(keepends=True)
    lib.write_text(
        "".join("criteria: ../standard.yaml\n" if ln.startswith("criteria:") else ln for ln in lines), encoding="utf-8"
    )
    for path in sorted((out / "lib" / "assessments").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for key in ("judged", "not_applicable"):
            given = data.get(key) or {}
            for copy in range(1, k):
                given.update({f"C{copy}-{code}": v for code, v in list(given.items()) if code[:1] in "123"})
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return out / "lib"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--indicators", type=int, default=1000)
    parser.add_argument("--facts", type=int, default=300)
    parser.add_argument("--seed", type=int, default=2017)
    parser.add_argument("--times", type=int, help="the bundled standard K times, with the worked example")
    args = parser.parse_args()
    if args.times:
        write_times(args.out, args.times)
    else:
        write(args.out, args.indicators, args.facts, args.seed)


if __name__ == "__main__":
    main()
