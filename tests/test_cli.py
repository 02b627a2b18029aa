from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from libeval import __version__
from libeval.cli import app

from conftest import EXAMPLE, ROOT

runner = CliRunner()
SCHEMA = json.loads((ROOT / "docs" / "score.schema.json").read_text(encoding="utf-8"))


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_version_and_help() -> None:
    code, out, _ = invoke("--version")
    assert (code, out) == (0, f"libeval {__version__}\n")
    code, out, _ = invoke("--help")
    assert code == 0
    for command in ("check", "score", "criteria", "init"):
        assert command in out


def test_every_command_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = ("check", "score", "diff", "plan", "schema", "criteria list", "criteria show", "criteria diff", "init")
    for command in commands:
        assert f"libeval {command}" in readme, command


def test_usage_error_exits_2() -> None:
    code, _, err = invoke("score")
    assert code == 2 and "Missing argument" in err
    code, _, _ = invoke("score", str(EXAMPLE), "--format", "pdf")
    assert code == 2
    code, _, _ = invoke("score", str(EXAMPLE), "--fail-under", "lots")
    assert code == 2


@pytest.mark.parametrize(("assessment", "total", "lang"), [("self", 832, "zh"), ("prefecture", 775.3, "en")])
def test_score_json_validates_and_pins_the_totals(assessment: str, total: float, lang: str) -> None:
    code, out, err = invoke("score", str(EXAMPLE), "--format", "json", "-a", assessment, "--lang", lang)
    assert code == 0, err
    assert err == ""
    data = json.loads(out)
    jsonschema.validate(data, SCHEMA)
    assert data["total"] == total
    assert f'"total": {total},' in out  # the text is exactly the decimal
    assert data["grade"]["id"] == "grade3"
    assert data["next_grade"]["id"] == "grade2"
    assert data["provenance"]["reconstructed"] > 0
    assert len(data["indicators"]) > 60


def test_score_table_shows_the_summary() -> None:
    code, out, _ = invoke("score", str(EXAMPLE), "-a", "prefecture")
    assert code == 0
    assert "总分：775.3 / 1000" in out
    assert "等级：三级" in out
    assert "距二级还差" in out and "建筑面积 600 ㎡，要求 ≥ 2,000 ㎡，差 1,400 ㎡" in out
    assert "重建数值" in out and "估计值" in out


def test_detail_and_explain() -> None:
    code, out, _ = invoke("score", str(EXAMPLE), "--detail", "--lang", "en")
    assert code == 0 and "3.1.1" in out and "→ 0/30" in out
    code, out, _ = invoke("score", str(EXAMPLE), "-a", "prefecture", "--explain", "1.1.1")
    assert code == 0
    assert "≥ 30,000 册次 → 18 分  ←" in out
    assert "已更正" in out and "以文化统计年报为准" in out
    code, out, _ = invoke("score", str(EXAMPLE), "--explain", "3.1")
    assert code == 0 and "3.1.1" in out


def test_fail_under_gate() -> None:
    assert invoke("score", str(EXAMPLE), "--fail-under", "832")[0] == 0
    assert invoke("score", str(EXAMPLE), "--fail-under", "832.1")[0] == 1


def test_output_is_written_atomically_and_never_over_an_input(tmp_path: Path) -> None:
    target = tmp_path / "result.json"
    code, out, _ = invoke("score", str(EXAMPLE), "--format", "json", "-o", str(target))
    assert code == 0 and out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["total"] == 832
    assert [p.name for p in tmp_path.iterdir()] == ["result.json"]  # no temporary file left
    lib = tmp_path / "lib"
    shutil.copytree(EXAMPLE, lib)
    before = (lib / "library.yaml").read_bytes()
    code, _, err = invoke("score", str(lib), "-o", str(lib / "library.yaml"))
    assert code == 1 and "[output-is-input]" in err
    assert (lib / "library.yaml").read_bytes() == before
    code, _, err = invoke("score", str(lib), "-o", str(tmp_path / "no" / "such" / "dir" / "x.txt"))
    assert code == 1 and "[output-failed]" in err


