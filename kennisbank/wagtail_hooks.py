"""Kennisbank admin: setting up a municipality's section from the Gemeente listing, and a
municipal editor's start (the dashboard panel "Mijn gemeente", the explorer at their section).

The Gemeente snippets are registered in gezondin/wagtail_hooks.py; this module adds an
action to their listing ("Gemeente inrichten") and the admin view behind it, which calls
:func:`kennisbank.publishing.setup_gemeente`. Only superusers and national editors
(GezondIn-redactie) see and may use it. The start is in kennisbank/dashboard.py.
"""

from urllib.parse import urlencode

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import NoReverseMatch, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet

from gezondin.models import Gemeente
from gezondin.roles import GEMEENTE_GROUP_PREFIX, is_national_editor, page_chooser_queryset
from kennisbank.dashboard import MijnGemeentePanel, explorer_at_section, ingestuurd_panel
from kennisbank.harvest.admin import (
    HarvestSourceViewSet,
    refuse_to_delete_sources_with_copies,
    refuse_to_edit_shared_copy,
)
from kennisbank.publishing import (
    GEMEENTE_COLLECTION_PREFIX,
    WORKFLOW_NAME,
    SetupError,
    sections_of,
    setup_gemeente,
)

SETUP_URL_NAME = "kennisbank_setup_gemeente"


def gemeente_listing_url():
    try:
        return reverse("wagtailsnippets_gezondin_gemeente:list")
    except NoReverseMatch:  # the host site did not register the Gemeente snippets
        return reverse("wagtailadmin_home")


def may_set_up(user) -> bool:
    """Memoised on the user object: the listing asks once per row."""
    cached = getattr(user, "_kennisbank_may_set_up", None)
    if cached is None:
        cached = is_national_editor(user)
        user._kennisbank_may_set_up = cached
    return cached


class SetupGemeenteForm(forms.Form):
    confirm = forms.BooleanField(label=gettext_lazy("Ja, richt deze gemeente in"), required=True)

    def __init__(self, *args, gemeente, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["confirm"].help_text = _(
            "Maakt wat nog ontbreekt: de gemeentepagina in elke taal (gepubliceerd), de groep "
            "‘%(group)s’, die alleen daaronder pagina's mag toevoegen en bewerken, de map "
            "‘%(collection)s’ voor afbeeldingen en documenten, en de workflow ‘%(workflow)s’, "
            "zodat de landelijke redactie alles beoordeelt voordat het live gaat. Wat al bestaat, "
            "blijft zoals het is. Voeg daarna de redacteuren van de gemeente toe aan de groep."
        ) % {
            "group": f"{GEMEENTE_GROUP_PREFIX}{gemeente.label}",
            "collection": f"{GEMEENTE_COLLECTION_PREFIX}{gemeente.label}",
            "workflow": WORKFLOW_NAME,
        }


class SetupGemeenteView(WagtailAdminTemplateMixin, FormView):
    """Confirm (GET) and run (POST) the setup of one municipality."""

    template_name = "wagtailadmin/generic/form.html"
    form_class = SetupGemeenteForm
    header_icon = "home"
    page_title = gettext_lazy("Gemeente inrichten")

    def dispatch(self, request, *args, **kwargs):
        if not may_set_up(request.user):
            raise PermissionDenied
        self.gemeente = get_object_or_404(Gemeente, pk=kwargs["pk"])
        self.next_url = get_valid_next_url_from_request(request)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "gemeente": self.gemeente}

    def get_page_subtitle(self):
        return self.gemeente.label

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": gemeente_listing_url(), "label": _("Gemeenten")},
            {"url": "", "label": self.get_page_title(), "sublabel": self.gemeente.label},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        action_url = reverse(SETUP_URL_NAME, args=[self.gemeente.pk])
        if self.next_url:
            action_url += "?" + urlencode({"next": self.next_url})
        context.update(
            action_url=action_url,
            submit_button_label=_("Inrichten"),
            submit_button_active_label=_("Bezig met inrichten…"),
        )
        return context

    def form_valid(self, form):
        try:
            result = setup_gemeente(self.gemeente, user=self.request.user)
        except SetupError as error:
            form.add_error(None, str(error))
            messages.error(self.request, str(error))
            return self.form_invalid(form)

        values = {"gemeente": self.gemeente.label, "group": result.group.name}
        if result.changed:
            message = _(
                "%(gemeente)s is ingericht. Voeg de redacteuren van de gemeente toe aan de groep "
                "‘%(group)s’."
            )
        else:
            message = _("%(gemeente)s was al ingericht; er is niets veranderd.")
        default_page = next(iter(result.pages.values()))
        messages.success(
            self.request,
            message % values,
            buttons=[
                messages.button(
                    reverse("wagtailadmin_explore", args=[default_page.pk]), _("Pagina's")
                ),
                messages.button(
                    reverse("wagtailusers_groups:edit", args=[result.group.pk]), _("Groep")
                ),
            ],
        )
        return redirect(self.next_url or gemeente_listing_url())


@hooks.register("register_admin_urls")
def register_setup_gemeente_url():
    return [
        path(
            "kennisbank/gemeenten/<int:pk>/inrichten/",
            SetupGemeenteView.as_view(),
            name=SETUP_URL_NAME,
        )
    ]


@hooks.register("register_snippet_listing_buttons")
def setup_gemeente_listing_button(snippet, user, next_url=None):
    if not isinstance(snippet, Gemeente) or not snippet.is_active or not may_set_up(user):
        return []
    url = reverse(SETUP_URL_NAME, args=[snippet.pk])
    if next_url:
        url += "?" + urlencode({"next": next_url})
    return [Button(_("Gemeente inrichten"), url, icon_name="group", priority=50)]


@hooks.register("construct_page_chooser_queryset")
def restrict_page_chooser(pages, request):
    """Editors choose among live pages and the pages they may edit (docs/publishing.md)."""
    return page_chooser_queryset(pages, request.user)


# Harvesting: the sources under Settings, and shared copies are read-only (kennisbank/harvest).
register_snippet(HarvestSourceViewSet)
hooks.register("before_edit_page", refuse_to_edit_shared_copy)
hooks.register("before_delete_snippet", refuse_to_delete_sources_with_copies)


# A municipal editor's start: the dashboard panel "Mijn gemeente" and the explorer opening at
# their section (kennisbank/dashboard.py).
hooks.register("construct_main_menu", explorer_at_section)


@hooks.register("construct_homepage_panels")
def add_mijn_gemeente_panel(request, panels):
    sections = sections_of(request.user)
    if sections:
        panels.append(MijnGemeentePanel(sections))


@hooks.register("construct_homepage_panels")
def add_ingestuurd_panel(request, panels):
    """National editors: the practices visitors shared (kennisbank/share.py)."""
    panel = ingestuurd_panel(request.user)
    if panel is not None:
        panels.append(panel)
