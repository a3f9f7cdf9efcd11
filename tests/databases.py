"""The test databases, built once and copied: the migrated database and the demo.

Migrating a test database (with the data migration of every Dutch municipality) and loading the
demo each take seconds; every xdist worker, and every test class that needs the demo, used to do
it again. Here each is built once and then copied:

- **The migrated database.** The first worker to need it migrates its test database as Django
  always does, and keeps a copy; every other worker, and later runs, start from that copy.
- **The demo.** The first test class to need it loads the demo (``load_demo``) into the migrated
  database, and a copy is kept with what the command printed; a class that needs the demo starts
  from a copy of that copy, and when the class is done its worker's database is the migrated one
  again. Each test of the class still runs in a transaction rolled back after it.

How a copy is kept and made depends on the database:

- SQLite (an in-memory test database per worker): a file in ``.pytest_cache/gezondin-test-db/``,
  copied into and out of memory with SQLite's online backup (``sqlite3.Connection.backup``).
- PostgreSQL: a database on the server (``test_<name>_migrated_<key>``, ``test_<name>_demo_<key>``)
  used as the template of the workers' databases (``CREATE DATABASE ... TEMPLATE``). Each worker
  makes its own copy of the demo's the first time a class needs it (``test_<name>_gw0_demo``) and
  keeps it for the session; the connection switches to it for a class, which runs inside a
  transaction rolled back at the class's end, so the copy stays as it was made.

Each copy is named by a key: a hash of the code and data that decide what the database holds, so
a change makes a new copy and a fresh clone builds its own. The migrated database is decided by
the migrations, the code and data they run (the reference list of municipalities), the settings
and the installed packages: a change to a view or a model's method keeps it (a model change comes
with a migration; `make migrations-check` sees one without). The demo's key hashes all of the
apps' code (the demo is made by it), the demo steps that are registered, today's date (the
agenda's activities lie around today) and the address the site is served at. A file lock in the
cache folder makes workers wait for the one that builds. Older copies are removed when a new one
is built.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import hashlib
import importlib.metadata
import os
import sqlite3
import sys
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connections, transaction

ROOT = Path(__file__).resolve().parents[1]
CACHE_DIR = ROOT / ".pytest_cache" / "gezondin-test-db"
# What decides the contents of the demo database: the apps with their migrations, models, demo
# content and translations, and the settings.
SOURCES = ("gezondin", "kennisbank", "leerkringen", "settings")
# What decides the contents of the migrated database: the migrations, the settings, and what
# the one data migration runs and reads (gezondin/migrations/0002_load_gemeenten.py).
MIGRATION_SOURCES = (
    "gezondin/migrations",
    "kennisbank/migrations",
    "leerkringen/migrations",
    "settings",
    "gezondin/gemeenten.py",
    "gezondin/data",
    "gezondin/models/snippets.py",
)
# Templates and static files do not change what is in the database.
SKIPPED_FOLDERS = {"__pycache__", "templates", "static"}


# The keys -------------------------------------------------------------------------------------


def _hash(sources) -> str:
    digest = hashlib.sha256()
    for source in sources:
        top = ROOT / source
        for path in sorted(top.rglob("*")) if top.is_dir() else [top]:
            relative = path.relative_to(ROOT)
            if not path.is_file() or SKIPPED_FOLDERS.intersection(relative.parts):
                continue
            if path.suffix == ".pyc":
                continue
            digest.update(str(relative).encode() + b"\0" + path.read_bytes() + b"\0")
    packages = sorted(
        f"{dist.metadata['Name']}=={dist.version}" for dist in importlib.metadata.distributions()
    )
    digest.update("\n".join([sys.version, *packages]).encode())
    return digest.hexdigest()


@functools.cache
def sources_hash() -> str:
    """The hash of the code and packages that decide what the demo holds (computed once); the
    kept demo site and the production layer's template database are keyed by it too."""
    return _hash(SOURCES)


@functools.cache
def migrations_hash() -> str:
    """The hash of what decides what the migrated database holds (computed once)."""
    return _hash(MIGRATION_SOURCES)


def migrated_key(connection) -> str:
    """The key of the migrated database: 12 hex digits."""
    return _migrated_key(connection.vendor)


