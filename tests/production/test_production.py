"""The site deployed as production runs it (tests/production/conftest.py): two gunicorn servers
behind a (simulated) TLS proxy, one Redis cache, one task worker, PostgreSQL.

The tests run in order on one worker and build on each other's data where they say so."""

import email
import email.policy
import re
import shutil
import subprocess
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests
from bs4 import BeautifulSoup

from tests.production.conftest import WORKER_ID, Gunicorn, Visitor, wait_for
from tests.servers import Database

ADMIN = {"username": "admin", "password": "gezondin-demo"}
# Between two messages in a file of Django's file-based e-mail backend.
SEPARATOR = b"\n" + b"-" * 79 + b"\n"
HASHED = re.compile(r"\.[0-9a-f]{12}\.\w+$")
VISITOR_EMAIL = "productie.proef@deelnemers.example"


def form_of(html, selector="form"):
    """The action and the hidden fields of a form in ``html``."""
    form = BeautifulSoup(html, "html.parser").select_one(selector)
    hidden = {
        field["name"]: field.get("value", "") for field in form.select("input[type=hidden][name]")
    }
    return form.get("action"), hidden, form


def logged_in(server):
    admin = Visitor()
    login = server.base_url + "/admin/login/"
    _action, fields, _form = form_of(admin.get(login).text)
    response = admin.post(login, {**fields, **ADMIN})
    assert response.status_code == 302, response.text[:500]
    assert "sessionid" in admin.cookies
    return admin


def admin_post(admin, url):
    """POST a confirmation form of the admin (publish, unpublish) with its CSRF token."""
    page = admin.get(url)
    assert page.status_code == 200, page.status_code
    _action, fields, _form = form_of(page.text, "form[method=post], form[method=POST]")
    return admin.post(url, fields)


def messages(mail_dir):
    found = []
    for path in sorted(Path(mail_dir).glob("*.log")):
        for raw in path.read_bytes().split(SEPARATOR):
            if raw.strip():
                found.append(email.message_from_bytes(raw.strip(), policy=email.policy.default))
    return found


def text_of(message):
    return message.get_body(preferencelist=("plain",)).get_content()


def listing(deployment, server, query=""):
    response = Visitor().get(server.base_url + deployment.setup["kennisbank"] + query)
    assert response.status_code == 200
    return response.text


# The health check and the static files -----------------------------------------------------------


def test_both_servers_answer_the_proxys_health_check_over_plain_http(deployment):
    for server in (deployment.a, deployment.b):
        response = requests.get(server.base_url + "/healthz", timeout=10)
        assert response.status_code == 200
        assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
        assert "Set-Cookie" not in response.headers
        assert "no-store" in response.headers["Cache-Control"]
        # Pages over plain HTTP still go to HTTPS: only the health check is exempt.
        page = requests.get(server.base_url + "/nl/", timeout=10, allow_redirects=False)
        assert page.status_code == 301
        assert page.headers["Location"].startswith("https://")


def test_static_files_have_hashed_names_and_are_cached_for_a_year(deployment):
    html = Visitor().get(deployment.a.base_url + "/nl/").text
    soup = BeautifulSoup(html, "html.parser")
    static = [
        tag.get("href") or tag.get("src")
        for tag in soup.select("link[href^='/static/'], script[src^='/static/']")
    ]
    assert any(url.endswith(".css") for url in static) and any(u.endswith(".js") for u in static)
    unhashed = [url for url in static if not HASHED.search(url)]
    assert not unhashed, f"static files without a content hash in the HTML: {unhashed}"
    for url in static:
        response = Visitor().get(deployment.b.base_url + url)
        assert response.status_code == 200, url
        cache_control = response.headers["Cache-Control"]
        max_age = int(re.search(r"max-age=(\d+)", cache_control).group(1))
        assert max_age >= 365 * 24 * 3600 and "immutable" in cache_control, (url, cache_control)
        if url.endswith((".css", ".js", ".svg")):  # compressed copies made by collectstatic
            assert response.headers.get("Content-Encoding") in ("gzip", "br"), url


# Publishing through one server, seen through the other at once -----------------------------------


