"""What keeps the busiest pages cheap (issue 10): the guards behind the measured figures."""

import pytest

from resolutions.amendment_models import Amendment, AmendmentSupport
from resolutions.models import Comment, Revision, Round, Supporter
from resolutions.views.common import _revision_rows
from sessions.models import DaisRole, Delegate, FloorMotion, Meeting, Speech, Topic
from voting.models import Ballot, Item, Vote, VotingProcedure

# Each model's rows listed under one parent, in the model's default order: sorting them must
# not join the parent (Django expands an ordering by a relation into the parent's own
# ordering, which joined the paper and its topic, or the committee and its conference).
UNDER_ONE_PARENT = [
    (Round, "paper_id"),
    (Revision, "paper_id"),
    (Supporter, "paper_id"),
    (Comment, "round_id"),
    (Amendment, "draft_id"),
    (AmendmentSupport, "amendment_id"),
    (DaisRole, "committee_id"),
    (Meeting, "committee_id"),
    (Topic, "committee_id"),
    (Speech, "speakers_list_id"),
    (FloorMotion, "committee_id"),
    (VotingProcedure, "committee_id"),
    (Item, "procedure_id"),
    (Vote, "committee_id"),
    (Ballot, "vote_id"),
]


@pytest.mark.parametrize(("model", "parent"), UNDER_ONE_PARENT, ids=lambda v: str(v))
def test_listing_rows_under_their_parent_joins_no_other_table(model, parent):
    sql = str(model.objects.filter(**{parent: 1}).query)
    assert "JOIN" not in sql
    assert "ORDER BY" in sql  # still in the model's order


def test_a_delegations_people_are_ordered_by_name_joining_only_the_user():
    sql = str(Delegate.objects.filter(delegation_id=1).query)
    assert sql.count("JOIN") == 1 and '"auth_user"' in sql


def _revision(pk, text):
    return Revision(pk=pk, number=1, text=text)


def test_the_rows_of_a_revision_are_kept_under_its_text_not_its_number():
    """The rows are worked out once per text: two revisions with the same id and different
    texts (a test database reuses ids) never share rows."""
    first = _revision(7, {"heading": None, "preamble": [], "operative": [{"text": "Urges A;"}]})
    second = _revision(7, {"heading": None, "preamble": [], "operative": [{"text": "Decides B."}]})
    assert [r["text"] for r in _revision_rows(first)] == ["Urges A;"]
    assert [r["text"] for r in _revision_rows(second)] == ["Decides B."]


def test_each_page_hangs_its_comments_on_its_own_copy_of_the_rows():
    revision = _revision(8, {"preamble": [{"text": "Recalling X,"}], "operative": []})
    with_comment = _revision_rows(revision, comments={"pre 1": ["a comment"]})
    without = _revision_rows(revision)
    assert with_comment[0]["comments"] == ["a comment"]
    assert without[0]["comments"] == []
