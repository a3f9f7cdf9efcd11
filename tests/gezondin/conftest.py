"""Fixtures and helpers shared by the core's tests, most of them by the API tests (test_api.py,
test_api_privacy.py, test_api_filters.py, test_cache_generations.py).

The tree:

    home ─ Kennisbank ─ "Wonen zonder zorgen" (wonen; Utrecht; a person who consented)
         │            ├ "Gezond opgroeien in Zuid" (opgroeien; Rotterdam)
         │            ├ handreiking (armoede; published by GGD Amsterdam), factsheet (wonen)
         └ Gemeenten ─ Gemeente Amsterdam ─ "Schuldhulp aan de keukentafel" (armoede, jongeren;
                                              Amsterdam; a partner, a team mailbox, an approach
                                              with a page link, an image and a document)
"""

import datetime
import json
from types import SimpleNamespace

from django.utils import timezone
from wagtail_factories import DocumentFactory, ImageFactory

from gezondin.models import Gemeente
from leerkringen.models import Aanmelding, AanmeldingStatus, StudiedagPage, WebinarPage
from tests.conftest import shared_fixture
from tests.factories import DoelgroepFactory, OrganisatieFactory, ThemaFactory
from tests.kennisbank.factories import (
    GemeenteIndexPageFactory,
    GemeentePageFactory,
    KennisartikelPageFactory,
    KennisbankPageFactory,
    PraktijkvoorbeeldPageFactory,
    amsterdam,
    publish,
    translate,
)
from tests.leerkringen.factories import make_activity, make_agenda

API = "/api/v2/"


def get(client, url, status=200, **extra):
    response = client.get(url, **extra)
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def item_ids(data):
    return [item["id"] for item in data["items"]]


def gemeente(code):
    return Gemeente.objects.get(cbs_code=code)


# Fixtures ----------------------------------------------------------------------------------------


@shared_fixture
def content(home_page, locales):
    terms = SimpleNamespace(
        armoede=ThemaFactory(name="Armoede en schulden", slug="armoede-en-schulden"),
        wonen=ThemaFactory(name="Wonen", slug="wonen"),
        opgroeien=ThemaFactory(name="Gezond opgroeien", slug="gezond-opgroeien"),
        jongeren=DoelgroepFactory(name="Jongeren", slug="jongeren"),
    )
    for term, name in [(terms.armoede, "Poverty and debt"), (terms.wonen, "Housing")]:
        translation = term.copy_for_translation(locales["en"])
        translation.name = name
        translation.save()
    kennisbank = publish(KennisbankPageFactory(parent=home_page))
    gemeenten = publish(GemeenteIndexPageFactory(parent=home_page))
    section = publish(
        GemeentePageFactory(
            parent=gemeenten, gemeente=amsterdam(), title="Gemeente Amsterdam", slug="amsterdam"
        )
    )
    ggd = OrganisatieFactory(name="GGD Amsterdam", website="https://www.ggd.amsterdam.example")
    image = ImageFactory(title="Keukentafel", file__width=2000, file__height=1000)
    document = DocumentFactory(title="Werkwijze", file__filename="werkwijze.pdf")
    approach = [
        {
            "type": "paragraph",
            "value": f'<p>Zie <a linktype="page" id="{kennisbank.pk}">de kennisbank</a>.</p>',
        },
        {
            "type": "figure",
            "value": {
                "image": {
                    "image": image.pk,
                    "alt_text": "Twee mensen aan tafel",
                    "decorative": False,
                },
                "caption": "Aan de keukentafel",
            },
        },
        {"type": "document", "value": {"document": document.pk, "title": ""}},
    ]
    practice = publish(
        PraktijkvoorbeeldPageFactory(
            parent=section,
            title="Schuldhulp aan de keukentafel",
            slug="keukentafel",
            themas=[terms.armoede],
            doelgroepen=[terms.jongeren],
            gemeenten=[amsterdam()],
            partners=[(ggd, "doet de huisbezoeken")],
            approach=json.dumps(approach),
            results=f'<p>Meer in <a linktype="page" id="{section.pk}">Amsterdam</a>.</p>',
            contact_name="Team Geldzorgen",
            contact_email="geldzorgen@amsterdam.example",
            erkenning="goed-onderbouwd",
            erkenning_date=datetime.date(2024, 6, 1),
            intervention_name="Schuldhulp Thuis",
            intervention_url="https://interventies.example/schuldhulp-thuis",
            funding="GIDS-middelen",
        )
    )
    national = publish(
        PraktijkvoorbeeldPageFactory(
            parent=kennisbank,
            title="Wonen zonder zorgen",
            slug="wonen-zonder-zorgen",
            themas=[terms.wonen],
            gemeenten=[gemeente("GM0344")],
            contact_name="Sanne de Vries",
            contact_email="sanne.de.vries@example.nl",
            contact_phone="06 12345678",
            contact_is_person=True,
            contact_consent=True,
        )
    )
    opgroeien = publish(
        PraktijkvoorbeeldPageFactory(
            parent=kennisbank,
            title="Gezond opgroeien in Zuid",
            slug="gezond-opgroeien-in-zuid",
            themas=[terms.opgroeien],
            gemeenten=[gemeente("GM0599")],
        )
    )
    article = publish(
        KennisartikelPageFactory(
            parent=kennisbank,
            title="Handreiking schulden en gezondheid",
            slug="handreiking-schulden",
            kind="handreiking",
            themas=[terms.armoede],
            source_organisatie=ggd,
            publication_date=datetime.date(2024, 3, 1),
            body=json.dumps([{"type": "paragraph", "value": "<p>Vijf stappen.</p>"}]),
        )
    )
    factsheet = publish(
        KennisartikelPageFactory(
            parent=kennisbank, title="Factsheet wonen", kind="factsheet", themas=[terms.wonen]
        )
    )
    return SimpleNamespace(
        terms=terms,
        kennisbank=kennisbank,
        section=section,
        practice=practice,
        national=national,
        opgroeien=opgroeien,
        article=article,
        factsheet=factsheet,
        image=image,
        document=document,
        locales=locales,
    )


