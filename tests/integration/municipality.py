"""What an editor of the "municipality" installation does in the two-installation test, run
inside that installation with ``manage.py shell -c "from tests.integration.municipality import
...; ...()"`` (see test_two_instances.py). Each function prints one line of JSON.

The practices are about Amersfoort (GM0307), which the demo content does not use, so the hub's
counts for that municipality come from the harvest alone.
"""

import io
import json

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale

from gezondin.models import Doelgroep, Gemeente, Organisatie, Thema
from kennisbank.models import KennisbankPage, PraktijkvoorbeeldPage, PraktijkvoorbeeldPartner

GEMEENTE = "GM0307"
PRACTICES = {
    "buurtkamer": {
        "title": "Buurtkamer voor geldzorgen",
        "slug": "buurtkamer-voor-geldzorgen",
        "themas": ["armoede-en-schulden", "sociale-basis-in-de-wijk"],
        "doelgroepen": ["mensen-met-schulden"],
        "english": ("Neighbourhood room for money worries", "neighbourhood-room-money-worries"),
    },
    "schoolroute": {
        "title": "Gezonde schoolroute",
        "slug": "gezonde-schoolroute",
        "themas": ["gezonde-fysieke-leefomgeving"],
        "doelgroepen": ["kinderen"],
    },
    "taalcafe": {
        "title": "Taalcafé voor ouders",
        "slug": "taalcafe-voor-ouders",
        "themas": ["armoede-en-schulden", "gezondheidsvaardigheden-en-laaggeletterdheid"],
        "doelgroepen": ["ouders-en-opvoeders"],
    },
}


def _image():
    data = io.BytesIO()
    PILImage.new("RGB", (320, 200), (20, 110, 120)).save(data, "PNG")
    image = get_image_model()(
        title="Bewoners aan tafel in de buurtkamer",
        collection=Collection.get_first_root_node(),
        file=ImageFile(data, name="buurtkamer.png"),
    )
    image.save()
    return image


def publish_practices():
    """Three practices in the kennisbank, the first with an image and an English translation."""
    nl = Locale.objects.get(language_code="nl")
    kennisbank = KennisbankPage.objects.get(locale=nl)
    gemeente = Gemeente.objects.get(cbs_code=GEMEENTE)
    partner, _ = Organisatie.objects.get_or_create(
        name="Welzijn Amersfoort", defaults={"sector": "welzijn"}
    )
    image = _image()
    pages = {}
    for key, spec in PRACTICES.items():
        approach = [
            ("heading", {"text": "Zo werkt het", "level": "h2"}),
            ("paragraph", f"<p>{spec['title']}: bewoners en professionals samen.</p>"),
        ]
        if key == "buurtkamer":
            approach.append(
                (
                    "figure",
                    {
                        "image": {"image": image, "decorative": False, "alt_text": image.title},
                        "caption": "De buurtkamer op woensdagmiddag",
                    },
                )
            )
        page = PraktijkvoorbeeldPage(
            title=spec["title"],
            slug=spec["slug"],
            intro=f"<p>Een praktijkvoorbeeld uit Amersfoort: {spec['title'].lower()}.</p>",
            background="<p>Veel bewoners wisten de weg naar hulp niet te vinden.</p>",
            approach=approach,
            results="<p>Meer bewoners bereikt dan verwacht.</p>",
            status="lopend",
            contact_name="Team Gezond Amersfoort",
            contact_email="gezond@amersfoort.example",
        )
        kennisbank.add_child(instance=page)
        page.themas.set(Thema.objects.filter(locale=nl, slug__in=spec["themas"]))
        page.doelgroepen.set(Doelgroep.objects.filter(locale=nl, slug__in=spec["doelgroepen"]))
        page.gemeenten.set([gemeente])
        page.partners = [PraktijkvoorbeeldPartner(organisatie=partner, role="host van de buurt")]
        page.save_revision().publish()
        pages[key] = page.pk
        if "english" in spec:
            title, slug = spec["english"]
            english = page.copy_for_translation(Locale.objects.get(language_code="en"))
            english.title, english.slug = title, slug
            english.intro = "<p>A practice from Amersfoort.</p>"
            english.save_revision().publish()
            pages[f"{key}-en"] = english.pk
    print(json.dumps(pages))


def change_and_withdraw():
    """The school route gets a new title; the language café is unpublished."""
    route = PraktijkvoorbeeldPage.objects.get(
        slug="gezonde-schoolroute", locale__language_code="nl"
    )
    route.title = "Gezonde en veilige schoolroute"
    route.save_revision().publish()
    cafe = PraktijkvoorbeeldPage.objects.get(slug="taalcafe-voor-ouders")
    cafe.unpublish()
    print(json.dumps({"changed": route.pk, "withdrawn": cafe.pk}))
