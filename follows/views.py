from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import ListView

from accounts.signed_in import signed_in_user
from civiccenter.kernel.pagination import CappedPaginator

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


@method_decorator(csrf_exempt, name="dispatch")
class UnsubscribeView(View):
    """One-click unsubscribe from the letters about what one follows, without signing in
    (RFC 8058). A GET shows one button, so a link checker opening the page changes nothing;
    a POST — the button, or a mail client's List-Unsubscribe-Post — unsubscribes. The token
    is the proof, so the form needs no CSRF token."""

    template_name = "follows/unsubscribe.html"

    def get(self, request, token: str):
        return render(request, self.template_name, {"token": token, "done": False})

    def post(self, request, token: str):
        user = services.unsubscribe_by_token(token)
        if user is None:
            return render(request, self.template_name, {"invalid": True}, status=400)
        if request.POST.get("List-Unsubscribe") == "One-Click":
            return HttpResponse(status=204)
        return render(request, self.template_name, {"done": True})
