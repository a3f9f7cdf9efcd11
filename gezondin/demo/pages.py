"""The home page and the general content pages, in Dutch with English translations."""

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import CommandError
from wagtail.models import Page, Site

from gezondin.models import HomePage, StandardPage

from .builder import (
    PageSpec,
    accordion,
    by_language,
    call_to_action,
    callout,
    ensure_page,
    find_page,
    heading,
    html_list,
    page_id,
    paragraph,
    publish_pending_pages,
    quote,
)
from .registry import CREATED, DELETED, PRESENT, UPDATED, DemoContext, register_step
from .site import CONTACT_EMAIL

STATEMENT_DATE = {"nl": "24 november 2026", "en": "24 November 2026"}
MAILTO = f'<a href="mailto:{CONTACT_EMAIL}">{CONTACT_EMAIL}</a>'


# Home page ---------------------------------------------------------------------------------------


def _home_nl(ctx):
    return [
        heading("Waarom GezondIn?"),
        paragraph(
            "<p>Wie weinig te besteden heeft, in een vochtige woning woont of al jaren zonder "
            "werk zit, heeft gemiddeld een kortere en minder gezonde toekomst dan wie het goed "
            "heeft. Die achterstand ontstaat vooral buiten de spreekkamer: aan de keukentafel, "
            "in de buurt, op school en op het werk. Daarom spelen gemeenten een sleutelrol. "
            "GezondIn helpt hen van elkaar te leren, zodat een aanpak die in de ene gemeente "
            "werkt sneller zijn weg vindt naar de volgende.</p>"
        ),
        heading("Wat u hier vindt"),
        paragraph(
            html_list(
                [
                    "<b>Kennisbank</b>: praktijkvoorbeelden van gemeenten, aangevuld met "
                    "onderzoek en bruikbare instrumenten, te doorzoeken op thema, doelgroep en "
                    "levensfase.",
                    "<b>Leerkringen</b>: kleine groepen professionals die een paar keer bij "
                    "elkaar komen en aan de hand van eigen casussen van elkaar leren.",
                    "<b>Studiedagen en webinars</b>: bijeenkomsten over vragen die nu spelen, "
                    "zoals bestaanszekerheid, wonen en gezond opgroeien.",
                ]
            )
        ),
        callout(
            "<p>Werkt u voor een GIDS-gemeente? Deel uw ervaringen in de kennisbank. De "
            "landelijke redactie denkt mee over de beschrijving en zorgt voor de publicatie "
            "van uw praktijkvoorbeeld.</p>",
            kind="tip",
        ),
        call_to_action(
            "Meer weten over GezondIn?",
            "Lees wat het programma doet, voor wie het bedoeld is en hoe uw gemeente kan "
            "bijdragen.",
            "Over GezondIn",
            page=page_id(ctx, "over-gezondin", "nl"),
        ),
    ]


def _home_en(ctx):
    return [
        heading("Why GezondIn?"),
        paragraph(
            "<p>People who have little to live on, live in a damp home or have been out of work "
            "for years can on average expect a shorter and less healthy future than those who "
            "are well off. That gap mostly opens up outside the doctor's surgery: at the kitchen "
            "table, in the neighbourhood, at school and at work. This is why municipalities "
            "play a key role. GezondIn helps them learn from each other, so that an approach "
            "that works in one municipality finds its way to the next one sooner.</p>"
        ),
        heading("What you will find here"),
        paragraph(
            html_list(
                [
                    "<b>Knowledge base</b>: practice examples from municipalities, together "
                    "with research and practical tools, searchable by theme, target group and "
                    "life stage.",
                    "<b>Learning circles</b>: small groups of professionals who meet a few "
                    "times and learn from each other using their own cases.",
                    "<b>Study days and webinars</b>: meetings on current questions such as "
                    "financial security, housing and growing up healthy.",
                ]
            )
        ),
        callout(
            "<p>Do you work for a GIDS municipality? Share your experience in the knowledge "
            "base. The national editorial team will help you describe your practice example and "
            "take care of publishing it.</p>",
            kind="tip",
        ),
        call_to_action(
            "Want to know more about GezondIn?",
            "Read what the programme does, who it is for and how your municipality can contribute.",
            "About GezondIn",
            page=page_id(ctx, "over-gezondin", "en"),
        ),
    ]


HOME = PageSpec(
    key="home",
    model=HomePage,
    texts={
        "nl": {
            "title": "GezondIn",
            "slug": "home",
            "heading": "Samen gezondheidsverschillen verkleinen",
            "intro": "<p>GezondIn is de kennisinfrastructuur voor gemeenten die werken aan "
            "gezondheid voor iedereen, ongeacht inkomen, opleiding of wijk. U vindt hier "
            "praktijkvoorbeelden uit GIDS-gemeenten, achtergrondkennis en het aanbod van "
            "leerkringen, studiedagen en webinars.</p>",
        },
        "en": {
            "title": "GezondIn",
            "slug": "home-en",
            "heading": "Reducing health inequalities together",
            "intro": "<p>GezondIn is the knowledge infrastructure for municipalities working "
            "towards good health for everyone, whatever their income, education or "
            "neighbourhood. Here you will find practice examples from GIDS municipalities, "
            "background knowledge and our learning circles, study days and webinars.</p>",
        },
    },
    body=by_language(nl=_home_nl, en=_home_en),
)


# Over GezondIn -----------------------------------------------------------------------------------


