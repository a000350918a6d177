"""Coffee with the Mayor and meetings with the head of the city: questions, support,
answers and the commitments that follow — tracked until done (seed 002: 3 meetings, 100
participants, 0 projects implemented)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from initiatives.models import Organisation

from .core import Event


class Question(models.Model):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Awaiting moderation")
        ON_AGENDA = "on_agenda", _("On the agenda")
        REJECTED = "rejected", _("Not accepted")
        ANSWERED = "answered", _("Answered")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="questions")
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="questions",
        verbose_name=_("initiative"),
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("question or proposal"))
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.SUBMITTED
    )
    position = models.PositiveIntegerField(_("place on the agenda"), null=True, blank=True)
    answer = models.TextField(_("answer"), blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["position", "created_at"]

    def __str__(self) -> str:
        return self.text[:60]


class QuestionSupport(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="supports")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["question", "user"], name="one_support_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.question_id}"


class Commitment(models.Model):
    """What the authorities promised at a meeting, who is responsible and by when."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="commitments")
    question = models.ForeignKey(
        Question, on_delete=models.SET_NULL, null=True, blank=True, related_name="commitments"
    )
    what = models.TextField(_("what is promised"))
    responsible = models.CharField(_("responsible"), max_length=255)
    responsible_email = models.EmailField(
        _("e-mail of the responsible"),
        blank=True,
        help_text=_("Told when the commitment falls overdue, with the administration."),
    )
    due_on = models.DateField(_("due date"))
    done_on = models.DateField(_("done on"), null=True, blank=True)
    report = models.TextField(_("what was done"), blank=True)
    overdue_notified_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return self.what[:60]

    @property
    def is_done(self) -> bool:
        return self.done_on is not None
