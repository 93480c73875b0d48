"""Benchmark: a 193-delegation roll call followed live by N delegates' screens.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/floor REDIS_URL=redis://127.0.0.1:6379/5 \\
        .venv/bin/python scripts/bench_live.py [--viewers 100,500,1000,2000] [--workers 2]

Creates a throwaway PostgreSQL database next to DATABASE_URL's (``<name>_bench_live``),
loads 193 delegations and the largest N of delegate accounts, then starts the server as in
production (uvicorn worker processes, uvloop, the Redis live hub, a PostgreSQL connection
pool). For each N it connects N websockets logged in as delegates (the delegate's home
follows the roll call from the messages alone) plus a few dais members, and the chair
records a full roll call over HTTP, once at 5 marks a second and once at full speed. It
reports: p50 / p95 / max time from the chair's request until each viewer holds the state
with that mark; (viewer, mark) pairs never received; messages that did not follow the last
one (each would cost that page one catch-up request: "HTTP requests per mark" is their
number over viewers × marks); the chair's request latency; the server's memory. Then a
reconnect storm: every socket drops at once and reconnects (as the page does, spread over
a second), timed until all follow again, with the most PostgreSQL connections seen. Last,
pages served per second by one worker process (8 concurrent clients); ``--pages-only``
measures only these, after a roll call answered by every delegation.

The viewers run in this process (uvloop), on the machine they share with the server.
"""

import argparse
import asyncio
import json
import os
import random
import secrets
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from http.client import HTTPConnection
from pathlib import Path

from benchlib import (
    bench_database,
    pct,
    recreate_database,
    server_memory_mb,
    session_for,
)

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ccpcj.settings")


def database_connections(admin_url, name):
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as conn:
        return conn.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = %s", [name]
        ).fetchone()[0]


def build(max_viewers):
    """193 delegations, ``max_viewers`` delegate accounts, the chair, the director; the
    agenda adopted and a submitted paper (for the review page). Returns session keys."""
    from django.contrib.auth import get_user_model

    from resolutions import services as paper_services
    from resolutions.models import Supporter
    from resolutions.text import parse
    from sessions import services
    from sessions.models import Committee, Conference, DaisRole, Delegate, MemberState

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
        for state in MemberState.objects.filter(is_un_member=True).order_by("name")
    ]
    users = User.objects.bulk_create(User(username=f"viewer{i}") for i in range(max_viewers))
    Delegate.objects.bulk_create(
        Delegate(user=user, delegation=delegations[i % len(delegations)])
        for i, user in enumerate(users)
    )
    services.topic_propose(committee=committee, title="Topic", actor=chair)
    services.agenda_adopt(committee=committee, order=[1], actor=chair)
    text = parse((ROOT / "resolutions/data/seed/ccpcj-1-1.txt").read_text()).resolution
    sponsor = users[0]  # a delegate of delegations[0]: each delegation acts through its own
    paper = paper_services.paper_create(
        committee=committee, delegation=delegations[0], actor=sponsor, resolution=text
    )
    Supporter.objects.create(
        paper=paper, delegation=delegations[1], role="signatory", state="accepted"
    )
    paper_services.paper_submit(paper=paper, delegation=delegations[0], actor=sponsor)

    return {
        "committee": committee,
        "delegations": [d.pk for d in delegations],
        "chair": session_for(chair),
        "director": session_for(director),
        "viewers": [session_for(u) for u in users],
        "paper": paper.pk,
    }


def answer_everyone(data):
    """A meeting whose roll call every delegation answered (for the pages-only run)."""
    from sessions import services
    from sessions.models import Attendance, DaisRole, Delegation

    committee = data["committee"]
    chair = DaisRole.objects.get(committee=committee, role="chair").user
    meeting = services.meeting_open(committee=committee, name="Monday", actor=chair)
    for i, delegation in enumerate(Delegation.objects.filter(committee=committee)):
        status = Attendance.PRESENT_AND_VOTING if i % 3 == 0 else Attendance.PRESENT
        services.roll_call_mark(meeting=meeting, delegation=delegation, status=status, actor=chair)


def server_cpu_seconds(pid):
    """CPU time (user + system) of the server and its worker processes so far: what the
    server spent, whatever else the machine was doing."""
    total = 0.0
    tick = os.sysconf("SC_CLK_TCK")
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            head, rest = stat.read_text().rsplit(")", 1)
            fields = rest.split()
        except OSError:
            continue
        if int(stat.parent.name) == pid or int(fields[1]) == pid:
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


