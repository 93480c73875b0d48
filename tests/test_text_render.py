import pytest
from lxml import html as lxml_html

from resolutions.text import (
    Clause,
    Resolution,
    check,
    diff,
    parse,
    phrases,
    render_diff_html,
    render_html,
    render_text,
)
from resolutions.text.diff import DiffEntry, word_diff
from resolutions.text.phrases import OPERATIVE, PREAMBULAR, opening_phrase, suggestions
from resolutions.text.render import render_rows
from resolutions.text.structure import from_roman, label, path_label, to_letters


def sample():
    return Resolution(
        heading="The Commission on Crime Prevention and Criminal Justice",
        preamble=[Clause("Recalling resolution 55/25"), Clause("Deeply concerned by crime")],
        operative=[
            Clause(
                "Encourages Member States to",
                [
                    Clause("Train judges", [Clause("In cybercrime"), Clause("In corruption")]),
                    Clause("Share data"),
                ],
            ),
            Clause("Further invites the Secretariat to report"),
        ],
    )


def test_labels_are_derived_four_levels_deep():
    assert [label(1, 2), label(2, 3), label(3, 4), label(4, 1), label(2, 27)] == [
        "2.",
        "c.",
        "iv.",
        "1.",
        "aa.",
    ]
    assert path_label("op", (9, 1, 2, 1)) == "op 9.a.ii.1"
    assert path_label("pre", (4,)) == "pre 4"
    # A preambular clause written with sub-clauses: they are lettered like an operative one's.
    assert path_label("pre", (3, 2)) == "pre 3.b"
    assert path_label("pre", (3, 2, 2)) == "pre 3.b.ii"


def test_a_roman_numeral_is_read_only_when_well_formed():
    """Sub-sub-clauses are numbered i., ii., iii., iv. …; a pasted label that is not such a
    numeral ("iiii", "b", nothing) has no roman value."""
    assert [from_roman(t) for t in ["i", "iv", "ix", "xiv", "XL"]] == [1, 4, 9, 14, 40]
    assert [from_roman(t) for t in ["iiii", "b", "ib", ""]] == [None, None, None, None]


def test_letters_run_from_a_to_z_then_double():
    """Sub-clauses are lettered a. to z., then aa., bb. … (the UN's way past z)."""
    assert [to_letters(n) for n in [1, 25, 26, 27, 28, 52, 53]] == [
        "a",
        "y",
        "z",
        "aa",
        "bb",
        "zz",
        "aaa",
    ]


def test_text_renderer_derives_labels_and_punctuation():
    assert (
        render_text(sample())
        == """The Commission on Crime Prevention and Criminal Justice,

Recalling resolution 55/25,

Deeply concerned by crime,

1. Encourages Member States to:

    a. Train judges:

        i. In cybercrime;

        ii. In corruption;

    b. Share data;

2. Further invites the Secretariat to report.
"""
    )


def test_html_renderer_is_semantic():
    page = lxml_html.fromstring(
        render_html(sample(), committee="CCPCJ", topic="Crime", code="CCPCJ/1/1")
    )
    assert page.xpath("string(//p[@class='heading'])") == (
        "The Commission on Crime Prevention and Criminal Justice,"
    )
    pre = page.xpath("//div[@class='preamble']/p")
    assert [p.xpath("string(em)") for p in pre] == ["Recalling", "Deeply concerned by"]
    assert pre[1].text_content() == "Deeply concerned by crime,"
    top = page.xpath("//ol[contains(@class,'level-1')]/li")
    assert [li.xpath("string(span[@class='label'])") for li in top] == ["1.", "2."]
    assert top[0].xpath("string(span[@class='text']/em)") == "Encourages"
    assert top[1].xpath("string(span[@class='text']/em)") == "Further invites"
    assert top[1].xpath("string(span[@class='text'])").endswith("report.")
    deepest = page.xpath("//ol[contains(@class,'level-3')]/li/span[@class='label']/text()")
    assert deepest == ["i.", "ii."]
    assert page.xpath("string(//p[@class='code'])") == "CCPCJ/1/1"


