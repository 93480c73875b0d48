"""The summary report drafted from the record: the roll calls, the agenda, the working
papers and their rounds of feedback, the drafts and their amendments, and the votes. The
dais edits the draft.

A draft "had amendments" (the seed: "4 draft resolutions, 2 of which had amendments") when
an amendment to it came before the committee: applied (a friendly one, or an unfriendly one
adopted), approved and waiting for the vote, or failed in the vote. Amendments still being
written, rejected by the dais or withdrawn do not count."""

from collections import defaultdict

from django.db.models import Count, Max, Min
from django.utils import timezone

from resolutions.models import Amendment, DraftResolution, WorkingPaper
from sessions.models import Attendance, Meeting, RollCallEntry, Topic
from voting.models import Method, Resolution

COUNTED_AMENDMENTS = [
    Amendment.Status.APPLIED,
    Amendment.Status.APPROVED,
    Amendment.Status.FAILED,
]


def amendments_per_draft(committee):
    """{draft id: number of its amendments that came before the committee}, in one query."""
    rows = (
        Amendment.objects.filter(committee=committee, status__in=COUNTED_AMENDMENTS)
        .values("draft_id")
        .annotate(n=Count("id"))
    )
    return {row["draft_id"]: row["n"] for row in rows}


def _day(moment):
    return timezone.localtime(moment).strftime("%A") if moment else None


def _plural(n, one, many=None):
    return f"{n} {one if n == 1 else (many or one + 's')}"


def _words(n):
    return (
        ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"][n]
        if (0 <= n < 10)
        else str(n)
    )


def draft_summary(committee):
    topics = list(
        Topic.objects.filter(committee=committee, agenda_position__isnull=False).order_by(
            "agenda_position"
        )
    )
    name = committee.full_name
    paragraphs = [
        f"The {name} held its annual session to consider the following agenda items:",
        "\n".join(f"{t.agenda_position}. {t.title}" for t in topics) or "(no agenda adopted)",
    ]
    first = Meeting.objects.filter(committee=committee).order_by("number").first()
    if first is not None:
        attending = RollCallEntry.objects.filter(
            meeting=first,
            delegation__is_observer=False,
            status__in=[Attendance.PRESENT, Attendance.PRESENT_AND_VOTING],
        ).count()
        paragraphs.append(
            f"The session was attended by representatives of {_plural(attending, 'Member State')}."
        )

    papers = defaultdict(list)
    for paper in (
        WorkingPaper.objects.filter(committee=committee)
        .annotate(
            first_submitted=Min("rounds__submitted_at"),
            rounds_count=Count("rounds"),
            last_round=Max("rounds__number"),
        )
        .filter(rounds_count__gt=0)
    ):
        papers[paper.topic_id].append(paper)
    drafts = defaultdict(list)
    for draft in DraftResolution.objects.filter(committee=committee).order_by("approved_at"):
        drafts[draft.topic_id].append(draft)
    amendments = amendments_per_draft(committee)
    adopted = defaultdict(list)
    for resolution in Resolution.objects.filter(committee=committee).select_related("vote"):
        adopted[resolution.topic_id].append(resolution)

    for index, topic in enumerate(topics):
        sentences = []
        if index == 0 and committee.agenda_adopted_at:
            order = ", ".join(str(t.agenda_position) for t in topics)
            sentences.append(
                f"On {_day(committee.agenda_adopted_at)}, the committee adopted the agenda of "
                f"{order}, beginning discussion on the topic of “{topic.title}.”"
            )
        elif topic.opened_at:
            sentences.append(f"The committee moved to the topic of “{topic.title}.”")
        received = papers.get(topic.pk, [])
        if received:
            by = max(p.first_submitted for p in received)
            sentences.append(
                f"By {_day(by)}, the Dais received a total of {_plural(len(received), 'proposal')}."
            )
            rounds = max(p.last_round for p in received)
            if rounds > 1:
                sentences.append(
                    f"Delegates received {_words(rounds)} rounds of feedback and revision on "
                    "their working papers."
                )
        approved = drafts.get(topic.pk, [])
        if approved:
            text = (
                f"By {_day(approved[-1].approved_at)}, the Dais approved "
                f"{_plural(len(approved), 'draft resolution')}"
            )
            if len(approved) == 1:
                # The seed: "approved as a draft resolution … with one amendment".
                count = amendments.get(approved[0].pk, 0)
                if count:
                    text += f" with {_words(count)} {'amendment' if count == 1 else 'amendments'}"
            else:
                amended = sum(1 for d in approved if amendments.get(d.pk))
                text += f", {amended or 'none'} of which had amendments"
            sentences.append(text + ".")
        resolutions = adopted.get(topic.pk, [])
        if resolutions:
            last = max(r.adopted_at for r in resolutions)
            without = sum(
                1
                for r in resolutions
                if r.vote.method == Method.WITHOUT_VOTE and not r.vote.objection
            )
            text = (
                f"On {_day(last)}, the committee adopted "
                f"{_plural(len(resolutions), 'resolution')} following voting procedure"
            )
            if without:
                text += (
                    f", {without} of which {'was' if without == 1 else 'were'} adopted without"
                    " a vote"
                )
            sentences.append(text + ".")
            failed = len(approved) - len(resolutions)
            if failed > 0:
                sentences.append(f"{_plural(failed, 'draft resolution')} did not pass.")
        if sentences:
            paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs)
