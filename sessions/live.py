"""Every open page of a committee follows what changes on it.

Services call ``notify(committee, what, **keys)`` inside their transaction. Once it commits:

- an event about the whole committee is numbered in the committee's stream
  (``Committee.live_seq``, incremented under the committee row's lock, so the numbers follow
  the order of the changes) and, where many screens watch it (the roll call, the agenda),
  carries the new state itself, read afresh after the commit: counts, quorum, the answers
  just recorded and the fragments to show (``PARTS`` below). A screen applies the messages in
  order; when one is missing (``prev`` is not the last it applied) or after a reconnection it
  fetches the whole state once (``snapshot``, the ``live_state`` view);
- an event about a paper still with its sponsors goes only to its delegations' groups, as a
  signal without a number: those few pages fetch what they show.

Publishing hands one serialised message to ``sessions.hub`` (Redis pub/sub between server
processes, or the process's own event loop); each process writes it to its own sockets, so
the chair's request never waits for the fan-out. A failed publication is logged and never
undoes or breaks the change: pages still show the truth on their next load or catch-up.
"""

import json
import logging

from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction

from . import hub
from .sql import pipeline

logger = logging.getLogger(__name__)

SESSION_ENDED = '{"what":"session_ended"}'

# what -> builder(committee, keys) -> dict merged into the message (the state it carries).
PARTS = {}
# Parts included in the catch-up snapshot (builders called with no keys).
SNAPSHOT = []
# whats whose consecutive messages may be merged when a process falls behind:
# what -> the keys whose dicts are merged (the other fields: the newest wins).
COALESCE = {}


def part(what, *, snapshot=True, merge=None):
    """Register the state a ``what`` message carries."""

    def register(builder):
        PARTS[what] = builder
        if snapshot:
            SNAPSHOT.append(what)
        if merge is not None:
            COALESCE[what] = tuple(merge)
        return builder

    return register


def committee_group(committee_id):
    return f"committee.{committee_id}"


def delegation_group(committee_id, delegation_id):
    return f"committee.{committee_id}.delegation.{delegation_id}"


def session_group(session_key):
    return f"session.{session_key}"


def dumps(payload):
    return json.dumps(payload, cls=DjangoJSONEncoder, separators=(",", ":"))


def notify(committee, what, *, only_delegations=None, **data):
    """Tell the pages following ``committee`` that ``what`` changed (after commit).
    ``only_delegations`` (ids) keeps a private event (a paper still with its sponsors) to the
    pages of those delegations."""
    committee_id = committee.pk
    if only_delegations is not None:
        groups = [delegation_group(committee_id, d) for d in sorted(set(only_delegations))]
        text = dumps({"what": what, **data})

        def send_private():
            _publish(groups, text, what, committee_id)

        transaction.on_commit(send_private)
        return

    def send():
        try:
            publish_numbered(committee_id, what, data)
        except Exception:
            logger.warning("Could not signal %s to committee %s", what, committee_id, exc_info=True)

    transaction.on_commit(send)


def _publish(groups, text, what, committee_id):
    try:
        hub.publish(groups, text)
    except Exception:
        logger.warning("Could not signal %s to committee %s", what, committee_id, exc_info=True)


def publish_numbered(committee_id, what, keys):
    """Number the event in the committee's stream, read the state it carries and publish it.
    The committee row stays locked until the message is out, so messages leave in the order
    of their numbers."""
    _load_parts()
    from .models import Committee

    if not hub.anyone_listening():
        # Numbered all the same (pages opened later carry the number); nobody to tell.
        with transaction.atomic():
            _next_seq(committee_id)
        return
    builder = PARTS.get(what)
    with transaction.atomic():
        seq = _next_seq(committee_id)
        # The number first: each server process's hub reads it without parsing the message.
        payload = {"seq": seq, "prev": seq - 1, "what": what, **keys}
        if builder is not None:
            committee = Committee.objects.select_related("conference").get(pk=committee_id)
            payload.update(builder(committee, keys))
        hub.publish([committee_group(committee_id)], dumps(payload))


def _next_seq(committee_id):
    """The committee's next number, in one statement that locks its row until the commit.

    On PostgreSQL the transaction that takes the number commits without waiting for the
    disk (``synchronous_commit`` off for that transaction only): the change the number
    announces was committed, durably, before it, and the next change's commit writes this
    one to the disk with it, so a crash of the database server can only take back the
    numbers of the last fraction of a second, never a change. Waiting for the disk here
    cost more than the rest of a roll-call answer's database work."""
    from .models import Committee

    table = connection.ops.quote_name(Committee._meta.db_table)
    sql = f"UPDATE {table} SET live_seq = live_seq + 1 WHERE id = %s RETURNING live_seq"
    if connection.vendor == "postgresql":
        sql += ", set_config('synchronous_commit', 'off', true)"
    # In one round trip with the transaction's BEGIN on PostgreSQL.
    with pipeline(), connection.cursor() as cursor:
        cursor.execute(sql, [committee_id])
        return cursor.fetchone()[0]


def snapshot(committee):
    """Everything the numbered messages carry, as of now: what a screen applies after a gap
    or a reconnection. ``seq`` is read first, so the state is at least as new as it."""
    _load_parts()
    from .models import Committee

    seq = Committee.objects.filter(pk=committee.pk).values_list("live_seq", flat=True).get()
    return {"seq": seq, "parts": {what: PARTS[what](committee, {}) for what in SNAPSHOT}}


def coalesce(batch):
    """Merge runs of consecutive numbered messages of the same mergeable kind (``COALESCE``)
    in a dispatcher's backlog of ``(group, text)``: the newest state, the merged changes, the
    last's ``seq`` and the first's ``prev``."""
    out = []
    run = None  # [group, payload, original text or None once merged]
    for group, text in batch:
        payload = None
        if '"seq":' in text:
            try:
                payload = json.loads(text)
            except ValueError:
                payload = None
        mergeable = (
            payload is not None
            and payload.get("what") in COALESCE
            and not payload.get("change")
            and "seq" in payload
        )
        if (
            mergeable
            and run is not None
            and run[0] == group
            and run[1]["what"] == payload["what"]
            and run[1].get("meeting") == payload.get("meeting")
            and payload.get("prev") == run[1]["seq"]
        ):
            merged = dict(payload)
            merged["prev"] = run[1]["prev"]
            for key in COALESCE[payload["what"]]:
                merged[key] = {**(run[1].get(key) or {}), **(payload.get(key) or {})}
            merged["coalesced"] = run[1].get("coalesced", 1) + 1
            run = [group, merged, None]
            continue
        if run is not None:
            out.append((run[0], run[2] or dumps(run[1])))
            run = None
        if mergeable:
            run = [group, payload, text]
        else:
            out.append((group, text))
    if run is not None:
        out.append((run[0], run[2] or dumps(run[1])))
    return out


def end_session(session_key):
    """Close the sockets opened under a log-in session (called when it logs out)."""
    if not session_key:
        return
    try:
        hub.publish([session_group(session_key)], SESSION_ENDED)
    except Exception:
        logger.warning("Could not close the sockets of a session", exc_info=True)


def _load_parts():
    # The parts register when the app is ready (``SessionsConfig.ready``).
    from . import live_parts  # noqa: F401
