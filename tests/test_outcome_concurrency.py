"""On PostgreSQL, two dais members publishing the documentation at the same moment: one
publication (one audit entry), the other told "already published"; the same for withdrawing
it. The services lock the documentation's row; each is slowed inside its transaction (the
clock it stamps with), so without the lock both would read "not published" and both write."""

import threading
import time

import pytest
from django.db import connection, connections

from outcome import services
from outcome.models import Documentation
from sessions import clock
from sessions.errors import DomainError
from sessions.models import AuditEntry, DaisRole

from .factories import DaisRoleFactory, UserFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks need PostgreSQL (SQLite locks the whole file)",
    ),
]


@pytest.fixture
def directors(committee, director):
    other = DaisRoleFactory(
        committee=committee, role=DaisRole.Role.ASSISTANT_DIRECTOR, user=UserFactory()
    ).user
    services.summary_save(committee=committee, text="The committee met.", actor=director)
    return [director, other]


@pytest.fixture
def slow_clock(monkeypatch):
    """The services stamp the time after their check: wait there, inside the transaction."""
    real = clock.now

    def slow():
        time.sleep(0.5)
        return real()

    monkeypatch.setattr(services.clock, "now", slow)


def at_once(service, committee, actors):
    barrier = threading.Barrier(len(actors))
    done, refused, errors = [], [], []

    def run(actor):
        try:
            connection.ensure_connection()  # connected first, so both start together
            barrier.wait()
            service(committee=committee, actor=actor)
            done.append(actor)
        except DomainError as error:
            refused.append(error.message)
        except Exception as error:  # noqa: BLE001 - collected and asserted below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(actor,)) for actor in actors]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not any(thread.is_alive() for thread in threads)  # both finished
    assert errors == []
    return done, refused


def test_two_publishes_at_once_make_one_publication(committee, directors, slow_clock):
    done, refused = at_once(services.documentation_publish, committee, directors)
    assert len(done) == 1
    assert refused == ["The documentation is already published."]
    doc = Documentation.objects.get(committee=committee)
    assert doc.is_published and doc.published_by == done[0]
    assert AuditEntry.objects.filter(action="documentation.published").count() == 1


def test_two_withdrawals_at_once_make_one(committee, directors, slow_clock):
    services.documentation_publish(committee=committee, actor=directors[0])
    done, refused = at_once(services.documentation_unpublish, committee, directors)
    assert len(done) == 1
    assert refused == ["The documentation is not published."]
    assert not Documentation.objects.get(committee=committee).is_published
    assert AuditEntry.objects.filter(action="documentation.unpublished").count() == 1
