"""The kennisbank's demo steps (orders 500–590): the index pages, the municipalities' sections and
their editors, the practices, knowledge pages and dossiers, and ``--practices N``.

Everything is found again by a stable key (a translation key derived from the demo slug, or the
municipality), created only when missing and never overwritten, so a second run creates nothing.
"""

from __future__ import annotations

import datetime
import importlib

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management.base import CommandError
from django.db.models import Model
from django.utils import timezone
from wagtail.coreutils import find_available_slug
from wagtail.log_actions import log
from wagtail.models import Page, Revision
from wagtail.signals import page_published

from gezondin.demo import CREATED, PRESENT, UPDATED, DemoContext, register_step
from gezondin.demo.builder import (
    PageSpec,
    demo_key,
    ensure_page,
    publish_pending_pages,
    stream_value,
)
from gezondin.demo.site import demo_admin_password
from gezondin.models import Gemeente
from kennisbank import publishing, share
from kennisbank.filters import VOCABULARY_MODELS
from kennisbank.models import (
    VOCABULARY_FIELDS,
    GemeenteIndexPage,
    GemeentePage,
    KennisartikelPage,
    KennisbankPage,
    PraktijkInzending,
    PraktijkvoorbeeldPage,
    PraktijkvoorbeeldPartner,
    ThemaPage,
    ThemaPagePick,
)
from kennisbank.search import invalidate_results

from . import content
from .content import (
    ARTICLES,
    DOSSIERS,
    GEMEENTE_INDEX,
    KENNISBANK,
    PLAIN_SECTIONS,
    PRACTICES,
    RICH_SECTIONS,
    SECTIONS,
    rich,
    stream,
)

NATIONAL_EDITOR = "redactie-landelijk"
INDEX_KIND = "Kennisbank pages"
SECTION_KIND = "Gemeentepagina's"
PRACTICE_KIND = "Praktijkvoorbeelden"
ARTICLE_KIND = "Kennisartikelen"
DOSSIER_KIND = "Themadossiers"
EDITOR_KIND = "Demo editors"
SHARED_KIND = "Ingestuurd door bezoekers"


def _objects(ctx: DemoContext) -> dict:
    """What the kennisbank steps share: index pages, sections and items by slug."""
    return ctx.objects.setdefault(
        "kennisbank", {"index": {}, "gemeenten": {}, "sections": {}, "items": {}}
    )


def _fresh(page: Page) -> Page:
    """The page as the database has it now (tree fields in memory go stale when pages move or
    get children)."""
    return type(page).objects.get(pk=page.pk)


def _languages(ctx: DemoContext) -> list[str]:
    return list(ctx.locales)


# Vocabulary field of a kennisbank page → its model's name in ctx.objects["vocabularies"].
VOCABULARY_OF_FIELD = {
    VOCABULARY_FIELDS[name]: model.__name__ for name, model in VOCABULARY_MODELS.items()
}


def _terms(ctx: DemoContext, fieldname: str, slugs) -> list[Model]:
    """The default-language terms of a vocabulary by slug; an unknown slug is a bug in the demo."""
    vocabulary = ctx.objects["vocabularies"][VOCABULARY_OF_FIELD[fieldname]]
    try:
        return [vocabulary[slug] for slug in slugs]
    except KeyError as error:
        raise CommandError(f"demo content refers to an unknown {fieldname} term {error}") from None


def _set_vocabularies(ctx: DemoContext, page, spec) -> None:
    for fieldname in VOCABULARY_FIELDS.values():
        getattr(page, fieldname).set(_terms(ctx, fieldname, getattr(spec, fieldname)))


def _published_at(page: Page, moment: datetime.datetime) -> Page:
    """Backdate the first publication (the demo's pages were not all written today), so that
    sorting by date means something; returns the page fresh from the database."""
    Page.objects.filter(pk=page.pk).update(first_published_at=moment, last_published_at=moment)
    return _fresh(page)


