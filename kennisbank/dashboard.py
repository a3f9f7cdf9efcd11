"""A municipal editor's start in the admin (docs/publishing.md, "Mijn gemeente").

- The dashboard panel "Mijn gemeente" (:class:`MijnGemeentePanel`): per municipality the editor
  works for, a button to add a practice in their section, what came back from review with the
  reviewer's comment, what is in review, and their own drafts, each linking to its edit view.
- The page explorer in the menu starts at their section (:func:`explorer_at_section`).
- Practices shared by visitors without an account (kennisbank/share.py) are listed under
  "Ingestuurd door bezoekers": in "Mijn gemeente" for the section's editors, and in a panel of
  their own for national editors (the national inbox and every section).

Wagtail starts the explorer at the user's "explorable root": the closest common ancestor of the
pages they have permissions on. A municipal editor has them on their GemeentePage in every
language, and every language has its own tree, so that ancestor is the tree's root, above both
home pages. The permission policy stays as it is (it decides what they may browse to, and the
other language's section must stay reachable); only where the menu opens changes.

National editors and superusers see neither: they already have Wagtail's "awaiting your review"
panel, and their explorer starts at the root of everything they edit.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Exists, IntegerField, OuterRef, Q
from django.db.models.functions import Cast
from django.urls import reverse
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.sidebar import PageExplorerMenuItem
from wagtail.models import Page, WorkflowState, get_default_page_content_type

from gezondin.roles import is_national_editor
from kennisbank import share
from kennisbank.models import GemeentePage, PraktijkInzending
from kennisbank.publishing import sections_of

# How many pages each list of the panel shows (the newest first).
LIST_LIMIT = 10


@dataclass
class Section:
    """One municipality's section as the panel shows it."""

    page: GemeentePage
    """The section in the active language (else another language's)."""
    add_url: str
    explore_url: str
    returned: list[WorkflowState]
    in_review: list[WorkflowState]
    drafts: list[Page]
    submitted: list[PraktijkInzending]
    """"Ingestuurd door bezoekers": confirmed submissions whose draft was never published."""


def _below(pages: list[GemeentePage]) -> Q:
    below = Q(pk__in=[])
    for page in pages:
        below |= Q(path__startswith=page.path, depth__gt=page.depth)
    return below


def _section(pages: list[GemeentePage], user) -> Section:
    page = pages[0]
    below = _below(pages)
    states = (
        WorkflowState.objects.active()
        .filter(
            Q(base_content_type_id=get_default_page_content_type().id),
            Exists(
                Page.objects.filter(
                    below, id=Cast(OuterRef("object_id"), output_field=IntegerField())
                )
            ),
        )
        .select_related("current_task_state", "requested_by")
        .prefetch_related("content_object")
        .order_by("-current_task_state__started_at")
    )
    returned = list(states.filter(status=WorkflowState.STATUS_NEEDS_CHANGES)[:LIST_LIMIT])
    in_review = list(states.filter(status=WorkflowState.STATUS_IN_PROGRESS)[:LIST_LIMIT])
    in_workflow = states.values_list("object_id", flat=True)
    drafts = list(
        Page.objects.filter(below, has_unpublished_changes=True)
        .filter(Q(owner=user) | Q(latest_revision__user=user))
        .exclude(pk__in=[int(pk) for pk in in_workflow])
        .order_by("-latest_revision_created_at")[:LIST_LIMIT]
    )
    return Section(
        page=page,
        add_url=reverse(
            "wagtailadmin_pages:add", args=["kennisbank", "praktijkvoorbeeldpage", page.pk]
        ),
        explore_url=reverse("wagtailadmin_explore", args=[page.pk]),
        returned=[state for state in returned if state.content_object],
        in_review=[state for state in in_review if state.content_object],
        drafts=drafts,
        submitted=list(share.waiting(share.below(pages))[:LIST_LIMIT]),
    )


class MijnGemeentePanel(Component):
    """The dashboard panel "Mijn gemeente" (added by kennisbank/wagtail_hooks.py)."""

    name = "mijn_gemeente"
    template_name = "kennisbank/admin/mijn_gemeente_panel.html"
    order = 50  # first: above Wagtail's site summary (100) and workflow panels (200+)

    class Media:
        css = {"all": ["kennisbank/admin/mijn-gemeente.css"]}

    def __init__(self, sections: list[list[GemeentePage]]):
        self.sections = sections

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        user = parent_context["request"].user
        context["sections"] = [_section(pages, user) for pages in self.sections]
        return context


class IngestuurdPanel(Component):
    """The dashboard panel "Ingestuurd door bezoekers" for national editors: the practices
    shared without an account whose drafts were never published, in the national inbox and in
    every section (kennisbank/share.py). Municipal editors see their own in "Mijn gemeente"."""

    name = "ingestuurd_door_bezoekers"
    template_name = "kennisbank/admin/ingestuurd_panel.html"
    order = 60

    class Media:
        css = {"all": ["kennisbank/admin/mijn-gemeente.css"]}

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["submitted"] = list(share.waiting()[:LIST_LIMIT])
        return context


def ingestuurd_panel(user):
    """The panel for national editors (None for everyone else)."""
    return IngestuurdPanel() if is_national_editor(user) else None


def explorer_start(user) -> Page | None:
    """Where a municipal editor's page explorer opens: their section in the active language, or
    (editing several municipalities) the overview above those sections. None for everyone else."""
    sections = sections_of(user)
    if not sections:
        return None
    pages = [pages[0] for pages in sections]
    if len(pages) == 1:
        return pages[0]
    return Page.objects.first_common_ancestor_of(pages, include_self=True, strict=True)


class SectionExplorerMenuItem(MenuItem):
    """Wagtail's "Pages" menu item, opening at ``start_page`` instead of the explorable root."""

    def __init__(self, item: MenuItem, start_page: Page):
        super().__init__(
            item.label,
            reverse("wagtailadmin_explore", args=[start_page.pk]),
            name=item.name,
            classname=item.classname,
            icon_name=item.icon_name,
            attrs=item.attrs,
            order=item.order,
        )
        self.start_page = start_page

    def render_component(self, request):
        return PageExplorerMenuItem(
            self.name,
            self.label,
            self.url,
            self.start_page.pk,
            icon_name=self.icon_name,
            classname=self.classname,
        )


def explorer_at_section(request, menu_items: list[MenuItem]) -> None:
    """construct_main_menu: a municipal editor's explorer opens at their section."""
    start_page = explorer_start(request.user)
    if start_page is None:
        return
    for position, item in enumerate(menu_items):
        if item.name == "explorer":
            menu_items[position] = SectionExplorerMenuItem(item, start_page)
