import json
from typing import cast

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.mixins import LoginRequiredMixin, UserPassesTestMixin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView, TemplateView, UpdateView

from civiccenter.kernel import audit, personal_data
from civiccenter.kernel.unsubscribe_views import OneClickUnsubscribeView

from . import api_tokens, personal_data_page, services
from .consent_gate import remember_consent
from .forms import ApiTokenForm, ConsentForm, ConsentWithdrawalForm, ProfileForm
from .models import User
from .roles import Role, is_staff_or_administration, user_roles
from .signed_in import signed_in_user


class ProfileView(LoginRequiredMixin, UpdateView):
    form_class = ProfileForm
    template_name = "accounts/profile.html"
    success_url = reverse_lazy("accounts:profile")

    def get_object(self, queryset=None):
        return self.request.user

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        labels = dict(Role.choices)
        context["roles"] = [labels[name] for name in sorted(user_roles(self.request.user))]
        context["consent"] = services.active_consent(cast(User, self.request.user))
        context["withdrawal_form"] = ConsentWithdrawalForm()
        return context

    def form_valid(self, form):
        messages.success(self.request, _("Your profile has been saved."))
        return super().form_valid(form)


class ConsentGiveView(LoginRequiredMixin, FormView):
    """Where the consent gate sends a person without a consent to the policy in force."""

    form_class = ConsentForm
    template_name = "accounts/consent.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["previous"] = services.active_consent(cast(User, self.request.user))
        context["next"] = self._next()
        return context

    def form_valid(self, form):
        user = cast(User, self.request.user)
        if not services.consent_is_current(user):
            services.consent_record(user=user, ip_address=get_adapter().get_client_ip(self.request))
        remember_consent(self.request, user)
        messages.success(self.request, _("Thank you: your consent has been recorded."))
        return redirect(self._next())

    def _next(self) -> str:
        target = self.request.POST.get("next") or self.request.GET.get("next") or ""
        if url_has_allowed_host_and_scheme(
            target, allowed_hosts={self.request.get_host()}, require_https=self.request.is_secure()
        ):
            return target
        return str(reverse_lazy("home"))


class ConsentWithdrawView(LoginRequiredMixin, FormView):
    """POST only: the profile page shows the form; errors re-render that page."""

    form_class = ConsentWithdrawalForm
    http_method_names = ["post"]

    def form_valid(self, form):
        user = cast(User, self.request.user)
        services.consent_withdraw(user=user, ip_address=get_adapter().get_client_ip(self.request))
        logout(self.request)
        messages.info(
            self.request,
            _(
                "Your consent has been withdrawn and your account closed. Your personal data "
                "will be anonymised within 30 days."
            ),
        )
        return redirect("home")

    def form_invalid(self, form):
        view = ProfileView(request=self.request, kwargs={})
        view.object = self.request.user
        context = view.get_context_data(form=ProfileForm(instance=self.request.user))
        context["withdrawal_form"] = form
        return view.render_to_response(context)


class PublicationConsentView(LoginRequiredMixin, View):
    """POST only: the profile's box for the consent to the publication of one's name."""

    http_method_names = ["post"]

    def post(self, request):
        publishes = request.POST.get("publishes_name") == "on"
        services.publication_consent_set(user=signed_in_user(request), publishes=publishes)
        messages.success(
            request,
            _("Your name may now be shown on the portal's public pages.")
            if publishes
            else _("Your name is no longer shown on the portal's public pages."),
        )
        return redirect("accounts:profile")


class NewsletterConsentView(LoginRequiredMixin, View):
    """POST only: the profile's box for the consent to the centre's newsletters."""

    http_method_names = ["post"]

    def post(self, request):
        receives = request.POST.get("receives_newsletters") == "on"
        services.newsletter_consent_set(user=signed_in_user(request), receives=receives)
        messages.success(
            request,
            _("The centre's newsletters will come to your e-mail.")
            if receives
            else _("The centre will no longer send you newsletters."),
        )
        return redirect("accounts:profile")


class NewsletterUnsubscribeView(OneClickUnsubscribeView):
    """The link of every newsletter: withdraws the consent to newsletters."""

    template_name = "accounts/newsletter_unsubscribe.html"

    def unsubscribe(self, token: str):
        return services.newsletter_unsubscribe(token)


class StaffOrAdministrationMixin(UserPassesTestMixin):
    request: HttpRequest

    def test_func(self):
        return is_staff_or_administration(self.request.user)


class ApiTokensView(StaffOrAdministrationMixin, View):
    """A member of staff's keys to the read API's exports: make one (shown once), see when
    each was last used, revoke one."""

    template_name = "accounts/api_tokens.html"

    def _render(self, request, *, form, key=None, status=200):
        tokens = api_tokens.tokens_of(signed_in_user(request))
        context = {"form": form, "tokens": tokens, "key": key, "now": timezone.now()}
        return render(request, self.template_name, context, status=status)

    def get(self, request):
        return self._render(request, form=ApiTokenForm())

    def post(self, request):
        form = ApiTokenForm(request.POST)
        if not form.is_valid():
            return self._render(request, form=form, status=400)
        _token, key = api_tokens.token_make(
            user=signed_in_user(request), name=form.cleaned_data["name"]
        )
        return self._render(request, form=ApiTokenForm(), key=key)


class ApiTokenRevokeView(StaffOrAdministrationMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk: int):
        if api_tokens.token_revoke(user=signed_in_user(request), pk=pk):
            messages.success(request, _("The key is revoked: it opens nothing any more."))
        return redirect("accounts:api_tokens")


class PersonalDataView(LoginRequiredMixin, View):
    """The person's own data from every app, as a JSON file (152-FZ art. 14); each download
    is recorded in the account's trail."""

    def get(self, request):
        user = signed_in_user(request)
        data = {
            "portal": settings.CENTRE_NAME,
            "generated_at": personal_data.plain(timezone.now()),
            **personal_data.collect(user),
        }
        audit.record(user, actor=user, action="data_downloaded")
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = 'attachment; filename="my-data.json"'
        response["Cache-Control"] = "no-store"
        return response


class PersonalDataPageView(LoginRequiredMixin, TemplateView):
    """The same data as a page to read; each view is recorded in the account's trail."""

    template_name = "accounts/my_data.html"

    def get_context_data(self, **kwargs):
        user = signed_in_user(self.request)
        audit.record(user, actor=user, action="data_viewed")
        return super().get_context_data(
            generated_at=timezone.now(),
            sections=personal_data_page.sections(personal_data.collect_values(user)),
            **kwargs,
        )
