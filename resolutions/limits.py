"""Limits on what a delegate may enter: far above any real resolution (the longest UN
resolutions have a few hundred paragraphs), low enough that no page becomes slow. Each is
named in the message a person sees when they go past it."""

MAX_CLAUSE_CHARS = 5_000
MAX_TITLE_CHARS = 200
MAX_PASTE_CHARS = 300_000
MAX_CLAUSES = 1_000


def count_clauses(resolution):
    return sum(1 for _ in resolution.clauses())
