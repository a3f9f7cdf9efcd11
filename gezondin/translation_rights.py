"""Who may start a translation with wagtail-localize (docs/publishing.md, "Translating").

wagtail-localize asks only for its one global permission, "submit translation": whoever has it
may translate any page or snippet, and so create pages anywhere in the other language's tree.
GezondIn gives that permission to municipal editors as well (kennisbank.publishing), so here its
views are put behind the page's own rules:

- translating a page (``localize/submit/page/<id>/``) and updating its translations
  (``localize/update/<id>/``): only who may edit the page, and into a language only when the
  page's parent exists there and they may add pages under it (a municipal editor: their own
  section in every language; national editors: the whole GezondIn tree);
- publishing translations while updating them: only who may publish the page;
- translating a snippet (a vocabulary term, ...): only who may add that kind of snippet.

The guarded views are wagtail-localize's own, registered at the same admin URLs before it (the
gezondin app comes before wagtail_localize in INSTALLED_APPS, so Wagtail's admin URLconf lists
these first), so the links and buttons wagtail-localize shows lead here.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page
from wagtail.snippets.views.snippets import get_snippet_model_from_url_params
from wagtail_localize.models import TranslationSource
from wagtail_localize.views import submit_translations, update_translations

SUBMIT_PERMISSION = "wagtail_localize.submit_translation"


def may_translate_page(user, page) -> bool:
    """Whether ``user`` may start or update translations of ``page``."""
    return user.has_perm(SUBMIT_PERMISSION) and page.permissions_for_user(user).can_edit()


def refused_locales(user, page, locales) -> list[Locale]:
    """The locales ``user`` may not translate ``page`` into: its parent has no translation there
    that they may add pages under (the parent of a home page, Wagtail's root, for superusers)."""
    parent = page.get_parent()
    if parent.is_root():
        return [] if user.is_superuser else list(locales)
    refused = []
    for locale in locales:
        target = parent.get_translation_or_none(locale)
        if target is None or not target.permissions_for_user(user).can_add_subpage():
            refused.append(locale)
    return refused


def _chosen_locales(request):
    ids = [value for value in request.POST.getlist("locales") if value.isdigit()]
    return list(Locale.objects.filter(pk__in=ids))


def submit_page_translation(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not may_translate_page(request.user, page):
        raise PermissionDenied
    if request.method == "POST":
        refused = refused_locales(request.user, page, _chosen_locales(request))
        if refused:
            messages.error(
                request,
                _(
                    "U kunt ‘%(page)s’ niet vertalen naar %(languages)s: vertaal eerst de "
                    "bovenliggende pagina, of vraag de landelijke redactie."
                )
                % {
                    "page": page.get_admin_display_title(),
                    "languages": ", ".join(locale.get_display_name() for locale in refused),
                },
            )
            return redirect(request.get_full_path())
    return submit_translations.SubmitPageTranslationView.as_view()(request, page_id=page_id)


def submit_snippet_translation(request, app_label, model_name, pk):
    model = get_snippet_model_from_url_params(app_label, model_name)
    if not request.user.has_perm(f"{model._meta.app_label}.add_{model._meta.model_name}"):
        raise PermissionDenied
    return submit_translations.SubmitSnippetTranslationView.as_view()(
        request, app_label=app_label, model_name=model_name, pk=pk
    )


def update_page_translations(request, translation_source_id):
    source = get_object_or_404(TranslationSource, pk=translation_source_id)
    instance = source.get_source_instance()
    if isinstance(instance, Page):
        if not may_translate_page(request.user, instance):
            raise PermissionDenied
        publishing = request.method == "POST" and request.POST.get("publish_translations")
        if publishing and not instance.permissions_for_user(request.user).can_publish():
            raise PermissionDenied
    else:
        model = type(instance)
        if not request.user.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}"):
            raise PermissionDenied
    return update_translations.UpdateTranslationsView.as_view()(
        request, translation_source_id=translation_source_id
    )


def admin_urls():
    """wagtail-localize's submit and update URLs (under the admin), guarded."""
    return [
        path("localize/submit/page/<int:page_id>/", submit_page_translation),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            submit_snippet_translation,
        ),
        path("localize/update/<int:translation_source_id>/", update_page_translations),
    ]
