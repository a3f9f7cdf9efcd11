"""An editor taking a shared copy offline blocks it; publishing it again lifts the block.

The harvester's own publishing and unpublishing (inside ``harvester_writes()``) leaves the flag
alone. Deleting a copy keeps its SharedCopy record (the page link becomes empty), which blocks it
for good; see docs/sharing.md.
"""

from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished


@receiver(page_unpublished, dispatch_uid="kennisbank-harvest-block")
def block_when_an_editor_unpublishes(sender, instance, **kwargs):
    from kennisbank.harvest.models import SharedCopy, harvester_is_writing

    if not harvester_is_writing():
        SharedCopy.objects.filter(page_id=instance.pk, blocked=False).update(blocked=True)


@receiver(page_published, dispatch_uid="kennisbank-harvest-unblock")
def unblock_when_an_editor_publishes(sender, instance, **kwargs):
    from kennisbank.harvest.models import SharedCopy, harvester_is_writing

    if not harvester_is_writing():
        SharedCopy.objects.filter(page_id=instance.pk, blocked=True).update(
            blocked=False, withdrawn=False
        )
