"""The Documentation of the Simulation: the page's structure, who may read it before and
after publication, the summary report and its draft from the record, publishing, PDF, Akoma
Ntoso, hostile text, query counts, the export command and the JSON backup's round trip."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from lxml import etree, html

from outcome import backup, documents, services
from outcome.models import Documentation
from sessions.errors import DomainError
from sessions.models import AuditEntry, Topic
from voting.models import Resolution

from .factories import DelegationFactory
from .outcome_helpers import HOSTILE, adopt
from .voting_helpers import TEXT

pytestmark = pytest.mark.django_db

SCHEMA_FILE = Path(__file__).parent / "data" / "akn" / "akomantoso30.xsd"


@pytest.fixture(scope="module")
def schema():
    return etree.XMLSchema(etree.parse(str(SCHEMA_FILE)))


@pytest.fixture
def adopted(committee, delegations, chair, director, delegate, names):
    adopt(
        committee,
        chair=chair,
        director=director,
        delegate=delegate,
        sponsor=names["Mexico"],
        signatory=names["France"],
        texts=[TEXT, HOSTILE],
    )
    return committee


def url(name, committee, **kwargs):
    return reverse(f"outcome:{name}", kwargs={"committee": committee.slug, **kwargs})


def publish(committee, director):
    services.summary_save(committee=committee, text="The committee met.", actor=director)
    services.documentation_publish(committee=committee, actor=director)


# The page -------------------------------------------------------------------------------


def test_documentation_has_the_seeds_sections_and_table(client, adopted, director):
    adopted.conference.disclaimer = "Not official United Nations documents."
    adopted.conference.save()
    services.summary_save(
        committee=adopted,
        text="The committee met to consider:\n\n1. Organized crime\n2. Trafficking\n\nIt worked.",
        actor=director,
    )
    client.force_login(director)
    response = client.get(url("documentation", adopted))
    assert response.status_code == 200
    tree = html.fromstring(response.content)
    conference = adopted.conference
    assert tree.xpath("string(//h1)").startswith(f"{adopted.full_name} ({adopted.acronym})")
    assert "Documentation of the Simulation of the" in tree.xpath(
        "string(//*[@class='cover-lead'])"
    )
    assert conference.dates_display in tree.xpath("string(//*[@class='dates'])")
    assert tree.xpath("string(//*[@class='disclaimer'])") == "* " + adopted.conference.disclaimer
    assert tree.xpath("//h1/sup[@class='note-call']")
    assert [h.text_content() for h in tree.xpath("//section[contains(@class,'front')]/h3")] == [
        "Committee Staff",
        "Agenda",
        "Resolutions adopted by the Committee",
        "Summary Report",
    ]
    staff = [
        [td.text_content() for td in tr.xpath("td")]
        for tr in tree.xpath("//table[@class='staff']//tr")
    ]
    assert ["Director", director.get_full_name()] in staff
    assert [
        li.text_content() for li in tree.xpath("//section[contains(@class,'front')]/ol")[0]
    ] == [
        "Organized crime",
        "Trafficking",
    ]
    rows = [
        [td.text_content() for td in tr.xpath("td")]
        for tr in tree.xpath("//table[@class='results']/tbody/tr")
    ]
    assert rows == [
        ["CCPCJ/1/1", "Organized crime", "Adopted without a vote"],
        ["CCPCJ/1/2", "Organized crime", "3 in favor, 1 against, 1 abstention"],
    ]
    summary = tree.xpath("//div[@class='summary']")[0]
    assert [li.text_content() for li in summary.xpath("ol/li")] == [
        "Organized crime",
        "Trafficking",
    ]
    assert summary.xpath("string(p[last()])") == "It worked."
    pages = tree.xpath("//section[contains(@class,'resolution-page')]")
    assert [p.xpath("string(h2)") for p in pages] == ["CCPCJ/1/1", "CCPCJ/1/2"]
    first = pages[0]
    assert first.xpath("string(.//p[@class='committee'])") == f"Committee: {adopted.full_name}"
    assert first.xpath("string(.//p[@class='topic'])") == "Topic: Organized crime"
    assert first.xpath("string(.//p[@class='heading'])") == f"The {adopted.full_name},"
    assert first.xpath("string(.//p[@class='preambular']/em)") == "Recalling"
    labels = [
        s.text_content()
        for s in first.xpath(".//ol[contains(@class,'level-1')]/li/span[@class='label']")
    ]
    assert labels == ["1.", "2.", "3.", "4."]
    assert (
        first.xpath("string(.//ol[contains(@class,'level-1')]/li[1]/span[@class='text']/em)")
        == "Encourages"
    )
    sub = pages[1].xpath(".//ol[contains(@class,'level-2')]/li/span[@class='label']")
    assert [s.text_content() for s in sub] == ["a.", "b."]
    assert "@media print" in response.content.decode() and "@page" in response.content.decode()


def test_hostile_text_is_escaped_in_the_page(client, adopted, director):
    Topic.objects.filter(committee=adopted).update(title='Crime <script>alert("t")</script> & co')
    services.summary_save(
        committee=adopted, text='<script>alert("s")</script> & “q”', actor=director
    )
    client.force_login(director)
    body = client.get(url("documentation", adopted)).content.decode()
    assert "<script>alert" not in body and "<b>data</b>" not in body
    assert "&lt;script&gt;alert(&quot;pre&quot;)&lt;/script&gt; &amp; “quoted”" in body
    assert "&lt;script&gt;alert(&quot;s&quot;)&lt;/script&gt;" in body
    assert "Crime &lt;script&gt;" in body
    tree = html.fromstring(body)
    assert not tree.xpath("//script[not(@src)]") and not tree.xpath("//b")


# Who reads it ---------------------------------------------------------------------------

READERS = ["chair", "director", "secretariat"]


@pytest.mark.parametrize("name", ["documentation", "pdf", "akn"])
@pytest.mark.parametrize(
    "who,expected",
    [
        ("anonymous", 302),
        ("outsider", 404),
        ("other_dais", 404),
        ("delegate", 403),
        ("chair", 200),
        ("director", 200),
        ("secretariat", 200),
    ],
)
def test_before_publication_only_the_dais_and_secretariat_read(
    client, cast, committee, monkeypatch, name, who, expected
):
    monkeypatch.setattr(documents, "pdf", lambda docs: b"%PDF-1.7 test")
    if cast[who]:
        client.force_login(cast[who])
    response = client.get(url(name, committee))
    assert response.status_code == expected
    if expected == 302:
        assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("name", ["documentation", "pdf", "akn"])
@pytest.mark.parametrize("who", ["anonymous", "outsider", "delegate", "chair"])
def test_published_documentation_is_public(client, cast, committee, monkeypatch, name, who):
    monkeypatch.setattr(documents, "pdf", lambda docs: b"%PDF-1.7 test")
    publish(committee, cast["director"])
    if cast[who]:
        client.force_login(cast[who])
    response = client.get(url(name, committee))
    assert response.status_code == 200


def test_the_public_sees_downloads_but_no_dais_buttons(client, cast, committee):
    publish(committee, cast["director"])
    body = client.get(url("documentation", committee)).content.decode()
    assert url("pdf", committee) in body and url("akn", committee) in body
    assert url("unpublish", committee) not in body and url("summary", committee) not in body
    assert "csrfmiddlewaretoken" not in body and url("backup", committee) not in body
    client.force_login(cast["director"])
    body = client.get(url("documentation", committee)).content.decode()
    assert url("unpublish", committee) in body and url("summary", committee) in body
    assert url("backup", committee) not in body  # the secretariat's
    client.force_login(cast["secretariat"])
    body = client.get(url("documentation", committee)).content.decode()
    assert url("backup", committee) in body and url("unpublish", committee) not in body


@pytest.mark.parametrize(
    "who,expected",
    [("anonymous", 302), ("outsider", 404), ("delegate", 403), ("chair", 200), ("director", 200)],
)
def test_summary_page_is_the_dais(client, cast, committee, who, expected):
    if cast[who]:
        client.force_login(cast[who])
    assert client.get(url("summary", committee)).status_code == expected


@pytest.mark.parametrize(
    "name,who,expected",
    [
        ("publish", "anonymous", 302),
        ("publish", "outsider", 404),
        ("publish", "delegate", 403),
        ("publish", "chair", 403),
        ("publish", "secretariat", 403),
        ("publish", "director", 302),
        ("summary_draft", "delegate", 403),
        ("summary_draft", "outsider", 404),
        ("summary_draft", "chair", 302),
        ("backup", "director", 403),
        ("backup", "chair", 403),
        ("backup", "outsider", 404),
        ("backup", "secretariat", 200),
    ],
)
def test_buttons_need_their_role(client, cast, committee, name, who, expected):
    services.summary_save(committee=committee, text="Met.", actor=cast["director"])
    if cast[who]:
        client.force_login(cast[who])
    method = client.get if name == "backup" else client.post
    assert method(url(name, committee)).status_code == expected


@pytest.mark.parametrize("name", ["publish", "unpublish", "summary_draft"])
def test_state_changing_views_refuse_get(client, director, committee, name):
    client.force_login(director)
    assert client.get(url(name, committee)).status_code == 405


def test_another_committees_dais_cannot_publish_or_edit(client, other_dais, committee):
    client.force_login(other_dais)
    assert client.post(url("publish", committee)).status_code == 404
    assert client.post(url("summary", committee), {"summary": "x"}).status_code == 404
    assert not Documentation.objects.filter(committee=committee).exists()


# Services --------------------------------------------------------------------------------


def test_summary_save_records_who_and_audits(committee, chair):
    doc = services.summary_save(committee=committee, text="  Met.\r\n\r\nWorked. ", actor=chair)
    assert doc.summary == "Met.\n\nWorked." and doc.summary_updated_by == chair
    entry = AuditEntry.objects.get(action="documentation.summary_saved")
    assert entry.actor == chair and entry.committee == committee
    services.summary_save(committee=committee, text="Met.\n\nWorked.", actor=chair)
    assert AuditEntry.objects.filter(action="documentation.summary_saved").count() == 1


def test_summary_has_a_limit(committee, chair):
    with pytest.raises(DomainError, match="limited"):
        services.summary_save(committee=committee, text="x" * 20_001, actor=chair)


def test_publish_needs_a_summary_and_happens_once(committee, director):
    with pytest.raises(DomainError, match="summary report"):
        services.documentation_publish(committee=committee, actor=director)
    publish(committee, director)
    doc = Documentation.objects.get(committee=committee)
    assert doc.is_published and doc.published_by == director
    with pytest.raises(DomainError, match="already published"):
        services.documentation_publish(committee=committee, actor=director)
    services.documentation_unpublish(committee=committee, actor=director)
    assert not Documentation.objects.get(committee=committee).is_published
    assert list(
        AuditEntry.objects.filter(action__startswith="documentation.")
        .order_by("created_at", "pk")
        .values_list("action", flat=True)
    ) == ["documentation.summary_saved", "documentation.published", "documentation.unpublished"]


def test_publish_view_says_why_it_refused(client, committee, director):
    client.force_login(director)
    response = client.post(url("publish", committee), follow=True)
    assert "Write the summary report before publishing" in response.content.decode()


def test_summary_form_saves_and_keeps_text_over_the_limit(client, committee, chair):
    client.force_login(chair)
    response = client.post(url("summary", committee), {"summary": "Met.\n\n1. A\n2. B"})
    assert response.status_code == 302
    assert Documentation.objects.get(committee=committee).summary == "Met.\n\n1. A\n2. B"
    response = client.post(url("summary", committee), {"summary": "y" * 20_001})
    assert response.status_code == 400 and "y" * 100 in response.content.decode()


def test_draft_from_the_record(client, adopted, chair, delegations):
    client.force_login(chair)
    assert client.post(url("summary_draft", adopted)).status_code == 302
    text = Documentation.objects.get(committee=adopted).summary
    assert "consider the following agenda items:\n\n1. Organized crime\n2. Trafficking" in text
    # Five Member States answered the roll call (the observer is not counted).
    assert "attended by representatives of 5 Member States." in text
    assert "the committee adopted the agenda of 1, 2" in text
    assert "received a total of 2 proposals" in text
    assert "approved 2 draft resolutions" in text
    assert (
        "adopted 2 resolutions following voting procedure, 1 of which was adopted without a vote"
        in text
    )
    assert AuditEntry.objects.filter(action="documentation.summary_drafted", actor=chair).exists()


def test_a_saved_summary_records_its_length_and_when(committee, chair):
    doc = services.summary_save(committee=committee, text="Met.\r\nWorked.", actor=chair)
    assert doc.summary_updated_at is not None
    entry = AuditEntry.objects.get(action="documentation.summary_saved")
    assert entry.data == {"characters": len("Met.\nWorked.")}


def test_a_summary_of_exactly_the_limit_is_kept_and_the_refusal_names_the_limit(committee, chair):
    doc = services.summary_save(committee=committee, text="x" * 20_000, actor=chair)
    assert len(doc.summary) == 20_000
    with pytest.raises(DomainError) as refused:
        services.summary_save(committee=committee, text="y" * 20_001, actor=chair)
    assert str(refused.value) == "The summary report is limited to 20,000 characters."
    assert Documentation.objects.get(committee=committee).summary == "x" * 20_000


def test_a_drafted_summary_records_who_drafted_it_and_when(adopted, chair):
    doc = services.summary_draft(committee=adopted, actor=chair)
    doc.refresh_from_db()
    assert doc.summary.startswith("The ") and doc.summary_updated_by == chair
    assert doc.summary_updated_at is not None
    entry = AuditEntry.objects.get(action="documentation.summary_drafted")
    assert (entry.actor, entry.committee) == (chair, adopted)


def test_publishing_records_when_and_unpublishing_clears_it_with_reasons_for_refusals(
    committee, director
):
    with pytest.raises(DomainError) as refused:
        services.documentation_publish(committee=committee, actor=director)
    assert str(refused.value) == "Write the summary report before publishing the documentation."
    with pytest.raises(DomainError) as refused:
        services.documentation_unpublish(committee=committee, actor=director)
    assert str(refused.value) == "The documentation is not published."
    publish(committee, director)
    doc = Documentation.objects.get(committee=committee)
    assert doc.published_at is not None
    with pytest.raises(DomainError) as refused:
        services.documentation_publish(committee=committee, actor=director)
    assert str(refused.value) == "The documentation is already published."
    services.documentation_unpublish(committee=committee, actor=director)
    doc.refresh_from_db()
    assert (doc.published_at, doc.published_by) == (None, None)
    assert AuditEntry.objects.get(action="documentation.unpublished").actor == director


# PDF, Akoma Ntoso ------------------------------------------------------------------------


def test_pdf_has_the_text_and_plausible_pages(client, adopted, director):
    from pypdf import PdfReader

    services.summary_save(
        committee=adopted, text="The committee met <b>well</b> & more.", actor=director
    )
    client.force_login(director)
    response = client.get(url("pdf", adopted))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(response.content))
    assert 4 <= len(reader.pages) <= 8  # cover, front matter, one page or so per resolution
    text = "\n".join(page.extract_text() for page in reader.pages)
    for expected in [
        "Documentation of the Simulation of the",
        "Resolutions adopted by the Committee",
        "CCPCJ/1/2",
        "3 in favor, 1 against, 1 abstention",
        "Committee: ",
        "Encourages Member States to share data",
        '<script>alert("pre")</script> &',  # escaped: printed as text, not swallowed
        "The committee met <b>well</b> & more.",
    ]:
        assert expected in text, expected
    assert "2" in reader.pages[1].extract_text().split()[-1:]  # page numbers at the foot


def test_akn_validates_and_keeps_hostile_text_as_text(client, adopted, director, schema):
    client.force_login(director)
    response = client.get(url("akn", adopted))
    tree = etree.fromstring(response.content)
    assert schema.validate(tree), schema.error_log
    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    statements = tree.xpath("//a:statement[@name='resolution']", namespaces=ns)
    assert len(statements) == 2
    second = statements[1]
    assert second.xpath("string(.//a:docNumber)", namespaces=ns) == "CCPCJ/1/2"
    assert second.xpath("string(.//a:docTitle)", namespaces=ns) == "Organized crime"
    assert second.xpath("string(.//a:formula[@name='enactingFormula'])", namespaces=ns)
    assert second.xpath("string(.//a:preamble/a:container[1]/a:p)", namespaces=ns) == (
        'Recalling the <script>alert("pre")</script> & “quoted” report,'
    )
    assert second.xpath("string(.//a:paragraph[1]/a:num)", namespaces=ns) == "1."
    assert second.xpath("string(.//a:paragraph[1]/a:intro/a:p/a:i)", namespaces=ns) == "Encourages"
    points = second.xpath(".//a:paragraph[1]/a:list/a:point/a:num/text()", namespaces=ns)
    assert points == ["a.", "b."]
    assert "3 in favor, 1 against, 1 abstention" in second.xpath(
        "string(.//a:conclusions)", namespaces=ns
    )
    assert b"<script>" not in response.content and b"&lt;script&gt;" in response.content


def test_each_resolution_has_its_own_valid_akn(client, adopted, director, schema):
    client.force_login(director)
    response = client.get(url("resolution_akn", adopted, topic=1, number=2))
    assert response.status_code == 200
    assert 'filename="CCPCJ-1-2.xml"' in response["Content-Disposition"]
    assert schema.validate(etree.fromstring(response.content)), schema.error_log
    assert client.get(url("resolution_akn", adopted, topic=1, number=9)).status_code == 404


def test_a_committee_without_resolutions_still_validates(committee, schema):
    assert schema.validate(etree.fromstring(documents.akn(documents.committee_docs(committee))))


# Queries ---------------------------------------------------------------------------------


def _count(client, path):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_documentation_queries_do_not_grow(
    client, committee, delegations, chair, director, delegate, names
):
    adopt(
        committee,
        chair=chair,
        director=director,
        delegate=delegate,
        sponsor=names["Mexico"],
        signatory=names["France"],
        texts=[TEXT],
    )
    publish(committee, director)
    small = _count(client, url("documentation", committee))
    for i in range(20):
        DelegationFactory(
            committee=committee, member_state=None, is_observer=True, organization_name=f"Org {i}"
        )
    # Three more resolutions: reuse the first one's text and vote under new numbers.
    first = Resolution.objects.get()
    from resolutions.models import DraftResolution
    from voting.models import Vote

    base = DraftResolution.objects.get().pk
    for n in range(2, 5):
        draft = DraftResolution.objects.get(pk=base)
        draft.pk = None
        draft.number = n
        draft.code = f"DR 1/{n}"
        draft.paper = _copy_paper(draft.paper, n)
        draft.save()
        vote = Vote.objects.get(pk=first.vote_id)
        vote.pk = None
        vote.item = None
        vote.save()
        Resolution.objects.create(
            committee=committee,
            topic=first.topic,
            draft=draft,
            vote=vote,
            number=n,
            code=f"CCPCJ/1/{n}",
            text=first.text,
            adopted_at=first.adopted_at,
        )
    big = _count(client, url("documentation", committee))
    assert small == big <= 6
    assert b"CCPCJ/1/4" in client.get(url("documentation", committee)).content


def _copy_paper(paper, n):
    from resolutions.models import WorkingPaper

    copy = WorkingPaper.objects.get(pk=paper.pk)
    copy.pk = None
    copy.number = 10 + n
    copy.save()
    return copy


def test_conference_documentation_shows_published_committees(
    client, committee, other_committee, director, secretariat
):
    publish(committee, director)
    path = reverse("conference_documentation", kwargs={"pk": committee.conference_id})
    body = client.get(path).content.decode()
    assert committee.full_name in body and other_committee.full_name not in body
    client.force_login(secretariat)
    body = client.get(path).content.decode()
    assert committee.full_name in body and other_committee.full_name in body


def test_conference_without_published_documentation(client, committee, outsider):
    path = reverse("conference_documentation", kwargs={"pk": committee.conference_id})
    assert client.get(path).status_code == 302
    client.force_login(outsider)
    assert client.get(path).status_code == 404


# Export command and backup ---------------------------------------------------------------


def test_export_command_writes_every_format(adopted, tmp_path, schema, monkeypatch):
    monkeypatch.setattr(documents, "pdf", lambda docs: b"%PDF-1.7 fake")
    for fmt in ["html", "pdf", "akn", "json"]:
        out = tmp_path / f"out.{fmt}"
        call_command(
            "export_committee", "ccpcj", "--format", fmt, "--output", str(out), stderr=io.StringIO()
        )
        assert out.stat().st_size > 0
    assert "CCPCJ/1/2" in (tmp_path / "out.html").read_text()
    assert schema.validate(etree.parse(str(tmp_path / "out.akn")))
    assert json.loads((tmp_path / "out.json").read_text())["committees"] == ["ccpcj"]
    call_command(
        "export_conference",
        str(adopted.conference_id),
        "--format",
        "akn",
        "--output",
        str(tmp_path / "c.xml"),
        stderr=io.StringIO(),
    )
    assert schema.validate(etree.parse(str(tmp_path / "c.xml")))


def test_every_model_is_in_the_backup():
    from django.apps import apps

    from sessions.backup import REGISTRY

    registered = {e.model for e in REGISTRY}
    for label in ["committee", "resolutions", "voting", "outcome"]:
        for model in apps.get_app_config(label).get_models():
            if model.__name__ in ("MemberState", "Conference"):  # by ISO code; exported first
                continue
            assert model in registered, model


@pytest.mark.django_db(transaction=True)
def test_backup_round_trip_is_identical(adopted, director, member_states):
    from sessions.member_states import load_member_states
    from sessions.models import MemberState

    publish(adopted, director)
    first = backup.dumps(backup.export_committees([adopted]))
    data = json.loads(first)
    assert {"auth.user", "committee.auditentry", "voting.ballot", "resolutions.revision"} <= set(
        data["tables"]
    )
    assert data["tables"]["voting.resolution"][1]["code"] == "CCPCJ/1/2"
    call_command("flush", interactive=False, verbosity=0)
    load_member_states(MemberState)
    restored = backup.restore(backup.loads(first))
    assert restored > 50
    from sessions.models import Committee

    again = backup.dumps(backup.export_committees(Committee.objects.all()))
    assert again == first
    with pytest.raises(DomainError, match="empty database"):
        backup.restore(backup.loads(first))


def test_restore_refuses_other_files():
    with pytest.raises(DomainError, match="not a backup"):
        backup.restore({"format": "other"})
    with pytest.raises(DomainError, match="not valid JSON"):
        backup.loads("{")


@pytest.mark.parametrize(
    "who,expected", [("anonymous", 302), ("director", 403), ("secretariat", 200)]
)
def test_conference_pdf_is_the_secretariats(client, cast, committee, monkeypatch, who, expected):
    monkeypatch.setattr(documents, "pdf", lambda docs: b"%PDF-1.7 test")
    publish(committee, cast["director"])
    if cast[who]:
        client.force_login(cast[who])
    path = reverse("conference_documentation_pdf", kwargs={"pk": committee.conference_id})
    assert client.get(path).status_code == expected


def test_every_documentation_change_is_recorded_against_the_documentation(adopted, director):
    services.summary_save(committee=adopted, text="Met.", actor=director)
    services.summary_draft(committee=adopted, actor=director)
    services.documentation_publish(committee=adopted, actor=director)
    services.documentation_unpublish(committee=adopted, actor=director)
    doc = Documentation.objects.get(committee=adopted)
    entries = AuditEntry.objects.filter(action__startswith="documentation.").order_by("pk")
    assert [(e.action, e.actor, e.committee, e.target_type, e.target_id) for e in entries] == [
        (action, director, adopted, "outcome.documentation", str(doc.pk))
        for action in (
            "documentation.summary_saved",
            "documentation.summary_drafted",
            "documentation.published",
            "documentation.unpublished",
        )
    ]


def test_a_summary_saved_empty_clears_it(committee, chair):
    """The summary form sends nothing when the dais empties the field."""
    services.summary_save(committee=committee, text="Met.", actor=chair)
    doc = services.summary_save(committee=committee, text=None, actor=chair)
    assert doc.summary == ""
