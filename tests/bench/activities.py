"""The activities `make loadtest` needs in its database, made in a subprocess with the servers'
environment (tests/bench/http.py `server_env`: the same SECRET_KEY, so the signed links made here
are valid on the servers). Prints one line of JSON.

    python -m tests.bench.activities signup
        An open leerkring with room for everyone (capacity 100,000, a year ahead) under the
        Dutch agenda, for the load test's visitors who sign up: {"path": "/nl/agenda/...",
        "id": its id}.
        Made once and kept (slug `loadtest-aanmelden`).
    python -m tests.bench.activities storm CAPACITY PEOPLE
        A new leerkring with CAPACITY seats and PEOPLE pending sign-ups (the state after each
        of them filled in the form and before anyone clicked the link in the e-mail); the
        storm's activity of an earlier run is deleted first. Prints {"id": the activity's id,
        "url": its path, "paths": the PEOPLE confirmation links' paths}.
    python -m tests.bench.activities count ID
        How the storm ended: {"status": count} of the activity's sign-ups.
"""

import datetime
import json
import sys

import django


def _agenda():
    from leerkringen.models import AgendaPage

    agenda = AgendaPage.objects.live().filter(locale__language_code="nl").order_by("path").first()
    if agenda is None:
        sys.exit("the bench database has no Dutch agenda (load_demo makes one)")
    return agenda


def _activity(slug, title, capacity):
    from django.utils import timezone

    from leerkringen.models import Bijeenkomst, LeerkringPage

    start = (timezone.now() + datetime.timedelta(days=365)).replace(
        minute=0, second=0, microsecond=0
    )
    page = LeerkringPage(
        title=title,
        slug=slug,
        intro="<p>Een leerkring voor de belastingtest: iedereen kan zich aanmelden.</p>",
        capacity=capacity,
        bijeenkomsten=[
            Bijeenkomst(
                starts_at=start,
                ends_at=start + datetime.timedelta(hours=3),
                topic="Kennismaken",
                location_name="Stadskantoor",
                address="Stationsplein 1\n3511 ED Utrecht",
            )
        ],
    )
    _agenda().add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def signup():
    from leerkringen.models import LeerkringPage

    page = LeerkringPage.objects.live().filter(slug="loadtest-aanmelden").first()
    if page is None:
        page = _activity("loadtest-aanmelden", "Belastingtest: aanmelden", 100_000)
    return {"path": page.get_url(), "id": page.pk}


def storm(capacity, people):
    from django.urls import reverse
    from django.utils import translation

    from leerkringen import tokens
    from leerkringen.models import Aanmelding, LeerkringPage

    for old in LeerkringPage.objects.filter(slug="loadtest-bevestigen"):
        Aanmelding.objects.filter(activity_id=old.pk).delete()
        old.delete()
    page = _activity("loadtest-bevestigen", "Belastingtest: bevestigen", capacity)
    paths = []
    with translation.override("nl"):
        for n in range(people):
            aanmelding = Aanmelding.objects.create(
                activity_id=page.pk,
                name=f"Deelnemer {n}",
                email=f"deelnemer{n}@example.org",
                language="nl",
            )
            token = tokens.make_token(aanmelding)
            paths.append(reverse("leerkringen:confirm", kwargs={"token": token}))
    return {"id": page.pk, "url": page.get_url(), "paths": paths}


def count(activity_id):
    from django.db.models import Count

    from leerkringen.models import Aanmelding

    rows = (
        Aanmelding.objects.filter(activity_id=activity_id)
        .values_list("status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {str(status): n for status, n in rows}


def main():
    django.setup()
    command, *args = sys.argv[1:]
    if command == "signup":
        result = signup()
    elif command == "storm":
        result = storm(int(args[0]), int(args[1]))
    elif command == "count":
        result = count(int(args[0]))
    else:
        sys.exit(f"unknown command {command!r}: signup, storm or count")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
