"""The plan caches: cache_info counts, the entry and byte bounds, LRU order, cache_clear
(results still right afterwards, and safe while other threads transform), the byte budget.

Each test starts from empty caches and the default budget (the `fresh` fixture), and counts
from differences of cache_info, since hits and misses are process-wide totals.
"""
import json
import os
import subprocess
import sys
import threading
import time

import numpy as np
import pytest

import fftbackend

KINDS = ("complex128", "complex64", "real64", "real32", "r2r64", "r2r32")
DEFAULT_MAX_BYTES = 64 << 20


@pytest.fixture
def fresh():
    old = fftbackend.cache_set_max_bytes(DEFAULT_MAX_BYTES)
    fftbackend.cache_clear()
    yield
    fftbackend.cache_set_max_bytes(old)
    fftbackend.cache_clear()


def _c(n, dtype=np.complex128):
    return np.ones(n, dtype) * (1 + 0.5j)


def test_info_shape_and_defaults(fresh):
    info = fftbackend.cache_info()
    assert tuple(info) == KINDS
    for kind, ci in info.items():
        assert isinstance(ci, fftbackend.CacheInfo)
        assert (ci.entries, ci.bytes) == (0, 0), kind
        assert ci.max_entries == 16 and ci.max_bytes == DEFAULT_MAX_BYTES, kind
        assert ci.hits >= 0 and ci.misses >= 0


def test_each_kind_counts_its_own_plans(fresh):
    calls = {
        "complex128": lambda: fftbackend.fft(_c(100)),
        "complex64": lambda: fftbackend.fft(_c(100, np.complex64)),
        "real64": lambda: fftbackend.rfft(np.ones(100)),
        "real32": lambda: fftbackend.irfft(_c(51, np.complex64)),
        "r2r64": lambda: fftbackend.dct(np.ones(100)),
        "r2r32": lambda: fftbackend.dst(np.ones(100, np.float32), type=4),
    }
    for kind, call in calls.items():
        before = fftbackend.cache_info()[kind]
        call()
        mid = fftbackend.cache_info()[kind]
        call()
        after = fftbackend.cache_info()[kind]
        assert (mid.entries, mid.misses - before.misses, mid.hits - before.hits) == (1, 1, 0), kind
        assert (after.entries, after.misses - mid.misses, after.hits - mid.hits) == (1, 0, 1), kind
        assert after.bytes == mid.bytes > 0, kind
        fftbackend.cache_clear()


def test_bytes_add_up_and_include_the_complex_plan(fresh):
    sizes = (1000, 4096, 1009)   # mixed radix, power of two (lane split), Bluestein
    alone = {}
    for n in sizes:
        fftbackend.cache_clear()
        fftbackend.fft(_c(n))
        alone[n] = fftbackend.cache_info()["complex128"].bytes
        assert alone[n] >= 16 * n // 2, n   # at least half a table of n complex twiddles
    fftbackend.cache_clear()
    for n in sizes:
        fftbackend.fft(_c(n))
    ci = fftbackend.cache_info()["complex128"]
    assert (ci.entries, ci.bytes) == (3, sum(alone.values()))
    # a real plan of 2000 runs on the complex plan of 1000 and counts it
    fftbackend.cache_clear()
    fftbackend.rfft(np.ones(2000))
    info = fftbackend.cache_info()
    assert info["complex128"].entries == 1 and info["complex128"].bytes == alone[1000]
    extra = info["real64"].bytes - alone[1000]
    assert 16 * 500 <= extra <= 16 * 500 + 4096   # its own twiddles w_2000^k, k <= 500


def _rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


@pytest.mark.skipif(not os.path.exists("/proc/self/statm"), reason="needs /proc")
@pytest.mark.skipif("libasan" in os.environ.get("LD_PRELOAD", ""),
                    reason="RSS is the sanitizer allocator's, not ours")
def test_bytes_match_the_memory_clear_frees(fresh):
    # 2^22 points: its tables are blocks above glibc's largest mmap threshold, so freeing them
    # returns the pages at once and resident memory shows it
    x = _c(1 << 22)
    fftbackend.fft(x[:8])
    r0 = _rss()
    y = fftbackend.fft(x)   # held: a freed result would be kept for reuse, and cleared too
    ci = fftbackend.cache_info()["complex128"]
    r1 = _rss()
    fftbackend.cache_clear()
    freed = r1 - _rss()
    assert ci.bytes > ci.max_bytes and ci.entries == 1   # over the budget: kept, alone
    assert 0.9 * ci.bytes <= freed <= 1.1 * ci.bytes + (1 << 20), (ci.bytes, freed, r1 - r0)
    del y


