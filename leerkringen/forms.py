"""The public sign-up form: only what is needed, with specific messages for every mistake."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

# HONEYPOT_FIELD, GemeenteChoiceField and GemeenteSelect: this module's public names, now shared.
from gezondin.forms import (  # noqa: F401
    HONEYPOT_FIELD,
    GemeenteChoiceField,
    GemeenteSelect,
    PublicForm,
)
from gezondin.models import Gemeente


class SignupForm(PublicForm):
    """Name, e-mail, organisation, municipality (optional), role (optional), consent.

    ``website`` is the honeypot of gezondin.forms.PublicForm, which also gives each field
    ``aria-describedby`` pointing at its hint and error, and ``aria-invalid`` when it has an
    error.
    """

    name = forms.CharField(
        label=_("Naam"),
        max_length=200,
        error_messages={
            "required": _("Vul uw naam in."),
            "max_length": _("Uw naam is te lang: gebruik hoogstens 200 tekens."),
        },
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("E-mailadres"),
        max_length=254,
        help_text=_("Hierheen sturen we de link om uw aanmelding te bevestigen."),
        error_messages={
            "required": _("Vul uw e-mailadres in."),
            "invalid": _("Vul een geldig e-mailadres in, zoals naam@gemeente.nl."),
            "max_length": _("Dit e-mailadres is te lang."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    organisation = forms.CharField(
        label=_("Organisatie"),
        max_length=200,
        help_text=_("Bijvoorbeeld ‘Gemeente Utrecht’ of ‘GGD Twente’."),
        error_messages={
            "required": _("Vul de organisatie in waar u werkt."),
            "max_length": _("De naam van de organisatie is te lang: gebruik hoogstens 200 tekens."),
        },
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    gemeente = GemeenteChoiceField(
        label=_("Gemeente (niet verplicht)"),
        # In the order of the names people know (display name, else the official name).
        queryset=Gemeente.objects.active().by_known_name(),
        required=False,
        to_field_name="cbs_code",
        widget=GemeenteSelect,
        empty_label=_("Geen gemeente of niet van toepassing"),
        help_text=_("De gemeente waarvoor u werkt."),
        error_messages={"invalid_choice": _("Kies een gemeente uit de lijst.")},
    )
    role = forms.CharField(
        label=_("Functie (niet verplicht)"),
        max_length=200,
        required=False,
        help_text=_("Bijvoorbeeld ‘beleidsmedewerker gezondheid’."),
        error_messages={
            "max_length": _("De functie is te lang: gebruik hoogstens 200 tekens."),
        },
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
    )
    consent = forms.BooleanField(
        label=_(
            "Ik geef toestemming om mijn gegevens te gebruiken voor deze aanmelding, zoals "
            "beschreven in de privacyverklaring."
        ),
        error_messages={
            "required": _(
                "Geef toestemming voor het gebruik van uw gegevens; zonder kunnen we u niet "
                "aanmelden."
            )
        },
    )
    # The order of the error summary.
    field_order = ["name", "email", "organisation", "gemeente", "role", "consent", "website"]

    def __init__(self, *args, max_per_gemeente=None, **kwargs):
        kwargs.setdefault("auto_id", "aanmelden-%s")
        super().__init__(*args, **kwargs)
        if max_per_gemeente:
            self.fields["gemeente"].help_text = ngettext(
                "De gemeente waarvoor u werkt. Per gemeente is er hoogstens %(count)s plaats.",
                "De gemeente waarvoor u werkt. Per gemeente zijn er hoogstens %(count)s plaatsen.",
                max_per_gemeente,
            ) % {"count": max_per_gemeente}
        self._describe_fields()