def test_everything_is_escaped():
    evil = Resolution(
        heading="The <b>Body</b>",
        preamble=[Clause("Recalling <script>alert(1)</script> & more")],
        operative=[Clause("Urges <img src=x onerror=alert(1)>")],
    )
    out = render_html(evil)
    assert "<script>" not in out and "<img" not in out and "<b>" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in out
    page = lxml_html.fromstring(out)
    assert "Recalling <script>alert(1)</script> & more," in page.text_content()


def test_opening_phrase_is_the_longest_known_prefix():
    assert opening_phrase("Noting with deep concern the rise", PREAMBULAR) == (
        "Noting with deep concern"
    )
    assert opening_phrase("Further strongly urges States", OPERATIVE) == "Further strongly urges"
    assert opening_phrase("Calls upon all States", OPERATIVE) == "Calls upon"
    assert opening_phrase("Bearing in mind the Charter", PREAMBULAR) == "Bearing in mind"
    assert opening_phrase("Applauds the effort", OPERATIVE) is None
    assert "Recommends" in suggestions("Rec", OPERATIVE)


def test_the_opening_phrase_stops_before_the_punctuation_that_follows_it():
    """DOMAIN.md: the italic span is the phrase itself; a comma or colon after it is not."""
    assert opening_phrase("Further requests, in this regard, the Secretary-General", OPERATIVE) == (
        "Further requests"
    )
    assert opening_phrase("Decides:", OPERATIVE) == "Decides"
    assert opening_phrase("Recalling also, with satisfaction, its work", PREAMBULAR) == (
        "Recalling also"
    )


def test_a_word_that_only_begins_with_a_phrase_is_not_that_phrase():
    assert opening_phrase("NotesX the report", OPERATIVE) is None
    assert opening_phrase("Recallingly", PREAMBULAR) is None


def test_the_phrase_lists_are_every_line_of_the_data_files_but_their_comments():
    """Read afresh (the lists are cached once read): the data files start with comments."""
    for kind, some in [
        (PREAMBULAR, {"Recalling", "Deeply concerned", "Bearing in mind"}),
        (OPERATIVE, {"Encourages", "Calls upon", "Recommends"}),
    ]:
        listed = phrases.phrase_list.__wrapped__(kind)
        assert some <= set(listed)
        assert all(p and p == p.strip() and not p.startswith("#") for p in listed)
        known = phrases._known.__wrapped__(kind)
        assert not any("#" in k for k in known)
    # Modifiers and suffixes (modifiers.txt, suffixes.txt) combine with every phrase.
    assert {"further invites", "strongly urges", "urges once again"} <= phrases._known.__wrapped__(
        OPERATIVE
    )
    assert "recalling also" in phrases._known.__wrapped__(PREAMBULAR)


def test_the_editor_suggests_at_most_ten_phrases_in_the_order_of_the_list():
    assert suggestions("", OPERATIVE) == list(phrases.phrase_list(OPERATIVE)[:10])
    assert suggestions("  CALLS ", OPERATIVE)[:3] == ["Calls", "Calls for", "Calls on"]


def test_conventions():
    resolution = Resolution(
        preamble=[
            Clause("Reminds States of their duty"),
            Clause("Frobnicating the widget"),
            Clause("Recalling the Charter", [Clause("a sub-clause")]),
        ],
        operative=[
            Clause("Recalling again"),
            Clause(""),
            Clause("Urges", [Clause("a", [Clause("i", [Clause("1", [Clause("too deep")])])])]),
        ],
    )
    found = [(f.level, f.path, f.message) for f in check(resolution)]
    assert ("warning", "pre 1", "“Reminds” opens operative clauses, not preambular ones") in found
    assert ("warning", "pre 2", "unknown opening phrase “Frobnicating the widget…”") in found
    assert ("warning", "pre 3", "a preambular clause has no sub-clauses") in found
    assert any(f[1] == "op 1" and "opens preambular clauses" in f[2] for f in found)
    assert ("error", "op 2", "empty clause") in found
    assert any(f[:2] == ("error", "op 3.a.i.1.a") and "deeper than 4" in f[2] for f in found)
    assert check(sample()) == []


def findings(resolution):
    return [(f.level, f.path, f.message) for f in check(resolution)]


def test_a_text_without_operative_clauses_is_an_error():
    assert findings(Resolution(preamble=[Clause("Recalling its work")])) == [
        ("error", "op", "the text has no operative clause")
    ]


