"""The draft page, the amendment lists and the dais's queue run the same number of queries
with 1 amendment and with 20 (with signatures, consents and applied revisions)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from resolutions import amendment_services as services

from .amendment_helpers import make_draft, write
from .factories import DelegateFactory

pytestmark = pytest.mark.django_db


def count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def grow(draft, delegations, users, director, n):
    """n amendments of every kind and state: unfriendly ones signed and submitted, friendly
    ones applied, one withdrawn."""
    kenya, japan, mexico, france = delegations[2], delegations[3], delegations[0], delegations[1]
    for i in range(n):
        if i % 3 == 2:
            amendment = services.amendment_create(
                target=draft, delegation=mexico, actor=users[mexico], kind="friendly"
            )
            amendment = write(
                amendment, mexico, users[mexico], ("append_op", "", f"Requests report {i}")
            )
            services.amendment_request_consents(
                amendment=amendment, delegation=mexico, actor=users[mexico]
            )
            services.amendment_answer(
                amendment=amendment, delegation=france, actor=users[france], accept=True
            )
            services.amendment_approve(amendment=amendment, actor=director)
            draft.refresh_from_db()
            continue
        amendment = services.amendment_create(
            target=draft, delegation=kenya, actor=users[kenya], kind="unfriendly"
        )
        amendment = write(amendment, kenya, users[kenya], ("set", "op.1", f"Urges {i}"))
        services.amendment_invite(
            amendment=amendment, delegation=kenya, actor=users[kenya], invitee=japan
        )
        services.amendment_answer(
            amendment=amendment, delegation=japan, actor=users[japan], accept=True
        )
        services.amendment_submit(amendment=amendment, delegation=kenya, actor=users[kenya])


@pytest.mark.parametrize(
    ("page", "role", "budget"),
    [
        ("draft", "delegate", 13),
        ("draft", "director", 12),
        ("draft_live", "director", 11),
        ("amendments", "delegate", 9),
        ("amendment_queue", "director", 8),
        ("amendment", "director", 12),
    ],
)
def test_amendment_pages_have_fixed_queries(
    client,
    committee,
    delegations,
    chair,
    director,
    delegate,
    other_delegate,
    page,
    role,
    budget,
    django_assert_max_num_queries,
):
    draft = make_draft(
        committee,
        delegations,
        chair=chair,
        director=director,
        mexican=delegate,
        french=other_delegate,
    )
    users = {
        delegations[0]: delegate,
        delegations[1]: other_delegate,
        delegations[2]: delegations[2].delegates.first().user,
        delegations[3]: DelegateFactory(delegation=delegations[3]).user,
    }
    grow(draft, delegations, users, director, 1)
    client.force_login({"delegate": delegate, "director": director}[role])
    first = draft.amendments.order_by("number").first()

    def url():
        kwargs = {"committee": committee.slug}
        if page in ("draft", "draft_live"):
            kwargs["pk"] = draft.pk
        if page == "amendment":
            kwargs["pk"] = first.pk
        return reverse(f"resolutions:{page}", kwargs=kwargs)

    few = count(client, url())
    grow(draft, delegations, users, director, 19)
    assert draft.amendments.count() == 20
    with django_assert_max_num_queries(budget):
        many = count(client, url())
    assert many == few, (few, many)
