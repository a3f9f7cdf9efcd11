"""Template tags for the kennisbank's pages and result cards.

Kennisbank items link to the *default language's* vocabulary terms (see KennisPage). These tags
show each term in the visitor's language from the cached names in gezondin.terms, so a card or a
page costs no query per term beyond reading the links themselves: listings prefetch them
(kennisbank.search.with_listing_data); a page reads all its links, every vocabulary and its
municipalities, in one query the first time a tag asks for one of them.

- ``term_name term``: one term's name in the visitor's language.
- ``term_labels item "themas"``: the names of an item's terms in the visitor's language.
- ``term_links item "themas"``: [{"name", "slug", "url"}], each URL the kennisbank filtered on that
  term (``url`` is "" when this language has no kennisbank); a theme with a dossier links to the
  dossier instead.
- ``dossier_url "armoede-en-schulden"``: the URL of a theme's dossier in the current language, or
  "" (``dossier_urls``: all of them, cached until a dossier is published, moved or removed);
  ``selected_dossier search``: the dossier of the one theme a kennisbank selection is about.
- ``kennisbank_url``: the URL of the kennisbank in the current page's language (one query, cached
  on the request).
- ``gemeente_label``: the name people know a municipality by, from a Gemeente or a CBS code.
- ``gemeente_links item``: [{"code", "label", "url"}], ``url`` the municipality's own page in
  the current language where it has one (one query for all of them).
- ``practice_of item``: the PraktijkvoorbeeldPage of a kennisbank item, or None for other kinds.
- ``practice_sections page``: the filled sections of a practice, in reading order.
- ``dossier_picks picks``: a dossier's picks as kennisbank items with their listing data.
- ``sections_by_provincie sections``: municipality pages grouped by province.
- filters ``plain_text`` (rich text as plain text: tags removed, entities decoded) and
  ``subheading_level`` ("h2" → "h3", for editors' headings inside a section with its own h2).
"""

import html
from typing import Any, NamedTuple
from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.core.cache import cache as django_cache
from django.db.models import F
from django.utils.html import format_html, format_html_join, strip_tags
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from gezondin.cache_writes import set_after_response
from gezondin.models.snippets import Provincie
from gezondin.templatetags.gezondin_tags import in_language
from gezondin.terms import (
    gemeente_labels,
    locale_id,
    public_q,
    term_names,
    term_options,
    untranslated_terms,
)
from gezondin.terms import version as terms_version
from kennisbank.filters import VOCABULARY_MODELS
from kennisbank.links import LINKED_FIELDS, linked_values
from kennisbank.models import (
    VOCABULARY_FIELDS,
    GemeentePage,
    KennisbankPage,
    KennisPage,
    KennisType,
    PraktijkvoorbeeldPage,
    ThemaPage,
)
from kennisbank.search import (
    CARD_TIMEOUT,
    card_cache_key,
    card_fragment_key,
    shared_source_name,
    with_listing_data,
)

register = template.Library()

# KennisPage field → kennisbank GET parameter ("themas" → "thema").
FIELD_PARAMETERS = {field: parameter for parameter, field in VOCABULARY_FIELDS.items()}
_KENNISBANK_CACHE_ATTR = "_kennisbank_index_urls"
_DOSSIER_CACHE_ATTR = "_kennisbank_dossier_urls"


def _language():
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]


def _current_locale_id(context):
    page = context.get("page")
    if isinstance(page, Page) and page.locale_id:
        return page.locale_id
    return locale_id(_language())


def _current_path(context):
    page = context.get("page")
    return page.path if isinstance(page, Page) else ""


# Terms ---------------------------------------------------------------------------------------


def _linked_values(item, field):
    """The slugs of an item's terms in ``field`` (CBS codes for "gemeenten"): kennisbank.links."""
    if field not in LINKED_FIELDS:
        raise template.TemplateSyntaxError(f"unknown vocabulary field {field!r}")
    return linked_values(item, field)


