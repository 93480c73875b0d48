import re
from collections import Counter

LABEL_WORD = re.compile(r"\d+|[a-zA-Z]|[ivxlcdm]+|[IVXLCDM]+")


def words(text):
    return re.findall(r"\w+", text.replace("*", ""))


def output_words(resolution):
    parts = [resolution.heading or ""] + [c.text for _, _, c in resolution.clauses()]
    return words(" ".join(parts))


def assert_no_word_dropped(source, resolution, *, header_lines=()):
    """Every word of the input (but labels and header lines) is in the output, in order."""
    body = "\n".join(
        line for line in source.split("\n") if not line.startswith(tuple(header_lines))
    )
    given, got = words(body), output_words(resolution)
    dropped = Counter(given) - Counter(got)
    not_labels = {w: n for w, n in dropped.items() if not LABEL_WORD.fullmatch(w)}
    assert not not_labels, f"dropped words: {not_labels}"
    assert not Counter(got) - Counter(given), "the parser invented words"
    # In order: the output is a subsequence of the input.
    it = iter(given)
    assert all(any(w == g for g in it) for w in got), "words out of order"
