"""On PostgreSQL, 20 dais members approving 20 papers of one topic at the same moment get
DR 1/1 to DR 1/20: no gap, no duplicate (a row lock on the topic plus a unique constraint)."""

import threading

import pytest
from django.db import connection, connections

from resolutions import services
from resolutions.models import DraftResolution, Supporter
from resolutions.text import parse

from .factories import DaisRoleFactory, UserFactory, delegate_of, open_floor

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks need PostgreSQL (SQLite locks the whole file)",
    ),
]


def test_twenty_concurrent_approvals_get_codes_one_to_twenty(
    committee, delegations, chair, delegate
):
    open_floor(committee, chair)
    mexico, france = delegations[0], delegations[1]
    papers = []
    for _ in range(20):
        paper = services.paper_create(
            committee=committee,
            delegation=mexico,
            actor=delegate,
            resolution=parse("Recalling x,\n1. Urges y.").resolution,
        )
        services.supporter_invite(
            paper=paper,
            delegation=mexico,
            actor=delegate,
            invitee=france,
            role=Supporter.Role.SIGNATORY,
        )
        services.supporter_answer(
            paper=paper, delegation=france, actor=delegate_of(france), accept=True
        )
        services.paper_submit(paper=paper, delegation=mexico, actor=delegate)
        papers.append(paper)
    directors = [
        DaisRoleFactory(
            committee=committee, role="director", user=UserFactory(username=f"dais{i}")
        ).user
        for i in range(20)
    ]

    barrier = threading.Barrier(20)
    errors = []

    def approve(paper, director):
        try:
            connection.ensure_connection()  # connect first, so all start the approval together
            barrier.wait()
            services.paper_approve(paper=paper, actor=director)
        except Exception as error:  # noqa: BLE001 - collected and asserted below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=approve, args=pair) for pair in zip(papers, directors, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    codes = sorted(DraftResolution.objects.values_list("number", flat=True))
    assert codes == list(range(1, 21))
    assert sorted(DraftResolution.objects.values_list("code", flat=True)) == sorted(
        f"DR 1/{n}" for n in range(1, 21)
    )
