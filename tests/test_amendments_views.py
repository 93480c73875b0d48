"""Amendment pages: every view for every role (with the state unchanged after each refusal),
GET on POST views, the editor and paste-in, bad input, and the draft page."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resolutions import amendment_services as services
from resolutions.models import Amendment, AmendmentSupport, DraftResolution
from sessions.models import AuditEntry

from .amendment_helpers import make_draft, write
from .factories import DelegateFactory

pytestmark = pytest.mark.django_db

ROLES = ["outsider", "other_dais", "delegate", "other_delegate", "chair", "director", "secretariat"]
OK, FOUND, BAD, FORBIDDEN, MISSING = 200, 302, 400, 403, 404


@pytest.fixture
def setup(committee, delegations, chair, director, delegate, other_delegate):
    """DR 1/1 (sponsors Mexico and France) with three amendments:
    - "proposed": Mexico's unfriendly one, France asked to sign;
    - "friendly": Mexico's friendly one, France's consent asked;
    - "submitted": Kenya's unfriendly one, signed by Japan, waiting for the dais."""
    draft = make_draft(
        committee,
        delegations,
        chair=chair,
        director=director,
        mexican=delegate,
        french=other_delegate,
    )
    mexico, france, kenya, japan = delegations[:4]
    kenyan = kenya.delegates.first().user
    japanese = DelegateFactory(delegation=japan).user

    proposed = services.amendment_create(
        target=draft, delegation=mexico, actor=delegate, kind="unfriendly"
    )
    proposed = write(proposed, mexico, delegate, ("delete", "op.2.1"))
    services.amendment_invite(amendment=proposed, delegation=mexico, actor=delegate, invitee=france)

    friendly = services.amendment_create(
        target=draft, delegation=mexico, actor=delegate, kind="friendly"
    )
    friendly = write(friendly, mexico, delegate, ("set", "op.1", "Urges Member States to act"))
    services.amendment_request_consents(amendment=friendly, delegation=mexico, actor=delegate)

    submitted = services.amendment_create(
        target=draft, delegation=kenya, actor=kenyan, kind="unfriendly"
    )
    submitted = write(submitted, kenya, kenyan, ("append_op", "", "Requests a second report"))
    services.amendment_invite(amendment=submitted, delegation=kenya, actor=kenyan, invitee=japan)
    services.amendment_answer(amendment=submitted, delegation=japan, actor=japanese, accept=True)
    services.amendment_submit(amendment=submitted, delegation=kenya, actor=kenyan)
    return {
        "draft": draft,
        "proposed": proposed,
        "friendly": friendly,
        "submitted": submitted,
        "japan": japan,
        "kenyan": kenyan,
    }


