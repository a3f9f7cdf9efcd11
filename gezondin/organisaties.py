"""Organisations in the admin: local partners of a municipality, and merging duplicates
(docs/publishing.md, "Lokale partners").

- **Local partners.** Municipal editors may add organisations (a housing corporation, a GGD
  department) and edit the ones of their own municipality: :class:`OrganisatieForm` lets them
  choose only their municipality (and requires it), :func:`refuse_to_edit_others` sends them
  back from anyone else's. National organisations (no municipality) stay with the national
  editors. The permissions themselves come with a municipality's setup
  (kennisbank.publishing.setup_gemeente).
- **Merging duplicates.** National editors merge one organisation into another
  (:class:`MergeOrganisatieView`, a button on each row of the listing): every reference to the
  duplicate, in every model and in the saved revisions of pages, moves to the one kept, and the
  duplicate is deleted, in one transaction (:func:`merge_organisaties`).
- **The partner chooser** (:class:`OrganisatieChooserViewSet`): a municipal editor sees their own
  municipality's organisations and the national ones, never another municipality's local
  partners, and makes a new local partner in the chooser itself (the tab "Nieuwe organisatie",
  with the same form and rules as the listing's "add").
"""

from __future__ import annotations

from django import forms
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import FormView
from modelcluster.fields import ParentalKey
from wagtail.admin import messages
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import Button
from wagtail.models import Page, ReferenceIndex, Revision
from wagtail.search import index
from wagtail.snippets.views.chooser import SnippetCreateView
from wagtail.snippets.widgets import AdminSnippetChooser

from gezondin import terms
from gezondin.admin_search import (
    DatabaseSearchChooseResultsView,
    DatabaseSearchChooserViewSet,
    DatabaseSearchChooseView,
)
from gezondin.models import Organisatie
from gezondin.roles import gemeenten_of, is_national_editor

MERGE_URL_NAME = "gezondin_merge_organisatie"


def listing_url():
    try:
        return reverse("wagtailsnippets_gezondin_organisatie:list")
    except NoReverseMatch:  # the host site did not register the Organisatie snippets
        return reverse("wagtailadmin_home")


# Local partners ----------------------------------------------------------------------------------


def may_edit(user, organisatie: Organisatie) -> bool:
    """National editors edit every organisation; a municipal editor those of their municipality."""
    if is_national_editor(user):
        return True
    return organisatie.gemeente_id is not None and organisatie.gemeente_id in gemeenten_of(user)


class OrganisatieForm(WagtailAdminModelForm):
    """A municipal editor's organisation belongs to their municipality: they choose among their
    own municipalities only (the one, when they edit for one) and cannot leave it empty."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        field = self.fields.get("gemeente")
        if user is None or field is None or is_national_editor(user):
            return
        own = gemeenten_of(user)
        field.queryset = field.queryset.filter(pk__in=own)
        field.required = True
        field.error_messages = {
            **field.error_messages,
            "required": _("Kies uw gemeente: een lokale partner hoort bij een gemeente."),
            "invalid_choice": _(
                "U kunt alleen partners van uw eigen gemeente toevoegen; kies uw gemeente."
            ),
        }
        field.help_text = _(
            "Een lokale partner hoort bij uw gemeente. Landelijke organisaties voegt de "
            "landelijke redactie toe."
        )
        if self.instance.pk is None and len(own) == 1:
            field.initial = next(iter(own))


def choosable(user, queryset=None):
    """The organisations ``user`` may choose as a partner: every one for national editors; for a
    municipal editor the national ones and their own municipality's local partners."""
    queryset = Organisatie.objects.all() if queryset is None else queryset
    if is_national_editor(user):
        return queryset
    return queryset.filter(Q(gemeente__isnull=True) | Q(gemeente__in=gemeenten_of(user)))


class OrganisatieCreationForm(OrganisatieForm):
    """The chooser's "Nieuwe organisatie": the listing's form, for the chooser's modal."""

    class Meta:
        model = Organisatie
        fields = ["name", "sector", "website", "gemeente"]


class _PartnerChooserMixin:
    """The chooser's lists hold what the user may choose; its form knows who fills it in."""

    def get_object_list(self):
        return choosable(self.request.user, super().get_object_list())

    def get_creation_form_kwargs(self):
        return {**super().get_creation_form_kwargs(), "for_user": self.request.user}


