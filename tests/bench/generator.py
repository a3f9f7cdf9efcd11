"""``load_demo --practices N``: generated practice examples for benchmarks.

Practice number *n* always gets the slug ``demo-praktijk-0000n`` and the same (seeded) content,
place, terms and municipalities, so ``--practices 1000`` twice leaves 1000 generated practices;
only missing numbers are made, none are deleted. They go under the national kennisbank or a
municipality's section, link to random terms and to municipalities all over the country.

Publishing page by page (``save_revision().publish()``) manages three or four a second. Here
the pages are written live in bulk instead: the page rows with their tree paths and URL paths,
one published revision each (``latest_revision`` = ``live_revision``), the vocabulary links and
partners, the parents' child counts, a few hundred a second; then they are added to every search
backend in bulk, which takes most of the time. What is left out: page log entries, Wagtail's
reference index (the "usage" counts in the admin) and the ``page_published`` signal.
"""

from __future__ import annotations

import datetime
import random
import re
import time

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import CommandError
from django.db import connection
from django.db.models import F, prefetch_related_objects
from django.utils import timezone
from django.utils.text import slugify
from modelcluster.models import get_serializable_data_for_fields
from wagtail.models import Page, Revision
from wagtail.search.backends import get_search_backends

from gezondin.demo import CREATED, PRESENT, DemoContext
from gezondin.demo.builder import demo_key, stream_value
from gezondin.models import Gemeente, Organisatie
from kennisbank.demo.content import months_ago, rich, stream
from kennisbank.filters import VOCABULARY_MODELS
from kennisbank.models import (
    PRACTICE_NEEDS,
    PRACTICE_SECTIONS,
    VOCABULARY_FIELDS,
    Erkenning,
    GemeentePage,
    KennisbankPage,
    KennisPage,
    KennisType,
    PraktijkvoorbeeldPage,
    PraktijkvoorbeeldPartner,
)

KIND = "Generated practices"
SLUG_PREFIX = "demo-praktijk-"
SLUG_RE = re.compile(rf"^{SLUG_PREFIX}(\d+)$")
BATCH = 500
SEED = "gezondin-demo"

