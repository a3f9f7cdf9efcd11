"""Synonyms editors maintain (Snippets > Vocabulaires > Synoniemen), as search applies them.

A group (``Synoniemen``) lists words and phrases that mean the same. When a query holds one of
them — compared by stems (gezondin.search_text.query_stems), so "schulden" matches the entry
"schuld" — that part of the query becomes "any of the group's entries", where an entry of several
words needs all of them ("financiële problemen"); the rest of the query still needs every word.
gezondin.search_backend builds the lexemes from :func:`expand`.

The groups are read once and kept in Django's cache under their own generation, replaced when a
group is saved or deleted, which also replaces the results generation (gezondin.terms), so the
kennisbank's cached results are dropped at once. A warm query costs no database query.
"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

from gezondin import terms
from gezondin.models import Synoniemen
from gezondin.search_text import STEM_RULES, query_stems

VERSION_KEY = "gezondin:synonyms:version"
CACHE_TIMEOUT = 60 * 60 * 24

# Per process: (generation, index) last read, so a warm query does not even unpickle the index.
_memo = (None, {})


def _read():
    """{entry (a tuple of stems): [entries of every group it belongs to, itself included]}."""
    alternatives = {}
    for group in Synoniemen.objects.order_by("pk"):
        entries = [tuple(query_stems(entry)) for entry in group.entries()]
        for entry in entries:
            known = alternatives.setdefault(entry, [])
            known.extend(other for other in entries if other not in known)
    return alternatives


def alternatives():
    """The cached index of the groups (see :func:`_read`)."""
    global _memo
    version = terms.generation(VERSION_KEY)
    remembered, index = _memo
    if remembered == version:
        return index
    key = f"gezondin:synonyms:{STEM_RULES}:{version}"
    index = cache.get(key)
    if index is None:
        index = _read()
        cache.set(key, index, CACHE_TIMEOUT)
    _memo = (version, index)
    return index


def expand(stems):
    """The query's stems as parts that must all match, each part a list of alternatives (one
    tuple of stems each, all of which must match): ``["schuld", "gezin"]`` becomes
    ``[[("schuld",), ("geldzorg",), ("financiel", "problem")], [("gezin",)]]``. The longest run
    of stems that is an entry of a group is taken first ("financiële problemen" as one)."""
    index = alternatives()
    longest = max((len(entry) for entry in index), default=0)
    parts, position = [], 0
    while position < len(stems):
        for size in range(min(longest, len(stems) - position), 0, -1):
            entry = tuple(stems[position : position + size])
            if entry in index:
                parts.append(list(index[entry]))
                position += size
                break
        else:
            parts.append([(stems[position],)])
            position += 1
    return parts


def invalidate(**kwargs):
    """Signal receiver: a group changed; forget the groups and every cached search result."""
    terms.next_generation(VERSION_KEY)
    terms.invalidate_results()


def connect_signals():
    post_save.connect(invalidate, sender=Synoniemen, dispatch_uid="synonyms-save")
    post_delete.connect(invalidate, sender=Synoniemen, dispatch_uid="synonyms-delete")
