"""A search's matches and their order without SQL: the words of the kennisbank in memory.

The full-text query was the cost of a search nobody asked for since the last publication: the
database finds and scores every match (a common word matches most practices; about 0.2 s at
10,000 practices on PostgreSQL, 0.6 s at 50,000 on SQLite), once per new word. A `WordIndex`
holds the words of the live public items of one language, read once per publication from the
search index that GezondIn's backend keeps (the folded Dutch stems of every searched field,
gezondin.search_text): for every word the positions of the items that hold it, in the
`FacetIndex`'s order (newest first), with how often. A query is then matched and ranked in a few
milliseconds, as search engines do over their inverted index:

- **Matching** is the backend's (gezondin.search_backend): every part of the query must match; a
  stem of at least MIN_PREFIX letters matches as the start of a word ("schuld" finds
  "schuldhulpverlening"), a shorter one only a whole word; a word of a group of synonyms matches
  any entry of its group.
- **Ranking** is BM25 over the title and the rest of the text (a word in the title counts
  TITLE_WEIGHT times), newest first among equal scores; KennisbankSearch then puts the titles
  that say what was asked first, as it does with the backends' own order.

The postings are numpy arrays laid end to end in the order of the sorted words, so the words a
stem starts are one slice of them; a query's frequencies are a `bincount` over that slice and
BM25 is computed over all items at once (2–3 ms for a word that matches 50,000 practices,
where Python dicts took 20–40 ms).

The index is kept per process, like the facet index, and built when the facet index's
generations change (the task that reads the facet index after a publication builds it too).
It is only used with GezondIn's own backend on SQLite or PostgreSQL (`available`): OpenSearch
ranks by itself.
"""

import functools
import math
import pickle
import re
import secrets
import threading
import zlib
from bisect import bisect_left
from collections import Counter
from itertools import chain

import numpy as np
from django.core.cache import cache
from django.db import connection
from django_tasks import task

from gezondin import synonyms
from gezondin.search_text import MIN_PREFIX, STOP_WORDS, fold, normalising, query_stems
from gezondin.search_text import stem as stem_word
from kennisbank.facet_index import CACHE_TIMEOUT, facet_index, index_key
from kennisbank.models import KennisPage

# A word in the title counts this often; BM25's usual parameters.
TITLE_WEIGHT = 3
# The highest count of a word in one item that the index keeps (BM25 saturates long before).
MAX_COUNT = 65535
K1 = 1.2
B = 0.75
# The columns of modelsearch's index entries that hold the indexed text as text, by database.
TEXT_COLUMNS = {"sqlite": ("title", "body"), "postgresql": ("title_text", "body_text")}
_TOKEN = re.compile(r"\w+")
# The stems of Dutch function words: a title's other words are what it says.
_FUNCTION_STEMS = frozenset(stem_word(word) for word in STOP_WORDS)

# How long a requested build may take before another search asks for it again.
BUILD_TIMEOUT = 120
# Part of the cache key of a build: raised when WordIndex's attributes change, so that a
# deployment does not read a build of the previous code from the cache.
FORMAT = 2

_memo = {}
# {locale: (FacetIndex, the build carried over, the carried-over index)}: see _carried_over.
_carried = {}
_lock = threading.Lock()


def available():
    """Whether searches can be answered from a WordIndex: GezondIn's backend on a database whose
    index entries keep their text (an upgrade of modelsearch that moves them falls back to the
    backend's own search, and `test_the_word_index_reads_modelsearchs_index_entries` fails)."""
    return normalising() and _entry_columns(connection.vendor) is not None


@functools.cache
def _entry_columns(vendor):
    """The (title, body) text columns of modelsearch's index entries on `vendor`, or None."""
    from modelsearch.conf import get_app_config  # a Wagtail dependency: read when first needed

    columns = TEXT_COLUMNS.get(vendor)
    model = get_app_config().get_model("IndexEntry")
    names = {field.name for field in model._meta.get_fields()}
    return columns if columns and set(columns) <= names else None


def tokens(text):
    """The folded words of an indexed text (mostly stems already: folded quickly)."""
    if not text:
        return []
    return _TOKEN.findall(text.lower() if text.isascii() else fold(text))


