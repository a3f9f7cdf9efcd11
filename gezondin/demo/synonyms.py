"""Groups of synonyms for the search (Snippets > Vocabulaires > Synoniemen).

They are listed in ``gezondin/demo/content/synoniemen.yaml``, one comma-separated group per
item. A group counts as present when an existing group already holds its first word (compared
as search compares words: by stems), so loading twice adds nothing twice and a group an editor
changed is left as it is.
"""

from pathlib import Path

import yaml

from gezondin.models import Synoniemen
from gezondin.search_text import query_stems

from .registry import CREATED, PRESENT, DemoContext, register_step

SOURCE = Path(__file__).resolve().parent / "content" / "synoniemen.yaml"
GROUPS = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))


@register_step("synoniemen", order=150)
def load_synoniemen(ctx: DemoContext) -> None:
    known = {
        tuple(query_stems(entry)) for group in Synoniemen.objects.all() for entry in group.entries()
    }
    for words in GROUPS:
        group = Synoniemen(words=words)
        group.full_clean()
        entries = [tuple(query_stems(entry)) for entry in group.entries()]
        if entries[0] in known:
            ctx.record("Synoniemen", PRESENT, label=words)
            continue
        group.save()
        known.update(entries)
        ctx.record("Synoniemen", CREATED, label=words)
