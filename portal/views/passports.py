"""The practice passport editor, its public page and its PDF."""

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from ..models import PracticePassport
from ..passport_tables import TABLES
from ..services import passports

EMPTY_ROWS = 2


class PassportForm(forms.ModelForm):
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


def _may_edit(user, passport: PracticePassport) -> bool:
    return passport.author_id == user.pk or user.has_perm("portal.change_practicepassport")


def _may_view(user, passport: PracticePassport) -> bool:
    return passport.status == PracticePassport.Status.PUBLISHED or (
        user.is_authenticated
        and (_may_edit(user, passport) or user.has_perm("portal.view_practicepassport"))
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
            if request.user.has_perm("portal.view_practicepassport"):
                mine = PracticePassport.objects.exclude(status=PracticePassport.Status.PUBLISHED)
            else:
                mine = PracticePassport.objects.filter(author=request.user).exclude(
                    status=PracticePassport.Status.PUBLISHED
                )
        return render(request, "passports/passports.html", {"published": published, "drafts": mine})


class PassportEditView(LoginRequiredMixin, View):
    template_name = "passports/passport_form.html"

    def _passport(self, request, pk):
        if pk is None:
            return None
        passport = get_object_or_404(PracticePassport, pk=pk)
        if not _may_edit(request.user, passport):
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
            "form": PassportForm(instance=passport),
            "passport": passport,
            "tables": _table_context(tables, {}),
        }
        return render(request, self.template_name, context)

    def post(self, request, pk=None):
        passport = self._passport(request, pk)
        form = PassportForm(request.POST, instance=passport)
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
            "sections": [
                (key, title, columns, passport.tables.get(key, []))
                for key, (title, columns) in TABLES.items()
            ],
            "costs_total": passports.costs_total(passport.tables),
            "may_edit": request.user.is_authenticated and _may_edit(request.user, passport),
            "versions": passport.versions.select_related("author")[:20],
        }
        return render(request, "passports/passport.html", context)


class PassportActionView(LoginRequiredMixin, View):
    """POST: publish, or make the PDF of the current version."""

    http_method_names = ["post"]

    def post(self, request, pk, action):
        passport = get_object_or_404(PracticePassport, pk=pk)
        if not _may_edit(request.user, passport):
            raise PermissionDenied
        try:
            if action == "publish":
                passports.passport_publish(passport=passport, user=request.user)
                messages.success(request, _("The passport is published."))
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
