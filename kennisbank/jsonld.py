"""schema.org JSON-LD for the kennisbank's pages, registered with the core's builders
(gezondin.jsonld.register) when this module is imported, from KennisbankConfig.ready().

- PraktijkvoorbeeldPage: Article with its themes (about), municipalities (spatialCoverage) and
  the municipality and partners (author); a copy harvested from another installation has the
  original as its url, like its canonical link;
- KennisartikelPage: Article;
- KennisbankPage, GemeenteIndexPage, ThemaPage: CollectionPage (a theme dossier about its theme);
- GemeentePage: GovernmentOrganization.

Themes and municipalities are read through the kennisbank's template tags, which keep a page's
links for its template, so the JSON-LD adds no queries.
"""

from django.core.exceptions import ObjectDoesNotExist

from gezondin.jsonld import (
    absolute_url,
    collection_page,
    compact,
    description,
    iso,
    page_basics,
    page_url,
    register,
)
from gezondin.models.snippets import Provincie
from kennisbank.templatetags.kennisbank_tags import gemeente_links, term_links, term_name

CBS_CODE_PROPERTY = "CBS-gemeentecode"

register("kennisbank.KennisbankPage", "kennisbank.GemeenteIndexPage")(collection_page)


@register("kennisbank.ThemaPage")
def thema_page(page, request, site):
    data = page_basics(page, request, site, "CollectionPage")
    if page.thema_id:
        data["about"] = compact(
            {"@type": "DefinedTerm", "name": term_name(page.thema), "termCode": page.thema.slug}
        )
    return compact(data)


def gemeente_identifier(cbs_code):
    return {"@type": "PropertyValue", "propertyID": CBS_CODE_PROPERTY, "value": cbs_code}


def gemeente_area(code, label, **extra):
    """A municipality as the area it covers."""
    return compact(
        {
            "@type": "AdministrativeArea",
            "name": label,
            "identifier": gemeente_identifier(code),
            **extra,
        }
    )


def gemeente_organisation(code, label, url="", **extra):
    """A municipality as the organisation (the gemeente itself)."""
    return compact(
        {
            "@type": "GovernmentOrganization",
            "name": f"Gemeente {label}",
            "identifier": gemeente_identifier(code),
            "url": url,
            "areaServed": gemeente_area(code, label),
            **extra,
        }
    )


def _tag_context(page, request):
    return {"request": request, "page": page}


def _themes(page, request):
    """The page's themes as DefinedTerms, named in the visitor's language, each with the URL of
    its dossier, or of the kennisbank filtered on it where it has none (the links the page shows).
    Read through the kennisbank's tags, which keep the page's links for its template."""
    return [
        compact(
            {
                "@type": "DefinedTerm",
                "name": link["name"],
                "termCode": link["slug"],
                "url": absolute_url(request, link["url"]),
            }
        )
        for link in term_links(_tag_context(page, request), page, "themas")
    ]


def _gemeenten(page, request):
    return gemeente_links(_tag_context(page, request), page)


def _original_url(page):
    """The URL of the original of a practice harvested from another installation (the page's
    canonical URL, see kennisbank.harvest), else "". The practice template reads the same
    relation before, so this costs no query."""
    try:
        shared = page.shared_copy
    except (AttributeError, ObjectDoesNotExist):
        return ""
    return shared.original_url if shared is not None else ""


def _kennis_item(page, request, site, authors, original=""):
    gemeenten = _gemeenten(page, request)
    basics = page_basics(page, request, site, "Article")
    if original:
        # A shared copy: its canonical URL is the original's.
        basics.update(url=original, isBasedOn=original)
    data = {
        **basics,
        "headline": page.title[:110],
        "genre": str(page.get_kind_display()),
        "about": _themes(page, request),
        "spatialCoverage": [
            gemeente_area(gemeente["code"], gemeente["label"]) for gemeente in gemeenten
        ],
        "author": authors(gemeenten) or [site.publisher],
        "publisher": site.publisher,
    }
    return data


def _partners(page):
    """A practice's partners with their organisations. A live page's partners are read once and
    kept on the page, so its template (practice_sections) reads them without a second query;
    a preview's are in memory already."""
    partners = list(page.partners.all().select_related("organisatie"))
    if page.pk and "partners" not in getattr(page, "_cluster_related_objects", {}):
        page.partners = partners
    return partners


@register("kennisbank.PraktijkvoorbeeldPage")
def praktijkvoorbeeld_page(page, request, site):
    def authors(gemeenten):
        organisations = [
            gemeente_organisation(
                gemeente["code"], gemeente["label"], absolute_url(request, gemeente["url"])
            )
            for gemeente in gemeenten
        ]
        for partner in _partners(page):
            organisations.append(
                compact(
                    {
                        "@type": "Organization",
                        "name": partner.organisatie.name,
                        "url": partner.organisatie.website,
                    }
                )
            )
        return organisations

    return compact(_kennis_item(page, request, site, authors, original=_original_url(page)))


@register("kennisbank.KennisartikelPage")
def kennisartikel_page(page, request, site):
    def authors(gemeenten):
        organisation = page.source_organisatie
        if organisation is None:
            return []
        return [
            compact(
                {"@type": "Organization", "name": organisation.name, "url": organisation.website}
            )
        ]

    data = _kennis_item(page, request, site, authors)
    if page.publication_date:
        data["datePublished"] = iso(page.publication_date)
    return compact(data)


@register("kennisbank.GemeentePage")
def gemeente_page(page, request, site):
    gemeente = page.gemeente
    province = dict(Provincie.choices).get(gemeente.provincie, "")
    contact = compact(
        {
            "@type": "ContactPoint",
            "name": page.contact_name,
            "email": page.contact_email,
            "url": page.website,
        }
    )
    area = gemeente_area(
        gemeente.cbs_code,
        gemeente.label,
        containedInPlace=compact({"@type": "AdministrativeArea", "name": str(province)}),
    )
    return gemeente_organisation(
        gemeente.cbs_code,
        gemeente.label,
        page_url(page, request),
        alternateName=f"Gemeente {gemeente.name}" if gemeente.name != gemeente.label else "",
        description=description(page),
        areaServed=area,
        contactPoint=contact if len(contact) > 1 else None,
    )
