"""The one way to write the audit log. Services call ``log_action`` inside their transaction."""

from .models import AuditEntry


def log_action(*, actor, committee, action, target=None, data=None):
    """Record ``action`` (namespaced: ``rollcall.marked``) by ``actor`` in ``committee``."""
    entry = AuditEntry(
        actor=actor if actor is not None and actor.is_authenticated else None,
        committee=committee,
        action=action,
        data=data or {},
    )
    if target is not None:
        entry.target_type = target._meta.label_lower
        entry.target_id = str(target.pk)
        entry.target_repr = str(target)[:300]
    entry.save()
    return entry
