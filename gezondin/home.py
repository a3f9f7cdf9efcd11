"""What the home page shows besides its own fields: sections the feature apps register.

The home page is the site's front door: a search box, the themes, the next activities, the
newest practices, a call to share a practice. Those belong to the feature apps, and the core
imports none of them (docs/architecture.md), so each app registers its sections here from its
``AppConfig.ready()``::

    @home.register("kennisbank-themes", template="kennisbank/includes/home_themes.html", order=200)
    def themes(request, home_page):
        return {"themes": [...]} or None

A builder gets the request and the home page being shown (in the visitor's language) and returns
the context of its template, or None when it has nothing to show (no kennisbank in this
language, no activities planned). ``HomePage.get_context`` calls the builders in ``order`` and
hands the template ``home_sections``: {region: [Section]}; ``region`` is "lead" (in the opening
block, under the introduction: the search box) or "main" (the blocks below it). A section's
template gets its builder's context as ``section``; the style sheets sections name are linked
once in the page's head (``home_stylesheets``).

Builders keep the home page's query count small and fixed: they read what the pages they link to
cache already, and each does a bounded number of queries whatever the size of the content
(tests/gezondin/test_home.py pins the total on the demo content).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

REGIONS = ("lead", "main")


@dataclass(frozen=True)
class Registration:
    name: str
    template: str
    order: int
    region: str
    stylesheet: str
    build: Callable[[Any, Any], dict | None]


@dataclass(frozen=True)
class Section:
    """One section to render: its name, template, the context its builder returned and the
    static path of a style sheet its template needs ("" for none)."""

    name: str
    template: str
    context: dict
    stylesheet: str = ""


_REGISTRY: dict[str, Registration] = {}


def register(name, *, template, order, region="main", stylesheet=""):
    """Register ``build(request, home_page) -> dict | None`` as the home page's section ``name``
    (registering a name again replaces it: a host site can swap a section for its own).
    ``stylesheet``: a static path the home page links once in its head."""
    if region not in REGIONS:
        raise ValueError(f"unknown home page region {region!r}; use one of {REGIONS}")

    def decorator(build):
        _REGISTRY[name] = Registration(name, template, order, region, stylesheet, build)
        return build

    return decorator


def unregister(name):
    """Leave section ``name`` off the home page (a host site that does not want it)."""
    _REGISTRY.pop(name, None)


def registered():
    """The registered sections, in order."""
    return sorted(_REGISTRY.values(), key=lambda item: (item.order, item.name))


def sections(request, home_page):
    """{region: [Section]} of the sections that have something to show, in order."""
    result = {region: [] for region in REGIONS}
    for item in registered():
        context = item.build(request, home_page)
        if context:
            section = Section(item.name, item.template, context, item.stylesheet)
            result[item.region].append(section)
    return result


def stylesheets(home_sections):
    """The distinct style sheets of the sections to render, in order."""
    paths = []
    for region in REGIONS:
        for section in home_sections.get(region, ()):
            if section.stylesheet and section.stylesheet not in paths:
                paths.append(section.stylesheet)
    return paths
