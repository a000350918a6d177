from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views import View

from .. import permissions
from ..models import Organisation

if TYPE_CHECKING:
    _ViewBase = View
else:
    _ViewBase = object


class OrganisationMixin(_ViewBase):
    """Loads the record named in the URL; anyone who may not see it gets a 404, so a draft's
    existence is not revealed."""

    def get_organisation(self) -> Organisation:
        if not hasattr(self, "_organisation"):
            organisation = get_object_or_404(Organisation, slug=self.kwargs["slug"])
            if not permissions.can_view(self.request.user, organisation):
                raise Http404
            self._organisation = organisation
        return self._organisation


class EditorRequiredMixin(OrganisationMixin):
    """Leaders and editors only (and moderators where `allow_moderators`); others get a 404
    for a draft they may not see, a 403 for a published record."""

    allow_moderators = False

    def dispatch(self, request, *args, **kwargs):
        organisation = self.get_organisation()
        allowed = permissions.can_edit(request.user, organisation) or (
            self.allow_moderators and permissions.is_moderator(request.user)
        )
        if not allowed:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)
