"""The search index and Wagtail's reference index follow GezondIn's pages, except on Wagtail's
bookkeeping saves of a draft.

modelsearch and Wagtail update both indexes on every save of a page (a task each). Saving a
draft (``save_revision``) and Wagtail's other revision steps end with a save of only the
page's bookkeeping fields: which revision is the latest, its time, the draft's title, whether
there are unpublished changes, the comments. None of these is text the search index holds or a
reference the reference index records (a page's revisions and comments are not tracked; the
database backends keep filter fields in the page's own table, not in the index), so those saves
leave both indexes as they were. A publication used to index a page four times and record its
references three times; one of each was such a save.

GezondIn's page models (``BasePage``) set ``search_auto_update = False``, so modelsearch does not
connect its own handlers for them; :func:`connect_signals` connects the same handlers with this
one exception. A search backend that keeps filter fields in its index (Elasticsearch,
OpenSearch) gets every save, as modelsearch does it.

Bulk work (the demo, test data) builds a page in several saves: created, linked to its terms,
published (kennisbank.signals then indexes the page again with its links). Within
:func:`collected_index_updates` those saves queue no update of either index; the caller updates
each object once when the work is done (:func:`queue_index_updates`), from what is stored then.
``load_demo`` indexed a practice up to four times and recorded its references twice or more.
"""

import threading
from contextlib import contextmanager
from functools import cache

from django.apps import apps
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from modelsearch.backends import get_search_backends
from modelsearch.index import class_is_indexed
from modelsearch.signal_handlers import post_delete_signal_handler
from modelsearch.tasks import insert_or_update_object_task
from wagtail.models import COMMENTS_RELATION_NAME

# What save_revision(), Revision.publish()'s draft steps and _update_from_revision() save.
DRAFT_BOOKKEEPING_FIELDS = frozenset(
    {
        COMMENTS_RELATION_NAME,
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
    }
)


def is_draft_bookkeeping(update_fields):
    """Whether a save with these ``update_fields`` changes only Wagtail's draft bookkeeping."""
    return update_fields is not None and frozenset(update_fields) <= DRAFT_BOOKKEEPING_FIELDS


@cache
def _index_keeps_filter_fields():
    """Whether a configured search backend stores filter fields in its index (so that a change
    of ``latest_revision_created_at``, a filter field of every page, must reach it)."""
    return any(not _is_database_backend(backend) for backend in get_search_backends())


def _is_database_backend(backend):
    # Each database backend (SQLite, PostgreSQL, MySQL, the fallback) is a class of
    # modelsearch.backends.database; GezondIn's are made in gezondin.search_backend.
    return type(backend).__module__.startswith(
        ("modelsearch.backends.database.", "gezondin.search_backend")
    )


def index_page(sender, instance, raw=False, update_fields=None, **kwargs):
    """modelsearch's post_save handler, leaving out the draft bookkeeping saves."""
    if raw:
        return
    if is_draft_bookkeeping(update_fields) and not _index_keeps_filter_fields():
        return
    queue_index_update(instance._meta.app_label, instance._meta.model_name, instance.pk)


# The index updates a collected_index_updates() block holds back, per thread.
_collecting = threading.local()
SEARCH = "search"
REFERENCES = "references"


def _held():
    return getattr(_collecting, "updates", None)


def queue_index_update(app_label, model_name, pk):
    """Queue a search-index update of one object, or hold it back for the block collecting them."""
    held = _held()
    if held is not None:
        held[(SEARCH, app_label, model_name, str(pk))] = None
        return
    insert_or_update_object_task.enqueue(app_label, model_name, str(pk))


def hold_back_references(sender, instance, raw=False, **kwargs):
    """post_save of every model: within a block, the save of an object whose references Wagtail
    records is noted (Wagtail's own handler is off there)."""
    held = _held()
    if held is None or raw or sender not in _reference_index().tracked_models:
        return
    held[(REFERENCES, instance._meta.app_label, instance._meta.model_name, str(instance.pk))] = None


