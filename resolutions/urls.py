from django.urls import path

from . import views

app_name = "resolutions"

urlpatterns = [
    path("papers/", views.paper_list, name="papers"),
    path("papers/new/", views.paper_create, name="paper_create"),
    path("papers/<int:pk>/", views.paper_detail, name="paper"),
    path("papers/<int:pk>/status/", views.paper_status, name="paper_status"),
    path("papers/<int:pk>/edit/", views.paper_edit, name="paper_edit"),
    path("papers/<int:pk>/edit/clause/", views.paper_edit_clause, name="paper_edit_clause"),
    path("papers/<int:pk>/paste/", views.paper_paste, name="paper_paste"),
    path("papers/<int:pk>/invite/", views.supporter_invite, name="supporter_invite"),
    path("papers/<int:pk>/answer/", views.supporter_answer, name="supporter_answer"),
    path("papers/<int:pk>/unsign/", views.signature_withdraw, name="signature_withdraw"),
    path("papers/<int:pk>/submit/", views.paper_submit, name="paper_submit"),
    path("papers/<int:pk>/withdraw/", views.paper_withdraw, name="paper_withdraw"),
    path("papers/<int:pk>/leave/", views.sponsor_leave, name="sponsor_leave"),
    path("papers/<int:pk>/compare/", views.paper_compare, name="paper_compare"),
    path("review/", views.queue, name="queue"),
    path("review/table/", views.queue_table, name="queue_table"),
    path("review/<int:pk>/", views.review, name="review"),
    path("review/<int:pk>/comments/", views.comment_add, name="comment_add"),
    path(
        "review/<int:pk>/comments/<int:comment>/delete/",
        views.comment_delete,
        name="comment_delete",
    ),
    path("review/<int:pk>/return/", views.paper_return, name="paper_return"),
    path("review/<int:pk>/approve/", views.paper_approve, name="paper_approve"),
    path("review/<int:pk>/merge/", views.paper_merge, name="paper_merge"),
    path("review/<int:pk>/not-accept/", views.paper_not_accept, name="paper_not_accept"),
]
