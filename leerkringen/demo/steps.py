"""The agenda's demo step (order 600): the agenda page in Dutch and English, two learning circles,
two webinars and a study day, some in the future and some in the past (with a summary and
materials), one nearly full, and English translations of two activities.

Everything is found again by a stable translation key (``demo_key("page", key)``) and created only
when missing, so a second run creates nothing. Dates are relative to the day of the first run,
on working days.
"""

from __future__ import annotations

import datetime
from contextlib import contextmanager
from unittest import mock

from django.utils import timezone
from wagtail.models import Page

from gezondin.demo import CREATED, PRESENT, DemoContext, register_step
from gezondin.demo.builder import PageSpec, demo_key, ensure_page, publish_pending_pages
from gezondin.models import Gemeente, Thema
from leerkringen import services
from leerkringen.models import (
    Aanmelding,
    AgendaPage,
    Bijeenkomst,
    LeerkringPage,
    Mode,
    StudiedagPage,
    WebinarPage,
)

AGENDA_KIND = "Agenda"
ACTIVITY_KIND = "Activiteiten"
SIGNUP_KIND = "Demo-aanmeldingen"

TILBURG, HEERLEN, UTRECHT = "GM0855", "GM0917", "GM0344"
JOIN_URL = "https://webinar.example.nl/join/gezondin-armoede-2026-demo"
FULL_CAPACITY = 12
FULL_SIGNUPS = 11


def p(*paragraphs: str) -> str:
    return "".join(f"<p>{text}</p>" for text in paragraphs)


AGENDA = PageSpec(
    key="agenda",
    model=AgendaPage,
    texts={
        "nl": {
            "title": "Agenda",
            "slug": "agenda",
            "intro": p(
                "Leerkringen, webinars en studiedagen voor professionals en beleidsmakers die "
                "werken aan gezondheid in gemeenten. Deelname is gratis."
            ),
        },
        "en": {
            "title": "Events",
            "slug": "events",
            "intro": p(
                "Learning circles, webinars and study days for professionals and policy makers "
                "working on health in municipalities. Taking part is free."
            ),
        },
    },
    attrs={"show_in_menus": True},
)


def _at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def _meeting(day, start, end, topic="", host=None, location="", address="", online=False):
    return Bijeenkomst(
        starts_at=_at(day, *start),
        ends_at=_at(day, *end),
        topic=topic,
        host_gemeente=host,
        location_name=location,
        address=address,
        online=online,
    )


