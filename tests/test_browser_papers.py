"""In a real Chromium against the ASGI server, as new users would: a delegate writes and
pastes a paper, a second delegation signs it from its own account, the paper is submitted;
the director comments on a clause and returns it; the delegate revises and resubmits; the
director sees the diff and approves it as DR 1/1. Pages follow each other live."""

import re

import pytest
from playwright.sync_api import expect

from resolutions.models import DraftResolution
from sessions.models import AuditEntry

from .factories import open_floor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASTED = """Committee: Commission on Crime Prevention and Criminal Justice
Topic: Organized crime

The Commission on Crime Prevention and Criminal Justice,

Recalling General Assembly resolution 55/25,

Deeply concerned by the growth of
transnational organized crime.

1. Encourages Member States to share data on organized crime;
2. Requests the Secretariat to report;
"""


def open_as(chromium, server, user):
    user.set_password("pw")
    user.save()
    page = chromium.new_context(
        base_url=server.url, viewport={"width": 1280, "height": 900}
    ).new_page()
    page.set_default_timeout(10_000)
    page.goto("/accounts/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", "pw")
    page.click("button[type=submit]")
    page.wait_for_load_state()
    return page


def test_paper_from_paste_to_dr_1_1(
    chromium, asgi_server, committee, delegations, chair, director, delegate, other_delegate
):
    open_floor(committee, chair)  # six delegations present: 2 supporters needed

    # Mexico writes the paper by pasting it.
    mexico = open_as(chromium, asgi_server, delegate)
    mexico.click("text=Working papers")
    mexico.fill("#id_title", "Data sharing")
    mexico.click("text=New working paper")
    expect(mexico).to_have_url(re.compile(r"/papers/\d+/edit/$"))
    mexico.click("#paste-tab")
    mexico.fill("#id_text", PASTED)
    mexico.click("button[name=preview]")
    warnings = mexico.locator("#paste-warnings")
    expect(warnings).to_contain_text("preambular clause ends with a period instead of a comma")
    expect(mexico.locator("#id_text")).to_have_value(re.compile("Recalling General Assembly"))
    mexico.click("button[name=accept]")
    expect(mexico.locator(".alert-success")).to_contain_text("The pasted text is now")
    mexico.click("text=Back to the paper")
    paper_url = mexico.url
    threshold = mexico.locator("#threshold")
    expect(threshold).to_contain_text("1 of 2 needed")

    # It asks France to sign.
    mexico.select_option("#id_delegation", label="France")
    mexico.select_option("#id_role", "signatory")
    mexico.click("#paper-status button:has-text('Ask')")
    expect(mexico.locator('#supporters [data-delegation="France"]')).to_have_attribute(
        "data-state", "invited"
    )

    # France signs from its own account; Mexico's page follows without a reload.
    france = open_as(chromium, asgi_server, other_delegate)
    france.goto(paper_url)
    france.click("button:has-text('Sign')")
    expect(france.locator(".alert-success")).to_contain_text("accepted")
    expect(threshold).to_contain_text("✓ 2 supporters, 2 needed")

    # The director has the queue open, the chair the dashboard; the submission appears in
    # both live.
    dais = open_as(chromium, asgi_server, director)
    dais.click("text=Review")
    expect(dais.locator("#queue")).to_contain_text("No paper is waiting")
    chairs = open_as(chromium, asgi_server, chair)
    chairs.goto("/c/ccpcj/")
    waiting = chairs.locator('#papers-panel [data-count="waiting"]')
    expect(waiting).to_have_text("0")
    expect(chairs.locator("body")).to_have_attribute("data-live", "on")
    mexico.click("button:has-text('Submit to the dais')")
    expect(mexico.locator('[data-status="submitted"]')).to_be_visible()
    row = dais.locator("#queue tr[data-paper]")
    expect(row).to_contain_text("Working paper 1.1")
    expect(waiting).to_have_text("1")
    expect(chairs.locator("#recent")).to_contain_text("Working paper 1.1 submitted to the dais")

    # The director comments on operative clause 2 and returns the paper.
    row.locator("text=Review").click()
    dais.locator('[data-clause="op 2"] summary:has-text("Comment")').click()
    dais.locator('[data-clause="op 2"] textarea[name=text]').fill("Report to whom, and when?")
    dais.locator('[data-clause="op 2"] button:has-text("Add comment")').click()
    expect(dais.locator('[data-clause="op 2"] .comment')).to_contain_text("Report to whom")
    dais.fill("#id_general_comment", "Good start; be precise about the report.")
    dais.click("button:has-text('Return to the sponsors')")
    confirm = dais.locator("dialog.confirm-dialog")
    expect(confirm).to_contain_text("The comments are sent and can no longer be changed.")
    confirm.get_by_role("button", name="Return to the sponsors").click()
    expect(dais.locator(".alert-success")).to_contain_text("returned to its sponsors")

    # Mexico sees the feedback beside the clause, revises it and resubmits.
    expect(mexico.locator('[data-status="returned"]')).to_be_visible()
    mexico.reload()
    expect(mexico.locator('[data-clause="op 2"] .comment')).to_contain_text("Report to whom")
    mexico.click("text=Edit the text")
    clause = mexico.locator('#editor [data-clause="op 2"]')
    clause.locator("summary:has-text('Edit')").click()
    clause.locator("details.edit-clause textarea[name=rest]").fill(
        "the Secretariat to report to the Commission at its next session"
    )
    clause.locator("details.edit-clause button:has-text('Save')").click()
    expect(mexico.locator("#editor")).to_have_attribute("data-revision", "3")
    expect(mexico.locator('#editor [data-clause="op 2"]')).to_contain_text(
        "to the Commission at its next session"
    )
    mexico.goto(paper_url)
    mexico.click("button:has-text('Resubmit to the dais')")
    expect(mexico.locator('[data-status="resubmitted"]')).to_be_visible()

    # The director sees round 2, the changes since round 1, and approves.
    dais.click("text=Review")
    dais.locator("#queue tr[data-paper] >> text=Review").click()
    dais.click("#diff-tab")
    expect(dais.locator(".text-diff ins")).to_contain_text("to the Commission at its next")
    dais.click("button:has-text('Approve as draft resolution')")
    expect(confirm).to_contain_text("this cannot be undone")
    confirm.get_by_role("button", name="Approve").click()
    expect(dais.locator(".alert-success")).to_contain_text("approved as DR 1/1")
    expect(mexico.locator('[data-status="approved"]')).to_contain_text("DR 1/1")
    expect(chairs.locator("#papers-panel")).to_contain_text("DR 1/1")
    expect(waiting).to_have_text("0")

    assert DraftResolution.objects.get().code == "DR 1/1"
    actions = list(
        AuditEntry.objects.filter(action__startswith="paper.")
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == [
        "paper.created",
        "paper.revised",
        "paper.supporter_invited",
        "paper.signed",
        "paper.submitted",
        "paper.commented",
        "paper.returned",
        "paper.revised",
        "paper.resubmitted",
        "paper.approved",
    ]
    # Everything is in the timeline.
    dais.click("text=Timeline")
    for text in ["approved", "returned", "submitted", "signed"]:
        expect(dais.locator(".timeline")).to_contain_text(text)