class WordIndex:
    """The words of the items of a FacetIndex: per word, the positions holding it and how often.

    The postings of word *w* (the *w*-th of the sorted `words`) are
    ``positions[offsets[w]:offsets[w + 1]]`` (ascending) with their ``counts``; the words that
    start with a stem are consecutive in `words`, so their postings are one slice too. The
    words of the titles alone are kept the same way (`title_words`, `title_offsets`,
    `title_positions`)."""

    def __init__(self, size, documents):
        # documents: (position, title text, body text); a position may come more than once (an
        # item indexed under more than one of its models): its longest text is kept.
        best = {}
        for position, title, body in documents:
            if position not in best or len(body or "") > len(best[position][1] or ""):
                best[position] = (title, body)
        found, in_titles = {}, {}
        lengths = np.zeros(size, dtype=np.float64)
        # How many different words other than function words each title has: no more than its
        # query stems (gezondin.search_text.title_stems), so a title with more words than a
        # query cannot say exactly what was asked (KennisbankSearch._titles_first_positions).
        title_sizes = np.zeros(size, dtype=np.uint8)
        for position in sorted(best):
            title, body = best[position]
            title_words, body_words = tokens(title), tokens(body)
            counts = Counter(body_words)
            for word in title_words:
                counts[word] += TITLE_WEIGHT
            distinct = set(title_words)
            for word in distinct:
                in_titles.setdefault(word, []).append(position)
            title_sizes[position] = min(255, len(distinct - _FUNCTION_STEMS))
            lengths[position] = TITLE_WEIGHT * len(title_words) + len(body_words)
            for word, count in counts.items():
                postings = found.get(word)
                if postings is None:
                    postings = found[word] = ([], [])
                postings[0].append(position)
                postings[1].append(min(count, MAX_COUNT))
        self.size = size
        self.token = ""  # which build this is (word_index); part of the cached matches' keys
        self.words = sorted(found)
        self.offsets = _offsets(len(found[word][0]) for word in self.words)
        total = int(self.offsets[-1])
        self.positions = np.fromiter(
            chain.from_iterable(found[word][0] for word in self.words), np.uint32, total
        )
        # How often: two bytes each (a count beyond MAX_COUNT scores as MAX_COUNT).
        self.counts = np.fromiter(
            chain.from_iterable(found[word][1] for word in self.words), np.uint16, total
        )
        self.title_words = sorted(in_titles)
        self.title_offsets = _offsets(len(in_titles[word]) for word in self.title_words)
        self.title_positions = np.fromiter(
            chain.from_iterable(in_titles[word] for word in self.title_words),
            np.uint32,
            int(self.title_offsets[-1]),
        )
        self.title_sizes = title_sizes
        # BM25's length normalisation of every item.
        average = float(lengths.sum()) / len(best) if best else 1.0
        self.norms = K1 * (1 - B + B * lengths / average)

    @classmethod
    def read(cls, index):
        """The words of `index`'s items (a FacetIndex) from the search index: one query."""
        from modelsearch.conf import get_app_config
        from modelsearch.utils import get_descendants_content_types_pks

        # The index entries' model of the app that holds them (wagtail.search, or modelsearch).
        IndexEntry = get_app_config().get_model("IndexEntry")  # noqa: N806 - a model class
        title_column, body_column = _entry_columns(connection.vendor)
        rows = (
            IndexEntry.objects.filter(
                content_type_id__in=get_descendants_content_types_pks(KennisPage)
            )
            .values_list("object_id", title_column, body_column)
            .iterator(chunk_size=2000)
        )
        position = index.position

        def documents():
            for object_id, title, body in rows:
                at = position.get(int(object_id)) if object_id.isdigit() else None
                if at is not None:
                    yield at, title, body

        return cls(len(index.ids), documents())

    # Matching -------------------------------------------------------------------------------

    @staticmethod
    def _range(words, stem):
        """(first, last + 1) of the sorted `words` a stem matches: those it starts (from
        MIN_PREFIX letters), or the word itself."""
        low = bisect_left(words, stem)
        if len(stem) < MIN_PREFIX:
            return low, low + (low < len(words) and words[low] == stem)
        # Every word starting with the stem sorts before the stem followed by the highest
        # character.
        return low, bisect_left(words, stem + "\U0010ffff", low)

    def in_titles(self, stems):
        """The positions (ascending) whose title has, for each stem, a word starting with it:
        the only titles that can say everything a query asks (KennisbankSearch._titles_first)."""
        found = None
        for stem in stems:
            low, high = self._range(self.title_words, stem)
            holding = np.zeros(self.size + 1, dtype=bool)  # (the spare slot as above)
            holding[self.title_positions[self.title_offsets[low] : self.title_offsets[high]]] = True
            holding = holding[: self.size]
            found = holding if found is None else found & holding
        return np.flatnonzero(found) if found is not None else np.empty(0, dtype=np.intp)

    def _frequencies(self, stem, memo):
        """How often each item's words starting with `stem` occur (a title word counting
        TITLE_WEIGHT), as an array over the positions; kept in `memo` for the query."""
        if stem not in memo:
            low, high = self._range(self.words, stem)
            start, stop = self.offsets[low], self.offsets[high]
            # (One more slot: where a carried-over index puts the items no longer there.)
            memo[stem] = np.bincount(
                self.positions[start:stop],
                weights=self.counts[start:stop],
                minlength=self.size + 1,
            )[: self.size]
        return memo[stem]

    def match(self, query):
        """(which positions match every part of `query`, as an array of booleans or None when
        none does; {stem: frequencies} of the stems to score them by)."""
        stems = query_stems(query)
        if not stems:
            return None, {}
        memo, matched = {}, None
        for alternatives in synonyms.expand(stems):
            part = np.zeros(self.size, dtype=bool)
            for entry in alternatives:
                found = None
                for stem in entry:
                    holding = self._frequencies(stem, memo) > 0
                    found = holding if found is None else found & holding
                    if not found.any():
                        break
                if found is not None:
                    part |= found
            matched = part if matched is None else matched & part
            if not matched.any():
                return None, {}
        return matched, memo

    def ranked(self, query):
        """The positions matching `query`, best first (BM25; the newest first among equals), as
        an array."""
        matched, stems = self.match(query)
        if matched is None:
            return np.empty(0, dtype=np.intp)
        scores = np.zeros(self.size, dtype=np.float64)
        for frequency in stems.values():
            holding = np.count_nonzero(frequency)
            weight = math.log(1 + (self.size - holding + 0.5) / (holding + 0.5)) * (K1 + 1)
            scores += weight * frequency / (frequency + self.norms)
        # Newest first among equals: the positions ascending, then (stably) by score.
        positions = np.flatnonzero(matched)
        return positions[np.argsort(-scores[positions], kind="stable")]

    def carried_to(self, old_ids, items):
        """This index (built for a FacetIndex whose ids were `old_ids`) for the FacetIndex
        `items` of a later generation: the same words, each item at its new position; an item
        no longer there goes to the spare slot after the last position, which no search
        returns. Items new since are in no posting. Made in a fraction of a second (numpy), for
        the seconds in which the worker reads the new generation's words."""
        size = len(items.ids)
        position = items.position
        moved = np.fromiter((position.get(pk, size) for pk in old_ids), np.intp, len(old_ids))
        kept = moved < size
        carried = object.__new__(WordIndex)
        carried.__dict__.update(self.__dict__)
        carried.size = size
        carried.positions = moved[self.positions].astype(np.uint32)
        carried.title_positions = moved[self.title_positions].astype(np.uint32)
        carried.norms = np.full(size, K1, dtype=np.float64)  # an average length for new items
        carried.norms[moved[kept]] = self.norms[kept]
        carried.title_sizes = np.zeros(size, dtype=np.uint8)
        carried.title_sizes[moved[kept]] = self.title_sizes[kept]
        return carried