def test_a_publication_through_one_server_is_listed_by_the_other_at_once(deployment):
    draft = deployment.setup["draft"]
    assert draft["title"] not in listing(deployment, deployment.b)  # and cached there now
    admin = logged_in(deployment.a)
    response = admin_post(
        admin, f"{deployment.a.base_url}/admin/bulk/wagtailcore/page/publish/?id={draft['id']}"
    )
    assert response.status_code == 302, response.text[:500]
    # The kennisbank lists newest first: the new practice is on the first page of B at once.
    assert draft["title"] in listing(deployment, deployment.b)
    # Search finds it once the worker has indexed it with its links (kennisbank.signals).
    wait_for(
        lambda: draft["title"] in listing(deployment, deployment.b, "?q=Proefpraktijk"),
        message="the published practice in B's search results",
    )


def test_an_unpublication_through_one_server_is_gone_from_the_other_at_once(deployment):
    draft = deployment.setup["draft"]
    search = "?q=Proefpraktijk"
    assert draft["title"] in listing(deployment, deployment.b, search)
    admin = logged_in(deployment.a)
    response = admin_post(admin, f"{deployment.a.base_url}/admin/pages/{draft['id']}/unpublish/")
    assert response.status_code == 302, response.text[:500]
    assert draft["title"] not in listing(deployment, deployment.b)
    assert draft["title"] not in listing(deployment, deployment.b, search)


def test_a_renamed_term_shows_renamed_on_the_other_server_at_once(deployment):
    thema = deployment.setup["thema"]
    renamed = f"{thema['name']} hernoemd"
    before = listing(deployment, deployment.b)
    assert thema["name"] in before and renamed not in before
    admin = logged_in(deployment.a)
    edit = f"{deployment.a.base_url}/admin/snippets/gezondin/thema/edit/{thema['id']}/"
    _action, fields, _form = form_of(admin.get(edit).text, "form:has(input[name=slug])")
    fields.update(
        name=renamed,
        slug=thema["slug"],
        description=thema["description"],
        sort_order=str(thema["sort_order"]),
    )
    response = admin.post(edit, fields)
    assert response.status_code == 302, response.text[:1000]
    assert renamed in listing(deployment, deployment.b)


# Sign-ups: the worker sends the e-mails ---------------------------------------------------------


def test_a_sign_up_on_one_server_is_mailed_by_the_worker_and_confirmed_on_the_other(deployment):
    visitor = Visitor()
    page = visitor.get(deployment.a.base_url + deployment.setup["signup"]["url"])
    assert page.status_code == 200
    action, fields, form = form_of(page.text, "form:has(input[name=email])")
    gemeente = next(
        option["value"]
        for option in form.select("select[name=gemeente] option")
        if option.get("value")
    )
    fields.update(
        name="Productie Proef",
        email=VISITOR_EMAIL,
        organisation="GGD Proef",
        gemeente=gemeente,
        consent="on",
    )
    response = visitor.post(deployment.a.base_url + action.split("#")[0], fields)
    assert response.status_code == 302, response.text[:1000]

    # The request queued the confirmation mail; the worker sent it (never the web server).
    def sent():
        return [m for m in messages(deployment.mail_dir) if m["To"] == VISITOR_EMAIL]

    mails = wait_for(sent, message="the confirmation e-mail")
    assert len(mails) == 1
    task = deployment.shell(
        "import json\n"
        "from django_tasks_db.models import DBTaskResult\n"
        "from leerkringen.models import Aanmelding\n"
        f"a = Aanmelding.objects.get(email='{VISITOR_EMAIL}')\n"
        "rows = [r for r in DBTaskResult.objects.filter("
        "task_path='leerkringen.tasks.send_aanmelding_mail')"
        " if r.args_kwargs['args'][0] == a.pk]\n"
        "print(json.dumps([[r.status, r.worker_ids] for r in rows]))"
    )
    assert task == [["SUCCESSFUL", [WORKER_ID]]]

    link = re.search(r"https?://\S+/aanmelding/\S+/bevestigen/", text_of(mails[0])).group(0)
    path = "/" + link.split("/", 3)[3]
    confirmed = Visitor().get(deployment.b.base_url + path)
    assert confirmed.status_code == 200
    status = deployment.shell(
        "import json\nfrom leerkringen.models import Aanmelding\n"
        f"print(json.dumps(Aanmelding.objects.get(email='{VISITOR_EMAIL}').status))"
    )
    assert status == "confirmed"


