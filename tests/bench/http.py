"""The site as deployed, for `make bench`: gunicorn with `settings.production`, timed over HTTP.

`serve()` collects the static files once, starts gunicorn on a free loopback port against the bench
database (Redis as the cache when it answers on 127.0.0.1:6379, else the file cache of the
production settings) and stops it afterwards; `server_env()` and `run_servers()` are its two
halves, for `make loadtest`'s servers (tests/bench/loadtest.py). `measure()` times what a
visitor meets: each page of `PAGES` warm, and a set of kennisbank selections nobody asked for
before (facet pairs, a province's page 2, a search word with a theme), the first time and again;
every figure is also a ratio to the home page's median in the same run.
"""

import contextlib
import itertools
import os
import random
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
KENNISBANK = "/nl/kennisbank/"
PAGES = {
    "home": "/nl/",
    "kennisbank, unfiltered": KENNISBANK,
    "kennisbank, 3 facets": KENNISBANK
    + "?thema=armoede-en-schulden&doelgroep=jongeren&provincie=noord-brabant",
    "kennisbank, search": KENNISBANK + "?q=schulden",
    "kennisbank, search + facet": KENNISBANK + "?q=wijk&thema=wonen",
    "kennisbank, page 40": KENNISBANK + "?page=40",
}
# Search words: Dutch words of the generated practices' vocabulary (tests/bench/generator.py).
WORDS = [
    "armoede", "wijk", "schulden", "gezondheid", "jongeren", "ouderen", "school", "werk",
    "eenzaamheid", "wonen", "sport", "voeding", "mantelzorg", "taal", "bewegen", "buurt",
]  # fmt: skip
WORKERS = 2  # one per core of the reference machine
REDIS_DB = 13  # `make bench`; `make loadtest` has its own (tests/bench/loadtest.py)


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _redis_answers():
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def _flush_redis(db):
    with socket.create_connection(("127.0.0.1", 6379), timeout=5) as sock:
        sock.sendall(f"SELECT {db}\r\nFLUSHDB\r\n".encode())
        time.sleep(0.1)
        sock.recv(64)


def server_env(database_url, workdir, *, redis_db=REDIS_DB, extra=None):
    """(environment, description of the cache) of a production server on the bench database.
    The same environment (and so the same SECRET_KEY) serves every server of one run and the
    scripts that prepare data for it: a signed link made by one is valid on the others."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "settings.production",
        "DATABASE_URL": database_url,
        "DATABASE_CONN_MAX_AGE": "60",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "STATIC_ROOT": str(Path(workdir) / "static"),
        "CACHE_DIR": str(Path(workdir) / "cache"),
        "LOG_LEVEL": "WARNING",
        **(extra or {}),
    }
    if _redis_answers():
        _flush_redis(redis_db)
        env["CACHE_URL"] = f"redis://127.0.0.1:6379/{redis_db}"
        cache = "Redis"
    else:
        env.pop("CACHE_URL", None)
        cache = "file cache (Redis not running)"
    return env, cache


@contextlib.contextmanager
def run_servers(env, count=1, workers=WORKERS):
    """Yield the base URLs of `count` gunicorn servers (each with `workers` workers) started
    with `env` (server_env), each on a free loopback port; stops them afterwards."""
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    servers, bases = [], []
    try:
        for _ in range(count):
            port = _free_port()
            servers.append(
                subprocess.Popen(
                    [
                        sys.executable,
                        "-m",
                        "gunicorn",
                        "settings.wsgi",
                        f"--bind=127.0.0.1:{port}",
                        f"--workers={workers}",
                        "--log-level=warning",
                    ],
                    cwd=ROOT,
                    env=env,
                )
            )
            bases.append(f"http://127.0.0.1:{port}")
        for server, base in zip(servers, bases, strict=True):
            deadline = time.monotonic() + 60
            while True:
                try:
                    get(base + "/nl/")
                    break
                except (OSError, urllib.error.URLError):
                    if server.poll() is not None or time.monotonic() > deadline:
                        raise RuntimeError("gunicorn did not start") from None
                    time.sleep(0.2)
        yield bases
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=30)


@contextlib.contextmanager
def serve(database_url):
    """Yield (base URL, description of the cache, settle) of gunicorn serving the bench database,
    with the task worker beside it as deployed (docs/deployment.md: it builds the kennisbank's
    word index that a search asks for); ``settle()`` waits until the worker has done what was
    asked of it."""
    with tempfile.TemporaryDirectory(prefix="gezondin-bench-http-") as workdir:
        env, cache = server_env(database_url, workdir)
        worker = subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--interval=1", "--no-startup-delay"],
            cwd=ROOT,
            env=env,
        )

        def settle(timeout=300):
            subprocess.run(
                [sys.executable, "-c", SETTLE, str(timeout)], cwd=ROOT, env=env, check=True
            )

        try:
            with run_servers(env) as bases:
                yield bases[0], cache, settle
        finally:
            worker.terminate()
            worker.wait(timeout=60)


# Waits until the task worker has nothing queued or running (the word index a search asked for
# is built): python -c SETTLE <seconds>, in the servers' environment.
SETTLE = """
import sys, time
import django
django.setup()
from django_tasks_db.models import DBTaskResult
deadline = time.monotonic() + float(sys.argv[1])
while DBTaskResult.objects.filter(status__in=["READY", "RUNNING"]).exists():
    if time.monotonic() > deadline:
        sys.exit("the task worker did not finish its tasks")
    time.sleep(0.5)
