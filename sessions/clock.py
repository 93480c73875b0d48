"""The time services stamp on what they record.

Normally the current time. ``travel_to`` sets it for the code inside, so the demo can replay
a committee's week at the conference's own dates; with ``tick`` the clock moves on by that
much each time it is read, so replayed actions keep their order."""

import contextvars
import datetime as dt
from contextlib import contextmanager

from django.utils import timezone

_override = contextvars.ContextVar("clock_override", default=None)


class _Travel:
    def __init__(self, moment, tick):
        self.moment, self.tick = moment, tick

    def read(self):
        moment = self.moment
        self.moment += self.tick
        return moment


def now():
    travel = _override.get()
    return travel.read() if travel else timezone.now()


@contextmanager
def travel_to(moment, *, tick=dt.timedelta(0)):
    token = _override.set(_Travel(moment, tick))
    try:
        yield
    finally:
        _override.reset(token)