def _term_entries(item, field):
    """[(slug, name in the visitor's language)] in the vocabulary's editorial order."""
    if field not in FIELD_PARAMETERS:
        raise template.TemplateSyntaxError(f"unknown vocabulary field {field!r}")
    slugs = set(_linked_values(item, field))
    if not slugs:
        return []
    options = term_options(VOCABULARY_MODELS[FIELD_PARAMETERS[field]], _language())
    entries = [(slug, name) for slug, name in options if slug in slugs]
    known = {slug for slug, _ in entries}
    return entries + [(slug, slug) for slug in sorted(slugs - known)]


@register.simple_tag(takes_context=True)
def card_cache_version(context):
    """Part of the key of a cached result card: the generation of the cached term and
    municipality names (gezondin.terms), looked up once per request."""
    request = context.get("request")
    version = getattr(request, "_gezondin_terms_version", None)
    if version is None:
        version = terms_version()
        if request is not None:
            request._gezondin_terms_version = version
    return version


register.filter("shared_source", shared_source_name)


class CachedCardNode(template.Node):
    def __init__(self, nodelist, item, card_key):
        self.nodelist, self.item, self.card_key = nodelist, item, card_key

    def render(self, context):
        key = card_fragment_key(self.card_key.resolve(context))
        prefetched = getattr(self.item.resolve(context), "cached_card", None)
        if prefetched is not None and prefetched[0] == key:
            html = prefetched[1]  # looked up with the page's cards: found, or None
        else:
            html = django_cache.get(key)
        if html is None:
            html = self.nodelist.render(context)
            # With the page's other new cards in one write, once the response has gone out.
            set_after_response(key, html, CARD_TIMEOUT)
        return html


@register.tag
def cached_card(parser, token):
    """``{% cached_card item card_key %}…{% endcached_card %}``: a result card, rendered once and
    kept in the cache under its key (kennis_card_key) for CARD_TIMEOUT, like Django's ``{% cache
    %}``; a card that kennisbank.search.prefetch_uncached_cards looked up already (with those of
    the whole page, in one read) is not looked up again, whether it was found or not."""
    bits = token.split_contents()
    if len(bits) != 3:
        raise template.TemplateSyntaxError(f"{bits[0]!r} takes an item and its card key")
    nodelist = parser.parse(("endcached_card",))
    parser.delete_first_token()
    return CachedCardNode(nodelist, parser.compile_filter(bits[1]), parser.compile_filter(bits[2]))


@register.simple_tag
def gemeente_names(item):
    """``{% gemeente_names item as names %}``: the names of a kennisbank item's municipalities as
    people know them, sorted (kennisbank.links: no query when its links are loaded)."""
    labels = gemeente_labels()
    return sorted(
        (labels.get(code, code) for code in _linked_values(item, "gemeenten")), key=str.casefold
    )


@register.simple_tag(takes_context=True)
def kennis_card_key(context, item, heading="", note=""):
    """The cache key of a result card (see kennisbank.search.card_cache_key)."""
    return card_cache_key(item, heading, note, get_language(), card_cache_version(context))


@register.simple_tag
def term_name(term):
    """``{% term_name page.thema as name %}``: one term's name in the visitor's language."""
    if term is None:
        return ""
    return term_names(type(term), _language()).get(term.slug, term.name)


@register.simple_tag
def term_labels(item, field):
    """``{% term_labels item "themas" as names %}``: the term names in the visitor's language."""
    return [name for _, name in _term_entries(item, field)]


@register.simple_tag(takes_context=True)
def term_links(context, item, field):
    """``{% term_links page "doelgroepen" as links %}``: each term with its name in the visitor's
    language and the URL of the kennisbank filtered on it; ``language`` is the language code of a
    name shown untranslated (else "")."""
    entries = _term_entries(item, field)
    if not entries:
        return []
    parameter = FIELD_PARAMETERS[field]
    base = kennisbank_url(context)
    dossiers = dossier_urls(context) if field == "themas" else {}
    untranslated = untranslated_terms(VOCABULARY_MODELS[parameter], _language())
    return [
        {
            "name": name,
            "slug": slug,
            "url": dossiers.get(slug) or (f"{base}?{urlencode({parameter: slug})}" if base else ""),
            "language": untranslated.get(slug, ""),
        }
        for slug, name in entries
    ]


