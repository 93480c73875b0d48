from django import template
from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils import dateformat
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.timezone import localtime

from ..audit import DESCRIPTIONS
from ..models import Attendance

register = template.Library()

STATUS_LABELS = dict(Attendance.choices)


class _Default(dict):
    def __missing__(self, key):
        return "?"


@register.filter
def describe(entry):
    """A sentence for one audit entry; unknown actions fall back to their name and target."""
    data = _Default(entry.data or {})
    data["status_label"] = STATUS_LABELS.get(data.get("status"), data.get("status", "")).lower()
    data["previous_label"] = STATUS_LABELS.get(
        data.get("previous"), data.get("previous", "")
    ).lower()
    template_text = DESCRIPTIONS.get(entry.action)
    if template_text is None:
        return f"{entry.action.replace('.', ' ').replace('_', ' ')} {entry.target_repr}".strip()
    return template_text.format_map(data)


@register.simple_tag
def timeline_rows(entries):
    """The timeline's entries, newest first, drawn in Python (the dashboard and its live
    refresh draw fifteen on every request: a template per entry cost more than the query)."""
    rows = []
    for entry in entries:
        actor = entry.actor
        who = (actor.get_full_name() or actor.username) if actor is not None else "system"
        when = dateformat.format(localtime(entry.created_at), "D j M Y, H:i")
        rows.append(
            f'<li class="py-1 border-bottom d-flex gap-3" data-action="{escape(entry.action)}">'
            f'<span class="time small">{when}</span>'
            f'<span class="flex-grow-1">{escape(describe(entry))}</span>'
            f'<span class="small text-body-secondary text-nowrap">{escape(who)}</span></li>'
        )
    if not rows:
        rows.append('<li class="text-body-secondary">Nothing has happened yet.</li>')
    return mark_safe("\n".join(rows))


@register.simple_tag(takes_context=True)
def panel(context, panel):
    """Draw a dashboard panel (``panels.dashboard_panels``) with its own values on top of the
    page's context, as an include would."""
    template_name, values = panel
    template = context.template.engine.get_template(template_name)
    with context.push(**values):
        return template.render(context)


@register.filter
def attendance(value):
    """The Attendance choice for a stored answer ("present"), or None when unanswered."""
    try:
        return Attendance(value) if value else None
    except ValueError:
        return None


# The roll call's rows ---------------------------------------------------------------------
# A General Assembly committee has 193 rows: rendered here in Python, with what every row
# shares (the CSRF token, the form's address, the badges) computed once, the page costs a
# few milliseconds instead of a template include, a URL reversal and a CSRF mask per row.

_BUTTONS = (
    ("present", "p", "present", "primary", "Present (P)", "P"),
    ("present_voting", "v", "present and voting", "success", "Present and voting (V)", "V"),
    ("absent", "a", "absent", "secondary", "Absent (A)", "A"),
)


def answer_badge(status):
    answer = attendance(status)
    if answer is None:
        return mark_safe('<span class="text-body-secondary small">—</span>')
    return format_html('<span class="badge {}">{}</span>', answer.badge_class, answer.label)


@register.simple_tag(takes_context=True)
def roll_call_rows(context, rows):
    """The rows of the roll-call table: ``rows`` is [(delegation, status or None)]."""
    can_mark = context.get("can_mark")
    marks = None
    if can_mark:
        committee, meeting = context["committee"], context["meeting"]
        action = reverse(
            "committee:roll_call_mark",
            kwargs={"committee": committee.slug, "number": meeting.number, "delegation": 0},
        )
        marks = (
            escape(action[: -len("0/")]),
            escape(get_token(context["request"])),
        )
    return mark_safe("".join(_row(delegation, status, marks) for delegation, status in rows))


@register.simple_tag(takes_context=True)
def roll_call_row(context, delegation, status):
    """One row (the answer to a mark, swapped into the table)."""
    return roll_call_rows(context, [(delegation, status)])


# What a row shows for each answer (None: not yet called): its badge and its words.
_SHOWN = {
    status: (answer_badge(status), escape(answer.label) if answer else "not yet called")
    for status, answer in [(None, None), *((a.value, a) for a in Attendance)]
}


def _row(delegation, status, marks):
    name = escape(delegation.name)
    badge, words = _SHOWN.get(status) or _SHOWN[None]
    observer = (
        ' <span class="badge text-bg-light border">observer</span>'
        if delegation.is_observer
        else ""
    )
    parts = [
        f'<tr id="d{delegation.pk}" tabindex="0" data-delegation="{name}" '
        f'data-status="{status or ""}" aria-label="{name}: {words}">'
        f'<td class="name">{name}{observer}'
        f'<div class="answer-inline d-sm-none">{badge}</div>'
        '<div class="save-state small" aria-live="polite"></div></td>'
        f'<td class="answer d-none d-sm-table-cell">{badge}</td>'
    ]
    if marks is not None:
        action, token = marks
        parts.append(
            '<td class="marks text-end text-nowrap">'
            f'<form method="post" action="{action}{delegation.pk}/" class="d-inline mark-form">'
            f'<input type="hidden" name="csrfmiddlewaretoken" value="{token}">'
        )
        for value, key, words, colour, title, letter in _BUTTONS:
            style = f"btn-{colour}" if status == value else f"btn-outline-{colour}"
            parts.append(
                f'<button type="submit" name="status" value="{value}" data-key="{key}" '
                f'aria-label="{name}: {words}" class="btn btn-sm btn-mark {style}" '
                f'title="{title}">{letter}</button>'
            )
        parts.append("</form></td>")
    parts.append("</tr>")
    return "".join(parts)