def _migrated_key(vendor):
    return hashlib.sha256(f"{migrations_hash()}:{vendor}".encode()).hexdigest()[:12]


def demo_key(connection) -> str:
    """The key of the demo database: a hash of the code (``sources_hash``) and the engine,
    today's date and a hash of the registered demo steps and the site's address (22
    characters). The demos of one code and one day share the first 16."""
    from django.utils import timezone
    from django.utils.module_loading import autodiscover_modules

    from gezondin.demo import registry

    autodiscover_modules("demo")
    steps = sorted(
        (step.name, step.order, step.func.__module__, step.func.__qualname__)
        for step in registry._steps.values()
    )
    variant = hashlib.sha256(
        repr((steps, str(getattr(settings, "WAGTAILADMIN_BASE_URL", "")))).encode()
    ).hexdigest()[:6]
    code = hashlib.sha256(f"{sources_hash()}:{connection.vendor}".encode()).hexdigest()[:8]
    return f"{code}{timezone.localdate():%Y%m%d}{variant}"


def _kept(kind, key):
    """The start of the keys to keep when a new copy of this kind is saved."""
    return key if kind == "migrated" else key[:16]


@contextlib.contextmanager
def locked(folder=None):
    """One builder at a time (xdist workers, or two runs in the same checkout): a file lock in
    ``folder`` (the copies' cache folder unless given)."""
    folder = CACHE_DIR if folder is None else folder
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


# Where the copies are kept --------------------------------------------------------------------


def postgres_copy_base(database_name):
    """The start of the kept copies' names for the suite's database ``database_name``."""
    return f"test_{database_name}"[:28]  # PostgreSQL names have at most 63 characters


def postgres_copy_name(base, kind, key):
    """The name of a kept copy on PostgreSQL (``base``: ``test_<name>``, at most 28 characters)."""
    return f"{base}_{kind}_{key}"


def kept_migrated(database_url):
    """Where the migrated test database is kept for the suite's ``database_url`` (its
    DATABASE_URL): ``("sqlite", path)`` or ``("postgresql", name)`` on the same server. A layer
    that migrates a reference site of its own starts from it when it is there
    (tests/servers.py, ``kept_demo_site``): the same migrations with the same settings."""
    if database_url.startswith(("postgres://", "postgresql://")):
        import dj_database_url  # as settings/base.py reads DATABASE_URL

        base = postgres_copy_base(dj_database_url.parse(database_url)["NAME"])
        return "postgresql", postgres_copy_name(base, "migrated", _migrated_key("postgresql"))
    return "sqlite", CACHE_DIR / f"migrated-{_migrated_key('sqlite')}.sqlite3"


class SQLiteCopies:
    """Copies as files, copied into the worker's in-memory database with SQLite's backup."""

    def __init__(self, connection):
        self.connection = connection

    def _file(self, kind, key):
        return CACHE_DIR / f"{kind}-{key}.sqlite3"

    def exists(self, kind, key):
        return self._file(kind, key).exists()

    def save(self, kind, key, note=""):
        """Keep the worker's database as it is now, with a note (what load_demo printed)."""
        path = self._file(kind, key)
        building = path.with_name(f"building-{os.getpid()}.sqlite3")
        building.unlink(missing_ok=True)
        self.connection.ensure_connection()
        target = sqlite3.connect(building)
        try:
            self.connection.connection.backup(target)
        finally:
            target.close()
        path.with_suffix(".txt").write_text(note, encoding="utf-8")
        os.replace(building, path)
        for old in CACHE_DIR.glob(f"{kind}-*"):
            if not old.name.startswith(f"{kind}-{_kept(kind, key)}"):
                old.unlink(missing_ok=True)

    def note(self, kind, key):
        return self._file(kind, key).with_suffix(".txt").read_text(encoding="utf-8")

    def restore(self, kind, key):
        """The worker's database becomes a copy of the kept one."""
        self.connection.ensure_connection()
        source = sqlite3.connect(f"file:{self._file(kind, key)}?mode=ro", uri=True)
        try:
            source.backup(self.connection.connection)
        finally:
            source.close()

    @contextlib.contextmanager
    def using(self, kind, key, migrated):
        """The worker's database holds the copy while the block runs, the migrated one after.
        (Django never closes an in-memory SQLite database: close() only ends a transaction.)"""
        self.restore(kind, key)
        try:
            yield
        finally:
            self.restore("migrated", migrated)


