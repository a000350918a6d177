from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView

from .. import selectors
from ..forms import ReturnForm
from ..models import Organisation
from ..services import organisations


class ModerationQueueView(PermissionRequiredMixin, ListView):
    permission_required = "initiatives.moderate_organisation"
    template_name = "initiatives/moderation.html"
    context_object_name = "organisations"
    paginate_by = 50

    def get_queryset(self):
        return selectors.moderation_queue()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["return_form"] = ReturnForm()
        return context


class ModerationDecisionView(PermissionRequiredMixin, View):
    """POST only: approve, or return with a reason."""

    permission_required = "initiatives.moderate_organisation"
    http_method_names = ["post"]

    def post(self, request, slug, decision):
        organisation = get_object_or_404(Organisation, slug=slug)
        try:
            if decision == "approve":
                organisations.organisation_approve(
                    organisation=organisation, moderator=request.user
                )
                messages.success(
                    request, _("«%(name)s» is published.") % {"name": organisation.name}
                )
            else:
                form = ReturnForm(request.POST)
                if not form.is_valid():
                    raise ValidationError(list(form.errors["reason"]))
                organisations.organisation_return(
                    organisation=organisation,
                    moderator=request.user,
                    reason=form.cleaned_data["reason"],
                )
                messages.success(
                    request, _("«%(name)s» is returned to its team.") % {"name": organisation.name}
                )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect("initiatives:moderation")
