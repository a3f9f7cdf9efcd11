"""Sharing a practice without an account (docs/kennisbank.md, "Sharing a practice without an
account"): the rules behind the public form ``/nl/praktijk-delen/`` (``/en/share-a-practice/``).

1. The form (kennisbank.forms.PraktijkDelenForm, kennisbank.share_views) checks the honeypot,
   then the fields, then the rate limits (:data:`ADDRESS`, :data:`CLIENT`); :func:`submit`
   stores a PraktijkInzending and the view queues the mail with the confirmation link
   (kennisbank.tasks).
2. The link (:func:`make_token`, :func:`read_token`) leads to :func:`confirm`, which, once,
   turns the submission into a draft PraktijkvoorbeeldPage — never live — in the municipality's
   section, or in the national inbox when the municipality has none (:func:`destination`); the
   view then queues the mail to that place's editors (:func:`editors_for`), each in their own
   language.
3. :func:`apply_retention` (a step of ``manage.py gezondin_jobs``) applies the sign-ups' retention
   rules to the submitter's data.

The national inbox is the kennisbank page itself (KennisbankPage, in the submitter's language
where there is one): practices may live there, and the national editors, who edit everywhere,
review it. Its editors are the members of GezondIn-redactie (else the superusers).

Task arguments and log records hold ids and counts only, never personal data.

Settings: ``KENNISBANK_SHARES_PER_ADDRESS`` (default 5) and ``KENNISBANK_SHARES_PER_CLIENT``
(default 20): valid submissions per e-mail address and per client address per clock hour;
``KENNISBANK_SHARE_LINK_DAYS`` (default 7): how long the confirmation link works;
``KENNISBANK_SHARE_RETENTION_DAYS`` (default: ``LEERKRINGEN_RETENTION_DAYS``, else 90): how long
after confirming the submitter's data is kept.
"""

import datetime
import logging
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.coreutils import find_available_slug
from wagtail.models import Locale, Site
from wagtail.rich_text import RichText

from gezondin import limits, tokens
from gezondin.models import Organisatie
from gezondin.roles import NATIONAL_GROUP_NAME
from kennisbank.models import (
    PRACTICE_NEEDS,
    PRACTICE_SECTIONS,
    GemeentePage,
    KennisbankPage,
    PraktijkInzending,
    PraktijkvoorbeeldPage,
    PraktijkvoorbeeldPartner,
)

logger = logging.getLogger(__name__)

TOKEN_SALT = "kennisbank.inzending"  # noqa: S105 - a namespace, not a secret
DEFAULT_RETENTION_DAYS = 90
PLACEHOLDER_NAME = "–"

# What the form asks about the practice, stored in PraktijkInzending.data (plain text).
PRACTICE_FIELDS = ["title", "intro", *PRACTICE_SECTIONS, "approach", *PRACTICE_NEEDS, "partners"]

ADDRESS = limits.Budget(
    "kennisbank.shares.address",
    "KENNISBANK_SHARES_PER_ADDRESS",
    5,
    _(
        "Met dit e-mailadres zijn dit uur al veel praktijkvoorbeelden ingestuurd. U kunt het na "
        "%(time)s opnieuw proberen; wat u invulde, staat er nog."
    ),
)
CLIENT = limits.Budget(
    "kennisbank.shares.client",
    "KENNISBANK_SHARES_PER_CLIENT",
    20,
    _(
        "Vanaf uw netwerk zijn dit uur al veel praktijkvoorbeelden ingestuurd. U kunt het na "
        "%(time)s opnieuw proberen; wat u invulde, staat er nog."
    ),
)


def link_max_age():
    return tokens.days_setting("KENNISBANK_SHARE_LINK_DAYS", 7)


def retention_days():
    default = getattr(settings, "LEERKRINGEN_RETENTION_DAYS", DEFAULT_RETENTION_DAYS)
    return getattr(settings, "KENNISBANK_SHARE_RETENTION_DAYS", default)


def normalise_email(email):
    return email.strip().lower()


