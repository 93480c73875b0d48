"""In a real Chromium against the ASGI server, as the issue's "done when" says: Kenya proposes
an unfriendly amendment deleting a sub-clause and changing a clause, Japan signs it from its
own account, Kenya submits it, the director approves it, and the draft page shows it as a diff
waiting for the vote; Mexico's friendly amendment, with France's consent, is in the text at
once after the director approves it. Every page follows the others live."""

import re

import pytest
from playwright.sync_api import expect

from resolutions.models import Amendment, DraftResolution

from .amendment_helpers import make_draft
from .factories import DelegateFactory
from .test_browser_csp import watch
from .test_browser_papers import open_as

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_unfriendly_and_friendly_amendments_in_the_browser(
    chromium, asgi_server, committee, delegations, chair, director, delegate, other_delegate
):
    draft = make_draft(
        committee,
        delegations,
        chair=chair,
        director=director,
        mexican=delegate,
        french=other_delegate,
    )
    kenya, japan = delegations[2], delegations[3]
    kenyan = kenya.delegates.first().user
    japanese = DelegateFactory(delegation=japan).user

    # Mexico (a sponsor) keeps the draft page open; the dais keeps its queue open.
    mexico = open_as(chromium, asgi_server, delegate)
    problems = watch(mexico)  # no Content-Security-Policy violation, no script error
    mexico.click("text=Amendments")
    mexico.click("#drafts >> text=DR 1/1")
    expect(mexico.locator("#draft-text")).to_contain_text("on trafficking")
    dais = open_as(chromium, asgi_server, director)
    problems += watch(dais)
    dais.click("text=Amendments to review")
    expect(dais.locator("#amendment-queue")).to_contain_text("No amendment is waiting")

    # Kenya proposes an unfriendly amendment from the draft's page.
    kenya_page = open_as(chromium, asgi_server, kenyan)
    problems += watch(kenya_page)
    kenya_page.on("dialog", lambda dialog: dialog.accept())
    kenya_page.click("text=Amendments")
    kenya_page.click("#drafts >> text=DR 1/1")
    kenya_page.click("summary:has-text('Propose an amendment')")
    expect(kenya_page.locator("#propose input[value=friendly]")).to_have_count(0)
    kenya_page.check("#propose input[value=unfriendly]")
    kenya_page.click("button:has-text('Start the amendment')")
    expect(kenya_page).to_have_url(re.compile(r"/amendments/\d+/edit/$"))

    # It deletes sub-clause op 2.a and changes op 3 with the working papers' editor.
    kenya_page.locator('#editor [data-clause="op 2.a"] button[title=Delete]').click()
    expect(kenya_page.locator("#operations")).to_contain_text("Delete op 2.a")
    clause = kenya_page.locator('#editor [data-clause="op 3"]')
    clause.locator("summary:has-text('Edit')").click()
    clause.locator("details.edit-clause textarea[name=rest]").fill(
        "to review the matter at its next session"
    )
    clause.locator("details.edit-clause button:has-text('Save')").click()
    expect(kenya_page.locator("#operations")).to_contain_text(
        "Change op 3 to read: “Decides to review the matter at its next session”"
    )
    expect(kenya_page.locator('#editor [data-clause="op 2.a"]')).to_contain_text("on corruption")
    kenya_page.click("text=Back to the amendment")
    expect(kenya_page.locator("#threshold")).to_contain_text("1 of 2 needed")

    # Japan has its amendments page open; Kenya asks it to sign and the request appears live.
    japan_page = open_as(chromium, asgi_server, japanese)
    japan_page.click("text=Amendments")
    expect(japan_page.locator("#asked")).to_contain_text("No amendment is waiting")
    kenya_page.select_option("#id_delegation", label="Japan")
    kenya_page.click("button:has-text('Ask to sign')")
    expect(japan_page.locator("#asked")).to_contain_text("Your signature is asked")
    japan_page.click("#asked >> text=read and answer")
    japan_page.click("#request button:has-text('Sign')")
    expect(japan_page.locator(".alert-success")).to_contain_text("Japan agreed")
    expect(kenya_page.locator("#threshold")).to_contain_text("2 of 2 needed")

    # Kenya submits; the director's queue shows it live; the director approves it.
    kenya_page.click("button:has-text('Submit to the dais')")
    expect(kenya_page.locator('#amendment-body [data-status="awaiting_dais"]')).to_be_visible()
    row = dais.locator("#amendment-queue tr[data-amendment]")
    expect(row).to_contain_text("Amendment 1 to DR 1/1")
    row.locator("a.btn:has-text('Review')").click()
    dais.click("button:has-text('Approve for the vote')")
    confirm = dais.locator("dialog.confirm-dialog")
    expect(confirm).to_contain_text("It is voted on before DR 1/1")
    confirm.get_by_role("button", name="Approve for the vote").click()
    expect(dais.locator(".alert-success")).to_contain_text("voted on before DR 1/1")

    # Mexico's draft page shows it, live, as a diff waiting for the vote; the text is unchanged.
    card = mexico.locator('#amendments [data-amendment="1"]')
    expect(card).to_have_attribute("data-status", "approved")
    expect(card).to_contain_text("Approved, waiting for the vote")
    expect(card.locator(".text-diff del").first).to_contain_text("on trafficking")
    expect(card.locator(".text-diff ins")).to_contain_text("next session")
    expect(mexico.locator("#draft-text")).to_contain_text("on trafficking")
    expect(kenya_page.locator('#amendment-body [data-status="approved"]')).to_be_visible()

    # Mexico proposes a friendly amendment; France consents from its own account.
    mexico.click("summary:has-text('Propose an amendment')")
    mexico.check("#propose input[value=friendly]")
    mexico.click("button:has-text('Start the amendment')")
    clause = mexico.locator('#editor [data-clause="op 1"]')
    clause.locator("summary:has-text('Edit')").click()
    clause.locator("details.edit-clause input[name=phrase]").fill("Urges")
    clause.locator("details.edit-clause button:has-text('Save')").click()
    expect(mexico.locator("#operations")).to_contain_text("Change op 1 to read: “Urges")
    mexico.click("text=Back to the amendment")
    mexico.click("button:has-text('Ask the sponsors to consent')")
    expect(mexico.locator(".alert-success")).to_contain_text("asked to consent")

    france = open_as(chromium, asgi_server, other_delegate)
    france.click("text=Amendments")
    france.click("#asked >> text=read and answer")
    france.click("#request button:has-text('Consent')")
    expect(france.locator('#amendment-body [data-status="awaiting_dais"]')).to_be_visible()

    # The dais approves it: it is in the text at once, on every open draft page.
    france.goto(f"/c/{committee.slug}/drafts/{draft.pk}/")
    start = int(france.locator("#draft-body").get_attribute("data-revision"))
    dais.click("text=Amendments to review")
    dais.locator("#amendment-queue tr[data-amendment] a.btn:has-text('Review')").click()
    dais.click("button:has-text('Approve and apply')")
    confirm.get_by_role("button", name="Approve and apply").click()
    expect(dais.locator(".alert-success")).to_contain_text("DR 1/1 now reads as amended")
    expect(france.locator("#draft-body")).to_have_attribute("data-revision", str(start + 1))
    expect(france.locator('#draft-text [data-clause="op 1"]')).to_contain_text(
        "Urges Member States to share data"
    )
    expect(france.locator('#amendments [data-amendment="2"]')).to_have_attribute(
        "data-status", "applied"
    )
    expect(france.locator("#history")).to_contain_text("Amendment 2")

    assert problems == []
    assert dict(Amendment.objects.values_list("number", "status")) == {
        1: "approved",
        2: "applied",
    }
    assert DraftResolution.objects.get().revision.resolution.operative[0].text.startswith("Urges")


