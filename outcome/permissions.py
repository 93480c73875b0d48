"""Documentation: the dais and the secretariat preview it before it is published (then
anyone reads it, without log-in); the dais writes the summary report; the Director and
Assistant Director publish; the JSON backup (everything, the audit log included) is the
secretariat's."""

from sessions.permissions import (
    MenuEntry,
    is_dais,
    is_dais_or_secretariat,
    is_secretariat,
    is_substance,
)

PERMISSIONS = {
    "outcome.preview": is_dais_or_secretariat,
    "outcome.edit_summary": is_dais,
    "outcome.publish": is_substance,
    "outcome.backup": is_secretariat,
}

MENU = [
    MenuEntry(
        100, "documentation", "Documentation", "outcome:documentation", is_dais_or_secretariat
    )
]

NAV = {name: "documentation" for name in ["documentation", "summary"]}
