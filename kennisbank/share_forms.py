"""The public form "Praktijk delen" (kennisbank/share.py): the sections of a practice as plain
text, the municipality, the partners, and the submitter's own contact with their consent. Every
mistake has a message of its own; the honeypot and the field descriptions come from
gezondin.forms.PublicForm."""

from django import forms
from django.utils.translation import gettext_lazy as _

from gezondin.forms import GemeenteChoiceField, GemeenteSelect, PublicForm
from gezondin.models import Gemeente

SECTION_MAX = 5000
SHORT_MAX = 1000


def _too_long(limit):
    return _("Deze tekst is te lang: gebruik hoogstens %(limit)s tekens.") % {"limit": limit}


def _text(label, *, required=False, help_text="", limit=SECTION_MAX, required_message="", rows=5):
    messages = {"max_length": _too_long(limit)}
    if required_message:
        messages["required"] = required_message
    return forms.CharField(
        label=label,
        required=required,
        max_length=limit,
        help_text=help_text,
        error_messages=messages,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class PraktijkDelenForm(PublicForm):
    title = forms.CharField(
        label=_("Naam van de aanpak"),
        max_length=200,
        help_text=_(
            "Kort en herkenbaar, bijvoorbeeld ‘Huisbezoeken bij schulden in Tilburg-Noord’."
        ),
        error_messages={
            "required": _("Geef uw praktijkvoorbeeld een naam."),
            "max_length": _("De naam is te lang: gebruik hoogstens 200 tekens."),
        },
    )
    gemeente = GemeenteChoiceField(
        label=_("Gemeente"),
        queryset=Gemeente.objects.active().by_known_name(),
        to_field_name="cbs_code",
        widget=GemeenteSelect,
        empty_label=_("Kies een gemeente"),
        help_text=_("De gemeente waar de aanpak loopt of liep."),
        error_messages={
            "required": _("Kies de gemeente waar de aanpak loopt."),
            "invalid_choice": _("Kies een gemeente uit de lijst."),
        },
    )
    intro = _text(
        _("Samenvatting"),
        required=True,
        limit=SHORT_MAX,
        rows=3,
        help_text=_("In twee of drie zinnen: wat deed u, voor wie, met welk resultaat?"),
        required_message=_("Schrijf een korte samenvatting."),
    )
    background = _text(
        _("Aanleiding"),
        required=True,
        help_text=_("Het lokale probleem: de wijk, de mensen, wat er speelde."),
        required_message=_("Beschrijf de aanleiding: wat speelde er?"),
    )
    goal = _text(
        _("Doel"),
        required=True,
        rows=3,
        required_message=_("Beschrijf het doel van de aanpak."),
    )
    approach = _text(_("Aanpak"), help_text=_("Wat deed u, stap voor stap?"))
    working_elements = _text(_("Werkzame elementen"), help_text=_("Wat maakte het verschil?"))
    results = _text(_("Resultaten"))
    monitoring = _text(_("Monitoring"), help_text=_("Hoe zijn de resultaten gevolgd of gemeten?"))
    lessons = _text(_("Lessen en tips"), help_text=_("Ook wat tegenviel helpt anderen."))
    needs_team = _text(_("Team en mensen"), limit=SHORT_MAX, rows=2)
    needs_time = _text(_("Tijd"), limit=SHORT_MAX, rows=2)
    needs_budget = _text(_("Budget"), limit=SHORT_MAX, rows=2)
    funding = _text(_("Financiering"), limit=SHORT_MAX, rows=2)
    partners = _text(
        _("Partners"),
        limit=SHORT_MAX,
        rows=3,
        help_text=_(
            "Eén organisatie per regel, eventueel met hun rol na een dubbele punt, bijvoorbeeld "
            "‘GGD Hart voor Brabant: voert de huisbezoeken uit’."
        ),
    )

    name = forms.CharField(
        label=_("Uw naam"),
        max_length=200,
        error_messages={
            "required": _("Vul uw naam in."),
            "max_length": _("Uw naam is te lang: gebruik hoogstens 200 tekens."),
        },
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Uw e-mailadres"),
        max_length=254,
        help_text=_("Hierheen sturen we de link om uw inzending te bevestigen."),
        error_messages={
            "required": _("Vul uw e-mailadres in."),
            "invalid": _("Vul een geldig e-mailadres in, zoals naam@gemeente.nl."),
            "max_length": _("Dit e-mailadres is te lang."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    organisation = forms.CharField(
        label=_("Uw organisatie"),
        max_length=200,
        help_text=_("Bijvoorbeeld ‘Gemeente Utrecht’ of ‘GGD Twente’."),
        error_messages={
            "required": _("Vul de organisatie in waar u werkt."),
            "max_length": _("De naam van de organisatie is te lang: gebruik hoogstens 200 tekens."),
        },
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    phone = forms.CharField(
        label=_("Telefoon (niet verplicht)"),
        max_length=40,
        required=False,
        error_messages={"max_length": _("Dit telefoonnummer is te lang.")},
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    contact_public = forms.BooleanField(
        label=_(
            "Mijn naam, e-mailadres en telefoonnummer mogen als contact bij het "
            "praktijkvoorbeeld staan, zodat collega's mij kunnen bereiken."
        ),
        required=False,
    )
    consent = forms.BooleanField(
        label=_(
            "Ik geef toestemming om mijn gegevens te gebruiken voor deze inzending, zoals "
            "beschreven in de privacyverklaring."
        ),
        error_messages={
            "required": _(
                "Geef toestemming voor het gebruik van uw gegevens; zonder kunnen we uw "
                "inzending niet verwerken."
            )
        },
    )

    # The order of the error summary: the order on the page.
    field_order = [
        "title",
        "gemeente",
        "intro",
        "background",
        "goal",
        "approach",
        "working_elements",
        "results",
        "monitoring",
        "lessons",
        "needs_team",
        "needs_time",
        "needs_budget",
        "funding",
        "partners",
        "name",
        "email",
        "organisation",
        "phone",
        "contact_public",
        "consent",
        "website",
    ]
    # The fieldsets of the page's sections (kennisbank/share/form.html).
    practice_fields = field_order[3:10]
    needs_fields = field_order[10:14]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "delen-%s")
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        for name, value in list(cleaned.items()):
            if isinstance(value, str):
                cleaned[name] = value.strip()
        return cleaned
