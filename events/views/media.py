"""The staff's log of publications in the media: the list, a publication to add or correct,
and removal of one logged by mistake."""

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from accounts.signed_in import signed_in_user
from civiccenter.kernel.editing_views import EditPage
from initiatives.picker import find_pressed

from ..models import Event, MediaPublication
from ..services import media
from ..staff_forms import MediaPublicationForm


class MediaListView(PermissionRequiredMixin, View):
    """Every logged publication, newest first; the report counts them by publication date."""

    permission_required = "events.view_mediapublication"
    template_name = "events/manage/media_list.html"
    per_page = 50

    def get(self, request):
        publications = MediaPublication.objects.select_related("event", "organisation")
        page = Paginator(publications, self.per_page).get_page(request.GET.get("page"))
        context = {"page_obj": page, "publications": page.object_list}
        return render(request, self.template_name, context)


class MediaPublicationPage(EditPage):
    model = MediaPublication
    form_class = MediaPublicationForm
    title_new = gettext_lazy("A publication in the media")
    title_edit = gettext_lazy("A publication in the media")
    intro = gettext_lazy(
        "Each publication is counted in the quarter of its date, in the report's row "
        "«Publications in the media»."
    )
    success_message = gettext_lazy("The publication is logged.")

    def searching(self):
        return find_pressed(self.request)

    def new_object(self):
        """From an event's outcomes page the publication is about that event."""
        publication = MediaPublication()
        event = self.request.GET.get("event", "")
        if event.isdigit():
            publication.event = Event.objects.filter(pk=event).first()
        return publication

    def get_context_data(self, **context):
        context = super().get_context_data(**context)
        context["back_url"] = reverse("events:media")
        context["back_label"] = _("Publications in the media")
        return context

    def save(self, form, formsets):
        return media.media_publication_save(form=form, user=signed_in_user(self.request))

    def get_success_url(self, instance):
        return reverse("events:media")


class MediaPublicationDeleteView(PermissionRequiredMixin, View):
    permission_required = "events.delete_mediapublication"
    http_method_names = ["post"]

    def post(self, request, pk):
        publication = get_object_or_404(MediaPublication, pk=pk)
        media.media_publication_delete(publication=publication, user=signed_in_user(request))
        messages.success(request, _("The publication is removed from the log."))
        return redirect("events:media")
