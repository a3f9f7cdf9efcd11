"""The evaluation after an activity and the reach report ("Bereik en evaluatie").

Through the public interface: the ``evaluations`` step of ``manage.py leerkringen_jobs``, the
link in the e-mail, the form behind it, and the admin's report and exports (admin in Dutch).
"""

import csv
import io
import logging
import re
import time
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection, models
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from gezondin.models import Gemeente
from leerkringen import retention, services, tokens
from leerkringen.models import Aanmelding, Bereik, Evaluatie
from tests.leerkringen.conftest import soup, text_of
from tests.leerkringen.factories import join, make_admin_user, make_circle
from tests.shared import shared_fixture

# The facilitator and the ended circle with its sign-ups and attendance are built once for the
# module (tests/shared.py); every test sees them, also the ones that do not ask for them.
pytestmark = [pytest.mark.django_db, pytest.mark.shared_data("ended")]

EVALUATION_LINK = re.compile(r"https?://[^/\s]+(/(?:nl/evaluatie|en/evaluation)/[^/\s\"'<>]+/)")


def run():
    out = StringIO()
    call_command("leerkringen_jobs", "--only", "evaluations", stdout=out)
    return out.getvalue()


def evaluation_mails():
    return [m for m in mail.outbox if EVALUATION_LINK.search(m.body)]


def link_in(message):
    return EVALUATION_LINK.search(message.body)[1]


@shared_fixture
def facilitator(db):
    return make_admin_user("begeleider", group_name="Begeleiders")


@shared_fixture
def ended(agenda, facilitator):
    """A circle of two meetings, both held (40 and 12 days ago): four seated, one waiting.
    Meeting 1: 1 and 2 present; meeting 2: 2 and 3 present; 4 was never there."""
    utrecht = Gemeente.objects.get(cbs_code="GM0344")
    amsterdam = Gemeente.objects.get(cbs_code="GM0363")
    Gemeente.objects.filter(pk=utrecht.pk).update(is_gids=True)
    circle = make_circle(
        agenda, title="Leerkring Afgerond", capacity=4, meeting_count=2, facilitator=facilitator
    )
    people = [
        join(circle, 1, gemeente=utrecht, organisation="Gemeente Utrecht"),
        join(circle, 2, gemeente=utrecht, organisation="  gemeente   UTRECHT "),
        join(circle, 3, gemeente=amsterdam, organisation="GGD Amsterdam", language="en"),
        join(circle, 4, gemeente=amsterdam, organisation="Welzijn Noord"),
    ]
    join(circle, 5)  # waiting list
    first, second = circle.meetings()
    services.record_attendance(circle, first, [people[0].pk, people[1].pk])
    services.record_attendance(circle, second, [people[1].pk, people[2].pk])
    mail.outbox.clear()
    return circle, people


# The job -------------------------------------------------------------------------------------


def test_the_job_asks_those_present_once_and_never_the_absent(ended):
    circle, (p1, p2, p3, p4) = ended

    assert run() == "evaluations: 3 evaluation mail(s) queued\n"
    sent = {m.to[0]: m for m in evaluation_mails()}
    assert sorted(sent) == [p.email for p in (p1, p2, p3)]  # not 4 (absent), not 5 (waiting)
    assert sent[p1.email].subject == "Hoe was het? Uw mening over Leerkring Afgerond"
    assert link_in(sent[p1.email]).startswith("/nl/evaluatie/")
    assert link_in(sent[p3.email]).startswith("/en/evaluation/")  # in the sign-up's language

    mail.outbox.clear()
    assert run() == "evaluations: 0 evaluation mail(s) queued\n"
    assert evaluation_mails() == []

    # Presence recorded later still brings the mail, once.
    services.record_attendance(circle, circle.meetings()[1], [p2.pk, p3.pk, p4.pk])
    assert run() == "evaluations: 1 evaluation mail(s) queued\n"
    assert [m.to[0] for m in evaluation_mails()] == [p4.email]


def test_nobody_is_asked_before_the_activity_has_ended(agenda):
    run()  # the module's ended circle (shared) is asked first: only the running one is left
    circle = make_circle(agenda, title="Leerkring Loopt Nog", meeting_count=3)  # one to come
    person = join(circle, 1)
    services.record_attendance(circle, circle.meetings()[0], [person.pk])
    mail.outbox.clear()
    assert run() == "evaluations: 0 evaluation mail(s) queued\n"
    assert evaluation_mails() == []


