"""Demo texts as files: Markdown with YAML front matter, turned into rich text and StreamField data.

A text file looks like this::

    ---
    slug: schuldhulp-aan-de-keukentafel
    themas: [armoede-en-schulden]
    start: 2023-02-01
    ---
    # intro
    In Tilburg-Noord gaan schuldhulpverleners ...

    # approach
    ## Van loket naar keukentafel
    Een koppel van een schuldhulpverlener ...

- The front matter (between the ``---`` lines) holds the structured fields, in YAML.
- The body is split into named sections by level-1 headings ``# name`` (the name of the field it
  fills, in lower case); the texts never use level-1 headings themselves.
- Each section is Markdown (Python-Markdown): paragraphs, ``- `` and ``1. `` lists, ``**bold**``,
  ``*italic*``, ``## Kop`` (a heading block, h2) and ``### Kop`` (h3).
- In StreamFields (:func:`stream`) a blockquote is a quote block; a last paragraph starting with
  ``-- `` names who said it. A paragraph starting with ``TIP:``, ``LET OP:`` or ``INFO:`` is a
  callout of that kind.

:func:`read` reads a file, :func:`rich` turns a section into rich-text HTML, :func:`stream` into
raw StreamField data.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import markdown
import yaml

from .builder import callout, heading, paragraph, quote

CALLOUT_PREFIXES = {"TIP:": "tip", "LET OP:": "let-op", "INFO:": "info"}
ATTRIBUTION_PREFIX = "-- "
# The rich-text editor stores bold and italic as <b> and <i>.
_RENAME = {"strong": "b", "em": "i"}
_BLOCKS = {"p", "ul", "ol", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "hr"}
_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")
_SECTION = re.compile(r"^# ([a-z_]+)[ \t]*$", re.MULTILINE)


def read(path: Path) -> tuple[dict[str, Any], dict[str, str]]:
    """The front matter and the named sections of a text file."""
    text = path.read_text(encoding="utf-8")
    meta: dict[str, Any] = {}
    if text.startswith("---\n"):
        front, _, text = text[4:].partition("\n---\n")
        meta = yaml.safe_load(front) or {}
    parts = _SECTION.split(text)
    sections = {name: body.strip() for name, body in zip(parts[1::2], parts[2::2], strict=True)}
    return meta, sections


def _elements(text: str) -> list[ET.Element]:
    """The top-level HTML elements of a Markdown text, with layout whitespace removed."""
    if not text or not text.strip():
        return []
    html = markdown.markdown(text)
    # Markdown's own output for the repository's files, not untrusted input.
    root = ET.fromstring(f"<root>{html}</root>")  # noqa: S314
    for element in root.iter():
        element.tag = _RENAME.get(element.tag, element.tag)
        # Line breaks between blocks are layout; a space between inline elements is text.
        if len(element) and element[0].tag in _BLOCKS and not (element.text or "").strip():
            element.text = None
        for child in element:
            if child.tag in _BLOCKS and not (child.tail or "").strip():
                child.tail = None
    for element in root.iter():
        if element.text:
            element.text = _LINE_BREAK.sub(" ", element.text)
        if element.tail:
            element.tail = _LINE_BREAK.sub(" ", element.tail)
    return list(root)


def _html(element: ET.Element) -> str:
    element.tail = None
    return ET.tostring(element, encoding="unicode", short_empty_elements=False)


def _inner_text(element: ET.Element) -> str:
    return " ".join("".join(element.itertext()).split())


def rich(text: str) -> str:
    """Rich-text HTML for a Markdown text."""
    return "".join(_html(element) for element in _elements(text))


def _callout(element: ET.Element) -> dict | None:
    if element.tag != "p" or not element.text:
        return None
    for prefix, kind in CALLOUT_PREFIXES.items():
        if element.text.startswith(prefix):
            element.text = element.text[len(prefix) :].lstrip()
            return callout(_html(element), kind=kind)
    return None


def _quote(element: ET.Element) -> dict:
    paragraphs = [_inner_text(child) for child in element]
    attribution = ""
    if paragraphs and paragraphs[-1].startswith(ATTRIBUTION_PREFIX):
        attribution = paragraphs.pop()[len(ATTRIBUTION_PREFIX) :]
    return quote(" ".join(paragraphs), attribution)


def stream(text: str) -> list[dict]:
    """Raw StreamField data for a Markdown text: headings, quotes and callouts are blocks of their
    own; the paragraphs and lists between them form one paragraph block."""
    result: list[dict] = []
    pending: list[str] = []

    def flush():
        if pending:
            result.append(paragraph("".join(pending)))
            pending.clear()

    for element in _elements(text):
        if element.tag in ("h2", "h3"):
            flush()
            result.append(heading(_inner_text(element), level=element.tag))
        elif element.tag == "blockquote":
            flush()
            result.append(_quote(element))
        elif (block := _callout(element)) is not None:
            flush()
            result.append(block)
        else:
            pending.append(_html(element))
    flush()
    return result
