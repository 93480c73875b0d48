"""Resolution text as plain Python: structure, phrase lists, paste-in parser, convention
checks, renderers (HTML and plain text) and clause-by-clause diffs. No ORM imports here."""

from .conventions import Finding, check
from .diff import diff, render_diff_html
from .parser import ParseError, ParseResult, parse
from .render import render_html, render_text
from .structure import Clause, Resolution

__all__ = [
    "Clause",
    "Resolution",
    "ParseError",
    "ParseResult",
    "parse",
    "render_html",
    "render_text",
    "Finding",
    "check",
    "diff",
    "render_diff_html",
]
