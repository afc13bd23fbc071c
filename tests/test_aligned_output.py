"""Large results are allocated 64-byte aligned (fftbackend/_aligned_out.h) and are otherwise
ordinary arrays: they own their data, can be resized, pickled and freed, and NumPy's own
allocator is back in place after every call."""
import os
import pickle

import numpy as np
import pytest
import scipy.fft

import fftbackend

try:
    from numpy._core.multiarray import get_handler_name
except ImportError:      # NumPy < 2
    from numpy.core.multiarray import get_handler_name

RNG = np.random.default_rng(7)
LARGE = 1 << 16          # points: outputs of 1 MiB / 512 KiB, above the 64 KiB threshold


def _calls():
    c = RNG.standard_normal(LARGE) + 1j * RNG.standard_normal(LARGE)
    r = RNG.standard_normal(LARGE)
    return [
        ("fft", lambda: fftbackend.fft(c)),
        ("ifft complex64", lambda: fftbackend.ifft(c.astype(np.complex64))),
        ("fft of real", lambda: fftbackend.fft(r)),
        ("rfft", lambda: fftbackend.rfft(r)),
        ("irfft", lambda: fftbackend.irfft(c[: LARGE // 2 + 1])),
        ("dct", lambda: fftbackend.dct(r)),
        ("dst float32", lambda: fftbackend.dst(r.astype(np.float32), type=4)),
        ("fft2", lambda: fftbackend.fft2(c.reshape(256, 256))),
        ("through scipy", lambda: _through_scipy(c)),
    ]


def _through_scipy(c):
    with scipy.fft.set_backend(fftbackend, only=True):
        return scipy.fft.fft(c)


@pytest.mark.parametrize("name,call", _calls(), ids=[n for n, _ in _calls()])
def test_large_results_start_on_a_cache_line(name, call):
    before = get_handler_name()
    y = call()
    assert get_handler_name() == before == "default_allocator"
    assert y.ctypes.data % 64 == 0
    assert get_handler_name(y) == "fftbackend_aligned64"
    assert y.flags.owndata and y.base is None and y.flags.c_contiguous
    copy = pickle.loads(pickle.dumps(y))
    np.testing.assert_array_equal(copy, y)
    y.resize(y.size + 1000, refcheck=False)      # realloc through the handler
    assert np.array_equal(y[: copy.size], copy.ravel())


def test_small_results_use_numpys_allocator():
    y = fftbackend.fft(np.ones(64, complex))
    assert get_handler_name(y) == "default_allocator"


def _rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


@pytest.mark.skipif(not os.path.exists("/proc/self/statm") or
                    "libasan" in os.environ.get("LD_PRELOAD", ""),
                    reason="needs Linux's /proc and NumPy's own allocator underneath")
def test_many_large_results_are_freed():
    """The handler's free is used: 200 results of 16 MiB, kept one at a time, leave the
    resident memory where it was (3.2 GB more if they were never freed)."""
    x = RNG.standard_normal(1 << 20) + 0j
    fftbackend.fft(x)
    before = _rss()
    for _ in range(200):
        fftbackend.fft(x)
    assert _rss() - before < 64 << 20


# ---- blocks of large results kept for reuse (_aligned_out.h) ----

def test_a_freed_result_is_reused_for_the_next_of_that_size():
    x = RNG.standard_normal(1 << 17) + 0j          # 2 MiB results
    first = fftbackend.fft(x)
    address = first.ctypes.data
    del first
    second = fftbackend.fft(2 * x)                  # same size: the kept block, fully rewritten
    assert second.ctypes.data == address
    assert np.array_equal(second, 2 * fftbackend.fft(x))
    assert second.ctypes.data % 64 == 0 and second.flags.owndata


def test_reused_blocks_never_leak_old_values():
    """Results of every size class, freed and reallocated in shuffled order, equal fresh ones."""
    sizes = [1 << 16, 1 << 17, 3 << 16, 1 << 18, 5 << 16]
    inputs = {n: RNG.standard_normal(n) + 1j * RNG.standard_normal(n) for n in sizes}
    expected = {n: scipy.fft.fft(inputs[n]) for n in sizes}
    for n in list(RNG.permutation(sizes)) * 4:
        y = fftbackend.fft(inputs[n])
        assert np.linalg.norm(y - expected[n]) <= 2e-15 * np.linalg.norm(expected[n])


def test_kept_memory_is_bounded_and_cache_clear_frees_it():
    from fftbackend import _core
    fftbackend.cache_clear()
    assert _core.kept_result_bytes() == 0
    for n in range(8):                               # 8 distinct sizes, 8 to 15 MiB each
        del_me = fftbackend.fft(np.ones((8 + n) << 16, complex))
        del del_me
        assert 0 < _core.kept_result_bytes() <= 64 << 20
    small = fftbackend.fft(np.ones(1 << 15, complex))   # 512 KiB: freed, not kept
    kept = _core.kept_result_bytes()
    del small
    assert _core.kept_result_bytes() == kept
    fftbackend.cache_clear()
    assert _core.kept_result_bytes() == 0


def test_concurrent_threads_allocate_and_free_large_results():
    import concurrent.futures
    x = RNG.standard_normal(1 << 16) + 1j * RNG.standard_normal(1 << 16)
    ref = fftbackend.fft(x)

    def work(i):
        for _ in range(40):
            if not np.array_equal(fftbackend.fft(x), ref):
                return False
        return True

    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        assert all(pool.map(work, range(8)))
