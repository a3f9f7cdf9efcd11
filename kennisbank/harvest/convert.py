"""A remote practice (an item of another installation's /api/v2/praktijkvoorbeelden/) as the
fields of a local PraktijkvoorbeeldPage.

Nothing from the peer is trusted:

- Rich text goes through Wagtail's own whitelister for the database format
  (``EditorHTMLConverter(features).to_database_format``, what Wagtail applies to HTML entering a
  rich text field), with the features of the local field it lands in. Before that, elements whose
  content is code (script, style, ...) are removed with their content, and ``data-*`` attributes
  dropped, so that a peer can't smuggle in links to this site's pages or documents by id. Links
  are made absolute against the original's URL, so they keep pointing at the source.
- Plain text fields lose any markup and are cut to the field's length.
- Vocabulary terms are matched by slug against the default language's terms, municipalities by
  CBS code; unknown ones are reported, never created. Partner organisations are matched by name
  and created when missing (they are proper names, see docs/sharing.md).
- Fields that are there but of the wrong type make the item fail with a message naming the
  field; fields that are missing get their default (an older peer may not have them).
"""

import datetime
import hashlib
import json
import uuid
from dataclasses import dataclass, field
from urllib.parse import urljoin

from bs4 import BeautifulSoup
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.html import strip_tags
from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter

from gezondin.blocks import BaseStreamBlock
from gezondin.models import Gemeente, Organisatie
from gezondin.validators import WebAddressValidator
from kennisbank.models import (
    PRACTICE_SECTIONS,
    VOCABULARY_FIELDS,
    Erkenning,
    KennisPage,
    PraktijkvoorbeeldPage,
)

# Bump when the conversion changes, so the next harvest updates every copy once.
FORMAT_VERSION = "1"

RICH_TEXT_FIELDS = ["intro", *PRACTICE_SECTIONS]
PLAIN_TEXT_FIELDS = ["needs_team", "needs_time", "needs_budget", "funding", "intervention_name"]
DATE_FIELDS = ["start_date", "end_date", "erkenning_date", "last_checked"]
# Elements whose content is code or otherwise never text for a reader: removed with their content.
REMOVED_WITH_CONTENT = [
    "script",
    "style",
    "template",
    "noscript",
    "iframe",
    "object",
    "embed",
    "svg",
    "math",
    "head",
    "title",
    "textarea",
    "select",
]
MAX_TITLE = PraktijkvoorbeeldPage._meta.get_field("title").max_length
# Strict (http(s), a proper host, nothing a URL may not contain unencoded: quotes, <, >, spaces),
# but another installation may live at localhost.
_http_url = WebAddressValidator(allow_localhost=True)


class ItemError(Exception):
    """This item can't be imported; the message says why."""


@dataclass
class Converted:
    """What the harvester writes for one remote practice."""

    fields: dict
    terms: dict = field(default_factory=dict)  # KennisPage field -> [terms]
    gemeenten: list = field(default_factory=list)  # [Gemeente]
    partners: list = field(default_factory=list)  # [(Organisatie, role)]
    approach: str = "[]"  # StreamField JSON
    notes: list = field(default_factory=list)  # things worth a line in the report
    unknown_terms: list = field(default_factory=list)  # [(vocabulary, slug or code)]
    new_organisations: list = field(default_factory=list)  # names
    incomplete: bool = False  # something failed that may work next time (an image download)


@dataclass
class RemoteMeta:
    """The identity of a remote practice, checked."""

    id: int
    title: str
    locale: str
    translation_key: uuid.UUID
    html_url: str
    slug: str
    first_published_at: datetime.datetime | None
    last_published_at: datetime.datetime | None
    search_description: str
    shared_from: object


# Sanitising -------------------------------------------------------------------------------------


def _features_of(model_field_name):
    return PraktijkvoorbeeldPage._meta.get_field(model_field_name).features


_converters = {}


