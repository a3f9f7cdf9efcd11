"""Admin for harvesting: the sources (under Settings) and the rule that shared copies are
read-only. Registered in kennisbank/wagtail_hooks.py.

Only superusers add, change or delete sources: a source makes this server fetch URLs (the
harvester then fetches only public addresses, see kennisbank/harvest/network.py, but which sites
are trusted is an administrator's decision). Whoever has the view permission on "bron voor
gedeelde praktijkvoorbeelden" (the national editors get it) sees the sources and their reports.
A group given add, change or delete on sources gains nothing from it.

"Nu ophalen" (the source's inspect page, POST only) queues the harvest of that source as a
task (kennisbank/harvest/tasks.py); only those who may change the source (superusers) see and use
it. The inspect page shows the last harvest's summary in the reader's language.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import InspectView, SnippetViewSet

from gezondin.admin_search import DatabaseSearchMixin
from kennisbank.harvest.models import HarvestSource, SharedCopy
from kennisbank.harvest.tasks import harvest_source

MANAGING_ACTIONS = {"add", "change", "delete"}


class HarvestSourcePermissionPolicy(ModelPermissionPolicy):
    """Model permissions, except that only active superusers add, change or delete."""

    def user_has_permission(self, user, action):
        if action in MANAGING_ACTIONS:
            return bool(user.is_active and user.is_superuser)
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        viewing = [action for action in actions if action not in MANAGING_ACTIONS]
        users = super().users_with_any_permission(viewing)
        if len(viewing) < len(actions):
            users = users | get_user_model().objects.filter(is_active=True, is_superuser=True)
        return users


# Registered before the viewset asks for the model's policy (wagtail_hooks imports this first).
register_permission_policy(HarvestSource, HarvestSourcePermissionPolicy(HarvestSource))


def may_harvest(user) -> bool:
    """Who may start a harvest from the admin: who may change sources (superusers)."""
    return HarvestSourcePermissionPolicy(HarvestSource).user_has_permission(user, "change")


class HarvestSourceInspectView(InspectView):
    """The source with its last harvest's summary and the "Nu ophalen" button."""

    template_name = "kennisbank/admin/harvestsource_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["source"] = self.object
        if may_harvest(self.request.user):
            context["harvest_url"] = reverse(
                "wagtailsnippets_kennisbank_harvestsource:harvest", args=[self.object.pk]
            )
        return context


@require_POST
def harvest_now(request, pk):
    """Queue the harvest of one source (a task: the worker runs it, or at once without one)."""
    if not may_harvest(request.user):
        raise PermissionDenied
    source = get_object_or_404(HarvestSource, pk=pk)
    inspect = reverse("wagtailsnippets_kennisbank_harvestsource:inspect", args=[source.pk])
    if not source.is_active:
        messages.error(
            request,
            _("%(source)s is niet actief. Zet de bron eerst op actief om haar op te halen.")
            % {"source": source.name},
        )
        return redirect(inspect)
    harvest_source.enqueue(source.pk)
    messages.success(request, _("Ophalen van %(source)s is ingepland.") % {"source": source.name})
    return redirect(inspect)


class HarvestSourceViewSet(DatabaseSearchMixin, SnippetViewSet):
    model = HarvestSource
    icon = "download"
    menu_label = gettext_lazy("Gedeelde bronnen")
    add_to_settings_menu = True
    list_display = ["name", "base_url", "is_active", "last_harvested_at", "last_status"]
    list_filter = ["is_active", "last_status"]
    search_fields = ["name", "base_url"]
    ordering = ["name"]
    inspect_view_enabled = True
    inspect_view_class = HarvestSourceInspectView
    inspect_view_fields = [
        "name",
        "base_url",
        "is_active",
        "created",
        "last_harvested_at",
        "last_status",
        "last_report",
    ]
    copy_view_enabled = False

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("harvest/<int:pk>/", harvest_now, name="harvest"),
        ]


def refuse_to_edit_shared_copy(request, page):
    """before_edit_page: a shared copy is kept up to date by the harvester only; editors are
    sent back with a pointer to the original. Unpublishing and deleting stay possible."""
    copy = SharedCopy.objects.filter(page_id=page.pk).select_related("source").first()
    if copy is None:
        return None
    messages.warning(
        request,
        _(
            "‘%(title)s’ is gedeeld vanuit %(source)s en kan hier niet worden bewerkt: het "
            "ophalen houdt deze kopie gelijk aan het origineel. Pas het origineel aan bij de bron. "
            "Depubliceren of verwijderen kan wel; de kopie komt dan niet terug."
        )
        % {"title": page.title, "source": copy.source.name},
        buttons=[messages.button(copy.original_url, _("Origineel bekijken"), new_window=True)],
    )
    parent = page.get_parent()
    return redirect("wagtailadmin_explore", parent.pk if parent else page.pk)


def refuse_to_delete_sources_with_copies(request, instances):
    """before_delete_snippet (single and bulk): a source with shared copies stays, so every copy
    keeps its attribution; make it inactive to stop harvesting it."""
    sources = [instance for instance in instances if isinstance(instance, HarvestSource)]
    if not sources:
        return None
    with_copies = [source for source in sources if source.copies.exists()]
    if not with_copies:
        return None
    messages.error(
        request,
        _(
            "%(sources)s heeft nog gedeelde kopieën en kan niet worden verwijderd. Zet de bron "
            "op inactief om haar niet meer op te halen, of verwijder eerst de kopieën."
        )
        % {"sources": ", ".join(str(source) for source in with_copies)},
    )
    return redirect("wagtailsnippets_kennisbank_harvestsource:list")