def _activities(today: datetime.date, hosts: dict) -> list[dict]:
    """The demo activities: key, model, fields, meetings, themes and (optionally) English texts."""

    def day(offset):
        # Meetings are on working days: one that would fall in a weekend moves to the Monday.
        date = today + datetime.timedelta(days=offset)
        while date.weekday() >= 5:  # Saturday, Sunday
            date += datetime.timedelta(days=1)
        return date

    tilburg, heerlen, utrecht = hosts.get(TILBURG), hosts.get(HEERLEN), hosts.get(UTRECHT)
    return [
        {
            "key": "leerkring-armoede-en-gezondheid",
            "model": LeerkringPage,
            "themas": ["armoede-en-schulden", "werk-en-bestaanszekerheid"],
            "fields": {
                "title": "Leerkring Armoede en gezondheid",
                "slug": "leerkring-armoede-en-gezondheid",
                "intro": p(
                    "Vier bijeenkomsten over de vraag hoe gemeenten geldzorgen en gezondheid in "
                    "samenhang aanpakken, met intervisie op casussen uit de eigen praktijk."
                ),
                "for_whom": "Beleidsmedewerkers gezondheid en sociaal domein, schuldhulpverleners "
                "en medewerkers van de GGD.",
                "mode": Mode.FYSIEK,
                "organiser_name": "GezondIn en Pharos",
                "contact_email": "leerkringen@gezondin.example.nl",
                "capacity": FULL_CAPACITY,
                "max_per_gemeente": 3,
                "what_to_bring": p(
                    "Iedere deelnemer brengt één casus in: een huishouden, een wijk of een "
                    "beleidsvraag waarin geldzorgen en gezondheid samenkomen."
                ),
                "facilitator_names": "Sanne de Vries (Pharos) en Ahmed Yilmaz (GGD Hart voor "
                "Brabant)",
            },
            "meetings": [
                _meeting(
                    day(21),
                    (13, 30),
                    (16, 30),
                    "Kennismaking en eerste casussen",
                    tilburg,
                    "Stadskantoor Tilburg, zaal 2.14",
                    "Stadhuisplein 130\n5038 TC Tilburg",
                ),
                _meeting(
                    day(49),
                    (13, 30),
                    (16, 30),
                    "Vroegsignalering van schulden",
                    heerlen,
                    "Raadhuis Heerlen",
                    "Geleenstraat 27\n6411 HP Heerlen",
                ),
                _meeting(
                    day(77),
                    (13, 30),
                    (16, 30),
                    "Stress, gezondheid en dienstverlening",
                    utrecht,
                    "Stadskantoor Utrecht",
                    "Stadsplateau 1\n3521 AZ Utrecht",
                ),
                _meeting(
                    day(105),
                    (13, 30),
                    (16, 30),
                    "Wat nemen we mee?",
                    tilburg,
                    "Stadskantoor Tilburg, zaal 2.14",
                    "Stadhuisplein 130\n5038 TC Tilburg",
                ),
            ],
            "en": {
                "title": "Learning circle Poverty and health",
                "slug": "learning-circle-poverty-and-health",
                "intro": p(
                    "Four meetings on how municipalities tackle money worries and health "
                    "together, with peer consultation on cases from practice."
                ),
            },
            "full": True,
        },
        {
            "key": "leerkring-gezonde-wijk",
            "model": LeerkringPage,
            "themas": ["sociale-basis-in-de-wijk", "gezonde-fysieke-leefomgeving"],
            "fields": {
                "title": "Leerkring De gezonde wijk",
                "slug": "leerkring-de-gezonde-wijk",
                "intro": p(
                    "Een leerkring van vier gemeenten over wijkgericht werken aan gezondheid: "
                    "van wijkanalyse tot een gezamenlijke aanpak met bewoners."
                ),
                "for_whom": "Wijkcoördinatoren, beleidsmedewerkers en opbouwwerkers.",
                "mode": Mode.HYBRIDE,
                "organiser_name": "GezondIn",
                "capacity": 20,
                "summary": p(
                    "In vier bijeenkomsten bespraken twintig deelnemers hoe je bewoners vanaf het "
                    "begin betrekt bij een wijkaanpak. De belangrijkste les: begin bij wat al "
                    "werkt in de wijk, en maak afspraken over wie wat doet voordat er geld is.",
                    "De deelnemers schreven samen een handreiking voor de eerste honderd dagen "
                    "van een wijkaanpak.",
                ),
                "materials": [
                    {
                        "type": "link",
                        "value": {
                            "text": "Handreiking: de eerste honderd dagen van een wijkaanpak",
                            "url": "https://www.gezondin.example.nl/handreiking-wijkaanpak",
                            "description": "Opgesteld door de deelnemers van de leerkring.",
                        },
                    }
                ],
            },
            "meetings": [
                _meeting(
                    day(-160),
                    (9, 30),
                    (12, 30),
                    "Wijkanalyse",
                    heerlen,
                    "Wijkcentrum De Nieuwe Nor",
                    "Pancratiusplein 46\n6411 JZ Heerlen",
                    online=True,
                ),
                _meeting(
                    day(-130),
                    (9, 30),
                    (12, 30),
                    "Bewoners aan zet",
                    tilburg,
                    "Buurthuis De Poort",
                    "Hasseltstraat 2\n5046 LH Tilburg",
                    online=True,
                ),
                _meeting(
                    day(-100),
                    (9, 30),
                    (12, 30),
                    "Samenwerken met de woningcorporatie",
                    utrecht,
                    "Wijkbureau Overvecht",
                    "Zamenhofdreef 25\n3562 JT Utrecht",
                    online=True,
                ),
                _meeting(
                    day(-70),
                    (9, 30),
                    (12, 30),
                    "Terugblik en handreiking",
                    heerlen,
                    "Raadhuis Heerlen",
                    "Geleenstraat 27\n6411 HP Heerlen",
                    online=True,
                ),
            ],
        },
        {
            "key": "webinar-geldzorgen-bespreekbaar",
            "model": WebinarPage,
            "themas": ["armoede-en-schulden"],
            "fields": {
                "title": "Webinar: geldzorgen bespreekbaar maken",
                "slug": "webinar-geldzorgen-bespreekbaar-maken",
                "intro": p(
                    "Hoe vraag je naar geldzorgen zonder dat iemand zich schaamt? Twee sprekers "
                    "uit de praktijk delen wat werkt in het gesprek aan de balie en bij de "
                    "huisarts."
                ),
                "for_whom": "Baliemedewerkers, praktijkondersteuners en wijkteams.",
                "speakers": "Marieke Janssen (Nibud)\nDr. Youssef Amrani, huisarts in Heerlen",
                "organiser_name": "GezondIn en Nibud",
                "join_url": JOIN_URL,
                "capacity": 250,
            },
            "meetings": [_meeting(day(14), (15, 0), (16, 15), online=True)],
            "en": {
                "title": "Webinar: talking about money worries",
                "slug": "webinar-talking-about-money-worries",
                "intro": p(
                    "How do you ask about money worries without shame? Two speakers from "
                    "practice share what works at the counter and at the GP."
                ),
            },
        },
        {
            "key": "webinar-laaggeletterdheid",
            "model": WebinarPage,
            "themas": ["gezondheidsvaardigheden-en-laaggeletterdheid"],
            "fields": {
                "title": "Webinar: gezondheidsvaardigheden in de gemeente",
                "slug": "webinar-gezondheidsvaardigheden-in-de-gemeente",
                "intro": p(
                    "Eén op de vier Nederlanders heeft moeite met informatie over gezondheid. "
                    "Wat betekent dat voor brieven, websites en loketten van de gemeente?"
                ),
                "speakers": "Linda Bakker (Stichting Lezen & Schrijven)",
                "organiser_name": "GezondIn",
                "recording_url": "https://vimeo.com/76979871",
                "summary": p(
                    "Linda Bakker liet zien hoe drie gemeenten hun brieven herschreven met "
                    "inwoners. Het aantal vragen aan het loket daalde met een derde.",
                ),
            },
            "meetings": [_meeting(day(-45), (12, 0), (13, 0), online=True)],
        },
        {
            "key": "studiedag-gezond-opgroeien",
            "model": StudiedagPage,
            "themas": ["gezond-opgroeien-kansrijke-start"],
            "fields": {
                "title": "Studiedag Kansrijke start",
                "slug": "studiedag-kansrijke-start",
                "intro": p(
                    "Een dag over de eerste duizend dagen van een kind: wat gemeenten, "
                    "verloskundigen en jeugdgezondheidszorg samen kunnen doen."
                ),
                "for_whom": "Beleidsmedewerkers jeugd en gezondheid, JGZ en geboortezorg.",
                "mode": Mode.FYSIEK,
                "organiser_name": "GezondIn",
                "capacity": 80,
                "venue_name": "Jaarbeurs Meeting Center",
                "venue_address": "Jaarbeursplein 6\n3521 AL Utrecht",
                "programme": [
                    _slot("09:30", "10:00", "Inloop en koffie"),
                    _slot(
                        "10:00",
                        "10:45",
                        "Opening: waarom de eerste duizend dagen tellen",
                        "Prof. dr. Eva Mulder, Erasmus MC",
                    ),
                    _slot("11:00", "12:30", "Werksessies: coalities in de praktijk"),
                    _slot("12:30", "13:30", "Lunch"),
                    _slot("13:30", "15:00", "Casussen uit Tilburg en Heerlen"),
                    _slot("15:00", "15:30", "Afsluiting en borrel"),
                ],
            },
            "meetings": [
                _meeting(
                    day(60),
                    (9, 30),
                    (15, 30),
                    location="Jaarbeurs Meeting Center",
                    address="Jaarbeursplein 6\n3521 AL Utrecht",
                )
            ],
        },
    ]


