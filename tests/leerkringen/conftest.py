"""Fixtures and helpers shared by the leerkringen tests.

home ─ Agenda (``agenda``) ─ activity pages (made per test, or ``activities``)
"""

import datetime
import re
from urllib.parse import urlparse

from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import Locale

from gezondin.models import Gemeente, Thema
from leerkringen import services
from leerkringen.models import StudiedagPage, WebinarPage
from tests.leerkringen.factories import make_activity, make_agenda
from tests.shared import shared_fixture

LINK = re.compile(r"https?://[^\s\"'<>]+")


# Fixtures ----------------------------------------------------------------------------------------


@shared_fixture
def agenda(home_page):
    return make_agenda(home_page)


@shared_fixture
def activities(agenda):
    """A circle hosted in Utrecht (in 30 days), a webinar (in 40 days), a hybrid study day
    (in 70 days) and a past circle with a summary."""
    now = timezone.now()
    thema = Thema.objects.create(
        name="Armoede en schulden", slug="armoede-en-schulden", locale=Locale.get_default()
    )
    circle = make_activity(agenda, title="Leerkring Utrecht", start=now + datetime.timedelta(30))
    circle.bijeenkomsten.update(host_gemeente=Gemeente.objects.get(cbs_code="GM0344"))
    circle.themas.set([thema])
    circle.save_revision().publish()
    webinar = make_activity(
        agenda, WebinarPage, title="Webinar Geldzorgen", start=now + datetime.timedelta(40)
    )
    studiedag = make_activity(
        agenda,
        StudiedagPage,
        title="Studiedag Kansrijke start",
        mode="hybride",
        start=now + datetime.timedelta(70),
    )
    past = make_activity(
        agenda,
        title="Leerkring Voorbij",
        start=now - datetime.timedelta(100),
        summary="<p>Wat we leerden.</p>",
    )
    return {
        "circle": circle,
        "webinar": webinar,
        "studiedag": studiedag,
        "past": past,
        "thema": thema,
    }


# Helpers -----------------------------------------------------------------------------------------


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def text_of(response):
    return " ".join(soup(response).get_text(" ").split())


def form_data(**overrides):
    data = {
        "name": "Sanne de Vries",
        "email": "Sanne.de.Vries@Gemeente.example",
        "organisation": "Gemeente Utrecht",
        "gemeente": "GM0344",
        "role": "Beleidsmedewerker gezondheid",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def signup_url(page):
    """Where the page's form posts to (``aanmelden/``; ``sign-up/`` on an English page)."""
    return page.url + page.route_path("signup")


def sent_url(page, waitlist=None):
    """Where a sign-up lands: the "check your e-mail" page (``aanmelden/verstuurd/``;
    ``sign-up/sent/`` on an English page), with why a new sign-up waits (``waitlist``)."""
    query = f"?wachtlijst={waitlist}" if waitlist else ""
    return page.url + page.route_path("signup_sent") + query + "#main"


def links_in(message):
    """Every link in a message (text body and HTML), as paths."""
    bodies = [message.body] + [content for content, _type in message.alternatives]
    return [urlparse(url).path for body in bodies for url in LINK.findall(body)]


# The words of the sign-up links (leerkringen.urls): Dutch, and English under /en/.
LINK_WORDS = {
    "nl": (
        "aanmelding",
        {"bevestigen": "bevestigen", "afmelden": "afmelden", "plek-aannemen": "plek-aannemen"},
    ),
    "en": (
        "registration",
        {"bevestigen": "confirm", "afmelden": "cancel", "plek-aannemen": "accept-seat"},
    ),
}


def link_path(language, token, action=""):
    """The path of a sign-up link in ``language``; ``action`` as in ``link_to``."""
    base, actions = LINK_WORDS[language]
    return f"/{language}/{base}/{token}/" + (f"{actions[action]}/" if action else "")


def link_to(message, action):
    """The path of the sign-up link of an action ("bevestigen", "afmelden", "plek-aannemen" or
    "" for the manage page) in a message, with the words of the link's language."""
    for path in links_in(message):
        language, _sep, rest = path.strip("/").partition("/")
        if language not in LINK_WORDS:
            continue
        token = rest.split("/")[1] if rest.count("/") else ""
        if token and path == link_path(language, token, action):
            return path
    raise AssertionError(f"no {action or 'manage'} link in {message.subject!r}")


def person(n, **extra):
    """What sign-up number ``n`` fills in on the form."""
    return {
        "name": f"Deelnemer {n}",
        "email": f"deelnemer{n}@gemeente.example",
        "organisation": "Gemeente Utrecht",
        "gemeente": Gemeente.objects.get(cbs_code="GM0344"),
        "role": "Beleidsmedewerker",
        **extra,
    }


def signed_up(activity, n, *, confirm=True, now=None):
    """Sign-up number ``n`` through the services; confirmed unless ``confirm`` is false."""
    aanmelding, _outcome = services.request_signup(activity, person(n), "nl", now=now)
    if confirm:
        aanmelding = services.confirm(aanmelding, now=now)
    return aanmelding


def sign_up(client, page, **overrides):
    """Post the form; returns the response (a redirect when it worked)."""
    return client.post(signup_url(page), form_data(**overrides))


def titles(response):
    assert response.status_code == 200
    html = BeautifulSoup(response.content.decode(), "html.parser")
    return [a.get_text(strip=True) for a in html.select(".lk-agenda-list .card__link")]