def test_the_whole_jobs_command_runs_the_step_and_prints_counts_only(ended):
    out = StringIO()
    call_command("leerkringen_jobs", stdout=out)
    assert "evaluations: 3 evaluation mail(s) queued" in out.getvalue().splitlines()
    assert "@" not in out.getvalue()


# The link and the form -------------------------------------------------------------------------


@pytest.fixture
def link(ended):
    run()
    circle, people = ended
    message = next(m for m in evaluation_mails() if m.to[0] == people[0].email)
    return link_in(message)


def test_answering_keeps_one_anonymous_answer(client, ended, link):
    circle, (p1, *_rest) = ended
    form = client.get(link)
    assert form.status_code == 200
    assert form["Cache-Control"] == "no-store, private"
    assert form["X-Robots-Tag"] == "noindex, nofollow"
    html = soup(form)
    fieldset = html.select_one("fieldset")
    assert fieldset.legend.get_text(strip=True) == "Hoe waardeert u deze activiteit?"
    radios = fieldset.select('input[type="radio"][name="score"]')
    assert [r["value"] for r in radios] == ["1", "2", "3", "4", "5"]
    for radio in radios:
        assert html.select_one(f'label[for="{radio["id"]}"]')
    assert html.select_one("textarea[name=comment]")

    response = client.post(link, {"score": "4", "comment": "  Veel geleerd over de wijk. "})
    assert response.status_code == 302 and response["Location"] == link
    thanks = client.get(link)
    assert thanks.status_code == 200
    assert "Uw evaluatie van ‘Leerkring Afgerond’ is ontvangen." in text_of(thanks)

    [answer] = Evaluatie.objects.all()
    assert (answer.activity_id, answer.score, answer.comment) == (
        circle.pk,
        4,
        "Veel geleerd over de wijk.",
    )
    # Anonymous: nothing in an answer points at a sign-up or a person.
    relations = {f.related_model for f in Evaluatie._meta.get_fields() if f.is_relation}
    assert Aanmelding not in relations and not any(
        isinstance(f, models.DateTimeField) for f in Evaluatie._meta.get_fields()
    )
    assert Aanmelding.objects.get(pk=p1.pk).evaluation_answered is True

    # Once per link.
    again = client.post(link, {"score": "1", "comment": "Nog een keer"})
    assert again.status_code == 409
    assert "Deze evaluatie is al ingevuld" in text_of(again)
    assert Evaluatie.objects.count() == 1


def test_mistakes_are_explained_per_field_and_what_was_typed_stays(client, link):
    response = client.post(link, {"score": "", "comment": "Mooi " + "x" * 2000})
    assert response.status_code == 200
    text = text_of(response)
    assert "Kies een waardering van 1 tot 5." in text
    assert "Uw opmerking is te lang: gebruik hoogstens 2000 tekens (nu 2005)." in text
    html = soup(response)
    assert html.select_one("textarea[name=comment]").get_text().strip().startswith("Mooi xxx")
    assert html.select_one("fieldset")["aria-describedby"] == "evaluatie-score-error"
    assert html.select_one("textarea")["aria-invalid"] == "true"
    assert client.post(link, {"score": "6"}).status_code == 200
    assert Evaluatie.objects.count() == 0


def test_a_forged_or_other_link_is_a_404(client, ended, link):
    _circle, (p1, *_rest) = ended
    forged = link[:-3] + ("a" if link[-3] != "a" else "b") + "/"
    assert client.get(forged).status_code == 404
    # A sign-up link's token (another salt) does not open the evaluation.
    assert client.get(f"/nl/evaluatie/{tokens.make_token(p1)}/").status_code == 404
    # Nor does a genuine evaluation token of someone never asked.
    p4 = Aanmelding.objects.get(email="deelnemer4@example.org")
    assert client.get(f"/nl/evaluatie/{tokens.make_evaluation_token(p4)}/").status_code == 404
    response = client.get("/nl/evaluatie/rommel/")
    assert response.status_code == 404
    assert "Deze evaluatielink werkt niet (meer)." in text_of(response)


