"""Real servers for the tests that need them.

- ``Database``, ``manage`` and ``SiteServer``: the reference site migrated into a database of its
  own (a temporary SQLite file, or a fresh PostgreSQL database when DATABASE_URL points at
  PostgreSQL) and served by ``manage.py runserver`` in a subprocess. The browser layer
  (tests/browser) and the two-installation test (tests/integration) use them.
- ``kept_demo_site``: the reference site migrated and given the demo, built once per change of
  the code and day and kept between runs; a layer's own database and media start as copies of it.
- ``CannedPeer``: a small HTTP server on 127.0.0.1 in a thread, answering like another GezondIn
  installation's read API from canned practices, or misbehaving on request (slow, broken, too
  large, not JSON, gone). The harvest tests use it instead of mocking the network.
"""

import contextlib
import hashlib
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlparse, urlsplit

ROOT = Path(__file__).resolve().parents[1]
# The kept demo sites (kept_demo_site): one folder per key, with the SQLite file and the media.
SITES_DIR = ROOT / ".pytest_cache" / "gezondin-sites"
# The address the kept demo is built for (settings.base's default, as `make run` serves it);
# point_default_site_at moves a copy to the address its server has.
KEPT_SITE_ADDRESS = "http://127.0.0.1:8000"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def on_postgres_url(url):
    return url.startswith(("postgres://", "postgresql://"))


class Database:
    """A database of a test layer's own, on the same engine as the rest of the suite.

    ``label`` tells databases apart (``gezondin_<label>_<pid>``, ``gezondin-<label>-*/``).
    ``copy_from`` another Database of the same engine starts this one as a copy of it (a file
    copy for SQLite, ``CREATE DATABASE ... TEMPLATE`` for PostgreSQL), which is much faster than
    migrating again.
    """

    def __init__(self, label="browser", *, server_url=None, name=None, path=None):
        # ``server_url``: a PostgreSQL server to use whatever DATABASE_URL says (the production
        # layer); ``name``: the database's name instead of ``gezondin_<label>_<pid>``; ``path``:
        # the SQLite file instead of one in a new temporary folder.
        suite_url = server_url or os.environ.get("DATABASE_URL", "")
        self.postgres = on_postgres_url(suite_url)
        self.tmpdir = None
        if self.postgres:
            parsed = urlparse(suite_url)
            self.name = name or f"gezondin_{label}_{os.getpid()}"
            self.admin_url = suite_url
            self.url = parsed._replace(path=f"/{self.name}").geturl()
        else:
            if path is None:
                self.tmpdir = tempfile.mkdtemp(prefix=f"gezondin-{label}-")
                path = Path(self.tmpdir) / "site.sqlite3"
            self.path = Path(path)
            self.url = f"sqlite:///{self.path}"

    def exists(self):
        if not self.postgres:
            return self.path.is_file()
        import psycopg

        with psycopg.connect(self._server_url("postgres")) as conn:
            found = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [self.name])
            return found.fetchone() is not None

    def _server_url(self, name):
        return urlparse(self.admin_url)._replace(path=f"/{name}").geturl()

    def _admin(self, sql):
        import psycopg

        parsed = urlparse(self.admin_url)
        with psycopg.connect(
            host=parsed.hostname,
            port=parsed.port or 5432,
            user=parsed.username,
            password=parsed.password,
            dbname="postgres",
            autocommit=True,
        ) as conn:
            conn.execute(sql)

    def create(self, copy_from=None):
        if self.postgres:
            self._admin(f'DROP DATABASE IF EXISTS "{self.name}"')
            template = f' TEMPLATE "{copy_from.name}"' if copy_from is not None else ""
            self._admin(f'CREATE DATABASE "{self.name}"{template}')
        elif copy_from is not None:
            shutil.copyfile(copy_from.path, self.path)

    def drop(self):
        if self.postgres:
            self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
        elif self.tmpdir is not None:
            shutil.rmtree(self.tmpdir, ignore_errors=True)
        else:
            self.path.unlink(missing_ok=True)

    def drop_others(self, prefix):
        """Drop the other databases whose names start with ``prefix`` (older kept copies); one in
        use by another run is left for later."""
        import psycopg

        with psycopg.connect(self._server_url("postgres"), autocommit=True) as conn:
            names = conn.execute(
                "SELECT datname FROM pg_database WHERE starts_with(datname, %s) AND datname <> %s",
                [prefix, self.name],
            ).fetchall()
            for (name,) in names:
                with contextlib.suppress(psycopg.Error):
                    conn.execute(f'DROP DATABASE IF EXISTS "{name}"')

    def rename(self, other):
        """This database becomes ``other`` (replacing it): kept under the other's name."""
        if self.postgres:
            self._admin(f'DROP DATABASE IF EXISTS "{other.name}" WITH (FORCE)')
            self._admin(f'ALTER DATABASE "{self.name}" RENAME TO "{other.name}"')
        else:
            shutil.move(self.path, other.path)

    def execute(self, sql, params=()):
        """One statement in this database (``%s`` placeholders), committed."""
        if self.postgres:
            import psycopg

            with psycopg.connect(self.url, autocommit=True) as conn:
                conn.execute(sql, params)
        else:
            import sqlite3

            with contextlib.closing(sqlite3.connect(self.path)) as conn, conn:
                conn.execute(sql.replace("%s", "?"), params)


