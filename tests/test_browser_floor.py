"""In a real Chromium, as the chair and a delegate would: the forms on the page, filled and
sent with their own buttons, at the speed people really type."""

import re

import pytest
from playwright.sync_api import expect

from resolutions import services as paper_services
from resolutions.models import WorkingPaper
from resolutions.text import Clause, Resolution
from sessions import services
from sessions.member_states import load_member_states
from sessions.models import Meeting, MemberState, RollCallEntry, Topic

from .factories import DelegationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def thirty_three(committee):
    if MemberState.objects.count() != 195:
        load_member_states(MemberState)
    states = MemberState.objects.filter(is_un_member=True).order_by("name")[:33]
    return [DelegationFactory(committee=committee, member_state=s) for s in states]


def test_chair_opens_a_meeting_from_the_page_and_takes_33_answers_at_full_speed(
    page, login, committee, thirty_three, chair
):
    login(chair)
    page.goto("/c/ccpcj/roll-call/")
    page.get_by_label("Name").fill("Sunday evening")
    page.get_by_role("button", name="Open meeting and start roll call").click()
    expect(page).to_have_url(re.compile(r"/c/ccpcj/roll-call/1/$"))
    expect(page.locator("h1 + div")).to_contain_text("Meeting 1: Sunday evening")
    assert Meeting.objects.get(committee=committee).name == "Sunday evening"

    rows = page.locator("#roll-call tbody tr")
    expect(rows.nth(0)).to_be_focused()
    keys = "pva" * 11
    for key in keys:  # 33 key presses, no pause between them
        page.keyboard.press(key)
    expected = {"p": "present", "v": "present_voting", "a": "absent"}
    for index, key in enumerate(keys):
        expect(rows.nth(index)).to_have_attribute("data-status", expected[key])
    expect(page.locator("#roll-call")).to_have_attribute("data-pending", "0")
    expect(page.locator("#roll-call-progress")).to_contain_text("33 of 33 answered")
    answers = dict(
        RollCallEntry.objects.filter(meeting__committee=committee).values_list(
            "delegation__member_state__name", "status"
        )
    )
    assert len(answers) == 33
    in_order = sorted(thirty_three, key=lambda d: d.sort_key)
    assert [answers[d.name] for d in in_order] == [expected[k] for k in keys]
    expect(page.locator(".mark-failed")).to_have_count(0)


def test_a_mark_that_cannot_be_saved_is_retried_then_shown_on_its_row(
    page, login, committee, delegations, chair
):
    services.meeting_open(committee=committee, name="Sunday evening", actor=chair)
    login(chair)
    page.goto("/c/ccpcj/roll-call/")
    failures = {"left": 2}

    def flaky(route):
        if failures["left"]:
            failures["left"] -= 1
            route.fulfill(status=503, body="busy")
        else:
            route.continue_()

    page.route(re.compile(r".*/mark/.*"), flaky)
    rows = page.locator("#roll-call tbody tr")
    page.keyboard.press("v")  # Brazil: fails twice, then goes through
    expect(rows.nth(0)).to_have_attribute("data-status", "present_voting")
    assert RollCallEntry.objects.count() == 1

    page.unroute(re.compile(r".*/mark/.*"))
    page.route(re.compile(r".*/mark/.*"), lambda route: route.abort())
    page.keyboard.press("p")  # France: the network is gone for good
    france = rows.nth(1)
    expect(france).to_have_class(re.compile("mark-failed"), timeout=20_000)
    expect(france.locator(".save-state")).to_contain_text("Present could not be saved")
    assert RollCallEntry.objects.count() == 1


def test_roll_call_fits_a_phone(chromium, asgi_server, committee, delegations, chair):
    services.meeting_open(committee=committee, name="Sunday evening", actor=chair)
    context = chromium.new_context(base_url=asgi_server.url, viewport={"width": 390, "height": 844})
    phone = context.new_page()
    chair.set_password("pw")
    chair.save()
    phone.goto("/accounts/login/")
    phone.fill("#id_username", chair.username)
    phone.fill("#id_password", "pw")
    phone.click("button[type=submit]")
    phone.goto("/c/ccpcj/roll-call/")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    for button in phone.locator('#roll-call button[value="absent"]').all():
        box = button.bounding_box()
        assert box["x"] + box["width"] <= 390
    phone.locator('#roll-call tbody tr[data-delegation="Kenya"] button[value="absent"]').click()
    expect(phone.locator('#roll-call tbody tr[data-delegation="Kenya"]')).to_have_attribute(
        "data-status", "absent"
    )
    context.close()


