"""The layers (docs/architecture.md): the core app ``gezondin`` is the base the feature apps build
on, so it imports neither of them. The kennisbank and the leerkringen register their API
endpoints and JSON-LD with the core's registries instead (kennisbank.api, kennisbank.jsonld,
leerkringen.api, leerkringen.jsonld).

Every module under gezondin/ is read with ``ast``, so an import inside a function counts as
well, and so does a template under gezondin/ that loads a feature app's template tags.
"""

import ast
import re
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parent.parent / "gezondin"
FEATURE_APPS = ("kennisbank", "leerkringen")
LOAD_TAG = re.compile(r"{%\s*load\s+([^%]*?)\s*%}")


def imported_modules(tree):
    """(line, dotted name) of every module an ``import`` or ``from ... import`` names."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, node.module
            for alias in node.names:  # "from kennisbank import x" names the package too
                yield node.lineno, f"{node.module}.{alias.name}"


def is_feature(module):
    return module.split(".")[0] in FEATURE_APPS


def feature_imports(path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return sorted({(line, name) for line, name in imported_modules(tree) if is_feature(name)})


def test_the_walk_sees_imports_at_any_depth():
    source = "import os\n\ndef f():\n    from kennisbank.models import X\n    import leerkringen\n"
    found = [name for _line, name in imported_modules(ast.parse(source)) if is_feature(name)]
    assert found == ["kennisbank.models", "kennisbank.models.X", "leerkringen"]


@pytest.mark.parametrize(
    "path", sorted(CORE.rglob("*.py")), ids=lambda path: str(path.relative_to(CORE.parent))
)
def test_the_core_imports_no_feature_app(path):
    found = feature_imports(path)
    assert not found, (
        f"{path.relative_to(CORE.parent)} imports a feature app ({found}); the core may not. "
        "Register the feature's part from its AppConfig.ready() instead."
    )


def test_the_core_templates_load_no_feature_tags():
    found = []
    for path in sorted(CORE.rglob("templates/**/*")):
        if path.is_file():
            for libraries in LOAD_TAG.findall(path.read_text(encoding="utf-8")):
                found += [
                    (str(path.relative_to(CORE.parent)), library)
                    for library in libraries.split()
                    if library.startswith(FEATURE_APPS)
                ]
    assert not found
