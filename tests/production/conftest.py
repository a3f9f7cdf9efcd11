"""The production layer: the reference site as it is deployed, on loopback.

Two gunicorn servers (``settings.production``, the gunicorn settings of settings/gunicorn.py)
share a PostgreSQL database, a Redis cache (db 5 unless ``PRODUCTION_REDIS_URL``), the media and
the collected static files; one task worker (``manage.py db_worker``, django-tasks-db) sends the
e-mails into a folder (Django's file backend). The tests talk to the servers over HTTP as a TLS
proxy would: ``X-Forwarded-Proto: https`` on every request but the health check, so the HTTPS
redirect, the secure cookies and the CSRF origin check stay as in production.

The layer always uses PostgreSQL, whatever DATABASE_URL says: ``PRODUCTION_POSTGRES_URL``
(default the local server) gets a database ``gezondin_prod_test_<pid>`` for the run, copied from
the demo site that is migrated and given the demo once per change of the code and day and kept
(tests/servers.py, ``kept_demo_site``: the database ``gezondin_site_demo_<key>``, its media in
``.pytest_cache/gezondin-sites/``), which the browser layer and the two installations copy too.
The static files are collected once per change of them (kept in
``.pytest_cache/gezondin-production/``). Without PostgreSQL, Redis or ``pg_dump`` the tests skip
with the reason; ``REQUIRE_PRODUCTION=1`` (.ci/run) makes them fail instead.
"""

import contextlib
import hashlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest
import requests

from tests import databases
from tests.servers import ROOT, Database, free_port, kept_demo_site, manage, site_env

REQUIRE_PRODUCTION = os.environ.get("REQUIRE_PRODUCTION") == "1"
POSTGRES_URL = os.environ.get("PRODUCTION_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/")
REDIS_URL = os.environ.get("PRODUCTION_REDIS_URL", "redis://127.0.0.1:6379/5")
KEPT = ROOT / ".pytest_cache" / "gezondin-production"
WORKER_ID = "production-layer"
WORKERS_PER_SERVER = 2
# The folders whose files collectstatic gathers (with the installed packages' own).
STATIC_SOURCES = ("gezondin", "kennisbank", "leerkringen", "settings")


def skip_or_fail(reason):
    if REQUIRE_PRODUCTION:
        pytest.fail(f"REQUIRE_PRODUCTION=1 but {reason}")
    pytest.skip(reason)


# The services ---------------------------------------------------------------------------------


def _redis_command(*words):
    """Send one command to the layer's Redis database; its first reply line."""
    parsed = urlparse(REDIS_URL)
    db = (parsed.path or "/0").strip("/") or "0"
    with socket.create_connection((parsed.hostname, parsed.port or 6379), timeout=3) as sock:
        payload = b""
        for command in (("SELECT", db), words):
            payload += f"*{len(command)}\r\n".encode()
            for word in command:
                payload += f"${len(word.encode())}\r\n{word}\r\n".encode()
        sock.sendall(payload)
        replies = b""
        while replies.count(b"\r\n") < 2:
            chunk = sock.recv(256)
            if not chunk:
                break
            replies += chunk
    return replies.split(b"\r\n")[1].decode()


def _missing_service():
    """Why the layer cannot run here, or None."""
    try:
        import psycopg

        with psycopg.connect(_server_url("postgres"), connect_timeout=3):
            pass
    except Exception as error:  # noqa: BLE001 - any failure means "not reachable"
        return f"no PostgreSQL server answers at PRODUCTION_POSTGRES_URL ({type(error).__name__})"
    try:
        if _redis_command("PING") != "+PONG":
            return f"Redis at {REDIS_URL} does not answer PING"
    except OSError as error:
        return f"no Redis server answers at {REDIS_URL} ({error.strerror or error})"
    for tool in ("pg_dump", "pg_restore"):
        if not shutil.which(tool):
            return f"{tool} is not installed (the PostgreSQL client tools)"
    return None


def _server_url(name):
    return urlparse(POSTGRES_URL)._replace(path=f"/{name}").geturl()


# Kept between runs: the template database with the demo, its media, the static files ----------


