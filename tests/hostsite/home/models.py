"""The host's own home page, named as in every `wagtail start` project (home.HomePage): the
plugin's page models must not clash with it (fields.E304/E305 on Page.homepage)."""

from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    body = RichTextField(blank=True)
