"""Benchmark: a 193-delegation roll-call vote followed live by N delegates' screens.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/floor REDIS_URL=redis://127.0.0.1:6379/5 \\
        .venv/bin/python scripts/bench_vote.py [--viewers 100,500,1000,2000] [--workers 2]

Creates a throwaway PostgreSQL database next to DATABASE_URL's (``<name>_bench_vote``), loads
193 delegations, the largest N of delegate accounts and one draft per run, then starts the ASGI
server as in production (uvicorn with several worker processes, the Redis channel layer). For
each N it connects N websockets logged in as delegates and has the chair record a full
roll-call vote over HTTP, once at 5 answers a second and once at full speed, and reports:
p50 / p95 / max time from the chair's request until each viewer holds the new tally (the
message carrying that answer's sequence number), updates lost or out of order, the chair's
request latency, and the server's memory. Last, votes recorded per second by the service on
PostgreSQL. The server runs as README's production command does (uvloop, httptools, a
connection pool per worker). The viewers run in this process's event loop (uvloop), so their
time includes this process's own work on a machine it shares with the server.
"""

import argparse
import asyncio
import base64
import os
import re
import secrets
import subprocess
import sys
import threading
import time
import urllib.parse
from http.client import HTTPConnection
from pathlib import Path

from benchlib import bench_database, pct, recreate_database, server_memory_mb, session_for

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ccpcj.settings")


def build(max_viewers, runs):
    """193 delegations present and voting, ``max_viewers`` delegate accounts, one draft per
    run, voting procedure open. Returns the committee and the session keys."""
    from django.contrib.auth import get_user_model

    from resolutions import services as paper_services
    from resolutions.models import Supporter
    from resolutions.text import parse
    from sessions import services
    from sessions.models import Committee, Conference, DaisRole, Delegate, MemberState
    from voting import services as voting_services

    User = get_user_model()
    conference = Conference.objects.create(
        name="Bench MUN", start_date="2025-04-13", end_date="2025-04-17"
    )
    committee = Committee.objects.create(
        conference=conference,
        acronym="GA3",
        slug="ga3",
        full_name="Third Committee of the General Assembly",
        signatory_threshold_percent=1,
    )
    chair = User.objects.create(username="chair")
    director = User.objects.create(username="director")
    DaisRole.objects.create(committee=committee, user=chair, role="chair")
    DaisRole.objects.create(committee=committee, user=director, role="director")
    delegations = [
        services.delegation_add(committee=committee, member_state=state, actor=chair)[0]
        for state in MemberState.objects.filter(is_un_member=True)
    ]
    users = User.objects.bulk_create(User(username=f"viewer{i}") for i in range(max_viewers))
    Delegate.objects.bulk_create(
        Delegate(user=user, delegation=delegations[i % len(delegations)])
        for i, user in enumerate(users)
    )
    services.topic_propose(committee=committee, title="Topic", actor=chair)
    services.agenda_adopt(committee=committee, order=[1], actor=chair)
    meeting = services.meeting_open(committee=committee, name="Monday", actor=chair)
    for delegation in delegations:
        services.roll_call_mark(
            meeting=meeting, delegation=delegation, status="present", actor=chair
        )
    text = parse("Recalling x,\n1. Urges y;\n2. Decides z.").resolution
    for _ in range(runs + 1):
        paper = paper_services.paper_create(
            committee=committee, delegation=delegations[0], actor=users[0], resolution=text
        )
        Supporter.objects.create(
            paper=paper, delegation=delegations[1], role="signatory", state="accepted"
        )
        paper_services.paper_submit(paper=paper, delegation=delegations[0], actor=users[0])
        paper_services.paper_approve(paper=paper, actor=director)
    voting_services.motion_vote(committee=committee, motion="closure", yes=193, no=0, actor=chair)

    return committee, chair, session_for(chair), [session_for(u) for u in users]


# A vote's message begins {"seq":…,"prev":…,"what":"vote","state":{"vote":…,"seq":…: the
# viewers read that head instead of decoding every message whole.
VOTE_HEAD = re.compile(rb'"what":"vote","state":\{"vote":(\d+),"seq":(\d+)')


