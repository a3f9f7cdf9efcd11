"""The overviews outside the page tree: the regions and “GezondIn in cijfers”.

- ``/nl/regio/`` (``/en/region/``): every safety region (gezondin.regions) with its number of
  municipalities;
- ``/nl/regio/<slug>/`` (``/en/region/<slug>/``): one region: its municipalities and what the
  feature apps registered as its sections (gezondin.regions.register_section: the kennisbank's
  practices, the agenda's activities);
- ``/nl/cijfers/`` (``/en/figures/``): the figures the feature apps registered
  (gezondin.figures), with a map-like grid and a table each; the same figures are in the read
  API (``/api/v2/cijfers/``).
"""

from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from gezondin import figures as figure_registry
from gezondin import regions
from gezondin.models.snippets import Gemeente
from gezondin.templatetags.gezondin_tags import site_home


def _language():
    return (translation.get_language() or "nl").split("-")[0]


def _breadcrumbs(request, title, *trail):
    """The trail above an overview titled ``title``, as Wagtail pages have it
    (gezondin/includes/breadcrumbs.html): the home page in the visitor's language, then each
    (title, url) of ``trail``."""
    home = site_home({"request": request})
    items = [{"title": home.title, "url": home.get_url(request), "is_home": True}] if home else []
    items += [{"title": text, "url": url, "is_home": False} for text, url in trail]
    return {"items": items, "current": {"title": title}}


def region_index(request):
    counts = {}
    for name in Gemeente.objects.active().values_list("veiligheidsregio", flat=True):
        counts[name] = counts.get(name, 0) + 1
    rows = [{"region": region, "count": counts.get(region.name, 0)} for region in regions.regions()]
    title = _("Regio’s")
    return TemplateResponse(
        request,
        "gezondin/regions.html",
        {"page_title": title, "rows": rows, "breadcrumbs": _breadcrumbs(request, title)},
    )


def region_detail(request, slug):
    region = regions.by_slug(slug)
    if region is None:
        raise Http404(_("Deze regio bestaat niet."))
    gemeenten = list(regions.municipalities(region))
    sections, stylesheets = [], []
    for section in regions.sections():
        context = section.builder(request, region, gemeenten)
        if context is not None:
            sections.append({"template": section.template, "context": context})
            if section.stylesheet and section.stylesheet not in stylesheets:
                stylesheets.append(section.stylesheet)
    title = _("Regio %(name)s") % {"name": region.name}
    return TemplateResponse(
        request,
        "gezondin/region.html",
        {
            "page_title": title,
            "breadcrumbs": _breadcrumbs(
                request, title, (_("Regio’s"), reverse("gezondin:regions"))
            ),
            "region": region,
            "gemeenten": gemeenten,
            "gids_count": sum(1 for gemeente in gemeenten if gemeente.is_gids),
            "sections": sections,
            "stylesheets": stylesheets,
        },
    )


def figures(request):
    title = _("GezondIn in cijfers")
    return TemplateResponse(
        request,
        "gezondin/figures.html",
        {
            "page_title": title,
            "breadcrumbs": _breadcrumbs(request, title),
            "figures": [
                {"template": provider.template, "data": data}
                for provider, data in figure_registry.collect(_language())
            ],
        },
    )