# Phrase banks ------------------------------------------------------------------------------------
# Each topic: (title phrase, what it is about in a sentence, theme slugs, domain slugs).
TOPICS = [
    (
        "Schuldhulp aan de keukentafel",
        "hulp bij geldzorgen en schulden, thuis bij mensen",
        ["armoede-en-schulden"],
        ["inkomen-en-schulden", "sociaal-domein"],
    ),
    (
        "Vroegsignalering van betalingsachterstanden",
        "eerder in beeld komen bij achterstanden",
        ["armoede-en-schulden", "werk-en-bestaanszekerheid"],
        ["inkomen-en-schulden"],
    ),
    (
        "Gezonde schoolpleinen",
        "groene en uitdagende schoolpleinen die na schooltijd open zijn",
        ["gezonde-fysieke-leefomgeving", "gezond-opgroeien-kansrijke-start"],
        ["onderwijs", "ruimtelijke-ordening-en-leefomgeving"],
    ),
    (
        "Kansrijke start",
        "steun voor (aanstaande) ouders in de eerste 1000 dagen",
        ["gezond-opgroeien-kansrijke-start"],
        ["zorg-en-welzijn", "publieke-gezondheid"],
    ),
    (
        "Wijkgericht werken",
        "professionals die samen vanuit één wijkteam werken",
        ["sociale-basis-in-de-wijk", "van-zorg-naar-gezondheid"],
        ["sociaal-domein"],
    ),
    (
        "Gezondheidsvaardigheden in de huisartsenpraktijk",
        "begrijpelijke zorg voor iedereen",
        ["gezondheidsvaardigheden-en-laaggeletterdheid", "van-zorg-naar-gezondheid"],
        ["zorg-en-welzijn"],
    ),
    (
        "Energiearmoede en vochtige woningen",
        "een warm en droog huis zonder hoge energierekening",
        ["wonen", "armoede-en-schulden"],
        ["wonen", "inkomen-en-schulden"],
    ),
    (
        "Werk als medicijn",
        "re-integratie waarin gezondheid meetelt",
        ["werk-en-bestaanszekerheid", "mentale-gezondheid"],
        ["werk", "sociaal-domein"],
    ),
    (
        "Sporten voor kinderen uit gezinnen met weinig geld",
        "sport en cultuur voor ieder kind",
        ["leefstijl", "armoede-en-schulden"],
        ["sport-en-bewegen", "inkomen-en-schulden"],
    ),
    (
        "Mentale gezondheid van jongeren",
        "jongeren die weten waar ze terechtkunnen",
        ["mentale-gezondheid", "gezond-opgroeien-kansrijke-start"],
        ["onderwijs", "zorg-en-welzijn"],
    ),
    (
        "Positieve gezondheid",
        "het gesprek over wat mensen zelf belangrijk vinden",
        ["van-zorg-naar-gezondheid", "sociale-basis-in-de-wijk"],
        ["zorg-en-welzijn"],
    ),
    (
        "Groen en hitte in de wijk",
        "koele, groene plekken dichtbij huis",
        ["gezonde-fysieke-leefomgeving", "wonen"],
        ["ruimtelijke-ordening-en-leefomgeving"],
    ),
    (
        "Buurtsportcoaches",
        "laagdrempelig bewegen onder begeleiding in de buurt",
        ["leefstijl", "sociale-basis-in-de-wijk"],
        ["sport-en-bewegen"],
    ),
    (
        "Gezondheid van statushouders",
        "gezondheid als vast onderdeel van de inburgering",
        ["gezondheidsvaardigheden-en-laaggeletterdheid", "van-zorg-naar-gezondheid"],
        ["sociaal-domein", "publieke-gezondheid"],
    ),
    (
        "Ondersteuning van mantelzorgers",
        "mantelzorgers die het vol kunnen houden",
        ["sociale-basis-in-de-wijk", "mentale-gezondheid"],
        ["sociaal-domein", "zorg-en-welzijn"],
    ),
    (
        "Eenzaamheid onder ouderen",
        "ontmoeting en omzien naar elkaar",
        ["sociale-basis-in-de-wijk", "mentale-gezondheid"],
        ["sociaal-domein"],
    ),
    (
        "Gezonde voedselomgeving",
        "een gezonde keuze die makkelijk en betaalbaar is",
        ["leefstijl", "gezonde-fysieke-leefomgeving"],
        ["publieke-gezondheid", "ruimtelijke-ordening-en-leefomgeving"],
    ),
    (
        "Rookvrije generatie",
        "kinderen die rookvrij kunnen opgroeien",
        ["leefstijl", "gezond-opgroeien-kansrijke-start"],
        ["publieke-gezondheid", "sport-en-bewegen"],
    ),
    (
        "Laaggeletterdheid en digitale vaardigheden",
        "taal- en digitale hulp dichtbij",
        ["gezondheidsvaardigheden-en-laaggeletterdheid"],
        ["onderwijs", "sociaal-domein"],
    ),
    (
        "Gezond werk voor mensen met praktisch werk",
        "gezond werken voor iedereen",
        ["werk-en-bestaanszekerheid", "leefstijl"],
        ["werk"],
    ),
]
FORMATS = [
    "{topic}",
    "{topic} in {wijk}",
    "{format}: {topic_lower}",
    "{format} {topic_lower} in {wijk}",
    "{topic}: {motto}",
    "Samen aan de slag: {topic_lower}",
]
PROGRAMME_WORDS = [
    "Pilot",
    "Wijkaanpak",
    "Proeftuin",
    "Programma",
    "Leernetwerk",
    "Project",
    "Samenwerking",
]
INTRO_TAILS = [
    "Met partners uit zorg, welzijn en onderwijs.",
    "De aanpak loopt in een paar buurten en wordt stap voor stap uitgebreid.",
    "Bewoners denken vanaf het begin mee.",
    "Een eerste evaluatie is positief, al is het bereik nog beperkt.",
    "Het begon als pilot en is inmiddels onderdeel van het gewone werk.",
]
MOTTOS = [
    "dichtbij en zonder drempels",
    "de wijk aan zet",
    "van losse projecten naar één aanpak",
    "eerst luisteren, dan doen",
    "wat werkt, houden we vast",
    "kleine stappen, grote winst",
    "samen met bewoners",
]
WIJKEN = [
    "de Vogelbuurt",
    "Oosterhof",
    "Kanaalzone",
    "de Bloemenwijk",
    "Noord-West",
    "het Centrum",
    "de Schildersbuurt",
    "Zuidrand",
    "Molenveld",
    "de Stationsbuurt",
    "Ravenhorst",
    "Dorpsakker",
    "Hoogland-Oost",
    "de Parkwijk",
    "Rivierenbuurt",
    "Klaverveld",
    "de Oude Haven",
    "Wittenburg",
]
AUTHORS = [
    "De gemeente",
    "Het wijkteam",
    "De GGD",
    "Een coalitie van zorg, welzijn en gemeente",
    "Het sociaal werk",
    "Een groep bewoners",
]
PROBLEMS = [
    "In {wijk} leven veel huishoudens van een laag inkomen en is de ervaren gezondheid "
    "duidelijk slechter dan in de rest van de gemeente.",
    "Professionals zagen dezelfde gezinnen terugkomen met problemen die elkaar versterken: "
    "schulden, slecht slapen, stress en weinig bewegen.",
    "De gezondheidsmonitor liet zien dat {share}% van de volwassenen in {wijk} zich vaak "
    "eenzaam voelt en dat weinig mensen de weg naar hulp weten te vinden.",
    "Bestaande voorzieningen bereikten vooral mensen die het zelf al redden; wie het het "
    "meest nodig had, bleef buiten beeld.",
    "Bewoners gaven aan dat de buurt weinig uitnodigt tot bewegen en ontmoeten: te weinig "
    "groen, veel verkeer en weinig plekken om elkaar te zien.",
    "Scholen en huisartsen merkten dat taal, geld en wonen vaak meer invloed hadden op de "
    "gezondheid van hun leerlingen en patiënten dan wat zij zelf konden bieden.",
]
GOALS = [
    "Minder stress en betere ervaren gezondheid bij de deelnemers binnen twee jaar.",
    "Eerder in contact komen met mensen die hulp nodig hebben, vóórdat problemen groot zijn.",
    "Een aanpak die bewoners zelf mee vormgeven en die blijft bestaan na de projectperiode.",
    "Gezondheid een vaste plek geven in het werk van de partners buiten de zorg.",
    "Meer kinderen en jongeren die dagelijks buiten spelen, sporten of bewegen.",
]
STEPS = [
    "We begonnen met gesprekken met bewoners: wat maakt het hier lastig om gezond te leven?",
    "Een vaste contactpersoon per gezin houdt overzicht en schakelt andere hulp in.",
    "Partners spraken af elkaar binnen een week terug te bellen en warm over te dragen.",
    "Een kleine werkgroep met een ervaringsdeskundige bewaakt dat de aanpak aansluit.",
    "Elke zes weken bespreken de partners samen wat er goed gaat en wat beter kan.",
    "Het aanbod vindt plaats op plekken waar mensen toch al komen: school, buurthuis, markt.",
    "Medewerkers volgden een korte training in het signaleren van geldzorgen en laaggeletterdheid.",
    "We gebruiken eenvoudige taal, beeldmateriaal en waar nodig een tolk.",
]
QUOTES = [
    (
        "Mensen komen pas als ze je kennen. Dat kost tijd, maar daarna gaat het snel.",
        "Sociaal werker",
    ),
    ("Ik durfde eindelijk mijn post weer open te maken.", "Deelnemer"),
    ("We praten nu mét bewoners in plaats van óver hen.", "Beleidsmedewerker gezondheid"),
    ("De lijntjes zijn kort geworden; ik weet wie ik moet bellen.", "Praktijkondersteuner"),
]
TIPS = [
    "Begin klein in één wijk en breid pas uit als de samenwerking staat.",
    "Maak vooraf afspraken over het delen van gegevens en leg ze vast.",
    "Reken op minstens een jaar voordat bewoners de aanpak echt weten te vinden.",
    "Betrek een ervaringsdeskundige vanaf de eerste bijeenkomst, niet achteraf.",
    "Zorg voor een bestuurder die het onderwerp agendeert als het lastig wordt.",
]
ELEMENTS = [
    "een vast gezicht in de wijk",
    "outreachend werken: op huisbezoek in plaats van wachten",
    "één plan per huishouden",
    "korte lijnen tussen zorg, sociaal werk en gemeente",
    "bewoners die meebeslissen over het budget",
    "aandacht voor geld én gezondheid in hetzelfde gesprek",
    "laagdrempelig en gratis aanbod",
    "samenwerking met de woningcorporatie",
    "gebruik van bestaande netwerken van scholen en verenigingen",
]
RESULTS = [
    "Er deden {n} huishoudens mee; {pct}% gaf na een half jaar aan minder stress te ervaren.",
    "In het eerste jaar werden {n} mensen bereikt, van wie ongeveer een derde nooit eerder "
    "hulp had gezocht.",
    "{n} kinderen sportten een seizoen lang wekelijks; {pct}% bleef daarna lid van een club.",
    "De gemiddelde wachttijd voor een eerste gesprek daalde van zes naar twee weken.",
    "{pct}% van de deelnemers beoordeelde de aanpak met een 7 of hoger.",
]
MONITORING = [
    "Korte vragenlijst bij start en na zes maanden, aangevuld met gesprekken met deelnemers.",
    "Registratie van bereik en doorverwijzingen door de partners, elk kwartaal besproken.",
    "Gegevens uit de gezondheidsmonitor van de GGD, vergeleken met de rest van de gemeente.",
    "Een evaluatie door studenten van de hogeschool, met interviews met professionals.",
]
LESSONS = [
    "Een gezamenlijke taal over gezondheid helpt: we gebruiken het gesprek over wat mensen "
    "zelf belangrijk vinden.",
    "Projectgeld voor een jaar is te kort; zoek vanaf het begin naar structurele financiering.",
    "Niet iedere partner heeft hetzelfde tempo; houd ook de langzamere partners aan boord.",
    "Cijfers overtuigen bestuurders, verhalen van bewoners overtuigen professionals.",
    "Wat in de ene wijk werkt, moet in de volgende opnieuw worden ingericht.",
]
TEAMS = [
    "Een projectleider (0,4 fte), twee wijkprofessionals en een ervaringsdeskundige.",
    "Een kwartiermaker bij de gemeente en vaste contactpersonen bij de partners.",
    "Buurtsportcoaches, een jongerenwerker en vrijwilligers uit de wijk.",
    "Een coördinator bij de GGD en een beleidsmedewerker per deelnemende gemeente.",
]
TIMES = [
    "Een half jaar voorbereiding, daarna twee jaar uitvoering.",
    "Loopt sinds drie jaar; de opbouw kostte ruim een jaar.",
    "Een pilot van achttien maanden met een evaluatie halverwege.",
]
BUDGETS = [
    "Ongeveer € {k}.000 per jaar, vooral voor uren en activiteiten.",
    "Circa € {k}.000 voor de pilot, plus inzet van de partners uit eigen middelen.",
    "Eenmalig € {k}.000 voor de inrichting, daarna vooral personeelskosten.",
]
FUNDING = [
    "SPUK GIDS-middelen",
    "gemeentelijk budget sociaal domein",
    "zorgverzekeraar",
    "provinciale subsidie",
    "fonds of stichting",
    "middelen uit het Gezond en Actief Leven Akkoord",
    "woningcorporatie",
]
ROLES = [
    "voert de huisbezoeken uit",
    "levert de buurtsportcoaches",
    "signaleert en verwijst door",
    "stelt ruimte beschikbaar",
    "zorgt voor monitoring en advies",
    "financiert een deel van de aanpak",
    "brengt de ervaringen van bewoners in",
    "coördineert de samenwerking",
]
INTERVENTIONS = [
    "Sterk in de Wijk",
    "GeldWijzer aan Tafel",
    "Samen Bewegen Dichtbij",
    "Goed Gestart Thuis",
    "Taalmaatjes Gezondheid",
]
CONTACTS = ["Team Gezondheid", "Programma Gezonde Wijk", "Wijkteam", "Beleidsteam Preventie"]
TEXT_FIELDS = [*PRACTICE_SECTIONS, *PRACTICE_NEEDS]
RECOGNISED = [level for level in Erkenning.values if level != Erkenning.NIET_BEOORDEELD]


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + "."


