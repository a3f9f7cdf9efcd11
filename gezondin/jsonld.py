"""schema.org JSON-LD for GezondIn's public pages: what search engines and other installations
read from a page besides its HTML.

``{% json_ld %}`` (gezondin_tags, in base.html's head) asks ``page_objects`` for the objects that
describe the current page and adds a BreadcrumbList on every page below the home page. Which
objects a page gets is decided, in this order, by:

1. a ``get_json_ld(request)`` method on the page (a host site's own page types can add one);
   it returns a dict, a list of dicts or None;
2. the builder registered for the page's model or its nearest registered ancestor class
   (``@register("app_label.ModelName")``);
3. a plain WebPage.

The core registers the HomePage (WebSite, with the publishing Organization and the site search)
and StandardPage (WebPage). The feature apps register their page types from their
AppConfig.ready(): kennisbank.jsonld (practices and knowledge pages as Article, index and theme
pages as CollectionPage, municipality pages as GovernmentOrganization) and leerkringen.jsonld
(the agenda as CollectionPage; an activity's Event is written by its template,
leerkringen.calendar). They build on ``page_basics``, ``collection_page``, ``compact`` and the
other helpers here; the core imports no feature app.

Builders read only what the page's own template reads as well (term and municipality links,
site settings, the home page), from the same per-request caches, so the JSON-LD adds no queries.

``serialize`` is the one way to write JSON into a <script> element: "<", ">" and "&" are
escaped, so no title or text can close the element or open a comment.
"""

import html
import json
from dataclasses import dataclass
from functools import cached_property

from django.core.serializers.json import DjangoJSONEncoder
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe

from gezondin.models import GezondInSettings

CONTEXT = "https://schema.org"

_BUILDERS = {}


# Writing ----------------------------------------------------------------------------------------


def serialize(data):
    """JSON for a <script type="application/ld+json"> element, with "<", ">" and "&" escaped as
    \\u003c, \\u003e and \\u0026 (still valid JSON with the same value)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), cls=DjangoJSONEncoder)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def script_elements(objects):
    """One <script type="application/ld+json"> element per object, as safe HTML."""
    return mark_safe(  # noqa: S308 - serialize() escapes everything that could end the element
        "\n".join(
            format_html('<script type="application/ld+json">{}</script>', mark_safe(serialize(obj)))  # noqa: S308
            for obj in objects
        )
    )


def absolute_url(request, url):
    """``url`` (a path or a full URL) as an absolute URL on the host the request came in on.

    Canonical links, hreflang alternates, JSON-LD, feeds and sitemaps all build their URLs this
    way, so they agree with each other and with the address visitors and crawlers use, even
    when the Wagtail Site's hostname is still the default "localhost"."""
    if not url:
        return ""
    return request.build_absolute_uri(url) if request is not None else url


def page_url(page, request):
    """The absolute URL of a Wagtail page ("" when it has none)."""
    return absolute_url(request, page.get_url(request))


def plain_text(value):
    """Rich text or HTML as plain text on one line."""
    return " ".join(html.unescape(strip_tags(str(value or ""))).split())


def iso(moment):
    """A date or datetime as ISO 8601 (datetimes in local time, without microseconds)."""
    if moment is None:
        return None
    if hasattr(moment, "tzinfo"):
        moment = timezone.localtime(moment) if timezone.is_aware(moment) else moment
        return moment.replace(microsecond=0).isoformat()
    return moment.isoformat()


