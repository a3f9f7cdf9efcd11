"""What `python -m build` makes of this working tree: the wheel holds the three plugin apps with
every file they need at run time, and nothing of the reference site or the tests
(docs/releasing.md)."""

import tarfile
import tomllib
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

from tests.install.tools import working_tree_files

ROOT = Path(__file__).resolve().parents[2]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]

APPS = ("gezondin", "kennisbank", "leerkringen")


def wheel_files(dist):
    with zipfile.ZipFile(dist.wheel) as wheel:
        return [name for name in wheel.namelist() if not name.endswith("/")]


def test_the_wheel_holds_every_file_of_the_apps_and_nothing_else(dist):
    names = wheel_files(dist)
    metadata = {name for name in names if name.split("/")[0].endswith(".dist-info")}
    package = set(names) - metadata
    expected = set(working_tree_files(*APPS))
    missing, extra = sorted(expected - package), sorted(package - expected)
    assert not missing, f"missing from the wheel (package-data in pyproject.toml?): {missing}"
    assert not extra, f"in the wheel but not in the apps: {extra}"
    assert {name.split("/")[0] for name in package} == set(APPS)


@pytest.mark.parametrize("app", APPS)
def test_the_wheel_has_what_each_app_needs_at_run_time(dist, app):
    names = set(wheel_files(dist))
    for language in ("nl", "en"):
        assert f"{app}/locale/{language}/LC_MESSAGES/django.mo" in names
        assert f"{app}/locale/{language}/LC_MESSAGES/django.po" in names
    assert f"{app}/migrations/0001_initial.py" in names
    assert any(name.startswith(f"{app}/templates/{app}/") for name in names)
    assert any(name.startswith(f"{app}/static/{app}/") for name in names)


def test_the_wheel_has_the_data_its_migrations_and_demo_read(dist):
    names = set(wheel_files(dist))
    assert "gezondin/data/gemeenten-2023.csv" in names  # the migration that loads municipalities
    assert "gezondin/demo/content/vocabularies.yaml" in names
    assert any(n.startswith("kennisbank/demo/content/practices/") for n in names)
    assert any(n.endswith(".md") and n.startswith("gezondin/demo/content/pages/") for n in names)


def test_the_wheel_declares_version_python_and_wagtail(dist):
    with zipfile.ZipFile(dist.wheel) as wheel:
        [path] = [n for n in wheel.namelist() if n.endswith(".dist-info/METADATA")]
        metadata = Parser().parsestr(wheel.read(path).decode())
    assert metadata["Name"] == "gezondin"
    assert metadata["Version"] == PROJECT["version"]
    assert dist.wheel.name == f"gezondin-{PROJECT['version']}-py3-none-any.whl"
    assert metadata["Requires-Python"] == PROJECT["requires-python"]
    requirements = metadata.get_all("Requires-Dist")
    assert any(r.startswith("wagtail") and "extra ==" not in r for r in requirements)
    assert any(r.lower().startswith("django<") or r.startswith("Django") for r in requirements)
    assert "Framework :: Wagtail :: 8" in metadata.get_all("Classifier")
    assert metadata["License-Expression"] == PROJECT["license"]


def test_the_sdist_holds_the_apps_and_the_changelog_but_not_the_site_or_tests(dist):
    with tarfile.open(dist.sdist) as sdist:
        names = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    top = {name.split("/")[0] for name in names}
    assert {"gezondin", "kennisbank", "leerkringen", "CHANGELOG.md", "README.md"} <= top
    assert not top & {"tests", "settings", "templates", "locale", "manage.py", "docs"}, top