def _pick(rng: random.Random, items, low: int, high: int) -> list:
    return rng.sample(items, rng.randint(low, min(high, len(items))))


class _Vocabularies:
    """The default language's terms per vocabulary field: ids by slug, in sort order."""

    def __init__(self, ctx: DemoContext):
        vocabularies = ctx.objects["vocabularies"]
        self.by_field = {
            VOCABULARY_FIELDS[name]: {
                slug: term.pk for slug, term in vocabularies[model.__name__].items()
            }
            for name, model in VOCABULARY_MODELS.items()
        }


# Text -------------------------------------------------------------------------------------------


def _texts(rng: random.Random, place: str) -> dict:
    topic, about, themas, domeinen = rng.choice(TOPICS)
    wijk = rng.choice(WIJKEN)
    title = rng.choice(FORMATS).format(
        topic=topic,
        topic_lower=topic[0].lower() + topic[1:],
        wijk=wijk,
        format=rng.choice(PROGRAMME_WORDS),
        motto=rng.choice(MOTTOS),
    )
    share = rng.randint(12, 38)
    problems = [p.format(wijk=wijk, share=share) for p in _pick(rng, PROBLEMS, 1, 3)]
    figures = {"n": rng.randint(3, 60) * 5, "pct": rng.randint(35, 85)}
    approach = ["## Hoe we het aanpakten", *_pick(rng, STEPS, 2, 4)]
    if rng.random() < 0.5:
        text, who = rng.choice(QUOTES)
        approach.append(f"> {text}\n>\n> -- {who}, {place}")
    if rng.random() < 0.6:
        approach.append("TIP: " + rng.choice(TIPS))
    approach += ["### Vervolg", rng.choice(STEPS)]
    return {
        "title": title,
        "themas": themas,
        "domeinen": domeinen,
        "intro": f"{rng.choice(AUTHORS)} in {place} werkt aan {about}. {rng.choice(INTRO_TAILS)}",
        "background": rich("\n\n".join(problems)),
        "goal": rich(rng.choice(GOALS)),
        "approach": stream("\n\n".join(approach)),
        "working_elements": rich("\n".join(f"- {item}" for item in _pick(rng, ELEMENTS, 2, 4))),
        "results": rich(
            "\n\n".join(result.format(**figures) for result in _pick(rng, RESULTS, 1, 3))
        ),
        "monitoring": rich(rng.choice(MONITORING)),
        "lessons": rich("\n\n".join(_pick(rng, LESSONS, 1, 3))),
        "needs_team": rng.choice(TEAMS),
        "needs_time": rng.choice(TIMES),
        "needs_budget": rng.choice(BUDGETS).format(k=rng.randint(2, 30) * 5),
        "funding": _sentence(", ".join(_pick(rng, FUNDING, 1, 3))),
    }