def _churn_calls():
    calls = []
    for i, n in enumerate(list(range(20, 60)) + [1009, 4099, 2 ** 12, 3 ** 7, 5 ** 5]):
        calls.append(lambda n=n: fftbackend.fft(_c(n)))
        calls.append(lambda n=n: fftbackend.ifft(_c(n, np.complex64)))
        calls.append(lambda n=n: fftbackend.rfft(np.ones(n)))
        calls.append(lambda n=n: fftbackend.irfft(_c(n, np.complex64)))
        calls.append(lambda n=n: fftbackend.dct(np.ones(n), type=(1, 2, 3, 4)[n % 4]))
        calls.append(lambda n=n: fftbackend.dst(np.ones(n, np.float32), type=(1, 2, 3, 4)[n % 4]))
    return calls


def _assert_bounds(what, alone_ok=False):
    """Both bounds hold (or, with alone_ok, a cache may hold one plan over the budget)."""
    for kind, ci in fftbackend.cache_info().items():
        assert 0 <= ci.entries <= ci.max_entries, (what, kind, ci)
        assert 0 <= ci.bytes <= ci.max_bytes or (alone_ok and ci.entries == 1), (what, kind, ci)


def test_bounds_hold_while_churning(fresh):
    before = fftbackend.cache_info()
    for k, call in enumerate(_churn_calls()):
        call()
        _assert_bounds(k)
    after = fftbackend.cache_info()
    for kind in KINDS:   # every cache saw more sizes than it holds, and is full
        assert after[kind].misses - before[kind].misses > 16, kind
        assert after[kind].entries == 16, kind


def test_byte_budget_evicts_before_the_entry_bound(fresh):
    budget = 200_000
    assert fftbackend.cache_set_max_bytes(budget) == DEFAULT_MAX_BYTES
    fewest, alone = 16, 0
    for k, call in enumerate(_churn_calls()):
        call()
        _assert_bounds(k, alone_ok=True)   # Bluestein plans of 1009 and 4099 exceed 200 kB
        alone += fftbackend.cache_info()["complex128"].bytes > budget
        fewest = min(fewest, fftbackend.cache_info()["complex128"].entries)
    ci = fftbackend.cache_info()["complex128"]
    assert ci.max_bytes == budget
    assert ci.bytes > budget // 2   # the budget is used, not just respected
    assert fewest < 16 and ci.entries < 16   # bytes, not the entry bound, limited it
    assert alone > 0   # and a plan over the budget was seen, kept alone


