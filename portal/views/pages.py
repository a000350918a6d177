from django.conf import settings
from django.contrib.auth.mixins import UserPassesTestMixin
from django.utils.translation import get_language
from django.views.generic import TemplateView

from .. import selectors
from ..navigation import desk_for, staff_or_administration


class HomeView(TemplateView):
    template_name = "pages/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            registry=selectors.registry_summary(),
            events=selectors.upcoming_events(),
            communities=selectors.largest_communities(),
            topics=selectors.consulting_topics(),
            programmes=selectors.training_programmes(),
            target_training_hours=settings.QUARTERLY_TARGET_TRAINING_HOURS,
            target_consulting_hours=settings.QUARTERLY_TARGET_CONSULTING_HOURS,
        )
        return context


class PrivacyPolicyView(TemplateView):
    """The processing policy is a legal document kept whole, one template per language."""

    def get_template_names(self):
        language = "en" if get_language() == "en" else "ru"
        return [f"pages/privacy_{language}.html"]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["policy_version"] = settings.PERSONAL_DATA_POLICY_VERSION
        context["anonymise_after_days"] = settings.PERSONAL_DATA_ANONYMISE_AFTER_DAYS
        context["contact_email"] = settings.CENTRE_CONTACT_EMAIL
        return context


class DeskView(UserPassesTestMixin, TemplateView):
    """The staff's starting page: the work pages their roles open."""

    template_name = "pages/desk.html"

    def test_func(self):
        return staff_or_administration(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["items"] = desk_for(self.request.user)
        return context
