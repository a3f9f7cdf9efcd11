"""`make loadtest`: the site under a load of visitors, and a storm of confirmations, on PostgreSQL.

1. **Visitors** (Locust, headless, bounded in users and time; tests/bench/locustfile.py) against
   gunicorn with `settings.production` (tests/bench/http.py: two workers, Redis as the cache,
   persistent connections) on a database of `--practices` generated practices (10,000) plus the
   demo: `gezondin_load_<N>` on the PostgreSQL server of DATABASE_URL, made and loaded like
   `make bench`'s (`load_demo --practices N`, kept between runs: only what is missing is added).
   Locust's own statistics (its CSV output) give per kind of request the count, failures,
   median and p95, and the throughput; each median also as a ratio to the home page's median
   under the same load. The bench server trusts one reverse proxy (`GEZONDIN_TRUSTED_PROXY_COUNT
   =1`) and each visitor sends its own address, so the sign-up limit per client address counts
   visitors as it does behind a real proxy (tests/bench/locustfile.py).
2. **A storm of confirmations**: two gunicorn servers on the same database and the same Redis
   cache, a new activity with `--capacity` seats (20) and `--people` pending sign-ups (50); all
   the confirmation links are opened at the same moment, from one thread each, alternately on
   the two servers; `--storms` times (3), a new activity each time. Reports each storm's wall
   time from the release of the threads to the last answer (target: at most 2 s) and their
   median, and requires every answer to be 200, exactly `capacity` seated and the rest on the
   waiting list. The wall time is reported, not required: it depends on what else the machine
   runs.

Exits non-zero when a request failed (any Locust failure), or the storm overbooked, underbooked
or answered an error. Not a test: the figures go into docs/performance.md.

    DATABASE_URL=postgres://... python -m tests.bench.loadtest [--practices 10000]
        [--users 25] [--spawn-rate 5] [--run-time 90s] [--capacity 20] [--people 50]
        [--storms 3] [--no-visitors] [--no-storm]
"""

import argparse
import csv
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.bench import http
from tests.bench.kennisbank_bench import load, prepare_database

ROOT = Path(__file__).resolve().parents[2]
PREFIX = "gezondin_load"
VISITORS_REDIS_DB = 9
STORM_REDIS_DB = 10
STORM_TARGET_SECONDS = 2.0


