import json
import subprocess
import sys
from pathlib import Path

from resolutions import demo

ROOT = Path(__file__).resolve().parent.parent
SEED = demo.SEED


def run(*args, stdin=None):
    return subprocess.run(
        [sys.executable, "manage.py", "parse_resolution", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_prints_the_documented_json_shape():
    result = run(str(SEED / "ccpcj-1-2.txt"))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"heading", "preamble", "operative", "warnings"}
    assert data["heading"] == "The Commission on Crime Prevention and Criminal Justice"
    assert set(data["preamble"][0]) == {"phrase", "text"}
    first = data["operative"][0]
    assert set(first) == {"phrase", "text", "children"}
    assert first["phrase"] == "Affirms"
    sub = data["operative"][1]["children"][0]
    assert set(sub) == {"text", "children"}
    assert {
        "line": 94,
        "message": "operative clause after 10 was numbered 10; renumbered as 11",
    } in data["warnings"]


def test_reads_standard_input_and_prints_text():
    result = run("--format", "text", "-", stdin="Recalling the Charter.\n1) Urges peace")
    assert result.returncode == 0
    assert result.stdout == "Recalling the Charter,\n\n1. Urges peace.\n"
    assert "line 1: preambular clause ends with a period instead of a comma" in result.stderr


def test_exit_status_2_when_no_resolution():
    result = run("-", stdin="Dear delegates, lunch is at noon")
    assert result.returncode == 2
    assert "No resolution found" in result.stderr
    assert result.stdout == ""


def test_exit_status_2_on_a_missing_file(tmp_path):
    result = run(str(tmp_path / "nope.txt"))
    assert result.returncode == 2
    assert "Cannot read" in result.stderr


def test_html_format_is_a_standalone_page():
    result = run("--format", "html", str(SEED / "ccpcj-1-1.txt"))
    assert result.returncode == 0
    assert result.stdout.startswith("<!doctype html>")
    assert '<article class="resolution">' in result.stdout


def test_an_official_copy_lists_what_was_set_aside_with_kind_line_and_text():
    # docs/resolution-json.md: every piece set aside, in input order, with its kind, its line
    # in the input and its text. A/RES/79/235's header runs from line 1 to its title; its
    # first footnote mark is taken out of a clause on line 41.
    result = run(str(ROOT / "tests" / "data" / "un-official" / "01_A_RES_79_235.txt"))
    assert result.returncode == 0, result.stderr
    aside = json.loads(result.stdout)["set_aside"]
    assert all(set(piece) == {"kind", "line", "text"} for piece in aside)
    header, mark = aside[0], aside[1]
    assert (header["kind"], header["line"]) == ("header", 1)
    assert header["text"].startswith("A/RES/79/235\nUnited Nations\nGeneral Assembly")
    assert header["text"].endswith("international tax cooperation\nat the United Nations")
    assert mark == {"kind": "mark", "line": 41, "text": "1"}
