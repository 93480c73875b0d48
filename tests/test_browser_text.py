"""The renderer's HTML of a seed resolution, in Chromium, has the seed's layout: italic
opening phrases and sub-clauses indented one step per level under hanging labels."""

from pathlib import Path

import pytest
from django.conf import settings

from resolutions import demo
from resolutions.text import parse, render_html

pytestmark = pytest.mark.browser

SEED = demo.SEED


def test_seed_resolution_layout_in_chromium(chromium):
    resolution = parse((SEED / "ccpcj-1-3.txt").read_text(encoding="utf-8")).resolution
    css = (Path(settings.PACKAGE_DIR) / "static" / "css" / "resolution.css").read_text()
    page = chromium.new_page(viewport={"width": 1000, "height": 1200})
    page.set_content(f"<style>{css}</style>{render_html(resolution)}")
    assert (
        page.locator(".preamble p em").first.evaluate("e => getComputedStyle(e).fontStyle")
        == "italic"
    )

    def left(selector):
        return page.locator(selector).first.bounding_box()["x"]

    levels = [left(f"ol.level-{n} > li > .text") for n in (1, 2, 3, 4)]
    assert levels == sorted(levels) and len(set(levels)) == 4
    # Labels hang to the left of their text.
    assert left("ol.level-2 > li > .label") < left("ol.level-2 > li > .text")
    labels = page.locator("ol.level-4 > li > .label").all_inner_texts()
    assert labels == ["1.", "2."]
    assert page.locator("ol.level-1 > li > .text").last.inner_text().endswith(":")
    assert page.locator("ol.clauses li > .text").last.inner_text().endswith(".")
    page.close()
