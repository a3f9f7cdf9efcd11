"""Choosing municipalities in the admin with a searchable autocomplete (docs/publishing.md).

A ``<select>`` (multiple for a page's ``gemeenten``, single for a ``gemeente`` foreign key) that
a small Stimulus controller (``gezondin/admin/autocomplete.js``, registered with Wagtail's own
Stimulus application) turns into a combobox: type a few letters of the name, the common name
("Den Haag"), the CBS code or the province, choose with the arrow keys and Enter or the mouse;
what is chosen stays listed above the field, each with a button to remove it. Without
JavaScript the select itself stays, so nothing depends on the script.

Wagtail 8 has no autocomplete for a many-to-many field of its own (its chooser is for one foreign
key, its tag widget for tags), and Django admin's autocomplete needs a ModelAdmin and staff
status; the 342 municipalities are few enough to search in the browser, without a server
round-trip per keystroke.

:func:`register` makes it the widget of every foreign key and many-to-many field to
:class:`~gezondin.models.Gemeente` in Wagtail's admin forms (gezondin/wagtail_hooks.py). For a
foreign key it takes the place of Wagtail's snippet chooser (whose widget the Gemeente snippets
don't register): one way of choosing everywhere, and one that municipal editors may use, who have
no permissions on the Gemeente snippets that the chooser's modal asks for.

:class:`TermCheckboxes` labels a page's vocabulary terms in the editor's admin language.
"""

from django import forms
from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.forms.models import register_form_field_override

from gezondin.models import Gemeente
from gezondin.terms import term_names

STATIC = "gezondin/admin/"


class GemeenteAutocompleteMixin:
    """What both widgets share: the controller, its texts, and what each option is found by.

    The options are written in the template of gezondin.forms.GemeenteSelect: Django's own
    renders each of the 342 municipalities through two includes, which made a third of the
    time the editor of a practice took to open."""

    template_name = "gezondin/widgets/gemeente_select.html"

    def __init__(self, attrs=None, choices=()):
        texts = {
            "placeholder": _("Typ een naam, CBS-code of provincie"),
            "chosen": _("Gekozen"),
            "nothing-chosen": _("Nog niets gekozen."),
            "remove": _("%(name)s verwijderen"),
            "added": _("%(name)s gekozen."),
            "removed": _("%(name)s verwijderd."),
            "results": _("%(count)s resultaten; kies met pijl omlaag en Enter."),
            "one-result": _("1 resultaat; kies met pijl omlaag en Enter."),
            "no-results": _("Geen gemeente gevonden."),
        }
        defaults = {"data-controller": "gz-autocomplete"}
        defaults.update({f"data-gz-autocomplete-{key}-value": text for key, text in texts.items()})
        super().__init__({**defaults, **(attrs or {})}, choices)

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        gemeente = getattr(value, "instance", None)
        if isinstance(gemeente, Gemeente):
            option["search"] = " ".join(
                str(part)
                for part in (
                    gemeente.name,
                    gemeente.display_name,
                    gemeente.cbs_code,
                    gemeente.get_provincie_display(),
                )
                if part
            )
            if not gemeente.is_active:
                option["label"] = _("%(name)s (bestaat niet meer)") % {"name": label}
        return option

    @property
    def media(self):
        return forms.Media(
            js=[f"{STATIC}autocomplete.js"], css={"all": [f"{STATIC}autocomplete.css"]}
        )


class GemeenteAutocomplete(GemeenteAutocompleteMixin, forms.Select):
    """One municipality (a foreign key)."""


class GemeentenAutocomplete(GemeenteAutocompleteMixin, forms.SelectMultiple):
    """Several municipalities (a many-to-many field)."""


def _many_to_many_override(db_field):
    if db_field.related_model is Gemeente:
        return {"widget": GemeentenAutocomplete}
    return None


def register():
    """Use the autocomplete for every link to a municipality in Wagtail's admin forms.

    A panel that names its own widget (``FieldPanel("gemeenten", widget=...)``) keeps it.
    """
    register_form_field_override(
        models.ForeignKey, to=Gemeente, override={"widget": GemeenteAutocomplete}
    )
    register_form_field_override(ParentalManyToManyField, override=_many_to_many_override)
    register_form_field_override(
        models.ManyToManyField, override=_many_to_many_override, exact_class=True
    )


class TermCheckboxes(forms.CheckboxSelectMultiple):
    """Checkboxes of a vocabulary's terms (a page's themes, target groups, ...), each labelled in
    the language the admin speaks to the editor. The terms chosen are the default language's
    (the slugs are shared by every language), so their own names are Dutch; a term without a
    translation keeps that name."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        term = getattr(value, "instance", None)
        if term is not None and hasattr(term, "slug"):
            names = term_names(type(term), get_language() or settings.LANGUAGE_CODE)
            label = names.get(term.slug, label)
        return super().create_option(name, value, label, selected, index, subindex, attrs)
