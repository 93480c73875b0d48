"""What every paper page shares: loading a paper the reader may see, acting from a button,
and the text as annotated rows (also used by the amendment pages)."""

import json
from functools import lru_cache

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect

from sessions.errors import DomainError

from .. import rules
from ..models import WorkingPaper
from ..text import Resolution, check
from ..text.phrases import OPERATIVE, PREAMBULAR, opening_phrase
from ..text.render import render_rows

# Loading papers ---------------------------------------------------------------------------


def _paper(request, pk):
    """A paper of this committee that this person may read; 404 otherwise."""
    paper = get_object_or_404(
        WorkingPaper.objects.select_related("topic", "committee"),
        committee=request.committee,
        pk=pk,
    )
    if not rules.can_read_paper(request.access, paper):
        raise Http404("No such working paper.")
    return paper


def _sponsored_paper(request, pk):
    paper = _paper(request, pk)
    if not rules.is_sponsor(request.access.delegation, paper):
        raise PermissionDenied("Only the sponsors of this paper can do this.")
    return paper


def _to_paper(paper):
    return redirect("resolutions:paper", committee=paper.committee.slug, pk=paper.pk)


def _act(request, paper, action, success):
    """Run a service from a button on the paper page: a refusal becomes a message in the page,
    a success says what happened; either way back to the paper (Post/Redirect/Get)."""
    try:
        result = action()
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, success(result) if callable(success) else success)
        paper.refresh_from_db()
        if not rules.can_read_paper(request.access, paper):
            # Declining a paper still with its sponsors: the delegation no longer reads it.
            return redirect("resolutions:papers", committee=paper.committee.slug)
    return _to_paper(paper)


def _annotated_rows(resolution, *, findings=True, comments=None):
    found = {}
    if findings:
        for finding in check(resolution):
            found.setdefault(finding.path, []).append(finding)
    rows = render_rows(resolution)
    for row in rows:
        kind = PREAMBULAR if row["kind"] == "pre" else OPERATIVE
        phrase = opening_phrase(row["text"], kind) if row["depth"] == 1 else None
        row["phrase"] = phrase or ""
        row["rest"] = row["text"][len(phrase) :].strip() if phrase else row["text"]
        row["findings"] = found.get(row["path"], [])
        row["comments"] = (comments or {}).get(row["path"], [])
    return rows


@lru_cache(maxsize=64)
def _rows_of_text(text_json):
    return tuple(_annotated_rows(Resolution.from_dict(json.loads(text_json))))


def _revision_rows(revision, *, comments=None):
    """``_annotated_rows`` of a stored revision. A revision is never overwritten, so the rows
    of each text are worked out once per server process (kept under the text itself) and
    each page gets its own copies to hang the comments on."""
    rows = [dict(row) for row in _rows_of_text(json.dumps(revision.text))]
    for row in rows:
        row["comments"] = (comments or {}).get(row["path"], [])
    return rows
