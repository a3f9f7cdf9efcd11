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


class EvaluationForm(forms.Form):
    """The evaluation after an activity: a score from 1 to 5 (a radio group) and an open
    question. Each field gets ``aria-describedby`` pointing at its hint and error, like the
    sign-up form."""

    score = forms.TypedChoiceField(
        label=_("Hoe waardeert u deze activiteit?"),
        choices=[
            (1, _("1 – slecht")),
            (2, _("2 – matig")),
            (3, _("3 – voldoende")),
            (4, _("4 – goed")),
            (5, _("5 – uitstekend")),
        ],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies een waardering van 1 tot 5."),
            "invalid_choice": _("Kies een waardering van 1 tot 5."),
        },
    )
    comment = forms.CharField(
        label=_("Wat wilt u de organisatie nog meegeven? (niet verplicht)"),
        help_text=_("Wat werkte goed, wat kan beter? Noem geen namen van anderen."),
        required=False,
        max_length=2000,
        error_messages={
            "max_length": _(
                "Uw opmerking is te lang: gebruik hoogstens %(limit_value)d tekens (nu "
                "%(show_value)d)."
            ),
        },
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "evaluatie-%s")
        super().__init__(*args, **kwargs)
        self._describe_fields()

    def full_clean(self):
        super().full_clean()
        self._describe_fields()

    def _describe_fields(self):
        errors = self._errors or {}
        for name, field in self.fields.items():
            if isinstance(field.widget, forms.RadioSelect):
                continue  # described on its fieldset (the template)
            described_by = []
            if field.help_text:
                described_by.append(f"{self[name].auto_id}-hint")
            if name in errors:
                described_by.append(f"{self[name].auto_id}-error")
                field.widget.attrs["aria-invalid"] = "true"
            else:
                field.widget.attrs.pop("aria-invalid", None)
            if described_by:
                field.widget.attrs["aria-describedby"] = " ".join(described_by)
            else:
                field.widget.attrs.pop("aria-describedby", None)