def _offsets(lengths):
    """Where each word's postings start in the arrays laid end to end (and where the last ends)."""
    offsets = np.zeros(1, dtype=np.int64)
    return np.concatenate([offsets, np.cumsum(np.fromiter(lengths, np.int64))])


def word_index(locale):
    """The WordIndex of a language's live public kennisbank (a Locale id) for the current
    FacetIndex (kennisbank.facet_index), or None: when searches go to the backend (`available`),
    and while it is being built.

    Reading the words takes seconds (8 s at 50,000 practices); a visitor does not wait for it.
    The first search of a generation that finds no word index asks the task worker to build it
    (once: a flag in the cache). Meanwhile a process that has the previous generation's build
    answers with it, carried over to the new generation's items (`WordIndex.carried_to`): an
    item unpublished or made private since is never returned, one published since is found
    once the new build is there, seconds later. A process without one is answered by the
    search backend. With the immediate task backend (development, tests) the build runs at
    once, in that request."""
    if not available():
        return None
    index = _current(locale)
    if index is None:
        key = f"{index_key(locale)}:words:building"
        if cache.add(key, True, BUILD_TIMEOUT):
            build_word_index.enqueue(locale)
            index = _current(locale)
    if index is None:
        index = _carried_over(locale)
    return index


def _carried_over(locale):
    """The last build this process had, carried over to the current FacetIndex (None if it had
    none); made once per generation."""
    remembered = _memo.get(locale)
    if remembered is None:
        return None
    items = facet_index(locale)
    built_for, _token, index = remembered
    if built_for is items:
        return index  # the same generation (its build was evicted from the cache)
    carried = _carried.get(locale)
    if carried is None or carried[0] is not items or carried[1] is not index:
        carried = _carried[locale] = (items, index, index.carried_to(built_for.ids, items))
    return carried[2]