def _over_nl(ctx):
    return [
        heading("Wat is GezondIn?"),
        paragraph(
            "<p>GezondIn is een landelijk programma dat Pharos, het expertisecentrum "
            "gezondheidsverschillen, samen met Platform31 uitvoert. Het programma verzamelt wat "
            "gemeenten lokaal uitproberen, legt dat naast kennis uit onderzoek in binnen- en "
            "buitenland en maakt het vervolgens beschikbaar voor alle gemeenten. Zo groeit een "
            "kennisinfrastructuur die rijker wordt naarmate meer gemeenten hun ervaringen "
            "delen.</p>"
        ),
        heading("Voor wie is GezondIn?"),
        paragraph(
            "<p>Voor iedereen die lokaal werkt aan gezondheid en gelijke kansen: "
            "beleidsmedewerkers van gemeenten, medewerkers van de GGD, sociaal werkers, "
            "wijkteams, woningcorporaties, schuldhulpverleners, scholen en zorgverleners. Het "
            "aanbod is in de eerste plaats bedoeld voor de GIDS-gemeenten (Gezond In De Stad): "
            "de ruim 150 gemeenten die van het Rijk extra middelen krijgen voor hun aanpak van "
            "gezondheidsachterstanden. De kennisbank is voor iedereen openbaar.</p>"
        ),
        heading("De kennisbank", level="h3"),
        paragraph(
            "<p>In de kennisbank beschrijven gemeenten wat zij deden, waarom, met welke "
            "partners en wat het opleverde. Ook wat tegenviel staat erin, want daar leren "
            "anderen vaak het meest van. De landelijke redactie vult de voorbeelden aan met "
            "achtergrondartikelen, instrumenten en verwijzingen naar erkende interventies.</p>"
        ),
        heading("Leerkringen, studiedagen en webinars", level="h3"),
        paragraph(
            "<p>In een leerkring komt een vaste groep professionals uit verschillende gemeenten "
            "meestal vier keer bij elkaar, steeds te gast bij een van de deelnemende gemeenten. "
            "Deelnemers brengen eigen vraagstukken in en bespreken die onder begeleiding. "
            "Studiedagen en webinars zijn eenmalig en staan open voor een bredere groep.</p>"
        ),
        quote(
            "In de leerkring ontdekte ik dat collega's elders met precies dezelfde vragen "
            "worstelen. Juist omdat we eerlijk waren over wat níet lukte, kwamen we samen "
            "verder.",
            "Beleidsadviseur publieke gezondheid, deelnemer aan een leerkring",
        ),
        heading("Hoe draagt uw gemeente bij?"),
        paragraph(
            html_list(
                [
                    "<b>Deel een praktijkvoorbeeld.</b> Een redacteur van uw gemeente "
                    "beschrijft de aanpak; de landelijke redactie leest mee en publiceert.",
                    "<b>Doe mee aan een leerkring</b> en breng een vraagstuk uit uw eigen "
                    "praktijk in.",
                    "<b>Ontvang collega's.</b> Een bijeenkomst in uw gemeente laat zien hoe de "
                    "aanpak er in het echt uitziet.",
                    "<b>Laat weten wat u mist.</b> Uw vragen bepalen welke thema's we uitwerken.",
                ],
                ordered=True,
            )
        ),
        accordion(
            [
                (
                    "Kost meedoen geld?",
                    "<p>Nee. Het aanbod van GezondIn is kosteloos voor gemeenten en hun lokale "
                    "partners. Voor studiedagen en leerkringen is het aantal plaatsen wel "
                    "beperkt.</p>",
                ),
                (
                    "Moet een praktijkvoorbeeld bewezen effectief zijn?",
                    "<p>Nee. Ook een aanpak die nog loopt, of die anders uitpakte dan gedacht, "
                    "is de moeite waard. We vragen wel om open te beschrijven wat u deed, wat "
                    "het opleverde en wat u anderen zou aanraden.</p>",
                ),
                (
                    "Wie controleert de praktijkvoorbeelden?",
                    "<p>Een redacteur van de gemeente schrijft het voorbeeld. Voordat het "
                    "online komt, leest de landelijke redactie mee en stelt zo nodig vragen. "
                    "Zo blijft de kwaliteit van de kennisbank op peil.</p>",
                ),
                (
                    "Kan mijn gemeente GezondIn op de eigen website gebruiken?",
                    "<p>Ja. De software achter GezondIn is open source en werkt als uitbreiding "
                    "van het contentbeheersysteem Wagtail. Een gemeente kan de kennisbank en "
                    "de agenda dus ook op een eigen website tonen en voorbeelden uitwisselen "
                    "met de landelijke kennisbank.</p>",
                ),
            ],
            title="Veelgestelde vragen",
        ),
        call_to_action(
            "Vragen of ideeën?",
            "We horen graag wat u bezighoudt en hoe GezondIn u beter kan helpen.",
            "Neem contact op",
            page=page_id(ctx, "contact", "nl"),
        ),
    ]


def _over_en(ctx):
    return [
        heading("What is GezondIn?"),
        paragraph(
            "<p>GezondIn is a national programme run by Pharos, the Dutch centre of expertise "
            "on health disparities, together with Platform31. The programme gathers what "
            "municipalities try out locally, sets it alongside knowledge from Dutch and "
            "international research and then makes it available to all municipalities. This "
            "builds a knowledge infrastructure that grows richer as more municipalities share "
            "their experience.</p>"
        ),
        heading("Who is GezondIn for?"),
        paragraph(
            "<p>For everyone working locally on health and equal opportunities: municipal "
            "policy officers, staff of the municipal health services (GGD), social workers, "
            "neighbourhood teams, housing associations, debt counsellors, schools and care "
            "providers. The programme is aimed first of all at the GIDS municipalities (Gezond "
            "In De Stad, Healthy In The City): the more than 150 municipalities that receive "
            "extra national funding for tackling health disadvantage. The knowledge base is "
            "open to everyone.</p>"
        ),
        heading("The knowledge base", level="h3"),
        paragraph(
            "<p>In the knowledge base, municipalities describe what they did, why, with which "
            "partners and what it achieved. What fell short is included too, because that is "
            "often what others learn most from. The national editorial team adds background "
            "articles, tools and references to recognised interventions.</p>"
        ),
        heading("Learning circles, study days and webinars", level="h3"),
        paragraph(
            "<p>In a learning circle, a fixed group of professionals from different "
            "municipalities usually meets four times, each time hosted by one of the "
            "participating municipalities. Participants bring in questions from their own work "
            "and discuss them with a facilitator. Study days and webinars are one-off events "
            "open to a wider audience.</p>"
        ),
        quote(
            "In the learning circle I found out that colleagues elsewhere struggle with exactly "
            "the same questions. Precisely because we were honest about what did not work, we "
            "got further together.",
            "Public health policy adviser, learning circle participant",
        ),
        heading("How can your municipality contribute?"),
        paragraph(
            html_list(
                [
                    "<b>Share a practice example.</b> An editor from your municipality "
                    "describes the approach; the national editorial team reviews and publishes "
                    "it.",
                    "<b>Join a learning circle</b> and bring in a question from your own practice.",
                    "<b>Host your colleagues.</b> A meeting in your municipality shows what the "
                    "approach looks like in real life.",
                    "<b>Tell us what is missing.</b> Your questions decide which themes we work "
                    "on.",
                ],
                ordered=True,
            )
        ),
        accordion(
            [
                (
                    "Does taking part cost anything?",
                    "<p>No. GezondIn is free of charge for municipalities and their local "
                    "partners. The number of places for study days and learning circles is "
                    "limited, though.</p>",
                ),
                (
                    "Does a practice example have to be proven effective?",
                    "<p>No. An approach that is still running, or that turned out differently "
                    "than expected, is worth sharing too. We do ask you to describe openly what "
                    "you did, what it achieved and what you would recommend to others.</p>",
                ),
                (
                    "Who checks the practice examples?",
                    "<p>An editor from the municipality writes the example. Before it goes "
                    "online, the national editorial team reviews it and asks questions where "
                    "needed. This keeps the quality of the knowledge base high.</p>",
                ),
                (
                    "Can my municipality use GezondIn on its own website?",
                    "<p>Yes. The software behind GezondIn is open source and works as an "
                    "extension of the Wagtail content management system. A municipality can "
                    "therefore show the knowledge base and the agenda on its own website and "
                    "exchange examples with the national knowledge base.</p>",
                ),
            ],
            title="Frequently asked questions",
        ),
        call_to_action(
            "Questions or ideas?",
            "We would like to hear what you are working on and how GezondIn could help you better.",
            "Contact us",
            page=page_id(ctx, "contact", "en"),
        ),
    ]


