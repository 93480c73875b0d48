"""Benchmark: the documentation of the seed committee and of a synthetic conference.

    python scripts/bench_documentation.py [--repeat N] [--committees 25] [--per 6]

Builds a throwaway test database (SQLite in memory, or PostgreSQL when DATABASE_URL is set),
loads the demo (the seed committee, five resolutions), then times: the HTML page through
Django's test client (median of N, with its number of queries), the PDF (WeasyPrint) laid
out once and then kept (the ``documents`` cache, in memory here), the Akoma Ntoso XML and
the JSON backup. Then the same for a conference of 25 committees with
6 resolutions each (150, the seed's texts copied), as one document. Nothing is written to
the project's own database.
"""

import argparse
import os
import statistics
import sys
import time
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ccpcj.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.cache import caches  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.core.signals import request_finished, request_started  # noqa: E402
from django.db import close_old_connections, connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import (  # noqa: E402
    CaptureQueriesContext,
    override_settings,
    setup_test_environment,
)


def timed(fn, repeat):
    times = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times), result


def synthetic_conference(n_committees, per):
    """Copies of the seed's resolutions in new committees of a new conference."""
    from resolutions.models import DraftResolution, Revision, WorkingPaper
    from sessions.models import Committee, Conference, DaisRole, Topic
    from voting.models import Resolution, Vote

    seed = list(Resolution.objects.select_related("vote", "draft__paper", "draft__revision"))
    base = Committee.objects.get(acronym="CCPCJ")
    conference = Conference.objects.create(
        name="Synthetic MUN",
        session_label="Conference S",
        start_date="2025-04-13",
        end_date="2025-04-17",
        disclaimer=base.conference.disclaimer,
    )
    staff = list(DaisRole.objects.filter(committee=base))
    for c in range(n_committees):
        committee = Committee.objects.create(
            conference=conference,
            acronym=f"C{c:02d}",
            slug=f"c{c:02d}",
            full_name=f"Committee number {c} of the Synthetic Conference",
        )
        DaisRole.objects.bulk_create(
            DaisRole(committee=committee, user=r.user, role=r.role) for r in staff
        )
        topic = Topic.objects.create(
            committee=committee,
            title=f"Topic of committee {c}",
            proposed_number=1,
            agenda_position=1,
            status="closed",
        )
        for n in range(1, per + 1):
            source = seed[(c + n) % len(seed)]
            paper = WorkingPaper.objects.create(
                committee=committee, topic=topic, number=n, status="approved"
            )
            revision = Revision.objects.create(paper=paper, number=1, text=source.text)
            draft = DraftResolution.objects.create(
                paper=paper,
                committee=committee,
                topic=topic,
                number=n,
                code=f"DR 1/{n}",
                revision=revision,
                approved_at=source.adopted_at,
            )
            vote = Vote.objects.get(pk=source.vote_id)
            vote.pk = None
            vote.item = None
            vote.committee = committee
            vote.topic = topic
            vote.save()
            Resolution.objects.create(
                committee=committee,
                topic=topic,
                draft=draft,
                vote=vote,
                number=n,
                code=f"C{c:02d}/1/{n}",
                text=source.text,
                adopted_at=source.adopted_at,
            )
    return conference


def report(label, docs, repeat, pdf_repeat):  # pdf_repeat 0: no PDF
    from outcome import backup, documents

    med, best, page = timed(lambda: documents.html(docs), repeat)
    print(f"{label}: HTML {len(page) // 1024} KB, median {med:.1f} ms, best {best:.1f} ms")
    if pdf_repeat:
        caches["documents"].clear()
        cpu = time.process_time()
        med, best, pdf = timed(lambda: documents.pdf(docs), 1)
        cpu = (time.process_time() - cpu) * 1000
        print(
            f"{label}: PDF {len(pdf) // 1024} KB, laid out {med:.0f} ms "
            f"({cpu:.0f} ms of CPU time; the machine is shared)"
        )
        med, best, pdf = timed(lambda: documents.pdf(docs), pdf_repeat)
        print(f"{label}: PDF kept (cache), median {med:.0f} ms, best {best:.0f} ms")
    med, best, xml = timed(lambda: documents.akn(docs), repeat)
    print(f"{label}: Akoma Ntoso {len(xml) // 1024} KB, median {med:.1f} ms")
    committees = [d.committee for d in docs]
    med, best, data = timed(lambda: backup.dumps(backup.export_committees(committees)), 3)
    print(f"{label}: JSON backup {len(data) // 1024} KB, median {med:.0f} ms")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--pdf-repeat", type=int, default=3)
    parser.add_argument("--committees", type=int, default=25)
    parser.add_argument("--per", type=int, default=6)
    parser.add_argument(
        "--no-conference-pdf", action="store_true", help="Skip the conference's PDF (minutes)."
    )
    parser.add_argument(
        "--single-document",
        action="store_true",
        help="Also lay out the conference as one document, as before (minutes).",
    )
    args = parser.parse_args()
    setup_test_environment()
    # The PDFs' cache in memory: the first PDF is laid out, the next ones are kept.
    override_settings(
        CACHES={
            **settings.CACHES,
            "documents": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "TIMEOUT": None,  # a slow first layout must not outlive the default 300 s
            },
        }
    ).enable()
    # One connection for the whole run (the test database lives in it on SQLite).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    # Its own throwaway database, not the one the tests use (they may run meanwhile).
    test = connection.settings_dict.setdefault("TEST", {})
    if connection.vendor == "sqlite":
        test["NAME"] = str(settings.DATA_DIR / "bench-documentation.sqlite3")
    else:
        test["NAME"] = f"bench_documentation_{connection.settings_dict['NAME']}"
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        from outcome import documents, services
        from sessions.models import Committee

        call_command("demo", "--quiet-logins", stdout=StringIO())
        committee = Committee.objects.select_related("conference").get(acronym="CCPCJ")
        from django.contrib.auth import get_user_model

        services.documentation_publish(
            committee=committee, actor=get_user_model().objects.get(username="director")
        )
        client = Client()
        path = "/c/ccpcj/documentation/"
        client.get(path)
        med, best, _ = timed(lambda: client.get(path), args.repeat)
        # Its number of queries is asserted by tests/test_outcome.py at two sizes.
        print(f"seed committee: page {path} median {med:.1f} ms, best {best:.1f} ms")
        report("seed committee", documents.committee_docs(committee), args.repeat, args.pdf_repeat)
        conference = synthetic_conference(args.committees, args.per)
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            docs = documents.conference_docs(conference)
            selected = (time.perf_counter() - start) * 1000
        n = sum(len(d.resolutions) for d in docs)
        label = f"conference ({len(docs)} committees, {n} resolutions)"
        print(f"{label}: read in {len(queries)} queries, {selected:.0f} ms (texts rendered)")
        report(label, docs, max(1, args.repeat // 5), 0 if args.no_conference_pdf else 1)
        if args.single_document:
            from outcome.pdf import render_pdf

            cpu = time.process_time()
            med, _, pdf = timed(lambda: render_pdf(documents.html(docs)), 1)
            cpu = (time.process_time() - cpu) * 1000
            print(
                f"{label}: PDF as one document (before the per-committee layout) "
                f"{len(pdf) // 1024} KB, {med:.0f} ms ({cpu:.0f} ms of CPU time)"
            )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
