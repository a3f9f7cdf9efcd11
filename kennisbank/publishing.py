"""Who may publish what: the national editors, one editorial group per municipality, and the
review workflow between them.

Roles (see docs/publishing.md):

- **GezondIn-redactie** (national editors) may add, edit, publish and delete pages in the GezondIn
  tree of every locale, manage the snippets (vocabularies, gemeenten, organisaties) and the images
  and documents, unlock locked logins (when django-axes is installed), and they review what
  municipal editors submit. They see the harvest sources but don't manage them (superusers
  only: a source makes the server fetch URLs).
- **Redactie <gemeente>** (municipal editors) may add and edit pages only in their own
  municipality's section (its GemeentePage, in every locale), and add organisations as local
  partners of their municipality (gezondin/organisaties.py). They have no publish permission, so
  their "publish" is "submit for moderation": the workflow "Gemeentelijke publicatie", assigned to
  each GemeentePage, sends the page to the national editors' task "Redactionele toets". They
  may translate their section's pages (wagtail-localize's "submit translation", held to their
  section by gezondin.translation_rights); a translation is a draft until it is published.

Wagtail has no page permission "delete": deleting follows from edit plus publish. Municipal
editors can therefore delete a draft in their section that never went live, but never a published
page (nor unpublish one); that stays with the national editors.

Every locale has its own page tree (wagtail-localize), so page permissions and workflow links are
given on each locale's page, never on the default language's page alone.

Everything here is idempotent: objects are looked up by name (groups, workflow, task, collection)
or by page, created only when missing, and never overwritten, so running the setup again changes
nothing and keeps what administrators changed by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.coreutils import find_available_slug
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.permissions import page_permission_policy

from gezondin.models import (
    VOCABULARIES,
    Gemeente,
    HomePage,
    Organisatie,
    section_page_models,
)
from gezondin.roles import GEMEENTE_GROUP_PREFIX, NATIONAL_GROUP_NAME, is_national_editor
from kennisbank.harvest.models import HarvestSource
from kennisbank.models import GemeenteIndexPage, GemeentePage

# Names are lookup keys (the setup finds its objects again by them), so they are not translated.
# The group names are in gezondin.roles.
WORKFLOW_NAME = "Gemeentelijke publicatie"
TASK_NAME = "Redactionele toets"
GEMEENTE_COLLECTION_PREFIX = "Gemeente "

# Page permissions (codenames of wagtailcore.Page permissions).
NATIONAL_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "bulk_delete_page",
    "lock_page",
    "unlock_page",
]
# No publish_page (their publish becomes "submit for moderation"), no bulk_delete_page, no lock or
# unlock (a lock held by a municipal editor would block the reviewers).
GEMEENTE_PAGE_PERMISSIONS = ["add_page", "change_page"]

# National editors manage the vocabularies, municipalities and organisations. The other GezondIn
# sites whose practices are harvested they may only view: a source makes this server fetch URLs,
# so only superusers add, change or delete sources (kennisbank/harvest/admin.py enforces it).
SNIPPET_MODELS = [*VOCABULARIES, Gemeente, Organisatie]
SNIPPET_ACTIONS = ["add", "change", "delete", "view"]
VIEW_ONLY_SNIPPET_MODELS = [HarvestSource]

NATIONAL_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "delete_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "delete_document"),
    ("wagtaildocs", "choose_document"),
]
# Municipal editors add local partners and edit their municipality's own (gezondin/organisaties.py
# scopes the editing); deleting and merging stay with the national editors.
GEMEENTE_MODEL_PERMISSIONS = [
    ("gezondin", "add_organisatie"),
    ("gezondin", "change_organisatie"),
    ("gezondin", "view_organisatie"),
]
# On the municipality's own collection: upload (and edit what they uploaded themselves) and choose.
GEMEENTE_OWN_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
]
# On the root collection: choose any image or document for their pages.
GEMEENTE_ROOT_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "choose_document"),
]


class SetupError(Exception):
    """The site is not ready for a municipality's section (or the municipality can't have one)."""


@dataclass
class SetupResult:
    """What :func:`setup_gemeente` found or made."""

    pages: dict[str, GemeentePage]
    """The municipality's GemeentePage per language code, default language first."""
    group: Group
    created_pages: list[GemeentePage] = field(default_factory=list)
    created_group: bool = False
    collection: Collection | None = None
    created_collection: bool = False

    @property
    def changed(self) -> bool:
        return bool(self.created_pages or self.created_group or self.created_collection)