OVER = PageSpec(
    key="over-gezondin",
    model=StandardPage,
    attrs={"show_in_menus": True},
    texts={
        "nl": {
            "title": "Over GezondIn",
            "slug": "over-gezondin",
            "intro": "<p>GezondIn ondersteunt gemeenten bij hun lokale aanpak van "
            "gezondheidsverschillen, met kennis uit de praktijk en ruimte om van elkaar te "
            "leren.</p>",
        },
        "en": {
            "title": "About GezondIn",
            "slug": "about-gezondin",
            "intro": "<p>GezondIn supports municipalities in their local approach to health "
            "inequalities, with knowledge from practice and room to learn from each other.</p>",
        },
    },
    body=by_language(nl=_over_nl, en=_over_en),
)


# Gezondheidsverschillen --------------------------------------------------------------------------


def _verschillen_nl(ctx):
    return [
        heading("Hoe groot zijn de verschillen?"),
        paragraph(
            "<p>Mensen met een lage sociaaleconomische positie leven in Nederland gemiddeld vier "
            "tot zes jaar korter dan mensen met een hoge. Het verschil in het aantal jaren dat "
            "mensen zich gezond voelen is nog veel groter: zo'n vijftien jaar. Die kloof is in "
            "de afgelopen decennia nauwelijks kleiner geworden, hoewel de gezondheid van de "
            "bevolking als geheel wel vooruitging.</p>"
        ),
        callout(
            "<p><b>Sociaaleconomische positie (SES)</b> is een maat die opleiding, inkomen en "
            "beroep combineert. Een lage SES gaat vaak samen met minder zekerheid over geld, "
            "werk en woning.</p>",
            kind="info",
        ),
        heading("Waar komen de verschillen vandaan?"),
        paragraph(
            "<p>Leefstijl speelt mee, maar gedrag staat niet los van de omstandigheden waarin "
            "mensen leven. Wie dagelijks moet rondkomen van een krap budget, heeft minder ruimte "
            "om gezond te kiezen. De belangrijkste oorzaken liggen daarom grotendeels buiten de "
            "zorg.</p>"
        ),
        heading("Inkomen en schulden", level="h3"),
        paragraph(
            "<p>Geldzorgen geven langdurige stress. Dat vergroot de kans op lichamelijke en "
            "psychische klachten en maakt het moeilijker om vooruit te plannen. Schulden leiden "
            "er bovendien toe dat mensen zorg mijden omdat ze de eigen bijdrage niet kunnen "
            "betalen.</p>"
        ),
        heading("Werk", level="h3"),
        paragraph(
            "<p>Werk geeft inkomen, structuur en contact met anderen. Langdurige werkloosheid "
            "en onzeker of zwaar werk hebben juist een negatief effect op de gezondheid.</p>"
        ),
        heading("Wonen en de buurt", level="h3"),
        paragraph(
            "<p>Een vochtige, tochtige of te kleine woning maakt ziek. In wijken met weinig "
            "groen, veel verkeer en weinig plekken om elkaar te ontmoeten is gezond leven "
            "lastiger. Onzekerheid over de huur of een dreigende uithuiszetting werkt door in "
            "het hele gezin.</p>"
        ),
        heading("Opgroeien", level="h3"),
        paragraph(
            "<p>Gezondheidsverschillen beginnen al voor de geboorte. Kinderen die opgroeien in "
            "armoede hebben vaker overgewicht, slapen slechter en hebben minder kansen in het "
            "onderwijs. Zo gaat een achterstand van generatie op generatie over.</p>"
        ),
        quote(
            "Als iemand elke maand moet kiezen tussen de huur en de boodschappen, begin je niet "
            "met een gesprek over gezond eten. Eerst moet er rust komen.",
            "Schuldhulpverlener in een wijkteam",
        ),
        heading("Gezondheid in alle beleidsdomeinen"),
        paragraph(
            "<p>Omdat de oorzaken in zoveel domeinen liggen, vraagt het verkleinen van "
            "gezondheidsverschillen om beleid dat verder kijkt dan de afdeling gezondheid. Die "
            "benadering heet <i>Health in All Policies</i>, of gezondheid in alle "
            "beleidsdomeinen. Het betekent dat een gemeente bij besluiten over werk, inkomen, "
            "wonen, onderwijs en de inrichting van de openbare ruimte steeds de vraag stelt wat "
            "het oplevert voor de gezondheid van inwoners met de minste kansen.</p>"
        ),
        accordion(
            [
                (
                    "Is dit niet vooral een taak van de zorg?",
                    "<p>De zorg behandelt de gevolgen, maar kan de oorzaken maar beperkt "
                    "wegnemen. Huisartsen en wijkverpleegkundigen zijn wel belangrijke partners: "
                    "zij zien als eersten wie vastloopt en kunnen doorverwijzen naar hulp bij "
                    "geld, werk of wonen.</p>",
                ),
                (
                    "Wat kan een gemeente concreet doen?",
                    "<p>Bijvoorbeeld schulden eerder opsporen door signalen van "
                    "woningcorporaties en energieleveranciers te bundelen, taal en regels "
                    "eenvoudiger maken, investeren in groen en speelruimte in de wijken die dat "
                    "het hardst nodig hebben, en aanstaande ouders in kwetsbare situaties al "
                    "tijdens de zwangerschap ondersteunen. De kennisbank staat vol met "
                    "voorbeelden.</p>",
                ),
                (
                    "Waar vind ik cijfers over mijn eigen gemeente?",
                    "<p>De GGD-regio's verzamelen samen met het RIVM en het CBS regelmatig "
                    "gegevens over de gezondheid van inwoners in de Gezondheidsmonitor. Uw GGD "
                    "kan helpen om die cijfers per wijk en per groep te duiden.</p>",
                ),
            ],
            title="Veelgestelde vragen",
        ),
        call_to_action(
            "Aan de slag in uw gemeente",
            "Lees hoe GezondIn gemeenten ondersteunt met kennis, leerkringen en bijeenkomsten.",
            "Over GezondIn",
            page=page_id(ctx, "over-gezondin", "nl"),
        ),
    ]


