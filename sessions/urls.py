from django.urls import path

from . import views

app_name = "committee"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("timeline/", views.timeline, name="timeline"),
    path("recent/", views.recent, name="recent"),
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
]
