"""The reference site's Content-Security-Policy (django-csp), one policy for the public site and
a looser one for Wagtail's admin; see docs/configuration.md ("Content-Security-Policy").

django-csp's middleware sends ``CONTENT_SECURITY_POLICY`` on every response. Paths under
``ADMIN_CONTENT_SECURITY_POLICY["URL_PREFIXES"]`` get ``ADMIN_CONTENT_SECURITY_POLICY`` instead:
Wagtail's admin (and Django's, and page previews, which are served under /admin/) writes inline
scripts and style attributes of its own, which the public policy forbids. The admin is not left
without a policy: it still may load scripts only from this site, may not be framed by other
sites, post forms elsewhere or load plugins.
"""

import base64
import hashlib
import re
from pathlib import Path

from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from csp.utils import default_config
from django.conf import settings

_STYLE_ELEMENT = re.compile(r"<style>(.*?)</style>", re.DOTALL)


def style_hashes(template: Path) -> list[str]:
    """``'sha256-…'`` sources for the <style> elements of a template that is rendered without a
    request (500.html: no nonce there), computed from the file, so they follow its edits."""
    text = template.read_text(encoding="utf-8")
    return [
        f"'sha256-{base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()}'"
        for css in _STYLE_ELEMENT.findall(text)
    ]


class CSPMiddleware(BaseCSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        admin = getattr(settings, "ADMIN_CONTENT_SECURITY_POLICY", None)
        if (
            admin
            and not report_only
            and parts.config is None
            and request.path_info.startswith(tuple(admin["URL_PREFIXES"]))
        ):
            parts.config = default_config(admin["DIRECTIVES"])
        return parts
