"""The periodic jobs (``manage.py leerkringen_jobs``): the "afterwards, the materials" e-mail and
the expiry of waiting-list offers, plus how the command behaves as a whole.

Activities are signed up for while in the future; then their meetings are moved into the past,
as time would do.
"""

import datetime
from io import StringIO

import pytest
from django.conf import settings
from django.core import mail
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.models import Page

from leerkringen import jobs, retention, services
from leerkringen.models import Aanmelding, WebinarPage
from tests.leerkringen.conftest import links_in
from tests.leerkringen.factories import make_activity
from tests.shared import shared_fixture

# The circle and its sign-ups are built once for the module (tests/shared.py): every test sees
# them, also the ones that do not ask for them; they are in the future, so no step has anything
# to do for them until a test ends the circle.
pytestmark = [pytest.mark.django_db, pytest.mark.shared_data("circle")]
Status = Aanmelding.Status
JOIN_URL = "https://webinar.example.nl/join/geheim-456"
RECORDING_URL = "https://www.youtube.com/watch?v=gezondin-demo"


def sign_up(activity, n, language="nl", *, confirm=True):
    data = {"name": f"Deelnemer {n}", "email": f"deelnemer{n}@example.org"}
    aanmelding, _outcome = services.request_signup(activity, data, language)
    return services.confirm(aanmelding) if confirm else aanmelding


def end(activity, days_ago=2):
    """Move all meetings of ``activity`` into the past; returns the page freshly read."""
    start = timezone.now() - datetime.timedelta(days=days_ago)
    for position, meeting in enumerate(activity.bijeenkomsten.order_by("starts_at")):
        meeting.starts_at = start - datetime.timedelta(days=28 * position)
        meeting.ends_at = meeting.starts_at + datetime.timedelta(hours=3)
        meeting.save()
    page = Page.objects.get(pk=activity.pk).specific
    page.save()  # recomputes first_starts_at / last_ends_at
    return page


def publish_change(activity, **fields):
    page = Page.objects.get(pk=activity.pk).specific
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return Page.objects.get(pk=activity.pk).specific


def run(*steps):
    out = StringIO()
    args = [arg for step in steps for arg in ("--only", step)]
    call_command("leerkringen_jobs", *args, stdout=out)
    return out.getvalue()


def materials_mails():
    return [m for m in mail.outbox if m.subject.startswith(("Materialen van", "Materials from"))]


@shared_fixture
def circle(agenda):
    """A circle with 3 seats and sign-ups in every status: confirmed (Dutch), confirmed
    (English), confirmed but marked absent, waiting, cancelled and never confirmed."""
    activity = make_activity(agenda, capacity=3, title="Leerkring Schulden")
    sign_up(activity, 1)
    sign_up(activity, 2, "en")
    absent = sign_up(activity, 3)
    assert sign_up(activity, 4).status == Status.WAITLISTED
    services.cancel(sign_up(activity, 5, confirm=False))
    sign_up(activity, 6, confirm=False)
    Aanmelding.objects.filter(pk=absent.pk).update(attended=False)
    mail.outbox.clear()
    return activity


# The materials e-mail -----------------------------------------------------------------------------


def test_materials_go_once_to_confirmed_people_after_the_end(circle):
    circle = publish_change(circle, summary="<p>Wat we leerden over schulden.</p>")
    assert "0 materials mail(s) queued" in run("materials")  # not before the end
    assert materials_mails() == []

    circle = end(circle)
    assert "2 materials mail(s) queued" in run("materials")

    sent = {m.to[0]: m for m in materials_mails()}
    assert sorted(sent) == ["deelnemer1@example.org", "deelnemer2@example.org"]
    dutch, english = sent["deelnemer1@example.org"], sent["deelnemer2@example.org"]
    assert dutch.subject == "Materialen van Leerkring Schulden"
    assert english.subject == "Materials from Leerkring Schulden"
    assert "Dank u voor uw deelname" in dutch.body
    assert "Thank you for taking part" in english.body
    page_url = settings.WAGTAILADMIN_BASE_URL + circle.url  # links use the public base URL
    assert f"{page_url}#na-afloop" in dutch.body
    assert f"{page_url}#na-afloop" in dutch.alternatives[0][0]
    assert dutch.attachments == []  # no calendar afterwards

    # Never twice: not on the next run, not when more materials are published.
    mail.outbox.clear()
    assert "0 materials mail(s) queued" in run("materials")
    publish_change(circle, summary="<p>Wat we leerden, aangevuld.</p>")
    assert "0 materials mail(s) queued" in run("materials")
    assert materials_mails() == []
    assert Aanmelding.objects.filter(materials_sent_at__isnull=False).count() == 2


