"""The fixed cast: a committee with a chair, a director, a delegate of a sponsoring
delegation, a delegate of another delegation, the dais of another committee, the
secretariat and an outsider."""

import os
import threading
import time

import pytest

from sessions.member_states import load_member_states
from sessions.models import DaisRole, MemberState

from .amendment_helpers import make_draft
from .factories import (
    CommitteeFactory,
    DaisRoleFactory,
    DelegateFactory,
    DelegationFactory,
    UserFactory,
)


def pytest_configure(config):
    """PostgreSQL: the concurrency tests hold twenty connections at once besides the test's
    own, and the browser tests' server its own; a pool of 20 (production's default per
    process) would make the twenty-first wait. Before any connection is made."""
    from django.conf import settings

    pool = settings.DATABASES["default"].get("OPTIONS", {}).get("pool")
    if isinstance(pool, dict):
        pool["max_size"] = max(pool["max_size"], 60)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """Under mutmut, a test database of its own, kept between mutants (``--reuse-db``). Run
    mutmut with ``--max-children 1`` on modules whose tests use the database: two workers
    writing to one SQLite file fail tests on locks, which would count as kills."""
    if "MUTANT_UNDER_TEST" in os.environ:
        from pytest_django.fixtures import _set_suffix_to_test_databases

        _set_suffix_to_test_databases(suffix="mutmut")


@pytest.fixture
def member_states(db):
    """Loaded by a migration; transactional tests flush them, so put them back."""
    if MemberState.objects.count() != 195:
        load_member_states(MemberState)


@pytest.fixture
def committee(member_states):
    return CommitteeFactory(acronym="CCPCJ", slug="ccpcj")


@pytest.fixture
def other_committee(db, committee):
    return CommitteeFactory(
        conference=committee.conference,
        acronym="GA3",
        slug="ga3",
        full_name="Third Committee of the General Assembly",
    )


def state(iso3):
    return MemberState.objects.get(iso3=iso3)


@pytest.fixture
def delegations(committee):
    """Five member states and one observer organization."""
    made = [
        DelegationFactory(committee=committee, member_state=state(code))
        for code in ["MEX", "FRA", "KEN", "JPN", "BRA"]
    ]
    made.append(
        DelegationFactory(
            committee=committee, member_state=None, is_observer=True, organization_name="INTERPOL"
        )
    )
    return made


@pytest.fixture
def chair(committee):
    return DaisRoleFactory(
        committee=committee, role=DaisRole.Role.CHAIR, user=UserFactory(username="chair")
    ).user


@pytest.fixture
def director(committee):
    return DaisRoleFactory(
        committee=committee, role=DaisRole.Role.DIRECTOR, user=UserFactory(username="director")
    ).user


@pytest.fixture
def delegate(delegations):
    return DelegateFactory(delegation=delegations[0], user=UserFactory(username="alice")).user


@pytest.fixture
def other_delegate(delegations):
    return DelegateFactory(delegation=delegations[1], user=UserFactory(username="bob")).user


@pytest.fixture
def other_dais(other_committee):
    return DaisRoleFactory(
        committee=other_committee, role=DaisRole.Role.CHAIR, user=UserFactory(username="charlie")
    ).user


@pytest.fixture
def secretariat(member_states):
    return UserFactory(username="sec", is_staff=True)


@pytest.fixture
def outsider(member_states):
    return UserFactory(username="mallory")


@pytest.fixture
def cast(chair, director, delegate, other_delegate, other_dais, secretariat, outsider):
    return {
        "anonymous": None,
        "chair": chair,
        "director": director,
        "delegate": delegate,
        "other_delegate": other_delegate,
        "other_dais": other_dais,
        "secretariat": secretariat,
        "outsider": outsider,
    }


@pytest.fixture(scope="session", autouse=True)
def _close_connection_pools(django_db_setup, django_db_blocker):
    """PostgreSQL: the server's threads hand their connections back to the pool, which
    keeps them open; close it before the test database is dropped."""
    yield
    from django.db import connections

    with django_db_blocker.unblock():
        connections.close_all()
        for connection in connections.all():
            if getattr(connection, "pool", None) is not None:
                connection.close_pool()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _recent_timelines():
    """Each test starts with no timeline kept from another's database (ids are reused)."""
    from sessions import selectors

    selectors._RECENT.clear()


@pytest.fixture(autouse=True)
def _documents_cache(settings, request):
    """Each test its own cache of documentation PDFs (in memory, not var/cache/)."""
    settings.CACHES = {
        **settings.CACHES,
        "documents": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": f"documents-{request.node.nodeid}",
        },
    }


@pytest.fixture(scope="module")
def chromium():
    """Debian's Chromium driven by Playwright (Playwright cannot download a browser here)."""
    from django.conf import settings
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread while the browser is
    # open; the ORM calls the tests and fixtures make here are still plain synchronous code.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=settings.CHROMIUM_PATH,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()
    if previous is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


class AsgiServer:
    """The project's ASGI application (HTTP and websockets) served by uvicorn in a thread."""

    def __init__(self):
        import socket

        import uvicorn

        from ccpcj.asgi import application

        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(
            application,
            host="127.0.0.1",
            port=self.port,
            ws="websockets-sansio",
            ws_per_message_deflate=False,  # as README's production command runs it
            lifespan="off",
            log_level="warning",
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self):
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc):
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture
def asgi_server(transactional_db, settings):
    settings.ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
    with AsgiServer() as server:
        yield server


@pytest.fixture
def page(chromium, asgi_server):
    context = chromium.new_context(
        base_url=asgi_server.url, viewport={"width": 1280, "height": 900}
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def login(page):
    def do(user, password="pw"):
        user.set_password(password)
        user.save()
        page.goto("/accounts/login/")
        page.fill("#id_username", user.username)
        page.fill("#id_password", password)
        page.click("button[type=submit]")
        page.wait_for_load_state()
        return page

    return do


# DR 1/1 of amendment_helpers (Mexico and France sponsor, Kenya signs) and who acts on it.
@pytest.fixture
def draft(committee, delegations, chair, director, delegate, other_delegate):
    return make_draft(
        committee,
        delegations,
        chair=chair,
        director=director,
        mexican=delegate,
        french=other_delegate,
    )


@pytest.fixture
def mexico(delegations):
    return delegations[0]


@pytest.fixture
def france(delegations):
    return delegations[1]


@pytest.fixture
def kenya(delegations):
    return delegations[2]


@pytest.fixture
def japan(delegations):
    return delegations[3]


@pytest.fixture
def japanese(japan):
    return DelegateFactory(delegation=japan).user


@pytest.fixture
def kenyan(kenya):
    return kenya.delegates.first().user


@pytest.fixture
def names(delegations):
    """The committee's delegations by name ("Mexico", "INTERPOL")."""
    return {d.name: d for d in delegations}


@pytest.fixture
def rapporteur(committee):
    return DaisRoleFactory(
        committee=committee, role=DaisRole.Role.RAPPORTEUR, user=UserFactory(username="riley")
    ).user
