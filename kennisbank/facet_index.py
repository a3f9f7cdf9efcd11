"""Facet counts, totals and pages for any selection of the kennisbank in one pass in memory.

The kennisbank of one language (its live, public items) is read once into a `FacetIndex`: the item
ids from newest to oldest, and for every facet value (a theme's slug, a municipality's CBS code, a
province, a region's slug, a recognition level, a kind) a bitset — a Python int whose bit *i* is
set when the *i*-th newest item has that value. A selection is then a few ORs and ANDs of ints, a
facet count a `bit_count()`, a page of results the set bits from a rank on: about a millisecond at
10,000 items, whatever the selection. Faceted search engines (Meilisearch, Typesense) count the
same way over their inverted index.

The index is rebuilt when anything it holds may have changed: its key carries the generation of
published pages (replaced on every publish, unpublish, move and delete, gezondin.terms) and the
generation of terms and municipalities. It is kept per process and in Django's cache, so another
app server or worker process loads it instead of reading the database (docs/performance.md).
"""

import threading
from functools import cached_property

import numpy as np
from django.core.cache import cache

from gezondin import regions
from gezondin import terms as cached_terms
from gezondin.terms import listed_q, through_columns
from kennisbank.models import VOCABULARY_FIELDS, KennisPage

CACHE_TIMEOUT = 60 * 60
_memo = {}
_lock = threading.Lock()


def _bits(positions):
    """The int with the given bits set (any iterable of positions, or an array of them)."""
    if not isinstance(positions, np.ndarray):
        positions = np.fromiter(positions, dtype=np.intp)
    if not len(positions):
        return 0
    holding = np.zeros(int(positions.max()) + 1, dtype=bool)
    holding[positions] = True
    return int.from_bytes(np.packbits(holding, bitorder="little").tobytes(), "little")


def _lowest_first(selection):
    """The bits of a selection as a string of 0s and 1s, position 0 first."""
    return bin(selection)[:1:-1] if selection else ""


