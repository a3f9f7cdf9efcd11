"""Template tags for GezondIn's public pages: navigation, languages, footer, heading anchors.

Every tag takes the request from the template context so that page URLs reuse Wagtail's
per-request caches, and each tag does a fixed, small number of queries (no N+1):

- ``site_home``: the site's home page in the visitor's language (one query, cached on the
  request and shared by the other tags).
- ``main_menu``: the home page's live, public children marked "show in menus" (one query).
- ``breadcrumbs``: the ancestors of the current page below the tree root (one query).
- ``json_ld``: the page's schema.org JSON-LD and its BreadcrumbList (gezondin.jsonld; the
  breadcrumbs' query is shared).
- ``language_links`` / ``hreflang_links``: the current page in each content language (one query).
- ``footer_links``: the pages chosen in GezondInSettings, in the visitor's language (one query
  besides the settings themselves).
- ``child_pages``: a page's live, public children (for section listings).
- ``site_name``, ``canonical_url``, ``elided_page_range``; filters ``heading_anchor`` (the id
  shared by heading blocks and the table of contents) and ``embed_title`` (iframe titles).
- Content in another language than the page shown (a Dutch practice in an English dossier, an
  untranslated term or field): filter ``other_language`` (its language code, or ""), filter
  ``lang_attr`` (`` lang="nl"``), tags ``language_note`` ("(in Dutch)") and ``in_language`` (a
  text in its own language followed by the note); ``translation_source`` with the filter
  ``untranslated``: texts of a translated page still the same as in its source. See
  docs/decisions.md.
"""

import re
from typing import NamedTuple

from django import template
from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.urls import translate_url
from django.utils import translation
from django.utils.html import conditional_escape, escape, format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext as _
from modelcluster.models import get_all_child_relations
from wagtail.coreutils import get_content_languages, get_supported_content_language_variant
from wagtail.fields import StreamValue
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from gezondin import jsonld, terms
from gezondin.models import GezondInSettings
from gezondin.terms import locale_id, locale_languages, public_q

register = template.Library()

_HOME_CACHE_ATTR = "_gezondin_site_homes"
MENU_CACHE_TIMEOUT = 60 * 60
_LANGUAGES_CACHE_ATTR = "_gezondin_language_links"
_BREADCRUMBS_CACHE_ATTR = "_gezondin_breadcrumbs"


class LanguageLink(NamedTuple):
    """One entry of the language switcher.

    ``available`` is False when the page shown has no translation in that language: ``url`` is
    then ``#<note_id>``, the note on this page (``note``, in that language) that says the page
    exists only in its own language, with a link to that language's home page (``home_url``)."""

    code: str
    name: str
    url: str
    is_current: bool
    available: bool = True
    note: str = ""
    note_id: str = ""
    home_url: str = ""
    home_label: str = ""


class _LanguageEntry(NamedTuple):
    link: LanguageLink
    # True when the URL is the same content in that language (a real alternate for search
    # engines), False when it falls back to that language's home page.
    is_alternate: bool
    # The alternate's URL for search engines: without the query string the link may carry.
    alternate_url: str = ""


def _request(context):
    return context.get("request")


def _current_page(context):
    """The Wagtail page being shown, or None for other views (search, errors)."""
    page = context.get("page")
    return page if isinstance(page, Page) else None


def _language_code(code=None):
    """The content language for a Django language code (``en-gb`` -> ``en``), or None."""
    try:
        return get_supported_content_language_variant(code or translation.get_language())
    except LookupError:
        return None


def _site_homes(request):
    """{language code: live home page} for the request's site, plus the site's own root page
    under the key None. One query, cached on the request."""
    if request is None:
        return {}
    if hasattr(request, _HOME_CACHE_ATTR):
        return getattr(request, _HOME_CACHE_ATTR)
    homes = {}
    site = Site.find_for_request(request)
    if site is not None:
        root_translation_key = Page.objects.filter(pk=site.root_page_id).values("translation_key")
        pages = Page.objects.filter(translation_key__in=root_translation_key).select_related(
            "locale"
        )
        for page in pages:
            if page.pk == site.root_page_id:
                homes[None] = page
            if page.live:
                homes.setdefault(page.locale.language_code, page)
    setattr(request, _HOME_CACHE_ATTR, homes)
    return homes


def _localized_home(request):
    homes = _site_homes(request)
    return homes.get(_language_code()) or homes.get(None)