def test_an_empty_clause_is_only_an_error_and_empty_sub_clauses_are_named_by_their_path():
    resolution = Resolution(
        preamble=[Clause(" ")],
        operative=[Clause("Urges States to act", [Clause("in time"), Clause("")])],
    )
    assert findings(resolution) == [
        ("error", "pre 1", "empty clause"),
        ("error", "op 1.b", "empty clause"),
    ]


@pytest.mark.parametrize(
    "text,mark",
    [
        ("Urges States,, to act", ",,"),
        ("Urges States;; and others", ";;"),
        ("Urges States:: namely", "::"),
        ("Urges States.. to act", ".."),
        ("Urges States, ; to act", ", ;"),
        ("Urges States;: to act", ";:"),
    ],
)
def test_doubled_punctuation_is_named(text, mark):
    assert findings(Resolution(operative=[Clause(text)])) == [
        ("warning", "op 1", f"doubled punctuation “{mark}”")
    ]


@pytest.mark.parametrize(
    "text",
    ["Urges States to act... in time", "Urges States, e.g., to act", "Urges States etc.; now"],
)
def test_an_ellipsis_or_an_abbreviation_before_a_mark_is_not_doubled_punctuation(text):
    assert findings(Resolution(operative=[Clause(text)])) == []


def test_opening_phrases_are_checked_on_top_level_clauses_and_quoted_by_their_first_words():
    resolution = Resolution(
        preamble=[
            Clause("Frobnicating the widget every day"),
            Clause("Encourages States to act"),
        ],
        operative=[
            Clause("Applauds the effort of States", [Clause("Frobnicating", [Clause("x")])]),
            Clause("Recalling its resolution"),
        ],
    )
    assert findings(resolution) == [
        ("warning", "pre 1", "unknown opening phrase “Frobnicating the widget…”"),
        ("warning", "pre 2", "“Encourages” opens operative clauses, not preambular ones"),
        (
            "warning",
            "op 1",
            "operative clause does not open with a known verb phrase (“Applauds the effort…”)",
        ),
        (
            "warning",
            "op 2",
            "“Recalling” opens preambular clauses; an operative clause opens with a verb in the "
            "present tense",
        ),
    ]


def test_a_preambular_sub_clause_is_not_checked_for_a_phrase():
    resolution = Resolution(
        preamble=[Clause("Recalling its work", [Clause("frobnicating", [Clause("more")])])],
        operative=[Clause("Urges States")],
    )
    assert findings(resolution) == [
        ("warning", "pre 1", "a preambular clause has no sub-clauses"),
    ]


def test_only_the_first_level_too_deep_is_an_error():
    """DOMAIN.md: sub-clauses nest four levels deep (1. → a. → i. → 1.)."""
    four_levels = Clause("Urges", [Clause("a", [Clause("i", [Clause("1")])])])
    six_levels = Clause(
        "Urges", [Clause("a", [Clause("i", [Clause("1", [Clause("a", [Clause("i")])])])])]
    )
    deep = Resolution(operative=[four_levels, six_levels])
    assert findings(deep) == [
        ("error", "op 2.a.i.1.a", "nested deeper than 4 levels (1. → a. → i. → 1.)"),
    ]


def test_a_finding_as_json():
    (finding,) = check(Resolution())
    assert finding.to_dict() == {
        "level": "error",
        "path": "op",
        "message": "the text has no operative clause",
    }


def test_diff_reports_added_removed_changed_and_moved_clauses():
    old = sample()
    new = parse(render_text(old)).resolution
    new.preamble.reverse()  # a move
    new.operative[0].children[1].text = "Share data and evidence"  # a change
    new.operative[0].children[0].children.pop()  # a removal
    new.operative.append(Clause("Decides to remain seized of the matter"))  # an addition
    entries = diff(old, new)
    ops = {(e.op, e.old_path, e.new_path) for e in entries}
    assert ("moved", "pre 1", "pre 2") in ops or ("moved", "pre 2", "pre 1") in ops
    assert ("changed", "op 1.b", "op 1.b") in ops
    assert ("removed", "op 1.a.ii", None) in ops
    assert ("added", None, "op 3") in ops
    changed = next(e for e in entries if e.op == "changed")
    assert changed.words == [("equal", "Share data"), ("insert", "and evidence")]
    out = render_diff_html(entries)
    assert "<ins>and evidence</ins>" in out
    assert "<del>In corruption</del>" in out
    assert 'data-op="moved"' in out


