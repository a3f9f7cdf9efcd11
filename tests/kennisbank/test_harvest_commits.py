"""A harvest commits each practice on its own (kennisbank/harvest/harvester.py), and asks for one
build of the kennisbank's facet and word indexes, after the last practice (kennisbank.signals,
``indexes_built_at_the_end``), not one per practice.

Transactional (real commits, as ``manage.py harvest`` and the task worker make them), so not in
the shared-data module test_harvest.py.
"""

import pytest
from django_tasks.signals import task_enqueued
from wagtail.models import Locale

from kennisbank.harvest.models import HarvestSource
from kennisbank.models import PraktijkvoorbeeldPage
from tests.kennisbank.conftest import practice, run


@pytest.fixture
def index_builds():
    """The build_facet_indexes tasks enqueued (the test settings run them at once)."""
    builds = []

    def enqueued(sender, task_result, **kwargs):
        if task_result.task.name == "build_facet_indexes":
            builds.append(task_result)

    task_enqueued.connect(enqueued)
    yield builds
    task_enqueued.disconnect(enqueued)


@pytest.mark.django_db(transaction=True)
def test_a_harvest_builds_the_indexes_once_after_its_last_practice(site, peer, index_builds):
    source = HarvestSource.objects.create(name="Gemeente Tilburg", base_url=peer.base_url)
    peer.practices["nl"] = [practice(n, title=f"Praktijk {n}") for n in (11, 12, 13)]
    index_builds.clear()  # publishing the site's own pages asked for builds too

    report = run(source)

    assert report.counts()["added"] == 3
    assert PraktijkvoorbeeldPage.objects.live().count() == 3
    assert len(index_builds) == 1
    # Built after the last commit: the Dutch facet index holds all three practices.
    dutch = Locale.objects.get(language_code="nl").pk
    assert index_builds[0].return_value[dutch] == 3

    # A harvest that changes nothing asks for no build; one that withdraws a practice, for one.
    index_builds.clear()
    assert run(source).counts()["unchanged"] == 3
    assert index_builds == []
    peer.practices["nl"] = peer.practices["nl"][:1]
    assert len(run(source).withdrawn) == 2
    assert len(index_builds) == 1
    assert index_builds[0].return_value[dutch] == 1
