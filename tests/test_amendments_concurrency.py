"""On PostgreSQL, amendments to one draft approved at the same moment by different members of
the dais: each is applied to the text the other left, or sent back for revision; never
applied to a stale text or to the wrong clause (the draft's row lock serializes them)."""

import threading

import pytest
from django.db import connection, connections

from resolutions import amendment_services as services
from resolutions.models import Amendment, DraftResolution

from .amendment_helpers import make_draft, write
from .factories import DaisRoleFactory, UserFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks need PostgreSQL (SQLite locks the whole file)",
    ),
]


def friendly(draft, mexico, mexican, france, french, *steps):
    amendment = services.amendment_create(
        target=draft, delegation=mexico, actor=mexican, kind="friendly"
    )
    amendment = write(amendment, mexico, mexican, *steps)
    services.amendment_request_consents(amendment=amendment, delegation=mexico, actor=mexican)
    return services.amendment_answer(
        amendment=amendment, delegation=france, actor=french, accept=True
    )


def approve_together(amendments, committee):
    directors = [
        DaisRoleFactory(
            committee=committee, role="director", user=UserFactory(username=f"dais{i}")
        ).user
        for i in range(len(amendments))
    ]
    barrier = threading.Barrier(len(amendments))
    errors = []

    def approve(amendment, director):
        try:
            connection.ensure_connection()
            barrier.wait()
            services.amendment_approve(amendment=amendment, actor=director)
        except Exception as error:  # noqa: BLE001 - collected and asserted below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=approve, args=pair)
        for pair in zip(amendments, directors, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


def test_two_amendments_applied_at_the_same_moment_both_land(
    committee, delegations, chair, director, delegate, other_delegate
):
    draft = make_draft(
        committee,
        delegations,
        chair=chair,
        director=director,
        mexican=delegate,
        french=other_delegate,
    )
    mexico, france = delegations[0], delegations[1]
    first = friendly(
        draft, mexico, delegate, france, other_delegate, ("set", "op.1", "Urges States to act")
    )
    second = friendly(draft, mexico, delegate, france, other_delegate, ("delete", "op.2.1"))
    start = draft.revision.number

    assert approve_together([first, second], committee) == []

    draft = DraftResolution.objects.get(pk=draft.pk)
    assert draft.revision.number == start + 2
    operative = draft.revision.resolution.operative
    assert operative[0].text == "Urges States to act"
    assert [c.text for c in operative[1].children] == ["on corruption"]
    assert set(Amendment.objects.values_list("status", flat=True)) == {"applied"}
    revisions = sorted(Amendment.objects.values_list("applied_revision__number", flat=True))
    assert revisions == [start + 1, start + 2]


def test_two_conflicting_amendments_at_the_same_moment_one_lands(
    committee, delegations, chair, director, delegate, other_delegate
):
    draft = make_draft(
        committee,
        delegations,
        chair=chair,
        director=director,
        mexican=delegate,
        french=other_delegate,
    )
    mexico, france = delegations[0], delegations[1]
    deletes = friendly(draft, mexico, delegate, france, other_delegate, ("delete", "op.2"))
    changes = friendly(
        draft, mexico, delegate, france, other_delegate, ("set", "op.2.2", "on bribery")
    )

    errors = approve_together([deletes, changes], committee)

    statuses = dict(Amendment.objects.values_list("pk", "status"))
    draft = DraftResolution.objects.get(pk=draft.pk)
    texts = [c.text for c in draft.revision.resolution.operative]
    if statuses[deletes.pk] == "applied":
        # The deletion went first: the change to op 2.b could not be re-based.
        assert statuses[changes.pk] == "needs_revision"
        assert texts == ["Encourages Member States to share data", "Decides to remain seized"]
        assert len(errors) == 1 and "needs revision" in str(errors[0])
    else:
        # The change went first: the deletion of op 2 (now changed inside) needs revision.
        assert statuses == {changes.pk: "applied", deletes.pk: "needs_revision"}
        assert [c.text for c in draft.revision.resolution.operative[1].children] == [
            "on trafficking",
            "on bribery",
        ]
        assert len(errors) == 1
