"""Rader's algorithm for large prime radices (fb_cfft_passes.h, passr).

A prime factor p >= 29 whose convolution of length p - 1 is cheap runs as Rader's
convolution instead of the O(p) generic butterfly. These lengths put such a pass
everywhere it can run: the whole transform (a prime n), one pass among others,
several Rader passes in one plan, the column and row plans of the blocked
algorithm (odd composites, 65535 = 255 * 257), vector lanes (batches along
either axis), the real FFT and the DCT/DST of odd length built on it. The
reference is SciPy's default backend in long double; the bounds are the
suite's (2e-15 complex128, 1e-6 complex64).
"""
import numpy as np
import pytest
import scipy.fft

import fftbackend

LENGTHS = [
    29, 31, 37, 97, 127, 257,          # a prime n: one Rader pass over the whole line
    223, 653, 1999,                    # p - 1 has a prime factor >= 29 (no Rader inside Rader)
    29 * 64, 127 * 16, 3 * 257,        # one Rader pass among radix passes
    37 * 41 * 43, 41 ** 3,             # several Rader passes in one plan
    65535,                             # 3 * 5 * 17 * 257: the blocked algorithm's row/column
    65537,                             # p - 1 = 2^16: one pass on a 65536-point convolution
]
LAYOUTS = [((1,), 0), ((3, 1), 1), ((1, 5), 0)]   # the 1 stands for n


def _shape(template, n):
    return tuple(n if d == 1 else d for d in template)


@pytest.mark.parametrize("dtype", [np.complex128, np.complex64])
@pytest.mark.parametrize("n", LENGTHS)
def test_complex_rader_lengths(n, dtype, util):
    for template, axis in LAYOUTS:
        shape = _shape(template, n)
        if np.prod(shape) > 2 ** 18 and len(shape) > 1:
            continue   # the large lengths once, as a single line
        x = util.random_complex(shape, dtype, key=(900, n, axis))
        wide = x.astype(np.clongdouble)
        with scipy.fft.set_backend("scipy", only=True):
            ref_f = scipy.fft.fft(wide, axis=axis)
            ref_b = scipy.fft.ifft(wide, axis=axis)
        util.assert_close(fftbackend.fft(x, axis=axis), ref_f, what=f"fft n={n} {shape}")
        util.assert_close(fftbackend.ifft(x, axis=axis), ref_b, what=f"ifft n={n} {shape}")


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
@pytest.mark.parametrize("n", [257, 1999, 3 * 257, 37 * 41 * 43, 65535])
def test_real_and_r2r_on_rader_lengths(n, dtype, util):
    x = util.random_real((n,), dtype, key=(901, n))
    wide = x.astype(np.longdouble)
    with scipy.fft.set_backend("scipy", only=True):
        refs = {
            "rfft": scipy.fft.rfft(wide),
            "dct4": scipy.fft.dct(wide, 4),
            "dst4": scipy.fft.dst(wide, 4),
            "dct2": scipy.fft.dct(wide, 2),
        }
    util.assert_close(fftbackend.rfft(x), refs["rfft"], what=f"rfft n={n}")
    util.assert_close(fftbackend.dct(x, 4), refs["dct4"], what=f"dct4 n={n}")
    util.assert_close(fftbackend.dst(x, 4), refs["dst4"], what=f"dst4 n={n}")
    util.assert_close(fftbackend.dct(x, 2), refs["dct2"], what=f"dct2 n={n}")
    spectrum = fftbackend.rfft(x)
    util.assert_close(fftbackend.irfft(spectrum, n), x, what=f"irfft(rfft) n={n}")


@pytest.mark.parametrize("n", [223, 1999, 65537])
def test_round_trip(n, util):
    x = util.random_complex((n,), np.complex128, key=(902, n))
    util.assert_close(fftbackend.ifft(fftbackend.fft(x)), x, what=f"round trip n={n}")
