"""What a fresh clone's `make test` relies on to be quick (docs/testing.md): the order in which
the units of work are handed out (tests/scheduling.py), and the keys and places of the kept
test databases (tests/databases.py)."""

from tests import databases, scheduling
from tests.scheduling import order_units

FUZZ = "tests/test_public_urls_fuzz.py"
AXE = "tests/browser/test_accessibility.py"
JOURNEY = "tests/browser/test_review_journey.py"
SEARCH = "tests/kennisbank/test_search.py"
SECONDS = {FUZZ: 100, AXE: 70, "tests/install": 50, JOURNEY: 40, SEARCH: 10}


def order(*names):
    return [unit for unit, _ in order_units([(name, []) for name in names], seconds)]


def seconds(unit, tests):
    return SECONDS.get(unit, 1)


def test_units_go_longest_first_and_the_second_worker_starts_without_a_database():
    assert order(SEARCH, AXE, "tests/install", FUZZ, JOURNEY) == [
        FUZZ,
        "tests/install",
        AXE,
        JOURNEY,
        SEARCH,
    ]
    assert order(SEARCH, "tests/hostsite/test_hostsite.py", FUZZ, AXE)[:2] == [
        FUZZ,
        "tests/hostsite/test_hostsite.py",
    ]


def test_without_such_a_unit_the_second_worker_does_not_wait_for_the_kept_demo_site():
    assert order(SEARCH, JOURNEY, AXE) == [AXE, SEARCH, JOURNEY]
    assert order(SEARCH, FUZZ, AXE) == [FUZZ, AXE, SEARCH]  # nothing waits for the first


def test_a_change_of_code_keeps_the_migrated_copy_and_a_change_of_a_migration_does_not(
    tmp_path, monkeypatch
):
    for path, text in [
        ("gezondin/views.py", "def view(): ..."),
        ("gezondin/migrations/0001_initial.py", "operations = []"),
        ("gezondin/data/gemeenten-2023.csv", "code,naam"),
        ("settings/base.py", "DEBUG = False"),
    ]:
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text)
    monkeypatch.setattr(databases, "ROOT", tmp_path)

    def hashes():
        return databases._hash(databases.MIGRATION_SOURCES), databases._hash(databases.SOURCES)

    migrations, code = hashes()
    (tmp_path / "gezondin/views.py").write_text("def view(): return 1")
    assert hashes()[0] == migrations  # the migrated copy stays
    assert hashes()[1] != code  # the demo is made again
    for path in ["gezondin/migrations/0001_initial.py", "gezondin/data/gemeenten-2023.csv"]:
        (tmp_path / path).write_text("changed")
        assert hashes()[0] != migrations, path
        migrations = hashes()[0]


def test_the_kept_demo_site_looks_for_the_migrated_copy_where_the_suite_keeps_it():
    engine, name = databases.kept_migrated("postgres://postgres@127.0.0.1:5432/gezondin_ci")
    copies = databases.PostgresCopies(None, "gezondin_ci")
    assert engine == "postgresql"
    assert name == copies.name("migrated", databases._migrated_key("postgresql"))
    assert len(name) <= 63
    engine, path = databases.kept_migrated("")
    assert engine == "sqlite"
    assert path == databases.SQLiteCopies(None)._file("migrated", databases._migrated_key("sqlite"))


def test_the_second_worker_takes_the_units_that_serve_the_demo_site_while_there_are_any():
    waiting = [(AXE, []), (JOURNEY, []), (SEARCH, []), ("tests/test_front_door.py", [])]
    assert scheduling.next_unit(waiting, 1) == AXE
    assert scheduling.next_unit(waiting, 0) == SEARCH
    assert scheduling.next_unit(waiting, 2) == SEARCH
    assert scheduling.next_unit(waiting[:2], 0) == AXE  # none of its kind left: the first
    assert scheduling.next_unit(waiting[2:], 1) == SEARCH
