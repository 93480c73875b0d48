"""The documentation's PDF is laid out once and kept (the ``documents`` cache) under the hash
of the HTML it is made from: asked again, it is not laid out again; anything it shows
changing (the summary report, a resolution's text or vote, the staff, the agenda, the cover)
makes a new one. A conference binds its committees' PDFs, each laid out once."""

import io
import json

import pytest
from django.urls import reverse
from pypdf import PdfReader

from outcome import documents, services
from sessions.models import DaisRole, Topic
from voting.models import Resolution

from .factories import DaisRoleFactory, UserFactory
from .outcome_helpers import adopt
from .voting_helpers import TEXT

pytestmark = pytest.mark.django_db


@pytest.fixture
def adopted(committee, delegations, chair, director, delegate):
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
    services.summary_save(committee=committee, text="The committee met.", actor=director)
    return committee


@pytest.fixture
def layouts(monkeypatch):
    """Counts WeasyPrint's layouts; each gives a distinct (fake) PDF."""
    made = []

    def fake(source):
        made.append(source)
        return f"%PDF-fake {len(made)}".encode()

    monkeypatch.setattr(documents, "_render", fake)
    return made


def committee_pdf(committee):
    return documents.pdf(documents.committee_docs(committee))


def test_the_same_documentation_is_laid_out_once(adopted, layouts):
    first = committee_pdf(adopted)
    assert committee_pdf(adopted) == first == b"%PDF-fake 1"
    assert len(layouts) == 1


def _summary(committee, director):
    services.summary_save(committee=committee, text="The committee met again.", actor=director)


def _vote(committee, director):
    resolution = Resolution.objects.get(committee=committee)
    resolution.vote.result = "30 in favor, 1 against, 2 abstentions"
    resolution.vote.save()


def _text(committee, director):
    resolution = Resolution.objects.get(committee=committee)
    resolution.text = json.loads(
        json.dumps(resolution.text).replace("Requests a report", "Requests a full report")
    )
    resolution.save()


def _staff(committee, director):
    director.last_name = "McMackin"
    director.save()


def _new_staff(committee, director):
    DaisRoleFactory(committee=committee, role=DaisRole.Role.ASSISTANT_DIRECTOR, user=UserFactory())


def _agenda(committee, director):
    Topic.objects.filter(committee=committee, agenda_position=2).update(title="Human trafficking")


def _cover(committee, director):
    committee.conference.disclaimer = "Not an official UN document."
    committee.conference.save()


CHANGES = [_summary, _vote, _text, _staff, _new_staff, _agenda, _cover]


@pytest.mark.parametrize("change", CHANGES, ids=lambda f: f.__name__)
def test_a_change_to_what_it_shows_makes_a_new_pdf(adopted, director, layouts, change):
    committee_pdf(adopted)
    change(adopted, director)
    assert committee_pdf(adopted) == b"%PDF-fake 2"
    assert len(layouts) == 2
    assert committee_pdf(adopted) == b"%PDF-fake 2" and len(layouts) == 2


def test_publishing_does_not_lay_it_out_again(adopted, director, layouts):
    committee_pdf(adopted)
    services.documentation_publish(committee=adopted, actor=director)
    committee_pdf(adopted)
    assert len(layouts) == 1


def test_the_pdf_view_serves_the_kept_pdf(client, adopted, director, layouts):
    client.force_login(director)
    path = reverse("outcome:pdf", kwargs={"committee": adopted.slug})
    assert client.get(path).content == b"%PDF-fake 1"
    assert client.get(path).content == b"%PDF-fake 1"
    _summary(adopted, director)
    assert client.get(path).content == b"%PDF-fake 2"


def test_a_conference_binds_each_committees_pdf_laid_out_once(
    adopted, other_committee, director, monkeypatch
):
    other_director = DaisRoleFactory(
        committee=other_committee, role=DaisRole.Role.DIRECTOR, user=UserFactory()
    ).user
    services.summary_save(
        committee=other_committee, text="The Third Committee met.", actor=other_director
    )
    made = []
    real = documents._render

    def counted(source):
        made.append(source)
        return real(source)

    monkeypatch.setattr(documents, "_render", counted)
    conference = adopted.conference

    def bundle():
        return documents.pdf(documents.conference_docs(conference))

    data = bundle()
    assert len(made) == 2  # one layout per committee
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Third Committee of the General Assembly (GA3)" in text
    assert "CCPCJ/1/1" in text and "The Third Committee met." in text
    assert len(reader.pages) == len(PdfReader(io.BytesIO(committee_pdf(adopted))).pages) + len(
        PdfReader(io.BytesIO(committee_pdf(other_committee))).pages
    )
    assert reader.metadata.title.startswith("Documentation of the Simulation: ")
    assert len(made) == 2  # the committees' PDFs were kept
    services.summary_save(
        committee=other_committee, text="The Third Committee met twice.", actor=other_director
    )
    assert "The Third Committee met twice." in "\n".join(
        page.extract_text() for page in PdfReader(io.BytesIO(bundle())).pages
    )
    assert len(made) == 3  # only the committee that changed was laid out again
