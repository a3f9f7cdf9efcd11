"""The Content-Security-Policy of the reference site (settings/base.py, settings/csp.py,
docs/configuration.md): public pages allow scripts only from the site itself or with the
request's nonce, never 'unsafe-inline'; the admin has its own, looser policy. The browser tests
(tests/browser) fail on any CSP violation in Chromium."""

import base64
import hashlib
import re

import pytest
from bs4 import BeautifulSoup
from django.test import RequestFactory
from django.views.defaults import server_error

pytestmark = pytest.mark.django_db

HEADER = "Content-Security-Policy"


def directives(response):
    policy = response[HEADER]
    parsed = {}
    for part in policy.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


@pytest.mark.parametrize(
    ("path", "status"),
    [("/nl/", 200), ("/en/", 200), ("/nl/zoeken/?q=gezond", 200), ("/nl/bestaat-niet/", 404)],
)
def test_public_pages_send_a_policy_without_unsafe_inline_scripts(
    client, home_page, english_home, path, status
):
    response = client.get(path)

    assert response.status_code == status
    policy = directives(response)
    assert policy["default-src"] == ["'self'"]
    assert "'self'" in policy["script-src"]
    assert "'unsafe-inline'" not in policy["script-src"]
    assert "'unsafe-eval'" not in policy["script-src"]
    assert "'unsafe-inline'" not in policy["style-src"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'self'"]


def test_every_script_on_a_page_is_a_file_of_the_site_data_or_nonced(client, home_page):
    response = client.get("/nl/")
    soup = BeautifulSoup(response.content, "html.parser")
    nonces = re.findall(r"'nonce-([^']+)'", response[HEADER])

    scripts = soup.find_all("script")
    assert scripts
    for script in scripts:
        if script.get("src"):
            assert script["src"].startswith("/static/"), script
        elif script.get("type") != "application/ld+json":  # data, never executed
            assert script.get("nonce") in nonces, f"an inline script without the nonce: {script}"
    handlers = [
        (tag.name, name)
        for tag in soup.find_all(True)
        for name in tag.attrs
        if name.lower().startswith("on")
    ]
    assert handlers == []


def test_the_error_page_style_is_allowed_by_its_hash(client, home_page):
    """500.html is rendered without a request, so it can't carry a nonce: its <style> is allowed
    by its SHA-256, computed from the template when the settings load."""
    page = server_error(RequestFactory().get("/")).content.decode()
    css = re.search(r"<style>(.*?)</style>", page, re.DOTALL).group(1)
    digest = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()

    assert f"'sha256-{digest}'" in directives(client.get("/nl/"))["style-src"]


def test_the_admin_has_its_own_policy(client, home_page):
    """Wagtail's admin writes inline scripts and styles of its own: it gets a looser policy, still
    limited to this site's origin, never framed by others, no plugins."""
    response = client.get("/admin/login/")

    assert response.status_code == 200
    policy = directives(response)
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]


def test_the_admin_asks_no_third_party_for_editors_avatars(client, home_page, django_user_model):
    """No Gravatar: its URL carries a hash of the editor's e-mail address."""
    editor = django_user_model.objects.create_superuser(
        "redactie", "redactie@gemeente.example", "x"
    )
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert "avatar" in html
    assert "gravatar" not in html
    assert "www.gravatar.com" not in directives(client.get("/admin/"))["img-src"]