def test_diff_of_identical_texts_is_all_same():
    assert {e.op for e in diff(sample(), sample())} == {"same"}


def test_word_diff_marks_replacements():
    assert word_diff("Urges all States", "Urges some States") == [
        ("equal", "Urges"),
        ("delete", "all"),
        ("insert", "some"),
        ("equal", "States"),
    ]


def test_a_moved_clause_that_ends_where_it_stood_shows_its_place_once():
    # 1 A, 2 B, 3 C read back as C, B, A: B is still op 2, C came from op 3.
    old = parse("1. Decides to act;\n2. Requests a report;\n3. Invites reports.").resolution
    new = parse("1. Invites reports;\n2. Requests a report;\n3. Decides to act.").resolution
    page = lxml_html.fromstring(render_diff_html(diff(old, new)))
    paths = {
        block.find_class("diff-text")[0].text_content(): block.find_class("diff-path")[
            0
        ].text_content()
        for block in page.find_class("diff-clause")
    }
    assert paths == {
        "Invites reports": "op 3 → op 1",
        "Requests a report": "op 2",
        "Decides to act": "op 1 → op 3",
    }


# A long clause (200 words or more) or a long text (200 clauses or more) whose wording repeats:
# difflib's "autojunk" would treat every word (or clause) that comes back often as noise and
# find nothing in common. Each word of LONG comes back 35 times in 210.
PHRASE = "to the people of the region"
LONG = " ".join([PHRASE] * 35)


def test_the_word_diff_of_a_long_repetitive_clause_marks_only_the_changed_word():
    changed = " ".join([PHRASE] * 17 + ["to the nations of the region"] + [PHRASE] * 17)
    assert word_diff(LONG, changed) == [
        ("equal", " ".join([PHRASE] * 17 + ["to the"])),
        ("delete", "people"),
        ("insert", "nations"),
        ("equal", " ".join(["of the region"] + [PHRASE] * 17)),
    ]


def test_the_word_diff_of_a_long_repetitive_clause_changed_at_both_ends_keeps_the_middle():
    changed = "unto" + LONG.removeprefix("to").removesuffix("region") + "world"
    middle = LONG.removeprefix("to ").removesuffix(" region")
    assert word_diff(LONG, changed) == [
        ("delete", "to"),
        ("insert", "unto"),
        ("equal", middle),
        ("delete", "region"),
        ("insert", "world"),
    ]


def test_a_long_repetitive_clause_changed_at_both_ends_is_shown_changed():
    changed = "unto" + LONG.removeprefix("to").removesuffix("region") + "world"
    old = Resolution(operative=[Clause(LONG)])
    new = Resolution(operative=[Clause(changed)])
    (entry,) = diff(old, new)
    assert (entry.op, entry.old_path, entry.new_path) == ("changed", "op 1", "op 1")
    assert [w for w in entry.words if w[0] != "equal"] == [
        ("delete", "to"),
        ("insert", "unto"),
        ("delete", "region"),
        ("insert", "world"),
    ]


def test_a_long_text_of_repeated_clauses_shows_the_unchanged_ones_as_the_same():
    wording = ["Decides to act", "Requests a report", "Invites reports"]
    old = Resolution(operative=[Clause(wording[i % 3]) for i in range(210)])
    new = Resolution(operative=[Clause(wording[i % 3]) for i in range(210)])
    new.operative.insert(105, Clause("Urges Member States to share data"))
    entries = diff(old, new)
    assert [(e.op, e.new_path) for e in entries if e.op != "same"] == [("added", "op 106")]
    assert len(entries) == 211


def test_diff_html_is_escaped():
    old = Resolution(operative=[Clause("Urges <b>x</b>")])
    new = Resolution(operative=[Clause("Urges <i>y</i>")])
    out = render_diff_html(diff(old, new))
    assert "<b>" not in out and "<i>" not in out and "&lt;i&gt;y&lt;/i&gt;" in out


