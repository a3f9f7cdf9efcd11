"""GezondIn's search backend: Wagtail's database backend, understanding Dutch.

Set ``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "gezondin.search_backend"}}``. It is
Wagtail's database backend (modelsearch) for the database in use — SQLite's FTS5, PostgreSQL's
full text (with the ``simple`` configuration: the stemming is done here, the same way on both) —
with one change to queries: a query's words are folded, stemmed and stripped of function words
by :mod:`gezondin.search_text`, each stem of at least ``MIN_PREFIX`` letters matches as the
start of a word, and a word in a group of synonyms (:mod:`gezondin.synonyms`) matches any word
of its group. The page types index their text stemmed the same way (``DutchSearchField``).
Other databases get the plain database backend.

Switching an existing installation to this backend (or upgrading to a release that changes
``search_text``) needs ``manage.py update_index`` once (docs/deployment notes in
docs/configuration.md).
"""

from functools import cache, reduce

from django.db import connection
from modelsearch.backends import database
from modelsearch.query import PlainText

from gezondin import synonyms
from gezondin.search_text import MIN_PREFIX, indexing, query_stems

# What this module takes from modelsearch beyond its public API, by backend module: checked by
# tests/gezondin/test_search_text.py, so an upgrade that moves them fails the suite.
INTERNALS = {
    "sqlite": {
        "modelsearch.backends.database.sqlite.query": [
            "Lexeme",
            "LexemeCombinable",
            "SearchQueryExpression",
        ],
        "modelsearch.backends.database.sqlite.sqlite": [
            "SQLiteSearchBackend",
            "SQLiteSearchQueryCompiler",
        ],
    },
    "postgresql": {
        "modelsearch.backends.database.postgres.query": ["Lexeme"],
        "modelsearch.backends.database.postgres.postgres": [
            "PostgresSearchBackend",
            "PostgresSearchQueryCompiler",
        ],
    },
}


def _lexemes(lexeme_class, query, group=None, **kwargs):
    """The query's stems as lexemes (prefixes from MIN_PREFIX letters), combined with the query's
    operator; None when nothing searchable is left.

    A stem (or run of stems) that is an entry of a group of synonyms (gezondin.synonyms) matches
    any entry of its group: an OR of the entries, each entry the AND of its stems. ``group``
    wraps such an OR in parentheses where the backend's combined lexemes do not (SQLite)."""
    stems = query_stems(query.query_string)
    if not stems:
        return None

    def lexeme(stem):
        return lexeme_class(stem, prefix=len(stem) >= MIN_PREFIX, **kwargs)

    def both(parts):
        return reduce(lambda a, b: a & b, parts)

    def either(parts):
        return reduce(lambda a, b: a | b, parts)

    terms = []
    for alternatives in synonyms.expand(stems):
        term = either([both([lexeme(stem) for stem in entry]) for entry in alternatives])
        if len(alternatives) > 1 and group is not None:
            term = group(term)
        terms.append(term)
    if str(query.operator).lower() == "and":
        return both(terms)
    return either(terms)


class IndexingOnce:
    """Adds objects to the index reading each Dutch field once per object
    (gezondin.search_text.indexing), not once per column of the index."""

    def add(self, obj):
        with indexing():
            return super().add(obj)

    def add_bulk(self, model, obj_list):
        with indexing():
            return super().add_bulk(model, obj_list)


@cache
def sqlite_backend_class():
    """The SQLite backend's class (its module can only be imported on SQLite)."""
    from modelsearch.backends.database.sqlite.query import (
        Lexeme,
        LexemeCombinable,
        SearchQueryExpression,
    )
    from modelsearch.backends.database.sqlite.sqlite import (
        SQLiteSearchBackend,
        SQLiteSearchQueryCompiler,
    )

    class Parenthesised(LexemeCombinable):
        """Lexemes combined in parentheses: FTS5 binds AND before OR, and modelsearch's
        CombinedLexeme for SQLite adds none ("a OR b AND c" would be "a OR (b AND c)")."""

        def __init__(self, inner):
            super().__init__(output_field=Lexeme._output_field)
            self.inner = inner

        def as_sql(self, compiler, connection):
            sql, params = compiler.compile(self.inner)
            return "%s", [f"({sql % tuple(params)})"]

    class DutchSQLiteQueryCompiler(SQLiteSearchQueryCompiler):
        def build_search_query_content(self, query, config=None):
            if isinstance(query, PlainText):
                lexemes = _lexemes(Lexeme, query, group=Parenthesised)
                return None if lexemes is None else SearchQueryExpression(lexemes, config=config)
            return super().build_search_query_content(query, config=config)

    class DutchSQLiteSearchBackend(IndexingOnce, SQLiteSearchBackend):
        query_compiler_class = DutchSQLiteQueryCompiler

    return DutchSQLiteSearchBackend


@cache
def postgres_backend_class():
    from django.contrib.postgres.search import SearchQuery
    from modelsearch.backends.database.postgres.postgres import (
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
    )
    from modelsearch.backends.database.postgres.query import Lexeme

    class DutchPostgresQueryCompiler(PostgresSearchQueryCompiler):
        def build_tsquery_content(self, query, config=None, invert=False):
            if isinstance(query, PlainText):
                lexemes = _lexemes(Lexeme, query, invert=invert)
                if lexemes is None:
                    return None
                return SearchQuery(lexemes, search_type="raw", config=config)
            return super().build_tsquery_content(query, config=config, invert=invert)

    class DutchPostgresSearchBackend(IndexingOnce, PostgresSearchBackend):
        query_compiler_class = DutchPostgresQueryCompiler

        def __init__(self, params):
            super().__init__({"SEARCH_CONFIG": "simple", **params})

    return DutchPostgresSearchBackend


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    """The backend for the default database (Wagtail calls this with the settings' params)."""
    if connection.vendor == "postgresql":
        return postgres_backend_class()(params)
    backend = database.SearchBackend(params)
    if connection.vendor == "sqlite" and type(backend).__name__ == "SQLiteSearchBackend":
        return sqlite_backend_class()(params)
    return backend
