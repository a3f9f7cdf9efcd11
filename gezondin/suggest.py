"""“Bedoelde u …?”: a query built from words the site uses, for a search that found nothing.

The vocabulary is every word of three letters or more (folded: lower case, no diacritics) in the
titles and introductions of the live, public pages of a language and in the names of the terms
of the vocabularies, each with the spelling most often seen (diacritics kept). It is built once
per hour, language and terms generation (gezondin.terms) and kept in Django's cache: not per
publication, because reading every page's title and introduction takes a second or more at tens of
thousands of practices, and a suggestion is only shown once it has been tried and found something,
so a vocabulary up to an hour old suggests nothing wrong; it may miss a word first published in
the last hour.

:func:`suggest` replaces each word of a query that is not in the vocabulary by the closest word
that is (difflib's ratio at least CUTOFF); words of the vocabulary, function words, numbers and
short words stay as typed. The caller shows the suggestion only when it finds something
(KennisbankSearch.suggestion, gezondin.views.search).
"""

import difflib
import re
from collections import Counter

from django.core.cache import cache
from wagtail.models import Locale, Page, get_page_models

from gezondin import terms
from gezondin.models import VOCABULARIES, BasePage
from gezondin.search_text import STOP_WORDS, fold

# How alike a word and its replacement must be (difflib's ratio): one letter missing, swapped or
# doubled in a word of seven letters or more passes; a different word does not.
CUTOFF = 0.82
MIN_LENGTH = 3
CACHE_TIMEOUT = 60 * 60
_WORD = re.compile(r"[^\W\d_]+")
_TAG = re.compile(r"<[^>]*>")


def _page_texts(locale):
    """The titles and introductions of the live, public pages of a locale (markup removed)."""
    public = Page.objects.live().public().filter(locale=locale)
    yield from public.values_list("title", flat=True)
    for model in get_page_models():
        if issubclass(model, BasePage) and not model._meta.abstract:
            rows = model.objects.filter(pk__in=public.type(model).values("pk"))
            for intro in rows.values_list("intro", flat=True):
                yield _TAG.sub(" ", intro) if intro else ""


def _read(language_code):
    locale = Locale.objects.filter(language_code=language_code).first()
    texts = list(_page_texts(locale)) if locale is not None else []
    for model in VOCABULARIES:
        texts.extend(str(name) for _slug, name in terms.term_options(model, language_code))
    # Count the words as written first (C speed), then fold each distinct word once.
    counted = Counter(_WORD.findall("\n".join(texts).lower()))
    seen = {}
    for word, times in counted.items():
        if len(word) >= MIN_LENGTH:
            seen.setdefault(fold(word), Counter())[word] += times
    return {folded: spellings.most_common(1)[0][0] for folded, spellings in seen.items()}


def vocabulary(language_code):
    """{folded word: its most common spelling} of a language's pages and terms (cached)."""
    key = f"gezondin:suggest:{terms.version()}:{language_code}"
    words = cache.get(key)
    if words is None:
        words = _read(language_code)
        cache.set(key, words, CACHE_TIMEOUT)
    return words


def suggest(query, language_code):
    """The query with each unknown word replaced by the closest known word; "" when nothing
    changes (every word is known, or none has a close match)."""
    words = vocabulary(language_code)
    parts, changed = [], False
    for typed in query.split():
        folded = fold(typed)
        if (
            folded in words
            or folded in STOP_WORDS
            or len(folded) < MIN_LENGTH
            or not _WORD.fullmatch(folded)
        ):
            parts.append(typed)
            continue
        close = difflib.get_close_matches(folded, words, n=1, cutoff=CUTOFF)
        if close:
            parts.append(words[close[0]])
            changed = True
        else:
            parts.append(typed)
    return " ".join(parts) if changed else ""
