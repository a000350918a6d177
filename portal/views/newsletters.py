"""The coordinators' newsletters: write one to a segment, look at it as its people will get
it, send a test to oneself, then send it (portal/services/newsletters.py)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView

from accounts.signed_in import signed_in_user
from civiccenter.kernel.pagination import CappedPaginator

from ..forms import NewsletterForm
from ..models import Newsletter
from ..services import newsletters as service


class NewslettersView(PermissionRequiredMixin, ListView):
    permission_required = "portal.view_newsletter"
    template_name = "portal/newsletters.html"
    context_object_name = "newsletters"
    paginate_by = 30
    paginator_class = CappedPaginator

    def get_queryset(self):
        return service.with_counts(
            Newsletter.objects.only(
                "subject", "audience", "status", "created_at", "sent_at", "planned"
            ).order_by("-created_at", "-id")
        )


class NewsletterEditView(PermissionRequiredMixin, View):
    """A new newsletter, or a draft's changes; a newsletter being sent or sent stays as it
    went."""

    permission_required = "portal.add_newsletter"
    template_name = "portal/newsletter_form.html"

    def _newsletter(self, pk):
        if pk is None:
            return None
        return get_object_or_404(Newsletter, pk=pk, status=Newsletter.Status.DRAFT)

    def get(self, request, pk=None):
        newsletter = self._newsletter(pk)
        form = NewsletterForm(instance=newsletter)
        return render(request, self.template_name, {"form": form, "newsletter": newsletter})

    def post(self, request, pk=None):
        newsletter = self._newsletter(pk)
        form = NewsletterForm(request.POST, instance=newsletter)
        if not form.is_valid():
            context = {"form": form, "newsletter": newsletter}
            return render(request, self.template_name, context, status=400)
        row = form.save(commit=False)
        if row.created_by_id is None:
            row.created_by = signed_in_user(request)
        row.save()
        messages.success(
            request, _("The newsletter is saved. Check it and send a test to yourself.")
        )
        return redirect("newsletter", pk=row.pk)


class NewsletterView(PermissionRequiredMixin, View):
    """The letter as its people get it, who they are and how many; the test and the sending;
    once sent, its letters counted."""

    permission_required = "portal.view_newsletter"
    template_name = "portal/newsletter.html"

    def get(self, request, pk):
        newsletter = get_object_or_404(
            service.with_counts(
                Newsletter.objects.select_related(
                    "topic", "district", "event", "programme", "created_by"
                )
            ),
            pk=pk,
        )
        context = {
            "newsletter": newsletter,
            "paragraphs": service.paragraphs(newsletter.body),
            # Who it would go to, for a draft; a sent one counts its letters instead.
            "recipients": service.recipients(newsletter).count()
            if newsletter.status == Newsletter.Status.DRAFT
            else None,
            "batch": settings.NEWSLETTER_BATCH,
            "interval_minutes": max(1, settings.NEWSLETTER_BATCH_INTERVAL // 60),
        }
        return render(request, self.template_name, context)


class NewsletterTestView(PermissionRequiredMixin, View):
    http_method_names = ["post"]
    permission_required = "portal.add_newsletter"

    def post(self, request, pk):
        newsletter = get_object_or_404(Newsletter, pk=pk)
        author = signed_in_user(request)
        service.test_send(newsletter, author=author)
        messages.success(
            request,
            _("A test letter went to %(email)s. Only you got it.") % {"email": author.email},
        )
        return redirect("newsletter", pk=pk)


class NewsletterSendView(PermissionRequiredMixin, View):
    http_method_names = ["post"]
    permission_required = "portal.add_newsletter"

    def post(self, request, pk):
        newsletter = get_object_or_404(Newsletter, pk=pk)
        if service.send_start(newsletter, actor=signed_in_user(request)):
            messages.success(
                request,
                _("The sending has started; the counts below grow as the letters go."),
            )
        else:
            messages.info(request, _("This newsletter was already sent."))
        return redirect("newsletter", pk=pk)