def _verschillen_en(ctx):
    return [
        heading("How large are the differences?"),
        paragraph(
            "<p>In the Netherlands, people with a low socioeconomic position live on average "
            "four to six years less than people with a high position. The difference in the "
            "number of years people feel healthy is much larger still: some fifteen years. This "
            "gap has hardly narrowed in recent decades, even though the health of the "
            "population as a whole has improved.</p>"
        ),
        callout(
            "<p><b>Socioeconomic position (SES)</b> is a measure combining education, income "
            "and occupation. A low SES often goes together with less security about money, work "
            "and housing.</p>",
            kind="info",
        ),
        heading("Where do the differences come from?"),
        paragraph(
            "<p>Lifestyle plays a part, but behaviour cannot be separated from the "
            "circumstances people live in. Someone who has to get by on a tight budget every "
            "day has less room to make healthy choices. The main causes therefore lie largely "
            "outside healthcare.</p>"
        ),
        heading("Income and debt", level="h3"),
        paragraph(
            "<p>Money worries cause long-term stress. This increases the risk of physical and "
            "mental health problems and makes it harder to plan ahead. Debt also leads people "
            "to avoid care because they cannot pay their own contribution.</p>"
        ),
        heading("Work", level="h3"),
        paragraph(
            "<p>Work provides income, structure and contact with others. Long-term "
            "unemployment and insecure or physically demanding work, on the other hand, harm "
            "health.</p>"
        ),
        heading("Housing and the neighbourhood", level="h3"),
        paragraph(
            "<p>A damp, draughty or overcrowded home makes people ill. In neighbourhoods with "
            "little green space, heavy traffic and few places to meet, living healthily is "
            "harder. Uncertainty about the rent or a threatened eviction affects the whole "
            "family.</p>"
        ),
        heading("Growing up", level="h3"),
        paragraph(
            "<p>Health inequalities start before birth. Children who grow up in poverty are "
            "more often overweight, sleep worse and have fewer opportunities in education. In "
            "this way disadvantage is passed on from one generation to the next.</p>"
        ),
        quote(
            "If someone has to choose between the rent and the groceries every month, you don't "
            "start with a conversation about healthy eating. First there has to be some calm.",
            "Debt counsellor in a neighbourhood team",
        ),
        heading("Health in All Policies"),
        paragraph(
            "<p>Because the causes lie in so many domains, reducing health inequalities "
            "requires policy that looks beyond the health department. This approach is called "
            "<i>Health in All Policies</i>. It means that in decisions on work, income, "
            "housing, education and the design of public space, a municipality keeps asking "
            "what they mean for the health of the residents with the fewest opportunities.</p>"
        ),
        accordion(
            [
                (
                    "Isn't this mainly a job for healthcare?",
                    "<p>Healthcare treats the consequences but can only do so much about the "
                    "causes. GPs and district nurses are important partners, though: they are "
                    "often the first to see who is getting stuck and can refer people to help "
                    "with money, work or housing.</p>",
                ),
                (
                    "What can a municipality actually do?",
                    "<p>For example: detect debt earlier by combining signals from housing "
                    "associations and energy suppliers, simplify language and rules, invest in "
                    "green space and play areas in the neighbourhoods that need it most, and "
                    "support parents-to-be in vulnerable situations during pregnancy. The "
                    "knowledge base is full of examples.</p>",
                ),
                (
                    "Where can I find figures for my own municipality?",
                    "<p>The regional health services, together with RIVM and Statistics "
                    "Netherlands (CBS), regularly collect data on residents' health in the "
                    "Health Monitor. Your GGD can help you interpret those figures by "
                    "neighbourhood and by group.</p>",
                ),
            ],
            title="Frequently asked questions",
        ),
        call_to_action(
            "Getting started in your municipality",
            "Read how GezondIn supports municipalities with knowledge, learning circles and "
            "events.",
            "About GezondIn",
            page=page_id(ctx, "over-gezondin", "en"),
        ),
    ]