def test_json_round_trip():
    data = sample().to_dict()
    assert Resolution.from_dict(data) == sample()
    assert data["operative"][0]["phrase"] == "Encourages"
    assert data["operative"][0]["children"][0] == {
        "text": "Train judges",
        "children": [
            {"text": "In cybercrime", "children": []},
            {"text": "In corruption", "children": []},
        ],
    }
    assert "children" not in data["preamble"][0]


def test_json_keeps_a_preambular_clauses_sub_clauses_and_every_operative_clauses_children():
    """docs/resolution-json.md: an operative clause always has ``children``; a preambular clause
    written with sub-clauses also gets them (and a convention finding), so none is dropped."""
    resolution = Resolution(
        preamble=[Clause("Recalling its resolutions", [Clause("first"), Clause("second")])],
        operative=[Clause("Decides to remain seized of the matter")],
    )
    data = resolution.to_dict()
    assert data["preamble"][0]["children"] == [
        {"text": "first", "children": []},
        {"text": "second", "children": []},
    ]
    assert data["operative"][0] == {
        "phrase": "Decides",
        "text": "Decides to remain seized of the matter",
        "children": [],
    }
    assert Resolution.from_dict(data) == resolution


def test_json_round_trip_keeps_what_a_copy_of_an_official_document_carries():
    """docs/resolution-json.md: document, footnotes, sections and annexes are stored with the
    text (only when there is something to hold) and read back as they were."""
    carried = {
        "document": {"symbol": "A/RES/80/234", "title": "Pattern of conferences"},
        "footnotes": ["1 Official Records of the General Assembly.", "2 A/80/94."],
        "sections": [{"text": "I Calendar of conferences and meetings", "before": "op 1"}],
        "annexes": ["Annex\nDeclaration on the calendar"],
    }
    resolution = Resolution(
        heading="The General Assembly",
        preamble=[Clause("Recalling its resolutions")],
        operative=[Clause("Approves the calendar")],
        **carried,
    )
    data = resolution.to_dict()
    assert {key: data[key] for key in carried} == carried
    assert Resolution.from_dict(data) == resolution
    assert set(sample().to_dict()) == {"heading", "preamble", "operative"}


def test_json_with_missing_keys_reads_as_an_empty_text():
    assert Resolution.from_dict({}) == Resolution()
    assert Resolution.from_dict({"operative": [{}]}).operative == [Clause("")]


# Issue 8 (mutation testing of render.py): the renderer's rows, punctuation and HTML.


def test_a_text_of_preambular_clauses_only_ends_its_last_one_with_a_period():
    """The very last clause of the text ends with a period, even when it is preambular."""
    text = Resolution(preamble=[Clause("Recalling resolution 55/25"), Clause("Noting crime")])
    assert render_text(text) == "Recalling resolution 55/25,\n\nNoting crime.\n"


def test_the_walkers_rows_name_every_clause_by_key_path_depth_and_label():
    text = Resolution(
        preamble=[Clause("Recalling the following", [Clause("The Convention"), Clause("Its <b>")])],
        operative=[
            Clause(
                "Urges States to", [Clause("Encourages judges"), Clause("Act", [Clause("Now")])]
            ),
        ],
    )
    rows = render_rows(text)
    assert [(r["kind"], r["key"], r["path"], r["depth"], r["label"]) for r in rows] == [
        ("pre", "pre.1", "pre 1", 1, ""),
        ("pre", "pre.1.1", "pre 1.a", 2, "a."),
        ("pre", "pre.1.2", "pre 1.b", 2, "b."),
        ("op", "op.1", "op 1", 1, "1."),
        ("op", "op.1.1", "op 1.a", 2, "a."),
        ("op", "op.1.2", "op 1.b", 2, "b."),
        ("op", "op.1.2.1", "op 1.b.i", 3, "i."),
    ]
    assert [r["closing"] for r in rows] == [":", ",", ",", ":", ";", ":", "."]
    assert [r["text"] for r in rows] == [
        "Recalling the following",
        "The Convention",
        "Its <b>",
        "Urges States to",
        "Encourages judges",
        "Act",
        "Now",
    ]
    # Only top-level clauses open with a phrase in italics; a sub-clause is escaped as it is.
    assert [r["html"] for r in rows] == [
        "<em>Recalling</em> the following",
        "The Convention",
        "Its &lt;b&gt;",
        "<em>Urges</em> States to",
        "Encourages judges",
        "Act",
        "Now",
    ]


