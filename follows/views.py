from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import ListView

from accounts.signed_in import signed_in_user
from civiccenter.kernel.pagination import CappedPaginator
from civiccenter.kernel.unsubscribe_views import OneClickUnsubscribeView

from . import services
from .forms import DeliveryForm
from .models import Notice


class FollowView(LoginRequiredMixin, View):
    """POST only: the «Follow» / «Stop following» button of a page."""

    http_method_names = ["post"]

    def post(self, request, kind: str, pk: int):
        target = services.kind_and_target(kind, pk)
        if target is None:
            raise Http404
        following = request.POST.get("following") == "1"
        services.follow_set(user=signed_in_user(request), target=target, following=following)
        messages.success(
            request,
            _("You follow it now: news of it comes to your notifications.")
            if following
            else _("You no longer follow it."),
        )
        back = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
            back = ""
        return redirect(back or "follows:notifications")


class NotificationsView(LoginRequiredMixin, ListView):
    """What happened to what the person follows, newest first; opening the page marks it
    read. The choice of e-mail delivery is on the same page."""

    template_name = "follows/notifications.html"
    paginate_by = 30
    paginator_class = CappedPaginator
    context_object_name = "notices"

    def get_queryset(self):
        return Notice.objects.filter(user=signed_in_user(self.request)).only(
            "text", "url", "created_at", "read_at"
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["delivery_form"] = DeliveryForm(
            initial={"delivery": services.delivery_of(signed_in_user(self.request))}
        )
        context["follow_count"] = signed_in_user(self.request).follows.count()
        Notice.objects.filter(user=signed_in_user(self.request), read_at__isnull=True).update(
            read_at=timezone.now()
        )
        return context


class DeliveryView(LoginRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request):
        form = DeliveryForm(request.POST)
        if form.is_valid():
            services.delivery_set(
                user=signed_in_user(request), delivery=form.cleaned_data["delivery"]
            )
            messages.success(request, _("Your choice is saved."))
        else:
            messages.error(request, _("Choose how you want to be told."))
        return redirect("follows:notifications")


class UnsubscribeView(OneClickUnsubscribeView):
    """One click from a letter about what one follows: no more such letters."""

    template_name = "follows/unsubscribe.html"

    def unsubscribe(self, token: str):
        return services.unsubscribe_by_token(token)