def test_materials_published_later_still_trigger_the_mail_once(circle):
    circle = end(circle)
    assert "0 materials mail(s) queued" in run("materials")  # nothing on the page yet

    page = Page.objects.get(pk=circle.pk).specific
    page.summary = "<p>Het verslag, nog in concept.</p>"
    page.save_revision()  # a draft: the live page still has nothing
    assert "0 materials mail(s) queued" in run("materials")
    assert materials_mails() == []

    page.save_revision().publish()
    assert "2 materials mail(s) queued" in run("materials")
    assert len(materials_mails()) == 2


def test_a_circle_that_has_not_had_its_last_meeting_gets_nothing(agenda):
    circle = make_activity(agenda, capacity=5, meeting_count=2)
    sign_up(circle, 1)
    mail.outbox.clear()
    circle = publish_change(circle, summary="<p>Verslag van de eerste bijeenkomst.</p>")
    first = circle.bijeenkomsten.order_by("starts_at").first()
    first.starts_at = timezone.now() - datetime.timedelta(days=2)
    first.ends_at = first.starts_at + datetime.timedelta(hours=3)
    first.save()
    Page.objects.get(pk=circle.pk).specific.save()

    assert "0 materials mail(s) queued" in run("materials")
    assert materials_mails() == []


def test_webinar_materials_link_to_the_recording_and_slides_never_the_join_link(agenda):
    slides = Document(title="Presentatie geldzorgen")
    slides.file.save("presentatie.pdf", ContentFile(b"%PDF-1.4 demo"), save=True)
    webinar = make_activity(
        agenda, WebinarPage, title="Webinar Geldzorgen", join_url=JOIN_URL, capacity=5
    )
    sign_up(webinar, 1)
    webinar = end(webinar)
    webinar = publish_change(
        webinar,
        recording_url=RECORDING_URL,
        slides=slides,
        materials=[
            (
                "link",
                {
                    "page": None,
                    "url": "https://www.pharos.nl/factsheet-schulden",
                    "text": "Factsheet schulden en gezondheid",
                    "description": "",
                },
            )
        ],
    )
    mail.outbox.clear()

    run("materials")

    [message] = materials_mails()
    html = message.alternatives[0][0]
    for body in (message.body, html):
        assert RECORDING_URL in body
        assert f"{settings.WAGTAILADMIN_BASE_URL}{slides.url}" in body
        assert "https://www.pharos.nl/factsheet-schulden" in body
        assert "Factsheet schulden en gezondheid" in body
        assert JOIN_URL not in body
    assert all(not path.startswith("/join/") for path in links_in(message))


def test_nobody_is_mailed_after_the_retention_period_or_once_anonymised(agenda):
    long_ago = make_activity(agenda, capacity=5, title="Lang geleden")
    sign_up(long_ago, 1)
    publish_change(end(long_ago, days_ago=100), summary="<p>Verslag.</p>")
    recent = make_activity(agenda, capacity=5, title="Net voorbij")
    sign_up(recent, 2)
    recent = publish_change(end(recent), summary="<p>Verslag.</p>")
    retention.anonymise_due(days=1)  # as if the retention period were one day
    mail.outbox.clear()

    assert "0 materials mail(s) queued" in run("materials")
    assert mail.outbox == []


