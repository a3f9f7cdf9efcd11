"""`make bench`: the kennisbank's speed at 1,000 and 10,000 practices.

For each size: a fresh database (a temporary SQLite file, or a PostgreSQL database when
DATABASE_URL points at PostgreSQL), `migrate`, `load_demo --practices N`; then, in one process
with Django's test client, the home page, the kennisbank unfiltered, with three facets, with a
search term, and a practice page are each requested (warm-up, then ROUNDS timed requests).
Reported per page: SQL queries, median and p95 response time, each also as a ratio to the home
page's median in the same run, and the HTML size; then the same page "cold", as for a selection
nobody asked for since the last publication (the kennisbank's cached counts, facets and page ids
dropped before every request, so also the facet index): its query count and median. Last, about
40 selections nobody asked for before, each requested once and then again, with the facet index
read since the last publication: median and p90, as ratios to the home page. Not a test: the
figures go into docs/performance.md.

    python -m tests.bench.kennisbank_bench [--sizes 1000 10000] [--rounds 30]
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[2]


def prepare_database(size, workdir):
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        import psycopg

        name = f"gezondin_bench_{size}"
        parsed = urlparse(url)
        with psycopg.connect(
            host=parsed.hostname,
            port=parsed.port or 5432,
            user=parsed.username,
            password=parsed.password,
            dbname="postgres",
            autocommit=True,
        ) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"')
        return parsed._replace(path=f"/{name}").geturl()
    return f"sqlite:///{workdir}/bench-{size}.sqlite3"


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
    for _ in range(rounds):
        start = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    # Cold: a selection nobody asked for since the last publication (counts, facets and page
    # ids not cached; result cards, terms and site roots still are).
    cold = []
    for _ in range(max(5, rounds // 3)):
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

# Selections nobody asked for before: every request below is the first with its selection (a
# facet pair, a province's second page, a search word with a theme), with the facet index read
# once since the last publication (kennisbank.facet_index); then each selection again.
import itertools, random
from gezondin.models import Doelgroep, Provincie, Thema

client.get(kennisbank)
themas = list(Thema.objects.filter(locale__language_code="nl").values_list("slug", flat=True))
doelgroepen = list(
    Doelgroep.objects.filter(locale__language_code="nl").values_list("slug", flat=True)
)
words = ["armoede", "wijk", "schulden", "gezondheid", "jongeren", "ouderen", "school", "werk"]
selections = [f"?thema={t}&doelgroep={d}" for t, d in itertools.product(themas, doelgroepen)]
selections += [f"?provincie={p}&page=2" for p, _label in Provincie.choices]
selections += [f"?q={w}&thema={t}" for w, t in itertools.product(words, themas[:4])]
random.Random(12).shuffle(selections)
selections = selections[: max(40, rounds)]
home_times = []
for _ in range(rounds):
    start = time.perf_counter()
    client.get("/nl/")
    home_times.append((time.perf_counter() - start) * 1000)
def timed(urls):
    found = []
    for url in urls:
        start = time.perf_counter()
        response = client.get(kennisbank + url)
        found.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, url
    return sorted(found)
new = timed(selections)
again = timed(selections)
def p90(values):
    return values[max(0, int(round(0.9 * len(values))) - 1)]
results["new selections"] = {
    "home": statistics.median(home_times),
    "count": len(selections),
    "new_median": statistics.median(new),
    "new_p90": p90(new),
    "again_median": statistics.median(again),
    "again_p90": p90(again),
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


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    engine = "PostgreSQL" if "postgres" in os.environ.get("DATABASE_URL", "") else "SQLite"
    print(f"# Kennisbank benchmark on {engine}, {args.rounds} timed requests per page\n")
    with tempfile.TemporaryDirectory(prefix="gezondin-bench-") as workdir:
        for size in args.sizes:
            url = prepare_database(size, workdir)
            seconds = load(url, size)
            results = measure(url, args.rounds)
            home = results["home"]["median"]
            print(f"## {size} generated practices (+ demo content), loaded in {seconds:.0f} s\n")
            cold_home = results["home"]["cold"]
            print(
                "| page | queries warm / cold | median ms | p95 ms | median / home | p95 / home "
                "| cold median ms | cold / cold home | HTML kB |"
            )
            print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
            selections = results.pop("new selections")
            for name, row in results.items():
                print(
                    f"| {name} | {row['queries']} / {row['cold_queries']} | "
                    f"{row['median']:.1f} | {row['p95']:.1f} | "
                    f"{row['median'] / home:.2f} | {row['p95'] / home:.2f} | "
                    f"{row['cold']:.1f} | {row['cold'] / cold_home:.2f} | "
                    f"{row['bytes'] / 1024:.0f} |"
                )
            print()
            home = selections["home"]
            print(
                f"Selections nobody asked for before ({selections['count']}: facet pairs, a "
                "province's page 2, a search word with a theme), home page median "
                f"{home:.1f} ms:\n"
            )
            print("| requests | median ms | p90 ms | median / home | p90 / home |")
            print("|---|---:|---:|---:|---:|")
            for label, prefix in [("first time", "new"), ("asked again", "again")]:
                median, p90 = selections[f"{prefix}_median"], selections[f"{prefix}_p90"]
                print(
                    f"| {label} | {median:.1f} | {p90:.1f} | {median / home:.2f} | "
                    f"{p90 / home:.2f} |"
                )
            print()


if __name__ == "__main__":
    main()
