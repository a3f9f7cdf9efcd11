"""Keep translations of a kennisbank item linked to the same terms and municipalities.

wagtail-localize translates text, not many-to-many links. The links point at the default
language's terms (shared by every translation through their slug), so when an item in the default
language is published its links are copied to its translations.
"""

from django.conf import settings
from django.db import transaction
from wagtail.signals import page_published

from kennisbank.models import VOCABULARY_FIELDS, KennisPage

LINKED_FIELDS = [*VOCABULARY_FIELDS.values(), "gemeenten"]


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
            through = KennisPage._meta.get_field(field).remote_field.through
            target = next(
                f.attname
                for f in through._meta.get_fields()
                if f.many_to_one and f.related_model is not KennisPage
            )
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


def connect():
    page_published.connect(copy_links_to_translations, dispatch_uid="kennisbank-copy-links")
