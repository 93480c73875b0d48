"""What the PostgreSQL benchmarks share: a throwaway database next to DATABASE_URL's, log-in
sessions made without a log-in, the server's memory, percentiles."""

import os
import sys
import urllib.parse
from pathlib import Path


def bench_database(suffix, *, redis=True):
    """(admin URL, the throwaway database's URL, its name) for ``<name>_<suffix>``; the
    admin URL is the server's maintenance database, from which it is created and dropped."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        sys.exit("Set DATABASE_URL to a PostgreSQL server: see the docstring.")
    if redis and not os.environ.get("REDIS_URL"):
        sys.exit("Set REDIS_URL: the worker processes share live updates through Redis.")
    parts = urllib.parse.urlsplit(url)
    name = f"{parts.path.lstrip('/') or 'floor'}_{suffix}"
    return parts._replace(path="/postgres").geturl(), parts._replace(path=f"/{name}").geturl(), name


def recreate_database(admin_url, name, *, create=True):
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if create:
            conn.execute(f'CREATE DATABASE "{name}"')


def session_for(user):
    """A log-in session for ``user``, as the log-in page would make it; returns its key."""
    from django.contrib.sessions.backends.db import SessionStore

    store = SessionStore()
    store["_auth_user_id"] = str(user.pk)
    store["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
    store["_auth_user_hash"] = user.get_session_auth_hash()
    store.create()
    return store.session_key


def server_memory_mb(pid):
    """Resident memory of the server and its worker processes."""
    children = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        todo.extend(children.get(current, []))
        try:
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def pct(values, p):
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]
