"""GezondIn's vocabularies: Dutch terms with English translations.

The slug is a term's identity everywhere (filters, API, harvesting between installations), so
never change a slug here; names and descriptions may be improved. The list order is the sort order.
"""

from gezondin.models import Doelgroep, Domein, Levensfase, Pijler, Spoor, Thema

from .builder import ensure_terms, term
from .registry import DemoContext, register_step

THEMAS = [
    term(
        "werk-en-bestaanszekerheid",
        (
            "Werk en bestaanszekerheid",
            "Passend werk, een voorspelbaar inkomen en rust over geld als basis voor gezondheid.",
        ),
        (
            "Work and financial security",
            "Suitable work, a predictable income and peace of mind about money as a basis for "
            "health.",
        ),
    ),
    term(
        "armoede-en-schulden",
        (
            "Armoede en schulden",
            "Armoede voorkomen, schulden vroeg signaleren en de stress die geldzorgen geven "
            "verminderen.",
        ),
        (
            "Poverty and debt",
            "Preventing poverty, spotting debt early and easing the stress that money worries "
            "cause.",
        ),
    ),
    term(
        "gezond-opgroeien-kansrijke-start",
        (
            "Gezond opgroeien / Kansrijke start",
            "Elk kind een goede start geven, van de zwangerschap tot en met de schoolloopbaan.",
        ),
        (
            "Growing up healthy / Promising start",
            "Giving every child a good start, from pregnancy through to the end of school.",
        ),
    ),
    term(
        "gezonde-fysieke-leefomgeving",
        (
            "Gezonde fysieke leefomgeving",
            "Groen, schone lucht, veilige straten en ruimte om te bewegen en elkaar te ontmoeten.",
        ),
        (
            "Healthy physical environment",
            "Green space, clean air, safe streets and room to move and to meet one another.",
        ),
    ),
    term(
        "wonen",
        (
            "Wonen",
            "Betaalbare, gezonde en goed geïsoleerde woningen en zekerheid over waar je woont.",
        ),
        (
            "Housing",
            "Affordable, healthy and well-insulated homes and security about where you live.",
        ),
    ),
    term(
        "sociale-basis-in-de-wijk",
        (
            "Sociale basis in de wijk",
            "Buurthuizen, vrijwilligers en laagdrempelige voorzieningen waar bewoners elkaar "
            "steunen.",
        ),
        (
            "Social infrastructure in the neighbourhood",
            "Community centres, volunteers and easy-to-reach services where residents support "
            "each other.",
        ),
    ),
    term(
        "gezondheidsvaardigheden-en-laaggeletterdheid",
        (
            "Gezondheidsvaardigheden en laaggeletterdheid",
            "Informatie en hulp zo inrichten dat iedereen ze kan vinden, begrijpen en gebruiken.",
        ),
        (
            "Health literacy and low literacy",
            "Designing information and services so that everyone can find, understand and use "
            "them.",
        ),
    ),
    term(
        "leefstijl",
        (
            "Leefstijl",
            "Gezond eten, bewegen, slapen en minder roken en drinken, afgestemd op iemands "
            "situatie.",
        ),
        (
            "Lifestyle",
            "Healthy eating, exercise, sleep and less smoking and drinking, tailored to a "
            "person's situation.",
        ),
    ),
    term(
        "mentale-gezondheid",
        (
            "Mentale gezondheid",
            "Veerkracht, zingeving en het voorkomen van eenzaamheid, stress en psychische "
            "klachten.",
        ),
        (
            "Mental health",
            "Resilience, meaning in life and preventing loneliness, stress and mental health "
            "problems.",
        ),
    ),
    term(
        "van-zorg-naar-gezondheid",
        (
            "Van zorg naar gezondheid",
            "Zorg en welzijn die samen inzetten op wat mensen gezond houdt, niet alleen op ziekte.",
        ),
        (
            "From care to health",
            "Care and welfare working together on what keeps people healthy, not only on illness.",
        ),
    ),
]

