"""The kennisbank's demo texts: index pages, municipality sections, practices, knowledge pages
and theme dossiers. All invented for the demo; organisations, people and figures are fictional.

Texts are written in a small markup so that they read naturally here:

- blocks are separated by a blank line; line breaks inside a block are spaces;
- ``- item`` lines form a bulleted list, ``1. item`` lines a numbered one;
- ``### Kop`` is a subheading (h3; ``## Kop`` is an h2 heading block in StreamFields);
- in StreamFields (``approach``, ``body``) also ``> citaat`` lines with an optional last line
  ``-- wie zei het`` (a quote block), and ``TIP:``, ``LET OP:`` or ``INFO:`` (a callout).

:func:`rich` turns a text into rich-text HTML, :func:`stream` into raw StreamField data.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from html import escape
from textwrap import dedent

from django.utils import timezone

from gezondin.demo.builder import callout, heading, paragraph, quote

# Markup -----------------------------------------------------------------------------------------

CALLOUT_PREFIXES = {"TIP:": "tip", "LET OP:": "let-op", "INFO:": "info"}
_INLINE = [
    (re.compile(r"\*\*(.+?)\*\*"), r"<b>\1</b>"),
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])"), r"<i>\1</i>"),
]


def _chunks(text: str) -> list[list[str]]:
    """The blocks of a text, each a list of stripped, non-empty lines."""
    blocks = re.split(r"\n\s*\n", dedent(text).strip())
    return [[line.strip() for line in block.splitlines() if line.strip()] for block in blocks]


def _inline(text: str) -> str:
    """Escape a run of text and apply **bold** and *italic*."""
    html = escape(text, quote=False)
    for pattern, replacement in _INLINE:
        html = pattern.sub(replacement, html)
    return html


def _list_items(lines: list[str], marker: re.Pattern) -> list[str]:
    """List items; a line not starting with the marker continues the previous item."""
    items: list[str] = []
    for line in lines:
        match = marker.match(line)
        if match:
            items.append(line[match.end() :])
        elif items:
            items[-1] += " " + line
    return items


_BULLET = re.compile(r"^- ")
_NUMBER = re.compile(r"^\d+\. ")


def _block_html(lines: list[str]) -> str:
    if _BULLET.match(lines[0]):
        items = _list_items(lines, _BULLET)
        return "<ul>" + "".join(f"<li>{_inline(item)}</li>" for item in items) + "</ul>"
    if _NUMBER.match(lines[0]):
        items = _list_items(lines, _NUMBER)
        return "<ol>" + "".join(f"<li>{_inline(item)}</li>" for item in items) + "</ol>"
    if lines[0].startswith("### "):
        rest = lines[1:]
        html = f"<h3>{_inline(lines[0][4:])}</h3>"
        return html + (_block_html(rest) if rest else "")
    return f"<p>{_inline(' '.join(lines))}</p>"


def rich(text: str) -> str:
    """Rich-text HTML for a text in the markup above (no quotes or callouts)."""
    if not text or not text.strip():
        return ""
    return "".join(_block_html(lines) for lines in _chunks(text))


def stream(text: str) -> list[dict]:
    """Raw StreamField data for a text in the markup above."""
    if not text or not text.strip():
        return []
    result: list[dict] = []
    pending: list[str] = []

    def flush():
        if pending:
            result.append(paragraph("".join(pending)))
            pending.clear()

    for lines in _chunks(text):
        first = lines[0]
        if first.startswith(("## ", "### ")):
            flush()
            level = "h2" if first.startswith("## ") else "h3"
            result.append(heading(first.split(" ", 1)[1], level=level))
            if lines[1:]:
                pending.append(_block_html(lines[1:]))
        elif first.startswith("> "):
            flush()
            attribution = lines[-1][3:] if lines[-1].startswith("-- ") else ""
            text_lines = [line.removeprefix("> ").removeprefix(">") for line in lines]
            if attribution:
                text_lines = text_lines[:-1]
            result.append(quote(" ".join(text_lines), attribution))
        elif any(first.startswith(prefix) for prefix in CALLOUT_PREFIXES):
            flush()
            prefix = next(prefix for prefix in CALLOUT_PREFIXES if first.startswith(prefix))
            body = [first[len(prefix) :].strip(), *lines[1:]]
            result.append(callout(_block_html(body), kind=CALLOUT_PREFIXES[prefix]))
        else:
            pending.append(_block_html(lines))
    flush()
    return result


def months_ago(months: int, today: datetime.date | None = None) -> datetime.date:
    """A date roughly ``months`` months before today (for "last checked")."""
    today = today or timezone.localdate()
    return today - datetime.timedelta(days=round(months * 30.44))


# Structures -------------------------------------------------------------------------------------

# The text fields of a practice, in the order of the page.
RICH_SECTIONS = ("background", "goal", "working_elements", "results", "monitoring", "lessons")
PLAIN_SECTIONS = ("needs_team", "needs_time", "needs_budget", "funding")


@dataclass
class Contact:
    name: str
    email: str = ""
    phone: str = ""
    person: bool = False
    """A named (fictional) person who consented to being shown, rather than a team mailbox."""


@dataclass
class Intervention:
    name: str
    url: str
    erkenning: str
    """A kennisbank.models.Erkenning value."""
    date: datetime.date | None = None


@dataclass
class Practice:
    slug: str
    section: str | None
    """CBS code of the municipality whose section holds it; None: the national kennisbank."""
    title: str
    intro: str
    background: str = ""
    goal: str = ""
    approach: str = ""
    working_elements: str = ""
    results: str = ""
    monitoring: str = ""
    lessons: str = ""
    needs_team: str = ""
    needs_time: str = ""
    needs_budget: str = ""
    funding: str = ""
    partners: list[tuple[str, str]] = field(default_factory=list)
    """(organisation name, role) pairs; the organisations come from gezondin.demo.organisaties."""
    contact: Contact | None = None
    themas: tuple[str, ...] = ()
    sporen: tuple[str, ...] = ()
    pijlers: tuple[str, ...] = ()
    doelgroepen: tuple[str, ...] = ()
    domeinen: tuple[str, ...] = ()
    levensfasen: tuple[str, ...] = ()
    gemeenten: tuple[str, ...] = ()
    """CBS codes of the municipalities it is about (the section's own one is added)."""
    status: str = "lopend"
    start: datetime.date | None = None
    end: datetime.date | None = None
    checked: int = 2
    """Months since the information was last checked (over twelve shows a notice)."""
    intervention: Intervention | None = None
    en: dict | None = None
    """English texts: title, slug, intro, the sections, ``roles`` (partner roles in order) and
    ``contact`` (the contact's name) where it differs."""


@dataclass
class Section:
    """A municipality's own section (GemeentePage) in the demo."""

    cbs_code: str
    key: str
    """Lower-case name used in the demo editor's username and the example addresses."""
    gids: bool
    intro: dict[str, str]
    body: dict[str, str]
    contact: dict[str, str]

    @property
    def email(self) -> str:
        return f"gezondheid@{self.key}.example.nl"

    @property
    def website(self) -> str:
        return f"https://www.{self.key}.example.nl/gezondheid"


@dataclass
class Article:
    slug: str
    kind: str
    """A kennisbank.models.KennisType value other than praktijkvoorbeeld."""
    title: str
    intro: str
    body: str
    source: str = ""
    published: datetime.date | None = None
    themas: tuple[str, ...] = ()
    sporen: tuple[str, ...] = ()
    pijlers: tuple[str, ...] = ()
    doelgroepen: tuple[str, ...] = ()
    domeinen: tuple[str, ...] = ()
    levensfasen: tuple[str, ...] = ()
    en: dict | None = None
    """English title, slug, intro and body."""


@dataclass
class Dossier:
    slug: str
    thema: str
    title: str
    intro: str
    body: str
    picks: list[tuple[str, str]] = field(default_factory=list)
    """(slug of a demo practice or article, the editors' note) pairs."""
    en: dict | None = None
    """English title, slug, intro, body and ``notes`` (the picks' notes in order)."""


# The index pages --------------------------------------------------------------------------------

KENNISBANK = {
    "nl": {
        "title": "Kennisbank",
        "slug": "kennisbank",
        "intro": """
            Wat doen gemeenten om gezondheidsverschillen te verkleinen, en wat levert het op?
            Zoek in praktijkvoorbeelden uit het hele land, achtergrondartikelen, handreikingen
            en instrumenten. Filter op thema, doelgroep, levensfase of gemeente.
        """,
    },
    "en": {
        "title": "Knowledge base",
        "slug": "knowledge-base",
        "intro": """
            What are municipalities doing to reduce health inequalities, and what does it
            achieve? Search practice examples from across the Netherlands, background articles,
            guides and tools. Filter by theme, target group, life stage or municipality.
        """,
    },
}

GEMEENTE_INDEX = {
    "nl": {
        "title": "Gemeenten",
        "slug": "gemeenten",
        "intro": """
            Gemeenten met een eigen pagina op GezondIn laten zien hoe zij lokaal werken aan
            gezondheid voor iedereen, met hun praktijkvoorbeelden en een vast aanspreekpunt.
        """,
    },
    "en": {
        "title": "Municipalities",
        "slug": "municipalities",
        "intro": """
            Municipalities with their own page on GezondIn show how they work locally on good
            health for everyone, with their practice examples and a point of contact.
        """,
    },
}


# Municipalities with a section ------------------------------------------------------------------


def _section(cbs_code, key, gids, nl, en):
    """A Section from (intro, body, contact) per language."""
    return Section(
        cbs_code=cbs_code,
        key=key,
        gids=gids,
        intro={"nl": nl[0], "en": en[0]},
        body={"nl": nl[1], "en": en[1]},
        contact={"nl": nl[2], "en": en[2]},
    )


SECTIONS = [
    _section(
        "GM0855",
        "tilburg",
        True,
        (
            """
            Tilburg werkt wijkgericht aan gezondheid, met extra inzet in Tilburg-Noord en de
            wijken rond het centrum waar de verschillen in levensverwachting het grootst zijn.
            """,
            """
            ## Onze aanpak
            In Tilburg is gezondheid geen taak van de afdeling zorg alleen. Schuldhulp,
            wijkteams, onderwijs en de openbare ruimte hebben een gezamenlijke agenda, met de
            GIDS-middelen als smeerolie voor samenwerking die anders niet van de grond komt.

            Wij kiezen bewust voor een paar wijken tegelijk en blijven daar lang. Bewoners en
            professionals weten zo wie ze kunnen aanspreken, en we kunnen na een paar jaar
            zien wat er veranderd is.

            ## Waar we aan werken
            - geldzorgen vroeg signaleren en de hulp naar mensen toe brengen;
            - groene, uitdagende schoolpleinen die ook na schooltijd open zijn;
            - een rookvrije omgeving voor kinderen.
            """,
            "Team Gezondheid en Welzijn",
        ),
        (
            """
            Tilburg works on health neighbourhood by neighbourhood, with extra effort in
            Tilburg-Noord and the districts around the centre, where differences in life
            expectancy are largest.
            """,
            """
            ## Our approach
            In Tilburg, health is not the job of the care department alone. Debt assistance,
            neighbourhood teams, education and public space share one agenda, and the GIDS
            funding helps partnerships get started that would otherwise never get off the
            ground.

            We deliberately focus on a few neighbourhoods at a time and stay there for years,
            so residents and professionals know whom to turn to.
            """,
            "Health and Wellbeing Team",
        ),
    ),
    _section(
        "GM0599",
        "rotterdam",
        True,
        (
            """
            Rotterdam koppelt de aanpak van gezondheidsverschillen aan bestaanszekerheid: wie
            geldzorgen heeft of in een slecht huis woont, krijgt zijn gezondheid niet op orde
            met alleen een leefstijladvies.
            """,
            """
            ## Onze aanpak
            Op Zuid en in delen van Noord werken de gemeente, de GGD, zorgverleners,
            corporaties en welzijnsorganisaties samen vanuit één ambitie: kinderen moeten er
            net zo gezond kunnen opgroeien als elders in de stad.

            De eerste 1000 dagen van een kind krijgen daarbij veel aandacht. Ook pakken we
            betalingsachterstanden vroeg op en werken we met corporaties aan droge, betaalbaar
            te verwarmen woningen.

            TIP: Wilt u een van onze praktijkvoorbeelden komen bekijken? Neem contact op; we
            ontvangen graag collega's uit andere gemeenten.
            """,
            "Programmateam Gezond010",
        ),
        (
            """
            Rotterdam links its approach to health inequalities to financial security: people
            with money worries or a poor home will not get healthier from lifestyle advice
            alone.
            """,
            """
            ## Our approach
            In the south of the city and parts of the north, the municipality, the municipal
            health service, care providers, housing associations and welfare organisations
            share one ambition: children should be able to grow up as healthy there as
            anywhere else in the city.

            The first 1000 days of a child's life get a lot of attention. We also act early on
            payment arrears and work with housing associations on dry homes that are
            affordable to heat.
            """,
            "Gezond010 programme team",
        ),
    ),
    _section(
        "GM0014",
        "groningen",
        True,
        (
            """
            Groningen zet in op wijken waar bewoners zelf mee bepalen wat gezond leven
            makkelijker maakt, met het gesprek over positieve gezondheid als gemeenschappelijke
            taal.
            """,
            """
            ## Onze aanpak
            In wijken als Selwerd en Beijum werken huisartsen, wijkteams en bewoners samen aan
            een buurt waarin mensen zich thuis voelen en weten waar ze terechtkunnen. De
            gemeente faciliteert, bewoners en professionals geven richting.

            We meten niet alleen met cijfers. Verhalen van bewoners, opgehaald in
            keukentafelgesprekken, helpen ons begrijpen wat er werkelijk verandert.
            """,
            "Team Publieke Gezondheid",
        ),
        (
            """
            Groningen focuses on neighbourhoods where residents help decide what makes healthy
            living easier, using the conversation about positive health as a shared language.
            """,
            """
            ## Our approach
            In neighbourhoods such as Selwerd and Beijum, GPs, neighbourhood teams and
            residents work together on a place where people feel at home and know where to go
            for help. The municipality facilitates; residents and professionals set the
            direction.
            """,
            "Public Health Team",
        ),
    ),
    _section(
        "GM0917",
        "heerlen",
        True,
        (
            """
            In Heerlen en de rest van Parkstad leven mensen gemiddeld korter en minder lang
            in goede gezondheid dan elders in Nederland. De gemeente kiest daarom voor een
            lange adem en voor werk, inkomen en wonen als ingang.
            """,
            """
            ## Onze aanpak
            Heerlen-Noord is een van de gebieden waar het Rijk, de regio en de gemeente
            samen voor een periode van twintig jaar investeren. Gezondheid loopt als een rode
            draad door dat programma: van de schoolomgeving tot re-integratie.

            We leren veel van bewoners die met meerdere problemen tegelijk te maken hebben.
            Hun ervaring bepaalt steeds vaker hoe we onze hulp inrichten.
            """,
            "Team Gezond Heerlen",
        ),
        (
            """
            In Heerlen and the rest of the Parkstad region, people on average live shorter
            lives and fewer years in good health than elsewhere in the Netherlands. The
            municipality therefore takes the long view and uses work, income and housing as
            ways in.
            """,
            """
            ## Our approach
            Heerlen-Noord is one of the areas where national government, the region and the
            municipality invest together over twenty years. Health runs through that
            programme like a thread: from the surroundings of schools to getting people back
            to work.
            """,
            "Healthy Heerlen Team",
        ),
    ),
    _section(
        "GM0034",
        "almere",
        True,
        (
            """
            Almere is een jonge stad met veel gezinnen. Gezond opgroeien en meedoen aan sport
            en cultuur, ook als het geld krap is, staan bij ons centraal.
            """,
            """
            ## Onze aanpak
            In Almere Haven en Almere Buiten werken we met bewonersinitiatieven die zelf
            budget beheren voor een gezondere wijk. Daarnaast zorgen we dat kinderen uit
            gezinnen met weinig geld niet aan de kant blijven staan bij sport en cultuur.

            INFO: Almere is een GIDS-gemeente en gebruikt de middelen vooral voor
            wijkgerichte inzet en voor de ondersteuning van jonge mantelzorgers.
            """,
            "Team Gezondheid en Sport",
        ),
        (
            """
            Almere is a young city with many families. Growing up healthy and taking part in
            sport and culture, even when money is tight, are at the heart of what we do.
            """,
            """
            ## Our approach
            In Almere Haven and Almere Buiten we work with residents' initiatives that manage
            their own budget for a healthier neighbourhood. We also make sure that children
            from low-income families are not left on the sidelines in sport and culture.
            """,
            "Health and Sport Team",
        ),
    ),
    _section(
        "GM0153",
        "enschede",
        True,
        (
            """
            Enschede verbindt zorg en het sociaal domein: huisartsen, sociaal werkers en
            buurtsportcoaches verwijzen naar elkaar en naar wat de wijk zelf te bieden heeft.
            """,
            """
            ## Onze aanpak
            Enschede heeft relatief veel inwoners met een laag inkomen en een grote groep
            nieuwkomers. Daarom investeren we in gezondheidsvaardigheden, in hulp bij
            geldzorgen via de huisartsenpraktijk en in bewegen dicht bij huis.

            We werken nauw samen met GGD Twente en met de zorgverzekeraar in de regio, zodat
            wat in een wijk goed werkt ook structureel gefinancierd kan worden.
            """,
            "Team Gezonde Stad",
        ),
        (
            """
            Enschede connects care and the social domain: GPs, social workers and neighbourhood
            sports coaches refer to each other and to what the neighbourhood itself has to
            offer.
            """,
            """
            ## Our approach
            Enschede has a relatively large number of residents on a low income and a large
            group of newcomers. We therefore invest in health literacy, in help with money
            worries through GP practices and in exercise close to home.
            """,
            "Healthy City Team",
        ),
    ),
    _section(
        "GM0193",
        "zwolle",
        False,
        (
            """
            Zwolle werkt aan een gezonde leefomgeving en aan zorg die iedereen begrijpt. De
            gemeente doet dat vooral in de wijken Holtenbroek, Diezerpoort en Dieze-Oost.
            """,
            """
            ## Onze aanpak
            Een gezonde stad is een stad waar het 's zomers ook in de wijk uit te houden is,
            waar groen dichtbij is en waar mensen begrijpen wat hun huisarts of apotheker
            zegt. Daar richten wij ons op, samen met de huisartsen, de corporaties en de
            bewoners.
            """,
            "Team Gezond Zwolle",
        ),
        (
            """
            Zwolle works on a healthy living environment and on care that everyone can
            understand, mainly in the Holtenbroek, Diezerpoort and Dieze-Oost neighbourhoods.
            """,
            """
            ## Our approach
            A healthy city is one where the neighbourhood stays bearable in summer, where green
            space is close by and where people understand what their GP or pharmacist tells
            them. That is what we focus on, together with GPs, housing associations and
            residents.
            """,
            "Healthy Zwolle Team",
        ),
    ),
    _section(
        "GM0080",
        "leeuwarden",
        True,
        (
            """
            Leeuwarden richt zich op kinderen die opgroeien in armoede en op ouderen in de
            stad en de dorpen die dreigen te vereenzamen.
            """,
            """
            ## Onze aanpak
            Voor kinderen werken we met een kindpakket dat gezinnen zonder veel papierwerk
            bereikt, en met scholen die rookvrij en gezond willen zijn. Voor ouderen zoeken we
            de verbinding met dorpshuizen, kerken en verenigingen.

            We zijn eerlijk over wat niet lukt. Onze praktijkvoorbeelden laten daarom ook zien
            waar we tegenaan liepen.
            """,
            "Team Sociaal Domein, cluster Gezondheid",
        ),
        (
            """
            Leeuwarden focuses on children growing up in poverty and on older people in the
            city and the villages who are at risk of loneliness.
            """,
            """
            ## Our approach
            For children we use a child package that reaches families without much paperwork,
            and we work with schools that want to be smoke-free and healthy. For older people
            we seek out village halls, churches and clubs.
            """,
            "Social Domain Team, health cluster",
        ),
    ),
    _section(
        "GM0479",
        "zaanstad",
        True,
        (
            """
            Zaanstad werkt wijkgericht, met Poelenburg en Peldersveld als wijken waar
            gemeente, corporaties, scholen en zorg al jaren samen optrekken.
            """,
            """
            ## Onze aanpak
            De wijkaanpak in Zaanstad begon bij veiligheid en leefbaarheid, maar gezondheid is
            er steeds nadrukkelijker bij gekomen. Taal speelt daarbij een grote rol: veel
            bewoners spreken of lezen het Nederlands niet goed genoeg om zelf hun weg te
            vinden.

            Jongeren hebben onze speciale aandacht. Samen met het jongerenwerk en de scholen
            werken we aan hun mentale gezondheid.
            """,
            "Team Wijkaanpak en Gezondheid",
        ),
        (
            """
            Zaanstad works neighbourhood by neighbourhood, with Poelenburg and Peldersveld as
            areas where the municipality, housing associations, schools and care providers
            have worked together for years.
            """,
            """
            ## Our approach
            The neighbourhood approach in Zaanstad started with safety and liveability, but
            health has become ever more central. Language plays a big part: many residents do
            not speak or read Dutch well enough to find their own way.
            """,
            "Neighbourhood and Health Team",
        ),
    ),
    _section(
        "GM0344",
        "utrecht",
        True,
        (
            """
            Utrecht wil dat alle inwoners gezond kunnen leven, ongeacht in welke wijk ze
            wonen. In Overvecht en Kanaleneiland werken huisartsen en sociaal werk daarom
            nauw samen.
            """,
            """
            ## Onze aanpak
            Utrecht kent grote verschillen tussen wijken. In de wijken met de meeste
            gezondheidsachterstanden investeren we in de samenwerking tussen
            huisartsenpraktijken, buurtteams en welzijn, zodat klachten die voortkomen uit
            stress, eenzaamheid of geldzorgen niet alleen medisch worden aangepakt.

            Ook werkgevers zijn een partner: veel inwoners met praktisch werk hebben een
            zware baan en weinig zeggenschap over hun werktijden.
            """,
            "Team Volksgezondheid",
        ),
        (
            """
            Utrecht wants all residents to be able to live healthy lives, whatever their
            neighbourhood. In Overvecht and Kanaleneiland, GPs and social work therefore work
            closely together.
            """,
            """
            ## Our approach
            There are large differences between neighbourhoods in Utrecht. In the areas with
            the greatest health disadvantage, we invest in cooperation between GP practices,
            neighbourhood teams and welfare services, so that complaints caused by stress,
            loneliness or money worries are not only treated medically.
            """,
            "Public Health Team",
        ),
    ),
]


# Practices --------------------------------------------------------------------------------------
# Partners come from gezondin/demo/organisaties.py; municipalities are CBS codes.

TILBURG, ROTTERDAM, GRONINGEN, HEERLEN, ALMERE = "GM0855", "GM0599", "GM0014", "GM0917", "GM0034"
ENSCHEDE, ZWOLLE, LEEUWARDEN, ZAANSTAD, UTRECHT = "GM0153", "GM0193", "GM0080", "GM0479", "GM0344"
D = datetime.date

_TILBURG = [
    Practice(
        slug="schuldhulp-aan-de-keukentafel",
        section=TILBURG,
        title="Schuldhulp aan de keukentafel",
        intro="""
            In Tilburg-Noord gaan schuldhulpverleners en sociaal werkers samen op huisbezoek
            bij huishoudens met geldzorgen. Niet wachten tot mensen zich melden, maar
            aanbellen, luisteren en samen de eerste stappen zetten.
        """,
        background="""
            Bij het schuldhulploket meldden zich vooral mensen bij wie de problemen al jaren
            speelden. Gemiddeld zat er ruim vier jaar tussen de eerste betalingsachterstand en
            de eerste hulpvraag. In die tijd liepen de schulden op, en daarmee ook de stress:
            slecht slapen, hoofdpijn, ruzie thuis, kinderen die het merken.

            Huisartsen in Tilburg-Noord herkenden het beeld. Een flink deel van de consulten
            ging volgens hen over klachten die samenhangen met geldzorgen, terwijl ze aan de
            oorzaak weinig konden doen.
        """,
        goal="""
            Huishoudens met geldzorgen eerder bereiken, hun stress verminderen en voorkomen
            dat betalingsachterstanden uitgroeien tot problematische schulden.
        """,
        approach="""
            ## Van loket naar keukentafel
            Een koppel van een schuldhulpverlener en een sociaal werker bezoekt huishoudens
            die via de woningcorporatie, de huisarts of de wijkverpleging in beeld komen. Het
            eerste bezoek gaat nooit alleen over geld. We vragen hoe het met iemand gaat en wat
            er nu het meest knelt.

            Daarna maken we samen een overzicht: welke post ligt er, welke rekeningen lopen,
            waar is recht op een toeslag of regeling die niet wordt gebruikt. Vaak is er snel
            iets op te lossen, zoals een betalingsregeling of een vergeten zorgtoeslag. Dat
            eerste succes geeft vertrouwen voor de rest.

            > Ik had de envelop van de energieleverancier al maanden in een la liggen. Toen
            > ze hier aan tafel zaten, durfde ik hem eindelijk open te maken.
            -- Bewoner van Tilburg-Noord, deelnemer

            ## Signalen bundelen
            De woningcorporatie meldt huurachterstanden vanaf de tweede maand, met toestemming
            van de huurder of via de wettelijke vroegsignalering. Huisartsen en
            praktijkondersteuners kunnen met één telefoontje een huisbezoek aanvragen.

            TIP: Spreek met verwijzers af dat ze de bewoner vertellen wie er langskomt, met
            naam en foto. Dat verlaagt de drempel om de deur open te doen.
        """,
        working_elements="""
            - Outreachend werken: de hulp komt naar mensen toe.
            - Een duo met kennis van geld én van het dagelijks leven.
            - Snel een eerste, zichtbaar resultaat.
            - Eén vaste contactpersoon die blijft tot het rustiger is.
        """,
        results="""
            In de eerste twee jaar zijn 312 huishoudens bezocht. Bij 71 procent kwam binnen
            drie maanden een betalingsregeling of een stabilisatie tot stand. Deelnemers
            scoorden hun stress bij de start gemiddeld met een 7,8 (op een schaal van 10) en
            na zes maanden met een 5,4.

            Het aantal huisuitzettingen wegens huurachterstand in het gebied daalde van negen
            naar drie per jaar. Dat is niet alleen aan deze aanpak toe te schrijven, maar de
            corporatie ziet wel een duidelijk verband.
        """,
        monitoring="""
            Elke deelnemer vult bij de start en na zes maanden een korte stressmeter in. De
            partners registreren bereik, doorverwijzingen en de uitkomst van het traject.
            Eens per kwartaal bespreken zij de cijfers met de beleidsmedewerker.
        """,
        lessons="""
            ### Wat we anders zouden doen
            Regel de afspraken over gegevensdeling voordat je begint. Wij verloren in het
            eerste halfjaar veel tijd aan de vraag wie welke signalen mocht doorgeven.

            Houd ook rekening met de wachttijd bij de vervolghulp. Een huisbezoek wekt
            verwachtingen; als een beschermingsbewind daarna maanden op zich laat wachten,
            raak je het vertrouwen weer kwijt.
        """,
        needs_team="""
            Vier duo's van schuldhulpverlening en sociaal werk (samen 5,6 fte), een
            coördinator voor 0,5 fte en een vast contact bij de woningcorporatie.
        """,
        needs_time="""
            Drie maanden voorbereiding; de aanpak loopt sinds 2023 en is in 2025 structureel
            gemaakt.
        """,
        needs_budget="Ongeveer € 480.000 per jaar, vrijwel geheel voor personeel.",
        funding="SPUK GIDS-middelen en gemeentelijk budget sociaal domein.",
        partners=[
            ("Werkplein Rivierenland-Midden", "levert de schuldhulpverleners"),
            ("Welzijn Noord", "levert de sociaal werkers en coördineert de huisbezoeken"),
            ("Woonstichting Thuis in de Wijk", "meldt huurachterstanden vroeg"),
            ("Gezondheidscentrum De Brug", "verwijst patiënten met geldzorgen door"),
        ],
        contact=Contact("Team Gezondheid en Welzijn", "geldzorgen@tilburg.example.nl"),
        themas=("armoede-en-schulden", "werk-en-bestaanszekerheid"),
        sporen=("preventie-en-zorg", "sociale-omgeving"),
        pijlers=("wijkgericht-werken", "samenwerking-over-domeinen-heen"),
        doelgroepen=("mensen-met-schulden", "mensen-met-een-lage-ses"),
        domeinen=("inkomen-en-schulden", "sociaal-domein", "wonen"),
        levensfasen=("volwassene",),
        start=D(2023, 2, 1),
        checked=2,
        en={
            "title": "Debt assistance at the kitchen table",
            "slug": "debt-assistance-at-the-kitchen-table",
            "funding": "GIDS funding (SPUK) and the municipal social domain budget.",
            "intro": """
                In Tilburg-Noord, debt counsellors and social workers visit households with
                money worries together. Rather than waiting for people to come forward, they
                ring the doorbell, listen and take the first steps together.
            """,
            "background": """
                The people who came to the debt assistance desk had usually had problems for
                years: on average more than four years passed between the first payment
                arrears and the first request for help. Meanwhile, debts and stress kept
                growing: poor sleep, headaches, arguments at home, children who notice.

                GPs in Tilburg-Noord recognised this. In their view a large share of their
                consultations concerned complaints related to money worries, while they could
                do little about the cause.
            """,
            "goal": """
                To reach households with money worries sooner, reduce their stress and prevent
                payment arrears from turning into problem debt.
            """,
            "approach": """
                ## From the desk to the kitchen table
                A debt counsellor and a social worker visit households that come to notice
                through the housing association, the GP or the district nurse. The first
                visit is never only about money: we ask how someone is doing and what is
                pressing hardest right now.

                Then we make an overview together: what post is there, which bills are
                running, and which allowances or schemes people are entitled to but do not
                use. Often something can be solved quickly, which builds trust for the rest.

                > I had kept the envelope from the energy company in a drawer for months. With
                > them at the table, I finally dared to open it.
                -- Resident of Tilburg-Noord, participant

                TIP: Agree with referrers that they tell residents who will be visiting, with
                a name and a photo. That makes it easier to open the door.
            """,
            "working_elements": """
                - Outreach: help comes to people.
                - A pair with knowledge of money and of everyday life.
                - A quick, visible first result.
                - One fixed contact person who stays until things calm down.
            """,
            "results": """
                In the first two years, 312 households were visited. For 71 per cent, a
                payment arrangement or stabilisation was reached within three months.
                Participants rated their stress at 7.8 out of 10 on average at the start and
                5.4 after six months.
            """,
            "lessons": """
                Settle the agreements on data sharing before you start; we lost a lot of time
                in the first six months. And keep an eye on waiting times for follow-up help:
                a home visit raises expectations.
            """,
            "roles": [
                "provides the debt counsellors",
                "provides the social workers and coordinates the visits",
                "reports rent arrears early",
                "refers patients with money worries",
            ],
            "contact": "Health and Wellbeing Team",
        },
    ),
    Practice(
        slug="groene-schoolpleinen-tilburg-noord",
        section=TILBURG,
        title="Groene schoolpleinen die na schooltijd open blijven",
        intro="""
            Vijf basisscholen in Tilburg-Noord hebben hun stenen plein vervangen door een
            groen speelplein met bomen, een moestuin en water. Na schooltijd is het plein van
            de buurt.
        """,
        background="""
            In Tilburg-Noord wonen veel gezinnen in flats zonder tuin. Speelplekken in de
            buurt zijn schaars en worden 's zomers erg heet. Tegelijk heeft ruim een op de
            vijf kinderen in de wijk overgewicht, meer dan gemiddeld in de stad.
        """,
        goal="""
            Kinderen meer laten buiten spelen en bewegen, de wijk koeler maken en de
            schoolpleinen een ontmoetingsplek voor ouders en buurtbewoners maken.
        """,
        approach="""
            Leerlingen ontwierpen samen met een landschapsarchitect hun eigen plein. De
            gemeente betaalde een groot deel van de aanleg; scholen en ouders deden de rest met
            sponsorgeld en veel zelfwerkzaamheid.

            Na schooltijd en in de vakanties houden buurtsportcoaches en vrijwilligers uit de
            wijk een oogje in het zeil. Een conciërge opent en sluit het hek.

            > Vroeger renden ze rondjes om het klimrek. Nu zitten ze in de bosjes, bouwen ze
            > hutten en ruzie is er ook minder.
            -- Leerkracht groep 5

            TIP: Maak vooraf afspraken over beheer en onderhoud. Een groen plein vraagt meer
            zorg dan tegels, en dat moet iemand blijven doen als de subsidie op is.
        """,
        working_elements="""
            - Kinderen ontwerpen mee en voelen zich eigenaar.
            - Het plein is ook van de buurt, niet alleen van de school.
            - Vaste gezichten die na schooltijd toezicht houden.
        """,
        results="""
            Op de vernieuwde pleinen spelen na schooltijd gemiddeld drie keer zoveel kinderen
            als voorheen (tellingen op woensdagmiddag). Leerkrachten melden minder conflicten
            in de pauze. Op hete dagen is het op de pleinen meetbaar enkele graden koeler dan
            op het omliggende verharde terrein.
        """,
        monitoring="Tellingen door studenten van de pabo en een enquête onder leerkrachten.",
        lessons="""
            Niet elke school had dezelfde energie. Waar de directeur het zelf trok, ging het
            veel sneller. Reken ook op bezwaren van omwonenden over geluid; een bijeenkomst
            vooraf haalde veel angels eruit.
        """,
        needs_team="Projectleider gemeente, landschapsarchitect, per school een trekker.",
        needs_time="Per plein ongeveer een jaar van ontwerp tot opening.",
        needs_budget="Gemiddeld € 95.000 per plein; de gemeente droeg 70 procent bij.",
        funding="Gemeentelijk budget openbare ruimte, provinciale subsidie, sponsoring.",
        partners=[
            ("Kindcentrum De Vlieger", "een van de vijf scholen; ontwierp mee met leerlingen"),
            ("Sportief Oost – buurtsportcoaches", "organiseert activiteiten na schooltijd"),
            ("Bewonerscollectief Zonnewijk", "levert vrijwilligers voor toezicht en onderhoud"),
        ],
        contact=Contact("Programma Gezond Tilburg", "gezondtilburg@tilburg.example.nl"),
        themas=("gezonde-fysieke-leefomgeving", "gezond-opgroeien-kansrijke-start", "leefstijl"),
        sporen=("fysieke-omgeving",),
        pijlers=("burgers-zijn-hoofdrolspelers", "wijkgericht-werken"),
        doelgroepen=("kinderen", "ouders-en-opvoeders"),
        domeinen=("onderwijs", "ruimtelijke-ordening-en-leefomgeving", "sport-en-bewegen"),
        levensfasen=("kind",),
        start=D(2022, 4, 1),
        checked=5,
    ),
    Practice(
        slug="rookvrije-speelplekken-tilburg",
        section=TILBURG,
        title="Rookvrije speeltuinen en sportparken",
        intro="""
            Alle speeltuinen en vier sportparken in Tilburg zijn rookvrij. De gemeente deed
            dit samen met de speeltuinverenigingen, zonder verbod maar met afspraken.
        """,
        background="""
            Kinderen die zien roken, gaan eerder zelf roken. Speeltuinverenigingen vroegen de
            gemeente om hulp bij het rookvrij maken van hun terrein.
        """,
        approach="""
            Borden bij de ingang, de asbakken weg en vrijwilligers die rokers vriendelijk
            aanspreken. Een buurtsportcoach hielp de sportclubs met een stappenplan.
        """,
        results="""
            Alle 23 speeltuinen en vier sportparken zijn rookvrij. Bij een steekproef zagen
            vrijwilligers nog maar af en toe iemand roken.
        """,
        partners=[("Sportief Oost – buurtsportcoaches", "begeleidde de sportverenigingen")],
        contact=Contact("Team Gezondheid en Welzijn", "gezondheid@tilburg.example.nl"),
        themas=("leefstijl", "gezond-opgroeien-kansrijke-start"),
        sporen=("fysieke-omgeving", "gedrag-en-vaardigheden"),
        pijlers=("procesgerichte-aanpak",),
        doelgroepen=("kinderen",),
        domeinen=("sport-en-bewegen", "publieke-gezondheid"),
        levensfasen=("kind",),
        status="afgerond",
        start=D(2021, 3, 1),
        end=D(2023, 6, 30),
        checked=16,
    ),
]

_ROTTERDAM = [
    Practice(
        slug="vroeg-eropaf-bij-betalingsachterstanden",
        section=ROTTERDAM,
        title="Vroeg eropaf bij betalingsachterstanden",
        intro="""
            Woningcorporaties, energieleveranciers, drinkwaterbedrijf en zorgverzekeraars
            melden betalingsachterstanden bij de gemeente. Binnen tien werkdagen neemt een
            medewerker contact op, bij voorkeur aan de deur.
        """,
        background="""
            Sinds 2021 zijn gemeenten verplicht signalen over betalingsachterstanden op te
            volgen. In Rotterdam ging het al snel om duizenden signalen per jaar. Een brief
            sturen bleek nauwelijks te werken: minder dan een op de tien huishoudens
            reageerde.

            Uit gesprekken met bewoners bleek waarom. Wie schulden heeft, opent zijn post niet
            meer, schaamt zich of heeft slechte ervaringen met instanties. Juist die mensen
            hebben ook vaker gezondheidsklachten.
        """,
        goal="""
            Meer huishoudens met een betalingsachterstand bereiken en hen helpen voordat een
            achterstand uitgroeit tot een problematische schuld.
        """,
        approach="""
            ## Van brief naar huisbezoek
            Elk signaal komt binnen bij een klein team dat dagelijks de nieuwe meldingen
            verdeelt. Bij een eerste signaal stuurt het team een kaart met een gezicht erop,
            gevolgd door een telefoontje. Lukt dat niet, dan gaat een medewerker langs.

            Het gesprek aan de deur is kort en praktisch: er is een achterstand, wij kunnen
            helpen die op te lossen, mogen we binnenkomen? De medewerkers zijn getraind om niet
            te oordelen en om ook te vragen hoe het verder gaat.

            ## Doorpakken
            Vaak lukt het om meteen een betalingsregeling te treffen. Is er meer aan de hand,
            dan draagt de medewerker warm over aan het wijkteam of aan schuldhulpverlening,
            met een afspraak in de agenda.

            > Veel mensen zijn opgelucht als we aanbellen. Ze wisten wel dat het misging, maar
            > niet waar ze moesten beginnen.
            -- Medewerker vroegsignalering

            TIP: Laat dezelfde medewerker ook na drie maanden nog even bellen. Die korte
            check voorkomt dat mensen na een eerste regeling opnieuw achterstanden opbouwen.
        """,
        working_elements="""
            - Snel reageren: hoe verser het signaal, hoe kleiner het probleem.
            - Persoonlijk contact in plaats van een brief.
            - Warme overdracht met een concrete afspraak.
            - Signalen van verschillende schuldeisers bij elkaar leggen.
        """,
        results="""
            Het bereik steeg van 9 naar 38 procent van de gemelde huishoudens. Van de bereikte
            huishoudens kreeg ruim de helft binnen een maand een betalingsregeling. Circa een
            op de vijf werd doorverwezen naar schuldhulpverlening of het wijkteam.

            Uit een kleine vragenlijst onder deelnemers bleek dat zij na het contact minder
            zorgen ervoeren en beter sliepen. De groep is te klein en te selectief om daar
            harde conclusies aan te verbinden.
        """,
        monitoring="""
            Het team registreert per signaal of contact is gelegd, wat de uitkomst was en of
            er opnieuw signalen binnenkomen. Een onderzoeksbureau deed een procesevaluatie met
            interviews onder medewerkers en bewoners.
        """,
        lessons="""
            - Begin met een paar schuldeisers en breid uit als het proces loopt.
            - Investeer in de training van medewerkers; het eerste contact bepaalt alles.
            - Houd rekening met piekmomenten, zoals na de jaarlijkse eindafrekening energie.
        """,
        needs_team="Een team van twaalf medewerkers vroegsignalering en een teamleider.",
        needs_time="Opbouw in een jaar; sinds 2022 onderdeel van de reguliere uitvoering.",
        needs_budget="Circa € 1,1 miljoen per jaar.",
        funding="Gemeentelijk budget schuldhulpverlening, deels SPUK GIDS-middelen.",
        partners=[
            ("Woonstichting Thuis in de Wijk", "meldt huurachterstanden"),
            ("Zorgverzekeraar Regio Midden", "meldt premieachterstanden"),
            ("Werkplein Rivierenland-Midden", "neemt de schuldhulptrajecten over"),
            ("Nibud", "adviseerde over de opzet van het gesprek"),
        ],
        contact=Contact("Team Vroegsignalering", "vroegeropaf@rotterdam.example.nl"),
        themas=("armoede-en-schulden", "werk-en-bestaanszekerheid"),
        sporen=("preventie-en-zorg",),
        pijlers=("samenwerking-over-domeinen-heen", "monitoren-van-voortgang-en-resultaten"),
        doelgroepen=("mensen-met-schulden", "mensen-met-een-lage-ses"),
        domeinen=("inkomen-en-schulden", "sociaal-domein"),
        levensfasen=("volwassene",),
        start=D(2021, 1, 1),
        checked=3,
        en={
            "title": "Early outreach on payment arrears",
            "slug": "early-outreach-on-payment-arrears",
            "funding": "Municipal debt assistance budget, partly GIDS funding (SPUK).",
            "intro": """
                Housing associations, energy and water companies and health insurers report
                payment arrears to the municipality. Within ten working days a staff member
                gets in touch, preferably at the front door.
            """,
            "background": """
                Since 2021, Dutch municipalities have been required to follow up signals of
                payment arrears. In Rotterdam these soon numbered thousands a year. Sending a
                letter hardly worked: fewer than one in ten households responded. People with
                debts often stop opening their post, feel ashamed or have had bad experiences
                with official bodies, and they more often have health complaints too.
            """,
            "goal": """
                To reach more households with payment arrears and help them before the arrears
                turn into problem debt.
            """,
            "approach": """
                ## From letter to home visit
                Every signal goes to a small team that shares out the new reports each day.
                The team first sends a card with a face on it, followed by a phone call. If
                that fails, a staff member visits.

                The conversation at the door is short and practical: there are arrears, we can
                help sort them out, may we come in?

                > Many people are relieved when we ring the bell. They knew things were going
                > wrong, but not where to start.
                -- Early-warning staff member
            """,
            "results": """
                Reach rose from 9 to 38 per cent of reported households. More than half of the
                households reached had a payment arrangement within a month; about one in five
                was referred to debt assistance or the neighbourhood team.
            """,
            "lessons": """
                Start with a few creditors and expand once the process runs smoothly, and
                invest in training: the first contact decides everything.
            """,
            "roles": [
                "reports rent arrears",
                "reports premium arrears",
                "takes over debt assistance cases",
                "advised on how to structure the conversation",
            ],
            "contact": "Early Warning Team",
        },
    ),
    Practice(
        slug="kansrijke-start-rotterdam-zuid",
        section=ROTTERDAM,
        title="Kansrijke Start op Zuid: steun vanaf de zwangerschap",
        intro="""
            Verloskundigen, kraamzorg, het consultatiebureau en sociaal werk op Rotterdam-Zuid
            werken samen om zwangere vrouwen in een kwetsbare situatie vroeg te bereiken en
            tot de tweede verjaardag van hun kind te steunen.
        """,
        background="""
            In een aantal wijken op Zuid worden relatief veel kinderen te vroeg of met een te
            laag geboortegewicht geboren. Vaak spelen er meerdere dingen tegelijk: geldzorgen,
            een slechte woning, weinig steun uit de omgeving, soms huiselijk geweld.
            Verloskundigen zagen het wel, maar wisten niet altijd bij wie ze terechtkonden.
        """,
        goal="""
            Minder kinderen die te vroeg of te klein geboren worden, en ouders die zich
            gesteund voelen in de eerste 1000 dagen.
        """,
        approach="""
            ## Eén lokale coalitie
            De partners vormen samen een lokale coalitie met een gezamenlijk actieplan. Elke
            verloskundigenpraktijk heeft een vaste contactpersoon in het wijkteam. Bij de
            eerste controle bespreekt de verloskundige met een korte vragenlijst ook wonen,
            geld en steun van anderen.

            Vrouwen die dat willen, krijgen een vaste begeleider die thuis komt. Die werkt
            volgens de erkende interventie *Stevig Begin Thuis*: huisbezoeken vanaf de
            zwangerschap tot het kind twee is, gericht op gezondheid, opvoeding en het eigen
            netwerk.

            > Ik had niemand hier. Zij kwam elke twee weken, ook toen het slecht ging met de
            > baby. Dat ga ik nooit vergeten.
            -- Moeder van een zoon van anderhalf

            ## Van zwangerschap naar consultatiebureau
            Rond de geboorte draagt de begeleider over aan de jeugdverpleegkundige van het
            consultatiebureau, in een gezamenlijk huisbezoek.

            TIP: Zorg dat de vragenlijst bij de verloskundige kort is. Drie vragen over geld,
            wonen en steun leverden bij ons meer op dan een uitgebreide screening.
        """,
        working_elements="""
            - Vroeg beginnen: al in de zwangerschap.
            - Een vaste begeleider die thuis komt.
            - Korte lijnen tussen geboortezorg en sociaal domein.
        """,
        results="""
            In drie jaar kregen 214 vrouwen begeleiding thuis. De partners schatten dat ze
            daarmee ongeveer de helft van de zwangeren in een zeer kwetsbare situatie in het
            gebied bereiken. Het aandeel vroeggeboorten in de deelnemende wijken daalde licht,
            maar de aantallen zijn te klein om dat aan de aanpak toe te schrijven.
        """,
        monitoring="""
            De coalitie volgt jaarlijks de perinatale cijfers per wijk en houdt bij hoeveel
            vrouwen worden verwezen en begeleid. Ervaringen van moeders worden opgehaald in
            groepsgesprekken.
        """,
        lessons="""
            Het kostte tijd om vertrouwen op te bouwen tussen de geboortezorg en het sociaal
            domein; zij werken met andere woorden en andere systemen. Gezamenlijke
            casusbesprekingen hielpen daar het meest bij.
        """,
        needs_team="""
            Zes gezinsbegeleiders, een coördinator en een vaste contactpersoon per praktijk.
        """,
        needs_time="Een jaar opbouw; loopt sinds 2020.",
        needs_budget="Ongeveer € 650.000 per jaar.",
        funding="SPUK GIDS-middelen (Kansrijke Start), zorgverzekeraar, gemeentelijk budget.",
        partners=[
            ("Gezondheidscentrum De Brug", "verloskundigen signaleren en verwijzen"),
            ("Welzijn Noord", "levert de gezinsbegeleiders"),
            ("Zorgverzekeraar Regio Midden", "financiert mee en denkt mee over borging"),
            ("Pharos", "adviseerde over begrijpelijke voorlichting"),
        ],
        contact=Contact(
            "Ilse Verhoeven, programmaleider Kansrijke Start",
            "i.verhoeven@rotterdam.example.nl",
            "010 123 45 67",
            person=True,
        ),
        themas=("gezond-opgroeien-kansrijke-start", "van-zorg-naar-gezondheid"),
        sporen=("preventie-en-zorg", "sociale-omgeving"),
        pijlers=("samenwerking-over-domeinen-heen", "lange-adem"),
        doelgroepen=("ouders-en-opvoeders", "mensen-met-een-lage-ses"),
        domeinen=("zorg-en-welzijn", "publieke-gezondheid", "sociaal-domein"),
        levensfasen=("eerste-1000-dagen",),
        start=D(2020, 1, 1),
        checked=4,
        intervention=Intervention(
            "Stevig Begin Thuis",
            "https://interventies.example.nl/stevig-begin-thuis",
            "goed-onderbouwd",
            D(2022, 10, 1),
        ),
        en={
            "title": "A healthy start in Rotterdam-Zuid: support from pregnancy onwards",
            "slug": "a-healthy-start-in-rotterdam-zuid",
            "funding": "GIDS funding (Healthy Start), health insurer, municipal budget.",
            "intro": """
                Midwives, maternity care, the child health clinic and social work in
                Rotterdam-Zuid join forces to reach pregnant women in vulnerable situations
                early and support them until their child's second birthday.
            """,
            "background": """
                In some neighbourhoods of Rotterdam-Zuid, a relatively large number of
                children are born too early or too small. Often several things are going on at
                once: money worries, poor housing, little support, sometimes domestic
                violence. Midwives noticed, but did not always know whom to turn to.
            """,
            "goal": """
                Fewer children born too early or too small, and parents who feel supported
                during the first 1000 days.
            """,
            "approach": """
                ## One local coalition
                The partners form a local coalition with a shared action plan. Every
                midwifery practice has a fixed contact in the neighbourhood team. At the first
                check-up, the midwife uses a short questionnaire that also covers housing,
                money and support from others.

                Women who want it get a personal supporter who visits them at home, following
                the recognised intervention *Stevig Begin Thuis*.

                > I had nobody here. She came every two weeks, even when things were bad with
                > the baby. I will never forget that.
                -- Mother of an eighteen-month-old son
            """,
            "results": """
                In three years, 214 women received support at home, roughly half of the
                pregnant women in very vulnerable situations in the area.
            """,
            "roles": [
                "midwives identify and refer",
                "provides the family supporters",
                "co-funds and helps secure the approach",
                "advised on easy-to-understand information",
            ],
            "contact": "Ilse Verhoeven, Healthy Start programme manager",
        },
    ),
    Practice(
        slug="energiecoaches-droge-woningen",
        section=ROTTERDAM,
        title="Energiecoaches voor een warm en droog huis",
        intro="""
            Getrainde buurtbewoners komen langs bij huurders met hoge energielasten of vocht
            en schimmel. Ze geven praktische tips, plaatsen kleine maatregelen en melden
            gebreken aan de corporatie.
        """,
        background="""
            Door de hoge energieprijzen zetten veel huishoudens de verwarming laag of helemaal
            niet aan en ventileren ze minder. In oudere portiekflats leidt dat snel tot vocht
            en schimmel, met luchtwegklachten bij kinderen als gevolg.
        """,
        goal="Lagere energielasten en minder vocht- en schimmelproblemen in huurwoningen.",
        approach="""
            Energiecoaches zijn bewoners uit de wijk die een training van drie dagdelen
            volgden. Ze bellen aan in complexen die de corporatie aanwijst, en komen op
            afspraak terug met tochtstrips, radiatorfolie en een vochtmeter.

            Ziet de coach schimmel of een kapotte afzuiging, dan maakt hij met de huurder een
            foto en zet die direct door naar de corporatie. Die belooft binnen vier weken te
            reageren.

            LET OP: Een coach is geen bouwkundige. Spreek duidelijk af wat wel en niet bij de
            rol hoort, en waar een huurder heen kan met klachten over de woning zelf.
        """,
        working_elements="""
            - Coaches uit de buurt spreken de taal van de bewoners, letterlijk en figuurlijk.
            - Direct iets doen in huis, niet alleen adviseren.
            - Een vaste route naar de corporatie voor gebreken.
        """,
        results="""
            In 2024 bezochten veertien coaches 1.060 huishoudens. Huurders bespaarden volgens
            een schatting gemiddeld € 180 per jaar. De corporatie pakte 143 meldingen over
            vocht en schimmel op, waarvan ruim een derde leidde tot groot onderhoud.
        """,
        monitoring="Registratie van bezoeken en maatregelen; steekproef van meterstanden.",
        lessons="""
            De coaches zelf zijn een resultaat: vier van hen vonden via dit werk een betaalde
            baan. Zorg voor een goede vergoeding en begeleiding, want het werk is zwaarder dan
            het lijkt.
        """,
        needs_team="""
            Veertien energiecoaches, een coördinator, een contactpersoon bij de corporatie.
        """,
        needs_time="Training in een maand; bezoeken het hele stookseizoen.",
        needs_budget="Circa € 260.000 per jaar inclusief materialen en vergoedingen.",
        funding="Gemeentelijk budget energiearmoede, bijdrage woningcorporatie.",
        partners=[
            ("Woonstichting Thuis in de Wijk", "wijst complexen aan en pakt gebreken op"),
            ("Bewonerscollectief Zonnewijk", "werft en begeleidt de energiecoaches"),
        ],
        contact=Contact("Team Duurzaam Wonen", "energiecoach@rotterdam.example.nl"),
        themas=("wonen", "armoede-en-schulden", "gezonde-fysieke-leefomgeving"),
        sporen=("fysieke-omgeving", "participatie"),
        pijlers=("burgers-zijn-hoofdrolspelers", "wijkgericht-werken"),
        doelgroepen=("mensen-met-een-lage-ses", "ouders-en-opvoeders"),
        domeinen=("wonen", "inkomen-en-schulden"),
        levensfasen=("volwassene", "kind"),
        start=D(2022, 10, 1),
        checked=6,
        en={
            "title": "Energy coaches for a warm and dry home",
            "slug": "energy-coaches-for-a-warm-and-dry-home",
            "funding": "Municipal energy poverty budget and a housing association contribution.",
            "intro": """
                Trained local residents visit tenants with high energy bills or damp and
                mould. They give practical tips, fit small measures and report defects to the
                housing association.
            """,
            "background": """
                Because of high energy prices, many households turn the heating down or off
                and ventilate less. In older blocks of flats this quickly leads to damp and
                mould, and to respiratory complaints in children.
            """,
            "goal": "Lower energy bills and fewer damp and mould problems in rented homes.",
            "approach": """
                Energy coaches are residents of the neighbourhood who completed a short
                training. They knock on doors in blocks chosen by the housing association and
                come back with draught strips, radiator foil and a damp meter.

                If the coach sees mould or broken ventilation, they take a photo with the
                tenant and send it straight to the housing association, which promises to
                respond within four weeks.
            """,
            "results": """
                In 2024, fourteen coaches visited 1,060 households. Tenants saved an estimated
                €180 a year on average, and the housing association followed up 143 reports of
                damp and mould.
            """,
            "roles": [
                "selects blocks and repairs defects",
                "recruits and supports the energy coaches",
            ],
            "contact": "Sustainable Housing Team",
        },
    ),
    Practice(
        slug="mentaal-sterk-op-het-mbo",
        section=ROTTERDAM,
        title="Mentaal sterk op het mbo",
        intro="""
            Op drie mbo-locaties is een jongerenwerker een vast deel van de week aanwezig.
            Studenten kunnen zonder afspraak binnenlopen met zorgen over geld, thuis of hoe
            het met ze gaat.
        """,
        background="""
            Mbo-studenten hebben vaker psychische klachten en geldzorgen dan
            leeftijdsgenoten op hbo of universiteit, en ze vinden minder makkelijk de weg naar
            hulp. Studieloopbaanbegeleiders voelden zich handelingsverlegen.
        """,
        goal="Eerder signaleren en voorkomen dat studenten uitvallen door psychische klachten.",
        approach="""
            De jongerenwerker heeft een eigen ruimte vlak bij de kantine. Hij doet mee aan
            lessen burgerschap over stress, social media en geld, en is aanspreekpunt voor
            docenten.

            Ook organiseren studenten zelf, met ondersteuning, een jaarlijkse week over
            mentale gezondheid.

            TIP: Laat de jongerenwerker geen onderdeel van de school worden. Studenten vertellen
            juist meer omdat hij er 'van buiten' bij komt.
        """,
        results="""
            In het eerste schooljaar hadden 410 studenten een of meer gesprekken. Bij 60 van
            hen volgde een verwijzing naar schuldhulp, huisarts of jeugdhulp. Het verzuim op
            de deelnemende locaties veranderde nog niet merkbaar.
        """,
        lessons="Begin bij de docenten: als zij de jongerenwerker kennen, volgen studenten.",
        needs_team="Drie jongerenwerkers (elk 16 uur per week op school).",
        funding="Gemeentelijk budget jeugd, SPUK GIDS-middelen.",
        partners=[
            ("Welzijn Noord", "levert de jongerenwerkers"),
            ("Zorgverzekeraar Regio Midden", "betaalt mee aan de themaweek"),
        ],
        contact=Contact("Team Jeugd en Onderwijs", "jeugd@rotterdam.example.nl"),
        themas=("mentale-gezondheid", "gezond-opgroeien-kansrijke-start"),
        sporen=("sociale-omgeving", "preventie-en-zorg"),
        pijlers=("differentiatie-is-essentieel",),
        doelgroepen=("jongeren",),
        domeinen=("onderwijs", "zorg-en-welzijn"),
        levensfasen=("jongere",),
        start=D(2024, 9, 1),
        checked=1,
    ),
]

_GRONINGEN = [
    Practice(
        slug="positieve-gezondheid-in-selwerd",
        section=GRONINGEN,
        title="Positieve gezondheid in Selwerd: het andere gesprek",
        intro="""
            Huisartsen, praktijkondersteuners en het wijkteam in Selwerd voeren met bewoners
            het gesprek over wat zij zelf belangrijk vinden, in plaats van alleen over hun
            klachten.
        """,
        background="""
            Selwerd is een naoorlogse wijk met veel kleine huurwoningen, veel
            alleenstaanden en een hoog aandeel bewoners met een laag inkomen. De huisartsen
            zagen veel mensen met vage klachten, eenzaamheid en stress, die met een recept of
            verwijzing niet opgelost werden.
        """,
        goal="""
            Bewoners zelf laten bepalen waar ze aan willen werken, en zorg en welzijn beter
            laten aansluiten op wat er in hun leven speelt.
        """,
        approach="""
            ## Het spinnenweb als gespreksstarter
            Professionals gebruiken het spinnenweb van positieve gezondheid, met zes
            dimensies van lichaamsfuncties tot zingeving. De bewoner vult het in, liefst
            samen, en kiest zelf een onderwerp om mee aan de slag te gaan.

            Vaak blijkt dat niet de klacht zelf, maar bijvoorbeeld eenzaamheid of
            onzekerheid over werk het belangrijkst is. Dan verwijst de huisarts naar de
            welzijnscoach in plaats van naar de fysiotherapeut.

            > Ik kwam voor mijn rug. Ze vroeg wat ik zou willen doen als mijn rug beter was.
            > Toen moest ik huilen, want ik doe eigenlijk al jaren niks meer.
            -- Bewoner van Selwerd

            ## Samen leren
            Eens per maand bespreken huisartsen, wijkverpleging en sociaal werk samen een paar
            casussen. Daar leren ze elkaars aanbod kennen.
        """,
        working_elements="""
            - Eén gemeenschappelijke taal voor zorg en welzijn.
            - De bewoner kiest zelf waar hij aan wil werken.
            - Welzijnscoach in de huisartsenpraktijk, zodat verwijzen makkelijk is.
        """,
        results="""
            Ruim 300 bewoners voerden het gesprek, de meesten bij de huisarts. De helft ging
            daarna aan de slag met een activiteit in de wijk. De huisartsen zien bij deze
            groep een lichte daling in het aantal consulten, maar dat is nog niet onderzocht.
        """,
        monitoring="""
            Bewoners vullen het spinnenweb na een half jaar opnieuw in. Professionals houden
            een logboek bij van verwijzingen.
        """,
        lessons="""
            Het spinnenweb werkt niet voor iedereen. Voor mensen die moeite hebben met lezen
            gebruiken we een versie met plaatjes, of voeren we het gesprek zonder formulier.
        """,
        needs_team="Welzijnscoach (24 uur per week), betrokken huisartsen en POH's.",
        needs_time="Een training van twee dagdelen per professional, daarna doorlopend.",
        needs_budget="Ongeveer € 75.000 per jaar voor de welzijnscoach en trainingen.",
        funding="Zorgverzekeraar en gemeentelijk budget sociaal domein.",
        partners=[
            ("Gezondheidscentrum De Brug", "huisartsen en POH's voeren het gesprek"),
            ("Welzijn Noord", "levert de welzijnscoach"),
            ("Bewonerscollectief Zonnewijk", "organiseert activiteiten waar bewoners heen kunnen"),
        ],
        contact=Contact("Team Publieke Gezondheid", "gezondheid@groningen.example.nl"),
        themas=("van-zorg-naar-gezondheid", "sociale-basis-in-de-wijk", "mentale-gezondheid"),
        sporen=("preventie-en-zorg", "sociale-omgeving"),
        pijlers=("wijkgericht-werken", "samenwerking-over-domeinen-heen"),
        doelgroepen=("mensen-met-een-lage-ses", "professionals-en-beleidsmakers"),
        domeinen=("zorg-en-welzijn", "sociaal-domein"),
        levensfasen=("volwassene", "oudere"),
        start=D(2021, 9, 1),
        checked=7,
        en={
            "title": "Positive health in Selwerd: a different conversation",
            "slug": "positive-health-in-selwerd",
            "funding": "Health insurer and the municipal social domain budget.",
            "intro": """
                GPs, practice nurses and the neighbourhood team in Selwerd talk with residents
                about what matters to them, rather than only about their complaints.
            """,
            "background": """
                Selwerd is a post-war neighbourhood with many small rented homes, many people
                living alone and a large share of residents on a low income. GPs saw many
                people with vague complaints, loneliness and stress that a prescription or
                referral did not resolve.
            """,
            "goal": """
                To let residents decide what they want to work on, and to bring care and
                welfare closer to what is going on in their lives.
            """,
            "approach": """
                ## The spider web as a conversation starter
                Professionals use the positive health 'spider web', with six dimensions from
                bodily functions to meaning in life. Residents fill it in, preferably together
                with the professional, and choose a subject to work on.

                > I came about my back. She asked what I would do if my back was better. Then
                > I cried, because I haven't really done anything for years.
                -- Resident of Selwerd
            """,
            "results": """
                More than 300 residents had the conversation, mostly at their GP's. Half of
                them then took up an activity in the neighbourhood.
            """,
            "roles": [
                "GPs and practice nurses hold the conversation",
                "provides the wellbeing coach",
                "organises activities residents can join",
            ],
            "contact": "Public Health Team",
        },
    ),
    Practice(
        slug="buurtbudget-beijum",
        section=GRONINGEN,
        title="Buurtbudget Beijum: bewoners beslissen mee",
        intro="""
            Bewoners van Beijum verdelen zelf een jaarlijks budget voor plannen die de wijk
            gezonder en gezelliger maken. Van een wandelgroep tot een buurtmoestuin.
        """,
        background="""
            Bij eerdere projecten in Beijum voelden bewoners zich vooral onderzocht en
            bevraagd, maar zelden serieus genomen. De opkomst bij inspraakavonden was laag.
        """,
        goal="Bewoners eigenaar maken van de gezondheid van hun wijk.",
        approach="""
            Een bewonerscommissie van twaalf mensen, geworven via loting en via sleutelfiguren,
            beoordeelt twee keer per jaar de ingediende plannen. Iedere bewoner kan een plan
            indienen; een opbouwwerker helpt bij het schrijven.

            De gemeente stelt € 60.000 per jaar beschikbaar en bemoeit zich niet met de keuzes,
            zolang de plannen openbaar toegankelijk zijn.

            > Eerst dachten we: wat weten wij nou van gezondheid. Maar een bankje bij de
            > bushalte, daar heeft mijn buurvrouw van tachtig echt wat aan.
            -- Lid van de bewonerscommissie
        """,
        results="""
            In twee jaar zijn 27 plannen gesteund, waaronder drie wandelgroepen, een
            buurtmoestuin, een kookclub voor mannen en extra bankjes langs looproutes. Er
            kwamen plannen uit delen van de wijk waar eerder nooit iets vandaan kwam.
        """,
        lessons="""
            Loting zorgt voor een andere groep dan de vaste actieve bewoners. Betaal de
            commissieleden een vrijwilligersvergoeding; dat maakt meedoen mogelijk voor mensen
            met weinig geld.
        """,
        needs_team="Opbouwwerker (16 uur per week), secretariaat bij de gemeente.",
        needs_budget="€ 60.000 per jaar voor plannen, € 30.000 voor begeleiding.",
        funding="SPUK GIDS-middelen.",
        partners=[("Bewonerscollectief Zonnewijk", "ondersteunt de bewonerscommissie")],
        contact=Contact("Gebiedsteam Noord", "buurtbudget@groningen.example.nl"),
        themas=("sociale-basis-in-de-wijk", "gezonde-fysieke-leefomgeving"),
        sporen=("participatie", "sociale-omgeving"),
        pijlers=("burgers-zijn-hoofdrolspelers", "wijkgericht-werken"),
        doelgroepen=("mensen-met-een-lage-ses", "ouderen"),
        domeinen=("sociaal-domein", "ruimtelijke-ordening-en-leefomgeving"),
        levensfasen=("volwassene", "oudere"),
        start=D(2023, 1, 1),
        checked=3,
    ),
    Practice(
        slug="gezonde-sportkantines-groningen",
        section=GRONINGEN,
        title="Gezonde sportkantines",
        intro="""
            Twaalf sportclubs in Groningen hebben hun kantine gezonder gemaakt, met
            watertappunten, fruit bij de kassa en een betaalbare gezonde keuze.
        """,
        approach="""
            Een buurtsportcoach hielp elke club met een kantinescan en een plan. Clubs kregen
            een kleine bijdrage voor een watertappunt of een koelvitrine.

            TIP: Verander niet alles tegelijk. Begin met wat weinig kost en snel zichtbaar is,
            zoals water en fruit bij de kassa.
        """,
        results="""
            Alle twaalf clubs hebben nu een watertappunt; negen verkopen ook gezonde
            tussendoortjes. De omzet van de kantines bleef gelijk.
        """,
        partners=[("Sportief Oost – buurtsportcoaches", "begeleidt de clubs")],
        contact=Contact("Team Sport en Bewegen", "sport@groningen.example.nl"),
        themas=("leefstijl", "gezonde-fysieke-leefomgeving"),
        sporen=("fysieke-omgeving", "gedrag-en-vaardigheden"),
        pijlers=("procesgerichte-aanpak",),
        doelgroepen=("kinderen", "jongeren"),
        domeinen=("sport-en-bewegen",),
        levensfasen=("kind", "jongere"),
        status="afgerond",
        start=D(2022, 3, 1),
        end=D(2024, 12, 31),
        checked=10,
    ),
]

_HEERLEN = [
    Practice(
        slug="werk-als-medicijn-heerlen",
        section=HEERLEN,
        title="Werk als medicijn: re-integratie met aandacht voor gezondheid",
        intro="""
            Werkcoaches van de gemeente en praktijkondersteuners van huisartsen begeleiden
            samen mensen met een bijstandsuitkering en gezondheidsklachten naar werk dat bij
            hen past. Gezondheid is geen reden om af te haken, maar onderdeel van het plan.
        """,
        background="""
            Een groot deel van de mensen in de bijstand in Heerlen zit er al jaren. Veel van
            hen hebben chronische klachten: pijn, vermoeidheid, somberheid. Werkcoaches
            zetten hen vaak 'op afstand', omdat ze niet wisten hoe ze met die klachten om
            moesten gaan. Huisartsen zagen dezelfde mensen terug met klachten die mede door
            de uitzichtloosheid verergerden.

            Onderzoek laat zien dat passend werk bijdraagt aan gezondheid, en langdurige
            werkloosheid juist schaadt. Die wetenschap wilden we in de praktijk brengen.
        """,
        goal="""
            Meer mensen met gezondheidsklachten aan passend betaald werk of vrijwilligerswerk
            helpen, en hun ervaren gezondheid verbeteren.
        """,
        approach="""
            ## Samen aan tafel
            De deelnemer, zijn werkcoach en een praktijkondersteuner uit de eigen
            huisartsenpraktijk hebben een gezamenlijk eerste gesprek. Daarin staat niet de
            vraag 'wat kun je niet' centraal, maar 'wat wil je en wat heb je daarvoor nodig'.

            Daarna volgt een traject van maximaal een jaar met een mix van bewegen onder
            begeleiding van een buurtsportcoach, werkervaring bij een lokale werkgever en
            gesprekken over hoe iemand met zijn klachten omgaat.

            > Voor het eerst zat ik niet tegenover twee mensen die elkaar tegenspraken. Ze
            > hadden samen één plan, en dat was ook mijn plan.
            -- Deelnemer, 52 jaar

            ## Werkgevers betrekken
            Een jobhunter zoekt werkgevers die ruimte bieden voor aangepaste uren of taken.
            Hij blijft na plaatsing nog een halfjaar betrokken.

            INFO: De privacy is geregeld met een toestemmingsformulier: de deelnemer bepaalt
            welke informatie de praktijkondersteuner en de werkcoach met elkaar delen.
        """,
        working_elements="""
            - Eén gezamenlijk plan van werk en zorg.
            - Bewegen als opstap, zonder dat het een verplichting wordt.
            - Werkgevers die aanpassingen mogelijk maken.
            - Tijd: een traject van een jaar in plaats van een paar maanden.
        """,
        results="""
            Van de 146 deelnemers in de eerste drie jaar vond 29 procent betaald werk, meestal
            in deeltijd. Nog eens 34 procent deed vrijwilligerswerk of een werkervaringsplek.
            Deelnemers gaven hun eigen gezondheid bij de start gemiddeld een 4,9 en na een jaar
            een 6,3.

            Ter vergelijking: in een vergelijkbare groep zonder deze aanpak vond in dezelfde
            periode ongeveer 12 procent werk.
        """,
        monitoring="""
            Een onderzoeker van de hogeschool volgde de deelnemers met vragenlijsten bij de
            start, na zes en na twaalf maanden, en vergeleek de uitstroom naar werk met
            bijstandsgegevens van een vergelijkbare groep.
        """,
        lessons="""
            ### Tips voor andere gemeenten
            - Investeer in de relatie tussen werkcoaches en huisartsenpraktijken; dat zijn
              verschillende werelden.
            - Laat de deelnemer zelf het tempo bepalen. Druk werkt averechts.
            - Meet meer dan uitstroom naar werk: ook vrijwilligerswerk en ervaren gezondheid
              tellen.
        """,
        needs_team="""
            Vier werkcoaches met een kleinere caseload, uren van praktijkondersteuners, twee
            buurtsportcoaches en een jobhunter.
        """,
        needs_time="Een half jaar voorbereiding, trajecten van een jaar.",
        needs_budget="Ongeveer € 5.500 per deelnemer, exclusief de uitkering.",
        funding="Participatiebudget, SPUK GIDS-middelen en een bijdrage van de zorgverzekeraar.",
        partners=[
            ("Werkplein Rivierenland-Midden", "levert werkcoaches en de jobhunter"),
            ("Gezondheidscentrum De Brug", "praktijkondersteuners denken mee in het plan"),
            ("Sportief Oost – buurtsportcoaches", "begeleidt het bewegen"),
            ("Zorgverzekeraar Regio Midden", "financiert de uren van de POH's"),
        ],
        contact=Contact(
            "Jos Penders, projectleider Werk en Gezondheid",
            "j.penders@heerlen.example.nl",
            person=True,
        ),
        themas=("werk-en-bestaanszekerheid", "mentale-gezondheid", "van-zorg-naar-gezondheid"),
        sporen=("participatie", "preventie-en-zorg"),
        pijlers=("samenwerking-over-domeinen-heen", "differentiatie-is-essentieel", "lange-adem"),
        doelgroepen=("werkzoekenden", "mensen-met-een-lage-ses"),
        domeinen=("werk", "zorg-en-welzijn", "sociaal-domein"),
        levensfasen=("volwassene",),
        start=D(2021, 5, 1),
        checked=2,
        en={
            "title": "Work as medicine: back to work with attention to health",
            "slug": "work-as-medicine",
            "funding": """
                Participation budget, GIDS funding (SPUK) and a health insurer contribution.
            """,
            "intro": """
                Municipal job coaches and GP practice nurses jointly guide people on social
                assistance who have health complaints towards work that suits them. Health is
                not a reason to drop out but part of the plan.
            """,
            "background": """
                Many people on social assistance in Heerlen have been on benefits for years,
                and many have chronic complaints: pain, fatigue, low mood. Job coaches often
                put them 'on hold', not knowing how to deal with those complaints, while GPs
                saw the same people return with complaints made worse by a lack of prospects.
            """,
            "goal": """
                To help more people with health complaints into suitable paid or voluntary
                work, and to improve how they rate their own health.
            """,
            "approach": """
                ## Around one table
                The participant, their job coach and a practice nurse from their own GP
                practice have a first conversation together. The question is not 'what can't
                you do' but 'what do you want and what do you need for it'.

                A programme of up to a year follows, combining supervised exercise with a
                neighbourhood sports coach, work experience with a local employer and
                conversations about living with the complaints.

                > For the first time I wasn't facing two people contradicting each other. They
                > had one plan together, and it was my plan too.
                -- Participant, aged 52
            """,
            "working_elements": """
                - One shared plan for work and care.
                - Exercise as a stepping stone, without making it compulsory.
                - Employers who allow adjustments.
                - Time: a year-long programme instead of a few months.
            """,
            "results": """
                Of the 146 participants in the first three years, 29 per cent found paid work,
                mostly part-time, and another 34 per cent did voluntary work or a work
                placement. Participants rated their own health at 4.9 on average at the start
                and 6.3 after a year.
            """,
            "lessons": """
                Invest in the relationship between job coaches and GP practices, let
                participants set the pace, and measure more than people moving into work.
            """,
            "roles": [
                "provides job coaches and the job hunter",
                "practice nurses help shape the plan",
                "supervises the exercise",
                "funds the practice nurses' hours",
            ],
            "contact": "Jos Penders, Work and Health project manager",
        },
    ),
    Practice(
        slug="gezonde-schoolomgeving-heerlen-noord",
        section=HEERLEN,
        title="Een gezonde omgeving rond scholen in Heerlen-Noord",
        intro="""
            Rond drie scholen in Heerlen-Noord werkt de gemeente aan een omgeving waarin de
            gezonde keuze de makkelijke is: water in plaats van frisdrank, fruit in plaats van
            snacks, en veilig lopen en fietsen.
        """,
        background="""
            Binnen tien minuten lopen van de drie scholen zitten samen elf snackbars en
            supermarkten met een grote frisdrankafdeling. Veel leerlingen kopen onderweg
            ontbijt of lunch. Ruim een kwart van de kinderen in de wijk heeft overgewicht.
        """,
        goal="Een schoolomgeving die gezond eten en bewegen stimuleert.",
        approach="""
            ## Wat we deden
            - Watertappunten op de schoolpleinen en in het park ernaast.
            - Afspraken met twee supermarkten over een gezond schoolontbijt voor een euro.
            - Een veiliger oversteek en een schoolstraat die bij het begin en einde van de
              schooldag dicht is voor auto's.
            - In het omgevingsplan: geen nieuwe snackvestigingen binnen 250 meter van een
              school.

            > Je kunt kinderen wel leren wat gezond is, maar als ze op weg naar school langs
            > vijf frituurzaken lopen, wint de frituur.
            -- Intern begeleider basisschool

            LET OP: Een regel in het omgevingsplan geldt alleen voor nieuwe vestigingen. De
            bestaande blijven; verwacht dus geen snelle verandering.
        """,
        results="""
            De watertappunten worden goed gebruikt. Het schoolontbijt verkoopt ongeveer 80 keer
            per week. Effecten op gewicht zijn nog niet te meten.
        """,
        lessons="""
            Het omgevingsplan was het lastigste en het belangrijkste onderdeel. Betrek de
            juristen ruimtelijke ordening vroeg; zij kennen de mogelijkheden beter dan de
            gezondheidsafdeling.
        """,
        needs_team="Beleidsmedewerkers gezondheid en ruimte, de schooldirecties.",
        needs_budget="Circa € 120.000 eenmalig, vooral voor de schoolstraat.",
        funding="SPUK GIDS-middelen en het programma voor Heerlen-Noord.",
        partners=[("Kindcentrum De Vlieger", "een van de drie scholen")],
        contact=Contact("Team Gezond Heerlen", "gezondheid@heerlen.example.nl"),
        themas=("gezonde-fysieke-leefomgeving", "leefstijl", "gezond-opgroeien-kansrijke-start"),
        sporen=("fysieke-omgeving",),
        pijlers=("bestuurlijke-betrokkenheid", "samenwerking-over-domeinen-heen"),
        doelgroepen=("kinderen", "jongeren"),
        domeinen=("ruimtelijke-ordening-en-leefomgeving", "onderwijs", "publieke-gezondheid"),
        levensfasen=("kind", "jongere"),
        start=D(2023, 3, 1),
        checked=8,
    ),
    Practice(
        slug="koffie-op-de-stoep",
        section=HEERLEN,
        title="Koffie op de stoep",
        intro="""
            Vrijwilligers zetten in de zomer op vaste middagen een tafel met koffie op de stoep
            in straten met veel oudere bewoners. Wie langsloopt, schuift aan.
        """,
        approach="""
            Een welzijnsorganisatie zorgt voor tafels, stoelen en een kleine vergoeding. Bewoners
            regelen de rest zelf. Sociaal werkers sluiten af en toe aan om te horen wat er
            speelt.
        """,
        results="""
            Twaalf straten deden mee. Volgens de vrijwilligers kwamen er per middag gemiddeld
            tien tot vijftien mensen, onder wie ouderen die ze nooit buiten zagen.
        """,
        lessons="Eenvoudig en goedkoop, maar afhankelijk van een paar trekkers per straat.",
        partners=[("Welzijn Noord", "zorgt voor materiaal en begeleiding")],
        contact=Contact("Team Gezond Heerlen", "gezondheid@heerlen.example.nl"),
        themas=("sociale-basis-in-de-wijk", "mentale-gezondheid"),
        sporen=("sociale-omgeving",),
        pijlers=("burgers-zijn-hoofdrolspelers",),
        doelgroepen=("ouderen",),
        domeinen=("sociaal-domein",),
        levensfasen=("oudere",),
        status="afgerond",
        start=D(2023, 6, 1),
        end=D(2023, 9, 30),
        checked=19,
    ),
]

_ALMERE = [
    Practice(
        slug="iedereen-doet-mee-sport-en-cultuur",
        section=ALMERE,
        title="Iedereen doet mee: sport en cultuur voor kinderen uit gezinnen met weinig geld",
        intro="""
            Kinderen uit gezinnen met een laag inkomen krijgen in Almere een vergoeding voor
            contributie, kleding en materiaal. Een buurtsportcoach zorgt dat ze ook echt bij
            een club terechtkomen en blijven.
        """,
        background="""
            Almere had al jaren een regeling voor sport en cultuur, maar die werd door minder
            dan de helft van de gezinnen die er recht op hadden gebruikt. Ouders kenden de
            regeling niet, vonden de aanvraag ingewikkeld of durfden hun kind niet naar een
            club te sturen waar ze niemand kenden.
        """,
        goal="Dat elk kind dat wil kan sporten of aan cultuur kan doen, ongeacht het inkomen.",
        approach="""
            ## Eén loket, weinig papier
            De aanvraag kan via school, het wijkteam of de buurtsportcoach. Die vult samen met
            de ouder een kort formulier in; een inkomensbewijs is niet nodig als het gezin al
            bekend is bij de gemeente.

            ## Een warm welkom bij de club
            De buurtsportcoach gaat de eerste keren mee en spreekt met de trainer af wie het
            kind opvangt. Clubs die meedoen, leggen vast dat kinderen niet apart worden
            behandeld: iedereen krijgt dezelfde tas en hetzelfde shirt.

            > Hij durfde eerst niet, want hij had geen voetbalschoenen. Nu wil hij elke dag
            > trainen.
            -- Moeder van een jongen van negen

            TIP: Vraag de clubs om de contributie rechtstreeks bij de gemeente te
            declareren. Dan hoeft de ouder niets voor te schieten.
        """,
        working_elements="""
            - Een eenvoudige aanvraag via mensen die het gezin al kent.
            - Persoonlijke begeleiding naar en bij de club.
            - Geen zichtbaar onderscheid tussen kinderen.
        """,
        results="""
            Het gebruik van de regeling steeg in twee jaar van 46 naar 71 procent van de
            kinderen die er recht op hebben. Negen op de tien kinderen zaten na een jaar nog op
            hun sport of cultuuractiviteit.
        """,
        monitoring="Gegevens uit de aanvraagregistratie en een jaarlijkse uitvraag bij clubs.",
        lessons="""
            De vergoeding alleen is niet genoeg. Het verschil zit in de begeleiding en in
            clubs die zich verantwoordelijk voelen.
        """,
        needs_team="Drie buurtsportcoaches, een medewerker voor de administratie.",
        needs_time="Sinds 2022; de vernieuwde aanpak kostte een half jaar voorbereiding.",
        needs_budget="Circa € 400 per kind per jaar plus de inzet van de coaches.",
        funding="Gemeentelijk minimabeleid, middelen uit het sportakkoord en een fonds.",
        partners=[
            ("Sportief Oost – buurtsportcoaches", "begeleidt kinderen naar en bij de club"),
            ("Kindcentrum De Vlieger", "signaleert en helpt ouders met de aanvraag"),
        ],
        contact=Contact("Team Gezondheid en Sport", "meedoen@almere.example.nl"),
        themas=("leefstijl", "armoede-en-schulden", "gezond-opgroeien-kansrijke-start"),
        sporen=("participatie", "gedrag-en-vaardigheden"),
        pijlers=("differentiatie-is-essentieel", "procesgerichte-aanpak"),
        doelgroepen=("kinderen", "jongeren", "mensen-met-een-lage-ses"),
        domeinen=("sport-en-bewegen", "inkomen-en-schulden"),
        levensfasen=("kind", "jongere"),
        start=D(2022, 1, 1),
        checked=4,
        en={
            "title": "Everyone takes part: sport and culture for children from low-income families",
            "slug": "everyone-takes-part",
            "funding": "Municipal low-income policy, sports agreement funds and a charitable fund.",
            "intro": """
                Children from low-income families in Almere get their club fees, clothing and
                equipment paid for. A neighbourhood sports coach makes sure they actually join
                a club and stay.
            """,
            "background": """
                Almere had offered a scheme for sport and culture for years, but fewer than
                half of the eligible families used it. Parents did not know about it, found
                the application complicated or did not dare send their child to a club where
                they knew nobody.
            """,
            "goal": "Every child who wants to can play sport or take part in culture.",
            "approach": """
                ## One point of contact, little paperwork
                Families can apply through school, the neighbourhood team or the sports
                coach, who fills in a short form together with the parent.

                ## A warm welcome at the club
                The coach goes along the first few times and agrees with the trainer who will
                look after the child. Participating clubs make sure no child is treated
                differently.

                > At first he didn't dare, because he had no football boots. Now he wants to
                > train every day.
                -- Mother of a nine-year-old boy
            """,
            "results": """
                Use of the scheme rose from 46 to 71 per cent of eligible children in two
                years. Nine out of ten children were still at their activity a year later.
            """,
            "roles": [
                "guides children to and at the club",
                "identifies families and helps parents apply",
            ],
            "contact": "Health and Sport Team",
        },
    ),
    Practice(
        slug="bewoners-aan-het-roer-almere-haven",
        section=ALMERE,
        title="Bewoners aan het roer in Almere Haven",
        intro="""
            Een groep bewoners van Almere Haven maakte samen met de gemeente een
            gezondheidsagenda voor de wijk. Zij voeren die nu zelf uit, met een eigen budget.
        """,
        background="""
            De gezondheidsmonitor liet voor Almere Haven een achteruitgang zien op bijna alle
            punten: meer eenzaamheid, minder bewegen, meer mensen met financiële zorgen.
            Bewoners herkenden dat, maar voelden zich niet gehoord bij eerdere plannen.
        """,
        goal="Een wijkagenda voor gezondheid die van bewoners is, niet van de gemeente.",
        approach="""
            In zes 'wijkgesprekken' op plekken waar bewoners toch al kwamen – de markt, de
            moskee, de voedselbank, het buurthuis – haalden bewoners zelf op wat beter moest.
            Daaruit kwamen drie prioriteiten: ontmoeten, veilig buiten bewegen en hulp bij
            geldzaken.

            Een kerngroep van negen bewoners werkt de prioriteiten uit. De gemeente zorgt voor
            een opbouwwerker, een budget en een vaste ambtenaar die binnen de gemeente deuren
            opent.
        """,
        results="""
            Na anderhalf jaar zijn er een wekelijkse wandel- en praatgroep, een
            geldspreekuur door vrijwilligers in het buurthuis en een beter verlichte route naar
            het park. Het aantal bewoners dat actief meedoet groeide van negen naar ruim
            veertig.
        """,
        lessons="""
            Het vraagt veel van ambtenaren om los te laten. Spreek vooraf af waarover bewoners
            echt beslissen en waarover niet.
        """,
        needs_team="Opbouwwerker, vaste contactambtenaar, kerngroep van bewoners.",
        needs_budget="€ 40.000 per jaar voor activiteiten, plus de inzet van de opbouwwerker.",
        funding="SPUK GIDS-middelen.",
        partners=[
            ("Bewonerscollectief Zonnewijk", "ondersteunt de kerngroep"),
            ("Welzijn Noord", "levert de opbouwwerker"),
        ],
        contact=Contact("Team Gezondheid en Sport", "gezondheid@almere.example.nl"),
        themas=("sociale-basis-in-de-wijk", "gezonde-fysieke-leefomgeving"),
        sporen=("participatie", "sociale-omgeving"),
        pijlers=("burgers-zijn-hoofdrolspelers", "wijkgericht-werken"),
        doelgroepen=("mensen-met-een-lage-ses",),
        domeinen=("sociaal-domein",),
        levensfasen=("volwassene",),
        start=D(2023, 9, 1),
        checked=2,
    ),
    Practice(
        slug="jonge-mantelzorgers-in-beeld",
        section=ALMERE,
        title="Jonge mantelzorgers in beeld",
        intro="""
            Scholen in Almere leren signalen herkennen van leerlingen die thuis zorgen voor een
            ziek familielid. Die leerlingen krijgen een vast aanspreekpunt en ontmoeten
            leeftijdsgenoten in dezelfde situatie.
        """,
        approach="""
            Mentoren volgden een korte training. Jonge mantelzorgers kunnen één middag per
            maand naar een groep bij het jongerenwerk, en krijgen zo nodig uitstel van
            huiswerk of toetsen.
        """,
        results="Op vier scholen zijn 58 jonge mantelzorgers in beeld gekomen.",
        partners=[("Welzijn Noord", "organiseert de groepsbijeenkomsten")],
        contact=Contact("Team Jeugd", "jeugd@almere.example.nl"),
        themas=(
            "mentale-gezondheid",
            "gezond-opgroeien-kansrijke-start",
            "sociale-basis-in-de-wijk",
        ),
        sporen=("sociale-omgeving",),
        pijlers=("differentiatie-is-essentieel",),
        doelgroepen=("jongeren",),
        domeinen=("onderwijs", "sociaal-domein"),
        levensfasen=("jongere",),
        start=D(2024, 2, 1),
        checked=6,
    ),
]

_ENSCHEDE = [
    Practice(
        slug="gezond-inburgeren-enschede",
        section=ENSCHEDE,
        title="Gezond inburgeren: gezondheid als vast onderdeel van de inburgering",
        intro="""
            Statushouders in Enschede krijgen tijdens hun inburgering een serie lessen over
            de Nederlandse gezondheidszorg en gezond leven, in hun eigen taal en met een
            sleutelpersoon uit hun eigen gemeenschap.
        """,
        background="""
            Veel statushouders hebben gezondheidsklachten, soms door wat ze meemaakten in hun
            land van herkomst of onderweg. Tegelijk kennen ze de Nederlandse zorg niet: wat
            doet een huisarts, waarom krijg je geen antibiotica, wat is een POH-GGZ?
            Huisartsen merkten dat de spreekuren met statushouders lang duurden en vaak
            eindigden in misverstanden.
        """,
        goal="""
            Statushouders weten hoe de zorg werkt, wanneer ze waar terechtkunnen en wat ze
            zelf kunnen doen om gezond te blijven.
        """,
        approach="""
            ## Vijf bijeenkomsten
            In groepen van tien tot vijftien deelnemers behandelen een
            gezondheidsvoorlichter en een sleutelpersoon vijf onderwerpen: de huisarts, de
            apotheek en medicijnen, mentale gezondheid, gezond eten en bewegen, en zorg voor
            kinderen.

            De lessen zijn in het Arabisch, Tigrinya of Dari, met een tolk waar nodig.
            Deelnemers bezoeken ook samen een huisartsenpraktijk.

            > Ik dacht dat de huisarts mij niet serieus nam omdat hij geen medicijnen gaf.
            > Nu begrijp ik dat het hier anders werkt.
            -- Deelnemer uit Eritrea

            ## Aansluiten bij de inburgering
            De bijeenkomsten zijn een vast onderdeel van het inburgeringsprogramma van de
            gemeente. Ze tellen mee als uren voor de module Kennis van de Nederlandse
            Maatschappij.
        """,
        working_elements="""
            - Voorlichting in de eigen taal, door iemand uit de eigen gemeenschap.
            - Praktisch: een bezoek aan een echte huisartsenpraktijk.
            - Ingebed in de inburgering, dus geen extra afspraak.
        """,
        results="""
            In twee jaar namen 286 statushouders deel. Na afloop wist 85 procent wanneer je
            de huisarts belt en wanneer de huisartsenpost, tegen 40 procent bij de start.
            Huisartsen in de wijken met veel statushouders melden minder onnodige bezoeken aan
            de spoedeisende hulp, maar dat is niet systematisch gemeten.
        """,
        monitoring="Een korte kennistoets voor en na de serie, in de eigen taal.",
        lessons="""
            Goede sleutelpersonen zijn goud waard, maar ze moeten betaald en begeleid worden.
            Ze krijgen veel vragen, ook buiten de lessen om.
        """,
        needs_team="Twee gezondheidsvoorlichters, vijf sleutelpersonen, tolken op afroep.",
        needs_time="Vijf bijeenkomsten van twee uur per groep.",
        needs_budget="Ongeveer € 300 per deelnemer.",
        funding="Gemeentelijk inburgeringsbudget en SPUK GIDS-middelen.",
        partners=[
            ("Pharos", "leverde lesmateriaal en trainde de sleutelpersonen"),
            ("Gezondheidscentrum De Brug", "ontvangt de groepen en denkt mee"),
            ("Stichting Lezen & Schrijven", "adviseerde over eenvoudige taal"),
        ],
        contact=Contact("Team Gezonde Stad", "inburgering@enschede.example.nl"),
        themas=("gezondheidsvaardigheden-en-laaggeletterdheid", "van-zorg-naar-gezondheid"),
        sporen=("gedrag-en-vaardigheden", "preventie-en-zorg"),
        pijlers=("differentiatie-is-essentieel", "samenwerking-over-domeinen-heen"),
        doelgroepen=("nieuwkomers-en-statushouders",),
        domeinen=("zorg-en-welzijn", "sociaal-domein", "publieke-gezondheid"),
        levensfasen=("volwassene",),
        start=D(2022, 6, 1),
        checked=3,
        en={
            "title": "Healthy integration: health as a fixed part of civic integration",
            "slug": "healthy-integration",
            "funding": "Municipal civic integration budget and GIDS funding (SPUK).",
            "intro": """
                During their civic integration programme, refugees with a residence permit in
                Enschede follow a series of sessions on Dutch healthcare and healthy living,
                in their own language and with a key figure from their own community.
            """,
            "background": """
                Many refugees have health complaints, sometimes because of what they went
                through at home or on the way. At the same time they do not know how Dutch
                healthcare works: what a GP does, why you don't get antibiotics, what a
                mental health practice nurse is. GP appointments often ended in
                misunderstandings.
            """,
            "goal": """
                Newcomers know how healthcare works, where to go when, and what they can do
                themselves to stay healthy.
            """,
            "approach": """
                ## Five sessions
                In groups of ten to fifteen, a health educator and a community key figure
                cover five subjects: the GP, the pharmacy and medicines, mental health, healthy
                eating and exercise, and care for children. Sessions are held in Arabic,
                Tigrinya or Dari, and participants visit a GP practice together.

                > I thought the GP didn't take me seriously because he gave me no medicine. Now
                > I understand it works differently here.
                -- Participant from Eritrea
            """,
            "results": """
                In two years, 286 people took part. Afterwards 85 per cent knew when to call
                their GP and when the out-of-hours service, compared with 40 per cent at the
                start.
            """,
            "roles": [
                "provided teaching materials and trained the key figures",
                "hosts the groups and gives advice",
                "advised on plain language",
            ],
            "contact": "Healthy City Team",
        },
    ),
    Practice(
        slug="bewegen-op-recept-enschede",
        section=ENSCHEDE,
        title="Bewegen op recept met een beweegmaatje",
        intro="""
            Huisartsen in Enschede kunnen patiënten die weinig bewegen doorverwijzen naar een
            buurtsportcoach. Een vrijwillig beweegmaatje uit de buurt gaat de eerste weken mee.
        """,
        background="""
            Huisartsen adviseerden al jaren om meer te bewegen, maar patiënten met weinig geld
            of weinig zelfvertrouwen kwamen zelden bij een sportaanbieder terecht.
        """,
        approach="""
            De huisarts of POH geeft een 'beweegrecept'. De buurtsportcoach belt binnen een
            week en zoekt samen met de patiënt een activiteit in de buurt: wandelen, fietsles,
            zwemmen, een beweeggroep voor vrouwen.

            Een beweegmaatje uit de buurt gaat de eerste zes weken mee. De aanpak volgt de
            erkende interventie *Samen Bewegen Dichtbij*.
        """,
        results="""
            Van de 230 verwezen patiënten begonnen er 170 aan een activiteit. Na een half jaar
            bewoog ruim de helft van hen nog wekelijks.
        """,
        monitoring="Registratie door de buurtsportcoaches, belronde na zes maanden.",
        lessons="Zonder beweegmaatje haakten deelnemers veel vaker af in de eerste weken.",
        needs_team="Twee buurtsportcoaches, twintig beweegmaatjes.",
        funding="Sportakkoord, zorgverzekeraar.",
        partners=[
            ("Sportief Oost – buurtsportcoaches", "koppelt patiënten aan activiteiten"),
            ("Gezondheidscentrum De Brug", "verwijst patiënten"),
            ("Zorgverzekeraar Regio Midden", "betaalt mee"),
        ],
        contact=Contact("Team Gezonde Stad", "bewegen@enschede.example.nl"),
        themas=("leefstijl", "van-zorg-naar-gezondheid"),
        sporen=("gedrag-en-vaardigheden", "preventie-en-zorg"),
        pijlers=("samenwerking-over-domeinen-heen",),
        doelgroepen=("mensen-met-een-lage-ses", "ouderen"),
        domeinen=("sport-en-bewegen", "zorg-en-welzijn"),
        levensfasen=("volwassene", "oudere"),
        start=D(2022, 2, 1),
        checked=9,
        intervention=Intervention(
            "Samen Bewegen Dichtbij",
            "https://interventies.example.nl/samen-bewegen-dichtbij",
            "effectief-eerste",
            D(2021, 11, 1),
        ),
    ),
    Practice(
        slug="geldzorgen-in-de-spreekkamer",
        section=ENSCHEDE,
        title="Geldzorgen bespreekbaar in de spreekkamer",
        intro="""
            In zes huisartsenpraktijken vragen huisartsen en POH's standaard naar geldzorgen
            bij klachten die met stress te maken kunnen hebben. Een geldcoach houdt spreekuur
            in de praktijk.
        """,
        background="""
            Stress door geldzorgen uit zich vaak in lichamelijke klachten. Patiënten beginnen
            er zelf zelden over, en huisartsen vonden het lastig om ernaar te vragen zonder te
            weten wat ze daarna konden bieden.
        """,
        goal="Geldzorgen eerder herkennen en mensen direct naar passende hulp leiden.",
        approach="""
            Huisartsen en POH's kregen een korte training in het stellen van de vraag: 'Komt u
            weleens geld tekort voor de dagelijkse dingen?' Bij een ja volgt een afspraak bij de
            geldcoach, die elke week een dagdeel in de praktijk zit.

            > Ik schaamde me. Maar omdat het hier gewoon gevraagd werd, durfde ik het toe te
            > geven.
            -- Patiënt
        """,
        results="""
            In het eerste jaar gingen 190 patiënten naar de geldcoach. Bij 40 procent ging het
            om een beginnende achterstand die snel op te lossen was.
        """,
        lessons="""
            De vraag stellen is het makkelijke deel. Zorg dat er direct een vervolg is,
            anders haken huisartsen af.
        """,
        needs_team="Een geldcoach (16 uur per week), training voor de praktijken.",
        funding="Gemeentelijk budget schuldhulpverlening en zorgverzekeraar.",
        partners=[
            ("Gezondheidscentrum De Brug", "huisartsen en POH's signaleren"),
            ("Werkplein Rivierenland-Midden", "levert de geldcoach"),
        ],
        contact=Contact("Team Gezonde Stad", "geldzorgen@enschede.example.nl"),
        themas=("armoede-en-schulden", "van-zorg-naar-gezondheid"),
        sporen=("preventie-en-zorg",),
        pijlers=("samenwerking-over-domeinen-heen", "procesgerichte-aanpak"),
        doelgroepen=("mensen-met-schulden",),
        domeinen=("zorg-en-welzijn", "inkomen-en-schulden"),
        levensfasen=("volwassene",),
        start=D(2023, 4, 1),
        checked=5,
    ),
]

_ZWOLLE = [
    Practice(
        slug="koele-wijken-zwolle",
        section=ZWOLLE,
        title="Koele wijken: groen tegen hitte in Holtenbroek",
        intro="""
            In Holtenbroek, een versteende wijk met veel ouderen, pakt Zwolle hitte aan met
            meer bomen, geveltuinen en koele plekken. Ook is er een hitteplan voor kwetsbare
            bewoners.
        """,
        background="""
            Tijdens hittegolven is het in Holtenbroek 's nachts tot vier graden warmer dan in
            het buitengebied. De wijk heeft weinig groen en veel flats zonder goede
            ventilatie. Ouderen en mensen met een chronische ziekte lopen het meeste risico.
        """,
        goal="""
            Minder hittestress in de wijk, en kwetsbare bewoners die tijdens een hittegolf in
            beeld zijn en weten wat ze kunnen doen.
        """,
        approach="""
            ## Groen erbij, steen eruit
            Samen met bewoners koos de gemeente plekken waar tegels plaats maakten voor bomen
            en plantvakken. Bewoners konden gratis een geveltuin aanvragen; de gemeente haalde
            de tegels weg, bewoners plantten zelf.

            ## Koele plekken
            Het buurthuis en de bibliotheek zijn tijdens een hittegolf 'koele plek': langer
            open, met water en een plek om uit te rusten.

            ## Hitteplan
            Wijkverpleging en welzijn bellen tijdens een hittegolf bewoners die alleen wonen
            en kwetsbaar zijn. Vrijwilligers brengen zo nodig een ventilator of water.

            TIP: Maak de bellijst vóór de zomer, samen met de wijkverpleging. Tijdens een
            hittegolf is er geen tijd meer om uit te zoeken wie je moet bellen.
        """,
        working_elements="""
            - Fysieke maatregelen en persoonlijke aandacht gecombineerd.
            - Bewoners doen mee met de vergroening, en houden het daardoor ook bij.
        """,
        results="""
            Er kwamen 140 bomen en ruim 200 geveltuinen bij. Tijdens de hittegolf van 2025
            werden 320 kwetsbare bewoners gebeld; bij 18 van hen was extra hulp nodig.
        """,
        monitoring="Temperatuurmetingen met sensoren, registratie van belrondes.",
        lessons="""
            Koele plekken werden minder bezocht dan gehoopt. Veel ouderen gaan bij hitte
            liever niet naar buiten; thuis bellen en langsgaan werkt beter.
        """,
        needs_team="Projectleider klimaatadaptatie, wijkverpleging, welzijnswerk, vrijwilligers.",
        needs_time="Vergroening in twee jaar; het hitteplan wordt jaarlijks herhaald.",
        needs_budget="€ 850.000 voor vergroening, € 20.000 per jaar voor het hitteplan.",
        funding="Gemeentelijk budget klimaatadaptatie, rijksimpuls klimaatadaptatie.",
        partners=[
            ("Woonstichting Thuis in de Wijk", "vergroent de binnenterreinen van flats"),
            ("Welzijn Noord", "organiseert het hitteplan met vrijwilligers"),
            ("Bewonerscollectief Zonnewijk", "werft bewoners voor geveltuinen"),
        ],
        contact=Contact("Team Gezond Zwolle", "koelewijk@zwolle.example.nl"),
        themas=("gezonde-fysieke-leefomgeving", "wonen"),
        sporen=("fysieke-omgeving", "sociale-omgeving"),
        pijlers=("samenwerking-over-domeinen-heen", "wijkgericht-werken"),
        doelgroepen=("ouderen", "mensen-met-een-lage-ses"),
        domeinen=("ruimtelijke-ordening-en-leefomgeving", "wonen", "zorg-en-welzijn"),
        levensfasen=("oudere",),
        start=D(2023, 3, 1),
        checked=1,
        en={
            "title": "Cool neighbourhoods: greenery against heat in Holtenbroek",
            "slug": "cool-neighbourhoods",
            "funding": """
                Municipal climate adaptation budget and a national climate adaptation grant.
            """,
            "intro": """
                In Holtenbroek, a heavily paved neighbourhood with many older residents,
                Zwolle tackles heat with more trees, front-wall gardens and cool spots, plus a
                heat plan for vulnerable residents.
            """,
            "background": """
                During heatwaves, nights in Holtenbroek are up to four degrees warmer than in
                the surrounding countryside. The area has little greenery and many poorly
                ventilated flats. Older people and those with a chronic illness are most at
                risk.
            """,
            "goal": """
                Less heat stress in the neighbourhood, and vulnerable residents who are known
                and know what to do during a heatwave.
            """,
            "approach": """
                ## More green, less stone
                Together with residents, the municipality chose places where paving made way
                for trees and planting. Residents could apply for a free front-wall garden.

                ## Heat plan
                During a heatwave, district nurses and welfare workers call vulnerable
                residents who live alone; volunteers bring a fan or water if needed.
            """,
            "results": """
                140 trees and over 200 front-wall gardens were added. During the 2025
                heatwave, 320 vulnerable residents were called; 18 needed extra help.
            """,
            "roles": [
                "greens the courtyards of its blocks of flats",
                "runs the heat plan with volunteers",
                "recruits residents for front-wall gardens",
            ],
            "contact": "Healthy Zwolle Team",
        },
    ),
    Practice(
        slug="begrijpelijke-zorg-huisartsenpraktijk",
        section=ZWOLLE,
        title="Begrijpelijke zorg: laaggeletterdheid herkennen in de huisartsenpraktijk",
        intro="""
            Vier huisartsenpraktijken in Diezerpoort leerden laaggeletterdheid herkennen en
            hun communicatie aan te passen. Patiënten die willen, worden doorverwezen naar een
            taalcursus in de wijk.
        """,
        background="""
            Naar schatting een op de vijf volwassenen in de wijk heeft moeite met lezen en
            schrijven. Zij begrijpen bijsluiters en brieven niet goed, missen afspraken en
            nemen medicijnen verkeerd in. Vaak merken zorgverleners het niet: mensen hebben
            strategieën om het te verbergen.
        """,
        goal="""
            Zorg die iedereen begrijpt, en meer laaggeletterde patiënten die een stap zetten om
            hun taalvaardigheid te verbeteren.
        """,
        approach="""
            ## Training voor het hele team
            Van assistente tot huisarts volgde iedereen een training van twee uur: welke
            signalen wijzen op laaggeletterdheid, hoe vraag je ernaar, en hoe leg je iets uit
            met de terugvraagmethode ('Kunt u in uw eigen woorden vertellen wat u thuis gaat
            doen?').

            ## Aanpassingen in de praktijk
            - Brieven en folders herschreven op taalniveau B1.
            - Pictogrammen bij de balie en in de wachtkamer.
            - Een extra lange afspraak voor patiënten die dat nodig hebben.

            ## Een warme verwijzing
            Patiënten die willen, worden met hun toestemming aangemeld bij het Taalhuis. Een
            taalvrijwilliger belt hen binnen een week.

            > Ik zei altijd dat ik mijn bril vergeten was. Nu weet de assistente het, en leest
            > ze het gewoon even voor. Dat scheelt zoveel.
            -- Patiënt, 61 jaar

            INFO: De aanpak is gebaseerd op de erkende interventie *Zeg het Eenvoudig*, die
            in de praktijken is aangepast aan de situatie in de wijk.
        """,
        working_elements="""
            - Het hele team doet mee, ook de assistentes aan de balie.
            - De terugvraagmethode: controleren of de uitleg is aangekomen.
            - Een directe, warme lijn naar taalaanbod in de wijk.
        """,
        results="""
            In anderhalf jaar verwezen de vier praktijken 64 patiënten naar het Taalhuis,
            van wie 41 begonnen aan een taaltraject. Medewerkers zeggen laaggeletterdheid
            vaker op te merken: gemiddeld een paar keer per week per praktijk.
        """,
        monitoring="""
            Een vragenlijst onder medewerkers voor en na de training, en registratie van
            verwijzingen door het Taalhuis.
        """,
        lessons="""
            Laaggeletterdheid is een gevoelig onderwerp. Noem het niet zo in het gesprek met de
            patiënt, maar vraag of iemand hulp wil bij lezen of formulieren.

            Herschrijf ook de teksten op de website en in de app van de praktijk; die worden
            vaak vergeten.
        """,
        needs_team="""
            Trainer, een aandachtsfunctionaris per praktijk, vrijwilligers van het Taalhuis.
        """,
        needs_time="Een trainingsmiddag per team, daarna jaarlijkse opfrissing.",
        needs_budget="Ongeveer € 3.000 per praktijk voor training en materialen.",
        funding="Gemeentelijk budget laaggeletterdheid (Tel mee met Taal), zorgverzekeraar.",
        partners=[
            ("Stichting Lezen & Schrijven", "verzorgde de training"),
            ("Gezondheidscentrum De Brug", "een van de vier praktijken"),
            ("Pharos", "adviseerde over materialen in eenvoudige taal"),
        ],
        contact=Contact("Team Gezond Zwolle", "taal@zwolle.example.nl"),
        themas=("gezondheidsvaardigheden-en-laaggeletterdheid", "van-zorg-naar-gezondheid"),
        sporen=("gedrag-en-vaardigheden", "preventie-en-zorg"),
        pijlers=("differentiatie-is-essentieel", "samenwerking-over-domeinen-heen"),
        doelgroepen=("laaggeletterden", "professionals-en-beleidsmakers"),
        domeinen=("zorg-en-welzijn", "onderwijs"),
        levensfasen=("volwassene", "oudere"),
        start=D(2023, 1, 15),
        checked=2,
        intervention=Intervention(
            "Zeg het Eenvoudig",
            "https://interventies.example.nl/zeg-het-eenvoudig",
            "goed-beschreven",
            D(2020, 5, 1),
        ),
        en={
            "title": "Care everyone understands: recognising low literacy in GP practices",
            "slug": "care-everyone-understands",
            "funding": "Municipal literacy budget and health insurer.",
            "intro": """
                Four GP practices in Diezerpoort learned to recognise low literacy and adapt
                how they communicate. Patients who want to are referred to a language course
                in the neighbourhood.
            """,
            "background": """
                An estimated one in five adults in the neighbourhood struggles with reading
                and writing. They do not fully understand leaflets and letters, miss
                appointments and take medicines incorrectly. Care providers often do not
                notice, because people have ways of hiding it.
            """,
            "goal": """
                Care that everyone understands, and more patients with low literacy taking a
                step to improve their language skills.
            """,
            "approach": """
                ## Training for the whole team
                Everyone from receptionist to GP took a two-hour training: which signs point
                to low literacy, how to ask about it, and how to explain things using the
                teach-back method.

                ## A warm referral
                With their consent, patients who want to are signed up with the local
                Language House; a volunteer calls them within a week.

                > I always said I had forgotten my glasses. Now the receptionist knows, and she
                > simply reads it out for me. That makes such a difference.
                -- Patient, aged 61
            """,
            "results": """
                In eighteen months, the four practices referred 64 patients to the Language
                House, 41 of whom started a language course.
            """,
            "lessons": """
                Low literacy is a sensitive subject. Don't use the term with patients; ask
                whether they would like help with reading or forms.
            """,
            "roles": [
                "provided the training",
                "one of the four practices",
                "advised on plain-language materials",
            ],
            "contact": "Healthy Zwolle Team",
        },
    ),
    Practice(
        slug="mantelzorg-even-op-adem",
        section=ZWOLLE,
        title="Even op adem komen: respijt voor mantelzorgers",
        intro="""
            Mantelzorgers in Zwolle kunnen een paar uur per week vervangende zorg krijgen,
            zodat ze zelf even kunnen uitrusten, sporten of afspreken.
        """,
        approach="""
            Getrainde vrijwilligers nemen de zorg een dagdeel over. Een consulent
            mantelzorg koppelt vrijwilligers en gezinnen en houdt contact.
        """,
        results="Ongeveer 90 mantelzorgers maakten gebruik van de regeling.",
        lessons="Veel mantelzorgers vragen pas hulp als ze al overbelast zijn.",
        partners=[("Welzijn Noord", "werft en begeleidt de vrijwilligers")],
        contact=Contact("Steunpunt Mantelzorg", "mantelzorg@zwolle.example.nl"),
        themas=("sociale-basis-in-de-wijk", "mentale-gezondheid"),
        sporen=("sociale-omgeving",),
        pijlers=("procesgerichte-aanpak",),
        doelgroepen=("ouderen",),
        domeinen=("sociaal-domein", "zorg-en-welzijn"),
        levensfasen=("volwassene", "oudere"),
        status="afgerond",
        start=D(2020, 1, 1),
        end=D(2023, 12, 31),
        checked=14,
    ),
]

_LEEUWARDEN = [
    Practice(
        slug="kindpakket-leeuwarden",
        section=LEEUWARDEN,
        title="Het kindpakket: wat kinderen nodig hebben, zonder gedoe",
        intro="""
            Gezinnen met een laag inkomen krijgen in Leeuwarden één pakket voor hun kinderen:
            een fiets, schoolspullen, zwemles, sport en een laptop. Eén aanvraag, geen
            losse regelingen.
        """,
        background="""
            Er bestonden meer dan tien aparte regelingen voor kinderen in armoede, elk met een
            eigen formulier en eigen voorwaarden. Gezinnen die het het hardst nodig hadden,
            vroegen ze het minst aan. Scholen zagen kinderen zonder fiets, zonder gymschoenen,
            zonder zwemdiploma.
        """,
        goal="Dat alle kinderen uit gezinnen met weinig geld krijgen waar ze recht op hebben.",
        approach="""
            De gemeente bundelde de regelingen in één kindpakket met een vast budget per kind
            per jaar. Ouders vragen het één keer aan en kiezen daarna zelf in een webwinkel of
            met hulp van een consulent.

            Scholen, het consultatiebureau en het wijkteam kunnen gezinnen aanmelden; de
            gemeente neemt dan zelf contact op.

            > Vroeger moest ik voor elke regeling opnieuw mijn loonstroken inleveren. Nu kan
            > ik gewoon kiezen wat mijn dochter nodig heeft.
            -- Moeder, alleenstaand met twee kinderen

            TIP: Laat de webwinkel ook werken voor ouders zonder computer: aan de balie of via
            de consulent.
        """,
        working_elements="""
            - Eén aanvraag in plaats van tien.
            - Ouders kiezen zelf wat hun kind nodig heeft.
            - Actief aanmelden via scholen en wijkteams.
        """,
        results="""
            Het bereik steeg van 52 naar 78 procent van de kinderen die er recht op hebben.
            Het meest gekozen: een fiets, zwemles en een bijdrage aan de schoolreis.
        """,
        monitoring="Gegevens uit de aanvraagregistratie, een jaarlijkse enquête onder ouders.",
        lessons="""
            De overstap kostte meer tijd dan gepland, vooral door de koppeling met de
            webwinkel. Houd de oude regelingen open tot het nieuwe pakket goed loopt.
        """,
        needs_team="Twee consulenten, een functioneel beheerder.",
        needs_budget="Gemiddeld € 450 per kind per jaar.",
        funding="Gemeentelijk minimabeleid, extra rijksmiddelen voor kinderen in armoede.",
        partners=[
            ("Kindcentrum De Vlieger", "meldt gezinnen aan"),
            ("Nibud", "adviseerde over de hoogte van het budget"),
        ],
        contact=Contact("Team Inkomen", "kindpakket@leeuwarden.example.nl"),
        themas=("armoede-en-schulden", "gezond-opgroeien-kansrijke-start"),
        sporen=("participatie",),
        pijlers=("differentiatie-is-essentieel", "procesgerichte-aanpak"),
        doelgroepen=("kinderen", "ouders-en-opvoeders", "mensen-met-een-lage-ses"),
        domeinen=("inkomen-en-schulden", "sociaal-domein"),
        levensfasen=("kind", "jongere"),
        start=D(2022, 1, 1),
        checked=7,
    ),
    Practice(
        slug="huisbezoeken-75-plussers",
        section=LEEUWARDEN,
        title="Huisbezoeken bij 75-plussers in de dorpen",
        intro="""
            Vrijwilligers uit de dorpen rond Leeuwarden bezoeken alle inwoners die 75 worden.
            Ze vragen hoe het gaat, vertellen wat er in het dorp te doen is en signaleren
            eenzaamheid.
        """,
        background="""
            In de dorpen wonen relatief veel ouderen. Voorzieningen verdwijnen en de kinderen
            wonen vaak ver weg. Eenzaamheid bleef lang onzichtbaar.
        """,
        goal="Eenzaamheid onder ouderen eerder zien en mensen in contact brengen met hun dorp.",
        approach="""
            Twee keer per jaar krijgen vrijwilligers een lijst met nieuwe 75-jarigen. Ze sturen
            een kaartje en bellen dan aan. Het gesprek volgt een korte leidraad, maar vooral
            luisteren is belangrijk.

            Bij zorgen overlegt de vrijwilliger met de ouderenadviseur van het welzijnswerk.
        """,
        results="""
            In drie jaar zijn ruim 600 ouderen bezocht. Ongeveer een op de acht gaf aan zich
            vaak eenzaam te voelen; de meesten van hen gingen daarna naar een activiteit in het
            dorp.
        """,
        lessons="""
            Een kaartje vooraf maakt veel uit. Zonder aankondiging deden veel ouderen niet open.
        """,
        needs_team="Veertig vrijwilligers, een ouderenadviseur.",
        funding="Gemeentelijk budget Wmo.",
        partners=[("Welzijn Noord", "coördineert de vrijwilligers")],
        contact=Contact("Team Sociaal Domein", "ouderen@leeuwarden.example.nl"),
        themas=("sociale-basis-in-de-wijk", "mentale-gezondheid"),
        sporen=("sociale-omgeving",),
        pijlers=("burgers-zijn-hoofdrolspelers", "wijkgericht-werken"),
        doelgroepen=("ouderen",),
        domeinen=("sociaal-domein", "zorg-en-welzijn"),
        levensfasen=("oudere",),
        start=D(2021, 1, 1),
        checked=15,
    ),
    Practice(
        slug="rookvrije-start-leeuwarden",
        section=LEEUWARDEN,
        title="Rookvrije start: stoppen met roken tijdens de zwangerschap",
        intro="""
            Verloskundigen in Leeuwarden bespreken roken met elke zwangere vrouw en haar
            partner, en verwijzen naar een stoppen-met-rokenbegeleider die thuis komt.
        """,
        background="""
            In Leeuwarden rookte een op de acht vrouwen tijdens de zwangerschap, vooral
            jonge vrouwen met een laag inkomen. Roken tijdens de zwangerschap vergroot de kans
            op een te vroeg geboren of te klein kind.
        """,
        goal="Minder vrouwen en partners die roken tijdens de zwangerschap en na de geboorte.",
        approach="""
            Verloskundigen volgden een training in motiverende gespreksvoering. Bij de eerste
            controle vragen ze naar roken, ook van de partner. Wie wil stoppen, krijgt een
            begeleider die thuis komt en met de aanstaande ouders een stopplan maakt.

            De aanpak volgt de erkende interventie *Rookvrij Opgroeien Samen*. Deelnemers die
            stoppen, krijgen waardebonnen voor babyspullen.
        """,
        results="""
            Van de 120 verwezen vrouwen stopte ruim een derde tijdens de zwangerschap. Bij de
            partners lag dat lager, rond een op de vijf.
        """,
        monitoring="Koolmonoxidemeting bij de verloskundige, registratie door de begeleiders.",
        lessons="""
            Betrek de partner vanaf het begin. Vrouwen van wie de partner doorrookte, begonnen
            na de geboorte vaak weer.
        """,
        needs_team="Twee stoppen-met-rokenbegeleiders, getrainde verloskundigen.",
        funding="SPUK GIDS-middelen (Kansrijke Start), zorgverzekeraar.",
        partners=[
            ("Gezondheidscentrum De Brug", "verloskundigen verwijzen"),
            ("Zorgverzekeraar Regio Midden", "vergoedt de begeleiding"),
        ],
        contact=Contact(
            "Team Sociaal Domein, cluster Gezondheid", "rookvrij@leeuwarden.example.nl"
        ),
        themas=("leefstijl", "gezond-opgroeien-kansrijke-start"),
        sporen=("gedrag-en-vaardigheden", "preventie-en-zorg"),
        pijlers=("differentiatie-is-essentieel",),
        doelgroepen=("ouders-en-opvoeders",),
        domeinen=("zorg-en-welzijn", "publieke-gezondheid"),
        levensfasen=("eerste-1000-dagen",),
        start=D(2022, 9, 1),
        checked=11,
        intervention=Intervention(
            "Rookvrij Opgroeien Samen",
            "https://interventies.example.nl/rookvrij-opgroeien-samen",
            "effectief-eerste",
            D(2022, 4, 1),
        ),
    ),
]

_ZAANSTAD = [
    Practice(
        slug="wijkaanpak-poelenburg-peldersveld",
        section=ZAANSTAD,
        title="Wijkaanpak Poelenburg en Peldersveld: gezondheid als rode draad",
        intro="""
            In Poelenburg en Peldersveld werken gemeente, corporaties, scholen, zorg en
            bewoners al jaren samen aan een betere wijk. Gezondheid is daarin uitgegroeid van
            bijzaak tot rode draad.
        """,
        background="""
            De wijken kampten met verloedering, overlast en een slechte naam. Er woonden
            relatief veel mensen zonder werk, veel mensen met schulden en veel gezinnen die
            het Nederlands nog niet goed spraken. De levensverwachting lag enkele jaren onder
            het gemiddelde van Zaanstad.

            Eerdere projecten waren kortlopend en versnipperd. Bewoners hadden er weinig
            vertrouwen meer in.
        """,
        goal="""
            Een wijk waar mensen gezond kunnen opgroeien, wonen en werken, met een
            samenwerking die langer meegaat dan één collegeperiode.
        """,
        approach="""
            ## Eén wijkteam, één plan
            Alle partners werken vanuit één wijkkantoor met een gezamenlijk jaarplan. De
            wijkmanager heeft mandaat om knopen door te hakken en budget te verschuiven.

            ## Gezondheid in alles
            Elk onderdeel van de wijkaanpak krijgt een gezondheidsparagraaf: bij de renovatie
            van flats (ventilatie, geluid, ontmoetingsruimte), bij de schoolpleinen (groen,
            rookvrij), bij werk (aandacht voor klachten bij re-integratie) en bij de
            taalcursussen (gezondheidsvaardigheden).

            > Ik ben hier geboren. Voor het eerst heb ik het gevoel dat ze niet weer na twee
            > jaar vertrekken.
            -- Bewoner van Poelenburg

            ## Sleutelfiguren
            Twaalf betaalde sleutelfiguren uit verschillende gemeenschappen zijn de schakel
            tussen bewoners en professionals. Ze vertalen, verwijzen en halen signalen op.

            TIP: Geef de wijkmanager echt mandaat. Zonder dat verzandt elke afspraak in
            afstemming tussen afdelingen.
        """,
        working_elements="""
            - Lange adem: een programma van tien jaar met vaste financiering.
            - Eén plan en één kantoor voor alle partners.
            - Gezondheid als onderdeel van alle projecten, niet als apart project.
            - Betaalde sleutelfiguren uit de gemeenschappen.
        """,
        results="""
            Na zes jaar is het aandeel bewoners dat zijn gezondheid als goed ervaart gestegen
            van 58 naar 64 procent. De tevredenheid over de wijk steeg ook. Het aantal
            huishoudens met een bijstandsuitkering daalde licht. Hoeveel daarvan aan de
            wijkaanpak te danken is, is niet vast te stellen: er veranderde ook veel in de
            bevolking door nieuwbouw en verhuizingen.
        """,
        monitoring="""
            Een tweejaarlijkse wijkmonitor met gegevens van de GGD, de gemeente en de
            corporaties, aangevuld met bewonersgesprekken.
        """,
        lessons="""
            ### Wat werkte
            Continuïteit van mensen. De wijkmanager en een groot deel van het team werken er
            al sinds het begin.

            ### Wat lastig bleef
            Het bereiken van de meest geïsoleerde bewoners, vooral oudere migranten. Daar zijn
            de sleutelfiguren onmisbaar, maar het blijft mensenwerk.
        """,
        needs_team="Wijkmanager, wijkteam van zo'n twintig professionals, twaalf sleutelfiguren.",
        needs_time="Tien jaar, met een tussenevaluatie na vijf jaar.",
        needs_budget="Ongeveer € 2,5 miljoen per jaar, waarvan een deel van de corporaties.",
        funding="""
            Gemeentelijke middelen wijkaanpak, bijdragen van corporaties, SPUK GIDS-middelen
            en het Nationaal Programma Leefbaarheid en Veiligheid.
        """,
        partners=[
            ("Woonstichting Thuis in de Wijk", "renoveert en beheert de flats"),
            ("Welzijn Noord", "levert sociaal werk en de sleutelfiguren"),
            ("Kindcentrum De Vlieger", "brede school in de wijk"),
            ("Werkplein Rivierenland-Midden", "begeleidt naar werk"),
        ],
        contact=Contact("Team Wijkaanpak en Gezondheid", "wijkaanpak@zaanstad.example.nl"),
        themas=("sociale-basis-in-de-wijk", "wonen", "werk-en-bestaanszekerheid"),
        sporen=("fysieke-omgeving", "sociale-omgeving", "participatie"),
        pijlers=("lange-adem", "wijkgericht-werken", "bestuurlijke-betrokkenheid"),
        doelgroepen=("mensen-met-een-lage-ses", "nieuwkomers-en-statushouders"),
        domeinen=("wonen", "sociaal-domein", "werk", "onderwijs"),
        levensfasen=("kind", "volwassene"),
        start=D(2018, 1, 1),
        checked=6,
    ),
    Practice(
        slug="taal-en-gezondheid-in-het-taalhuis",
        section=ZAANSTAD,
        title="Taal en gezondheid in het Taalhuis",
        intro="""
            In het Taalhuis in de bibliotheek oefenen deelnemers met gesprekken bij de
            huisarts, de apotheek en het consultatiebureau.
        """,
        approach="""
            Taalvrijwilligers gebruiken rollenspellen en echte formulieren. Eens per maand komt
            een wijkverpleegkundige vragen beantwoorden.
        """,
        results="Zo'n 45 deelnemers per jaar; de meesten volgen ook andere taallessen.",
        partners=[("Stichting Lezen & Schrijven", "leverde oefenmateriaal")],
        contact=Contact("Taalhuis Zaanstad", "taalhuis@zaanstad.example.nl"),
        themas=("gezondheidsvaardigheden-en-laaggeletterdheid",),
        sporen=("gedrag-en-vaardigheden",),
        pijlers=("differentiatie-is-essentieel",),
        doelgroepen=("laaggeletterden", "nieuwkomers-en-statushouders"),
        domeinen=("onderwijs", "zorg-en-welzijn"),
        levensfasen=("volwassene",),
        start=D(2022, 9, 1),
        checked=9,
    ),
    Practice(
        slug="praat-erover-jongeren-zaanstad",
        section=ZAANSTAD,
        title="Praat erover: jongerenwerk en mentale gezondheid",
        intro="""
            Jongerenwerkers in Zaanstad organiseren gespreksgroepen over stress, somberheid en
            prestatiedruk, in de buurthuizen en online. Jongeren die meer nodig hebben, gaan
            met een jongerenwerker mee naar de huisarts of de POH-GGZ.
        """,
        background="""
            Jongerenwerkers hoorden steeds vaker verhalen over angst, slapeloosheid en
            somberheid. Veel jongeren wilden niet naar 'de hulpverlening', maar praatten wel
            met de jongerenwerker die ze al kenden.
        """,
        goal="Psychische klachten bespreekbaar maken en voorkomen dat ze verergeren.",
        approach="""
            Groepen van zes tot tien jongeren komen zes keer bij elkaar. Ze kiezen zelf de
            onderwerpen. Een POH-GGZ is twee keer te gast.

            > Ik dacht dat ik de enige was. Bleek dat de helft van de groep hetzelfde had.
            -- Deelnemer, 17 jaar
        """,
        results="""
            In het eerste jaar deden 84 jongeren mee. Twintig van hen gingen daarna met een
            jongerenwerker naar de huisarts of de POH-GGZ.
        """,
        lessons="""
            Online groepen bereikten vooral meisjes; jongens kwamen eerder naar het buurthuis.
        """,
        needs_team="Vier jongerenwerkers met een training, een POH-GGZ.",
        funding="SPUK GIDS-middelen, gemeentelijk budget jeugd.",
        partners=[
            ("Welzijn Noord", "levert het jongerenwerk"),
            ("Gezondheidscentrum De Brug", "POH-GGZ neemt deel aan de groepen"),
        ],
        contact=Contact("Team Jeugd", "jeugd@zaanstad.example.nl"),
        themas=("mentale-gezondheid", "gezond-opgroeien-kansrijke-start"),
        sporen=("sociale-omgeving", "preventie-en-zorg"),
        pijlers=("differentiatie-is-essentieel", "burgers-zijn-hoofdrolspelers"),
        doelgroepen=("jongeren",),
        domeinen=("zorg-en-welzijn", "sociaal-domein"),
        levensfasen=("jongere",),
        start=D(2024, 1, 1),
        checked=3,
    ),
]

_UTRECHT = [
    Practice(
        slug="sociaal-verwijzen-huisartsenpraktijk",
        section=UTRECHT,
        title="Sociaal verwijzen vanuit de huisartsenpraktijk",
        intro="""
            Huisartsen in Overvecht verwijzen patiënten met klachten die voortkomen uit
            eenzaamheid, stress of geldzorgen naar een welzijnscoach. Die zoekt samen met de
            patiënt naar activiteiten en hulp in de wijk.
        """,
        background="""
            Een groot deel van de consulten in de wijk gaat over klachten zonder duidelijke
            medische oorzaak. Huisartsen zagen dat medicijnen of een verwijzing naar de
            specialist vaak niet hielpen.
        """,
        goal="Passende ondersteuning voor klachten met een sociale oorzaak.",
        approach="""
            De huisarts of POH verwijst met een eenvoudig formulier. De welzijnscoach heeft
            drie tot vijf gesprekken met de patiënt, gaat zo nodig mee naar een activiteit en
            koppelt terug aan de huisarts.

            Het aanbod varieert van een tuinproject en een zanggroep tot vrijwilligerswerk en
            hulp bij de administratie.
        """,
        working_elements="""
            - Een vaste welzijnscoach per praktijk.
            - Terugkoppeling naar de huisarts, zodat het vertrouwen groeit.
        """,
        results="""
            In twee jaar zijn 520 patiënten verwezen. Bij een vragenlijst na drie maanden gaf
            ongeveer 60 procent aan zich beter te voelen.
        """,
        monitoring="Vragenlijst bij start en na drie maanden, registratie door de coaches.",
        lessons="""
            Laat de welzijnscoach meedraaien in het praktijkoverleg; dan wordt er meer verwezen.
        """,
        needs_team="Drie welzijnscoaches voor zes praktijken.",
        funding="Gemeentelijk budget sociaal domein, zorgverzekeraar.",
        partners=[
            ("Gezondheidscentrum De Brug", "huisartsen verwijzen"),
            ("Welzijn Noord", "levert de welzijnscoaches"),
        ],
        contact=Contact("Team Volksgezondheid", "welzijn@utrecht.example.nl"),
        themas=("van-zorg-naar-gezondheid", "sociale-basis-in-de-wijk", "mentale-gezondheid"),
        sporen=("preventie-en-zorg", "sociale-omgeving"),
        pijlers=("samenwerking-over-domeinen-heen",),
        doelgroepen=("mensen-met-een-lage-ses", "ouderen"),
        domeinen=("zorg-en-welzijn", "sociaal-domein"),
        levensfasen=("volwassene", "oudere"),
        start=D(2022, 5, 1),
        checked=8,
    ),
    Practice(
        slug="gezond-werk-praktisch-werk-utrecht",
        section=UTRECHT,
        title="Gezond werk voor mensen met praktisch werk",
        intro="""
            Utrecht werkt met werkgevers in schoonmaak, logistiek en zorg aan gezonder werk:
            betere roosters, aandacht voor geldzorgen en een gezondheidscheck op de werkvloer.
        """,
        background="""
            Werknemers met praktisch werk hebben vaker een zware baan, onregelmatige uren en
            weinig zeggenschap. Ze melden zich vaker ziek en stoppen eerder met werken. Veel
            werkgevers wilden er iets aan doen, maar wisten niet waar te beginnen.
        """,
        goal="Gezonder werk en minder verzuim bij werknemers met praktisch werk.",
        approach="""
            Tien werkgevers doen mee aan een leernetwerk. Elke werkgever kiest twee
            verbeterpunten, bijvoorbeeld roosters die minstens twee weken vooruit bekend zijn,
            of een vertrouwenspersoon voor geldzorgen. Een GGD-medewerker voert
            gezondheidschecks uit op de werkvloer, in werktijd.

            TIP: Betrek werknemers zelf bij het kiezen van de verbeterpunten. Wat het
            management bedenkt, is niet altijd wat het meest knelt.
        """,
        results="""
            Bij de deelnemende werkgevers deden 640 werknemers een gezondheidscheck. Zes
            werkgevers voerden vaste roosters in; twee van hen zagen het verzuim in een jaar
            met ongeveer een procentpunt dalen.
        """,
        lessons="Werkgevers leren het meest van elkaar. Geef het leernetwerk tijd.",
        needs_team="Een netwerkcoördinator, een GGD-medewerker, contactpersonen bij werkgevers.",
        needs_budget="Circa € 90.000 per jaar.",
        funding="Gemeentelijk budget werk, bijdrage werkgevers.",
        partners=[
            ("Zorgverzekeraar Regio Midden", "biedt collectieve preventie aan"),
            ("Nibud", "trainde vertrouwenspersonen in geldzaken"),
        ],
        contact=Contact("Team Volksgezondheid", "gezondwerk@utrecht.example.nl"),
        themas=("werk-en-bestaanszekerheid", "leefstijl"),
        sporen=("participatie", "preventie-en-zorg"),
        pijlers=("samenwerking-over-domeinen-heen", "procesgerichte-aanpak"),
        doelgroepen=("mensen-met-een-lage-ses",),
        domeinen=("werk", "publieke-gezondheid"),
        levensfasen=("volwassene",),
        start=D(2023, 6, 1),
        checked=4,
    ),
    Practice(
        slug="gezonde-kinderopvang-utrecht",
        section=UTRECHT,
        title="Gezonde kinderopvang in Kanaleneiland",
        intro="""
            Vijf kinderopvanglocaties in Kanaleneiland werken met een gezond voedingsbeleid,
            veel buitenspel en ouderavonden over slapen en schermgebruik.
        """,
        approach="""
            Elke locatie kreeg ondersteuning bij een plan. Ouderavonden worden gegeven in het
            Nederlands, Arabisch en Turks.
        """,
        results="""
            Alle vijf locaties hebben een gezondheidsbeleid; de ouderavonden trokken zo'n 120
            ouders.
        """,
        partners=[("Kindcentrum De Vlieger", "een van de locaties; deelt het plan met andere")],
        contact=Contact("Team Volksgezondheid", "gezondheid@utrecht.example.nl"),
        themas=("gezond-opgroeien-kansrijke-start", "leefstijl"),
        sporen=("gedrag-en-vaardigheden",),
        pijlers=("differentiatie-is-essentieel",),
        doelgroepen=("kinderen", "ouders-en-opvoeders"),
        domeinen=("onderwijs",),
        levensfasen=("eerste-1000-dagen", "kind"),
        start=D(2024, 1, 1),
        checked=2,
    ),
    Practice(
        slug="geldlessen-op-het-mbo",
        section=UTRECHT,
        title="Geldlessen op het mbo",
        intro="""
            Mbo-studenten leren in vier lessen omgaan met geld: zorgverzekering, toeslagen,
            kopen op afbetaling en wat te doen bij een achterstand. Een geldcoach houdt
            spreekuur op school.
        """,
        background="""
            Bij het achttiende jaar komen er ineens rekeningen: zorgverzekering,
            telefoonabonnement, studiefinanciering. Veel studenten bouwen dan al snel
            achterstanden op, met stress en uitval als gevolg.
        """,
        approach="""
            De lessen zijn onderdeel van het vak burgerschap. Ervaringsdeskundige jongeren
            geven een deel van de les. Het spreekuur van de geldcoach is zonder afspraak.
        """,
        results="""
            Ruim 1.100 studenten volgden de lessen. Het spreekuur had in het eerste jaar 150
            bezoekers, vaak met vragen over toeslagen.
        """,
        lessons="De ervaringsdeskundigen maakten het verschil: studenten luisterden naar hen.",
        funding="Gemeentelijk budget schuldhulpverlening (preventie).",
        partners=[
            ("Nibud", "leverde het lesmateriaal"),
            ("Werkplein Rivierenland-Midden", "levert de geldcoach"),
        ],
        contact=Contact("Team Volksgezondheid", "geldlessen@utrecht.example.nl"),
        themas=("armoede-en-schulden", "gezond-opgroeien-kansrijke-start"),
        sporen=("gedrag-en-vaardigheden",),
        pijlers=("differentiatie-is-essentieel",),
        doelgroepen=("jongeren",),
        domeinen=("onderwijs", "inkomen-en-schulden"),
        levensfasen=("jongere",),
        start=D(2023, 9, 1),
        checked=5,
    ),
]

_LANDELIJK = [
    Practice(
        slug="leernetwerk-schulden-en-gezondheid",
        section=None,
        title="Leernetwerk schulden en gezondheid",
        intro="""
            Acht gemeenten wisselen twee jaar lang ervaringen uit over de verbinding tussen
            schuldhulpverlening en zorg. Wat werkt als je geldzorgen en gezondheidsklachten
            samen aanpakt?
        """,
        background="""
            Veel gemeenten startten projecten om schuldhulp en zorg te verbinden, vaak
            los van elkaar en met vergelijkbare vragen. Hoe regel je de privacy? Hoe krijg je
            huisartsen mee? Wie betaalt na de pilot?
        """,
        goal="Gemeenten sneller laten leren van elkaars ervaringen en valkuilen.",
        approach="""
            ## Vier bijeenkomsten per jaar
            Elke bijeenkomst is te gast bij een van de deelnemende gemeenten. De gastgemeente
            laat zien hoe haar aanpak in de praktijk werkt; deelnemers brengen een eigen
            vraagstuk in voor intervisie.

            ## Tussendoor
            Een online omgeving met documenten, zoals privacyconvenanten en
            samenwerkingsafspraken, die deelnemers kunnen hergebruiken.

            > Ik had ons privacyconvenant in twee weken rond, omdat ik dat van een andere
            > gemeente kon overnemen. Dat had ons anders maanden gekost.
            -- Beleidsadviseur schuldhulpverlening

            TIP: Houd de groep klein en vast. De openheid in de groep groeide pas na de
            tweede bijeenkomst.
        """,
        working_elements="""
            - Een vaste groep, zodat vertrouwen kan groeien.
            - Te gast bij elkaar: de praktijk zien in plaats van erover horen.
            - Hergebruik van documenten.
        """,
        results="""
            Zes van de acht gemeenten namen een onderdeel van een andere gemeente over. De
            opbrengsten zijn gebundeld in een handreiking.
        """,
        monitoring="Een korte evaluatie na elke bijeenkomst en een slotgesprek per gemeente.",
        lessons="""
            Zorg dat deelnemers mandaat hebben in hun eigen organisatie. Anders blijft het
            bij inspiratie.
        """,
        needs_team="Een procesbegeleider, per gemeente een of twee deelnemers.",
        needs_time="Twee jaar, vier bijeenkomsten per jaar.",
        funding="Landelijke middelen voor de kennisinfrastructuur van GezondIn.",
        partners=[
            ("Pharos", "begeleidt het leernetwerk"),
            ("Platform31", "organiseert de bijeenkomsten"),
            ("Nibud", "brengt kennis in over geldzorgen"),
        ],
        contact=Contact("GezondIn-redactie", "gezondin@example.nl"),
        themas=("armoede-en-schulden", "van-zorg-naar-gezondheid"),
        sporen=("preventie-en-zorg",),
        pijlers=("samenwerking-over-domeinen-heen", "monitoren-van-voortgang-en-resultaten"),
        doelgroepen=("professionals-en-beleidsmakers",),
        domeinen=("inkomen-en-schulden", "zorg-en-welzijn"),
        levensfasen=("volwassene",),
        gemeenten=(TILBURG, ENSCHEDE, ZAANSTAD, LEEUWARDEN, "GM0505", "GM0995"),
        status="afgerond",
        start=D(2022, 9, 1),
        end=D(2024, 6, 30),
        checked=6,
        en={
            "title": "Learning network on debt and health",
            "slug": "learning-network-on-debt-and-health",
            "funding": "National funding for the GezondIn knowledge infrastructure.",
            "intro": """
                For two years, eight municipalities shared experiences of linking debt
                assistance and healthcare. What works when you tackle money worries and health
                complaints together?
            """,
            "background": """
                Many municipalities started projects to connect debt assistance and care,
                often separately and with similar questions. How do you handle privacy? How do
                you get GPs on board? Who pays after the pilot?
            """,
            "goal": "To help municipalities learn faster from each other's experiences.",
            "approach": """
                ## Four meetings a year
                Each meeting is hosted by one of the participating municipalities, which shows
                how its approach works in practice; participants bring in a question of their
                own for peer review.

                > I had our privacy agreement ready in two weeks because I could adapt one
                > from another municipality. Otherwise it would have taken months.
                -- Debt assistance policy adviser
            """,
            "results": """
                Six of the eight municipalities adopted part of another municipality's
                approach. The lessons learned were brought together in a guide.
            """,
            "roles": [
                "facilitates the learning network",
                "organises the meetings",
                "contributes knowledge about money worries",
            ],
            "contact": "GezondIn editorial team",
        },
    ),
    Practice(
        slug="gezondheid-in-raadsvoorstellen-parkstad",
        section=None,
        title="Gezondheid in elk raadsvoorstel: de gezondheidsparagraaf in Parkstad",
        intro="""
            Gemeenten in Parkstad Limburg nemen in elk raadsvoorstel een korte paragraaf op
            over de gevolgen voor gezondheid en gezondheidsverschillen. Zo wordt gezondheid
            een vraag voor alle beleidsterreinen.
        """,
        background="""
            Gezondheid werd vooral gezien als taak van de wethouder zorg. Besluiten over
            verkeer, wonen of economie werden genomen zonder te kijken wat ze voor de
            gezondheid van inwoners betekenden.
        """,
        goal="""
            Dat raadsleden bij elk besluit zien wat het betekent voor de gezondheid, en vooral
            voor inwoners met een lage sociaaleconomische positie.
        """,
        approach="""
            In het sjabloon voor raadsvoorstellen staan drie vragen: raakt dit voorstel de
            gezondheid van inwoners? Pakt het voor sommige groepen anders uit? Wat doen we
            daaraan? Beleidsmedewerkers kunnen advies vragen aan de GGD.

            Raadsleden kregen een korte training, ambtenaren een werkblad met voorbeelden.

            LET OP: Een paragraaf wordt snel een invuloefening. Bespreek elk halfjaar een paar
            voorbeelden met de ambtelijke top, dan blijft het scherp.
        """,
        results="""
            In het eerste jaar bevatte ruim 80 procent van de raadsvoorstellen een ingevulde
            paragraaf. Bij een handvol voorstellen leidde dat tot een aanpassing, zoals extra
            groen bij een herinrichting.
        """,
        lessons="""
            Bestuurlijke steun is beslissend; de burgemeesters stonden er vanaf het begin achter.
        """,
        needs_team="Een kwartiermaker, advies van de GGD op afroep.",
        funding="Regionale middelen en SPUK GIDS-middelen.",
        partners=[("RIVM", "leverde een werkblad over gezondheidseffecten van beleid")],
        contact=Contact("Regionaal programmabureau Parkstad", "gezondheid@parkstad.example.nl"),
        themas=("van-zorg-naar-gezondheid", "gezonde-fysieke-leefomgeving"),
        sporen=("fysieke-omgeving",),
        pijlers=("bestuurlijke-betrokkenheid", "samenwerking-over-domeinen-heen"),
        doelgroepen=("professionals-en-beleidsmakers",),
        domeinen=("publieke-gezondheid", "ruimtelijke-ordening-en-leefomgeving"),
        levensfasen=("volwassene",),
        gemeenten=(HEERLEN, "GM0928", "GM0882", "GM0899"),
        start=D(2023, 1, 1),
        checked=9,
    ),
    Practice(
        slug="digitale-vaardigheden-ouderen",
        section=None,
        title="Digitaal de weg vinden naar zorg",
        intro="""
            In bibliotheken in Drenthe en Zeeland leren ouderen met een tablet afspraken
            maken bij de huisarts, hun medicijnen bekijken en videobellen met de
            wijkverpleging.
        """,
        approach="""
            Vrijwilligers geven kleine cursussen van vier lessen. Deelnemers kunnen een
            tablet lenen. De bibliotheek werkt samen met huisartsen, die de cursus aanraden.
        """,
        results="Ongeveer 350 deelnemers in twee jaar.",
        lessons="Veel ouderen willen vooral leren videobellen met familie; begin daarmee.",
        partners=[("Stichting Lezen & Schrijven", "leverde het cursusmateriaal")],
        contact=Contact("GezondIn-redactie", "gezondin@example.nl"),
        themas=("gezondheidsvaardigheden-en-laaggeletterdheid",),
        sporen=("gedrag-en-vaardigheden",),
        pijlers=("differentiatie-is-essentieel",),
        doelgroepen=("ouderen", "laaggeletterden"),
        domeinen=("zorg-en-welzijn", "onderwijs"),
        levensfasen=("oudere",),
        gemeenten=("GM0114", "GM0687", "GM0718"),
        status="afgerond",
        start=D(2021, 2, 1),
        end=D(2023, 1, 31),
        checked=22,
    ),
    Practice(
        slug="rookvrije-sportverenigingen-brabant",
        section=None,
        title="Rookvrije sportverenigingen in Zuidoost-Brabant",
        intro="""
            Buurtsportcoaches in Eindhoven en Helmond hielpen 40 sportverenigingen hun terrein
            rookvrij te maken, als stap naar een rookvrije generatie.
        """,
        background="""
            Kinderen die roken normaal vinden, gaan later vaker zelf roken. Sportparken zijn
            een plek waar veel kinderen komen en waar nog vaak gerookt werd.
        """,
        approach="""
            Een stappenplan van een jaar: bestuur overtuigen, leden betrekken, een datum
            kiezen, borden plaatsen en vrijwilligers trainen in aanspreken. Clubs die klaar
            zijn, helpen de volgende.
        """,
        results="""
            Van de 40 verenigingen zijn er 33 volledig rookvrij. De rest heeft een rookvrije
            zone bij de velden.
        """,
        lessons="Clubs die andere clubs hielpen, overtuigden beter dan de gemeente.",
        partners=[("Sportief Oost – buurtsportcoaches", "begeleidden de verenigingen")],
        contact=Contact("GezondIn-redactie", "gezondin@example.nl"),
        themas=("leefstijl", "gezonde-fysieke-leefomgeving", "gezond-opgroeien-kansrijke-start"),
        sporen=("fysieke-omgeving", "gedrag-en-vaardigheden"),
        pijlers=("procesgerichte-aanpak",),
        doelgroepen=("kinderen", "jongeren"),
        domeinen=("sport-en-bewegen", "publieke-gezondheid"),
        levensfasen=("kind", "jongere"),
        gemeenten=("GM0772", "GM0794"),
        start=D(2022, 1, 1),
        checked=7,
    ),
    Practice(
        slug="grip-op-geld-op-het-werk",
        section=None,
        title="Grip op geld op het werk",
        intro="""
            Werkgevers in Den Haag en Arnhem helpen werknemers met geldzorgen via een
            vertrouwenspersoon, een voorschotregeling en hulp bij het aanvragen van toeslagen.
        """,
        background="""
            Een op de vijf werknemers heeft weleens geldzorgen. Dat leidt tot stress,
            concentratieproblemen en verzuim. Werkgevers merken het vaak pas bij een
            loonbeslag.
        """,
        goal="Geldzorgen bij werknemers eerder signaleren en bespreekbaar maken.",
        approach="""
            Leidinggevenden en HR leren signalen herkennen. Werknemers kunnen anoniem terecht
            bij een getrainde vertrouwenspersoon en krijgen zo nodig een renteloos voorschot.

            De aanpak volgt de erkende interventie *Grip op Geld op het Werk*.
        """,
        results="""
            Bij twaalf werkgevers maakten ruim 200 werknemers gebruik van de
            vertrouwenspersoon. Het aantal loonbeslagen daalde bij de meeste werkgevers.
        """,
        monitoring="Registratie door vertrouwenspersonen en loonadministratie.",
        needs_team="Een vertrouwenspersoon per werkgever, training door het Nibud.",
        funding="Werkgevers, met een startbijdrage van de gemeenten.",
        partners=[
            ("Nibud", "trainde de vertrouwenspersonen"),
            ("Zorgverzekeraar Regio Midden", "biedt het aan bij collectieve contracten"),
        ],
        contact=Contact("GezondIn-redactie", "gezondin@example.nl"),
        themas=("armoede-en-schulden", "werk-en-bestaanszekerheid"),
        sporen=("preventie-en-zorg",),
        pijlers=("samenwerking-over-domeinen-heen",),
        doelgroepen=("mensen-met-schulden",),
        domeinen=("werk", "inkomen-en-schulden"),
        levensfasen=("volwassene",),
        gemeenten=("GM0518", "GM0202"),
        start=D(2022, 4, 1),
        checked=10,
        intervention=Intervention(
            "Grip op Geld op het Werk",
            "https://interventies.example.nl/grip-op-geld-op-het-werk",
            "goed-onderbouwd",
            D(2021, 6, 1),
        ),
    ),
    Practice(
        slug="ervaringsdeskundigen-armoede",
        section=None,
        title="Ervaringsdeskundigen in armoede aan tafel bij beleid",
        intro="""
            In Amsterdam en Emmen denken getrainde ervaringsdeskundigen in armoede mee over
            nieuw beleid, van de formulieren tot de regelingen zelf.
        """,
        background="""
            Regelingen voor mensen met weinig geld werden vaak niet gebruikt, omdat ze
            ingewikkeld of beschamend waren. Beleidsmakers wisten dat, maar niet precies
            waarom.
        """,
        approach="""
            Een groep van tien ervaringsdeskundigen volgde een opleiding. Ze worden betaald
            voor hun advies, lezen mee met nieuwe regelingen en testen formulieren.

            > Ze vroegen ons niet achteraf wat we ervan vonden, maar vooraf wat er moest
            > gebeuren. Dat is het verschil.
            -- Ervaringsdeskundige
        """,
        results="""
            Elf regelingen en formulieren zijn op hun advies aangepast. In Emmen werd een
            aanvraagformulier teruggebracht van acht naar twee pagina's.
        """,
        lessons="""
            Betaal ervaringsdeskundigen, maar let op de gevolgen voor hun uitkering. Regel dat
            vooraf met de afdeling inkomen.
        """,
        partners=[
            ("Platform31", "begeleidde de opzet"),
            ("Bewonerscollectief Zonnewijk", "werft ervaringsdeskundigen"),
        ],
        contact=Contact("GezondIn-redactie", "gezondin@example.nl"),
        themas=("armoede-en-schulden", "sociale-basis-in-de-wijk"),
        sporen=("participatie",),
        pijlers=("burgers-zijn-hoofdrolspelers", "bestuurlijke-betrokkenheid"),
        doelgroepen=("mensen-met-een-lage-ses", "professionals-en-beleidsmakers"),
        domeinen=("inkomen-en-schulden", "sociaal-domein"),
        levensfasen=("volwassene",),
        gemeenten=("GM0363", "GM0114"),
        start=D(2021, 9, 1),
        checked=4,
    ),
    Practice(
        slug="gezonde-woning-huisbezoeken-corporaties",
        section=None,
        title="De gezonde woning: huisbezoeken door corporaties",
        intro="""
            Woonconsulenten van corporaties in Amsterdam en Zaanstad kijken bij huisbezoeken
            niet alleen naar de woning, maar ook naar vocht, ventilatie en hoe het met de
            bewoner gaat.
        """,
        approach="""
            Woonconsulenten kregen van de GGD een training over gezondheid en wonen. Ze
            gebruiken een checklist en verwijzen bij zorgen naar het wijkteam.
        """,
        results="""
            Ongeveer 1.500 huisbezoeken per jaar; bij circa 10 procent volgde een verwijzing.
        """,
        partners=[
            ("Woonstichting Thuis in de Wijk", "voert de huisbezoeken uit"),
            ("GGD Amsterdam", "trainde de woonconsulenten"),
        ],
        contact=Contact("GezondIn-redactie", "gezondin@example.nl"),
        themas=("wonen", "gezonde-fysieke-leefomgeving"),
        sporen=("fysieke-omgeving", "preventie-en-zorg"),
        pijlers=("samenwerking-over-domeinen-heen",),
        doelgroepen=("mensen-met-een-lage-ses", "ouderen"),
        domeinen=("wonen", "publieke-gezondheid"),
        levensfasen=("volwassene", "oudere"),
        gemeenten=("GM0363", ZAANSTAD),
        start=D(2021, 1, 1),
        checked=13,
    ),
    Practice(
        slug="lokale-coalities-kansrijke-start",
        section=None,
        title="Lokale coalities Kansrijke Start in kleinere gemeenten",
        intro="""
            Drie kleinere gemeenten in het noorden bouwden een lokale coalitie voor de eerste
            1000 dagen, met weinig mensen en een beperkt budget.
        """,
        background="""
            Kleinere gemeenten hebben vaak maar één beleidsmedewerker voor publieke
            gezondheid. Een grote coalitie zoals in de steden is daar niet haalbaar.
        """,
        approach="""
            De gemeenten deelden een kwartiermaker en een gezamenlijk actieplan, met per
            gemeente twee of drie lokale acties. De geboortezorg werkt toch al regionaal.

            TIP: Kies een paar acties die echt haalbaar zijn, in plaats van een volledig
            programma op papier.
        """,
        results="""
            In alle drie gemeenten is een coalitie actief. Gezamenlijke acties: een
            vroegsignaleringsformulier voor verloskundigen en een regionale sociale kaart.
        """,
        lessons="Samen optrekken scheelt veel werk, maar iedere gemeente wil ook iets eigens.",
        partners=[("Pharos", "adviseerde over het actieplan")],
        contact=Contact("GezondIn-redactie", "gezondin@example.nl"),
        themas=("gezond-opgroeien-kansrijke-start",),
        sporen=("preventie-en-zorg",),
        pijlers=("samenwerking-over-domeinen-heen", "procesgerichte-aanpak"),
        doelgroepen=("ouders-en-opvoeders", "professionals-en-beleidsmakers"),
        domeinen=("publieke-gezondheid", "zorg-en-welzijn"),
        levensfasen=("eerste-1000-dagen",),
        gemeenten=("GM1895", "GM1979", "GM0037"),
        start=D(2023, 5, 1),
        checked=3,
    ),
]

PRACTICES = [
    *_TILBURG,
    *_ROTTERDAM,
    *_GRONINGEN,
    *_HEERLEN,
    *_ALMERE,
    *_ENSCHEDE,
    *_ZWOLLE,
    *_LEEUWARDEN,
    *_ZAANSTAD,
    *_UTRECHT,
    *_LANDELIJK,
]


# Knowledge pages --------------------------------------------------------------------------------

ARTICLES = [
    Article(
        slug="sociaaleconomische-gezondheidsverschillen",
        kind="kennisartikel",
        title="Sociaaleconomische gezondheidsverschillen: wat weten we?",
        intro="""
            Mensen met een lage sociaaleconomische positie leven korter en minder jaren in
            goede gezondheid. Dit artikel zet op een rij waar die verschillen vandaan komen en
            waar gemeenten invloed op hebben.
        """,
        body="""
            ## Hoe groot zijn de verschillen?
            Wie weinig opleiding, inkomen of werkzekerheid heeft, leeft in Nederland
            gemiddeld vier tot zes jaar korter dan wie veel heeft. Het verschil in jaren die
            mensen in goede ervaren gezondheid doorbrengen is nog groter: ongeveer vijftien
            jaar. Die verschillen zijn de afgelopen decennia nauwelijks kleiner geworden.

            ## Waar komen ze vandaan?
            Leefstijl speelt een rol, maar verklaart maar een deel. Belangrijker zijn de
            omstandigheden waarin mensen leven:
            - **Bestaanszekerheid**: geldzorgen en schulden geven chronische stress, die het
              lichaam en de geest uitput.
            - **Werk**: zwaar, onzeker of ongezond werk, en langdurige werkloosheid.
            - **Wonen en leefomgeving**: vocht, lawaai, weinig groen, weinig plekken om te
              bewegen en elkaar te ontmoeten.
            - **Opgroeien**: wat er in de eerste 1000 dagen gebeurt, werkt een leven lang door.
            - **Gezondheidsvaardigheden**: moeite met lezen of met de weg in de zorg maakt het
              lastiger om gezond te blijven.

            Die factoren versterken elkaar. Wie schulden heeft, woont vaker in een slechte
            woning, slaapt slechter en heeft minder ruimte om aan gezondheid te denken.

            > Gezondheidsverschillen ontstaan vooral buiten de spreekkamer. Daarom liggen de
            > meeste oplossingen daar ook.

            ## Wat kunnen gemeenten doen?
            Gemeenten hebben veel van die omstandigheden in handen: schuldhulpverlening,
            re-integratie, minimabeleid, de openbare ruimte, afspraken met corporaties en het
            lokale onderwijsbeleid. Een gezamenlijke aanpak over die domeinen heen heet ook
            wel *gezondheid in alle beleidsdomeinen*.

            Uit de praktijk blijkt een aantal succesfactoren steeds terug te komen: bestuurlijke
            steun, bewoners die meebeslissen, een wijkgerichte aanpak, differentiëren naar
            groepen en een lange adem.

            INFO: In de kennisbank vindt u praktijkvoorbeelden bij elk van deze thema's. Filter
            op thema of op pijler om te zien hoe andere gemeenten het aanpakken.
        """,
        source="Pharos",
        published=D(2025, 3, 12),
        themas=("van-zorg-naar-gezondheid", "werk-en-bestaanszekerheid", "armoede-en-schulden"),
        pijlers=("samenwerking-over-domeinen-heen", "lange-adem"),
        doelgroepen=("professionals-en-beleidsmakers", "mensen-met-een-lage-ses"),
        domeinen=("publieke-gezondheid", "sociaal-domein"),
        en={
            "title": "Socioeconomic health inequalities: what do we know?",
            "slug": "socioeconomic-health-inequalities",
            "intro": """
                People with a low socioeconomic position live shorter lives and fewer years in
                good health. This article sets out where those differences come from and what
                municipalities can influence.
            """,
            "body": """
                ## How large are the differences?
                In the Netherlands, people with little education, income or job security live
                on average four to six years shorter than those who have plenty. The gap in
                years lived in good perceived health is even larger: about fifteen years. It
                has hardly narrowed in decades.

                ## Where do they come from?
                Lifestyle plays a part, but explains only some of the gap. The conditions in
                which people live matter more:
                - **Financial security**: money worries and debt cause chronic stress.
                - **Work**: heavy, insecure or unhealthy work, and long-term unemployment.
                - **Housing and surroundings**: damp, noise, little greenery and few places to
                  exercise and meet.
                - **Growing up**: what happens in the first 1000 days lasts a lifetime.
                - **Health literacy**: difficulty reading or finding your way in healthcare.

                > Health inequalities arise mainly outside the doctor's surgery. That is also
                > where most of the solutions lie.

                ## What can municipalities do?
                Municipalities control many of these conditions: debt assistance, getting
                people back to work, support for low-income households, public space,
                agreements with housing associations and local education policy. Tackling them
                together is known as *health in all policies*.
            """,
        },
    ),
    Article(
        slug="handreiking-gezondheid-in-alle-beleidsdomeinen",
        kind="handreiking",
        title="Handreiking: gezondheid in alle beleidsdomeinen",
        intro="""
            Hoe maakt u gezondheid een gedeelde opgave van alle afdelingen in uw gemeente? Deze
            handreiking geeft vijf stappen, met voorbeelden uit GIDS-gemeenten.
        """,
        body="""
            ## Voor wie is deze handreiking?
            Voor beleidsmedewerkers publieke gezondheid die collega's van andere domeinen
            willen meekrijgen, en voor managers en bestuurders die gezondheid breder willen
            beleggen.

            ## Vijf stappen
            1. **Breng het verhaal in kaart.** Hoe groot zijn de verschillen in uw gemeente, en
               in welke wijken? Gebruik de gezondheidsmonitor en laat bewoners aan het woord.
            2. **Zoek gedeelde doelen.** Een collega van wonen wil minder klachten over vocht,
               een collega van werk meer uitstroom uit de bijstand. Laat zien hoe gezondheid
               hún doel helpt.
            3. **Begin concreet.** Kies een of twee projecten waar domeinen echt samenwerken,
               liefst in één wijk.
            4. **Veranker het.** Een gezondheidsparagraaf in raadsvoorstellen, een
               gezamenlijk budget, een vaste overlegtafel.
            5. **Volg en vertel.** Houd bij wat er verandert en deel de verhalen, ook binnen de
               eigen organisatie.

            TIP: Vraag uw wethouder om het onderwerp in het college te agenderen. Gezondheid in
            alle beleidsdomeinen vraagt om bestuurders die elkaar erop aanspreken.

            ## Veelgestelde vragen
            Gezondheid als argument wordt soms gezien als iets van 'de zorg'. Spreek daarom de
            taal van het andere domein: bestaanszekerheid, leefbaarheid, kansen voor kinderen.
        """,
        source="Platform31",
        published=D(2024, 11, 5),
        themas=("van-zorg-naar-gezondheid", "sociale-basis-in-de-wijk"),
        pijlers=("bestuurlijke-betrokkenheid", "samenwerking-over-domeinen-heen"),
        doelgroepen=("professionals-en-beleidsmakers",),
        domeinen=("publieke-gezondheid", "sociaal-domein", "ruimtelijke-ordening-en-leefomgeving"),
        en={
            "title": "Guide: health in all policies",
            "slug": "guide-health-in-all-policies",
            "intro": """
                How do you make health a shared task of every department in your municipality?
                This guide offers five steps, with examples from GIDS municipalities.
            """,
            "body": """
                ## Five steps
                1. **Map the story.** How large are the differences in your municipality, and
                   in which neighbourhoods? Use the health monitor and let residents speak.
                2. **Look for shared goals.** Show colleagues in housing or employment how
                   health helps their own goals.
                3. **Start concretely** with one or two projects in which departments really
                   work together, preferably in one neighbourhood.
                4. **Embed it**: a health paragraph in council proposals, a joint budget, a
                   standing consultation.
                5. **Monitor and tell**: keep track of what changes and share the stories.

                TIP: Ask your alderman to put the subject on the agenda of the municipal
                executive. Health in all policies needs administrators who hold each other to
                account.
            """,
        },
    ),
    Article(
        slug="factsheet-schulden-en-gezondheid",
        kind="factsheet",
        title="Factsheet schulden en gezondheid",
        intro="""
            Schulden en gezondheid hangen nauw samen, in beide richtingen. Deze factsheet
            vat de belangrijkste inzichten samen voor wie lokaal beleid maakt.
        """,
        body="""
            ## De kern
            - Mensen met problematische schulden beoordelen hun gezondheid vaker als matig of
              slecht dan mensen zonder schulden.
            - Ze hebben vaker psychische klachten, zoals angst, somberheid en slaapproblemen.
            - Chronische stress door geldzorgen vermindert het vermogen om te plannen en
              overzicht te houden. Dat maakt het lastiger om uit de schulden te komen.
            - Andersom kan ziekte leiden tot inkomensverlies en hogere kosten, en zo tot
              schulden.

            ## Wat betekent dit voor gemeenten?
            Schuldhulpverlening is ook gezondheidsbeleid. Hoe eerder mensen worden bereikt, hoe
            kleiner de schade. Drie aanknopingspunten:
            - vroegsignalering van betalingsachterstanden, met persoonlijk contact;
            - geldzorgen bespreekbaar maken in de huisartsenpraktijk en op het werk;
            - hulp die rekening houdt met stress: eenvoudige taal, weinig formulieren, één
              vast aanspreekpunt.

            INFO: De cijfers in de kennisbank zijn afkomstig uit lokale evaluaties. Raadpleeg
            voor landelijke cijfers de actuele publicaties van het CBS en het Nibud.
        """,
        source="Nibud",
        published=D(2025, 6, 2),
        themas=("armoede-en-schulden", "mentale-gezondheid"),
        sporen=("preventie-en-zorg",),
        doelgroepen=("mensen-met-schulden", "professionals-en-beleidsmakers"),
        domeinen=("inkomen-en-schulden", "zorg-en-welzijn"),
        levensfasen=("volwassene",),
    ),
    Article(
        slug="gespreksleidraad-geldzorgen",
        kind="instrument",
        title="Gespreksleidraad: geldzorgen bespreken met patiënten en cliënten",
        intro="""
            Een korte leidraad voor huisartsen, POH's, wijkverpleegkundigen en sociaal
            werkers: hoe begint u het gesprek over geld, en wat doet u daarna?
        """,
        body="""
            ## Openingsvragen
            - Komt u weleens geld tekort voor de dagelijkse dingen?
            - Maakt u zich zorgen over rekeningen of post die u niet opent?
            - Heeft u het afgelopen jaar een betalingsregeling moeten treffen?

            ## Tips voor het gesprek
            - Vraag het als routine, bij iedereen met klachten die met stress samenhangen. Dan
              voelt niemand zich aangewezen.
            - Oordeel niet en bagatelliseer niet. Geldzorgen gaan vaak gepaard met schaamte.
            - Vraag wat iemand zelf al geprobeerd heeft.

            ## Na het gesprek
            Verwijs warm: bel samen met de patiënt, of maak direct een afspraak bij de geldcoach
            of het wijkteam. Spreek af dat u er bij een volgend contact op terugkomt.

            TIP: Hang een poster in de wachtkamer met de tekst 'Geldzorgen? U mag het hier
            zeggen'. Patiënten beginnen er dan vaker zelf over.
        """,
        source="Pharos",
        published=D(2024, 4, 18),
        themas=("armoede-en-schulden", "van-zorg-naar-gezondheid"),
        sporen=("preventie-en-zorg",),
        doelgroepen=("professionals-en-beleidsmakers", "mensen-met-schulden"),
        domeinen=("zorg-en-welzijn", "inkomen-en-schulden"),
    ),
    Article(
        slug="wijkscan-gezondheid",
        kind="instrument",
        title="Wijkscan gezondheid: in vijf stappen een beeld van de wijk",
        intro="""
            Met deze wijkscan brengen gemeente, GGD en partners samen met bewoners in kaart
            wat een wijk gezond of ongezond maakt, als basis voor een wijkaanpak.
        """,
        body="""
            ## De vijf stappen
            1. **Cijfers verzamelen**: gezondheidsmonitor, inkomen, schulden, woningkwaliteit,
               groen en voorzieningen per wijk.
            2. **Rondgaan**: een wijkschouw met bewoners en professionals. Waar is het prettig,
               waar niet, waar komen mensen samen?
            3. **Verhalen ophalen**: korte gesprekken op plekken waar bewoners toch al komen.
            4. **Samen duiden**: een bijeenkomst waarin cijfers en verhalen naast elkaar worden
               gelegd.
            5. **Prioriteren**: kies samen drie onderwerpen om mee te beginnen.

            ## Wat levert het op?
            Een gedeeld beeld van de wijk, en vaak ook nieuwe contacten tussen bewoners en
            professionals. Reken op drie tot vier maanden.
        """,
        source="RIVM",
        published=D(2023, 10, 9),
        themas=("sociale-basis-in-de-wijk", "gezonde-fysieke-leefomgeving"),
        sporen=("fysieke-omgeving", "sociale-omgeving"),
        pijlers=(
            "wijkgericht-werken",
            "burgers-zijn-hoofdrolspelers",
            "monitoren-van-voortgang-en-resultaten",
        ),
        doelgroepen=("professionals-en-beleidsmakers",),
        domeinen=("publieke-gezondheid", "ruimtelijke-ordening-en-leefomgeving"),
    ),
]


# Theme dossiers ---------------------------------------------------------------------------------

DOSSIERS = [
    Dossier(
        slug="dossier-armoede-en-schulden",
        thema="armoede-en-schulden",
        title="Dossier armoede en schulden",
        intro="""
            Geldzorgen maken ziek, en ziekte kost geld. In dit dossier vindt u
            praktijkvoorbeelden en kennis over de aanpak van armoede en schulden als
            onderdeel van gezondheidsbeleid.
        """,
        body="""
            Armoede en schulden zijn een van de belangrijkste oorzaken van
            gezondheidsverschillen. De stress van geldzorgen raakt slaap, stemming en
            lichaam, en laat weinig ruimte om aan gezondheid te werken.

            Gemeenten hebben hier veel in handen: van vroegsignalering en schuldhulpverlening
            tot minimabeleid en regelingen voor kinderen. De voorbeelden hieronder laten zien
            hoe dat samen kan gaan met zorg en welzijn.
        """,
        picks=[
            ("schuldhulp-aan-de-keukentafel", "Hulp die naar mensen toe komt."),
            ("vroeg-eropaf-bij-betalingsachterstanden", "Van brief naar huisbezoek."),
            ("factsheet-schulden-en-gezondheid", "De kern op één pagina."),
        ],
        en={
            "title": "Dossier: poverty and debt",
            "slug": "dossier-poverty-and-debt",
            "intro": """
                Money worries make people ill, and illness costs money. This dossier brings
                together practice examples and knowledge on tackling poverty and debt as part
                of health policy.
            """,
            "body": """
                Poverty and debt are among the main causes of health inequalities. The stress
                of money worries affects sleep, mood and body, and leaves little room to work
                on health. Municipalities have many of the levers in hand, from early
                warning and debt assistance to support for low-income families.
            """,
            "notes": [
                "Help that comes to people.",
                "From letter to home visit.",
                "The essentials on one page.",
            ],
        },
    ),
    Dossier(
        slug="dossier-gezond-opgroeien",
        thema="gezond-opgroeien-kansrijke-start",
        title="Dossier gezond opgroeien en kansrijke start",
        intro="""
            De basis voor een gezond leven wordt gelegd in de eerste 1000 dagen en in de jaren
            daarna. Dit dossier bundelt voorbeelden van gemeenten die kinderen een goede
            start geven.
        """,
        body="""
            Kinderen die opgroeien in armoede, in een slechte woning of met ouders onder grote
            druk, hebben later vaker gezondheidsproblemen. Wie vroeg investeert, voorkomt
            veel.

            In dit dossier: lokale coalities rond de eerste 1000 dagen, rookvrij opgroeien,
            gezonde schoolomgevingen en meedoen aan sport en cultuur.
        """,
        picks=[
            ("kansrijke-start-rotterdam-zuid", "Steun vanaf de zwangerschap."),
            ("rookvrije-start-leeuwarden", "Met de partner erbij."),
            ("iedereen-doet-mee-sport-en-cultuur", ""),
        ],
        en={
            "title": "Dossier: growing up healthy and a healthy start",
            "slug": "dossier-growing-up-healthy",
            "intro": """
                The foundations of a healthy life are laid in the first 1000 days and the
                years that follow. This dossier brings together examples of municipalities
                giving children a good start.
            """,
            "body": """
                Children who grow up in poverty, in poor housing or with parents under great
                pressure more often have health problems later in life. Investing early
                prevents a great deal.
            """,
            "notes": ["Support from pregnancy onwards.", "With the partner on board.", ""],
        },
    ),
    Dossier(
        slug="dossier-wonen-en-leefomgeving",
        thema="gezonde-fysieke-leefomgeving",
        title="Dossier wonen en gezonde leefomgeving",
        intro="""
            Een droge, betaalbare woning en een groene, veilige buurt zijn voorwaarden voor
            gezondheid. Lees hoe gemeenten, corporaties en bewoners daaraan werken.
        """,
        body="""
            Vocht en schimmel, energiearmoede, hitte en een gebrek aan groen treffen vooral
            wijken waar mensen met een laag inkomen wonen. De fysieke leefomgeving is daarmee
            een van de knoppen waaraan gemeenten kunnen draaien om verschillen te verkleinen.
        """,
        picks=[
            ("energiecoaches-droge-woningen", "Bewoners helpen bewoners."),
            ("koele-wijken-zwolle", "Groen en een hitteplan."),
        ],
    ),
]
