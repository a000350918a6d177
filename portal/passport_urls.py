from django.urls import path, re_path

from .views import passports

app_name = "passports"

urlpatterns = [
    path("", passports.PassportListView.as_view(), name="list"),
    path("new/", passports.PassportEditView.as_view(), name="create"),
    path("<int:pk>/", passports.PassportView.as_view(), name="detail"),
    path("<int:pk>/edit/", passports.PassportEditView.as_view(), name="edit"),
    path("<int:pk>/passport.pdf", passports.PassportPdfView.as_view(), name="pdf"),
    re_path(
        r"^(?P<pk>\d+)/(?P<action>publish|submit|approve|return|pdf)/$",
        passports.PassportActionView.as_view(),
        name="action",
    ),
]