def test_closing_a_topic_asks_first_and_can_be_undone(page, login, committee, chair):
    services.topic_propose(committee=committee, title="Crime prevention", actor=chair)
    services.agenda_adopt(committee=committee, order=[1], actor=chair)
    login(chair)
    page.goto("/c/ccpcj/agenda/")
    page.get_by_role("button", name="Close topic 1 (voting procedure finished)").click()
    dialog = page.locator("dialog.confirm-dialog")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("Close topic 1, “Crime prevention”?")
    dialog.get_by_role("button", name="Cancel").click()
    expect(dialog).to_be_hidden()
    assert Topic.objects.get().status == Topic.Status.OPEN

    page.get_by_role("button", name="Close topic 1 (voting procedure finished)").click()
    dialog.get_by_role("button", name="Close topic 1").click()
    expect(page.locator("#messages")).to_contain_text("Topic 1 closed")
    assert Topic.objects.get().status == Topic.Status.CLOSED

    page.get_by_role("button", name="Reopen topic 1 (closed by mistake)").click()
    dialog.get_by_role("button", name="Reopen topic 1").click()
    expect(page.locator("#messages")).to_contain_text("Topic 1 is open again")
    assert Topic.objects.get().status == Topic.Status.OPEN


def test_an_over_long_clause_is_stopped_in_the_page_with_the_text_kept(
    page, login, committee, delegations, delegate, chair
):
    services.topic_propose(committee=committee, title="Crime prevention", actor=chair)
    services.agenda_adopt(committee=committee, order=[1], actor=chair)
    paper = paper_services.paper_create(
        committee=committee,
        delegation=delegations[0],
        actor=delegate,
        resolution=Resolution(operative=[Clause("Encourages Member States")]),
    )
    login(delegate)
    page.goto(f"/c/ccpcj/papers/{paper.pk}/edit/")
    form = page.locator("form").filter(has=page.get_by_label("Add an operative clause: text"))
    long_text = "to cooperate " * 500  # 6,500 characters
    form.get_by_label("Add an operative clause: text").fill(long_text)
    form.get_by_role("button", name="Add").click()
    expect(form).to_contain_text("At most 5,000 characters here; this has 6,500")
    expect(form.get_by_label("Add an operative clause: text")).to_have_value(long_text)
    assert paper.revisions.count() == 1

    # The natural ending typed by the delegate is kept once.
    form.get_by_label("Add an operative clause: opening phrase").fill("Requests")
    form.get_by_label("Add an operative clause: text").fill("the Secretariat to report, including:")
    form.get_by_role("button", name="Add").click()
    expect(page.locator("#editor")).to_have_attribute("data-revision", "2")
    text = paper_services.latest_revision(WorkingPaper.objects.get()).resolution
    assert text.operative[-1].text == "Requests the Secretariat to report, including"


def test_a_second_screen_follows_a_new_meeting_and_its_answers(
    chromium, asgi_server, page, login, committee, delegations, chair, director
):
    services.meeting_open(committee=committee, name="Sunday evening", actor=chair)
    screens = {}
    director.set_password("pw")
    director.save()
    for name, path in [("dashboard", "/c/ccpcj/"), ("roll_call", "/c/ccpcj/roll-call/")]:
        other = chromium.new_context(base_url=asgi_server.url).new_page()
        other.goto("/accounts/login/")
        other.fill("#id_username", director.username)
        other.fill("#id_password", "pw")
        other.click("button[type=submit]")
        other.goto(path)
        expect(other.locator("body")).to_have_attribute("data-live", "on")
        screens[name] = other

    login(chair)
    page.goto("/c/ccpcj/roll-call/")
    page.get_by_label("Name").fill("Monday morning")
    page.get_by_role("button", name="Open meeting and start roll call").click()
    expect(page).to_have_url(re.compile(r"/roll-call/2/$"))
    dashboard, viewer = screens["dashboard"], screens["roll_call"]
    expect(dashboard.locator("#roll-call-summary")).to_contain_text("Roll call · Monday morning")
    expect(viewer.locator("h1 + div")).to_contain_text("Meeting 2: Monday morning")

    page.keyboard.press("v")  # Brazil
    expect(viewer.locator('#roll-call tr[data-delegation="Brazil"]')).to_have_attribute(
        "data-status", "present_voting"
    )
    expect(viewer.locator('#roll-call tr[data-delegation="Brazil"] .answer')).to_contain_text(
        "Present and voting"
    )
    expect(dashboard.locator("#roll-call-progress")).to_contain_text("1 of 6 answered")
    for screen in screens.values():
        screen.context.close()
