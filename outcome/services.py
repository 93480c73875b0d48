"""Every change to a committee's documentation: a transaction, the row locked, the check, the
change and one audit entry."""

from django.db import transaction

from sessions import clock
from sessions.audit import log_action
from sessions.errors import DomainError

from .models import Documentation

SUMMARY_LIMIT = 20_000


def _locked(committee):
    Documentation.objects.get_or_create(committee=committee)
    return (
        Documentation.objects.select_for_update(no_key=True)
        .select_related("committee")
        .get(committee=committee)
    )


def summary_save(*, committee, text, actor):
    text = (text or "").replace("\r\n", "\n").strip()
    if len(text) > SUMMARY_LIMIT:
        raise DomainError(f"The summary report is limited to {SUMMARY_LIMIT:,} characters.")
    with transaction.atomic():
        doc = _locked(committee)
        if doc.summary == text:
            return doc
        doc.summary = text
        doc.summary_updated_at = clock.now()
        doc.summary_updated_by = actor
        doc.save(update_fields=["summary", "summary_updated_at", "summary_updated_by"])
        log_action(
            actor=actor,
            committee=committee,
            action="documentation.summary_saved",
            target=doc,
            data={"characters": len(text)},
        )
    return doc


def summary_draft(*, committee, actor):
    """Replace the summary report with a draft written from the record (the dais edits it)."""
    from .record import draft_summary

    with transaction.atomic():
        doc = _locked(committee)
        doc.summary = draft_summary(doc.committee)  # read again: the caller's copy may be stale
        doc.summary_updated_at = clock.now()
        doc.summary_updated_by = actor
        doc.save(update_fields=["summary", "summary_updated_at", "summary_updated_by"])
        log_action(
            actor=actor, committee=committee, action="documentation.summary_drafted", target=doc
        )
    return doc


def documentation_publish(*, committee, actor):
    with transaction.atomic():
        doc = _locked(committee)
        if doc.is_published:
            raise DomainError("The documentation is already published.")
        if not doc.summary.strip():
            raise DomainError("Write the summary report before publishing the documentation.")
        doc.published_at = clock.now()
        doc.published_by = actor
        doc.save(update_fields=["published_at", "published_by"])
        log_action(actor=actor, committee=committee, action="documentation.published", target=doc)
    return doc


def documentation_unpublish(*, committee, actor):
    with transaction.atomic():
        doc = _locked(committee)
        if not doc.is_published:
            raise DomainError("The documentation is not published.")
        doc.published_at = None
        doc.published_by = None
        doc.save(update_fields=["published_at", "published_by"])
        log_action(actor=actor, committee=committee, action="documentation.unpublished", target=doc)
    return doc