def test_an_expired_link_says_so(client, ended, monkeypatch):
    run()
    p1 = Aanmelding.objects.get(email="deelnemer1@example.org")
    real = time.time
    monkeypatch.setattr(time, "time", lambda: real() - 61 * 24 * 3600)
    token = tokens.make_evaluation_token(p1)
    monkeypatch.setattr(time, "time", real)
    response = client.get(f"/nl/evaluatie/{token}/")
    assert response.status_code == 410
    assert "De termijn om deze activiteit te evalueren is voorbij" in text_of(response)
    assert client.post(f"/nl/evaluatie/{token}/", {"score": "5"}).status_code == 410
    assert Evaluatie.objects.count() == 0


def test_the_link_stops_working_once_the_sign_up_is_anonymised(client, link):
    retention.anonymise_due(days=1)
    assert client.get(link).status_code == 404


def test_the_token_never_reaches_the_logs(client, link, caplog):
    caplog.set_level(logging.DEBUG)
    token = link.strip("/").split("/")[-1]
    client.post(link, {"score": "5"})
    client.post(link, {"score": "5"})  # 409: Django logs the path
    client.get(f"/en/evaluation/{token}x/")  # 404
    assert "evaluatie/[token]" in caplog.text or "evaluation/[token]" in caplog.text
    assert token.split(":")[0] not in caplog.text


# The report ---------------------------------------------------------------------------------


def answer(client, link, score, comment=""):
    return client.post(link, {"score": str(score), "comment": comment})


@pytest.fixture
def answered(client, ended):
    run()
    circle, people = ended
    links = {m.to[0]: link_in(m) for m in evaluation_mails()}
    answer(client, links[people[0].email], 4, '=HYPERLINK("http://x")')
    answer(client, links[people[1].email], 5, "Heel nuttig")
    answer(client, links[people[2].email], 2)
    return circle


def report_url(activity, suffix=""):
    return f"/admin/aanmeldingen/{activity.pk}/bereik{suffix}"


def figures(response):
    return {
        row.th.get_text(" ", strip=True): row.td.get_text(strip=True)
        for row in soup(response).select("table")[0].select("tr")
    }


EXPECTED = {
    "Deelnemers": "4",  # the four seated; not the waiting list
    "Aanwezig geweest": "3",
    "Organisaties bereikt": "3",  # "Gemeente Utrecht" typed twice, differently
    "Gemeenten bereikt": "2",
    "waarvan GIDS-gemeenten": "1",
    # 1: 1/2, 2: 2/2, 3: 1/2, 4: 0/2 -> 50%
    "Gemiddelde aanwezigheid": "50%",
    "Evaluaties ingevuld": "3",
    "Gemiddelde waardering (1–5)": "3,7",
}


def test_the_organiser_sees_reach_scores_and_comments(client, answered, facilitator):
    client.force_login(facilitator)
    listing = client.get(f"/admin/aanmeldingen/{answered.pk}/")
    assert soup(listing).select_one(f'a[href="{report_url(answered, "/")}"]')

    response = client.get(report_url(answered, "/"))
    assert response.status_code == 200
    assert figures(response) == EXPECTED
    text = text_of(response)
    assert "Utrecht — GIDS-gemeente" in text and "Amsterdam" in text
    assert "Heel nuttig" in text and "Waardering 5" in text
    # The chart repeats the table and is hidden from screen readers; the table has the numbers.
    assert soup(response).select_one("figure.lk-chart")["aria-hidden"] == "true"
    assert "Deelnemer" not in text.replace("Deelnemers", "")  # no names


def test_the_figures_survive_anonymisation(client, answered, facilitator):
    result = retention.anonymise_due(days=1)
    assert result.anonymised == 5
    assert Bereik.objects.count() == 4  # the participants, not the waiting list
    assert not Aanmelding.objects.filter(gemeente__isnull=False).exists()
    client.force_login(facilitator)
    assert figures(client.get(report_url(answered, "/"))) == EXPECTED
    retention.anonymise_due(days=1)  # again: nothing kept twice
    assert Bereik.objects.count() == 4


def test_the_year_report_adds_up_activities(client, agenda, answered, facilitator):
    other = make_circle(agenda, title="Leerkring Twee", meeting_count=1, facilitator=facilitator)
    utrecht = Gemeente.objects.get(cbs_code="GM0344")
    join(other, 11, gemeente=utrecht, organisation="Gemeente Utrecht")
    join(other, 12, organisation="Nieuwe Organisatie")
    services.record_attendance(other, other.meetings()[0], [])
    client.force_login(facilitator)
    year = answered.first_starts_at.year
    response = client.get(f"/admin/aanmeldingen/bereik/?jaar={year}")
    assert response.status_code == 200
    totals = figures(response)
    assert totals["Deelnemers"] == "6"
    assert totals["Organisaties bereikt"] == "4"  # Utrecht counted once
    assert totals["Gemeenten bereikt"] == "2" and totals["waarvan GIDS-gemeenten"] == "1"
    assert totals["Gemiddelde aanwezigheid"] == "33%"  # (0.5+1+0.5+0+0+0) / 6
    rows = soup(response).select("table")[1].select("tbody tr")
    assert sorted(r.th.a.get_text() for r in rows) == ["Leerkring Afgerond", "Leerkring Twee"]


