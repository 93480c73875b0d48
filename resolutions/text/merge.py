"""Merging two working papers' texts (the dais merges one paper into another)."""

from .structure import Resolution


def _same(text):
    return " ".join(text.split()).casefold()


def merge(target, source):
    """Both texts, the target's clauses first; a clause of ``source`` already in ``target``
    (same words, ignoring case and spacing) is not repeated. Neither text is changed."""
    seen_pre = {_same(c.text) for c in target.preamble}
    seen_op = {_same(c.text) for c in target.operative}
    return Resolution(
        heading=target.heading or source.heading,
        preamble=target.preamble + [c for c in source.preamble if _same(c.text) not in seen_pre],
        operative=target.operative + [c for c in source.operative if _same(c.text) not in seen_op],
    )