GEZONDHEIDSVERSCHILLEN = PageSpec(
    key="gezondheidsverschillen",
    model=StandardPage,
    attrs={"show_in_menus": True, "show_table_of_contents": True},
    texts={
        "nl": {
            "title": "Gezondheidsverschillen",
            "slug": "gezondheidsverschillen",
            "intro": "<p>In Nederland hangt gezondheid sterk samen met opleiding, inkomen en "
            "woonomgeving. Hier leest u hoe groot de verschillen zijn, waar ze vandaan komen en "
            "waarom de oplossing grotendeels buiten de zorg ligt.</p>",
        },
        "en": {
            "title": "Health inequalities",
            "slug": "health-inequalities",
            "intro": "<p>In the Netherlands, health is closely linked to education, income and "
            "where people live. Read how large the differences are, where they come from and "
            "why the solution lies largely outside healthcare.</p>",
        },
    },
    body=by_language(nl=_verschillen_nl, en=_verschillen_en),
)


# Contact -----------------------------------------------------------------------------------------


def _contact_nl(ctx):
    return [
        heading("Mail de redactie"),
        paragraph(
            f"<p>U bereikt de landelijke redactie van GezondIn via {MAILTO}. We reageren "
            "binnen vijf werkdagen. Vermeld in uw bericht voor welke gemeente of organisatie u "
            "werkt, dan kunnen we u sneller helpen.</p>"
        ),
        callout(
            "<p>Stuur ons geen gegevens over inwoners of cliënten, zoals namen, adressen of "
            "gezondheidsinformatie. Beschrijf een casus altijd zo dat niemand herkenbaar "
            "is.</p>",
            kind="let-op",
        ),
        heading("Waarvoor kunt u bij ons terecht?"),
        accordion(
            [
                (
                    "Een praktijkvoorbeeld delen",
                    "<p>Wilt u een aanpak uit uw gemeente in de kennisbank zetten? Vraag dan "
                    "een account aan voor de redacteur van uw gemeente. We sturen u een korte "
                    "handleiding en denken graag mee over de opzet.</p>",
                ),
                (
                    "Leerkringen en bijeenkomsten",
                    "<p>Voor vragen over een aanmelding, een wachtlijst of de locatie van een "
                    "bijeenkomst kunt u ons mailen. Afmelden kan ook via de link in uw "
                    "bevestigingsmail.</p>",
                ),
                (
                    "Technische vragen en fouten",
                    "<p>Werkt iets op de website niet zoals verwacht, of is een pagina slecht "
                    "leesbaar met uw hulpmiddelen? Laat het ons weten, het liefst met het "
                    "adres van de pagina en een korte beschrijving.</p>",
                ),
                (
                    "Privacy",
                    "<p>Vragen over uw persoonsgegevens beantwoorden we binnen een maand. In "
                    "onze privacyverklaring leest u welke gegevens we verwerken.</p>",
                ),
            ]
        ),
        heading("Postadres", level="h3"),
        paragraph("<p>GezondIn<br/>Postbus 0000<br/>1234 AB Voorbeeldstad</p>"),
    ]


def _contact_en(ctx):
    return [
        heading("Email the editorial team"),
        paragraph(
            f"<p>You can reach GezondIn's national editorial team at {MAILTO}. We reply within "
            "five working days. Please mention the municipality or organisation you work for, "
            "so that we can help you faster.</p>"
        ),
        callout(
            "<p>Please do not send us any details about residents or clients, such as names, "
            "addresses or health information. Always describe a case in a way that nobody can "
            "be identified.</p>",
            kind="let-op",
        ),
        heading("What can we help you with?"),
        accordion(
            [
                (
                    "Sharing a practice example",
                    "<p>Would you like to add an approach from your municipality to the "
                    "knowledge base? Request an account for your municipality's editor. We will "
                    "send you a short guide and are happy to help you set it up.</p>",
                ),
                (
                    "Learning circles and events",
                    "<p>Email us with questions about a sign-up, a waiting list or the venue of "
                    "a meeting. You can also cancel through the link in your confirmation "
                    "email.</p>",
                ),
                (
                    "Technical questions and errors",
                    "<p>Is something on the website not working as expected, or is a page hard "
                    "to use with your assistive technology? Let us know, preferably with the "
                    "address of the page and a short description.</p>",
                ),
                (
                    "Privacy",
                    "<p>We answer questions about your personal data within one month. Our "
                    "privacy statement explains which data we process.</p>",
                ),
            ]
        ),
        heading("Postal address", level="h3"),
        paragraph("<p>GezondIn<br/>Postbus 0000<br/>1234 AB Voorbeeldstad</p>"),
    ]


CONTACT = PageSpec(
    key="contact",
    model=StandardPage,
    attrs={"show_in_menus": True},
    texts={
        "nl": {
            "title": "Contact",
            "slug": "contact",
            "intro": "<p>Heeft u een vraag over GezondIn, de kennisbank of een bijeenkomst? "
            "Neem gerust contact met ons op.</p>",
        },
        "en": {
            "title": "Contact",
            "slug": "contact",
            "intro": "<p>Do you have a question about GezondIn, the knowledge base or an event? "
            "Feel free to get in touch.</p>",
        },
    },
    body=by_language(nl=_contact_nl, en=_contact_en),
)


# Privacyverklaring -------------------------------------------------------------------------------


