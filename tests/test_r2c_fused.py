"""The real FFT of a line whose half-length complex plan is blocked: its untangling runs inside
the blocked plan's second step, on pairs of mirrored row blocks (fb_cfft_blocked_r2c.h), with
the rows of lane 0 carried from block to block and, with workers > 1, recomputed at the edges of
each thread's share. Every length here is checked against SciPy's own backend, and for bitwise
equality across thread counts (every share boundary moves) and with ihfft, the conjugate."""

import numpy as np
import pytest
import scipy.fft

import fftbackend

# 2^18 .. 2^21 and 3 * 2^18: the blocked halves with row blocks that pair up (n1 a multiple of
# 2 R); 1440000, whose half (n1 = 1200) does not, takes the separate untangling pass
LENGTHS = [2**18, 3 * 2**18, 2**20, 2**21, 1440000]


def _err(a, b):
    return np.linalg.norm(a - b) / np.linalg.norm(b)


def _scipy(func, x):
    with scipy.fft.set_backend("scipy"):
        return func(x)


@pytest.mark.parametrize("n", LENGTHS)
@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_rfft_matches_scipy_and_every_thread_count(n, dtype):
    rng = np.random.default_rng(n)
    x = rng.standard_normal(n).astype(dtype)
    tol = 2e-15 if dtype == np.float64 else 1e-6
    spec = fftbackend.rfft(x)
    assert spec.shape == (n // 2 + 1,)
    assert spec.dtype == (np.complex128 if dtype == np.float64 else np.complex64)
    ref = _scipy(scipy.fft.rfft, x.astype(np.float64))
    assert _err(spec, ref) < tol
    # the values the carried rows produce: row 0 (X_0, X_n/2 real) and the block edges
    assert spec[0].imag == 0 and spec[-1].imag == 0
    for w in (2, 3, 4, 6):
        assert np.array_equal(fftbackend.rfft(x, workers=w), spec), w
    inv = fftbackend.ihfft(x)
    assert _err(inv, _scipy(scipy.fft.ihfft, x.astype(np.float64))) < tol
    assert np.array_equal(fftbackend.ihfft(x, workers=3), inv)


@pytest.mark.parametrize("n", [2**18, 2**20])
def test_rfft_scaled_and_of_a_view(n):
    rng = np.random.default_rng(7)
    base = rng.standard_normal(n + 8)
    x = base[8:]                      # not 64-byte aligned: the source is read as it is
    for norm in ("ortho", "forward"):
        ref = _scipy(lambda v: scipy.fft.rfft(v, norm=norm), x)
        assert _err(fftbackend.rfft(x, norm=norm), ref) < 2e-15
    impulse = np.zeros(n)
    impulse[3] = 1.0
    k = np.arange(n // 2 + 1)
    assert np.max(np.abs(fftbackend.rfft(impulse) - np.exp(-2j * np.pi * 3 * k / n))) < 1e-14
