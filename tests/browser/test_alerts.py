"""A visitor follows a filtered kennisbank selection by e-mail in Chromium: the link on the
kennisbank's results, the form, the confirmation link in the mail; an editor publishes a matching
practice; ``manage.py send_alerts --now`` mails it; the mail's unsubscribe link works with one
POST (what a mail program sends for ``List-Unsubscribe-Post``, RFC 8058). axe-core checks every
page at 375 and 1280 pixels wide."""

import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser.conftest import axe_violations, describe_violations, mails_to, save_screenshot
from tests.servers import manage

pytestmark = pytest.mark.browser

ADDRESS = "attendering.test@example.nl"
TITLE = "Schuldenwinkel op het plein"

PUBLISH = """
import json, os
from gezondin.models import Thema
from kennisbank.models import KennisbankPage, PraktijkvoorbeeldPage
kennisbank = KennisbankPage.objects.filter(locale__language_code="nl").first()
thema = Thema.objects.get(slug=os.environ["ALERT_THEMA"], locale=kennisbank.locale)
page = PraktijkvoorbeeldPage(
    title=os.environ["ALERT_TITLE"],
    slug="schuldenwinkel-op-het-plein",
    intro="<p>Een winkel waar inwoners zonder afspraak binnenlopen met geldzorgen.</p>",
)
kennisbank.add_child(instance=page)
page.themas.set([thema])
page.save_revision().publish()
print(json.dumps({"url": page.url}))
"""

COUNT = """
from gezondin.models import Attendering
print(Attendering.objects.filter(email="attendering.test@example.nl").count())
"""


def checked(page, step):
    """axe at 375 and at 1280 pixels wide, and a screenshot of each."""
    for width in (375, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        violations = axe_violations(page)
        assert not violations, f"{step} at {width}px:\n{describe_violations(violations)}"
        save_screenshot(page, f"alerts-{step}-{width}")
    page.set_viewport_size({"width": 1280, "height": 900})


def test_the_agenda_offers_new_activities_by_e_mail(demo_site, page):
    base = demo_site["base_url"]
    page.goto(base + "/nl/agenda/?type=webinar")
    link = page.get_by_role("link", name="Ontvang nieuwe activiteiten per e-mail")
    assert link.get_attribute("href") == "/nl/attenderingen/nieuw/activiteiten/?type=webinar"
    checked(page, "agenda")
    link.click()
    page.wait_for_url(re.compile("/nl/attenderingen/nieuw/activiteiten/"))
    assert "Webinar" in page.locator(".alert-selection").inner_text()
    checked(page, "subscribe-activities")
    page.goto(base + "/en/alerts/new/activiteiten/?type=webinar")
    assert "Receive new activities by email" in page.locator("h1").inner_text()
    checked(page, "subscribe-activities-en")


def links_in(message):
    parts = [part for part in message.walk() if part.get_content_maintype() == "text"]
    return [
        url for part in parts for url in re.findall(r"https?://[^\s\"'<>]+", part.get_content())
    ]


def link_ending(message, word):
    found = {url for url in links_in(message) if urlsplit(url).path.rstrip("/").endswith(word)}
    assert len(found) == 1, (word, found)
    return found.pop()


def test_subscribe_to_a_selection_confirm_get_the_digest_and_unsubscribe(demo_site, page):
    base, mail_dir, env = demo_site["base_url"], demo_site["mail_dir"], demo_site["env"]

    # A selection of the kennisbank: its first theme.
    page.goto(base + "/nl/kennisbank/")
    thema = page.locator("input[name=thema]").first.get_attribute("value")
    page.goto(f"{base}/nl/kennisbank/?thema={thema}")
    checked(page, "kennisbank")
    link = page.get_by_role(
        "link", name=re.compile("Ontvang nieuwe praktijkvoorbeelden per e-mail")
    )
    href = link.get_attribute("href")
    assert parse_qs(urlsplit(href).query) == {"thema": [thema]}
    link.click()
    page.wait_for_url(re.compile("/nl/attenderingen/nieuw/praktijken/"))
    checked(page, "subscribe")

    # A mistake keeps what was typed.
    page.fill("input[name=email]", "attendering.test@")
    page.get_by_role("button", name="Attendering aanvragen").click()
    assert page.locator(".alert-error-summary").is_visible()
    checked(page, "subscribe-error")
    page.fill("input[name=email]", ADDRESS)
    page.get_by_label("Dagelijks").check()
    page.get_by_role("button", name="Attendering aanvragen").click()
    page.wait_for_url(re.compile("/verstuurd/"))
    assert ADDRESS not in page.url
    checked(page, "sent")

    # The confirmation mail, then its link.
    (confirm_mail,) = mails_to(mail_dir, ADDRESS)
    assert str(confirm_mail["Subject"]).startswith("Bevestig uw attendering")
    page.goto(link_ending(confirm_mail, "bevestigen"))
    assert "Dank u wel" in page.locator("main").inner_text()
    checked(page, "confirmed")

    # A matching practice is published; send_alerts --now mails it.
    published = json.loads(
        manage({**env, "ALERT_THEMA": thema, "ALERT_TITLE": TITLE}, "shell", "-c", PUBLISH)
        .strip()
        .splitlines()[-1]
    )
    output = manage(env, "send_alerts", "--now")
    assert "1 alert digest(s) queued" in output
    digest = mails_to(mail_dir, ADDRESS)[-1]
    assert str(digest["Subject"]).startswith("Nieuwe praktijkvoorbeelden:")
    assert TITLE in digest.get_body(("plain",)).get_content()
    assert any(url.endswith(published["url"]) for url in links_in(digest)), published
    unsubscribe = link_ending(digest, "afmelden")
    assert str(digest["List-Unsubscribe"]).strip() == f"<{unsubscribe}>"
    assert str(digest["List-Unsubscribe-Post"]).strip() == "List-Unsubscribe=One-Click"

    # The link to manage all alerts.
    manage_url = next(
        url for url in links_in(digest) if re.search(r"/nl/attenderingen/[^/]+/$", url)
    )
    page.goto(manage_url)
    assert page.get_by_role("heading", name="Uw attenderingen").is_visible()
    checked(page, "manage")

    # The unsubscribe link: a GET only asks ...
    page.goto(unsubscribe)
    checked(page, "unsubscribe")
    assert manage(env, "shell", "-c", COUNT).strip().splitlines()[-1] == "1"
    # ... one POST, as a mail program sends it (no cookie, no CSRF token), unsubscribes.
    response = page.context.request.post(
        unsubscribe, form={"List-Unsubscribe": "One-Click"}, max_redirects=0
    )
    assert response.status == 302
    assert manage(env, "shell", "-c", COUNT).strip().splitlines()[-1] == "0"
    page.goto(unsubscribe)
    assert "U bent afgemeld voor de attendering" in page.locator("h1").inner_text()
    checked(page, "gone")
