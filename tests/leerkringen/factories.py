"""Building the agenda and its activities for the leerkringen tests (beside
tests/kennisbank/factories.py): an agenda page under a home page, activities of each type with
their meetings, published as an editor would."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from django.utils.text import slugify
from wagtail.users.models import UserProfile

from leerkringen import services
from leerkringen.models import AgendaPage, Bijeenkomst, LeerkringPage
from tests.factories import indexed_once


def publish(page):
    with indexed_once():
        page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_agenda(home):
    agenda = AgendaPage(title="Agenda", slug="agenda", intro="<p>Wat er op de planning staat.</p>")
    with indexed_once():
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
    with indexed_once():
        agenda.add_child(instance=page)
        return publish(page)


def make_admin_user(username, *, group_name=None, language="nl", **extra):
    """A user who may use the admin (a superuser, or a member of ``group_name`` with admin
    access), whose admin speaks ``language``: the language of admin messages is fixed by the
    test, not left to whatever an earlier test activated."""
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw", **extra)
    if group_name:
        group, _created = Group.objects.get_or_create(name=group_name)
        group.permissions.add(Permission.objects.get(codename="access_admin"))
        user.groups.add(group)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def make_circle(agenda, *, facilitator=None, meeting_count=3, days_ago=40, **fields):
    """A circle whose first meeting was ``days_ago`` days ago (meetings 28 days apart: with the
    defaults, two have been held and the third is to come), with ``facilitator`` given access."""
    start = timezone.now() - datetime.timedelta(days=days_ago)
    fields.setdefault("slug", slugify(fields.get("title", "leerkring")))
    if facilitator is not None:
        fields["facilitators"] = [facilitator]
    return make_activity(agenda, meeting_count=meeting_count, start=start, **fields)


def join(activity, n, *, confirm=True, language="nl", **extra):
    """Sign-up number ``n`` through the services, made before the activity began (so also for a
    circle that has begun): ``deelnemer<n>@example.org``, confirmed unless ``confirm`` is false."""
    before = (activity.first_starts_at or timezone.now()) - datetime.timedelta(days=10)
    data = {
        "name": f"Deelnemer {n}",
        "email": f"deelnemer{n}@example.org",
        "organisation": "Gemeente Utrecht",
        **extra,
    }
    aanmelding, _outcome = services.request_signup(activity, data, language, now=before)
    return services.confirm(aanmelding, now=before) if confirm else aanmelding
