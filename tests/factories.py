"""wagtail-factories factories for GezondIn's models, shared by the whole suite."""

from contextlib import contextmanager

import factory
import wagtail_factories
from django.utils.text import slugify

from gezondin.models import (
    Doelgroep,
    Domein,
    Gemeente,
    HomePage,
    Levensfase,
    Organisatie,
    Pijler,
    Spoor,
    StandardPage,
    Thema,
)
from gezondin.page_indexing import collected_index_updates, queue_index_updates


@contextmanager
def indexed_once():
    """Pages built in the block (created, linked, published) are put in the search index and
    Wagtail's reference index once, when the block ends, as ``load_demo`` does: what the indexes
    hold afterwards is what an update per save leaves (gezondin.page_indexing)."""
    with collected_index_updates() as held_back:
        yield
    queue_index_updates(held_back)


class HomePageFactory(wagtail_factories.PageFactory):
    title = "GezondIn"
    intro = "<p>Kennis en praktijk voor gezondheid in alle beleidsdomeinen.</p>"

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Inhoudspagina {n}")
    intro = "<p>Een korte inleiding.</p>"

    class Meta:
        model = StandardPage


class VocabularyFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Term {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))

    class Meta:
        abstract = True


class ThemaFactory(VocabularyFactory):
    class Meta:
        model = Thema


class SpoorFactory(VocabularyFactory):
    class Meta:
        model = Spoor


class PijlerFactory(VocabularyFactory):
    class Meta:
        model = Pijler


class DoelgroepFactory(VocabularyFactory):
    class Meta:
        model = Doelgroep


class DomeinFactory(VocabularyFactory):
    class Meta:
        model = Domein


class LevensfaseFactory(VocabularyFactory):
    class Meta:
        model = Levensfase


class GemeenteFactory(factory.django.DjangoModelFactory):
    cbs_code = factory.Sequence(lambda n: f"GM9{n:03d}")
    name = factory.Sequence(lambda n: f"Testgemeente {n}")
    provincie = "utrecht"

    class Meta:
        model = Gemeente
        django_get_or_create = ["cbs_code"]


class OrganisatieFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Organisatie {n}")
    sector = "ggd"

    class Meta:
        model = Organisatie