def test_a_phrase_written_with_two_spaces_is_shown_as_written():
    """The phrase is put in italics only where it is what the clause begins with, word for
    word; otherwise the clause is shown as written, no word lost."""
    rows = render_rows(Resolution(operative=[Clause("Further  invites the Secretariat")]))
    assert rows[0]["html"] == "Further  invites the Secretariat"


def test_plain_text_indents_with_the_indent_given_and_has_no_heading_without_one():
    text = Resolution(operative=[Clause("Urges States to", [Clause("Act", [Clause("Now")])])])
    assert render_text(text, indent="\t") == "1. Urges States to:\n\n\ta. Act:\n\n\t\ti. Now.\n"


def test_html_has_a_header_for_each_of_code_committee_and_topic_given_alone():
    text = Resolution(operative=[Clause("Urges States to act")])
    assert "<header" not in render_html(text)
    for kwargs, css, shown in [
        ({"code": "DR 1/1"}, "code", "DR 1/1"),
        ({"committee": "CCPCJ"}, "committee", "Committee: CCPCJ"),
        ({"topic": "Cybercrime"}, "topic", "Topic: Cybercrime"),
    ]:
        page = lxml_html.fromstring(render_html(text, **kwargs))
        header = page.xpath("//header[@class='resolution-meta']/p")
        assert [(p.get("class"), p.text_content()) for p in header] == [(css, shown)]


def test_html_nests_sub_clauses_in_ordered_lists_under_their_clause():
    text = Resolution(
        preamble=[Clause("Recalling the following", [Clause("The Convention")]), Clause("Noting")],
        operative=[
            Clause("Urges States to", [Clause("Act", [Clause("Now")]), Clause("Report")]),
            Clause("Decides to remain seized"),
        ],
    )
    page = lxml_html.fromstring(render_html(text))
    assert page.get("class") == "resolution"
    preamble = page.xpath("//div[@class='preamble']")[0]
    assert [(c.tag, c.get("class")) for c in preamble] == [
        ("p", "preambular"),
        ("ol", "clauses level-2"),
        ("p", "preambular"),
    ]
    assert preamble[1].xpath("string(li/span[@class='label'])") == "a."
    assert preamble[1].xpath("string(li/span[@class='text'])") == "The Convention,"
    ops = page.xpath("//div[@class='operative']/ol[@class='clauses level-1']/li")
    assert [li.xpath("string(span[@class='label'])") for li in ops] == ["1.", "2."]
    level2 = ops[0].xpath("ol[@class='clauses level-2']/li")
    assert [li.xpath("string(span[@class='text'])") for li in level2] == ["Act:", "Report;"]
    assert level2[0].xpath("ol[@class='clauses level-3']/li/span[@class='text']/text()") == ["Now;"]
    assert ops[1].xpath("string(span[@class='text'])") == "Decides to remain seized."
    assert not ops[1].xpath("ol")


# Issue 8 (mutation testing of diff.py): what each entry carries, how a clause is paired with
# the clause it changed, and how each entry is shown.


def entry_dicts(old, new):
    return [e.to_dict() for e in diff(old, new)]


def test_every_diff_entry_carries_both_paths_both_texts_and_the_new_depth():
    old = Resolution(
        heading="The Commission",
        operative=[
            Clause("Urges States to", [Clause("Train judges")]),
            Clause("Requests a report"),
        ],
    )
    new = Resolution(
        heading="The Commission on Crime Prevention",
        operative=[Clause("Urges States to"), Clause("Requests a report annually")],
    )
    assert entry_dicts(old, new) == [
        {
            "op": "changed",
            "old_path": "heading",
            "new_path": "heading",
            "old_text": "The Commission",
            "new_text": "The Commission on Crime Prevention",
            "depth": 1,
            "words": [("equal", "The Commission"), ("insert", "on Crime Prevention")],
        },
        {
            "op": "same",
            "old_path": "op 1",
            "new_path": "op 1",
            "old_text": "Urges States to",
            "new_text": "Urges States to",
            "depth": 1,
            "words": [],
        },
        {
            "op": "removed",
            "old_path": "op 1.a",
            "new_path": None,
            "old_text": "Train judges",
            "new_text": None,
            "depth": 2,
            "words": [],
        },
        {
            "op": "changed",
            "old_path": "op 2",
            "new_path": "op 2",
            "old_text": "Requests a report",
            "new_text": "Requests a report annually",
            "depth": 1,
            "words": [("equal", "Requests a report"), ("insert", "annually")],
        },
    ]


