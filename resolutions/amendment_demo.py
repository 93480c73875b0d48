"""The demo's amendments, after the seed: "The dais approved 4 draft resolutions, 2 of which
had amendments" (topic 1) and DR 2/1 "was approved as a draft resolution by Wednesday
afternoon with one amendment".

Each amended draft was approved with an earlier text (``approved_text``); its amendment turns
that text into the seed's. DR 1/3 (adopted 21 - 7 - 5, so contested) gets an unfriendly
amendment, proposed by China and signed up to the threshold, that changes the budget in op 2.b
and deletes a sub-clause on sharing biometric data; it is approved for the vote, then put to
the vote before its draft in Wednesday's voting procedure (``voting.demo``), adopted and
applied. DR 1/4 gets a friendly amendment adding op 22.c, and DR 2/1 one completing op 6.
"""

from django.contrib.auth import get_user_model

from sessions.models import Delegation

from . import amendment_services as services
from .models import DraftResolution
from .text import Clause, Resolution
from .text import amend as text_amend

BIOMETRIC = (
    "Sharing the biometric records of all travellers with every Member State without restriction"
)


def _changed(full, edit):
    text = Resolution.from_dict(full.to_dict())
    edit(text.operative)
    return text


def _dr_1_3(operative):
    operative[1].children[1].text = (
        operative[1].children[1].text.replace("$10 billion", "$50 billion")
    )
    operative[2].children.append(Clause(BIOMETRIC))


def _dr_1_4(operative):
    del operative[21].children[2]


def _dr_2_1(operative):
    operative[5].text = "Further encourages Member States to guarantee human rights"


# seed code: (how the approved text differed, kind, proposer, signatories)
AMENDED = {
    "ccpcj-1-3": (_dr_1_3, "unfriendly", "CHN", ["RUS", "IRN", "PAK", "CUB", "SAU", "QAT"]),
    "ccpcj-1-4": (_dr_1_4, "friendly", "BRA", []),
    "ccpcj-2-1": (_dr_2_1, "friendly", "DEU", []),
}


def approved_text(code, full):
    """The text the dais approved: the seed's, before its amendment."""
    if code not in AMENDED:
        return full
    return _changed(full, AMENDED[code][0])


def _operations(approved, final):
    """The amendment as the editor would build it: each operative clause that differs."""
    operations = []
    a_ops, f_ops = approved.operative, final.operative

    def walk(a_list, f_list, path):
        nonlocal operations
        for i, (a, f) in enumerate(zip(a_list, f_list, strict=False), start=1):
            key = "op." + ".".join(str(n) for n in (*path, i))
            if a.text != f.text:
                operations = text_amend.edit(approved, operations, "set", key, f.text)
            walk(a.children, f.children, (*path, i))
        for i in range(len(f_list), len(a_list)):  # clauses the amendment deletes (from the end)
            key = "op." + ".".join(str(n) for n in (*path, i + 1))
            operations.append({"op": "delete", "key": key, "old": a_list[i].to_dict()})
        for f in f_list[len(a_list) :]:  # clauses the amendment adds
            parent = "op." + ".".join(str(n) for n in path) if path else ""
            after = "op." + ".".join(str(n) for n in (*path, len(a_list))) if a_list else ""
            operations.append(
                {"op": "add", "parent": parent, "after": after, "clause": f.to_dict()}
            )

    walk(a_ops, f_ops, ())
    text_amend.validate(approved, operations)
    return operations


def _user(iso3):
    return get_user_model().objects.get(username=f"delegate-{iso3.lower()}")


def propose(committee, code, final, *, director):
    """The amendment to the draft with the seed text ``code``, up to the dais's approval
    (a friendly one is then in the text)."""
    _, kind, proposer_iso3, signatories = AMENDED[code]
    topic, number = (int(n) for n in code.split("-")[1:])
    draft = DraftResolution.objects.get(
        committee=committee, topic__agenda_position=topic, number=number
    )
    delegations = {
        d.member_state.iso3: d
        for d in Delegation.objects.filter(committee=committee).select_related("member_state")
    }
    proposer, user = delegations[proposer_iso3], _user(proposer_iso3)
    amendment = services.amendment_create(target=draft, delegation=proposer, actor=user, kind=kind)
    amendment = services.amendment_save_operations(
        amendment=amendment,
        delegation=proposer,
        actor=user,
        operations=_operations(draft.revision.resolution, final),
    )
    if kind == "friendly":
        services.amendment_request_consents(amendment=amendment, delegation=proposer, actor=user)
        for sponsor in services.draft_sponsors(draft):
            if sponsor != proposer:
                services.amendment_answer(
                    amendment=amendment,
                    delegation=sponsor,
                    actor=_user(sponsor.member_state.iso3),
                    accept=True,
                )
    else:
        for iso3 in signatories:
            services.amendment_invite(
                amendment=amendment, delegation=proposer, actor=user, invitee=delegations[iso3]
            )
            services.amendment_answer(
                amendment=amendment, delegation=delegations[iso3], actor=_user(iso3), accept=True
            )
        services.amendment_submit(amendment=amendment, delegation=proposer, actor=user)
    return services.amendment_approve(amendment=amendment, actor=director)
