"""One harvest of one source: read its practices per language, add, update, withdraw and report.

For every language this site has, the source's listing ``/api/v2/praktijkvoorbeelden/?locale=..``
is read page by page (all fields, in order of id) and each practice is handled on its own, in its
own transaction:

- new: a PraktijkvoorbeeldPage is created under this site's KennisbankPage of that language and
  published, with a SharedCopy record; translations of one remote practice get one local
  translation key, so they are translations of one another here too;
- known with a different fingerprint: a new revision with the source's content is published;
- known and unchanged: nothing happens (a copy the source had withdrawn is published again);
- a copy of a copy, or taken offline or deleted by an editor of this site: skipped, with why.

Only when a language's listing was read completely are the copies the source no longer lists
withdrawn (unpublished); after a network error or a bad page nothing is withdrawn in that
language, and what was harvested before the error stays as it is.
"""

import datetime
import hashlib
import io
import logging
import mimetypes
import posixpath
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.db import DatabaseError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site

from kennisbank.harvest.client import Client, ClientSettings, HarvestError
from kennisbank.harvest.convert import (
    ItemError,
    Lookups,
    RemoteMeta,
    convert,
    fingerprint,
    read_meta,
)
from kennisbank.harvest.models import HarvestSource, SharedCopy, harvester_writes
from kennisbank.models import KennisbankPage, PraktijkvoorbeeldPage, PraktijkvoorbeeldPartner
from kennisbank.signals import indexes_built_at_the_end

logger = logging.getLogger(__name__)

ENDPOINT = "praktijkvoorbeelden"
# A harvest that started this long ago is assumed to have died; another may start.
STALE_RUN = datetime.timedelta(hours=2)
IMAGE_TYPES = {"image/jpeg": "JPEG", "image/png": "PNG", "image/gif": "GIF", "image/webp": "WEBP"}
MAX_IMAGE_PIXELS = 40_000_000
INCOMPLETE_PREFIX = "incomplete:"
# Entries listed per section of the report; the counts are always complete.
REPORT_LINES = 50
STATUS_TEXT = {"ok": "OK", "partial": "partly failed (see errors)", "failed": "failed"}


@dataclass
class Report:
    """What a harvest did, for the command's output and the source's page in the admin."""

    source: str
    base_url: str
    started_at: datetime.datetime = field(default_factory=timezone.now)
    finished_at: datetime.datetime | None = None
    listed: dict = field(default_factory=dict)  # language code -> number of practices listed
    added: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    withdrawn: list = field(default_factory=list)
    unchanged: int = 0
    skipped: list = field(default_factory=list)  # (label, reason)
    notes: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    unknown_terms: Counter = field(default_factory=Counter)  # (vocabulary, value) -> practices
    new_organisations: list = field(default_factory=list)
    fatal: bool = False

    @property
    def status(self):
        if self.fatal:
            return HarvestSource.Status.FAILED
        return HarvestSource.Status.PARTIAL if self.errors else HarvestSource.Status.OK

    def counts(self):
        return {
            "added": len(self.added),
            "updated": len(self.updated),
            "withdrawn": len(self.withdrawn),
            "unchanged": self.unchanged,
            "skipped": len(self.skipped),
            "errors": len(self.errors),
            "status": str(self.status),
        }

    def summary_data(self):
        """The counts and the (first) errors, stored on the source and shown in the admin in
        the reader's language (HarvestSource.report_summary)."""
        return {**self.counts(), "error_messages": self.errors[:REPORT_LINES]}

    def summary(self):
        counts = self.counts()
        return (
            f"{counts['added']} added, {counts['updated']} updated, "
            f"{counts['withdrawn']} withdrawn, {counts['unchanged']} unchanged, "
            f"{counts['skipped']} skipped"
        )

    def as_text(self):
        when = timezone.localtime(self.started_at).strftime("%Y-%m-%d %H:%M")
        lines = [f"Harvest of {self.source} ({self.base_url}), {when}"]
        if self.listed:
            listed = ", ".join(f"{count} in {code}" for code, count in self.listed.items())
            lines.append(f"Listed by the source: {listed}")
        lines.append(f"Result: {self.summary()}")

        def section(title, entries):
            if entries:
                lines.append(f"{title}:")
                lines.extend(f"  - {entry}" for entry in entries[:REPORT_LINES])
                if len(entries) > REPORT_LINES:
                    lines.append(f"  - … and {len(entries) - REPORT_LINES} more")

        section("Errors", self.errors)
        section("Added", self.added)
        section("Updated", self.updated)
        section("Withdrawn", self.withdrawn)
        section("Skipped", [f"{label}: {reason}" for label, reason in self.skipped])
        unknown = [
            f"{kind} {value!r} (in {count} practice{'s' if count != 1 else ''})"
            for (kind, value), count in sorted(self.unknown_terms.items())
        ]
        section("Unknown here, left out (not created)", unknown)
        section("Organisations created", sorted(set(self.new_organisations)))
        section("Notes", self.notes)
        lines.append(f"Status: {STATUS_TEXT[self.status]}")
        return "\n".join(lines)


