"""Benchmark: parse and render the seed's longest resolution (CCPCJ/2/1, 36 operative clauses),
and parse the largest official UN text of tests/data/un-official (a PDF-to-text copy).

    python scripts/bench_text.py [--repeat N]

Prints the median and best time per step over N runs (default 200). The goal is well under
20 ms for parse + render.
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from resolutions.text import check, diff, parse, render_html, render_text  # noqa: E402

SOURCE = (ROOT / "resolutions" / "data" / "seed" / "ccpcj-2-1.txt").read_text(encoding="utf-8")
CORPUS = ROOT / "tests" / "data" / "un-official"


def measure(fn, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=200)
    repeat = parser.parse_args().repeat
    resolution = parse(SOURCE).resolution
    changed = parse(SOURCE).resolution
    changed.operative[3].text += " and more"
    steps = {
        "parse": lambda: parse(SOURCE),
        "render_html": lambda: render_html(resolution),
        "render_text": lambda: render_text(resolution),
        "parse + render_html": lambda: render_html(parse(SOURCE).resolution),
        "check": lambda: check(resolution),
        "diff (one clause changed)": lambda: diff(resolution, changed),
    }
    print(
        f"CCPCJ/2/1: {len(resolution.operative)} operative clauses, {len(SOURCE)} characters; "
        f"{repeat} runs"
    )
    for name, fn in steps.items():
        median, best = measure(fn, repeat)
        print(f"  {name:<28} median {median:7.2f} ms   best {best:7.2f} ms")
    largest = max(CORPUS.glob("*.txt"), key=lambda p: p.stat().st_size)
    official = largest.read_text(encoding="utf-8")
    parsed = parse(official).resolution
    print(
        f"{largest.name}: {len(parsed.preamble)} preambular and {len(parsed.operative)} "
        f"operative paragraphs, {len(official)} characters; {repeat} runs"
    )
    for name, fn in {
        "parse": lambda: parse(official),
        "parse + render_html": lambda: render_html(parse(official).resolution),
    }.items():
        median, best = measure(fn, repeat)
        print(f"  {name:<28} median {median:7.2f} ms   best {best:7.2f} ms")


if __name__ == "__main__":
    main()