# view, method, object, data, expected for ROLES
MATRIX = [
    ("draft", "get", "draft", {}, [MISSING, MISSING, OK, OK, OK, OK, OK]),
    ("draft_live", "get", "draft", {}, [MISSING, MISSING, OK, OK, OK, OK, OK]),
    (
        "amendment_create",
        "post",
        "draft",
        {"kind": "unfriendly"},
        [MISSING, MISSING, FOUND, FOUND, FORBIDDEN, FORBIDDEN, FORBIDDEN],
    ),
    ("amendments", "get", None, {}, [MISSING, MISSING, OK, OK, OK, OK, OK]),
    ("amendment_list_table", "get", None, {}, [MISSING, MISSING, OK, OK, OK, OK, OK]),
    (
        "amendment_queue",
        "get",
        None,
        {},
        [MISSING, MISSING, FORBIDDEN, FORBIDDEN, OK, OK, OK],
    ),
    (
        "amendment_queue_table",
        "get",
        None,
        {},
        [MISSING, MISSING, FORBIDDEN, FORBIDDEN, OK, OK, OK],
    ),
    ("amendment", "get", "proposed", {}, [MISSING, MISSING, OK, OK, MISSING, MISSING, MISSING]),
    ("amendment", "get", "submitted", {}, [MISSING, MISSING, OK, OK, OK, OK, OK]),
    ("amendment_status", "get", "submitted", {}, [MISSING, MISSING, OK, OK, OK, OK, OK]),
    (
        "amendment_edit",
        "get",
        "proposed",
        {},
        [MISSING, MISSING, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN],
    ),
    (
        "amendment_edit_clause",
        "post",
        "proposed",
        {"op": "delete", "key": "op.1"},
        [MISSING, MISSING, FOUND, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN],
    ),
    (
        "amendment_paste",
        "post",
        "proposed",
        {"text": "1. Calls upon States to act.", "where": "end", "accept": "1"},
        [MISSING, MISSING, FOUND, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN],
    ),
    (
        "amendment_invite",
        "post",
        "proposed",
        {"delegation": "japan"},
        [MISSING, MISSING, FOUND, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN],
    ),
    (
        "amendment_answer",
        "post",
        "proposed",
        {"accept": "yes"},
        [MISSING, MISSING, FOUND, FOUND, FORBIDDEN, FORBIDDEN, FORBIDDEN],
    ),
    (
        "amendment_signature_withdraw",
        "post",
        "proposed",
        {},
        [MISSING, MISSING, FOUND, FOUND, FORBIDDEN, FORBIDDEN, FORBIDDEN],
    ),
    (
        "amendment_request_consents",
        "post",
        "friendly",
        {},
        [MISSING, MISSING, FOUND, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN],
    ),
    (
        "amendment_submit",
        "post",
        "proposed",
        {},
        [MISSING, MISSING, FOUND, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN],
    ),
    (
        "amendment_withdraw",
        "post",
        "proposed",
        {},
        [MISSING, MISSING, FOUND, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN],
    ),
    (
        "amendment_approve",
        "post",
        "submitted",
        {},
        [MISSING, MISSING, FORBIDDEN, FORBIDDEN, FORBIDDEN, FOUND, FORBIDDEN],
    ),
    (
        "amendment_reject",
        "post",
        "submitted",
        {"reason": "Out of order."},
        [MISSING, MISSING, FORBIDDEN, FORBIDDEN, FORBIDDEN, FOUND, FORBIDDEN],
    ),
]
POST_VIEWS = sorted({m[0] for m in MATRIX if m[1] == "post"})


def url(name, committee, obj=None):
    kwargs = {"committee": committee.slug}
    if obj is not None:
        kwargs["pk"] = obj.pk
    return reverse(f"resolutions:{name}", kwargs=kwargs)


def snapshot():
    """Everything an amendment view could change."""
    return (
        list(
            Amendment.objects.order_by("pk").values_list(
                "pk", "status", "operations", "base_revision", "reason", "submitted_at"
            )
        ),
        list(AmendmentSupport.objects.order_by("pk").values_list("pk", "state")),
        list(DraftResolution.objects.values_list("pk", "revision")),
    )


@pytest.mark.parametrize(
    ("name", "method", "which", "data", "expected"),
    MATRIX,
    ids=[f"{m[0]}-{m[2] or 'list'}" for m in MATRIX],
)
@pytest.mark.parametrize("role", ["anonymous", *ROLES])
def test_amendment_permissions(
    client, cast, committee, setup, role, name, method, which, data, expected
):
    obj = setup[which] if which else None
    data = dict(data)
    if data.get("delegation") == "japan":
        data["delegation"] = setup["japan"].pk
    if cast[role] is not None:
        client.force_login(cast[role])
    before = snapshot()
    entries = set(AuditEntry.objects.values_list("pk", flat=True))
    response = getattr(client, method)(url(name, committee, obj), data)
    done = list(
        AuditEntry.objects.exclude(pk__in=entries).order_by("id").values_list("action", flat=True)
    )
    if role == "anonymous":
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
        assert done == [] and snapshot() == before
        return
    assert response.status_code == expected[ROLES.index(role)]
    if response.status_code in (FORBIDDEN, MISSING, BAD) or method == "get":
        assert done == [] and snapshot() == before, "a refused or read-only request changed"
    if response.status_code == FOUND:
        action, message = EFFECTS[name, role]
        assert done == ([action] if action else [])
        if action is None:
            assert snapshot() == before
        assert message in client.get(response["Location"]).content.decode()


