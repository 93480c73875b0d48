from django import template
from django.utils.html import format_html

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


@register.filter
def attendance(value):
    """The Attendance choice for a stored answer ("present"), or None when unanswered."""
    try:
        return Attendance(value) if value else None
    except ValueError:
        return None


@register.simple_tag(takes_context=True)
def menu_badge(context, entry):
    """The count a menu entry shows beside its label (a context variable it names), if any."""
    count = context.get(entry.badge) if entry.badge else None
    if not count:
        return ""
    return format_html(
        ' <span class="badge rounded-pill text-bg-warning" title="{}">{}</span>',
        entry.badge_title,
        count,
    )