def manage(env, *args, timeout=600):
    """Run ``manage.py`` with ``env``; its stdout, or RuntimeError with its output."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def site_env(database, media_root, **extra):
    """The environment of a reference site served from ``database``."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "settings.dev",
        "DATABASE_URL": database.url,
        "DEBUG": "0",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "MEDIA_ROOT": str(media_root),
        # runserver serves the uploads too: pages with images are checked with their images.
        "SERVE_MEDIA": "1",
        "PYTHONUNBUFFERED": "1",
        **extra,
    }


def kept_demo_site(server_url=None):
    """The reference site migrated and given the demo (``load_demo``), built the first time for
    its key and kept in ``.pytest_cache/gezondin-sites/`` (on PostgreSQL a database
    ``gezondin_site_demo_<key>``, its media in that folder): ``(database, media)``, to copy with
    ``Database.create(copy_from=database)`` and ``shutil.copytree(media, ...)``. The engine is
    the suite's (DATABASE_URL), or the PostgreSQL server at ``server_url`` (the production layer).

    The key is the hash of the code and packages that decide what a database holds (the test
    databases' key, tests/databases.py), the engine (with the PostgreSQL server's address) and
    today's date (the demo's activities lie around today). The browser layer, the two
    installations and the production layer all start from it: in the PostgreSQL pass of
    `.ci/run` the demo is loaded once for the three. It is built for the address
    KEPT_SITE_ADDRESS; ``point_default_site_at`` gives a copy the address of its own server.
    It starts from the suite's migrated test database when that is kept (``_migrated_copy``),
    which saves migrating again (some 13 s of a core); loading the demo takes some 10 s more; a
    copy of the result takes well under a second.
    Workers and runs wait for the one that builds (a file lock); older copies are removed when a
    new one is kept."""
    from django.utils import timezone

    from tests import databases

    url = server_url or os.environ.get("DATABASE_URL", "")
    engine = f"postgresql@{urlparse(url).netloc}" if on_postgres_url(url) else "sqlite"
    # The site's own date (the demo's activities lie around it), as the suite's demo key has it.
    text = f"{databases.sources_hash()}:{engine}:{timezone.localdate():%Y%m%d}"
    key = hashlib.sha256(text.encode()).hexdigest()[:12]
    folder = SITES_DIR / f"demo-{key}"
    media, done = folder / "media", folder / "done"
    template = Database(
        "sitedemo",
        server_url=server_url,
        name=f"gezondin_site_demo_{key}",
        path=folder / "site.sqlite3",
    )
    with databases.locked(SITES_DIR):
        if done.is_file() and template.exists():
            return template, media
        shutil.rmtree(folder, ignore_errors=True)
        media.mkdir(parents=True)
        building = Database("sitebuild", server_url=server_url)
        with databases.locked():  # the migrated copy is not being made or copied
            building.create(copy_from=_migrated_copy(server_url))
        try:
            env = site_env(building, media, WAGTAILADMIN_BASE_URL=KEPT_SITE_ADDRESS)
            # Nothing to do when it started from the migrated copy, but checked all the same.
            manage(env, "migrate", "--noinput")
            manage(env, "load_demo")
            building.rename(template)
        finally:
            building.drop()
        done.touch()
        # Older copies (other days and code) of the same engine go.
        for old in SITES_DIR.glob("demo-*"):
            if old != folder and (old / "site.sqlite3").exists() != template.postgres:
                shutil.rmtree(old, ignore_errors=True)
        if template.postgres:
            template.drop_others("gezondin_site_demo_")
    return template, media


