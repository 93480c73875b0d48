"""Convention checks: findings a delegate or the dais should look at before approval."""

import re
from dataclasses import dataclass

from .phrases import OPERATIVE, PREAMBULAR, opening_phrase
from .structure import MAX_DEPTH, path_label

ERROR, WARNING = "error", "warning"

# ",," ";;" "::" or ".." (an ellipsis "..." is left alone), or two of ",;:" in a row such
# as ";:" or ", ;" ("e.g.," and "etc.;" are fine).
_DOUBLED_MARK = re.compile(r"(?<!\.)\.\.(?!\.)|[,;:]\s*[,;:]")


@dataclass(frozen=True)
class Finding:
    level: str
    path: str
    message: str

    def to_dict(self):
        return {"level": self.level, "path": self.path, "message": self.message}


def _first_words(text, n=3):
    return " ".join(text.split()[:n])


def check(resolution):
    """Return the list of findings, in reading order."""
    findings = []
    add = findings.append
    if not resolution.operative:
        add(Finding(ERROR, "op", "the text has no operative clause"))
    for kind, path, clause in resolution.clauses():
        where = path_label(kind, path)
        depth = len(path)
        if not clause.text.strip():
            add(Finding(ERROR, where, "empty clause"))
            continue
        doubled = _DOUBLED_MARK.search(clause.text)
        if doubled:
            add(Finding(WARNING, where, f"doubled punctuation “{doubled.group(0)}”"))
        if kind == "pre" and depth == 1:
            if clause.children:
                add(Finding(WARNING, where, "a preambular clause has no sub-clauses"))
            if not opening_phrase(clause.text, PREAMBULAR):
                if opening_phrase(clause.text, OPERATIVE):
                    add(
                        Finding(
                            WARNING,
                            where,
                            f"“{opening_phrase(clause.text, OPERATIVE)}” opens operative "
                            "clauses, not preambular ones",
                        )
                    )
                else:
                    add(
                        Finding(
                            WARNING, where, f"unknown opening phrase “{_first_words(clause.text)}…”"
                        )
                    )
        if kind == "op" and depth == 1 and not opening_phrase(clause.text, OPERATIVE):
            other = opening_phrase(clause.text, PREAMBULAR)
            message = (
                f"“{other}” opens preambular clauses; an operative clause opens with a "
                "verb in the present tense"
                if other
                else f"operative clause does not open with a known verb phrase "
                f"(“{_first_words(clause.text)}…”)"
            )
            add(Finding(WARNING, where, message))
        if kind == "op" and depth == MAX_DEPTH + 1:
            add(Finding(ERROR, where, f"nested deeper than {MAX_DEPTH} levels (1. → a. → i. → 1.)"))
    return findings