# A kennisbank item's vocabularies as its pages show them, in the order of the kennisbank's filters,
# each named as its filter is (one name per vocabulary: "Pijler", not "Succesfactor"; see
# docs/decisions.md), in the singular and the plural.
VOCABULARY_LABELS = {
    "themas": (_("Thema"), _("Thema's")),
    "doelgroepen": (_("Doelgroep"), _("Doelgroepen")),
    "levensfasen": (_("Levensfase"), _("Levensfasen")),
    "sporen": (_("Spoor"), _("Sporen")),
    "pijlers": (_("Pijler"), _("Pijlers")),
    "domeinen": (_("Beleidsdomein"), _("Beleidsdomeinen")),
}


@register.simple_tag(takes_context=True)
def vocabulary_rows(context, item):
    """``{% vocabulary_rows page as rows %}``: [{"field", "label", "links"}] for each vocabulary
    the item has terms of, in the kennisbank's filter order; ``label`` is singular for one term,
    plural for more; ``links`` as ``term_links`` gives them (a theme to its dossier)."""
    rows = []
    for field, (singular, plural) in VOCABULARY_LABELS.items():
        links = term_links(context, item, field)
        if links:
            rows.append(
                {"field": field, "label": singular if len(links) == 1 else plural, "links": links}
            )
    return rows


@register.simple_tag
def term_list(links):
    """``{% term_list links %}``: the result of ``term_links`` as an inline list of links (plain
    names where this language has no kennisbank)."""
    return format_html(
        '<ul class="kb-inline-list">{}</ul>',
        format_html_join(
            "",
            "<li>{}</li>",
            (
                (
                    format_html(
                        '<a href="{}">{}</a>',
                        link["url"],
                        in_language(link["name"], link.get("language")),
                    ),
                )
                if link["url"]
                else (in_language(link["name"], link.get("language")),)
                for link in links
            ),
        ),
    )


# The kennisbank index --------------------------------------------------------------------------


@register.simple_tag(takes_context=True)
def kennisbank_url(context):
    """The URL of the kennisbank in the current page's language, or "" if there is none.

    With several kennisbanks in one language (several sites), the one in the same home as the
    current page wins. One query per language, cached on the request.
    """
    request = context.get("request")
    locale_id = _current_locale_id(context)
    if locale_id is None:
        return ""
    cache = getattr(request, _KENNISBANK_CACHE_ATTR, None) if request is not None else None
    if cache is None:
        cache = {}
        if request is not None:
            setattr(request, _KENNISBANK_CACHE_ATTR, cache)
    path = _current_path(context)
    key = (locale_id, path)
    shared_key = f"kennisbank:index-url:{terms_version()}:{locale_id}:{path}"
    if key not in cache:
        cache[key] = django_cache.get(shared_key)
    if cache[key] is None:
        candidates = list(
            KennisbankPage.objects.live()
            .filter(locale_id=locale_id)
            .filter(public_q())
            .order_by("path")
        )
        # The parent of the kennisbank (its home) is an ancestor of the current page.
        same_home = [page for page in candidates if path.startswith(page.path[: -Page.steplen])]
        chosen = (same_home or candidates or [None])[0]
        cache[key] = (chosen.get_url(request) or "") if chosen is not None else ""
        django_cache.set(shared_key, cache[key], 60 * 60)
    return cache[key]


# Theme dossiers --------------------------------------------------------------------------------


def _common_prefix_length(path, other):
    length = 0
    for mine, theirs in zip(path, other, strict=False):
        if mine != theirs:
            break
        length += 1
    return length


