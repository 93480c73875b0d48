"""Accessibility: axe-core (served from the repository, tests/data/vendor) finds no serious or
critical violation on the main pages of every role."""

from pathlib import Path

import pytest

from resolutions import services as paper_services
from resolutions.models import Supporter
from resolutions.text import parse
from sessions import services

from .factories import open_floor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).parent / "data" / "vendor" / "axe.min.js"


def violations(page):
    # axe is injected into the page, so this context lets its script past the page's
    # Content-Security-Policy (the app's own pages never need that).
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ["violations"]})).violations
            .filter(v => v.impact === "serious" || v.impact === "critical")
            .map(v => v.id + ": " + v.nodes.map(n => n.target.join(" ")).join(", "))"""
    )
    return found


@pytest.fixture
def scene(committee, delegations, chair, director, delegate, other_delegate):
    open_floor(committee, chair)
    services.meeting_open(committee=committee, name="Monday morning", actor=chair)
    drafting = paper_services.paper_create(
        committee=committee,
        delegation=delegations[0],
        actor=delegate,
        resolution=parse("Recalling x,\n1. Urges y;\n2. Requests z:\na. data.").resolution,
    )
    paper_services.supporter_invite(
        paper=drafting,
        delegation=delegations[0],
        actor=delegate,
        invitee=delegations[1],
        role=Supporter.Role.SPONSOR,
    )
    changed = parse("Recalling x,\n1. Urges y and w;\n2. Requests z:\na. data.").resolution
    paper_services.paper_save_text(
        paper=drafting, delegation=delegations[0], actor=delegate, resolution=changed
    )
    added = parse("Recalling x,\n1. Urges y and w;\n2. Requests z:\na. data;\nb. more.")
    paper_services.paper_save_text(
        paper=drafting, delegation=delegations[0], actor=delegate, resolution=added.resolution
    )
    submitted = paper_services.paper_create(
        committee=committee,
        delegation=delegations[1],
        actor=other_delegate,
        resolution=parse("Recalling x,\n1. Urges y.").resolution,
    )
    paper_services.supporter_invite(
        paper=submitted,
        delegation=delegations[1],
        actor=other_delegate,
        invitee=delegations[0],
        role=Supporter.Role.SIGNATORY,
    )
    paper_services.supporter_answer(
        paper=submitted, delegation=delegations[0], actor=delegate, accept=True
    )
    paper_services.paper_submit(paper=submitted, delegation=delegations[1], actor=other_delegate)
    return {"drafting": drafting, "submitted": submitted}


def test_main_pages_of_every_role_have_no_serious_violation(
    chromium, asgi_server, scene, chair, director, delegate, other_delegate, secretariat
):
    drafting, submitted = scene["drafting"].pk, scene["submitted"].pk
    pages = {
        None: ["/accounts/login/"],
        chair: ["/c/ccpcj/", "/c/ccpcj/roll-call/", "/c/ccpcj/agenda/", "/c/ccpcj/timeline/"],
        director: ["/c/ccpcj/review/", f"/c/ccpcj/review/{submitted}/", "/c/ccpcj/papers/"],
        delegate: [
            "/c/ccpcj/delegate/",
            "/c/ccpcj/papers/",
            f"/c/ccpcj/papers/{drafting}/",
            f"/c/ccpcj/papers/{drafting}/edit/",
            f"/c/ccpcj/papers/{submitted}/",
            f"/c/ccpcj/papers/{drafting}/compare/?from=1&to=3",
            "/accounts/password/",
        ],
        other_delegate: [f"/c/ccpcj/papers/{drafting}/"],  # asked to co-sponsor
        secretariat: ["/conference/"],
    }
    found = {}
    for user, paths in pages.items():
        context = chromium.new_context(base_url=asgi_server.url, bypass_csp=True)
        page = context.new_page()
        if user is not None:
            user.set_password("pw")
            user.save()
            page.goto("/accounts/login/")
            page.fill("#id_username", user.username)
            page.fill("#id_password", "pw")
            page.click("button[type=submit]")
            page.wait_for_load_state()
        for path in paths:
            response = page.goto(path)
            assert response.status == 200, path
            problems = violations(page)
            if problems:
                found[path] = problems
        context.close()
    assert found == {}
