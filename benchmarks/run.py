"""Measure libeval against floors taken in the same run, and write benchmarks/RESULTS.md.

    python benchmarks/run.py [--quick] [--repeat N]
    python benchmarks/run.py --hostile    # the hostile inputs only; rewrites that section of RESULTS.md
    python benchmarks/run.py --scale [--before REV]   # score and plan, 82 to 1,000 indicators
    python benchmarks/run.py --plan [--before REV]    # reports and plan against score (plan_speed.py)

Every figure is the median wall time of repeated whole-process runs, with the peak resident
memory of the process (children included where a run has worker processes). Ratios are
against floors measured in the same run on the same machine:

- the interpreter floor: `python -c pass`;
- the import floor: `python -c "import typer, yaml, pydantic"`;
- the YAML parse floor: libyaml (CSafeLoader) over the same files, nothing else.

The synthetic corpus (benchmarks/generate.py, seed 2017) is generated under benchmarks/corpus/
on first use and never committed.

Hostile inputs (a 50 MB file, an alias bomb, 100,000 levels of nesting, 600,000 values; made by
tests/hostile.py, the generators the tests use) are timed here, not in the tests: the tests
assert that the loader refuses them with bounded work, which a loaded machine cannot break.

The standards of `--scale` (benchmarks/generate_standard.py, seeded) are generated too and never
committed; `--scale` writes its own section of RESULTS.md and leaves the rest as it is.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
PY = sys.executable
LIBEVAL = str(Path(PY).with_name("libeval"))
FLOOR_SCRIPT = """
import sys, pathlib, yaml
for p in sorted(pathlib.Path(sys.argv[1]).rglob("*.yaml")):
    yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader)
"""


@dataclass
class Measure:
    name: str
    seconds: float
    peak_mb: float
    runs: int


def run_once(cmd: list[str], expect: tuple[int, str] = (0, "")) -> tuple[float, float]:
    """Wall time and peak RSS (MB) of one whole process, its children included. The process must
    exit with expect[0] and say expect[1] on stderr."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT, env={**os.environ, "CI": "1"}
    )
    err = proc.stderr.read().decode() if proc.stderr else ""  # read to the end, so the child never blocks on it
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != expect[0] or expect[1] not in err:
        raise SystemExit(
            f"{' '.join(cmd)} exited {proc.returncode} (expected {expect[0]} and {expect[1]!r}):\n{err[-2000:]}"
        )
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # largest child so far
    return elapsed, max(usage.ru_maxrss, 0) / 1024 if usage.ru_maxrss else children / 1024


def measure(
    name: str, cmd: list[str], repeat: int, setup: list[str] | None = None, expect: tuple[int, str] = (0, "")
) -> Measure:
    times, peaks = [], []
    for _ in range(repeat):
        if setup:
            shutil.rmtree(setup[0], ignore_errors=True)
        t, mb = run_once(cmd, expect)
        times.append(t)
        peaks.append(mb)
    m = Measure(name, statistics.median(times), max(peaks), repeat)
    print(f"{name:<48} {m.seconds:8.3f} s  {m.peak_mb:6.1f} MB  (median of {repeat})", flush=True)
    return m


def corpus(count: int) -> Path:
    out = HERE / "corpus" / f"n{count}"
    if not (out / ".done").is_file():
        print(f"generating {count} libraries into {out} ...", flush=True)
        subprocess.run([PY, str(HERE / "generate.py"), str(out), "--count", str(count)], check=True)
        (out / ".done").write_text("seed 2017\n")
    return out


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return (
        f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} cores{mem}; "
        f"Python {platform.python_version()}"
    )


# Hostile inputs: (key, what, file or folder to check, the code it must be refused with).
HOSTILE = [
    ("big", "a 50 MB library.yaml", "big", "file-too-large"),
    ("bomb", "an alias bomb (9**12 values expanded)", "bomb.yaml", "alias-bomb"),
    ("deep", "100,000 levels of nesting", "deep.yaml", "too-deep"),
    ("wide", "600,000 values", "wide.yaml", "too-many-nodes"),
]
HOSTILE_SECTION = "## Hostile inputs"


