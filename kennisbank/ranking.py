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

modelsearch has no public API for this: every private name it is reached through is used in
:func:`_sqlite_score_rows` and nowhere else. When an upgrade moves them the function returns None
and the backend ranks by itself (correct, but quadratic); `tests/kennisbank/test_search.py`
checks the internals are all there, so an upgrade fails the suite instead of slowing down quietly.
"""

from wagtail.search.backends import get_search_backend

# What _sqlite_score_rows needs from modelsearch's SQLite backend, for the upgrade test.
SQLITE_INTERNALS = {
    "modelsearch.backends.database.sqlite.query": ["MatchExpression", "normalize"],
    "modelsearch.backends.database.sqlite.sqlite": ["SQLiteFTSIndexEntry", "SQLiteSearchBackend"],
    "modelsearch.query": ["MatchAll", "Not"],
    "modelsearch.utils": ["get_descendants_content_types_pks"],
}
SQLITE_COMPILER_INTERNALS = [
    "FTS_TABLE_FIELDS",
    "build_search_query",
    "get_config",
    "get_search_vectors",
    "_build_rank_expression",
]


def on_sqlite_backend(backend):
    # The SQLite module can only be imported when the database is SQLite; GezondIn's own backend
    # (gezondin.search_backend) subclasses it.
    return any(cls.__module__.endswith(".database.sqlite.sqlite") for cls in type(backend).__mro__)


def _sqlite_score_rows(backend, queryset, terms, operator):
    """(object id, bm25 score) of every index entry of `queryset`'s model matching `terms`, built
    with the SQLite backend's own compiler; None when the query cannot be ranked this way or the
    backend's internals are not where this version of modelsearch keeps them."""
    try:
        from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
        from modelsearch.backends.database.sqlite.sqlite import (
            SQLiteFTSIndexEntry,
            SQLiteSearchBackend,
        )
        from modelsearch.query import MatchAll, Not
        from modelsearch.utils import get_descendants_content_types_pks
    except (ImportError, LookupError):
        return None
    if not isinstance(backend, SQLiteSearchBackend):
        return None
    compiler = backend.query_compiler_class(
        queryset, terms, operator=operator, order_by_relevance=False
    )
    if not all(hasattr(compiler, name) for name in SQLITE_COMPILER_INTERNALS):
        return None
    query = normalize(compiler.query)
    if isinstance(query, (MatchAll, Not)):
        return None
    config = compiler.get_config(backend)
    match = MatchExpression(
        compiler.fields or compiler.FTS_TABLE_FIELDS,
        compiler.build_search_query(query, config=config),
    )
    rank_expression = compiler._build_rank_expression(compiler.get_search_vectors(), config)
    return (
        SQLiteFTSIndexEntry.objects.filter(match)
        .filter(index_entry__content_type__in=get_descendants_content_types_pks(queryset.model))
        .annotate(score=rank_expression)
        .values_list("index_entry__object_id", "score")
    )


def relevance_scores(queryset, terms, operator="and"):
    """{pk: score} for the objects of `queryset`'s model that match `terms` (a lower score is a
    better match), or None when the search backend should rank by itself.

    The scores cover the whole model; filter the candidates separately (see KennisbankSearch)."""
    backend = get_search_backend()
    if not on_sqlite_backend(backend):
        return None
    rows = _sqlite_score_rows(backend, queryset, terms, operator)
    if rows is None:
        return None
    scores = {}
    for object_id, score in rows:
        pk = int(object_id)
        if pk not in scores or score < scores[pk]:
            scores[pk] = score
    return scores


def rank(pks, scores):
    """`pks` in the backend's relevance order: best score first, then the newest id."""
    return sorted(pks, key=lambda pk: (scores.get(pk, 0.0), -pk))