class Viewer:
    """One screen: applies numbered messages in order, as static/js/live.js does."""

    __slots__ = ("key", "socket", "last", "held", "gaps", "disorder", "hello", "task")

    def __init__(self, key):
        self.key = key
        self.socket = None
        self.last = None
        self.held = {}  # delegation id -> first time this screen held its mark
        self.gaps = 0
        self.disorder = 0
        self.hello = None
        self.task = None


class Room:
    def __init__(self, port, slug, sessions):
        self.url = f"ws://127.0.0.1:{port}/ws/committees/{slug}/"
        self.origin = f"http://127.0.0.1:{port}"
        self.viewers = [Viewer(key) for key in sessions]
        self.following = None

    async def connect(self, viewers=None, *, limit=200, spread=0.0):
        import websockets

        gate = asyncio.Semaphore(limit)
        viewers = viewers or self.viewers

        async def one(viewer):
            if spread:
                await asyncio.sleep(random.random() * spread)
            async with gate:
                for attempt in range(20):
                    try:
                        viewer.socket = await websockets.connect(
                            self.url,
                            origin=self.origin,
                            additional_headers={"Cookie": f"sessionid={viewer.key}"},
                            open_timeout=60,
                            ping_interval=None,
                            max_queue=None,
                            compression=None,
                        )
                        break
                    except Exception:  # noqa: BLE001 - retried like the page does
                        await asyncio.sleep(0.5 + random.random() * attempt)
                else:
                    return
                viewer.hello = asyncio.get_running_loop().create_future()
                viewer.task = asyncio.ensure_future(self.listen(viewer))
                await viewer.hello

        await asyncio.gather(*(one(v) for v in viewers))

    async def listen(self, viewer):
        try:
            async for raw in viewer.socket:
                now = time.monotonic()
                message = json.loads(raw)
                what = message.get("what")
                if what == "hello":
                    if viewer.last is None:
                        viewer.last = message["seq"]
                    if not viewer.hello.done():
                        viewer.hello.set_result(now)
                    continue
                seq = message.get("seq")
                if seq is None:
                    continue
                if viewer.last is not None and seq <= viewer.last:
                    viewer.disorder += 1
                    continue
                if viewer.last is not None and message.get("prev") != viewer.last:
                    viewer.gaps += 1  # the page would fetch the state once here
                viewer.last = seq
                if what == "roll_call":
                    for delegation in message.get("answers") or ():
                        viewer.held.setdefault(delegation, now)
        except Exception:  # noqa: BLE001 - a closed socket shows up as lost updates
            pass

    async def drop_all(self):
        await asyncio.gather(
            *(v.socket.close() for v in self.viewers if v.socket), return_exceptions=True
        )
        await asyncio.gather(*(v.task for v in self.viewers if v.task), return_exceptions=True)
        for viewer in self.viewers:
            viewer.socket = viewer.task = None


def http_headers(port, session):
    csrf = secrets.token_hex(16)
    return {
        "Cookie": f"sessionid={session}; csrftoken={csrf}",
        "X-CSRFToken": csrf,
        "Content-Type": "application/x-www-form-urlencoded",
        "Origin": f"http://127.0.0.1:{port}",
        "Referer": f"http://127.0.0.1:{port}/",
        "HX-Request": "true",
    }


def chair_opens_meeting(port, slug, session, name):
    conn = HTTPConnection("127.0.0.1", port, timeout=30)
    body = urllib.parse.urlencode({"name": name})
    conn.request("POST", f"/c/{slug}/meetings/new/", body=body, headers=http_headers(port, session))
    response = conn.getresponse()
    response.read()
    conn.close()
    if response.status not in (200, 302):
        raise RuntimeError(f"opening a meeting: HTTP {response.status}")


def chair_marks(port, slug, meeting, session, delegations, rate, sent, latencies):
    """Mark every delegation present; ``sent[id]`` is when its request left."""
    conn = HTTPConnection("127.0.0.1", port, timeout=30)
    headers = http_headers(port, session)
    start = time.monotonic()
    for i, delegation in enumerate(delegations):
        if rate:
            delay = start + i / rate - time.monotonic()
            if delay > 0:
                time.sleep(delay)
        body = urllib.parse.urlencode({"status": "present"})
        sent[str(delegation)] = time.monotonic()
        conn.request(
            "POST", f"/c/{slug}/roll-call/{meeting}/mark/{delegation}/", body=body, headers=headers
        )
        response = conn.getresponse()
        payload = response.read()
        latencies.append((time.monotonic() - sent[str(delegation)]) * 1000)
        if response.status != 200:
            raise RuntimeError(f"mark {i}: HTTP {response.status} {payload[:200]!r}")
    conn.close()


