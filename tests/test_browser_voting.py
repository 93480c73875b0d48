"""In a real Chromium: the chair closes debate, divides the question, takes a roll-call vote on
the divided part with the keyboard and a placard vote on the draft, while a delegate's screen
on the projector page follows the tally without reloading. The draft becomes CCPCJ/1/1."""

import os
import re

import pytest
from playwright.sync_api import expect

from voting import services
from voting.models import Ballot, Resolution

from .voting_helpers import agenda_and_roll_call, approve_draft, close_debate

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = os.environ.get("VOTING_SCREENSHOTS")


def shot(page, name):
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def log_in(page, user):
    user.set_password("pw")
    user.save()
    page.goto("/accounts/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", "pw")
    page.click("button[type=submit]")
    page.wait_for_load_state()


def test_chair_runs_a_roll_call_and_a_placard_vote_while_the_projector_follows(
    chromium, asgi_server, page, committee, delegations, chair, director, delegate, monkeypatch
):
    names = {d.name: d for d in delegations}
    agenda_and_roll_call(committee, chair, statuses={"Japan": "present"})
    for _ in range(2):
        approve_draft(
            committee,
            sponsor=names["Mexico"],
            signatory=names["France"],
            user=delegate,
            director=director,
        )
    monkeypatch.setattr(services._draw, "randrange", lambda n: 0)  # Brazil is drawn

    log_in(page, chair)
    page.get_by_role("link", name="Voting").click()
    # Closure of debate: a procedural vote by placard.
    page.select_option("#id_motion", "closure")
    page.fill("#id_yes", "5")
    page.fill("#id_no", "0")
    page.get_by_role("button", name="Record the vote").click()
    expect(page.locator("#messages")).to_contain_text(
        "Closure of debate on topic 1: adopted (5 in favor, 0 against)"
    )

    # The projector: a delegate's laptop on the big screen, opened once, never reloaded.
    projector = chromium.new_context(
        base_url=asgi_server.url, viewport={"width": 1280, "height": 800}
    ).new_page()
    log_in(projector, delegate)
    projector.goto("/c/ccpcj/votes/projector/")
    expect(projector.locator("body")).to_have_attribute("data-live", "on")
    expect(projector.locator('[data-v="subject"]')).to_have_text("Closure of debate on topic 1")
    projector.evaluate("window.__notReloaded = true")
    # The same delegate's laptop, on the vote page, follows too.
    laptop = projector.context.new_page()
    laptop.goto("/c/ccpcj/votes/current/")
    expect(laptop.locator("body")).to_have_attribute("data-live", "on")
    laptop.evaluate("window.__notReloaded = true")

    # Division of the question: operative clause 3 of DR 1/1 voted separately.
    page.select_option("#id_motion", "division")
    page.fill("#id_draft", "1")
    page.fill("#id_parts", "3")
    page.fill("#id_yes", "4")
    page.fill("#id_no", "1")
    page.get_by_role("button", name="Record the vote").click()
    expect(page.locator("#messages")).to_contain_text("adopted (4 in favor, 1 against)")
    expect(projector.locator('[data-v="subject"]')).to_contain_text("Division of the question")

    page.get_by_role("link", name="Voting procedure on topic 1").click()
    expect(page.locator("#items tbody tr")).to_have_count(3)
    shot(page, "procedure-next-item")
    page.get_by_label("Roll-call vote").check()
    page.get_by_role("button", name="Put it to the committee").click()
    expect(page).to_have_url(re.compile(r"/votes/\d+/$"))
    page.wait_for_load_state()  # its keyboard script has run
    calling = page.locator('.calling [data-v="calling"]')
    expect(calling).to_have_text("Brazil")
    expect(page.get_by_text("Drawn at random to be called first: Brazil")).to_be_visible()
    big = projector.locator('[data-v="calling"]')
    expect(big).to_have_text("Brazil")
    expect(projector.locator('[data-v="subject"]')).to_have_text("DR 1/1, operative clause 3")

    def tally(key):
        return projector.locator(f'.tally [data-v="{key}"]')

    expect(laptop.locator('.calling [data-v="calling"]')).to_have_text("Brazil")
    expect(laptop.locator("#ballots tbody tr")).to_have_count(5)
    page.keyboard.press("p")  # Brazil passes
    expect(calling).to_have_text("France")
    expect(tally("pass")).to_have_text("1")
    expect(projector.locator(".tally-foot")).to_have_text(
        "1 of 5 called have answered; 1 passed, to be called again", use_inner_text=True
    )
    page.keyboard.press("a")  # France answered "present and voting": it cannot abstain
    expect(page.locator("#messages")).to_contain_text("cannot abstain")
    page.keyboard.press("y")
    expect(calling).to_have_text("Japan")
    expect(tally("yes")).to_have_text("1")
    page.keyboard.press("a")  # Japan was only "present": it may abstain
    expect(calling).to_have_text("Kenya")
    page.keyboard.press("y")
    expect(calling).to_have_text("Mexico")
    page.keyboard.press("u")  # undo Kenya's answer
    expect(calling).to_have_text("Kenya")
    expect(tally("yes")).to_have_text("1")
    page.keyboard.press("n")
    expect(big).to_have_text("Mexico")
    expect(projector.locator('[data-v="last"]')).to_have_text("Kenya: No")
    page.keyboard.press("y")
    # Brazil passed: called again, it must answer yes or no.
    expect(calling).to_have_text("Brazil")
    expect(page.locator(".calling")).to_contain_text("Called again")
    expect(page.locator('#ballot-form button[value="abstain"]')).to_be_disabled()
    shot(page, "chair-roll-call")
    shot(projector, "projector-roll-call")
    page.keyboard.press("y")
    expect(tally("yes")).to_have_text("3")
    expect(projector.locator('[data-v="answered"]')).to_have_text("5")
    expect(projector.locator(".tally-foot")).to_have_text(
        "5 of 5 called have answered", use_inner_text=True
    )
    expect(projector.locator('.tally-fill[data-bar="yes"]')).to_have_attribute(
        "style", "width: 60%;"
    )
    page.keyboard.press("y")  # nobody is being called: nothing happens
    assert Ballot.objects.count() == 5

    page.get_by_role("button", name="Verify the count").click()
    page.get_by_role("button", name="Announce the result").click()
    confirm = page.locator("dialog.confirm-dialog")
    expect(confirm).to_contain_text("3 in favor, 1 against, 1 abstaining")
    confirm.get_by_role("button", name="Announce").click()
    result = page.locator("[data-v-result]")
    expect(result).to_contain_text("Adopted")
    expect(result).to_contain_text("3 in favor, 1 against, 1 abstention")
    expect(projector.locator('[data-v="result"]')).to_have_text(
        "3 in favor, 1 against, 1 abstention"
    )
    expect(tally("pass").locator("xpath=ancestor::*[contains(@class, 'tally-row')]")).to_be_hidden()
    for width, height in [(1280, 800), (1920, 1080), (1024, 768)]:  # all of it on one screen
        projector.set_viewport_size({"width": width, "height": height})
        assert projector.evaluate("document.documentElement.scrollHeight <= innerHeight")
    projector.set_viewport_size({"width": 1280, "height": 800})

    # The draft as a whole, by placard.
    page.get_by_role("link", name="Voting procedure").click()
    page.get_by_label("Placard vote").check()
    page.get_by_role("button", name="Put it to the committee").click()
    page.fill("#id_yes", "2o")  # a letter o for a zero
    page.fill("#id_no", "0")
    page.fill("#id_abstain", "1")
    page.get_by_role("button", name="Record the counts and announce").click()
    expect(page.locator("#placard")).to_contain_text("Enter a whole number.")
    expect(page.locator("#id_yes")).to_have_value("2o")  # as typed, never read as 2
    assert Resolution.objects.count() == 0
    page.fill("#id_yes", "9")
    page.get_by_role("button", name="Record the counts and announce").click()
    # More votes than delegations present: not asked, refused, with the reason.
    expect(page.locator(".alert-block, .alert-danger").first).to_contain_text("only 5 delegations")
    expect(page.locator("#id_yes")).to_have_value("9")  # what was typed is kept
    expect(confirm).to_be_hidden()
    shot(page, "placard-error")
    page.fill("#id_yes", " 04 ")
    page.get_by_role("button", name="Record the counts and announce").click()
    # The numbers to be announced, as they will be announced, in the question.
    expect(confirm).to_contain_text("in favor 4, against 0, abstaining 1?")
    confirm.get_by_role("button", name="Announce").click()
    expect(page.locator('[data-v="resolution"]')).to_have_text("CCPCJ/1/1")
    expect(projector.locator('[data-v="resolution"]')).to_have_text("CCPCJ/1/1")
    expect(projector.locator('[data-v="result"]')).to_have_text(
        "4 in favor, 0 against, 1 abstention"
    )
    expect(tally("yes")).to_have_text("4")
    shot(projector, "projector-result")
    for width, height in [(1920, 1080), (1024, 768)]:  # the resolution's code too, on one screen
        projector.set_viewport_size({"width": width, "height": height})
        assert projector.evaluate("document.documentElement.scrollHeight <= innerHeight")
    assert projector.evaluate("window.__notReloaded") is True
    expect(laptop.locator("[data-v-ballots]")).to_be_hidden()  # a placard vote has no rows
    expect(laptop.locator('[data-v="resolution"]')).to_have_text("CCPCJ/1/1")
    assert laptop.evaluate("window.__notReloaded") is True
    assert Resolution.objects.get().code == "CCPCJ/1/1"
    if SHOTS:
        roll_call = Ballot.objects.first().vote_id
        projector.goto(f"/c/ccpcj/votes/{roll_call}/")  # the delegate's view of the roll call
        shot(projector, "delegate-roll-call")
    projector.context.close()


