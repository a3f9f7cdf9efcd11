"""An editor taking a shared copy offline blocks it; publishing it again lifts the block.

The harvester's own publishing and unpublishing (inside ``harvester_writes()``) leaves the flag
alone. Deleting a copy keeps its SharedCopy record (the page link becomes empty), which blocks it
for good; see docs/sharing.md. Connected by kennisbank.signals.connect (KennisbankConfig.ready).
"""

from wagtail.signals import page_published, page_unpublished

from kennisbank.harvest.models import SharedCopy, harvester_is_writing


def block_when_an_editor_unpublishes(sender, instance, **kwargs):
    if not harvester_is_writing():
        SharedCopy.objects.filter(page_id=instance.pk, blocked=False).update(blocked=True)


def unblock_when_an_editor_publishes(sender, instance, **kwargs):
    if not harvester_is_writing():
        SharedCopy.objects.filter(page_id=instance.pk, blocked=True).update(
            blocked=False, withdrawn=False
        )


def connect():
    page_unpublished.connect(
        block_when_an_editor_unpublishes, dispatch_uid="kennisbank-harvest-block"
    )
    page_published.connect(
        unblock_when_an_editor_publishes, dispatch_uid="kennisbank-harvest-unblock"
    )