def test_check_the_bundled_standard_and_example() -> None:
    code, out, err = invoke("check", str(ROOT / "criteria" / "cn-2017-county.yaml"), str(EXAMPLE), "--strict")
    assert (code, out, err) == (0, "", "")


def test_check_json_format_when_clean() -> None:
    code, out, _ = invoke("check", str(EXAMPLE), "--format", "json")
    assert code == 0 and json.loads(out) == {"problems": []}


def test_messages_follow_lang_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    code, _, err = invoke("check", str(tmp_path / "nothing.yaml"))
    assert code == 1 and "错误：找不到文件" in err


def test_criteria_list_and_show() -> None:
    code, out, _ = invoke("criteria", "list")
    assert code == 0 and out.startswith("cn-2017-county\t")
    code, out, _ = invoke("criteria", "show", "cn-2017-county", "--depth", "1")
    assert code == 0 and "1 服务效能 400" in out and "1.1 " not in out
    code, out, _ = invoke("criteria", "show", str(ROOT / "criteria" / "cn-2017-county.yaml"), "--lang", "en")
    assert code == 0 and "1.1.1 Items lent per year 30  [annual_loans" in out and "(official)" in out
    code, _, err = invoke("criteria", "show", "cn-2099")
    assert code == 1 and "[unknown-criteria]" in err


def test_init_scaffold_passes_check_with_only_what_is_not_filled_in(tmp_path: Path) -> None:
    target = tmp_path / "newlib"
    code, _, err = invoke("init", str(target), "--criteria", "cn-2017-county")
    assert code == 0, err
    assert (target / "library.yaml").is_file() and (target / "assessments" / "self.yaml").is_file()
    text = (target / "library.yaml").read_text(encoding="utf-8")
    assert "annual_loans:  # 年文献外借量，册次，按年填写（取年均）" in text
    # no region is chosen for the librarian: the line says what to choose, in Chinese
    assert "\nregion:  # 地区，请选择：东部 east / 中部 central / 西部 west；填写省份后可不填\n" in text
    code, _out, err = invoke("check", str(target), "--lang", "en")
    assert code == 0
    codes = [line.rsplit("[", 1)[1] for line in err.splitlines()]
    assert set(codes) == {"missing-fact]", "judged-not-awarded]", "region-missing]", "name-placeholder]"}
    assert codes.count("missing-fact]") == 48  # 47 facts and the service population
    assert codes.count("judged-not-awarded]") == 1 and "32 of 32 judged indicators not awarded" in err
    assert f"{target}/library.yaml:7:1: warning: this standard varies by region: fill in `province`" in err
    assert f"{target}/library.yaml:5:7: warning: the library's name is still the template's" in err
    assert f"{target}/library.yaml:9:12: warning: fact 'population' (service population) is not given" in err
    code, _, err = invoke("score", str(target), "--lang", "en")
    assert code == 1 and "error: this standard varies by region" in err and "Traceback" not in err
    code, _, err = invoke("init", str(target), "--criteria", "cn-2017-county")
    assert code == 1 and "[target-exists]" in err


@pytest.mark.parametrize(("province", "region"), [("宁夏回族自治区", "west"), ("河南省", "central")])
def test_init_with_a_province_fills_its_region(tmp_path: Path, province: str, region: str) -> None:
    target = tmp_path / "newlib"
    code, _, err = invoke("init", str(target), "--criteria", "cn-2017-county", "--province", province)
    assert code == 0, err
    text = (target / "library.yaml").read_text(encoding="utf-8")
    assert f"\nprovince: {province}  # 省份\nregion: {region}  # " in text
    code, _, err = invoke("check", str(target))
    assert code == 0 and {line.rsplit("[", 1)[1] for line in err.splitlines()} == {
        "missing-fact]",
        "judged-not-awarded]",
        "name-placeholder]",
    }
    code, out, err = invoke("score", str(target), "--format", "json")
    assert code == 0, err
    assert json.loads(out)["library"]["region"] == region


