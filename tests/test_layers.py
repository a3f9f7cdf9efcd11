"""How the project's modules import each other (docs/architecture.md).

Imports belong at the top of a module. An import inside a function hides a dependency and often
a cycle; the few that must stay (a page model handing over to its app's views, which query the
models; an AppConfig's ``ready``) carry a comment saying why, and there are at most
``MAX_FUNCTION_LEVEL_IMPORTS`` of them. Apart from those, the imports form no cycle.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("gezondin", "kennisbank", "leerkringen")
MAX_FUNCTION_LEVEL_IMPORTS = 10


# Being split into the apps that own them (issue 10: each app registers its own API and
# JSON-LD); checked here once that has landed.
def _module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules():
    modules = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            if "/migrations/" in relative:
                continue
            modules[_module_name(path)] = path
    return modules


MODULES = _modules()


def _targets(node, modules):
    """The project modules an import statement imports."""
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    elif node.level == 0 and node.module:
        names = [
            f"{node.module}.{alias.name}"
            if f"{node.module}.{alias.name}" in modules
            else node.module
            for alias in node.names
        ]
    else:
        return set()
    targets = set()
    for name in names:
        if name.split(".")[0] not in PACKAGES:
            continue
        while name and name not in modules:
            name = name.rpartition(".")[0]
        if name:
            targets.add(name)
    return targets


def _imports(path, modules):
    """[(target module, inside a function?, line number)] of a module's project imports."""
    found = []

    def visit(node, in_function):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Import | ast.ImportFrom):
                found.extend(
                    (target, in_function, child.lineno) for target in _targets(child, modules)
                )
            elif isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                continue  # for type checkers only: never imported at run time
            else:
                is_function = isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
                visit(child, in_function or is_function)

    visit(ast.parse(path.read_text(encoding="utf-8")), False)
    return found


def _explained(lines, lineno):
    """Whether a comment on the import's line or just above it (within the function) says why."""
    if "#" in lines[lineno - 1]:
        return True
    above = lineno - 2
    while above >= 0 and lines[above].strip().startswith(("#", "from ", "import ")):
        if lines[above].strip().startswith("#"):
            return True
        above -= 1
    return False


def _function_level_imports():
    result = []
    for module, path in MODULES.items():
        lines = path.read_text(encoding="utf-8").splitlines()
        for target, in_function, lineno in _imports(path, MODULES):
            if in_function:
                where = f"{path.relative_to(ROOT).as_posix()}:{lineno}"
                result.append((module, target, where, _explained(lines, lineno)))
    return result


def test_the_modules_are_found():
    assert {"gezondin.models", "kennisbank.models", "leerkringen.services"} <= set(MODULES)


def test_function_level_project_imports_are_few_and_each_says_why():
    imports = _function_level_imports()
    unexplained = [where for _module, _target, where, explained in imports if not explained]
    assert not unexplained, f"move these to the top of the module, or say why not: {unexplained}"
    lines = sorted({where for _module, _target, where, _explained in imports})
    assert len(lines) <= MAX_FUNCTION_LEVEL_IMPORTS, lines


def _cycles(graph):
    """The strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on_stack, components = {}, {}, [], set(), []

    def connect(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                connect(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return components


@pytest.mark.parametrize("with_function_level", [False, True], ids=["module-level", "all"])
def test_no_import_cycles_but_the_explained_ones(with_function_level):
    """Module-level imports form no cycle (or Python could not import the modules in every
    order). Counting the function-level imports too, the only cycles left are the explained
    ones: a page model importing its app's views when a page is served."""
    graph = {module: set() for module in MODULES}
    for module, path in MODULES.items():
        lines = path.read_text(encoding="utf-8").splitlines()
        for target, in_function, lineno in _imports(path, MODULES):
            if target == module:
                continue
            if in_function and (not with_function_level or _explained(lines, lineno)):
                continue
            graph[module].add(target)
    assert _cycles(graph) == []


# The tests ---------------------------------------------------------------------------------------


def _test_files():
    return sorted((ROOT / "tests").rglob("*.py"))


def test_test_modules_import_no_other_test_module():
    """Shared fixtures live in conftest.py files, shared builders in factories.py: a test module
    never imports another test module (its fixtures would run under two names)."""
    offenders = []
    for path in _test_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                modules = [node.module or ""] + [alias.name for alias in node.names]
            elif isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            else:
                continue
            if any(module.rpartition(".")[2].startswith("test_") for module in modules):
                offenders.append(f"{path.relative_to(ROOT).as_posix()}:{node.lineno}")
    assert not offenders, offenders


def test_one_fresh_cache_fixture():
    definitions = [
        path.relative_to(ROOT).as_posix()
        for path in _test_files()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.FunctionDef) and node.name == "_fresh_cache"
    ]
    assert definitions == ["tests/conftest.py"]
