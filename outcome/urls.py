from django.urls import path

from . import views

app_name = "outcome"

urlpatterns = [
    path("documentation/", views.documentation, name="documentation"),
    path("documentation/pdf/", views.pdf, name="pdf"),
    path("documentation/akn/", views.akn, name="akn"),
    path(
        "documentation/resolutions/<int:topic>/<int:number>/akn/",
        views.resolution_xml,
        name="resolution_akn",
    ),
    path("documentation/backup/", views.backup_json, name="backup"),
    path("documentation/summary/", views.summary, name="summary"),
    path("documentation/summary/draft/", views.summary_draft, name="summary_draft"),
    path("documentation/publish/", views.publish, name="publish"),
    path("documentation/unpublish/", views.unpublish, name="unpublish"),
]