# Bulk writing ------------------------------------------------------------------------------------


def _insert_rows(model, objs) -> None:
    """INSERT the local columns of one table of a multi-table model (bulk_create refuses those)."""
    fields = model._meta.local_concrete_fields
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    rows = [[f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields] for obj in objs]
    with connection.cursor() as cursor:
        # Only quoted identifiers from the model's meta go into the SQL; values are parameters.
        sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"  # noqa: S608
        cursor.executemany(sql, rows)


def _through(fieldname: str):
    """The link table of a vocabulary field and the attname of its term column."""
    through = KennisPage._meta.get_field(fieldname).remote_field.through
    target = next(
        f.attname
        for f in through._meta.get_fields()
        if f.many_to_one and f.related_model is not KennisPage
    )
    return through, target


class _Parent:
    """A page that gets generated children: the next free tree path and how many were added."""

    def __init__(self, page: Page):
        self.page = page
        last = (
            Page.objects.filter(path__startswith=page.path, depth=page.depth + 1)
            .order_by("-path")
            .values_list("path", flat=True)
            .first()
        )
        self.next_step = Page._str2int(last[-Page.steplen :]) + 1 if last else 1
        self.added = 0

    def next_path(self) -> str:
        path = Page._get_path(self.page.path, self.page.depth + 1, self.next_step)
        self.next_step += 1
        self.added += 1
        return path