def _activities(env, *args):
    run = subprocess.run(
        [sys.executable, "-m", "tests.bench.activities", *map(str, args)],
        cwd=ROOT,
        env={**env, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
    )
    if run.returncode != 0:
        sys.exit(f"tests.bench.activities {' '.join(map(str, args))} failed:\n{run.stderr[-3000:]}")
    return json.loads(run.stdout.strip().splitlines()[-1])


def _machine():
    cores = os.cpu_count()
    load1, load5, _load15 = os.getloadavg()
    return (
        f"{platform.machine()}, {cores} cores, Python {platform.python_version()}, "
        f"load average {load1:.1f} (1 min) / {load5:.1f} (5 min) before the run"
    )


def _locust_stats(prefix):
    with open(f"{prefix}_stats.csv", newline="", encoding="utf-8") as stats:
        return list(csv.DictReader(stats))


def visitors(database_url, args):
    """Run Locust against one production server; print the figures; return what went wrong."""
    with tempfile.TemporaryDirectory(prefix="gezondin-loadtest-") as workdir:
        env, cache = http.server_env(
            database_url,
            workdir,
            redis_db=VISITORS_REDIS_DB,
            extra={"GEZONDIN_TRUSTED_PROXY_COUNT": "1"},
        )
        signup = _activities(env, "signup")
        signup_path = signup["path"]
        before = sum(_activities(env, "count", signup["id"]).values())
        machine = _machine()
        with http.run_servers(env) as (base,):
            for _ in range(3 * http.WORKERS):  # every worker has read its templates and index
                for url in ("/nl/", http.KENNISBANK, "/nl/agenda/", signup_path):
                    http.get(base + url)
            prefix = str(Path(workdir) / "locust")
            started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
            run = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "locust",
                    "-f",
                    str(ROOT / "tests" / "bench" / "locustfile.py"),
                    "--headless",
                    f"--users={args.users}",
                    f"--spawn-rate={args.spawn_rate}",
                    f"--run-time={args.run_time}",
                    "--stop-timeout=30",
                    f"--host={base}",
                    f"--csv={prefix}",
                    "--only-summary",
                    "--loglevel=WARNING",
                ],
                cwd=ROOT,
                env={**os.environ, "PYTHONPATH": str(ROOT), "LOADTEST_SIGNUP_PATH": signup_path},
                capture_output=True,
                text=True,
            )
            if not Path(f"{prefix}_stats.csv").exists():
                sys.exit(f"Locust did not run:\n{run.stderr[-4000:]}")
            rows = _locust_stats(prefix)
            failures = Path(f"{prefix}_failures.csv").read_text(encoding="utf-8")
        # The honeypot's answer is the same page: only the database tells a sign-up was made.
        made = sum(_activities(env, "count", signup["id"]).values()) - before
    by_name = {row["Name"]: row for row in rows}
    total = by_name.pop("Aggregated")
    home = float(by_name["home"]["50%"])
    print(
        f"## Visitors: {args.users} users (spawn rate {args.spawn_rate}/s) for {args.run_time}, "
        f"started {started}\n\n"
        f"One gunicorn server, `settings.production`, {http.WORKERS} workers, {cache}; "
        f"Locust on the same machine ({machine}).\n"
    )
    print("| request | count | failures | req/s | median ms | p95 ms | median / home |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, row in [*sorted(by_name.items()), ("all requests", total)]:
        print(
            f"| {name} | {row['Request Count']} | {row['Failure Count']} | "
            f"{float(row['Requests/s']):.1f} | {row['50%']} | {row['95%']} | "
            f"{float(row['50%']) / home:.2f} |"
        )
    failed = int(total["Failure Count"])
    posted = by_name.get("sign-up: post", {})
    accepted = int(posted.get("Request Count", 0)) - int(posted.get("Failure Count", 0))
    # A post still under way when the run time ends reaches the server but not the statistics:
    # at most one sign-up per form read may be made beyond those recorded.
    forms = int(by_name.get("sign-up: form", {}).get("Request Count", 0))
    print(
        f"\nThroughput {float(total['Requests/s']):.1f} requests/s; "
        f"{failed} failed; the home page under this load: median {home:.0f} ms, "
        f"p95 {by_name['home']['95%']} ms. {made} sign-ups made in the database for "
        f"{accepted} accepted posts of the form.\n"
    )
    problems = [f"{failed} requests failed under load"] if failed else []
    if not accepted <= made <= forms:
        problems.append(
            f"{accepted} sign-ups answered 'check your e-mail' ({forms} forms read), "
            f"{made} were made"
        )
    if failed:
        print("Failures (Locust's failures.csv):\n")
        print(failures)
    return problems


def _storm_once(env, bases, args):
    """One storm on running servers: (wall time in s, {status: answers}, {status: sign-ups})."""
    made = _activities(env, "storm", args.capacity, args.people)
    # The activity was published a moment ago (which renews the cached menus and pages): as
    # when people confirm, long after, every worker has its templates and the cache is filled.
    for base in bases:
        for _ in range(2 * http.WORKERS):
            http.get(base + "/nl/")
            http.get(base + made["url"])
    barrier = threading.Barrier(args.people + 1)
    answers = [None] * args.people

    def confirm(number, url):
        barrier.wait(timeout=60)
        try:
            with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 (loopback)
                response.read()
                status = response.status
        except urllib.error.HTTPError as error:
            status = error.code
        answers[number] = (status, time.perf_counter())

    threads = [
        threading.Thread(target=confirm, args=(n, bases[n % len(bases)] + path))
        for n, path in enumerate(made["paths"])
    ]
    for thread in threads:
        thread.start()
    barrier.wait(timeout=60)
    released = time.perf_counter()
    for thread in threads:
        thread.join(timeout=120)
    finished = [answer for answer in answers if answer is not None]
    wall = max(at for _status, at in finished) - released if finished else float("nan")
    statuses = {}
    for status, _at in finished:
        statuses[status] = statuses.get(status, 0) + 1
    if len(finished) != args.people:
        statuses["no answer"] = args.people - len(finished)
    return wall, statuses, _activities(env, "count", made["id"])


def storm(database_url, args):
    """`--storms` times, open `--people` confirmation links at once on two servers, for a new
    activity each time; print the wall times; return what went wrong."""
    problems = []
    rows = []
    with tempfile.TemporaryDirectory(prefix="gezondin-storm-") as workdir:
        env, cache = http.server_env(database_url, workdir, redis_db=STORM_REDIS_DB)
        machine = _machine()
        with http.run_servers(env, count=2) as bases:
            for number in range(1, args.storms + 1):
                wall, statuses, counts = _storm_once(env, bases, args)
                seated = counts.get("confirmed", 0)
                waiting = counts.get("waitlisted", 0)
                rows.append((number, wall, statuses, seated, waiting))
                if set(statuses) != {200}:
                    problems.append(f"storm {number}: answers other than 200: {statuses}")
                if seated != args.capacity or waiting != args.people - args.capacity:
                    problems.append(
                        f"storm {number}: {seated} seated and {waiting} waiting, "
                        f"not {args.capacity} seated"
                    )
    print(
        f"## Confirmation storm: {args.people} links at once, capacity {args.capacity}\n\n"
        f"Two gunicorn servers ({http.WORKERS} workers each), `settings.production`, one "
        f"{cache} cache, one PostgreSQL database; one thread per link, alternately on the two; "
        f"a new activity for each storm ({machine}).\n"
    )
    print("| storm | all answered in | answers | seated | waiting list |")
    print("|---|---:|---|---:|---:|")
    for number, wall, statuses, seated, waiting in rows:
        mark = "" if wall <= STORM_TARGET_SECONDS else " (over the target)"
        answers = ", ".join(f"{count}× {status}" for status, count in sorted(statuses.items()))
        print(f"| {number} | {wall:.2f} s{mark} | {answers} | {seated} | {waiting} |")
    walls = sorted(row[1] for row in rows)
    print(
        f"\nMedian {walls[len(walls) // 2]:.2f} s over {len(walls)} storms "
        f"(target ≤ {STORM_TARGET_SECONDS:.0f} s).\n"
    )
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--practices", type=int, default=10000)
    parser.add_argument("--users", type=int, default=25)
    parser.add_argument("--spawn-rate", type=float, default=5)
    parser.add_argument("--run-time", default="90s", help="Locust's --run-time (90s, 2m)")
    parser.add_argument("--capacity", type=int, default=20, help="the storm's seats")
    parser.add_argument("--people", type=int, default=50, help="the storm's confirmations")
    parser.add_argument("--storms", type=int, default=3, help="storms, one after the other")
    parser.add_argument("--no-visitors", action="store_true", help="only the storm")
    parser.add_argument("--no-storm", action="store_true", help="only the visitors")
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        sys.exit("make loadtest runs on PostgreSQL: set DATABASE_URL to a postgres:// URL")
    if args.capacity >= args.people:
        sys.exit("--capacity must be smaller than --people: the storm is about a full activity")
    url = prepare_database(args.practices, reuse=True, prefix=PREFIX)
    seconds = load(url, args.practices)
    print(
        f"# Load test on PostgreSQL: {args.practices} generated practices (+ demo content), "
        f"database ready in {seconds:.0f} s\n",
        flush=True,
    )
    problems = [] if args.no_visitors else visitors(url, args)
    problems += [] if args.no_storm else storm(url, args)
    if problems:
        sys.exit("make loadtest failed: " + "; ".join(problems))


if __name__ == "__main__":
    main()
