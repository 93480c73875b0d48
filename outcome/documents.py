"""Each output of the documentation, from the same selectors: the HTML document (screen,
print and PDF), the PDF, Akoma Ntoso XML and the JSON backup. Used by the views and by the
``export_committee`` / ``export_conference`` commands."""

import hashlib
import io
from functools import cache
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
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
    """The PDF of one committee's documentation, or of a conference's: each committee's PDF
    laid out on its own and kept in the ``documents`` cache, then bound into one file. The
    first layout of a conference costs what one document would (WeasyPrint is linear in the
    text); after that, only the committees that changed are laid out again. A conference's
    committees are numbered from page 1 each, as each committee's documentation is."""
    if not docs:
        return _render(html(docs))
    parts = [committee_pdf(doc) for doc in docs]
    return parts[0] if len(parts) == 1 else bind(parts, title=title(docs))


def committee_pdf(doc):
    """The PDF of one committee, cached under the hash of the HTML it is made from: the
    summary report, a vote, a resolution's text, the staff, the agenda, the cover or the
    stylesheet changing changes the HTML, so the PDF is made again; nothing else can."""
    source = html([doc])
    key = "outcome.pdf." + hashlib.sha256(source.encode()).hexdigest()
    cache = caches["documents"]
    data = cache.get(key)
    if data is None:
        data = _render(source)
        cache.set(key, data)
    return data


def _render(source):
    from .pdf import render_pdf

    return render_pdf(source)


def bind(parts, *, title):
    """One PDF of several, page after page (pypdf), with the bundle's title."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    for part in parts:
        writer.append(io.BytesIO(part))
    writer.add_metadata({"/Title": title})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def akn(docs):
    from .akn import committee_akn

    return committee_akn(docs)


def committee_docs(committee):
    return [selectors.committee_documentation(committee)]


def conference_docs(conference, *, published_only=False):
    return selectors.documentations(
        selectors.conference_committees(conference, published_only=published_only)
    )
