"""People and roles: coordinators find an account and give it the roles of the centre's work
(a new consultant, trainer or coordinator) without the Django admin."""

from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from accounts.models import User
from accounts.roles import Role
from accounts.services import user_set_roles
from accounts.signed_in import signed_in_user
from civiccenter.kernel.access_log import RecordsPersonalDataViews


class RolesForm(forms.Form):
    roles = forms.MultipleChoiceField(
        label=gettext_lazy("Roles"),
        choices=Role.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class PeopleView(PermissionRequiredMixin, RecordsPersonalDataViews, View):
    """Accounts found by e-mail or name, 50 a page, each with its roles (two queries)."""

    permission_required = "accounts.change_user"
    template_name = "pages/people.html"

    def get(self, request):
        text = request.GET.get("q", "").strip()
        people = User.objects.filter(is_active=True).prefetch_related("groups")
        if text:
            people = people.filter(
                Q(email__icontains=text)
                | Q(last_name__icontains=text)
                | Q(first_name__icontains=text)
            )
        page = Paginator(people.order_by("last_name", "first_name", "email"), 50).get_page(
            request.GET.get("page")
        )
        labels = dict(Role.choices)
        rows = [
            {"user": user, "roles": [labels.get(g.name, g.name) for g in user.groups.all()]}
            for user in page.object_list
        ]
        context = {
            "rows": rows,
            "page_obj": page,
            "q": text,
            "query_string": urlencode({"q": text}) if text else "",
        }
        return render(request, self.template_name, context)


class RolesView(PermissionRequiredMixin, View):
    permission_required = "accounts.change_user"
    template_name = "pages/people_roles.html"

    def _person(self, pk) -> User:
        person = get_object_or_404(User, pk=pk, is_active=True)
        if person.is_superuser:
            raise Http404  # a superuser's account is the superusers' own business
        return person

    def _render(self, request, person, form):
        return render(request, self.template_name, {"person": person, "form": form})

    def get(self, request, pk):
        person = self._person(pk)
        initial = {"roles": list(person.groups.values_list("name", flat=True))}
        return self._render(request, person, RolesForm(initial=initial))

    def post(self, request, pk):
        person = self._person(pk)
        form = RolesForm(request.POST)
        if not form.is_valid():
            return self._render(request, person, form)
        user_set_roles(user=person, roles=form.cleaned_data["roles"], actor=signed_in_user(request))
        messages.success(request, _("The roles are saved."))
        return redirect("people")
