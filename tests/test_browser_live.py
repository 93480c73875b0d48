"""In Chromium: a delegate's home follows the roll call from the messages themselves, notices
a missed message and catches up with one request, shows a dropped connection and recovers
by itself (sessions/live.py, static/js/live.js)."""

import json
import re

import pytest
from playwright.sync_api import expect

from sessions import services

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


class Wire:
    """Stands between the delegate's page and the server's websocket: forwards every frame,
    can lose the next roll-call message, and can cut the connection and keep it down."""

    def __init__(self, page):
        self.down = False
        self.lose = 0
        self.lost = []
        self.socket = None
        page.route_web_socket(re.compile(r"/ws/committees/"), self.handle)

    def handle(self, socket):
        if self.down:
            socket.close(code=4000, reason="network down")
            return
        self.socket = socket
        server = socket.connect_to_server()

        def to_page(message):
            if self.lose and isinstance(message, str) and '"what":"roll_call"' in message:
                self.lose -= 1
                self.lost.append(json.loads(message))
                return
            socket.send(message)

        server.on_message(to_page)
        socket.on_message(lambda message: server.send(message))

    def cut(self):
        self.down = True
        self.socket.close(code=4000, reason="network down")

    def restore(self):
        self.down = False


def log_in(chromium, asgi_server, user):
    context = chromium.new_context(
        base_url=asgi_server.url, viewport={"width": 1280, "height": 900}
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    user.set_password("pw")
    user.save()
    return page


def sign_in(page, user):
    page.goto("/accounts/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", "pw")
    page.click("button[type=submit]")
    page.wait_for_load_state()


def test_the_delegates_home_follows_the_roll_call_catches_up_and_recovers(
    chromium, asgi_server, page, login, committee, delegations, chair, delegate
):
    services.meeting_open(committee=committee, name="Sunday evening", actor=chair)
    mexico, france, kenya = delegations[0], delegations[1], delegations[2]

    home = log_in(chromium, asgi_server, delegate)
    wire = Wire(home)
    catch_ups = []
    home.on(
        "request",
        lambda request: catch_ups.append(request.url) if "/live/" in request.url else None,
    )
    sign_in(home, delegate)  # a delegate lands on their delegation's home
    expect(home).to_have_url(re.compile(r"/c/ccpcj/delegate/$"))
    expect(home.locator("body")).to_have_attribute("data-live", "on")
    answer = home.locator("#my-answer")
    progress = home.locator("#roll-call-progress")
    expect(answer).to_contain_text("Sunday evening: not called yet")
    expect(progress).to_contain_text("0 of 6 answered")

    login(chair)
    page.goto("/c/ccpcj/roll-call/")

    def mark(delegation, status):
        row = page.locator(f"#d{delegation.pk}")
        row.locator(f'button[value="{status}"]').click()
        expect(row).to_have_attribute("data-status", status)

    # The answer and the counts come in the message: no request from the delegate's page.
    mark(mexico, "present")
    expect(answer).to_contain_text("Sunday evening: Present")
    expect(progress).to_contain_text("1 of 6 answered")
    expect(home.locator('#roll-call-summary [data-count="present"]')).to_have_text("1")
    assert catch_ups == []

    # A message lost on the way: the next one does not follow the last applied, so the page
    # fetches the whole state once and shows both answers.
    wire.lose = 1
    mark(france, "present_voting")
    mark(kenya, "absent")
    expect(progress).to_contain_text("3 of 6 answered")
    expect(home.locator('#roll-call-summary [data-count="present_voting"]')).to_have_text("1")
    assert [m["status"] for m in wire.lost] == ["present_voting"]
    assert len(catch_ups) == 1

    # The network drops: the page says so; meanwhile the chair corrects Mexico's answer.
    wire.cut()
    status = home.locator("#live-status")
    expect(status).to_be_visible()
    expect(status).to_contain_text("Connection lost")
    expect(home.locator("body")).to_have_attribute("data-live", "off")
    mark(mexico, "absent")
    home.wait_for_timeout(300)
    expect(answer).to_contain_text("Sunday evening: Present")  # still the last state it had

    # The network is back: the page reconnects by itself, learns it missed a message and
    # catches up once.
    wire.restore()
    expect(home.locator("body")).to_have_attribute("data-live", "on", timeout=20_000)
    expect(answer).to_contain_text("Sunday evening: Absent")
    expect(progress).to_contain_text("3 of 6 answered")
    expect(status).to_contain_text("Connection restored")
    assert len(catch_ups) == 2

    # A reload shows the same state, from the database.
    home.reload()
    expect(answer).to_contain_text("Sunday evening: Absent")
    expect(progress).to_contain_text("3 of 6 answered")
    home.context.close()


def test_the_delegates_home_follows_a_new_meeting_and_the_open_topic(
    chromium, asgi_server, page, login, committee, delegations, chair, delegate
):
    services.meeting_open(committee=committee, name="Sunday evening", actor=chair)
    services.roll_call_mark(
        meeting=committee.meetings.get(), delegation=delegations[0], status="present", actor=chair
    )
    services.topic_propose(committee=committee, title="Cybercrime", actor=chair)
    services.topic_propose(committee=committee, title="Trafficking in persons", actor=chair)

    home = log_in(chromium, asgi_server, delegate)
    sign_in(home, delegate)
    expect(home.locator("body")).to_have_attribute("data-live", "on")
    expect(home.locator("#my-answer")).to_contain_text("Sunday evening: Present")
    expect(home.locator('[data-live-html="open_topic"]')).to_contain_text(
        "has not adopted its agenda yet"
    )

    # The chair opens the next meeting from the roll-call page.
    login(chair)
    page.goto("/c/ccpcj/roll-call/")
    page.fill("#id_name", "Monday morning")
    page.get_by_role("button", name="Open meeting and start roll call").click()
    expect(page.locator("h1 + div")).to_contain_text("Monday morning")
    expect(home.locator("#my-answer")).to_contain_text("Monday morning: not called yet")
    expect(home.locator("#roll-call-progress")).to_contain_text("0 of 6 answered")

    # The agenda is adopted by a vote in the app; here the chair's agenda service stands in
    # for it, and the delegate's page follows without reload.
    services.agenda_adopt(committee=committee, order=[2, 1], actor=chair)
    expect(home.locator("#open-topic")).to_contain_text("1. Trafficking in persons")
    expect(home.locator('[data-live-html="agenda_list"]')).to_contain_text("Open")
    home.context.close()
