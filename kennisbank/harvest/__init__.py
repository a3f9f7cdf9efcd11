"""Harvesting: practices published by other GezondIn installations, imported as read-only
shared copies in this site's kennisbank (see docs/sharing.md).

- ``models``: the sources (HarvestSource, managed in the admin) and the record that ties a local
  page to the remote practice it copies (SharedCopy).
- ``client``: HTTP to another installation's read API, with timeouts, retries, a size limit and
  clear errors.
- ``convert``: a remote practice as the fields of a local PraktijkvoorbeeldPage, rich text
  sanitised by Wagtail's own whitelister, vocabularies matched by slug.
- ``harvester``: one run over one source, with its report.
- ``tasks``: the run as a background task (``harvest --all --enqueue``).
"""