"""


def get(url):
    """Time one GET in milliseconds (status 200 required); returns (ms, body size)."""
    start = time.perf_counter()
    with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 (loopback)
        body = response.read()
        status = response.status
    elapsed = (time.perf_counter() - start) * 1000
    if status != 200:
        raise RuntimeError(f"{url}: {status}")
    return elapsed, len(body)


def p90(values):
    values = sorted(values)
    return values[max(0, int(round(0.9 * len(values))) - 1)]


def p95(values):
    values = sorted(values)
    return values[max(0, int(round(0.95 * len(values))) - 1)]


def new_selections(themas, doelgroepen, provincies, count):
    """Kennisbank query strings nobody has asked for: facet pairs, a province's page 2, a search
    word with a theme (each word once, so every search is a new full-text query)."""
    selections = [f"?thema={t}&doelgroep={d}" for t, d in itertools.product(themas, doelgroepen)]
    rng = random.Random(12)  # noqa: S311 (a fixed sample, not security)
    rng.shuffle(selections)
    searches = [f"?q={word}&thema={rng.choice(themas)}" for word in WORDS]
    pages = [f"?provincie={p}&page=2" for p in provincies]
    # In the proportions of the "facets, search words, page 2": half facets, the rest
    # split between searches and second pages.
    half, quarter = count // 2, count // 4
    chosen = selections[:half] + searches[:quarter] + pages[: count - half - quarter]
    chosen += selections[half : half + count - len(chosen)]
    rng.shuffle(chosen)
    return chosen


def measure(base, rounds, selections, settle=None):
    """Time the pages warm and the selections first time and again, over HTTP.

    The first searches ask the task worker to build the word index (seconds at 50,000
    practices); ``settle`` waits for it, so that what is timed is the site once a publication has
    been taken in (before that, the search backend answers searches: docs/kennisbank.md).
    """
    for _ in range(3 * WORKERS):  # every worker has read its facet index and templates
        for url in PAGES.values():
            get(base + url)
    if settle is not None:
        settle()
        for url in PAGES.values():  # every worker has the new word index from the cache
            for _ in range(WORKERS):
                get(base + url)
    pages = {}
    for name, url in PAGES.items():
        timings, size = [], 0
        for _ in range(rounds):
            elapsed, size = get(base + url)
            timings.append(elapsed)
        pages[name] = {
            "median": statistics.median(timings),
            "p95": p95(timings),
            "bytes": size,
        }
    home = [get(base + PAGES["home"])[0] for _ in range(rounds)]
    first = [get(base + KENNISBANK + query)[0] for query in selections]
    home += [get(base + PAGES["home"])[0] for _ in range(rounds)]
    again = [get(base + KENNISBANK + query)[0] for query in selections]
    by_kind = {}
    for query, elapsed in zip(selections, first, strict=True):
        kind = "search word" if "q=" in query else "page 2" if "page=" in query else "facet pair"
        by_kind.setdefault(kind, []).append(elapsed)
    return {
        "by_kind": {kind: (statistics.median(t), len(t)) for kind, t in by_kind.items()},
        "pages": pages,
        "home": statistics.median(home),
        "count": len(selections),
        "new_median": statistics.median(first),
        "new_p90": p90(first),
        "again_median": statistics.median(again),
        "again_p90": p90(again),
    }
