"""The harvest of one source as a background task (Django's tasks framework, django-tasks
backport), for the scheduled run: ``manage.py harvest --all --enqueue`` from cron queues one task
per active source and a worker (``manage.py db_worker``) runs them."""

from django_tasks import task

from kennisbank.harvest.harvester import harvest
from kennisbank.harvest.models import HarvestSource


@task()
def harvest_source(source_id: int) -> dict:
    """Harvest the source with this id (if it still exists and is active); returns the counts.
    The full report is stored on the source."""
    source = HarvestSource.objects.filter(pk=source_id, is_active=True).first()
    if source is None:
        return {"status": "skipped", "reason": "no such active source"}
    return harvest(source).counts()
