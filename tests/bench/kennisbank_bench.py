"""`make bench`: the kennisbank's speed at 10,000 and 50,000 practices, as visitors meet it.

For each size: a database (a SQLite file in .bench/, or a PostgreSQL database when DATABASE_URL
points at PostgreSQL), `migrate`, `load_demo --practices N` (with --reuse, a database of an earlier
run is kept and only what is missing is added). Then two measurements:

1. Over HTTP, as deployed (tests/bench/http.py): gunicorn with `settings.production`, two workers,
   Redis as the cache, and the task worker beside it; the timing starts once the worker has built
   the word index the first searches asked for. Each page warm (median, p95), and selections
   nobody asked for before (facet pairs, a search word with a theme, a province's page 2) the
   first time and asked again, as median and p90; every figure also as a ratio to the home
   page's median in the same run. These are the figures the targets in docs/performance.md are
   about.
2. In one process with Django's test client, for the SQL: per page the queries of a warm request
   and of a cold one (the kennisbank's cached counts, facets, page ids and facet index dropped, as
   after a publication), and the in-process times.

Not a test: the figures go into docs/performance.md.

    python -m tests.bench.kennisbank_bench [--sizes 10000 50000] [--rounds 30]
        [--reuse] [--load-only]
"""

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

from tests.bench import http

ROOT = Path(__file__).resolve().parents[2]
BENCH_DIR = ROOT / ".bench"


def prepare_database(size, reuse, prefix="gezondin_bench"):
    """The bench database's URL; dropped and made anew unless `reuse`. On PostgreSQL the database
    is `<prefix>_<size>` (`make loadtest` keeps its own, so the two never drop each other's)."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        import psycopg

        name = f"{prefix}_{size}"
        parsed = urlparse(url)
        with psycopg.connect(
            host=parsed.hostname,
            port=parsed.port or 5432,
            user=parsed.username,
            password=parsed.password,
            dbname="postgres",
            autocommit=True,
        ) as conn:
            exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
            if exists and not reuse:
                conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            if not exists or not reuse:
                conn.execute(f'CREATE DATABASE "{name}"')
        return parsed._replace(path=f"/{name}").geturl()
    path = BENCH_DIR / f"{prefix.removeprefix('gezondin_')}-{size}.sqlite3"
    BENCH_DIR.mkdir(exist_ok=True)
    if not reuse:
        path.unlink(missing_ok=True)
    return f"sqlite:///{path}"


def load(database_url, size):
    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_SETTINGS_MODULE": "settings.dev"}
    started = time.monotonic()
    for args in (["migrate", "--noinput", "-v0"], ["load_demo", "--practices", str(size)]):
        subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    if database_url.startswith(("postgres://", "postgresql://")):
        # What autovacuum does within a minute of a bulk load on a real server: without
        # statistics the planner guesses one row per table and picks nested loops.
        import psycopg

        with psycopg.connect(database_url, autocommit=True) as conn:
            conn.execute("ANALYZE")
    return time.monotonic() - started


MEASURE = r"""
import json, statistics, sys, time
import django
django.setup()
from django.db import connection
from django.test import Client
from kennisbank.models import PraktijkvoorbeeldPage
from kennisbank.search import invalidate_results

rounds = int(sys.argv[1])
practice = (
    PraktijkvoorbeeldPage.objects.live()
    .filter(locale__language_code="nl")
    .order_by("-pk")
    .first()
)
client = Client()
kennisbank = "/nl/kennisbank/"
pages = {
    "home": "/nl/",
    "kennisbank, unfiltered": kennisbank,
    "kennisbank, 3 facets": kennisbank
    + "?thema=armoede-en-schulden&doelgroep=jongeren&provincie=noord-brabant",
    "kennisbank, search": kennisbank + "?q=schulden",
    "kennisbank, search + facet": kennisbank + "?q=wijk&thema=wonen",
    "kennisbank, page 40": kennisbank + "?page=40",
    "practice page": practice.get_url(),
}
results = {}
for name, url in pages.items():
    for _ in range(3):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    def count_queries():
        executed = []
        with connection.execute_wrapper(
            lambda execute, sql, params, many, context: executed.append(sql)
            or execute(sql, params, many, context)
        ):
            response = client.get(url)
        return len(executed), response

    warm_queries, response = count_queries()
    invalidate_results()
    cold_queries, _ = count_queries()
    client.get(url)
    timings = []
    for _ in range(min(rounds, 10)):  # the timings that matter are taken over HTTP
        start = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    # Cold: a selection nobody asked for since the last publication (counts, facets and page
    # ids not cached; result cards, terms and site roots still are).
    cold = []
    for _ in range(3):
        invalidate_results()
        start = time.perf_counter()
        client.get(url)
        cold.append((time.perf_counter() - start) * 1000)
    results[name] = {
        "cold": statistics.median(cold),
        "queries": warm_queries,
        "cold_queries": cold_queries,
        "median": statistics.median(timings),
        "p95": timings[max(0, int(round(0.95 * len(timings))) - 1)],
        "bytes": len(response.content),
    }