@shared_fixture
def english(content, english_home, locales):
    """The kennisbank and the national practice in English."""
    translate(content.kennisbank, locales["en"], title="Knowledge base", slug="knowledge-base")
    page = translate(content.national, locales["en"], title="Living without worries", slug="living")
    publish(content.national)  # copies the term and municipality links to the translation
    return page


@shared_fixture
def activities(home_page):
    """A circle hosted by Utrecht (in 30 days) with 2 of 10 seats taken, a webinar with a join
    link and a sign-up (in 40 days), a study day at a venue and a circle that is over."""
    now = timezone.now()
    agenda = make_agenda(home_page)
    circle = make_activity(
        agenda, title="Leerkring Utrecht", start=now + datetime.timedelta(30), capacity=10
    )
    circle.bijeenkomsten.update(host_gemeente=gemeente("GM0344"))
    for i, status in enumerate(
        [AanmeldingStatus.CONFIRMED, AanmeldingStatus.CONFIRMED, AanmeldingStatus.CANCELLED]
    ):
        Aanmelding.objects.create(
            activity=circle, name=f"Deelnemer {i}", email=f"deelnemer{i}@example.org", status=status
        )
    webinar = make_activity(
        agenda,
        WebinarPage,
        title="Webinar Geldzorgen",
        start=now + datetime.timedelta(40),
        join_url="https://meet.example/j/geheime-deelnamelink-4821",
        speakers="Fatima El Amrani",
    )
    webinar.bijeenkomsten.update(location_name="", address="", online=True)
    Aanmelding.objects.create(
        activity=webinar,
        name="Joris Aanmelder",
        email="joris.aanmelder@example.org",
        organisation="Gemeente Zwolle",
        status=AanmeldingStatus.CONFIRMED,
    )
    studiedag = make_activity(
        agenda,
        StudiedagPage,
        title="Studiedag Kansrijke start",
        start=now + datetime.timedelta(70),
        venue_name="Jaarbeurs",
        venue_address="Jaarbeursplein 6\n3521 AL Utrecht",
    )
    studiedag.bijeenkomsten.update(location_name="", address="")
    past = make_activity(
        agenda,
        title="Leerkring Voorbij",
        start=now - datetime.timedelta(100),
        summary="<p>Wat we leerden.</p>",
        materials=json.dumps(
            [
                {
                    "type": "link",
                    "value": {
                        "page": None,
                        "url": "https://example.org/verslag",
                        "text": "Verslag",
                        "description": "",
                    },
                }
            ]
        ),
    )
    # Stored schedules follow the meetings changed above.
    for page in (circle, webinar, studiedag):
        publish(page)
    return SimpleNamespace(
        agenda=agenda, circle=circle, webinar=webinar, studiedag=studiedag, past=past
    )
