"""The kennisbank's admin forms.

A practice (PraktijkvoorbeeldPage) may be saved as a draft with anything missing, but submitting
it for review or publishing it needs what a reader needs: an introduction, the approach, a theme
and a target group, the municipality, a reachable contact (or none), and for a claimed
recognition the link to the recognised intervention (docs/publishing.md).

Wagtail validates a draft save with deferred validation: its edit and create views call
``defer_required_fields()`` on the form before ``is_valid()`` only when the action is "save
draft" (autosave included), which sets ``is_deferred_validation``. Every other action (publish,
submit, restart or approve in the workflow) validates fully, so the checks below run exactly
when the page is about to go to a reviewer or to the public.
"""

from django.db.models import Model
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from wagtail import blocks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.rich_text import RichText


def _is_empty_rich_text(html) -> bool:
    """A rich text field with no words in it (Draftail leaves "<p></p>" behind)."""
    return not strip_tags(html or "").replace("&nbsp;", " ").strip()


def has_content(block, value) -> bool:
    """Whether a StreamField block's value says anything to a reader: a paragraph without words,
    a quote or call-out left empty is nothing, whatever its settings (a heading level, a kind of
    call-out) say."""
    if value is None:
        return False
    if isinstance(block, blocks.ChoiceBlock | blocks.BooleanBlock):
        return False  # a setting, not content
    if isinstance(value, RichText):
        return not _is_empty_rich_text(value.source)
    if isinstance(block, blocks.StreamBlock):
        return any(has_content(child.block, child.value) for child in value)
    if isinstance(block, blocks.ListBlock):
        return any(has_content(block.child_block, item) for item in value)
    if isinstance(block, blocks.StructBlock):
        return any(
            has_content(child_block, value.get(name))
            for name, child_block in block.child_blocks.items()
        )
    if isinstance(value, str):
        return bool(strip_tags(value).strip())
    if isinstance(value, Model):
        return True  # an image, a document, a page
    return bool(value) and not isinstance(value, int | float)


def section_gemeente_id(parent_page):
    """The municipality of the section a page is (to be) placed in, or None."""
    if parent_page is None:
        return None
    return getattr(parent_page.specific_deferred, "gemeente_id", None)


class PraktijkvoorbeeldForm(WagtailAdminPageForm):
    """The admin form of a practice: a new practice in a municipality's section starts with that
    municipality, and submitting or publishing refuses an incomplete practice, with a message on
    each missing field (everything typed stays in the form)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        gemeente_id = section_gemeente_id(self.parent_page)
        if (
            gemeente_id is not None
            and self.instance._state.adding
            and not self.is_bound
            and "gemeenten" in self.fields
        ):
            self.initial["gemeenten"] = [gemeente_id]

    def clean(self):
        cleaned_data = super().clean()
        if not self.is_deferred_validation:
            for field, message in self.missing_for_readers(cleaned_data):
                if field in self.fields and field not in self.errors:
                    self.add_error(field, message)
        return cleaned_data

    def missing_for_readers(self, data):
        """(field, message) for each thing a reader needs that the practice lacks."""
        missing = []
        if _is_empty_rich_text(data.get("intro")):
            missing.append(
                (
                    "intro",
                    _(
                        "Schrijf een korte inleiding: die lezen mensen als eerste, ook in de "
                        "zoekresultaten."
                    ),
                )
            )
        approach = data.get("approach")
        if approach is None or not has_content(approach.stream_block, approach):
            missing.append(
                ("approach", _("Beschrijf de aanpak: wat is er gedaan, hoe en door wie?"))
            )
        if not data.get("themas"):
            missing.append(
                (
                    "themas",
                    _("Kies ten minste één thema, zodat mensen dit voorbeeld kunnen vinden."),
                )
            )
        if not data.get("doelgroepen"):
            missing.append(
                (
                    "doelgroepen",
                    _("Kies ten minste één doelgroep: voor wie is deze aanpak bedoeld?"),
                )
            )
        missing += self._missing_gemeente(data.get("gemeenten"))
        missing += self._missing_contact(data)
        if self._meta.model.is_erkenning_claim(data.get("erkenning")) and not data.get(
            "intervention_url"
        ):
            missing.append(
                (
                    "intervention_url",
                    _(
                        "Bij een erkenning hoort de link naar de beschrijving van de erkende "
                        "interventie in de databank, zodat de redactie de erkenning kan "
                        "controleren. Kies anders ‘Niet beoordeeld’."
                    ),
                )
            )
        return missing

    def _missing_gemeente(self, gemeenten):
        chosen = list(gemeenten or [])
        section_id = section_gemeente_id(self.parent_page)
        if section_id is not None and section_id not in {gemeente.pk for gemeente in chosen}:
            gemeente_model = self._meta.model._meta.get_field("gemeenten").related_model
            section = gemeente_model.objects.filter(pk=section_id).first()
            return [
                (
                    "gemeenten",
                    _(
                        "Kies ook de gemeente %(gemeente)s: dit voorbeeld staat in de sectie "
                        "van die gemeente."
                    )
                    % {"gemeente": section.label if section else section_id},
                )
            ]
        if not chosen:
            return [("gemeenten", _("Kies de gemeente (of gemeenten) waar dit speelt."))]
        return []

    def _missing_contact(self, data):
        name = (data.get("contact_name") or "").strip()
        reachable = data.get("contact_email") or (data.get("contact_phone") or "").strip()
        if name and not reachable:
            return [
                (
                    "contact_email",
                    _(
                        "Geef een e-mailadres of telefoonnummer bij het contact, of laat het "
                        "contact helemaal leeg."
                    ),
                )
            ]
        if reachable and not name:
            return [
                (
                    "contact_name",
                    _(
                        "Geef bij het e-mailadres of telefoonnummer een functie, team of naam, "
                        "of laat het contact helemaal leeg."
                    ),
                )
            ]
        return []
