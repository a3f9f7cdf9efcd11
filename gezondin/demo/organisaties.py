"""Partner organisations: national ones under their own name, local ones invented (example.nl)."""

from gezondin.models import Organisatie

from .registry import CREATED, PRESENT, DemoContext, register_step

Sector = Organisatie.Sector

# (name, sector, website); the name is the stable key.
ORGANISATIES = [
    ("Pharos", Sector.KENNIS, "https://www.pharos.nl"),
    ("Platform31", Sector.KENNIS, "https://www.platform31.nl"),
    ("RIVM", Sector.RIJK, "https://www.rivm.nl"),
    ("GGD Amsterdam", Sector.GGD, "https://www.ggd.amsterdam.nl"),
    ("Nibud", Sector.KENNIS, "https://www.nibud.nl"),
    ("Stichting Lezen & Schrijven", Sector.KENNIS, "https://www.lezenenschrijven.nl"),
    ("Welzijn Noord", Sector.WELZIJN, "https://welzijnnoord.example.nl"),
    ("Woonstichting Thuis in de Wijk", Sector.WONEN, "https://thuisindewijk.example.nl"),
    ("Werkplein Rivierenland-Midden", Sector.WERK_INKOMEN, "https://werkplein.example.nl"),
    ("Gezondheidscentrum De Brug", Sector.ZORG, "https://gcdebrug.example.nl"),
    ("Sportief Oost – buurtsportcoaches", Sector.SPORT, "https://sportiefoost.example.nl"),
    ("Kindcentrum De Vlieger", Sector.ONDERWIJS, "https://kcdevlieger.example.nl"),
    ("Bewonerscollectief Zonnewijk", Sector.BEWONERS, "https://zonnewijk.example.nl"),
    ("Zorgverzekeraar Regio Midden", Sector.ZORGVERZEKERAAR, "https://zrm.example.nl"),
]


@register_step("organisaties", order=200)
def load_organisaties(ctx: DemoContext) -> None:
    result = {}
    for name, sector, website in ORGANISATIES:
        organisatie = Organisatie.objects.filter(name=name).first()
        if organisatie is None:
            organisatie = Organisatie.objects.create(name=name, sector=sector, website=website)
            ctx.record("Organisaties", CREATED, organisatie)
        else:
            ctx.record("Organisaties", PRESENT, organisatie)
        result[name] = organisatie
    ctx.objects["organisaties"] = result
