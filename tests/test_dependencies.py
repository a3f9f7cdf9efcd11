"""Every package the code imports is declared in pyproject.toml, in the right list: what the
plugin (gezondin, kennisbank, leerkringen) imports in ``dependencies``, what the reference site's
settings import there or in ``site``, what the tests import in any list. A package that is only
installed because another one needs it is not enough: it can disappear with that one's update.
"""

import ast
import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PROJECT_MODULES = {"gezondin", "kennisbank", "leerkringen", "settings", "tests", "manage"}
# Imported by the plugin only when the host site installs it (gezondin/login_protection.py:
# the login protection with django-axes belongs to the reference site, which declares it).
OPTIONAL_FOR_THE_PLUGIN = {"axes"}


def _name(requirement):
    """The canonical distribution name of a requirement ("psycopg[binary]>=3.2" → "psycopg")."""
    name = re.match(r"[A-Za-z0-9._-]+", requirement).group(0)
    return re.sub(r"[-_.]+", "-", name).lower()


PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
DEPENDENCIES = {_name(r) for r in PYPROJECT["dependencies"]}
EXTRAS = {
    extra: {_name(r) for r in reqs} for extra, reqs in PYPROJECT["optional-dependencies"].items()
}

# Where each part of the code may find its packages.
AREAS = {
    "gezondin": DEPENDENCIES,
    "kennisbank": DEPENDENCIES,
    "leerkringen": DEPENDENCIES,
    "settings": DEPENDENCIES | EXTRAS["site"],
    "manage.py": DEPENDENCIES | EXTRAS["site"],
    "tests": DEPENDENCIES | EXTRAS["site"] | EXTRAS["dev"],
}


def _imported_modules(area):
    """{top-level module: the first file importing it} for one part of the code (every import,
    also those inside functions)."""
    root = ROOT / area
    paths = [root] if root.is_file() else sorted(root.rglob("*.py"))
    found = {}
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                found.setdefault(name.split(".")[0], path.relative_to(ROOT).as_posix())
    return {
        module: path
        for module, path in found.items()
        if module not in sys.stdlib_module_names
        and module not in PROJECT_MODULES
        and module != "__future__"
    }


DISTRIBUTIONS = {
    module: {_name(dist) for dist in dists}
    for module, dists in importlib.metadata.packages_distributions().items()
}


def test_the_lists_are_read():
    assert {"wagtail", "django"} <= DEPENDENCIES
    assert "pytest" in EXTRAS["dev"] and "django-axes" in EXTRAS["site"]


@pytest.mark.parametrize("area", sorted(AREAS))
def test_every_imported_package_is_declared(area):
    allowed = AREAS[area]
    missing = []
    for module, path in sorted(_imported_modules(area).items()):
        if area in ("gezondin", "kennisbank", "leerkringen") and module in OPTIONAL_FOR_THE_PLUGIN:
            allowed_here = allowed | EXTRAS["site"]
        else:
            allowed_here = allowed
        dists = DISTRIBUTIONS.get(module)
        if not dists:
            missing.append(f"{module} ({path}): no installed distribution provides it")
        elif not dists & allowed_here:
            missing.append(f"{module} ({path}): declare {' or '.join(sorted(dists))}")
    assert not missing, missing


def test_every_declared_package_is_pinned_in_the_lock_file():
    """requirements.lock installs the reference site: it pins every declared package."""
    pinned = {
        _name(line)
        for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith(("#", "-"))
    }
    declared = DEPENDENCIES.union(*EXTRAS.values())
    assert not declared - pinned, sorted(declared - pinned)