def _privacy_nl(ctx):
    return [
        heading("Wie is verantwoordelijk?"),
        paragraph(
            "<p>GezondIn beheert deze website en is verantwoordelijk voor de persoonsgegevens "
            "die via de website worden verwerkt. We verwerken niet meer gegevens dan nodig en "
            "bewaren ze niet langer dan nodig.</p>"
        ),
        heading("Welke gegevens verwerken we?"),
        heading("Accounts voor redacteuren", level="h3"),
        paragraph(
            "<p>Redacteuren van gemeenten en van de landelijke redactie krijgen een account. "
            "Daarvoor leggen we uw naam, e-mailadres, gebruikersnaam en de gemeente of "
            "organisatie waarvoor u werkt vast. Bij elke wijziging die u maakt, slaan we op wie "
            "die wanneer deed, zodat we kunnen nagaan hoe een pagina tot stand kwam. We bewaren "
            "uw account zolang u redacteur bent. Daarna verwijderen we het; eerdere "
            "wijzigingen blijven bestaan, maar zijn dan niet meer aan uw naam gekoppeld.</p>"
        ),
        heading("Aanmeldingen voor activiteiten", level="h3"),
        paragraph(
            "<p>Meldt u zich aan voor een leerkring, studiedag of webinar, dan vragen we uw "
            "naam, e-mailadres en organisatie. Uw gemeente en uw functie mag u ook invullen, "
            "maar dat hoeft niet. We gebruiken deze gegevens om de activiteit te organiseren: "
            "om te weten wie er komt, om de plaatsen eerlijk over gemeenten te verdelen en om "
            "de begeleider een lijst van deelnemers te geven. U krijgt van ons alleen e-mails "
            "over deze activiteit: een link om uw aanmelding te bevestigen, of u een plaats "
            "heeft of op de wachtlijst staat, een herinnering voor elke bijeenkomst en na "
            "afloop een link naar het verslag en de materialen.</p>"
            "<p>We mogen dit doen omdat u ons toestemming geeft als u zich aanmeldt. In elke "
            "e-mail staat een persoonlijke link. Daarmee ziet u welke gegevens we van u "
            "bewaren, en kunt u zich afmelden. Zo trekt u ook uw toestemming in.</p>"
            "<p><b>90 dagen na de laatste bijeenkomst halen we uw naam, e-mailadres, "
            "organisatie, gemeente en functie automatisch weg.</b> Meldt u zich af, dan doen we "
            "dat al na één dag. Bevestigt u uw aanmelding niet, dan verwijderen we die na 7 "
            "dagen helemaal. Alleen anonieme aantallen, zoals het aantal deelnemers, bewaren we "
            "langer.</p>"
            "<p>Om misbruik van het formulier te voorkomen, tellen we tien minuten lang hoe vaak "
            "het vanaf hetzelfde internetadres wordt verstuurd. Uw IP-adres zelf slaan we "
            "daarbij niet op.</p>"
        ),
        heading("Contact met ons", level="h3"),
        paragraph(
            "<p>Mailt u ons, dan gebruiken we uw e-mailadres en de inhoud van uw bericht "
            "alleen om uw vraag te beantwoorden. We bewaren uw bericht tot uiterlijk twaalf "
            "maanden nadat uw vraag is afgehandeld.</p>"
        ),
        heading("Cookies"),
        paragraph(
            "<p>Deze website plaatst alleen cookies die nodig zijn om de website te laten "
            "werken:</p>"
            + html_list(
                [
                    "een <b>sessiecookie</b> voor redacteuren die zijn ingelogd, zodat de "
                    "website weet wie u bent zolang u bent ingelogd;",
                    "een <b>beveiligingscookie (CSRF)</b> bij formulieren, die voorkomt dat "
                    "een andere website namens u een formulier verstuurt.",
                ]
            )
            + "<p>We gebruiken geen analytische of tracking-cookies en plaatsen geen cookies "
            "van andere partijen. Daarom vragen we u ook niet om toestemming.</p>"
        ),
        heading("Met wie delen we gegevens?"),
        paragraph(
            "<p>We verkopen uw gegevens nooit. De begeleider van een leerkring of bijeenkomst "
            "ziet alleen de deelnemers van die activiteit. Ons hostingbedrijf verwerkt gegevens "
            "namens ons, op servers in de Europese Unie en op basis van een "
            "verwerkersovereenkomst. De website is alleen via een beveiligde verbinding "
            "(https) bereikbaar.</p>"
        ),
        heading("Uw rechten"),
        paragraph(
            "<p>De Algemene verordening gegevensbescherming (AVG) geeft u rechten over uw "
            "persoonsgegevens. Een verzoek doen is gratis.</p>"
        ),
        accordion(
            [
                (
                    "Inzage",
                    "<p>U kunt vragen welke gegevens we van u hebben en wat we ermee doen.</p>",
                ),
                (
                    "Correctie of verwijdering",
                    "<p>U kunt ons vragen onjuiste gegevens aan te passen of uw gegevens te "
                    "wissen, bijvoorbeeld als u zich afmeldt voor een activiteit.</p>",
                ),
                (
                    "Beperking en bezwaar",
                    "<p>U kunt ons vragen het gebruik van uw gegevens tijdelijk te stoppen, of "
                    "bezwaar maken tegen een verwerking.</p>",
                ),
                (
                    "Overdracht",
                    "<p>U kunt ons vragen uw gegevens in een gangbaar bestandsformaat aan u of "
                    "aan een andere organisatie te geven.</p>",
                ),
                (
                    "Een klacht indienen",
                    "<p>Bent u niet tevreden over hoe we met uw gegevens omgaan, laat het ons "
                    "dan eerst weten. U kunt ook een klacht indienen bij de Autoriteit "
                    "Persoonsgegevens.</p>",
                ),
            ],
            title="Uw rechten op een rij",
        ),
        heading("Vragen over privacy"),
        paragraph(
            f"<p>Stuur uw vraag of verzoek naar {MAILTO} en zet ‘Privacy’ in de onderwerpregel. "
            "We reageren binnen een maand. Om te voorkomen dat iemand anders uw gegevens "
            "opvraagt, kunnen we u vragen te bevestigen dat het verzoek van u komt.</p>"
            f"<p>Deze privacyverklaring is voor het laatst gewijzigd op {STATEMENT_DATE['nl']}."
            "</p>"
        ),
    ]


