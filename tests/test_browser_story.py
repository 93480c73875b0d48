"""The whole story, in a real Chromium, as new users would live it (issue 13's "done when").

A committee of five Member States and one observer exists (the secretariat's work), its
agenda is adopted and the first roll call taken (Sunday evening, through the services); from
there every step goes through the pages, each person in their own browser context:

1. Mexico's delegate pastes a working paper into the editor's paste-in;
2. France and Brazil sign it from their own accounts (the committee asks 40 %: 3 of 6);
   Mexico submits it;
3. the Director comments on operative clause 2 and returns it; Mexico revises that clause
   and resubmits; the Director sees the change and approves it as DR 1/1;
4. Kenya's unfriendly amendment is proposed, signed by Japan and France, submitted and
   approved by the dais for the vote (``unfriendly_amendment``);
5. the Chair opens Wednesday's meeting and takes the roll call with the keyboard, closes
   debate by a placard procedural vote, and runs voting procedure: a roll-call vote on the
   amendment (``vote_on_the_amendment``; adopted, it goes into the text), then a placard
   vote on DR 1/1, while a second browser on the projector page follows each tally; DR 1/1
   becomes CCPCJ/1/1;
6. the Director drafts the summary report from the record, saves it and publishes the
   documentation; a reader without an account finds CCPCJ/1/1 with its vote and downloads
   the PDF, which holds the text.

A screenshot of each step goes to screenshots/story/ (git-ignored). Nothing is posted to a
URL directly; every wait is for something visible."""

import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from outcome.models import Documentation
from resolutions.models import Amendment, DraftResolution
from sessions.models import DaisRole
from voting import services as voting_services
from voting.models import Resolution

from .factories import DaisRoleFactory, DelegateFactory, UserFactory, open_floor
from .test_browser_csp import watch

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = Path(__file__).resolve().parent.parent / "screenshots" / "story"
TIMEOUT = 20_000  # a busy shared machine: every wait is for a visible state, never a sleep
expect.set_options(timeout=TIMEOUT)

PASTED = """Committee: Commission on Crime Prevention and Criminal Justice
Topic: Organized crime

The Commission on Crime Prevention and Criminal Justice,

Recalling General Assembly resolution 55/25 on the United Nations Convention against
Transnational Organized Crime,

Deeply concerned by the growth of transnational organized crime and corruption,

1. Encourages Member States to share data on organized crime through secure channels;
2. Requests the Secretariat to report;
3. Invites regional organizations to cooperate:
a. through joint investigation teams;
b. through the exchange of liaison officers;
4. Decides to remain seized of the matter.
"""


class Story:
    """The cast's browsers, the problems they report, numbered screenshots."""

    def __init__(self, chromium, server):
        self.chromium, self.server = chromium, server
        self.problems = []
        self.contexts = []
        self.step = 0
        SHOTS.mkdir(parents=True, exist_ok=True)
        for old in SHOTS.glob("*.png"):
            old.unlink()

    def browser(self, user=None, *, width=1280, height=900):
        context = self.chromium.new_context(
            base_url=self.server.url, viewport={"width": width, "height": height}
        )
        context.set_default_timeout(TIMEOUT)
        self.contexts.append(context)
        page = context.new_page()
        self.problems += watch(page)  # no script error, no Content-Security-Policy refusal
        page.on("dialog", lambda dialog: dialog.accept())
        if user is not None:
            if not user.check_password("pw"):  # setting it again would log out other browsers
                user.set_password("pw")
                user.save()
            page.goto("/accounts/login/")
            page.fill("#id_username", user.username)
            page.fill("#id_password", "pw")
            page.get_by_role("button", name="Log in").click()
            expect(page.locator("#id_password")).to_have_count(0)
        return page

    def close(self):
        for n, context in enumerate(self.contexts):
            for page in context.pages:  # how each browser was left (to read after a failure)
                page.screenshot(path=SHOTS / f"last-{n}.png")
            context.close()

    def shot(self, page, name):
        self.step += 1
        page.screenshot(path=SHOTS / f"{self.step:02d}-{name}.png", full_page=True)


def menu(page, name):
    """A link of the menu bar, whatever count its badge shows ("Working papers 1")."""
    link = page.locator("nav").get_by_role("link", name=re.compile(rf"^{re.escape(name)}( \d+)?$"))
    link.click()


