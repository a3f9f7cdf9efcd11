"""The links of kennisbank items to their terms (as slugs) and municipalities (as CBS codes).

Pages and result cards show an item's terms by slug, each named from the cached names in
gezondin.terms, and its municipalities by CBS code. Reading the links costs no query when they
are prefetched (``with_listing_data(prefetch=True)``) or held in memory (previews and
revisions). Otherwise the links of every field are read in one query, a UNION over the link
tables: for one item the first time a page asks for one of them (:func:`linked_values`), or for
a list of items at once (:func:`load_links`: the result cards that are not in the cache).
"""

import json

from django.db import connection
from django.db.models import CharField, Value
from django.db.models.expressions import RawSQL

from kennisbank.filters import m2m_through
from kennisbank.models import VOCABULARY_FIELDS

LINKED_FIELDS = [*VOCABULARY_FIELDS.values(), "gemeenten"]
LOADED_ATTR = "_kennisbank_linked_values"


def already_loaded(item, field):
    """Whether reading ``field`` costs no query: prefetched (listings), held in memory (previews
    and revisions) or the page is not saved yet."""
    return (
        not item.pk
        or field in getattr(item, "_prefetched_objects_cache", {})
        or field in getattr(item, "_cluster_related_objects", {})
    )


def _identity(field, obj):
    return obj.cbs_code if field == "gemeenten" else obj.slug


def _rows(fields, page_ids):
    """(page id, field, slug or CBS code) of the given pages' links in ``fields``: one query."""
    parts = []
    for name in fields:
        through, term_fk = m2m_through(name)
        column = "cbs_code" if name == "gemeenten" else "slug"
        parts.append(
            through.objects.filter(kennispage_id__in=page_ids)
            .annotate(linked_field=Value(name, output_field=CharField()))
            .values_list("kennispage_id", "linked_field", f"{term_fk}__{column}")
            .order_by()
        )
    return parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]


def id_list(ids):
    """A list of ids as a subquery with a single parameter (an array on PostgreSQL, JSON on
    SQLite), for `pk__in=`: thousands of ids in several parts of one query stay within the
    databases' limits on parameters."""
    ids = [int(pk) for pk in ids]
    if connection.vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::integer[])", [ids])
    if connection.vendor == "sqlite":
        return RawSQL("SELECT value FROM json_each(%s)", [json.dumps(ids)])
    return ids


# Ids no page has: the list the query for load_links is compiled with, once per process.
_PLACEHOLDER_IDS = (-1, -2)
_compiled = {}


def _all_rows(page_ids):
    """_rows of every field for many pages. Building and compiling that UNION of seven parts
    costs six times what running it does, so on SQLite and PostgreSQL (where the ids are one
    parameter, id_list) it is compiled once and run with the ids."""
    if connection.vendor not in _compiled:
        placeholder = id_list(_PLACEHOLDER_IDS)
        if isinstance(placeholder, list):  # other databases: one parameter per id
            _compiled[connection.vendor] = None
        else:
            sql, params = _rows(LINKED_FIELDS, placeholder).query.sql_with_params()
            _compiled[connection.vendor] = (sql, params, placeholder.params[0])
    if _compiled[connection.vendor] is None:
        return list(_rows(LINKED_FIELDS, page_ids))
    sql, params, placeholder = _compiled[connection.vendor]
    ids = id_list(page_ids).params[0]
    with connection.cursor() as cursor:
        cursor.execute(sql, [ids if param == placeholder else param for param in params])
        return cursor.fetchall()


def load_links(items):
    """Read the links of every field for all ``items`` (saved pages) in one query and keep them
    on each item, for :func:`linked_values`."""
    items = [item for item in items if item.pk]
    if not items:
        return
    loaded = {item.pk: {name: [] for name in LINKED_FIELDS} for item in items}
    for page_id, name, value in _all_rows(list(loaded)):
        loaded[page_id][name].append(value)
    for item in items:
        setattr(item, LOADED_ATTR, loaded[item.pk])


def linked_values(item, field):
    """The slugs of an item's terms in ``field`` (CBS codes for "gemeenten").

    Links that are loaded already are read as they are. Otherwise the links of every field that
    is not loaded are read in one query and kept on the item, so a page showing several
    vocabularies costs one query instead of one per vocabulary.
    """
    if field not in LINKED_FIELDS:
        raise ValueError(f"unknown vocabulary field {field!r}")
    if already_loaded(item, field):
        return [_identity(field, obj) for obj in getattr(item, field).all()]
    loaded = getattr(item, LOADED_ATTR, None)
    if loaded is None:
        wanted = [name for name in LINKED_FIELDS if not already_loaded(item, name)]
        loaded = {name: [] for name in wanted}
        for _page_id, name, value in _rows(wanted, [item.pk]):
            loaded[name].append(value)
        setattr(item, LOADED_ATTR, loaded)
    return loaded[field]