# The submission -------------------------------------------------------------------------------


def submit(cleaned_data, language):
    """Store a valid form's submission; the caller queues the mail with its confirmation link
    (kennisbank.tasks.send_inzending_confirmation)."""
    inzending = PraktijkInzending.objects.create(
        email=normalise_email(cleaned_data["email"]),
        name=cleaned_data["name"],
        organisation=cleaned_data.get("organisation", ""),
        phone=cleaned_data.get("phone", ""),
        contact_public=bool(cleaned_data.get("contact_public")),
        consent_at=timezone.now(),
        gemeente=cleaned_data.get("gemeente"),
        data={name: cleaned_data.get(name) or "" for name in PRACTICE_FIELDS},
        language=language or settings.LANGUAGE_CODE,
        secret=secrets.token_hex(10),
    )
    return inzending


# Signed links ---------------------------------------------------------------------------------


class LinkInvalid(Exception):  # noqa: N818 - a condition
    message = _("Deze link werkt niet (meer). Kopieer hem in zijn geheel uit de e-mail.")


class LinkExpired(LinkInvalid):
    message = _(
        "Deze link is verlopen: u heeft uw praktijkvoorbeeld niet op tijd bevestigd, en wat u "
        "instuurde is niet bewaard. U kunt het opnieuw insturen."
    )

    def __init__(self, inzending):
        super().__init__()
        self.inzending = inzending


def make_token(inzending):
    return tokens.make_token(TOKEN_SALT, inzending.pk, inzending.secret)


def read_token(token):
    """The submission a confirmation link names. Raises LinkInvalid, or LinkExpired (with the
    submission) for a genuine link older than :func:`link_max_age`."""
    try:
        pk, secret = tokens.read_token(TOKEN_SALT, token, max_age=link_max_age())
        expired = False
    except tokens.ExpiredToken as error:
        pk, secret, expired = error.pk, error.secret, True
    except tokens.BadToken:
        raise LinkInvalid() from None
    inzending = PraktijkInzending.objects.filter(pk=pk, anonymised_at__isnull=True).first()
    if inzending is None or not constant_time_compare(inzending.secret, secret):
        raise LinkInvalid()
    if expired and inzending.confirmed_at is None:
        raise LinkExpired(inzending)
    return inzending


# Confirming: the draft ------------------------------------------------------------------------


def destination(gemeente, language):
    """Where a submission's draft goes: ``(parent page, is_inbox)``. The municipality's section
    in the submitter's language (else in any language), else the national inbox: the kennisbank
    page in that language (else any). ``(None, True)`` when the site has no kennisbank."""
    if gemeente is not None:
        sections = GemeentePage.objects.filter(gemeente=gemeente).select_related("locale")
        section = sections.filter(locale__language_code=language).first() or sections.first()
        if section is not None:
            return section, False
    kennisbanken = KennisbankPage.objects.all()
    inbox = (
        kennisbanken.filter(locale__language_code=language).first()
        or kennisbanken.filter(locale=Locale.get_default()).first()
        or kennisbanken.first()
    )
    return inbox, True


def _rich_text(text):
    """Plain text as rich text: a paragraph per blank-line-separated block."""
    blocks = [block.strip() for block in (text or "").replace("\r\n", "\n").split("\n\n")]
    return "".join(
        "<p>{}</p>".format(escape(block).replace("\n", "<br/>")) for block in blocks if block
    )


def partner_lines(text):
    """``[(name, role)]`` of the form's partners: one per line, a role after a colon."""
    lines = []
    for line in (text or "").splitlines():
        name, _sep, role = line.partition(":")
        if name.strip():
            lines.append((name.strip()[:200], role.strip()[:200]))
    return lines


def _partners(text):
    """The partners known as organisations, and the names the editors still have to add."""
    partners, unknown = [], []
    for name, role in partner_lines(text):
        organisatie = Organisatie.objects.filter(name__iexact=name).first()
        if organisatie is None:
            unknown.append(f"{name}: {role}" if role else name)
        elif organisatie.pk not in {partner.organisatie_id for partner in partners}:
            partners.append(PraktijkvoorbeeldPartner(organisatie=organisatie, role=role))
    return partners, unknown


