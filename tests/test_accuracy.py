"""Accuracy of the 1-D complex transforms against long-double references.

Bound (from the issue): normwise relative error ||y - ref|| / ||ref||
  <= 2e-15 for complex128 and <= 1e-6 for complex64,
for every n in 1..2048 and for 4099, 65536, 65537, 2**20, 1000003; forward and
inverse; all norms; plus the round trip ifft(fft(x)) ~ x.

References: SciPy's default backend on clongdouble input (computes in long
double), and for small n additionally a direct O(n^2) long-double DFT.
"""

import numpy as np
import pytest

import fftbackend

DTYPES = [np.complex128, np.complex64]
DIRECTIONS = ["fft", "ifft"]
NORMS = [None, "ortho", "forward"]
ALL_N = range(1, 2049)
# Direct O(n^2) reference: every n up to DIRECT_ALL, plus a few larger ones.
DIRECT_ALL = 256
DIRECT_EXTRA = (257, 360, 509, 512, 625, 1000, 1021, 1024)
MEDIUM_N = (4099, 65536, 65537)
LARGE_N = (2**20, 1000003)


def _fmt(failures, limit=25):
    head = ", ".join(f"n={n}: {err:.3e}" for n, err in failures[:limit])
    more = f" ... (+{len(failures) - limit} more)" if len(failures) > limit else ""
    return f"{len(failures)} failing lengths: {head}{more}"


def test_reference_is_self_consistent(util):
    """The two independent references agree far below our tolerance.

    Guards the reference itself: if SciPy's long-double path ever degraded, the
    accuracy tests below would become meaningless.
    """
    worst = 0.0
    for n in list(range(1, 65)) + [97, 128, 255, 256, 509]:
        x = util.vector(n, np.complex128)
        for inverse in (False, True):
            a = util.ld_reference(x, inverse=inverse)
            b = util.direct_dft(x, inverse=inverse)
            worst = max(worst, util.rel_err(a, b))
    assert worst < 1e-17, worst


@pytest.mark.parametrize("norm", NORMS, ids=str)
@pytest.mark.parametrize("direction", DIRECTIONS)
@pytest.mark.parametrize("dtype", DTYPES, ids=lambda d: np.dtype(d).name)
def test_every_length_1_to_2048(util, dtype, direction, norm):
    tol = util.tol(dtype)
    inverse = direction == "ifft"
    func = getattr(fftbackend, direction)
    failures, direct_failures = [], []
    worst = 0.0
    for n in ALL_N:
        x = util.vector(n, dtype)
        x_before = x.copy()
        y = func(x, norm=norm)
        assert isinstance(y, np.ndarray) and y.dtype == np.dtype(dtype) and y.shape == (n,), (
            f"n={n}: got {type(y)} {getattr(y, 'dtype', None)} {getattr(y, 'shape', None)}"
        )
        assert np.array_equal(x, x_before), f"n={n}: input modified"
        err = util.rel_err(y, util.ld_reference(x, inverse=inverse, norm=norm))
        worst = max(worst, err)
        if not err <= tol:
            failures.append((n, err))
        if n <= DIRECT_ALL or n in DIRECT_EXTRA:
            derr = util.rel_err(y, util.direct_dft(x, inverse=inverse, norm=norm))
            if not derr <= tol:
                direct_failures.append((n, derr))
    assert not failures, f"vs long-double SciPy reference: {_fmt(failures)}"
    assert not direct_failures, f"vs direct long-double DFT: {_fmt(direct_failures)}"


@pytest.mark.parametrize("norm", NORMS, ids=str)
@pytest.mark.parametrize("dtype", DTYPES, ids=lambda d: np.dtype(d).name)
def test_round_trip_every_length(util, dtype, norm):
    tol = util.tol(dtype)
    failures = []
    for n in ALL_N:
        x = util.vector(n, dtype)
        z = fftbackend.ifft(fftbackend.fft(x, norm=norm), norm=norm)
        assert z.dtype == np.dtype(dtype)
        err = util.rel_err(z, x)
        if not err <= tol:
            failures.append((n, err))
    assert not failures, f"round trip ifft(fft(x)): {_fmt(failures)}"


