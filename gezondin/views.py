"""The site-wide search page."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from gezondin.search_terms import display_query, search_terms

RESULTS_PER_PAGE = 10


def search(request):
    query = display_query(request.GET.get("q", ""))
    terms = search_terms(query)
    results_page = None
    if terms:
        pages = Page.objects.live().public().filter(locale=Locale.get_active()).specific()
        results = pages.search(terms)
        paginator = Paginator(results, RESULTS_PER_PAGE)
        try:
            results_page = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            results_page = paginator.page(1)
        except EmptyPage:
            results_page = paginator.page(paginator.num_pages)
    return TemplateResponse(
        request,
        "gezondin/search.html",
        {
            "search_query": query,
            "results": results_page,
            "page_title": _("Zoeken"),
        },
    )