def test_a_roll_call_typed_as_fast_as_the_keys_go_records_each_key_for_its_delegation(
    chromium, asgi_server, page, committee, delegations, chair, director, delegate, monkeypatch
):
    """Keys pressed faster than the server answers each go, in order, to the delegation
    called after the answers before them, while screens following the vote receive every
    answer's message meanwhile. Keys refused give a reason; keys pressed while the page asks
    a question do nothing."""
    names = {d.name: d for d in delegations}
    agenda_and_roll_call(committee, chair, statuses={"Japan": "present"})
    approve_draft(
        committee,
        sponsor=names["Mexico"],
        signatory=names["France"],
        user=delegate,
        director=director,
    )
    _, procedure = close_debate(committee, chair)
    monkeypatch.setattr(services._draw, "randrange", lambda n: 0)  # Brazil is drawn
    vote = services.item_vote_open(
        item=procedure.items.order_by("position").first(), method="roll_call", actor=chair
    )
    projector = chromium.new_context(base_url=asgi_server.url).new_page()
    log_in(projector, delegate)
    projector.goto("/c/ccpcj/votes/projector/")
    expect(projector.locator("body")).to_have_attribute("data-live", "on")
    log_in(page, chair)
    page.goto(f"/c/ccpcj/votes/{vote.pk}/")
    expect(page.locator("body")).to_have_attribute("data-live", "on")
    calling = page.locator('.calling [data-v="calling"]')
    expect(calling).to_have_text("Brazil")

    # Brazil answered "present and voting": its abstention is refused, and the two keys
    # typed after it are not sent; the page names them.
    page.keyboard.type("ayn")
    expect(page.locator("#messages")).to_contain_text("cannot abstain")
    expect(page.locator("#messages")).to_contain_text(
        "The keys pressed after it were not sent (Y, N): press them again."
    )
    assert not Ballot.objects.filter(vote=vote).exists()
    # Brazil passes, France no, Japan yes, Kenya yes, Mexico no: typed with no pause at all.
    page.keyboard.type("pnyyn")
    expect(calling).to_have_text("Brazil")
    expect(page.locator(".calling")).to_contain_text("Called again")
    answers = dict(
        Ballot.objects.filter(vote=vote).values_list("delegation__member_state__name", "answer")
    )
    assert answers == {
        "Brazil": "pass",
        "France": "no",
        "Japan": "yes",
        "Kenya": "yes",
        "Mexico": "no",
    }
    page.keyboard.press("p")  # called again, Brazil cannot pass: the page says why
    expect(page.locator("#messages")).to_contain_text("Brazil passed; called again, it must answer")
    page.keyboard.press("y")
    expect(projector.locator('.tally [data-v="yes"]')).to_have_text("3")
    expect(projector.locator('.tally [data-v="no"]')).to_have_text("2")

    page.get_by_role("button", name="Verify the count").click()
    page.get_by_role("button", name="Announce the result").click()
    confirm = page.locator("dialog.confirm-dialog")
    expect(confirm).to_be_visible()
    page.keyboard.press("u")  # the dialog has the keys: the count stays verified
    page.keyboard.press("Escape")
    expect(confirm).to_be_hidden()
    vote.refresh_from_db()
    assert (vote.status, vote.yes, vote.no) == ("verified", 3, 2)
    assert Ballot.objects.filter(vote=vote).count() == 5
    projector.context.close()