@pytest.mark.parametrize("n", MEDIUM_N)
@pytest.mark.parametrize("direction", DIRECTIONS)
@pytest.mark.parametrize("dtype", DTYPES, ids=lambda d: np.dtype(d).name)
def test_medium_sizes_all_norms(util, dtype, direction, n):
    inverse = direction == "ifft"
    x = util.vector(n, dtype)
    raw = util.cached_unnormalized_ld(n, np.dtype(dtype), inverse)
    for norm in util.NORMS:
        y = getattr(fftbackend, direction)(x, norm=norm)
        assert y.dtype == np.dtype(dtype) and y.shape == (n,)
        ref = raw * util.norm_factor(n, inverse, norm)
        util.assert_close(y, ref, what=f"{direction} n={n} norm={norm}")
    z = fftbackend.ifft(fftbackend.fft(x))
    util.assert_close(z, x, what=f"round trip n={n}")


@pytest.mark.parametrize("n", LARGE_N)
@pytest.mark.parametrize("dtype", DTYPES, ids=lambda d: np.dtype(d).name)
def test_large_sizes(util, dtype, n):
    """One random vector per (dtype, n): forward, inverse, round trip.

    The long-double reference is computed once per direction and rescaled for
    the other norms (they differ only by a scalar), keeping this cheap.
    """
    x = util.vector(n, dtype)
    x_before = x.copy()
    for inverse, func in ((False, fftbackend.fft), (True, fftbackend.ifft)):
        raw = util.cached_unnormalized_ld(n, np.dtype(dtype), inverse)
        for norm in util.NORMS:
            y = func(x, norm=norm)
            assert y.dtype == np.dtype(dtype) and y.shape == (n,)
            ref = raw * util.norm_factor(n, inverse, norm)
            util.assert_close(y, ref, what=f"{func.__name__} n={n} norm={norm}")
    assert np.array_equal(x, x_before)
    z = fftbackend.ifft(fftbackend.fft(x))
    util.assert_close(z, x, what=f"round trip n={n}")


@pytest.mark.parametrize("dtype", DTYPES, ids=lambda d: np.dtype(d).name)
def test_batched_rows_match_single_vectors(util, dtype):
    """A 2-D batch transformed along either axis has the same accuracy.

    (The batched code paths are different from the single-vector ones.)
    """
    for n in (1, 2, 3, 5, 8, 12, 17, 64, 97, 100, 256, 1000, 1009, 2018, 4099):
        x = util.random_complex((7, n), dtype, key=(n, 7))
        ref = util.ld_reference(x)  # along the last axis
        util.assert_close(fftbackend.fft(x, axis=-1), ref, what=f"rows n={n}")
        xt = np.ascontiguousarray(x.T)  # shape (n, 7), transform along axis 0
        util.assert_close(fftbackend.fft(xt, axis=0), ref.T, what=f"columns n={n}")
        refi = util.ld_reference(x, inverse=True, norm="ortho")
        util.assert_close(fftbackend.ifft(xt, axis=0, norm="ortho"), refi.T,
                          what=f"inverse columns n={n}")


@pytest.mark.parametrize("dtype, exponents", [
    (np.complex64, (-100, -60, 60, 100)),
    (np.complex128, (-900, -500, 500, 900)),
], ids=["complex64", "complex128"])
def test_accuracy_is_scale_invariant(util, dtype, exponents):
    """x * 2**k (exact scaling) keeps the bound for every norm, far from
    under/overflow: no intermediate (scaling, twiddles, Bluestein chirp) may
    overflow or lose precision at these magnitudes."""
    tol = util.tol(dtype)
    failures = []
    for n in (7, 64, 97, 1000, 1024, 2018, 4099, 65537):
        base = util.vector(n, np.complex128)
        for k in exponents:
            x = (np.ldexp(base.real, k) + 1j * np.ldexp(base.imag, k)).astype(dtype)
            for inverse, func in ((False, fftbackend.fft), (True, fftbackend.ifft)):
                raw = util.ld_reference(x, inverse=inverse, norm="forward" if inverse else "backward")
                for norm in (None, "ortho", "forward"):
                    err = util.rel_err(func(x, norm=norm), raw * util.norm_factor(n, inverse, norm))
                    if not err <= tol:
                        failures.append((n, k, func.__name__, norm, err))
    assert not failures, failures[:20]
