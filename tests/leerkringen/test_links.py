"""Links in e-mails point at the address that serves the site: the public base URL
(WAGTAILADMIN_BASE_URL), else the Wagtail site's root; `check --deploy` warns while either is
still a local address; load_demo points the demo's site at the address `make run` serves."""

import re

import icalendar
import pytest
from django.core import mail
from django.core.checks import run_checks
from wagtail.models import Site

from tests.conftest import run_load_demo
from tests.leerkringen.conftest import sign_up
from tests.leerkringen.factories import make_activity

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://[^\s\"'<>]+")


def links(message):
    bodies = [message.body] + [content for content, _type in message.alternatives]
    return {url for body in bodies for url in LINK.findall(body)}


def calendar_urls(message):
    urls = set()
    for _name, content, mimetype in message.attachments:
        if mimetype.startswith("text/calendar"):
            for event in icalendar.Calendar.from_ical(content).walk("VEVENT"):
                urls.add(str(event["URL"]))
                urls |= set(LINK.findall(str(event.get("DESCRIPTION", ""))))
    return urls


def test_every_link_in_the_mails_uses_the_public_base_url(client, agenda, settings):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8123"
    page = make_activity(agenda, capacity=5)

    sign_up(client, page)
    [confirm_mail] = mail.outbox
    sent = links(confirm_mail)
    confirm = next(url for url in sent if url.endswith("/bevestigen/"))
    assert client.get(confirm.removeprefix("http://127.0.0.1:8123")).status_code == 200
    seated = mail.outbox[-1]

    every = sent | links(seated) | calendar_urls(seated)
    assert calendar_urls(seated) == {"http://127.0.0.1:8123" + page.url}
    assert {
        url.split("/aanmelding/")[-1].split("/", 1)[-1] for url in every if "/aanmelding/" in url
    } >= {
        "",
        "bevestigen/",
        "afmelden/",
    }
    assert "http://127.0.0.1:8123" + page.url in links(seated)  # the activity page
    for url in every:
        assert url.startswith("http://127.0.0.1:8123/"), url


def test_without_a_base_url_the_links_use_the_sites_address(client, agenda, settings):
    settings.WAGTAILADMIN_BASE_URL = ""
    Site.objects.filter(is_default_site=True).update(hostname="gezondin.example.nl", port=443)
    page = make_activity(agenda, capacity=5)

    sign_up(client, page, HTTP_HOST="gezondin.example.nl")

    assert links(mail.outbox[0])
    for url in links(mail.outbox[0]):
        assert url.startswith("https://gezondin.example.nl/"), url


def warnings_about_the_address():
    return {
        message.id
        for message in run_checks(include_deployment_checks=True)
        if message.id.startswith("leerkringen.")
    }


def test_check_deploy_warns_while_the_address_is_local(home_page, settings):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    assert Site.objects.get(is_default_site=True).hostname == "localhost"
    assert warnings_about_the_address() == {"leerkringen.W001", "leerkringen.W002"}

    settings.WAGTAILADMIN_BASE_URL = "https://gezondin.example.nl"
    Site.objects.filter(is_default_site=True).update(hostname="gezondin.example.nl", port=443)
    assert warnings_about_the_address() == set()


@pytest.mark.usefixtures("demo_output")
class TestTheDemoOnAnotherAddress:
    """`make run PORT=8123` where the demo was loaded before: load_demo moves the site to the
    address served. (load_demo on an empty database: tests/gezondin/test_load_demo.py.)"""

    def test_load_demo_points_the_site_at_the_address_it_is_served_at(self, settings):
        settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8123"
        assert Site.objects.get(is_default_site=True).port != 8123

        output = run_load_demo()

        site = Site.objects.get(is_default_site=True)
        assert (site.hostname, site.port) == ("127.0.0.1", 8123)
        assert site.root_url == "http://127.0.0.1:8123"
        assert "Admin: http://127.0.0.1:8123/admin/" in output
        assert "Site address: 1 already present" in run_load_demo()
