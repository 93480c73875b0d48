"""What a chair and a delegate hit in their first hour (issue "Floor-ready"): each test
names the fault it guards against and fails without its fix."""

import datetime as dt
import re
import tempfile
import threading
import time
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.db import connections, transaction
from django.urls import reverse
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from resolutions import services as paper_services
from resolutions.models import Supporter, WorkingPaper
from resolutions.text import Clause, Resolution, check
from resolutions.text.edit import CLOSING_MARKS, add_after, append, clean_text, set_text
from resolutions.text.render import render_text
from sessions import selectors, services
from sessions.errors import DomainError
from sessions.forms import MeetingForm
from sessions.imports import (
    PASSWORD_ALPHABET,
    ImportFailed,
    generate_password,
    import_delegations,
    import_users,
)
from sessions.models import Attendance, AuditEntry, Meeting, Topic

from .conftest import state
from .factories import DelegateFactory, DelegationFactory, UserFactory, delegate_of

pytestmark = pytest.mark.django_db


def committee_url(name, committee, **kwargs):
    return reverse(f"committee:{name}", kwargs={"committee": committee.slug, **kwargs})


def paper_url(name, committee, paper):
    return reverse(f"resolutions:{name}", kwargs={"committee": committee.slug, "pk": paper.pk})


def roll_call(meeting, delegations, status=Attendance.PRESENT, *, actor):
    for delegation in delegations:
        services.roll_call_mark(meeting=meeting, delegation=delegation, status=status, actor=actor)


# 1. The "New meeting" form posts where meetings are opened --------------------------------


def test_new_meeting_form_posts_to_the_meeting_create_url(client, chair, committee):
    client.force_login(chair)
    page = client.get(committee_url("roll_call", committee)).content.decode()
    form = re.search(r'<form[^>]*id="meeting-form"[^>]*>', page).group(0)
    assert f'action="{committee_url("meeting_create", committee)}"' in form
    assert 'method="post"' in form


def test_starts_at_comes_empty_and_says_so(chair, committee):
    form = MeetingForm(committee=committee)
    assert form["starts_at"].value() in (None, "")
    assert "empty to use the current time" in form.fields["starts_at"].help_text


# 2. SQLite makes concurrent writers wait instead of failing --------------------------------


def test_sqlite_settings_let_concurrent_read_then_write_transactions_all_succeed(
    django_db_blocker,
):
    """Eight threads each read a counter, wait, and write it back plus one, at once. With
    deferred transactions SQLite refuses the lock upgrade at once ("database is locked");
    with the project's options every transaction waits its turn and none is lost."""
    alias = "sqlite_concurrency_probe"
    with tempfile.TemporaryDirectory() as folder:
        config = {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(Path(folder) / "probe.sqlite3"),
            "OPTIONS": dict(django_settings.SQLITE_OPTIONS),
        }
        configured = connections.configure_settings(
            {"default": connections.settings["default"], alias: config}
        )
        connections.settings[alias] = configured[alias]
        errors, threads = [], []
        start = threading.Barrier(8)
        try:
            with django_db_blocker.unblock():
                with connections[alias].cursor() as cursor:
                    cursor.execute("CREATE TABLE counter (value integer)")
                    cursor.execute("INSERT INTO counter VALUES (0)")
                    cursor.execute("PRAGMA journal_mode")
                    assert cursor.fetchone()[0] == "wal"

                def bump():
                    try:
                        start.wait()
                        with (
                            transaction.atomic(using=alias),
                            connections[alias].cursor() as cursor,
                        ):
                            cursor.execute("SELECT value FROM counter")
                            value = cursor.fetchone()[0]
                            time.sleep(0.02)
                            cursor.execute("UPDATE counter SET value = %s", [value + 1])
                    except Exception as error:  # noqa: BLE001 - collected for the assertion
                        errors.append(error)
                    finally:
                        connections[alias].close()

                for _ in range(8):
                    thread = threading.Thread(target=bump)
                    thread.start()
                    threads.append(thread)
                for thread in threads:
                    thread.join(timeout=60)
                assert not any(t.is_alive() for t in threads)
                with connections[alias].cursor() as cursor:
                    cursor.execute("SELECT value FROM counter")
                    assert cursor.fetchone()[0] == 8
                assert errors == []
        finally:
            connections[alias].close()
            del connections.settings[alias]


