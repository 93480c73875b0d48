"""Voting pages: permissions for every view, forms that keep what was typed, the chair's JSON
answers, query counts at two committee sizes."""

import json

import pytest
from django.urls import reverse

from sessions.models import DaisRole
from voting import services
from voting.models import Ballot, Vote

from .factories import DaisRoleFactory, DelegationFactory, UserFactory
from .voting_helpers import agenda_and_roll_call, approve_draft, close_debate

pytestmark = pytest.mark.django_db


@pytest.fixture
def procedure(committee, delegations, chair, names, delegate, director):
    agenda_and_roll_call(committee, chair, statuses={"Japan": "present"})
    for _ in range(2):
        approve_draft(
            committee,
            sponsor=names["Mexico"],
            signatory=names["France"],
            user=delegate,
            director=director,
        )
    return close_debate(committee, chair)[1]


@pytest.fixture
def roll_call_vote(procedure, chair, monkeypatch):
    # Kenya drawn: then Mexico, Brazil, France, Japan (the observer votes on procedure only).
    monkeypatch.setattr(services._draw, "randrange", lambda n: 3)
    item = procedure.items.order_by("position").first()
    return services.item_vote_open(item=item, method="roll_call", actor=chair)


def url(name, committee="ccpcj", **kw):
    return reverse(f"voting:{name}", kwargs={"committee": committee, **kw})


GET_VIEWS = ["index", "current", "projector", "current_state"]
POST_VIEWS = ["no_objection", "objection", "counts", "ballot", "undo", "verify", "announce"]


@pytest.mark.parametrize(
    "who,expected",
    [
        ("anonymous", 302),
        ("outsider", 404),
        ("other_dais", 404),
        ("delegate", 200),
        ("director", 200),
        ("secretariat", 200),
        ("chair", 200),
    ],
)
def test_watching_pages_are_for_committee_members(client, cast, roll_call_vote, who, expected):
    if cast[who]:
        client.force_login(cast[who])
    pages = [url(n) for n in GET_VIEWS] + [
        url("vote", pk=roll_call_vote.pk),
        url("state", pk=roll_call_vote.pk),
        url("procedure", pk=roll_call_vote.item.procedure_id),
    ]
    for page in pages:
        response = client.get(page)
        assert response.status_code == expected, page
        if expected == 302:
            assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize(
    "who,expected",
    [
        ("anonymous", 302),
        ("outsider", 404),
        ("other_dais", 404),
        ("delegate", 403),
        ("director", 403),
        ("secretariat", 403),
    ],
)
def test_only_the_chair_and_rapporteur_record(client, cast, roll_call_vote, names, who, expected):
    if cast[who]:
        client.force_login(cast[who])
    pk = roll_call_vote.pk
    procedure = roll_call_vote.item.procedure
    pages = [url(n, pk=pk) for n in POST_VIEWS] + [
        url("motion"),
        url("item_open", pk=procedure.items.order_by("position").last().pk),
    ]
    for page in pages:
        response = client.post(page, {"delegation": names["Kenya"].pk, "answer": "yes"})
        assert response.status_code == expected, page
    assert not Ballot.objects.exists()