def test_a_same_or_added_sub_clause_keeps_its_depth():
    old = Resolution(operative=[Clause("Urges States to", [Clause("Train judges")])])
    new = Resolution(
        operative=[Clause("Urges States to", [Clause("Train judges"), Clause("Share data")])]
    )
    assert [(e["op"], e["old_path"], e["new_path"], e["depth"]) for e in entry_dicts(old, new)] == [
        ("same", "op 1", "op 1", 1),
        ("same", "op 1.a", "op 1.a", 2),
        ("added", None, "op 1.b", 2),
    ]


def test_a_clause_replaced_by_an_unrelated_one_is_removed_and_added_not_changed():
    old = Resolution(operative=[Clause("Urges all States to act")])
    new = Resolution(operative=[Clause("Decides to remain seized of the matter")])
    assert [(e.op, e.old_path, e.new_path) for e in diff(old, new)] == [
        ("added", None, "op 1"),
        ("removed", "op 1", None),
    ]


def test_a_clause_half_of_whose_words_are_kept_is_changed():
    """Half the words in common (a similarity of 0.5, the threshold) is still a change."""
    for before, after in [
        ("Urges all States now", "Urges all Governments today"),  # 2 of 4 and 4 words kept
        ("Requests", "Requests two reports"),  # 1 of 1 and 3 words kept
    ]:
        entries = diff(
            Resolution(operative=[Clause(before)]), Resolution(operative=[Clause(after)])
        )
        assert [(e.op, e.old_text, e.new_text) for e in entries] == [("changed", before, after)]


def test_a_clause_already_paired_with_its_change_is_not_paired_again():
    old = Resolution(
        operative=[
            Clause("Requests the Secretariat to report"),
            Clause("Invites States to share data"),
        ]
    )
    new = Resolution(
        operative=[
            Clause("Requests the Secretariat to report annually"),
            Clause("Requests the Secretariat to report twice"),
        ]
    )
    assert [(e.op, e.old_path, e.new_path) for e in diff(old, new)] == [
        ("changed", "op 1", "op 1"),
        ("added", None, "op 2"),
        ("removed", "op 2", None),
    ]


def test_a_clause_changed_after_an_added_one_is_still_found():
    old = Resolution(operative=[Clause("Requests the Secretariat to report")])
    new = Resolution(
        operative=[
            Clause("Decides to remain seized of the matter"),
            Clause("Requests the Secretariat to report annually"),
        ]
    )
    assert [(e.op, e.old_path, e.new_path) for e in diff(old, new)] == [
        ("added", None, "op 1"),
        ("changed", "op 1", "op 2"),
    ]