def _record_published(page: Page) -> Page:
    """Make a saved live page published the way Wagtail records it: one revision that is both the
    latest and the live one, a "publish" log entry and the page_published signal.

    The pages here are saved once with ``live=True`` (and validated as for publishing) and then
    recorded like this: ``save_revision().publish()`` saves and reindexes each page twice more,
    which made loading the demo about twice as slow for the same outcome.
    """
    revision = Revision.objects.create(
        content_object=page,
        base_content_type=page.get_base_content_type(),
        content=page.serializable_data(),
        object_str=str(page),
    )
    Page.objects.filter(pk=page.pk).update(
        latest_revision=revision,
        live_revision=revision,
        latest_revision_created_at=revision.created_at,
        draft_title=page.title,
        has_unpublished_changes=False,
    )
    page = _fresh(page)
    log(instance=page, action="wagtail.publish", revision=revision, content_changed=True)
    page_published.send(sender=type(page), instance=page, revision=revision)
    return page


def _go_live(page: Page, moment: datetime.datetime) -> None:
    """Set the fields publishing sets, before the page is saved."""
    page.live = True
    page.has_unpublished_changes = False
    page.expired = False
    page.first_published_at = page.first_published_at or moment
    page.last_published_at = moment


def _moment(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10, 0)))


# 500: the kennisbank and the overview of municipalities ------------------------------------------


def _index_spec(key, model, texts) -> PageSpec:
    return PageSpec(
        key=key,
        model=model,
        texts={language: {**values, "intro": rich(values["intro"])} for language, values in texts},
        attrs={"show_in_menus": True},
    )


def _put_first(ctx: DemoContext, pages: list[Page], home: Page) -> None:
    """Put ``pages`` first among the home page's children, in this order (menu order)."""
    target = None
    for page in pages:
        page = _fresh(page)
        if target is None:
            first = _fresh(home).get_first_child()
            if first is not None and first.pk != page.pk:
                page.move(first, pos="left")
        else:
            page.move(_fresh(target), pos="right")
        target = page
    ctx.log(f"  Menu: {', '.join(page.title for page in pages)} first")


@register_step("kennisbank-index", order=500)
def load_index_pages(ctx: DemoContext) -> None:
    """The kennisbank and the overview of municipalities, first in the main menu."""
    home = ctx.objects["pages"]["home"]
    default = ctx.default_locale.language_code
    specs = [
        _index_spec("kennisbank", KennisbankPage, KENNISBANK.items()),
        _index_spec("gemeenten", GemeenteIndexPage, GEMEENTE_INDEX.items()),
    ]
    before = len(ctx.objects.get("pending_pages", []))
    results = [ensure_page(ctx, spec, home[default], kind=INDEX_KIND) for spec in specs]
    created = {
        (language, page.pk) for _spec, language, page in ctx.objects["pending_pages"][before:]
    }
    publish_pending_pages(ctx)

    for language in _languages(ctx):
        pages = [result[language] for result in results if language in result]
        # Reorder only pages made in this run: an editor's menu order is left alone.
        if language in home and pages and all((language, p.pk) in created for p in pages):
            _put_first(ctx, pages, home[language])

    objects = _objects(ctx)
    for spec, result in zip(specs, results, strict=True):
        objects["index"][spec.key] = {language: _fresh(page) for language, page in result.items()}


# 510: the municipalities' sections and their editors --------------------------------------------


def _password_hash(ctx: DemoContext) -> str:
    """The demo password, hashed once for all demo editors (hashing takes about half a second
    with Django's default hasher)."""
    objects = _objects(ctx)
    if "password_hash" not in objects:
        objects["password_hash"] = make_password(demo_admin_password(ctx.options))
    return objects["password_hash"]


def _ensure_user(ctx: DemoContext, username: str, name: str, group) -> None:
    """A demo editor in ``group`` with the demo admin password; an existing user keeps its
    password."""
    User = get_user_model()  # noqa: N806
    user = User.objects.filter(**{User.USERNAME_FIELD: username}).first()
    if user is None:
        user = User(
            **{User.USERNAME_FIELD: username},
            email=f"{username}@example.nl",
            first_name=name,
            last_name="(demo)",
            password=_password_hash(ctx),
        )
        user.save()
        status = CREATED
    else:
        status = PRESENT
    if not user.groups.filter(pk=group.pk).exists():
        user.groups.add(group)
        status = UPDATED if status == PRESENT else status
    ctx.record(EDITOR_KIND, status, label=f"{username} ({group.name})")
    _objects(ctx).setdefault("editors", []).append(username)


