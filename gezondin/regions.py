"""Regions: the 25 safety regions (veiligheidsregio's), GezondIn's regional division.

A region is a safety region as the municipalities reference data gives it
(``gezondin/data/gemeenten-2023.csv``: code VR01..VR25 and name per municipality; the model keeps
the name in ``Gemeente.veiligheidsregio``). The GGD regions coincide with them except Midden- en
West-Brabant (VR20), which two GGDs share, so the safety region is the division every
municipality has unambiguously (docs/gemeenten.md).

URLs and filters use a region's slug (``regio=midden-en-west-brabant``); the database its name.

The regional pages (gezondin/regional.py) list what the feature apps contribute: an app registers
a *section* from its ``AppConfig.ready()``::

    regions.register_section("practices", order=100, template="...")(builder)

where ``builder(request, region, gemeenten)`` returns the section template's context, or None
when it has nothing to show. The core imports no feature app.
"""

import functools
from dataclasses import dataclass

from django.utils.text import slugify

from gezondin.gemeenten import GGD_BY_VEILIGHEIDSREGIO, read_reference_list
from gezondin.models.snippets import Gemeente


@dataclass(frozen=True)
class Region:
    code: str  # VR01..VR25
    name: str  # as in Gemeente.veiligheidsregio
    slug: str
    ggd: str  # the GGD region, blank where it does not follow from the safety region

    def __str__(self):
        return self.name


@functools.cache
def regions():
    """The safety regions of the reference data, in code order."""
    found = {}
    for record in read_reference_list():
        code, name = record.veiligheidsregio_code, record.veiligheidsregio
        if code and name and code not in found:
            found[code] = Region(code, name, slugify(name), GGD_BY_VEILIGHEIDSREGIO.get(code, ""))
    return [found[code] for code in sorted(found)]


@functools.cache
def _by_slug():
    return {region.slug: region for region in regions()}


@functools.cache
def _by_name():
    return {region.name: region for region in regions()}


def by_slug(slug):
    """The region with this slug, or None."""
    return _by_slug().get(slug)


def by_name(name):
    """The region with this name (Gemeente.veiligheidsregio), or None."""
    return _by_name().get(name)


def choices():
    """[(slug, name)] of every region, for filters."""
    return [(region.slug, region.name) for region in regions()]


def names_of(slugs):
    """The names (as stored on Gemeente) of the regions with these slugs; unknown ones left out."""
    return [region.name for slug in slugs if (region := by_slug(slug)) is not None]


def slug_of(name):
    """The slug of a region name, or "" when the name is not a known region."""
    region = by_name(name)
    return region.slug if region else ""


def municipalities(region):
    """The active municipalities of a region, by the name people know."""
    return Gemeente.objects.active().filter(veiligheidsregio=region.name).by_known_name()


# Sections of the regional pages, registered by the feature apps ----------------------------------


@dataclass(frozen=True)
class Section:
    name: str
    order: int
    template: str
    builder: object
    stylesheet: str = ""


_sections = {}


def register_section(name, *, template, order=500, stylesheet=""):
    """Decorator: ``builder(request, region, gemeenten)`` returns the context of ``template``
    for the regional page of ``region`` (``gemeenten``: its municipalities), or None."""

    def decorator(builder):
        _sections[name] = Section(name, order, template, builder, stylesheet)
        return builder

    return decorator


def sections():
    return sorted(_sections.values(), key=lambda section: (section.order, section.name))