def _privacy_en(ctx):
    return [
        heading("Who is responsible?"),
        paragraph(
            "<p>GezondIn manages this website and is responsible for the personal data "
            "processed through it. We process no more data than we need and keep it no longer "
            "than necessary.</p>"
        ),
        heading("What data do we process?"),
        heading("Accounts for editors", level="h3"),
        paragraph(
            "<p>Editors from municipalities and from the national editorial team get an "
            "account. For this we record your name, email address, username and the "
            "municipality or organisation you work for. For every change you make, we store who "
            "made it and when, so that we can trace how a page came about. We keep your account "
            "for as long as you are an editor. After that we delete it; earlier changes remain, "
            "but are no longer linked to your name.</p>"
        ),
        heading("Sign-ups for activities", level="h3"),
        paragraph(
            "<p>When you sign up for a learning circle, study day or webinar, we ask for your "
            "name, email address and organisation. You may also give your municipality and job "
            "title, but you do not have to. We use this data to organise the activity: to know "
            "who is coming, to share the places fairly between municipalities and to give the "
            "facilitator a list of participants. We only send you emails about this activity: "
            "a link to confirm your sign-up, whether you have a place or are on the waiting "
            "list, a reminder before each meeting and afterwards a link to the report and the "
            "materials.</p>"
            "<p>We may do this because you give us your consent when you sign up. Every email "
            "contains a personal link. With it you can see which data we keep about you, and "
            "cancel your sign-up. That is also how you withdraw your consent.</p>"
            "<p><b>90 days after the last meeting we automatically remove your name, email "
            "address, organisation, municipality and job title.</b> If you cancel, we do so "
            "after one day. If you do not confirm your sign-up, we delete it completely after 7 "
            "days. We only keep anonymous figures, such as the number of participants, for "
            "longer.</p>"
            "<p>To prevent misuse of the form, we count for ten minutes how often it is sent "
            "from the same internet address. We do not store your IP address itself.</p>"
        ),
        heading("Contacting us", level="h3"),
        paragraph(
            "<p>If you email us, we use your email address and the content of your message "
            "only to answer your question. We keep your message for no longer than twelve "
            "months after your question has been dealt with.</p>"
        ),
        heading("Cookies"),
        paragraph(
            "<p>This website only sets cookies that are needed for it to work:</p>"
            + html_list(
                [
                    "a <b>session cookie</b> for editors who are logged in, so that the website "
                    "knows who you are while you are logged in;",
                    "a <b>security cookie (CSRF)</b> on forms, which prevents another website "
                    "from submitting a form on your behalf.",
                ]
            )
            + "<p>We do not use analytics or tracking cookies and do not set any third-party "
            "cookies. That is why we do not ask for your consent.</p>"
        ),
        heading("Who do we share data with?"),
        paragraph(
            "<p>We never sell your data. The facilitator of a learning circle or event only "
            "sees the participants of that activity. Our hosting company processes data on our "
            "behalf, on servers in the European Union and under a data processing agreement. "
            "The website can only be reached over a secure connection (https).</p>"
        ),
        heading("Your rights"),
        paragraph(
            "<p>The General Data Protection Regulation (GDPR, in Dutch AVG) gives you rights "
            "over your personal data. Making a request is free of charge.</p>"
        ),
        accordion(
            [
                (
                    "Access",
                    "<p>You can ask which data we hold about you and what we do with it.</p>",
                ),
                (
                    "Correction or erasure",
                    "<p>You can ask us to correct inaccurate data or to erase your data, for "
                    "example when you cancel your sign-up for an activity.</p>",
                ),
                (
                    "Restriction and objection",
                    "<p>You can ask us to stop using your data for a while, or object to "
                    "processing.</p>",
                ),
                (
                    "Portability",
                    "<p>You can ask us to give your data to you or to another organisation in a "
                    "common file format.</p>",
                ),
                (
                    "Making a complaint",
                    "<p>If you are not happy with how we handle your data, please tell us "
                    "first. You can also lodge a complaint with the Dutch Data Protection "
                    "Authority (Autoriteit Persoonsgegevens).</p>",
                ),
            ],
            title="Your rights at a glance",
        ),
        heading("Questions about privacy"),
        paragraph(
            f"<p>Send your question or request to {MAILTO} with ‘Privacy’ in the subject line. "
            "We reply within one month. To make sure nobody else requests your data, we may "
            "ask you to confirm that the request comes from you.</p>"
            f"<p>This privacy statement was last updated on {STATEMENT_DATE['en']}.</p>"
        ),
    ]


PRIVACY = PageSpec(
    key="privacyverklaring",
    model=StandardPage,
    attrs={"show_in_menus": False, "show_table_of_contents": True},
    texts={
        "nl": {
            "title": "Privacyverklaring",
            "slug": "privacyverklaring",
            "intro": "<p>Welke persoonsgegevens verwerkt deze website, waarom, hoe lang "
            "bewaren we ze en welke rechten heeft u?</p>",
        },
        "en": {
            "title": "Privacy statement",
            "slug": "privacy-statement",
            "intro": "<p>Which personal data does this website process, why, how long do we "
            "keep it and what are your rights?</p>",
        },
    },
    body=by_language(nl=_privacy_nl, en=_privacy_en),
)


# Toegankelijkheidsverklaring ---------------------------------------------------------------------


def _toegankelijkheid_nl(ctx):
    return [
        heading("Ons streven"),
        paragraph(
            "<p>Iedereen moet deze website kunnen gebruiken, ook mensen die slecht zien, een "
            "schermlezer gebruiken, alleen met het toetsenbord werken of moeite hebben met "
            "lezen. Daarom streven we ernaar dat de website voldoet aan de richtlijnen voor "
            "digitale toegankelijkheid <b>WCAG 2.1 op niveau AA</b>, zoals de Nederlandse "
            "overheid die voorschrijft.</p>"
        ),
        heading("Nalevingsstatus"),
        callout(
            "<p><b>Status C – eerste maatregelen genomen.</b> We hebben de website zelf "
            "getoetst en werken de gevonden problemen weg. Een volledig onderzoek door een "
            "onafhankelijke, deskundige partij is nog niet gedaan.</p>",
            kind="info",
        ),
        heading("Hoe we toetsen"),
        paragraph(
            html_list(
                [
                    "<b>Automatisch:</b> bij elke wijziging van de software controleren "
                    "geautomatiseerde tests de belangrijkste pagina's met axe-core op bekende "
                    "toegankelijkheidsfouten.",
                    "<b>Handmatig:</b> we lopen nieuwe onderdelen door met alleen het "
                    "toetsenbord en letten op een zichtbare focus, een logische volgorde en "
                    "of alles bereikbaar en te bedienen is.",
                ]
            )
        ),
        heading("Bekende beperkingen"),
        accordion(
            [
                (
                    "Documenten van gemeenten",
                    "<p>Bij praktijkvoorbeelden staan soms pdf-bestanden die gemeenten zelf "
                    "hebben aangeleverd. Niet al die documenten zijn volledig toegankelijk. "
                    "Heeft u een document in een andere vorm nodig, vraag het ons dan.</p>",
                ),
                (
                    "Video's van andere websites",
                    "<p>Video's die we insluiten van andere platforms hebben niet altijd "
                    "ondertiteling. We vragen redacteuren om bij video's met gesproken tekst "
                    "een uitgeschreven versie toe te voegen.</p>",
                ),
            ]
        ),
        heading("Een probleem melden"),
        paragraph(
            f"<p>Loopt u ergens tegenaan? Mail ons via {MAILTO}. Vermeld het adres van de "
            "pagina en beschrijf wat er misgaat. Binnen vijf werkdagen krijgt u een reactie "
            "met wat we gaan doen en wanneer. Bent u niet tevreden over hoe we uw melding "
            "afhandelen, laat het ons dan weten; we bekijken uw melding dan opnieuw.</p>"
        ),
        paragraph(
            f"<p>Deze verklaring is opgesteld op {STATEMENT_DATE['nl']} en wordt minstens één "
            "keer per jaar bijgewerkt.</p>"
        ),
    ]