def _migrated_copy(server_url=None):
    """The suite's migrated test database (tests/databases.py, ``kept_migrated``) as a Database
    to start a reference site from, when it is kept for this engine and server; else None (the
    site is migrated from scratch). In a fresh clone it is there once a worker has made its
    test database; the scheduler (tests/conftest.py) starts the other worker with a unit that
    needs no database, so that the kept demo site is built after that."""
    from tests import databases

    suite_url = os.environ.get("DATABASE_URL", "")
    engine, where = databases.kept_migrated(suite_url)
    if engine == "postgresql":
        if server_url and urlparse(server_url).netloc != urlparse(suite_url).netloc:
            return None
        copy = Database("migrated", server_url=suite_url, name=where)
    elif server_url:  # a PostgreSQL site while the suite runs on SQLite
        return None
    else:
        copy = Database("migrated", path=where)
    return copy if copy.exists() else None


def point_default_site_at(database, base_url):
    """The default Wagtail site's host name and port become those of ``base_url`` (what
    ``load_demo`` does for WAGTAILADMIN_BASE_URL), so the links built from the site work."""
    address = urlsplit(base_url)
    database.execute(
        "UPDATE wagtailcore_site SET hostname = %s, port = %s WHERE is_default_site",
        (address.hostname, address.port or 80),
    )