def hostile_runs(tmp: Path, repeat: int) -> dict[str, Measure]:
    """`libeval check` of each hostile input, beside the check of a real library folder."""
    sys.path.insert(0, str(ROOT / "tests"))
    import hostile  # the generators the tests use

    (tmp / "bomb.yaml").write_bytes(hostile.alias_bomb())
    (tmp / "deep.yaml").write_bytes(hostile.deep())
    (tmp / "wide.yaml").write_bytes(hostile.wide())
    shutil.copytree(ROOT / "examples" / "jinghe-2017", tmp / "big")
    hostile.append_big_comment(tmp / "big" / "library.yaml")
    out = {"check": measure("libeval check examples/jinghe-2017", [LIBEVAL, "check", "examples/jinghe-2017"], repeat)}
    for key, what, name, code in HOSTILE:
        out[key] = measure(
            f"libeval check: {what} [{code}]", [LIBEVAL, "check", str(tmp / name)], repeat, expect=(1, f"[{code}]")
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="330 libraries only, fewer repeats")
    parser.add_argument("--hostile", action="store_true", help="only the hostile inputs (about 20 s)")
    parser.add_argument("--repeat", type=int, default=0, help="repeats of the batch runs (default 3, quick 1)")
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    parser.add_argument(
        "--scale", action="store_true", help="only: score and plan on standards of 82 to 1,000 indicators"
    )
    parser.add_argument(
        "--plan", action="store_true", help="only: the reports and plan against the plain score (plan_speed.py)"
    )
    parser.add_argument(
        "--before", metavar="REV", help="with --scale or --plan: with the code of this git revision too"
    )
    args = parser.parse_args()
    if args.plan:
        import plan_speed

        plan_speed.main(args.out, args.repeat or 11, args.before)
        return
    if args.scale:
        scale(args.out, args.repeat or 5, args.before)
        return
    small_repeat = 5 if args.quick else 11
    batch_repeat = args.repeat or (1 if args.quick else 3)
    hostile_repeat = 5 if args.quick or args.hostile else 11
    sizes = [330] if args.quick else [330, 3300]
    if args.hostile:
        tmp = Path(tempfile.mkdtemp(prefix="libeval-bench-"))
        try:
            hostile = hostile_runs(tmp, hostile_repeat)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        write_hostile(args.out, hostile, " --hostile")
        return
    results: dict[str, Measure] = {}
    tmp = Path(tempfile.mkdtemp(prefix="libeval-bench-"))
    floor = tmp / "floor.py"
    floor.write_text(FLOOR_SCRIPT)
    try:
        results["interp"] = measure("interpreter floor: python -c pass", [PY, "-c", "pass"], small_repeat)
        results["import"] = measure(
            "import floor: import typer, yaml, pydantic", [PY, "-c", "import typer, yaml, pydantic"], small_repeat
        )
        results["help"] = measure("libeval --help", [LIBEVAL, "--help"], small_repeat)
        results["one"] = measure(
            "libeval score examples/jinghe-2017", [LIBEVAL, "score", "examples/jinghe-2017"], small_repeat
        )
        results["one_json"] = measure(
            "libeval score examples/jinghe-2017 --format json",
            [LIBEVAL, "score", "examples/jinghe-2017", "--format", "json"],
            small_repeat,
        )
        for n in sizes:
            path = str(corpus(n))
            results[f"yaml{n}"] = measure(f"YAML parse floor, {n} libraries", [PY, str(floor), path], batch_repeat)
            for jobs in (1, 2):
                results[f"b{n}j{jobs}"] = measure(
                    f"batch {n}, --jobs {jobs}",
                    [LIBEVAL, "score", path, "--jobs", str(jobs), "--format", "json"],
                    batch_repeat,
                )
            for jobs in (1, 2):
                reports = str(tmp / f"reports{n}")
                results[f"h{n}j{jobs}"] = measure(
                    f"batch {n}, --jobs {jobs}, HTML reports",
                    [LIBEVAL, "score", path, "--jobs", str(jobs), "--format", "json", "--reports-dir", reports],
                    batch_repeat,
                    setup=[reports],
                )
        hostile = hostile_runs(tmp, hostile_repeat)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    write(args.out, results, sizes)
    write_hostile(args.out, hostile, " --quick" if args.quick else "")