# What each redirecting row did: the audit action written (None: refused, nothing changed)
# and the message the page then shows.
EFFECTS = {
    ("amendment_create", "delegate"): ("amendment.created", "started: change, add or delete"),
    ("amendment_create", "other_delegate"): (
        "amendment.created",
        "started: change, add or delete",
    ),
    ("amendment_edit_clause", "delegate"): ("amendment.revised", "Delete op 1"),
    ("amendment_paste", "delegate"): (
        "amendment.revised",
        "The pasted clauses are now part of the amendment.",
    ),
    ("amendment_invite", "delegate"): ("amendment.invited", "Japan was asked to sign."),
    ("amendment_answer", "delegate"): (
        None,
        "Mexico has no open request about Amendment 1 to DR 1/1.",
    ),
    ("amendment_answer", "other_delegate"): ("amendment.signed", "France agreed."),
    ("amendment_signature_withdraw", "delegate"): (
        None,
        "Mexico has not signed Amendment 1 to DR 1/1.",
    ),
    ("amendment_signature_withdraw", "other_delegate"): (
        None,
        "France has not signed Amendment 1 to DR 1/1.",
    ),
    ("amendment_request_consents", "delegate"): (
        None,
        "consents are asked for a proposed amendment.",
    ),
    ("amendment_submit", "delegate"): (None, "Proposer and signatories: 1 of 2 needed."),
    ("amendment_withdraw", "delegate"): (
        "amendment.withdrawn",
        "Amendment 1 to DR 1/1 was withdrawn.",
    ),
    ("amendment_approve", "director"): ("amendment.approved", "it is voted on before DR 1/1."),
    ("amendment_reject", "director"): ("amendment.rejected", "Amendment 3 to DR 1/1 was rejected."),
}


@pytest.mark.parametrize("name", POST_VIEWS)
def test_amendment_state_changes_refuse_get(client, delegate, director, committee, setup, name):
    client.force_login(director if name.startswith("amendment_") else delegate)
    obj = setup["draft"] if name == "amendment_create" else setup["submitted"]
    before = snapshot()
    assert client.get(url(name, committee, obj)).status_code == 405
    client.force_login(delegate)
    assert client.get(url(name, committee, obj)).status_code == 405
    assert snapshot() == before


def test_editor_actions_through_the_page(client, delegate, committee, setup):
    amendment = setup["proposed"]
    client.force_login(delegate)
    target = url("amendment_edit_clause", committee, amendment)
    response = client.post(
        target,
        {"op": "set", "key": "op.3", "phrase": "Decides", "rest": "to act now"},
        HTTP_HX_REQUEST="true",
    )
    content = response.content.decode()
    assert response.status_code == 200 and 'id="editor"' in content
    assert "Change op 3 to read: “Decides to act now”" in content
    assert "changed</span>" in content
    amendment.refresh_from_db()
    assert len(amendment.operations) == 2
    # Undo the first change (the deletion of op 2.a).
    client.post(target, {"op": "undo", "key": "0"}, HTTP_HX_REQUEST="true")
    amendment.refresh_from_db()
    assert [o["op"] for o in amendment.operations] == ["replace"]


def test_editor_refusals_are_explained_and_keep_the_typed_text(client, delegate, committee, setup):
    amendment = setup["proposed"]
    client.force_login(delegate)
    target = url("amendment_edit_clause", committee, amendment)
    before = snapshot()
    for data, message in [
        ({"op": "delete", "key": "pre.1"}, "Only operative clauses may be amended"),
        ({"op": "up", "key": "op.1"}, "does not move them"),
        ({"op": "set", "key": "op.9", "rest": "x"}, "No clause “op 9”"),
        ({"op": "undo", "key": "7"}, "no longer in the amendment"),
        ({"op": "append_op", "phrase": "", "rest": " "}, "Write the clause"),
    ]:
        response = client.post(target, data, HTTP_HX_REQUEST="true")
        assert response.status_code == 200
        assert message in response.content.decode(), message
    assert snapshot() == before
    response = client.post(
        target,
        {"op": "append_op", "phrase": "Calls upon", "rest": ""},
        HTTP_HX_REQUEST="true",
    )
    assert 'value="Calls upon"' in response.content.decode()  # typed input kept