class SiteServer:
    """``manage.py runserver`` on a free loopback port, started and waited for."""

    def __init__(self, env, *, check_path="/nl/", log_path=None):
        self.env = env
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.check_path = check_path
        self.log_path = log_path
        self.process = None

    def start(self, timeout=60):
        log = open(self.log_path, "ab") if self.log_path else subprocess.DEVNULL  # noqa: SIM115
        # --insecure serves the static files with DEBUG off, like whitenoise does in production.
        self.process = subprocess.Popen(
            [
                sys.executable,
                "manage.py",
                "runserver",
                "--noreload",
                "--insecure",
                f"127.0.0.1:{self.port}",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=log,
        )
        if log is not subprocess.DEVNULL:
            log.close()
        deadline = time.monotonic() + timeout
        while True:
            try:
                url = self.base_url + self.check_path
                with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310
                    if response.status == 200:
                        return self
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    self.stop()
                    raise RuntimeError("the reference site did not start") from None
                time.sleep(0.3)

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.process = None


# A canned peer -----------------------------------------------------------------------------------


class CannedPeer:
    """Another installation's /api/v2/praktijkvoorbeelden/, served from ``practices``
    (``{"nl": [item, ...], "en": [...]}``) on 127.0.0.1.

    Misbehaviour, set by the test:
    - ``responses``: a list of (status, headers, body) answered first, one per request, before
      the canned API answers (e.g. two 503s to test retries);
    - ``route``: a function(path, query) that may return (status, headers, body) to answer
      instead, or None to let the canned API answer;
    - ``delay``: seconds to wait before answering;
    - headers starting with ``_`` are instructions, not sent: ``_no_length`` sends no
      Content-Length (the body ends when the connection closes), ``_trickle`` sends the body in
      small pieces (16 bytes, or ``_piece`` bytes) this many seconds apart,
      ``_trickle_all`` sends the status line and headers that way too;
    - ``redirect(prefix, to)``: answer every path starting with ``prefix`` with a 302 to ``to``
      plus the rest of the path and the query (``to`` may be another origin);
    - ``stop_after(n)``: close the listening socket after ``n`` requests, so the next one is
      refused (a peer that disappears halfway).
    ``requests`` records (path, query) of every request.
    """

    def __init__(self):
        self.practices = {"nl": [], "en": []}
        self.files = {}  # path -> (content type, bytes)
        self.responses = []
        self.route = None
        self.delay = 0
        self.requests = []
        self._stop_after = None
        self._lock = threading.Lock()
        peer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - http.server's name
                peer._handle(self)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self._closed = False
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        )
        self.thread.start()

    def close(self):
        with self._lock:
            if self._closed:
                return
            self._closed = True
        self.server.shutdown()
        self.server.server_close()

    def stop_after(self, number):
        self._stop_after = number

    def url(self, path):
        return self.base_url + path

    def redirect(self, prefix, to, status=302):
        """Redirect requests for paths under ``prefix`` to ``to`` + the rest (see above)."""
        previous = self.route

        def route(path, query):
            if path.startswith(prefix):
                rest = path[len(prefix) :]
                location = to + rest + (f"?{urlencode(query)}" if query else "")
                return status, {"Location": location}, b""
            return previous(path, query) if previous else None

        self.route = route

    def _handle(self, handler):
        parsed = urlparse(handler.path)
        query = {key: values[-1] for key, values in parse_qs(parsed.query).items()}
        with self._lock:
            self.requests.append((parsed.path, query))
            count = len(self.requests)
            canned = self.responses.pop(0) if self.responses else None
        if self.delay:
            time.sleep(self.delay)
        answer = canned or (self.route(parsed.path, query) if self.route else None)
        if answer is None:
            answer = self._answer(parsed.path, query)
        status, headers, body = answer
        if isinstance(body, dict | list):
            body = json.dumps(body).encode()
        elif isinstance(body, str):
            body = body.encode()
        if self._stop_after is not None and count >= self._stop_after:
            # Stop listening before answering: the next connection is refused.
            self.close()
        try:
            if headers.get("_trickle_all"):
                self._trickle_all(handler, status, headers, body)
                return
            handler.send_response(status)
            for name, value in headers.items():
                if not name.startswith("_"):
                    handler.send_header(name, value)
            if "Content-Length" not in headers and not headers.get("_no_length"):
                handler.send_header("Content-Length", str(len(body)))
            handler.end_headers()
            if headers.get("_trickle"):
                # A peer that sends a little at a time, each piece within the read timeout.
                piece = int(headers.get("_piece", 16))
                for start in range(0, len(body), piece):
                    handler.wfile.write(body[start : start + piece])
                    handler.wfile.flush()
                    time.sleep(float(headers["_trickle"]))
            else:
                handler.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _trickle_all(self, handler, status, headers, body):
        """The whole answer, status line and headers included, a byte at a time."""
        lines = [f"HTTP/1.1 {status} OK"]
        lines += [f"{name}: {value}" for name, value in headers.items() if name[0] != "_"]
        lines.append(f"Content-Length: {len(body)}")
        raw = ("\r\n".join(lines) + "\r\n\r\n").encode() + body
        for start in range(len(raw)):
            handler.wfile.write(raw[start : start + 1])
            handler.wfile.flush()
            time.sleep(float(headers["_trickle_all"]))

    def _answer(self, path, query):
        json_headers = {"Content-Type": "application/json"}
        if path in self.files:
            content_type, data = self.files[path]
            return 200, {"Content-Type": content_type}, data
        if path.rstrip("/") != "/api/v2/praktijkvoorbeelden":
            return 404, json_headers, {"message": "Not found."}
        if "locale" in query:
            if query["locale"] not in self.practices:
                message = f"locale: unknown language {query['locale']!r}"
                return 400, json_headers, {"message": message}
            items = list(self.practices[query["locale"]])
        else:
            items = [item for language in self.practices.values() for item in language]
        if "updated_since" in query:
            items = [
                item
                for item in items
                if (item.get("meta") or {}).get("last_published_at", "") >= query["updated_since"]
            ]
        items.sort(key=lambda item: item.get("id") if isinstance(item.get("id"), int) else 0)
        limit = int(query.get("limit", 20))
        if limit > 100:
            return 400, json_headers, {"message": "limit cannot be higher than 100"}
        offset = int(query.get("offset", 0))
        page = items[offset : offset + limit]
        if query.get("fields") != "*":
            page = [{"id": item.get("id"), "title": item.get("title")} for item in page]
        return 200, json_headers, {"meta": {"total_count": len(items)}, "items": page}


