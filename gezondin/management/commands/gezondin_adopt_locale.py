"""Give a site that was migrated with other language settings the locale GezondIn's settings
expect (docs/installing.md, "A site that already has content").

    python manage.py gezondin_adopt_locale --dry-run
    python manage.py gezondin_adopt_locale

A `wagtail start` project is migrated with LANGUAGE_CODE "en-us" and WAGTAIL_I18N_ENABLED off:
Wagtail made one Locale, "en", and every page and snippet is in it, whatever language the
content is really written in. After switching to LANGUAGE_CODE = "nl" there is no Dutch locale:
the default language has no pages and no home page at /nl/.

The command relabels that locale: the row's language code becomes the default language's, so
every page, snippet and revision (which keep the locale's id) is in the default language at
once, in one UPDATE. It then adds an empty locale for the old code if that is still a content
language (the English one, for translations). Use it when the existing content *is* in the
default language (a Dutch site that kept Wagtail's "en-us"); a site whose content really is
English keeps LANGUAGE_CODE = "en" and needs no command (docs/installing.md).

Idempotent: when the default language's locale exists and holds content, it changes nothing.
"""

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.coreutils import get_content_languages, get_supported_content_language_variant
from wagtail.models import Locale, TranslatableMixin


def translatable_models():
    """Every installed model with its own ``locale`` column (a page type's is on Page)."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, TranslatableMixin) and model._meta.get_field("locale").model is model
    ]


def contents(locale):
    """{model label: count} of the rows in ``locale``, leaving out the empty ones."""
    counts = {}
    for model in translatable_models():
        count = model._default_manager.filter(locale=locale).count()
        if count:
            counts[model._meta.label] = count
    return counts


class Command(BaseCommand):
    help = (
        "Relabel the locale a site was migrated with as the default language (LANGUAGE_CODE), "
        "moving all pages and snippets into it; --dry-run shows what would change."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--from",
            dest="source",
            metavar="CODE",
            help="The language code of the locale to relabel (default: the only other locale).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would change; change nothing."
        )

    def handle(self, *args, source=None, dry_run=False, **options):
        if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
            raise CommandError("Set WAGTAIL_I18N_ENABLED = True first (docs/installing.md).")
        try:
            target = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        except LookupError:
            raise CommandError(
                f"LANGUAGE_CODE {settings.LANGUAGE_CODE!r} is not a content language "
                "(WAGTAIL_CONTENT_LANGUAGES)."
            ) from None

        existing = Locale.objects.filter(language_code=target).first()
        if existing is not None and contents(existing):
            self.stdout.write(
                f"The default language {target!r} has its locale and content: nothing to do."
            )
            return

        source_locale = self._source(source, target)
        moved = contents(source_locale)
        prefix = "Would relabel" if dry_run else "Relabelled"
        old_code = source_locale.language_code
        keep_old = old_code in dict(get_content_languages())
        with transaction.atomic():
            if existing is not None and not dry_run:
                existing.delete()  # empty: no row points at it
            if not dry_run:
                source_locale.language_code = target
                source_locale.save(update_fields=["language_code"])
                if keep_old:
                    Locale.objects.create(language_code=old_code)
        self.stdout.write(f"{prefix} locale {old_code!r} as {target!r}; it holds:")
        for label, count in sorted(moved.items()):
            self.stdout.write(f"  {label}: {count}")
        if existing is not None:
            self.stdout.write(f"{'Would remove' if dry_run else 'Removed'} the empty {target!r}.")
        if keep_old:
            action = "Would add" if dry_run else "Added"
            self.stdout.write(f"{action} an empty locale {old_code!r} for translations.")

    def _source(self, code, target):
        others = Locale.objects.exclude(language_code=target).order_by("language_code")
        if code is not None:
            locale = others.filter(language_code=code).first()
            if locale is None:
                raise CommandError(f"There is no locale {code!r} to relabel.")
            return locale
        with_content = [locale for locale in others if contents(locale)]
        if len(with_content) == 1:
            return with_content[0]
        if not with_content:
            raise CommandError("There is no locale with content to relabel.")
        raise CommandError(
            "More than one locale has content ("
            + ", ".join(locale.language_code for locale in with_content)
            + "): say which one is the default language's with --from CODE."
        )
