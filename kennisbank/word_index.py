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
from array import array
from bisect import bisect_left
from collections import Counter

from django.core.cache import cache
from django.db import connection
from django_tasks import task

from gezondin import synonyms
from gezondin.search_text import MIN_PREFIX, fold, normalising, query_stems
from kennisbank.facet_index import CACHE_TIMEOUT, facet_index, index_key
from kennisbank.models import KennisPage

# A word in the title counts this often; BM25's usual parameters.
TITLE_WEIGHT = 3
K1 = 1.2
B = 0.75
# The columns of modelsearch's index entries that hold the indexed text as text, by database.
TEXT_COLUMNS = {"sqlite": ("title", "body"), "postgresql": ("title_text", "body_text")}
_TOKEN = re.compile(r"\w+")

# How long a requested build may take before another search asks for it again.
BUILD_TIMEOUT = 120

_memo = {}
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
    """The words of the items of a FacetIndex: per word, the positions holding it and how often."""

    def __init__(self, size, documents):
        # documents: (position, title text, body text); a position may come more than once (an
        # item indexed under more than one of its models): its longest text is kept.
        best = {}
        for position, title, body in documents:
            if position not in best or len(body or "") > len(best[position][1] or ""):
                best[position] = (title, body)
        found, in_titles = {}, {}
        lengths = array("I", bytes(4 * size))
        for position in sorted(best):
            title, body = best[position]
            title_words, body_words = tokens(title), tokens(body)
            counts = Counter(body_words)
            for word in title_words:
                counts[word] += TITLE_WEIGHT
            for word in set(title_words):
                in_titles.setdefault(word, []).append(position)
            lengths[position] = TITLE_WEIGHT * len(title_words) + len(body_words)
            for word, count in counts.items():
                postings = found.get(word)
                if postings is None:
                    postings = found[word] = ([], [])
                postings[0].append(position)
                postings[1].append(count)
        self.size = size
        self.token = ""  # which build this is (word_index); part of the cached matches' keys
        # As arrays: a few bytes per item and word instead of a Python int each.
        self.postings = {
            word: (array("I", positions), array("I", counts))
            for word, (positions, counts) in found.items()
        }
        self.words = sorted(found)
        # The words of the titles alone: which titles can hold every word of a query.
        self.title_postings = {word: array("I", positions) for word, positions in in_titles.items()}
        self.title_words = sorted(in_titles)
        self.lengths = lengths
        self.average_length = (sum(lengths) / len(best)) if best else 1.0

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

    def words_for(self, stem):
        """The indexed words a query stem matches: those it starts (from MIN_PREFIX letters),
        or the word itself."""
        if len(stem) < MIN_PREFIX:
            return [stem] if stem in self.postings else []
        return _starting_with(self.words, stem)

    def _norms(self):
        """BM25's length normalisation of every item (computed once per process)."""
        norms = getattr(self, "_norm_values", None)
        if norms is None:
            average = self.average_length
            norms = self._norm_values = array(
                "d", (K1 * (1 - B + B * length / average) for length in self.lengths)
            )
        return norms

    def in_titles(self, stems):
        """The positions whose title has, for each stem, a word starting with it: the only
        titles that can say everything a query asks (KennisbankSearch._titles_first)."""
        found = None
        for stem in stems:
            positions = set()
            for word in _starting_with(self.title_words, stem):
                positions.update(self.title_postings[word])
            found = positions if found is None else found & positions
            if not found:
                return set()
        return found or set()

    def _frequencies(self, stem, memo):
        """{position: how often its words starting with `stem` occur (a title word counting
        TITLE_WEIGHT)}, kept in `memo` for the query."""
        if stem not in memo:
            words = self.words_for(stem)
            if len(words) == 1:
                positions, counts = self.postings[words[0]]
                frequency = dict(zip(positions, counts, strict=True))
            else:
                frequency = {}
                for word in words:
                    positions, counts = self.postings[word]
                    for at, count in zip(positions, counts, strict=True):
                        frequency[at] = frequency.get(at, 0) + count
            memo[stem] = frequency
        return memo[stem]

    def match(self, query):
        """(the positions matching every part of `query`, {stem: {position: frequency}} of the
        stems to score them by)."""
        stems = query_stems(query)
        if not stems:
            return set(), {}
        memo, matched = {}, None
        for alternatives in synonyms.expand(stems):
            part = set()
            for entry in alternatives:
                found = None
                for stem in entry:
                    holding = self._frequencies(stem, memo).keys()
                    found = set(holding) if found is None else found & holding
                    if not found:
                        break
                part |= found or set()
            matched = part if matched is None else matched & part
            if not matched:
                return set(), {}
        return matched, memo

    def ranked(self, query):
        """The positions matching `query`, best first (BM25; the newest first among equals)."""
        matched, stems = self.match(query)
        if not matched:
            return []
        scores = dict.fromkeys(matched, 0.0)
        norms = self._norms()
        for frequency in stems.values():
            holding = len(frequency)
            weight = math.log(1 + (self.size - holding + 0.5) / (holding + 0.5)) * (K1 + 1)
            for at in matched.intersection(frequency):
                count = frequency[at]
                scores[at] += weight * count / (count + norms[at])
        # Newest first among equals: sorted by position, then (stably) by score.
        ordered = sorted(matched)
        ordered.sort(key=scores.__getitem__, reverse=True)
        return ordered


def _starting_with(words, stem):
    """The words of a sorted list that start with `stem`."""
    found, at = [], bisect_left(words, stem)
    while at < len(words) and words[at].startswith(stem):
        found.append(words[at])
        at += 1
    return found


def word_index(locale):
    """The WordIndex of a language's live public kennisbank (a Locale id) for the current
    FacetIndex (kennisbank.facet_index), or None: when searches go to the backend (`available`),
    and while it is being built.

    Reading the words takes seconds at 10,000 practices; a visitor does not wait for it. The first
    search of a generation that finds no word index asks the task worker to build it (once: a
    flag in the cache) and is answered by the search backend meanwhile. With the immediate task
    backend (development, tests) the build runs at once, in that request."""
    if not available():
        return None
    index = _current(locale)
    if index is None:
        key = f"{index_key(locale)}:words:building"
        if cache.add(key, True, BUILD_TIMEOUT):
            build_word_index.enqueue(locale)
            index = _current(locale)
    return index


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
            key = f"{index_key(locale)}:words"
            cache.set_many({key: (token, packed), f"{key}:token": token}, CACHE_TIMEOUT)
            _memo[locale] = (items, token, index)  # only the current generation is kept
    return index


def _current(locale):
    """The current build of a language's WordIndex from memory or the cache (None if none)."""
    items = facet_index(locale)
    key = f"{index_key(locale)}:words"
    token = cache.get(f"{key}:token")
    if token is None:
        return None
    remembered = _memo.get(locale)
    if remembered is not None and remembered[:2] == (items, token):
        return remembered[2]
    index = _unpack(cache.get(key), token)
    if index is not None:
        _memo[locale] = (items, token, index)
    return index


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
