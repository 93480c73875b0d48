import datetime as dt

from django.utils import timezone

from sessions import clock


def test_clock_is_now_by_default():
    before = timezone.now()
    assert before <= clock.now() <= timezone.now()


def test_travel_sets_and_ticks_and_comes_back():
    moment = dt.datetime(2025, 4, 13, 19, 0, tzinfo=dt.UTC)
    with clock.travel_to(moment, tick=dt.timedelta(seconds=30)):
        assert clock.now() == moment
        assert clock.now() == moment + dt.timedelta(seconds=30)
        with clock.travel_to(moment - dt.timedelta(days=1)):
            assert clock.now() == moment - dt.timedelta(days=1)
        assert clock.now() == moment + dt.timedelta(seconds=60)
    # Back on real time: now, not the travelled-to moment.
    before = timezone.now()
    assert before <= clock.now() <= timezone.now()