def compact(data):
    """``data`` without the keys whose value is empty (None, "", [] or {})."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


# Site ---------------------------------------------------------------------------------------------


@dataclass
class SiteInfo:
    """What every builder may need about the site: its name, home page and publisher."""

    request: object
    name: str
    home_url: str

    @cached_property
    def publisher(self):
        """The organisation behind the site (Settings > GezondIn), as a schema.org Organization.
        The site settings are read once per request (the footer reads the same)."""
        from wagtail.models import Site

        name, email = self.name, ""
        if self.request is not None and Site.find_for_request(self.request) is not None:
            site_settings = GezondInSettings.for_request(self.request)
            name = site_settings.organisation_name or name
            email = site_settings.contact_email
        return compact(
            {"@type": "Organization", "name": name, "url": self.home_url, "email": email}
        )

    def website(self):
        """A reference to the WebSite a page is part of."""
        return compact({"@type": "WebSite", "name": self.name, "url": self.home_url})


# Dispatch -----------------------------------------------------------------------------------------


def register(*model_labels):
    """Register a builder ``builder(page, request, site) -> dict | list | None`` for page models,
    given as "app_label.ModelName" (resolved lazily, so apps may register each other's types)."""

    def decorator(builder):
        for label in model_labels:
            _BUILDERS[label.lower()] = builder
        return builder

    return decorator


def _builder_for(page):
    for cls in type(page).__mro__:
        meta = getattr(cls, "_meta", None)
        if meta is not None and not meta.abstract and meta.label_lower in _BUILDERS:
            return _BUILDERS[meta.label_lower]
    return web_page


def page_objects(page, request, site):
    """The schema.org objects (dicts) describing ``page``, without the breadcrumbs."""
    own = getattr(page, "get_json_ld", None)
    result = own(request) if callable(own) else _builder_for(page)(page, request, site)
    if not result:
        return []
    objects = result if isinstance(result, list) else [result]
    return [{"@context": CONTEXT, **obj} for obj in objects if obj]


def breadcrumb_list(trail, request):
    """A BreadcrumbList from [(name, url)], the home page first and the current page last."""
    return {
        "@context": CONTEXT,
        "@type": "BreadcrumbList",
        "itemListElement": [
            compact(
                {
                    "@type": "ListItem",
                    "position": position,
                    "name": name,
                    "item": absolute_url(request, url),
                }
            )
            for position, (name, url) in enumerate(trail, start=1)
        ],
    }


# Builders -----------------------------------------------------------------------------------------


def _language(page):
    """The page's language without a query: its locale when loaded, else the active language
    (Wagtail serves a page in its own language)."""
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Page

    if Page.locale.is_cached(page):
        return page.locale.language_code
    try:
        return get_supported_content_language_variant(translation.get_language())
    except LookupError:
        return page.locale.language_code


def description(page):
    describe = getattr(page, "get_meta_description", None)
    return plain_text(describe() if callable(describe) else page.search_description)


def page_basics(page, request, site, schema_type):
    return {
        "@type": schema_type,
        "name": page.title,
        "description": description(page),
        "url": page_url(page, request),
        "inLanguage": _language(page),
        "datePublished": iso(page.first_published_at),
        "dateModified": iso(page.last_published_at),
        "isPartOf": site.website(),
    }


def web_page(page, request, site):
    return compact(page_basics(page, request, site, "WebPage"))


@register("wagtailcore.Page", "gezondin.StandardPage")
def standard_page(page, request, site):
    return web_page(page, request, site)


@register("gezondin.HomePage")
def home_page(page, request, site):
    data = {
        "@type": "WebSite",
        "name": site.name,
        "alternateName": page.title if page.title != site.name else "",
        "description": description(page),
        "url": page_url(page, request),
        "inLanguage": _language(page),
        "publisher": site.publisher,
    }
    try:
        with translation.override(_language(page)):
            search_url = reverse("gezondin:search")
    except NoReverseMatch:
        search_url = ""
    if search_url:
        data["potentialAction"] = {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": absolute_url(request, search_url) + "?q={search_term_string}",
            },
            "query-input": "required name=search_term_string",
        }
    return compact(data)


def collection_page(page, request, site):
    """A listing page (the kennisbank, the agenda...) as a CollectionPage; the feature apps
    register it for their index pages."""
    return compact(page_basics(page, request, site, "CollectionPage"))
