"""The standard opening phrases, shipped in ``data/`` and combined with their modifiers.

The opening phrase of a clause is the longest known phrase its text starts with (compared
word by word, ignoring case): the span the official texts set in italics ("Recalling also",
"Noting with grave concern", "Reiterates its call upon"). A phrase may be preceded by a
modifier ("Further recalls") or followed by a suffix ("Recalling also").
"""

from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
PREAMBULAR = "preambular"
OPERATIVE = "operative"
MAX_WORDS = 7


def _read(name):
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


@cache
def phrase_list(kind):
    """The base phrases of one kind, as written in the data file."""
    return tuple(_read(f"{kind}_phrases.txt"))


@cache
def _known(kind):
    modifiers = _read("modifiers.txt")
    suffixes = _read("suffixes.txt")
    known = set()
    for phrase in phrase_list(kind):
        base = phrase.lower()
        known.add(base)
        for modifier in modifiers:
            known.add(f"{modifier.lower()} {base}")
        for suffix in suffixes:
            known.add(f"{base} {suffix.lower()}")
    return frozenset(known)


def _words(text):
    return text.split(None, MAX_WORDS)[:MAX_WORDS]


def opening_phrase(text, kind):
    """The longest known phrase of ``kind`` that ``text`` starts with, as written, or None."""
    words = _words(text)
    known = _known(kind)
    for n in range(len(words), 0, -1):
        candidate = " ".join(words[:n])
        key = candidate.rstrip(",;:.").lower()
        if key in known:
            return candidate.rstrip(",;:.")
    return None


def suggestions(prefix, kind, limit=10):
    """Phrases of ``kind`` starting with ``prefix`` (for the editor's suggestions)."""
    prefix = prefix.strip().lower()
    return [p for p in phrase_list(kind) if p.lower().startswith(prefix)][:limit]