def unknown_partners(inzending):
    """The partners a submission named that are not (yet) organisations on this site."""
    return _partners(inzending.data.get("partners", ""))[1]


def _draft(inzending, parent):
    data = inzending.data
    title = (data.get("title") or "").strip()[:255] or str(_("Ingestuurd praktijkvoorbeeld"))
    page = PraktijkvoorbeeldPage(
        title=title,
        slug=find_available_slug(parent, slugify(title)[:200] or "praktijkvoorbeeld"),
        intro=_rich_text(data.get("intro")),
        live=False,
        has_unpublished_changes=True,
        locale=parent.locale,
        **{name: _rich_text(data.get(name)) for name in PRACTICE_SECTIONS},
        **{name: (data.get(name) or "") for name in PRACTICE_NEEDS},
    )
    if data.get("approach"):
        page.approach = [("paragraph", RichText(_rich_text(data["approach"])))]
    if inzending.gemeente_id:
        page.gemeenten = [inzending.gemeente]
    page.partners = _partners(data.get("partners"))[0]
    if inzending.contact_public:
        page.contact_name = inzending.name
        page.contact_email = inzending.email
        page.contact_phone = inzending.phone
        page.contact_is_person = True
        page.contact_consent = True
    parent.add_child(instance=page)
    page.save_revision(log_action=True)
    return page


def confirm(inzending):
    """Confirm a submission: once, make its draft. Returns ``(inzending, confirmed_now)``;
    confirming again changes nothing. The caller then queues the mail to the editors
    (kennisbank.tasks.notify_inzending_editors)."""
    with transaction.atomic():
        inzending = PraktijkInzending.objects.select_for_update().get(pk=inzending.pk)
        if inzending.confirmed_at is not None:
            return inzending, False
        parent, _is_inbox = destination(inzending.gemeente, inzending.language)
        if parent is not None:
            inzending.page = _draft(inzending, parent)
        inzending.confirmed_at = timezone.now()
        inzending.save(update_fields=["page", "confirmed_at"])
    logger.info("Shared practice %s confirmed; draft page %s", inzending.pk, inzending.page_id)
    return inzending, True


# Who is told ----------------------------------------------------------------------------------


def editors_for(parent):
    """The active editors with an e-mail address of the place a draft is in: a section's users
    who may add pages there; the national inbox's: GezondIn-redactie, else the superusers."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    if isinstance(parent.specific, GemeentePage):
        section = users.filter(
            groups__page_permissions__page__translation_key=parent.translation_key,
            groups__page_permissions__permission__codename="add_page",
        )
        return list(section.distinct().order_by("pk"))
    national = users.filter(groups__name=NATIONAL_GROUP_NAME).distinct().order_by("pk")
    return list(national) or list(users.filter(is_superuser=True).order_by("pk"))


def base_url(page=None):
    """Scheme, host and port of the links in e-mails: ``WAGTAILADMIN_BASE_URL`` when set, else
    the root URL of the page's site (or of the default site)."""
    configured = (getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "").rstrip("/")
    if configured:
        return configured
    site = page.get_site() if page is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    return site.root_url if site is not None else ""


def _send(template, subject, to, context):
    text = render_to_string(f"kennisbank/emails/{template}.txt", context)
    html = render_to_string(f"kennisbank/emails/{template}.html", context)
    message = EmailMultiAlternatives(subject=subject, body=text, to=[to])
    message.attach_alternative(html, "text/html")
    message.send()


