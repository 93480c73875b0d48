"""The floor page draws the state each live message carries (no request per change), exactly
as a reload draws it; a missed message (a gap in the sequence numbers) fetches the state once;
what is being typed survives a redraw. In a real Chromium, driven through the pages' forms."""

import re

import pytest
from playwright.sync_api import expect

from sessions.models import DaisRole, Speech

from .factories import DaisRoleFactory, UserFactory
from .test_browser_live_floor import PHONE, PROBLEMS, open_as, shot
from .voting_helpers import agenda_and_roll_call

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The panel's text with the running timers blanked (they tick between two reads).
PANEL_TEXT = """(() => {
  const panel = document.querySelector('#floor-live .floor-panel').cloneNode(true);
  panel.querySelectorAll('[data-timer]').forEach(el => { el.textContent = '·'; });
  const walker = document.createTreeWalker(panel, NodeFilter.SHOW_TEXT);
  const words = [];
  while (walker.nextNode()) {
    const text = walker.currentNode.textContent.replace(/\\s+/g, ' ').trim();
    if (text) words.push(text);
  }
  return words.join(' | ');
})()"""
PANEL_HTML = """(() => {
  const panel = document.querySelector('#floor-live .floor-panel').cloneNode(true);
  panel.querySelectorAll('[data-timer]').forEach(el => { el.textContent = '·'; });
  panel.removeAttribute('data-now');
  panel.querySelectorAll('[data-ends]').forEach(el => el.removeAttribute('data-ends'));
  const forms = [...panel.querySelectorAll('form')].map(f => [f.getAttribute('action'),
    [...f.querySelectorAll('button, input:not([type=hidden]), select')].map(
      e => [e.tagName, e.name, e.getAttribute('value') || '', e.dataset.key || ''])]);
  return JSON.stringify(forms);
})()"""
DROP_NEXT_FLOOR_MESSAGE = """(() => {
  const trigger = htmx.trigger;
  window.__drop = 1;
  htmx.trigger = function (el, name, detail) {
    if (name === 'live:floor' && window.__drop > 0) { window.__drop -= 1; return; }
    return trigger.apply(this, arguments);
  };
})()"""


def state_requests(page):
    seen = []
    page.on(
        "request",
        lambda r: seen.append(r.url) if re.search(r"/floor/(state|panel)/", r.url) else None,
    )
    return seen


def same_as_reload(page):
    live_text, live_forms = page.evaluate(PANEL_TEXT), page.evaluate(PANEL_HTML)
    page.reload()
    expect(page.locator("body")).to_have_attribute("data-live", "on")
    assert page.evaluate(PANEL_TEXT) == live_text
    assert page.evaluate(PANEL_HTML) == live_forms


