"""The floor in the demo: the speakers lists, the speeches and the motions of the week, told
through the floor's services at the conference's dates, in the order they happened (the
demo's audit entries are in chronological order).

- Sunday evening, after the agenda: the speakers list on topic 1 opens; four speeches (a
  yield to the dais, one to questions, one to another delegation); two motions to suspend
  for the first informal session, the longer one failing first (precedence: the most
  disruptive first); more speeches; the meeting is adjourned for the night.
- Monday morning, after the roll call: the speaking time is set to one minute; three
  speeches, including Viet Nam's (arrived that morning); Japan is left waiting; the meeting
  is suspended for 90 minutes of informal session, when the working papers are written.
- Wednesday morning (``wednesday_topic_1``, from the voting demo): two last speeches, then
  Egypt moves the closure of debate that opens voting procedure (30–3: the seed's vote, the
  same one the voting demo records, decided here as a motion from the floor).
- Wednesday afternoon (``wednesday_topic_2``): the speakers list on topic 2, then its closure
  (31–2).

Safe to run again: nothing is done once the committee has a speech."""

import datetime as dt

from django.contrib.auth import get_user_model

from . import clock, floor
from .models import Delegation, FloorMotion, Speech

TICK = dt.timedelta(seconds=5)


def _delegations(committee):
    return {
        d.member_state.iso3: d
        for d in Delegation.objects.filter(committee=committee).select_related("member_state")
    }


def _delegate(iso3):
    return get_user_model().objects.get(username=f"delegate-{iso3.lower()}")


class _Floor:
    def __init__(self, committee):
        self.committee = committee
        self.delegations = _delegations(committee)
        self.chair = get_user_model().objects.get(username="chair")

    def join(self, moment, *iso3s):
        """Delegations put themselves on the list from their phones, a few seconds apart."""
        with clock.travel_to(moment, tick=TICK):
            for iso3 in iso3s:
                floor.speaker_add(
                    committee=self.committee,
                    delegation=self.delegations[iso3],
                    actor=_delegate(iso3),
                )

    def speech(self, moment, seconds, yield_to="", *, to=None, then=None):
        """The chair calls the next speaker at ``moment``; it speaks ``seconds`` and yields.
        ``then``: seconds the questions or the delegation yielded to take."""
        with clock.travel_to(moment):
            floor.speaker_next(committee=self.committee, actor=self.chair)
        end = moment + dt.timedelta(seconds=seconds)
        with clock.travel_to(end):
            floor.speech_end(
                committee=self.committee,
                actor=self.chair,
                yield_to=yield_to,
                to_delegation=self.delegations[to] if to else None,
            )
        if then:
            end += dt.timedelta(seconds=then)
            with clock.travel_to(end):
                floor.speech_end(committee=self.committee, actor=self.chair)
        return end + dt.timedelta(seconds=20)  # the chair calls the next one

    def motion(self, moment, iso3, kind, **kw):
        with clock.travel_to(moment, tick=TICK):
            return floor.motion_raise(
                committee=self.committee,
                kind=kind,
                delegation=self.delegations[iso3],
                actor=_delegate(iso3),
                **kw,
            )

    def vote(self, moment, motion, yes, no):
        with clock.travel_to(moment, tick=TICK):
            return floor.motion_put_to_vote(motion=motion, yes=yes, no=no, actor=self.chair)


def sunday_evening(committee, at):
    """After the agenda (19:25). 32 delegations present: procedural votes add up to 32."""
    if Speech.objects.filter(speakers_list__topic__committee=committee).exists():
        return
    f = _Floor(committee)
    f.join(at(0, 19, 29), "MEX", "FRA", "BRA", "KEN", "CHN", "USA")
    t = f.speech(at(0, 19, 31), 84, "dais")
    t = f.speech(t, 61, "questions", then=29)  # France answers questions for the time left
    t = f.speech(t, 93)  # Brazil runs three seconds over
    f.speech(t, 68, "delegation", to="NGA", then=20)  # Kenya yields to Nigeria
    longer = f.motion(at(0, 19, 41), "CAN", FloorMotion.Kind.SUSPEND, minutes=45)
    shorter = f.motion(at(0, 19, 42), "ARG", FloorMotion.Kind.SUSPEND, minutes=30)
    f.vote(at(0, 19, 44), longer, 12, 20)  # the most disruptive first: it fails
    f.vote(at(0, 19, 45), shorter, 27, 5)  # informal session until 20:15
    t = f.speech(at(0, 20, 20), 88, "dais")
    f.speech(t, 90)
    adjourn = f.motion(at(0, 20, 50), "GBR", FloorMotion.Kind.ADJOURN_MEETING)
    f.vote(at(0, 20, 51), adjourn, 29, 3)


def monday_morning(committee, at):
    """After Monday's roll call (9:00 to 9:22). 33 delegations present from now on."""
    if Speech.objects.filter(
        speakers_list__topic__committee=committee, started_at__gte=at(1, 0, 0)
    ).exists():
        return
    f = _Floor(committee)
    time = f.motion(at(1, 9, 25), "AUS", FloorMotion.Kind.SPEAKING_TIME, seconds=60)
    f.vote(at(1, 9, 26), time, 24, 9)
    f.join(at(1, 9, 27), "IND", "VNM", "ZAF", "JPN")
    t = f.speech(at(1, 9, 29), 58, "dais")  # India
    t = f.speech(t, 60)  # Viet Nam, arrived this morning
    f.speech(t, 41, "questions", then=19)  # South Africa; Japan waits until Wednesday
    informal = f.motion(at(1, 9, 34), "EGY", FloorMotion.Kind.SUSPEND, minutes=90)
    f.vote(at(1, 9, 35), informal, 31, 2)  # informal session: the working papers are written


def wednesday_topic_1(committee, at, *, yes, no):
    """Wednesday morning, after the roll call: Japan's turn comes, Turkey and Peru join, then
    the closure of debate moved by Egypt. Returns the closure's vote."""
    f = _Floor(committee)
    f.join(at(3, 9, 20), "TUR", "PER")
    t = f.speech(at(3, 9, 22), 60)  # Japan, waiting since Monday
    t = f.speech(t, 55, "dais")  # Turkey
    f.speech(t, 60)  # Peru
    closure = f.motion(at(3, 9, 38), "EGY", FloorMotion.Kind.CLOSURE)
    return f.vote(at(3, 9, 40), closure, yes, no)


def wednesday_topic_2(committee, at, *, yes, no):
    """Wednesday afternoon on topic 2: its speakers list (the committee's speaking time: the
    one-minute motion was on topic 1's list), then the closure moved by Italy."""
    f = _Floor(committee)
    f.join(at(3, 15, 45), "DEU", "THA", "COL")
    t = f.speech(at(3, 15, 47), 85, "dais")
    t = f.speech(t, 90)
    f.speech(t, 70, "questions", then=20)
    closure = f.motion(at(3, 15, 58), "ITA", FloorMotion.Kind.CLOSURE)
    return f.vote(at(3, 16, 0), closure, yes, no)