class PostgresCopies:
    """Copies as databases on the server, used as templates."""

    def __init__(self, connection, base_name):
        self.connection = connection
        self.base = postgres_copy_base(base_name)
        self.made = {}  # the copies made for this worker (name -> key)

    def name(self, kind, key):
        return postgres_copy_name(self.base, kind, key)

    def _execute(self, sql, params=None):
        with self.connection.creation._nodb_cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall() if cursor.description else None

    def _quote(self, name):
        return self.connection.ops.quote_name(name)

    def exists(self, kind, key):
        return bool(
            self._execute("SELECT 1 FROM pg_database WHERE datname = %s", [self.name(kind, key)])
        )

    def create(self, name, template):
        self.drop(name)
        self._execute(f"CREATE DATABASE {self._quote(name)} TEMPLATE {self._quote(template)}")

    def drop(self, name):
        self._execute(f"DROP DATABASE IF EXISTS {self._quote(name)}")

    def save(self, kind, key, note=""):
        """Keep the database the connection uses now, with a note (what load_demo printed) as
        the database's comment."""
        self.connection.close()
        final = self.name(kind, key)
        building = f"{self.base}_new_{kind}_{os.getpid()}"
        self.create(building, self.connection.settings_dict["NAME"])
        literal = "'" + note.replace("'", "''") + "'"
        self._execute(f"COMMENT ON DATABASE {self._quote(building)} IS {literal}")
        self.drop(final)
        self._execute(f"ALTER DATABASE {self._quote(building)} RENAME TO {self._quote(final)}")
        stale = self._execute(
            "SELECT datname FROM pg_database WHERE starts_with(datname, %s)"
            " AND NOT starts_with(datname, %s)",
            [f"{self.base}_{kind}_", self.name(kind, _kept(kind, key))],
        )
        for (name,) in stale:
            with contextlib.suppress(Exception):  # in use by another run: left for later
                self.drop(name)

    def note(self, kind, key):
        rows = self._execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
            [self.name(kind, key)],
        )
        return rows[0][0] or ""

    def restore(self, kind, key):
        """The worker's database (its configured name) becomes a copy of the kept one."""
        self.connection.close()
        self.create(self.connection.settings_dict["NAME"], self.name(kind, key))

    @contextlib.contextmanager
    def using(self, kind, key, migrated=None):
        """The connection uses a copy of its own while the block runs, the worker's database
        again after. The copy is made the first time and kept for the session: the block runs
        in a transaction rolled back at its end, so nothing it does stays in the copy."""
        own = self.connection.settings_dict["NAME"]
        copy = f"{own}_{kind}"
        if self.made.get(copy) != key:
            self.connection.close()
            self.create(copy, self.name(kind, key))
            self.made[copy] = key
        self.connection.close()
        self._switch(copy)
        try:
            with rolled_back(self.connection.alias):
                yield
        finally:
            self.connection.close()
            self._switch(own)

    def build(self, kind, key, template, make):
        """Keep a new copy: a database made from ``template`` with ``make()`` run in it; the
        note is what ``make()`` returned."""
        own = self.connection.settings_dict["NAME"]
        building = f"{own}_building"
        self.connection.close()
        self.create(building, template)
        self._switch(building)
        try:
            self.save(kind, key, make())
        finally:
            self.connection.close()
            self._switch(own)
            self.drop(building)

    def drop_copies(self):
        """At the end of the session: drop the copies made for this worker."""
        self.connection.close()
        for copy in self.made:
            with contextlib.suppress(Exception):
                self.drop(copy)
        self.made.clear()

    def _switch(self, name):
        self.connection.settings_dict["NAME"] = name
        settings.DATABASES[self.connection.alias]["NAME"] = name


def _copies(connection, base_name):
    if connection.vendor == "sqlite":
        if connection.creation.is_in_memory_db(connection.creation._get_test_db_name()):
            return SQLiteCopies(connection)
        return None
    if connection.vendor == "postgresql":
        return PostgresCopies(connection, base_name)
    return None


