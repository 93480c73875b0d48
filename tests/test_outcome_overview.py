"""The secretariat's conference overview links to each committee's documentation (with its
state) and PDF, and to the conference's documentation and PDF. Each link, followed by each
kind of reader: the secretariat reads them all; before publication, a delegate gets 403, an
outsider 404, an anonymous reader the login page; once published, anyone reads the
committee's documentation and PDF; the conference's PDF stays the secretariat's."""

import pytest
from django.urls import reverse
from lxml import html

from outcome import documents, services

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fake_pdf(monkeypatch):
    monkeypatch.setattr(documents, "pdf", lambda docs: b"%PDF-1.7 test")


def overview_links(client, secretariat):
    client.force_login(secretariat)
    response = client.get(reverse("conference_overview"))
    assert response.status_code == 200
    tree = html.fromstring(response.content)
    committees = {
        row.xpath("string(td[1]//strong)"): {
            a.text_content(): a.get("href")
            for a in row.xpath(".//td[@class[contains(., 'committee-links')]]//a")
        }
        for row in tree.xpath("//tbody/tr")
    }
    conference = {
        a.text_content(): a.get("href")
        for a in tree.xpath("//p[@class[contains(., 'conference-links')]]/a")
    }
    notes = {
        row.xpath("string(td[1]//strong)"): row.xpath(
            "string(.//td[@class[contains(., 'committee-links')]]//span)"
        )
        for row in tree.xpath("//tbody/tr")
    }
    client.logout()
    return committees, conference, notes


def test_the_overview_links_to_every_documentation(
    client, committee, other_committee, director, secretariat
):
    services.summary_save(committee=committee, text="Met.", actor=director)
    services.documentation_publish(committee=committee, actor=director)
    committees, conference, notes = overview_links(client, secretariat)
    assert committees == {
        "CCPCJ": {"Documentation": "/c/ccpcj/documentation/", "PDF": "/c/ccpcj/documentation/pdf/"},
        "GA3": {"Documentation": "/c/ga3/documentation/", "PDF": "/c/ga3/documentation/pdf/"},
    }
    assert notes == {"CCPCJ": "published", "GA3": "not published"}
    pk = committee.conference_id
    assert conference == {
        "Documentation of the conference": f"/conference/{pk}/documentation/",
        "PDF of the conference": f"/conference/{pk}/documentation/pdf/",
    }
    client.force_login(secretariat)
    for href in [*committees["CCPCJ"].values(), *committees["GA3"].values(), *conference.values()]:
        assert client.get(href).status_code == 200, href


@pytest.mark.parametrize(
    "who,expected",
    [
        ("anonymous", 302),
        ("outsider", 404),
        ("delegate", 403),
        ("chair", 200),
        ("secretariat", 200),
    ],
)
def test_a_committee_link_before_publication(client, cast, committee, who, expected):
    committees, _, _ = overview_links(client, cast["secretariat"])
    if cast[who]:
        client.force_login(cast[who])
    for href in committees["CCPCJ"].values():
        response = client.get(href)
        assert response.status_code == expected, href
        if expected == 302:
            assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize(
    "who,expected",
    [("anonymous", 200), ("outsider", 200), ("delegate", 200), ("secretariat", 200)],
)
def test_a_committee_link_once_published(client, cast, committee, who, expected):
    services.summary_save(committee=committee, text="Met.", actor=cast["director"])
    services.documentation_publish(committee=committee, actor=cast["director"])
    committees, _, _ = overview_links(client, cast["secretariat"])
    if cast[who]:
        client.force_login(cast[who])
    for href in committees["CCPCJ"].values():
        assert client.get(href).status_code == expected, href


@pytest.mark.parametrize(
    "who,documentation,pdf",
    [
        ("anonymous", 200, 302),
        ("outsider", 200, 403),
        ("director", 200, 403),
        ("secretariat", 200, 200),
    ],
)
def test_the_conference_links_once_a_committee_is_published(
    client, cast, committee, who, documentation, pdf
):
    services.summary_save(committee=committee, text="Met.", actor=cast["director"])
    services.documentation_publish(committee=committee, actor=cast["director"])
    _, conference, _ = overview_links(client, cast["secretariat"])
    if cast[who]:
        client.force_login(cast[who])
    assert client.get(conference["Documentation of the conference"]).status_code == documentation
    assert client.get(conference["PDF of the conference"]).status_code == pdf


@pytest.mark.parametrize("who", ["chair", "delegate", "outsider"])
def test_only_the_secretariat_sees_the_overview(client, cast, committee, who):
    client.force_login(cast[who])
    assert client.get(reverse("conference_overview")).status_code == 403