def test_a_confirm_storm_split_over_both_servers_seats_exactly_the_capacity(deployment):
    storm = deployment.setup["storm"]
    paths = storm["confirm_paths"]
    barrier = threading.Barrier(len(paths))
    statuses = [None] * len(paths)

    def confirm(index):
        server = (deployment.a, deployment.b)[index % 2]
        barrier.wait(timeout=60)
        try:
            statuses[index] = Visitor().get(server.base_url + paths[index]).status_code
        except requests.RequestException as error:
            statuses[index] = repr(error)

    threads = [threading.Thread(target=confirm, args=(i,)) for i in range(len(paths))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert statuses == [200] * len(paths)
    counts = deployment.shell(
        "import json\nfrom django.db.models import Count\n"
        "from leerkringen.models import Aanmelding\n"
        f"rows = Aanmelding.objects.filter(activity_id={storm['id']})"
        ".values_list('status').annotate(n=Count('pk')).order_by()\n"
        "print(json.dumps(dict(rows)))"
    )
    assert counts == {
        "confirmed": storm["capacity"],
        "waitlisted": len(paths) - storm["capacity"],
    }


# Operations: logs, backup and restore -----------------------------------------------------------


def test_the_logs_hold_no_address_or_token_of_the_participants(deployment):
    """After the sign-ups and confirmations above: the servers' (gunicorn's access and error
    logs, the site's own) and the worker's output name no participant."""
    storm = deployment.setup["storm"]
    secrets_ = [VISITOR_EMAIL, *storm["emails"]]
    secrets_ += [path.split("/")[3] for path in storm["confirm_paths"]]
    logs = {path.name: path.read_text(errors="replace") for path in deployment.logs.glob("*.log")}
    assert set(logs) >= {"server-a.log", "server-b.log", "worker.log"}
    for name, text in logs.items():
        leaked = [secret for secret in secrets_ if secret in text]
        assert not leaked, f"{name} holds {leaked[:3]}"
    # The access log does log those requests, with the token taken out.
    access = logs["server-a.log"] + logs["server-b.log"]
    assert '"GET /nl/aanmelding/[token]/bevestigen/ HTTP/1.1" 200' in access


COUNTS = (
    "import json\n"
    "from wagtail.images import get_image_model\n"
    "from django.core.files.storage import default_storage\n"
    "from kennisbank.models import PraktijkvoorbeeldPage\n"
    "from leerkringen.models import Aanmelding\n"
    "images = get_image_model().objects.all()\n"
    "print(json.dumps({\n"
    "  'practices': sorted(PraktijkvoorbeeldPage.objects.live().values_list('title', flat=True)),\n"
    "  'signups': sorted(Aanmelding.objects.values_list('activity_id', 'status')),\n"
    "  'images': images.count(),\n"
    "  'image_files': sum(default_storage.exists(i.file.name) for i in images),\n"
    "}))"
)


def test_a_backup_restored_into_a_new_database_holds_the_same_site(deployment, tmp_path):
    dump = tmp_path / "gezondin.dump"
    subprocess.run(
        ["pg_dump", "--format=custom", f"--file={dump}", f"--dbname={deployment.database.url}"],
        check=True,
        timeout=120,
    )
    media_copy = tmp_path / "media"
    shutil.copytree(deployment.media, media_copy)

    restored = Database(
        server_url=deployment.database.admin_url, name=f"{deployment.database.name}_restored"
    )
    restored.create()
    try:
        subprocess.run(
            ["pg_restore", "--no-owner", f"--dbname={restored.url}", str(dump)],
            check=True,
            timeout=120,
        )
        # The copy has a cache of its own (files), not the servers' Redis.
        env = {
            **deployment.env,
            "DATABASE_URL": restored.url,
            "MEDIA_ROOT": str(media_copy),
            "CACHE_DIR": str(tmp_path / "cache"),
        }
        env.pop("CACHE_URL")
        # A third, short-lived server on the copy starts while both are counted.
        server = Gunicorn("server-restored", env, deployment.logs, workers=1)
        try:
            with ThreadPoolExecutor(2) as pool:
                original, copy = pool.map(
                    lambda environment: deployment.shell(COUNTS, env=environment),
                    [deployment.env, env],
                )
            assert copy == original
            assert len(original["signups"]) > len(deployment.setup["storm"]["emails"])
            assert deployment.setup["original"]["title"] in original["practices"]
            assert original["image_files"] == original["images"] > 0
            assert "Proefpraktijk productie" not in original["practices"]  # unpublished above
            server.wait_until_healthy()
            practice = deployment.setup["original"]
            page = Visitor().get(server.base_url + practice["url"])
            assert page.status_code == 200 and practice["title"] in page.text
        finally:
            server.stop()
    finally:
        restored.drop()
