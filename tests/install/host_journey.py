"""Run inside the host project (`python host_journey.py` in its folder, with its virtualenv):
an editor builds GezondIn's pages under the host's own home page through the Wagtail admin,
then a visitor reads them, signs up for the webinar and confirms by the link in the e-mail.

Not a pytest module: tests/install/test_host_site.py copies it into the project made by
`wagtail start` and runs it there, where neither pytest nor this repository is importable. It
asserts on what people see (status codes, page text, the e-mail) and prints one JSON line per
step with its duration. Usage: python host_journey.py <admin username> <admin password>
"""

import json
import os
import re
import sys
import time
from datetime import timedelta
from urllib.parse import urlsplit

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hostsite.settings.dev")

import django  # noqa: E402

django.setup()

from django.apps import apps  # noqa: E402
from django.core import mail  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.urls import Resolver404, resolve, reverse  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Page  # noqa: E402
from wagtail.test.utils.form_data import (  # noqa: E402
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from gezondin.models import Doelgroep, Gemeente, Thema  # noqa: E402
from kennisbank.models import (  # noqa: E402
    GemeenteIndexPage,
    GemeentePage,
    KennisbankPage,
    PraktijkvoorbeeldPage,
)
from leerkringen.models import Aanmelding, AgendaPage, WebinarPage  # noqa: E402

# The host's own home page type, from the `home` app `wagtail start` writes.
HomePage = apps.get_model("home", "HomePage")
USERNAME, PASSWORD = sys.argv[1], sys.argv[2]
VISITOR_EMAIL = "bezoeker@example.org"
STARTED = time.monotonic()


def step(name):
    """Print the duration of the step that just ended."""
    global STARTED
    now = time.monotonic()
    print(json.dumps({"step": name, "seconds": round(now - STARTED, 2)}), flush=True)
    STARTED = now


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def text(response):
    return response.content.decode()


def get(client, url, expect=200, contains=()):
    response = client.get(url, follow=True)
    check(
        response.status_code == expect,
        f"GET {url}: {response.status_code}, expected {expect}\n{text(response)[:2000]}",
    )
    for snippet in contains:
        check(snippet in text(response), f"GET {url}: {snippet!r} not on the page")
    return response


def add_page(client, parent, model, data):
    """Create and publish a page through the admin's add form; returns the new page."""
    url = reverse(
        "wagtailadmin_pages:add",
        args=[model._meta.app_label, model._meta.model_name, parent.pk],
    )
    form = client.get(url)
    check(form.status_code == 200, f"GET {url}: {form.status_code} (may not add it here?)")
    data = {"comments": inline_formset([]), **data, "action-publish": "action-publish"}
    # Lists are multiple choices (sent as repeated fields); nested_form_data would number them.
    choices = {key: value for key, value in data.items() if isinstance(value, list)}
    fields = {key: value for key, value in data.items() if key not in choices}
    response = client.post(url, {**nested_form_data(fields), **choices})
    page = model.objects.child_of(parent).filter(slug=data["slug"]).first()
    if page is None:
        errors = ""
        if response.context and response.context.get("form") is not None:
            errors = response.context["form"].errors.as_json()
        raise AssertionError(
            f"POST {url} made no {model.__name__} ({response.status_code}): {errors or ''}"
        )
    check(page.live, f"{model.__name__} {page.title!r} was not published")
    return page


def add_term(client, model, name, slug):
    """Add a vocabulary term through the snippet admin; returns it."""
    url = reverse(f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}:add")
    get(client, url)
    response = client.post(url, {"name": name, "slug": slug, "description": "", "sort_order": 0})
    term = model.objects.filter(slug=slug).first()
    if term is None:
        errors = ""
        if response.context and response.context.get("form") is not None:
            errors = response.context["form"].errors.as_json()
        raise AssertionError(
            f"POST {url} made no {model.__name__} ({response.status_code}): {errors}"
        )
    return term


setup_test_environment()  # e-mail to django.core.mail.outbox; "testserver" an allowed host

# The editor ----------------------------------------------------------------------------------

editor = Client()
response = editor.post(reverse("wagtailadmin_login"), {"username": USERNAME, "password": PASSWORD})
check(response.status_code == 302, f"admin login: {response.status_code}")
get(editor, reverse("wagtailadmin_home"))
step("log in to the admin")

home = HomePage.objects.get()  # the page `wagtail start` made (home.HomePage)
kennisbank = add_page(
    editor,
    home,
    KennisbankPage,
    {"title": "Kennisbank", "slug": "kennisbank", "intro": rich_text("Praktijk en kennis.")},
)
gemeenten = add_page(
    editor,
    home,
    GemeenteIndexPage,
    {"title": "Gemeenten", "slug": "gemeenten", "intro": rich_text("Gemeenten met hun aanpak.")},
)
amsterdam = Gemeente.objects.get(cbs_code="GM0363")
# A practice is published only with what a reader needs (kennisbank/forms.py): an introduction,
# the approach, a theme, a target group and its municipality.
thema = add_term(editor, Thema, "Armoede en schulden", "armoede-en-schulden")
doelgroep = add_term(editor, Doelgroep, "Ouders", "ouders")
section = add_page(
    editor,
    gemeenten,
    GemeentePage,
    {
        "title": "Amsterdam",
        "slug": "amsterdam",
        "gemeente": amsterdam.pk,
        "body": streamfield([]),
    },
)
practice = add_page(
    editor,
    section,
    PraktijkvoorbeeldPage,
    {
        "title": "Buurtcoaches in Nieuw-West",
        "slug": "buurtcoaches-nieuw-west",
        "intro": rich_text("Buurtcoaches helpen gezinnen met geldzorgen."),
        "gemeenten": [amsterdam.pk],
        "themas": [thema.pk],
        "doelgroepen": [doelgroep.pk],
        "approach": streamfield(
            [("paragraph", rich_text("Buurtcoaches gaan op huisbezoek bij gezinnen."))]
        ),
        "partners": inline_formset([]),
        "status": "lopend",
        "erkenning": "niet-beoordeeld",
        "last_checked": timezone.localdate().isoformat(),
    },
)
agenda = add_page(
    editor,
    home,
    AgendaPage,
    {"title": "Agenda", "slug": "agenda", "intro": rich_text("Leerkringen en webinars.")},
)
starts = timezone.localtime() + timedelta(days=14)
webinar = add_page(
    editor,
    agenda,
    WebinarPage,
    {
        "title": "Webinar schuldhulp",
        "slug": "webinar-schuldhulp",
        "intro": rich_text("Wat werkt bij schulden en gezondheid."),
        "speakers": "Team Gezonde Wijk",
        "join_url": "https://meet.example.org/schuldhulp",
        "signup_enabled": "on",
        "bijeenkomsten": inline_formset(
            [
                {
                    "starts_at": starts.strftime("%Y-%m-%d %H:%M"),
                    "ends_at": (starts + timedelta(hours=1)).strftime("%Y-%m-%d %H:%M"),
                    "online": "on",
                }
            ],
            min=1,
            max=1,
        ),
        "materials": streamfield([]),
        "kennis_links": inline_formset([]),
    },
)
check(
    all(page.get_parent().specific_class is HomePage for page in (kennisbank, gemeenten, agenda)),
    "the kennisbank, municipality index and agenda are not children of the host's home page",
)
step("create the pages through the admin")

# The visitor ---------------------------------------------------------------------------------

visitor = Client()
for page, snippets in [
    (kennisbank, ["Kennisbank", "Buurtcoaches in Nieuw-West"]),
    (gemeenten, ["Amsterdam"]),
    (section, ["Amsterdam", "Buurtcoaches in Nieuw-West"]),
    (practice, ["Buurtcoaches in Nieuw-West", "geldzorgen"]),
    (agenda, ["Webinar schuldhulp"]),
    (webinar, ["Webinar schuldhulp", "Team Gezonde Wijk"]),
]:
    url = page.get_url()
    check(url and url.startswith("/nl/"), f"{page.title}: URL {url!r} is not under /nl/")
    get(visitor, url, contains=snippets)
check(
    "meet.example.org" not in text(get(visitor, webinar.get_url())),
    "the webinar page shows the join link",
)
# The sharing URLs outside the language prefix (gezondin.urls.shared), where the host has them.
for url in ["/robots.txt", "/sitemap.xml", "/api/v2/pages/?type=kennisbank.PraktijkvoorbeeldPage"]:
    try:
        resolve(urlsplit(url).path)
    except Resolver404:
        continue
    get(visitor, url, contains=["Buurtcoaches" if url.startswith("/api/") else ""])
step("visit the pages")

page_html = text(get(visitor, webinar.get_url()))
# The form posts to aanmelden/, with the fragment of its error summary.
action = re.search(r'<form[^>]*action="([^"#]*aanmelden/)(?:#[^"]*)?"', page_html)
check(action, "no sign-up form on the webinar page")
response = visitor.post(
    action.group(1),
    {
        "name": "Sam Bezoeker",
        "email": VISITOR_EMAIL,
        "organisation": "GGD Amsterdam",
        "consent": "on",
        "website": "",
    },
    follow=True,
)
check(response.status_code == 200, f"sign-up: {response.status_code}")
check(len(mail.outbox) == 1, f"{len(mail.outbox)} e-mails after signing up, expected 1")
message = mail.outbox[0]
check(message.to == [VISITOR_EMAIL], f"the e-mail went to {message.to}")
links = re.findall(r"https?://\S+/aanmelding/\S+/bevestigen/", message.body)
check(links, f"no confirmation link in the e-mail:\n{message.body}")
step("sign up for the webinar")

confirm = urlsplit(links[0])
get(visitor, confirm.path, contains=["Uw aanmelding is bevestigd", "Webinar schuldhulp"])
aanmelding = Aanmelding.objects.get(email=VISITOR_EMAIL)
check(aanmelding.status == "confirmed", f"after the link the sign-up is {aanmelding.status!r}")
check(
    any("meet.example.org/schuldhulp" in m.body for m in mail.outbox[1:]),
    "no e-mail with the join link after confirming",
)
step("confirm by the e-mailed link")

# The host's own pages ------------------------------------------------------------------------

response = get(visitor, "/")
check(
    isinstance(response.context["page"].specific, HomePage),
    "/ does not serve the host's home page",
)
get(editor, reverse("wagtailadmin_explore", args=[home.pk]), contains=["Kennisbank", "Agenda"])
get(editor, "/django-admin/")
get(visitor, "/search/?query=Buurtcoaches")
check(Page.objects.filter(depth=2).count() == 1, "the host's home page is no longer the only root")
step("the host's own pages")
print(json.dumps({"journey": "ok"}))
