"""Timing shared by the benchmark scripts."""

import time


def clock(label, fn):
    """Run ``fn``, print how long it took under ``label``; return ``(its result, seconds)``."""
    t = time.perf_counter()
    out = fn()
    seconds = time.perf_counter() - t
    print(f"{label}: {seconds:.2f}s", flush=True)
    return out, seconds