def _fill_section(ctx: DemoContext, section, page: GemeentePage, language: str, created: bool):
    """Give a municipality's page its demo texts, unless it already has an introduction."""
    if page.intro or language not in section.intro:
        ctx.record(SECTION_KIND, CREATED if created else PRESENT, label=f"{page} [{language}]")
        return page
    page = _fresh(page)
    page.intro = rich(section.intro[language])
    page.body = stream_value(GemeentePage, "body", stream(section.body[language]))
    page.contact_name = section.contact[language]
    page.contact_email = section.email
    page.website = section.website
    _go_live(page, timezone.now())
    page.save()
    page = _record_published(page)
    ctx.record(SECTION_KIND, CREATED if created else UPDATED, page, f"{page} [{language}]")
    return page


@register_step("kennisbank-gemeenten", order=510)
def load_sections(ctx: DemoContext) -> None:
    """The demo municipalities: their sections in every language, editors group and editor."""
    objects = _objects(ctx)
    stdout = ctx.stdout if ctx.verbosity >= 3 else None
    workflow = None
    for section in SECTIONS:
        gemeente = Gemeente.objects.filter(cbs_code=section.cbs_code).first()
        if gemeente is None:
            raise CommandError(
                f"gemeente {section.cbs_code} is missing: run migrate (it loads the list)"
            )
        had_page = GemeentePage.objects.filter(
            gemeente=gemeente, locale=ctx.default_locale
        ).exists()
        if section.gids and not gemeente.is_gids and not had_page:
            # Editorial data: set once, when the demo first sets the municipality up.
            gemeente.is_gids = True
            gemeente.save(update_fields=["is_gids"])
            ctx.record("GIDS-gemeenten", UPDATED, gemeente)
        try:
            # The workflow and the national editors' group once, not once per municipality.
            workflow = workflow or publishing.ensure_workflow()
            result = publishing.setup_gemeente(gemeente, stdout=stdout, workflow=workflow)
        except publishing.SetupError as error:
            raise CommandError(str(error)) from error
        created = {page.pk for page in result.created_pages}
        objects["sections"][section.cbs_code] = {
            language: _fill_section(ctx, section, page, language, page.pk in created)
            for language, page in result.pages.items()
        }
        objects["gemeenten"][section.cbs_code] = gemeente
        _ensure_user(ctx, f"redactie-{section.key}", f"Redactie {gemeente.label}", result.group)

    national = publishing.ensure_national_editors()
    _ensure_user(ctx, NATIONAL_EDITOR, "Landelijke redactie", national)
    editors = objects.get("editors", [])
    ctx.closing_lines.append(
        "Demo editors (same password as admin): "
        + ", ".join(f"{name} (national)" if name == NATIONAL_EDITOR else name for name in editors)
    )


# 520: the practices ----------------------------------------------------------------------------


def _gemeente(ctx: DemoContext, cbs_code: str) -> Gemeente:
    gemeenten = _objects(ctx)["gemeenten"]
    if cbs_code not in gemeenten:
        gemeente = Gemeente.objects.filter(cbs_code=cbs_code).first()
        if gemeente is None:
            raise CommandError(f"demo content refers to an unknown gemeente {cbs_code}")
        gemeenten[cbs_code] = gemeente
    return gemeenten[cbs_code]


def _practice_parents(ctx: DemoContext, spec: content.Practice) -> dict[str, Page]:
    objects = _objects(ctx)
    if spec.section is None:
        return objects["index"]["kennisbank"]
    return objects["sections"][spec.section]


