"""Turning what a visitor typed into a safe full-text query.

Search backends parse queries with their own syntax (SQLite FTS5 fails on a stray quote), so a
query is reduced to its words before it reaches them. Word characters include letters with
diacritics ("Fryslân") and digits; hyphenated words stay together ("GIDS-gemeente").
"""

import re

MAX_QUERY_LENGTH = 200
_WORD = re.compile(r"\w+(?:-\w+)*")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def display_query(raw):
    """What the visitor typed, as shown back to them: control characters (a NUL byte, which
    no XML feed can hold) as spaces, whitespace collapsed, length capped."""
    return " ".join(_CONTROL.sub(" ", str(raw)).split())[:MAX_QUERY_LENGTH]


def search_terms(raw):
    """The words of a query, joined by spaces; empty when nothing searchable is left."""
    return " ".join(_WORD.findall(display_query(raw)))
