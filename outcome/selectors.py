"""What the documentation shows, read in a fixed number of queries: five for one committee or
for a whole conference, whatever the number of committees and resolutions."""

import re
from dataclasses import dataclass, field

from django.utils.safestring import mark_safe

from resolutions.text.render import render_html
from sessions.models import Committee, DaisRole, Topic
from voting.models import Method, Resolution

from .models import Documentation

# The staff on the cover page, in the seed's order (the rapporteur is not listed there).
STAFF_ROLES = [
    DaisRole.Role.DIRECTOR,
    DaisRole.Role.ASSISTANT_DIRECTOR,
    DaisRole.Role.CHAIR,
]
_LIST_LINE = re.compile(r"^\s*(\d+)\.\s+(.+)$")


def vote_text(vote):
    """ "Adopted without a vote" or "21 in favor, 7 against, 5 abstentions"."""
    if vote.result:
        return vote.result
    if vote.method == Method.WITHOUT_VOTE and not vote.objection:
        return "Adopted without a vote"
    return f"{vote.yes} in favor, {vote.no} against, {vote.abstain} abstentions"


def summary_blocks(text):
    """Paragraphs separated by blank lines; a block whose every line is "1. ..." is a list."""
    blocks = []
    for chunk in re.split(r"\n\s*\n", (text or "").strip()):
        lines = [line for line in chunk.splitlines() if line.strip()]
        if not lines:
            continue
        matches = [_LIST_LINE.match(line) for line in lines]
        if all(matches):
            blocks.append({"list": [(m.group(1), m.group(2).strip()) for m in matches]})
        else:
            blocks.append({"text": " ".join(line.strip() for line in lines)})
    return blocks


@dataclass
class AdoptedResolution:
    code: str
    topic: Topic
    vote: str
    text: object
    html: str
    adopted_at: object
    record: Resolution


@dataclass
class CommitteeDocumentation:
    committee: Committee
    documentation: Documentation | None
    staff: list = field(default_factory=list)
    agenda: list = field(default_factory=list)
    resolutions: list = field(default_factory=list)

    @property
    def conference(self):
        return self.committee.conference

    @property
    def is_published(self):
        return bool(self.documentation and self.documentation.is_published)

    @property
    def summary(self):
        return self.documentation.summary if self.documentation else ""

    @property
    def summary_blocks(self):
        return summary_blocks(self.summary)


def documentations(committees):
    """The documentation of each committee in ``committees`` (loaded with their conference),
    in five queries."""
    committees = list(committees)
    ids = [c.pk for c in committees]
    by_id = {c.pk: CommitteeDocumentation(committee=c, documentation=None) for c in committees}
    for doc in Documentation.objects.filter(committee_id__in=ids):
        by_id[doc.committee_id].documentation = doc
    order = {role.value: i for i, role in enumerate(STAFF_ROLES)}
    staff = DaisRole.objects.filter(committee_id__in=ids, role__in=order).select_related("user")
    for role in sorted(staff, key=lambda r: (order[r.role], r.user.last_name, r.pk)):
        by_id[role.committee_id].staff.append(
            {"role": role.get_role_display(), "name": role.user.get_full_name() or str(role.user)}
        )
    topics = Topic.objects.filter(committee_id__in=ids, agenda_position__isnull=False).order_by(
        "agenda_position"
    )
    for topic in topics:
        by_id[topic.committee_id].agenda.append(topic)
    resolutions = (
        Resolution.objects.filter(committee_id__in=ids)
        .select_related("topic", "vote")
        .order_by("committee_id", "topic__agenda_position", "number")
    )
    for record in resolutions:
        committee = by_id[record.committee_id].committee
        text = record.resolution
        # Every resolution opens with the committee's name, as in the seed.
        text.heading = text.heading or f"The {committee.full_name}"
        by_id[record.committee_id].resolutions.append(
            AdoptedResolution(
                code=record.code,
                topic=record.topic,
                vote=vote_text(record.vote),
                text=text,
                html=mark_safe(
                    render_html(text, committee=committee.full_name, topic=record.topic.title)
                ),
                adopted_at=record.adopted_at,
                record=record,
            )
        )
    return [by_id[pk] for pk in ids]


def committee_documentation(committee):
    return documentations([committee])[0]


def conference_committees(conference, *, published_only):
    committees = Committee.objects.filter(conference=conference).select_related("conference")
    if published_only:
        committees = committees.filter(documentation__published_at__isnull=False)
    return list(committees.order_by("acronym"))


def overview_links(conferences):
    """For the secretariat's conference overview: each committee's documentation (published
    or a preview) and PDF, each conference's bundle and its PDF. One query."""
    from django.urls import reverse

    published = dict(
        Documentation.objects.filter(committee__conference__in=conferences).values_list(
            "committee_id", "published_at"
        )
    )
    by_conference, by_committee = {}, {}
    for conference in conferences:
        by_conference[conference.pk] = [
            {
                "label": "Documentation of the conference",
                "url": reverse("conference_documentation", kwargs={"pk": conference.pk}),
            },
            {
                "label": "PDF of the conference",
                "url": reverse("conference_documentation_pdf", kwargs={"pk": conference.pk}),
            },
        ]
        for committee in conference.committee_list:
            kwargs = {"committee": committee.slug}
            is_published = published.get(committee.pk) is not None
            by_committee[committee.pk] = [
                {
                    "label": "Documentation",
                    "aria": f"Documentation of {committee.acronym}",
                    "url": reverse("outcome:documentation", kwargs=kwargs),
                    "note": "published" if is_published else "not published",
                    "badge": "text-bg-success" if is_published else "text-bg-light border",
                },
                {
                    "label": "PDF",
                    "aria": f"Documentation of {committee.acronym} as PDF",
                    "url": reverse("outcome:pdf", kwargs=kwargs),
                },
            ]
    return by_conference, by_committee