def test_editor_refuses_a_change_to_a_text_that_changed_meanwhile(
    chromium, asgi_server, committee, delegations, chair, director, delegate, other_delegate
):
    from resolutions import amendment_services as services

    from .amendment_helpers import write

    draft = make_draft(
        committee,
        delegations,
        chair=chair,
        director=director,
        mexican=delegate,
        french=other_delegate,
    )
    mexico, france, kenya = delegations[:3]
    kenyan = kenya.delegates.first().user
    kenyas = services.amendment_create(
        target=draft, delegation=kenya, actor=kenyan, kind="unfriendly"
    )
    page = open_as(chromium, asgi_server, kenyan)
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(f"/c/{committee.slug}/amendments/{kenyas.pk}/edit/")
    expect(page.locator('#editor [data-clause="op 1"]')).to_contain_text("Encourages")

    # Meanwhile Mexico's friendly amendment deleting op 1 is applied.
    mexicos = services.amendment_create(
        target=draft, delegation=mexico, actor=delegate, kind="friendly"
    )
    mexicos = write(mexicos, mexico, delegate, ("delete", "op.1"))
    services.amendment_request_consents(amendment=mexicos, delegation=mexico, actor=delegate)
    services.amendment_answer(
        amendment=mexicos, delegation=france, actor=other_delegate, accept=True
    )
    services.amendment_approve(amendment=mexicos, actor=director)

    # Kenya's delete of "op 1" (which is now another clause) is refused, not applied.
    page.locator('#editor [data-clause="op 1"] button[title=Delete]').click()
    expect(page.locator("#editor .alert")).to_contain_text("DR 1/1 changed while you were editing")
    expect(page.locator('#editor [data-clause="op 1"]')).to_contain_text("Requests a report")
    kenyas.refresh_from_db()
    assert kenyas.operations == []
