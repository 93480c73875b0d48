"""Benchmark: votes recorded per second by the service (``voting.services.ballot_record``)
on PostgreSQL, the chair's answer path without HTTP or the fan-out.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/floor REDIS_URL=redis://127.0.0.1:6379/9 \\
        .venv/bin/python scripts/bench_ballots.py [--votes 5] [--delegations 193] [--streams 1]

Creates a throwaway database next to DATABASE_URL's (``<name>_bench_ballots``), loads a
committee of 193 delegations present at the roll call and one draft per vote, opens voting
procedure, then records full roll-call votes one answer at a time (each answer its own
transaction, as a request would) and prints, per vote and overall, answers recorded per
second and the queries each answer makes. Each answer's live message is numbered and published
to Redis after the commit, as in production (nobody subscribes: the fan-out to the screens is
``scripts/bench_vote.py``'s part). Drops the database at the end.

``--streams N``: N chairs record at once, each in its own process and committee, as N server
worker processes would; prints the answers recorded per second in all (the opening,
verification and announcement of each vote included).
"""

import argparse
import multiprocessing
import os
import statistics
import sys
import time
from pathlib import Path

from benchlib import bench_database, recreate_database

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ccpcj.settings")


def build(count, votes, n=0):
    from django.contrib.auth import get_user_model

    from resolutions import services as paper_services
    from resolutions.models import Supporter
    from resolutions.text import parse
    from sessions import services
    from sessions.models import Committee, Conference, DaisRole, Delegate, MemberState
    from voting import services as voting_services

    User = get_user_model()
    conference = Conference.objects.create(
        name=f"Bench MUN {n}", start_date="2025-04-13", end_date="2025-04-17"
    )
    committee = Committee.objects.create(
        conference=conference,
        acronym=f"GA{n + 3}",
        slug=f"ga{n + 3}",
        full_name="Third Committee of the General Assembly",
        signatory_threshold_percent=1,
    )
    chair = User.objects.create(username=f"chair{n}")
    director = User.objects.create(username=f"director{n}")
    DaisRole.objects.create(committee=committee, user=chair, role="chair")
    DaisRole.objects.create(committee=committee, user=director, role="director")
    delegations = [
        services.delegation_add(committee=committee, member_state=state, actor=chair)[0]
        for state in MemberState.objects.filter(is_un_member=True)[:count]
    ]
    services.topic_propose(committee=committee, title="Topic", actor=chair)
    services.agenda_adopt(committee=committee, order=[1], actor=chair)
    meeting = services.meeting_open(committee=committee, name="Monday", actor=chair)
    for delegation in delegations:
        services.roll_call_mark(
            meeting=meeting, delegation=delegation, status="present", actor=chair
        )
    # Each delegation acts through its own delegate.
    sponsor = User.objects.create(username=f"sponsor{n}")
    Delegate.objects.create(user=sponsor, delegation=delegations[0])
    text = parse("Recalling x,\n1. Urges y;\n2. Decides z.").resolution
    for _ in range(votes + 1):
        paper = paper_services.paper_create(
            committee=committee, delegation=delegations[0], actor=sponsor, resolution=text
        )
        Supporter.objects.create(
            paper=paper, delegation=delegations[1], role="signatory", state="accepted"
        )
        paper_services.paper_submit(paper=paper, delegation=delegations[0], actor=sponsor)
        paper_services.paper_approve(paper=paper, actor=director)
    voting_services.motion_vote(
        committee=committee, motion="closure", yes=len(delegations), no=0, actor=chair
    )
    return committee, chair


def one_vote(committee, chair):
    """A full roll call, every answer "yes" (a few "abstain"); returns (answers/s, queries
    per answer)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from voting import services
    from voting.models import Item

    item = (
        Item.objects.filter(procedure__committee=committee, status="pending")
        .order_by("position")
        .first()
    )
    vote = services.item_vote_open(item=item, method="roll_call", actor=chair)
    delegations = {d.pk: d for d in committee.delegations.select_related("member_state")}
    # The queries of the first answers are counted; the others are timed without the
    # counting (which logs every query and would slow what it measures).
    queries, counted = [], 10
    for i, pk in enumerate(vote.call_order[:counted]):
        with CaptureQueriesContext(connection) as captured:
            services.ballot_record(
                vote=vote,
                delegation=delegations[pk],
                answer="abstain" if i % 10 == 0 else "yes",
                actor=chair,
            )
        queries.append(len(captured))
    start = time.perf_counter()
    for i, pk in enumerate(vote.call_order[counted:], start=counted):
        services.ballot_record(
            vote=vote,
            delegation=delegations[pk],
            answer="abstain" if i % 10 == 0 else "yes",
            actor=chair,
        )
    elapsed = time.perf_counter() - start
    services.vote_verify(vote=vote, actor=chair)
    services.vote_announce(vote=vote, actor=chair)
    return (len(vote.call_order) - counted) / elapsed, statistics.median(queries)


def stream(committee_id, chair_id, votes, start, results):
    """One chair's roll calls in a process of its own (``--streams``): waits for the others,
    records ``votes`` roll calls and reports how many answers it recorded."""
    from django.contrib.auth import get_user_model
    from django.db import connections

    from sessions.models import Committee

    committee = Committee.objects.get(pk=committee_id)
    chair = get_user_model().objects.get(pk=chair_id)
    start.wait()
    answers = 0
    for _ in range(votes):
        one_vote(committee, chair)
        answers += committee.delegations.count()
    connections.close_all()
    results.put(answers)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--votes", type=int, default=5)
    parser.add_argument("--delegations", type=int, default=193)
    parser.add_argument(
        "--streams",
        type=int,
        default=1,
        help="chairs recording at once, each in its own process and committee (the server's "
        "capacity with that many worker processes)",
    )
    args = parser.parse_args()
    admin_url, bench_url, name = bench_database("bench_ballots")
    recreate_database(admin_url, name)
    os.environ["DATABASE_URL"] = bench_url
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connections

    settings.DEBUG = False
    try:
        call_command("migrate", verbosity=0)
        if args.streams > 1:
            built = [build(args.delegations, args.votes, n) for n in range(args.streams)]
            connections.close_all()
            if hasattr(connections["default"], "close_pool"):
                # Each process opens its own connections (a forked pool would share sockets).
                connections["default"].close_pool()
            context = multiprocessing.get_context("fork")
            start, results = context.Barrier(args.streams + 1), context.Queue()
            workers = [
                context.Process(target=stream, args=(c.pk, chair.pk, args.votes, start, results))
                for c, chair in built
            ]
            for worker in workers:
                worker.start()
            start.wait()
            began = time.perf_counter()
            answers = sum(results.get() for _ in workers)
            elapsed = time.perf_counter() - began
            for worker in workers:
                worker.join()
            print(
                f"votes recorded per second on PostgreSQL, {args.streams} chairs at once "
                f"({args.delegations} delegations each, {os.cpu_count()} cores): "
                f"{answers / elapsed:.0f} in all"
            )
            return
        committee, chair = build(args.delegations, args.votes)
        rates = []
        for n in range(1, args.votes + 1):
            rate, queries = one_vote(committee, chair)
            rates.append(rate)
            print(f"vote {n}: {rate:6.0f} answers/s, {queries:.0f} queries per answer", flush=True)
        print(
            f"votes recorded per second on PostgreSQL ({args.delegations} delegations, "
            f"{os.cpu_count()} cores): median {statistics.median(rates):.0f}, "
            f"best {max(rates):.0f}"
        )
    finally:
        connections.close_all()
        recreate_database(admin_url, name, create=False)


if __name__ == "__main__":
    main()
