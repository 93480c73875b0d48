NAV = {
    "dashboard": "dashboard",
    "timeline": "timeline",
    "roll_call": "roll_call",
    "roll_call_meeting": "roll_call",
    "meeting_create": "roll_call",
    "agenda": "agenda",
    "topic_propose": "agenda",
    "agenda_adopt": "agenda",
    "delegate_home": "delegate",
    "conference_overview": "conference",
    "papers": "papers",
    "paper": "papers",
    "paper_edit": "papers",
    "paper_paste": "papers",
    "paper_compare": "papers",
    "queue": "review",
    "floor": "floor",
    "review": "review",
    "draft": "amendments",
    "amendments": "amendments",
    "amendment": "amendments",
    "amendment_edit": "amendments",
    "amendment_paste": "amendments",
    "amendment_queue": "amendment_queue",
}


def committee_access(request):
    match = getattr(request, "resolver_match", None)
    return {
        "access": getattr(request, "access", None),
        "nav": NAV.get(match.url_name) if match else None,
    }
