"""Voting's data migrations, run on a vote recorded before them."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from voting import services
from voting.models import Vote

from .voting_helpers import agenda_and_roll_call, approve_draft, close_debate


@pytest.mark.django_db(transaction=True)
def test_a_vote_drawn_before_the_names_were_kept_gets_them(
    committee, delegations, chair, delegate, director, monkeypatch
):
    names = {d.name: d for d in delegations}
    agenda_and_roll_call(committee, chair)
    approve_draft(
        committee,
        sponsor=names["Mexico"],
        signatory=names["France"],
        user=delegate,
        director=director,
    )
    procedure = close_debate(committee, chair)[1]
    monkeypatch.setattr(services._draw, "randrange", lambda n: 1)  # France is drawn
    item = procedure.items.order_by("position").first()
    vote = services.item_vote_open(item=item, method="roll_call", actor=chair)

    executor = MigrationExecutor(connection)
    executor.migrate([("voting", "0002_amendment_items")])
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes("voting"))

    vote = Vote.objects.get(pk=vote.pk)
    # English alphabetical order from France; INTERPOL, an observer, is not called.
    assert vote.call_names == ["France", "Japan", "Kenya", "Mexico", "Brazil"]
