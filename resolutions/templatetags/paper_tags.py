from django import template

register = template.Library()


@register.filter
def duration(delta):
    """A waiting time as people say it: "4 min", "1 h 20 min"."""
    if delta is None:
        return ""
    minutes = int(delta.total_seconds() // 60)
    if minutes < 1:
        return "just now"
    hours, minutes = divmod(minutes, 60)
    if not hours:
        return f"{minutes} min"
    return f"{hours} h {minutes} min" if minutes else f"{hours} h"
