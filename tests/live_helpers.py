"""Following the committee's websocket in tests (Channels' communicator)."""

# What a numbered message carries besides its signal (sessions.live, sessions.live_parts).
STATE_KEYS = frozenset(
    {
        "seq",
        "prev",
        "html",
        "labels",
        "latest",
        "meeting_name",
        "answers",
        "full",
        "open_topic",
        "coalesced",
    }
)


async def follow(comm):
    """Connect and read the socket's first frame, the stream's current number."""
    connected, code = await comm.connect()
    assert connected, code
    hello = await comm.receive_json_from(timeout=2)
    assert hello["what"] == "hello"
    return hello


def signal(message):
    """The message without the state it carries: what changed, and its keys."""
    return {key: value for key, value in message.items() if key not in STATE_KEYS}
