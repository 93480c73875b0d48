from django.urls import path

from . import amendment_views, live_views, views

app_name = "resolutions"

urlpatterns = [
    path("papers/", views.paper_list, name="papers"),
    path("menu-badges/", live_views.menu_badges, name="menu_badges"),
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

# Draft resolutions and their amendments (resolutions/amendment_views.py).
urlpatterns += [
    path("drafts/<int:pk>/", amendment_views.draft_detail, name="draft"),
    path("drafts/<int:pk>/live/", amendment_views.draft_live, name="draft_live"),
    path(
        "drafts/<int:pk>/amendments/new/",
        amendment_views.amendment_create,
        name="amendment_create",
    ),
    path("amendments/", amendment_views.amendment_list, name="amendments"),
    path("amendments/table/", amendment_views.amendment_list_table, name="amendment_list_table"),
    path("amendments/review/", amendment_views.amendment_queue, name="amendment_queue"),
    path(
        "amendments/review/table/",
        amendment_views.amendment_queue_table,
        name="amendment_queue_table",
    ),
    path("amendments/<int:pk>/", amendment_views.amendment_detail, name="amendment"),
    path("amendments/<int:pk>/status/", amendment_views.amendment_status, name="amendment_status"),
    path("amendments/<int:pk>/edit/", amendment_views.amendment_edit, name="amendment_edit"),
    path(
        "amendments/<int:pk>/edit/clause/",
        amendment_views.amendment_edit_clause,
        name="amendment_edit_clause",
    ),
    path("amendments/<int:pk>/paste/", amendment_views.amendment_paste, name="amendment_paste"),
    path("amendments/<int:pk>/invite/", amendment_views.amendment_invite, name="amendment_invite"),
    path("amendments/<int:pk>/answer/", amendment_views.amendment_answer, name="amendment_answer"),
    path(
        "amendments/<int:pk>/unsign/",
        amendment_views.amendment_signature_withdraw,
        name="amendment_signature_withdraw",
    ),
    path(
        "amendments/<int:pk>/consents/",
        amendment_views.amendment_request_consents,
        name="amendment_request_consents",
    ),
    path("amendments/<int:pk>/submit/", amendment_views.amendment_submit, name="amendment_submit"),
    path(
        "amendments/<int:pk>/withdraw/",
        amendment_views.amendment_withdraw,
        name="amendment_withdraw",
    ),
    path(
        "amendments/<int:pk>/approve/", amendment_views.amendment_approve, name="amendment_approve"
    ),
    path("amendments/<int:pk>/reject/", amendment_views.amendment_reject, name="amendment_reject"),
]
