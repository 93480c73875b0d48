"""Every admin list and form opens for the secretariat, with data in it."""

import pytest
from django.contrib import admin
from django.urls import reverse

from resolutions import services
from resolutions.text import parse
from sessions import floor

from .factories import open_floor

pytestmark = pytest.mark.django_db


def test_every_admin_page_opens(client, committee, delegations, chair, delegate, secretariat):
    open_floor(committee, chair)
    floor.speaker_add(committee=committee, delegation=delegations[1], actor=chair)
    floor.motion_raise(committee=committee, kind="suspend", minutes=5, actor=chair)
    services.paper_create(
        committee=committee,
        delegation=delegations[0],
        actor=delegate,
        resolution=parse("Recalling x,\n1. Urges y.").resolution,
    )
    secretariat.is_superuser = True
    secretariat.save()
    client.force_login(secretariat)
    for model, model_admin in admin.site._registry.items():
        info = (model._meta.app_label, model._meta.model_name)
        changelist = client.get(reverse("admin:{}_{}_changelist".format(*info)))
        assert changelist.status_code == 200, info
        search = client.get(reverse("admin:{}_{}_changelist".format(*info)) + "?q=a")
        assert search.status_code == 200, info
        first = model.objects.first()
        if first is not None:
            change = client.get(reverse("admin:{}_{}_change".format(*info), args=[first.pk]))
            assert change.status_code == 200, info
        if model_admin.has_add_permission(type("R", (), {"user": secretariat})()):
            assert client.get(reverse("admin:{}_{}_add".format(*info))).status_code == 200, info
