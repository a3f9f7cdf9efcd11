"""Municipal sections and their editors: the fixtures and helpers of the publishing tests
(test_publishing.py, test_setup_gemeente.py, test_setup_gemeente_not_ready.py).

The tree, the two sections and their editors are shared fixtures (tests/shared.py): a module
marked ``shared_data`` builds them once.
"""

from types import SimpleNamespace

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils.text import slugify
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Revision,
    Workflow,
    WorkflowPage,
)
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from gezondin.models import Doelgroep, Gemeente, Thema
from gezondin.roles import NATIONAL_GROUP_NAME
from kennisbank.models import GemeenteIndexPage, KennisbankPage, PraktijkvoorbeeldPage
from kennisbank.publishing import ensure_workflow, setup_gemeente
from tests.shared import shared_fixture

User = get_user_model()


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@shared_fixture
def tree(home_page, locales):
    """Home (nl, en), the overview of municipalities (nl and its en translation), kennisbank."""
    index = publish(home_page, GemeenteIndexPage(title="Gemeenten", slug="gemeenten"))
    en_index = index.copy_for_translation(locales["en"]).specific
    en_index.title = "Municipalities"
    en_index.slug = "municipalities"
    en_index.save_revision().publish()
    kennisbank = publish(home_page, KennisbankPage(title="Kennisbank", slug="kennisbank"))
    return SimpleNamespace(
        home=home_page,
        en_home=home_page.get_translation(locales["en"]),
        index=index,
        en_index=en_index,
        kennisbank=kennisbank,
    )


@shared_fixture
def tilburg(db):
    return Gemeente.objects.get(cbs_code="GM0855")


@shared_fixture
def amsterdam(db):
    return Gemeente.objects.get(cbs_code="GM0363")


@shared_fixture
def sections(tree, tilburg, amsterdam):
    """Municipality A (Tilburg) and B (Amsterdam), set up."""
    workflow = ensure_workflow()
    return SimpleNamespace(
        a=setup_gemeente(tilburg, workflow=workflow), b=setup_gemeente(amsterdam, workflow=workflow)
    )


def make_user(username, *groups, **extra):
    user = User.objects.create_user(
        username=username, email=f"{username}@example.org", password="geheim-wachtwoord", **extra
    )
    user.groups.add(*groups)
    return user


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


@shared_fixture
def editor_a(sections):
    return make_user("redacteur-tilburg", sections.a.group)


@shared_fixture
def editor_b(sections):
    return make_user("redacteur-amsterdam", sections.b.group)


@shared_fixture
def national(sections):
    return make_user("landelijk", Group.objects.get(name=NATIONAL_GROUP_NAME))


@shared_fixture
def superuser(db):
    return User.objects.create_superuser(
        username="beheer", email="beheer@example.org", password="geheim-wachtwoord"
    )


def practice_form(title, gemeente=None, **extra):
    """POST data for PraktijkvoorbeeldPage's create/edit form (blank fields left out): a
    practice complete enough to submit or publish (kennisbank/forms.py), in ``gemeente``
    (default Tilburg). A field given as None (or [] for choices) is left out."""
    gemeente = gemeente or Gemeente.objects.get(cbs_code="GM0855")
    fields = {
        "title": title,
        "slug": slugify(title),
        "intro": rich_text("Buurtcoaches helpen gezinnen met geldzorgen."),
        "approach": streamfield([("paragraph", rich_text("Huisbezoeken door buurtcoaches."))]),
        "partners": inline_formset([]),
        "comments": inline_formset([]),
        "status": "lopend",
        "erkenning": "niet-beoordeeld",
        "last_checked": "2026-01-15",
        "themas": [practice_term(Thema, "Armoede en schulden").pk],
        "doelgroepen": [practice_term(Doelgroep, "Ouders").pk],
        "gemeenten": [gemeente.pk],
        **extra,
    }
    # Multiple choices are sent as repeated fields (nested_form_data would number them).
    choices = {key: value for key, value in fields.items() if isinstance(value, list)}
    rest = {key: value for key, value in fields.items() if value is not None}
    return {**nested_form_data({key: rest[key] for key in rest if key not in choices}), **choices}


def draft_form(title, **extra):
    """POST data for a practice with nothing but its title and required settings."""
    return practice_form(
        title,
        intro=None,
        approach=streamfield([]),
        themas=[],
        doelgroepen=[],
        gemeenten=[],
        **extra,
    )


def practice_term(model, name):
    """A term of the default language for a practice's vocabulary fields."""
    term, _created = model.objects.get_or_create(
        slug=slugify(name), locale=Locale.get_default(), defaults={"name": name}
    )
    return term


def add_url(parent):
    return reverse(
        "wagtailadmin_pages:add", args=["kennisbank", "praktijkvoorbeeldpage", parent.pk]
    )


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def delete_url(page):
    return reverse("wagtailadmin_pages:delete", args=[page.pk])


def unpublish_url(page):
    return reverse("wagtailadmin_pages:unpublish", args=[page.pk])


def workflow_action_url(page, action):
    task_state = page.current_workflow_task_state
    return reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])


def assert_denied(response):
    """Wagtail's admin answers PermissionDenied with a redirect to the dashboard."""
    assert response.status_code == 302, response.status_code
    assert response["Location"] == reverse("wagtailadmin_home")


def create_practice(client, parent, title, action=None, **fields):
    """Create a practice through the admin, complete and in the parent's municipality (if it
    has one); returns (response, page or None)."""
    gemeente = getattr(parent.specific, "gemeente", None)
    data = practice_form(title, gemeente=gemeente, **fields)
    if action:
        data[action] = "1"
    response = client.post(add_url(parent), data)
    page = PraktijkvoorbeeldPage.objects.child_of(parent).filter(title=title).first()
    if page is None and response.status_code == 200 and response.context:
        form = response.context.get("form")
        raise AssertionError(f"form invalid: {form.errors if form else response.content[:500]}")
    return response, page


def published_practice(parent, title):
    return publish(parent, PraktijkvoorbeeldPage(title=title, slug=slugify(title)))


def refresh(page):
    return PraktijkvoorbeeldPage.objects.get(pk=page.pk)


def perms(group, page):
    return set(
        GroupPagePermission.objects.filter(group=group, page=page).values_list(
            "permission__codename", flat=True
        )
    )


def counts():
    return {
        "pages": Page.objects.count(),
        "groups": Group.objects.count(),
        "page_permissions": GroupPagePermission.objects.count(),
        "collections": Collection.objects.count(),
        "collection_permissions": GroupCollectionPermission.objects.count(),
        "workflows": Workflow.objects.count(),
        "workflow_pages": WorkflowPage.objects.count(),
        "revisions": Revision.objects.count(),
    }


def setup_url(gemeente):
    return reverse("kennisbank_setup_gemeente", args=[gemeente.pk])