def test_the_floor_page_follows_the_state_in_each_message(
    chromium, asgi_server, committee, delegations, chair, delegate, other_delegate
):
    PROBLEMS.clear()
    agenda_and_roll_call(committee, chair)
    rapporteur = DaisRoleFactory(
        committee=committee, role=DaisRole.Role.RAPPORTEUR, user=UserFactory(username="riley")
    ).user
    chair_page = open_as(chromium, asgi_server, chair, {"width": 1280, "height": 900})
    chair_page.goto("/c/ccpcj/floor/")
    watch = open_as(chromium, asgi_server, rapporteur, {"width": 1280, "height": 900})
    watch.goto("/c/ccpcj/floor/")
    mexico = open_as(chromium, asgi_server, delegate, PHONE)
    mexico.goto("/c/ccpcj/floor/")
    france = open_as(chromium, asgi_server, other_delegate, PHONE)
    france.goto("/c/ccpcj/floor/")
    for page in [watch, france]:
        expect(page.locator("body")).to_have_attribute("data-live", "on")
    watch_requests, france_requests = state_requests(watch), state_requests(france)
    watch.evaluate("window.__notReloaded = true")

    # The chair adds two speakers, Mexico joins from its phone: the others follow live.
    for name in ["Kenya", "France"]:
        chair_page.select_option("#id_speaker", label=name)
        chair_page.get_by_role("button", name="Add", exact=True).click()
        expect(chair_page.locator("#messages")).to_contain_text(f"{name} is on the speakers list")
    mexico.get_by_role("button", name="Join the speakers list").click()
    expect(watch.locator("#waiting li")).to_have_text(
        [re.compile("^Kenya"), re.compile("^France"), re.compile("^Mexico")]
    )
    expect(france.locator("#waiting li")).to_have_text(["Kenya", "France", "Mexico"])
    expect(france.get_by_role("button", name="Leave the speakers list")).to_be_visible()
    expect(watch.get_by_role("button", name="Next speaker: Kenya")).to_be_visible()

    # Kenya speaks, then yields to questions for a set 45 seconds.
    chair_page.get_by_role("button", name="Next speaker: Kenya").click()
    expect(france.locator("#speaker-now")).to_have_text("Kenya")
    chair_page.fill("#id_question_seconds", "45")
    chair_page.get_by_role("button", name="Yield to questions").click()
    expect(watch.locator("#questions-label")).to_have_text("Questions to")
    expect(france.locator("#speech-timer")).to_have_text(re.compile(r"^0:(4[0-5]|3\d)$"))
    expect(watch.get_by_role("button", name="End the questions")).to_be_visible()

    # Mexico moves to suspend; what the rapporteur types survives the next message.
    mexico.select_option("#id_kind", "suspend")
    mexico.fill("#id_minutes", "10")
    mexico.get_by_role("button", name="Raise the motion").click()
    motion = watch.locator("#pending-motions li").first
    expect(motion).to_contain_text("Moved by Mexico")
    expect(france.locator("#pending-motions li").first).to_contain_text(
        "Suspend the meeting for 10 minutes"
    )
    motion.get_by_label("In favor").fill("7")
    chair_page.select_option("#id_speaker", label="Japan")
    chair_page.get_by_role("button", name="Add", exact=True).click()
    expect(watch.locator("#waiting li")).to_have_count(3)  # Kenya is speaking; Japan added
    expect(watch.locator("#pending-motions li").first.get_by_label("In favor")).to_have_value("7")

    assert watch_requests == [] and france_requests == []  # no request per change
    assert watch.evaluate("window.__notReloaded") is True

    # A missed message: the next one shows the gap and the page fetches the state once.
    watch.evaluate(DROP_NEXT_FLOOR_MESSAGE)
    chair_page.get_by_role("button", name="End the questions").click()  # dropped
    expect(chair_page.locator("#speaker-now")).to_have_text("Nobody has the floor")
    watch.wait_for_timeout(300)
    expect(watch.locator("#speaker-now")).to_have_text("Kenya")  # it missed the end
    chair_page.get_by_role("button", name="Take Japan off the list").click()
    expect(watch.locator("#speaker-now")).to_have_text("Nobody has the floor")
    expect(watch.locator("#waiting li")).to_have_count(2)
    assert len(watch_requests) == 1 and "/floor/state/" in watch_requests[0]

    # What the messages drew is what a reload draws, for the dais and for a phone.
    same_as_reload(watch)
    same_as_reload(france)
    assert PROBLEMS == []
    for page in [chair_page, watch, mexico, france]:
        page.context.close()