@register.simple_tag(takes_context=True)
def site_home(context):
    """The site's home page in the visitor's language: ``{% site_home as home %}``."""
    return _localized_home(_request(context))


@register.inclusion_tag("gezondin/includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The main menu: the home page's live, public children with "show in menus" on.

    The item of the section the current page is in gets ``current`` = "true", the current page
    itself "page" (rendered as aria-current). The items are cached per site, language and
    publication (terms.results_version: any publish, unpublish, move or delete) and private
    sections (terms.version); only the current item is worked out per request.
    """
    request = _request(context)
    home = _localized_home(request)
    current = _current_page(context)
    items = []
    if home is not None:
        for pk, path, title, url in _menu_entries(request, home):
            state = None
            if current is not None:
                if current.pk == pk:
                    state = "page"
                elif current.path.startswith(path):
                    state = "true"
            items.append({"title": title, "url": url, "current": state})
    return {"items": items, "request": request}


def _menu_entries(request, home):
    """[(pk, path, title, url)] of the main menu under ``home``."""
    site = Site.find_for_request(request)
    key = (
        f"gezondin:menu:{terms.results_version()}:{terms.version()}:"
        f"{site.pk if site else 0}:{home.pk}"
    )
    entries = cache.get(key)
    if entries is None:
        entries = []
        for child in home.get_children().live().in_menu().filter(public_q()):
            url = child.get_url(request)
            if url:
                entries.append((child.pk, child.path, child.title, url))
        cache.set(key, entries, MENU_CACHE_TIMEOUT)
    return entries


def _breadcrumb_items(context):
    """[{"title", "url", "is_home"}] for the ancestors of the current page from the home page
    down; empty on the home page and for views that are not pages. One query, cached on the
    request (the breadcrumbs and their JSON-LD share it)."""
    request = _request(context)
    page = _current_page(context)
    key = (page.pk, page.depth) if page is not None else None
    cached = getattr(request, _BREADCRUMBS_CACHE_ATTR, None) if request is not None else None
    if cached is not None and cached[0] == key:
        return cached[1]
    home = _localized_home(request)
    items = []
    if page is not None and home is not None and page.depth > home.depth:
        ancestors = (
            Page.objects.ancestor_of(page).filter(depth__gte=home.depth).live().order_by("depth")
        )
        for ancestor in ancestors:
            url = ancestor.get_url(request)
            if url:
                is_home = ancestor.depth == home.depth
                items.append({"title": ancestor.title, "url": url, "is_home": is_home})
    if request is not None:
        setattr(request, _BREADCRUMBS_CACHE_ATTR, (key, items))
    return items


@register.inclusion_tag("gezondin/includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """The trail from the home page to the current page; empty on the home page itself."""
    items = _breadcrumb_items(context)
    return {
        "items": items,
        "current": _current_page(context) if items else None,
        "request": _request(context),
    }


@register.simple_tag(takes_context=True)
def json_ld(context, page=None):
    """``{% json_ld %}``: the schema.org JSON-LD of the current page (or of ``page``) as
    <script type="application/ld+json"> elements: the page's own objects (gezondin.jsonld) and,
    below the home page, a BreadcrumbList. Empty for views that are not Wagtail pages."""
    request = _request(context)
    if page is None:
        page = _current_page(context)
    if not isinstance(page, Page):
        return ""
    home = _localized_home(request)
    home_url = jsonld.page_url(home, request) if home is not None else ""
    site = jsonld.SiteInfo(request=request, name=site_name(context), home_url=home_url)
    objects = jsonld.page_objects(page, request, site)
    items = _breadcrumb_items({"request": request, "page": page})
    if items:
        trail = [(home.title if item["is_home"] else item["title"], item["url"]) for item in items]
        trail.append((page.title, page.get_url(request)))
        objects.append(jsonld.breadcrumb_list(trail, request))
    return jsonld.script_elements(objects)


def _language_entries(context):
    """[_LanguageEntry] for every content language; one query, cached on the request."""
    request = _request(context)
    page = _current_page(context)
    cached = getattr(request, _LANGUAGES_CACHE_ATTR, None) if request is not None else None
    if cached is not None and cached[0] == (page.pk if page else None):
        return cached[1]

    current_code = _language_code()
    homes = _site_homes(request)
    translations = {}
    if page is not None:
        for translated in Page.objects.filter(translation_key=page.translation_key).select_related(
            "locale"
        ):
            if translated.pk == page.pk or translated.live:
                translations[translated.locale.language_code] = translated

    resolver_match = getattr(request, "resolver_match", None)
    # Views of their own (search, kennisbank filters) have the same URL in every language;
    # error pages and unknown paths have not, so they link to the home pages.
    translatable_view = (
        page is None
        and request is not None
        and resolver_match is not None
        and resolver_match.url_name != "wagtail_serve"
    )

    page_code = next((code for code, item in translations.items() if item.pk == page.pk), None)
    entries = []
    for code in get_content_languages():
        name = translation.get_language_info(code)["name_local"]
        url = None
        is_alternate = False
        if code in translations:
            url = translations[code].get_url(request)
            is_alternate = url is not None
            if url and code != current_code:
                # The same selection in the other language: the kennisbank's and the agenda's
                # filter values are slugs shared by every language.
                link = LanguageLink(code, name, url + _query_without_page_number(request), False)
                entries.append(_LanguageEntry(link, True, url))
                continue
        elif translatable_view:
            url = translate_url(_path_without_page_number(request), code)
            is_alternate = True
        elif page is not None and page_code and code in homes:
            # No translation: stay on this page, where a note in that language says so and
            # links to that language's home page (docs/decisions.md).
            entries.append(
                _LanguageEntry(
                    _missing_translation(code, name, page_code, homes[code], request), False
                )
            )
            continue
        if not url and code in homes:
            url = homes[code].get_url(request)
        if url:
            link = LanguageLink(code, name, url, code == current_code)
            entries.append(_LanguageEntry(link, is_alternate, url))
    if request is not None:
        setattr(request, _LANGUAGES_CACHE_ATTR, ((page.pk if page else None), entries))
    return entries


def _missing_translation(code, name, page_code, home, request):
    """The switcher's link to language ``code`` for a page that exists only in ``page_code``."""
    with translation.override(code):
        page_language = translation.get_language_info(page_code)["name_translated"]
        language = translation.get_language_info(code)["name_translated"]
        note = _("Deze pagina is alleen beschikbaar in het %(language)s.") % {
            "language": page_language
        }
        home_label = _("Naar de homepage in het %(language)s") % {"language": language}
    note_id = f"language-note-{code}"
    return LanguageLink(
        code,
        name,
        f"#{note_id}",
        False,
        available=False,
        note=note,
        note_id=note_id,
        home_url=home.get_url(request) or "",
        home_label=home_label,
    )


def _query_without_page_number(request):
    """``?<query string>`` of the request without ``page`` (or ""): page 3 of a result list in
    one language is not page 3 in another."""
    if request is None:
        return ""
    query = request.GET.copy()
    query.pop("page", None)
    return f"?{query.urlencode()}" if query else ""


def _path_without_page_number(request):
    """The request's path and query string without ``page``."""
    return request.path + _query_without_page_number(request)


@register.simple_tag(takes_context=True)
def language_links(context):
    """``{% language_links as languages %}``: a LanguageLink (code, name, url, is_current) for each
    content language. The current page's live translation where there is one, else that
    language's home page; for views that are not Wagtail pages, the same view in that language."""
    return [entry.link for entry in _language_entries(context)]


@register.simple_tag(takes_context=True)
def language_notes(context):
    """``{% language_notes as notes %}``: the switcher's links to languages the page shown does
    not exist in; each has the ``note`` the link points to (``note_id``)."""
    return [entry.link for entry in _language_entries(context) if not entry.link.available]


@register.simple_tag(takes_context=True)
def hreflang_links(context):
    """``{% hreflang_links as alternates %}``: (hreflang, absolute URL) for each language the
    current content really exists in, plus ``x-default`` for the default language. Empty when
    the content exists in one language only."""
    request = _request(context)
    if request is None:
        return []
    alternates = [
        (entry.link.code, request.build_absolute_uri(entry.alternate_url))
        for entry in _language_entries(context)
        if entry.is_alternate
    ]
    if len(alternates) < 2:
        return []
    default_code = _language_code(settings.LANGUAGE_CODE)
    default = next((url for code, url in alternates if code == default_code), alternates[0][1])
    return [*alternates, ("x-default", default)]


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The absolute URL of the current page, or of the current path for other views."""
    request = _request(context)
    if request is None:
        return ""
    page = _current_page(context)
    if page is not None:
        url = page.get_url(request)
        if url:
            return request.build_absolute_uri(url)
    return request.build_absolute_uri(request.path)


@register.simple_tag(takes_context=True)
def footer_links(context):
    """``{% footer_links as links %}``: the contact, privacy and accessibility pages chosen in
    GezondInSettings as [{"title", "url"}], each in the visitor's language where translated;
    unpublished pages are left out. Cached per site, language, choice of pages and publication
    (terms.results_version)."""
    request = _request(context)
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return []
    site_settings = GezondInSettings.for_request(request)
    chosen_ids = [
        page_id
        for page_id in (
            site_settings.contact_page_id,
            site_settings.privacy_page_id,
            site_settings.accessibility_page_id,
        )
        if page_id
    ]
    if not chosen_ids:
        return []
    key = f"gezondin:footer:{terms.results_version()}:{site.pk}:{_language_code()}:" + ",".join(
        str(pk) for pk in chosen_ids
    )
    links = cache.get(key)
    if links is None:
        links = _footer_links(request, chosen_ids)
        cache.set(key, links, MENU_CACHE_TIMEOUT)
    return links


def _footer_links(request, chosen_ids):
    keys = Page.objects.filter(pk__in=chosen_ids).values("translation_key")
    pages = list(Page.objects.filter(translation_key__in=keys).select_related("locale"))
    by_id = {page.pk: page for page in pages}
    current_code = _language_code()
    links = []
    for page_id in chosen_ids:
        chosen = by_id.get(page_id)
        if chosen is None:
            continue
        localized = next(
            (
                page
                for page in pages
                if page.translation_key == chosen.translation_key
                and page.locale.language_code == current_code
                and page.live
            ),
            chosen,
        )
        if not localized.live:
            continue
        url = localized.get_url(request)
        if url:
            links.append(
                {"title": localized.title, "url": url, "language": other_language(localized)}
            )
    return links


# Content in another language than the page shown ------------------------------------------------


def content_language(obj):
    """The language code of ``obj``'s content: a page or translatable snippet (its locale), a
    Locale, or a language code; "" when it has none."""
    if obj is None or obj == "":
        return ""
    if isinstance(obj, str):
        return _language_code(obj) or ""
    language_code = getattr(obj, "language_code", None)  # a Locale
    if isinstance(language_code, str):
        return language_code
    object_locale = getattr(obj, "locale_id", None)
    if object_locale is None:
        return ""
    return locale_languages().get(object_locale, "")


@register.filter
def other_language(obj):
    """``{% with code=item|other_language %}``: the language code of ``obj`` (see
    content_language) when it is not the language of the page shown, else ""."""
    current = _language_code()
    if not current or obj is None or obj == "":
        return ""
    loaded = getattr(getattr(obj, "_state", None), "fields_cache", {}).get("locale")
    if loaded is not None:
        code = loaded.language_code
    else:
        object_locale = getattr(obj, "locale_id", None)
        if object_locale is not None and object_locale == locale_id(current):
            return ""  # the usual case, without reading every locale
        code = content_language(obj)
    return code if code and code != current else ""


@register.filter
def lang_attr(code):
    """``<p{{ code|lang_attr }}>``: `` lang="nl"`` for a language code, nothing for ""."""
    return format_html(' lang="{}"', code) if code else ""


@register.simple_tag
def language_note(code, block=False):
    """``{% language_note code %}``: "(in Dutch)" in the visitor's language beside content in
    language ``code``; nothing for "". ``block=True``: as a paragraph of its own, above a block
    of text (rich text) in that language."""
    if not code:
        return ""
    language = translation.get_language_info(code)["name_translated"]
    text = _("(in het %(language)s)") % {"language": language}
    if block:
        return format_html('<p class="language-note language-note--block">{}</p>', text)
    return format_html('<span class="language-note">{}</span>', text)


@register.simple_tag
def in_language(text, code):
    """``{% in_language item.title code %}``: ``text`` escaped; for a language code, in a
    ``<span lang>`` followed by the note "(in Dutch)"."""
    if not code:
        return conditional_escape(text)
    return format_html('<span lang="{}">{}</span> {}', code, text, language_note(code))


@register.simple_tag
def elided_page_range(page_obj, on_each_side=2, on_ends=1):
    """The page numbers to show around ``page_obj`` (with Paginator.ELLIPSIS for gaps)."""
    return list(
        page_obj.paginator.get_elided_page_range(
            page_obj.number, on_each_side=on_each_side, on_ends=on_ends
        )
    )


@register.simple_tag
def child_pages(page):
    """The live, public children of ``page`` as specific pages, in menu order."""
    if not isinstance(page, Page):
        return []
    return list(page.get_children().live().filter(public_q()).specific())


_EMBED_CONTENT = re.compile(r"<(iframe|video|audio|object|embed|img)\b", re.IGNORECASE)
_IFRAME_WITHOUT_TITLE = re.compile(r"<iframe\b(?![^>]*\stitle=)", re.IGNORECASE)


@register.filter
def embed_title(html, title):
    """Give an embed's iframe a title (for screen readers) when the provider left it out.

    Returns "" for an embed that could not be fetched, so templates can show a plain link."""
    html = str(html).strip()
    if not _EMBED_CONTENT.search(html) and not strip_tags(html).strip():
        # Wagtail wraps even a failed embed in a <div>.
        return ""
    if not title:
        return mark_safe(html)  # noqa: S308 - embed HTML from Wagtail's embed finders
    return mark_safe(  # noqa: S308 - only an escaped attribute is added
        _IFRAME_WITHOUT_TITLE.sub(lambda m: f'{m.group(0)} title="{escape(title)}"', html)
    )


@register.filter
def heading_anchor(text):
    """The id of a heading, shared by the heading block and the table of contents."""
    return slugify(str(text)) or "kop"


@register.simple_tag(takes_context=True)
def site_name(context):
    """The name of the request's site (Settings > Sites), else WAGTAIL_SITE_NAME."""
    site = Site.find_for_request(_request(context))
    return (site.site_name if site else "") or getattr(settings, "WAGTAIL_SITE_NAME", "GezondIn")


class SourceTexts:
    """The texts of a translated page's source (the same page in the default language): what the
    ``untranslated`` filter compares with."""

    def __init__(self, source):
        self.language = content_language(source)
        self.texts = frozenset(_texts_of(source))

    def language_of(self, value):
        """The source's language when ``value`` is one of its texts unchanged, else ""."""
        text = _text(value)
        return self.language if text and text in self.texts else ""


def _text(value):
    """A field's or block's value as the text stored (rich text as its HTML source), or ""."""
    if isinstance(value, RichText):
        value = value.source
    return value.strip() if isinstance(value, str) else ""


def _strings(data):
    """Every string in a StreamField's stored data (block values, however nested)."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for key, value in data.items():
            if key not in ("type", "id"):
                yield from _strings(value)
    elif isinstance(data, list | tuple):
        for item in data:
            yield from _strings(item)


def _texts_of(obj, depth=0):
    """The texts of a page or of a child object: its text fields, its StreamFields' strings and
    (for the page) those of its child objects (an activity's meetings)."""
    for field in obj._meta.concrete_fields:
        if isinstance(field, models.CharField | models.TextField):
            text = _text(getattr(obj, field.attname))
            if text:
                yield text
        else:
            value = getattr(obj, field.attname, None)
            if isinstance(value, StreamValue):
                for text in _strings(value.get_prep_value()):
                    if text.strip():
                        yield text.strip()
    if depth == 0:
        for relation in get_all_child_relations(type(obj)):
            for child in getattr(obj, relation.get_accessor_name()).all():
                yield from _texts_of(child, depth + 1)


@register.simple_tag
def translation_source(page):
    """``{% translation_source page as source %}``: the texts of the page in the default language
    when ``page`` is a translation of it (None for a page in the default language, or with no
    such page). One query for the source, one per child relation."""
    if not isinstance(page, Page):
        return None
    default_code = _language_code(settings.LANGUAGE_CODE)
    if not default_code or content_language(page) == default_code:
        return None
    source = (
        Page.objects.filter(
            translation_key=page.translation_key, locale__language_code=default_code
        )
        .exclude(pk=page.pk)
        .first()
    )
    return SourceTexts(source.specific) if source is not None else None


@register.filter
def untranslated(value, source):
    """``{% with code=page.for_whom|untranslated:source %}``: the source's language code when a
    translated page still shows ``value`` exactly as its source has it (never translated, as
    wagtail-localize leaves a segment nobody translated), else ""."""
    if source is None or not isinstance(source, SourceTexts):
        return ""
    return source.language_of(value)
