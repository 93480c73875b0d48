"""Voting: everyone in the committee watches (the projector too); the chair and the
rapporteur record votes, verify counts and announce results."""

from sessions.permissions import MenuEntry, is_chair_or_rapporteur, is_member

PERMISSIONS = {
    "voting.view": is_member,
    "voting.record": is_chair_or_rapporteur,
}

MENU = [MenuEntry(90, "voting", "Voting", "voting:index", is_member)]

NAV = {name: "voting" for name in ["index", "motion", "procedure", "item_open", "current", "vote"]}
