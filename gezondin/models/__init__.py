from .alerts import Attendering, Frequency
from .pages import BasePage, HomePage, SectionPageMixin, StandardPage, section_page_models
from .settings import GezondInSettings
from .snippets import (
    VOCABULARIES,
    Doelgroep,
    Domein,
    Gemeente,
    Levensfase,
    Organisatie,
    Pijler,
    Provincie,
    Spoor,
    Synoniemen,
    Thema,
    Vocabulary,
)

__all__ = [
    "Attendering",
    "Frequency",
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
    "SectionPageMixin",
    "Spoor",
    "StandardPage",
    "Synoniemen",
    "Thema",
    "VOCABULARIES",
    "Vocabulary",
    "section_page_models",
]
