"""Run by tests/hostsite/test_hostsite.py in a subprocess with DJANGO_SETTINGS_MODULE set to the
minimal host site: checks and migrates an in-memory database, puts GezondIn's sections under the
host's own home page (home.HomePage) and renders them."""

import sys
from io import StringIO

import django


def main():
    django.setup()
    from django.contrib.staticfiles import finders
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment
    from wagtail.models import Locale, Page, Site

    from kennisbank.models import GemeenteIndexPage, KennisbankPage
    from leerkringen.models import AgendaPage
    from tests.hostsite.home.models import HomePage

    setup_test_environment()
    problems = []
    checks = StringIO()
    call_command("check", stdout=checks, stderr=checks)  # raises on an error
    if "gezondin." in checks.getvalue():
        problems.append(f"manage.py check: {checks.getvalue()}")
    call_command("migrate", verbosity=0, interactive=False)

    root = Page.get_first_root_node()
    home = root.add_child(
        instance=HomePage(
            title="Gemeente Voorbeeld", slug="start", body="<p>Welkom bij de gemeente.</p>"
        )
    )
    site = Site.objects.get(is_default_site=True)
    welcome = site.root_page
    site.root_page = home
    site.save()
    welcome.delete()
    for model, title, slug in [
        (KennisbankPage, "Kennisbank", "kennisbank"),
        (AgendaPage, "Agenda", "agenda"),
        (GemeenteIndexPage, "Gemeenten", "gemeenten"),
    ]:
        if not model.can_create_at(home):
            problems.append(f"{model.__name__} cannot be created under the host's home page")
            continue
        section = home.add_child(instance=model(title=title, slug=slug))
        section.save_revision().publish()
    Locale.objects.get_or_create(language_code="en")

    client = Client()
    for url, expected in [
        ("/nl/", "Welkom bij de gemeente."),
        ("/nl/kennisbank/", "Kennisbank"),
        ("/nl/agenda/", "Agenda"),
        ("/nl/gemeenten/", "Gemeenten"),
        ("/nl/zoeken/?q=agenda", "Agenda"),
    ]:
        response = client.get(url)
        body = response.content.decode()
        if response.status_code != 200:
            problems.append(f"{url}: status {response.status_code}")
            continue
        if "HOST-SITE-HEADER" not in body:
            problems.append(f"{url}: not rendered inside the host's base.html")
        if expected not in body:
            problems.append(f"{url}: {expected!r} missing")
    calendar = client.get("/nl/agenda/agenda.ics")
    if calendar.status_code != 200 or b"BEGIN:VCALENDAR" not in calendar.content:
        problems.append(f"/nl/agenda/agenda.ics: status {calendar.status_code}")

    for static_path in ["gezondin/css/gezondin.css"]:
        if not finders.find(static_path):
            problems.append(f"static file {static_path} is not found by the host's finders")

    if problems:
        print("\n".join(problems))
        return 1
    print("host site OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
