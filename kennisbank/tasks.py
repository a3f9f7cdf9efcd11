"""Background work of the kennisbank (Django's tasks framework, django-tasks backport): immediate
in development and tests, the worker (``manage.py db_worker``) in production."""

from django_tasks import task
from wagtail.models import Locale

from kennisbank import share
from kennisbank.facet_index import facet_index


@task()
def build_facet_indexes() -> dict:
    """Read every language's facet index for the current generation and put it in the cache, so
    that after a publication the first visitor of the kennisbank finds it ready instead of
    waiting for the read (kennisbank.facet_index; about a second at 10,000 practices). A visitor
    who comes before the worker is done reads it as before. Returns {locale id: items}."""
    return {pk: len(facet_index(pk).ids) for pk in Locale.objects.values_list("pk", flat=True)}


@task()
def send_inzending_confirmation(inzending_id: int) -> bool:
    """The mail with the confirmation link of a shared practice (kennisbank.share); by id only."""
    return share.send_confirmation(inzending_id)


@task()
def notify_inzending_editors(inzending_id: int) -> int:
    """Tell the editors of a confirmed shared practice's draft (kennisbank.share); by id only."""
    return share.notify_editors(inzending_id)