def kennisbank_page(locale):
    """The KennisbankPage shared copies of a language go under: the default site's, else any."""
    pages = KennisbankPage.objects.filter(locale=locale)
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is not None:
        root = site.root_page.get_translation_or_none(locale) or site.root_page
        found = pages.descendant_of(root).order_by("path").first()
        if found is not None:
            return found
    return pages.order_by("path").first()


def _label(meta: RemoteMeta):
    return f'"{meta.title}" ({meta.locale}, #{meta.id})'


def _item_label(item):
    if isinstance(item, dict) and isinstance(item.get("id"), int):
        title = item.get("title")
        if isinstance(title, str) and title:
            return f'"{title[:80]}" (#{item["id"]})'
        return f"#{item['id']}"
    return "an item"


def _validation_message(error: ValidationError):
    if hasattr(error, "message_dict"):
        parts = [
            f"{name}: {' '.join(str(m) for m in messages)}"
            for name, messages in error.message_dict.items()
        ]
        return "; ".join(parts)
    return " ".join(str(message) for message in error.messages)


class ImageCopier:
    """Copies remote images into this site's image library, safely: only JPEG, PNG, GIF and
    WebP, at most ``max_image_bytes`` and MAX_IMAGE_PIXELS, checked by decoding them; one image
    file is stored once (by its hash), in a collection per source."""

    def __init__(self, client: Client, source: HarvestSource):
        self.client = client
        self.source = source
        self.done = {}

    def start_item(self):
        """Forget what the previous practice copied: its transaction may have been rolled back."""
        self.done = {}

    def collection(self):
        root = Collection.get_first_root_node()
        name = f"Gedeeld: {self.source.name}"[:255]
        return root.get_children().filter(name=name).first() or root.add_child(name=name)

    def __call__(self, url, alt, converted):
        if url in self.done:
            return self.done[url]
        try:
            image_id = self._copy(url, alt)
        except HarvestError as error:
            converted.notes.append(f"image {url} not copied: {error}")
            converted.incomplete = converted.incomplete or error.transient
            return None
        self.done[url] = image_id
        return image_id

    def _copy(self, url, alt):
        from PIL import Image as PILImage

        data, content_type = self.client.download(url, list(IMAGE_TYPES))
        try:
            with PILImage.open(io.BytesIO(data)) as decoded:
                if decoded.format != IMAGE_TYPES[content_type]:
                    raise HarvestError(f"the file is not the {content_type} it claims to be")
                width, height = decoded.size
                if width * height > MAX_IMAGE_PIXELS:
                    raise HarvestError(f"too many pixels ({width}×{height})")
                decoded.verify()
        except HarvestError:
            raise
        except Exception as error:  # noqa: BLE001 - any decoding failure means "not an image"
            raise HarvestError(f"not a valid image ({error.__class__.__name__})") from error

        Image = get_image_model()
        file_hash = _sha1(data)
        existing = Image.objects.filter(file_hash=file_hash).values_list("pk", flat=True).first()
        if existing:
            return existing
        name = posixpath.basename(urlsplit(url).path) or "afbeelding"
        stem = slugify(name.rsplit(".", 1)[0])[:60] or "afbeelding"
        extension = mimetypes.guess_extension(content_type) or ".img"
        image = Image(
            title=(alt or stem)[:255],
            collection=self.collection(),
            file=ImageFile(io.BytesIO(data), name=f"{stem}{extension}"),
            file_size=len(data),
            file_hash=file_hash,
        )
        image.save()
        return image.pk