def confirm(page, button):
    dialog = page.locator("dialog.confirm-dialog")
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name=button).click()


def sign_paper(story, page, name):
    """A delegation finds the paper it is asked to support and signs it."""
    menu(page, "Working papers")
    asked = page.locator("section", has=page.get_by_role("heading", name="Asked to support"))
    asked.get_by_role("link", name=re.compile("Working paper 1.1")).click()
    page.get_by_role("button", name="Sign").click()
    expect(page.locator(".alert-success")).to_contain_text("accepted")
    story.shot(page, f"{name}-signs")


def unfriendly_amendment(story, *, proposer, signers, director_page):
    """Kenya proposes an unfriendly amendment to DR 1/1 (op 3.b deleted, op 4 changed), asks
    ``signers`` ((name, browser) pairs) to sign from their own accounts, submits it, and the
    Director approves it for the vote. Returns the amendment's page in Kenya's browser."""
    page = proposer
    menu(page, "Amendments")
    page.locator("#drafts").get_by_role("link", name="DR 1/1").click()
    page.locator("summary", has_text="Propose an amendment").click()
    page.check("#propose input[value=unfriendly]")
    page.get_by_role("button", name="Start the amendment").click()
    expect(page).to_have_url(re.compile(r"/amendments/\d+/edit/$"))
    page.locator('#editor [data-clause="op 3.b"] button[title=Delete]').click()
    expect(page.locator("#operations")).to_contain_text("Delete op 3.b")
    clause = page.locator('#editor [data-clause="op 4"]')
    clause.locator("summary", has_text="Edit").click()
    clause.locator("details.edit-clause textarea[name=rest]").fill(
        "to review the matter at its next session"
    )
    clause.locator("details.edit-clause button", has_text="Save").click()
    expect(page.locator("#operations")).to_contain_text("Change op 4 to read")
    story.shot(page, "amendment-written")
    page.get_by_role("link", name="Back to the amendment").click()
    threshold = page.locator("#threshold")
    expect(threshold).to_contain_text("1 of 3 needed")
    for name, signer in signers:
        page.select_option("#id_delegation", label=name)
        page.get_by_role("button", name="Ask to sign").click()
        menu(signer, "Amendments")
        expect(signer.locator("#asked")).to_contain_text("Your signature is asked")
        signer.locator("#asked").get_by_role("link", name=re.compile("read and answer")).click()
        signer.locator("#request").get_by_role("button", name="Sign").click()
        expect(signer.locator(".alert-success")).to_contain_text("agreed")
    expect(threshold).to_contain_text("3 of 3 needed")
    story.shot(page, "amendment-signed")
    page.get_by_role("button", name="Submit to the dais").click()
    expect(page.locator('#amendment-body [data-status="awaiting_dais"]')).to_be_visible()

    menu(director_page, "Amendments to review")
    row = director_page.locator("#amendment-queue tr[data-amendment]")
    expect(row).to_contain_text("Amendment 1 to DR 1/1")
    row.locator("a.btn", has_text="Review").click()
    director_page.get_by_role("button", name="Approve for the vote").click()
    confirm(director_page, "Approve for the vote")
    expect(director_page.locator(".alert-success")).to_contain_text("voted on before DR 1/1")
    expect(page.locator('#amendment-body [data-status="approved"]')).to_be_visible()
    story.shot(director_page, "amendment-approved")
    return page


