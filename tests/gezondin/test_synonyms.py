"""Groups of synonyms as editors keep them (Synoniemen, Snippets > Vocabulaires > Synoniemen)
and the cached index search reads them from (gezondin.synonyms)."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gezondin import synonyms, terms
from gezondin.models import Synoniemen
from gezondin.search_text import query_stems

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/snippets/gezondin/synoniemen/add/"


def stems(*words):
    return [tuple(query_stems(word)) for word in words]


def test_entries_are_the_comma_separated_words_each_once():
    group = Synoniemen(words=" geldzorgen,schulden ,, financiële  problemen, schuld\n")
    # "schuld" searches for the same stem as "schulden": one entry.
    assert group.entries() == ["geldzorgen", "schulden", "financiële problemen"]
    assert str(group) == "geldzorgen, schulden, financiële problemen"


@pytest.mark.parametrize("words", ["geldzorgen", "geldzorgen, ", "schulden, schuld", " , ;"])
def test_a_group_of_fewer_than_two_entries_is_refused(words):
    with pytest.raises(ValidationError) as refused:
        Synoniemen(words=words).full_clean()
    message = refused.value.message_dict["words"][0]
    assert message.startswith("Een groep synoniemen heeft minstens twee verschillende woorden")


def test_the_message_names_the_single_entry():
    with pytest.raises(ValidationError) as refused:
        Synoniemen(words="geldzorgen").full_clean()
    assert "‘geldzorgen’ is er maar één" in refused.value.message_dict["words"][0]


def test_the_admin_refuses_a_one_word_group_and_says_why(admin_client):
    response = admin_client.post(ADD_URL, {"words": "geldzorgen"})
    assert response.status_code == 200
    assert not Synoniemen.objects.exists()
    assert "‘geldzorgen’ is er maar één" in response.content.decode()


def test_the_admin_saves_a_group(admin_client):
    response = admin_client.post(ADD_URL, {"words": "obesitas, overgewicht"})
    assert response.status_code == 302
    assert Synoniemen.objects.get().entries() == ["obesitas", "overgewicht"]
    listing = admin_client.get("/admin/snippets/gezondin/synoniemen/", {"q": "overgewicht"})
    assert "obesitas, overgewicht" in listing.content.decode()


def test_the_admin_lists_synonyms_with_the_vocabularies(admin_client):
    response = admin_client.get("/admin/")
    assert "/admin/snippets/gezondin/synoniemen/" in response.content.decode()


def test_expand_replaces_an_entry_by_its_group():
    Synoniemen.objects.create(words="geldzorgen, schulden, financiële problemen")
    Synoniemen.objects.create(words="schulden, betalingsachterstanden")
    parts = synonyms.expand(["schuld", "gezin"])
    # A word in two groups matches any entry of either.
    assert parts == [
        stems("geldzorgen", "schulden", "financiële problemen", "betalingsachterstanden"),
        stems("gezin"),
    ]
    # A phrase is matched as a whole, before its words.
    assert (
        synonyms.expand(query_stems("financiële problemen thuis"))[0][0] == stems("geldzorgen")[0]
    )
    assert synonyms.expand(["problem"]) == [stems("problemen")]


def test_the_groups_are_read_once_and_forgotten_when_one_changes():
    group = Synoniemen.objects.create(words="obesitas, overgewicht")
    synonyms.alternatives()
    with CaptureQueriesContext(connection) as queries:
        synonyms.alternatives()
    assert len(queries) == 0
    results = terms.results_version()
    group.words = "obesitas, overgewicht, zwaarlijvigheid"
    group.save()
    assert len(synonyms.expand(["obesitas"])[0]) == 3
    assert terms.results_version() != results  # the kennisbank's cached results go too
    group.delete()
    assert synonyms.expand(["obesitas"]) == [stems("obesitas")]