class OrganisatieChooseView(_PartnerChooserMixin, DatabaseSearchChooseView):
    pass


class OrganisatieChooseResultsView(_PartnerChooserMixin, DatabaseSearchChooseResultsView):
    pass


class OrganisatieCreateView(_PartnerChooserMixin, SnippetCreateView):
    pass


class OrganisatieChooserViewSet(DatabaseSearchChooserViewSet):
    choose_view_class = OrganisatieChooseView
    choose_results_view_class = OrganisatieChooseResultsView
    create_view_class = OrganisatieCreateView
    creation_form_class = OrganisatieCreationForm
    creation_tab_label = gettext_lazy("Nieuwe organisatie")
    create_action_label = gettext_lazy("Organisatie toevoegen")
    create_action_clicked_label = gettext_lazy("Bezig met toevoegen…")


def refuse_to_edit_others(request, instance):
    """before_edit_snippet: a municipal editor edits only their own municipality's partners."""
    if not isinstance(instance, Organisatie) or may_edit(request.user, instance):
        return None
    messages.error(
        request,
        _(
            "‘%(name)s’ is geen lokale partner van uw gemeente; alleen de landelijke redactie kan "
            "deze organisatie aanpassen."
        )
        % {"name": instance.name},
    )
    return redirect(listing_url())


# Merging duplicates ------------------------------------------------------------------------------


class MergeError(Exception):
    """The organisations cannot be merged (the same one twice)."""


def _relations():
    """(model, field name) of every foreign key to Organisatie."""
    found = []
    # Hidden ones too: most keys to an organisation have no reverse accessor (related_name="+").
    for relation in Organisatie._meta.get_fields(include_hidden=True):
        if not (relation.is_relation and relation.auto_created and not relation.concrete):
            continue
        if relation.many_to_many:  # none today; a new one must be added here, not skipped
            raise NotImplementedError(f"merging does not move {relation} yet")
        found.append((relation.related_model, relation.field.name))
    return found


def _owner(obj):
    """The object whose references and search entry include ``obj``: a page's partner row
    (an inline, with a ParentalKey) belongs to its page."""
    for field in obj._meta.concrete_fields:
        if isinstance(field, ParentalKey):
            return getattr(obj, field.name)
    return obj


def usage_count(organisatie: Organisatie) -> int:
    return sum(
        model._base_manager.filter(**{name: organisatie}).count() for model, name in _relations()
    )


def _revision_content_types(relations):
    """The content types whose revisions may hold an Organisatie's id: the models with a key to
    it, the pages a child row with such a key belongs to, and their subclasses."""
    holders = set()
    for model, _name in relations:
        holders.add(model)
        for field in model._meta.concrete_fields:
            if isinstance(field, ParentalKey):
                holders.add(field.related_model)
    models = [model for model in apps.get_models() if issubclass(model, tuple(holders))]
    return ContentType.objects.get_for_models(*models, for_concrete_models=False).values()


def _replace(value, keys, old, new) -> bool:
    """Replace ``old`` by ``new`` under ``keys`` anywhere in a revision's content."""
    changed = False
    if isinstance(value, dict):
        for key, item in value.items():
            if key in keys and item == old:
                value[key] = new
                changed = True
            elif isinstance(item, dict | list):
                changed |= _replace(item, keys, old, new)
    elif isinstance(value, list):
        for item in value:
            changed |= _replace(item, keys, old, new)
    return changed


def _move_in_revisions(relations, old: int, new: int) -> None:
    """Drafts and earlier revisions name organisations by id: publishing or reverting one must
    not bring back (or fail on) the deleted duplicate."""
    keys = {name for _model, name in relations}
    revisions = Revision.objects.filter(content_type__in=_revision_content_types(relations))
    for revision in revisions.only("pk", "content").iterator(chunk_size=500):
        if _replace(revision.content, keys, old, new):
            Revision.objects.filter(pk=revision.pk).update(content=revision.content)