SPOREN = [
    term(
        "fysieke-omgeving",
        (
            "Fysieke omgeving",
            "Maatregelen in de gebouwde en natuurlijke omgeving die gezond leven makkelijker "
            "maken.",
        ),
        (
            "Physical environment",
            "Measures in the built and natural environment that make healthy living easier.",
        ),
    ),
    term(
        "gedrag-en-vaardigheden",
        (
            "Gedrag en vaardigheden",
            "Mensen versterken in wat ze zelf kunnen doen voor hun gezondheid en die van hun "
            "gezin.",
        ),
        (
            "Behaviour and skills",
            "Strengthening what people can do themselves for their own health and their family's.",
        ),
    ),
    term(
        "participatie",
        (
            "Participatie",
            "Meedoen via werk, vrijwilligerswerk, school of de buurt, omdat erbij horen gezond is.",
        ),
        (
            "Participation",
            "Taking part through work, volunteering, school or the neighbourhood, because "
            "belonging is healthy.",
        ),
    ),
    term(
        "preventie-en-zorg",
        (
            "Preventie en zorg",
            "Preventie, zorg en ondersteuning die de mensen met de grootste achterstand echt "
            "bereiken.",
        ),
        (
            "Prevention and care",
            "Prevention, care and support that really reach the people who are furthest behind.",
        ),
    ),
    term(
        "sociale-omgeving",
        (
            "Sociale omgeving",
            "Netwerken van familie, buren en vrienden die steun geven en eenzaamheid voorkomen.",
        ),
        (
            "Social environment",
            "Networks of family, neighbours and friends that give support and prevent loneliness.",
        ),
    ),
]

PIJLERS = [
    term(
        "bestuurlijke-betrokkenheid",
        (
            "Bestuurlijke betrokkenheid",
            "Wethouders en bestuurders dragen de aanpak uit en houden er over collegeperiodes "
            "heen aan vast.",
        ),
        (
            "Political commitment",
            "Aldermen and board members champion the approach and stick with it beyond a single "
            "term of office.",
        ),
    ),
    term(
        "burgers-zijn-hoofdrolspelers",
        (
            "Burgers zijn hoofdrolspelers",
            "Bewoners bepalen mee wat er nodig is en hebben een echte rol in de uitvoering.",
        ),
        (
            "Residents take the lead",
            "Residents help decide what is needed and have a real role in carrying it out.",
        ),
    ),
    term(
        "differentiatie-is-essentieel",
        (
            "Differentiatie is essentieel",
            "De aanpak sluit aan bij verschillende groepen en wijken in plaats van één aanbod "
            "voor iedereen.",
        ),
        (
            "Differentiation is essential",
            "The approach is tailored to different groups and neighbourhoods rather than one "
            "offer for all.",
        ),
    ),
    term(
        "monitoren-van-voortgang-en-resultaten",
        (
            "Monitoren van voortgang en resultaten",
            "Bijhouden wat de aanpak oplevert, zodat je tijdig kunt bijsturen en kunt laten "
            "zien wat werkt.",
        ),
        (
            "Monitoring progress and results",
            "Keeping track of what the approach achieves, so you can adjust in time and show "
            "what works.",
        ),
    ),
    term(
        "procesgerichte-aanpak",
        (
            "Procesgerichte aanpak",
            "Ruimte om samen te leren en bij te stellen, in plaats van een vastomlijnd plan "
            "vooraf.",
        ),
        (
            "Process-oriented approach",
            "Room to learn together and adjust along the way, instead of a fixed plan drawn up "
            "in advance.",
        ),
    ),
    term(
        "samenwerking-over-domeinen-heen",
        (
            "Samenwerking over domeinen heen",
            "Gezondheid, sociaal domein, wonen, werk en onderwijs trekken samen op met een "
            "gedeeld doel.",
        ),
        (
            "Collaboration across policy domains",
            "Health, social services, housing, work and education join forces around a shared "
            "goal.",
        ),
    ),
    term(
        "wijkgericht-werken",
        (
            "Wijkgericht werken",
            "Professionals werken dichtbij bewoners, in de wijken waar de gezondheidsachterstand "
            "het grootst is.",
        ),
        (
            "Neighbourhood-based working",
            "Professionals work close to residents, in the neighbourhoods where health "
            "disadvantage is greatest.",
        ),
    ),
    term(
        "lange-adem",
        (
            "Lange adem",
            "Structurele inzet en financiering voor meerdere jaren, omdat resultaten tijd "
            "nodig hebben.",
        ),
        (
            "Long-term commitment",
            "Structural effort and funding over several years, because results take time.",
        ),
    ),
]

