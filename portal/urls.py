"""The portal's own pages at the top of the address book: the home page, the policy and the
staff desk."""

from django.urls import path

from .views import newsletters, pages, people, targets

urlpatterns = [
    path("", pages.HomeView.as_view(), name="home"),
    path("privacy/", pages.PrivacyPolicyView.as_view(), name="privacy"),
    path("privacy/consent/", pages.ConsentDocumentView.as_view(), name="consent_document"),
    path("desk/", pages.DeskView.as_view(), name="desk"),
    path("desk/targets/", targets.TargetsListView.as_view(), name="targets"),
    path("desk/people/", people.PeopleView.as_view(), name="people"),
    path("desk/people/<int:pk>/", people.RolesView.as_view(), name="people_roles"),
    path("desk/newsletters/", newsletters.NewslettersView.as_view(), name="newsletters"),
    path("desk/newsletters/new/", newsletters.NewsletterEditView.as_view(), name="newsletter_new"),
    path("desk/newsletters/<int:pk>/", newsletters.NewsletterView.as_view(), name="newsletter"),
    path(
        "desk/newsletters/<int:pk>/edit/",
        newsletters.NewsletterEditView.as_view(),
        name="newsletter_edit",
    ),
    path(
        "desk/newsletters/<int:pk>/test/",
        newsletters.NewsletterTestView.as_view(),
        name="newsletter_test",
    ),
    path(
        "desk/newsletters/<int:pk>/send/",
        newsletters.NewsletterSendView.as_view(),
        name="newsletter_send",
    ),
    path(
        "desk/targets/<int:year>/<int:quarter>/",
        targets.TargetsEditView.as_view(),
        name="targets_edit",
    ),
]