def test_a_delegate_on_the_floor_page_follows_the_vote_under_way_and_its_tally(
    chromium, asgi_server, page, committee, delegations, chair, director, delegate, monkeypatch
):
    """The floor page (a delegate's phone during voting procedure) shows the vote under way,
    who is being called and the tally as the chair records each answer, without reloading,
    and links to the vote's own page."""
    names = {d.name: d for d in delegations}
    agenda_and_roll_call(committee, chair, statuses={"Japan": "present"})
    approve_draft(
        committee,
        sponsor=names["Mexico"],
        signatory=names["France"],
        user=delegate,
        director=director,
    )
    monkeypatch.setattr(services._draw, "randrange", lambda n: 0)  # Brazil is drawn
    phone = chromium.new_context(
        base_url=asgi_server.url, viewport={"width": 390, "height": 844}
    ).new_page()
    log_in(phone, delegate)
    phone.goto("/c/ccpcj/floor/")
    expect(phone.locator("body")).to_have_attribute("data-live", "on")
    phone.evaluate("window.__notReloaded = true")
    card = phone.locator("#vote-card")
    expect(card).to_be_hidden()  # no vote yet
    expect(phone.locator("#join-list")).to_be_visible()

    close_debate(committee, chair)
    # Debate is closed: the list takes nobody, and the page says why.
    expect(phone.locator("#debate-closed")).to_have_text(
        "Debate on topic 1 is closed: the committee is in voting procedure."
    )
    expect(phone.locator("#join-list")).to_have_count(0)
    # The vote on closure of debate was the last: its result, by placard (no abstentions).
    expect(card).to_contain_text("The last vote")
    expect(card.locator('[data-v="subject"]')).to_have_text("Closure of debate on topic 1")
    expect(card.locator("[data-v-abstain]")).to_be_hidden()

    # The same delegate's laptop, on its delegation's home page.
    home = phone.context.new_page()
    home.goto("/c/ccpcj/delegate/")
    expect(home.locator("body")).to_have_attribute("data-live", "on")
    home_card = home.locator("#vote-card")
    expect(home_card.locator('[data-v="heading"]')).to_have_text("The last vote")

    log_in(page, chair)
    page.get_by_role("link", name="Voting").click()
    page.get_by_role("link", name="Voting procedure on topic 1").click()
    page.get_by_label("Roll-call vote").check()
    page.get_by_role("button", name="Put it to the committee").click()
    page.wait_for_load_state()
    expect(page.locator('.calling [data-v="calling"]')).to_have_text("Brazil")
    expect(card.locator('[data-v="heading"]')).to_have_text("Vote under way")
    expect(card.locator('[data-v="subject"]')).to_have_text("DR 1/1 as a whole")
    expect(card.locator('[data-v="method"]')).to_have_text("Roll-call vote")
    expect(card.locator('[data-v="calling"]')).to_have_text("Brazil")
    expect(card.locator("[data-v-abstain]")).to_be_visible()

    page.keyboard.type("pny")  # Brazil passes, France no, Japan yes
    expect(card.locator('[data-v="calling"]')).to_have_text("Kenya")
    expect(home_card.locator('[data-v="heading"]')).to_have_text("Vote under way")
    expect(home_card.locator('[data-v="calling"]')).to_have_text("Kenya")
    expect(card.locator('[data-v="yes"]')).to_have_text("1")
    expect(card.locator('[data-v="no"]')).to_have_text("1")
    page.keyboard.type("yy")  # Kenya, Mexico; then Brazil is called again
    expect(card.locator("[data-v-calling]")).to_contain_text("Called again: Brazil")
    page.keyboard.press("n")
    expect(card.locator("[data-v-calling]")).to_be_hidden()
    expect(card.locator('[data-v="no"]')).to_have_text("2")
    page.get_by_role("button", name="Verify the count").click()
    page.get_by_role("button", name="Announce the result").click()
    page.locator("dialog.confirm-dialog").get_by_role("button", name="Announce").click()
    expect(card.locator('[data-v="heading"]')).to_have_text("The last vote")
    expect(card.locator('[data-v="result"]')).to_have_text(
        "Adopted: 3 in favor, 2 against, 0 abstentions"
    )
    # Its only draft decided, voting procedure ends and the topic closes.
    expect(phone.locator("#current-speech h2")).to_have_text("No topic is open")
    expect(phone.locator("#debate-closed")).to_have_count(0)
    assert phone.evaluate("window.__notReloaded") is True
    assert phone.evaluate("document.documentElement.scrollWidth <= innerWidth")
    shot(phone, "phone-floor-vote")
    card.get_by_role("link", name="Follow the vote").click()
    expect(phone).to_have_url(re.compile(r"/c/ccpcj/votes/current/$"))
    phone.context.close()