def _sha1(data):
    return hashlib.sha1(data, usedforsecurity=False).hexdigest()


class Harvester:
    """Harvest one source. ``progress(language, done, total)`` is called after every page of
    the listing; ``since`` limits the practices read in full to those published since then (the
    listing of ids is always read completely, for withdrawals)."""

    def __init__(self, source, *, client=None, progress=None, since=None):
        self.source = source
        self.client = client or Client(source.base_url, ClientSettings.from_settings())
        self.progress = progress or (lambda language, done, total: None)
        self.since = since
        self.report = Report(source=source.name, base_url=source.base_url)

    # The run ----------------------------------------------------------------------------------

    def run(self) -> Report:
        now = timezone.now()
        claimed = (
            HarvestSource.objects.filter(pk=self.source.pk)
            .filter(Q(harvest_started_at__isnull=True) | Q(harvest_started_at__lt=now - STALE_RUN))
            .update(harvest_started_at=now)
        )
        if not claimed:
            self.report.fatal = True
            self.report.errors.append("another harvest of this source is still running")
            self.report.finished_at = timezone.now()
            return self.report
        try:
            # Each practice is committed on its own; the facet and word indexes are built once,
            # after the last (kennisbank.signals).
            with indexes_built_at_the_end():
                self._run()
        except Exception as error:
            # A bug or an unforeseen failure: record it on the source, then let it surface.
            self.report.fatal = True
            self.report.errors.append(f"the harvest stopped: {error.__class__.__name__}: {error}")
            raise
        finally:
            self.report.finished_at = timezone.now()
            HarvestSource.objects.filter(pk=self.source.pk).update(
                harvest_started_at=None,
                last_harvested_at=self.report.started_at,
                last_status=self.report.status,
                last_report=self.report.as_text(),
                last_summary=self.report.summary_data(),
            )
            self.client.close()
        return self.report

    def _run(self):
        # The probe asks what every listing below asks, without a language: when it works and a
        # language's listing is refused (400/404), it is the language the source doesn't have.
        probe = {"fields": "*", "order": "id", "limit": 1, "offset": 0}
        if self.since is not None:
            probe["updated_since"] = self.since.isoformat()
        try:
            self.client.get_json(f"{ENDPOINT}/", probe)
        except HarvestError as error:
            self.report.fatal = True
            self.report.errors.append(
                f"could not read the practices at {self.client.api_url}{ENDPOINT}/: {error} "
                "(is this the address of a GezondIn site?)"
            )
            return
        self.lookups = Lookups()
        self.images = ImageCopier(self.client, self.source)
        self.copies = {
            copy.remote_id: copy
            for copy in SharedCopy.objects.filter(source=self.source).select_related("page")
        }
        default = settings.LANGUAGE_CODE
        locales = sorted(Locale.objects.all(), key=lambda loc: loc.language_code != default)
        for locale in locales:
            self._harvest_language(locale)

    def _harvest_language(self, locale):
        code = locale.language_code
        parent = kennisbank_page(locale)
        if parent is None:
            self.report.notes.append(
                f"this site has no kennisbank page in {code}: practices in {code} not harvested"
            )
            return
        seen = set()
        try:
            if self.since is None:
                self._read(code, {"locale": code, "fields": "*"}, parent, seen)
            else:
                query = {"locale": code, "fields": "*", "updated_since": self.since.isoformat()}
                self._read(code, query, parent, set())
                self._read_ids(code, seen)
        except _NoSuchLanguage as answer:
            self.report.listed[code] = 0
            self.report.notes.append(f"the source has no pages in {code} ({answer})")
        except HarvestError as error:
            self.report.errors.append(
                f"{code}: the listing broke off after {len(seen)} practices: {error}; "
                f"nothing withdrawn in {code}"
            )
            return
        self._withdraw_missing(code, seen)

    def _pages(self, query):
        """The listing's pages; _NoSuchLanguage when the source has no such language."""
        pages = self.client.listing(ENDPOINT, query)
        done = total = 0
        while True:
            try:
                items, total = next(pages)
            except StopIteration:
                break
            except HarvestError as error:
                if done == 0 and error.status in (400, 404):
                    raise _NoSuchLanguage(str(error)) from error
                raise
            done += len(items)
            yield items, done, total
        if done < total:
            raise HarvestError(f"the source listed {done} of the {total} practices it counts")

    def _read(self, code, query, parent, seen):
        for items, done, total in self._pages(query):
            for item in items:
                remote_id = self._process(item, locale_code=code, parent=parent)
                if remote_id is not None:
                    seen.add(remote_id)
            if self.since is None:
                self.report.listed[code] = total
            self.progress(code, done, total)

    def _read_ids(self, code, seen):
        for items, _done, total in self._pages({"locale": code}):
            for item in items:
                remote_id = item.get("id") if isinstance(item, dict) else None
                if isinstance(remote_id, int):
                    seen.add(remote_id)
            self.report.listed[code] = total

    # One practice ------------------------------------------------------------------------------

    def _process(self, item, *, locale_code, parent):
        """Handle one listed item; returns its remote id when it is a valid listing entry."""
        try:
            meta = read_meta(item)
        except ItemError as error:
            self.report.skipped.append((_item_label(item), str(error)))
            # A malformed entry with an id still counts as listed: it is not withdrawn.
            remote_id = item.get("id") if isinstance(item, dict) else None
            return remote_id if isinstance(remote_id, int) else None
        label = _label(meta)
        if meta.locale != locale_code:
            self.report.skipped.append((label, f"listed under {locale_code} but in {meta.locale}"))
            return None
        if meta.shared_from:
            origin = meta.shared_from.get("name") if isinstance(meta.shared_from, dict) else None
            self.report.skipped.append(
                (label, f"a shared copy itself (from {origin or 'another site'}); not copied again")
            )
            return meta.id
        digest = fingerprint(item)
        copy = self.copies.get(meta.id)
        if copy is not None:
            if copy.page_id is None:
                self.report.skipped.append((label, "deleted on this site by an editor"))
                return meta.id
            if copy.blocked:
                self.report.skipped.append((label, "taken offline on this site by an editor"))
                return meta.id
            if copy.fingerprint == digest:
                # Withdrawn before, or offline after --forget-removed lifted an editor's block.
                if copy.withdrawn or not copy.page.live:
                    self._republish(copy, label)
                else:
                    self.report.unchanged += 1
                return meta.id
        try:
            with transaction.atomic():
                self._write(item, meta, copy, digest, parent, label)
        except ItemError as error:
            self.report.skipped.append((label, str(error)))
        except ValidationError as error:
            self.report.skipped.append((label, f"not valid here: {_validation_message(error)}"))
        except DatabaseError as error:
            self.report.skipped.append((label, f"could not be saved ({error.__class__.__name__})"))
        except Exception as error:  # noqa: BLE001 - one practice never stops the harvest
            logger.exception("harvesting %s from %s failed", label, self.source.base_url)
            self.report.skipped.append((label, f"failed: {error.__class__.__name__}: {error}"))
        return meta.id

    def _write(self, item, meta, copy, digest, parent, label):
        self.images.start_item()
        converted = convert(item, meta, self.lookups, self.images)
        if copy is None:
            translation_key = self.source.translation_key_for(meta.translation_key)
            if Page.objects.filter(translation_key=translation_key, locale=parent.locale).exists():
                raise ItemError(f"this site already has its translation in {meta.locale}")
            slug = slugify(meta.slug or meta.title)[:200] or "praktijkvoorbeeld"
            page = PraktijkvoorbeeldPage(
                locale=parent.locale,
                translation_key=translation_key,
                slug=find_available_slug(parent, slug),
                live=False,
            )
        else:
            page = copy.page.specific
        for name, value in converted.fields.items():
            setattr(page, name, value)
        page.approach = converted.approach
        for name, terms in converted.terms.items():
            getattr(page, name).set(terms)
        page.gemeenten.set(converted.gemeenten)
        page.partners = [
            PraktijkvoorbeeldPartner(organisatie=organisatie, role=role)
            for organisatie, role in converted.partners
        ]
        with harvester_writes():
            if copy is None:
                parent.add_child(instance=page)
            page.save_revision().publish()
        if copy is None and meta.first_published_at and meta.first_published_at <= timezone.now():
            # Sorting by "newest" means: first published at the source.
            Page.objects.filter(pk=page.pk).update(first_published_at=meta.first_published_at)

        was_withdrawn = copy is not None and copy.withdrawn
        if copy is None:
            copy = SharedCopy(page=page, source=self.source, remote_id=meta.id)
        copy.remote_locale = meta.locale
        copy.remote_translation_key = meta.translation_key
        copy.original_url = meta.html_url
        copy.remote_last_published_at = meta.last_published_at
        copy.fingerprint = (INCOMPLETE_PREFIX if converted.incomplete else "") + digest
        copy.harvested_at = timezone.now()
        copy.withdrawn = False
        copy.save()

        for kind, value in converted.unknown_terms:
            self.report.unknown_terms[(kind, value)] += 1
        self.report.new_organisations.extend(converted.new_organisations)
        self.report.notes.extend(f"{label}: {note}" for note in converted.notes)
        if meta.id in self.copies:
            self.report.updated.append(label + (" (published again)" if was_withdrawn else ""))
        else:
            self.report.added.append(label)
        self.copies[meta.id] = copy

    def _republish(self, copy, label):
        try:
            with transaction.atomic(), harvester_writes():
                copy.page.specific.save_revision().publish()
                copy.withdrawn = False
                copy.save(update_fields=["withdrawn"])
        except (ValidationError, DatabaseError) as error:
            self.report.skipped.append((label, f"could not be published again ({error})"))
            return
        self.report.updated.append(f"{label} (published again)")

    def _withdraw_missing(self, code, seen):
        for copy in list(self.copies.values()):
            if (
                copy.remote_locale != code
                or copy.remote_id in seen
                or copy.page_id is None
                or copy.withdrawn
                or copy.blocked
            ):
                continue
            label = f'"{copy.page.title}" ({code}, #{copy.remote_id})'
            try:
                with transaction.atomic(), harvester_writes():
                    page = copy.page.specific
                    if page.live:
                        page.unpublish()
                    copy.withdrawn = True
                    copy.save(update_fields=["withdrawn"])
            except DatabaseError as error:
                self.report.errors.append(f"{label}: could not be withdrawn ({error})")
                continue
            self.report.withdrawn.append(label)


class _NoSuchLanguage(Exception):
    """The source refused a language's listing that it answers without one: it has no pages in
    that language."""


def harvest(source, **kwargs) -> Report:
    """Harvest one source (see Harvester); the report is also stored on the source."""
    return Harvester(source, **kwargs).run()
