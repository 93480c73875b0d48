"""Panels that apps built on this one add to the committee dashboard.

An app registers ``panel(committee) -> (template name, context)`` in its AppConfig.ready();
the dashboard renders each, so ``sessions`` never imports the apps that depend on it."""

from django.template.loader import render_to_string

PANELS = []


def register_panel(panel):
    PANELS.append(panel)
    return panel


def render_panels(request, committee):
    rendered = []
    for panel in PANELS:
        template_name, context = panel(committee)
        rendered.append(
            render_to_string(template_name, {"committee": committee, **context}, request=request)
        )
    return rendered


# Where the agenda's order is adopted: an app that takes procedural votes registers the URL
# name of its page (a view taking ``committee``); the agenda page then sends the chair there.
AGENDA_VOTE = {}


def register_agenda_vote(url_name):
    AGENDA_VOTE["url_name"] = url_name