def _converter(features):
    key = tuple(features or ())
    if key not in _converters:
        _converters[key] = EditorHTMLConverter(features=features)
    return _converters[key]


def sanitise_rich_text(html, features, base_url=None):
    """Remote HTML as rich text in Wagtail's database format, allowing only ``features``."""
    if not html:
        return ""
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(REMOVED_WITH_CONTENT):
        tag.decompose()
    for tag in soup.find_all(True):
        for attribute in list(tag.attrs):
            if attribute.startswith("data-") or attribute in ("linktype", "embedtype"):
                del tag[attribute]
        if tag.name == "a" and base_url and isinstance(tag.get("href"), str):
            tag["href"] = urljoin(base_url, tag["href"].strip())
    cleaned = _converter(features).to_database_format(str(soup)).strip()
    if not strip_tags(cleaned).strip():
        return ""
    return cleaned


def plain_text(value, max_length=None):
    """Remote text without markup (and without the content of script and the like)."""
    if not isinstance(value, str) or not value:
        return ""
    if "<" in value or "&" in value:
        soup = BeautifulSoup(value, "html.parser")
        for tag in soup.find_all(REMOVED_WITH_CONTENT):
            tag.decompose()
        value = soup.get_text()
    text = value.strip()
    if max_length and len(text) > max_length:
        text = text[: max_length - 1].rstrip() + "…"
    return text


