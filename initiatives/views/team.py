from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from ..models import Invitation
from ..services import team


class InvitationAcceptView(LoginRequiredMixin, TemplateView):
    """GET shows whom the invitation is from; POST joins the team."""

    template_name = "initiatives/invitation.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Only the person it was sent to sees it: the link alone does not make a member.
        context["invitation"] = get_object_or_404(
            Invitation.objects.select_related("organisation", "invited_by"),
            token=self.kwargs["token"],
            accepted_at__isnull=True,
            email__iexact=getattr(self.request.user, "email", ""),
        )
        return context

    def post(self, request, token):
        try:
            membership = team.invitation_accept(token=token, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("initiatives:mine")
        messages.success(
            request, _("You have joined «%(name)s».") % {"name": membership.organisation.name}
        )
        return redirect("initiatives:profile", membership.organisation.slug)
