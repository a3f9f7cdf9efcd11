"""Test data built once per module: Django's ``setUpTestData`` for pytest fixtures.

Building a tree of pages (a kennisbank, a municipality section, practices with their revisions,
search entries and references) takes a second or more, and most tests only read it. A fixture
made with :func:`shared_fixture` is an ordinary function-scoped fixture, except in a module
marked ``pytest.mark.shared_data`` (or ``shared_data("content", ...)``, to share only those and what
they depend on): there the fixtures its tests use are built once, in a
transaction opened for the module and rolled back at its end, and each test gets a deep copy of
what the fixture returned. Each test still runs in a savepoint of its own, rolled back after it,
so what one test writes never reaches the next; but every test of the module sees the rows all of
the module's shared fixtures made, also the tests that do not ask for them.

A shared fixture's parameters are other shared fixtures (``locales``, ``home_page`` ...), and
``db``, which it may name to be usable as an ordinary fixture. Which definition of a name applies
(a module may override a conftest's ``activities``) is decided as pytest decides it for the tests.

Not in a shared module: a test using ``demo_output`` (it swaps the whole database) or a
transactional test (``django_db(transaction=True)``).
"""

from __future__ import annotations

import copy
import inspect

import pytest

from tests import databases

MARKER = "shared_data"
# Parameters a shared fixture may name that are not data: the database is there.
NOT_DATA = {"db"}


def shared_fixture(func):
    """A fixture whose value is built once per module in modules marked ``shared_data``."""
    parameters = [name for name in inspect.signature(func).parameters if name not in NOT_DATA]

    def fixture(request, db):
        store = _store(request)
        if store is not None and func.__name__ in store:
            return copy.deepcopy(store[func.__name__])
        arguments = {name: request.getfixturevalue(name) for name in parameters}
        return func(**arguments, **dict.fromkeys(_not_data(func)))

    fixture.__doc__ = func.__doc__
    fixture.__module__ = func.__module__
    fixture.shared_builder = (func, parameters)
    return pytest.fixture(name=func.__name__)(fixture)


def _not_data(func):
    return [name for name in inspect.signature(func).parameters if name in NOT_DATA]


def _store(request):
    """The module's built values, when the test's module shares its data."""
    if request.node.get_closest_marker(MARKER) is None:
        return None
    return request.getfixturevalue("_shared_data")


def _fixture_function(item, name):
    """The definition of a fixture name that applies to the test, as pytest picks it."""
    definitions = item.session._fixturemanager.getfixturedefs(name, item)
    return definitions[-1].func if definitions else None


@pytest.fixture(scope="module")
def _shared_data(request, django_db_setup, django_db_blocker):
    """For a module marked ``shared_data``: opens the module's transaction and builds every
    shared fixture its tests use, with the ones they depend on."""
    items = [item for item in request.session.items if item.module is request.module]
    values = {}

    def build(item, name):
        if name in values:
            return values[name]
        function = _fixture_function(item, name)
        builder = getattr(function, "shared_builder", None)
        if builder is None:
            raise pytest.UsageError(
                f"{request.module.__name__}: a shared fixture depends on {name!r}, "
                "which is not a shared fixture (tests/shared.py)"
            )
        func, parameters = builder
        arguments = {parameter: build(item, parameter) for parameter in parameters}
        values[name] = func(**arguments, **dict.fromkeys(_not_data(func)))
        return values[name]

    chosen = set(request.node.get_closest_marker(MARKER).args)
    with django_db_blocker.unblock(), databases.rolled_back("default"):
        for item in items:
            for name in item.fixturenames:
                function = _fixture_function(item, name)
                if getattr(function, "shared_builder", None) is None:
                    continue
                if not chosen or name in chosen:
                    build(item, name)
        yield values
