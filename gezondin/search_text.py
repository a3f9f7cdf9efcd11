"""Dutch words for full-text search: the same on every database.

Indexed text and queries go through the same steps, in Python, so SQLite (the default
installation) and PostgreSQL find the same things (docs/kennisbank.md, "How search understands
Dutch"):

1. Letters are folded to lower case without diacritics: "Één" and "een", "financiële" and
   "financiele" are the same word.
2. Each word is reduced to its stem by Snowball's Dutch stemmer (the classic algorithm, the one
   PostgreSQL's `dutch` configuration uses), and a doubled final consonant the stemmer leaves is
   undoubled: "schulden" and "schuld" are "schuld", "gezinnen" and "gezin" are "gezin". Loan
   words that keep their English plural in "-ches" or "-shes" lose the "-es" the stemmer leaves:
   "geldcoaches" and "geldcoach" are "geldcoach" (Dutch has no native words ending so).
3. In a query, Dutch function words ("de", "van", "voor") are left out unless nothing else is
   left, and each stem of at least MIN_PREFIX letters also matches as the start of a longer word:
   "schuld" finds "schuldhulpverlening", the head of a Dutch compound.

`gezondin.search_backend` applies step 3 to every query of the database backends; the page types
index their text through `DutchSearchField` (steps 1 and 2). With another backend (OpenSearch has
Dutch analyzers of its own) the fields index the text as it is.
"""

import re
import threading
import unicodedata
from contextlib import contextmanager
from functools import lru_cache

import snowballstemmer
from django.conf import settings
from wagtail.search import index

BACKEND = "gezondin.search_backend"
# The version of the rules of `stem`: part of the cache keys of what is computed from stems
# (the synonym groups, the kennisbank's results), so that a release that changes them is not
# answered from results cached by the one before. Raise it with every change to `stem`.
STEM_RULES = 2
# Shorter stems match only whole words: "de*" or "wet*" would find nearly everything.
MIN_PREFIX = 4
_WORD = re.compile(r"\w+")
_DOUBLED_END = re.compile(r"([bcdfghjklmnpqrstvwxz])\1$")
# English plurals of loan words, which Snowball's Dutch stemmer leaves whole: "coaches", "lunches".
_LOAN_PLURAL_END = re.compile(r"([cs]h)es$")

# Dutch function words, left out of queries (never out of the index: an exact title is compared
# whole). The common closed-class words; content words such as "werk" or "zorg" are not here.
STOP_WORDS = frozenset(
    """
    aan al als bij dan dat de der des deze die dit door drie een en er had heb heeft hem het hier
    hij hoe hun ik in is je kan kon maar me met mij mijn na naar niet nog nu of om omdat onder ons
    ook op over te tot toe tussen u uit uw van veel voor want waren was wat we wel werd wie wij
    wordt zal ze zei zich zij zijn zo zonder zou
    """.split()
)

_local = threading.local()


def _stemmer():
    # A Snowball stemmer keeps state while it works: one per thread (runserver is threaded).
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = snowballstemmer.stemmer("dutch_porter")
    return stemmer


def fold(text):
    """Lower case without diacritics ("Één" -> "een")."""
    decomposed = unicodedata.normalize("NFKD", str(text).casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@lru_cache(maxsize=100_000)
def stem(word):
    """The stem of one folded word."""
    stemmed = _LOAN_PLURAL_END.sub(r"\1", _stemmer().stemWord(word))
    return _DOUBLED_END.sub(r"\1", stemmed)


def words(text):
    """The folded words of a text, in order."""
    return _WORD.findall(fold(text))


def index_text(text):
    """A text as the index keeps it: the stems of all its words, in order."""
    return " ".join(stem(word) for word in words(text))


def query_stems(text):
    """The stems a query searches for: without function words (unless it has nothing else),
    each once, in the order typed."""
    found = words(text)
    meaningful = [word for word in found if word not in STOP_WORDS] or found
    return list(dict.fromkeys(stem(word) for word in meaningful))


@lru_cache(maxsize=100_000)
def title_stems(title):
    """The query stems of a title, as a set (kept per process: the kennisbank compares every
    matching title with the query, KennisbankSearch._titles_first)."""
    return frozenset(query_stems(title))


def normalising():
    """Whether the configured search backend is GezondIn's (then indexed text is stemmed)."""
    # A host without the setting uses Wagtail's default backend.
    backends = getattr(settings, "WAGTAILSEARCH_BACKENDS", None) or {}
    backend = backends.get("default", {}).get("BACKEND", "")
    return backend == BACKEND


@contextmanager
def indexing():
    """While objects are added to the index, each Dutch field's value is read once per object.

    modelsearch's database backends read every search field once for each column they fill
    (title, body, autocomplete: three times on SQLite, five on PostgreSQL with the trigram
    columns), and a practice's fields query its municipalities, terms and partners and stem its
    sections. GezondIn's backend (gezondin.search_backend) adds objects inside this context; the
    values are forgotten when it ends, so an object changed and indexed again is read anew."""
    if getattr(_local, "values", None) is not None:
        yield
        return
    _local.values = {}
    try:
        yield
    finally:
        _local.values = None


class DutchSearchField(index.SearchField):
    """A SearchField whose text is indexed as Dutch stems (with GezondIn's search backend)."""

    def get_value(self, obj):
        values = getattr(_local, "values", None)
        if values is None:
            return self._value(obj)
        # The object is kept with its value: its id() is not reused while the context lasts.
        key = (id(obj), type(self), self.field_name)
        if key not in values:
            values[key] = (obj, self._value(obj))
        return values[key][1]

    def _value(self, obj):
        value = super().get_value(obj)
        if value is None or not normalising():
            return value
        if isinstance(value, (list, tuple)):
            value = " ".join(str(item) for item in value)
        return index_text(value)


class DutchStemsField(DutchSearchField):
    """The stems of a field that is also indexed as it is (Wagtail's own `title`, which every
    page type must keep: its check wagtailsearch.W001); nothing with another backend."""

    def _value(self, obj):
        return super()._value(obj) if normalising() else None


def dutch_fields(fields):
    """The given search fields, with the stems of each SearchField added (Wagtail's own page
    fields must stay as they are)."""
    return [
        *fields,
        *(
            DutchStemsField(field.field_name, boost=field.boost, **field.kwargs)
            for field in fields
            if type(field) is index.SearchField
        ),
    ]
