import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _manage(*args: str, **variables: str) -> subprocess.CompletedProcess:
    """Runs manage.py with production settings and only what a production host would set:
    the test process's own variables (test e-mail backend, async flag) stay out."""
    env = {
        "PATH": os.environ["PATH"],
        "DATABASE_URL": os.environ["DATABASE_URL"],
        "REDIS_URL": os.environ["REDIS_URL"],
        "DJANGO_SETTINGS_MODULE": "civiccenter.settings.production",
        **variables,
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )


def test_check_deploy_passes_with_production_settings():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="p" * 20 + "-a-long-random-production-secret-" + "q" * 20,
        ALLOWED_HOSTS="portal.example.ru",
    )

    assert result.returncode == 0, result.stdout + result.stderr


def test_production_settings_refuse_to_start_without_a_secret_key():
    result = _manage("check", ALLOWED_HOSTS="portal.example.ru")

    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_settings_refuse_debug():
    result = _manage("check", SECRET_KEY="x" * 60, DEBUG="true")

    assert result.returncode != 0
    assert "DEBUG must be off" in result.stderr