def vote_on_the_amendment(story, *, chair_page, projector):
    """The unfriendly amendment is voted on before its draft (DOMAIN.md), by roll call with
    the keyboard, while the projector follows; adopted, it goes into the draft's text. The
    draw is fixed (Brazil first): Brazil, France, Japan, Kenya, Mexico (INTERPOL, an
    observer, does not vote on substance)."""
    rows = chair_page.locator("#items tbody tr")
    expect(rows.nth(0)).to_contain_text("Amendment 1 to DR 1/1")
    expect(rows.nth(1)).to_contain_text("DR 1/1 as a whole")
    chair_page.get_by_label("Roll-call vote").check()
    chair_page.get_by_role("button", name="Put it to the committee").click()
    expect(chair_page).to_have_url(re.compile(r"/votes/\d+/$"))
    chair_page.wait_for_load_state()  # its keyboard script has run
    expect(projector.locator('[data-v="subject"]')).to_have_text("Amendment 1 to DR 1/1")
    calling = chair_page.locator('.calling [data-v="calling"]')
    answered = projector.locator('.tally [data-v="answered"]')
    for n, (name, key) in enumerate(
        [("Brazil", "y"), ("France", "a"), ("Japan", "y"), ("Kenya", "y"), ("Mexico", "n")],
        start=1,
    ):
        expect(calling).to_have_text(name)
        chair_page.keyboard.press(key)
        expect(answered).to_have_text(str(n))
    story.shot(projector, "projector-amendment-roll-call")
    chair_page.get_by_role("button", name="Verify the count").click()
    chair_page.get_by_role("button", name="Announce the result").click()
    confirm(chair_page, "Announce")
    expect(chair_page.locator("[data-v-result]")).to_contain_text(
        "3 in favor, 1 against, 1 abstention"
    )
    expect(projector.locator('[data-v="result"]')).to_have_text(
        "3 in favor, 1 against, 1 abstention"
    )
    story.shot(chair_page, "amendment-adopted")
    chair_page.get_by_role("link", name="Voting procedure").click()


@pytest.fixture
def story(chromium, asgi_server):
    story = Story(chromium, asgi_server)
    yield story
    story.close()


