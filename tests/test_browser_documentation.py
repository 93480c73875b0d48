"""In a real Chromium, the end of the story: with CCPCJ/1/1 adopted (through the services, as
the voting browser test does it in the browser), the director opens the documentation from
the menu (a preview), drafts the summary report from the record, saves it, publishes; a
reader without an account opens the published documentation, finds CCPCJ/1/1 with its vote
and downloads the PDF. A screenshot of each step goes to screenshots/story/ (git-ignored).

Not yet here: the paper's drafting, signatures and review rounds, the unfriendly amendment
(amendments are on another branch) and the votes in the browser."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from outcome.models import Documentation

from .outcome_helpers import adopt
from .voting_helpers import TEXT

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = Path(__file__).resolve().parent.parent / "screenshots" / "story"


def shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SHOTS / f"{name}.png", full_page=True)


def test_director_drafts_publishes_and_the_public_downloads_the_pdf(
    chromium, asgi_server, page, login, committee, delegations, chair, director, delegate
):
    names = {d.name: d for d in delegations}
    adopt(
        committee,
        chair=chair,
        director=director,
        delegate=delegate,
        sponsor=names["Mexico"],
        signatory=names["France"],
        texts=[TEXT],
    )
    # Before publication a reader without an account is sent to log in.
    public = chromium.new_context(base_url=asgi_server.url).new_page()
    public.goto("/c/ccpcj/documentation/")
    expect(public).to_have_url(f"{asgi_server.url}/accounts/login/?next=/c/ccpcj/documentation/")
    problems = []
    for p in (page, public):
        p.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        p.on("pageerror", lambda error: problems.append(str(error)))
    login(director)
    page.get_by_role("link", name="Documentation").click()
    expect(page.locator(".toolbar .state")).to_have_text("Preview for the dais: not published")
    expect(page.locator("table.results tbody tr")).to_have_count(1)
    shot(page, "01-preview")

    page.get_by_role("link", name="Edit the summary report").click()
    page.get_by_role("button", name="Draft from the record").click()
    confirm = page.locator("dialog.confirm-dialog")
    expect(confirm).to_contain_text("written from the record")
    confirm.get_by_role("button", name="Draft from the record").click()
    summary = page.locator("#id_summary")
    expect(summary).to_contain_text("attended by representatives of 5 Member States")
    summary.fill(summary.input_value() + "\n\nThe debate was friendly & productive.")
    shot(page, "02-summary")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Summary report saved.")).to_be_visible()

    page.get_by_role("link", name="Open the documentation").click()
    page.get_by_role("button", name="Publish").click()
    confirm = page.locator("dialog.confirm-dialog")
    expect(confirm).to_contain_text("without logging in")
    shot(page, "03-confirm-publish")
    confirm.get_by_role("button", name="Publish").click()
    expect(page.locator(".toolbar .state")).to_contain_text("Published")
    shot(page, "04-published")
    assert Documentation.objects.get(committee=committee).is_published

    public.goto("/c/ccpcj/documentation/")
    row = public.locator("table.results tbody tr").first
    expect(row).to_contain_text("CCPCJ/1/1")
    expect(row).to_contain_text("Adopted without a vote")
    expect(public.locator(".summary")).to_contain_text("friendly & productive")
    expect(public.get_by_role("button", name="Publish")).to_have_count(0)
    shot(public, "05-public")
    assert problems == [], problems  # nothing refused by the Content-Security-Policy
    with public.expect_download() as download:
        public.get_by_role("link", name="PDF").click()
    path = download.value.path()
    assert download.value.suggested_filename == "CCPCJ-documentation.pdf"
    assert Path(path).read_bytes().startswith(b"%PDF")