def existing_numbers(locale) -> set[int]:
    slugs = PraktijkvoorbeeldPage.objects.filter(
        locale=locale, slug__startswith=SLUG_PREFIX
    ).values_list("slug", flat=True)
    return {int(match[1]) for slug in slugs if (match := SLUG_RE.match(slug))}


def _terms_for(rng: random.Random, texts: dict, vocabularies: _Vocabularies) -> dict:
    """Term ids per vocabulary field: the topic's themes and domains plus random ones."""
    by_field = vocabularies.by_field
    terms = {}
    for fieldname, fixed, low, high in (
        ("themas", texts["themas"], 0, 1),
        ("sporen", (), 1, 2),
        ("pijlers", (), 1, 3),
        ("doelgroepen", (), 1, 3),
        ("domeinen", texts["domeinen"], 0, 1),
        ("levensfasen", (), 1, 2),
    ):
        ids = list(by_field[fieldname].values())
        chosen = [by_field[fieldname][slug] for slug in fixed] + _pick(rng, ids, low, high)
        terms[fieldname] = list(dict.fromkeys(chosen))
    return terms


def _build(number: int, rng: random.Random, parent: _Parent, own_gemeente, batch: _Batch):
    """One generated practice in memory, with its links and partners noted in ``batch``."""
    places = rng.sample(batch.gemeenten, rng.randint(1, 3))
    gemeente_ids = list(
        dict.fromkeys(([own_gemeente] if own_gemeente else []) + [pk for pk, _name in places])
    )
    place = parent.page.title if own_gemeente else places[0][1]
    texts = _texts(rng, place)

    published = batch.now - datetime.timedelta(
        days=rng.randint(1, 5 * 365), minutes=rng.randint(0, 24 * 60)
    )
    started_on = (published - datetime.timedelta(days=rng.randint(60, 900))).date()
    finished = rng.random() < 0.35
    slug = f"{SLUG_PREFIX}{number:05d}"
    page = PraktijkvoorbeeldPage(
        title=texts["title"],
        draft_title=texts["title"],
        slug=slug,
        content_type_id=batch.content_type_id,
        locale_id=batch.locale_id,
        translation_key=demo_key("generated-practice", slug),
        live=True,
        has_unpublished_changes=False,
        first_published_at=published,
        last_published_at=published,
        latest_revision_created_at=published,
        path=parent.next_path(),
        depth=parent.page.depth + 1,
        numchild=0,
        url_path=f"{parent.page.url_path}{slug}/",
        kind=KennisType.PRAKTIJKVOORBEELD,
        intro=rich(texts["intro"]),
        status=PraktijkvoorbeeldPage.Status.AFGEROND
        if finished
        else PraktijkvoorbeeldPage.Status.LOPEND,
        start_date=started_on,
        end_date=published.date() if finished else None,
        last_checked=months_ago(rng.randint(0, 24), batch.now.date()),
        contact_name=rng.choice(CONTACTS),
        contact_email=f"gezondheid@{slugify(place)}.example.nl",
    )
    page.approach = stream_value(PraktijkvoorbeeldPage, "approach", texts["approach"])
    for name in TEXT_FIELDS:
        setattr(page, name, texts[name])
    if rng.random() < 0.15:
        page.intervention_name = rng.choice(INTERVENTIONS)
        page.intervention_url = f"https://interventies.example.nl/{slugify(page.intervention_name)}"
        page.erkenning = rng.choice(RECOGNISED)
        page.erkenning_date = started_on
    batch.pages.append(page)
    batch.links.append({**_terms_for(rng, texts, batch.vocabularies), "gemeenten": gemeente_ids})
    batch.partners.append([(pk, rng.choice(ROLES)) for pk in _pick(rng, batch.organisaties, 0, 3)])