async def run_roll_call(port, data, room, rate, meeting, pid):
    for viewer in room.viewers:
        viewer.held = {}
        viewer.gaps = viewer.disorder = 0
    chair_opens_meeting(port, "ga3", data["chair"], f"Meeting {meeting}")
    await asyncio.sleep(1.5)
    sent, chair_ms = {}, []
    cpu_before = server_cpu_seconds(pid)
    thread = threading.Thread(
        target=chair_marks,
        args=(port, "ga3", meeting, data["chair"], data["delegations"], rate, sent, chair_ms),
    )
    started = time.monotonic()
    thread.start()
    while thread.is_alive():
        await asyncio.sleep(0.05)
    duration = time.monotonic() - started
    memory = server_memory_mb(pid)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if all(len(v.held) >= len(sent) for v in room.viewers):
            break
        await asyncio.sleep(0.1)
    cpu = server_cpu_seconds(pid) - cpu_before
    delays, lost, gaps, disorder = [], 0, 0, 0
    for viewer in room.viewers:
        lost += sum(1 for d in sent if d not in viewer.held)
        delays += [(at - sent[d]) * 1000 for d, at in viewer.held.items() if d in sent]
        gaps += viewer.gaps
        disorder += viewer.disorder
    pairs = len(room.viewers) * len(sent)
    return {
        "viewers": len(room.viewers),
        "rate": f"{rate:g}/s" if rate else f"full ({len(sent) / duration:.0f}/s)",
        "p50": pct(delays, 50),
        "p95": pct(delays, 95),
        "max": max(delays) if delays else float("nan"),
        "lost": lost,
        "disorder": disorder,
        "http_per_mark": gaps / max(len(sent), 1),
        "http_per_pair": gaps / max(pairs, 1),
        "chair_p50": pct(chair_ms, 50),
        "chair_p95": pct(chair_ms, 95),
        "memory_mb": memory,
        "cpu_ms": 1000 * cpu / max(len(sent), 1),
    }


async def reconnect_storm(room, admin_url, name):
    """Every socket drops at once; each reconnects within the next second (the page's
    first retry is 0.25–0.75 s). Returns seconds until all follow, and the most PostgreSQL
    connections seen meanwhile."""
    await room.drop_all()
    for viewer in room.viewers:
        viewer.last = None
    peak = [database_connections(admin_url, name)]
    done = asyncio.Event()

    async def watch():
        while not done.is_set():
            peak.append(await asyncio.to_thread(database_connections, admin_url, name))
            await asyncio.sleep(0.2)

    watcher = asyncio.ensure_future(watch())
    start = time.monotonic()
    await room.connect(limit=2000, spread=1.0)
    elapsed = time.monotonic() - start
    done.set()
    await watcher
    following = sum(1 for v in room.viewers if v.socket is not None)
    return elapsed, following, max(peak)


def throughput(port, path, session, *, seconds=5.0, clients=8):
    """Requests a second for ``path`` with ``clients`` concurrent keep-alive clients."""
    headers = http_headers(port, session)
    stop = time.monotonic() + seconds
    counts, errors = [0] * clients, [0] * clients

    def client(i):
        conn = HTTPConnection("127.0.0.1", port, timeout=30)
        while time.monotonic() < stop:
            conn.request("GET", path, headers=headers)
            response = conn.getresponse()
            response.read()
            if response.status == 200:
                counts[i] += 1
            else:
                errors[i] += 1
        conn.close()

    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(client, range(clients)))
    if sum(errors):
        print(f"  {path}: {sum(errors)} errors", flush=True)
    return sum(counts) / seconds


def start_server(port, workers, env):
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
            str(workers),
            "--log-level",
            "warning",
            "--no-access-log",
            "--loop",
            "uvloop",
            "--http",
            "httptools",
            "--ws",
            env.get("BENCH_WS", "websockets-sansio"),
            "--ws-per-message-deflate",
            "false",
            "--backlog",
            "4096",
        ],
        cwd=ROOT,
        env=env,
    )
    deadline = time.monotonic() + 60
    while True:
        try:
            conn = HTTPConnection("127.0.0.1", port, timeout=1)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return server
        except OSError:
            pass
        if time.monotonic() > deadline:
            server.terminate()
            raise RuntimeError("the server did not start")
        time.sleep(0.3)


