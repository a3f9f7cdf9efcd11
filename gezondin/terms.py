"""Cached lookups for listings and filters: vocabulary terms, municipality names, locales and
private sections.

Terms change rarely and are read on every kennisbank page, so their names per language are kept in
Django's cache and dropped whenever a term or municipality is saved or deleted (see signals).
"""

import threading
import uuid

from django.core.cache import cache

from gezondin.models import Gemeente
from gezondin.models.snippets import VOCABULARIES

CACHE_VERSION_KEY = "gezondin:terms:version"
# The generation of everything cached from published pages (the kennisbank's counts and page ids,
# related practices, the search's vocabulary of words): replaced on every publication,
# unpublication, move or deletion (kennisbank.signals) and when the synonyms change.
RESULTS_VERSION_KEY = "gezondin:kennisbank:results-version"
CACHE_TIMEOUT = 60 * 60 * 24


# Within one request the lookups below are read from the cache once: a kennisbank page asks for
# the generations and the term names dozens of times (once per card, per facet, per link), each
# a round trip to Redis. The request sees one consistent state; a change made during the request
# (a publication in the admin) replaces the remembered generation at once (next_generation).
_request = threading.local()


def start_request_memo(**kwargs):
    """Signal receiver (request_started): remember lookups until the request ends."""
    _request.values = {}


def end_request_memo(**kwargs):
    """Signal receiver (request_finished)."""
    _request.values = None


# Beyond the request, each process keeps what it read under a key that holds a generation (the
# term names, municipality names, locales and private sections below: every such key carries
# version()); what is stored under such a key never changes, a change makes a new generation and
# so new keys. The generations themselves are read from the cache once per request. Bounded: it
# starts afresh when it holds more than a few generations' worth.
_process = {}
PROCESS_MEMO_SIZE = 512


def _cache_get(key, *, versioned=True):
    """The value cached under ``key`` (None if none), read once per request; a ``versioned`` key
    (one holding a generation) also once per process."""
    memo = getattr(_request, "values", None)
    if memo is not None and key in memo:
        return memo[key]
    value = _process.get(key) if versioned else None
    if value is None:
        value = cache.get(key)
        if versioned and value is not None:
            if len(_process) >= PROCESS_MEMO_SIZE:
                _process.clear()
            _process[key] = value
    if memo is not None and value is not None:
        memo[key] = value
    return value


def _remember(key, value):
    memo = getattr(_request, "values", None)
    if memo is not None:
        memo[key] = value


def cached(key):
    """The value kept under ``key`` by :func:`keep` (None if none); ``key`` holds a generation
    (:func:`version`), so it is read from the cache once per process."""
    return _cache_get(key)


def keep(key, value):
    """Keep ``value`` (not None) under ``key``, a key that holds a generation."""
    cache.set(key, value, CACHE_TIMEOUT)
    _remember(key, value)


def generation(key):
    """The current generation kept in the cache under `key`: an opaque token that cache keys
    include, so they go stale together when :func:`next_generation` replaces it.

    A generation is a token never used before, not a counter: if the entry is lost (evicted,
    culled, the cache emptied) the next reader makes a new token, so entries cached under an
    earlier generation can never be served again. Counters raised with ``cache.incr`` went back:
    the file cache stores an incremented value with the default timeout, and a lost counter
    restarted at 1, bringing back what was cached under 1 (pages made private, unpublished)."""
    value = _cache_get(key, versioned=False)
    if value is None:
        # add(), not set(): processes finding the key missing at the same moment agree on one.
        cache.add(key, new_token(), None)
        value = cache.get(key)
        if value is None:  # a cache that keeps nothing (DummyCache): never reuse a generation
            value = new_token()
        _remember(key, value)
    return value


def next_generation(key):
    """Start a new generation under `key`, so every key built on the old one is forgotten."""
    token = new_token()
    cache.set(key, token, None)
    _remember(key, token)


def new_token():
    """A generation never used before, on any process or machine."""
    return uuid.uuid4().hex


def version():
    """The current generation of cached lookups; part of every cache key built on them."""
    return generation(CACHE_VERSION_KEY)


def invalidate(**kwargs):
    """Signal receiver: forget every cached term and municipality name."""
    next_generation(CACHE_VERSION_KEY)


def results_version():
    """The generation of what is cached from published pages (see RESULTS_VERSION_KEY)."""
    return generation(RESULTS_VERSION_KEY)


def invalidate_results(**kwargs):
    """Forget every cached kennisbank count, page of ids and search vocabulary (called on
    publish, unpublish, move, delete, and when a group of synonyms changes)."""
    next_generation(RESULTS_VERSION_KEY)


def term_options(model, language_code):
    """[(slug, name)] of a vocabulary in a language, in editorial order.

    Terms not (yet) translated fall back to the default language's name, so a filter never loses
    an option because a translation is missing.
    """
    options = _cache_get(_terms_key("terms", model, language_code))
    if options is None:
        options, _untranslated = _read_terms(model, language_code)
    return options


def term_names(model, language_code):
    return dict(term_options(model, language_code))


