"""Site-wide middleware."""

from django.shortcuts import render


class FriendlyMethodNotAllowed:
    """An address that only takes a form (a POST), opened from a bookmark or by a reload,
    answers with a page that says so and links back, not with an empty 405."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 405 and request.method == "GET" and not response.content:
            page = render(request, "405.html", status=405)
            page["Allow"] = response.get("Allow", "POST")
            return page
        return response
