"""Relevance ranking for the kennisbank on SQLite, in one pass over the full-text index.

The SQLite backend of Wagtail search (modelsearch) orders by relevance with a correlated scalar
subquery: for every matching page it runs the full-text match again to find that page's score.
The cost grows with the square of the number of matches (351 matches of "schulden" at 1,000
practices took 31 ms; at 10,000 practices it takes seconds). Here the scores of all matches are
read in a single full-text query and the matches are ordered in Python, exactly as the backend
orders them (bm25 score ascending, then newest id first). The PostgreSQL and OpenSearch backends
rank inside their own query and are left alone: `relevance_scores` returns None for them.

This reuses the backend's own query building (parsing, field weights, the MATCH expression), so
the scores are the backend's scores; tests compare the order with the backend's own.
"""

from wagtail.search.backends import get_search_backend


def _sqlite_parts():
    try:
        from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
        from modelsearch.backends.database.sqlite.sqlite import (
            SQLiteFTSIndexEntry,
            SQLiteSearchBackend,
        )
        from modelsearch.query import MatchAll, Not
        from modelsearch.utils import get_descendants_content_types_pks
    except (ImportError, LookupError):  # another modelsearch layout: let the backend rank
        return None
    return {
        "backend": SQLiteSearchBackend,
        "entries": SQLiteFTSIndexEntry,
        "match": MatchExpression,
        "normalize": normalize,
        "content_types": get_descendants_content_types_pks,
        "unrankable": (MatchAll, Not),
    }


def relevance_scores(queryset, terms, operator="and"):
    """{pk: score} for the objects of `queryset`'s model that match `terms` (a lower score is a
    better match), or None when the search backend should rank by itself.

    The scores cover the whole model; filter the candidates separately (see KennisbankSearch)."""
    backend = get_search_backend()
    # The SQLite module can only be imported when the database is SQLite.
    if not type(backend).__module__.endswith(".database.sqlite.sqlite"):
        return None
    parts = _sqlite_parts()
    if parts is None or not isinstance(backend, parts["backend"]):
        return None
    compiler = backend.query_compiler_class(
        queryset, terms, operator=operator, order_by_relevance=False
    )
    query = parts["normalize"](compiler.query)
    if isinstance(query, parts["unrankable"]):
        return None
    config = compiler.get_config(backend)
    match = parts["match"](
        compiler.fields or compiler.FTS_TABLE_FIELDS,
        compiler.build_search_query(query, config=config),
    )
    rank = compiler._build_rank_expression(compiler.get_search_vectors(), config)
    rows = (
        parts["entries"]
        .objects.filter(match)
        .filter(index_entry__content_type__in=parts["content_types"](queryset.model))
        .annotate(score=rank)
        .values_list("index_entry__object_id", "score")
    )
    scores = {}
    for object_id, score in rows:
        pk = int(object_id)
        if pk not in scores or score < scores[pk]:
            scores[pk] = score
    return scores


def rank(pks, scores):
    """`pks` in the backend's relevance order: best score first, then the newest id."""
    return sorted(pks, key=lambda pk: (scores.get(pk, 0.0), -pk))
