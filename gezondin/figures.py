"""“GezondIn in cijfers”: the figures of the site's reach, from what the feature apps register.

The core imports no feature app (docs/architecture.md), so each app adds its figures from its
``AppConfig.ready()``::

    @figures.register("practices", order=100, template="kennisbank/includes/figures.html")
    def practice_figures(language_code):
        return {...}  # JSON-serialisable; None when the app has nothing to show

The figures page (``gezondin.views.figures``: ``/nl/cijfers/``, ``/en/figures/``) renders each
provider's data with its template; the read API's ``cijfers`` endpoint
(``/api/v2/cijfers/``) returns the same data as JSON, keyed by the provider's name. Figures are
aggregates only: counts, never people.

:func:`levels` gives the map-like grids their colour steps; the numbers are always shown too, so
colour never carries the information alone.
"""

from dataclasses import dataclass

from django.core.cache import cache

from gezondin import terms


@dataclass(frozen=True)
class Provider:
    name: str
    order: int
    template: str
    build: object


_providers = {}
CACHE_TIMEOUT = 60 * 60
LEVELS = 5  # colour steps of the grids: 0 (none) .. 4 (the most)


def register(name, *, template, order=500):
    """Decorator: ``build(language_code)`` returns the figures of ``name`` (a JSON-serialisable
    dict) or None."""

    def decorator(build):
        _providers[name] = Provider(name, order, template, build)
        return build

    return decorator


def providers():
    return sorted(_providers.values(), key=lambda provider: (provider.order, provider.name))


def collect(language_code):
    """[(provider, data)] of every provider with figures, in order; cached until the next
    publication or change of terms and municipalities (the generations of gezondin.terms)."""
    key = f"gezondin:figures:{language_code}:{terms.version()}:{terms.results_version()}"
    found = cache.get(key)
    if found is None:
        found = {}
        for provider in providers():
            data = provider.build(language_code)
            if data is not None:
                found[provider.name] = data
        cache.set(key, found, CACHE_TIMEOUT)
    return [(p, found[p.name]) for p in providers() if p.name in found]


def levels(rows, key="count"):
    """Each row (a dict) with ``level``: 0 for none, else 1..LEVELS-1 by its share of the
    largest count."""
    largest = max((row[key] for row in rows), default=0)
    for row in rows:
        count = row[key]
        row["level"] = 0 if not count else 1 + (count * (LEVELS - 2)) // largest
    return rows