def test_paste_preview_shows_warnings_then_adds_the_clauses(client, delegate, committee, setup):
    amendment = setup["proposed"]
    client.force_login(delegate)
    target = url("amendment_paste", committee, amendment)
    pasted = "1. Calls upon Member States to act:\na. by sharing data;\nc. by training."
    response = client.post(target, {"text": pasted, "where": "after", "key": "op.1"})
    content = response.content.decode()
    assert response.status_code == 200
    assert "was labeled c; relabeled 1.b" in content  # the parser's warning
    assert "Add after op 1: “Calls upon Member States to act”" in content
    assert pasted + "</textarea>" in content
    amendment.refresh_from_db()
    assert len(amendment.operations) == 1  # nothing saved by the preview
    response = client.post(target, {"text": pasted, "where": "after", "key": "op.1", "accept": "1"})
    assert response.status_code == 302
    amendment.refresh_from_db()
    assert amendment.operations[-1]["clause"]["children"][1]["text"] == "by training"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"text": "lunch at noon", "where": "end"}, "No resolution found"),
        (
            {"text": "Recalling the Charter,\n1. Urges x.", "where": "end"},
            "Only operative clauses may be amended",
        ),
        ({"text": "1. Urges x.", "where": "after", "key": ""}, "Choose the clause"),
        ({"text": "1. Urges x.", "where": "after", "key": "op.77"}, "Select a valid choice"),
        (
            {"text": "1. Urges " + "x" * 5000 + ".", "where": "end"},
            "characters; a clause can have at most 5,000.",
        ),
        (
            {"text": "1. Urges " + "x" * 5000 + ".", "where": "end", "accept": "1"},
            "characters; a clause can have at most 5,000.",
        ),
    ],
)
def test_paste_bad_input_is_a_clear_message_and_keeps_the_text(
    client, delegate, committee, setup, data, message
):
    client.force_login(delegate)
    before = snapshot()
    response = client.post(url("amendment_paste", committee, setup["proposed"]), data)
    content = response.content.decode()
    assert response.status_code == 400
    assert message in content and data["text"] + "</textarea>" in content
    assert snapshot() == before


def test_reject_without_reason_keeps_the_page(client, director, committee, setup):
    client.force_login(director)
    response = client.post(url("amendment_reject", committee, setup["submitted"]), {"reason": ""})
    assert response.status_code == 400 and b"This field is required" in response.content
    setup["submitted"].refresh_from_db()
    assert setup["submitted"].status == Amendment.Status.AWAITING_DAIS


def test_refusal_in_the_service_is_a_message(client, delegate, committee, setup):
    client.force_login(delegate)
    response = client.post(url("amendment_submit", committee, setup["proposed"]), follow=True)
    assert "Proposer and signatories: 1 of 2 needed" in response.content.decode()
    setup["proposed"].refresh_from_db()
    assert setup["proposed"].status == Amendment.Status.PROPOSED


def test_draft_page_shows_text_history_and_amendments_with_diffs(
    client, director, delegate, other_delegate, committee, setup
):
    client.force_login(other_delegate)  # France consents: the friendly one reaches the dais
    client.post(url("amendment_answer", committee, setup["friendly"]), {"accept": "yes"})
    client.force_login(director)
    response = client.post(url("amendment_approve", committee, setup["friendly"]), follow=True)
    assert "Amendment 2 to DR 1/1 was applied" in response.content.decode()
    content = client.get(url("draft", committee, setup["draft"])).content.decode()
    assert "Current text · revision 2" in content
    assert "<em>Urges</em> Member States to act" in content
    assert "Amendment 2</a> (friendly, Mexico)" in content  # revision history
    assert 'data-amendment="3" data-status="awaiting_dais"' in content
    assert "<ins>Requests a second report</ins>" in content  # diff against the current text
    assert 'data-amendment="1"' not in content  # Mexico's draft amendment is not public yet
    client.force_login(delegate)
    content = client.get(url("draft", committee, setup["draft"])).content.decode()
    assert 'data-amendment="1" data-status="proposed"' in content
    assert "Propose an amendment to DR 1/1" in content and 'value="friendly"' in content


