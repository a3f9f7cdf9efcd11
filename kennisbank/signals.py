"""Keep translations of a kennisbank item linked to the same terms and municipalities, and the
search index in step with those links.

wagtail-localize translates text, not many-to-many links. The links point at the default
language's terms (shared by every translation through their slug), so when an item in the default
language is published its links are copied to its translations.

An item is indexed with its municipalities, terms and partners (KennisPage.search_context).
Wagtail indexes a page when it is saved, before a publication writes those links and partners:
once they are written (`page_published`) the item and its translations are indexed again, through
the same task Wagtail uses (immediate in development, the worker in production).

Any publication, unpublication, move or deletion of a page drops the cached kennisbank results
(a new results generation); once it commits, a task reads the facet index of the new generation
(kennisbank.tasks), so that the next visitor does not wait for it. Work that commits page after
page (a harvest) asks for that task once, at its end (:func:`indexes_built_at_the_end`).
"""

import threading
from contextlib import contextmanager

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from gezondin import terms
from gezondin.page_indexing import queue_index_update
from kennisbank.filters import m2m_through
from kennisbank.harvest import signals as harvest_signals
from kennisbank.links import LINKED_FIELDS
from kennisbank.models import (
    GemeentePage,
    KennisbankPage,
    KennisPage,
    ThemaPage,
)
from kennisbank.search import invalidate_results, results_version
from kennisbank.tasks import build_facet_indexes


def copy_links_to_translations(sender, instance, **kwargs):
    if not isinstance(instance, KennisPage) or instance.locale.language_code != (
        settings.LANGUAGE_CODE
    ):
        return
    translation_ids = list(
        KennisPage.objects.filter(translation_key=instance.translation_key)
        .exclude(pk=instance.pk)
        .values_list("pk", flat=True)
    )
    if not translation_ids:
        return
    with transaction.atomic():
        for field in LINKED_FIELDS:
            through, term_fk = m2m_through(field)
            target = f"{term_fk}_id"
            linked = list(
                through.objects.filter(kennispage_id=instance.pk).values_list(target, flat=True)
            )
            through.objects.filter(kennispage_id__in=translation_ids).delete()
            through.objects.bulk_create(
                [
                    through(kennispage_id=page_id, **{target: term_id})
                    for page_id in translation_ids
                    for term_id in linked
                ]
            )


def reindex_with_links(sender, instance, **kwargs):
    if not isinstance(instance, KennisPage):
        return
    meta = instance.specific_class._meta
    pks = KennisPage.objects.filter(translation_key=instance.translation_key).values_list(
        "pk", flat=True
    )
    for pk in pks:
        queue_index_update(meta.app_label, meta.model_name, pk)


def forget_cached_urls(sender, instance=None, **kwargs):
    """Cached URLs of the kennisbank, dossiers and municipality pages (kennisbank_tags) go stale
    when such a page is published, unpublished, moved or deleted."""
    page = instance if instance is not None else kwargs.get("page")
    if isinstance(page, KennisbankPage | GemeentePage | ThemaPage):
        terms.invalidate()


def forget_cached_results(sender, **kwargs):
    """Cached result counts and facets of the kennisbank (kennisbank.search) go stale whenever a
    page is published, unpublished, moved or deleted anywhere (a section may hold items)."""
    instance = kwargs.get("instance")
    if instance is not None and not isinstance(instance, Page):
        return  # post_delete of some other model

    invalidate_results()
    if getattr(_enqueued, "deferred", None) is not None:
        _enqueued.deferred = True
        return
    transaction.on_commit(_build_facet_indexes)


# _enqueued.generation: the results generation a build was last asked for in this thread.
# _enqueued.deferred: None outside indexes_built_at_the_end; inside it False, or True once a
# publication wanted a build.
_enqueued = threading.local()


@contextmanager
def indexes_built_at_the_end():
    """Within the block, publications ask for no build of the facet and word indexes; at its
    end one build is asked for (after the commit) if any did. A harvest commits each practice
    on its own, and each commit asked for a build that reads every practice again (seconds at
    10,000 practices): a harvest of a hundred practices kept the task worker busy with a hundred
    builds, of which only the last one's indexes were used. In the meantime visitors read the
    facet index as before (kennisbank.tasks). A block inside another leaves it to the outer."""
    if getattr(_enqueued, "deferred", None) is not None:
        yield
        return
    _enqueued.deferred = False
    try:
        yield
    finally:
        wanted = _enqueued.deferred
        _enqueued.deferred = None
        if wanted:
            transaction.on_commit(_build_facet_indexes)


def _build_facet_indexes():
    """Ask for the indexes of the generation the transaction left, once: a publication sends
    several of these signals, and one transaction may publish many pages (load_demo, Wagtail's
    bulk actions), each leaving a callback that runs after the commit. The word index is read
    anew by every build (three seconds at 10,000 practices), so the callbacks after the first
    find their generation asked for already and ask nothing."""
    generation = results_version()
    if getattr(_enqueued, "generation", None) == generation:
        return
    _enqueued.generation = generation
    build_facet_indexes.enqueue()


def connect():
    harvest_signals.connect()
    page_published.connect(copy_links_to_translations, dispatch_uid="kennisbank-copy-links")
    page_published.connect(reindex_with_links, dispatch_uid="kennisbank-reindex-with-links")
    for signal, uid in [
        (page_published, "published"),
        (page_unpublished, "unpublished"),
        (post_page_move, "moved"),
        (post_delete, "deleted"),
    ]:
        signal.connect(forget_cached_urls, dispatch_uid=f"kennisbank-urls-{uid}")
        signal.connect(forget_cached_results, dispatch_uid=f"kennisbank-results-{uid}")
