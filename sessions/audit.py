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
    "topic.reopened": "reopened topic {number}: {title}",
    "meeting.removed": "removed meeting {number}: {name} (opened by mistake)",
    "delegation.added": "added the delegation of {name}",
    "user.imported": "imported account {username} ({role})",
    "floor.speaker_added": "speakers list: {delegation} added",
    "floor.speaker_withdrawn": "speakers list: {delegation} withdrawn",
    "floor.speech_started": "{delegation} has the floor ({time})",
    "floor.speech_ended": "{delegation} spoke {spoken}",
    "floor.questions_ended": "{delegation} answered questions for {spoken}",
    "floor.resumed": "the meeting resumed before the suspension's end",
    "motion.raised": "motion raised: {subject}",
    "motion.withdrawn": "motion withdrawn: {subject}",
    "motion.decided": "motion {outcome}: {subject} ({result})",
}


# The timeline's filter by kind of action: key -> (label, action prefixes). Apps add theirs
# with ``timeline_kinds`` in AppConfig.ready().
KINDS = {
    "roll_call": ("Meetings and roll call", ("meeting.", "rollcall.")),
    "agenda": ("Agenda and topics", ("agenda.", "topic.")),
    "delegations": ("Delegations and accounts", ("delegation.", "user.")),
    "floor": ("The floor: speakers and motions", ("floor.", "motion.")),
}

# Who may read which entries: apps whose records are not open to every reader of the
# timeline register ``rule(committee, access) -> Q`` of the entries to leave out for them.
HIDDEN = []


def describe_actions(descriptions):
    DESCRIPTIONS.update(descriptions)


def timeline_kinds(kinds):
    KINDS.update(kinds)


def hide_from_timeline(rule):
    HIDDEN.append(rule)
    return rule


def log_action(*, actor, committee, action, target=None, data=None):
    """Record ``action`` (namespaced: ``rollcall.marked``) by ``actor`` in ``committee``."""
    entry = audit_entry(actor=actor, committee=committee, action=action, target=target, data=data)
    entry.save()
    return entry


def audit_entry(*, actor, committee, action, target=None, data=None):
    """The entry ``log_action`` saves, not saved yet (for a caller that writes it with its
    other statements, as a roll-call answer does)."""
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
    return entry
