"""In a real Chromium, the issue's "done when": the chair closes debate by a procedural
roll call, then takes a roll-call vote on Japan's unfriendly amendment to DR 1/1 with the
keyboard and a placard vote on the draft, while a delegate's projector page and laptop follow
the tally without reloading. The adopted amendment is in the text; the draft becomes
CCPCJ/1/1. Every step of the votes is a page's form or key; the draft and the amendment are
prepared through the services before anyone watches."""

import os
import re

import pytest
from playwright.sync_api import expect

from resolutions import amendment_services as amendments
from voting import services
from voting.models import Ballot, Resolution, Vote

from .amendment_helpers import write
from .factories import DelegateFactory
from .voting_helpers import agenda_and_roll_call, approve_draft

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


def japans_amendment(draft, names, director):
    japanese = DelegateFactory(delegation=names["Japan"]).user
    kenyan = DelegateFactory(delegation=names["Kenya"]).user
    amendment = amendments.amendment_create(
        target=draft, delegation=names["Japan"], actor=japanese, kind="unfriendly"
    )
    write(amendment, names["Japan"], japanese, ("set", "op.1", "Urges Member States to act"))
    amendments.amendment_invite(
        amendment=amendment, delegation=names["Japan"], actor=japanese, invitee=names["Kenya"]
    )
    amendments.amendment_answer(
        amendment=amendment, delegation=names["Kenya"], actor=kenyan, accept=True
    )
    amendments.amendment_submit(amendment=amendment, delegation=names["Japan"], actor=japanese)
    return amendments.amendment_approve(amendment=amendment, actor=director)