class Screen(asyncio.Protocol):
    """One delegate's screen, at the level of its socket: the websocket handshake, then each
    frame the server sends, read as it arrives (RFC 6455: the server's frames are not masked;
    pings are answered). 2,000 screens run in this process, on the machine the server runs
    on: a websocket library's work per message (2,000 sockets times every answer) took as
    much of the two cores as the server itself, and a browser does it on its own device."""

    def __init__(self, viewers, i, request):
        self.viewers, self.i, self.request = viewers, i, request
        self.buffer = bytearray()
        self.opened = asyncio.get_running_loop().create_future()
        self.transport = None

    def connection_made(self, transport):
        self.transport = transport
        transport.write(self.request)

    def connection_lost(self, exc):
        if not self.opened.done():
            self.opened.set_exception(ConnectionError("closed during the handshake"))

    def data_received(self, data):
        now = time.monotonic()
        buffer = self.buffer
        buffer += data
        if not self.opened.done():
            end = buffer.find(b"\r\n\r\n")
            if end < 0:
                return
            if not buffer.startswith(b"HTTP/1.1 101"):
                self.opened.set_exception(ConnectionError(bytes(buffer[:200])))
                return
            del buffer[: end + 4]
            self.opened.set_result(True)
        while len(buffer) >= 2:
            opcode, length, at = buffer[0] & 0x0F, buffer[1] & 0x7F, 2
            if length == 126:
                if len(buffer) < 4:
                    return
                length, at = int.from_bytes(buffer[2:4], "big"), 4
            elif length == 127:
                if len(buffer) < 10:
                    return
                length, at = int.from_bytes(buffer[2:10], "big"), 10
            if len(buffer) < at + length:
                return
            payload = bytes(buffer[at : at + length])
            del buffer[: at + length]
            if opcode == 0x1:
                head = VOTE_HEAD.search(payload, 0, 200)
                if head is not None and int(head[1]) == self.viewers.vote_id:
                    self.viewers.received[self.i].append((int(head[2]), now))
            elif opcode == 0x9:  # ping: a pong with the same data, masked as a client must
                mask = secrets.token_bytes(4)
                masked = bytes(b ^ mask[j % 4] for j, b in enumerate(payload))
                self.transport.write(bytes([0x8A, 0x80 | len(payload)]) + mask + masked)
            elif opcode == 0x8:
                self.transport.close()
                return


class Viewers:
    def __init__(self, port, slug, sessions, vote_id):
        self.port = port
        self.path = f"/ws/committees/{slug}/"
        self.origin = f"http://127.0.0.1:{port}"
        self.sessions = sessions
        self.vote_id = vote_id
        self.received = [[] for _ in sessions]  # (seq, monotonic time) per viewer
        self.screens = []

    def request(self, key):
        return (
            f"GET {self.path} HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\n"
            "Upgrade: websocket\r\nConnection: Upgrade\r\n"
            f"Sec-WebSocket-Key: {base64.b64encode(secrets.token_bytes(16)).decode()}\r\n"
            f"Sec-WebSocket-Version: 13\r\nOrigin: {self.origin}\r\n"
            f"Cookie: sessionid={key}\r\n\r\n"
        ).encode()

    async def connect(self, limit=50):
        loop = asyncio.get_running_loop()
        gate = asyncio.Semaphore(limit)

        async def one(i, key):
            async with gate:
                _, screen = await loop.create_connection(
                    lambda: Screen(self, i, self.request(key)), "127.0.0.1", self.port
                )
                await asyncio.wait_for(screen.opened, 60)
            self.screens.append(screen)

        await asyncio.gather(*(one(i, key) for i, key in enumerate(self.sessions)))

    async def close(self):
        for screen in self.screens:
            screen.transport.close()


def chair_records(port, slug, vote, session, rate, sent, latencies):
    """Post every answer in calling order; ``sent[seq]`` is when the request left."""
    csrf = secrets.token_hex(16)
    conn = HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {
        "Cookie": f"sessionid={session}; csrftoken={csrf}",
        "X-CSRFToken": csrf,
        "Accept": "application/json",
        "Content-Type": "application/x-www-form-urlencoded",
        "Origin": f"http://127.0.0.1:{port}",
        "Referer": f"http://127.0.0.1:{port}/",
    }
    path = f"/c/{slug}/votes/{vote.pk}/ballot/"
    start = time.monotonic()
    for i, delegation_id in enumerate(vote.call_order):
        if rate:
            delay = start + i / rate - time.monotonic()
            if delay > 0:
                time.sleep(delay)
        body = urllib.parse.urlencode({"delegation": delegation_id, "answer": "yes"})
        seq = i + 2  # the vote's opening is 1
        sent[seq] = time.monotonic()
        conn.request("POST", path, body=body, headers=headers)
        response = conn.getresponse()
        payload = response.read()
        latencies.append((time.monotonic() - sent[seq]) * 1000)
        if response.status != 200:
            raise RuntimeError(f"answer {i}: HTTP {response.status} {payload[:200]!r}")
    conn.close()


