"""The portal's own pages at the top of the address book: the home page, the policy and the
staff desk."""

from django.urls import path

from .views import pages, people, targets

urlpatterns = [
    path("", pages.HomeView.as_view(), name="home"),
    path("privacy/", pages.PrivacyPolicyView.as_view(), name="privacy"),
    path("privacy/consent/", pages.ConsentDocumentView.as_view(), name="consent_document"),
    path("desk/", pages.DeskView.as_view(), name="desk"),
    path("desk/targets/", targets.TargetsListView.as_view(), name="targets"),
    path("desk/people/", people.PeopleView.as_view(), name="people"),
    path("desk/people/<int:pk>/", people.RolesView.as_view(), name="people_roles"),
    path(
        "desk/targets/<int:year>/<int:quarter>/",
        targets.TargetsEditView.as_view(),
        name="targets_edit",
    ),
]
