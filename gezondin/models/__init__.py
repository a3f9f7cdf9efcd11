from .pages import BasePage, HomePage, StandardPage
from .settings import GezondInSettings
from .snippets import (
    Doelgroep,
    Domein,
    Gemeente,
    Levensfase,
    Organisatie,
    Pijler,
    Provincie,
    Spoor,
    VOCABULARIES,
    Thema,
    Vocabulary,
)

__all__ = [
    "BasePage",
    "Doelgroep",
    "Domein",
    "Gemeente",
    "GezondInSettings",
    "HomePage",
    "Levensfase",
    "Organisatie",
    "Pijler",
    "Provincie",
    "Spoor",
    "StandardPage",
    "Thema",
    "VOCABULARIES",
    "Vocabulary",
]
