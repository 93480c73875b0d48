"""The summary report drafted from the record: the roll calls, the agenda, the working
papers and their rounds of feedback, the drafts and the votes. The dais edits the draft.

Apps that know more about a draft (amendments) register ``amendment_counter(drafts) ->
{draft_id: count}`` with ``count_amendments_with``."""

from collections import defaultdict

from django.db.models import Count, Max, Min
from django.utils import timezone

from resolutions.models import DraftResolution, WorkingPaper
from sessions.models import Attendance, Meeting, RollCallEntry, Topic
from voting.models import Method, Resolution

AMENDMENT_COUNTERS = []


def count_amendments_with(counter):
    AMENDMENT_COUNTERS.append(counter)
    return counter


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
    amendments = defaultdict(int)
    all_drafts = [d for ds in drafts.values() for d in ds]
    for counter in AMENDMENT_COUNTERS:
        for draft_id, count in counter(all_drafts).items():
            amendments[draft_id] += count
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
            if AMENDMENT_COUNTERS:
                amended = sum(1 for d in approved if amendments.get(d.pk))
                text += f", {amended} of which had amendments"
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