def _slot(starts, ends, title, speaker=""):
    return {
        "type": "slot",
        "value": {
            "starts": starts,
            "ends": ends,
            "title": title,
            "speaker": speaker,
            "description": "",
        },
    }


@contextmanager
def _no_mail():
    """Demo participants are fictitious: their sign-ups send no e-mail."""
    with mock.patch.object(services, "_send", lambda mails: None):
        yield


def _ensure_activity(ctx: DemoContext, spec: dict, agenda: Page) -> Page:
    key = demo_key("page", spec["key"])
    existing = spec["model"].objects.filter(locale=ctx.default_locale, translation_key=key).first()
    if existing is not None:
        ctx.record(ACTIVITY_KIND, PRESENT, existing, existing.title)
        return existing
    fields = dict(spec["fields"])
    page = spec["model"](locale=ctx.default_locale, translation_key=key, **fields)
    page.bijeenkomsten = spec["meetings"]
    page.themas = list(Thema.objects.filter(locale=ctx.default_locale, slug__in=spec["themas"]))
    agenda.add_child(instance=page)
    page.save_revision().publish()
    page = type(page).objects.get(pk=page.pk)
    ctx.record(ACTIVITY_KIND, CREATED, page, page.title)
    return page


def _ensure_translation(ctx: DemoContext, page: Page, texts: dict) -> None:
    for locale in ctx.translation_locales:
        if locale.language_code != "en":
            continue
        if page.get_translation_or_none(locale) is not None:
            ctx.record(ACTIVITY_KIND, PRESENT, label=f"{texts['title']} [en]")
            continue
        translation = page.copy_for_translation(locale).specific
        translation.title = texts["title"]
        translation.draft_title = texts["title"]
        translation.intro = texts["intro"]
        translation.slug = texts["slug"]
        translation.save()
        translation.save_revision().publish()
        ctx.record(ACTIVITY_KIND, CREATED, translation, f"{translation.title} [en]")


