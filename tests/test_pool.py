"""The kernels' thread pool: threads are started once and reused (no growth over many calls),
results with workers > 1 are bitwise those of one thread also when many Python threads use the
pool at once (a busy pool runs a caller's tasks on the caller), and the pool survives fork and
multiprocessing's fork start method after it has run."""

import multiprocessing
import os
import sys
import threading

import numpy as np
import pytest

import fftbackend
from fftbackend import _core

RNG = np.random.default_rng(7)
BATCH = RNG.standard_normal((256, 1024)) + 1j * RNG.standard_normal((256, 1024))
LONG = RNG.standard_normal(2**17) + 1j * RNG.standard_normal(2**17)
REAL = RNG.standard_normal((64, 4096))


def _work(workers):
    return (fftbackend.fft(BATCH, workers=workers), fftbackend.fft(LONG, workers=workers),
            fftbackend.rfft(REAL, axis=0, workers=workers),
            fftbackend.dctn(REAL, workers=workers))


SERIAL = _work(1)


def _same(results):
    return all(np.array_equal(a, b) for a, b in zip(results, SERIAL))


def _os_threads():
    return len(os.listdir("/proc/self/task"))


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="needs /proc")
def test_threads_are_started_once():
    _work(3)
    size, threads = _core.pool_size(), _os_threads()
    assert size >= 2
    for _ in range(50):
        assert _same(_work(3))
    assert _core.pool_size() == size
    assert _os_threads() == threads


def test_many_python_threads_share_the_pool():
    failures = []

    def run():
        for _ in range(5):
            if not _same(_work(2)):
                failures.append(1)

    threads = [threading.Thread(target=run) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not failures


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_fork_after_the_pool_ran():
    _work(2)
    pid = os.fork()
    if pid == 0:   # child: a fresh pool, same results
        ok = _same(_work(2)) and _same(_work(4))
        os._exit(0 if ok else 1)
    _, status = os.waitpid(pid, 0)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
    assert _same(_work(2))   # the parent's pool still works


def _child_task(workers):
    return _same(_work(workers))


@pytest.mark.skipif(sys.platform != "linux", reason="fork start method")
def test_multiprocessing_fork_after_threads():
    _work(2)
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(2) as pool:
        assert all(pool.map(_child_task, [2, 3, 2, 1]))