def test_lower_budget_evicts_at_once(fresh):
    for n in range(100, 116):
        fftbackend.fft(_c(n))
    full = fftbackend.cache_info()["complex128"]
    assert full.entries == 16
    fftbackend.cache_set_max_bytes(full.bytes // 2)
    ci = fftbackend.cache_info()["complex128"]
    assert 0 < ci.entries < 16 and ci.bytes <= full.bytes // 2
    # the most recent plans are the ones kept
    h = ci.hits
    fftbackend.fft(_c(115))
    assert fftbackend.cache_info()["complex128"].hits == h + 1
    with pytest.raises(ValueError):
        fftbackend.cache_set_max_bytes(-1)


def test_plan_larger_than_budget_is_kept_alone(fresh):
    fftbackend.fft(_c(64))
    fftbackend.cache_set_max_bytes(10_000)
    fftbackend.fft(_c(8192))
    ci = fftbackend.cache_info()["complex128"]
    assert ci.entries == 1 and ci.bytes > 10_000   # kept (alone: 64 was evicted)
    fftbackend.fft(_c(8192))
    assert fftbackend.cache_info()["complex128"].hits == ci.hits + 1
    fftbackend.fft(_c(64))   # the next plan evicts it
    ci = fftbackend.cache_info()["complex128"]
    assert ci.entries == 1 and ci.bytes <= 10_000
    fftbackend.cache_set_max_bytes(0)   # keeps only the latest plan
    fftbackend.fft(_c(65))
    ci = fftbackend.cache_info()["complex128"]
    assert ci.entries == 1 and ci.max_bytes == 0


def test_least_recently_used_is_evicted(fresh):
    for n in range(200, 216):
        fftbackend.fft(_c(n))
    fftbackend.fft(_c(200))            # now the most recent: 201 is the oldest
    fftbackend.fft(_c(300))            # evicts 201
    ci = fftbackend.cache_info()["complex128"]
    fftbackend.fft(_c(200))
    assert fftbackend.cache_info()["complex128"].hits == ci.hits + 1
    fftbackend.fft(_c(201))
    assert fftbackend.cache_info()["complex128"].misses == ci.misses + 1


def test_clear_empties_every_cache(fresh):
    for call in _churn_calls()[:60]:
        call()
    assert all(ci.entries > 0 for ci in fftbackend.cache_info().values())
    before = fftbackend.cache_info()
    fftbackend.cache_clear()
    for kind, ci in fftbackend.cache_info().items():
        assert (ci.entries, ci.bytes) == (0, 0), kind
        assert (ci.hits, ci.misses) == (before[kind].hits, before[kind].misses), kind


CASES = [
    ("fft", np.complex128, 1000, {}), ("ifft", np.complex64, 1009, {"norm": "ortho"}),
    ("rfft", np.float64, 4099, {}), ("irfft", np.complex128, 257, {"n": 512}),
    ("dct", np.float64, 700, {"type": 2}), ("dst", np.float32, 333, {"type": 4}),
    ("idct", np.float64, 129, {"type": 1}), ("hfft", np.complex64, 100, {}),
    ("fftn", np.complex128, (12, 35), {}),
]


def _input(util, dtype, shape, key):
    if np.dtype(dtype).kind == "c":
        return util.random_complex(shape, dtype, key=key)
    return util.random_real(shape, dtype, key=key)


def test_results_right_after_clear(fresh, util):
    for k, (name, dtype, shape, kw) in enumerate(CASES):
        x = _input(util, dtype, shape, (900, k))
        first = getattr(fftbackend, name)(x, **kw)
        util.assert_close(first, util.scipy_default(name, x, **kw), what=f"{name} cold")
        fftbackend.cache_clear()
        again = getattr(fftbackend, name)(x, **kw)
        assert again.tobytes() == first.tobytes(), name
        fftbackend.cache_clear()
        fftbackend.cache_set_max_bytes(0)
        tiny = getattr(fftbackend, name)(x, **kw)
        fftbackend.cache_set_max_bytes(DEFAULT_MAX_BYTES)
        assert tiny.tobytes() == first.tobytes(), name


def test_clear_while_other_threads_transform(fresh, util):
    tasks = []
    for k, (name, dtype, shape, kw) in enumerate(CASES):
        x = _input(util, dtype, shape, (901, k))
        tasks.append((name, x, kw, getattr(fftbackend, name)(x, **kw).tobytes()))
    stop = threading.Event()
    bad, errors, done = [], [], [0] * 4

    def worker(t):
        order = np.random.default_rng(t).permutation(len(tasks))
        try:
            while not stop.is_set():
                for j in order:
                    name, x, kw, want = tasks[j]
                    if getattr(fftbackend, name)(x, **kw).tobytes() != want:
                        bad.append((t, name))
                done[t] += 1
        except BaseException as e:  # noqa: BLE001 - report anything from the threads
            errors.append(repr(e))

    threads = [threading.Thread(target=worker, args=(t,)) for t in range(4)]
    for t in threads:
        t.start()
    try:
        i = 0
        while i < 300 or min(done) < 3:   # every thread through the tasks a few times
            fftbackend.cache_clear()
            if i % 50 == 25:
                fftbackend.cache_set_max_bytes(0)
            elif i % 50 == 49:
                fftbackend.cache_set_max_bytes(DEFAULT_MAX_BYTES)
            _assert_bounds(i, alone_ok=True)
            i += 1
            if i > 200_000 or errors:
                break
            time.sleep(0.0005)
    finally:
        stop.set()
        for t in threads:
            t.join(timeout=60)
    assert not any(t.is_alive() for t in threads), "a thread hung"
    assert not errors and not bad, (errors, bad[:5])
    assert min(done) >= 3


LEVEL_SCRIPT = r"""
import json
import numpy as np
import fftbackend
from fftbackend import _core
fftbackend.fft(np.ones(100, complex))
fftbackend.rfft(np.ones(64, np.float32))
fftbackend.dct(np.ones(50))
info = fftbackend.cache_info()
before = {k: v.entries for k, v in info.items()}
fftbackend.cache_clear()
after = sum(v.entries for v in fftbackend.cache_info().values())
print(json.dumps({"level": _core.simd_level(), "entries": before, "after_clear": after}))
"""


def _levels():
    from fftbackend._config import supported_simd_levels
    return supported_simd_levels()


@pytest.mark.parametrize("level", _levels())
def test_every_simd_level_reports_its_own_caches(level, tmp_path):
    # each target has its own caches; info and clear must reach the active one's
    env = dict(os.environ, FFTBACKEND_SIMD=level)
    proc = subprocess.run([sys.executable, "-c", LEVEL_SCRIPT], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    got = json.loads(proc.stdout.strip().splitlines()[-1])
    assert got["level"] == level
    assert got["entries"] == {"complex128": 2, "complex64": 1, "real64": 0, "real32": 1,
                              "r2r64": 1, "r2r32": 0}, got   # complex: 100, and 25 for dct(50)
    assert got["after_clear"] == 0