def test_has_materials_follows_the_afterwards_fields(agenda):
    page = make_activity(agenda)
    assert not page.has_materials
    assert publish_change(page, summary="<p>Verslag</p>").has_materials
    webinar = make_activity(agenda, WebinarPage, title="Webinar", join_url=JOIN_URL)
    assert not webinar.has_materials  # a join link is no material
    assert publish_change(webinar, recording_url=RECORDING_URL).has_materials


# Waiting-list offers ------------------------------------------------------------------------------


def test_offers_not_taken_in_time_expire_through_the_command(agenda, settings):
    settings.LEERKRINGEN_WAITLIST_OFFER_HOURS = 24
    activity = make_activity(agenda, capacity=1)
    first = sign_up(activity, 1)
    second = sign_up(activity, 2)
    third = sign_up(activity, 3)
    services.cancel(first)
    second.refresh_from_db()
    assert second.status == Status.OFFERED

    assert "0 waiting-list offer(s) expired" in run("offers")  # still valid
    Aanmelding.objects.filter(pk=second.pk).update(
        offer_expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    mail.outbox.clear()

    assert "1 waiting-list offer(s) expired" in run("offers")

    second.refresh_from_db()
    third.refresh_from_db()
    assert second.status == Status.EXPIRED
    assert third.status == Status.OFFERED
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects["deelnemer2@example.org"].startswith("Aanbod verlopen")
    assert subjects["deelnemer3@example.org"].startswith("Er is een plek voor u")
    assert "0 waiting-list offer(s) expired" in run("offers")


# The command ------------------------------------------------------------------------------------


def test_the_command_runs_every_step_and_prints_counts_only(circle):
    publish_change(end(circle), summary="<p>Verslag.</p>")

    output = run()

    assert output.splitlines() == [
        "offers: 0 waiting-list offer(s) expired",
        "reminders: 0 reminder(s) queued",
        "materials: 2 materials mail(s) queued",
        "evaluations: 0 evaluation mail(s) queued",
        "retention: 0 sign-up(s) anonymised, 0 unconfirmed sign-up(s) deleted",
    ]
    assert "@" not in output and "Deelnemer" not in output


def test_a_failing_step_does_not_stop_the_others(circle, monkeypatch):
    publish_change(end(circle), summary="<p>Verslag.</p>")

    def broken():
        raise RuntimeError("deelnemer1@example.org")

    monkeypatch.setattr(services, "expire_offers", broken)
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError, match="Failed: offers"):
        call_command("leerkringen_jobs", stdout=out, stderr=err)
    assert "materials: 2 materials mail(s) queued" in out.getvalue()
    assert "offers: failed (RuntimeError)" in err.getvalue()
    assert "@" not in err.getvalue()


def test_an_unknown_step_is_a_clear_error():
    with pytest.raises(CommandError, match="invalid choice"):
        call_command("leerkringen_jobs", "--only", "everything")


def test_overlapping_runs_send_each_materials_mail_once(circle, monkeypatch):
    """A second run starts while the first is queueing (here: inside its first enqueue) and sees
    the same recipients; the claim (one UPDATE per sign-up) lets only one run queue each mail."""
    from leerkringen import tasks

    publish_change(end(circle), summary="<p>Verslag.</p>")
    real = tasks.send_aanmelding_mail
    other_run = {}

    class Overlapping:
        def enqueue(self, *args):
            if "queued" not in other_run:
                other_run["queued"] = None
                other_run["queued"] = jobs.send_due_materials()
            return real.enqueue(*args)

    monkeypatch.setattr(tasks, "send_aanmelding_mail", Overlapping())

    first_run = jobs.send_due_materials()

    assert other_run["queued"] == 1  # the other run took the second sign-up ...
    assert first_run == 1  # ... and the first run skipped it
    assert sorted(m.to[0] for m in materials_mails()) == [
        "deelnemer1@example.org",
        "deelnemer2@example.org",
    ]