class FacetIndex:
    """The live public kennisbank items of one language, as bitsets per facet value."""

    def __init__(self, rows, links, title_order):
        # rows: (pk, kind, title, erkenning, translation_key), newest first; title_order: the
        # pks sorted by title as the database sorts them.
        self.ids = [row[0] for row in rows]
        self.position = {pk: position for position, pk in enumerate(self.ids)}
        self.all = (1 << len(self.ids)) - 1
        self.translation_keys = [row[4] for row in rows]
        self.title_list = [row[2] for row in rows]
        # Positions in the database's title order, for sort=titel.
        self.by_title = [self.position[pk] for pk in title_order if pk in self.position]
        values = {"type": {}, "erkenning": {}}
        for position, (_pk, kind, _title, erkenning, _key) in enumerate(rows):
            values["type"].setdefault(kind, []).append(position)
            if erkenning:
                values["erkenning"].setdefault(erkenning, []).append(position)
        for facet, pairs in links.items():
            found = values.setdefault(facet, {})
            for pk, value in pairs:
                position = self.position.get(pk)
                if position is not None and value:
                    found.setdefault(value, []).append(position)
        self.bits = {
            facet: {value: _bits(positions) for value, positions in by_value.items()}
            for facet, by_value in values.items()
        }

    @classmethod
    def read(cls, base):
        """Read `base` (a queryset of KennisPage) and its links: nine queries."""
        rows = list(
            base.order_by("-first_published_at", "-pk").values_list(
                "pk", "kind", "title", "praktijkvoorbeeldpage__erkenning", "translation_key"
            )
        )
        pks = base.values("pk")
        links = {}
        for facet, field in VOCABULARY_FIELDS.items():
            through, source, target = through_columns(KennisPage._meta.get_field(field))
            links[facet] = through.objects.filter(**{f"{source}_id__in": pks}).values_list(
                f"{source}_id", f"{target}__slug"
            )
        through, source, target = through_columns(KennisPage._meta.get_field("gemeenten"))
        places = list(
            through.objects.filter(**{f"{source}_id__in": pks}).values_list(
                f"{source}_id",
                f"{target}__cbs_code",
                f"{target}__provincie",
                f"{target}__veiligheidsregio",
            )
        )
        links["gemeente"] = [(pk, code) for pk, code, _provincie, _regio in places]
        links["provincie"] = [(pk, provincie) for pk, _code, provincie, _regio in places]
        links["regio"] = [(pk, regions.slug_of(regio)) for pk, _code, _provincie, regio in places]
        title_order = list(base.order_by("title", "pk").values_list("pk", flat=True))
        return cls(rows, links, title_order)

    # Selections ------------------------------------------------------------------------------

    def bitset(self, ids):
        """The bitset of the given ids (those of this index; others are ignored)."""
        position = self.position
        return _bits(position[pk] for pk in ids if pk in position)

    def bitset_of_positions(self, positions):
        """The bitset of the items at the given positions."""
        return _bits(positions)

    def positions_of(self, ids):
        """The positions of the given ids (those of this index, in their order), as an array."""
        position = self.position
        return np.fromiter((position[pk] for pk in ids if pk in position), dtype=np.intp)

    def _holding(self, selection):
        """A selection's bitset as an array of booleans over the positions."""
        size = len(self.ids)
        packed = np.frombuffer(selection.to_bytes((size + 7) // 8, "little"), dtype=np.uint8)
        return np.unpackbits(packed, count=size, bitorder="little").view(bool)

    def select(self, chosen, within=None, skip=None):
        """The items matching every chosen facet (any of its values), within `within`."""
        selection = self.all if within is None else within
        for facet, values in chosen.items():
            if facet == skip or not values:
                continue
            by_value = self.bits.get(facet, {})
            union = 0
            for value in values:
                union |= by_value.get(value, 0)
            selection &= union
        return selection

    def counts(self, facets, chosen, within=None):
        """{facet: {value: count}} for the selection, each facet counted without its own
        choice (so its other values show how many choosing them too would give)."""
        counts = {}
        for facet in facets:
            selection = self.select(chosen, within=within, skip=facet)
            found = {}
            for value, bits in self.bits.get(facet, {}).items():
                count = (bits & selection).bit_count()
                if count:
                    found[value] = count
            counts[facet] = found
        return counts

    def ranked_in(self, selection, positions, start, stop):
        """The ids ranked start..stop-1 of the selection's items among `positions` (an array,
        in the order to show)."""
        if not len(positions):
            return []
        chosen = positions[self._holding(selection)[positions]][start:stop]
        ids = self.ids
        return [ids[at] for at in chosen.tolist()]

    def titles(self, ids):
        """{pk: title} of the given ids."""
        return {pk: self.title_list[self.position[pk]] for pk in ids if pk in self.position}

    def newest(self, selection, start, stop):
        """The ids of the selection ranked start..stop-1, newest first."""
        bits = _lowest_first(selection)
        ids, rank, position = [], 0, bits.find("1")
        while position != -1 and rank < stop:
            if rank >= start:
                ids.append(self.ids[position])
            rank += 1
            position = bits.find("1", position + 1)
        return ids

    def by_title_ids(self, selection, start, stop):
        """The ids of the selection ranked start..stop-1 in title order."""
        bits = _lowest_first(selection)
        ids, rank = [], 0
        for position in self.by_title:
            if position < len(bits) and bits[position] == "1":
                if rank >= start:
                    ids.append(self.ids[position])
                rank += 1
                if rank >= stop:
                    break
        return ids

    @cached_property
    def translation_key_set(self):
        """The translation keys of the items, as a set (hashed once per process: ten thousand
        UUIDs take about ten milliseconds)."""
        return frozenset(self.translation_keys)

    def without_keys(self, translation_keys):
        """The items whose translation is not among `translation_keys` (a set)."""
        return _bits(
            position
            for position, key in enumerate(self.translation_keys)
            if key not in translation_keys
        )


def index_key(locale):
    """The cache key of a language's FacetIndex (a Locale id) in the current generations."""
    return (
        "gezondin:kennisbank:facet-index:"
        f"{locale}:{cached_terms.version()}:{cached_terms.results_version()}"
    )


def facet_index(locale):
    """The FacetIndex of a language's live public kennisbank (a Locale id)."""
    key = index_key(locale)
    remembered = _memo.get(locale)
    if remembered is not None and remembered[0] == key:
        return remembered[1]
    with _lock:  # one thread of a process reads the database, the others wait for it
        remembered = _memo.get(locale)
        if remembered is not None and remembered[0] == key:
            return remembered[1]
        index = cache.get(key)
        if index is None:
            base = KennisPage.objects.live().filter(listed_q(), locale_id=locale)
            index = FacetIndex.read(base)
            cache.set(key, index, CACHE_TIMEOUT)
        _memo[locale] = (key, index)  # only the current generations are worth keeping
    return index
