"""Akoma Ntoso 3.0 XML after the UN's AKN4UN conventions: a resolution is a ``statement``
named "resolution" with a preface (docNumber, docTitle, docProponent), a preamble (the
enacting formula, then one container per preambular paragraph), a mainBody of numbered
``paragraph``s whose sub-clauses are nested ``list``/``point``s, and conclusions with the
adoption record. A committee's documentation is a ``documentCollection`` of its resolutions.
lxml escapes every text; nothing here builds XML by hand."""

from django.utils import timezone
from django.utils.text import slugify
from lxml import etree

from resolutions.text.phrases import OPERATIVE, PREAMBULAR, opening_phrase
from resolutions.text.render import _closing, _preamble_closing
from resolutions.text.structure import label

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
E = f"{{{NS}}}"


def _el(parent, tag, text=None, **attrs):
    node = etree.SubElement(parent, E + tag, {k.rstrip("_"): str(v) for k, v in attrs.items()})
    if text is not None:
        node.text = text
    return node


def _phrase_p(parent, text, kind, closing):
    """<p><i>Recalling</i> the rest,</p>: the opening phrase in italics."""
    p = _el(parent, "p")
    phrase = opening_phrase(text, kind) if kind else None
    if phrase and text.startswith(phrase):
        i = _el(p, "i", phrase)
        i.tail = text[len(phrase) :] + closing
    else:
        p.text = text + closing
    return p


def _org_id(committee):
    return slugify(committee.acronym) or "committee"


def _date(moment):
    return timezone.localtime(moment).date().isoformat()


def _identification(meta, committee, *, work, date, name, prefix=""):
    org = f"#{prefix}{_org_id(committee)}"
    ident = _el(meta, "identification", source=org)
    today = timezone.localdate().isoformat()
    for level, this, uri in [
        ("FRBRWork", f"{work}/!main", work),
        ("FRBRExpression", f"{work}/eng@/!main", f"{work}/eng@"),
        ("FRBRManifestation", f"{work}/eng@/!main.xml", f"{work}/eng@.akn"),
    ]:
        frbr = _el(ident, level)
        _el(frbr, "FRBRthis", value=this)
        _el(frbr, "FRBRuri", value=uri)
        if level == "FRBRManifestation":
            _el(frbr, "FRBRdate", date=today, name="generation")
        else:
            _el(frbr, "FRBRdate", date=date, name=name)
        _el(frbr, "FRBRauthor", href=org)
        if level == "FRBRWork":
            _el(frbr, "FRBRcountry", value="un")
        if level == "FRBRExpression":
            _el(frbr, "FRBRlanguage", language="eng")
    refs = _el(meta, "references", source=org)
    _el(
        refs,
        "TLCOrganization",
        eId=f"{prefix}{_org_id(committee)}",
        href=f"/akn/ontology/organization/un/{_org_id(committee)}",
        showAs=committee.full_name,
    )


def _points(parent, clauses, depth, prefix, last):  # prefix: the parent's eId
    lst = _el(parent, "list", eId=f"{prefix}__list_1")
    for i, clause in enumerate(clauses, start=1):
        lab = label(depth, i)
        eid = f"{prefix}__list_1__point_{lab.rstrip('.').lower()}"
        point = _el(lst, "point", eId=eid)
        _el(point, "num", lab)
        closing = _closing(clause, is_last=clause is last)
        if clause.children:
            intro = _el(point, "intro")
            _el(intro, "p", clause.text + closing)
            _points(point, clause.children, depth + 1, eid, last)
        else:
            content = _el(point, "content")
            _el(content, "p", clause.text + closing)


