"""scipy.signal's FFT convolutions under ``scipy.fft.set_backend(fftbackend)``.

fftconvolve, oaconvolve, and convolve / correlate with ``method="fft"`` of real
(and some complex / integer / single precision) 1-D and 2-D inputs, every mode,
with and without ``axes``, must equal the same call on SciPy's own backend
within a normwise relative error of 1e-12 (double precision).

The backend is set with ``only=True``: a transform we did not compute would
raise instead of silently falling through to SciPy (a guard test checks that
scipy.signal really dispatches through scipy.fft's backends).
"""

import types

import numpy as np
import pytest
import scipy.fft
import scipy.signal
from scipy._lib.uarray import BackendNotImplementedError

import fftbackend

TOL64 = 1e-12
# float32: each side carries the error of three single-precision FFTs (the two
# measured ~2e-7 apart, ~2.5e-7 each from the exact convolution).
TOL32 = 2e-6
MODES = ("full", "same", "valid")

SIZES_1D = [(1, 1), (2, 1), (5, 3), (3, 5), (17, 17), (100, 7), (1000, 33), (1009, 100),
            (4099, 101), (10000, 999), (16384, 1025), (65537, 3)]
SIZES_2D = [((1, 1), (1, 1)), ((31, 17), (5, 3)), ((64, 64), (7, 9)), ((200, 150), (33, 31)),
            ((513, 257), (65, 3)), ((100, 9), (100, 9)), ((7, 300), (7, 301))]


def _ours(func, *args, **kwargs):
    with scipy.fft.set_backend(fftbackend, only=True):
        return func(*args, **kwargs)


def _scipys(func, *args, **kwargs):
    with scipy.fft.set_backend("scipy", only=True):
        return func(*args, **kwargs)


def _compare(util, func, a, b, tol=TOL64, **kwargs):
    ref = _scipys(func, a, b, **kwargs)
    got = _ours(func, a, b, **kwargs)
    what = f"{func.__name__}({a.shape} {a.dtype}, {b.shape} {b.dtype}, {kwargs})"
    assert isinstance(got, np.ndarray), what
    assert got.dtype == ref.dtype, f"{what}: dtype {got.dtype} != {ref.dtype}"
    assert got.shape == ref.shape, f"{what}: shape {got.shape} != {ref.shape}"
    util.assert_close(got, ref, tol=tol, what=what)
    return got


def test_signal_dispatches_through_scipy_fft_backends():
    """Precondition of this file: with only=True and a backend that implements
    nothing, fftconvolve fails; so with fftbackend it can only work if we computed."""
    nothing = types.SimpleNamespace(__ua_domain__="numpy.scipy.fft",
                                    __ua_function__=lambda method, args, kwargs: NotImplemented)
    a = np.arange(10.0)
    for func in (scipy.signal.fftconvolve, scipy.signal.oaconvolve):
        with scipy.fft.set_backend(nothing, only=True):
            with pytest.raises(BackendNotImplementedError):
                func(a, a[:3])


@pytest.mark.parametrize("mode", MODES)
def test_fftconvolve_1d(util, mode):
    for n1, n2 in SIZES_1D:
        a = util.random_real(n1, key=(600, n1, n2))
        b = util.random_real(n2, key=(601, n1, n2))
        _compare(util, scipy.signal.fftconvolve, a, b, mode=mode)


@pytest.mark.parametrize("mode", MODES)
def test_oaconvolve_1d(util, mode):
    for n1, n2 in SIZES_1D:
        a = util.random_real(n1, key=(602, n1, n2))
        b = util.random_real(n2, key=(603, n1, n2))
        _compare(util, scipy.signal.oaconvolve, a, b, mode=mode)


@pytest.mark.parametrize("func", [scipy.signal.fftconvolve, scipy.signal.oaconvolve],
                         ids=["fftconvolve", "oaconvolve"])
@pytest.mark.parametrize("mode", MODES)
def test_2d(util, func, mode):
    for s1, s2 in SIZES_2D:
        a = util.random_real(s1, key=(604, *s1, *s2))
        b = util.random_real(s2, key=(605, *s1, *s2))
        _compare(util, func, a, b, mode=mode)


@pytest.mark.parametrize("func", [scipy.signal.fftconvolve, scipy.signal.oaconvolve],
                         ids=["fftconvolve", "oaconvolve"])
def test_batched_along_axes(util, func):
    """A 1-D convolution along one axis of 2-D / 3-D arrays (batched rfftn/irfftn)."""
    a = util.random_real((8, 1000), key=(606,))
    b = util.random_real((8, 51), key=(607,))
    for mode in MODES:
        _compare(util, func, a, b, mode=mode, axes=-1)
        _compare(util, func, np.ascontiguousarray(a.T), np.ascontiguousarray(b.T),
                 mode=mode, axes=0)
    c = util.random_real((5, 6, 333), key=(608,))
    d = util.random_real((1, 6, 17), key=(609,))   # broadcast along axis 0
    _compare(util, func, c, d, axes=(1, 2))
    _compare(util, func, c, d, mode="same", axes=2)


def test_other_dtypes(util):
    a = util.random_real((300,), key=(610,))
    b = util.random_real((41,), key=(611,))
    ai = np.round(100 * a).astype(np.int32)
    bi = np.round(100 * b).astype(np.int64)
    for func in (scipy.signal.fftconvolve, scipy.signal.oaconvolve):
        for mode in MODES:
            _compare(util, func, ai, bi, mode=mode)                       # -> float64
            _compare(util, func, a.astype(np.float32), b.astype(np.float32), mode=mode,
                     tol=TOL32)
            ac = util.random_complex(300, key=(612,))
            _compare(util, func, ac, b, mode=mode)                        # complex path
        A = util.random_real((65, 40), np.float32, key=(613,))
        B = util.random_real((9, 7), np.float32, key=(614,))
        _compare(util, func, A, B, tol=TOL32)


@pytest.mark.parametrize("mode", MODES)
def test_convolve_and_correlate_method_fft(util, mode):
    for s1, s2 in (((1000,), (77,)), ((4099,), (4099,)), ((60, 70), (11, 13))):
        a = util.random_real(s1, key=(615, *s1))
        b = util.random_real(s2, key=(616, *s2))
        _compare(util, scipy.signal.convolve, a, b, mode=mode, method="fft")
        _compare(util, scipy.signal.correlate, a, b, mode=mode, method="fft")


def test_inputs_unchanged_and_result_right_scale(util):
    """Independent sanity check: convolving with a unit impulse returns the input."""
    a = util.random_real(1001, key=(617,))
    a_before = a.copy()
    delta = np.zeros(7)
    delta[0] = 1.0
    got = _ours(scipy.signal.fftconvolve, a, delta)
    assert np.array_equal(a, a_before)
    util.assert_close(got[:1001], a, tol=TOL64, what="fftconvolve with an impulse")
    assert np.max(np.abs(got[1001:])) <= 1e-13 * np.max(np.abs(a))
