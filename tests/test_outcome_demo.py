"""The demo's documentation against the seed: the same staff, agenda, table of resolutions
(code, topic, vote) and, resolution by resolution, the same number of preambular and
operative clauses and sub-clauses as the seed's texts; its XML validates."""

import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from lxml import etree, html

from outcome import documents
from resolutions import demo
from resolutions.text import parse
from sessions.models import Committee

pytestmark = pytest.mark.django_db(transaction=True)

DATA = Path(__file__).parent / "data"
SEED = Path(__file__).parents[2] / "shared" / "seed" / "ccpcj-conference-b-2025.txt"


def seed_table():
    """The rows of the seed's "Resolutions adopted by the Committee" (tab-separated)."""
    text = SEED.read_text() if SEED.exists() else ""
    rows = re.findall(r"^(CCPCJ/\d/\d)\t(.+?)\t(.+?)$", text, flags=re.M)
    return [list(row) for row in rows]


def counts(resolution):
    def walk(clauses):
        return sum(1 + walk(c.children) for c in clauses)

    return len(resolution.preamble), len(resolution.operative), walk(resolution.operative)


def test_demo_documentation_matches_the_seed(member_states):
    call_command("demo", stdout=StringIO())
    committee = Committee.objects.select_related("conference").get(acronym="CCPCJ")
    docs = documents.committee_docs(committee)
    tree = html.fromstring(documents.html(docs))
    rows = [
        [td.text_content() for td in tr.xpath("td")]
        for tr in tree.xpath("//table[@class='results']/tbody/tr")
    ]
    if SEED.exists():  # shared/ lies beside the repository in CI and here
        expected = seed_table()
        assert len(expected) == 5 and rows == expected
    assert [r[0] for r in rows] == ["CCPCJ/1/1", "CCPCJ/1/2", "CCPCJ/1/3", "CCPCJ/1/4", "CCPCJ/2/1"]
    staff = [
        [td.text_content() for td in tr.xpath("td")]
        for tr in tree.xpath("//table[@class='staff']//tr")
    ]
    assert staff == [
        ["Director", "Theresa M. McMackin"],
        ["Assistant Director", "Hat Alzahrani"],
        ["Chair", "Jacob Laurenzana"],
    ]
    for adopted in docs[0].resolutions:
        seed = parse((demo.SEED / (adopted.code.lower().replace("/", "-") + ".txt")).read_text())
        assert counts(adopted.text) == counts(seed.resolution), adopted.code
    summary = docs[0].summary
    assert "attended by representatives of 32 Member States" in summary
    assert "On Sunday, the committee adopted the agenda of 1, 2, beginning discussion" in summary
    assert (
        "adopted 4 resolutions following voting procedure, 2 of which were adopted without a vote"
        in summary
    )
    # The seed: "The dais approved 4 draft resolutions, 2 of which had amendments" (DR 1/3 and
    # DR 1/4), and on topic 2 one draft "with one amendment" (Germany's, to DR 2/1).
    assert "the Dais approved 4 draft resolutions, 2 of which had amendments." in summary
    assert "the Dais approved 1 draft resolution with one amendment." in summary
    schema = etree.XMLSchema(etree.parse(str(DATA / "akn" / "akomantoso30.xsd")))
    assert schema.validate(etree.fromstring(documents.akn(docs))), schema.error_log