def test_the_projector_shows_the_vote_in_bars_readable_from_the_back(
    chromium, asgi_server, committee, delegations, chair, director
):
    PROBLEMS.clear()
    agenda_and_roll_call(committee, chair)
    chair_page = open_as(chromium, asgi_server, chair, {"width": 1280, "height": 900})
    chair_page.goto("/c/ccpcj/floor/")
    projector = open_as(chromium, asgi_server, director, {"width": 1920, "height": 1080})
    projector.goto("/c/ccpcj/floor/projector/")
    expect(projector.locator("body")).to_have_attribute("data-live", "on")
    expect(projector.locator("[data-f-vote]")).to_be_hidden()

    chair_page.select_option("#id_kind", "suspend")
    chair_page.fill("#id_minutes", "15")
    chair_page.get_by_role("button", name="Raise the motion").click()
    motion = chair_page.locator("#pending-motions li").first
    motion.get_by_label("In favor").fill("4")
    motion.get_by_label("Against").fill("2")
    motion.get_by_role("button", name="Record the vote").click()

    box = projector.locator("[data-f-vote]")
    expect(box).to_be_visible()
    expect(box.locator('[data-f="vote_yes"]')).to_have_text("4")
    expect(box.locator('[data-f="vote_no"]')).to_have_text("2")
    expect(box.locator("[data-f-abstain]")).to_be_hidden()  # a procedural vote: no abstentions
    projector.wait_for_timeout(600)  # the bars' transition
    yes = box.locator('[data-bar="yes"]').bounding_box()
    no = box.locator('[data-bar="no"]').bounding_box()
    track = box.locator(".fp-bar-yes .fp-bar-track").bounding_box()
    assert yes["width"] == pytest.approx(2 * no["width"], rel=0.02)  # 4 against 2
    assert 0.3 * track["width"] < yes["width"] < track["width"]  # 4 of the members present
    assert yes["height"] >= 0.05 * 1080  # a bar a twentieth of the screen high
    size = box.locator('[data-f="vote_yes"]').evaluate(
        "e => parseFloat(getComputedStyle(e).fontSize)"
    )
    assert size >= 64
    shot(projector, "projector-vote-bars")
    assert PROBLEMS == []
    for page in [chair_page, projector]:
        page.context.close()


def test_the_chair_runs_the_list_from_the_keyboard(
    chromium, asgi_server, committee, delegations, chair
):
    from sessions import floor

    PROBLEMS.clear()
    agenda_and_roll_call(committee, chair)
    names = {d.name: d for d in delegations}
    for name in ["Kenya", "France", "Japan"]:
        floor.speaker_add(committee=committee, delegation=names[name], actor=chair)
    page = open_as(chromium, asgi_server, chair, {"width": 1280, "height": 900})
    page.goto("/c/ccpcj/floor/")
    expect(page.locator("#shortcuts dt").first).to_have_text("N")
    expect(page.locator("#shortcuts dd").first).to_have_text("Next speaker")

    page.keyboard.press("n")
    expect(page.locator("#speaker-now")).to_have_text("Kenya")
    # Typing in a field is typing, not a shortcut: "e" in the suspension's minutes ends nothing.
    page.locator("#id_minutes").click()
    page.keyboard.type("e")
    page.wait_for_timeout(500)
    expect(page.locator("#speaker-now")).to_have_text("Kenya")
    assert Speech.objects.get(delegation=names["Kenya"]).status == "speaking"
    page.locator("#id_minutes").fill("")
    page.locator("h1").click()  # out of the field

    page.keyboard.press("q")
    expect(page.locator("#questions-label")).to_have_text("Questions to")
    page.keyboard.press("e")
    expect(page.get_by_role("button", name="Next speaker: France")).to_be_visible()
    page.keyboard.press("n")
    expect(page.locator("#speaker-now")).to_have_text("France")
    page.keyboard.press("d")
    expect(page.get_by_role("button", name="Next speaker: Japan")).to_be_visible()
    page.keyboard.press("n")
    expect(page.locator("#speaker-now")).to_have_text("Japan")
    page.keyboard.press("y")
    expect(page.locator("#id_yield_delegation")).to_be_focused()
    page.select_option("#id_yield_delegation", label="Brazil")
    page.keyboard.press("Enter")
    expect(page.locator("#speaker-now")).to_have_text("Brazil")
    expect(page.locator("#current-speech")).to_contain_text("Time yielded by Japan")

    done = Speech.objects.filter(status="done", questions=False).order_by("started_at")
    assert [(s.delegation.name, s.yielded) for s in done] == [
        ("Kenya", "questions"),
        ("France", "dais"),
        ("Japan", "delegation"),
    ]
    assert PROBLEMS == []
    page.context.close()
