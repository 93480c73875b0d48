from django.urls import path

from .consumers import CommitteeConsumer

websocket_urlpatterns = [
    path("ws/committees/<slug:committee>/", CommitteeConsumer.as_asgi()),
]