def test_diff_html_shows_each_kind_of_entry_with_where_it_stood_and_what_changed():
    entries = [
        DiffEntry("same", "op 1", "op 1", "Urges States", "Urges States"),
        DiffEntry("moved", "pre 2", "pre 1", "Noting crime", "Noting crime"),
        DiffEntry("removed", "op 1.a", None, "Train judges", None, 2),
        DiffEntry("added", None, "op 3", None, "Decides <to> act"),
        DiffEntry(
            "changed",
            "op 3",
            "op 4",
            "Urges all States",
            "Urges some States",
            1,
            [("equal", "Urges"), ("delete", "all"), ("insert", "some"), ("equal", "States")],
        ),
        DiffEntry("changed", "op 5", "op 5", "Asks", "Asks now", 1, [("equal", "Asks")]),
    ]
    out = render_diff_html(entries)
    page = lxml_html.fromstring(out)
    assert out.startswith('<div class="text-diff">') and out.endswith("</div>")
    blocks = page.xpath("div")
    assert [(b.get("class"), b.get("data-op")) for b in blocks] == [
        ("diff-clause diff-same depth-1", "same"),
        ("diff-clause diff-moved depth-1", "moved"),
        ("diff-clause diff-removed depth-2", "removed"),
        ("diff-clause diff-added depth-1", "added"),
        ("diff-clause diff-changed depth-1", "changed"),
        ("diff-clause diff-changed depth-1", "changed"),
    ]
    assert [b.xpath("string(span[@class='diff-path'])") for b in blocks] == [
        "op 1",
        "pre 2 → pre 1",
        "op 1.a (removed)",
        "op 3",
        "op 3 → op 4",
        "op 5",
    ]
    texts = out.split('<span class="diff-text">')[1:]
    assert [t.split("</span></div>")[0] for t in texts] == [
        "Urges States",
        "Noting crime",
        "<del>Train judges</del>",
        "<ins>Decides &lt;to&gt; act</ins>",
        "Urges <del>all</del> <ins>some</ins> States",
        "Asks",
    ]


def test_the_html_of_a_small_text_is_exactly_this_markup():
    """The markup the editor's, review and PDF pages are styled against: lower-case tags and
    class names (CSS class names are case-sensitive), nothing between the elements."""
    text = Resolution(
        heading="The Commission",
        preamble=[Clause("Recalling the following", [Clause("The Convention")])],
        operative=[Clause("Urges States to", [Clause("Act")])],
    )
    assert render_html(text, code="DR 1/1", committee="CCPCJ", topic="Crime") == (
        '<article class="resolution">'
        '<header class="resolution-meta">'
        '<p class="code">DR 1/1</p>'
        '<p class="committee"><strong>Committee:</strong> CCPCJ</p>'
        '<p class="topic"><strong>Topic:</strong> Crime</p>'
        "</header>"
        '<p class="heading">The Commission,</p>'
        '<div class="preamble">'
        '<p class="preambular"><em>Recalling</em> the following:</p>'
        '<ol class="clauses level-2">'
        '<li><span class="label">a.</span> <span class="text">The Convention,</span></li>'
        "</ol>"
        "</div>"
        '<div class="operative">'
        '<ol class="clauses level-1">'
        '<li><span class="label">1.</span> <span class="text"><em>Urges</em> States to:</span>'
        '<ol class="clauses level-2">'
        '<li><span class="label">a.</span> <span class="text">Act.</span></li>'
        "</ol>"
        "</li>"
        "</ol>"
        "</div>"
        "</article>"
    )


def test_a_moved_clause_is_one_moved_entry_even_after_a_removal_with_no_match():
    old = Resolution(
        operative=[
            Clause("Urges States to act"),
            Clause("Requests a report"),
            Clause("Invites donors"),
        ]
    )
    new = Resolution(operative=[Clause("Invites donors"), Clause("Urges States to act")])
    assert [(e.op, e.old_path, e.new_path) for e in diff(old, new)] == [
        ("moved", "op 3", "op 1"),
        ("same", "op 1", "op 2"),
        ("removed", "op 2", None),
    ]


def test_a_sub_clause_removed_at_the_end_keeps_its_depth():
    old = Resolution(operative=[Clause("Urges States to", [Clause("Train judges")])])
    new = Resolution(operative=[Clause("Urges States to")])
    assert entry_dicts(old, new)[1] == {
        "op": "removed",
        "old_path": "op 1.a",
        "new_path": None,
        "old_text": "Train judges",
        "new_text": None,
        "depth": 2,
        "words": [],
    }


def test_the_diff_html_of_one_added_clause_is_exactly_this_markup():
    entries = [DiffEntry("added", None, "op 1", None, "Urges States")]
    assert render_diff_html(entries) == (
        '<div class="text-diff">'
        '<div class="diff-clause diff-added depth-1" data-op="added">'
        '<span class="diff-path">op 1</span> '
        '<span class="diff-text"><ins>Urges States</ins></span>'
        "</div>"
        "</div>"
    )


def test_word_diff_marks_words_only_removed():
    assert word_diff("Urges all States", "Urges States") == [
        ("equal", "Urges"),
        ("delete", "all"),
        ("equal", "States"),
    ]
