from django import template
from django.template.defaultfilters import linebreaksbr
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def duration(delta):
    """A waiting time as people say it: "4 min", "1 h 20 min"."""
    if delta is None:
        return ""
    minutes = int(delta.total_seconds() // 60)
    if minutes < 1:
        return "just now"
    hours, minutes = divmod(minutes, 60)
    if not hours:
        return f"{minutes} min"
    return f"{hours} h {minutes} min" if minutes else f"{hours} h"


@register.simple_tag(takes_context=True)
def clause_rows(context, rows, tools=None, comment_tools=False, can_delete_comments=False):
    """The annotated text: one row per clause, its findings and comments beside it.

    Drawn in Python rather than with an included template per clause: a draft of forty
    clauses costs a fifth of the time (the review page draws one per request). ``tools`` is
    the name of a template drawn under each clause's text (with ``row`` in its context);
    ``comment_tools`` adds the dais's form to comment on each clause."""
    if not rows:
        return mark_safe('<p class="text-body-secondary">The text is empty.</p>')
    tools_template = context.template.engine.get_template(tools) if tools else None
    csrf = _csrf_input(context)
    comment_form = context.get("comment_form")
    retry = comment_form.data if comment_form is not None else {}
    add_url = escape(context.get("comment_add_url", ""))
    out, kind = ['<div class="annotated resolution-rows">'], None
    for row in rows:
        if row["kind"] != kind:
            if row["kind"] == "op" and kind is not None:
                out.append('<hr class="my-3">')
            kind = row["kind"]
        path = escape(row["path"])
        comments = row.get("comments", ())
        out.append(
            f'<div class="clause-row depth-{row["depth"]} kind-{escape(kind)}'
            f'{" has-comments" if comments else ""}" id="c-{path.replace(" ", "")}"'
            f' data-clause="{path}"><div class="clause-text">'
        )
        if row.get("label"):
            out.append(f'<span class="label">{escape(row["label"])}</span>')
        out.append(f'<span class="text">{row["html"]}{escape(row.get("closing", ""))}</span>')
        for finding in row.get("findings", ()):
            mark = "✗" if finding.level == "error" else "⚠"
            out.append(
                f'<div class="finding finding-{escape(finding.level)} small">'
                f"{mark} {escape(finding.message)}</div>"
            )
        if tools_template is not None:
            with context.push(row=row):
                out.append(tools_template.render(context))
        out.append('</div><aside class="clause-side">')
        for comment in comments:
            out.append(_comment(context, comment, can_delete_comments, csrf))
        if comment_tools:
            again = comment_form is not None and retry.get("clause") == row["path"]
            out.append(_comment_form(path, add_url, csrf, comment_form if again else None))
        out.append("</aside></div>\n")
    out.append("</div>")
    return mark_safe("".join(out))


def _comment(context, comment, can_delete, csrf):
    author = escape(comment.author.get_full_name() or comment.author.username)
    number = comment.round.number
    delete = ""
    if can_delete and comment.round.outcome == "pending":
        url = reverse(
            "resolutions:comment_delete",
            kwargs={
                "committee": context["committee"].slug,
                "pk": context["paper"].pk,
                "comment": comment.pk,
            },
        )
        delete = (
            f'<form method="post" action="{escape(url)}" class="d-inline ms-2">{csrf}'
            '<button class="btn btn-link btn-sm p-0" type="submit">delete</button></form>'
        )
    return (
        f'<div class="comment small" data-comment="{comment.pk}">'
        f'<div class="text-body-secondary">{author}{f" · round {number}" if number else ""}'
        f"</div>{linebreaksbr(comment.text, autoescape=True)}{delete}</div>"
    )


def _comment_form(path, add_url, csrf, failed):
    """The dais's form to comment on one clause (``path`` escaped); ``failed``, the form that
    was refused for this clause: open again, with what was typed and the message."""
    typed = errors = ""
    if failed is not None:
        typed = escape(failed.data.get("text", ""))
        errors = "".join(
            f'<div class="text-danger small">{escape(e)}</div>' for e in failed["text"].errors
        )
    return (
        f'<details class="add-comment"{" open" if failed is not None else ""}>'
        f'<summary class="small text-primary">Comment on {path}</summary>'
        f'<form method="post" action="{add_url}" class="mt-1">{csrf}'
        f'<input type="hidden" name="clause" value="{path}">'
        '<textarea class="form-control form-control-sm mb-1" name="text" rows="2"'
        f' aria-label="Comment on {path}">{typed}</textarea>{errors}'
        '<button class="btn btn-sm btn-outline-primary" type="submit">Add comment</button>'
        "</form></details>"
    )


def _csrf_input(context):
    """What ``{% csrf_token %}`` draws."""
    token = context.get("csrf_token")
    if not token or token == "NOTPROVIDED":
        return ""
    return f'<input type="hidden" name="csrfmiddlewaretoken" value="{escape(token)}">'
