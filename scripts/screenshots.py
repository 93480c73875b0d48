"""Log in as each role on a running server and save screenshots of its pages.

    python scripts/screenshots.py [BASE_URL] [OUT_DIR]

Uses Debian's Chromium through Playwright; the demo must be loaded (./dev demo).
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
OUT = Path(sys.argv[2] if len(sys.argv) > 2 else "screenshots")
PAGES = {
    "chair": [
        "/c/ccpcj/",
        "/c/ccpcj/roll-call/",
        "/c/ccpcj/agenda/",
        "/c/ccpcj/timeline/",
        "/c/ccpcj/votes/",
        "/c/ccpcj/votes/current/",
        "/c/ccpcj/votes/projector/",
        "/c/ccpcj/documentation/",
        "/c/ccpcj/documentation/summary/",
    ],
    "secretariat": ["/conference/"],
    "delegate-mex": ["/c/ccpcj/delegate/", "/c/ccpcj/votes/current/"],
}
EXTRA = list(sys.argv[3:])


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        for user, paths in PAGES.items():
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(f"{BASE}/accounts/login/")
            page.fill("#id_username", user)
            page.fill("#id_password", "demo")
            page.click("button[type=submit]")
            page.wait_for_load_state()
            for path in paths + EXTRA:
                page.goto(BASE + path)
                name = f"{user}{path.replace('/', '_')}.png"
                page.screenshot(path=OUT / name, full_page=True)
                print(OUT / name)
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
