"""The site-wide search page; the sitemaps, robots.txt and the web manifest."""

from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.contrib.sitemaps import views as sitemap_views
from wagtail.models import Site

from gezondin import search_groups
from gezondin.search_terms import display_query, search_terms
from gezondin.sitemaps import LanguageSitemap, sitemap_languages
from gezondin.suggest import suggest

RESULTS_PER_PAGE = 10


def search(request):
    """Site-wide search, grouped by kind (gezondin.search_groups): practices, knowledge,
    dossiers, activities and other pages, each with its count, its first results and a link to
    all of them — the kennisbank with the query for its kinds, so that both give the same
    practices. ``?soort=<kind>`` pages through one kind. A query is reduced to its words
    (gezondin.search_terms); one with no word left (only punctuation or symbols) searches
    nothing and shows a hint with the form. A search that finds nothing may suggest a query that
    does (“Bedoelde u …?”, gezondin.suggest)."""
    query = display_query(request.GET.get("q", ""))
    terms = search_terms(query)
    kind = search_groups.get(request.GET.get("soort", ""))
    found, results_page, total = [], None, 0
    if terms and kind is not None:
        result = kind.find(request, query)
        if result.more_url:  # a kind listed elsewhere in full (the kennisbank): go there
            return redirect(result.more_url)
        paginator = Paginator(result.items, RESULTS_PER_PAGE)
        paginator.count = result.count
        try:
            results_page = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            results_page = paginator.page(1)
        except EmptyPage:
            results_page = paginator.page(paginator.num_pages)
        total = result.count
        found = [(kind, result)]
    elif terms:
        for group in search_groups.groups():
            result = group.find(request, query)
            if result.count:
                found.append((group, result))
            total += result.count
    suggestion = _suggestion(request, query, kind) if terms and not total else None
    return TemplateResponse(
        request,
        "gezondin/search.html",
        {
            "search_query": query,
            "searched": bool(terms),
            "kind": kind if terms else None,
            "groups": [
                {
                    "name": group.name,
                    "heading": group.label(result.count),
                    "count": result.count,
                    "items": list(result.items[: search_groups.PREVIEW]),
                    "more_url": result.more_url
                    or f"?{urlencode({'q': query, 'soort': group.name})}",
                    "card_template": group.card_template,
                }
                for group, result in found
                if kind is None
            ],
            "stylesheets": list(dict.fromkeys(g.stylesheet for g, _ in found if g.stylesheet)),
            "kind_heading": kind.label(total) if terms and kind else "",
            "card_template": kind.card_template if kind else "",
            "total": total,
            "results": results_page,
            "page_title": _("Zoeken"),
            "suggestion": suggestion,
        },
    )


def _suggestion(request, query, kind=None):
    """“Bedoelde u …?” for a search that found nothing: {"query", "url"} of the closest query
    built from the site's words (gezondin.suggest), if it finds something of `kind` (a search
    group, on a ``?soort=`` page) or of any kind."""
    suggested = suggest(query, translation.get_language() or settings.LANGUAGE_CODE)
    if not suggested:
        return None
    groups = [kind] if kind is not None else search_groups.groups()
    if not any(group.find(request, suggested).count for group in groups):
        return None
    params = {"q": suggested, "soort": kind.name} if kind is not None else {"q": suggested}
    return {"query": suggested, "url": f"?{urlencode(params)}"}


# Sitemaps, robots.txt (gezondin/urls/shared.py) and the web manifest (the reference site's
# settings/urls.py), outside the language prefix ----------------------------------------------


def sitemap_index(request):
    """``/sitemap.xml``: the index of the sitemaps, one per content language."""
    sitemaps = {code: LanguageSitemap(request, code) for code in sitemap_languages()}
    return sitemap_views.index(request, sitemaps, sitemap_url_name="gezondin_sitemap")


def sitemap(request, section):
    """``/<language>/sitemap.xml``: the live, public pages of one language."""
    if section not in sitemap_languages():
        raise Http404
    return sitemap_views.sitemap(
        request, {section: LanguageSitemap(request, section)}, section=section
    )


def _reverse_in(language_code, name, *args):
    try:
        with translation.override(language_code):
            return reverse(name, args=args)
    except NoReverseMatch:
        return None


def robots_txt(request):
    """``/robots.txt``: everything public may be crawled, except the admin, the personal sign-up
    pages behind signed links and search results; and where the sitemap is."""
    disallow = []
    admin = _reverse_in(settings.LANGUAGE_CODE, "wagtailadmin_home")
    if admin:
        disallow.append(admin)
    for code in sitemap_languages():
        # The translated path, and the Dutch one that old links use under every prefix.
        for name in ("leerkringen:manage", "leerkringen:legacy_manage"):
            signup = _reverse_in(code, name, "token")
            if signup:
                # /nl/aanmelding/token/ -> /nl/aanmelding/
                disallow.append(signup.rstrip("/").rsplit("/", 1)[0] + "/")
        search_url = _reverse_in(code, "gezondin:search")
        if search_url:
            disallow.append(search_url)
    sitemap_url = _reverse_in(settings.LANGUAGE_CODE, "gezondin_sitemap_index")
    return TemplateResponse(
        request,
        "gezondin/robots.txt",
        {
            "disallow": list(dict.fromkeys(disallow)),
            "sitemap_url": request.build_absolute_uri(sitemap_url) if sitemap_url else "",
        },
        content_type="text/plain; charset=utf-8",
    )


# The site's colours (gezondin.css: --gi-color-primary, --gi-color-background).
THEME_COLOUR = "#154273"
BACKGROUND_COLOUR = "#ffffff"


def web_manifest(request):
    """``/manifest.webmanifest``: the site's name, language, start page, colours and icon (the
    same SVG as the favicon), for browsers that add a site to a home screen or a tab strip."""
    site = Site.find_for_request(request)
    name = (site.site_name if site else "") or getattr(settings, "WAGTAIL_SITE_NAME", "GezondIn")
    manifest = {
        "name": name,
        "short_name": name,
        "lang": translation.get_supported_language_variant(settings.LANGUAGE_CODE),
        "dir": "ltr",
        "start_url": "/",
        "scope": "/",
        "display": "browser",
        "theme_color": THEME_COLOUR,
        "background_color": BACKGROUND_COLOUR,
        "icons": [
            {
                "src": static("gezondin/img/favicon.svg"),
                "type": "image/svg+xml",
                "sizes": "any",
                "purpose": "any",
            }
        ],
    }
    return JsonResponse(
        manifest,
        content_type="application/manifest+json",
        json_dumps_params={"ensure_ascii": False},
    )
