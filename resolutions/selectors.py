"""Reads for the paper pages and the services, each a fixed number of queries."""

import math
from typing import NamedTuple

from django.db import connection
from django.db.models import CharField, Count, Exists, OuterRef, Prefetch, Q
from django.db.models.functions import Cast

from sessions.models import Delegation, MemberState
from sessions.selectors import latest_roll_call

from . import rules
from .models import Comment, DraftResolution, Round, Supporter, WorkingPaper
from .text import diff


def _with_supporters(queryset):
    return (
        queryset.select_related("topic", "committee")
        .prefetch_related(
            Prefetch(
                "supporters",
                queryset=Supporter.objects.select_related("delegation__member_state").order_by(
                    "role", "position", "id"
                ),
            ),
        )
        .annotate(
            n_supporters=Count(
                "supporters", filter=Q(supporters__state=Supporter.State.ACCEPTED), distinct=True
            ),
        )
    )


def visible_papers(committee, access):
    """Papers this person may read (``rules.readable_papers``), with their supporters."""
    papers = rules.readable_papers(access, WorkingPaper.objects.filter(committee=committee))
    return _with_supporters(papers).order_by("topic__agenda_position", "number")


def timeline_hidden_papers(committee, access):
    """Timeline entries about papers this reader may not open (drafts still with their
    sponsors), as a Q to exclude; the rule is ``visible_papers``'s, without the supporters
    it fetches for its pages."""
    readable = (
        rules.readable_papers(access, WorkingPaper.objects.filter(committee=committee))
        .order_by()
        .annotate(key=Cast("pk", output_field=CharField()))
        .values("key")
    )
    return Q(target_type=WorkingPaper._meta.label_lower) & ~Q(target_id__in=readable)


def papers_by_involvement(committee, access):
    """The visible papers in three lists: sponsored by the person's delegation, asking it
    to sign or co-sponsor, and the others."""
    delegation_id = getattr(access.delegation, "pk", None)
    mine, invited, others = [], [], []
    for paper in visible_papers(committee, access):
        own = next((s for s in paper.supporters.all() if s.delegation_id == delegation_id), None)
        if rules.is_sponsoring(own):
            mine.append(paper)
        elif own and own.state == Supporter.State.INVITED:
            invited.append(paper)
        else:
            others.append(paper)
    return mine, invited, others


