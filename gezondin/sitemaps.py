"""XML sitemaps, one per content language, through wagtail.contrib.sitemaps.

``/sitemap.xml`` is a sitemap index pointing at ``/nl/sitemap.xml`` and ``/en/sitemap.xml``
(views in gezondin.views). Each language's sitemap lists the live, public pages of that
language's tree of the request's site, with their last publication date and, for pages that
exist in other languages too, their translations as hreflang alternates (plus x-default, the
default language); and, at its end, the overviews outside the page tree in that language (the
regions, each region and "GezondIn in cijfers", gezondin.regional), with the same alternates and
no date (their content follows every publication). The sign-up pages, the search page and the
feeds are not listed.

Locations are absolute URLs on the host the sitemap was requested on, like the canonical links
(see gezondin.jsonld.absolute_url).
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import Max
from django.db.models.functions import Coalesce
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from wagtail.contrib.sitemaps import Sitemap
from wagtail.coreutils import get_content_languages, get_supported_content_language_variant
from wagtail.models import Locale, Page

from gezondin import regions
from gezondin.jsonld import absolute_url


def sitemap_languages():
    """The content language codes, the default language first."""
    codes = list(get_content_languages())
    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    return sorted(codes, key=lambda code: code != default)


def overview_paths(language_code):
    """The paths of the overviews outside the page tree in one language, in a stable order; none
    when the site does not include them (gezondin.urls)."""
    routes = [
        ("gezondin:regions", ()),
        *(("gezondin:region", (region.slug,)) for region in regions.regions()),
        ("gezondin:figures", ()),
    ]
    try:
        with translation.override(language_code):
            return [reverse(name, args=args) for name, args in routes]
    except NoReverseMatch:
        return []


def hreflang_links(translations):
    """The sitemap's alternates for [(language code, absolute URL)] of one piece of content:
    every language and ``x-default`` (the default language's), or none when there is only one
    language."""
    if len(translations) < 2:
        return []
    links = [{"lang_code": code, "location": url} for code, url in translations]
    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    default_url = next((url for code, url in translations if code == default), None)
    if default_url:
        links.append({"lang_code": "x-default", "location": default_url})
    return links


class LanguageSitemap(Sitemap):
    """The live, public pages of one language of the request's site, then its overviews."""

    def __init__(self, request, language_code):
        super().__init__(request)
        self.language_code = language_code

    def home(self):
        """The site's home page in this language (its root page or a translation of it)."""
        site_root = self.get_wagtail_site().root_page
        locale = Locale.objects.filter(language_code=self.language_code).first()
        if locale is None:
            return None
        if site_root.locale_id == locale.pk:
            return site_root
        return site_root.get_translation_or_none(locale)

    def pages(self):
        home = self.home()
        if home is None:
            return Page.objects.none()
        return (
            Page.objects.descendant_of(home, inclusive=True)
            .live()
            .public()
            .filter(locale_id=home.locale_id)
            # Harvested copies have their canonical URL at the source: that site lists them.
            .filter(shared_copy__isnull=True)
            .order_by("path")
        )

    def items(self):
        return self.pages().defer_streamfields().specific()

    def get_latest_lastmod(self):
        """For the sitemap index: one aggregate instead of reading every page."""
        return self.pages().aggregate(
            latest=Max(Coalesce("last_published_at", "latest_revision_created_at"))
        )["latest"]

    def _absolute(self, location):
        """A location as an absolute URL on the request's host (Wagtail builds it from the
        Site's hostname, which may still be "localhost")."""
        if not location:
            return location
        parts = urlsplit(location)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        return absolute_url(self.request, path)

    def _alternates(self, items):
        """{translation_key: [(language, URL)]} of the live, public translations of ``items``
        (one query for the whole sitemap page)."""
        keys = {item.translation_key for item in items}
        alternates = {}
        translations = (
            Page.objects.filter(translation_key__in=keys)
            .live()
            .public()
            .select_related("locale")
            .order_by("path")
        )
        for translated in translations:
            url = translated.get_url(self.request)
            if url:
                alternates.setdefault(translated.translation_key, []).append(
                    (translated.locale.language_code, self._absolute(url))
                )
        return alternates

    def _urls(self, page, protocol, domain):
        items = list(self.paginator.page(page).object_list)
        alternates = self._alternates(items)
        urls = []
        last_mods = set()
        for item in items:
            links = hreflang_links(alternates.get(item.translation_key, []))
            for url_info in item.get_sitemap_urls(self.request):
                location = self._absolute(url_info.get("location"))
                if not location:
                    continue
                urls.append({**url_info, "location": location, "alternates": links})
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        if self.paginator.validate_number(page) == self.paginator.num_pages:
            urls += self._overview_urls()
        return urls

    def _overview_urls(self):
        """The overviews at the end of the last page of the sitemap (a few dozen URLs, well
        within a sitemap page's limit)."""
        paths = {code: overview_paths(code) for code in sitemap_languages()}
        urls = []
        for position, path in enumerate(paths.get(self.language_code, [])):
            translations = [
                (code, absolute_url(self.request, found[position]))
                for code, found in paths.items()
                if len(found) > position
            ]
            urls.append(
                {
                    "location": absolute_url(self.request, path),
                    "lastmod": None,
                    "alternates": hreflang_links(translations),
                }
            )
        return urls
