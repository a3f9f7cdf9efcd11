"""The agenda's demo content (load_demo): the agenda in both languages, activities in the future
and the past, a nearly full circle, English translations; loading twice adds nothing.

The demo is loaded once for the class, in a transaction rolled back afterwards.
"""

import pytest
from django.utils.html import escape
from wagtail.models import Page

from leerkringen import services
from leerkringen.demo.steps import FULL_CAPACITY, FULL_SIGNUPS, JOIN_URL
from leerkringen.models import (
    Aanmelding,
    ActivityPage,
    AgendaPage,
    LeerkringPage,
    StudiedagPage,
    WebinarPage,
)
from tests.conftest import run_load_demo
from tests.leerkringen.factories import make_admin_user

pytestmark = pytest.mark.django_db


@pytest.mark.usefixtures("demo_output")
class TestAgendaDemo:
    def test_agenda_in_both_languages_in_the_menu(self):
        nl = AgendaPage.objects.get(locale__language_code="nl")
        en = AgendaPage.objects.get(locale__language_code="en")
        assert (nl.title, nl.slug, en.title, en.slug) == ("Agenda", "agenda", "Events", "events")
        assert nl.live and en.live and nl.show_in_menus and en.show_in_menus
        assert nl.translation_key == en.translation_key

    def test_activities_of_every_type_in_future_and_past(self):
        nl = ActivityPage.objects.live().filter(locale__language_code="nl").specific()
        kinds = {type(page) for page in nl}
        assert kinds == {LeerkringPage, WebinarPage, StudiedagPage}
        assert LeerkringPage.objects.filter(locale__language_code="nl").count() == 2
        assert WebinarPage.objects.filter(locale__language_code="nl").count() == 2
        for page in LeerkringPage.objects.filter(locale__language_code="nl"):
            meetings = page.meetings()
            assert len(meetings) == 4
            assert all(m.host_gemeente for m in meetings)
        past = [page for page in nl if page.is_past()]
        assert past and any(page.has_afterwards for page in past)
        assert any(not page.is_past() for page in nl)

    def test_english_translations(self):
        en = ActivityPage.objects.live().filter(locale__language_code="en")
        assert en.count() >= 2
        for page in en:
            assert page.get_parent().specific.title == "Events"
            assert page.slug != page.get_translation(page.locale.get_default()).slug

    def test_english_activities_are_in_english_down_to_the_meeting_topics(self, client):
        en = ActivityPage.objects.live().filter(locale__language_code="en").specific()
        topics_seen = 0
        for page in en:
            dutch = page.get_translation(page.locale.get_default()).specific
            for name in ("for_whom", "what_to_bring", "speakers", "organiser_name"):
                if getattr(dutch, name, ""):
                    assert getattr(page, name) != getattr(dutch, name), (page.slug, name)
            topics = [meeting.topic for meeting in page.meetings()]
            dutch_topics = [meeting.topic for meeting in dutch.meetings()]
            assert len(topics) == len(dutch_topics)
            assert not (set(topics) & set(dutch_topics)) - {""}, page.slug
            html = client.get(page.get_url()).content.decode()
            for topic in filter(None, topics):
                assert escape(topic) in html
                topics_seen += 1
        assert topics_seen >= 4

    def test_one_activity_nearly_full(self):
        page = LeerkringPage.objects.get(
            locale__language_code="nl", slug="leerkring-armoede-en-gezondheid"
        )
        seats = services.availability(page)
        assert (seats.capacity, seats.taken) == (FULL_CAPACITY, FULL_SIGNUPS)
        assert Aanmelding.objects.filter(activity=page, status="confirmed").count() == 11

    def test_a_past_circle_has_recorded_attendance(self, client):
        page = LeerkringPage.objects.get(
            locale__language_code="nl", slug="leerkring-de-gezonde-wijk"
        )
        assert Aanmelding.objects.filter(activity=page, status="confirmed").count() == 8
        assert Aanmelding.objects.filter(activity=page, status="waitlisted").count() == 1
        assert all(a.added_reason for a in Aanmelding.objects.filter(activity=page))
        client.force_login(make_admin_user("demo-beheerder", is_superuser=True, language="nl"))
        response = client.get(f"/admin/aanmeldingen/{page.pk}/")
        text = " ".join(response.content.decode().split())
        # Meetings 1-3 recorded (8, 6 and 7 of 8 present), meeting 4 left to record.
        assert "Gemiddelde aanwezigheid: 88% over 3 gehouden bijeenkomsten." in text
        assert "Aanwezigheid bij bijeenkomst 4 vastleggen" in text

    def test_the_past_circle_has_a_reach_and_evaluation_report(self, client):
        page = LeerkringPage.objects.get(
            locale__language_code="nl", slug="leerkring-de-gezonde-wijk"
        )
        client.force_login(make_admin_user("demo-organisator", is_superuser=True, language="nl"))
        response = client.get(f"/admin/aanmeldingen/{page.pk}/bereik/")
        text = " ".join(response.content.decode().split())
        # Participants from Heerlen, Tilburg, Utrecht (GIDS municipalities) and Zwolle; four
        # answers.
        assert "Gemeenten bereikt</th><td>4</td>" in text
        assert "waarvan GIDS-gemeenten</th><td>3</td>" in text
        assert "Evaluaties ingevuld</th><td>4</td>" in text
        assert "Graag meer tijd voor de handreiking." in text

    def test_every_page_answers_and_never_shows_the_join_url(self, client):
        pages = list(AgendaPage.objects.live()) + list(ActivityPage.objects.live())
        assert len(pages) >= 9
        for page in pages:
            response = client.get(page.get_url())
            assert response.status_code == 200, page.url_path
            assert JOIN_URL not in response.content.decode()

    def test_second_run_adds_nothing(self):
        pages, signups = Page.objects.count(), Aanmelding.objects.count()
        output = run_load_demo()
        assert Page.objects.count() == pages
        assert Aanmelding.objects.count() == signups
        assert "Activiteiten:" in output and "Activiteiten: " in output
        line = next(line for line in output.splitlines() if line.startswith("Activiteiten:"))
        assert "created" not in line
