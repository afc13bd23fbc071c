"""No leaks: 100,000 mixed calls (complex, real, r2r, n-D; both precisions; more sizes than a
plan cache holds, so plans are made and destroyed all along; some calls that raise) leave
resident memory where a warm-up left it.

Run with -s to see the measured growth.
"""
import gc
import os
import resource

import numpy as np
import pytest

import fftbackend

CALLS = 100_000
WARMUP = 10_000
LIMIT = 2 << 20
# 40 lengths (the caches hold 16 each): smooth, prime (Bluestein from 2 * 37 - 1 up), odd
SIZES = list(range(2, 34)) + [37, 41, 64, 97, 100, 127, 128, 243]


def _rss():
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:   # not Linux: the peak, which still shows steady growth
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _calls():
    """The cycle of calls, inputs made once (so the loop itself allocates only results)."""
    rng = np.random.default_rng(7)
    calls = []
    for i, n in enumerate(SIZES):
        c = (rng.standard_normal(n) + 1j * rng.standard_normal(n)).astype(np.complex128)
        r = rng.standard_normal(n)
        c32, r32 = c.astype(np.complex64), r.astype(np.float32)
        m = rng.standard_normal((3, n)) + 0j
        norm = (None, "ortho", "forward")[i % 3]
        calls += [
            (fftbackend.fft, (c,), {"norm": norm}),
            (fftbackend.ifft, (c32,), {}),
            (fftbackend.rfft, (r,), {"norm": norm}),
            (fftbackend.rfft, (r32,), {}),
            (fftbackend.irfft, (c,), {}),
            (fftbackend.irfft, (c32,), {"n": n + 1}),
            (fftbackend.hfft, (c,), {}),
            (fftbackend.dct, (r,), {"type": 1 + i % 4, "norm": norm}),
            (fftbackend.idst, (r32,), {"type": 1 + (i + 1) % 4}),
            (fftbackend.fftn, (m,), {}),
            (fftbackend.rfftn, (m.real,), {"axes": (0, 1)}),
            (fftbackend.dctn, (m.real.astype(np.float32),), {}),
        ]
    return calls


def _run(calls, count):
    bad = np.ones(4)
    for k in range(count):
        if k % 97 == 0:   # error paths must not leak either
            with pytest.raises(ValueError):
                fftbackend.fft(bad, n=-1)
            continue
        fn, args, kw = calls[k % len(calls)]
        fn(*args, **kw)


# Resident memory under a sanitizer's allocator (quarantine, shadow memory) says nothing about
# ours; tools/sanitize.sh checks overflows and leaks there instead.
UNDER_SANITIZER = "libasan" in os.environ.get("LD_PRELOAD", "")


@pytest.mark.skipif(UNDER_SANITIZER, reason="RSS is the sanitizer allocator's, not ours")
def test_100k_calls_do_not_grow_memory():
    calls = _calls()
    assert len(calls) >= 400
    _run(calls, WARMUP)
    gc.collect()
    before = _rss()
    _run(calls, CALLS)
    gc.collect()
    growth = _rss() - before
    info = fftbackend.cache_info()
    print(f"\n{CALLS} calls: resident memory grew by {growth / 1024:.0f} KiB "
          f"(limit {LIMIT >> 10} KiB); complex128 cache {info['complex128']}")
    assert info["complex128"].entries == 16   # the churn did reach the bound
    assert growth < LIMIT