def _new_practice(ctx: DemoContext, spec: content.Practice, parent: Page) -> PraktijkvoorbeeldPage:
    organisaties = ctx.objects["organisaties"]
    page = PraktijkvoorbeeldPage(
        locale=ctx.default_locale,
        translation_key=demo_key("praktijkvoorbeeld", spec.slug),
        title=spec.title,
        slug=find_available_slug(parent, spec.slug),
        intro=rich(spec.intro),
        approach=stream_value(PraktijkvoorbeeldPage, "approach", stream(spec.approach)),
        status=spec.status,
        start_date=spec.start,
        end_date=spec.end,
        last_checked=content.months_ago(spec.checked),
        live=False,
    )
    for name in RICH_SECTIONS:
        setattr(page, name, rich(getattr(spec, name)))
    for name in PLAIN_SECTIONS:
        setattr(page, name, " ".join(getattr(spec, name).split()))
    if spec.contact is not None:
        page.contact_name = spec.contact.name
        page.contact_email = spec.contact.email
        page.contact_phone = spec.contact.phone
        page.contact_is_person = page.contact_consent = spec.contact.person
    if spec.intervention is not None:
        page.intervention_name = spec.intervention.name
        page.intervention_url = spec.intervention.url
        page.erkenning = spec.intervention.erkenning
        page.erkenning_date = spec.intervention.date
    _set_vocabularies(ctx, page, spec)
    codes = ([spec.section] if spec.section else []) + list(spec.gemeenten)
    page.gemeenten.set([_gemeente(ctx, code) for code in dict.fromkeys(codes)])
    try:
        page.partners = [
            PraktijkvoorbeeldPartner(organisatie=organisaties[name], role=role, sort_order=index)
            for index, (name, role) in enumerate(spec.partners)
        ]
    except KeyError as error:
        raise CommandError(f"demo content refers to an unknown organisation {error}") from None
    # Saved live at once (validated as for publishing), then recorded as published.
    _go_live(page, _moment(_first_published(spec)))
    parent.add_child(instance=page)
    return _record_published(page)


def _first_published(spec: content.Practice) -> datetime.date:
    """When the practice was first shared: some weeks after it started, at most when it was
    last checked."""
    checked = content.months_ago(spec.checked)
    start = spec.start or checked
    return min(
        max(start + datetime.timedelta(days=75), checked - datetime.timedelta(days=400)), checked
    )


def _translate_practice(ctx, spec: content.Practice, page, locale, parent: Page):
    """An English translation: copied for translation (vocabularies, municipalities and partners
    come along), then given its own slug and English texts, and published."""
    texts = spec.en
    translation = page.copy_for_translation(locale)
    # Set the slug without saving the page: a slug change through save() makes Wagtail add a
    # redirect from the copied (Dutch) slug.
    slug = find_available_slug(parent, texts["slug"])
    Page.objects.filter(pk=translation.pk).update(slug=slug, url_path=f"{parent.url_path}{slug}/")
    translation = PraktijkvoorbeeldPage.objects.get(pk=translation.pk)
    translation.title = texts["title"]
    translation.draft_title = texts["title"]
    translation.intro = rich(texts["intro"])
    # Sections without an English text are left empty rather than shown in Dutch.
    translation.approach = stream_value(
        PraktijkvoorbeeldPage, "approach", stream(texts.get("approach", ""))
    )
    for name in RICH_SECTIONS:
        setattr(translation, name, rich(texts.get(name, "")))
    for name in PLAIN_SECTIONS:
        setattr(translation, name, " ".join(texts.get(name, "").split()))
    if "contact" in texts:
        translation.contact_name = texts["contact"]
    partners = list(translation.partners.all())
    for partner, role in zip(partners, texts.get("roles", []), strict=False):
        partner.role = role
    translation.partners = partners
    _go_live(translation, page.first_published_at)
    translation.save()
    return _record_published(translation)