def test_a_refused_mark_answers_409_with_the_message(client, chair, committee, delegations):
    meeting = services.meeting_open(committee=committee, name="Sunday evening", actor=chair)
    client.force_login(chair)
    response = client.post(
        committee_url(
            "roll_call_mark", committee, number=meeting.number, delegation=delegations[0].pk
        ),
        {"status": "maybe"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 409
    assert "Answer present, present and voting, or absent." in response.content.decode()


# 3. A meeting's figures stay those of its membership ----------------------------------------


def test_delegations_added_after_a_meeting_do_not_change_its_figures(committee, delegations, chair):
    members = [d for d in delegations if not d.is_observer]  # 5 members, 1 observer
    first = services.meeting_open(committee=committee, name="Sunday evening", actor=chair)
    roll_call(first, members[:4], actor=chair)
    services.meeting_open(committee=committee, name="Monday morning", actor=chair)
    DelegationFactory(committee=committee, member_state=state("VNM"))
    DelegationFactory(committee=committee, member_state=state("CAN"))

    first.refresh_from_db()
    summary = selectors.roll_call_summary(committee, first)
    assert (summary.members, summary.observers, summary.answered) == (5, 1, 4)
    assert len(selectors.roster(committee, first)) == 6
    current = selectors.roll_call_summary(committee, selectors.latest_meeting(committee))
    assert current.members == 7


def test_a_delegation_added_during_the_current_meeting_counts_in_it(committee, delegations, chair):
    meeting = services.meeting_open(committee=committee, name="Sunday evening", actor=chair)
    DelegationFactory(committee=committee, member_state=state("VNM"))
    assert selectors.roll_call_summary(committee, meeting).members == 6


# 4. The roll-call panel while the roll is being called ---------------------------------------


def test_roll_call_in_progress_is_shown_instead_of_no_quorum(client, chair, committee, delegations):
    meeting = services.meeting_open(committee=committee, name="Tuesday morning", actor=chair)
    roll_call(meeting, delegations[:1], actor=chair)
    client.force_login(chair)
    page = client.get(committee_url("roll_call", committee)).content.decode()
    assert "roll call in progress" in page
    assert "No quorum to vote" not in page
    assert 'data-met="pending"' in page
    # The header's two parts are separate elements, not run together.
    assert re.search(r"Tuesday morning\s*</h2>", page)
    assert re.search(r">\s*1 of 6 answered", page)

    roll_call(meeting, delegations[1:], status=Attendance.ABSENT, actor=chair)
    page = client.get(committee_url("roll_call", committee)).content.decode()
    assert "roll call in progress" not in page
    assert "No quorum to vote" in page  # one member present of five: no quorum, for real


def test_meetings_are_picked_by_name(client, chair, committee, delegations):
    for name in ["Sunday evening", "Monday morning", "Monday afternoon"]:
        services.meeting_open(committee=committee, name=name, actor=chair)
    client.force_login(chair)
    page = client.get(committee_url("roll_call", committee)).content.decode()
    for number, name in [(1, "Sunday evening"), (2, "Monday morning"), (3, "Monday afternoon")]:
        link = committee_url("roll_call_meeting", committee, number=number)
        assert re.search(rf'href="{link}">\s*{number}\. {name}', page)


def test_the_chair_removes_a_meeting_opened_by_mistake(client, chair, committee, delegations):
    first = services.meeting_open(committee=committee, name="Sunday evening", actor=chair)
    roll_call(first, delegations, actor=chair)
    services.meeting_open(committee=committee, name="Sundya evening", actor=chair)
    client.force_login(chair)
    response = client.post(committee_url("meeting_remove", committee, number=2))
    assert response.status_code == 302
    assert list(Meeting.objects.filter(committee=committee).values_list("number", flat=True)) == [1]
    entry = AuditEntry.objects.get(action="meeting.removed")
    assert entry.data == {"number": 2, "name": "Sundya evening"} and entry.actor == chair
    first.refresh_from_db()
    assert first.closed_at is None  # the first meeting is the current one again


def test_a_meeting_with_answers_cannot_be_removed(committee, delegations, chair):
    meeting = services.meeting_open(committee=committee, name="Sunday evening", actor=chair)
    roll_call(meeting, delegations[:1], actor=chair)
    with pytest.raises(DomainError, match="1 delegation answered its roll call"):
        services.meeting_remove(meeting=meeting, actor=chair)
    assert Meeting.objects.filter(pk=meeting.pk).exists()


def test_only_the_latest_meeting_can_be_removed(committee, delegations, chair):
    first = services.meeting_open(committee=committee, name="Sunday evening", actor=chair)
    services.meeting_open(committee=committee, name="Monday morning", actor=chair)
    with pytest.raises(DomainError, match="Only the latest meeting can be removed"):
        services.meeting_remove(meeting=first, actor=chair)


@pytest.mark.parametrize(
    "who, expected", [("chair", 302), ("director", 403), ("delegate", 403), ("outsider", 404)]
)
def test_meeting_remove_permissions(client, cast, committee, delegations, who, expected):
    services.meeting_open(committee=committee, name="Sunday evening", actor=cast["chair"])
    client.force_login(cast[who])
    response = client.post(committee_url("meeting_remove", committee, number=1))
    assert response.status_code == expected
    assert Meeting.objects.filter(committee=committee).exists() == (expected != 302)


def test_meeting_remove_is_post_only(client, chair, committee):
    services.meeting_open(committee=committee, name="Sunday evening", actor=chair)
    client.force_login(chair)
    assert client.get(committee_url("meeting_remove", committee, number=1)).status_code == 405


# 6. Reopening a topic closed by mistake -------------------------------------------------------


def open_agenda(committee, chair, titles=("Crime prevention", "Cybercrime")):
    for title in titles:
        services.topic_propose(committee=committee, title=title, actor=chair)
    services.agenda_adopt(committee=committee, order=list(range(1, len(titles) + 1)), actor=chair)
    return committee.topics.order_by("agenda_position")


def test_the_chair_reopens_a_topic_closed_by_mistake(client, chair, committee):
    topic = open_agenda(committee, chair)[0]
    services.topic_close(topic=topic, actor=chair)
    client.force_login(chair)
    page = client.get(committee_url("agenda", committee)).content.decode()
    assert "Reopen topic 1" in page
    response = client.post(committee_url("topic_reopen", committee, number=1))
    assert response.status_code == 302
    topic.refresh_from_db()
    assert topic.status == Topic.Status.OPEN and topic.closed_at is None
    assert AuditEntry.objects.filter(action="topic.reopened", actor=chair).count() == 1


def test_a_topic_cannot_be_reopened_while_another_is_open(committee, chair):
    first, second = open_agenda(committee, chair)
    services.topic_close(topic=first, actor=chair)
    services.topic_open_next(committee=committee, actor=chair)
    with pytest.raises(DomainError, match="Topic 2 is open"):
        services.topic_reopen(topic=first, actor=chair)


def test_an_open_topic_cannot_be_reopened(committee, chair):
    topic = open_agenda(committee, chair)[0]
    with pytest.raises(DomainError, match="is not closed"):
        services.topic_reopen(topic=topic, actor=chair)


@pytest.mark.parametrize("who, expected", [("director", 403), ("delegate", 403), ("outsider", 404)])
def test_topic_reopen_refused_for_other_roles(client, cast, committee, who, expected):
    topic = open_agenda(committee, cast["chair"])[0]
    services.topic_close(topic=topic, actor=cast["chair"])
    client.force_login(cast[who])
    assert client.post(committee_url("topic_reopen", committee, number=1)).status_code == expected
    topic.refresh_from_db()
    assert topic.status == Topic.Status.CLOSED


def test_irreversible_steps_ask_for_confirmation(client, chair, director, committee, delegations):
    open_agenda(committee, chair)
    client.force_login(chair)
    agenda = client.get(committee_url("agenda", committee)).content.decode()
    assert agenda.count("data-confirm=") == 2  # close, adjourn
    paper_services.paper_create(
        committee=committee, delegation=delegations[0], actor=delegate_of(delegations[0])
    )  # drafting: not on the review page yet
    services_paper = _submitted_paper(committee, delegations, chair)
    client.force_login(director)
    review = client.get(paper_url("review", committee, services_paper)).content.decode()
    for action in ["paper_return", "paper_approve", "paper_not_accept"]:
        form = re.search(
            rf'<form[^>]*action="{paper_url(action, committee, services_paper)}"[^>]*>',
            review,
            re.S,
        ).group(0)
        assert "data-confirm=" in form, action


# 7. Meeting dates far from the conference are refused ----------------------------------------


def test_a_meeting_in_the_year_9999_is_refused_with_a_message(client, chair, committee):
    client.force_login(chair)
    response = client.post(
        committee_url("meeting_create", committee),
        {"name": "Friday morning", "starts_at": "9999-12-31T09:00"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "must start between 14 March 2025 and 17 May 2025" in page
    assert 'value="Friday morning"' in page
    assert not Meeting.objects.exists()


def test_a_meeting_in_the_conference_week_is_accepted(committee, chair):
    starts = timezone.make_aware(dt.datetime(2025, 4, 14, 9, 0))
    meeting = services.meeting_open(
        committee=committee, name="Monday morning", starts_at=starts, actor=chair
    )
    assert meeting.starts_at == starts


def test_the_service_refuses_a_far_date_too(committee, chair):
    with pytest.raises(DomainError, match="outside the conference's dates"):
        services.meeting_open(
            committee=committee,
            name="Later",
            starts_at=timezone.make_aware(dt.datetime(2030, 1, 1)),
            actor=chair,
        )


# 8. Typed closing punctuation is not doubled ---------------------------------------------


CLAUSE_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1
).filter(lambda t: clean_text(t))


@given(text=CLAUSE_TEXT, mark=st.sampled_from(["", *CLOSING_MARKS, ";;", " :", ".  "]))
def test_saving_a_clause_with_or_without_its_closing_mark_gives_the_same_text(text, mark):
    resolution = Resolution(operative=[Clause("Encourages Member States")])
    plain = set_text(resolution, "op.1", text)
    marked = set_text(resolution, "op.1", text + mark)
    assert plain.to_dict() == marked.to_dict()
    added, _ = add_after(resolution, "op.1", text + mark)
    assert added.operative[1].text == plain.operative[0].text


def test_a_typed_colon_appears_once_in_the_rendered_text():
    resolution = Resolution(operative=[Clause("Encourages Member States to act")])
    resolution, _ = append(resolution, "op", "Requests the Secretariat to report, including:")
    resolution.operative[1].children = [Clause("Data on trafficking;")]
    rendered = render_text(resolution)
    assert "including:" in rendered and "including::" not in rendered


def test_doubled_punctuation_is_a_convention_finding():
    resolution = Resolution(
        operative=[Clause("Encourages cooperation with the Egmont Group;; and others")]
    )
    messages = [f.message for f in check(resolution)]
    assert "doubled punctuation “;;”" in messages


def test_the_editor_saves_a_typed_ending_once(client, delegate, committee, delegations):
    open_agenda(committee, UserFactory())
    paper = paper_services.paper_create(
        committee=committee, delegation=delegations[0], actor=delegate
    )
    client.force_login(delegate)
    client.post(
        paper_url("paper_edit_clause", committee, paper),
        {"op": "append_op", "phrase": "Encourages", "rest": "Member States to act, including:"},
    )
    revision = paper_services.latest_revision(paper)
    assert revision.resolution.operative[-1].text == "Encourages Member States to act, including"


# 9. Long input: the limit is named and the typed text kept -----------------------------------


@pytest.fixture
def drafting(committee, delegations, delegate):
    open_agenda(committee, UserFactory())
    return paper_services.paper_create(
        committee=committee, delegation=delegations[0], actor=delegate
    )


def test_an_over_long_clause_names_the_limit_and_keeps_the_text(client, delegate, drafting):
    client.force_login(delegate)
    typed = "Encourages" + " cooperation" * 600  # 7,210 characters
    response = client.post(
        paper_url("paper_edit_clause", drafting.committee, drafting),
        {"op": "append_op", "phrase": "", "rest": typed},
        HTTP_HX_REQUEST="true",
    )
    page = response.content.decode()
    assert "A clause can have at most 5,000 characters; this one has 7,210." in page
    assert typed in page


def test_an_over_long_edit_keeps_the_text_in_the_clause_being_edited(client, delegate, drafting):
    paper_services.paper_save_text(
        paper=drafting,
        delegation=drafting.supporters.get().delegation,
        actor=delegate,
        resolution=Resolution(operative=[Clause("Encourages Member States")]),
    )
    client.force_login(delegate)
    typed = "Member States " + "x" * 6000
    response = client.post(
        paper_url("paper_edit_clause", drafting.committee, drafting),
        {"op": "set", "key": "op.1", "phrase": "Encourages", "rest": typed},
        HTTP_HX_REQUEST="true",
    )
    page = response.content.decode()
    assert "at most 5,000 characters" in page
    assert re.search(r'<details class="edit-clause" open>', page)
    assert typed in page


def test_an_over_long_title_is_refused_in_the_page_and_kept(
    client, delegate, committee, delegations
):
    open_agenda(committee, UserFactory())
    client.force_login(delegate)
    title = "T" * 250
    response = client.post(
        reverse("resolutions:paper_create", kwargs={"committee": committee.slug}), {"title": title}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "A title can have at most 200 characters; this one has 250." in page
    assert f'value="{title}"' in page
    assert not WorkingPaper.objects.exists()


def test_a_paste_over_the_limit_names_it_and_keeps_the_text(client, delegate, drafting):
    client.force_login(delegate)
    text = "Encourages all States to act;\n" * 10_499 + "Encourages all States to act;"
    response = client.post(paper_url("paper_paste", drafting.committee, drafting), {"text": text})
    assert response.status_code == 400
    page = response.content.decode()
    assert "A pasted text can have at most 300,000 characters; this one has 314,999." in page
    assert page.count("Encourages all States to act;") >= 10_500


def test_a_paste_with_too_many_clauses_is_refused_with_a_message(client, delegate, drafting):
    client.force_login(delegate)
    text = "".join(f"Encourages States to take step {n};\n\n" for n in range(1, 1102))
    response = client.post(paper_url("paper_paste", drafting.committee, drafting), {"text": text})
    assert response.status_code == 400
    assert (
        "This text has 1,101 clauses and sub-clauses; a working paper can have at most 1,000"
        in (response.content.decode())
    )


def test_the_service_refuses_more_clauses_than_the_limit(delegate, drafting):
    resolution = Resolution(operative=[Clause(f"Encourages step {n}") for n in range(1001)])
    with pytest.raises(DomainError, match="at most 1,000 clauses"):
        paper_services.paper_save_text(
            paper=drafting,
            delegation=drafting.supporters.get().delegation,
            actor=delegate,
            resolution=resolution,
        )


def test_a_request_over_the_size_limit_gets_a_page_naming_it(client, delegate, drafting):
    client.force_login(delegate)
    text = "x" * (11 * 1024 * 1024)
    response = client.post(paper_url("paper_paste", drafting.committee, drafting), {"text": text})
    assert response.status_code == 400
    page = response.content.decode()
    assert "at most 10 MB" in page and "your text is still in the form" in page


# 10. The live status card compares nothing ---------------------------------------------------


def test_the_live_status_fragment_does_no_comparison(client, delegate, drafting, monkeypatch):
    import resolutions.selectors

    def refuse(*args, **kwargs):
        raise AssertionError("the status fragment compared texts")

    monkeypatch.setattr(resolutions.selectors, "diff", refuse)
    monkeypatch.setattr(resolutions.selectors, "anchor_comments", refuse)
    client.force_login(delegate)
    response = client.get(paper_url("paper_status", drafting.committee, drafting))
    assert response.status_code == 200


# 11. The threshold uses the latest roll call taken -----------------------------------------


def test_a_new_meeting_without_answers_does_not_lower_the_threshold(
    committee, delegations, chair, delegate
):
    open_agenda(committee, chair)
    for code in ["CAN", "DEU", "ITA", "ESP"]:
        DelegationFactory(committee=committee, member_state=state(code))
    sunday = services.meeting_open(committee=committee, name="Sunday evening", actor=chair)
    roll_call(sunday, committee.delegations.all(), actor=chair)  # 10 present: 20 % is 2
    services.meeting_open(committee=committee, name="Monday morning", actor=chair)
    paper = paper_services.paper_create(
        committee=committee, delegation=delegations[0], actor=delegate
    )
    threshold = paper_services.threshold_for(paper)
    assert (threshold.have, threshold.needed, threshold.present) == (1, 2, 10)
    assert threshold.meeting == sunday


# 12. Only the main sponsor withdraws; a co-sponsor leaves ----------------------------------


@pytest.fixture
def cosponsored(committee, delegations, delegate, other_delegate):
    open_agenda(committee, UserFactory())
    paper = paper_services.paper_create(
        committee=committee, delegation=delegations[0], actor=delegate
    )
    paper_services.supporter_invite(
        paper=paper,
        delegation=delegations[0],
        actor=delegate,
        invitee=delegations[1],
        role=Supporter.Role.SPONSOR,
    )
    paper_services.supporter_answer(
        paper=paper, delegation=delegations[1], actor=other_delegate, accept=True
    )
    return paper


def test_a_co_sponsor_cannot_withdraw_the_paper(client, other_delegate, cosponsored):
    client.force_login(other_delegate)
    page = client.get(paper_url("paper", cosponsored.committee, cosponsored)).content.decode()
    assert "Withdraw this paper" not in page and "Leave this paper" in page
    response = client.post(
        paper_url("paper_withdraw", cosponsored.committee, cosponsored), {"reason": ""}, follow=True
    )
    assert "Only the main sponsor can withdraw" in response.content.decode()
    cosponsored.refresh_from_db()
    assert cosponsored.status == WorkingPaper.Status.DRAFTING


def test_a_co_sponsor_leaves_the_paper(client, other_delegate, cosponsored, delegations):
    client.force_login(other_delegate)
    response = client.post(paper_url("sponsor_leave", cosponsored.committee, cosponsored))
    assert response.status_code == 302
    france = cosponsored.supporters.get(delegation=delegations[1])
    assert france.state == Supporter.State.DECLINED
    cosponsored.refresh_from_db()
    assert cosponsored.status == WorkingPaper.Status.DRAFTING
    entry = AuditEntry.objects.get(action="paper.sponsor_left")
    assert entry.data["delegation"] == "France"


def test_the_main_sponsor_cannot_leave_but_withdraws(client, delegate, cosponsored, delegations):
    with pytest.raises(DomainError, match="it can withdraw the paper, not leave it"):
        paper_services.sponsor_leave(paper=cosponsored, delegation=delegations[0], actor=delegate)
    client.force_login(delegate)
    client.post(
        paper_url("paper_withdraw", cosponsored.committee, cosponsored),
        {"reason": "Merged in spirit"},
    )
    cosponsored.refresh_from_db()
    assert cosponsored.status == WorkingPaper.Status.WITHDRAWN
    assert cosponsored.reason == "Merged in spirit"


# 13. The timeline: filters and full dates ----------------------------------------------------


def test_timeline_filters_by_kind_and_meeting(client, chair, committee, delegations):
    sunday = services.meeting_open(committee=committee, name="Sunday evening", actor=chair)
    roll_call(sunday, delegations[:2], actor=chair)
    monday = services.meeting_open(committee=committee, name="Monday morning", actor=chair)
    roll_call(monday, delegations[2:3], actor=chair)
    open_agenda(committee, chair)
    client.force_login(chair)
    url = committee_url("timeline", committee)

    page = client.get(url, {"meeting": sunday.pk}).content.decode()
    assert "roll call: Mexico present" in page and "roll call: Kenya present" not in page

    page = client.get(url, {"meeting": monday.pk, "kind": "agenda"}).content.decode()
    assert "proposed topic 1: Crime prevention" in page
    assert "roll call:" not in page

    page = client.get(url, {"kind": "nonsense"}).content.decode()
    assert "That filter is not known" in page


def test_timeline_shows_full_dates(client, chair, committee):
    services.meeting_open(committee=committee, name="Sunday evening", actor=chair)
    client.force_login(chair)
    page = client.get(committee_url("timeline", committee)).content.decode()
    today = timezone.localtime()
    assert f"{today:%a} {today.day} {today:%b %Y}" in page


# 16. NUL characters and over-long values get a message, never a 500 ------------------------


def test_a_withdraw_reason_with_nul_is_refused_in_the_page(client, delegate, drafting):
    client.force_login(delegate)
    response = client.post(
        paper_url("paper_withdraw", drafting.committee, drafting), {"reason": "because\x00"}
    )
    assert response.status_code == 400
    assert "Null characters are not allowed." in response.content.decode()
    drafting.refresh_from_db()
    assert drafting.status == WorkingPaper.Status.DRAFTING


def test_csv_cells_longer_than_their_field_are_reported(committee):
    with pytest.raises(ImportFailed) as failure:
        import_delegations(committee=committee, text=f"delegation,observer\n{'X' * 201},yes\n")
    assert failure.value.errors == [
        "line 2: the delegation has 201 characters; at most 200 are allowed"
    ]


def test_csv_with_nul_is_refused_with_a_message(committee):
    with pytest.raises(ImportFailed, match="NUL characters"):
        import_delegations(committee=committee, text="delegation\nMexico\x00\n")


# 17. CSV import: semicolons, passwords to hand out ---------------------------------------


def test_a_semicolon_separated_file_is_read(committee):
    result = import_delegations(
        committee=committee, text="delegation;observer\nMexico;\nINTERPOL;yes\n"
    )
    assert sorted(d.name for d in result.created) == ["INTERPOL", "Mexico"]


def test_generated_passwords_have_no_look_alikes():
    for _ in range(200):
        password = generate_password()
        assert re.fullmatch(r"[^-]{4}-[^-]{4}-[^-]{4}", password)
        assert not set(password.replace("-", "")) & set("lI1O0o")
        assert set(password.replace("-", "")) <= set(PASSWORD_ALPHABET)


def test_new_accounts_are_listed_with_names_for_handing_out(committee, delegations):
    result = import_users(
        committee=committee,
        text="name;email;role;delegation\nAna López;ana@example.org;delegate;Mexico\n",
    )
    (account,) = result.accounts
    assert (account.name, account.username, account.delegation) == (
        "Ana López",
        "ana@example.org",
        "Mexico",
    )
    assert (
        result.accounts_csv()
        .splitlines()[1]
        .startswith("Ana López,ana@example.org,delegate,Mexico,")
    )


def test_the_admin_import_shows_a_printable_hand_out_once(admin_client, committee, delegations):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile(
        "accounts.csv",
        "name,email,role,delegation\nAna López,ana@example.org,delegate,Mexico\n".encode(),
    )
    response = admin_client.post(
        reverse("admin:committee_committee_changelist"),
        {
            "action": "import_csv",
            "_selected_action": [committee.pk],
            "apply": "1",
            "kind": "users",
            "file": upload,
        },
    )
    page = response.content.decode()
    assert "<td>Ana López</td>" in page and "<td>Delegate</td>" in page
    assert 'download="ccpcj-new-accounts.csv"' in page and "data-print" in page


# 18. The favicon ------------------------------------------------------------------------


def test_favicon_is_served(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith("favicon.svg")


# 14. The demo installs the runtime only --------------------------------------------------


def test_the_demo_command_installs_the_runtime_only():
    script = (Path(django_settings.BASE_DIR) / "dev").read_text()
    demo = script[script.index("  demo)") : script.index(";;", script.index("  demo)"))]
    assert "setup runtime" in demo
    runtime = script[script.index("setup() {") : script.index("ensure_chromium() {")]
    assert 'target="."' in runtime and 'target=".[test]"' in runtime


def _submitted_paper(committee, delegations, chair):
    delegate = DelegateFactory(delegation=delegations[2], user=UserFactory()).user
    paper = paper_services.paper_create(
        committee=committee,
        delegation=delegations[2],
        actor=delegate,
        resolution=Resolution(operative=[Clause("Encourages Member States to act")]),
    )
    signer = DelegateFactory(delegation=delegations[3], user=UserFactory()).user
    paper_services.supporter_invite(
        paper=paper,
        delegation=delegations[2],
        actor=delegate,
        invitee=delegations[3],
        role=Supporter.Role.SIGNATORY,
    )
    paper_services.supporter_answer(
        paper=paper, delegation=delegations[3], actor=signer, accept=True
    )
    paper_services.paper_submit(paper=paper, delegation=delegations[2], actor=delegate)
    return paper


def test_a_roll_call_still_being_taken_does_not_set_the_threshold(
    committee, delegations, chair, delegate
):
    open_agenda(committee, chair)
    for code in ["CAN", "DEU", "ITA", "ESP"]:
        DelegationFactory(committee=committee, member_state=state(code))
    sunday = services.meeting_open(committee=committee, name="Sunday evening", actor=chair)
    roll_call(sunday, committee.delegations.all(), actor=chair)  # 10 present: 20 % is 2
    monday = services.meeting_open(committee=committee, name="Monday morning", actor=chair)
    roll_call(monday, delegations[:1], actor=chair)  # 1 of 10 answered so far
    paper = paper_services.paper_create(
        committee=committee, delegation=delegations[0], actor=delegate
    )
    threshold = paper_services.threshold_for(paper)
    assert (threshold.needed, threshold.present, threshold.meeting) == (2, 10, sunday)
    roll_call(monday, committee.delegations.exclude(pk=delegations[0].pk), actor=chair)
    threshold = paper_services.threshold_for(paper)
    assert (threshold.needed, threshold.present, threshold.meeting) == (2, 10, monday)


def test_before_any_complete_roll_call_every_delegation_counts(
    committee, delegations, chair, delegate
):
    open_agenda(committee, chair)
    sunday = services.meeting_open(committee=committee, name="Sunday evening", actor=chair)
    roll_call(sunday, delegations[:1], actor=chair)
    paper = paper_services.paper_create(
        committee=committee, delegation=delegations[0], actor=delegate
    )
    threshold = paper_services.threshold_for(paper)
    # Six delegations, none known absent: 20 % of 6 rounded up is 2.
    assert (threshold.needed, threshold.present, threshold.meeting) == (2, 6, None)


def test_a_typed_colon_without_sub_clauses_says_how_it_will_appear(client, delegate, drafting):
    client.force_login(delegate)
    response = client.post(
        paper_url("paper_edit_clause", drafting.committee, drafting),
        {"op": "append_op", "phrase": "Requests", "rest": "the Secretariat to report, including:"},
        HTTP_HX_REQUEST="true",
    )
    assert "The colon appears once the clause has sub-clauses" in response.content.decode()


def test_line_breaks_count_as_one_character_as_in_the_page():
    from resolutions.forms import MaxChars

    MaxChars("A text", 10)("12345\r\n789")  # 10 characters as the page counts them
    with pytest.raises(Exception, match="this one has 11"):
        MaxChars("A text", 10)("12345\r\n78901")


def test_a_meeting_cannot_start_before_the_previous_one(committee, chair):
    services.meeting_open(
        committee=committee,
        name="Monday morning",
        starts_at=timezone.make_aware(dt.datetime(2025, 4, 14, 9, 0)),
        actor=chair,
    )
    with pytest.raises(DomainError, match="cannot start before meeting 1"):
        services.meeting_open(
            committee=committee,
            name="Sunday evening",
            starts_at=timezone.make_aware(dt.datetime(2025, 4, 13, 19, 0)),
            actor=chair,
        )


def test_a_get_on_a_form_address_gets_a_page_not_an_empty_405(client, delegate, committee):
    client.force_login(delegate)
    response = client.get(reverse("resolutions:paper_create", kwargs={"committee": committee.slug}))
    assert response.status_code == 405
    assert "This address only takes a form" in response.content.decode()


def test_favicon_answers_head(client):
    assert client.head("/favicon.ico").status_code == 301


def test_the_dashboard_panel_follows_the_latest_meeting(client, director, chair, committee):
    services.meeting_open(committee=committee, name="Sunday evening", actor=chair)
    client.force_login(director)
    page = client.get(committee_url("dashboard", committee)).content.decode()
    # The summary card follows the latest meeting from the live messages (sessions.live).
    assert 'data-live-html="roll_call_summary" data-live-meeting="latest"' in page
    services.meeting_open(committee=committee, name="Monday morning", actor=chair)
    panel = client.get(committee_url("roll_call_summary_latest", committee)).content.decode()
    assert "Roll call · Monday morning" in panel


def test_the_roll_call_counts_the_membership_of_its_own_meeting(
    committee, delegations, chair, delegate
):
    """A closed meeting keeps the members it had: a delegation that arrives later is not
    missing from its roll call, and one that left before a meeting is not expected at it."""
    open_agenda(committee, chair)
    sunday = services.meeting_open(committee=committee, name="Sunday evening", actor=chair)
    roll_call(sunday, delegations, actor=chair)  # all 6 present
    monday = services.meeting_open(committee=committee, name="Monday morning", actor=chair)
    canada, _ = services.delegation_add(committee=committee, member_state=state("CAN"), actor=chair)
    paper = paper_services.paper_create(
        committee=committee, delegation=delegations[0], actor=delegate
    )
    # Sunday closed before Canada came: its roll call is still complete.
    threshold = paper_services.threshold_for(paper)
    assert (threshold.present, threshold.meeting) == (6, sunday)
    # Monday, open when Canada came, waits for it.
    roll_call(monday, delegations, actor=chair)
    assert paper_services.threshold_for(paper).meeting == sunday
    roll_call(monday, [canada], status=Attendance.ABSENT, actor=chair)
    threshold = paper_services.threshold_for(paper)
    assert (threshold.present, threshold.meeting) == (6, monday)
    # A delegation that left before Tuesday is not expected at Tuesday's roll call.
    services.delegation_withdraw(delegation=delegations[5], actor=chair)
    tuesday = services.meeting_open(committee=committee, name="Tuesday morning", actor=chair)
    roll_call(tuesday, [*delegations[:5], canada], actor=chair)
    threshold = paper_services.threshold_for(paper)
    assert (threshold.present, threshold.meeting) == (6, tuesday)


def test_the_roster_lists_each_meeting_its_own_members_with_their_answers(
    committee, delegations, chair
):
    """The roll call's rows (one query written out) follow ``members_at``: a closed meeting
    keeps its members, a delegation that left is listed where it was a member or answered."""
    open_agenda(committee, chair)
    brazil, france, interpol, japan, kenya, mexico = sorted(delegations, key=lambda d: d.name)
    sunday = services.meeting_open(committee=committee, name="Sunday evening", actor=chair)
    roll_call(sunday, [brazil, france], actor=chair)
    roll_call(sunday, [japan], status=Attendance.ABSENT, actor=chair)
    services.delegation_withdraw(delegation=kenya, actor=chair)  # left while Sunday was open
    monday = services.meeting_open(committee=committee, name="Monday morning", actor=chair)
    canada, _ = services.delegation_add(committee=committee, member_state=state("CAN"), actor=chair)
    roll_call(monday, [canada], status=Attendance.PRESENT_AND_VOTING, actor=chair)
    sunday.refresh_from_db()  # closed when Monday opened

    def listed(meeting):
        return [
            (d.name, d.is_observer, answer) for d, answer in selectors.roster(committee, meeting)
        ]

    assert listed(sunday) == [
        ("Brazil", False, "present"),
        ("France", False, "present"),
        ("INTERPOL", True, None),
        ("Japan", False, "absent"),
        ("Kenya", False, None),  # a member when Sunday opened
        ("Mexico", False, None),
    ]  # Canada came after Sunday closed
    assert listed(monday) == [
        ("Brazil", False, None),
        ("Canada", False, "present_voting"),
        ("France", False, None),
        ("INTERPOL", True, None),
        ("Japan", False, None),
        ("Mexico", False, None),
    ]  # Kenya had left
    assert [d.name for d, _ in selectors.roster(committee, None)] == [
        "Brazil",
        "Canada",
        "France",
        "INTERPOL",
        "Japan",
        "Mexico",
    ]
    for meeting in (sunday, monday, None):
        assert {d.pk for d, _ in selectors.roster(committee, meeting)} == set(
            selectors.members_at(committee, meeting).values_list("pk", flat=True)
        )
    summary = selectors.roll_call_summary(committee, sunday)
    assert (summary.members, summary.observers, summary.present, summary.absent) == (5, 1, 2, 1)
    assert summary.members_present == 2