def remove_references_at_once(sender, instance, **kwargs):
    """post_delete of every model: within a block, what Wagtail's handler (off there) does."""
    if _held() is None or sender not in _reference_index().tracked_models:
        return
    reference_index = _reference_index()
    with transaction.atomic():
        reference_index.remove_for_object(instance)
        reference_index.remove_references_to(instance)


def _reference_index():
    from wagtail.models import ReferenceIndex  # a model: not while this module is imported

    return ReferenceIndex


def _reference_index_switch():
    """Wagtail's switch for its reference-index handler: (the context manager that turns the
    handler off, whether it is off in this thread now)."""
    from wagtail.signal_handlers import (  # it loads models: not while this module is imported
        disable_reference_index_auto_update,
        reference_index_auto_update_disabled,
    )

    return (
        disable_reference_index_auto_update,
        getattr(reference_index_auto_update_disabled, "value", False),
    )


@contextmanager
def collected_index_updates():
    """Saves within the block queue no update of the search index (for GezondIn's pages) or of
    Wagtail's reference index; the block gets a dict whose keys are the updates held back,
    ``(SEARCH or REFERENCES, app_label, model_name, pk)``, each once, for the caller to carry out
    when the work is done (:func:`queue_index_updates`). A block inside another gets an empty
    dict: the outer block's caller carries them out. Objects other than pages (snippets, images)
    go into the search index as they are saved, as modelsearch does it; deletions reach both
    indexes at once."""
    turn_off, already_off = _reference_index_switch()
    if _held() is not None or already_off:
        yield {}
        return
    updates = _collecting.updates = {}
    try:
        with turn_off():
            yield updates
    finally:
        del _collecting.updates


def _held_back_by_model(updates, kind):
    """[(model, pks)] of the held-back updates of this kind."""
    by_model = {}
    for update_kind, app_label, model_name, pk in updates:
        if update_kind == kind:
            by_model.setdefault((app_label, model_name), []).append(pk)
    return [(apps.get_model(*label), pks) for label, pks in by_model.items()]


def held_back_objects(updates, kind=SEARCH):
    """The objects of held-back updates of this kind that still exist (one query per model)."""
    objects = []
    for model, pks in _held_back_by_model(updates, kind):
        objects += model._default_manager.filter(pk__in=pks).order_by("pk")
    return objects


def queue_index_updates(updates, kinds=(SEARCH, REFERENCES)):
    """Queue the held-back updates of :func:`collected_index_updates` (of these kinds), once per
    object that still exists (the task loads the object itself: only the keys are read here)."""
    from wagtail.tasks import update_reference_index_task  # loads models, as above

    for kind in kinds:
        for model, pks in _held_back_by_model(updates, kind):
            existing = model._default_manager.filter(pk__in=pks).values_list("pk", flat=True)
            for pk in sorted(existing):
                if kind == SEARCH:
                    queue_index_update(model._meta.app_label, model._meta.model_name, pk)
                else:
                    update_reference_index_task.enqueue(
                        model._meta.app_label, model._meta.model_name, str(pk)
                    )


@contextmanager
def references_kept(update_fields):
    """Around a page's save: Wagtail's reference index is not updated for a save of the draft
    bookkeeping only (it records no reference those fields hold)."""
    turn_off, already_off = _reference_index_switch()
    if already_off or not is_draft_bookkeeping(update_fields):
        yield
        return
    with turn_off():
        yield


def connect_signals():
    """Connect the search index's handlers for every indexed GezondIn page model (each sets
    ``search_auto_update = False``; modelsearch connects its own for the other models)."""
    from gezondin.models.pages import BasePage  # the models load after the apps

    for model in apps.get_models():
        if issubclass(model, BasePage) and class_is_indexed(model):
            uid = f"gezondin-index-{model._meta.label_lower}"
            post_save.connect(index_page, sender=model, dispatch_uid=uid)
            post_delete.connect(post_delete_signal_handler, sender=model, dispatch_uid=uid)
    post_save.connect(hold_back_references, dispatch_uid="gezondin-hold-back-references")
    post_delete.connect(remove_references_at_once, dispatch_uid="gezondin-remove-references")