async def run_one(port, committee, chair, chair_session, viewer_sessions, rate, pid):
    from asgiref.sync import sync_to_async

    from voting import services
    from voting.models import Item

    @sync_to_async
    def open_vote():
        item = (
            Item.objects.filter(procedure__committee=committee, status="pending")
            .order_by("position")
            .first()
        )
        return services.item_vote_open(item=item, method="roll_call", actor=chair)

    @sync_to_async
    def finish(vote):
        services.vote_verify(vote=vote, actor=chair)
        services.vote_announce(vote=vote, actor=chair)

    vote = await open_vote()
    viewers = Viewers(port, committee.slug, viewer_sessions, vote.pk)
    t0 = time.monotonic()
    await viewers.connect()
    connect_s = time.monotonic() - t0
    await asyncio.sleep(1)
    sent, chair_ms = {}, []
    memory_before = server_memory_mb(pid)
    thread = threading.Thread(
        target=chair_records,
        args=(port, committee.slug, vote, chair_session, rate, sent, chair_ms),
    )
    thread.start()
    while thread.is_alive():
        await asyncio.sleep(0.05)
    await asyncio.sleep(3)  # let the last messages arrive
    memory = server_memory_mb(pid)
    expected = set(sent)
    delays, lost, disorder = [], 0, 0
    for got in viewers.received:
        seqs = [seq for seq, _ in got]
        disorder += sum(1 for a, b in zip(seqs, seqs[1:], strict=False) if b < a)
        lost += len(expected - set(seqs))
        delays += [(at - sent[seq]) * 1000 for seq, at in got if seq in sent]
    await viewers.close()
    await finish(vote)
    return {
        "viewers": len(viewer_sessions),
        "rate": f"{rate}/s" if rate else "full",
        "connect_s": connect_s,
        "p50": pct(delays, 50),
        "p95": pct(delays, 95),
        "max": max(delays) if delays else float("nan"),
        "lost": lost,
        "disorder": disorder,
        "chair_p50": pct(chair_ms, 50),
        "chair_p95": pct(chair_ms, 95),
        "answers_s": len(chair_ms) / max(sum(chair_ms) / 1000, 1e-9),
        "memory_mb": max(memory, memory_before),
    }


def votes_per_second(committee, chair):
    from voting import services
    from voting.models import Item

    item = (
        Item.objects.filter(procedure__committee=committee, status="pending")
        .order_by("position")
        .first()
    )
    vote = services.item_vote_open(item=item, method="roll_call", actor=chair)
    delegations = {d.pk: d for d in committee.delegations.select_related("member_state")}
    start = time.perf_counter()
    for pk in vote.call_order:
        services.ballot_record(vote=vote, delegation=delegations[pk], answer="yes", actor=chair)
    rate = len(vote.call_order) / (time.perf_counter() - start)
    services.vote_verify(vote=vote, actor=chair)
    services.vote_announce(vote=vote, actor=chair)
    return rate


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--viewers", default="100,500,1000,2000")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rate", type=float, default=5.0, help="answers a second (slow run)")
    parser.add_argument(
        "--conn-max-age",
        default="0",
        help="the server's CONN_MAX_AGE (seconds a database connection is kept; 0, as in "
        "production: each worker keeps a pool of connections)",
    )
    args = parser.parse_args()
    counts = [int(n) for n in args.viewers.split(",")]
    admin_url, bench_url, name = bench_database("bench_vote")
    recreate_database(admin_url, name)
    os.environ["DATABASE_URL"] = bench_url

    import django
    import uvloop

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    runs = 2 * len(counts)
    committee, chair, chair_session, sessions = build(max(counts), runs)
    from django.db import connections

    connections.close_all()

    port = 8800 + os.getpid() % 100
    env = {
        **os.environ,
        "DATABASE_URL": bench_url,
        "ALLOWED_HOSTS": "127.0.0.1",
        "CONN_MAX_AGE": args.conn_max_age,
    }
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "ccpcj.asgi:application",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            str(args.workers),
            "--log-level",
            "warning",
            # As README's production command runs it.
            "--loop",
            "uvloop",
            "--http",
            "httptools",
            "--ws",
            "websockets-sansio",
            "--ws-per-message-deflate",
            "false",
            "--backlog",
            "4096",
            "--no-access-log",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                HTTPConnection("127.0.0.1", port, timeout=1).request("GET", "/accounts/login/")
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.3)
        print(
            f"uvicorn, {args.workers} workers (uvloop, httptools), PostgreSQL "
            + (
                f"(CONN_MAX_AGE={args.conn_max_age})"
                if int(args.conn_max_age)
                else "with a connection pool"
            )
            + f", Redis; 193 delegations; {os.cpu_count()} cores"
        )
        header = (
            "viewers  rate   connect   p50 ms   p95 ms   max ms   lost  disorder  "
            "chair p50  chair p95   memory MB"
        )
        print(header)
        for n in counts:
            for rate in (args.rate, 0):
                result = uvloop.run(
                    run_one(port, committee, chair, chair_session, sessions[:n], rate, server.pid)
                )
                print(
                    f"{result['viewers']:7d}  {result['rate']:>5}  {result['connect_s']:6.1f} s"
                    f"  {result['p50']:7.0f}  {result['p95']:7.0f}  {result['max']:7.0f}"
                    f"  {result['lost']:5d}  {result['disorder']:8d}"
                    f"  {result['chair_p50']:8.0f}  {result['chair_p95']:9.0f}"
                    f"  {result['memory_mb']:10.0f}",
                    flush=True,
                )
    finally:
        server.terminate()
        server.wait(timeout=30)
    rate = votes_per_second(committee, chair)
    print(f"votes recorded per second by the service on PostgreSQL: {rate:.0f}")
    connections.close_all()
    recreate_database(admin_url, name, create=False)


if __name__ == "__main__":
    main()