DOELGROEPEN = [
    term(
        "kinderen",
        ("Kinderen", "Kinderen tot twaalf jaar en de omgeving waarin zij opgroeien."),
        ("Children", "Children up to twelve years old and the setting they grow up in."),
    ),
    term(
        "jongeren",
        (
            "Jongeren",
            "Jongeren van twaalf tot ongeveer zevenentwintig jaar, op school, in opleiding of "
            "aan het werk.",
        ),
        (
            "Young people",
            "Young people from twelve to about twenty-seven, at school, in training or at work.",
        ),
    ),
    term(
        "ouders-en-opvoeders",
        (
            "Ouders en opvoeders",
            "(Aanstaande) ouders en anderen die kinderen opvoeden en verzorgen.",
        ),
        (
            "Parents and carers",
            "Parents, parents-to-be and others who bring up and look after children.",
        ),
    ),
    term(
        "ouderen",
        ("Ouderen", "Ouderen die zo lang mogelijk gezond en zelfstandig willen blijven."),
        (
            "Older people",
            "Older people who want to stay healthy and independent for as long as possible.",
        ),
    ),
    term(
        "mensen-met-een-lage-ses",
        (
            "Mensen met een lage SES",
            "Mensen met een lage sociaaleconomische positie: weinig opleiding, inkomen of "
            "beroepszekerheid.",
        ),
        (
            "People with low SES",
            "People with a low socioeconomic position: little education, income or job security.",
        ),
    ),
    term(
        "mensen-met-schulden",
        (
            "Mensen met schulden",
            "Huishoudens met betalingsachterstanden of problematische schulden.",
        ),
        (
            "People in debt",
            "Households with payment arrears or problem debt.",
        ),
    ),
    term(
        "laaggeletterden",
        (
            "Laaggeletterden",
            "Mensen die moeite hebben met lezen, schrijven, rekenen of digitale vaardigheden.",
        ),
        (
            "People with low literacy",
            "People who struggle with reading, writing, numeracy or digital skills.",
        ),
    ),
    term(
        "nieuwkomers-en-statushouders",
        (
            "Nieuwkomers en statushouders",
            "Mensen die kort in Nederland wonen, onder wie vluchtelingen met een "
            "verblijfsvergunning.",
        ),
        (
            "Newcomers and refugees with a residence permit",
            "People who have recently come to live in the Netherlands, including refugees with "
            "a residence permit.",
        ),
    ),
    term(
        "werkzoekenden",
        (
            "Werkzoekenden",
            "Mensen zonder betaald werk die een baan zoeken, al dan niet met een uitkering.",
        ),
        (
            "Jobseekers",
            "People without paid work who are looking for a job, with or without benefits.",
        ),
    ),
    term(
        "professionals-en-beleidsmakers",
        (
            "Professionals en beleidsmakers",
            "Mensen die beroepshalve werken aan gezondheid en kansengelijkheid.",
        ),
        (
            "Professionals and policymakers",
            "People whose work is about health and equal opportunities.",
        ),
    ),
]