# Small helpers -----------------------------------------------------------------------------------


def _permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _page_permission(codename: str) -> Permission:
    return Permission.objects.get(
        content_type=ContentType.objects.get_for_model(Page), codename=codename
    )


def _grant_page_permissions(group: Group, page: Page, codenames: list[str]) -> None:
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=_page_permission(codename)
        )


def _grant_collection_permissions(
    group: Group, collection: Collection, permissions: list[tuple[str, str]]
) -> None:
    for app_label, codename in permissions:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=_permission(app_label, codename)
        )


def _write(stdout: Any, message: str) -> None:
    if stdout is not None:
        stdout.write(message)


# National editors and the workflow ---------------------------------------------------------------


def _national_pages() -> list[Page]:
    """Where the national editors' page permissions go: every GezondIn home page, and every
    section page that is not below one (a section a host site put in its own tree)."""
    homes = list(HomePage.objects.order_by("path"))
    sections = Page.objects.type(*section_page_models()).order_by("path")
    for home in homes:
        sections = sections.exclude(path__startswith=home.path)
    return [*homes, *sections]


def ensure_national_editors() -> Group:
    """The group GezondIn-redactie with its permissions; adds what is missing, removes nothing.

    Page permissions go on every GezondIn home page, i.e. on the root of each locale's tree, and
    not on Wagtail's tree root: GezondIn may run inside a host site whose other pages are none of
    the national editors' business. In such a site, without a GezondIn home page, they go on each
    of the plugin's sections (kennisbank, agenda, overview of municipalities) instead. A locale
    or section added later is covered the next time this runs (:func:`setup_gemeente` calls it,
    and so does the demo loader).
    """
    group, _created = Group.objects.get_or_create(name=NATIONAL_GROUP_NAME)

    wanted = [_permission("wagtailadmin", "access_admin")]
    for model in SNIPPET_MODELS:
        content_type = ContentType.objects.get_for_model(model)
        wanted += Permission.objects.filter(
            content_type=content_type,
            codename__in=[f"{action}_{model._meta.model_name}" for action in SNIPPET_ACTIONS],
        )
    for model in VIEW_ONLY_SNIPPET_MODELS:
        wanted.append(_permission(model._meta.app_label, f"view_{model._meta.model_name}"))
    # Optional: wagtail-localize's "submit translation" (absent when it is not installed).
    wanted += Permission.objects.filter(
        content_type__app_label="wagtail_localize", codename="submit_translation"
    )
    # Optional: unlocking logins that django-axes locked (Settings → Inlogblokkades).
    wanted += Permission.objects.filter(
        content_type__app_label="axes",
        codename__in=["view_accessattempt", "delete_accessattempt"],
    )
    group.permissions.add(*wanted)

    for page in _national_pages():
        _grant_page_permissions(group, page, NATIONAL_PAGE_PERMISSIONS)

    _grant_collection_permissions(
        group, Collection.get_first_root_node(), NATIONAL_COLLECTION_PERMISSIONS
    )
    return group


def ensure_workflow() -> Workflow:
    """The workflow "Gemeentelijke publicatie": one task "Redactionele toets" for the national
    editors. Found by name; reactivated (with its task) when someone deactivated it."""
    national = ensure_national_editors()

    task = GroupApprovalTask.objects.filter(name=TASK_NAME).order_by("pk").first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    elif not task.active:
        task.active = True
        task.save(update_fields=["active"])
    task.groups.add(national)

    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).order_by("pk").first()
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW_NAME)
    elif not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        WorkflowTask.objects.create(
            workflow=workflow, task=task, sort_order=workflow.workflow_tasks.count()
        )
    return workflow


# A municipality's section ------------------------------------------------------------------------


def _index_pages() -> dict[str, GemeenteIndexPage]:
    """The overview of municipalities per language code, default language first.

    The translations must be translations of the default language's overview (same translation
    key): a municipality's page in another language is made by copying for translation, which
    puts it under the translation of its parent.
    """
    default_locale = Locale.get_default()
    default_index = GemeenteIndexPage.objects.filter(locale=default_locale).order_by("path").first()
    if default_index is None:
        raise SetupError(
            _(
                "Er is nog geen overzicht van gemeenten (GemeenteIndexPage) in de taal "
                "‘%(language)s’. Maak die eerst aan onder de homepage."
            )
            % {"language": default_locale.language_code}
        )
    indexes = {default_locale.language_code: default_index}
    for locale in Locale.objects.exclude(pk=default_locale.pk).order_by("language_code"):
        translation = default_index.get_translation_or_none(locale)
        if translation is None:
            raise SetupError(
                _(
                    "Er is geen overzicht van gemeenten (GemeenteIndexPage) in de taal "
                    "‘%(language)s’. Vertaal eerst de pagina ‘%(title)s’ naar die taal; elke "
                    "taal heeft een eigen paginaboom, dus ook een eigen gemeentepagina."
                )
                % {"language": locale.language_code, "title": default_index.title}
            )
        indexes[locale.language_code] = translation.specific
    return indexes