def dashboard_panel(committee):
    """Working papers at a glance for the dais's dashboard (two queries)."""
    counts = dict(
        WorkingPaper.objects.filter(committee=committee)
        .values_list("status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    drafts = list(
        DraftResolution.objects.filter(committee=committee)
        .order_by("topic__agenda_position", "number")
        .values("pk", "code")
    )
    waiting = sum(counts.get(s, 0) for s in WorkingPaper.UNDER_REVIEW)
    return "resolutions/partials/dashboard_panel.html", {
        "waiting": waiting,
        "drafting": counts.get(WorkingPaper.Status.DRAFTING, 0),
        "returned": counts.get(WorkingPaper.Status.RETURNED, 0),
        "drafts": drafts,
    }


# The rules themselves live in ``rules``; these names are kept for the callers.
private_audience = rules.private_audience


def can_read(paper, access):
    return rules.can_read_paper(access, paper)


class Threshold:
    """Sponsors plus signatories needed to submit: a share of the delegations present at
    the latest roll call, rounded up."""

    def __init__(self, *, have, needed, present, meeting):
        self.have, self.needed, self.present, self.meeting = have, needed, present, meeting

    @property
    def met(self):
        return self.have >= self.needed

    def __str__(self):
        return f"{self.have} of {self.needed} needed"


class SupporterNames(NamedTuple):
    sponsors: list
    signatories: list


_ACCEPTED_NAMES = """
SELECT s.role, COALESCE(m.name, d.organization_name)
FROM {supporter} s
JOIN {delegation} d ON d.id = s.delegation_id
LEFT JOIN {member_state} m ON m.id = d.member_state_id
WHERE s.paper_id = %s AND s.state = %s
ORDER BY s.position, s.id
"""


def accepted_supporter_names(paper):
    """The names of ``paper``'s accepted sponsors (the main sponsor first) and signatories,
    as ``WorkingPaper.sponsor_names`` and ``signatory_names`` give them from prefetched rows,
    in one written-out query (the review page: the supporters' rows cost four times more)."""
    sql = _ACCEPTED_NAMES.format(
        supporter=Supporter._meta.db_table,
        delegation=Delegation._meta.db_table,
        member_state=MemberState._meta.db_table,
    )
    names = SupporterNames([], [])
    with connection.cursor() as cursor:
        cursor.execute(sql, [paper.pk, Supporter.State.ACCEPTED])
        for role, name in cursor.fetchall():
            if role == Supporter.Role.SPONSOR:
                names.sponsors.append(name)
            elif role == Supporter.Role.SIGNATORY:
                names.signatories.append(name)
    return names


def threshold_for(paper, *, have=None):
    committee = paper.committee
    # A meeting just opened, whose roll call nobody has answered yet, does not count.
    meeting = latest_roll_call(committee)
    if meeting is not None:
        present = meeting.present
    else:
        present = Delegation.objects.filter(committee=committee).count()
    needed = max(1, math.ceil(present * committee.signatory_threshold_percent / 100))
    if have is None:
        have = paper.supporters.filter(state=Supporter.State.ACCEPTED).count()
    return Threshold(have=have, needed=needed, present=present, meeting=meeting)


def merge_candidates(*, topic, paper):
    """The open papers ``paper`` can be merged into: on its topic, with the dais or returned
    to their sponsors (``topic`` and ``paper`` may be ``OuterRef``s)."""
    S = WorkingPaper.Status
    return WorkingPaper.objects.filter(
        topic=topic, status__in=[S.SUBMITTED, S.RESUBMITTED, S.RETURNED]
    ).exclude(pk=paper)


def with_merge_candidates(papers):
    """``papers`` each with ``can_merge``: whether there is a paper to merge it into."""
    return papers.annotate(
        can_merge=Exists(merge_candidates(topic=OuterRef("topic"), paper=OuterRef("pk")))
    )


def latest_revision(paper):
    return paper.revisions.order_by("-number").first()


def pending_round(paper):
    return paper.rounds.filter(outcome=Round.Outcome.PENDING).order_by("-number").first()


def dais_queue(committee):
    """Papers waiting for the dais, oldest first, with their pending round."""
    pending = Round.objects.filter(outcome=Round.Outcome.PENDING)
    papers = WorkingPaper.objects.filter(
        committee=committee, status__in=WorkingPaper.UNDER_REVIEW
    ).prefetch_related(Prefetch("rounds", queryset=pending, to_attr="pending_rounds"))
    papers = sorted(
        _with_supporters(papers),
        key=lambda p: p.pending_rounds[0].submitted_at if p.pending_rounds else p.created_at,
    )
    return papers


def other_papers(committee, access):
    """Papers not waiting for the dais (for the dais's record)."""
    return visible_papers(committee, access).exclude(status__in=WorkingPaper.UNDER_REVIEW)


def anchor_comments(rounds, revision):
    """Place the dais's comments beside the clauses of ``revision``.

    Each comment names a clause of the revision its round reviewed; the text may have changed
    since, so the clause is followed through the diff between the two revisions. Returns
    ({clause key in revision: [comments]}, [comments whose clause was removed]).
    """
    placed, lost = {}, []
    target = revision.resolution
    for round_ in rounds:
        comments = list(round_.comments.all())
        if not comments:
            continue
        if round_.revision_id == revision.pk:
            mapping = None
        else:
            mapping = {
                e.old_path: e.new_path
                for e in diff(round_.revision.resolution, target)
                if e.old_path
            }
        for comment in comments:
            key = comment.clause if mapping is None else mapping.get(comment.clause)
            if key:
                placed.setdefault(key, []).append(comment)
            else:
                lost.append(comment)
    return placed, lost


def rounds_with_comments(paper):
    """A paper's rounds in order, each with its revision, comments and who submitted and
    answered it."""
    return (
        Round.objects.filter(paper=paper)
        .select_related("revision", "submitted_by", "answered_by")
        .prefetch_related(Prefetch("comments", queryset=Comment.objects.select_related("author")))
        .order_by("number")
    )


def comments_by_round(paper):
    """``{round id: [comments in order]}`` of all ``paper``'s rounds, with their authors, in
    one query."""
    found = {}
    for comment in Comment.objects.filter(round__paper=paper).select_related("author"):
        found.setdefault(comment.round_id, []).append(comment)
    return found


def revision_diff_html(old, new):
    """The clause-by-clause comparison of two revisions, rendered. Revisions are never
    overwritten, so each pair is compared once per server process and kept (the review page
    and the comparison page are opened many times per round)."""
    from django.core.cache import cache

    from .text import render_diff_html

    key = f"revision-diff:{old.pk}:{new.pk}"
    html = cache.get(key)
    if html is None:
        html = render_diff_html(diff(old.resolution, new.resolution))
        cache.set(key, html, timeout=24 * 3600)
    return html
