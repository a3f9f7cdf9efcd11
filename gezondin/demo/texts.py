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
  callout of that kind. Blocks with fields of their own are fenced blocks named after the block,
  holding its fields in YAML::

      ```accordion
      title: Veelgestelde vragen        # optional
      items:
      - question: Wat kost het?
        answer: Niets. (Markdown)
      ```

      ```call-to-action
      title: Meer weten?
      text: Lees wat het programma doet.
      link_text: Over GezondIn
      page: over-gezondin               # the key of a demo page, or url: https://...
      ```

- A line ending in two spaces is a line break (``<br/>``), as in any Markdown.

:func:`read` reads a file, :func:`rich` turns a section into rich-text HTML, :func:`stream` into
raw StreamField data.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import markdown
import yaml

from .builder import accordion, call_to_action, callout, heading, paragraph, quote

CALLOUT_PREFIXES = {"TIP:": "tip", "LET OP:": "let-op", "INFO:": "info"}
ATTRIBUTION_PREFIX = "-- "
# The rich-text editor stores bold and italic as <b> and <i>.
_RENAME = {"strong": "b", "em": "i"}
_BLOCKS = {"p", "ul", "ol", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "hr"}
_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")
_FENCE = re.compile(r"^```([a-z-]+)[ \t]*\n(.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)
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
            elif child.tag == "br" and child.tail:
                child.tail = child.tail.lstrip()
    for element in root.iter():
        if element.text:
            element.text = _LINE_BREAK.sub(" ", element.text)
        if element.tail:
            element.tail = _LINE_BREAK.sub(" ", element.tail)
    return list(root)


def _html(element: ET.Element) -> str:
    element.tail = None
    for br in element.iter("br"):
        br.text = None
    html = ET.tostring(element, encoding="unicode")
    return html.replace("<br />", "<br/>")


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


def _markdown_blocks(text: str) -> list[dict]:
    """Headings, quotes and callouts are blocks of their own; the paragraphs and lists between
    them form one paragraph block."""
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


def _fenced(kind: str, data: dict, page_id: Callable[[str], int | None]) -> dict | None:
    if kind == "accordion":
        items = [(item["question"], rich(item["answer"])) for item in data["items"]]
        return accordion(items, title=data.get("title", ""))
    if kind == "call-to-action":
        page = page_id(data["page"]) if data.get("page") else None
        return call_to_action(
            data["title"], data["text"], data["link_text"], page=page, url=data.get("url", "")
        )
    raise ValueError(f"unknown fenced block {kind!r}")


def stream(text: str, page_id: Callable[[str], int | None] = lambda key: None) -> list[dict]:
    """Raw StreamField data for a Markdown text. ``page_id`` gives the id of a demo page by its
    key, for links in fenced blocks; a call to action whose page is unknown is left out."""
    text = text or ""
    result: list[dict | None] = []
    position = 0
    for match in _FENCE.finditer(text):
        result += _markdown_blocks(text[position : match.start()])
        result.append(_fenced(match.group(1), yaml.safe_load(match.group(2)), page_id))
        position = match.end()
    result += _markdown_blocks(text[position:])
    return [block for block in result if block is not None]