def _toegankelijkheid_en(ctx):
    return [
        heading("Our aim"),
        paragraph(
            "<p>Everyone should be able to use this website, including people with low vision, "
            "people using a screen reader or only a keyboard, and people who find reading "
            "difficult. That is why we aim for the website to meet the digital accessibility "
            "guidelines <b>WCAG 2.1 at level AA</b>, as required by the Dutch government.</p>"
        ),
        heading("Compliance status"),
        callout(
            "<p><b>Status C – first measures taken.</b> We have tested the website ourselves "
            "and are fixing the problems we found. A full evaluation by an independent expert "
            "has not yet been carried out.</p>",
            kind="info",
        ),
        heading("How we test"),
        paragraph(
            html_list(
                [
                    "<b>Automatically:</b> with every change to the software, automated tests "
                    "check the most important pages for known accessibility errors with "
                    "axe-core.",
                    "<b>By hand:</b> we go through new features using only the keyboard, "
                    "checking for a visible focus, a logical order and whether everything can "
                    "be reached and operated.",
                ]
            )
        ),
        heading("Known limitations"),
        accordion(
            [
                (
                    "Documents from municipalities",
                    "<p>Practice examples sometimes include PDF files supplied by "
                    "municipalities. Not all of these documents are fully accessible. If you "
                    "need a document in another format, please ask us.</p>",
                ),
                (
                    "Videos from other websites",
                    "<p>Videos we embed from other platforms do not always have subtitles. We "
                    "ask editors to add a transcript to videos with spoken content.</p>",
                ),
            ]
        ),
        heading("Reporting a problem"),
        paragraph(
            f"<p>Are you running into a problem? Email us at {MAILTO}. Mention the address of "
            "the page and describe what goes wrong. Within five working days you will hear "
            "what we are going to do and when. If you are not satisfied with how we handle "
            "your report, let us know and we will look at it again.</p>"
        ),
        paragraph(
            f"<p>This statement was drawn up on {STATEMENT_DATE['en']} and is reviewed at "
            "least once a year.</p>"
        ),
    ]


TOEGANKELIJKHEID = PageSpec(
    key="toegankelijkheidsverklaring",
    model=StandardPage,
    attrs={"show_in_menus": False},
    texts={
        "nl": {
            "title": "Toegankelijkheidsverklaring",
            "slug": "toegankelijkheidsverklaring",
            "intro": "<p>Hoe toegankelijk is deze website, hoe controleren we dat en hoe meldt "
            "u een probleem?</p>",
        },
        "en": {
            "title": "Accessibility statement",
            "slug": "accessibility-statement",
            "intro": "<p>How accessible is this website, how do we check it and how can you "
            "report a problem?</p>",
        },
    },
    body=by_language(nl=_toegankelijkheid_nl, en=_toegankelijkheid_en),
)

# In tree order: the menu pages first (Over GezondIn, Gezondheidsverschillen, Contact).
CONTENT_PAGES = [OVER, GEZONDHEIDSVERSCHILLEN, CONTACT, PRIVACY, TOEGANKELIJKHEID]


# The step ----------------------------------------------------------------------------------------


def is_wagtail_welcome_page(page: Page | None) -> bool:
    """Wagtail's "Welcome to your new Wagtail site!" page: a plain Page at depth 2, no children."""
    return (
        page is not None
        and page.depth == 2
        and page.numchild == 0
        and page.content_type_id == ContentType.objects.get_for_model(Page).id
    )


def ensure_home(ctx: DemoContext) -> dict[str, Page]:
    """The home page and its translations, made the default site's root (replacing Wagtail's
    welcome page)."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    current_root = site.root_page.specific if site else None
    welcome = current_root if is_wagtail_welcome_page(current_root) else None

    existing = None
    if isinstance(current_root, HomePage):
        existing = current_root.get_translation_or_none(ctx.default_locale) or current_root
    elif current_root is not None and welcome is None:
        raise CommandError(
            f"The default site's root page is ‘{current_root}’, not a GezondIn home page or "
            "Wagtail's welcome page; load_demo leaves such a site alone."
        )
    existing = existing or find_page(ctx, HOME, parent=None)

    root = Page.get_first_root_node()
    slug = HOME.texts[ctx.default_locale.language_code]["slug"]
    if existing is None and welcome is not None and welcome.slug == slug:
        # Free the slug for the new home page; the welcome page is deleted below.
        Page.objects.filter(pk=welcome.pk).update(slug=f"{slug}-wagtail-welcome")

    pages = ensure_page(ctx, HOME, root, existing=existing)
    home = pages[ctx.default_locale.language_code]

    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            site_name="GezondIn",
            root_page=home,
            is_default_site=True,
        )
        ctx.record("Site", CREATED, label="localhost")
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = site.site_name or "GezondIn"
        site.save()
        ctx.record("Site", UPDATED, label=str(site))
    else:
        ctx.record("Site", PRESENT, label=str(site))

    if welcome is not None:
        welcome.delete()
        ctx.record("Wagtail welcome page", DELETED)
    return pages


@register_step("pages", order=300)
def load_pages(ctx: DemoContext) -> None:
    home = ensure_home(ctx)[ctx.default_locale.language_code]
    for spec in CONTENT_PAGES:
        ensure_page(ctx, spec, home)
    publish_pending_pages(ctx)
