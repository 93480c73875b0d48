"""Bad input gets a clear answer, never a server error."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resolutions import services
from resolutions.text import parse

from .factories import open_floor

pytestmark = pytest.mark.django_db

JUNK = st.one_of(
    st.text(max_size=60),
    st.sampled_from(
        [
            "",
            " ",
            "op.0",
            "op.999.1",
            "pre.1.1.1",
            "op..1",
            "-1",
            "9" * 30,
            "\x00",
            "<script>",
            "op.1",
            "pre.1",
            "add_child",
            "delete",
            "yes",
            "signatory",
        ]
    ),
)


@pytest.fixture
def paper(committee, delegations, chair, delegate):
    open_floor(committee, chair)
    return services.paper_create(
        committee=committee,
        delegation=delegations[0],
        actor=delegate,
        resolution=parse("Recalling x,\n1. Urges y.").resolution,
    )


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(op=JUNK, key=JUNK, phrase=JUNK, rest=JUNK)
def test_structured_editor_never_errors(client, delegate, committee, paper, op, key, phrase, rest):
    client.force_login(delegate)
    url = reverse(
        "resolutions:paper_edit_clause", kwargs={"committee": committee.slug, "pk": paper.pk}
    )
    data = {"op": op, "key": key, "phrase": phrase, "rest": rest}
    response = client.post(
        url, {k: v.replace("\x00", "") for k, v in data.items()}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(order=JUNK, title=JUNK, name=JUNK, status=JUNK)
def test_chair_forms_never_error(client, chair, committee, delegations, order, title, name, status):
    client.force_login(chair)
    slug = {"committee": committee.slug}
    clean = {
        k: v.replace("\x00", "")
        for k, v in {"order": order, "title": title, "name": name, "status": status}.items()
    }
    for url_name, data in [
        ("agenda_adopt", {"order": clean["order"]}),
        ("topic_propose", {"title": clean["title"]}),
        ("meeting_create", {"name": clean["name"], "starts_at": clean["status"]}),
    ]:
        response = client.post(reverse(f"committee:{url_name}", kwargs=slug), data)
        assert response.status_code in (302, 400)


@pytest.mark.parametrize("query", ["?to=abc", "?from=0&to=99", "?from=-1", "?to=1&from=x"])
def test_compare_with_bad_revisions_is_404(client, delegate, committee, paper, query):
    client.force_login(delegate)
    url = reverse("resolutions:paper_compare", kwargs={"committee": committee.slug, "pk": paper.pk})
    assert client.get(url + query).status_code == 404