def _check_gemeente(gemeente: Gemeente) -> None:
    if not gemeente.is_active:
        successor = gemeente.successor
        if successor is not None:
            message = _(
                "Gemeente %(gemeente)s (%(code)s) bestaat niet meer; zij is opgegaan in "
                "%(successor)s (%(successor_code)s). Richt die gemeente in."
            ) % {
                "gemeente": gemeente.label,
                "code": gemeente.cbs_code,
                "successor": successor.label,
                "successor_code": successor.cbs_code,
            }
        else:
            message = _("Gemeente %(gemeente)s (%(code)s) bestaat niet meer.") % {
                "gemeente": gemeente.label,
                "code": gemeente.cbs_code,
            }
        raise SetupError(message)


def _publish(page: Page, user) -> Page:
    """Publish ``page`` and return it fresh from the database (publishing saves a copy)."""
    page.save_revision(user=user, log_action=True).publish(user=user)
    return type(page).objects.get(pk=page.pk)


def _ensure_pages(
    gemeente: Gemeente, indexes: dict[str, GemeenteIndexPage], user, stdout
) -> tuple[dict[str, GemeentePage], list[GemeentePage]]:
    label = gemeente.label
    languages = list(indexes)
    default_language = languages[0]
    default_index = indexes[default_language]
    pages: dict[str, GemeentePage] = {}
    created: list[GemeentePage] = []

    page = GemeentePage.objects.filter(gemeente=gemeente, locale=default_index.locale).first()
    if page is None:
        page = GemeentePage(
            title=label,
            slug=find_available_slug(default_index, slugify(label)),
            gemeente=gemeente,
            locale=default_index.locale,
            owner=user,
            live=False,
        )
        default_index.add_child(instance=page)
        page = _publish(page, user)
        created.append(page)
        _write(stdout, f"  GemeentePage ‘{label}’ [{default_language}]: created and published")
    else:
        _write(stdout, f"  GemeentePage ‘{page.title}’ [{default_language}]: already present")
    pages[default_language] = page

    for language in languages[1:]:
        index = indexes[language]
        translation = page.get_translation_or_none(index.locale) or (
            # Made by hand in this language (another translation key): use it.
            GemeentePage.objects.filter(gemeente=gemeente, locale=index.locale).first()
        )
        if translation is not None:
            translation = translation.specific
            _write(stdout, f"  GemeentePage ‘{translation.title}’ [{language}]: already present")
        else:
            translation = page.copy_for_translation(index.locale).specific
            translation = _publish(translation, user)
            created.append(translation)
            _write(
                stdout, f"  GemeentePage ‘{translation.title}’ [{language}]: created and published"
            )
        pages[language] = translation
    return pages, created


def _find_group(gemeente: Gemeente, default_page: GemeentePage) -> Group | None:
    """The municipality's group by name, else (after a rename) the group editing its section."""
    group = Group.objects.filter(name=f"{GEMEENTE_GROUP_PREFIX}{gemeente.label}").first()
    if group is not None:
        return group
    return (
        Group.objects.filter(
            name__startswith=GEMEENTE_GROUP_PREFIX,
            page_permissions__page=default_page,
            page_permissions__permission=_page_permission("add_page"),
        )
        .order_by("pk")
        .first()
    )


def _find_collection(gemeente: Gemeente, group: Group) -> Collection | None:
    root = Collection.get_first_root_node()
    name = f"{GEMEENTE_COLLECTION_PREFIX}{gemeente.label}"
    collection = root.get_children().filter(name=name).first()
    if collection is not None:
        return collection
    return (
        Collection.objects.filter(
            depth__gt=root.depth,
            group_permissions__group=group,
            group_permissions__permission=_permission("wagtailimages", "add_image"),
        )
        .order_by("path")
        .first()
    )


