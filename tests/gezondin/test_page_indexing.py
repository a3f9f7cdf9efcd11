"""The search index and Wagtail's reference index follow the pages (gezondin.page_indexing):
every save that changes what they hold reaches them, a save of a draft's bookkeeping does not."""

from contextlib import contextmanager

import pytest
from django_tasks.signals import task_enqueued
from wagtail.models import ReferenceIndex

from gezondin import page_indexing
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

INDEX_TASKS = {"insert_or_update_object_task", "update_reference_index_task"}


@contextmanager
def index_tasks():
    """[(task name, pk)] of every index task enqueued while the block runs."""
    seen = []

    def record(sender, task_result, **kwargs):
        if task_result.task.name in INDEX_TASKS:
            seen.append((task_result.task.name, task_result.args[-1]))

    task_enqueued.connect(record, weak=False)
    try:
        yield seen
    finally:
        task_enqueued.disconnect(record)


@contextmanager
def enqueued_for(page):
    """The names of the index tasks enqueued for this page while the block runs (filled when
    the block ends)."""
    names = []
    with index_tasks() as tasks:
        yield names
    names += [name for name, pk in tasks if pk == str(page.pk)]


def found(client, words):
    response = client.get("/nl/zoeken/", {"q": words})
    assert response.status_code == 200
    return response.text


@pytest.fixture
def target(home_page):
    page = StandardPageFactory(parent=home_page, title="Wijkteams in beeld")
    page.save_revision().publish()
    return page


@pytest.fixture
def page(home_page, target):
    page = StandardPageFactory(parent=home_page, title="Schuldhulp aan huis")
    page.intro = f'<p>Zie <a linktype="page" id="{target.pk}">de wijkteams</a>.</p>'
    page.save_revision().publish()
    return page


def referrers(target):
    return {reference.object_id for reference in ReferenceIndex.get_references_to(target)}


def test_a_draft_saved_adds_no_index_work_and_search_keeps_the_live_title(client, page):
    page.title = "Keukentafelgesprekken"
    with enqueued_for(page) as tasks:
        page.save_revision()

    assert tasks == []
    assert "Schuldhulp aan huis" in found(client, "schuldhulp")
    assert "Keukentafelgesprekken" not in found(client, "keukentafelgesprekken")


def test_publishing_reaches_both_indexes(client, page, target):
    assert str(page.pk) in referrers(target)
    page.title = "Keukentafelgesprekken"
    page.intro = "<p>Zonder verwijzing.</p>"
    with enqueued_for(page) as tasks:
        page.save_revision().publish()

    assert set(tasks) == INDEX_TASKS
    assert "Keukentafelgesprekken" in found(client, "keukentafelgesprekken")
    assert "Schuldhulp aan huis" not in found(client, "schuldhulp")
    assert str(page.pk) not in referrers(target)


def test_a_deleted_page_leaves_the_search_index(client, page):
    assert "Schuldhulp aan huis" in found(client, "schuldhulp")
    page.delete()
    assert "Schuldhulp aan huis" not in found(client, "schuldhulp")


@pytest.mark.parametrize(
    ("update_fields", "bookkeeping"),
    [
        (None, False),
        (["latest_revision", "has_unpublished_changes"], True),
        (["wagtail_admin_comments", "latest_revision_created_at", "draft_title"], True),
        (["latest_revision", "title"], False),
        (["live", "live_revision"], False),
    ],
)
def test_only_the_draft_bookkeeping_fields_count_as_bookkeeping(update_fields, bookkeeping):
    assert page_indexing.is_draft_bookkeeping(update_fields) is bookkeeping


def test_an_index_that_keeps_filter_fields_gets_every_save(monkeypatch, page):
    elastic = type("Elasticsearch9SearchBackend", (), {"__module__": "modelsearch.backends.es"})
    monkeypatch.setattr(page_indexing, "get_search_backends", lambda: [elastic()])
    page_indexing._index_keeps_filter_fields.cache_clear()
    try:
        with enqueued_for(page) as tasks:
            page.save_revision()
    finally:
        page_indexing._index_keeps_filter_fields.cache_clear()

    assert tasks == ["insert_or_update_object_task"]


# Bulk work: each page indexed once, when the work is done ----------------------------------------


def test_a_page_built_in_a_collecting_block_is_indexed_once_when_it_is_done(client, home_page):
    with index_tasks() as tasks:
        with page_indexing.collected_index_updates() as held_back:
            page = StandardPageFactory(parent=home_page, title="Budgetcoaches")
            page.title = "Budgetcoaches in de wijk"
            page.save_revision().publish()
            assert "Budgetcoaches" not in found(client, "budgetcoaches")
        assert tasks == []
        key = ("gezondin", "standardpage", str(page.pk))
        assert set(held_back) == {
            (page_indexing.SEARCH, *key),
            (page_indexing.REFERENCES, *key),
        }

        page_indexing.queue_index_updates(held_back)

    assert sorted(tasks) == [
        ("insert_or_update_object_task", str(page.pk)),
        ("update_reference_index_task", str(page.pk)),
    ]
    assert "Budgetcoaches in de wijk" in found(client, "budgetcoaches")


def test_references_are_recorded_once_the_block_is_done_and_removed_at_once(page, target):
    assert str(page.pk) in referrers(target)
    with page_indexing.collected_index_updates() as held_back:
        linking = StandardPageFactory(parent=page.get_parent(), title="Verwijzer")
        linking.intro = f'<p><a linktype="page" id="{target.pk}">wijkteams</a></p>'
        linking.save_revision().publish()
        assert str(linking.pk) not in referrers(target)
        page.delete()
        assert str(page.pk) not in referrers(target)

    page_indexing.queue_index_updates(held_back)

    assert referrers(target) == {str(linking.pk)}


def test_a_page_deleted_before_the_block_ends_is_left_out(client, home_page):
    with page_indexing.collected_index_updates() as held_back:
        gone = StandardPageFactory(parent=home_page, title="Opgeheven spreekuur")
        kept = StandardPageFactory(parent=home_page, title="Open spreekuur")
        gone.delete()

    with index_tasks() as tasks:
        page_indexing.queue_index_updates(held_back)

    assert sorted(tasks) == [
        ("insert_or_update_object_task", str(kept.pk)),
        ("update_reference_index_task", str(kept.pk)),
    ]
    assert "Opgeheven spreekuur" not in found(client, "spreekuur")


def test_a_block_inside_another_leaves_the_updates_to_the_outer_one(home_page):
    with page_indexing.collected_index_updates() as outer:
        with page_indexing.collected_index_updates() as inner:
            page = StandardPageFactory(parent=home_page, title="Samen koken")
        assert inner == {}
    assert (page_indexing.SEARCH, "gezondin", "standardpage", str(page.pk)) in outer


def test_after_a_failed_block_saves_are_indexed_again_as_they_happen(home_page):
    with pytest.raises(RuntimeError), page_indexing.collected_index_updates():
        StandardPageFactory(parent=home_page, title="Half werk")
        raise RuntimeError("the bulk work failed")

    with index_tasks() as tasks:
        page = StandardPageFactory(parent=home_page, title="Nieuw begin")

    assert ("insert_or_update_object_task", str(page.pk)) in tasks
    assert ("update_reference_index_task", str(page.pk)) in tasks
