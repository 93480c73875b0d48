"""Benchmark: compare two different long texts clause by clause (the compare page's work).

    python scripts/bench_diff.py [--repeat N] [--clauses 500]

Builds two texts of N operative clauses each (default 500, with sub-clauses every fifth
clause) out of the seed's own clauses, shuffled and reworded so that nearly every clause
differs, and times ``diff`` on them; then the same at 2x and 4x the size, to show how the
time grows with the number of clauses. Goal: under 200 ms for two 500-clause texts.
"""

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from resolutions.text import diff, parse  # noqa: E402
from resolutions.text.structure import Clause, Resolution  # noqa: E402

SEEDS = sorted((ROOT / "resolutions" / "data" / "seed").glob("ccpcj-*.txt"))


def seed_clauses():
    texts = []
    for path in SEEDS:
        resolution = parse(path.read_text(encoding="utf-8")).resolution
        texts.extend(clause.text for _, _, clause in resolution.clauses())
    return texts


def build(n, pool, rng):
    """A text of ``n`` operative clauses, each a seed clause with a few words changed."""
    operative = []
    for i in range(n):
        words = rng.choice(pool).split()
        for _ in range(3):
            words[rng.randrange(len(words))] = rng.choice(["regional", "national", "effective"])
        clause = Clause(" ".join(words))
        if i % 5 == 0:
            clause.children = [Clause(" ".join(rng.choice(pool).split()[:12])) for _ in range(3)]
        operative.append(clause)
    return Resolution(heading="The Commission,", preamble=[], operative=operative)


def measure(fn, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--clauses", type=int, default=500)
    args = parser.parse_args()
    pool = seed_clauses()
    for factor in (1, 2, 4):
        n = args.clauses * factor
        rng = random.Random(n)
        old, new = build(n, pool, rng), build(n, pool, rng)
        total = len(list(old.clauses()))
        median, best = measure(lambda old=old, new=new: diff(old, new), args.repeat)
        print(
            f"diff of two {n}-clause texts ({total} clauses with sub-clauses): "
            f"median {median:.0f} ms, best {best:.0f} ms"
        )


if __name__ == "__main__":
    main()
