from django.urls import path

from . import views

app_name = "voting"

urlpatterns = [
    path("votes/", views.index, name="index"),
    path("votes/motions/", views.motion, name="motion"),
    path("votes/procedures/<int:pk>/", views.procedure, name="procedure"),
    path("votes/items/<int:pk>/open/", views.item_open, name="item_open"),
    path("votes/current/", views.current, name="current"),
    path("votes/current/state/", views.state, name="current_state"),
    path("votes/projector/", views.projector, name="projector"),
    path("votes/<int:pk>/", views.vote, name="vote"),
    path("votes/<int:pk>/state/", views.state, name="state"),
    path("votes/<int:pk>/no-objection/", views.no_objection, name="no_objection"),
    path("votes/<int:pk>/objection/", views.objection, name="objection"),
    path("votes/<int:pk>/counts/", views.counts, name="counts"),
    path("votes/<int:pk>/ballot/", views.ballot, name="ballot"),
    path("votes/<int:pk>/undo/", views.undo, name="undo"),
    path("votes/<int:pk>/verify/", views.verify, name="verify"),
    path("votes/<int:pk>/announce/", views.announce, name="announce"),
]
