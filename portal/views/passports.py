"""The practice passport editor, its public page and its PDF."""

from typing import cast

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from accounts.signed_in import SignedInUserMixin
from initiatives.models import Membership, Organisation
from initiatives.selectors import organisations_of

from .. import passport_sections
from ..models import PracticePassport
from ..passport_tables import TABLES
from ..services import passports

EMPTY_ROWS = 2


class PassportForm(forms.ModelForm):
    """The passport's fields; the initiative is one of the person's own (a coordinator may
    also keep the one already chosen)."""

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        choices = organisations_of(user)
        if self.instance.organisation_id:
            choices = choices | Organisation.objects.filter(pk=self.instance.organisation_id)
        field = cast(forms.ModelChoiceField, self.fields["organisation"])
        field.queryset = choices.distinct().order_by("name")
        field.empty_label = _("None: a practice of the centre itself")

    class Meta:
        model = PracticePassport
        fields = passports.FIELDS
        widgets = {
            name: forms.Textarea(attrs={"rows": 3})
            for name in (
                "donor_practice",
                "preconditions",
                "indicators_before",
                "goals",
                "business_model",
                "description",
                "indicators_after",
                "team_leader",
            )
        }

    use_required_attribute = False


def _may_view(user, passport: PracticePassport) -> bool:
    return passport.status == PracticePassport.Status.PUBLISHED or (
        user.is_authenticated
        and (passports.may_edit(user, passport) or user.has_perm("portal.view_practicepassport"))
    )


def _table_context(tables: dict, errors: dict) -> list[dict]:
    return [
        {
            "key": key,
            "title": title,
            "columns": columns,
            "rows": tables.get(key, []) + [dict.fromkeys((c[0] for c in columns), "")] * EMPTY_ROWS,
            "errors": errors.get(key, []),
        }
        for key, (title, columns) in TABLES.items()
    ]


class PassportListView(View):
    def get(self, request):
        published = PracticePassport.objects.filter(status=PracticePassport.Status.PUBLISHED)
        mine = PracticePassport.objects.none()
        if request.user.is_authenticated:
            unpublished = PracticePassport.objects.exclude(
                status=PracticePassport.Status.PUBLISHED
            ).select_related("organisation")
            if request.user.has_perm("portal.view_practicepassport"):
                mine = unpublished
            else:
                team = Membership.objects.filter(user=request.user).values("organisation_id")
                mine = unpublished.filter(Q(author=request.user) | Q(organisation_id__in=team))
        context = {"published": published, "drafts": mine.order_by("-updated_at")}
        return render(request, "passports/passports.html", context)


class PassportEditView(LoginRequiredMixin, View):
    template_name = "passports/passport_form.html"

    def _passport(self, request, pk):
        if pk is None:
            return None
        passport = get_object_or_404(PracticePassport, pk=pk)
        if not passports.may_edit(request.user, passport):
            raise PermissionDenied
        return passport

    def get(self, request, pk=None):
        passport = self._passport(request, pk)
        tables = dict(passport.tables) if passport else {}
        if passport and request.GET.get("prefill") == "event":
            tables["results"] = tables.get("results", []) + passports.figures_for(passport)
            messages.info(
                request, _("The event's recorded figures are added to the results; check and save.")
            )
        context = {
            "form": PassportForm(instance=passport, user=request.user),
            "passport": passport,
            "tables": _table_context(tables, {}),
        }
        return render(request, self.template_name, context)

    def post(self, request, pk=None):
        passport = self._passport(request, pk)
        form = PassportForm(request.POST, instance=passport, user=request.user)
        tables, errors = passports.parse_tables(request.POST)
        if form.is_valid() and not errors:
            try:
                passport = passports.passport_save(
                    author=request.user, passport=passport, fields=form.cleaned_data, tables=tables
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("The passport is saved (version %(version)s).")
                    % {"version": passport.version},
                )
                return redirect("passports:detail", passport.pk)
        context = {
            "form": form,
            "passport": passport,
            "tables": _table_context(tables, errors),
            "has_errors": True,
        }
        return render(request, self.template_name, context)


class PassportView(View):
    def get(self, request, pk):
        passport = get_object_or_404(
            PracticePassport.objects.select_related("event", "series", "programme"), pk=pk
        )
        if not _may_view(request.user, passport):
            raise Http404
        context = {
            "passport": passport,
            "sections": passport_sections.sections(passport),
            "costs_total": passports.costs_total(passport.tables),
            "may_edit": passports.may_edit(request.user, passport),
            "is_moderator": request.user.is_authenticated and passports.is_moderator(request.user),
            "versions": passport.versions.select_related("author")[:20],
        }
        return render(request, "passports/passport.html", context)


class PassportActionView(LoginRequiredMixin, SignedInUserMixin, View):
    """POST: send for approval; a coordinator publishes, approves or returns; make the PDF."""

    http_method_names = ["post"]

    def post(self, request, pk, action):
        passport = get_object_or_404(PracticePassport, pk=pk)
        user = self.person
        moderating = action in ("publish", "approve", "return")
        if not (passports.is_moderator(user) if moderating else passports.may_edit(user, passport)):
            raise PermissionDenied
        try:
            if action == "publish":
                passports.passport_publish(passport=passport, user=user)
                messages.success(request, _("The passport is published."))
            elif action == "submit":
                passports.passport_submit(passport=passport, user=user)
                messages.success(
                    request, _("The passport is sent to the centre's coordinators for approval.")
                )
            elif action == "approve":
                passports.passport_approve(passport=passport, moderator=user)
                messages.success(request, _("The passport is approved and published."))
            elif action == "return":
                passports.passport_return(
                    passport=passport, moderator=user, reason=request.POST.get("reason", "")
                )
                messages.success(request, _("The passport is returned to its author."))
            elif passports.passport_pdf_request(passport=passport):
                messages.info(
                    request, _("The PDF is being prepared. Refresh the page in a minute.")
                )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect("passports:detail", pk)


class PassportPdfView(View):
    def get(self, request, pk):
        passport = get_object_or_404(
            PracticePassport, pk=pk, pdf_state=PracticePassport.PdfState.READY
        )
        if not _may_view(request.user, passport):
            raise Http404
        return FileResponse(
            passport.pdf.open("rb"), as_attachment=True, filename=f"passport-{passport.pk}.pdf"
        )