def verdict(value: float, target: str) -> str:
    bound = float(target.split()[1])
    return "holds" if (value <= bound if target.startswith("≤") else value >= bound) else "**misses**"


def write(out: Path, r: dict[str, Measure], sizes: list[int]) -> None:
    imp, n_big = r["import"].seconds, sizes[-1]
    rows = [
        ("`libeval --help` / import floor", r["help"].seconds / imp, "≤ 1.2"),
        ("`libeval score` one library / import floor", r["one"].seconds / imp, "≤ 1.5"),
        (f"batch {n_big}, summary, --jobs 1 / YAML floor", r[f"b{n_big}j1"].seconds / r[f"yaml{n_big}"].seconds, "≤ 2"),
        (
            f"batch {n_big}, HTML reports, --jobs 1 / YAML floor",
            r[f"h{n_big}j1"].seconds / r[f"yaml{n_big}"].seconds,
            "≤ 4",
        ),
        (
            f"batch {n_big}: --jobs 1 / --jobs 2 (speed-up)",
            r[f"b{n_big}j1"].seconds / r[f"b{n_big}j2"].seconds,
            "≥ 1.7",
        ),
        (
            f"batch {n_big}, HTML: --jobs 1 / --jobs 2 (speed-up)",
            r[f"h{n_big}j1"].seconds / r[f"h{n_big}j2"].seconds,
            "≥ 1.7",
        ),
    ]
    if len(sizes) > 1:
        per_small = (r["b330j1"].seconds - r["interp"].seconds) / 330
        per_big = (r[f"b{n_big}j1"].seconds - r["interp"].seconds) / n_big
        rows.append((f"time per library at {n_big} / at 330", per_big / per_small, "≤ 1.1"))
        # the same, each against its own YAML floor: what is left when the machine's speed moved
        floor_small, floor_big = r["yaml330"].seconds / 330, r[f"yaml{n_big}"].seconds / n_big
        rows.append(
            (
                "the same, each per library over its YAML floor",
                (per_big / floor_big) / (per_small / floor_small),
                "≤ 1.1",
            )
        )
    peak = max(m.peak_mb for m in r.values())

    lines = [
        "# Benchmark results",
        "",
        f"Measured {time.strftime('%Y-%m-%d %H:%M %Z')} by `python benchmarks/run.py`"
        f"{' --quick' if len(sizes) == 1 else ''} on: {machine()}.",
        "",
        "Each figure is the median wall time of repeated whole-process runs (peak RSS of the process and its",
        "worker processes). The corpus is `benchmarks/generate.py`, seed 2017 (library.yaml and",
        "assessments/self.yaml per library). Batch runs write the JSON summary to /dev/null.",
        "",
        "| run | seconds | peak MB | runs |",
        "|---|--:|--:|--:|",
        *[f"| {m.name} | {m.seconds:.3f} | {m.peak_mb:.1f} | {m.runs} |" for m in r.values()],
        "",
        "| ratio | measured | target | |",
        "|---|--:|---|---|",
        *[f"| {name} | {value:.2f} | {target} | {verdict(value, target)} |" for name, value, target in rows],
        f"| peak memory of any run (MB) | {peak:.1f} | ≤ 100 | {verdict(peak, '≤ 100')} |",
        "",
    ]
    # the sections other runs write (## ...) stay as they were
    sections = out.read_text(encoding="utf-8").split("\n## ", 1)[1:] if out.is_file() else []
    out.write_text("\n".join(lines) + "".join(f"\n## {rest}" for rest in sections), encoding="utf-8")
    print(f"\nwrote {out}")
    print("\n".join(lines[-len(rows) - 3 :]))


