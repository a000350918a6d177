from django.conf import settings
from django.utils.decorators import method_decorator
from django.views.generic import ListView

from civiccenter.kernel.page_cache import anonymous_page
from civiccenter.kernel.pagination import CappedPaginator

from .. import cards, selectors


@method_decorator(anonymous_page(selectors.REGISTRY_CACHE), name="get")
class CatalogueView(ListView):
    """The public catalogue: filters, Russian full-text search, sorting, pagination."""

    template_name = "initiatives/catalogue.html"
    context_object_name = "organisations"

    paginator_class = CappedPaginator

    def get_paginate_by(self, queryset):
        return settings.REGISTRY_PAGE_SIZE

    def paginate_queryset(self, queryset, page_size):
        """An out-of-range page shows the last one instead of a 404: filters change the
        number of pages under a bookmarked link."""
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get("page"))
        return paginator, page, page.object_list, page.has_other_pages()

    def get_queryset(self):
        self.filterset, queryset = selectors.catalogue_page(self.request.GET)
        return queryset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        params = self.request.GET.copy()
        params.pop("page", None)
        context["filter"] = self.filterset
        context["cards"] = cards.for_page(context["object_list"])
        context["query_string"] = params.urlencode()
        return context