@register.simple_tag(takes_context=True)
def dossier_urls(context):
    """``{% dossier_urls as dossiers %}``: {theme slug: URL of its dossier} in the current page's
    language. With several dossiers on one theme (several sites), the one nearest to the current
    page in the tree wins. The dossiers of a language are read in one query, kept in the cache
    until a dossier, the kennisbank or a municipality page is published, unpublished, moved or
    deleted (kennisbank.signals), and on the request."""
    request = context.get("request")
    locale_id = _current_locale_id(context)
    if locale_id is None:
        return {}
    path = _current_path(context)
    cache = getattr(request, _DOSSIER_CACHE_ATTR, None) if request is not None else None
    if cache is None:
        cache = {}
        if request is not None:
            setattr(request, _DOSSIER_CACHE_ATTR, cache)
    if (locale_id, path) in cache:
        return cache[(locale_id, path)]
    shared_key = f"kennisbank:dossier-urls:{terms_version()}:{locale_id}"
    candidates = django_cache.get(shared_key)
    if candidates is None:
        dossiers = (
            ThemaPage.objects.live()
            .filter(public_q(), locale_id=locale_id)
            .annotate(thema_slug=F("thema__slug"))
            .order_by("path")
        )
        candidates = [
            (dossier.thema_slug, dossier.path, dossier.get_url(request) or "")
            for dossier in dossiers
        ]
        django_cache.set(shared_key, candidates, 60 * 60)
    urls, nearness = {}, {}
    for slug, dossier_path, url in candidates:
        near = _common_prefix_length(path, dossier_path)
        if url and near > nearness.get(slug, -1):
            urls[slug], nearness[slug] = url, near
    cache[(locale_id, path)] = urls
    return urls


@register.simple_tag(takes_context=True)
def dossier_url(context, slug):
    """``{% dossier_url "armoede-en-schulden" as url %}``: the URL of that theme's dossier in the
    current language, or ""."""
    return dossier_urls(context).get(slug, "")


@register.simple_tag(takes_context=True)
def selected_dossier(context, search):
    """``{% selected_dossier search as dossier %}``: when the selection of a KennisbankSearch is
    exactly one theme that has a dossier, {"name", "url"} of that dossier's theme; else
    None. The kennisbank shows it above its results (includes/dossier_banner.html)."""
    chosen = search.data.getlist("thema")
    if len(chosen) != 1:
        return None
    url = dossier_urls(context).get(chosen[0])
    if not url:
        return None
    return {
        "name": term_names(VOCABULARY_MODELS["thema"], _language()).get(chosen[0], chosen[0]),
        "url": url,
    }


# Municipalities --------------------------------------------------------------------------------


def _gemeente_page_urls(request, locale_id):
    """{CBS code: URL of that municipality's page} in one language, cached until a page is
    published, unpublished, moved or deleted (see kennisbank.signals)."""
    key = f"kennisbank:gemeente-urls:{terms_version()}:{locale_id}"
    urls = django_cache.get(key)
    if urls is None:
        sections = (
            GemeentePage.objects.live()
            .filter(locale_id=locale_id)
            .filter(public_q())
            .annotate(cbs_code=F("gemeente__cbs_code"))
            .order_by("path")
        )
        urls = {}
        for section in sections:
            urls.setdefault(section.cbs_code, section.get_url(request) or "")
        django_cache.set(key, urls, 60 * 60)
    return urls


@register.simple_tag
def gemeente_label(gemeente):
    """The name people know a municipality by: ``{% gemeente_label "GM0363" %}`` or a Gemeente."""
    if gemeente is None or gemeente == "":
        return ""
    if hasattr(gemeente, "label"):
        return gemeente.label
    return gemeente_labels().get(str(gemeente).upper(), str(gemeente))


@register.simple_tag(takes_context=True)
def gemeente_links(context, item):
    """``{% gemeente_links page as gemeenten %}``: the municipalities of a kennisbank item as
    [{"code", "label", "url"}], sorted by label; ``url`` is the municipality's own page in the
    current language, "" where it has none. One query for all of them (besides reading the
    links, see _linked_values)."""
    codes = _linked_values(item, "gemeenten")
    if not codes:
        return []
    urls = _gemeente_page_urls(context.get("request"), _current_locale_id(context))
    labels = gemeente_labels()
    links = [
        {"code": code, "label": labels.get(code, code), "url": urls.get(code, "")} for code in codes
    ]
    return sorted(links, key=lambda link: link["label"].casefold())


