"""`make loadtest`'s visitors (Locust), run by tests/bench/loadtest.py against gunicorn with
`settings.production` on the bench database of 10,000 generated practices.

Each simulated visitor picks, between pauses, one of: the kennisbank unfiltered; with one to
three facet values drawn from those its page offers; a page 2..n of the results; a search with
a Dutch word of the generated practices' vocabulary; a practice (URLs gathered from the listing);
the agenda; an activity; the home page; or signing up for an open activity (the form read with
GET, posted with its CSRF token, the privacy consent, an empty honeypot and a new e-mail address;
the answer must be the "check your e-mail" page). Each kind is its own named request, so Locust's
statistics give throughput, median and p95 per kind and for the home page under the same load.

What the pages offer (facet values, the number of result pages, practice and activity URLs) is
read from the site itself when the test starts. The visitors stand behind one reverse proxy:
each sends its own address in ``X-Forwarded-For`` and the bench server trusts one proxy
(``GEZONDIN_TRUSTED_PROXY_COUNT=1``), as a deployment behind a proxy does; so the sign-up limit
per client address (``LEERKRINGEN_SIGNUPS_PER_CLIENT``, 60 an hour) counts each visitor, not all
of them as one. Environment: ``LOADTEST_SIGNUP_PATH`` (the open activity's path, required),
``LOADTEST_WAIT`` (seconds between a visitor's requests, "min,max", default "0.5,2").
"""

import html
import itertools
import os
import random
import re
import urllib.request
import uuid
from urllib.parse import urlsplit

from locust import HttpUser, between, events, task

from tests.bench.http import KENNISBANK, WORDS

HOME = "/nl/"
AGENDA = "/nl/agenda/"
FACETS = ("thema", "doelgroep", "domein", "provincie", "kennistype", "erkenning")
SENT = "Kijk in uw e-mail"
SITE = {}
_addresses = itertools.count(1)


def _read(url):
    with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 (loopback)
        return response.read().decode()


def _links(page, prefix):
    """The distinct local links in `page` that start with `prefix` (without query or fragment)."""
    found = re.findall(r'href="(' + re.escape(prefix) + r'[^"?#]+/)"', page)
    return sorted({html.unescape(link) for link in found})


@events.test_start.add_listener
def gather(environment, **_kwargs):
    """What the visitors choose from, read from the site's own pages."""
    host = environment.host.rstrip("/")
    listing = _read(host + KENNISBANK)
    facets = {}
    for name, value in re.findall(r'name="(\w+)"[^>]*?value="([^"]+)"', listing):
        if name in FACETS:
            facets.setdefault(name, set()).add(html.unescape(value))
    pages = [int(n) for n in re.findall(r"[?&;]page=(\d+)", listing)]
    practices = set()
    for number in (1, 2, 3, 5, 8):
        page = listing if number == 1 else _read(f"{host}{KENNISBANK}?page={number}")
        # The result cards' titles: practices under the kennisbank and municipalities' sections.
        practices.update(
            html.unescape(link)
            for link in re.findall(r'<h[23][^>]*>\s*<a[^>]*href="(/nl/[^"?#]+)"', page)
        )
    agenda = _read(host + AGENDA)
    activities = [
        link
        for link in _links(agenda, AGENDA)
        if link.count("/") == 4 and not link.startswith(AGENDA + "feed/")
    ]
    signup = os.environ["LOADTEST_SIGNUP_PATH"]
    missing = [
        what
        for what, found in [
            ("facet values", facets),
            ("result pages", pages),
            ("practices", practices),
            ("activities", activities),
        ]
        if not found
    ]
    if missing:
        raise RuntimeError(f"the site's pages offered no {', '.join(missing)}")
    SITE.update(
        facets={name: sorted(values) for name, values in facets.items()},
        last_page=max(pages),
        practices=sorted(practices),
        activities=activities,
        signup=signup,
    )


def _wait():
    low, high = (float(part) for part in os.environ.get("LOADTEST_WAIT", "0.5,2").split(","))
    return between(low, high)


class Visitor(HttpUser):
    wait_time = _wait()

    def on_start(self):
        number = next(_addresses)
        # A private address of its own (10/8): what the proxy puts in front of its requests.
        address = f"10.{number // 65536 % 256}.{number // 256 % 256}.{number % 256}"
        self.client.headers["X-Forwarded-For"] = address
        # The proxy ends TLS: the site sees HTTPS requests (`SECURE_PROXY_SSL_HEADER`), as in
        # production, and checks the Referer of a form against its https:// origin.
        self.client.headers["X-Forwarded-Proto"] = "https"
        self.rng = random.Random(number)  # noqa: S311 (a choice of pages, not security)

    @task(3)
    def home(self):
        self.client.get(HOME, name="home")

    @task(3)
    def kennisbank(self):
        self.client.get(KENNISBANK, name="kennisbank, unfiltered")

    @task(4)
    def kennisbank_facets(self):
        names = self.rng.sample(sorted(SITE["facets"]), k=min(3, len(SITE["facets"])))
        chosen = names[: self.rng.randint(1, len(names))]
        query = "&".join(f"{name}={self.rng.choice(SITE['facets'][name])}" for name in chosen)
        self.client.get(f"{KENNISBANK}?{query}", name="kennisbank, facets")

    @task(2)
    def kennisbank_page(self):
        page = self.rng.randint(2, SITE["last_page"])
        self.client.get(f"{KENNISBANK}?page={page}", name="kennisbank, page 2..n")

    @task(3)
    def search(self):
        word = self.rng.choice(WORDS)
        self.client.get(f"{KENNISBANK}?q={word}", name="kennisbank, search")

    @task(4)
    def practice(self):
        self.client.get(self.rng.choice(SITE["practices"]), name="practice")

    @task(2)
    def agenda(self):
        self.client.get(AGENDA, name="agenda")

    @task(2)
    def activity(self):
        self.client.get(self.rng.choice(SITE["activities"]), name="activity")

    @task(1)
    def sign_up(self):
        form = self.client.get(SITE["signup"], name="sign-up: form")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text)
        action = re.search(r'<form class="lk-form" method="post" action="([^"#]+)', form.text)
        cookie = form.cookies.get("csrftoken") or self.client.cookies.get("csrftoken")
        if token is None or action is None or cookie is None:
            form.failure("no sign-up form with a CSRF token and cookie on the activity page")
            return
        data = {
            "csrfmiddlewaretoken": token.group(1),
            "name": "Belasting Test",
            "email": f"loadtest-{uuid.uuid4().hex}@example.org",
            "organisation": "GGD Belastingtest",
            "gemeente": "",
            "role": "",
            "consent": "on",
            "website": "",  # the honeypot, left empty as a person does
        }
        with self.client.post(
            html.unescape(action.group(1)),
            data=data,
            # The cookie is `Secure` (settings.production): the client, speaking plain HTTP to
            # the server behind the proxy, would not send it back by itself.
            headers={
                "Referer": "https://" + urlsplit(self.client.base_url).netloc + SITE["signup"],
                "Cookie": f"csrftoken={cookie}",
            },
            name="sign-up: post",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                response.failure(f"sign-up answered {response.status_code}, not a redirect")
                return
            location = urlsplit(response.headers["Location"])
            sent = location.path + (f"?{location.query}" if location.query else "")
        with self.client.get(sent, name="sign-up: check your e-mail", catch_response=True) as page:
            if SENT not in page.text:
                page.failure("the sign-up did not end on the 'check your e-mail' page")