@transaction.atomic
def merge_organisaties(duplicate: Organisatie, keep: Organisatie) -> int:
    """Move every reference to ``duplicate`` to ``keep`` and delete ``duplicate``; returns how
    many references moved. All or nothing: one transaction."""
    if duplicate.pk == keep.pk:
        raise MergeError(_("Kies een andere organisatie om te bewaren."))
    relations = _relations()
    owners = []
    moved = 0
    for model, name in relations:
        rows = model._base_manager.filter(**{name: duplicate})
        owners += [_owner(row) for row in rows]
        moved += rows.update(**{name: keep})
    _move_in_revisions(relations, duplicate.pk, keep.pk)
    duplicate.delete()

    def refresh():
        for owner in {(type(owner), owner.pk): owner for owner in owners}.values():
            fresh = type(owner)._base_manager.get(pk=owner.pk)
            if isinstance(fresh, Page):
                fresh = fresh.specific
            if ReferenceIndex.is_indexed(type(fresh)):
                ReferenceIndex.create_or_update_for_object(fresh)
            index.insert_or_update_object(fresh)
        terms.invalidate_results()

    transaction.on_commit(refresh)
    return moved


class MergeForm(forms.Form):
    keep = forms.ModelChoiceField(
        queryset=Organisatie.objects.all(),
        widget=AdminSnippetChooser(Organisatie),
        label=gettext_lazy("Bewaar deze organisatie"),
        help_text=gettext_lazy(
            "Alles wat naar de dubbele organisatie verwijst, gaat naar deze; daarna wordt de "
            "dubbele verwijderd."
        ),
    )
    confirm = forms.BooleanField(
        label=gettext_lazy("Ja, voeg samen en verwijder de dubbele organisatie"), required=True
    )

    def __init__(self, *args, duplicate, **kwargs):
        super().__init__(*args, **kwargs)
        self.duplicate = duplicate

    def clean_keep(self):
        keep = self.cleaned_data["keep"]
        if keep.pk == self.duplicate.pk:
            raise forms.ValidationError(
                _("Dat is de dubbele organisatie zelf; kies de organisatie die blijft.")
            )
        return keep


class MergeOrganisatieView(WagtailAdminTemplateMixin, FormView):
    """Choose (GET) and merge (POST) the organisation kept for a duplicate."""

    template_name = "wagtailadmin/generic/form.html"
    form_class = MergeForm
    header_icon = "group"
    page_title = gettext_lazy("Organisatie samenvoegen")

    def dispatch(self, request, *args, **kwargs):
        if not is_national_editor(request.user):
            raise PermissionDenied
        self.duplicate = get_object_or_404(Organisatie, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "duplicate": self.duplicate}

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        count = usage_count(self.duplicate)
        form.fields["confirm"].help_text = ngettext(
            "‘%(name)s’ wordt %(count)s keer gebruikt; die verwijzing gaat naar de organisatie "
            "die u bewaart.",
            "‘%(name)s’ wordt %(count)s keer gebruikt; die verwijzingen gaan naar de "
            "organisatie die u bewaart.",
            count,
        ) % {"name": self.duplicate.name, "count": count}
        return form

    def get_page_subtitle(self):
        return self.duplicate.name

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": listing_url(), "label": _("Organisaties")},
            {"url": "", "label": self.get_page_title(), "sublabel": self.duplicate.name},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            media=context["form"].media,
            action_url=reverse(MERGE_URL_NAME, args=[self.duplicate.pk]),
            submit_button_label=_("Samenvoegen"),
            submit_button_active_label=_("Bezig met samenvoegen…"),
        )
        return context

    def form_valid(self, form):
        keep = form.cleaned_data["keep"]
        name = self.duplicate.name
        try:
            moved = merge_organisaties(self.duplicate, keep)
        except MergeError as error:
            form.add_error("keep", str(error))
            return self.form_invalid(form)
        messages.success(
            self.request,
            ngettext(
                "‘%(duplicate)s’ is samengevoegd met ‘%(keep)s’: %(count)s verwijzing is "
                "verplaatst en ‘%(duplicate)s’ is verwijderd.",
                "‘%(duplicate)s’ is samengevoegd met ‘%(keep)s’: %(count)s verwijzingen zijn "
                "verplaatst en ‘%(duplicate)s’ is verwijderd.",
                moved,
            )
            % {"duplicate": name, "keep": keep.name, "count": moved},
        )
        return redirect(listing_url())


def merge_listing_button(snippet, user, next_url=None):
    """register_snippet_listing_buttons: "Samenvoegen" on each organisation, national only."""
    if not isinstance(snippet, Organisatie) or not is_national_editor(user):
        return []
    url = reverse(MERGE_URL_NAME, args=[snippet.pk])
    return [Button(_("Samenvoegen"), url, icon_name="resubmit", priority=60)]
