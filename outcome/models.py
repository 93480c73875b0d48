"""The committee's documentation: its summary report and whether it is published."""

from django.conf import settings
from django.db import models

from sessions import clock
from sessions.models import Committee


class Documentation(models.Model):
    committee = models.OneToOneField(
        Committee, on_delete=models.CASCADE, related_name="documentation"
    )
    summary = models.TextField(
        blank=True,
        help_text="The summary report: paragraphs separated by a blank line; lines starting "
        "with “1. ” form a numbered list.",
    )
    summary_updated_at = models.DateTimeField(null=True, blank=True)
    summary_updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=clock.now)

    class Meta:
        verbose_name_plural = "documentation"

    def __str__(self):
        return f"Documentation of {self.committee.acronym}"

    @property
    def is_published(self):
        return self.published_at is not None
