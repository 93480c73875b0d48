"""The sponsors' editor: clause by clause, and the paste-in of a whole text."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from sessions.errors import DomainError
from sessions.permissions import committee_permission_required

from .. import selectors, services
from ..forms import (
    ClauseForm,
    PasteForm,
)
from ..limits import MAX_CLAUSES, count_clauses, overlong_clause, overlong_message
from ..models import Round
from ..text import ParseError, parse
from ..text import edit as text_edit
from ..text.phrases import OPERATIVE, PREAMBULAR, phrase_list
from .common import _annotated_rows, _revision_rows, _sponsored_paper, _to_paper


def _editor_context(request, paper, **extra):
    revision = services.latest_revision(paper)
    returned = [
        r for r in selectors.rounds_with_comments(paper) if r.outcome != Round.Outcome.PENDING
    ]
    placed, _ = selectors.anchor_comments(returned, revision)
    return {
        "committee": request.committee,
        "paper": paper,
        "revision": revision,
        "rows": _revision_rows(revision, comments=placed),
        "preambular_phrases": phrase_list(PREAMBULAR),
        "operative_phrases": phrase_list(OPERATIVE),
        "paste_form": extra.pop("paste_form", None) or PasteForm(),
        "tool_buttons": [
            ("up", "↑", "Move up"),
            ("down", "↓", "Move down"),
            ("outdent", "←", "Outdent"),
            ("indent", "→", "Indent"),
            ("delete", "✕", "Delete"),
        ],
        "add_forms": [
            ("pre", "append_pre", "Add a preambular clause", "preambular-phrases"),
            ("op", "append_op", "Add an operative clause", "operative-phrases"),
        ],
        **extra,
    }


@require_GET
@committee_permission_required("papers.write")
def paper_edit(request, pk):
    paper = _sponsored_paper(request, pk)
    if not paper.can_edit():
        messages.info(
            request,
            f"{paper.name} is {paper.get_status_display().lower()}; its text cannot be edited now.",
        )
        return _to_paper(paper)
    return render(request, "resolutions/paper_edit.html", _editor_context(request, paper))


@require_POST
@committee_permission_required("papers.write")
def paper_edit_clause(request, pk):
    paper = _sponsored_paper(request, pk)
    form = ClauseForm(request.POST)
    focus, error = None, None
    if not form.is_valid():
        # Say what was wrong (a clause over the limit names the limit); the typed text is
        # put back in the form it came from.
        error = (
            " ".join(
                str(message)
                for field in ("rest", "phrase")
                for message in form.errors.get(field, [])
            )
            or "That change is not understood; reload the page and try again."
        )
    else:
        revision = services.latest_revision(paper)
        try:
            resolution, focus = text_edit.apply(
                revision.resolution, form.cleaned_data["op"], form.cleaned_data["key"], form.text()
            )
            services.paper_save_text(
                paper=paper,
                delegation=request.access.delegation,
                actor=request.user,
                resolution=resolution,
            )
        except (text_edit.EditError, DomainError) as exc:
            error = str(exc)
        else:
            typed = form.text().rstrip()
            if (
                focus
                and typed.endswith(":")
                and focus.startswith("op")
                and not text_edit.clause_at(resolution, focus).children
            ):
                messages.info(
                    request,
                    "The colon appears once the clause has sub-clauses: add them with "
                    "“+ Add” › “Add sub-clause”. Until then the clause ends with “;”.",
                )
    if error:
        messages.error(request, error)
    failed = form if error else None
    if request.htmx:
        context = _editor_context(request, paper, focus=focus, failed=failed)
        return render(request, "resolutions/partials/editor.html", context)
    if failed:
        context = _editor_context(request, paper, failed=failed)
        return render(request, "resolutions/paper_edit.html", context, status=400)
    return redirect("resolutions:paper_edit", committee=request.committee.slug, pk=paper.pk)


@require_POST
@committee_permission_required("papers.write")
def paper_paste(request, pk):
    """Preview a pasted text (warnings shown, nothing saved), then accept it as a revision."""
    paper = _sponsored_paper(request, pk)
    form = PasteForm(request.POST)
    preview = None
    if form.is_valid():
        try:
            result = parse(form.cleaned_data["text"])
        except ParseError as error:
            form.add_error("text", str(error))
        else:
            clauses = count_clauses(result.resolution)
            if clauses > MAX_CLAUSES:
                form.add_error(
                    "text",
                    f"This text has {clauses:,} clauses and sub-clauses; a working paper can "
                    f"have at most {MAX_CLAUSES:,}. Paste a shorter text.",
                )
            elif overlong := overlong_clause(result.resolution):
                form.add_error("text", overlong_message(overlong))
        if form.is_valid():
            if request.POST.get("accept"):
                try:
                    services.paper_save_text(
                        paper=paper,
                        delegation=request.access.delegation,
                        actor=request.user,
                        resolution=result.resolution,
                        note="pasted text",
                    )
                except DomainError as error:
                    form.add_error(None, error.message)
                else:
                    messages.success(request, "The pasted text is now the paper's text.")
                    return redirect(
                        "resolutions:paper_edit", committee=request.committee.slug, pk=paper.pk
                    )
            rows = _annotated_rows(result.resolution)
            preview = {
                "rows": rows,
                "flagged": sum(1 for row in rows if row["findings"]),
                "warnings": result.warnings,
                "set_aside": result.set_aside,
            }
    return render(
        request,
        "resolutions/paper_edit.html",
        _editor_context(request, paper, paste_form=form, preview=preview),
        status=200 if form.is_valid() else 400,
    )