def build(locale, rebuild=False):
    """Build the WordIndex of a language (a Locale id) for the current generation unless it is
    there already (``rebuild``: in any case, with a new token), keep it in memory and in the
    cache; returns it (None for other backends).

    With the task worker a practice is indexed by a task after its publication: a build that
    runs in between reads the generation's words without it. The task that runs after that
    (kennisbank.tasks.build_facet_indexes) builds again (``rebuild``) under a new token; the
    cached matches and results of searches carry the token, so every process takes the new
    build at its next search."""
    if not available():
        return None
    with _lock:  # one thread of a process reads the words, the others wait for it
        index = None if rebuild else _current(locale)
        if index is None:
            items = facet_index(locale)
            index = WordIndex.read(items)
            token = index.token = secrets.token_hex(8)
            packed = zlib.compress(pickle.dumps(index, pickle.HIGHEST_PROTOCOL), 1)
            key = f"{index_key(locale)}:words:{FORMAT}"
            cache.set_many({key: (token, packed), f"{key}:token": token}, CACHE_TIMEOUT)
            _memo[locale] = (items, token, index)  # only the current generation is kept
            _carried.pop(locale, None)
    return index


def _current(locale):
    """The current build of a language's WordIndex from memory or the cache (None if none)."""
    items = facet_index(locale)
    key = f"{index_key(locale)}:words:{FORMAT}"
    token = cache.get(f"{key}:token")
    if token is None:
        return None
    remembered = _memo.get(locale)
    if remembered is not None and remembered[:2] == (items, token):
        return remembered[2]
    index = _unpack(cache.get(key), token)
    if index is not None:
        _memo[locale] = (items, token, index)
        _carried.pop(locale, None)
    return index


def forget():
    """Forget the builds this process keeps (the tests: a database rolled back gives the next
    test's items the same ids, which a build carried over would take for its own)."""
    _memo.clear()
    _carried.clear()


@task()
def build_word_index(locale: int) -> int:
    """Build a language's word index (a Locale id) when a search found none for the current
    generation (`word_index`); returns its number of words (0 for other backends)."""
    index = build(locale)
    return len(index.words) if index is not None else 0


def _unpack(stored, token):
    """The WordIndex of a cached (token, packed) when its token is the current one."""
    if not isinstance(stored, tuple) or len(stored) != 2 or stored[0] != token:
        return None
    try:
        index = pickle.loads(zlib.decompress(stored[1]))  # noqa: S301 - written by this module
    except (zlib.error, pickle.UnpicklingError, AttributeError, EOFError, TypeError):
        return None
    return index if isinstance(index, WordIndex) else None