DOMEINEN = [
    term(
        "werk",
        ("Werk", "Arbeidsmarkt, re-integratie en gezond en passend werk."),
        ("Work", "The labour market, getting back to work and healthy, suitable jobs."),
    ),
    term(
        "inkomen-en-schulden",
        (
            "Inkomen en schulden",
            "Inkomensondersteuning, minimabeleid en schuldhulpverlening.",
        ),
        (
            "Income and debt",
            "Income support, policies for low-income households and debt assistance.",
        ),
    ),
    term(
        "wonen",
        (
            "Wonen",
            "Volkshuisvesting, woningkwaliteit en samenwerking met woningcorporaties.",
        ),
        (
            "Housing",
            "Public housing, the quality of homes and working with housing associations.",
        ),
    ),
    term(
        "onderwijs",
        (
            "Onderwijs",
            "Kinderopvang, scholen en beroepsonderwijs als plek voor gezond opgroeien.",
        ),
        (
            "Education",
            "Childcare, schools and vocational education as places to grow up healthy.",
        ),
    ),
    term(
        "zorg-en-welzijn",
        (
            "Zorg en welzijn",
            "Huisartsen, wijkverpleging, sociaal werk en andere zorg en ondersteuning dichtbij.",
        ),
        (
            "Care and welfare",
            "GPs, district nursing, social work and other care and support close to home.",
        ),
    ),
    term(
        "sociaal-domein",
        (
            "Sociaal domein",
            "Wmo, Jeugdwet en Participatiewet: de taken die gemeenten sinds de decentralisaties "
            "uitvoeren.",
        ),
        (
            "Social domain",
            "Social support, youth care and participation: the tasks municipalities took over "
            "in the decentralisations.",
        ),
    ),
    term(
        "ruimtelijke-ordening-en-leefomgeving",
        (
            "Ruimtelijke ordening en leefomgeving",
            "Omgevingsvisie, openbare ruimte, groen, verkeer en milieu.",
        ),
        (
            "Spatial planning and living environment",
            "Environmental vision, public space, green areas, traffic and the environment.",
        ),
    ),
    term(
        "sport-en-bewegen",
        (
            "Sport en bewegen",
            "Sportverenigingen, buurtsportcoaches en een omgeving die uitnodigt tot bewegen.",
        ),
        (
            "Sport and exercise",
            "Sports clubs, neighbourhood sports coaches and surroundings that invite people to "
            "move.",
        ),
    ),
    term(
        "publieke-gezondheid",
        (
            "Publieke gezondheid",
            "Gezondheidsbeleid, de GGD en de wettelijke taken uit de Wet publieke gezondheid.",
        ),
        (
            "Public health",
            "Health policy, the municipal health service (GGD) and the statutory public health "
            "tasks.",
        ),
    ),
]

LEVENSFASEN = [
    term(
        "eerste-1000-dagen",
        (
            "Eerste 1000 dagen",
            "Van de zwangerschap tot de tweede verjaardag: de periode die de basis legt voor "
            "later.",
        ),
        (
            "First 1000 days",
            "From pregnancy to the second birthday: the period that lays the foundation for "
            "later life.",
        ),
    ),
    term(
        "kind",
        ("Kind", "Van peuter tot het einde van de basisschool."),
        ("Child", "From toddler to the end of primary school."),
    ),
    term(
        "jongere",
        ("Jongere", "Van de middelbare school tot de eerste stappen op eigen benen."),
        ("Young person", "From secondary school to the first steps towards independence."),
    ),
    term(
        "volwassene",
        ("Volwassene", "De jaren van werken, wonen en vaak ook zorgen voor anderen."),
        ("Adult", "The years of working, running a home and often caring for others."),
    ),
    term(
        "oudere",
        (
            "Oudere",
            "De levensfase na het werkende leven, met aandacht voor vitaliteit en zelfstandigheid.",
        ),
        ("Older person", "Life after working life, with attention to vitality and independence."),
    ),
]

VOCABULARIES = [
    (Thema, THEMAS),
    (Spoor, SPOREN),
    (Pijler, PIJLERS),
    (Doelgroep, DOELGROEPEN),
    (Domein, DOMEINEN),
    (Levensfase, LEVENSFASEN),
]


@register_step("vocabularies", order=100)
def load_vocabularies(ctx: DemoContext) -> None:
    for model, terms in VOCABULARIES:
        ensure_terms(ctx, model, terms)