def ensure_practice(ctx: DemoContext, spec: content.Practice) -> dict[str, Page]:
    parents = _practice_parents(ctx, spec)
    default = ctx.default_locale
    key = demo_key("praktijkvoorbeeld", spec.slug)
    page = PraktijkvoorbeeldPage.objects.filter(locale=default, translation_key=key).first()
    if page is None:
        page = _new_practice(ctx, spec, parents[default.language_code])
        ctx.record(PRACTICE_KIND, CREATED, page, f"{page.title} [{default.language_code}]")
    else:
        ctx.record(PRACTICE_KIND, PRESENT, page, f"{page.title} [{default.language_code}]")
    result = {default.language_code: page}

    for locale in ctx.translation_locales:
        language = locale.language_code
        translation = page.get_translation_or_none(locale)
        if translation is not None:
            result[language] = translation.specific
            ctx.record(PRACTICE_KIND, PRESENT, translation, f"{translation.title} [{language}]")
        elif spec.en is not None and language == "en" and language in parents:
            translation = _translate_practice(ctx, spec, page, locale, _fresh(parents[language]))
            result[language] = translation
            ctx.record(PRACTICE_KIND, CREATED, translation, f"{translation.title} [{language}]")
    return result


@register_step("kennisbank-practices", order=520)
def load_practices(ctx: DemoContext) -> None:
    items = _objects(ctx)["items"]
    for spec in PRACTICES:
        items[spec.slug] = ensure_practice(ctx, spec)
    # Parents got children: refresh them for the steps that follow.
    objects = _objects(ctx)
    for group in (objects["index"], objects["sections"]):
        for key, pages in group.items():
            group[key] = {language: _fresh(page) for language, page in pages.items()}


# 530: knowledge pages and theme dossiers --------------------------------------------------------


def _article_spec(ctx: DemoContext, key: str, article: content.Article) -> PageSpec:
    texts = {
        ctx.default_locale.language_code: {
            "title": article.title,
            "slug": article.slug,
            "intro": rich(article.intro),
        }
    }
    if article.en:
        texts["en"] = {
            "title": article.en["title"],
            "slug": article.en["slug"],
            "intro": rich(article.en["intro"]),
        }
    bodies = {"nl": article.body, **({"en": article.en["body"]} if article.en else {})}
    return PageSpec(
        key=key,
        model=KennisartikelPage,
        texts=texts,
        attrs={
            "kind": article.kind,
            "publication_date": article.published,
            "source_organisatie": ctx.objects["organisaties"].get(article.source),
        },
        body=lambda ctx, language: stream(bodies.get(language, bodies["nl"])),
    )


@register_step("kennisbank-articles", order=530)
def load_articles(ctx: DemoContext) -> None:
    """Knowledge pages (article, guide, factsheet, instrument) and the theme dossiers."""
    objects = _objects(ctx)
    default = ctx.default_locale.language_code
    kennisbank = objects["index"]["kennisbank"][default]
    pending = ctx.objects.setdefault("pending_pages", [])
    articles = {f"kennisartikel/{article.slug}": article for article in ARTICLES}
    dossiers = {f"dossier/{dossier.slug}": dossier for dossier in DOSSIERS}

    start = len(pending)
    for key, article in articles.items():
        spec = _article_spec(ctx, key, article)
        objects["items"][article.slug] = ensure_page(ctx, spec, kennisbank, kind=ARTICLE_KIND)
    new_articles = pending[start:]
    for spec, language, page in new_articles:
        if language == default:
            # Vocabulary links go on the default language's page; publishing it copies them to
            # the translations (kennisbank.signals).
            _set_vocabularies(ctx, page, articles[spec.key])
            page.save()

    start = len(pending)
    for key, dossier in dossiers.items():
        ensure_page(ctx, _dossier_spec(ctx, key, dossier), kennisbank, kind=DOSSIER_KIND)
    for spec, language, page in pending[start:]:
        _set_picks(ctx, dossiers[spec.key], page, language)

    publish_pending_pages(ctx)
    for spec, _language, page in new_articles:
        published = articles[spec.key].published
        if published:
            ctx.index_later(_published_at(_fresh(page), _moment(published)))


