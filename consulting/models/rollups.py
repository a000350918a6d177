"""The consultation log summed ahead, so that a quarter's totals read a few thousand rows
instead of joining a quarter's 250,000 entries with their consultants and initiatives (5
seconds over 5 million entries): per day and topic, per day and consultant, and per quarter
and initiative. Derived data, kept by consulting/rollups.py in the transaction of every
change to the log; never edited by hand."""

from django.db import models

from initiatives.models import Organisation

from .catalogue import Consultant, ConsultingTopic


class DailyTopicTotal(models.Model):
    day = models.DateField()
    topic = models.ForeignKey(ConsultingTopic, on_delete=models.CASCADE, related_name="+")
    minutes = models.IntegerField()
    sessions = models.IntegerField()
    people = models.IntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["day", "topic"], name="daily_topic_total_unique")
        ]

    def __str__(self) -> str:
        return f"{self.day} · {self.topic_id}: {self.minutes} min"


class DailyConsultantTotal(models.Model):
    day = models.DateField()
    consultant = models.ForeignKey(Consultant, on_delete=models.CASCADE, related_name="+")
    minutes = models.IntegerField()
    sessions = models.IntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["day", "consultant"], name="daily_consultant_total_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.day} · {self.consultant_id}: {self.minutes} min"


class QuarterInitiativeTotal(models.Model):
    quarter_start = models.DateField()
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    minutes = models.IntegerField()
    sessions = models.IntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["quarter_start", "organisation"], name="quarter_initiative_total_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.quarter_start} · {self.organisation_id}: {self.minutes} min"
