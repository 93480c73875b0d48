"""Limits on what a delegate may enter: far above any real resolution (the longest UN
resolutions have a few hundred paragraphs), low enough that no page becomes slow. Each is
named in the message a person sees when they go past it."""

MAX_CLAUSE_CHARS = 5_000
MAX_TITLE_CHARS = 200
MAX_PASTE_CHARS = 300_000
MAX_CLAUSES = 1_000


def count_clauses(resolution):
    return sum(1 for _ in resolution.clauses())


def overlong_clause(resolution):
    """The first clause longer than MAX_CLAUSE_CHARS, as (its label, its length), or None."""
    from .text.structure import path_label

    return next(
        (
            (path_label(kind, path), len(clause.text))
            for kind, path, clause in resolution.clauses()
            if len(clause.text) > MAX_CLAUSE_CHARS
        ),
        None,
    )


def overlong_message(found):
    label, length = found
    return (
        f"Clause {label} has {length:,} characters; a clause can have at most "
        f"{MAX_CLAUSE_CHARS:,}. Split it into clauses (or check that its line breaks were "
        "kept when it was copied)."
    )
