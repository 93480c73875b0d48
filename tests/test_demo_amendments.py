"""The demo's amendments follow the seed: two drafts on topic 1 and the one on topic 2 were
amended, and the amendments lead from the approved texts to the seed's final texts."""

from io import StringIO

import pytest
from django.core.management import call_command

from resolutions import demo
from resolutions.models import Amendment, DraftResolution
from resolutions.text import parse
from sessions.models import AuditEntry
from voting.models import Item

pytestmark = pytest.mark.django_db(transaction=True)
SEED = demo.SEED


def test_demo_amendments_lead_to_the_seed_texts(member_states):
    call_command("demo", stdout=StringIO())
    amended = {
        a.draft.code: (a.kind, a.status, a.proposer.member_state.iso3)
        for a in Amendment.objects.select_related("draft", "proposer__member_state")
    }
    assert amended == {
        "DR 1/3": ("unfriendly", "applied", "CHN"),
        "DR 1/4": ("friendly", "applied", "BRA"),
        "DR 2/1": ("friendly", "applied", "DEU"),
    }
    for draft in DraftResolution.objects.select_related("topic", "revision"):
        seed = parse((SEED / f"ccpcj-{draft.topic.number}-{draft.number}.txt").read_text())
        assert draft.revision.resolution == seed.resolution, draft.code
        approved = draft.paper.rounds.get(outcome="approved").revision
        if draft.code in amended:
            assert approved.resolution != seed.resolution
            assert draft.amendments.get().applied_revision == draft.revision
        else:
            assert approved == draft.revision
    unfriendly = Amendment.objects.get(kind="unfriendly")
    assert unfriendly.descriptions[0].startswith("Change op 2.b to read: “Advising")
    assert unfriendly.descriptions[1] == "Delete op 3.f"
    assert unfriendly.supports.filter(state="accepted").count() == 6
    assert AuditEntry.objects.filter(action="amendment.adopted").count() == 1
    # China's amendment was put to the vote in voting procedure, before DR 1/3 itself.
    item = Item.objects.select_related("vote").get(kind="amendment")
    whole = Item.objects.select_related("vote").get(kind="draft", draft=unfriendly.draft)
    assert (item.amendment_id, item.status, item.vote.method) == (
        unfriendly.pk,
        "adopted",
        "placard",
    )
    assert item.vote.result == "18 in favor, 10 against, 5 abstentions"
    assert (item.procedure_id, item.position) == (whole.procedure_id, whole.position - 1)
    assert item.vote.announced_at <= unfriendly.applied_revision.created_at
    assert unfriendly.applied_revision.created_at < whole.vote.opened_at
    before = Amendment.objects.count()
    call_command("demo", stdout=StringIO())
    assert Amendment.objects.count() == before