def _static_key():
    digest = hashlib.sha256(databases.sources_hash().encode())
    for folder in STATIC_SOURCES:
        for path in sorted((ROOT / folder).rglob("static/**/*")):
            if path.is_file():
                digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def static_root(env):
    """The static files collected by settings.production (hashed names, compressed copies),
    once per change of them."""
    key = _static_key()
    root = KEPT / f"static-{key}"
    with databases.locked(KEPT):
        if not (root / "staticfiles.json").exists():
            building = KEPT / f"static-building-{os.getpid()}"
            shutil.rmtree(building, ignore_errors=True)
            manage({**env, "STATIC_ROOT": str(building)}, "collectstatic", "--noinput", "-v0")
            shutil.rmtree(root, ignore_errors=True)
            building.rename(root)
            for old in KEPT.glob("static-*"):
                if old != root:
                    shutil.rmtree(old, ignore_errors=True)
    return root


# The processes ----------------------------------------------------------------------------------


class Process:
    """A subprocess writing its output to a log file of its own."""

    def __init__(self, name, args, env, logs):
        self.name = name
        self.log_path = logs / f"{name}.log"
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(args, cwd=ROOT, env=env, stdout=log, stderr=log)

    def alive(self):
        return self.process.poll() is None

    # Gunicorn stops at once on SIGINT (SIGTERM waits for its workers' requests to finish).
    stop_signal = signal.SIGTERM

    def signal_stop(self):
        if self.process.poll() is None:
            self.process.send_signal(self.stop_signal)

    def stop(self):
        self.signal_stop()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)

    def log(self):
        return self.log_path.read_text(encoding="utf-8", errors="replace")


class Gunicorn(Process):
    stop_signal = signal.SIGINT

    def __init__(self, name, env, logs, port=None, workers=WORKERS_PER_SERVER):
        self.port = port or free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        args = [
            sys.executable,
            "-m",
            "gunicorn",
            "-c",
            "python:settings.gunicorn",
            "settings.wsgi",
            f"--bind=127.0.0.1:{self.port}",
            f"--workers={workers}",
            "--timeout=60",
        ]
        super().__init__(name, args, env, logs)

    def wait_until_healthy(self, timeout=90):
        deadline = time.monotonic() + timeout
        while True:
            with contextlib.suppress(requests.RequestException):
                if requests.get(self.base_url + "/healthz", timeout=5).status_code == 200:
                    return self
            if not self.alive() or time.monotonic() > deadline:
                raise RuntimeError(f"{self.name} did not start:\n{self.log()}")
            time.sleep(0.2)


class Visitor:
    """A browser behind the TLS proxy: every request carries ``X-Forwarded-Proto: https`` (and,
    for a POST, the https Origin), and the cookies are kept by hand (requests keeps secure
    cookies for https URLs only)."""

    def __init__(self):
        self.cookies = {}

    def request(self, method, url, data=None):
        parsed = urlparse(url)
        headers = {"X-Forwarded-Proto": "https"}
        if method == "POST":
            headers["Origin"] = f"https://{parsed.netloc}"
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        response = requests.request(
            method, url, data=data, headers=headers, allow_redirects=False, timeout=60
        )
        self.cookies.update({cookie.name: cookie.value for cookie in response.cookies})
        return response

    def get(self, url):
        return self.request("GET", url)

    def post(self, url, data):
        return self.request("POST", url, data)


# The deployment ---------------------------------------------------------------------------------


def wait_for(condition, timeout=30, interval=0.1, message="condition"):
    """Poll ``condition()`` until it returns something true; that value."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {message}")
        time.sleep(interval)


class Deployment:
    """What the tests use: the servers, the worker, the e-mail and log folders, ``shell``."""

    def __init__(self, env, servers, worker, mail_dir, logs, database, media, setup):
        self.env = env
        self.a, self.b = servers
        self.worker = worker
        self.mail_dir = mail_dir
        self.logs = logs
        self.database = database
        self.media = media
        self.setup = setup

    def shell(self, code, env=None):
        """Run Python in ``manage.py shell`` against the deployment; its last line as JSON."""
        output = manage(env or self.env, "shell", "-c", code)
        return json.loads(output.strip().splitlines()[-1])


SETUP = """
import io
import json
import PIL.Image
from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from django.urls import reverse
from django.utils import translation
from gezondin.models import Thema
from kennisbank.models import KennisbankPage, PraktijkvoorbeeldPage
from leerkringen import tokens
from leerkringen.models import Aanmelding, AgendaPage
from tests.leerkringen.factories import make_activity

