"""XML sitemaps, one per content language, through wagtail.contrib.sitemaps.

``/sitemap.xml`` is a sitemap index pointing at ``/nl/sitemap.xml`` and ``/en/sitemap.xml``
(views in gezondin.views). Each language's sitemap lists the live, public pages of that
language's tree of the request's site, with their last publication date and, for pages that
exist in other languages too, their translations as hreflang alternates (plus x-default, the
default language). The sign-up pages, the search page and the feeds are no Wagtail pages and
never appear.

Locations are absolute URLs on the host the sitemap was requested on, like the canonical links
(see gezondin.jsonld.absolute_url).
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import Max
from django.db.models.functions import Coalesce
from wagtail.contrib.sitemaps import Sitemap
from wagtail.coreutils import get_content_languages, get_supported_content_language_variant
from wagtail.models import Locale, Page

from gezondin.jsonld import absolute_url


def sitemap_languages():
    """The content language codes, the default language first."""
    codes = list(get_content_languages())
    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    return sorted(codes, key=lambda code: code != default)


class LanguageSitemap(Sitemap):
    """The live, public pages of one language of the request's site."""

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
        default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        urls = []
        last_mods = set()
        for item in items:
            translations = alternates.get(item.translation_key, [])
            links = []
            if len(translations) > 1:
                links = [{"lang_code": code, "location": url} for code, url in translations]
                default_url = next((url for code, url in translations if code == default), None)
                if default_url:
                    links.append({"lang_code": "x-default", "location": default_url})
            for url_info in item.get_sitemap_urls(self.request):
                location = self._absolute(url_info.get("location"))
                if not location:
                    continue
                urls.append({**url_info, "location": location, "alternates": links})
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