def write_hostile(out: Path, r: dict[str, Measure], how: str) -> None:
    """The hostile-inputs section of RESULTS.md: appended after a whole run, or put in place of
    the previous one by --hostile (the rest of the file keeps its own date)."""
    check = r["check"].seconds
    refusals = [m for k, m in r.items() if k != "check"]
    rows = [(f"{m.name.split(': ', 1)[1]} / check of the example", m.seconds / check, "≤ 2") for m in refusals]
    slowest = max(m.seconds for m in refusals)
    peak = max(m.peak_mb for m in refusals)
    own_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    lines = [
        HOSTILE_SECTION,
        "",
        f"Measured {time.strftime('%Y-%m-%d %H:%M %Z')} by `python benchmarks/run.py{how}` on: {machine()}.",
        "",
        "Each hostile file (made by tests/hostile.py, as the tests make them) must be refused with its code",
        "and exit 1; the median wall time of `libeval check` on it is set against the check of the worked",
        "example (which reads the standard, the library and its assessments). The tests assert bounded",
        "work instead of time: tests/test_yamlsrc.py counts what the loader did before refusing.",
        f"No peak can read below this script's own, {own_mb:.1f} MB: Linux counts a parent's memory in its",
        "child's ru_maxrss. 2 s is the bound the tests asserted before they counted work instead.",
        "",
        "| run | seconds | peak MB | runs |",
        "|---|--:|--:|--:|",
        *[f"| {m.name} | {m.seconds:.3f} | {m.peak_mb:.1f} | {m.runs} |" for m in r.values()],
        "",
        "| ratio | measured | target | |",
        "|---|--:|---|---|",
        *[f"| {name} | {value:.2f} | {target} | {verdict(value, target)} |" for name, value, target in rows],
        f"| slowest refusal (s) | {slowest:.3f} | ≤ 2 | {verdict(slowest, '≤ 2')} |",
        f"| peak memory of any refusal (MB) | {peak:.1f} | ≤ 100 | {verdict(peak, '≤ 100')} |",
        "",
    ]
    old = out.read_text(encoding="utf-8") if out.is_file() else ""
    kept = old.split(HOSTILE_SECTION, 1)[0].rstrip("\n")
    out.write_text((kept + "\n\n" if kept else "") + "\n".join(lines), encoding="utf-8")
    print(f"\nwrote {out}")
    print("\n".join(lines[-len(rows) - 5 :]))


def replace_section(out: Path, title: str, text: str) -> None:
    """Put `text` (starting with the heading `title`) in place of that section of `out`, from its
    heading to the next `## ` heading, or at the end; every other section stays as it is."""
    old = out.read_text(encoding="utf-8") if out.is_file() else "# Benchmark results\n"
    head, found, rest = old.partition(title + "\n")
    tail = ""
    if found:
        after = rest.find("\n## ")
        tail = rest[after:] if after >= 0 else ""
    out.write_text(head.rstrip("\n") + "\n\n" + text.rstrip("\n") + "\n" + tail, encoding="utf-8")


SCALE_TITLE = "## Standards at scale"
SCALE_SIZES = (82, 250, 500, 1000)


