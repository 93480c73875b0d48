"""The state the committee's live messages carry (see ``sessions.live``).

Each part is read afresh after the change commits, in a fixed number of queries whatever
the committee's size, and renders the same fragments the pages render on load, so a screen
shows the same thing whether it followed the message or reloaded.
"""

from django.template.loader import render_to_string

from . import selectors
from .live import part
from .models import Attendance, RollCallEntry

ANSWER_LABELS = dict(Attendance.choices)


@part("roll_call", merge=["answers"])
def roll_call(committee, keys):
    """The roll call of the latest meeting (or of the older meeting whose answer was
    corrected): counts and quorum as the summary card shows them, and the answers changed
    (all of them after a meeting opened, or in a snapshot, with ``full``)."""
    latest = selectors.latest_meeting(committee)
    meeting = latest
    number = keys.get("meeting")
    if (
        number is not None
        and latest is not None
        and number != latest.number
        and keys.get("change") != "removed"
    ):
        meeting = committee.meetings.filter(number=number).first() or latest
    summary = selectors.roll_call_summary(committee, meeting)
    state = {
        "meeting": meeting.number if meeting else None,
        "latest": latest.number if latest else None,
        "meeting_name": meeting.name if meeting else "",
        "labels": ANSWER_LABELS,
        "html": {
            "roll_call_summary": render_to_string(
                "sessions/partials/roll_call_summary_body.html",
                {"committee": committee, "meeting": meeting, "summary": summary},
            )
        },
    }
    if meeting is None:
        state["answers"], state["full"] = {}, True
    elif keys.get("delegation") and not keys.get("change"):
        status = (
            RollCallEntry.objects.filter(meeting=meeting, delegation_id=keys["delegation"])
            .values_list("status", flat=True)
            .first()
        )
        state["answers"] = {str(keys["delegation"]): status}
        state["status"] = status
    else:
        state["answers"] = {
            str(delegation): status
            for delegation, status in RollCallEntry.objects.filter(meeting=meeting).values_list(
                "delegation_id", "status"
            )
        }
        state["full"] = True
    return state


@part("agenda")
def agenda(committee, keys):
    """The agenda as the dashboard and the delegates' home show it, and the open topic."""
    context = {"committee": committee, **selectors.agenda_context(committee)}
    topic = context["open_topic"]
    return {
        "open_topic": {"number": topic.number, "title": topic.title} if topic else None,
        "html": {
            "agenda_list": render_to_string("sessions/partials/agenda_list.html", context),
            "agenda_status": render_to_string("sessions/partials/agenda_status.html", context),
            "open_topic": render_to_string("sessions/partials/open_topic.html", context),
        },
    }