def test_exports_escape_formulas(client, answered, facilitator):
    client.force_login(facilitator)
    response = client.get(report_url(answered, ".csv"))
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("private, no-store")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert ["Deelnemers", "4"] in rows and ["waarvan GIDS-gemeenten", "1"] in rows
    comments = [row[2] for row in rows if len(row) == 3 and row[1] in "12345"]
    assert '\'=HYPERLINK("http://x")' in comments and "Heel nuttig" in comments

    response = client.get(report_url(answered, ".xlsx"))
    values = [c for row in load_workbook(io.BytesIO(response.content)).active.values for c in row]
    assert '\'=HYPERLINK("http://x")' in values

    year = answered.first_starts_at.year
    response = client.get(f"/admin/aanmeldingen/bereik/{year}.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["Activiteit", "Begint", "Deelnemers"]
    assert rows[-1][0] == f"Totaal {year}"
    response = client.get(f"/admin/aanmeldingen/bereik/{year}.xlsx")
    assert response.status_code == 200
    assert client.get(f"/admin/aanmeldingen/bereik/{year - 50}.csv").status_code == 404


def denied(response):
    """Wagtail answers PermissionDenied in the admin with a redirect to the dashboard (and a
    message), or a plain 403; either way nothing of the report is in the response."""
    assert b"Heel nuttig" not in response.content
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


def test_only_the_back_office_sees_the_report(client, agenda, answered):
    year = answered.first_starts_at.year
    urls = [
        report_url(answered, "/"),
        report_url(answered, ".csv"),
        report_url(answered, ".xlsx"),
        f"/admin/aanmeldingen/bereik/?jaar={year}",
        f"/admin/aanmeldingen/bereik/{year}.csv",
    ]
    editor = make_admin_user("redacteur", group_name="Redactie Tilburg")
    client.force_login(editor)
    assert all(denied(client.get(url)) for url in urls)

    stranger = make_admin_user("andere-begeleider", group_name="Begeleiders")
    make_circle(agenda, title="Leerkring Anders", facilitator=stranger)
    client.force_login(stranger)
    assert all(denied(client.get(url)) for url in urls[:3])
    # The year report shows only their own circle.
    response = client.get("/admin/aanmeldingen/bereik/")
    assert response.status_code == 200 and "Leerkring Afgerond" not in text_of(response)

    admin = make_admin_user("beheerder", is_superuser=True)
    client.force_login(admin)
    assert [client.get(url).status_code for url in urls] == [200] * 5


def test_the_english_link_speaks_english(client, ended):
    run()
    [message] = [m for m in evaluation_mails() if m.to[0] == "deelnemer3@example.org"]
    assert message.subject == "How was it? Your opinion of Leerkring Afgerond"
    link = link_in(message)
    response = client.get(link)
    assert response.status_code == 200
    text = text_of(response)
    assert "How would you rate this activity?" in text and "5 – excellent" in text
    assert client.post(link, {"score": "5"})["Location"] == link


def test_the_year_report_does_not_query_per_activity(
    client, agenda, facilitator, django_assert_max_num_queries
):
    def report():
        return client.get("/admin/aanmeldingen/bereik/")

    for n in range(3):
        circle = make_circle(
            agenda, title=f"Leerkring Telling {n}", meeting_count=1, facilitator=facilitator
        )
        services.record_attendance(circle, circle.meetings()[0], [join(circle, 20 + n).pk])
    client.force_login(facilitator)
    report()  # warm the caches
    with CaptureQueriesContext(connection) as three:
        assert report().status_code == 200
    circle = make_circle(
        agenda, title="Leerkring Telling 3", meeting_count=1, facilitator=facilitator
    )
    services.record_attendance(circle, circle.meetings()[0], [join(circle, 23).pk])
    with django_assert_max_num_queries(len(three.captured_queries)):
        assert report().status_code == 200
