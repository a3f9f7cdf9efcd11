"""Vocabularies are translatable snippets whose slug is shared by every translation."""

import pytest
from django.db import IntegrityError
from wagtail.models import Locale

from gezondin.models import Doelgroep, Domein, Levensfase, Pijler, Spoor, Thema
from tests.factories import ThemaFactory

pytestmark = pytest.mark.django_db
VOCABULARIES = [Thema, Spoor, Pijler, Doelgroep, Domein, Levensfase]


@pytest.mark.parametrize("model", VOCABULARIES)
def test_a_term_translates_to_english_keeping_its_slug(model, locales):
    term = model.objects.create(name="Armoede en schulden", slug="armoede-en-schulden")
    english = term.copy_for_translation(locales["en"])
    english.name = "Poverty and debt"
    english.save()

    assert english.slug == term.slug
    assert english.translation_key == term.translation_key
    assert term.get_translation(locales["en"]).name == "Poverty and debt"
    assert english.get_translation(locales["nl"]).name == "Armoede en schulden"


@pytest.mark.parametrize("model", VOCABULARIES)
def test_a_slug_is_unique_within_a_language(model, locales):
    model.objects.create(name="Wonen", slug="wonen")
    with pytest.raises(IntegrityError):
        model.objects.create(name="Wonen en leefomgeving", slug="wonen")


@pytest.mark.parametrize("model", VOCABULARIES)
def test_each_vocabulary_keeps_its_own_constraint_name(model):
    """Declared once on the abstract Vocabulary; the names stay those of the migrations."""
    names = [constraint.name for constraint in model._meta.constraints]
    assert names == [f"{model._meta.model_name}_slug_locale"]


def test_the_same_slug_in_another_language_is_allowed(locales):
    ThemaFactory(name="Wonen", slug="wonen", locale=locales["nl"])
    ThemaFactory(name="Housing", slug="wonen", locale=locales["en"])
    assert Thema.objects.filter(slug="wonen").count() == 2


def test_terms_are_listed_in_their_editorial_order(locales):
    ThemaFactory(name="Wonen", slug="wonen", sort_order=2)
    ThemaFactory(name="Armoede en schulden", slug="armoede", sort_order=1)
    ThemaFactory(name="Leefstijl", slug="leefstijl", sort_order=3)
    assert [t.slug for t in Thema.objects.filter(locale=Locale.get_default())] == [
        "armoede",
        "wonen",
        "leefstijl",
    ]


@pytest.mark.parametrize(
    "model_name",
    [
        "thema",
        "spoor",
        "pijler",
        "doelgroep",
        "domein",
        "levensfase",
        "gemeente",
        "organisatie",
        "synoniemen",
    ],
)
def test_editors_manage_every_snippet_in_the_admin(admin_client, locales, model_name):
    response = admin_client.get(f"/admin/snippets/gezondin/{model_name}/")
    assert response.status_code == 200
    response = admin_client.get(f"/admin/snippets/gezondin/{model_name}/add/")
    assert response.status_code == 200