def test_the_whole_story_from_a_pasted_paper_to_the_published_documentation(
    story, committee, delegations, chair, director, monkeypatch
):
    committee.signatory_threshold_percent = 40  # 3 of the 6 delegations present
    committee.save()
    open_floor(committee, chair)  # agenda adopted (topic 1 open), Sunday's roll call: all here
    mexico, france, kenya, japan, brazil, _interpol = delegations
    people = {
        d.name: DelegateFactory(delegation=d, user=UserFactory(username=f"delegate-{d.name}")).user
        for d in (mexico, france, kenya, japan, brazil)
    }
    rapporteur = DaisRoleFactory(committee=committee, role=DaisRole.Role.RAPPORTEUR).user

    # 1. Mexico pastes a working paper.
    mex = story.browser(people["Mexico"])
    menu(mex, "Working papers")
    mex.fill("#id_title", "Cooperation against organized crime")
    mex.get_by_role("button", name="New working paper").click()
    expect(mex).to_have_url(re.compile(r"/papers/\d+/edit/$"))
    mex.click("#paste-tab")
    mex.fill("#id_text", PASTED)
    mex.click("button[name=preview]")
    expect(mex.locator("#paste-warnings, #paste-preview").first).to_be_visible()
    story.shot(mex, "paste-preview")
    mex.click("button[name=accept]")
    expect(mex.locator(".alert-success")).to_contain_text("The pasted text is now")
    mex.get_by_role("link", name="Back to the paper").click()
    paper_url = mex.url
    threshold = mex.locator("#threshold")
    expect(threshold).to_contain_text("1 of 3 needed")
    story.shot(mex, "paper-pasted")

    # 2. France and Brazil sign it from their own accounts; Mexico submits.
    signers = {}
    for name in ("France", "Brazil"):
        mex.select_option("#id_delegation", label=name)
        mex.select_option("#id_role", "signatory")
        mex.locator("#paper-status").get_by_role("button", name="Ask").click()
        expect(mex.locator(f'#supporters [data-delegation="{name}"]')).to_have_attribute(
            "data-state", "invited"
        )
        signers[name] = story.browser(people[name])
        sign_paper(story, signers[name], name.lower())
    expect(threshold).to_contain_text("✓ 3 supporters, 3 needed")
    dais = story.browser(director)
    menu(dais, "Review")
    expect(dais.locator("#queue")).to_contain_text("No paper is waiting")
    mex.get_by_role("button", name="Submit to the dais").click()
    expect(mex.locator('[data-status="submitted"]')).to_be_visible()
    story.shot(mex, "paper-submitted")

    # 3. The Director returns it with a comment on op 2; Mexico revises and resubmits; the
    # Director approves it as DR 1/1.
    row = dais.locator("#queue tr[data-paper]")
    expect(row).to_contain_text("Working paper 1.1")
    row.get_by_role("link", name="Review").click()
    op2 = dais.locator('[data-clause="op 2"]')
    op2.locator("summary", has_text="Comment").click()
    op2.locator("textarea[name=text]").fill("Report to whom, and when?")
    op2.get_by_role("button", name="Add comment").click()
    expect(op2.locator(".comment")).to_contain_text("Report to whom")
    dais.fill("#id_general_comment", "A good start; be precise about the report.")
    story.shot(dais, "review-comment")
    dais.get_by_role("button", name="Return to the sponsors").click()
    confirm(dais, "Return to the sponsors")
    expect(dais.locator(".alert-success")).to_contain_text("returned to its sponsors")

    expect(mex.locator('[data-status="returned"]')).to_be_visible()
    mex.reload()
    expect(mex.locator('[data-clause="op 2"] .comment')).to_contain_text("Report to whom")
    story.shot(mex, "feedback-beside-the-clause")
    mex.get_by_role("link", name="Edit the text").click()
    clause = mex.locator('#editor [data-clause="op 2"]')
    clause.locator("summary", has_text="Edit").click()
    clause.locator("details.edit-clause textarea[name=rest]").fill(
        "the Secretariat to report to the Commission at its next session"
    )
    clause.locator("details.edit-clause button", has_text="Save").click()
    expect(mex.locator('#editor [data-clause="op 2"]')).to_contain_text(
        "to the Commission at its next session"
    )
    mex.goto(paper_url)
    mex.get_by_role("button", name="Resubmit to the dais").click()
    expect(mex.locator('[data-status="resubmitted"]')).to_be_visible()

    menu(dais, "Review")
    dais.locator("#queue tr[data-paper]").get_by_role("link", name="Review", exact=True).click()
    dais.click("#diff-tab")
    expect(dais.locator(".text-diff ins")).to_contain_text("to the Commission at its next")
    story.shot(dais, "review-round-2-diff")
    dais.get_by_role("button", name="Approve as draft resolution").click()
    confirm(dais, "Approve")
    expect(dais.locator(".alert-success")).to_contain_text("approved as DR 1/1")
    expect(mex.locator('[data-status="approved"]')).to_contain_text("DR 1/1")
    story.shot(mex, "approved-dr-1-1")
    assert DraftResolution.objects.get().code == "DR 1/1"

    # 4. Kenya's unfriendly amendment, signed by Japan and France, approved for the vote.
    unfriendly_amendment(
        story,
        proposer=story.browser(people["Kenya"]),
        signers=[("Japan", story.browser(people["Japan"])), ("France", signers["France"])],
        director_page=dais,
    )
    assert Amendment.objects.get().status == Amendment.Status.APPROVED

    # 5. Wednesday: the Chair takes the roll call, closes debate and runs voting procedure.
    chair_page = story.browser(chair)
    menu(chair_page, "Roll call")
    chair_page.fill("#id_name", "Wednesday morning")
    chair_page.get_by_role("button", name="Open meeting and start roll call").click()
    rows = chair_page.locator("#roll-call tbody tr")
    expect(rows.nth(0)).to_be_focused()
    # Brazil, France, INTERPOL, Japan, Kenya, Mexico (alphabetical): France and INTERPOL
    # answer "present" (France may abstain on substance), the others "present and voting".
    for index, key in enumerate("vppvvv"):
        chair_page.keyboard.press(key)
        expect(rows.nth(index)).to_have_attribute(
            "data-status", "present" if key == "p" else "present_voting"
        )
    summary = chair_page.locator("#roll-call-summary")
    expect(summary.locator('[data-quorum="vote"]')).to_have_attribute("data-met", "yes")
    story.shot(chair_page, "roll-call")

    menu(chair_page, "Voting")
    chair_page.select_option("#id_motion", "closure")
    chair_page.fill("#id_yes", "5")
    chair_page.fill("#id_no", "1")
    chair_page.get_by_role("button", name="Record the vote").click()
    expect(chair_page.locator("#messages")).to_contain_text(
        "Closure of debate on topic 1: adopted (5 in favor, 1 against)"
    )
    story.shot(chair_page, "closure-of-debate")

    # The projector: the Rapporteur's laptop on the big screen, opened once, never reloaded.
    projector = story.browser(rapporteur, height=800)
    projector.goto("/c/ccpcj/votes/projector/")
    expect(projector.locator("body")).to_have_attribute("data-live", "on")
    projector.evaluate("window.__notReloaded = true")

    chair_page.get_by_role("link", name="Voting procedure on topic 1").click()
    monkeypatch.setattr(voting_services._draw, "randrange", lambda n: 0)  # Brazil is drawn
    vote_on_the_amendment(story, chair_page=chair_page, projector=projector)
    chair_page.get_by_label("Placard vote").check()
    chair_page.get_by_role("button", name="Put it to the committee").click()
    expect(projector.locator('[data-v="subject"]')).to_contain_text("DR 1/1")
    chair_page.fill("#id_yes", "3")
    chair_page.fill("#id_no", "1")
    chair_page.fill("#id_abstain", "1")
    story.shot(chair_page, "placard-counts")
    chair_page.get_by_role("button", name="Record the counts and announce").click()
    confirm(chair_page, "Announce")
    expect(chair_page.locator('[data-v="resolution"]')).to_have_text("CCPCJ/1/1")
    expect(projector.locator('[data-v="resolution"]')).to_have_text("CCPCJ/1/1")
    expect(projector.locator('[data-v="result"]')).to_have_text(
        "3 in favor, 1 against, 1 abstention"
    )
    expect(projector.locator('.tally [data-v="yes"]')).to_have_text("3")
    story.shot(projector, "projector-tally")
    assert projector.evaluate("window.__notReloaded") is True
    assert Resolution.objects.get().code == "CCPCJ/1/1"

    # 6. The documentation: drafted from the record, published, read and downloaded.
    public = story.browser()
    public.goto("/c/ccpcj/documentation/")
    expect(public).to_have_url(re.compile(r"/accounts/login/\?next=/c/ccpcj/documentation/$"))
    menu(dais, "Documentation")
    expect(dais.locator(".toolbar .state")).to_have_text("Preview for the dais: not published")
    dais.get_by_role("link", name="Edit the summary report").click()
    dais.get_by_role("button", name="Draft from the record").click()
    confirm(dais, "Draft from the record")
    text = dais.locator("#id_summary")
    expect(text).to_contain_text("attended by representatives of 5 Member States")
    expect(text).to_contain_text("the Dais approved 1 draft resolution with one amendment.")
    text.fill(text.input_value() + "\n\nThe debate was friendly & productive.")
    story.shot(dais, "summary-report")
    dais.get_by_role("button", name="Save").click()
    expect(dais.get_by_text("Summary report saved.")).to_be_visible()
    dais.get_by_role("link", name="Open the documentation").click()
    dais.get_by_role("button", name="Publish").click()
    confirm(dais, "Publish")
    expect(dais.locator(".toolbar .state")).to_contain_text("Published")
    assert Documentation.objects.get(committee=committee).is_published

    public.goto("/c/ccpcj/documentation/")
    row = public.locator("table.results tbody tr")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("CCPCJ/1/1")
    expect(row).to_contain_text("3 in favor, 1 against, 1 abstention")
    expect(public.locator(".summary")).to_contain_text("friendly & productive")
    page_text = public.locator(".resolution-page")
    expect(page_text).to_contain_text("to the Commission at its next session")
    expect(page_text).not_to_contain_text("Justice Topic:")  # the paste's header set aside
    # The adopted amendment is in the text: op 3.b deleted, op 4 changed.
    expect(page_text).to_contain_text("Decides to review the matter at its next session")
    expect(page_text).not_to_contain_text("liaison officers")
    story.shot(public, "published-documentation")
    with public.expect_download() as download:
        public.get_by_role("link", name="PDF").click()
    assert download.value.suggested_filename == "CCPCJ-documentation.pdf"
    data = Path(download.value.path()).read_bytes()
    assert data.startswith(b"%PDF")
    from pypdf import PdfReader

    pdf_text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    for expected in [
        "CCPCJ/1/1",
        "3 in favor, 1 against, 1 abstention",
        "Requests the Secretariat to report to the Commission at its next session",
        "The debate was friendly & productive.",
    ]:
        assert expected in pdf_text, expected
    assert story.problems == [], story.problems
