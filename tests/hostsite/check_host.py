"""Run by tests/hostsite/test_hostsite.py in a subprocess with DJANGO_SETTINGS_MODULE set to the
minimal host site: migrates an in-memory database, creates GezondIn pages and renders them."""

import sys

import django


def main():
    django.setup()
    from django.contrib.staticfiles import finders
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment
    from wagtail.models import Locale, Page, Site

    from gezondin.models import HomePage, StandardPage

    setup_test_environment()
    call_command("migrate", verbosity=0, interactive=False)
    problems = []

    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Gemeente Voorbeeld", slug="start"))
    site = Site.objects.get(is_default_site=True)
    welcome = site.root_page
    site.root_page = home
    site.save()
    welcome.delete()
    home.add_child(
        instance=StandardPage(
            title="Aanpak gezondheidsverschillen",
            slug="aanpak",
            intro="<p>Zo werkt onze gemeente aan gezondheid.</p>",
            body=[("heading", {"text": "Onze aanpak", "level": "h2"})],
        )
    )
    Locale.objects.get_or_create(language_code="en")

    client = Client()
    for url, expected in [
        ("/nl/", "Gemeente Voorbeeld"),
        ("/nl/aanpak/", "Onze aanpak"),
        ("/nl/zoeken/?q=aanpak", "Aanpak gezondheidsverschillen"),
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
