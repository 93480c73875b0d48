"""A committee with adopted resolutions, for the documentation tests."""

from voting import services

from .voting_helpers import agenda_and_roll_call, approve_draft, close_debate

HOSTILE = (
    'Recalling the <script>alert("pre")</script> & “quoted” report,\n'
    '1. Encourages Member States to share <b>data</b> & "files" with <i>partners</i>:\n'
    "a. Through <script>alert('sub')</script> networks;\n"
    "b. Through regional offices;\n"
    "2. Requests a report on A&B </p></article> by 2026."
)


def adopt(committee, *, chair, director, delegate, sponsor, signatory, texts):
    """Approve one draft per text, close debate, adopt the first without a vote and the
    others by placard 3-1-1."""
    agenda_and_roll_call(committee, chair, statuses={"Japan": "present"})
    for text in texts:
        approve_draft(
            committee,
            sponsor=sponsor,
            signatory=signatory,
            user=delegate,
            director=director,
            text=text,
        )
    procedure = close_debate(committee, chair)[1]
    for position, item in enumerate(procedure.items.order_by("position")):
        vote = services.item_vote_open(item=item, method="without_vote", actor=chair)
        if position == 0:
            services.vote_no_objection(vote=vote, actor=chair)
        else:
            services.vote_objection(vote=vote, method="placard", actor=chair)
            services.vote_counts(vote=vote, yes=3, no=1, abstain=1, actor=chair)
    return procedure