def send_confirmation(inzending_id):
    """The mail with the confirmation link, in the submitter's language; says what happens
    next. False when the submission is gone or already confirmed."""
    inzending = PraktijkInzending.objects.filter(
        pk=inzending_id, confirmed_at__isnull=True, anonymised_at__isnull=True
    ).first()
    if inzending is None:
        return False
    with translation.override(inzending.language):
        parent, is_inbox = destination(inzending.gemeente, inzending.language)
        url = base_url(parent) + reverse(
            "kennisbank:share_confirm", kwargs={"token": make_token(inzending)}
        )
        title = inzending.data.get("title", "")
        context = {
            "inzending": inzending,
            "title": title,
            "confirm_url": url,
            "link_days": link_max_age().days,
            "gemeente": inzending.gemeente,
            "is_inbox": is_inbox,
        }
        subject = str(_("Bevestig uw praktijkvoorbeeld: %(title)s") % {"title": title})
        _send("share_confirm", subject, inzending.email, context)
    return True


def notify_editors(inzending_id):
    """Tell the editors of the draft's place, each in their admin language; returns how many
    were told."""
    inzending = (
        PraktijkInzending.objects.filter(pk=inzending_id, page__isnull=False)
        .select_related("page", "gemeente")
        .first()
    )
    if inzending is None:
        return 0
    page = inzending.page
    parent = page.get_parent()
    base = base_url(page)
    edit_url = base + reverse("wagtailadmin_pages:edit", args=[page.pk])
    told = 0
    for editor in editors_for(parent):
        profile = getattr(editor, "wagtail_userprofile", None)
        language = profile.get_preferred_language() if profile else settings.LANGUAGE_CODE
        with translation.override(language):
            context = {
                "inzending": inzending,
                "page": page,
                "edit_url": edit_url,
                "is_inbox": not isinstance(parent.specific, GemeentePage),
                "section": parent,
                "unknown_partners": unknown_partners(inzending),
                "retention_days": retention_days(),
            }
            subject = str(
                _("Nieuw ingestuurd praktijkvoorbeeld: %(title)s") % {"title": page.title}
            )
            _send("share_editors", subject, editor.email, context)
        told += 1
    return told


# For the admin --------------------------------------------------------------------------------


def waiting(pages=None):
    """Confirmed submissions whose draft was never published, newest first; below ``pages``
    (a Q on Page fields, prefixed ``page__``) when given."""
    submissions = PraktijkInzending.objects.filter(
        confirmed_at__isnull=False,
        page__isnull=False,
        page__first_published_at__isnull=True,
    )
    if pages is not None:
        submissions = submissions.filter(pages)
    return submissions.select_related("page", "gemeente").order_by("-confirmed_at", "-pk")


def below(sections):
    """A Q for ``waiting``: drafts below any of ``sections``."""
    query = Q(pk__in=[])
    for section in sections:
        query |= Q(page__path__startswith=section.path, page__depth__gt=section.depth)
    return query


# Retention ------------------------------------------------------------------------------------


def apply_retention(now=None):
    """The sign-ups' retention rules for submitters: delete submissions never confirmed once
    their link expired; anonymise the submitter of a confirmed one :func:`retention_days` after
    confirming (name, address, organisation, phone cleared, the typed text dropped: it is in the
    draft). Returns ``(deleted, anonymised)``; running it again changes nothing."""
    now = now or timezone.now()
    with transaction.atomic():
        stale = PraktijkInzending.objects.filter(
            confirmed_at__isnull=True, created_at__lt=now - link_max_age()
        )
        deleted = stale.count()
        stale.delete()
        due = PraktijkInzending.objects.filter(
            anonymised_at__isnull=True,
            confirmed_at__lt=now - datetime.timedelta(days=retention_days()),
        )
        anonymised = 0
        for pk, data in list(due.values_list("pk", "data")):
            anonymised += PraktijkInzending.objects.filter(pk=pk).update(
                name=PLACEHOLDER_NAME,
                email=f"geanonimiseerd-{pk}",
                organisation="",
                phone="",
                data={"title": (data or {}).get("title", "")},
                secret=secrets.token_hex(10),
                anonymised_at=now,
            )
    logger.info("Shared practices: %s unconfirmed deleted, %s anonymised", deleted, anonymised)
    return deleted, anonymised
