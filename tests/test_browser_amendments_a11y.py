"""Accessibility of the amendment pages: axe-core finds no serious or critical violation on
the draft page, an amendment's page and editor, the lists and the dais's queue."""

import pytest

from resolutions import amendment_services as services

from .amendment_helpers import make_draft, write
from .factories import DelegateFactory
from .test_browser_a11y import violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_amendment_pages_have_no_serious_violation(
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
    mexico, kenya, japan = delegations[0], delegations[2], delegations[3]
    kenyan = kenya.delegates.first().user
    japanese = DelegateFactory(delegation=japan).user
    submitted = services.amendment_create(
        target=draft, delegation=kenya, actor=kenyan, kind="unfriendly"
    )
    submitted = write(submitted, kenya, kenyan, ("delete", "op.2.1"), ("set", "op.1", "Urges x"))
    services.amendment_invite(amendment=submitted, delegation=kenya, actor=kenyan, invitee=japan)
    services.amendment_answer(amendment=submitted, delegation=japan, actor=japanese, accept=True)
    services.amendment_submit(amendment=submitted, delegation=kenya, actor=kenyan)
    mine = services.amendment_create(
        target=draft, delegation=mexico, actor=delegate, kind="friendly"
    )
    mine = write(mine, mexico, delegate, ("add_child", "op.2", "on cybercrime"))
    pages = {
        delegate: [
            f"/c/ccpcj/drafts/{draft.pk}/",
            "/c/ccpcj/amendments/",
            f"/c/ccpcj/amendments/{mine.pk}/",
            f"/c/ccpcj/amendments/{mine.pk}/edit/",
            f"/c/ccpcj/amendments/{submitted.pk}/",
        ],
        director: [
            "/c/ccpcj/amendments/review/",
            f"/c/ccpcj/amendments/{submitted.pk}/",
            f"/c/ccpcj/drafts/{draft.pk}/",
        ],
    }
    found = {}
    for user, paths in pages.items():
        user.set_password("pw")
        user.save()
        # axe is injected into the page: this context lets its script past the page's policy.
        context = chromium.new_context(base_url=asgi_server.url, bypass_csp=True)
        page = context.new_page()
        page.goto("/accounts/login/")
        page.fill("#id_username", user.username)
        page.fill("#id_password", "pw")
        page.click("button[type=submit]")
        page.wait_for_load_state()
        for path in paths:
            page.goto(path)
            page.wait_for_load_state()
            problems = violations(page)
            if problems:
                found[f"{user.username} {path}"] = problems
        context.close()
    assert found == {}
