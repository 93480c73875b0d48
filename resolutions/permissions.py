"""Who may try what on working papers and amendments, and the resolutions app's menu.

Which paper a person may read is decided per paper (``resolutions.rules``); which amendment,
per amendment (``amendment_selectors.can_read``). These say who may try at all.
"""

from sessions.permissions import (
    MenuEntry,
    is_dais_or_secretariat,
    is_delegate,
    is_member,
    is_substance,
)

PERMISSIONS = {
    "papers.view": is_member,
    "papers.write": is_delegate,
    "papers.view_queue": is_dais_or_secretariat,
    "papers.review": is_substance,
    "amendments.view": is_member,
    "amendments.write": is_delegate,
    "amendments.view_queue": is_dais_or_secretariat,
    "amendments.review": is_substance,
}

MENU = [
    MenuEntry(60, "review", "Review", "resolutions:queue", is_dais_or_secretariat),
    MenuEntry(
        70,
        "papers",
        "Working papers",
        "resolutions:papers",
        is_member,
        badge="papers",
        badge_template="resolutions/partials/menu_badges.html",
    ),
    MenuEntry(
        80,
        "amendment_queue",
        "Amendments to review",
        "resolutions:amendment_queue",
        is_dais_or_secretariat,
    ),
    MenuEntry(
        81,
        "amendments",
        "Amendments",
        "resolutions:amendments",
        is_member & ~is_dais_or_secretariat,
        badge="amendments",
        badge_template="resolutions/partials/menu_badges.html",
    ),
]

TOPIC_LINKS = [
    MenuEntry(10, "papers", "Working papers on this topic", "resolutions:papers", is_member)
]

NAV = {
    "papers": "papers",
    "paper": "papers",
    "paper_edit": "papers",
    "paper_paste": "papers",
    "paper_compare": "papers",
    "queue": "review",
    "review": "review",
    "draft": "amendments",
    "amendments": "amendments",
    "amendment": "amendments",
    "amendment_edit": "amendments",
    "amendment_paste": "amendments",
    "amendment_queue": "amendment_queue",
}
