"""The paste preview with a copy of an official UN resolution: the clauses in their place,
and what was set aside (header, page furniture, footnotes) shown, so the delegate sees that
nothing of theirs was lost."""

from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from resolutions import services
from resolutions.text import parse

from .factories import open_floor
from .test_browser_a11y import violations

CORPUS = Path(__file__).resolve().parent / "data" / "un-official"
OFFICIAL = (CORPUS / "19_A_C.5_80_L.11.txt").read_text(encoding="utf-8")
TEXT = "Recalling the Charter,\n1. Urges Member States to act."


def _paper(committee, delegations, chair, delegate):
    open_floor(committee, chair)
    return services.paper_create(
        committee=committee,
        delegation=delegations[0],
        actor=delegate,
        resolution=parse(TEXT).resolution,
    )


def _url(committee, paper):
    return reverse("resolutions:paper_paste", kwargs={"committee": committee.slug, "pk": paper.pk})


@pytest.mark.django_db
def test_the_preview_shows_what_was_set_aside(client, committee, delegations, chair, delegate):
    paper = _paper(committee, delegations, chair, delegate)
    client.force_login(delegate)
    response = client.post(_url(committee, paper), {"text": OFFICIAL})
    content = response.content.decode()
    assert response.status_code == 200
    assert 'id="paste-set-aside"' in content
    assert "set aside from the official copy, not lost" in content
    assert "25-20996 (E)" in content and "*2520996*" in content  # job number, barcode
    assert "A/80/334." in content  # a footnote
    # The clauses: seven operative paragraphs, none carrying furniture or footnotes.
    preview = content.split("How it was read", 1)[1]
    clauses = preview.split('id="paste-set-aside"', 1)[0] + preview.split("</details>", 1)[1]
    assert "<em>Takes note</em> of the report of the Secretary-General" in clauses
    assert "A/80/334." not in clauses and "25-20996" not in clauses


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_copied_un_resolution_previews_cleanly_in_chromium(
    chromium, asgi_server, committee, delegations, chair, delegate
):
    paper = _paper(committee, delegations, chair, delegate)
    delegate.set_password("pw")
    delegate.save()
    # bypass_csp lets the test inject axe (the page itself runs no inline script).
    context = chromium.new_context(
        base_url=asgi_server.url, viewport={"width": 1280, "height": 900}, bypass_csp=True
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto("/accounts/login/")
    page.fill("#id_username", delegate.username)
    page.fill("#id_password", "pw")
    page.click("button[type=submit]")
    page.wait_for_load_state()
    page.goto(
        reverse("resolutions:paper_edit", kwargs={"committee": committee.slug, "pk": paper.pk})
    )
    page.click("#paste-tab")
    page.fill("#id_text", OFFICIAL)
    page.click("button[name=preview]")
    warnings = page.locator("#paste-warnings li")
    expect(warnings).to_have_count(1)
    expect(warnings.first).to_contain_text("set aside from the official copy, not lost")
    details = page.locator("#paste-set-aside")
    expect(details).to_contain_text("Set aside, not lost")
    details.locator("summary").click()
    expect(details.locator(".set-aside-footnote").first).to_contain_text("A/80/334.")
    expect(details.locator(".set-aside-header")).to_contain_text("A/C.5/80/L.11")
    expect(page.locator("#tab-paste .clause-row.kind-pre")).to_have_count(2)
    expect(page.locator("#tab-paste .clause-row.kind-op.depth-1")).to_have_count(7)
    clauses = page.locator("#tab-paste .resolution-rows").inner_text()
    assert "Endorses the conclusions and recommendations" in clauses
    assert "25-20996" not in clauses and "A/80/334" not in clauses
    assert "Capital master plan" not in clauses
    assert violations(page) == []  # axe: no serious or critical accessibility violation
    context.close()


@pytest.mark.django_db
def test_an_accepted_official_copy_keeps_what_was_set_aside(
    client, committee, delegations, chair, delegate
):
    paper = _paper(committee, delegations, chair, delegate)
    client.force_login(delegate)
    response = client.post(_url(committee, paper), {"text": OFFICIAL, "accept": "1"})
    assert response.status_code == 302
    stored = paper.revisions.order_by("-number").first().resolution
    assert len(stored.operative) == 7
    assert stored.document == {"symbol": "A/C.5/80/L.11", "title": "Capital master plan"}
    assert stored.footnotes == ["1 A/80/334.", "2 A/80/396."]
