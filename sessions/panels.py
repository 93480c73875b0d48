"""Panels that apps built on this one add to the committee dashboard.

An app registers ``panel(committee) -> (template name, context)`` in its AppConfig.ready();
the dashboard draws each, so ``sessions`` never imports the apps that depend on it."""

PANELS = []


def register_panel(panel):
    PANELS.append(panel)
    return panel


def dashboard_panels(committee):
    """Each registered panel's (template name, context); the dashboard draws them with the
    ``panel`` tag, inside its own context (its context processors are not run again)."""
    return [panel(committee) for panel in PANELS]


# Where the agenda's order is adopted: an app that takes procedural votes registers the URL
# name of its page (a view taking ``committee``); the agenda page then sends the chair there.
AGENDA_VOTE = {}


def register_agenda_vote(url_name):
    AGENDA_VOTE["url_name"] = url_name


# Links the conference overview shows for each conference and committee: an app registers
# ``links(conferences) -> (conference links, committee links)``, each a dict from id to a list
# of ``{"label", "url", "note"}`` (a fixed number of queries for every conference at once).
OVERVIEW_LINKS = []


def register_overview_links(links):
    OVERVIEW_LINKS.append(links)
    return links


def overview_links(conferences):
    by_conference, by_committee = {}, {}
    for links in OVERVIEW_LINKS:
        conference_links, committee_links = links(conferences)
        for key, found in conference_links.items():
            by_conference.setdefault(key, []).extend(found)
        for key, found in committee_links.items():
            by_committee.setdefault(key, []).extend(found)
    for conference in conferences:
        conference.links = by_conference.get(conference.pk, [])
        for committee in conference.committee_list:
            committee.links = by_committee.get(committee.pk, [])
    return conferences
