"""The paper pages run a fixed number of queries whatever the number of papers, supporters,
rounds and comments."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from resolutions import services
from resolutions.models import Supporter
from resolutions.text import parse
from sessions.models import MemberState

from .factories import DelegationFactory, UserFactory, open_floor

pytestmark = pytest.mark.django_db
TEXT = "Recalling x,\nNoting y,\n1. Urges a;\n2. Decides b:\n a. c;\n b. d."


def grow(committee, delegate, director, delegations, n_papers, n_supporters):
    """Submitted papers with supporters, a returned round with comments and a resubmission."""
    main = delegations[0]
    papers = []
    for _ in range(n_papers):
        paper = services.paper_create(
            committee=committee, delegation=main, actor=delegate, resolution=parse(TEXT).resolution
        )
        for other in delegations[1 : n_supporters + 1]:
            Supporter.objects.create(
                paper=paper, delegation=other, role="signatory", state="accepted"
            )
        services.paper_submit(paper=paper, delegation=main, actor=delegate)
        for clause in ["op 1", "op 2.a", "pre 2"]:
            services.comment_add(paper=paper, actor=director, clause=clause, text="Why?")
        services.paper_return(paper=paper, actor=director)
        services.paper_save_text(
            paper=paper,
            delegation=main,
            actor=delegate,
            resolution=parse(TEXT + "\n3. Requests e.").resolution,
        )
        services.paper_submit(paper=paper, delegation=main, actor=delegate)
        services.comment_add(paper=paper, actor=director, clause="op 3", text="Good.")
        papers.append(paper)
    return papers


@pytest.fixture
def big(committee, chair, delegate, director):
    taken = committee.delegations.values("member_state")
    for state in MemberState.objects.filter(is_un_member=True).exclude(pk__in=taken)[:30]:
        DelegationFactory(committee=committee, member_state=state)
    open_floor(committee, chair)
    return committee


def count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    ("page", "role", "budget"),
    [
        ("papers", "delegate", 9),
        ("queue", "director", 9),
        ("paper", "delegate", 16),
        ("review", "director", 10),
    ],
)
def test_paper_pages_have_bounded_queries(
    client, big, delegate, director, page, role, budget, django_assert_max_num_queries
):
    delegations = list(big.delegations.order_by("pk"))  # Mexico (alice's) first
    small = grow(big, delegate, director, delegations, 2, 2)
    client.force_login({"delegate": delegate, "director": director}[role])

    def url(paper):
        kwargs = {"committee": big.slug}
        if page in ("paper", "review"):
            kwargs["pk"] = paper.pk
        return reverse(f"resolutions:{page}", kwargs=kwargs)

    few = count(client, url(small[0]))
    large = grow(big, delegate, director, delegations, 12, 25)
    for paper in large[:1]:
        for _ in range(5):
            services.comment_add(paper=paper, actor=UserFactory(), clause="op 1", text="More")
    with django_assert_max_num_queries(budget):
        many = count(client, url(large[0]))
    assert many == few, (few, many)


def test_a_pair_of_revisions_is_compared_once(monkeypatch, committee, delegations, chair, delegate):
    """The review page compares the round's revision with the last one reviewed; reopening
    it does not compare them again (revisions never change)."""
    from django.core.cache import cache

    from resolutions import selectors
    from resolutions.models import Revision

    calls = []
    real = selectors.diff
    monkeypatch.setattr(selectors, "diff", lambda a, b: calls.append(1) or real(a, b))
    cache.clear()
    open_floor(committee, chair)
    paper = services.paper_create(
        committee=committee,
        delegation=delegations[0],
        actor=delegate,
        resolution=parse("Recalling x,\n1. Urges y.").resolution,
    )
    services.paper_save_text(
        paper=paper,
        delegation=delegations[0],
        actor=delegate,
        resolution=parse("Recalling x,\n1. Urges z.").resolution,
    )
    old, new = Revision.objects.filter(paper=paper).order_by("number")
    first = selectors.revision_diff_html(old, new)
    assert selectors.revision_diff_html(old, new) == first
    assert "Urges" in first and len(calls) == 1
