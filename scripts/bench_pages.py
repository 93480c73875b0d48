"""Benchmark: how long the busiest pages take with a full General Assembly committee.

    python scripts/bench_pages.py [--repeat N] [--papers N]

Builds a throwaway test database (SQLite in memory, or PostgreSQL when DATABASE_URL is set)
with 193 delegations, a complete roll call and N working papers under review, then requests
each page N times through Django's test client and prints the median and best time and the
number of queries. Nothing is written to the project's own database.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ccpcj.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.signals import request_finished, request_started  # noqa: E402
from django.db import close_old_connections, connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402


def build(n_papers):
    from resolutions import services as paper_services
    from resolutions.models import Supporter
    from resolutions.text import parse
    from sessions import services
    from sessions.models import Committee, Conference, DaisRole, Delegate, MemberState

    User = get_user_model()
    conference = Conference.objects.create(
        name="Bench MUN", start_date="2025-04-13", end_date="2025-04-17"
    )
    committee = Committee.objects.create(
        conference=conference,
        acronym="GA3",
        slug="ga3",
        full_name="Third Committee of the General Assembly",
    )
    chair = User.objects.create(username="chair")
    director = User.objects.create(username="director")
    DaisRole.objects.create(committee=committee, user=chair, role="chair")
    DaisRole.objects.create(committee=committee, user=director, role="director")
    delegations = [
        services.delegation_add(committee=committee, member_state=state, actor=chair)[0]
        for state in MemberState.objects.filter(is_un_member=True)
    ]
    delegate = User.objects.create(username="delegate")
    Delegate.objects.create(user=delegate, delegation=delegations[0])
    services.topic_propose(committee=committee, title="Topic", actor=chair)
    services.agenda_adopt(committee=committee, order=[1], actor=chair)
    meeting = services.meeting_open(committee=committee, name="Monday morning", actor=chair)
    for delegation in delegations:
        services.roll_call_mark(
            meeting=meeting, delegation=delegation, status="present_voting", actor=chair
        )
    text = (ROOT / "resolutions" / "data" / "seed" / "ccpcj-2-1.txt").read_text(encoding="utf-8")
    resolution = parse(text).resolution
    papers = []
    for i in range(n_papers):
        paper = paper_services.paper_create(
            committee=committee, delegation=delegations[0], actor=delegate, resolution=resolution
        )
        Supporter.objects.bulk_create(
            Supporter(paper=paper, delegation=d, role="signatory", state="accepted")
            for d in delegations[1 + i % 10 : 45 + i % 10]
        )
        paper_services.paper_submit(paper=paper, delegation=delegations[0], actor=delegate)
        papers.append(paper)
    drafting = paper_services.paper_create(
        committee=committee, delegation=delegations[0], actor=delegate, resolution=resolution
    )
    return committee, chair, director, delegate, papers[0], drafting


def measure(client, url, repeat):
    times = []
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    queries = len(ctx.captured_queries)
    for _ in range(repeat):
        start = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times), queries


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--papers", type=int, default=20)
    args = parser.parse_args()
    setup_test_environment()
    # Keep one connection for the whole run, as Django's test cases do.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        start = time.perf_counter()
        committee, chair, director, delegate, paper, drafting = build(args.papers)
        print(
            f"193 delegations, {args.papers} papers built in "
            f"{time.perf_counter() - start:.1f} s on {connection.vendor}; "
            f"{args.repeat} requests each"
        )
        pages = [
            (chair, f"/c/{committee.slug}/"),
            (chair, f"/c/{committee.slug}/roll-call/"),
            (chair, f"/c/{committee.slug}/timeline/"),
            (delegate, f"/c/{committee.slug}/papers/"),
            (delegate, f"/c/{committee.slug}/papers/{paper.pk}/"),
            (delegate, f"/c/{committee.slug}/papers/{drafting.pk}/edit/"),
            (director, f"/c/{committee.slug}/review/"),
            (director, f"/c/{committee.slug}/review/{paper.pk}/"),
        ]
        for user, url in pages:
            client = Client()
            client.force_login(user)
            median, best, queries = measure(client, url, args.repeat)
            print(
                f"  {url:<28} median {median:7.1f} ms   best {best:7.1f} ms   {queries:3d} queries"
            )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