def _fill_up(ctx: DemoContext, page: Page) -> None:
    """Demo sign-ups, through the services, so that the activity is nearly full."""
    with _no_mail():
        for number in range(1, FULL_SIGNUPS + 1):
            email = f"deelnemer{number}@example.nl"
            if Aanmelding.objects.filter(activity_id=page.pk, email=email).exists():
                ctx.report.add(SIGNUP_KIND, PRESENT)
                continue
            aanmelding, _outcome = services.request_signup(
                page,
                {
                    "name": f"Deelnemer {number}",
                    "email": email,
                    "organisation": "Voorbeeldorganisatie",
                    "role": "Beleidsmedewerker",
                },
                "nl",
            )
            services.confirm(aanmelding)
            ctx.report.add(SIGNUP_KIND, CREATED)


def _after_the_kennisbank(ctx: DemoContext, pages: list[Page]) -> None:
    """Put a new agenda page right after the kennisbank in the menu (not last): the two things
    people come for side by side. Only pages made in this run move; an editor's order stays."""
    kennisbanks = ctx.objects.get("kennisbank", {}).get("index", {}).get("kennisbank", {})
    for page in pages:
        target = kennisbanks.get(page.locale.language_code)
        if target is None:
            continue
        target, page = Page.objects.get(pk=target.pk), Page.objects.get(pk=page.pk)
        if target.is_sibling_of(page):
            page.move(target, pos="right")


@register_step("leerkringen-agenda", order=600)
def load_agenda(ctx: DemoContext) -> None:
    """The agenda page (in the main menu) and its activities."""
    home = ctx.objects["pages"]["home"]
    default = ctx.default_locale.language_code
    before = len(ctx.objects.get("pending_pages", []))
    agenda = ensure_page(ctx, AGENDA, home[default], kind=AGENDA_KIND)
    created = {page.pk for _spec, _language, page in ctx.objects["pending_pages"][before:]}
    publish_pending_pages(ctx)
    _after_the_kennisbank(ctx, [page for page in agenda.values() if page.pk in created])
    agenda = {language: AgendaPage.objects.get(pk=page.pk) for language, page in agenda.items()}
    ctx.objects.setdefault("leerkringen", {})["agenda"] = agenda

    hosts = Gemeente.objects.in_bulk([TILBURG, HEERLEN, UTRECHT], field_name="cbs_code")
    today = timezone.localdate()
    for spec in _activities(today, hosts):
        page = _ensure_activity(ctx, spec, AgendaPage.objects.get(pk=agenda[default].pk))
        if "en" in spec and "en" in agenda:
            _ensure_translation(ctx, page, spec["en"])
        if spec.get("full"):
            _fill_up(ctx, page)