def _statement(parent, doc, adopted, prefix=""):
    """One resolution. ``prefix`` keeps eIds unique inside a collection ("cmp_1__")."""
    committee = doc.committee
    text = adopted.text
    date = _date(adopted.adopted_at)
    code = adopted.code
    work = f"/akn/un/statement/resolution/{_org_id(committee)}/{date}/{slugify(code)}"
    statement = _el(parent, "statement", name="resolution")
    meta = _el(statement, "meta")
    _identification(meta, committee, work=work, date=date, name="adoption", prefix=prefix)

    preface = _el(statement, "preface")
    _el(_el(preface, "p", class_="docNumber"), "docNumber", code)
    _el(_el(preface, "p", class_="docTitle"), "docTitle", adopted.topic.title)
    _el(
        _el(preface, "p", class_="docProponent"),
        "docProponent",
        committee.full_name,
        refersTo=f"#{prefix}{_org_id(committee)}",
    )

    preamble = _el(statement, "preamble")
    heading = text.heading or f"The {committee.full_name}"
    _el(_el(preamble, "formula", name="enactingFormula"), "p", heading + ",")
    for i, clause in enumerate(text.preamble, start=1):
        container = _el(
            preamble,
            "container",
            name="preambularParagraph",
            eId=f"{prefix}preamble__container_{i}",
        )
        closing = ":" if clause.children else _preamble_closing(text, i - 1)
        _phrase_p(container, clause.text, PREAMBULAR, closing)
        for j, child in enumerate(clause.children, start=1):
            _el(container, "p", f"{label(2, j)} {child.text},")

    body = _el(statement, "mainBody")
    last = text.last_clause()
    if not text.operative:
        _el(body, "p", "")
    for i, clause in enumerate(text.operative, start=1):
        eid = f"{prefix}para_{i}"
        paragraph = _el(body, "paragraph", eId=eid)
        _el(paragraph, "num", label(1, i))
        closing = _closing(clause, is_last=clause is last)
        if clause.children:
            _phrase_p(_el(paragraph, "intro"), clause.text, OPERATIVE, closing)
            _points(paragraph, clause.children, 2, eid, last)
        else:
            _phrase_p(_el(paragraph, "content"), clause.text, OPERATIVE, closing)

    conclusions = _el(statement, "conclusions")
    p = _el(conclusions, "p")
    p.text = f"{code}: "
    _el(p, "docStatus", adopted.vote).tail = " ("
    _el(p, "docDate", timezone.localtime(adopted.adopted_at).strftime("%-d %B %Y"), date=date)
    p[-1].tail = ")."
    return statement


def _tostring(root):
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def resolution_akn(doc, adopted):
    root = etree.Element(E + "akomaNtoso", nsmap={None: NS})
    _statement(root, doc, adopted)
    return _tostring(root)


def committee_akn(docs):
    """The documentation of one or more committees: a documentCollection whose components
    are the adopted resolutions, with the table of resolutions in its preface."""
    root = etree.Element(E + "akomaNtoso", nsmap={None: NS})
    first = docs[0].committee
    conference = first.conference
    collection = _el(root, "documentCollection", name="documentationOfTheSimulation")
    meta = _el(collection, "meta")
    date = conference.end_date.isoformat()
    scope = _org_id(first) if len(docs) == 1 else f"conference-{conference.pk}"
    _identification(
        meta,
        first,
        work=f"/akn/un/documentCollection/documentation/{scope}/{date}",
        date=date,
        name="publication",
    )
    preface = _el(collection, "preface")
    _el(_el(preface, "p", class_="docTitle"), "docTitle", "Documentation of the Simulation")
    for doc in docs:
        committee = doc.committee
        _el(
            _el(preface, "p", class_="docProponent"),
            "docProponent",
            f"{committee.full_name} ({committee.acronym})",
        )
    _el(preface, "p", f"{conference}, {conference.dates_display}")
    body = _el(collection, "collectionBody")
    count = 0
    for doc in docs:
        for adopted in doc.resolutions:
            count += 1
            component = _el(body, "component", eId=f"cmp_{count}")
            _statement(component, doc, adopted, prefix=f"cmp_{count}__")
    if count == 0:
        component = _el(body, "component", eId="cmp_1")
        empty = _el(component, "statement", name="resolution")
        _identification(
            _el(empty, "meta"),
            first,
            work=f"/akn/un/statement/none/{scope}/{date}",
            date=date,
            name="publication",
            prefix="cmp_1__",
        )
        _el(_el(empty, "mainBody"), "p", "No resolution was adopted.")
    return _tostring(root)