@register.simple_tag
def sections_by_provincie(sections):
    """Municipality pages grouped by province, both sorted by name:
    [{"value", "label", "sections": [GemeentePage]}]. The pages need ``gemeente`` selected."""
    groups = {}
    for section in sections:
        groups.setdefault(section.gemeente.provincie, []).append(section)
    labels = dict(Provincie.choices)
    return [
        {
            "value": value,
            "label": labels.get(value, value),
            "sections": sorted(members, key=lambda section: section.gemeente.label.casefold()),
        }
        for value, members in sorted(
            groups.items(), key=lambda group: labels.get(group[0], group[0]).casefold()
        )
    ]


# Items -----------------------------------------------------------------------------------------


@register.filter
def practice_of(item):
    """The PraktijkvoorbeeldPage of a kennisbank item (selected along with it by the kennisbank's
    listings), or None for articles and other kinds."""
    if isinstance(item, PraktijkvoorbeeldPage):
        return item
    if getattr(item, "kind", None) != KennisType.PRAKTIJKVOORBEELD:
        return None
    try:
        return item.praktijkvoorbeeldpage
    except PraktijkvoorbeeldPage.DoesNotExist:
        return None


@register.filter
def subheading_level(level):
    """The heading level one below ``level`` ("h2" → "h3"), for headings inside a section that
    has its own h2; h6 at most."""
    try:
        number = int(str(level).lower().lstrip("h"))
    except ValueError:
        return "h3"
    return f"h{min(max(number, 2) + 1, 6)}"


@register.filter
def plain_text(value):
    """Rich text as plain text on one line, for card summaries: ``{{ item.intro|plain_text }}``."""
    if not value:
        return ""
    return " ".join(html.unescape(strip_tags(str(value))).split())


@register.simple_tag
def dossier_picks(picks):
    """A dossier's picks as [{"item", "note"}], each item a KennisPage with the data a result card
    needs (a fixed number of queries). Picks of other page types are left out."""
    picks = list(picks)
    ids = [pick.item_id for pick in picks]
    items = {item.pk: item for item in with_listing_data(KennisPage.objects.filter(pk__in=ids))}
    return [
        {"item": items[pick.item_id], "note": pick.note} for pick in picks if pick.item_id in items
    ]


# Practice sections -----------------------------------------------------------------------------


class Section(NamedTuple):
    """One filled section of a practice page: ``key`` says how to render ``value``."""

    key: str
    anchor: str
    title: Any
    value: Any


RICH_TEXT_SECTIONS = [
    ("background", "aanleiding", _("Aanleiding")),
    ("goal", "doel", _("Doel")),
    ("approach", "aanpak", _("Aanpak")),
    ("working_elements", "werkzame-elementen", _("Werkzame elementen")),
    ("results", "resultaten", _("Resultaten")),
    ("monitoring", "monitoring", _("Hoe gemonitord")),
    ("lessons", "lessen-en-tips", _("Lessen en tips")),
]
NEEDS = [
    ("needs_team", _("Team en mensen")),
    ("needs_time", _("Tijd")),
    ("needs_budget", _("Budget")),
    ("funding", _("Financiering")),
]


def _is_filled(rich_text):
    return bool(plain_text(rich_text))


@register.simple_tag
def practice_sections(page):
    """``{% practice_sections page as sections %}``: the practice's sections that have content,
    in reading order, as Section(key, anchor, title, value). Keys: the rich text field names,
    "approach" (a StreamField), "needs" ([(label, text)]), "partners" ([PraktijkvoorbeeldPartner]
    with their organisation) and "contact" (the page, only when its contact may be shown)."""
    sections = []
    for field, anchor, title in RICH_TEXT_SECTIONS:
        value = getattr(page, field)
        filled = len(value) > 0 if field == "approach" else _is_filled(value)
        if filled:
            sections.append(Section(field, anchor, title, value))
    needs = [(label, getattr(page, field).strip()) for field, label in NEEDS]
    needs = [(label, text) for label, text in needs if text]
    if needs:
        sections.append(Section("needs", "wat-is-er-nodig", _("Wat is er nodig"), needs))
    partners = list(page.partners.all().select_related("organisatie"))
    if partners:
        sections.append(Section("partners", "partners", _("Partners"), partners))
    if page.show_contact:
        sections.append(Section("contact", "contact", _("Contact"), page))
    return sections
