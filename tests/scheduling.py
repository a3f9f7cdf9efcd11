"""The order in which `make test` hands out its units of work (tests/conftest.py,
``pytest_xdist_make_scheduler``): longest first, with one exception for the second worker's
first unit, and the units that serve the kept demo site (a runserver and Chromium beside the
worker) to the second worker while there are others. Kept apart from the conftest so that
tests/test_scheduling.py can check it."""

# The layers that copy the kept demo site (tests/servers.py, kept_demo_site).
NEEDS_DEMO_SITE = ("tests/browser/", "tests/integration/", "tests/production/")
# The units that use neither the suite's test database nor the kept demo site (their sites
# have databases of their own).
NEEDS_NO_DATABASE = ("tests/install", "tests/hostsite/")


def order_units(units, seconds):
    """``units`` (pairs of a unit's name and its tests) longest first by ``seconds(unit,
    tests)``, except that the second (the second worker's first unit) is one that needs no
    database when there is one: in a fresh clone the first worker migrates its test database
    (and keeps a copy) meanwhile, so that the kept demo site is built later, from that copy,
    without migrating again (tests/servers.py). Without such a unit, when the first two would
    both copy the kept demo site, the second is one that does not wait while the first builds it.
    """
    units = sorted(units, key=lambda item: -seconds(*item))
    if len(units) > 2 and not units[1][0].startswith(NEEDS_NO_DATABASE):
        other = _first(units, lambda unit: unit.startswith(NEEDS_NO_DATABASE))
        if other is None and all(unit.startswith(NEEDS_DEMO_SITE) for unit, _ in units[:2]):
            other = _first(units, lambda unit: not unit.startswith(NEEDS_DEMO_SITE))
        if other is not None:
            units.insert(1, units.pop(other))
    return units


def next_unit(units, worker):
    """Which of the waiting ``units`` (in the order of ``order_units``) the ``worker``-th worker
    (0, 1, ...) takes after its first: the second worker the first unit that serves the kept
    demo site, the others the first unit that does not; the first unit left when there is none
    of its kind. With the browser layer's runserver and Chromium on one worker, the other
    worker's tests run beside one set of them instead of two: measured on two cores, a fresh
    clone's `make test` used some 10 % more CPU with the browser modules spread over both."""
    serves = worker == 1
    index = _first(units, lambda unit: unit.startswith(NEEDS_DEMO_SITE) == serves)
    return units[0 if index is None else index][0]


def _first(units, wanted):
    """The index of the first unit that is ``wanted``, or None."""
    return next((i for i, (unit, _) in enumerate(units) if wanted(unit)), None)