nl = {"locale__language_code": "nl"}
original = PraktijkvoorbeeldPage.objects.live().filter(**nl).order_by("pk").first()
draft = original.copy(
    update_attrs={"title": "Proefpraktijk productie", "slug": "proefpraktijk-productie"},
    keep_live=False, copy_revisions=False, log_action=False,
)
agenda = AgendaPage.objects.live().filter(**nl).first()
signup = make_activity(agenda, title="Leerkring productieproef", slug="leerkring-productieproef",
                       capacity=20)
storm = make_activity(agenda, title="Leerkring stormloop", slug="leerkring-stormloop",
                      capacity=CAPACITY)
people = [
    Aanmelding.objects.create(activity_id=storm.pk, name=f"Deelnemer {n}",
                              email=f"storm{n}@deelnemers.example")
    for n in range(PEOPLE)
]
with translation.override("nl"):
    confirm_paths = [reverse("leerkringen:confirm", kwargs={"token": tokens.make_token(person)})
                     for person in people]
# An upload in the media folder, which a backup must carry along with the database.
picture = io.BytesIO()
PIL.Image.new("RGB", (60, 40), (20, 110, 120)).save(picture, "PNG")
get_image_model().objects.create(title="Proefbeeld", file=ImageFile(picture, name="proef.png"))
thema = Thema.objects.filter(**nl).order_by("sort_order", "name").first()
kennisbank = KennisbankPage.objects.live().filter(**nl).first()
print(json.dumps({
    "draft": {"id": draft.pk, "title": draft.title},
    "original": {"id": original.pk, "title": original.title, "url": original.url},
    "signup": {"id": signup.pk, "url": signup.url},
    "storm": {"id": storm.pk, "capacity": CAPACITY, "confirm_paths": confirm_paths,
              "emails": [person.email for person in people]},
    "thema": {"id": thema.pk, "name": thema.name, "slug": thema.slug,
              "description": thema.description, "sort_order": thema.sort_order},
    "kennisbank": kennisbank.url,
}))
"""
STORM_PEOPLE = 24
STORM_CAPACITY = 7


@pytest.fixture(scope="module")
def deployment():
    """Two gunicorn servers, a task worker, PostgreSQL and Redis, with the demo (module-wide:
    the tests of tests/production run in order on one worker)."""
    missing = _missing_service()
    if missing:
        skip_or_fail(missing)
    work = Path(tempfile.mkdtemp(prefix="gezondin-production-"))
    mail_dir, logs, media = work / "mail", work / "logs", work / "media"
    mail_dir.mkdir()
    logs.mkdir()
    port_a = free_port()
    base = {
        "DJANGO_SETTINGS_MODULE": "settings.production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "127.0.0.1",
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{port_a}",
        "LOG_LEVEL": "INFO",
    }
    template, template_media = kept_demo_site(server_url=POSTGRES_URL)
    database = Database(server_url=POSTGRES_URL, name=f"gezondin_prod_test_{os.getpid()}")
    database.create(copy_from=template)
    shutil.copytree(template_media, media)
    env = site_env(database, media, SERVE_MEDIA="0", **base)
    env.pop("DEBUG", None)
    env.update(
        {
            "CACHE_URL": REDIS_URL,
            # Two runs at once (copies of one template: the same primary keys) keep apart.
            "CACHE_KEY_PREFIX": f"gezondin-prod-{os.getpid()}",
            "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": str(mail_dir),
        }
    )
    env["STATIC_ROOT"] = str(static_root(env))
    _redis_command("FLUSHDB")
    processes = []
    try:
        # The servers and the worker start while the test data is made (the worker takes the
        # tasks it queues as they come).
        servers = [Gunicorn("server-a", env, logs, port=port_a), Gunicorn("server-b", env, logs)]
        processes += servers
        worker = Process(
            "worker",
            [
                sys.executable,
                "manage.py",
                "db_worker",
                f"--worker-id={WORKER_ID}",
                "--interval=0.2",
                "--no-startup-delay",
            ],
            env,
            logs,
        )
        processes.append(worker)
        script = SETUP.replace("CAPACITY", str(STORM_CAPACITY)).replace("PEOPLE", str(STORM_PEOPLE))
        setup = json.loads(manage(env, "shell", "-c", script).strip().splitlines()[-1])
        for server in servers:
            server.wait_until_healthy()
        yield Deployment(env, servers, worker, mail_dir, logs, database, media, setup)
    finally:
        for process in processes:
            process.signal_stop()
        for process in processes:
            process.stop()
        database.drop()
        shutil.rmtree(work, ignore_errors=True)