@pytest.mark.parametrize(
    "iso3,name",
    [
        ("GBR", "United Kingdom of Great Britain and Northern Ireland"),
        ("USA", "United States of America"),
    ],
)
def test_a_long_name_being_called_keeps_the_projectors_tally_on_the_screen(
    chromium,
    asgi_server,
    committee,
    delegations,
    chair,
    director,
    delegate,
    monkeypatch,
    iso3,
    name,
):
    """The longest name of a Member State, called in a roll call, in smaller type: the whole
    projector (subject, the name, the tally) still fits a 1920×1080 and a 1024×768 screen,
    whether the name arrives live or with the page."""
    from .conftest import state
    from .factories import DelegationFactory

    DelegationFactory(committee=committee, member_state=state(iso3))
    names = {d.name: d for d in committee.delegations.select_related("member_state")}
    agenda_and_roll_call(committee, chair)
    approve_draft(
        committee,
        sponsor=names["Mexico"],
        signatory=names["France"],
        user=delegate,
        director=director,
    )
    _, procedure = close_debate(committee, chair, yes=6)
    monkeypatch.setattr(services._draw, "randrange", lambda n: 4)  # Mexico, then the UK
    vote = services.item_vote_open(
        item=procedure.items.order_by("position").first(), method="roll_call", actor=chair
    )
    projector = chromium.new_context(
        base_url=asgi_server.url, viewport={"width": 1920, "height": 1080}
    ).new_page()
    log_in(projector, delegate)
    projector.goto("/c/ccpcj/votes/projector/")
    expect(projector.locator("body")).to_have_attribute("data-live", "on")
    calling = projector.locator('[data-v="calling"]')
    expect(calling).to_have_text("Mexico")
    services.ballot_record(vote=vote, delegation=names["Mexico"], answer="yes", actor=chair)
    expect(calling).to_have_text(name)
    for reload in (False, True):
        if reload:
            projector.reload()
            expect(calling).to_have_text(name)
        for width, height in [(1920, 1080), (1024, 768)]:
            projector.set_viewport_size({"width": width, "height": height})
            assert projector.evaluate("document.documentElement.scrollHeight <= innerHeight"), (
                width,
                height,
                reload,
            )
            shot(projector, f"projector-long-name-{iso3}-{width}")
    projector.context.close()


