"""Serializer fields of the read API shared by every app, used by the models' ``api_fields`` and by
the endpoints. The feature apps keep their own fields in their ``api`` module (a practice's
partners and contact in kennisbank.api, an activity's meetings and seats in leerkringen.api); a
models module names those by dotted path (:func:`deferred`), so it does not import its api
module, which imports the models.

Every URL in a response is absolute and built from the request (``build_absolute_uri``), so a
second installation on another host or port gets its own links. Rich text is front-end HTML with
absolute links, rendered in the page's language (internal links go to that language's
translation, as on the page). Nothing here reads a personal field: a practice's contact only when
the page shows it publicly, an activity's seats only as a count.

This module is imported by models modules, so it imports models only inside functions.
"""

import re

from django.conf import settings
from django.utils import timezone, translation
from django.utils.module_loading import import_string
from rest_framework.fields import Field, SkipField
from wagtail import blocks
from wagtail.api import APIField
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock, ImageChooserBlock
from wagtail.rich_text import expand_db_html

# Images in StreamFields: at most 1200 pixels wide (never enlarged).
IMAGE_FILTER = "width-1200"
# A site-relative URL ("/nl/...", not "//host/...") in an href or src attribute.
LOCAL_URL = re.compile(
    r"""(?P<attr>\b(?:href|src)=)(?P<quote>["'])(?P<url>/(?!/)[^"']*)(?P=quote)"""
)


# Helpers ----------------------------------------------------------------------------------------


def django_request(request):
    """The Django request behind a DRF request (site and URL lookups cache on it)."""
    return getattr(request, "_request", request)


def http_request(context):
    """The Django request of a serializer context, or None."""
    return django_request((context or {}).get("request"))


def absolute_url(context, url):
    """``url`` made absolute for the request's scheme and host; None when there is no URL."""
    if not url:
        return None
    request = http_request(context)
    return request.build_absolute_uri(url) if request is not None else url


def absolute_links(html, context):
    """``html`` with its site-relative href and src attributes made absolute."""
    request = http_request(context)
    if not html or request is None:
        return html

    def replace(match):
        url = request.build_absolute_uri(match["url"])
        return f"{match['attr']}{match['quote']}{url}{match['quote']}"

    return LOCAL_URL.sub(replace, html)


def language_of(obj):
    """The language of a page (its locale), or the default language for other objects."""
    if getattr(obj, "locale_id", None):
        return obj.locale.language_code
    return settings.LANGUAGE_CODE


def rich_text_html(source, context, language):
    """Rich text from the database as the page shows it, with absolute links; "" when empty."""
    if not source:
        return ""
    with translation.override(language):
        html = expand_db_html(source)
    return absolute_links(html, context)


def iso(moment):
    """A datetime in the site's time zone as ISO 8601 with its offset, or None."""
    return timezone.localtime(moment).isoformat() if moment else None


def page_url(page, context):
    """The absolute URL of a page's public view, or None when it has none (not routable)."""
    return absolute_url(context, page.get_url(http_request(context)))


def is_public(page):
    """Live and outside every private (view-restricted) section."""
    from gezondin.terms import restricted_paths  # imports the models, which import this module

    return page.live and not any(page.path.startswith(path) for path in restricted_paths())


def organisation(organisatie):
    if organisatie is None:
        return None
    return {"name": organisatie.name, "website": organisatie.website}


def shared_copy(page):
    """The harvest record of a page that is a shared copy of another installation's page, or
    None. Pages without one (and installations without kennisbank.SharedCopy) raise an
    AttributeError subclass on the reverse one-to-one, which getattr turns into None."""
    return getattr(page, "shared_copy", None)


# StreamFields -----------------------------------------------------------------------------------


