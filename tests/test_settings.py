"""Settings: production mode passes Django's deployment checks; migrations match the models."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_manage(*args, **env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_mode_passes_check_deploy(tmp_path):
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_ENV="production",
        SECRET_KEY="a-long-random-secret-key-for-the-test-" + "x" * 40,
        ALLOWED_HOSTS="mun.example.org",
        DATA_DIR=str(tmp_path),
        STATIC_ROOT=str(tmp_path / "static"),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_mode_refuses_to_start_without_a_secret_key(tmp_path):
    result = run_manage("check", DJANGO_ENV="production", SECRET_KEY="", DATA_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_models_and_migrations_agree():
    result = run_manage("makemigrations", "--check", "--dry-run")
    assert result.returncode == 0, result.stdout + result.stderr


def test_database_url_selects_postgresql(tmp_path):
    code = (
        "from django.conf import settings; d = settings.DATABASES['default'];"
        "print(d['ENGINE'], d['NAME'], d['HOST'], d['OPTIONS']['pool']['max_size'],"
        " settings.LIVE_REDIS_URL)"
    )
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "ccpcj.settings",
            "DATABASE_URL": "postgres://mun@db.example.org:5432/floor",
            "REDIS_URL": "redis://127.0.0.1:6379/0",
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.split() == [
        "django.db.backends.postgresql",
        "floor",
        "db.example.org",
        "20",  # a bounded pool of connections per server process
        "redis://127.0.0.1:6379/0",
    ]
