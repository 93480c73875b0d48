"""In a real Chromium: the chair logs in and takes a roll call with the keyboard."""

import re

import pytest
from playwright.sync_api import expect

from sessions import services
from sessions.models import AuditEntry, RollCallEntry

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_chair_takes_roll_call_with_the_keyboard_and_sees_quorum(
    page, login, committee, delegations, chair
):
    services.meeting_open(committee=committee, name="Sunday evening", actor=chair)
    login(chair)
    expect(page).to_have_url(re.compile(r"/c/ccpcj/$"))  # the chair lands on the dashboard
    page.goto("/c/ccpcj/roll-call/")
    summary = page.locator("#roll-call-summary")
    debate = summary.locator('[data-quorum="debate"]')
    vote = summary.locator('[data-quorum="vote"]')
    # While the roll is being called, quorum is "so far", not a red "no".
    expect(debate).to_have_attribute("data-met", "pending")
    expect(debate).to_contain_text("needs 2 of 5 members")
    expect(summary).to_contain_text("roll call in progress")

    # Focus starts on the first delegation without an answer: Brazil (alphabetical order).
    rows = page.locator("#roll-call tbody tr")
    expect(rows.nth(0)).to_be_focused()
    expect(rows.nth(0)).to_have_attribute("data-delegation", "Brazil")

    page.keyboard.press("v")  # Brazil: present and voting
    expect(rows.nth(0)).to_have_attribute("data-status", "present_voting")
    expect(debate).to_have_attribute("data-met", "pending")

    page.keyboard.press("p")  # France: present
    expect(rows.nth(1)).to_have_attribute("data-status", "present")
    expect(debate).to_have_attribute("data-met", "yes")
    expect(debate).to_contain_text("Quorum to debate")
    expect(vote).to_have_attribute("data-met", "pending")
    page.keyboard.press("a")  # INTERPOL (observer): absent
    expect(rows.nth(2)).to_have_attribute("data-status", "absent")
    page.keyboard.press("p")  # Japan: present
    expect(rows.nth(3)).to_have_attribute("data-status", "present")
    expect(vote).to_have_attribute("data-met", "yes")
    expect(summary.locator('[data-count="members_present"]')).to_contain_text("3")

    # Correct France with the arrow keys: up, up, up, then A.
    for _ in range(3):
        page.keyboard.press("ArrowUp")
    expect(rows.nth(1)).to_be_focused()
    page.keyboard.press("a")
    expect(rows.nth(1)).to_have_attribute("data-status", "absent")
    expect(vote).to_have_attribute("data-met", "pending")
    expect(vote).to_contain_text("Quorum to vote: 2 of 3 so far")

    # The last delegation: answering it keeps the focus there, so it can be corrected at once.
    page.keyboard.press("End")
    page.keyboard.press("p")
    expect(rows.nth(5)).to_have_attribute("data-status", "present")
    expect(rows.nth(5)).to_be_focused()
    page.keyboard.press("a")
    expect(rows.nth(5)).to_have_attribute("data-status", "absent")
    expect(vote).to_have_attribute("data-met", "pending")  # Kenya has not answered yet
    page.keyboard.press("ArrowUp")
    page.keyboard.press("a")  # Kenya: absent
    expect(rows.nth(4)).to_have_attribute("data-status", "absent")
    # Everyone has answered: Brazil and Japan of five members is no quorum to vote.
    expect(vote).to_have_attribute("data-met", "no")
    expect(vote).to_contain_text("No quorum to vote")

    assert RollCallEntry.objects.filter(meeting__committee=committee).count() == 6
    correction = AuditEntry.objects.get(action="rollcall.corrected", data__delegation="France")
    assert correction.data == {
        "meeting": 1,
        "delegation": "France",
        "status": "absent",
        "previous": "present",
    }


def test_roll_call_works_without_javascript_clicks(page, login, committee, delegations, chair):
    services.meeting_open(committee=committee, name="Sunday evening", actor=chair)
    login(chair)
    page.goto("/c/ccpcj/roll-call/")
    page.locator(
        '#roll-call tbody tr[data-delegation="Kenya"] button[value="present_voting"]'
    ).click()
    expect(page.locator('#roll-call tbody tr[data-delegation="Kenya"]')).to_have_attribute(
        "data-status", "present_voting"
    )
    expect(page.locator('[data-count="present_voting"]')).to_have_text("1")


def test_projector_follows_the_roll_call_live(
    chromium, asgi_server, page, login, committee, delegations, chair, director
):
    services.meeting_open(committee=committee, name="Sunday evening", actor=chair)
    # The director's screen (or the projector) shows the dashboard, never reloaded.
    projector = chromium.new_context(base_url=asgi_server.url).new_page()
    director.set_password("pw")
    director.save()
    projector.goto("/accounts/login/")
    projector.fill("#id_username", director.username)
    projector.fill("#id_password", "pw")
    projector.click("button[type=submit]")
    expect(projector.locator("body")).to_have_attribute("data-live", "on")
    count = projector.locator('#roll-call-summary [data-count="members_present"]')
    expect(count).to_contain_text("0")

    login(chair)
    page.goto("/c/ccpcj/roll-call/")
    rows = page.locator("#roll-call tbody tr")
    page.keyboard.press("v")
    expect(rows.nth(0)).to_have_attribute("data-status", "present_voting")
    expect(count).to_contain_text("1")
    page.keyboard.press("v")
    expect(count).to_contain_text("2")
    expect(projector.locator('[data-quorum="debate"]')).to_have_attribute("data-met", "yes")
    # The dashboard's timeline follows too.
    expect(projector.locator("#recent")).to_contain_text("roll call: France present and voting")
    projector.context.close()
