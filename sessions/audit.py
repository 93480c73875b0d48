"""The one way to write the audit log. Services call ``log_action`` inside their transaction."""

from .models import AuditEntry

# How the timeline says each action: "{key}" names come from the entry's data. Apps that
# depend on this one add their own actions with ``describe_actions`` in AppConfig.ready().
DESCRIPTIONS = {
    "meeting.opened": "opened meeting {number}: {name}",
    "rollcall.marked": "roll call: {delegation} {status_label}",
    "rollcall.corrected": "corrected roll call: {delegation} {status_label} (was {previous_label})",
    "topic.proposed": "proposed topic {number}: {title}",
    "agenda.adopted": "{text}",
    "topic.opened": "opened topic {number}: {title}",
    "topic.closed": "closed topic {number} ({reason})",
    "delegation.added": "added the delegation of {name}",
    "user.imported": "imported account {username} ({role})",
}


def describe_actions(descriptions):
    DESCRIPTIONS.update(descriptions)


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