def test_rapporteur_records_and_get_is_refused(client, committee, roll_call_vote, names):
    rapporteur = DaisRoleFactory(
        committee=committee, role=DaisRole.Role.RAPPORTEUR, user=UserFactory(username="riley")
    ).user
    client.force_login(rapporteur)
    for name in POST_VIEWS:
        assert client.get(url(name, pk=roll_call_vote.pk)).status_code == 405
    response = client.post(
        url("ballot", pk=roll_call_vote.pk),
        {"delegation": names["Kenya"].pk, "answer": "yes"},
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 200
    assert Ballot.objects.get().recorded_by == rapporteur


def test_a_vote_of_another_committee_is_not_found(client, other_dais, roll_call_vote):
    client.force_login(other_dais)
    assert client.get(url("vote", committee="ga3", pk=roll_call_vote.pk)).status_code == 404
    assert client.post(url("undo", committee="ga3", pk=roll_call_vote.pk)).status_code == 404


def test_chair_answers_with_json_and_errors_are_messages(client, chair, roll_call_vote, names):
    client.force_login(chair)
    ballot = url("ballot", pk=roll_call_vote.pk)
    response = client.post(
        ballot, {"delegation": names["Kenya"].pk, "answer": "no"}, HTTP_ACCEPT="application/json"
    )
    data = response.json()
    assert data["state"]["no"] == 1 and data["state"]["seq"] == 2
    assert data["ballot"] == {
        "delegation": names["Kenya"].pk,
        "name": "Kenya",
        "answer": "no",
        "display": "No",
        "passed": False,
    }
    assert "order" not in data["state"]  # as small as the live message
    undone = client.post(url("undo", pk=roll_call_vote.pk), HTTP_ACCEPT="application/json")
    assert undone.json()["ballot"]["answer"] == "" and undone.json()["state"]["no"] == 0
    client.post(
        ballot, {"delegation": names["Kenya"].pk, "answer": "no"}, HTTP_ACCEPT="application/json"
    )
    for bad, message in [
        ({"delegation": names["France"].pk, "answer": "abstain"}, "cannot abstain"),
        ({"delegation": "x", "answer": "yes"}, "Choose the delegation"),
        ({"delegation": names["INTERPOL"].pk, "answer": "yes"}, "observers"),
        ({"delegation": names["France"].pk, "answer": "maybe"}, "Answer yes, no"),
        # A screen behind the others: Mexico is called after Kenya, not France.
        ({"delegation": names["France"].pk, "answer": "yes"}, "Mexico is being called, not France"),
        ({"delegation": 999999, "answer": "yes"}, "No such delegation"),
    ]:
        response = client.post(ballot, bad, HTTP_ACCEPT="application/json")
        assert response.status_code == 400
        assert message in response.json()["error"]
    # Without JavaScript: a message on the vote page.
    response = client.post(ballot, {"delegation": names["Kenya"].pk, "answer": "yes"}, follow=True)
    assert "already answered" in response.content.decode()


def test_placard_form_keeps_the_counts_typed_and_explains(client, chair, procedure):
    client.force_login(chair)
    item = procedure.items.order_by("position").first()
    response = client.post(
        url("item_open", pk=item.pk), {"method": "placard", "majority": "simple"}
    )
    vote = Vote.objects.get(motion="item")
    assert response["Location"] == url("vote", pk=vote.pk)
    page = client.get(url("current")).content.decode()
    assert "Placard vote: enter the counts" in page
    response = client.post(url("counts", pk=vote.pk), {"yes": "4", "no": "3", "abstain": "0"})
    assert response.status_code == 400
    content = response.content.decode()
    assert "only 5 delegations present" in content and 'value="4"' in content
    response = client.post(url("counts", pk=vote.pk), {"yes": "four", "no": "", "abstain": "0"})
    assert response.status_code == 400 and 'value="four"' in response.content.decode()
    response = client.post(
        url("counts", pk=vote.pk), {"yes": "3", "no": "1", "abstain": "1"}, follow=True
    )
    assert "3 in favor, 1 against, 1 abstention" in response.content.decode()
    assert "CCPCJ/1/1" in response.content.decode()


def test_motion_form_errors_keep_the_input(client, chair, procedure):
    client.force_login(chair)
    response = client.post(
        url("motion"), {"motion": "division", "draft": "1", "parts": "3; x", "yes": "5", "no": "0"}
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert "is not a list of operative clause numbers" in content and 'value="3; x"' in content
    response = client.post(
        url("motion"), {"motion": "reorder", "order": "2, 9", "yes": "5", "no": "0"}
    )
    assert response.status_code == 400 and "Draft 9" in response.content.decode()
    response = client.post(
        url("motion"), {"motion": "reorder", "order": "2, 1", "yes": "5", "no": "1"}, follow=True
    )
    assert "Reorder the draft resolutions: DR 1/2, DR 1/1: adopted (5 in favor, 1 against)" in (
        response.content.decode()
    )


def test_without_a_vote_through_the_page(client, chair, procedure):
    client.force_login(chair)
    item = procedure.items.order_by("position").first()
    client.post(url("item_open", pk=item.pk), {"method": "without_vote", "majority": "simple"})
    vote = Vote.objects.get(motion="item")
    assert "Are there any objections" in client.get(url("current")).content.decode()
    response = client.post(url("no_objection", pk=vote.pk), follow=True)
    assert "Adopted without a vote" in response.content.decode()
    votes = client.get(url("index")).content.decode()  # the list says it once
    assert "Adopted</span> without a vote</td>" in votes and "</span> Adopted" not in votes


def test_reloaded_mid_vote_the_page_shows_the_exact_state(
    client, chair, delegate, roll_call_vote, names
):
    for name, answer in [("Kenya", "yes"), ("Mexico", "pass"), ("Brazil", "no")]:
        services.ballot_record(
            vote=roll_call_vote, delegation=names[name], answer=answer, actor=chair
        )
    client.force_login(delegate)
    response = client.get(url("current"))
    state = json.loads(response.context["state"] and json.dumps(response.context["state"]))
    assert (state["yes"], state["no"], state["pass"], state["seq"]) == (1, 1, 1, 4)
    content = response.content.decode()
    assert 'data-seq="4"' in content and 'id="vote-state"' in content
    assert 'data-v="yes">1<' in content


@pytest.mark.parametrize("extra", [0, 150])
def test_vote_pages_make_a_fixed_number_of_queries(
    client, committee, chair, delegate, django_assert_num_queries, extra, member_states
):
    from sessions.models import MemberState

    taken = set(committee.delegations.values_list("member_state_id", flat=True))
    for state in MemberState.objects.exclude(pk__in=taken).filter(is_un_member=True)[:extra]:
        DelegationFactory(committee=committee, member_state=state)
    names = {d.name: d for d in committee.delegations.select_related("member_state")}
    committee.signatory_threshold_percent = 1
    committee.save()
    agenda_and_roll_call(committee, chair)
    approve_draft(
        committee,
        sponsor=names["Mexico"],
        signatory=names["France"],
        user=delegate,
        director=DaisRoleFactory(committee=committee, role="director").user,
    )
    procedure = close_debate(committee, chair, yes=len(names) - 1)[1]
    vote = services.item_vote_open(item=procedure.items.get(), method="roll_call", actor=chair)
    for delegation_id in vote.call_order[:3]:
        services.ballot_record(
            vote=vote,
            delegation=committee.delegations.get(pk=delegation_id),
            answer="yes",
            actor=chair,
        )
    client.force_login(chair)
    pages = {
        # The roll call's names come with its order: no query for them; the committee and
        # the reader's roles and delegation are one query.
        url("current"): 5,
        url("projector"): 5,
        url("index"): 8,
        url("current_state"): 5,
        url("procedure", pk=procedure.pk): 8,
    }
    for page, queries in pages.items():
        with django_assert_num_queries(queries):
            assert client.get(page).status_code == 200
    client.force_login(delegate)  # one more: the menu's invitations badge
    with django_assert_num_queries(6):
        assert client.get(url("current")).status_code == 200


JUNK = ["", " ", "-1", "9" * 30, "\x00", "<script>", "yes", "abc", "1.5", "0", "3; ;x", "DR 1/9"]


def test_random_bad_input_to_every_voting_form_never_errors(client, chair, roll_call_vote, names):
    import random

    rng = random.Random(12)
    client.force_login(chair)
    pk = roll_call_vote.pk
    forms = {
        url("ballot", pk=pk): ["delegation", "answer"],
        url("objection", pk=pk): ["method"],
        url("counts", pk=pk): ["yes", "no", "abstain", "permanent_no"],
        url("motion"): ["motion", "order", "draft", "parts", "subject", "yes", "no"],
        url("item_open", pk=roll_call_vote.item_id): ["method", "majority"],
    }
    for _ in range(40):
        for page, fields in forms.items():
            data = {field: rng.choice(JUNK + [str(names["Kenya"].pk)]) for field in fields}
            if rng.random() < 0.5:
                data["motion"] = rng.choice(["agenda", "closure", "reorder", "division", "other"])
            response = client.post(page, data, HTTP_ACCEPT=rng.choice(["application/json", ""]))
            assert response.status_code < 500, (page, data)
    for page in [url("undo", pk=pk), url("verify", pk=pk), url("announce", pk=pk)]:
        assert client.post(page).status_code < 500


@pytest.mark.parametrize("extra", [0, 150])
def test_recording_an_answer_makes_a_fixed_number_of_queries(
    client, committee, chair, delegate, django_assert_num_queries, extra, member_states
):
    from sessions.models import MemberState

    taken = set(committee.delegations.values_list("member_state_id", flat=True))
    for state in MemberState.objects.exclude(pk__in=taken).filter(is_un_member=True)[:extra]:
        DelegationFactory(committee=committee, member_state=state)
    names = {d.name: d for d in committee.delegations.select_related("member_state")}
    committee.signatory_threshold_percent = 1
    committee.save()
    agenda_and_roll_call(committee, chair)
    approve_draft(
        committee,
        sponsor=names["Mexico"],
        signatory=names["France"],
        user=delegate,
        director=DaisRoleFactory(committee=committee, role="director").user,
    )
    procedure = close_debate(committee, chair, yes=len(names) - 1)[1]
    vote = services.item_vote_open(item=procedure.items.get(), method="roll_call", actor=chair)
    client.force_login(chair)
    for delegation_id in vote.call_order[:3]:
        with django_assert_num_queries(12):
            response = client.post(
                url("ballot", pk=vote.pk),
                {"delegation": delegation_id, "answer": "yes"},
                HTTP_ACCEPT="application/json",
            )
        assert response.status_code == 200


def test_admin_shows_votes_read_only(client, secretariat, roll_call_vote, names, chair):
    services.ballot_record(vote=roll_call_vote, delegation=names["Kenya"], answer="no", actor=chair)
    secretariat.is_superuser = True
    secretariat.save()
    client.force_login(secretariat)
    procedure = roll_call_vote.item.procedure
    for name, pk in [("vote", roll_call_vote.pk), ("votingprocedure", procedure.pk)]:
        assert client.get(reverse(f"admin:voting_{name}_changelist")).status_code == 200
        page = client.get(reverse(f"admin:voting_{name}_change", args=[pk]))
        assert page.status_code == 200
        assert 'name="_save"' not in page.content.decode()  # read-only
    assert client.get(reverse("admin:voting_vote_add")).status_code == 403


def test_timeline_tells_the_votes(client, chair, procedure):
    vote = services.item_vote_open(
        item=procedure.items.order_by("position").first(), method="without_vote", actor=chair
    )
    services.vote_no_objection(vote=vote, actor=chair)
    client.force_login(chair)
    page = client.get(reverse("committee:timeline", kwargs={"committee": "ccpcj"}) + "?kind=voting")
    content = page.content.decode()
    assert "DR 1/1 adopted as resolution CCPCJ/1/1 (Adopted without a vote)" in content
    assert "Closure of debate on topic 1: adopted (5 in favor, 0 against)" in content
    assert "Votes and resolutions" in content
    assert "roll call: Kenya" not in content


def test_only_the_number_fields_bring_up_a_number_pad():
    from voting.forms import MotionForm

    form = MotionForm()
    numeric = [name for name, f in form.fields.items() if f.widget.attrs.get("inputmode")]
    assert numeric == ["draft", "yes", "no"]  # not the motion's words, orders or parts


@pytest.mark.parametrize(
    "substantive,question",
    [
        (True, "1 in favor, 4 against, 0 abstaining?"),  # the five members
        (False, "1 in favor, 5 against? It takes effect"),  # and INTERPOL, on procedure
    ],
)
def test_the_announcement_asks_about_abstentions_only_where_there_can_be_some(
    client, chair, procedure, names, substantive, question
):
    if substantive:
        vote = services.item_vote_open(
            item=procedure.items.order_by("position").first(), method="roll_call", actor=chair
        )
    else:
        vote = services.motion_vote(
            committee=procedure.committee,
            motion="other",
            subject="Suspension of the meeting",
            method="roll_call",
            actor=chair,
        )
    vote.refresh_from_db()
    for i, pk in enumerate(vote.call_order):
        answer = "yes" if i == 0 else "no"
        services.ballot_record(
            vote=vote,
            delegation=next(d for d in names.values() if d.pk == pk),
            answer=answer,
            actor=chair,
        )
    services.vote_verify(vote=vote, actor=chair)
    client.force_login(chair)
    page = client.get(url("vote", pk=vote.pk)).content.decode()
    assert question in page


def floor_page(client, user):
    client.force_login(user)
    return client.get(reverse("committee:floor", kwargs={"committee": "ccpcj"})).content.decode()


def test_the_floor_page_shows_the_vote_under_way_and_links_to_its_page(
    client, roll_call_vote, delegate, names
):
    services.ballot_record(
        vote=roll_call_vote,
        delegation=names["Kenya"],
        answer="yes",
        actor=roll_call_vote.opened_by,
    )
    html = floor_page(client, delegate)
    card = html[html.index('id="vote-card"') : html.index('id="floor-live"')]
    assert " hidden" not in card[: card.index(">")]
    assert "Vote under way" in card
    assert "DR 1/1 as a whole" in card
    assert "Roll-call vote" in card
    assert 'In favor <b data-v="yes">1</b>' in card
    assert f'href="{url("current")}"' in card


def test_during_voting_procedure_the_floor_page_says_debate_is_closed_and_takes_no_speakers(
    client, procedure, delegate
):
    html = floor_page(client, delegate)
    assert "Debate on topic 1 is closed: the committee is in voting procedure." in html
    assert "Join the speakers list" not in html


def test_before_voting_procedure_the_floor_page_takes_speakers_and_shows_no_vote(
    client, committee, chair, delegate, delegations
):
    agenda_and_roll_call(committee, chair)
    html = floor_page(client, delegate)
    assert "Join the speakers list" in html
    assert "is closed" not in html
    card = html[html.index('id="vote-card"') : html.index('id="floor-live"')]
    assert " hidden" in card[: card.index(">")]


def test_a_delegates_home_shows_the_vote_under_way_and_links_to_its_page(
    client, roll_call_vote, delegate, names
):
    client.force_login(delegate)
    html = client.get(reverse("committee:delegate_home", kwargs={"committee": "ccpcj"}))
    html = html.content.decode()
    card = html[html.index('id="vote-card"') : html.index('id="vote-card-state"')]
    assert " hidden" not in card[: card.index(">")]
    assert "Vote under way" in card and "DR 1/1 as a whole" in card
    assert 'Now calling</span>: <strong data-v="calling">Kenya</strong>' in card
    assert f'href="{url("current")}"' in card
    assert f'data-state-url="{url("current_state")}"' in card


@pytest.mark.parametrize("kind", ["closure", "adjourn_debate", "speaking_time"])
def test_in_voting_procedure_motions_about_debate_are_out_of_order(
    procedure, committee, chair, names, kind
):
    from sessions import floor
    from sessions.errors import DomainError
    from sessions.models import FloorMotion

    label = FloorMotion.Kind(kind).label
    with pytest.raises(DomainError) as refused:
        floor.motion_raise(
            committee=committee, kind=kind, delegation=names["Kenya"], actor=chair, seconds=60
        )
    assert refused.value.message == (
        "Debate on topic 1 is closed: the committee is in voting procedure. "
        f"“{label}” is no longer in order."
    )
    assert not FloorMotion.objects.exists()
    # Suspending the meeting stays in order.
    floor.motion_raise(
        committee=committee, kind="suspend", delegation=names["Kenya"], actor=chair, minutes=10
    )
