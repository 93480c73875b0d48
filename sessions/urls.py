from django.urls import path

from . import floor_views, views

app_name = "committee"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("timeline/", views.timeline, name="timeline"),
    path("recent/", views.recent, name="recent"),
    path("panels/", views.panels, name="panels"),
    path("roll-call/", views.roll_call, name="roll_call"),
    path("meetings/new/", views.meeting_create, name="meeting_create"),
    path("roll-call/<int:number>/", views.roll_call, name="roll_call_meeting"),
    path("roll-call/<int:number>/remove/", views.meeting_remove, name="meeting_remove"),
    path("roll-call/summary/", views.roll_call_summary, name="roll_call_summary_latest"),
    path("roll-call/<int:number>/summary/", views.roll_call_summary, name="roll_call_summary"),
    path(
        "roll-call/<int:number>/mark/<int:delegation>/",
        views.roll_call_mark,
        name="roll_call_mark",
    ),
    path("agenda/", views.agenda, name="agenda"),
    path("agenda/topics/", views.topic_propose, name="topic_propose"),
    path("agenda/adopt/", views.agenda_adopt, name="agenda_adopt"),
    path("agenda/open-next/", views.topic_open_next, name="topic_open_next"),
    path("agenda/topics/<int:number>/close/", views.topic_close, name="topic_close"),
    path("agenda/topics/<int:number>/reopen/", views.topic_reopen, name="topic_reopen"),
    path("delegate/", views.delegate_home, name="delegate_home"),
    path("live/", views.live_state, name="live_state"),
    # The live floor
    path("floor/", floor_views.floor_page, name="floor"),
    path("floor/panel/", floor_views.floor_panel, name="floor_panel"),
    path("floor/state/", floor_views.floor_state, name="floor_state"),
    path("floor/projector/", floor_views.floor_projector, name="floor_projector"),
    path("floor/speakers/", floor_views.speaker_add, name="speaker_add"),
    path(
        "floor/speakers/<int:pk>/withdraw/",
        floor_views.speaker_withdraw,
        name="speaker_withdraw",
    ),
    path("floor/next/", floor_views.speaker_next, name="speaker_next"),
    path("floor/end/", floor_views.speech_end, name="speech_end"),
    path("floor/motions/", floor_views.motion_raise, name="motion_raise"),
    path("floor/motions/<int:pk>/vote/", floor_views.motion_vote, name="floor_motion_vote"),
    path(
        "floor/motions/<int:pk>/withdraw/",
        floor_views.motion_withdraw,
        name="floor_motion_withdraw",
    ),
    path("floor/resume/", floor_views.suspension_end, name="suspension_end"),
]
