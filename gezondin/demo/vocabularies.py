"""GezondIn's vocabularies: Dutch terms with English translations.

The terms are in ``gezondin/demo/content/vocabularies.yaml``: per vocabulary (the model's name)
a list of terms in their sort order, each with its ``slug`` and per language code a ``name`` and
a ``description``. The slug is a term's identity everywhere (filters, API, harvesting between
installations), so never change a slug there; names and descriptions may be improved.
"""

from pathlib import Path

import yaml

from gezondin.models import Doelgroep, Domein, Levensfase, Pijler, Spoor, Thema

from .builder import Term, ensure_terms
from .registry import DemoContext, register_step

SOURCE = Path(__file__).resolve().parent / "content" / "vocabularies.yaml"
MODELS = (Thema, Spoor, Pijler, Doelgroep, Domein, Levensfase)


def _load() -> list[tuple[type, list[Term]]]:
    data = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    result = []
    for model in MODELS:
        terms = [
            Term(
                slug=item["slug"],
                texts={
                    language: (texts["name"], texts["description"])
                    for language, texts in item.items()
                    if language != "slug"
                },
            )
            for item in data[model.__name__]
        ]
        result.append((model, terms))
    return result


VOCABULARIES = _load()


@register_step("vocabularies", order=100)
def load_vocabularies(ctx: DemoContext) -> None:
    for model, terms in VOCABULARIES:
        ensure_terms(ctx, model, terms)
