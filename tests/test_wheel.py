"""A wheel that runs: the built wheel carries the templates, static files, data files, phrase
lists and the demo's seed texts, and the installed copy passes ``manage.py check`` from
outside the repository."""

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = ["sessions", "resolutions", "voting", "outcome"]


def _files(directory, prefix):
    return {
        f"{prefix}/{path.relative_to(directory).as_posix()}"
        for path in directory.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


def expected_data_files():
    """Every non-Python file the running app reads, by its path inside the wheel."""
    expected = _files(ROOT / "templates", "ccpcj/templates") | _files(
        ROOT / "static", "ccpcj/static"
    )
    for app in APPS:
        for kind in ("templates", "static", "data"):
            if (ROOT / app / kind).is_dir():
                expected |= _files(ROOT / app / kind, f"{app}/{kind}")
    expected |= _files(ROOT / "resolutions" / "text" / "data", "resolutions/text/data")
    return expected


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    """The wheel built from a clean copy of the sources (a build/ or egg-info left in the
    working tree would hide a missing file)."""
    source = tmp_path_factory.mktemp("source") / "src"
    shutil.copytree(
        ROOT,
        source,
        symlinks=True,
        ignore=shutil.ignore_patterns(
            ".git", ".venv", "var", "build", "*.egg-info", "__pycache__", "mutants", "tests"
        ),
    )
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), "."],
        check=True,
        capture_output=True,
        cwd=source,
    )
    (built,) = out.glob("ccpcj_floor-*.whl")
    return built


def test_the_wheel_carries_templates_static_data_and_seed_texts(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = expected_data_files()
    for needed in [
        "ccpcj/templates/base.html",
        "ccpcj/static/vendor/bootstrap/bootstrap.min.css",
        "ccpcj/static/js/live.js",
        "sessions/data/member_states.csv",
        "resolutions/text/data/operative_phrases.txt",
        "resolutions/text/data/preambular_phrases.txt",
        "resolutions/data/seed/ccpcj-1-1.txt",
        "resolutions/data/seed/ccpcj-2-1.txt",
        "outcome/static/outcome/documentation.css",
    ]:
        assert needed in expected, needed
    assert expected - names == set()
    assert not [name for name in names if name.startswith("tests/")]


def test_the_installed_wheel_passes_the_check_outside_the_repository(wheel, tmp_path):
    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(site)]
        + [str(wheel)],
        check=True,
        capture_output=True,
    )
    env = {
        **os.environ,
        "PYTHONPATH": str(site),
        "DJANGO_SETTINGS_MODULE": "ccpcj.settings",
        "DATA_DIR": str(tmp_path / "var"),
    }
    env.pop("DATABASE_URL", None)
    probe = (
        "import django; django.setup()\n"
        "import ccpcj, resolutions.demo\n"
        "from django.contrib.staticfiles import finders\n"
        "from django.core.management import call_command\n"
        "from django.template.loader import get_template\n"
        "from resolutions.text.phrases import OPERATIVE, phrase_list\n"
        "call_command('check')\n"
        "print(ccpcj.__file__)\n"
        "print(get_template('base.html').origin.name)\n"
        "print(finders.find('js/live.js'))\n"
        "print(sorted(p.name for p in resolutions.demo.SEED.glob('*.txt')))\n"
        "print(len(phrase_list(OPERATIVE)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    module, template, script, seeds, phrases = result.stdout.strip().splitlines()[-5:]
    for path in (module, template, script):
        assert path.startswith(str(site)), path
    assert seeds == str(
        ["ccpcj-1-1.txt", "ccpcj-1-2.txt", "ccpcj-1-3.txt", "ccpcj-1-4.txt", "ccpcj-2-1.txt"]
    )
    assert int(phrases) > 50
    assert "System check identified no issues" in result.stdout + result.stderr
