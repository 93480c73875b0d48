"""Each output of the documentation, from the same selectors: the HTML document (screen,
print and PDF), the PDF, Akoma Ntoso XML and the JSON backup. Used by the views and by the
``export_committee`` / ``export_conference`` commands."""

from functools import cache
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from . import selectors

STYLESHEETS = [
    Path(settings.PACKAGE_DIR) / "static" / "css" / "resolution.css",
    Path(__file__).parent / "static" / "outcome" / "documentation.css",
]


@cache
def stylesheet():
    return mark_safe("\n".join(path.read_text() for path in STYLESHEETS))


def title(docs):
    if len(docs) == 1:
        committee = docs[0].committee
        return f"Documentation of the Simulation of the {committee.full_name} ({committee.acronym})"
    if docs:
        return f"Documentation of the Simulation: {docs[0].committee.conference}"
    return "Documentation of the Simulation"


def html(docs, *, request=None, **context):
    return render_to_string(
        "outcome/document.html",
        {"docs": docs, "css": stylesheet(), "title": title(docs), **context},
        request=request,
    )


def pdf(docs):
    from .pdf import render_pdf

    return render_pdf(html(docs))


def akn(docs):
    from .akn import committee_akn

    return committee_akn(docs)


def committee_docs(committee):
    return [selectors.committee_documentation(committee)]


def conference_docs(conference, *, published_only=False):
    return selectors.documentations(
        selectors.conference_committees(conference, published_only=published_only)
    )
