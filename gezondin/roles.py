"""The editorial roles every GezondIn app knows (see docs/publishing.md).

- **GezondIn-redactie** (``NATIONAL_GROUP_NAME``): the national editors. With superusers they
  may edit and publish everywhere, review what municipal editors submit, set up municipalities
  and see every sign-up (:func:`is_national_editor`).
- **Redactie <gemeente>** (``GEMEENTE_GROUP_PREFIX`` + the municipality's name): a
  municipality's editors, who edit only their own section and submit for review.

The groups and their permissions are made by the kennisbank (kennisbank.publishing, which sets up
the national editors and the municipal sections); this module only names the roles and answers
who holds them, so the core and every app ask the same question the same way.
"""

from django.db.models import Q
from wagtail.models import Page
from wagtail.permissions import page_permission_policy

# Names are lookup keys (the setup finds its groups again by them), so they are not translated.
NATIONAL_GROUP_NAME = "GezondIn-redactie"
GEMEENTE_GROUP_PREFIX = "Redactie "


def is_national_editor(user) -> bool:
    """Superusers and active members of GezondIn-redactie."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name=NATIONAL_GROUP_NAME).exists()


def page_chooser_queryset(pages, user):
    """What the admin's page chooser may show `user`: live pages, and the pages they may edit.

    Without this an editor would see the titles of every draft in the tree, such as another
    municipality's practices that are not published yet. National editors and superusers see
    everything. The filter uses only fields the search index can filter on (``live``, ``path``,
    ``owner``), because the chooser's search applies it before searching.
    """
    if is_national_editor(user):
        return pages
    visible = Q(live=True)
    for permission in page_permission_policy.get_cached_permissions_for_user(user):
        codename = permission.permission.codename
        if codename in ("change_page", "publish_page"):
            visible |= Q(path__startswith=permission.page.path)
        elif codename == "add_page":  # Wagtail lets them edit the pages they added there
            visible |= Q(path__startswith=permission.page.path, owner=user)
    return pages.filter(visible)


def gemeenten_of(user) -> set[int]:
    """The ids of the municipalities whose section ``user`` edits as a municipal editor.

    A section is a page with a ``gemeente`` that the user may add pages under (the kennisbank's
    GemeentePage; the core names no feature app's model). Empty for national editors and
    superusers, who are bound to no municipality. Memoised on the user object for the request.
    """
    cached = getattr(user, "_gezondin_gemeenten", None)
    if cached is not None:
        return cached
    ids: set[int] = set()
    if getattr(user, "is_authenticated", False) and not is_national_editor(user):
        page_ids = [
            permission.page_id
            for permission in page_permission_policy.get_cached_permissions_for_user(user)
            if permission.permission.codename == "add_page"
        ]
        for page in Page.objects.filter(pk__in=page_ids).specific(defer=False):
            gemeente_id = getattr(page, "gemeente_id", None)
            if gemeente_id:
                ids.add(gemeente_id)
    user._gezondin_gemeenten = ids
    return ids
