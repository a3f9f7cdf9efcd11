"""The site search's results, grouped by kind: kinds the feature apps register.

The search page (gezondin.views.search) shows what matches a query in groups — practices,
knowledge, dossiers, activities, other pages — each with its count, its first results and a link
to all of them. The core imports no feature app (docs/architecture.md), so each app registers its
kinds from its ``AppConfig.ready()``::

    @search_groups.register("praktijkvoorbeelden", order=100, models=[PraktijkvoorbeeldPage],
                            label=lambda n: ngettext("%(n)s praktijkvoorbeeld", ...) % {"n": n})
    def practices(request, query):
        return search_groups.Found(count, items, more_url)

``find(request, query)`` gets the request and the query as the visitor typed it (it has at least
one word: gezondin.search_terms); it returns a :class:`Found`: the number of matches, the matches
in the order they rank (a sequence that may be lazy, such as Wagtail's search results: the page
slices it) and the URL of the page that lists them all (the kennisbank with the query and a type
filter), or "" to page through them on the search page itself (``?q=...&soort=<name>``). With a
``more_url``, ``items`` need only hold the first PREVIEW. The core's own group, "pagina's", finds
the live pages of the visitor's language whose type no group claims (``models``).

Kinds are shown in ``order``; registering a name again replaces it (a host site can swap one).
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import ngettext
from wagtail.models import Locale, Page

from gezondin.search_terms import search_terms


@dataclass(frozen=True)
class Found:
    count: int
    items: Sequence[Any]
    more_url: str = ""


@dataclass(frozen=True)
class Group:
    name: str
    order: int
    label: Callable[[int], str]
    find: Callable[[Any, str], Found]
    models: tuple = field(default_factory=tuple)
    card_template: str = "gezondin/includes/page_card.html"
    stylesheet: str = ""


# How many results of each kind the search page shows before "all N".
PREVIEW = 3

_REGISTRY: dict[str, Group] = {}


def register(
    name,
    *,
    order,
    label,
    models=(),
    card_template="gezondin/includes/page_card.html",
    stylesheet="",
) -> Callable:
    """Register ``find(request, query) -> Found`` as the kind ``name``. ``label(count)``
    is the group's heading with its count ("3 praktijkvoorbeelden"); ``models`` the page types
    it finds (the core's "other pages" leave them out); ``card_template`` renders one item
    (given as ``card`` and ``item``); ``stylesheet``, a static path the page links when the
    kind is shown."""

    def decorator(find):
        _REGISTRY[name] = Group(name, order, label, find, tuple(models), card_template, stylesheet)
        return find

    return decorator


def groups() -> list[Group]:
    """The registered kinds, in order."""
    return sorted(_REGISTRY.values(), key=lambda group: (group.order, group.name))


def get(name) -> Group | None:
    return _REGISTRY.get(name)


def claimed_models() -> list:
    return [model for group in _REGISTRY.values() for model in group.models]


def _other_pages(request, query):
    """Live, public pages of the visitor's language of a type no other kind claims."""
    pages = Page.objects.live().public().filter(locale=Locale.get_active())
    # No untranslated copies (aliases; gezondin.terms.listed_q): Page itself has no filter field
    # for alias_of, so by id.
    pages = pages.filter(id__in=Page.objects.filter(alias_of__isnull=True).values("id"))
    claimed = claimed_models()
    if claimed:
        pages = pages.not_type(*claimed)
    results = pages.specific().search(search_terms(query), operator="and")
    return Found(results.count(), results)


register(
    "paginas",
    order=900,
    label=lambda count: (
        ngettext("%(count)s andere pagina", "%(count)s andere pagina's", count) % {"count": count}
    ),
)(_other_pages)
