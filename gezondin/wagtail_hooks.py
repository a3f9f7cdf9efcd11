from django.apps import apps
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from gezondin import login_protection, organisaties, translation_rights, widgets
from gezondin.admin_search import DatabaseSearchChooserViewSet, DatabaseSearchMixin
from gezondin.models import (
    Doelgroep,
    Domein,
    Gemeente,
    Levensfase,
    Organisatie,
    Pijler,
    Spoor,
    Synoniemen,
    Thema,
)


class VocabularyViewSet(DatabaseSearchMixin, SnippetViewSet):
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name", "slug"]
    ordering = ["sort_order", "name"]


def vocabulary_viewset(vocabulary_model, icon_name):
    return type(
        f"{vocabulary_model.__name__}ViewSet",
        (VocabularyViewSet,),
        {"model": vocabulary_model, "icon": icon_name},
    )


class SynoniemenViewSet(DatabaseSearchMixin, SnippetViewSet):
    """Groups of words that mean the same in a search (gezondin.synonyms), beside the
    vocabularies: the same editors keep the words people search with."""

    model = Synoniemen
    icon = "list-ul"
    menu_label = _("Synoniemen")
    list_display = ["__str__"]
    search_fields = ["words"]
    ordering = ["words"]


class VocabularyGroup(SnippetViewSetGroup):
    menu_label = _("Vocabulaires")
    menu_icon = "tag"
    menu_order = 300
    items = [
        vocabulary_viewset(Thema, "folder-open-inverse"),
        vocabulary_viewset(Spoor, "resubmit"),
        vocabulary_viewset(Pijler, "pick"),
        vocabulary_viewset(Doelgroep, "group"),
        vocabulary_viewset(Domein, "site"),
        vocabulary_viewset(Levensfase, "time"),
        SynoniemenViewSet,
    ]


class GemeenteChooserViewSet(DatabaseSearchChooserViewSet):
    # A key to a municipality is chosen with the autocomplete (gezondin/widgets.py), also by
    # editors without permissions on the Gemeente snippets, whom the chooser's modal would refuse.
    register_widget = False


class GemeenteViewSet(DatabaseSearchMixin, SnippetViewSet):
    model = Gemeente
    chooser_viewset_class = GemeenteChooserViewSet
    icon = "home"
    menu_label = _("Gemeenten")
    list_display = ["name", "display_name", "cbs_code", "provincie", "is_gids", "is_active"]
    list_filter = ["provincie", "is_gids", "is_active"]
    search_fields = ["name", "display_name", "cbs_code"]
    ordering = ["name"]


class OrganisatieViewSet(DatabaseSearchMixin, SnippetViewSet):
    model = Organisatie
    # Municipal editors choose their own and national organisations, and add new ones there.
    chooser_viewset_class = organisaties.OrganisatieChooserViewSet
    icon = "group"
    menu_label = _("Organisaties")
    list_display = ["name", "sector", "gemeente", "website"]
    list_filter = ["sector"]
    search_fields = ["name"]
    # Municipal editors add their local partners (gezondin/organisaties.py).
    edit_handler = ObjectList(Organisatie.panels, base_form_class=organisaties.OrganisatieForm)


class PartnersGroup(SnippetViewSetGroup):
    menu_label = _("Gemeenten en organisaties")
    menu_icon = "home"
    menu_order = 310
    items = [GemeenteViewSet, OrganisatieViewSet]


register_snippet(VocabularyGroup)
register_snippet(PartnersGroup)

# Municipalities are chosen with a searchable autocomplete in admin forms (gezondin/widgets.py).
widgets.register()

# Local partners: municipal editors edit only their own; national editors merge duplicates.
hooks.register("before_edit_snippet", organisaties.refuse_to_edit_others)
hooks.register("register_snippet_listing_buttons", organisaties.merge_listing_button)


@hooks.register("register_admin_urls")
def register_merge_organisatie_url():
    view = organisaties.MergeOrganisatieView.as_view()
    return [
        path(
            "gezondin/organisaties/<int:pk>/samenvoegen/",
            view,
            name=organisaties.MERGE_URL_NAME,
        )
    ]


# wagtail-localize's "translate" and "sync translations" behind the page's own rules (who may
# edit it, add under its parent's translation, publish it): gezondin/translation_rights.py.
# Ordered first, so these URLs come before wagtail-localize's own in the admin's URLconf.
@hooks.register("register_admin_urls", order=-100)
def register_guarded_translation_urls():
    return translation_rights.admin_urls()


# Settings → Inlogblokkades: unlocking accounts and addresses that django-axes locked (only when
# the site uses axes, as the reference site does; see gezondin/login_protection.py).
if apps.is_installed("axes"):

    class LockoutsMenuItem(MenuItem):
        def is_shown(self, request):
            return login_protection.may_unlock(request.user)

    @hooks.register("register_admin_urls")
    def register_lockouts_url():
        view = login_protection.lockouts_view_class().as_view()
        return [path("inlogblokkades/", view, name="gezondin_lockouts")]

    @hooks.register("register_settings_menu_item")
    def register_lockouts_menu_item():
        return LockoutsMenuItem(
            _("Inlogblokkades"), reverse("gezondin_lockouts"), icon_name="lock", order=900
        )
