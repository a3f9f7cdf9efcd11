"""Production settings: refuse to start without a real SECRET_KEY; pass `check --deploy`."""

from pathlib import Path

from leerkringen.checks import check_public_address
from tests.conftest import DOCUMENTED_PRODUCTION_ENV, run_manage

ROOT = Path(__file__).resolve().parents[1]


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


def test_check_deploy_warns_while_the_public_address_is_local(db, settings):
    """Links in e-mails are built from WAGTAILADMIN_BASE_URL: a localhost default is a warning.
    Through manage.py with the production settings once (the variable left empty); each local
    form of the address with the check itself."""
    env = {**DOCUMENTED_PRODUCTION_ENV, "WAGTAILADMIN_BASE_URL": ""}
    result = run_manage(env, "check", "--deploy")
    assert "leerkringen.W001" in result.stdout + result.stderr
    for value in ["", "http://127.0.0.1:8000", "http://localhost"]:
        settings.WAGTAILADMIN_BASE_URL = value
        assert "leerkringen.W001" in {message.id for message in check_public_address()}, value


def test_configuration_doc_lists_every_variable_the_settings_read():
    import re

    names = set()
    for path in (ROOT / "settings").glob("*.py"):
        names |= set(re.findall(r"env(?:_bool|_list|_int)?\(\s*\"([A-Z0-9_]+)\"", path.read_text()))
    documented = (ROOT / "docs" / "configuration.md").read_text()
    missing = sorted(name for name in names if f"`{name}`" not in documented)
    assert not missing, f"docs/configuration.md does not document: {missing}"
