from .permissions import NAV, menu_links


def committee_access(request):
    """The reader's access in the committee of the page, its menu (each app registers its
    own entries, see ``permissions.register``) and the menu entry the page belongs to."""
    match = getattr(request, "resolver_match", None)
    access = getattr(request, "access", None)
    return {
        "access": access,
        "menu": menu_links(access, request.committee) if access else [],
        "nav": NAV.get(match.url_name) if match else None,
    }
