"""The Content-Security-Policy is strict (no inline script, nothing from elsewhere), and the
pages still work under it: no violation and no script error on the main page of each role,
and live updates still arrive (they must not need eval)."""

import pytest
from playwright.sync_api import expect

from resolutions import services as paper_services
from resolutions.models import Supporter
from resolutions.text import parse

from .factories import open_floor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_csp_header_is_sent(client, chair, committee):
    client.force_login(chair)
    policy = client.get(f"/c/{committee.slug}/")["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "default-src 'self'" in policy
    assert "unsafe-eval" not in policy and "script-src 'self' 'unsafe-inline'" not in policy


def watch(page):
    problems = []
    page.on(
        "console",
        lambda m: (
            problems.append(m.text)
            if m.type == "error" or "Content Security Policy" in m.text
            else None
        ),
    )
    page.on("pageerror", lambda error: problems.append(str(error)))
    return problems


def test_pages_run_under_the_policy_and_live_updates_arrive(
    chromium, asgi_server, page, login, committee, delegations, chair, delegate, other_delegate
):
    open_floor(committee, chair)
    paper = paper_services.paper_create(
        committee=committee,
        delegation=delegations[0],
        actor=delegate,
        resolution=parse("Recalling x,\n1. Urges y.").resolution,
    )
    problems = watch(page)
    login(chair)
    for path in ["/c/ccpcj/", "/c/ccpcj/roll-call/", "/c/ccpcj/agenda/", "/c/ccpcj/timeline/"]:
        page.goto(path)
        page.wait_for_load_state("networkidle")
    page.context.clear_cookies()

    login(delegate)
    page.goto(f"/c/ccpcj/papers/{paper.pk}/")
    expect(page.locator("body")).to_have_attribute("data-live", "on")
    threshold = page.locator("#threshold")
    expect(threshold).to_contain_text("1 of 2 needed")
    # France signs from its own account, in its own browser: Mexico's page follows.
    paper_services.supporter_invite(
        paper=paper,
        delegation=delegations[0],
        actor=delegate,
        invitee=delegations[1],
        role=Supporter.Role.SIGNATORY,
    )
    france = chromium.new_context(base_url=asgi_server.url).new_page()
    france_problems = watch(france)
    other_delegate.set_password("pw")
    other_delegate.save()
    france.goto("/accounts/login/")
    france.fill("#id_username", other_delegate.username)
    france.fill("#id_password", "pw")
    france.click("button[type=submit]")
    france.goto(f"/c/ccpcj/papers/{paper.pk}/")
    france.get_by_role("button", name="Sign").click()
    expect(france.locator("#messages")).to_contain_text("France accepted.")
    france.context.close()
    assert france_problems == []
    expect(threshold).to_contain_text("2 supporters, 2 needed")
    page.goto(f"/c/ccpcj/papers/{paper.pk}/edit/")
    page.wait_for_load_state("networkidle")
    assert problems == []
