"""The demo's summary report: drafted from the record on Wednesday evening, then edited by
the Director with the seed's words about the committee's atmosphere and sub-topics. Not
published: the dais previews and publishes it. Safe to run again."""

from django.contrib.auth import get_user_model

from sessions import clock
from sessions.demo import at

from . import services
from .models import Documentation

EDITS = [
    (
        "By Monday, the Dais received a total of 5 proposals.",
        "By Monday, the Dais received a total of 5 proposals covering a wide range of "
        "sub-topics, including international cooperation mechanisms and technology and "
        "information sharing. The atmosphere in committee was characterized by friendly, "
        "productive, and inclusive conversations.",
    ),
    (
        "2 of which were adopted without a vote.",
        "2 of which were adopted without a vote. The resolutions represented a range of "
        "issues, including technology and information sharing and victims' rights.",
    ),
    (
        "On Wednesday, the committee adopted 1 resolution following voting procedure.",
        "On Wednesday, the committee adopted 1 resolution following voting procedure. The "
        "resolution represented a range of issues, including awareness campaigns and "
        "support programs for victims.",
    ),
]


def build(committee):
    doc = Documentation.objects.filter(committee=committee).first()
    if doc is not None and doc.summary:
        return
    director = get_user_model().objects.get(username="director")
    with clock.travel_to(at(3, 19, 0)):
        text = services.summary_draft(committee=committee, actor=director).summary
    for old, new in EDITS:
        text = text.replace(old, new)
    with clock.travel_to(at(3, 19, 30)):
        services.summary_save(committee=committee, text=text, actor=director)
