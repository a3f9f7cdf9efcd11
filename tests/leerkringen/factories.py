"""Building the agenda and its activities for the leerkringen tests (beside
tests/kennisbank/factories.py): an agenda page under a home page, activities of each type with
their meetings, published as an editor would."""

import datetime

from django.utils import timezone

from leerkringen.models import AgendaPage, Bijeenkomst, LeerkringPage


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_agenda(home):
    agenda = AgendaPage(title="Agenda", slug="agenda", intro="<p>Wat er op de planning staat.</p>")
    home.add_child(instance=agenda)
    return publish(agenda)


def meetings(count=1, start=None, **fields):
    start = (start or timezone.now() + datetime.timedelta(days=30)).replace(second=0, microsecond=0)
    return [
        Bijeenkomst(
            starts_at=start + datetime.timedelta(days=28 * i),
            ends_at=start + datetime.timedelta(days=28 * i, hours=3),
            topic=f"Bijeenkomst over casus {i + 1}",
            location_name="Stadskantoor",
            address="Stationsplein 1\n3511 ED Utrecht",
            **fields,
        )
        for i in range(count)
    ]


def make_activity(agenda, model=LeerkringPage, *, meeting_count=1, start=None, **fields):
    fields.setdefault("title", "Leerkring Armoede en gezondheid")
    fields.setdefault("intro", "<p>Samen leren over schulden en gezondheid.</p>")
    page = model(bijeenkomsten=meetings(meeting_count, start), **fields)
    agenda.add_child(instance=page)
    return publish(page)