def image_representation(image, context):
    """{"url", "width", "height", "alt"} of an image's rendition at most 1200 pixels wide."""
    from wagtail.images.models import SourceImageIOError

    try:
        rendition = image.get_rendition(IMAGE_FILTER)
    except SourceImageIOError:  # the original file is missing: leave the image out
        return None
    alt = image.contextual_alt_text
    if alt is None:  # chosen with an ImageChooserBlock: the image's own alt text
        alt = image.default_alt_text
    return {
        "url": absolute_url(context, rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": alt or "",
    }


def page_link(page, context, language):
    """{"id", "title", "url"} of a chosen page in the page's language, or None when that page
    is not public."""
    with translation.override(language):
        page = page.localized
    if not is_public(page):
        return None
    return {"id": page.pk, "title": page.title, "url": page_url(page, context)}


def block_representation(block, value, context, language):
    """The API form of one block's value: rich text as front-end HTML with absolute links,
    images as renditions, documents and pages as absolute links, structures recursively, other
    blocks as Wagtail represents them."""
    if value is None:
        return None
    if isinstance(block, blocks.RichTextBlock):
        return rich_text_html(value.source, context, language)
    if isinstance(block, (ImageBlock, ImageChooserBlock)):
        return image_representation(value, context)
    if isinstance(block, DocumentChooserBlock):
        return {"title": value.title, "url": absolute_url(context, value.url)}
    if isinstance(block, blocks.PageChooserBlock):
        return page_link(value, context, language)
    if isinstance(block, EmbedBlock):
        return value.url
    if isinstance(block, blocks.StreamBlock):
        return stream_representation(value, context, language)
    if isinstance(block, blocks.ListBlock):
        return [block_representation(block.child_block, item, context, language) for item in value]
    if isinstance(block, blocks.StructBlock):
        return {
            name: block_representation(child, value.get(name), context, language)
            for name, child in block.child_blocks.items()
        }
    return block.get_api_representation(value, context=context)


def stream_representation(stream, context, language):
    """A StreamField's value as a list of {"type", "value", "id"}."""
    if not stream:
        return []
    return [
        {
            "type": child.block_type,
            "value": block_representation(child.block, child.value, context, language),
            "id": child.id,
        }
        for child in stream
    ]


# Serializer fields ------------------------------------------------------------------------------


class ObjectField(Field):
    """A read-only field computed from the whole object (and the request in the context)."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance

    def value(self, obj):
        return getattr(obj, self.field_name)


class Deferred(Field):
    """The serializer field class at ``path`` ("app.api.FieldClass"), imported and built (with
    ``args`` and ``kwargs``) when a serializer binds it, so a models module can name a field
    defined in a module that imports the models."""

    def __init__(self, path, *args, **kwargs):
        self.path = path
        self.field_args = args
        self.field_kwargs = kwargs
        super().__init__(read_only=True)

    def bind(self, field_name, parent):
        super().bind(field_name, parent)
        self.field = import_string(self.path)(*self.field_args, **self.field_kwargs)
        self.field.bind(field_name, parent)

    def get_attribute(self, instance):
        return self.field.get_attribute(instance)

    def to_representation(self, value):
        return self.field.to_representation(value)


class RichTextHTML(ObjectField):
    """A RichTextField as front-end HTML with absolute links."""

    def to_representation(self, obj):
        return rich_text_html(self.value(obj), self.context, language_of(obj))


class StreamBlocks(ObjectField):
    """A StreamField as [{"type", "value", "id"}] (see block_representation)."""

    def to_representation(self, obj):
        return stream_representation(self.value(obj), self.context, language_of(obj))


class Terms(ObjectField):
    """Vocabulary terms as [{"slug", "name"}], named in the page's language.

    Pages link the default language's terms; every translation of a term shares its slug, so the
    name comes from the (cached) names per language, falling back to the default language's."""

    def to_representation(self, obj):
        from gezondin.terms import term_names  # imports the models, which import this module

        model = obj._meta.get_field(self.field_name).related_model
        names = term_names(model, language_of(obj))
        return [
            {"slug": term.slug, "name": names.get(term.slug, term.name)}
            for term in self.value(obj).all()
        ]


class Gemeenten(ObjectField):
    """Municipalities as [{"cbs_code", "name", "provincie"}]."""

    def to_representation(self, obj):
        return [
            {"cbs_code": gemeente.cbs_code, "name": gemeente.name, "provincie": gemeente.provincie}
            for gemeente in self.value(obj).all()
        ]


class Organisatie(ObjectField):
    """An organisation as {"name", "website"}, or null."""

    def to_representation(self, obj):
        return organisation(self.value(obj))


class DocumentLink(ObjectField):
    """A document as {"title", "url"}, or null."""

    def to_representation(self, obj):
        document = self.value(obj)
        if document is None:
            return None
        return {"title": document.title, "url": absolute_url(self.context, document.url)}


class ChoiceLabel(ObjectField):
    """The label of a choice field's value, in the page's language."""

    def __init__(self, choice_field, **kwargs):
        self.choice_field = choice_field
        super().__init__(**kwargs)

    def to_representation(self, obj):
        with translation.override(language_of(obj)):
            return str(getattr(obj, f"get_{self.choice_field}_display")())


# Meta fields of every page ------------------------------------------------------------------------


class DetailURL(Field):
    """meta.detail_url: the object's detail endpoint, absolute for this request's host."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        path = self.context["router"].get_object_detail_urlpath(type(instance), instance.pk)
        if not path:
            raise SkipField
        return absolute_url(self.context, path)

    def to_representation(self, url):
        return url


class HtmlURL(ObjectField):
    """meta.html_url: the absolute URL of the public page."""

    def to_representation(self, page):
        return page_url(page, self.context)


class CanonicalURL(ObjectField):
    """meta.canonical_url: the original's URL for a harvested copy, else the page's own."""

    def to_representation(self, page):
        copy = shared_copy(page)
        if copy is not None and copy.original_url:
            return copy.original_url
        return page_url(page, self.context)


class SharedFrom(ObjectField):
    """meta.shared_from: {"name", "url"} of the installation a harvested copy came from, or null
    for the installation's own pages."""

    def to_representation(self, page):
        copy = shared_copy(page)
        if copy is None:
            return None
        return {"name": copy.source.name, "url": copy.source.base_url}


# APIField shorthands for the models' api_fields ---------------------------------------------------


def rich_text(name):
    return APIField(name, serializer=RichTextHTML())


def stream(name):
    return APIField(name, serializer=StreamBlocks())


def terms(name):
    return APIField(name, serializer=Terms())


def deferred(name, path, *args, **kwargs):
    """An APIField whose serializer is the field class at ``path`` (see Deferred)."""
    return APIField(name, serializer=Deferred(path, *args, **kwargs))