def test_installed_console_script_runs() -> None:
    exe = shutil.which("libeval", path=str(Path(sys.executable).parent)) or shutil.which("libeval")
    assert exe is not None, "the console script is installed with the package"
    proc = subprocess.run(
        [exe, "score", str(EXAMPLE), "--format", "json", "-a", "prefecture"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["total"] == 775.3
    proc = subprocess.run(
        [sys.executable, "-m", "libeval", "check", str(EXAMPLE / "no-such-file.yaml")],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert proc.returncode == 1 and "Traceback" not in proc.stderr


def test_help_and_check_do_not_import_jinja2_or_rich_tables() -> None:
    code = (
        f"import sys; from libeval.cli import main; sys.argv=['libeval', 'check', {str(EXAMPLE)!r}];\n"
        "try: main()\nexcept SystemExit: pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('jinja2', 'openpyxl') or m == 'rich.table'))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=60)
    assert proc.stdout.strip().splitlines()[-1] == "[]", proc.stderr


def test_output_files_get_ordinary_permissions(tmp_path: Path) -> None:
    target = tmp_path / "r.json"
    umask = os.umask(0o022)
    try:
        assert invoke("score", str(EXAMPLE), "--format", "json", "-o", str(target))[0] == 0
        assert target.stat().st_mode & 0o777 == 0o644  # not mkstemp's private 0600
        target.chmod(0o664)
        assert invoke("score", str(EXAMPLE), "--format", "json", "-o", str(target))[0] == 0
        assert target.stat().st_mode & 0o777 == 0o664  # a replaced file keeps its mode
    finally:
        os.umask(umask)


def test_internal_errors_are_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    from libeval import cli

    def boom() -> None:
        raise RuntimeError("unexpected")

    monkeypatch.setattr(cli, "app", boom)
    monkeypatch.delenv("LIBEVAL_DEBUG", raising=False)
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    assert exit_info.value.code == 1


def test_init_for_a_standard_without_facts_gives_a_folder_that_scores(tmp_path: Path) -> None:
    """A skeleton standard (all indicators judged, an empty fact catalogue) still scaffolds a
    library.yaml that loads: `facts: {}`, not an empty `facts:` (null)."""
    std = tmp_path / "skeleton.yaml"
    std.write_text(
        "id: skeleton\ntitle: 骨架\nlevel: county\nperiod: {start: 2013, end: 2016}\ntotal: 10\n"
        'facts: []\nparts:\n  - code: "1"\n    name: 服务\n    max: 10\n'
        '    children: [{code: "1.1", name: 外借, max: 10, rule: {kind: judged}}]\n',
        encoding="utf-8",
    )
    target = tmp_path / "lib"
    code, _, err = invoke("init", str(target), "--criteria", str(std))
    assert code == 0, err
    assert "facts: {}" in (target / "library.yaml").read_text(encoding="utf-8")
    code, _, err = invoke("check", str(target))
    assert code == 0, err
    code, out, err = invoke("score", str(target), "--format", "json")
    assert code == 0, err
    assert json.loads(out)["indicators"][0]["status"] == "not_judged"


def test_init_says_what_to_do_next_and_score_takes_the_library_file(tmp_path: Path) -> None:
    target = tmp_path / "newlib"
    code, out, err = invoke("init", str(target), "--criteria", "cn-2017-county", "--xlsx", "--lang", "zh")
    assert code == 0 and out.splitlines()[-1] == f"{target}/facts.xlsx"  # stdout: the files, for scripts
    assert err == (
        f"下一步：填写 {target}/facts.xlsx 后运行 libeval import {target}/facts.xlsx {target}"
        f"（或直接编辑 {target}/library.yaml），在 {target}/assessments/self.yaml 中给评定指标打分，"
        f"然后运行 libeval check {target}\n"
    )
    # `score LIB/library.yaml` (what check accepts) scores its folder
    for command in ("score", "plan", "diff"):
        code, out, err = invoke(command, str(EXAMPLE / "library.yaml"), "--format", "json")
        assert code == 0, err
    code, out, _ = invoke("score", str(EXAMPLE / "library.yaml"), "--format", "json")
    assert json.loads(out)["total"] == 832