def scale_corpus(indicators: int) -> Path:
    """A generated standard of `indicators` indicators (and 0.3 facts per indicator, at least the
    bundled standard's 48) with one library, under benchmarks/corpus/scale/."""
    out = HERE / "corpus" / "scale" / f"n{indicators}"
    facts = max(48, indicators * 3 // 10)
    if not (out / ".done").is_file():
        print(f"generating a standard of {indicators} indicators into {out} ...", flush=True)
        args = [str(out), "--indicators", str(indicators), "--facts", str(facts)]
        subprocess.run([PY, str(HERE / "generate_standard.py"), *args], check=True)
        (out / ".done").write_text(f"seed 2017, {facts} facts\n")
    return out / "lib"


def checkout(rev: str, into: Path) -> Path:
    """The source tree of a git revision (its src/ is put first on PYTHONPATH to run it)."""
    into.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", rev], cwd=ROOT, check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into / "src"


def scale(out: Path, repeat: int, before: str | None) -> None:
    """Whole-process medians of `score` and `plan` on standards of 82 to 1,000 indicators, against
    the import floor of the same run; written as a section of RESULTS.md."""
    results: dict[str, Measure] = {}
    tmp = Path(tempfile.mkdtemp(prefix="libeval-bench-"))
    try:
        old_src = checkout(before, tmp / "before") if before else None
        results["import"] = measure(
            "import floor: import typer, yaml, pydantic", [PY, "-c", "import typer, yaml, pydantic"], 11
        )
        for n in SCALE_SIZES:
            lib = str(scale_corpus(n))
            results[f"score{n}"] = measure(f"score, {n} indicators", [LIBEVAL, "score", lib], repeat)
            results[f"plan{n}"] = measure(f"plan, {n} indicators", [LIBEVAL, "plan", lib], repeat)
            if old_src is not None:
                old = [
                    sys.executable,
                    "-c",
                    f"import sys; sys.path.insert(0, {str(old_src)!r}); "
                    "from libeval.cli import main; sys.argv[0] = 'libeval'; main()",
                    "plan",
                    lib,
                ]
                results[f"before{n}"] = measure(f"plan, {n} indicators, at {before}", old, min(repeat, 3))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    write_scale(out, results, before)


def write_scale(out: Path, r: dict[str, Measure], before: str | None) -> None:
    floor = r["import"].seconds

    first = SCALE_SIZES[0]

    def per(key: str, n: int) -> str:
        """ms per indicator over the import floor, and per indicator added since the smallest."""
        total = (r[key].seconds - floor) / n * 1000
        if n == first:
            return f"{total:.2f} | —"
        added = (r[key].seconds - r[key.rstrip("0123456789") + str(first)].seconds) / (n - first) * 1000
        return f"{total:.2f} | {added:.2f}"

    head = "| indicators | facts | score s | ms / ind. | ms / added ind. | plan s | ms / ind. | ms / added ind. |"
    rule = "|--:|--:|--:|--:|--:|--:|--:|--:|"
    if before:
        head += f" plan s at `{before}` | ms / ind. | ms / added ind. |"
        rule += "--:|--:|--:|"
    rows = []
    for n in SCALE_SIZES:
        row = (
            f"| {n} | {max(48, n * 3 // 10)} | {r[f'score{n}'].seconds:.3f} | {per(f'score{n}', n)} "
            f"| {r[f'plan{n}'].seconds:.3f} | {per(f'plan{n}', n)} |"
        )
        if before:
            row += f" {r[f'before{n}'].seconds:.3f} | {per(f'before{n}', n)} |"
        rows.append(row)
    lines = [
        SCALE_TITLE,
        "",
        f"Measured {time.strftime('%Y-%m-%d %H:%M %Z')} by `python benchmarks/run.py --scale"
        f"{f' --before {before}' if before else ''}` on: {machine()}.",
        "",
        "Standards from `benchmarks/generate_standard.py` (seed 2017; 0.3 facts per indicator, at least 48),",
        "one library each; whole-process medians of `libeval score LIB` and `libeval plan LIB` "
        f"({r['score82'].runs} runs; {r['before82'].runs if before else 0} of the older plan).",
        f"ms / ind.: (seconds − the import floor of this run, {floor:.3f} s) / indicators; ms / added ind.:",
        f"(seconds − seconds at {first}) / (indicators − {first}), flat when the time grows linearly.",
        "",
        head,
        rule,
        *rows,
        "",
    ]
    replace_section(out, SCALE_TITLE, "\n".join(lines))
    print(f"\nwrote the scale section of {out}")
    print("\n".join(lines[-len(rows) - 3 :]))


if __name__ == "__main__":
    main()
