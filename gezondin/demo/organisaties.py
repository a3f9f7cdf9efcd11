"""Partner organisations: national ones under their own name, local ones invented (example.nl).

They are listed in ``gezondin/demo/content/organisaties.yaml``: ``name`` (the stable key),
``sector`` (an ``Organisatie.Sector`` value) and ``website``.
"""

from pathlib import Path

import yaml

from gezondin.models import Organisatie

from .registry import CREATED, PRESENT, DemoContext, register_step

SOURCE = Path(__file__).resolve().parent / "content" / "organisaties.yaml"
# (name, sector, website); the name is the stable key.
ORGANISATIES = [
    (item["name"], Organisatie.Sector(item["sector"]), item.get("website", ""))
    for item in yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
]


@register_step("organisaties", order=200)
def load_organisaties(ctx: DemoContext) -> None:
    result = {}
    for name, sector, website in ORGANISATIES:
        organisatie = Organisatie.objects.filter(name=name).first()
        if organisatie is None:
            organisatie = Organisatie.objects.create(name=name, sector=sector, website=website)
            ctx.record("Organisaties", CREATED, organisatie)
        else:
            ctx.record("Organisaties", PRESENT, organisatie)
        result[name] = organisatie
    ctx.objects["organisaties"] = result