def setup_gemeente(
    gemeente: Gemeente, *, stdout=None, user=None, workflow: Workflow | None = None
) -> SetupResult:
    """Give a municipality its own section and editorial group (idempotent).

    - its GemeentePage under the overview of municipalities in every locale, default language
      first, translations copied from it so that they share a translation key; new pages are
      published, existing ones left as they are;
    - the group "Redactie <label>": admin access, add and edit pages (no publish) on each
      locale's GemeentePage, translate those pages (wagtail-localize), upload and choose images
      and documents in the collection "Gemeente <label>", choose them anywhere, add
      organisations and edit their own local partners;
    - the workflow "Gemeentelijke publicatie" on each GemeentePage, so what they submit goes to
      the national editors' review.

    ``stdout`` (optional) receives a line per object; ``user`` (optional) owns the new pages and
    their first revisions; ``workflow`` (optional) is what :func:`ensure_workflow` returned, for
    a caller that sets up many municipalities at once (it checks the national editors' group
    and every permission it holds: about 60 queries). Raises :class:`SetupError` when the site
    lacks an overview of municipalities in some locale or the municipality no longer exists.
    """
    _check_gemeente(gemeente)
    label = gemeente.label
    with transaction.atomic():
        indexes = _index_pages()
        if workflow is None:
            workflow = ensure_workflow()
        _write(stdout, f"{label} ({gemeente.cbs_code})")
        pages, created_pages = _ensure_pages(gemeente, indexes, user, stdout)

        group = _find_group(gemeente, pages[next(iter(pages))])
        created_group = group is None
        if group is None:
            group = Group.objects.create(name=f"{GEMEENTE_GROUP_PREFIX}{label}")
        _write(
            stdout,
            f"  Group ‘{group.name}’: {'created' if created_group else 'already present'}",
        )
        group.permissions.add(
            _permission("wagtailadmin", "access_admin"),
            *(_permission(app, codename) for app, codename in GEMEENTE_MODEL_PERMISSIONS),
        )
        # Optional: translate their section's pages (wagtail-localize's permission, held to
        # their section by gezondin.translation_rights).
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="wagtail_localize", codename="submit_translation"
            )
        )
        for page in pages.values():
            _grant_page_permissions(group, page, GEMEENTE_PAGE_PERMISSIONS)

        root = Collection.get_first_root_node()
        collection = _find_collection(gemeente, group)
        created_collection = collection is None
        if collection is None:
            collection = root.add_child(
                instance=Collection(name=f"{GEMEENTE_COLLECTION_PREFIX}{label}")
            )
        _write(
            stdout,
            f"  Collection ‘{collection.name}’: "
            f"{'created' if created_collection else 'already present'}",
        )
        _grant_collection_permissions(group, collection, GEMEENTE_OWN_COLLECTION_PERMISSIONS)
        _grant_collection_permissions(group, root, GEMEENTE_ROOT_COLLECTION_PERMISSIONS)

        for language, page in pages.items():
            link, link_created = WorkflowPage.objects.get_or_create(
                page=page, defaults={"workflow": workflow}
            )
            if not link_created and link.workflow_id != workflow.pk:
                # Chosen by an administrator: keep it (it still means review).
                _write(
                    stdout,
                    f"  Workflow [{language}]: keeps ‘{link.workflow.name}’ "
                    f"(not ‘{workflow.name}’)",
                )

    return SetupResult(
        pages=pages,
        group=group,
        created_pages=created_pages,
        created_group=created_group,
        collection=collection,
        created_collection=created_collection,
    )


# Whose section is it ------------------------------------------------------------------------------


def sections_of(user) -> list[list[GemeentePage]]:
    """The municipal sections ``user`` edits as a municipal editor: per municipality the
    GemeentePages (one per language) they may add pages under, the active language's page first.

    Empty for national editors and superusers: they edit everywhere, so no section is theirs.
    Found from the user's page permissions (``add_page`` on a GemeentePage), not from group
    names, so a renamed group or a hand-made permission counts the same.
    """
    if not getattr(user, "is_authenticated", False) or is_national_editor(user):
        return []
    page_ids = {
        permission.page_id
        for permission in page_permission_policy.get_cached_permissions_for_user(user)
        if permission.permission.codename == "add_page"
    }
    if not page_ids:
        return []
    active = Locale.get_active()
    pages = GemeentePage.objects.filter(pk__in=page_ids).select_related("gemeente", "locale")
    by_gemeente: dict[int, list[GemeentePage]] = {}
    for page in sorted(pages, key=lambda page: (page.locale_id != active.pk, page.path)):
        by_gemeente.setdefault(page.gemeente_id, []).append(page)
    return sorted(by_gemeente.values(), key=lambda pages: pages[0].gemeente.label)