class _Batch:
    """Pages of one batch in memory, with what goes into the other tables."""

    def __init__(self, *, gemeenten, organisaties, vocabularies, content_type_id, locale_id, now):
        self.gemeenten = gemeenten
        self.organisaties = organisaties
        self.vocabularies = vocabularies
        self.content_type_id = content_type_id
        self.locale_id = locale_id
        self.now = now
        self.reset()

    def reset(self):
        self.pages: list[PraktijkvoorbeeldPage] = []
        self.links: list[dict[str, list[int]]] = []
        self.partners: list[list[tuple[int, str]]] = []

    def write(self) -> list[PraktijkvoorbeeldPage]:
        """Write the pages, revisions, links and partners; returns the pages (with ids)."""
        pages = self.pages
        if not pages:
            return []
        base_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
        rows = [
            Page(**{f.attname: getattr(page, f.attname) for f in base_fields}) for page in pages
        ]
        Page.objects.bulk_create(rows)
        if any(row.pk is None for row in rows):  # no RETURNING (old SQLite): find them by path
            ids = dict(
                Page.objects.filter(path__in=[row.path for row in rows]).values_list("path", "pk")
            )
            for row in rows:
                row.pk = ids[row.path]
        for page, row in zip(pages, rows, strict=True):
            page.id = page.page_ptr_id = page.kennispage_ptr_id = row.pk
        _insert_rows(KennisPage, pages)
        _insert_rows(PraktijkvoorbeeldPage, pages)

        for fieldname in [*VOCABULARY_FIELDS.values(), "gemeenten"]:
            through, target = _through(fieldname)
            through.objects.bulk_create(
                [
                    through(kennispage_id=page.pk, **{target: term_id})
                    for page, links in zip(pages, self.links, strict=True)
                    for term_id in links[fieldname]
                ]
            )
        partners = [
            [
                PraktijkvoorbeeldPartner(
                    page_id=page.pk, organisatie_id=organisatie_id, role=role, sort_order=position
                )
                for position, (organisatie_id, role) in enumerate(specs)
            ]
            for page, specs in zip(pages, self.partners, strict=True)
        ]
        PraktijkvoorbeeldPartner.objects.bulk_create([p for group in partners for p in group])

        revisions = [
            Revision(
                content_type_id=self.content_type_id,
                base_content_type_id=_page_content_type_id(),
                object_id=str(page.pk),
                created_at=page.first_published_at,
                content=_revision_content(page, links, page_partners),
                object_str=page.title,
            )
            for page, links, page_partners in zip(pages, self.links, partners, strict=True)
        ]
        Revision.objects.bulk_create(revisions)
        if any(revision.pk is None for revision in revisions):
            ids = dict(
                Revision.objects.filter(
                    base_content_type_id=_page_content_type_id(),
                    object_id__in=[str(page.pk) for page in pages],
                ).values_list("object_id", "pk")
            )
            for revision in revisions:
                revision.pk = ids[revision.object_id]
        table = connection.ops.quote_name(Page._meta.db_table)
        sql = f"UPDATE {table} SET latest_revision_id = %s, live_revision_id = %s WHERE id = %s"  # noqa: S608
        with connection.cursor() as cursor:
            cursor.executemany(
                sql,
                [
                    (revision.pk, revision.pk, page.pk)
                    for page, revision in zip(pages, revisions, strict=True)
                ],
            )
        for page, revision in zip(pages, revisions, strict=True):
            page.latest_revision_id = page.live_revision_id = revision.pk
        self.reset()
        return pages