def fingerprint(item) -> str:
    """A digest of everything the source says about a practice (and of this converter's
    version): a changed fingerprint means the copy needs updating."""
    canonical = json.dumps(item, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(f"{FORMAT_VERSION}|{canonical}".encode()).hexdigest()


# Reading fields ---------------------------------------------------------------------------------


def _get(data, key, kind, path, default=None):
    """data[key] if it is a ``kind`` (or None / missing: ``default``); ItemError otherwise."""
    if not isinstance(data, dict):
        raise ItemError(f"field {path.rsplit('.', 1)[0]!r} should be an object")
    value = data.get(key)
    if value is None:
        return default
    if isinstance(value, bool) and kind is not bool:
        raise ItemError(f"field {path!r} has the wrong type")
    if not isinstance(value, kind):
        expected = {str: "text", list: "a list", dict: "an object"}.get(kind, kind.__name__)
        raise ItemError(f"field {path!r} should be {expected}")
    return value


def _date(data, key):
    value = _get(data, key, str, key)
    if not value:
        return None
    try:
        parsed = parse_date(value[:10])
    except ValueError:
        parsed = None
    if parsed is None:
        raise ItemError(f"field {key!r} is not a date (YYYY-MM-DD): {value[:40]!r}")
    return parsed


def _datetime(data, key, path):
    value = _get(data, key, str, path)
    if not value:
        return None
    try:
        parsed = parse_datetime(value)
    except ValueError:
        parsed = None
    if parsed is None or parsed.tzinfo is None:
        raise ItemError(f"field {path!r} is not a date and time with offset: {value[:40]!r}")
    return parsed


def is_http_url(value) -> bool:
    if not isinstance(value, str) or len(value) > 500:
        return False
    try:
        _http_url(value)
    except ValidationError:
        return False
    return True


def read_meta(item) -> RemoteMeta:
    """The identity of a remote item; ItemError when it lacks what a copy needs."""
    if not isinstance(item, dict):
        raise ItemError("not an object")
    remote_id = item.get("id")
    if not isinstance(remote_id, int) or isinstance(remote_id, bool) or remote_id < 1:
        raise ItemError("field 'id' is missing or not a positive number")
    meta = item.get("meta")
    if not isinstance(meta, dict):
        raise ItemError("field 'meta' is missing")
    title = plain_text(_get(item, "title", str, "title", ""), MAX_TITLE)
    if not title:
        raise ItemError("field 'title' is missing or empty")
    locale = _get(meta, "locale", str, "meta.locale", "")
    if not locale:
        raise ItemError("field 'meta.locale' is missing")
    try:
        translation_key = uuid.UUID(_get(meta, "translation_key", str, "meta.translation_key", ""))
    except ValueError:
        raise ItemError("field 'meta.translation_key' is missing or not a UUID") from None
    html_url = _get(meta, "html_url", str, "meta.html_url", "")
    if not is_http_url(html_url):
        raise ItemError("field 'meta.html_url' is missing or not an http(s) URL")
    return RemoteMeta(
        id=remote_id,
        title=title,
        locale=locale,
        translation_key=translation_key,
        html_url=html_url,
        slug=plain_text(_get(meta, "slug", str, "meta.slug", ""), 255),
        first_published_at=_datetime(meta, "first_published_at", "meta.first_published_at"),
        last_published_at=_datetime(meta, "last_published_at", "meta.last_published_at"),
        search_description=plain_text(
            _get(meta, "search_description", str, "meta.search_description", "")
        ),
        shared_from=meta.get("shared_from"),
    )


# Vocabularies, municipalities, partners --------------------------------------------------------


class Lookups:
    """Default-language terms by slug and municipalities by CBS code, read once per harvest."""

    def __init__(self):
        self.terms = {}
        for facet, field_name in VOCABULARY_FIELDS.items():
            model = KennisPage._meta.get_field(field_name).related_model
            terms = model.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
            self.terms[field_name] = (facet, {term.slug: term for term in terms})
        self.gemeenten = {gemeente.cbs_code: gemeente for gemeente in Gemeente.objects.all()}


def _slugs(item, field_name):
    values = _get(item, field_name, list, field_name, [])
    slugs = []
    for index, value in enumerate(values):
        if isinstance(value, dict):
            value = value.get("slug")
        if not isinstance(value, str) or not value:
            raise ItemError(f"field '{field_name}[{index}]' has no slug")
        slugs.append(value)
    return slugs


def _link_terms(item, converted, lookups):
    for field_name, (facet, by_slug) in lookups.terms.items():
        ids = []
        for slug in _slugs(item, field_name):
            if slug in by_slug:
                ids.append(by_slug[slug])
            else:
                converted.unknown_terms.append((facet, slug))
        converted.terms[field_name] = ids
    for index, value in enumerate(_get(item, "gemeenten", list, "gemeenten", [])):
        code = value.get("cbs_code") if isinstance(value, dict) else value
        if not isinstance(code, str) or not code:
            raise ItemError(f"field 'gemeenten[{index}]' has no cbs_code")
        code = code.strip().upper()
        if code in lookups.gemeenten:
            converted.gemeenten.append(lookups.gemeenten[code])
        else:
            converted.unknown_terms.append(("gemeente", code))


def _partners(item, converted):
    name_field = Organisatie._meta.get_field("name")
    for index, value in enumerate(_get(item, "partners", list, "partners", [])):
        path = f"partners[{index}]"
        organisatie = _get(value, "organisatie", dict, f"{path}.organisatie")
        if organisatie is None:
            raise ItemError(f"field '{path}.organisatie' is missing")
        name = plain_text(
            _get(organisatie, "name", str, f"{path}.organisatie.name", ""), name_field.max_length
        )
        if not name:
            raise ItemError(f"field '{path}.organisatie.name' is missing")
        role = plain_text(_get(value, "role", str, f"{path}.role", ""), 200)
        found = Organisatie.objects.filter(name__iexact=name).first()
        if found is None:
            website = _get(organisatie, "website", str, f"{path}.organisatie.website", "")
            found = Organisatie.objects.create(
                name=name, website=website if is_http_url(website) and len(website) <= 200 else ""
            )
            converted.new_organisations.append(name)
        converted.partners.append((found, role))


# The approach (StreamField) ---------------------------------------------------------------------

STREAM_BLOCK = BaseStreamBlock()
_PARAGRAPH_FEATURES = STREAM_BLOCK.child_blocks["paragraph"].features
_CALLOUT_FEATURES = STREAM_BLOCK.child_blocks["callout"].child_blocks["text"].features
_HEADING_LEVELS = {"h2", "h3", "h4"}
_CALLOUT_KINDS = {"info", "tip", "let-op"}


def _url_of(value):
    """An http(s) URL from a value that is a URL or an object with a ``url``."""
    if isinstance(value, dict):
        value = value.get("url") or value.get("html_url")
    return value if is_http_url(value) else None


def _link_paragraph(url, text):
    soup = BeautifulSoup("", "html.parser")
    paragraph = soup.new_tag("p")
    link = soup.new_tag("a", href=url)
    link.string = text
    paragraph.append(link)
    return str(paragraph)


class _Approach:
    def __init__(self, converted, base_url, image_resolver):
        self.converted = converted
        self.base_url = base_url
        self.image_resolver = image_resolver

    def rich(self, value, features):
        if value is not None and not isinstance(value, str):
            raise ValueError("rich text should be text")
        return sanitise_rich_text(value or "", features, self.base_url)

    def convert(self, blocks):
        if not isinstance(blocks, list):
            raise ItemError("field 'approach' should be a list")
        raw = []
        for index, block in enumerate(blocks):
            if not isinstance(block, dict) or not isinstance(block.get("type"), str):
                raise ItemError(f"field 'approach[{index}]' is not a block")
            kind = block["type"]
            method = getattr(self, f"block_{kind}", None)
            try:
                value = method(block.get("value")) if method else None
            except (ValueError, TypeError, AttributeError) as error:
                self.converted.notes.append(
                    f"approach block {index + 1} ({kind}) left out: {error}"
                )
                continue
            if method is None:
                self.converted.notes.append(
                    f"approach block {index + 1} left out: unknown type {kind[:40]!r}"
                )
                continue
            if value is None:
                continue
            kind, value = value if isinstance(value, tuple) else (kind, value)
            raw.append({"type": kind, "value": value, "id": str(uuid.uuid4())})
        return json.dumps(raw)

    def block_heading(self, value):
        text = plain_text(value.get("text"), 200)
        level = value.get("level") if value.get("level") in _HEADING_LEVELS else "h2"
        return {"text": text, "level": level} if text else None

    def block_paragraph(self, value):
        html = self.rich(value, _PARAGRAPH_FEATURES)
        return html or None

    def block_quote(self, value):
        text = plain_text(value.get("text"))
        if not text:
            return None
        return {"text": text, "attribution": plain_text(value.get("attribution"), 200)}

    def block_figure(self, value):
        image = value.get("image")
        url = _url_of(image)
        if not url:
            raise ValueError("the image has no http(s) URL")
        alt = plain_text(image.get("alt") if isinstance(image, dict) else "", 255)
        image_id = self.image_resolver(url, alt, self.converted)
        if image_id is None:
            return None
        return {
            "image": {"image": image_id, "decorative": not alt, "alt_text": alt},
            "caption": plain_text(value.get("caption"), 300),
        }

    def block_video(self, value):
        url = _url_of(value.get("video"))
        if not url:
            raise ValueError("the video has no http(s) URL")
        return {
            "video": url,
            "title": plain_text(value.get("title"), 200) or "Video",
            "transcript": self.rich(value.get("transcript"), _PARAGRAPH_FEATURES),
        }

    def block_document(self, value):
        document = value.get("document")
        url = _url_of(document)
        if not url:
            raise ValueError("the document has no http(s) URL")
        text = plain_text(value.get("title"), 200)
        if not text and isinstance(document, dict):
            text = plain_text(document.get("title"), 200)
        # Linked at the source, not copied: see docs/sharing.md.
        return ("paragraph", _link_paragraph(url, text or url))

    def block_callout(self, value):
        text = self.rich(value.get("text"), _CALLOUT_FEATURES)
        if not text:
            return None
        kind = value.get("kind") if value.get("kind") in _CALLOUT_KINDS else "info"
        return {"kind": kind, "text": text}

    def block_accordion(self, value):
        items = []
        for entry in value.get("items") or []:
            question = plain_text(entry.get("question"), 200)
            answer = self.rich(entry.get("answer"), _PARAGRAPH_FEATURES)
            if question and answer:
                items.append({"question": question, "answer": answer})
        if not items:
            return None
        return {"title": plain_text(value.get("title"), 200), "items": items}

    def block_call_to_action(self, value):
        link = value.get("link") or {}
        url = _url_of(link.get("url")) or _url_of(link.get("page"))
        title = plain_text(value.get("title"), 120)
        if not url or not title:
            raise ValueError("the button has no http(s) link")
        return {
            "title": title,
            "text": plain_text(value.get("text")),
            "link": {"page": None, "url": url, "text": plain_text(link.get("text"), 120) or title},
        }


# The whole practice -----------------------------------------------------------------------------


def convert(item, meta: RemoteMeta, lookups: Lookups, image_resolver) -> Converted:
    """The local field values for a remote practice; ItemError when it can't be imported.

    ``image_resolver(url, alt, converted)`` returns the id of a local image for a remote image
    URL, or None (noting why in ``converted``) when it can't be copied.
    """
    base_url = meta.html_url
    converted = Converted(fields={"title": meta.title, "seo_title": ""})
    converted.fields["search_description"] = meta.search_description
    for name in RICH_TEXT_FIELDS:
        value = _get(item, name, str, name, "")
        converted.fields[name] = sanitise_rich_text(value, _features_of(name), base_url)
    for name in PLAIN_TEXT_FIELDS:
        max_length = PraktijkvoorbeeldPage._meta.get_field(name).max_length
        converted.fields[name] = plain_text(_get(item, name, str, name, ""), max_length)
    for name in DATE_FIELDS:
        converted.fields[name] = _date(item, name)
    if converted.fields["last_checked"] is None:
        # The source doesn't say; its last publication is the best known check.
        published = meta.last_published_at or meta.first_published_at
        converted.fields["last_checked"] = published.date() if published else None
        if converted.fields["last_checked"] is None:
            converted.fields.pop("last_checked")

    status = _get(item, "status", str, "status", "")
    if status not in PraktijkvoorbeeldPage.Status.values:
        if status:
            converted.notes.append(f"unknown status {status[:40]!r}, shown as ongoing")
        status = PraktijkvoorbeeldPage.Status.LOPEND
    converted.fields["status"] = status
    erkenning = _get(item, "erkenning", str, "erkenning", "")
    if erkenning not in Erkenning.values:
        if erkenning:
            converted.unknown_terms.append(("erkenning", erkenning[:60]))
        erkenning = Erkenning.NIET_BEOORDEELD
    converted.fields["erkenning"] = erkenning
    url = _get(item, "intervention_url", str, "intervention_url", "")
    url_ok = is_http_url(url) and len(url) <= 200 and converted.fields["intervention_name"]
    converted.fields["intervention_url"] = url if url_ok else ""
    if url and not url_ok:
        converted.notes.append("intervention link left out (not a usable http(s) URL)")
    start, end = converted.fields["start_date"], converted.fields["end_date"]
    if start and end and end < start:
        converted.notes.append("end date before start date: end date left out")
        converted.fields["end_date"] = None

    # Contact details are not copied: a person's consent was given to the source, not to every
    # site that harvests it; the page links to the original for contact.
    converted.fields.update(
        contact_name="",
        contact_email="",
        contact_phone="",
        contact_is_person=False,
        contact_consent=False,
    )

    _link_terms(item, converted, lookups)
    _partners(item, converted)
    converted.approach = _Approach(converted, base_url, image_resolver).convert(
        _get(item, "approach", list, "approach", [])
    )
    return converted
