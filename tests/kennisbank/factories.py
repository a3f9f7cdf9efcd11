"""wagtail-factories factories for the kennisbank's page types.

Vocabulary terms, municipalities and partners are passed as lists after creation:

    PraktijkvoorbeeldPageFactory(parent=section, themas=[wonen], gemeenten=[amsterdam],
                                 partners=[(ggd, "voert de huisbezoeken uit")])

Pages are created live but without a revision; `publish()` publishes one, as an editor would
(which also copies vocabulary links to translations, see kennisbank.signals).
"""

import datetime

import factory
import wagtail_factories

from gezondin.models import Gemeente
from kennisbank.models import (
    GemeenteIndexPage,
    GemeentePage,
    KennisartikelPage,
    KennisbankPage,
    PraktijkvoorbeeldPage,
    PraktijkvoorbeeldPartner,
    ThemaPage,
    ThemaPagePick,
)
from tests.factories import GemeenteFactory, ThemaFactory, indexed_once


def add_published(parent, page, **links):
    """`page` added under `parent` with these many-to-many links (field: values), published and
    in the search index with its links."""
    with indexed_once():
        parent.add_child(instance=page)
        for field, values in links.items():
            getattr(page, field).set(values)
        page.save_revision().publish()
    return page


def publish(page):
    """Publish a revision of `page` and return the page as stored."""
    with indexed_once():
        page.save_revision().publish()
    page.refresh_from_db()
    return page


def translate(page, locale, **fields):
    """A published translation of `page` (its parent must be translated already)."""
    with indexed_once():
        translation = page.copy_for_translation(locale)
        for name, value in fields.items():
            setattr(translation, name, value)
        translation.save()
        return publish(translation)


def _many_to_many(field):
    """A post-generation hook setting a many-to-many field from a list."""

    def setter(obj, create, extracted, **kwargs):
        if extracted is None:
            return False
        getattr(obj, field).set(extracted)
        return True

    return factory.PostGeneration(setter)


class SavesAfterPostGeneration:
    """Save once after the post-generation hooks, and only if one of them changed something."""

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        if create and results and any(results.values()):
            instance.save()


class KennisbankPageFactory(wagtail_factories.PageFactory):
    title = "Kennisbank"
    slug = "kennisbank"
    intro = "<p>Praktijkvoorbeelden en kennis over gezondheidsverschillen.</p>"

    class Meta:
        model = KennisbankPage


class GemeenteIndexPageFactory(wagtail_factories.PageFactory):
    title = "Gemeenten"
    slug = "gemeenten"
    intro = "<p>Gemeenten die hun aanpak hier delen.</p>"

    class Meta:
        model = GemeenteIndexPage


class GemeentePageFactory(wagtail_factories.PageFactory):
    gemeente = factory.SubFactory(GemeenteFactory)
    title = factory.LazyAttribute(lambda o: f"Gemeente {o.gemeente.label}")
    intro = "<p>Hoe deze gemeente werkt aan gezondheid in alle beleidsdomeinen.</p>"
    contact_name = "Programma Gezonde Stad"
    contact_email = "gezondestad@gemeente.example"

    class Meta:
        model = GemeentePage


class KennisPageFactory(SavesAfterPostGeneration, wagtail_factories.PageFactory):
    """Vocabulary and municipality links, shared by practices and articles."""

    themas = _many_to_many("themas")
    sporen = _many_to_many("sporen")
    pijlers = _many_to_many("pijlers")
    doelgroepen = _many_to_many("doelgroepen")
    domeinen = _many_to_many("domeinen")
    levensfasen = _many_to_many("levensfasen")
    gemeenten = _many_to_many("gemeenten")

    class Meta:
        abstract = True


class PraktijkvoorbeeldPageFactory(KennisPageFactory):
    title = factory.Sequence(lambda n: f"Praktijkvoorbeeld {n}")
    intro = "<p>Hoe een wijk samen met bewoners de schulden aanpakte.</p>"
    background = "<p>In de wijk hebben veel huishoudens problematische schulden.</p>"
    goal = "<p>Schulden eerder signaleren en stress verminderen.</p>"
    status = PraktijkvoorbeeldPage.Status.LOPEND
    start_date = datetime.date(2022, 3, 1)
    last_checked = factory.LazyFunction(datetime.date.today)

    class Meta:
        model = PraktijkvoorbeeldPage

    @factory.post_generation
    def partners(obj, create, extracted, **kwargs):
        """`partners=[(organisatie, role), ...]`."""
        if not extracted:
            return False
        obj.partners = [
            PraktijkvoorbeeldPartner(organisatie=organisatie, role=role)
            for organisatie, role in extracted
        ]
        return True


class KennisartikelPageFactory(KennisPageFactory):
    title = factory.Sequence(lambda n: f"Handreiking {n}")
    kind = "handreiking"
    intro = "<p>Wat werkt bij het bereiken van mensen met weinig geld.</p>"

    class Meta:
        model = KennisartikelPage


class ThemaPageFactory(SavesAfterPostGeneration, wagtail_factories.PageFactory):
    thema = factory.SubFactory(ThemaFactory)
    title = factory.LazyAttribute(lambda o: f"Dossier {o.thema.name}")
    intro = "<p>Alles over dit thema op één plek.</p>"

    class Meta:
        model = ThemaPage

    @factory.post_generation
    def picks(obj, create, extracted, **kwargs):
        """`picks=[(page, note), ...]`."""
        if not extracted:
            return False
        obj.picks = [ThemaPagePick(item=item, note=note) for item, note in extracted]
        return True


def amsterdam():
    """Amsterdam, shipped by the municipalities data migration."""
    return Gemeente.objects.get(cbs_code="GM0363")