def test_a_non_sponsor_is_offered_only_unfriendly_amendments(client, committee, setup):
    client.force_login(setup["kenyan"])
    content = client.get(url("draft", committee, setup["draft"])).content.decode()
    assert 'value="unfriendly"' in content and 'value="friendly"' not in content
    response = client.post(url("amendment_create", committee, setup["draft"]), {"kind": "friendly"})
    assert response.status_code == 302
    assert Amendment.objects.filter(proposer__member_state__iso3="KEN").count() == 1


def test_lists_and_menu_show_requests(client, other_delegate, director, committee, setup):
    client.force_login(other_delegate)
    content = client.get(url("amendments", committee)).content.decode()
    assert 'title="Amendments asking your delegation to consent or sign">2</span>' in content
    assert "Your consent is asked" in content and "Your signature is asked" in content
    client.force_login(director)
    content = client.get(url("amendment_queue", committee)).content.decode()
    assert 'data-amendment="' in content and "Amendment 3 to DR 1/1" in content


JUNK = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["", "op.0", "op.1", "op.2.1", "pre.1", "op.9.9", "undo", "-1", "99", "<b>"]),
)


@settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(op=JUNK, key=JUNK, rest=JUNK)
def test_amendment_editor_never_errors(client, delegate, committee, setup, op, key, rest):
    client.force_login(delegate)
    data = {"op": op, "key": key, "phrase": "", "rest": rest}
    response = client.post(
        url("amendment_edit_clause", committee, setup["proposed"]),
        {k: v.replace("\x00", "") for k, v in data.items()},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200


def test_conflicts_are_flagged_but_never_reveal_an_unpublished_amendment(
    client, delegate, other_delegate, director, committee, setup
):
    # Kenya's submitted amendment appends after op 3; Mexico's unpublished one also does.
    services.amendment_save_operations(
        amendment=setup["proposed"],
        delegation=setup["proposed"].proposer,
        actor=delegate,
        operations=[
            {
                "op": "add",
                "parent": "",
                "after": "op.3",
                "clause": {"text": "Requests a third report", "children": []},
            }
        ],
    )
    client.force_login(delegate)
    content = client.get(url("amendment", committee, setup["submitted"])).content.decode()
    assert "Touches op 3 like" in content and "Amendment 1 to DR 1/1" in content
    client.force_login(director)  # Mexico's amendment is not public: no trace of it
    content = client.get(url("amendment", committee, setup["submitted"])).content.decode()
    assert "Touches op 3" not in content and "Amendment 1 to DR 1/1" not in content


def test_typed_closing_marks_are_not_doubled_and_limits_are_named(
    client, delegate, committee, setup
):
    amendment = setup["proposed"]
    client.force_login(delegate)
    target = url("amendment_edit_clause", committee, amendment)
    client.post(
        target,
        {"op": "append_op", "phrase": "Calls upon", "rest": "Member States to act, including:"},
        HTTP_HX_REQUEST="true",
    )
    amendment.refresh_from_db()
    assert (
        amendment.operations[-1]["clause"]["text"] == "Calls upon Member States to act, including"
    )
    before = snapshot()
    response = client.post(
        target, {"op": "append_op", "phrase": "Urges", "rest": "x" * 5001}, HTTP_HX_REQUEST="true"
    )
    content = response.content.decode()
    assert "at most 5,000 characters; this one has 5,001" in content
    assert "x" * 5001 + "</textarea>" in content  # the typed text is kept
    assert snapshot() == before


def test_signature_withdrawn_from_the_page(client, other_delegate, delegate, committee, setup):
    amendment = setup["proposed"]
    client.force_login(other_delegate)
    client.post(url("amendment_answer", committee, amendment), {"accept": "yes"})
    content = client.get(url("amendment", committee, amendment)).content.decode()
    assert "France signed this amendment." in content
    response = client.post(url("amendment_signature_withdraw", committee, amendment))
    # The amendment is not public yet and France is no longer on it: back to the list.
    assert response["Location"] == url("amendments", committee)
    assert "Your signature was withdrawn." in client.get(response["Location"]).content.decode()
    assert amendment.supports.get().state == AmendmentSupport.State.DECLINED


def test_no_proposal_form_once_the_topic_is_closed(client, delegate, chair, committee, setup):
    from sessions import services as session_services

    client.force_login(delegate)
    page = client.get(url("draft", committee, setup["draft"]))
    assert "Propose an amendment" in page.content.decode()
    session_services.topic_close(topic=setup["draft"].topic, actor=chair)
    content = client.get(url("draft", committee, setup["draft"])).content.decode()
    assert "Propose an amendment" not in content
    response = client.post(
        url("amendment_create", committee, setup["draft"]), {"kind": "unfriendly"}, follow=True
    )
    assert "only while it is open" in response.content.decode()


def test_timeline_tells_the_amendments_story_to_those_who_may_read_them(
    client, director, committee, setup
):
    client.force_login(director)
    timeline = reverse("committee:timeline", kwargs={"committee": committee.slug})
    content = client.get(timeline).content.decode()
    assert "Kenya started Amendment 3 to DR 1/1 (unfriendly)" in content
    assert "Amendment 3 to DR 1/1 submitted to the dais" in content
    assert "Japan signed Amendment 3 to DR 1/1" in content
    # Mexico's amendments have not reached the dais: the dais does not see them yet.
    assert "Amendment 1 to DR 1/1" not in content and "Amendment 2 to DR 1/1" not in content
    content = client.get(timeline + "?kind=amendments").content.decode()
    assert "Amendment 3 to DR 1/1 submitted to the dais" in content
    assert "approved as DR 1/1" not in content


@pytest.mark.parametrize(
    ("name", "which", "data"),
    [
        ("amendment_create", "draft", {"kind": "hostile"}),
        ("amendment_create", "draft", {}),
        ("amendment_invite", "proposed", {"delegation": "99999"}),
        ("amendment_invite", "proposed", {"delegation": "<b>"}),
        ("amendment_answer", "proposed", {"accept": "\u2603" * 3}),
        ("amendment_withdraw", "proposed", {"reason": "x" * 501}),
        ("amendment_paste", "proposed", {"text": "", "where": "nowhere"}),
        ("amendment_reject", "submitted", {"reason": "y" * 5001}),
    ],
)
def test_junk_posts_get_a_clear_answer_and_change_nothing(
    client, delegate, director, committee, setup, name, which, data
):
    client.force_login(director if name == "amendment_reject" else delegate)
    before = snapshot()
    response = client.post(url(name, committee, setup[which]), data, follow=True)
    assert response.status_code in (200, 400)
    content = response.content.decode()
    assert 'class="alert' in content or "invalid-feedback" in content
    assert snapshot() == before


def test_an_edit_made_on_a_text_that_changed_meanwhile_is_refused(
    client, delegate, director, other_delegate, committee, setup
):
    """Mexico's editor shows the draft before Amendment 2 (friendly) is applied; its
    "delete op 1" must not delete what has become op 1 since."""
    amendment = setup["proposed"]
    client.force_login(delegate)
    page = client.get(url("amendment_edit", committee, amendment)).content.decode()
    old_base = str(amendment.base_revision_id)
    assert f'"base": "{old_base}"' in page
    services.amendment_answer(
        amendment=setup["friendly"],
        delegation=setup["friendly"].supports.get(state="invited").delegation,
        actor=other_delegate,
        accept=True,
    )
    services.amendment_approve(amendment=setup["friendly"], actor=director)
    amendment.refresh_from_db()
    before = snapshot()
    for name, data in [
        ("amendment_edit_clause", {"op": "delete", "key": "op.1", "base": old_base}),
        ("amendment_edit_clause", {"op": "undo", "key": "0", "base": old_base}),
        ("amendment_paste", {"text": "1. Urges x.", "where": "end", "base": old_base}),
    ]:
        response = client.post(url(name, committee, amendment), data, HTTP_HX_REQUEST="true")
        assert "DR 1/1 changed while you were editing" in response.content.decode()
    assert snapshot() == before
    response = client.post(
        url("amendment_edit_clause", committee, amendment),
        {"op": "delete", "key": "op.1", "base": str(amendment.base_revision_id)},
    )
    amendment.refresh_from_db()
    assert [o["op"] for o in amendment.operations] == ["delete", "delete"]