def untranslated_terms(model, language_code):
    """{slug: language code} of the terms of a vocabulary that have no name in
    ``language_code``: :func:`term_options` shows them in another language (the default's), and
    pages say so (``lang`` and "(in Dutch)", see gezondin_tags.in_language)."""
    found = _cache_get(_terms_key("terms-untranslated", model, language_code))
    if found is None:
        _options, found = _read_terms(model, language_code)
    return found


def _terms_key(kind, model, language_code):
    return f"gezondin:{kind}:{version()}:{model._meta.label_lower}:{language_code}"


def _read_terms(model, language_code):
    """Both cached lookups of a vocabulary in a language, from one query."""
    names, languages, order = {}, {}, []
    rows = model.objects.order_by("sort_order", "name").values_list(
        "slug", "name", "locale__language_code"
    )
    for slug, name, language in rows:
        if slug not in names:
            order.append(slug)
            languages[slug] = language
        if language == language_code or slug not in names:
            names[slug] = name
            languages[slug] = language
    options = [(slug, names[slug]) for slug in order]
    untranslated = {slug: code for slug, code in languages.items() if code != language_code}
    cache.set(_terms_key("terms", model, language_code), options, CACHE_TIMEOUT)
    cache.set(_terms_key("terms-untranslated", model, language_code), untranslated, CACHE_TIMEOUT)
    return options, untranslated


def gemeente_labels():
    """{CBS code: the name people know the municipality by}, for every municipality."""
    key = f"gezondin:gemeenten:{version()}"
    labels = _cache_get(key)
    if labels is None:
        labels = {
            code: display or name
            for code, name, display in Gemeente.objects.values_list(
                "cbs_code", "name", "display_name"
            )
        }
        cache.set(key, labels, CACHE_TIMEOUT)
    return labels


def through_columns(field):
    """(link table, its column of the page, its column of the term) of a many-to-many field."""
    through = field.remote_field.through
    links = [f for f in through._meta.get_fields() if f.many_to_one]
    source = next(f.name for f in links if f.related_model is field.model)
    target = next(f.name for f in links if f.related_model is field.related_model)
    return through, source, target


def linked_to(queryset, field_name, **conditions):
    """The items of ``queryset`` whose many-to-many field ``field_name`` links a term (or
    municipality) matching ``conditions``, e.g. ``linked_to(pages, "themas", slug__in=slugs)``.

    One subquery on the link table, so an item linked to several matching terms appears once.
    The kennisbank's filters (web and API) and the activities' theme filter all select this
    way."""
    through, source, target = through_columns(queryset.model._meta.get_field(field_name))
    linked = through.objects.filter(
        **{f"{target}__{lookup}": value for lookup, value in conditions.items()}
    )
    return queryset.filter(pk__in=linked.values(f"{source}_id"))


def locale_id(language_code):
    """The id of a language's Locale (None if it has none), without a query once cached."""
    from wagtail.models import Locale

    key = f"gezondin:locale:{version()}:{language_code}"
    value = _cache_get(key)
    if value is None:
        value = (
            Locale.objects.filter(language_code=language_code).values_list("pk", flat=True).first()
        )
        cache.set(key, value or 0, CACHE_TIMEOUT)
    return value or None


def locale_languages():
    """{Locale id: language code} of every locale, without a query once cached."""
    from wagtail.models import Locale

    key = f"gezondin:locales:{version()}"
    value = _cache_get(key)
    if value is None:
        value = dict(Locale.objects.values_list("pk", "language_code"))
        cache.set(key, value, CACHE_TIMEOUT)
    return value


def restricted_paths():
    """Tree paths of the pages with a view restriction (private sections), cached."""
    from wagtail.models import PageViewRestriction

    key = f"gezondin:restricted:{version()}"
    paths = _cache_get(key)
    if paths is None:
        paths = sorted(PageViewRestriction.objects.values_list("page__path", flat=True))
        cache.set(key, paths, CACHE_TIMEOUT)
    return paths


def public_q():
    """Like PageQuerySet.public(), without its query on every call: leaves out pages in a
    private section. Filters on `path`, which every search backend can filter on."""
    from django.db.models import Q

    q = Q()
    for path in restricted_paths():
        q &= ~Q(path__startswith=path)
    return q


def listed_q():
    """public_q(), and no alias: a language's listings, facets and searches leave out the
    untranslated copies wagtail-localize's "synchronise content" makes of another language's
    pages (docs/publishing.md, "Translating"). ``alias_of`` is a filter field of every
    GezondIn page (BasePage); hosts with an external search index run ``update_index`` once."""
    from django.db.models import Q

    return public_q() & Q(alias_of__isnull=True)


def connect_signals():
    from django.core.signals import request_finished, request_started
    from django.db.models.signals import post_delete, post_save

    request_started.connect(start_request_memo, dispatch_uid="gezondin-terms-memo-start")
    request_finished.connect(end_request_memo, dispatch_uid="gezondin-terms-memo-end")
    from wagtail.models import Locale, PageViewRestriction, Site

    # Site: gezondin.sites keeps which site answers a host under this generation.
    for model in [*VOCABULARIES, Gemeente, Locale, PageViewRestriction, Site]:
        post_save.connect(invalidate, sender=model, dispatch_uid=f"terms-save-{model.__name__}")
        post_delete.connect(invalidate, sender=model, dispatch_uid=f"terms-del-{model.__name__}")
