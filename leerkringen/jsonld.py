"""schema.org JSON-LD for the leerkringen's pages, registered with the core's builders
(gezondin.jsonld.register) when this module is imported, from LeerkringenConfig.ready().

- AgendaPage: CollectionPage;
- activity pages: nothing from the builders; their template writes the Event
  (leerkringen.calendar.event_json_ld), with its meetings and seats.
"""

from gezondin.jsonld import collection_page, register

register("leerkringen.AgendaPage")(collection_page)


@register("leerkringen.ActivityPage")
def activity_page(page, request, site):
    """Nothing here: the activity templates write the Event themselves (leerkringen.calendar)."""
    return None