from gezondin.models import Doelgroep, Provincie, Thema

results["vocabularies"] = {
    "themas": list(
        Thema.objects.filter(locale__language_code="nl")
        .order_by("pk")
        .values_list("slug", flat=True)
    ),
    "doelgroepen": list(
        Doelgroep.objects.filter(locale__language_code="nl")
        .order_by("pk")
        .values_list("slug", flat=True)
    ),
    "provincies": [value for value, _label in Provincie.choices],
}
print(json.dumps(results))
"""


def measure(database_url, rounds):
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "settings.dev",
        "DEBUG": "0",
        "LOG_LEVEL": "WARNING",
        # Tasks are queued for a worker that does not run here: a cold request is what a visitor
        # meets right after a publication, before the worker has built the word index (the
        # search backend answers; with the immediate backend the request would build it).
        "TASKS_BACKEND": "django_tasks.backends.dummy.DummyBackend",
    }
    run = subprocess.run(
        [sys.executable, "-c", MEASURE, str(rounds)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if run.returncode != 0:
        sys.exit(f"measuring failed:\n{run.stderr[-4000:]}")
    import json

    return json.loads(run.stdout.strip().splitlines()[-1])


def ratio(value, home):
    return f"{value / home:.2f}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000, 50000])
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument(
        "--selections", type=int, default=40, help="selections nobody asked for before"
    )
    parser.add_argument(
        "--reuse", action="store_true", help="keep the database of an earlier run (.bench/)"
    )
    parser.add_argument(
        "--load-only", action="store_true", help="make the databases, measure nothing"
    )
    args = parser.parse_args()
    engine = "PostgreSQL" if "postgres" in os.environ.get("DATABASE_URL", "") else "SQLite"
    print(f"# Kennisbank benchmark on {engine}, {args.rounds} timed requests per page\n")
    for size in args.sizes:
        url = prepare_database(size, args.reuse)
        seconds = load(url, size)
        if args.load_only:
            print(f"{size}: loaded in {seconds:.0f} s", flush=True)
            continue
        results = measure(url, args.rounds)
        vocabularies = results.pop("vocabularies")
        selections = http.new_selections(
            vocabularies["themas"],
            vocabularies["doelgroepen"],
            vocabularies["provincies"],
            args.selections,
        )
        with http.serve(url) as (base, cache, settle):
            served = http.measure(base, args.rounds, selections, settle)
        print(f"## {size} generated practices (+ demo content), loaded in {seconds:.0f} s\n")
        home = served["home"]
        print(
            f"Over HTTP: gunicorn, `settings.production`, {http.WORKERS} workers, {cache}; "
            f"home page median {home:.1f} ms.\n"
        )
        print("| requests | median ms | p90 ms | median / home | p90 / home |")
        print("|---|---:|---:|---:|---:|")
        for label, prefix in [
            (f"{served['count']} selections nobody asked for before", "new"),
            ("the same selections asked again", "again"),
        ]:
            median, p90 = served[f"{prefix}_median"], served[f"{prefix}_p90"]
            print(
                f"| {label} | {median:.1f} | {p90:.1f} | {ratio(median, home)} | "
                f"{ratio(p90, home)} |"
            )
        print()
        kinds = ", ".join(
            f"{kind} {median:.1f} ms ({ratio(median, home)}, {count} asked)"
            for kind, (median, count) in served["by_kind"].items()
        )
        print(f"First time, median by kind: {kinds}.\n")
        print(
            "| page, warm, over HTTP | median ms | p95 ms | median / home | p95 / home | HTML kB |"
        )
        print("|---|---:|---:|---:|---:|---:|")
        page_home = served["pages"]["home"]["median"]
        for name, row in served["pages"].items():
            print(
                f"| {name} | {row['median']:.1f} | {row['p95']:.1f} | "
                f"{ratio(row['median'], page_home)} | {ratio(row['p95'], page_home)} | "
                f"{row['bytes'] / 1024:.0f} |"
            )
        print()
        home = results["home"]["median"]
        cold_home = results["home"]["cold"]
        print("In one process (Django's test client), with the SQL each request runs:\n")
        print(
            "| page | queries warm / cold | median ms | median / home "
            "| cold median ms | cold / cold home |"
        )
        print("|---|---:|---:|---:|---:|---:|")
        for name, row in results.items():
            print(
                f"| {name} | {row['queries']} / {row['cold_queries']} | "
                f"{row['median']:.1f} | {ratio(row['median'], home)} | "
                f"{row['cold']:.1f} | {ratio(row['cold'], cold_home)} |"
            )
        print(flush=True)


if __name__ == "__main__":
    main()
