"""The agenda's demo step (order 600): the agenda page in Dutch and English, two learning circles,
two webinars and a study day, some in the future and some in the past (with a summary and
materials), one nearly full, and English translations of two activities.

The texts are files in ``leerkringen/demo/content/``, in Markdown with YAML front matter (the
format: :mod:`gezondin.demo.texts`):

- ``agenda.<lang>.md`` — the agenda page: ``title``, ``slug`` (and ``show_in_menus`` in the
  Dutch file); section ``intro``.
- ``activities/<n>-<key>.nl.md`` — an activity, loaded in the order of the file names: ``key``
  (its identity), ``type`` (``leerkring``, ``webinar``, ``studiedag``), ``themas`` (slugs), the
  page's plain fields by their names (``title``, ``slug``, ``mode``, ``for_whom``,
  ``organiser_name``, ``capacity``, ``speakers``, ``venue_name``, ...), ``programme`` (a study
  day's slots: ``starts``, ``ends``, ``title``, ``speaker``), ``materials`` (blocks, each
  ``{block type: value}``), ``full: true`` (filled with demo sign-ups up to one free seat),
  ``participants`` (a number of demo participants, added by hand: for a past activity; each
  works for one of ``participant_gemeenten`` in turn, CBS codes) with
  ``attendance`` (per meeting, in date order, the numbers of the participants present; a
  meeting left out is not recorded), ``evaluations`` (answers to the evaluation afterwards, each
  ``score`` and ``comment``, given by the first participants present; the others get the
  evaluation e-mail from the next ``leerkringen_jobs``) and
  ``bijeenkomsten``: each with ``day`` (days after today), ``starts`` and ``ends`` (``"13:30"``,
  quoted), ``topic``, ``host_gemeente`` (a CBS code), ``location_name``, ``address``,
  ``online``. Sections (rich text): ``intro``, ``what_to_bring``, ``summary``.
- ``activities/<n>-<key>.en.md`` (optional) — the English translation: the translated plain
  fields, ``topics`` (the meetings' topics in order) and the translated sections.

Everything is found again by a stable translation key (``demo_key("page", key)``) and created only
when missing, so a second run creates nothing. Dates are relative to the day of the first run,
on working days.
"""

from __future__ import annotations

import datetime
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

from django.utils import timezone
from wagtail.models import Page

from gezondin.demo import CREATED, PRESENT, DemoContext, register_step
from gezondin.demo.builder import demo_key, ensure_page, has_field, publish_pending_pages
from gezondin.demo.pages import page_spec
from gezondin.demo.texts import read, rich
from gezondin.models import Gemeente, Thema
from leerkringen import services
from leerkringen.models import (
    Aanmelding,
    Aanwezigheid,
    AgendaPage,
    Bijeenkomst,
    Evaluatie,
    LeerkringPage,
    StudiedagPage,
    WebinarPage,
)

AGENDA_KIND = "Agenda"
ACTIVITY_KIND = "Activiteiten"
SIGNUP_KIND = "Demo-aanmeldingen"

CONTENT = Path(__file__).resolve().parent / "content"
MODELS = {"leerkring": LeerkringPage, "webinar": WebinarPage, "studiedag": StudiedagPage}
# The front matter that is not a field of the page.
NOT_FIELDS = (
    "key",
    "type",
    "themas",
    "bijeenkomsten",
    "programme",
    "materials",
    "full",
    "topics",
    "participants",
    "attendance",
    "evaluations",
    "participant_gemeenten",
)
RICH_SECTIONS = ("intro", "what_to_bring", "summary")

AGENDA = page_spec("agenda", AgendaPage, folder=CONTENT)


def _activity_files() -> list[tuple[Path, Path | None]]:
    """The Dutch file of each activity, in file name order, with its English file (if any)."""
    files = []
    for path in sorted((CONTENT / "activities").glob("*.nl.md")):
        english = path.with_name(path.name.removesuffix(".nl.md") + ".en.md")
        files.append((path, english if english.exists() else None))
    return files


def _texts(meta: dict, sections: dict) -> dict:
    """The page's fields from a file: the plain front matter and the rich-text sections."""
    fields = {name: value for name, value in meta.items() if name not in NOT_FIELDS}
    fields |= {name: rich(sections[name]) for name in RICH_SECTIONS if name in sections}
    return fields


def _slot(slot: dict) -> dict:
    value = {"starts": "", "ends": "", "title": "", "speaker": "", "description": ""} | slot
    return {"type": "slot", "value": value}


