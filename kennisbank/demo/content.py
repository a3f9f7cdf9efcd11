"""The kennisbank's demo texts: index pages, municipality sections, practices, knowledge pages
and theme dossiers. All invented for the demo; organisations, people and figures are fictional.

The texts are files in ``kennisbank/demo/content/``, one per item and language, in Markdown with
YAML front matter (the format: :mod:`gezondin.demo.texts`; an overview in docs/kennisbank.md,
"Demo content"):

- ``index/<key>.<lang>.md`` — the kennisbank page (``kennisbank``) and the municipalities' index
  (``gemeenten``): ``title`` and ``slug``; section ``intro``.
- ``gemeenten/<key>.<lang>.md`` — a municipality's section: ``cbs_code``, ``key`` and ``gids``
  (Dutch file only); sections ``intro``, ``body``, ``contact``.
- ``practices/<slug>.<lang>.md`` — a practice. Dutch: ``slug``, ``section`` (CBS code, or
  absent for the national kennisbank), ``title``, ``partners`` (``organisatie`` and ``role``),
  ``contact`` (``name``, ``email``, ``phone``, ``person``), the vocabularies (``themas``,
  ``sporen``, ...) and ``gemeenten`` as lists of slugs and CBS codes, ``status``, ``start``,
  ``end``, ``checked`` (months ago), ``intervention`` (``name``, ``url``, ``erkenning``,
  ``date``); sections ``intro``, ``background``, ``goal``, ``approach`` (a StreamField),
  ``working_elements``, ``results``, ``monitoring``, ``lessons`` and the plain-text
  ``needs_team``, ``needs_time``, ``needs_budget``, ``funding``. English (optional): ``title``,
  ``slug``, ``roles`` (the partners' roles in order), ``contact`` (the contact's name) and the
  sections that are translated.
- ``articles/<slug>.<lang>.md`` — a knowledge page: ``slug``, ``kind``, ``title``, ``source``,
  ``published`` and the vocabularies; sections ``intro`` and ``body`` (a StreamField). English
  (optional): ``title``, ``slug``, the sections.
- ``dossiers/<slug>.<lang>.md`` — a theme dossier: ``slug``, ``thema``, ``title``, ``picks``
  (``page``: the slug of a demo practice or article, ``note``); sections ``intro`` and ``body``.
  English (optional): ``title``, ``slug``, ``notes`` (the picks' notes in order), the sections.

Items are loaded in the order of their file names.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

from django.utils import timezone

from gezondin.demo.texts import read, rich, stream

__all__ = ["rich", "stream"]

CONTENT = Path(__file__).resolve().parent / "content"
LANGUAGES = ("nl", "en")


def months_ago(months: int, today: datetime.date | None = None) -> datetime.date:
    """A date roughly ``months`` months before today (for "last checked")."""
    today = today or timezone.localdate()
    return today - datetime.timedelta(days=round(months * 30.44))


# Structures -------------------------------------------------------------------------------------

# The text fields of a practice, in the order of the page.
RICH_SECTIONS = ("background", "goal", "working_elements", "results", "monitoring", "lessons")
PLAIN_SECTIONS = ("needs_team", "needs_time", "needs_budget", "funding")


@dataclass
class Contact:
    name: str
    email: str = ""
    phone: str = ""
    person: bool = False
    """A named (fictional) person who consented to being shown, rather than a team mailbox."""


@dataclass
class Intervention:
    name: str
    url: str
    erkenning: str
    """A kennisbank.models.Erkenning value."""
    date: datetime.date | None = None


@dataclass
class Practice:
    slug: str
    section: str | None
    """CBS code of the municipality whose section holds it; None: the national kennisbank."""
    title: str
    intro: str
    background: str = ""
    goal: str = ""
    approach: str = ""
    working_elements: str = ""
    results: str = ""
    monitoring: str = ""
    lessons: str = ""
    needs_team: str = ""
    needs_time: str = ""
    needs_budget: str = ""
    funding: str = ""
    partners: list[tuple[str, str]] = field(default_factory=list)
    """(organisation name, role) pairs; the organisations come from gezondin.demo.organisaties."""
    contact: Contact | None = None
    themas: tuple[str, ...] = ()
    sporen: tuple[str, ...] = ()
    pijlers: tuple[str, ...] = ()
    doelgroepen: tuple[str, ...] = ()
    domeinen: tuple[str, ...] = ()
    levensfasen: tuple[str, ...] = ()
    gemeenten: tuple[str, ...] = ()
    """CBS codes of the municipalities it is about (the section's own one is added)."""
    status: str = "lopend"
    start: datetime.date | None = None
    end: datetime.date | None = None
    checked: int = 2
    """Months since the information was last checked (over twelve shows a notice)."""
    intervention: Intervention | None = None
    en: dict | None = None
    """English texts: title, slug, intro, the sections, ``roles`` (partner roles in order) and
    ``contact`` (the contact's name) where it differs."""


@dataclass
class Section:
    """A municipality's own section (GemeentePage) in the demo."""

    cbs_code: str
    key: str
    """Lower-case name used in the demo editor's username and the example addresses."""
    gids: bool
    intro: dict[str, str]
    body: dict[str, str]
    contact: dict[str, str]

    @property
    def email(self) -> str:
        return f"gezondheid@{self.key}.example.nl"

    @property
    def website(self) -> str:
        return f"https://www.{self.key}.example.nl/gezondheid"


@dataclass
class Article:
    slug: str
    kind: str
    """A kennisbank.models.KennisType value other than praktijkvoorbeeld."""
    title: str
    intro: str
    body: str
    source: str = ""
    published: datetime.date | None = None
    themas: tuple[str, ...] = ()
    sporen: tuple[str, ...] = ()
    pijlers: tuple[str, ...] = ()
    doelgroepen: tuple[str, ...] = ()
    domeinen: tuple[str, ...] = ()
    levensfasen: tuple[str, ...] = ()
    en: dict | None = None
    """English title, slug, intro and body."""


@dataclass
class Dossier:
    slug: str
    thema: str
    title: str
    intro: str
    body: str
    picks: list[tuple[str, str]] = field(default_factory=list)
    """(slug of a demo practice or article, the editors' note) pairs."""
    en: dict | None = None
    """English title, slug, intro, body and ``notes`` (the picks' notes in order)."""


# Loading ----------------------------------------------------------------------------------------

VOCABULARIES = ("themas", "sporen", "pijlers", "doelgroepen", "domeinen", "levensfasen")


def _files(kind: str) -> list[Path]:
    """The Dutch files of a kind, sorted by name."""
    return sorted((CONTENT / kind).glob("*.nl.md"))


def _translation(path: Path, language: str) -> tuple[dict, dict[str, str]] | None:
    other = path.with_name(path.name.removesuffix(".nl.md") + f".{language}.md")
    return read(other) if other.exists() else None


def _vocabularies(meta: dict) -> dict[str, tuple[str, ...]]:
    return {name: tuple(meta.get(name, ())) for name in VOCABULARIES}


def _index(key: str) -> dict[str, dict[str, str]]:
    result = {}
    for language in LANGUAGES:
        meta, sections = read(CONTENT / "index" / f"{key}.{language}.md")
        result[language] = {**meta, "intro": sections["intro"]}
    return result


def _sections() -> list[Section]:
    result = []
    for path in _files("gemeenten"):
        meta, nl = read(path)
        texts = {"nl": nl, **{lang: _translation(path, lang)[1] for lang in LANGUAGES[1:]}}
        result.append(
            Section(
                cbs_code=meta["cbs_code"],
                key=meta["key"],
                gids=meta["gids"],
                intro={lang: texts[lang].get("intro", "") for lang in texts},
                body={lang: texts[lang].get("body", "") for lang in texts},
                contact={lang: texts[lang].get("contact", "") for lang in texts},
            )
        )
    return result


def _english(path: Path, keys: tuple[str, ...]) -> dict | None:
    """The English texts of an item: its front matter and sections in one dict."""
    translation = _translation(path, "en")
    if translation is None:
        return None
    meta, sections = translation
    return {**{key: meta[key] for key in keys if key in meta}, **sections}


def _practices() -> list[Practice]:
    result = []
    for path in _files("practices"):
        meta, sections = read(path)
        contact = meta.get("contact")
        intervention = meta.get("intervention")
        result.append(
            Practice(
                slug=meta["slug"],
                section=meta.get("section"),
                title=meta["title"],
                **{name: sections.get(name, "") for name in ("intro", "approach")},
                **{name: sections.get(name, "") for name in RICH_SECTIONS + PLAIN_SECTIONS},
                partners=[(item["organisatie"], item["role"]) for item in meta.get("partners", [])],
                contact=Contact(**contact) if contact else None,
                **_vocabularies(meta),
                gemeenten=tuple(meta.get("gemeenten", ())),
                status=meta.get("status", "lopend"),
                start=meta.get("start"),
                end=meta.get("end"),
                checked=meta.get("checked", 2),
                intervention=Intervention(**intervention) if intervention else None,
                en=_english(path, ("title", "slug", "roles", "contact")),
            )
        )
    return result


def _articles() -> list[Article]:
    result = []
    for path in _files("articles"):
        meta, sections = read(path)
        result.append(
            Article(
                slug=meta["slug"],
                kind=meta["kind"],
                title=meta["title"],
                intro=sections.get("intro", ""),
                body=sections.get("body", ""),
                source=meta.get("source", ""),
                published=meta.get("published"),
                **_vocabularies(meta),
                en=_english(path, ("title", "slug")),
            )
        )
    return result


def _dossiers() -> list[Dossier]:
    result = []
    for path in _files("dossiers"):
        meta, sections = read(path)
        result.append(
            Dossier(
                slug=meta["slug"],
                thema=meta["thema"],
                title=meta["title"],
                intro=sections.get("intro", ""),
                body=sections.get("body", ""),
                picks=[(item["page"], item["note"]) for item in meta.get("picks", [])],
                en=_english(path, ("title", "slug", "notes")),
            )
        )
    return result


KENNISBANK = _index("kennisbank")
GEMEENTE_INDEX = _index("gemeenten")
SECTIONS = _sections()
PRACTICES = _practices()
ARTICLES = _articles()
DOSSIERS = _dossiers()
