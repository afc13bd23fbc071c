"""Single lines of DCT-I of odd length n = 2M + 1 >= 1025 are split into a DCT-I of M + 1 points
(the even outputs, from x_j + x_2M-j) and a DCT-III of M points (the odd outputs, from
x_j - x_2M-j), recursively (src/fb_dct_lane.h, dct1). Checked against SciPy and a long-double
direct sum, over every odd length from 1025 to 2049 and halves of every kind (prime M, Bluestein
and Rader lengths, a halving chain), for both precisions, every norm, strided lines and
batches (which take the unsplit vector path)."""
import numpy as np
import pytest
import scipy.fft

import fftbackend

RNG = np.random.default_rng(1025)
TOL = {np.float64: 2e-15, np.float32: 1e-6}
SPECIAL_N = (2 * 1031 + 1,          # M prime
             2 * 2 * 1033 + 1,      # M = 2 p: the half DCT-III on a Bluestein or Rader length
             2 * 65537 + 1,         # M a large prime
             2 ** 18 + 1,           # halves all the way down
             2 * 3 * 5 * 7 * 11 * 13 + 1, 3 * 1025, 20001, 65537)


def _err(y, ref):
    return np.linalg.norm(y - ref) / np.linalg.norm(ref)


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_every_odd_length_from_1025_to_2049(dtype):
    bad = []
    for n in range(1025, 2050, 2):
        x = RNG.standard_normal(n)
        for norm in (None, "ortho", "forward"):
            e = _err(fftbackend.dct(x.astype(dtype), type=1, norm=norm),
                     scipy.fft.dct(x, type=1, norm=norm))
            if e > TOL[dtype]:
                bad.append((n, norm, e))
    assert not bad, bad[:10]


@pytest.mark.parametrize("n", SPECIAL_N)
@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_halves_of_every_kind(n, dtype):
    x = RNG.standard_normal(n)
    for norm in (None, "ortho"):
        ref = scipy.fft.dct(x, type=1, norm=norm)
        assert _err(fftbackend.dct(x.astype(dtype), type=1, norm=norm), ref) <= TOL[dtype]
        assert _err(fftbackend.idct(x.astype(dtype), type=1, norm=norm),
                    scipy.fft.idct(x, type=1, norm=norm)) <= TOL[dtype]
    strided = np.zeros((n, 3), dtype)[:, 1]
    strided[...] = x
    assert _err(fftbackend.dct(strided, type=1), scipy.fft.dct(x, type=1)) <= TOL[dtype]
    batch = np.stack([x, 2 * x, -x]).astype(dtype)   # vector lanes: not split
    y = fftbackend.dct(batch, type=1, axis=-1)
    assert _err(y[1], 2 * scipy.fft.dct(x, type=1)) <= TOL[dtype]
    assert np.array_equal(fftbackend.dct(x.astype(dtype), type=1, workers=2),
                          fftbackend.dct(x.astype(dtype), type=1))


@pytest.mark.parametrize("n", [1025, 1027])
def test_against_a_long_double_direct_sum(n):
    x = RNG.standard_normal(n)
    N = n - 1
    j = np.arange(n, dtype=np.longdouble)
    pi = np.arccos(np.longdouble(-1))
    # cos(pi j k / N) with j k reduced mod 2N first, so the long-double argument stays exact
    jk = np.outer(np.arange(n), np.arange(n)) % (2 * N)
    c = np.cos(pi * jk.astype(np.longdouble) / N)
    w = np.full(n, np.longdouble(2))
    w[0] = w[-1] = 1
    ref = c @ (w * x.astype(np.longdouble))
    y = fftbackend.dct(x, type=1)
    assert _err(y.astype(np.longdouble), ref) <= 2e-15
