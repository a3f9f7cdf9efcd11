"""The home page and the general content pages, in Dutch with English translations.

Their texts are files in ``gezondin/demo/content/pages/<key>.<lang>.md``, in Markdown with YAML
front matter (the format: :mod:`gezondin.demo.texts`). The front matter holds the page's fields
(``title``, ``slug``, the home page's ``heading``) and, in the Dutch file, the fields shared by
all languages (``show_in_menus``, ``show_table_of_contents``); the sections are ``intro`` (rich
text) and ``body`` (the StreamField). ``{contact_email}`` stands for the demo's contact address.
"""

from collections.abc import Callable
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import CommandError
from wagtail.models import Page, Site

from gezondin.models import HomePage, StandardPage

from .builder import PageSpec, ensure_page, find_page, page_id, publish_pending_pages
from .registry import CREATED, DELETED, PRESENT, UPDATED, DemoContext, register_step
from .site import CONTACT_EMAIL
from .texts import read, rich, stream

CONTENT = Path(__file__).resolve().parent / "content" / "pages"
LANGUAGES = ("nl", "en")
SHARED_FIELDS = ("show_in_menus", "show_table_of_contents")


def _fill(text: str) -> str:
    return text.replace("{contact_email}", CONTACT_EMAIL)


def _body(bodies: dict[str, str]) -> Callable[[DemoContext, str], list[dict]]:
    """A ``PageSpec.body``; a language without a text gets the default language's body."""

    def body(ctx: DemoContext, language: str) -> list[dict]:
        text = bodies.get(language, bodies[ctx.default_locale.language_code])
        return stream(text, page_id=lambda key: page_id(ctx, key, language))

    return body


def page_spec(key: str, model, folder: Path = CONTENT) -> PageSpec:
    """The demo page ``key`` from its text files in ``folder`` (a feature app passes its own)."""
    texts, bodies, attrs = {}, {}, {}
    for language in LANGUAGES:
        path = folder / f"{key}.{language}.md"
        if not path.exists():
            continue
        meta, sections = read(path)
        attrs |= {name: meta.pop(name) for name in SHARED_FIELDS if name in meta}
        if "intro" in sections:
            meta["intro"] = rich(_fill(sections["intro"]))
        texts[language] = meta
        bodies[language] = _fill(sections.get("body", ""))
    return PageSpec(key=key, model=model, texts=texts, attrs=attrs, body=_body(bodies))


HOME = page_spec("home", HomePage)
# In tree order: the menu pages first (Over GezondIn, Gezondheidsverschillen, Contact).
CONTENT_PAGES = [
    page_spec(key, StandardPage)
    for key in (
        "over-gezondin",
        "gezondheidsverschillen",
        "contact",
        "privacyverklaring",
        "toegankelijkheidsverklaring",
    )
]


# The step ----------------------------------------------------------------------------------------


def is_wagtail_welcome_page(page: Page | None) -> bool:
    """Wagtail's "Welcome to your new Wagtail site!" page: a plain Page at depth 2, no children."""
    return (
        page is not None
        and page.depth == 2
        and page.numchild == 0
        and page.content_type_id == ContentType.objects.get_for_model(Page).id
    )


def ensure_home(ctx: DemoContext) -> dict[str, Page]:
    """The home page and its translations, made the default site's root (replacing Wagtail's
    welcome page)."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    current_root = site.root_page.specific if site else None
    welcome = current_root if is_wagtail_welcome_page(current_root) else None

    existing = None
    if isinstance(current_root, HomePage):
        existing = current_root.get_translation_or_none(ctx.default_locale) or current_root
    elif current_root is not None and welcome is None:
        raise CommandError(
            f"The default site's root page is ‘{current_root}’, not a GezondIn home page or "
            "Wagtail's welcome page; load_demo leaves such a site alone."
        )
    existing = existing or find_page(ctx, HOME, parent=None)

    root = Page.get_first_root_node()
    slug = HOME.texts[ctx.default_locale.language_code]["slug"]
    if existing is None and welcome is not None and welcome.slug == slug:
        # Free the slug for the new home page; the welcome page is deleted below.
        Page.objects.filter(pk=welcome.pk).update(slug=f"{slug}-wagtail-welcome")

    pages = ensure_page(ctx, HOME, root, existing=existing)
    home = pages[ctx.default_locale.language_code]

    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            site_name="GezondIn",
            root_page=home,
            is_default_site=True,
        )
        ctx.record("Site", CREATED, label="localhost")
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = site.site_name or "GezondIn"
        site.save()
        ctx.record("Site", UPDATED, label=str(site))
    else:
        ctx.record("Site", PRESENT, label=str(site))

    if welcome is not None:
        welcome.delete()
        ctx.record("Wagtail welcome page", DELETED)
    return pages


@register_step("pages", order=300)
def load_pages(ctx: DemoContext) -> None:
    home = ensure_home(ctx)[ctx.default_locale.language_code]
    for spec in CONTENT_PAGES:
        ensure_page(ctx, spec, home)
    publish_pending_pages(ctx)
