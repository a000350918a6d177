from django.contrib.auth.mixins import PermissionRequiredMixin
from django.views.generic import TemplateView

from .. import analytics, charts
from ..models import Organisation


class AnalyticsView(PermissionRequiredMixin, TemplateView):
    """Who is alive: counts by status and kind, cohort survival, conversions to NGO."""

    permission_required = "initiatives.view_registry_analytics"
    template_name = "initiatives/analytics.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        counts = analytics.status_kind_counts()
        cohorts = analytics.cohort_survival()
        kinds = dict(Organisation.Kind.choices)
        context.update(
            statuses=Organisation.Status.choices,
            counts=[
                {
                    "kind": kinds[kind],
                    "by_status": [by_status[s] for s, _ in Organisation.Status.choices],
                    "total": sum(by_status.values()),
                }
                for kind, by_status in counts.items()
            ],
            cohorts=cohorts,
            checkpoints=analytics.SURVIVAL_CHECKPOINTS,
            chart=charts.survival_chart(cohorts),
            totals=analytics.relation_totals(),
        )
        return context
