"""Production settings: refuse to start without a real SECRET_KEY; pass `check --deploy`."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTED_PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "settings.production",
    "SECRET_KEY": "k" * 20 + "9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b0a",
    "ALLOWED_HOSTS": "gezondin.example.nl",
    "CSRF_TRUSTED_ORIGINS": "https://gezondin.example.nl",
    "WAGTAILADMIN_BASE_URL": "https://gezondin.example.nl",
    "DATABASE_URL": "sqlite:////tmp/gezondin-settings-check.sqlite3",
}


def run_manage(env_overrides, *args):
    env = {key: value for key, value in os.environ.items() if key not in {"SECRET_KEY", "DEBUG"}}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    env = {**DOCUMENTED_PRODUCTION_ENV, "SECRET_KEY": ""}
    result = run_manage(env, "check")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_a_short_or_development_secret_key():
    for key in ["short", "dev-only-insecure-key-change-me" + "x" * 40]:
        result = run_manage({**DOCUMENTED_PRODUCTION_ENV, "SECRET_KEY": key}, "check")
        assert result.returncode != 0
        assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_a_wildcard_host():
    result = run_manage({**DOCUMENTED_PRODUCTION_ENV, "ALLOWED_HOSTS": "*"}, "check")
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_production_passes_check_deploy_with_the_documented_variables():
    result = run_manage(DOCUMENTED_PRODUCTION_ENV, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_deploy_warns_while_the_public_address_is_local():
    """Links in e-mails are built from WAGTAILADMIN_BASE_URL: a localhost default is a warning."""
    for value in ["", "http://127.0.0.1:8000", "http://localhost"]:
        env = {**DOCUMENTED_PRODUCTION_ENV, "WAGTAILADMIN_BASE_URL": value}
        result = run_manage(env, "check", "--deploy")
        assert "leerkringen.W001" in result.stdout + result.stderr, value


def test_configuration_doc_lists_every_variable_the_settings_read():
    import re

    names = set()
    for path in (ROOT / "settings").glob("*.py"):
        names |= set(re.findall(r"env(?:_bool|_list|_int)?\(\s*\"([A-Z0-9_]+)\"", path.read_text()))
    documented = (ROOT / "docs" / "configuration.md").read_text()
    missing = sorted(name for name in names if f"`{name}`" not in documented)
    assert not missing, f"docs/configuration.md does not document: {missing}"