def stop_server(server):
    if server is None:
        return
    server.terminate()
    server.wait(timeout=30)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--viewers", default="100,500,1000,2000")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rate", type=float, default=5.0, help="marks a second (slow run)")
    parser.add_argument("--dais", type=int, default=3, help="dais screens among the viewers")
    parser.add_argument("--skip-pages", action="store_true")
    parser.add_argument("--rounds", type=int, default=5, help="rounds of the pages' throughput")
    parser.add_argument(
        "--pages-only",
        action="store_true",
        help="only the pages' throughput, after a roll call of every delegation",
    )
    args = parser.parse_args()
    counts = [int(n) for n in args.viewers.split(",")]
    admin_url, bench_url, name = bench_database("bench_live")
    recreate_database(admin_url, name)
    os.environ["DATABASE_URL"] = bench_url

    import django
    import uvloop

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    data = build(10 if args.pages_only else max(counts))
    from django.db import connections

    if args.pages_only:
        answer_everyone(data)
    with connections["default"].cursor() as cursor:
        # The planner's statistics, as autovacuum gathers them within a minute of a committee's
        # first changes: without them PostgreSQL plans a freshly loaded database blind.
        cursor.execute("ANALYZE")
    connections.close_all()

    port = 8700 + os.getpid() % 100
    env = {**os.environ, "DATABASE_URL": bench_url, "ALLOWED_HOSTS": "127.0.0.1"}
    server = start_server(port, args.workers, env) if not args.pages_only else None
    meeting = 0
    try:
        if args.pages_only:
            counts = []
        print(
            f"uvicorn, {args.workers} worker processes (uvloop, httptools), PostgreSQL with a "
            f"connection pool, Redis pub/sub; 193 delegations; {os.cpu_count()} cores"
        )
        print(
            "viewers  rate         p50 ms  p95 ms  max ms   lost  disorder  HTTP/mark"
            "  chair p50  chair p95  memory MB  server CPU/mark"
        )
        storms = []
        for n in counts:
            sessions = data["viewers"][: n - args.dais] + [data["director"]] * args.dais

            async def one_size(sessions=sessions):
                nonlocal meeting
                room = Room(port, "ga3", sessions)
                t0 = time.monotonic()
                await room.connect()
                connect_s = time.monotonic() - t0
                results = []
                for rate in (args.rate, 0):
                    meeting += 1
                    results.append(await run_roll_call(port, data, room, rate, meeting, server.pid))
                storm = await reconnect_storm(room, admin_url, name)
                await room.drop_all()
                return connect_s, results, storm

            connect_s, results, storm = uvloop.run(one_size())
            for r in results:
                print(
                    f"{r['viewers']:7d}  {r['rate']:<11} {r['p50']:7.0f} {r['p95']:7.0f}"
                    f" {r['max']:7.0f}  {r['lost']:5d}  {r['disorder']:8d}"
                    f"  {r['http_per_mark']:9.2f}  {r['chair_p50']:9.0f}  {r['chair_p95']:9.0f}"
                    f"  {r['memory_mb']:9.0f}  {r['cpu_ms']:11.1f} ms",
                    flush=True,
                )
            storms.append((n, connect_s, *storm))
        print()
        print("viewers  first connect  reconnect storm: all following  following  PG connections")
        for n, connect_s, elapsed, following, peak in storms:
            print(f"{n:7d}  {connect_s:11.1f} s  {elapsed:29.1f} s  {following:9d}  {peak:14d}")
    finally:
        stop_server(server)

    if not args.skip_pages:
        server = start_server(port, 1, env)
        try:
            slug = "ga3"
            pages = [
                ("a trivial logged-in view (password change)", "/accounts/password/", "chair"),
                ("roll-call page, 193 delegations", f"/c/{slug}/roll-call/", "chair"),
                ("roll-call summary fragment", f"/c/{slug}/roll-call/summary/", "chair"),
                ("dashboard", f"/c/{slug}/", "chair"),
                ("review page", f"/c/{slug}/review/{data['paper']}/", "director"),
                ("delegate's home", f"/c/{slug}/delegate/", None),
            ]
            print()
            print(
                f"one worker process, 8 clients: pages served per second (median of "
                f"{args.rounds} rounds, the pages taken in turn; share of the trivial view's)"
            )
            rates = {label: [] for label, _, _ in pages}
            for _label, path, who in pages:
                throughput(port, path, data[who] if who else data["viewers"][0], seconds=1)
            # The machine's speed drifts (a shared host): each round measures every page once,
            # so each page's median is taken under the same conditions as the trivial view's.
            for _ in range(args.rounds):
                for label, path, who in pages:
                    session = data[who] if who else data["viewers"][0]
                    rates[label].append(throughput(port, path, session, seconds=3))
            trivial = statistics.median(rates[pages[0][0]])
            for label, _, _ in pages:
                rate = statistics.median(rates[label])
                spread = f"{min(rates[label]):.0f}–{max(rates[label]):.0f}"
                print(f"  {label:45s} {rate:7.1f}/s  ({spread})  {rate / trivial:5.2f}", flush=True)
        finally:
            stop_server(server)
    connections.close_all()
    recreate_database(admin_url, name, create=False)


if __name__ == "__main__":
    main()
