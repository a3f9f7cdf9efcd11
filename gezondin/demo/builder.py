"""Reusable building blocks for demo steps: stable keys, vocabulary terms, translated pages and
StreamField data.

Everything here is idempotent: objects are looked up by a stable key (a slug, or a translation key
derived from one) and only created when missing. Existing objects are never overwritten, so
editors' changes to demo content survive another ``load_demo`` (``make run`` runs it each time).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from wagtail.coreutils import find_available_slug
from wagtail.models import Page

from .registry import CREATED, PRESENT, DemoContext

# Fixed for good: translation keys derived from it must stay the same across runs and installs.
DEMO_NAMESPACE = uuid.UUID("3f0d7c52-9a3e-4f5b-8c1d-6b2e4a9f0c17")


def demo_key(*parts: str) -> uuid.UUID:
    """A deterministic translation key for demo content, e.g. ``demo_key("page", "contact")``."""
    return uuid.uuid5(DEMO_NAMESPACE, "/".join(parts))


def has_field(model, name: str) -> bool:
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


# Vocabularies ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    """One term of a vocabulary: its slug and, per language code, (name, description)."""

    slug: str
    texts: dict[str, tuple[str, str]]


def ensure_terms(ctx: DemoContext, model, terms: Iterable[Term]) -> dict[str, Any]:
    """Each term in the default language and its translations; sort order follows the list.

    Returns the default-language terms by slug (also kept in ``ctx.objects["vocabularies"]``).
    """
    result = {}
    for position, item in enumerate(terms, start=1):
        result[item.slug] = ensure_term(ctx, model, item, sort_order=position * 10)
    ctx.objects.setdefault("vocabularies", {})[model.__name__] = result
    return result


def ensure_term(ctx: DemoContext, model, item: Term, sort_order: int):
    kind = model.__name__
    default = ctx.default_locale
    obj = model.objects.filter(locale=default, slug=item.slug).first()
    if obj is None:
        name, description = item.texts[default.language_code]
        obj = model.objects.create(
            locale=default,
            translation_key=demo_key(model._meta.label_lower, item.slug),
            slug=item.slug,
            name=name,
            description=description,
            sort_order=sort_order,
        )
        ctx.record(kind, CREATED, obj, f"{obj} [{default.language_code}]")
    else:
        ctx.record(kind, PRESENT, obj, f"{obj} [{default.language_code}]")

    for locale in ctx.translation_locales:
        texts = item.texts.get(locale.language_code)
        if texts is None:
            continue
        translation = (
            obj.get_translation_or_none(locale)
            # A term with the same slug made by hand (another translation key) counts as present.
            or model.objects.filter(locale=locale, slug=obj.slug).first()
        )
        if translation is not None:
            ctx.record(kind, PRESENT, translation, f"{translation} [{locale.language_code}]")
            continue
        translation = obj.copy_for_translation(locale)
        translation.name, translation.description = texts
        translation.save()
        ctx.record(kind, CREATED, translation, f"{translation} [{locale.language_code}]")
    return obj


# Pages -------------------------------------------------------------------------------------------


@dataclass
class PageSpec:
    """A demo page and its translations.

    ``texts`` holds per language code the translatable fields (title, slug, intro, heading, ...);
    ``attrs`` the fields shared by all languages (show_in_menus, show_table_of_contents);
    ``body(ctx, language_code)`` returns the raw StreamField data. Bodies are built only after all
    pages of the step exist, so they can link to each other (see :func:`page_id`).
    """

    key: str
    model: type[Page]
    texts: dict[str, dict[str, Any]]
    attrs: dict[str, Any] = field(default_factory=dict)
    body: Callable[[DemoContext, str], list[dict]] | None = None

    @property
    def translation_key(self) -> uuid.UUID:
        return demo_key("page", self.key)


def _pending(ctx: DemoContext) -> list:
    return ctx.objects.setdefault("pending_pages", [])


def _set_fields(page: Page, values: dict[str, Any]) -> None:
    for name, value in values.items():
        if has_field(type(page), name):
            setattr(page, name, value)


def find_page(ctx: DemoContext, spec: PageSpec, parent: Page | None):
    """The default-language page for ``spec``: by translation key, else by slug under parent."""
    locale = ctx.default_locale
    page = Page.objects.filter(locale=locale, translation_key=spec.translation_key).first()
    if page is None and parent is not None:
        slug = spec.texts[locale.language_code]["slug"]
        page = parent.get_children().filter(slug=slug).first()
    return page.specific if page is not None else None


def ensure_page(
    ctx: DemoContext,
    spec: PageSpec,
    parent: Page,
    *,
    existing: Page | None = None,
    kind: str = "Pages",
) -> dict[str, Page]:
    """The page in the default language under ``parent`` plus its translations.

    New pages are saved as drafts and queued; :func:`publish_pending_pages` fills in their bodies
    and publishes them. A translation goes under the parent's translation, so translate parents
    first (the order of the specs takes care of that). Returns the pages by language code, also
    kept in ``ctx.objects["pages"][spec.key]``.
    """
    default = ctx.default_locale
    page = existing or find_page(ctx, spec, parent)
    if page is None:
        page = spec.model(
            locale=default, translation_key=spec.translation_key, live=False, **spec.attrs
        )
        _set_fields(page, spec.texts[default.language_code])
        parent.add_child(instance=page)
        _pending(ctx).append((spec, default.language_code, page))
        ctx.record(kind, CREATED, page, f"{page.title} [{default.language_code}]")
    else:
        ctx.record(kind, PRESENT, page, f"{page.title} [{default.language_code}]")
    result = {default.language_code: page}

    for locale in ctx.translation_locales:
        language = locale.language_code
        if language not in spec.texts:
            continue
        translation = page.get_translation_or_none(locale)
        if translation is not None:
            translation = translation.specific
            ctx.record(kind, PRESENT, translation, f"{translation.title} [{language}]")
        else:
            translation = _create_translation(page, spec, locale)
            _pending(ctx).append((spec, language, translation))
            ctx.record(kind, CREATED, translation, f"{translation.title} [{language}]")
        result[language] = translation

    ctx.objects.setdefault("pages", {})[spec.key] = result
    return result


def _create_translation(page: Page, spec: PageSpec, locale) -> Page:
    """A draft translation of ``page`` under its parent's translation.

    Built directly with the same translation key rather than by ``copy_for_translation``: the
    copy would take the Dutch slug, and changing it afterwards makes Wagtail add a redirect for
    the old URL. Pages of another type than the spec's (made by hand) are copied as usual.
    """
    parent = page.get_parent()
    translated_parent = parent if parent.is_root() else parent.get_translation(locale)
    if not isinstance(page, spec.model):
        translation = page.copy_for_translation(locale).specific
        _set_fields(
            translation, {k: v for k, v in spec.texts[locale.language_code].items() if k != "slug"}
        )
        translation.save()
        return translation
    translation = spec.model(
        locale=locale, translation_key=page.translation_key, live=False, **spec.attrs
    )
    _set_fields(translation, spec.texts[locale.language_code])
    translation.slug = find_available_slug(translated_parent, translation.slug)
    translated_parent.add_child(instance=translation)
    return translation


def publish_pending_pages(ctx: DemoContext) -> None:
    """Give the pages created in this run their bodies and publish them."""
    for spec, language, draft in _pending(ctx):
        # Fetch again: the tree fields (numchild) of the drafts in memory may be stale, and
        # publishing saves every field.
        page = type(draft).objects.get(pk=draft.pk)
        if spec.body is not None and has_field(type(page), "body"):
            page.body = stream_value(type(page), "body", spec.body(ctx, language))
        page.save_revision().publish()
        ctx.index_later(page)
    ctx.objects["pending_pages"] = []


def page_id(ctx: DemoContext, key: str, language: str) -> int | None:
    """The id of a demo page made earlier in this run, in ``language`` or else the default one."""
    pages = ctx.objects.get("pages", {}).get(key, {})
    page = pages.get(language) or pages.get(ctx.default_locale.language_code)
    return page.pk if page is not None else None


# StreamField data ------------------------------------------------------------------------------
# Helpers returning the raw (JSON) form of GezondIn's blocks (gezondin/blocks.py).


def stream_value(model, field_name: str, blocks: Iterable[dict | None]):
    """Raw block data as the StreamField's value; ``None`` entries are left out."""
    stream_block = model._meta.get_field(field_name).stream_block
    return stream_block.to_python([block for block in blocks if block is not None])


def heading(text: str, level: str = "h2") -> dict:
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(html: str) -> dict:
    return {"type": "paragraph", "value": html}


def quote(text: str, attribution: str = "") -> dict:
    return {"type": "quote", "value": {"text": text, "attribution": attribution}}


def callout(html: str, kind: str = "info") -> dict:
    return {"type": "callout", "value": {"kind": kind, "text": html}}


def accordion(items: Iterable[tuple[str, str]], title: str = "") -> dict:
    """``items`` are (question, answer as HTML) pairs."""
    return {
        "type": "accordion",
        "value": {
            "title": title,
            "items": [{"question": question, "answer": answer} for question, answer in items],
        },
    }


def call_to_action(
    title: str, text: str, link_text: str, *, page: int | None = None, url: str = ""
) -> dict | None:
    """A call to action linking to a page id or a URL; ``None`` (left out) when neither is set."""
    if not page and not url:
        return None
    return {
        "type": "call_to_action",
        "value": {
            "title": title,
            "text": text,
            "link": {"page": page, "url": url, "text": link_text},
        },
    }