def _dossier_spec(ctx: DemoContext, key: str, dossier: content.Dossier) -> PageSpec:
    thema = _terms(ctx, "themas", [dossier.thema])[0]
    texts = {
        ctx.default_locale.language_code: {
            "title": dossier.title,
            "slug": dossier.slug,
            "intro": rich(dossier.intro),
        }
    }
    if dossier.en:
        texts["en"] = {
            "title": dossier.en["title"],
            "slug": dossier.en["slug"],
            "intro": rich(dossier.en["intro"]),
        }
    bodies = {"nl": dossier.body, **({"en": dossier.en["body"]} if dossier.en else {})}
    return PageSpec(
        key=key,
        model=ThemaPage,
        texts=texts,
        attrs={"thema": thema},
        body=lambda ctx, language: stream(bodies.get(language, bodies["nl"])),
    )


def _set_picks(ctx: DemoContext, dossier: content.Dossier, page: ThemaPage, language: str):
    """The editors' picks: in the page's language where the item is translated."""
    items = _objects(ctx)["items"]
    notes = [note for _slug, note in dossier.picks]
    if language != ctx.default_locale.language_code and dossier.en:
        notes = dossier.en.get("notes", notes)
    picks = []
    for position, ((slug, _note), note) in enumerate(zip(dossier.picks, notes, strict=True)):
        if slug not in items:
            raise CommandError(f"dossier {dossier.slug} picks an unknown demo item {slug!r}")
        item = items[slug].get(language) or items[slug][ctx.default_locale.language_code]
        picks.append(ThemaPagePick(item=item, note=note, sort_order=position))
    page.picks = picks
    page.save()


# 590: --practices N ------------------------------------------------------------------------------


# The benchmark generator is test code: it comes with a checkout of the repository (run from its
# root, where ``tests`` is importable), not with the installed plugin.
GENERATOR = "tests.bench.generator"


def _generator():
    try:
        return importlib.import_module(GENERATOR)
    except ModuleNotFoundError as error:
        if error.name not in ("tests", "tests.bench", GENERATOR):
            raise
        raise CommandError(
            f"--practices needs the benchmark generator ({GENERATOR}), which comes with a "
            "checkout of the GezondIn repository: run manage.py from its root"
        ) from None


# 560: a practice shared by a visitor without an account (kennisbank/share.py) ---------------------

DEMO_SUBMITTER = "demo.deler@example.nl"
DEMO_SHARED = {
    "title": "Buurtmaaltijden voor ouderen in Tilburg-Noord",
    "intro": "Vrijwilligers koken wekelijks met en voor alleenwonende ouderen in de wijk.",
    "background": "Veel ouderen in Tilburg-Noord eten alleen en weinig gevarieerd.",
    "goal": "Minder eenzaamheid en gezonder eten bij alleenwonende ouderen.",
    "approach": "Elke dinsdag koken vrijwilligers in het buurthuis; de wijkverpleging nodigt uit.",
    "partners": "Contour de Twern: buurthuis en vrijwilligers",
}


@register_step("kennisbank-shared-by-visitors", order=560)
def load_shared_practice(ctx: DemoContext) -> None:
    """One confirmed submission: a draft in Tilburg's section that its demo editor finds under
    "Ingestuurd door bezoekers" on the dashboard (no mail is sent)."""
    if PraktijkInzending.objects.filter(email=DEMO_SUBMITTER).exists():
        ctx.record(SHARED_KIND, PRESENT, label=DEMO_SHARED["title"])
        return
    inzending = share.submit(
        {
            **DEMO_SHARED,
            "name": "Demo Deler",
            "email": DEMO_SUBMITTER,
            "organisation": "Wijkverpleging Tilburg (demo)",
            "gemeente": Gemeente.objects.filter(cbs_code="GM0855").first(),
        },
        ctx.default_locale.language_code,
    )
    share.confirm(inzending)
    ctx.record(SHARED_KIND, CREATED, label=DEMO_SHARED["title"])


@register_step("kennisbank-generated-practices", order=590, provides={"practices"})
def load_generated_practices(ctx: DemoContext) -> None:
    """``--practices N``: N generated practices for benchmarks (``demo-praktijk-00001`` ...)."""
    wanted = ctx.options.get("practices") or 0
    if not wanted:
        return
    _generator().generate_practices(ctx, wanted)
    # Written in bulk without the page_published signal: drop cached counts explicitly.
    invalidate_results()