def _clear_caches():
    """Primary keys are the same in every copy, but nothing cached may outlive a swap."""
    ContentType.objects.clear_cache()


# The migrated test database (pytest-django's django_db_setup) ----------------------------------

# alias -> (copies, key) for each test database made from, or kept as, a copy.
_migrated = {}


def copy_migrated_databases():
    """From now on, Django's test database creation (``setup_databases``) starts each database
    from the kept migrated one, and keeps one when there is none yet."""
    for connection in connections.all(initialized_only=False):
        creation = connection.creation
        if not getattr(creation, "copies_migrated", False):
            creation.create_test_db = _create_test_db(connection, creation.create_test_db)
            creation.copies_migrated = True


def _create_test_db(connection, migrate_and_create):
    base_name = str(connection.settings_dict["NAME"])

    def create_test_db(verbosity=1, autoclobber=False, serialize=True, keepdb=False):
        copies = None if keepdb else _copies(connection, base_name)
        if copies is None:  # --reuse-db, or SQLite in a file: Django's own way
            return migrate_and_create(verbosity, autoclobber, serialize, keepdb)
        key = migrated_key(connection)
        with locked():
            if copies.exists("migrated", key):
                name = _from_copy(connection, copies, key, verbosity, serialize)
            else:
                name = migrate_and_create(verbosity, autoclobber, serialize, keepdb)
                copies.save("migrated", key)
        _migrated[connection.alias] = (copies, key)
        return name

    return create_test_db


def _from_copy(connection, copies, key, verbosity, serialize):
    """What BaseDatabaseCreation.create_test_db does, with a copy in place of ``migrate``."""
    creation = connection.creation
    name = creation._get_test_db_name()
    if verbosity >= 1:
        display = creation._get_database_display_str(verbosity, name)
        creation.log(f"Copying the migrated test database for alias {display}...")
    connection.close()
    settings.DATABASES[connection.alias]["NAME"] = name
    connection.settings_dict["NAME"] = name
    copies.restore("migrated", key)
    _clear_caches()
    if serialize:
        connection._test_serialized_contents = creation.serialize_db_to_string()
    call_command("createcachetable", database=connection.alias)
    connection.ensure_connection()
    return name


def restore_migrated():
    """Each database made from the migrated copy becomes that copy again (after a transactional
    test, which leaves it empty)."""
    for alias, (copies, key) in _migrated.items():
        connection = connections[alias]
        if connection.in_atomic_block:  # a test's transaction still open: nothing to restore
            continue
        copies.restore("migrated", key)
        _clear_caches()


# The demo -------------------------------------------------------------------------------------


@contextlib.contextmanager
def demo_database(load_demo, alias="default"):
    """While the block runs, the database holds the demo; yields what ``load_demo()`` printed
    when the demo was built. ``load_demo`` runs only when there is no copy for the key yet."""
    connection = connections[alias]
    if alias not in _migrated:  # a database Django made its own way: load, then roll back
        with rolled_back(alias):
            yield load_demo()
        _clear_caches()
        return
    copies, migrated = _migrated[alias]
    key = demo_key(connection)
    with locked():
        if not copies.exists("demo", key):
            _build_demo(load_demo, copies, key, migrated)
    try:
        with copies.using("demo", key, migrated):
            _clear_caches()
            yield copies.note("demo", key)
    finally:
        _clear_caches()


def _build_demo(load_demo, copies, key, migrated):
    if isinstance(copies, SQLiteCopies):
        try:
            copies.save("demo", key, load_demo())
        finally:
            copies.restore("migrated", migrated)
    else:
        copies.build("demo", key, copies.name("migrated", migrated), load_demo)
    _clear_caches()


def drop_copies():
    """At the end of the session: drop the copies of the demo made for the workers."""
    for copies, _ in _migrated.values():
        if isinstance(copies, PostgresCopies):
            copies.drop_copies()


@contextlib.contextmanager
def rolled_back(alias):
    atomic = transaction.atomic(using=alias)
    atomic.__enter__()
    try:
        yield
    finally:
        transaction.set_rollback(True, using=alias)
        atomic.__exit__(None, None, None)