def _load_activities() -> list[dict]:
    """The demo activities: key, model, themes, fields, meetings (as front matter), whether to
    fill it, and the English texts (or None)."""
    activities = []
    for path, english in _activity_files():
        meta, sections = read(path)
        fields = _texts(meta, sections)
        if "programme" in meta:
            fields["programme"] = [_slot(slot) for slot in meta["programme"]]
        if "materials" in meta:
            fields["materials"] = [
                {"type": kind, "value": value}
                for block in meta["materials"]
                for kind, value in block.items()
            ]
        translation = None
        if english is not None:
            en_meta, en_sections = read(english)
            translation = {
                "fields": _texts(en_meta, en_sections),
                "topics": en_meta.get("topics", []),
            }
        activities.append(
            {
                "key": meta["key"],
                "model": MODELS[meta["type"]],
                "themas": meta.get("themas", []),
                "fields": fields,
                "meetings": meta.get("bijeenkomsten", []),
                "full": meta.get("full", False),
                "participants": meta.get("participants", 0),
                "attendance": meta.get("attendance", []),
                "evaluations": meta.get("evaluations", []),
                "participant_gemeenten": meta.get("participant_gemeenten", []),
                "en": translation,
            }
        )
    return activities


ACTIVITIES = _load_activities()
# The nearly full activity: one seat stays free. Its webinar's join link (tests check that no page
# shows it) is the one webinar join link in the files.
FULL_CAPACITY = next(spec["fields"]["capacity"] for spec in ACTIVITIES if spec["full"])
FULL_SIGNUPS = FULL_CAPACITY - 1
JOIN_URL = next(spec["fields"]["join_url"] for spec in ACTIVITIES if "join_url" in spec["fields"])


def _at(day: datetime.date, time: str) -> datetime.datetime:
    hour, minute = (int(part) for part in time.split(":"))
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def working_day(today: datetime.date, offset: int) -> datetime.date:
    """The day `offset` days after today; one that falls in a weekend moves to the Monday."""
    date = today + datetime.timedelta(days=offset)
    while date.weekday() >= 5:  # Saturday, Sunday
        date += datetime.timedelta(days=1)
    return date


def _meetings(meetings: list[dict], today: datetime.date, hosts: dict) -> list[Bijeenkomst]:
    items = []
    for meeting in meetings:
        day = working_day(today, meeting["day"])
        items.append(
            Bijeenkomst(
                starts_at=_at(day, meeting["starts"]),
                ends_at=_at(day, meeting["ends"]),
                topic=meeting.get("topic", ""),
                host_gemeente=hosts.get(meeting.get("host_gemeente")),
                location_name=meeting.get("location_name", ""),
                address=meeting.get("address", ""),
                online=meeting.get("online", False),
            )
        )
    return items


@contextmanager
def _no_mail():
    """Demo participants are fictitious: their sign-ups send no e-mail."""
    with mock.patch.object(services, "_send", lambda mails: None):
        yield


def _ensure_activity(ctx: DemoContext, spec: dict, agenda: Page, meetings: list) -> Page:
    key = demo_key("page", spec["key"])
    existing = spec["model"].objects.filter(locale=ctx.default_locale, translation_key=key).first()
    if existing is not None:
        ctx.record(ACTIVITY_KIND, PRESENT, existing, existing.title)
        return existing
    page = spec["model"](locale=ctx.default_locale, translation_key=key, **spec["fields"])
    page.bijeenkomsten = meetings
    page.themas = list(Thema.objects.filter(locale=ctx.default_locale, slug__in=spec["themas"]))
    agenda.add_child(instance=page)
    page.save_revision().publish()
    page = type(page).objects.get(pk=page.pk)
    ctx.record(ACTIVITY_KIND, CREATED, page, page.title)
    return page


def _ensure_translation(ctx: DemoContext, page: Page, texts: dict) -> None:
    """The English copy of ``page`` with the English texts and meeting topics."""
    fields = texts["fields"]
    for locale in ctx.translation_locales:
        if locale.language_code != "en":
            continue
        if page.get_translation_or_none(locale) is not None:
            ctx.record(ACTIVITY_KIND, PRESENT, label=f"{fields['title']} [en]")
            continue
        translation = page.copy_for_translation(locale).specific
        for name, value in fields.items():
            if not has_field(type(translation), name):
                raise ValueError(f"{type(translation).__name__} has no field {name!r}")
            setattr(translation, name, value)
        translation.draft_title = translation.title
        if texts["topics"]:
            meetings = sorted(translation.bijeenkomsten.all(), key=lambda m: m.starts_at)
            for meeting, topic in zip(meetings, texts["topics"], strict=True):
                meeting.topic = topic
            translation.bijeenkomsten = meetings
        translation.save()
        translation.save_revision().publish()
        ctx.record(ACTIVITY_KIND, CREATED, translation, f"{translation.title} [en]")


def _fill_up(ctx: DemoContext, page: Page) -> None:
    """Demo sign-ups, through the services, so that the activity is nearly full."""
    with _no_mail():
        for number in range(1, FULL_SIGNUPS + 1):
            email = f"deelnemer{number}@example.nl"
            if Aanmelding.objects.filter(activity_id=page.pk, email=email).exists():
                ctx.report.add(SIGNUP_KIND, PRESENT)
                continue
            aanmelding, _outcome = services.request_signup(
                page,
                {
                    "name": f"Deelnemer {number}",
                    "email": email,
                    "organisation": "Voorbeeldorganisatie",
                    "role": "Beleidsmedewerker",
                },
                "nl",
            )
            services.confirm(aanmelding)
            ctx.report.add(SIGNUP_KIND, CREATED)


