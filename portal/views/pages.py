from django.contrib.auth.mixins import UserPassesTestMixin
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.views.generic import TemplateView

from accounts.roles import is_staff_or_administration
from civiccenter.kernel import versioned_cache
from civiccenter.kernel.models import targets_for
from civiccenter.kernel.page_cache import anonymous_page
from civiccenter.kernel.quarters import Quarter
from consulting.selectors import CONSULTING_CACHE
from events.selectors import EVENTS_CACHE
from initiatives.selectors import REGISTRY_CACHE
from training.selectors import TRAINING_CACHE

from .. import selectors
from ..desk import retention_report, tasks_for
from ..legal import documents_context
from ..navigation import desk_for


# The home page for anonymous visitors, from the cache until the registry, the events, the
# training schedule or the consulting topics change (the quarter's targets within the
# timeout: they change a few times a year).
@method_decorator(
    anonymous_page(REGISTRY_CACHE, EVENTS_CACHE, TRAINING_CACHE, CONSULTING_CACHE), name="get"
)
class HomeView(TemplateView):
    template_name = "pages/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        targets = targets_for(Quarter.current())
        context.update(
            registry=versioned_cache.cached(REGISTRY_CACHE, "summary", selectors.registry_summary),
            events=selectors.upcoming_events(),
            communities=selectors.largest_communities(),
            topics=selectors.consulting_topics(),
            programmes=selectors.training_programmes(),
            target_training_hours=targets["training_hours"],
            target_consulting_hours=targets["consulting_hours"],
        )
        return context


class PrivacyPolicyView(TemplateView):
    """The processing policy is a legal document kept whole, one template per language."""

    def get_template_names(self):
        language = "en" if get_language() == "en" else "ru"
        return [f"pages/privacy_{language}.html"]

    def get_context_data(self, **kwargs):
        return super().get_context_data(**documents_context(), **kwargs)


class ConsentDocumentView(PrivacyPolicyView):
    """The consent to processing itself (152-FZ art. 9 part 4), versioned with the policy: what
    a person agrees to when they tick the box at sign-up."""

    def get_template_names(self):
        language = "en" if get_language() == "en" else "ru"
        return [f"pages/consent_{language}.html"]


class DeskView(UserPassesTestMixin, TemplateView):
    """The staff's starting page: the work pages their roles open."""

    template_name = "pages/desk.html"

    def test_func(self):
        return is_staff_or_administration(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["items"] = desk_for(self.request.user)
        context["tasks"] = tasks_for(self.request.user)
        if self.request.user.has_perm("accounts.change_user"):
            context["retention"] = retention_report()
        return context