def test_a_long_name_speaking_keeps_the_floor_projector_on_the_screen(
    chromium, asgi_server, committee, delegations, chair, delegate
):
    from sessions import floor

    from .conftest import state
    from .factories import DelegationFactory

    uk = DelegationFactory(committee=committee, member_state=state("GBR"))
    agenda_and_roll_call(committee, chair)
    names = {d.name: d for d in committee.delegations.select_related("member_state")}
    waiting = ["Brazil", "France", "Japan", "Mexico", "INTERPOL"]  # a full list below it
    for delegation in [names["Kenya"], uk, *(names[name] for name in waiting)]:
        floor.speaker_add(committee=committee, delegation=delegation, actor=chair)
    floor.speaker_next(committee=committee, actor=chair)
    projector = chromium.new_context(
        base_url=asgi_server.url, viewport={"width": 1920, "height": 1080}
    ).new_page()
    log_in(projector, delegate)
    projector.goto("/c/ccpcj/floor/projector/")
    expect(projector.locator("body")).to_have_attribute("data-live", "on")
    speaker = projector.locator('[data-f="speaker"]')
    expect(speaker).to_have_text("Kenya")
    floor.speech_end(committee=committee, actor=chair)
    floor.speaker_next(committee=committee, actor=chair)
    expect(speaker).to_have_text("United Kingdom of Great Britain and Northern Ireland")
    for reload in (False, True):
        if reload:
            projector.reload()
        for width, height in [(1920, 1080), (1024, 768)]:
            projector.set_viewport_size({"width": width, "height": height})
            assert projector.evaluate("document.documentElement.scrollHeight <= innerHeight"), (
                width,
                reload,
            )
            shot(projector, f"floor-projector-long-name-{width}")
    projector.context.close()