def _attend(ctx: DemoContext, page: Page, spec: dict, hosts: dict) -> None:
    """Demo participants of a past activity, added by hand (sign-up has closed), each working
    for one of its participants' municipalities in turn, the attendance of its meetings as the
    organiser would record it, and the evaluations answered; each only once."""
    people = {}
    gemeenten = [hosts[code] for code in spec["participant_gemeenten"]] or [None]
    with _no_mail():
        for number in range(1, spec["participants"] + 1):
            email = f"deelnemer{number}@example.nl"
            existing = Aanmelding.objects.filter(activity_id=page.pk, email=email).first()
            if existing is not None:
                people[number] = existing
                ctx.report.add(SIGNUP_KIND, PRESENT)
                continue
            people[number] = services.add_participant(
                page,
                {
                    "name": f"Deelnemer {number}",
                    "email": email,
                    "organisation": "Voorbeeldorganisatie",
                    "role": "Beleidsmedewerker",
                    "gemeente": gemeenten[(number - 1) % len(gemeenten)],
                },
                "Demo: deelnemer aan de leerkring",
                None,
            )
            ctx.report.add(SIGNUP_KIND, CREATED)
    for meeting, present in zip(page.specific.meetings(), spec["attendance"], strict=False):
        if not Aanwezigheid.objects.filter(bijeenkomst=meeting).exists():
            services.record_attendance(page, meeting, [people[n].pk for n in present])
    _evaluate(page, spec["evaluations"])


def _evaluate(page: Page, answers: list[dict]) -> None:
    """The demo's answers to the evaluation, as if the first participants present had used the
    link in their e-mail (leerkringen.evaluations); only when the activity has none yet."""
    if not answers or Evaluatie.objects.filter(activity_id=page.pk).exists():
        return
    present = Aanwezigheid.objects.filter(bijeenkomst__page_id=page.pk, present=True)
    people = (
        Aanmelding.objects.filter(pk__in=present.values("aanmelding_id"))
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    now = timezone.now()
    for aanmelding_id, answer in zip(people, answers, strict=False):
        Aanmelding.objects.filter(pk=aanmelding_id).update(
            evaluation_sent_at=now, evaluation_answered=True
        )
        Evaluatie.objects.create(
            activity_id=page.pk, score=answer["score"], comment=answer.get("comment", "")
        )


def _after_the_kennisbank(ctx: DemoContext, pages: list[Page]) -> None:
    """Put a new agenda page right after the kennisbank in the menu (not last): the two things
    people come for side by side. Only pages made in this run move; an editor's order stays."""
    kennisbanks = ctx.objects.get("kennisbank", {}).get("index", {}).get("kennisbank", {})
    for page in pages:
        target = kennisbanks.get(page.locale.language_code)
        if target is None:
            continue
        target, page = Page.objects.get(pk=target.pk), Page.objects.get(pk=page.pk)
        if target.is_sibling_of(page):
            page.move(target, pos="right")


@register_step("leerkringen-agenda", order=600)
def load_agenda(ctx: DemoContext) -> None:
    """The agenda page (in the main menu) and its activities."""
    home = ctx.objects["pages"]["home"]
    default = ctx.default_locale.language_code
    before = len(ctx.objects.get("pending_pages", []))
    agenda = ensure_page(ctx, AGENDA, home[default], kind=AGENDA_KIND)
    created = {page.pk for _spec, _language, page in ctx.objects["pending_pages"][before:]}
    publish_pending_pages(ctx)
    _after_the_kennisbank(ctx, [page for page in agenda.values() if page.pk in created])
    agenda = {language: AgendaPage.objects.get(pk=page.pk) for language, page in agenda.items()}
    ctx.objects.setdefault("leerkringen", {})["agenda"] = agenda

    codes = {m.get("host_gemeente") for spec in ACTIVITIES for m in spec["meetings"]} - {None}
    codes |= {code for spec in ACTIVITIES for code in spec["participant_gemeenten"]}
    hosts = Gemeente.objects.in_bulk(list(codes), field_name="cbs_code")
    today = timezone.localdate()
    for spec in ACTIVITIES:
        meetings = _meetings(spec["meetings"], today, hosts)
        page = _ensure_activity(ctx, spec, AgendaPage.objects.get(pk=agenda[default].pk), meetings)
        if spec["en"] is not None and "en" in agenda:
            _ensure_translation(ctx, page, spec["en"])
        if spec["full"]:
            _fill_up(ctx, page)
        if spec["participants"]:
            _attend(ctx, page, spec, hosts)