def _page_content_type_id() -> int:
    return ContentType.objects.get_for_model(Page).pk


def _revision_content(page, links: dict[str, list[int]], partners) -> dict:
    """What ``page.serializable_data()`` gives, without asking the database for the links."""
    content = get_serializable_data_for_fields(page)
    content.update(links)
    content["partners"] = [get_serializable_data_for_fields(partner) for partner in partners]
    return content


def generate_practices(ctx: DemoContext, wanted: int) -> int:
    """Make practices 1..wanted that do not exist yet; returns how many were made."""
    started = time.monotonic()
    locale = ctx.default_locale
    have = existing_numbers(locale)
    missing = [number for number in range(1, wanted + 1) if number not in have]
    present = wanted - len(missing)
    if present:
        ctx.report.add(KIND, PRESENT, present)
    if not missing:
        ctx.closing_lines.append(f"Generated practices: all {wanted} already present")
        return 0

    national = KennisbankPage.objects.filter(locale=locale).order_by("path").first()
    if national is None:
        raise CommandError("--practices needs the kennisbank page (made by kennisbank-index)")
    sections = list(GemeentePage.objects.filter(locale=locale).order_by("path"))
    parents = [_Parent(national)] + [_Parent(section) for section in sections]
    own_gemeenten = [None] + [section.gemeente_id for section in sections]
    batch = _Batch(
        gemeenten=list(Gemeente.objects.active().order_by("cbs_code").values_list("pk", "name")),
        organisaties=list(Organisatie.objects.order_by("name").values_list("pk", flat=True)),
        vocabularies=_Vocabularies(ctx),
        content_type_id=ContentType.objects.get_for_model(PraktijkvoorbeeldPage).pk,
        locale_id=locale.pk,
        now=timezone.now(),
    )

    backends = list(get_search_backends())
    made = 0
    indexing = 0.0

    def write_batch():
        # Each batch goes into the search index as soon as it is written, which keeps memory use
        # flat for large N.
        nonlocal made, indexing
        pages = batch.write()
        if not pages:
            return
        started_indexing = time.monotonic()
        prefetch_related_objects(pages, "locale", *PraktijkvoorbeeldPage.search_prefetch)
        for backend in backends:
            backend.add_bulk(PraktijkvoorbeeldPage, pages)
        indexing += time.monotonic() - started_indexing
        made += len(pages)

    for number in missing:
        rng = random.Random(f"{SEED}-{number}")  # noqa: S311 (demo content, not security)
        # Four in ten national, the others in a municipality's section.
        if len(parents) == 1 or rng.random() < 0.4:
            index = 0
        else:
            index = rng.randrange(1, len(parents))
        _build(number, rng, parents[index], own_gemeenten[index], batch)
        if len(batch.pages) >= BATCH:
            write_batch()
    write_batch()
    for parent in parents:
        if parent.added:
            Page.objects.filter(pk=parent.page.pk).update(numchild=F("numchild") + parent.added)
    seconds = time.monotonic() - started

    ctx.report.add(KIND, CREATED, made)
    ctx.closing_lines.append(
        f"Generated practices: {made} made in {seconds:.1f} s ({made / max(seconds, 0.001):.0f}/s, "
        f"of which {indexing:.1f} s search index), {wanted} in total"
    )
    return made
