"""Admin search for the small reference tables (municipalities, organisations, vocabularies,
harvest sources): in the database, not in the search index.

Wagtail searches an indexed snippet through the search backend, both in its listing and in its
chooser. That fails in two ways for these tables: the database backend on SQLite refuses the
viewset's ``search_fields`` as column names ("no such column: name"), and the index only knows
rows that were saved one by one, so the 342 municipalities that migration 0002 and
``update_gemeenten`` write in bulk are missing until someone runs ``update_index``. These tables
have at most a few thousand rows, so a filter in the database is fast, always complete and the
same on every backend.

A query is split into words; every word must occur (case-insensitively) in one of the fields, so
"den haag" finds "Den Haag" and "GM0855" finds Tilburg by its CBS code.
"""

from django.db.models import Q
from wagtail.admin.forms.choosers import SearchFilterMixin
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
)
from wagtail.snippets.views.snippets import IndexView

from gezondin.search_terms import display_query

# More words than this in an admin search are ignored (each one is a condition on every field).
MAX_WORDS = 10


def search_database(queryset, fields, query):
    """The rows of ``queryset`` where every word of ``query`` is in one of ``fields``."""
    words = display_query(query).replace("\x00", " ").split()[:MAX_WORDS]
    for word in words:
        condition = Q()
        for field in fields:
            condition |= Q(**{f"{field}__icontains": word})
        queryset = queryset.filter(condition)
    return queryset


class DatabaseSearchIndexView(IndexView):
    """The snippet listing, searching ``search_fields`` in the database."""

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return search_database(queryset, self.search_fields, self.search_query)


class DatabaseSearchFilterMixin(SearchFilterMixin):
    """The chooser's search box (Wagtail's field and label), filtering in the database."""

    search_fields = ()

    def filter(self, objects):
        # Skip SearchFilterMixin.filter (the search backend); keep the other filters (locale).
        objects = super(SearchFilterMixin, self).filter(objects)
        search_query = self.cleaned_data.get("q")
        if search_query:
            objects = search_database(objects, self.search_fields, search_query)
            self.is_searching = True
            self.search_query = search_query
        return objects


class DatabaseSearchChooseMixin:
    search_fields = ()

    def get_filter_form_class(self):
        form_class = super().get_filter_form_class()
        bases = [base for base in form_class.__bases__ if base is not SearchFilterMixin]
        return type(
            form_class.__name__,
            (DatabaseSearchFilterMixin, *bases),
            {"search_fields": tuple(self.search_fields)},
        )


class DatabaseSearchChooseView(DatabaseSearchChooseMixin, ChooseView):
    pass


class DatabaseSearchChooseResultsView(DatabaseSearchChooseMixin, ChooseResultsView):
    pass


class DatabaseSearchChooserViewSet(SnippetChooserViewSet):
    choose_view_class = DatabaseSearchChooseView
    choose_results_view_class = DatabaseSearchChooseResultsView
    search_fields = ()

    def get_common_view_kwargs(self, **kwargs):
        # construct_view passes it only to the views that have the attribute (the two above).
        return super().get_common_view_kwargs(search_fields=self.search_fields, **kwargs)


class DatabaseSearchMixin:
    """For a SnippetViewSet: its listing and its chooser search ``search_fields`` (model fields
    or lookups such as ``"sector"``) in the database instead of the search backend."""

    index_view_class = DatabaseSearchIndexView
    chooser_viewset_class = DatabaseSearchChooserViewSet
    search_backend_name = None

    @property
    def chooser_viewset(self):
        viewset = super().chooser_viewset
        viewset.search_fields = self.search_fields
        return viewset
