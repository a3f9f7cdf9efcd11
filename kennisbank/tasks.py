"""Background work of the kennisbank (Django's tasks framework, django-tasks backport): immediate
in development and tests, the worker (``manage.py db_worker``) in production."""

from django_tasks import task
from wagtail.models import Locale

from kennisbank import share, word_index
from kennisbank.facet_index import facet_index


@task()
def build_facet_indexes() -> dict:
    """Read every language's facet index and word index for the current generation and put them
    in the cache, so that after a publication the first visitor of the kennisbank finds them
    ready instead of waiting for the read (kennisbank.facet_index, kennisbank.word_index; about a
    second and three seconds at 10,000 practices). A visitor who comes before the worker is done
    reads the facet index as before, and searches with the search backend. The word index is
    always read again: the publication's practice is indexed by a task before this one, and a
    build asked for by a search may have come before that. Returns {locale id: items}."""
    built = {}
    for pk in Locale.objects.values_list("pk", flat=True):
        built[pk] = len(facet_index(pk).ids)
        word_index.build(pk, rebuild=True)
    return built


@task()
def send_inzending_confirmation(inzending_id: int) -> bool:
    """The mail with the confirmation link of a shared practice (kennisbank.share); by id only."""
    return share.send_confirmation(inzending_id)


@task()
def notify_inzending_editors(inzending_id: int) -> int:
    """Tell the editors of a confirmed shared practice's draft (kennisbank.share); by id only."""
    return share.notify_editors(inzending_id)
