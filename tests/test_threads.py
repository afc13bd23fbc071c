"""Thread safety and determinism.

* 8 Python threads calling concurrently on 40 mixed sizes (more than the plan
  cache holds, so plans are evicted and rebuilt while others use them; primes
  and Bluestein sizes included) give results bitwise equal to serial calls.
* ``workers=2`` / ``workers=-1`` give bitwise the same result as ``workers=1``
  for batched 2-D input along both axes.
"""

import threading

import numpy as np
import pytest
import scipy.fft

import fftbackend

# 40 distinct lengths: powers of 2/3, smooth composites, primes (incl. large
# primes 1009, 4099, 8209 that need Bluestein/Rader) and 2*1009.
SIZES = [1, 2, 3, 4, 5, 7, 8, 11, 13, 16, 17, 31, 32, 60, 64, 97, 100, 127, 128, 210,
         243, 256, 331, 512, 625, 720, 1000, 1009, 1024, 1536, 2018, 2048, 2187, 3000,
         4096, 4099, 5040, 6561, 8192, 8209]
N_THREADS = 8
ROUNDS = 3


def _same_bits(a, b):
    return (isinstance(a, np.ndarray) and a.dtype == b.dtype and a.shape == b.shape
            and a.tobytes() == b.tobytes())


def _tasks(util):
    tasks = []
    for i, n in enumerate(SIZES):
        for dtype in (np.complex128, np.complex64):
            x = util.random_complex((n,), dtype, key=(500, n))
            x.flags.writeable = False
            norm = (None, "ortho", "forward")[i % 3]
            tasks.append(("fft", x, {"norm": norm}))
            tasks.append(("ifft", x, {}))
    for shape in ((3, 4099), (17, 60), (2018, 3), (9, 8, 7)):
        x = util.random_complex(shape, np.complex128, key=(501, *shape))
        x.flags.writeable = False
        tasks.append(("fftn", x, {}))
        tasks.append(("ifft", x, {"axis": 0}))
        tasks.append(("fft2", x.astype(np.complex64), {"workers": 2}))
    return tasks


def test_concurrent_calls_bitwise_equal_serial(util):
    tasks = _tasks(util)
    assert len(set(SIZES)) == 40
    serial = [getattr(fftbackend, name)(x, **kw) for name, x, kw in tasks]
    # Sanity: the serial results are right (so "equal to serial" means something).
    for (name, x, kw), y in zip(tasks, serial):
        util.assert_close(y, util.scipy_default(name, x, **kw), what=f"{name}{x.shape}{kw}")
    snapshots = [x.copy() for _, x, _ in tasks]

    barrier = threading.Barrier(N_THREADS)
    mismatches, errors = [], []
    lock = threading.Lock()

    def worker(tid):
        order = np.random.default_rng(tid).permutation(len(tasks))
        try:
            barrier.wait(timeout=60)
            for rnd in range(ROUNDS):
                for k in order:
                    name, x, kw = tasks[k]
                    y = getattr(fftbackend, name)(x, **kw)
                    if not _same_bits(y, serial[k]):
                        with lock:
                            mismatches.append((tid, rnd, name, x.shape, x.dtype.name, kw))
        except BaseException as e:  # noqa: BLE001 - report anything from the threads
            with lock:
                errors.append((tid, repr(e)))

    threads = [threading.Thread(target=worker, args=(t,)) for t in range(N_THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert not any(t.is_alive() for t in threads), "threads hung (deadlock?)"
    assert not errors, errors[:5]
    assert not mismatches, f"{len(mismatches)} concurrent results differ from serial: {mismatches[:10]}"
    for (name, x, kw), s in zip(tasks, snapshots):
        assert x.tobytes() == s.tobytes(), f"input of {name}{x.shape} modified"


BATCHES = [
    # (shape, dtype): batched 2-D inputs; odd batch counts, Bluestein lengths
    ((64, 1000), np.complex128),
    ((63, 4099), np.complex128),
    ((1000, 63), np.complex128),
    ((33, 1024), np.complex64),
    ((2018, 17), np.complex64),
    ((5, 65537), np.complex128),
    ((1, 2**16), np.complex128),      # a single long vector
    ((2, 2**15 + 3), np.complex64),
]


@pytest.mark.parametrize("shape, dtype", BATCHES, ids=[f"{s[0]}x{s[1]}-{np.dtype(d).name}"
                                                      for s, d in BATCHES])
def test_workers_bitwise_equal_single_worker(util, shape, dtype):
    x = util.random_complex(shape, dtype, key=(510, *shape))
    for name, kw in (("fft", {"axis": 0}), ("fft", {"axis": 1}), ("ifft", {"axis": 0}),
                     ("ifft", {"axis": -1, "norm": "ortho"}), ("fftn", {}), ("ifft2", {})):
        one = getattr(fftbackend, name)(x, workers=1, **kw)
        util.assert_close(one, util.scipy_default(name, x, **kw), what=f"{name}{kw}")
        for workers in (2, -1, 3):
            many = getattr(fftbackend, name)(x, workers=workers, **kw)
            assert _same_bits(many, one), f"{name}{kw} workers={workers} differs from workers=1"


def test_scipy_set_workers_context(util):
    """workers=None follows scipy.fft.set_workers; results unchanged, bitwise."""
    x = util.random_complex((40, 500), np.complex128, key=(530,))
    one = fftbackend.fft(x, axis=0, workers=1)
    one_n = fftbackend.fftn(x, workers=1)
    with scipy.fft.set_workers(2):
        assert scipy.fft.get_workers() == 2
        assert _same_bits(fftbackend.fft(x, axis=0), one)
        with scipy.fft.set_backend(fftbackend, only=True):
            assert _same_bits(scipy.fft.fftn(x), one_n)
    util.assert_close(one, util.scipy_default("fft", x, axis=0))


def test_workers_in_concurrent_threads(util):
    """Multi-worker calls from several Python threads at once stay correct."""
    x = util.random_complex((48, 1536), np.complex128, key=(520,))
    ref = fftbackend.fft(x, axis=0, workers=1)
    out, errors = [None] * 4, []

    def worker(i):
        try:
            out[i] = fftbackend.fft(x, axis=0, workers=2)
        except BaseException as e:  # noqa: BLE001
            errors.append(repr(e))

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors, errors
    for y in out:
        assert _same_bits(y, ref)
