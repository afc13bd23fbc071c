"""One large line with workers > 1: its blocked (four-step) transform is split between threads
(column blocks, then row blocks). Every block is computed as on one thread, so the result must
be bitwise equal to workers=1 for every split, direction, layout and precision, and accurate."""

import numpy as np
import pytest
import scipy.fft

import fftbackend

RNG = np.random.default_rng(2026)
# powers of two and smooth lengths past the blocked threshold (2^16), and a real length whose
# half is blocked; a prime (Bluestein, not split) as a control
LENGTHS = [2**16, 3 * 2**16, 2**20, 1440000, 2**17 + 2, 1000003]


def _err(a, b):
    return np.linalg.norm(a - b) / np.linalg.norm(b)


@pytest.mark.parametrize("n", LENGTHS)
@pytest.mark.parametrize("dtype", [np.complex128, np.complex64])
def test_complex_single_line_bitwise(n, dtype):
    x = (RNG.standard_normal(n) + 1j * RNG.standard_normal(n)).astype(dtype)
    ref = scipy.fft.fft(x.astype(np.complex128))
    for func in (fftbackend.fft, fftbackend.ifft):
        one = func(x, workers=1)
        for w in (2, 3, 7):
            assert np.array_equal(func(x, workers=w), one), (func.__name__, w)
    assert _err(fftbackend.fft(x, workers=2), ref) < (2e-15 if dtype == np.complex128 else 1e-6)
    strided = np.zeros(2 * n, dtype)[::-2]      # negative stride, not contiguous
    strided[...] = x
    assert np.array_equal(fftbackend.fft(strided, workers=2), fftbackend.fft(x, workers=1))
    y = x.copy()
    out = fftbackend.fft(y, workers=2, overwrite_x=True)
    assert np.array_equal(out, fftbackend.fft(x, workers=1))


@pytest.mark.parametrize("n", LENGTHS)
@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_real_single_line_bitwise(n, dtype):
    x = RNG.standard_normal(n).astype(dtype)
    spec = fftbackend.rfft(x, workers=1)
    back = fftbackend.irfft(spec, n, workers=1)
    for w in (2, 5):
        assert np.array_equal(fftbackend.rfft(x, workers=w), spec)
        assert np.array_equal(fftbackend.irfft(spec, n, workers=w), back)
        assert np.array_equal(fftbackend.fft(x, workers=w), fftbackend.fft(x, workers=1))
    tol = 2e-15 if dtype == np.float64 else 1e-6
    assert _err(spec, scipy.fft.rfft(x.astype(np.float64))) < tol
    assert _err(back, x) < tol


def test_workers_through_the_backend():
    x = RNG.standard_normal(2**20) + 0j
    with scipy.fft.set_backend(fftbackend, only=True), scipy.fft.set_workers(2):
        two = scipy.fft.fft(x)
    assert np.array_equal(two, fftbackend.fft(x, workers=1))
