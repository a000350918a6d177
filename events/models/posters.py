"""The poster session: stand reports, review, jury scores, a public vote, awards."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from civiccenter.kernel.uploads import GeneratedName
from initiatives.models import Organisation

from ..validators import validate_poster
from .core import Event


class StandReport(models.Model):
    class Status(models.TextChoices):
        """submitted → changes requested → resubmitted → accepted or declined."""

        SUBMITTED = "submitted", _("Submitted")
        CHANGES = "changes", _("Changes requested")
        RESUBMITTED = "resubmitted", _("Resubmitted")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    # What staff may decide, and what an author may still change.
    DECISIONS = (Status.CHANGES, Status.ACCEPTED, Status.DECLINED)
    OPEN_TO_AUTHOR = (Status.SUBMITTED, Status.CHANGES, Status.RESUBMITTED)

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="stand_reports")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="stand_reports"
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("title"), max_length=255)
    abstract = models.TextField(_("abstract"))
    poster = models.FileField(
        _("poster"),
        upload_to=GeneratedName("posters/%Y", "poster", (".pdf", ".png", ".jpg")),
        validators=[validate_poster],
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.SUBMITTED
    )
    award = models.CharField(_("award"), max_length=255, blank=True)
    submitted_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("stand report")
        verbose_name_plural = _("stand reports")
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "organisation"], name="one_report_per_initiative"
            )
        ]

    def __str__(self) -> str:
        return self.title


class ReportComment(models.Model):
    report = models.ForeignKey(StandReport, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.text[:60]


class JuryScore(models.Model):
    class Criterion(models.TextChoices):
        RELEVANCE = "relevance", _("Relevance for the city")
        RESULTS = "results", _("Results achieved")
        PRESENTATION = "presentation", _("Presentation")

    report = models.ForeignKey(StandReport, on_delete=models.CASCADE, related_name="scores")
    juror = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    criterion = models.CharField(_("criterion"), max_length=16, choices=Criterion.choices)
    score = models.PositiveSmallIntegerField(_("score"))

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["report", "juror", "criterion"], name="one_score_per_criterion"
            ),
            models.CheckConstraint(
                condition=Q(score__gte=1, score__lte=10),
                name="score_1_to_10",
                violation_error_message=_("A score is from 1 to 10."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.report_id} · {self.criterion}: {self.score}"


class PublicVote(models.Model):
    """One vote per account per event."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="votes")
    report = models.ForeignKey(StandReport, on_delete=models.CASCADE, related_name="votes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="one_vote_per_account")
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.report_id}"