def canned_practice(
    remote_id, locale="nl", *, origin, title=None, key=None, published="2026-03-02", **fields
):
    """A practice as another installation's /api/v2/praktijkvoorbeelden/?fields=* lists it."""
    title = title or f"Praktijk {remote_id}"
    slug = title.lower().replace(" ", "-")
    html_url = f"{origin}/{locale}/kennisbank/{slug}/"
    item = {
        "id": remote_id,
        "title": title,
        "meta": {
            "type": "kennisbank.PraktijkvoorbeeldPage",
            "detail_url": f"{origin}/api/v2/praktijkvoorbeelden/{remote_id}/",
            "html_url": html_url,
            "slug": slug,
            "first_published_at": "2025-05-01T09:00:00+02:00",
            "last_published_at": f"{published}T10:00:00+01:00",
            "locale": locale,
            "translation_key": str(key or uuid.uuid5(uuid.NAMESPACE_URL, f"{origin}/{remote_id}")),
            "search_description": "",
            "canonical_url": html_url,
            "shared_from": None,
        },
        "intro": "<p>Buurtcoaches helpen gezinnen met schulden thuis.</p>",
        "background": "<p>Veel huishoudens in de wijk hebben schulden.</p>",
        "goal": "<p>Schulden eerder in beeld.</p>",
        "approach": [
            {"type": "heading", "value": {"text": "Stap voor stap", "level": "h2"}, "id": "a1"},
            {"type": "paragraph", "value": "<p>Eerst een kop koffie.</p>", "id": "a2"},
        ],
        "working_elements": "",
        "results": "<p>Twee keer zoveel gezinnen bereikt.</p>",
        "monitoring": "",
        "lessons": "",
        "kind": "praktijkvoorbeeld",
        "status": "lopend",
        "start_date": "2023-01-01",
        "end_date": None,
        "last_checked": "2026-01-15",
        "erkenning": "goed-onderbouwd",
        "erkenning_label": "Goed onderbouwd",
        "erkenning_date": "2024-06-01",
        "intervention_name": "Keukentafelgesprek",
        "intervention_url": "https://interventies.example/keukentafel",
        "needs_team": "Twee buurtcoaches",
        "needs_time": "",
        "needs_budget": "",
        "funding": "",
        "themas": [{"slug": "armoede-en-schulden", "name": "Armoede en schulden"}],
        "sporen": [],
        "pijlers": [],
        "doelgroepen": [{"slug": "ouders", "name": "Ouders"}],
        "domeinen": [],
        "levensfasen": [],
        "gemeenten": [{"cbs_code": "GM0855", "name": "Tilburg", "provincie": "noord-brabant"}],
        "partners": [
            {
                "organisatie": {"name": "GGD Hart voor Brabant", "website": "https://ggd.example"},
                "role": "voert de huisbezoeken uit",
            }
        ],
        "contact": {"name": "Team Gezonde Wijk", "email": "wijk@tilburg.example", "phone": ""},
    }
    item.update(fields)
    return item