def test_roll_call_on_an_amendment_then_placard_on_its_draft_while_the_projector_follows(
    chromium, asgi_server, page, committee, delegations, chair, director, delegate, monkeypatch
):
    names = {d.name: d for d in delegations}
    agenda_and_roll_call(committee, chair, statuses={"Japan": "present"})
    draft = approve_draft(
        committee,
        sponsor=names["Mexico"],
        signatory=names["France"],
        user=delegate,
        director=director,
    )
    japans_amendment(draft, names, director)
    monkeypatch.setattr(services._draw, "randrange", lambda n: 0)  # Brazil is drawn

    log_in(page, chair)
    page.get_by_role("link", name="Voting").click()
    # Closure of debate by roll call: everyone present is called, the observer too.
    page.select_option("#id_motion", "closure")
    page.get_by_label("Roll-call vote: call every delegation present").check()
    page.get_by_role("button", name="Record the vote").click()
    expect(page).to_have_url(re.compile(r"/votes/\d+/$"))
    page.wait_for_load_state()  # its keyboard script has run
    expect(page.locator('#ballot-form button[value="abstain"]')).to_have_count(0)
    answered = page.locator('.tally [data-v="answered"]')
    for n in range(1, 7):
        page.keyboard.press("y")
        expect(answered).to_have_text(str(n))
    page.get_by_role("button", name="Verify the count").click()
    page.get_by_role("button", name="Announce the result").click()
    confirm = page.locator("dialog.confirm-dialog")
    confirm.get_by_role("button", name="Announce").click()
    expect(page.locator("[data-v-result]")).to_contain_text("6 in favor, 0 against")

    # The projector: a delegate's laptop on the big screen, opened once, never reloaded.
    projector = chromium.new_context(
        base_url=asgi_server.url, viewport={"width": 1280, "height": 800}
    ).new_page()
    log_in(projector, delegate)
    projector.goto("/c/ccpcj/votes/projector/")
    expect(projector.locator("body")).to_have_attribute("data-live", "on")
    expect(projector.locator('[data-v="subject"]')).to_have_text("Closure of debate on topic 1")
    projector.evaluate("window.__notReloaded = true")
    # A delegate's laptop follows the votes from the closure's on, never reloaded.
    laptop = projector.context.new_page()
    laptop.goto("/c/ccpcj/votes/current/")
    expect(laptop.locator('[data-v="majority_label"]')).to_have_text("two-thirds majority")
    laptop.evaluate("window.__notReloaded = true")

    # Voting procedure: the amendment first, then the draft as a whole.
    page.get_by_role("link", name="Voting procedure on topic 1").click()
    rows = page.locator("#items tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_contain_text("Amendment 1 to DR 1/1")
    expect(rows.nth(0)).to_contain_text("Change op 1 to read: “Urges Member States to act”")
    expect(rows.nth(1)).to_contain_text("DR 1/1 as a whole")
    expect(page.locator("#open-item h2")).to_have_text("Next: Amendment 1 to DR 1/1")
    shot(page, "amendment-procedure")
    page.get_by_label("Roll-call vote").check()
    page.get_by_role("button", name="Put it to the committee").click()
    expect(page).to_have_url(re.compile(r"/votes/\d+/$"))
    page.wait_for_load_state()  # its keyboard script has run
    expect(page.locator(".amendment-diff ins").first).to_have_text("Urges")
    expect(page.locator(".amendment-diff del").first).to_have_text("Encourages")

    subject = projector.locator('[data-v="subject"]')
    expect(subject).to_have_text("Amendment 1 to DR 1/1")
    expect(projector.locator("[data-v-changes]")).to_have_text(
        "Change op 1 to read: “Urges Member States to act”"
    )
    big = projector.locator('[data-v="calling"]')
    # The laptop's heading is the amendment's, not the closure's that it loaded with.
    expect(laptop.locator('[data-v="subject"]')).to_have_text("Amendment 1 to DR 1/1")
    expect(laptop.locator('[data-v="kind_label"]')).to_have_text("Substantive")
    expect(laptop.locator('[data-v="majority_label"]')).to_have_text("simple majority")
    # A second laptop opens the page during the amendment's vote: it shows who proposed it.
    during = projector.context.new_page()
    during.goto("/c/ccpcj/votes/current/")
    expect(during.locator("[data-v-amendment-status]")).to_have_text(
        "Approved, waiting for the vote"
    )

    def tally(key):
        return projector.locator(f'.tally [data-v="{key}"]')

    calling = page.locator('.calling [data-v="calling"]')
    for name, key, after in [
        ("Brazil", "y", "France"),
        ("France", "n", "Japan"),
        ("Japan", "a", "Kenya"),  # "present" at the roll call: it may abstain
        ("Kenya", "y", "Mexico"),
    ]:
        expect(calling).to_have_text(name)
        expect(big).to_have_text(name)
        page.keyboard.press(key)
        expect(calling).to_have_text(after)
    expect(tally("yes")).to_have_text("2")
    expect(tally("no")).to_have_text("1")
    expect(tally("abstain")).to_have_text("1")
    shot(page, "amendment-roll-call-chair")
    shot(projector, "amendment-roll-call-projector")
    page.keyboard.press("y")
    expect(tally("yes")).to_have_text("3")
    page.get_by_role("button", name="Verify the count").click()
    page.get_by_role("button", name="Announce the result").click()
    confirm.get_by_role("button", name="Announce").click()
    expect(page.locator("[data-v-result]")).to_contain_text("3 in favor, 1 against, 1 abstention")
    expect(projector.locator('[data-v="outcome"]')).to_have_text("Adopted")
    expect(during.locator("[data-v-amendment-status]")).to_have_text("Applied")
    expect(projector.locator('[data-v="result"]')).to_have_text(
        "3 in favor, 1 against, 1 abstention"
    )
    draft.refresh_from_db()
    assert draft.revision.resolution.operative[0].text == "Urges Member States to act"

    # The draft as a whole, by placard, with the amended text.
    page.get_by_role("link", name="Voting procedure").click()
    expect(rows.nth(0)).to_contain_text("Adopted")
    page.get_by_label("Placard vote").check()
    page.get_by_role("button", name="Put it to the committee").click()
    expect(subject).to_have_text("DR 1/1 as a whole")
    expect(projector.locator("[data-v-amendment]")).to_be_hidden()
    page.fill("#id_yes", "4")
    page.fill("#id_no", "0")
    page.fill("#id_abstain", "1")
    page.get_by_role("button", name="Record the counts and announce").click()
    confirm.get_by_role("button", name="Announce").click()
    expect(page.locator('[data-v="resolution"]')).to_have_text("CCPCJ/1/1")
    expect(projector.locator('[data-v="resolution"]')).to_have_text("CCPCJ/1/1")
    expect(tally("yes")).to_have_text("4")
    shot(projector, "amendment-draft-projector")
    assert projector.evaluate("window.__notReloaded") is True
    assert laptop.evaluate("window.__notReloaded") is True

    resolution = Resolution.objects.get()
    assert resolution.code == "CCPCJ/1/1"
    assert resolution.resolution.operative[0].text == "Urges Member States to act"
    amendment_vote = Vote.objects.get(item__kind="amendment")
    assert (amendment_vote.method, amendment_vote.result) == (
        "roll_call",
        "3 in favor, 1 against, 1 abstention",
    )
    assert Ballot.objects.filter(vote=amendment_vote).count() == 5
    projector.context.close()