@pytest.mark.parametrize("width", [800, 1024, 1280])
def test_the_chairs_menu_stays_on_a_laptops_screen(page, committee, delegations, chair, width):
    """The chair's menu (every page's, the longest of any role) wraps rather than running off
    the screen: each entry and "Log out" can be reached without scrolling sideways."""
    page.set_viewport_size({"width": width, "height": 768})
    log_in(page, chair)
    page.goto("/c/ccpcj/votes/")
    shot(page, f"menu-{width}")
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    for element in page.locator("#nav a, #nav button").all():
        box = element.bounding_box()
        assert box is not None and box["x"] + box["width"] <= width, element.inner_text()


def test_the_vote_projector_says_when_its_connection_is_lost_and_recovers(
    chromium, asgi_server, committee, delegations, chair, director, delegate
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
    context = chromium.new_context(base_url=asgi_server.url)
    context.add_init_script(
        "(() => { const Native = window.WebSocket; window.__sockets = [];"
        " window.WebSocket = function (url, protocols) { const s = new Native(url, protocols);"
        " window.__sockets.push(s); return s; };"
        " window.WebSocket.prototype = Native.prototype; })();"
    )
    projector = context.new_page()
    log_in(projector, delegate)
    projector.goto("/c/ccpcj/votes/projector/")
    expect(projector.locator("body")).to_have_attribute("data-live", "on")
    lost = projector.locator(".projector-lost")
    expect(lost).to_be_hidden()
    projector.evaluate("window.__sockets.forEach(s => s.close())")
    expect(lost).to_be_visible()
    expect(lost).to_contain_text("Connection lost")
    # Back by itself, and a vote recorded meanwhile is on the screen.
    services.motion_vote(committee=committee, motion="closure", yes=5, no=0, actor=chair)
    expect(projector.locator("body")).to_have_attribute("data-live", "on")
    expect(lost).to_be_hidden()
    expect(projector.locator('[data-v="subject"]')).to_have_text("Closure of debate on topic 1")
    context.close()
