"""The working-paper pages, by audience: ``papers`` (delegates' list and paper page),
``editor`` (the sponsors' editor and paste-in), ``review`` (the dais's queue and decisions);
``common`` holds what they share. Every view is importable from here, as the URLs use it."""

from .common import _annotated_rows  # noqa: F401 (the amendment pages use it)
from .editor import paper_edit, paper_edit_clause, paper_paste  # noqa: F401
from .papers import (  # noqa: F401
    paper_compare,
    paper_create,
    paper_detail,
    paper_list,
    paper_status,
    paper_submit,
    paper_withdraw,
    signature_withdraw,
    sponsor_leave,
    supporter_answer,
    supporter_invite,
)
from .review import (  # noqa: F401
    comment_add,
    comment_delete,
    paper_approve,
    paper_merge,
    paper_not_accept,
    paper_return,
    queue,
    queue_table,
    review,
)
