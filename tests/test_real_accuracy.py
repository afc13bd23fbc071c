"""Accuracy of the 1-D real transforms (rfft, irfft, hfft, ihfft) against long double.

Bound (from the issue): normwise relative error ||y - ref|| / ||ref||
  <= 2e-15 for float64 / complex128 results and <= 1e-6 for float32 / complex64,
for every n in 1..2048 and for 4099, 65536, 65537, 2**20, 1000003:

* rfft of a random real vector (all norms),
* the round trip irfft(rfft(x), n) ~ x,
* irfft of a random Hermitian half-spectrum (all norms),
* hfft / ihfft (all norms; dtype and shape also compared with SciPy's default).

References: SciPy's default backend on long-double input (it computes in long
double), and for small n additionally the direct O(n^2) long-double DFT.  The
reference is computed once per input (unnormalised) and scaled for each norm.
The "semantic" side of c2r (imaginary parts of X_0 / X_{n/2}, padding...) is in
test_real_semantics.py; here the half-spectra are exactly Hermitian.
"""

import numpy as np
import pytest

import fftbackend

REAL_DTYPES = [np.float64, np.float32]
COMPLEX_OF = {np.dtype(np.float64): np.dtype(np.complex128),
              np.dtype(np.float32): np.dtype(np.complex64)}
REAL_OF = {c: r for r, c in COMPLEX_OF.items()}
DTYPE_IDS = lambda d: np.dtype(d).name  # noqa: E731
NORMS = [None, "ortho", "forward"]
ALL_N = range(1, 2049)
DIRECT_ALL = 128                           # direct O(n^2) reference for every n up to this,
DIRECT_EXTRA = (255, 256, 257, 360, 509, 1000, 1024)   # and for these
SCIPY_ALL = 300                            # values also compared with SciPy's default up to this
LARGE_N = (4099, 65536, 65537, 2**20, 1000003)


def _fmt(failures, limit=25):
    head = ", ".join(f"n={f[0]}" + "".join(f" {v}" for v in f[1:-1]) + f": {f[-1]:.3e}"
                     for f in failures[:limit])
    more = f" ... (+{len(failures) - limit} more)" if len(failures) > limit else ""
    return f"{len(failures)} failures: {head}{more}"


def _check_result(y, dtype, shape, what):
    assert isinstance(y, np.ndarray), f"{what}: returned {type(y)}"
    assert y.dtype == np.dtype(dtype), f"{what}: dtype {y.dtype}, want {np.dtype(dtype)}"
    assert y.shape == shape, f"{what}: shape {y.shape}, want {shape}"


def _flip(v):
    """v[(-j) mod n] along the last axis."""
    n = v.shape[-1]
    return v[..., (-np.arange(n)) % n]


# -------------------------------------------------------------------- references
def test_real_reference_is_self_consistent(util):
    """SciPy's long-double r2c/c2r paths agree with the direct long-double DFT far
    below our bounds, and the identities used below to derive the hfft/ihfft
    references hold (ihfft = conj(rfft)/n, hfft(X) = irfft(X)[-j mod n] * n)."""
    worst = 0.0
    for n in list(range(1, 65)) + [97, 128, 255, 256, 509]:
        x = util.real_vector(n, np.float64)
        r = util.ld_raw("rfft", x)
        worst = max(worst, util.rel_err(r, util.direct_real_dft(x)))
        worst = max(worst, util.rel_err(util.ld_raw("ihfft", x), np.conj(r)))
        X = util.hermitian_half(n, np.complex128)
        ri = util.ld_raw("irfft", X, n)
        worst = max(worst, util.rel_err(ri, util.direct_irdft(X, n)))
        worst = max(worst, util.rel_err(util.ld_raw("hfft", X, n), _flip(ri)))
    assert worst < 1e-17, worst


# -------------------------------------------------------------- every n 1..2048
@pytest.mark.parametrize("dtype", REAL_DTYPES, ids=DTYPE_IDS)
def test_rfft_every_length(util, dtype):
    cdtype = COMPLEX_OF[np.dtype(dtype)]
    tol = util.tol(cdtype)
    failures, direct_failures = [], []
    for n in ALL_N:
        x = util.real_vector(n, dtype)
        x_before = x.copy()
        raw = util.ld_raw("rfft", x)
        for norm in NORMS:
            y = fftbackend.rfft(x, norm=norm)
            _check_result(y, cdtype, (n // 2 + 1,), f"rfft n={n} norm={norm}")
            err = util.rel_err(y, raw * util.norm_factor(n, False, norm))
            if not err <= tol:
                failures.append((n, norm, err))
        assert np.array_equal(x, x_before), f"n={n}: input modified"
        if n <= DIRECT_ALL or n in DIRECT_EXTRA:
            derr = util.rel_err(fftbackend.rfft(x), util.direct_real_dft(x))
            if not derr <= tol:
                direct_failures.append((n, derr))
    assert not failures, f"rfft vs long-double SciPy: {_fmt(failures)}"
    assert not direct_failures, f"rfft vs direct long-double DFT: {_fmt(direct_failures)}"


@pytest.mark.parametrize("norm", NORMS, ids=str)
@pytest.mark.parametrize("dtype", REAL_DTYPES, ids=DTYPE_IDS)
def test_round_trip_every_length(util, dtype, norm):
    tol = util.tol(dtype)
    failures = []
    for n in ALL_N:
        x = util.real_vector(n, dtype)
        X = fftbackend.rfft(x, norm=norm)
        z = fftbackend.irfft(X, n, norm=norm)
        _check_result(z, dtype, (n,), f"irfft(rfft(x), n={n}) norm={norm}")
        err = util.rel_err(z, x)
        if not err <= tol:
            failures.append((n, "n given", err))
        if n % 2 == 0:   # the default output length 2*(len(X)-1) is n again
            z = fftbackend.irfft(X, norm=norm)
            err = util.rel_err(z, x)
            if not err <= tol:
                failures.append((n, "n default", err))
    assert not failures, f"round trip irfft(rfft(x)): {_fmt(failures)}"


@pytest.mark.parametrize("cdtype", [np.complex128, np.complex64], ids=DTYPE_IDS)
def test_irfft_every_length(util, cdtype):
    rdtype = REAL_OF[np.dtype(cdtype)]
    tol = util.tol(rdtype)
    failures, direct_failures = [], []
    for n in ALL_N:
        X = util.hermitian_half(n, cdtype)
        X_before = X.copy()
        raw = util.ld_raw("irfft", X, n)
        for norm in NORMS:
            y = fftbackend.irfft(X, n, norm=norm)
            _check_result(y, rdtype, (n,), f"irfft n={n} norm={norm}")
            err = util.rel_err(y, raw * util.norm_factor(n, True, norm))
            if not err <= tol:
                failures.append((n, norm, err))
        assert np.array_equal(X, X_before), f"n={n}: input modified"
        if n <= DIRECT_ALL or n in DIRECT_EXTRA:
            derr = util.rel_err(fftbackend.irfft(X, n, norm="forward"), util.direct_irdft(X, n))
            if not derr <= tol:
                direct_failures.append((n, derr))
    assert not failures, f"irfft vs long-double SciPy: {_fmt(failures)}"
    assert not direct_failures, f"irfft vs direct long-double DFT: {_fmt(direct_failures)}"


@pytest.mark.parametrize("cdtype", [np.complex128, np.complex64], ids=DTYPE_IDS)
def test_hfft_every_length(util, cdtype):
    """hfft of a Hermitian half-spectrum (n = output length) vs long double, and
    dtype/shape (values too for n <= 300) vs SciPy's default."""
    rdtype = REAL_OF[np.dtype(cdtype)]
    tol = util.tol(rdtype)
    failures = []
    for n in ALL_N:
        X = util.hermitian_half(n, cdtype, key=(1,))
        raw = util.ld_raw("hfft", X, n)
        for norm in NORMS:
            y = fftbackend.hfft(X, n, norm=norm)
            _check_result(y, rdtype, (n,), f"hfft n={n} norm={norm}")
            err = util.rel_err(y, raw * util.norm_factor(n, False, norm))
            if not err <= tol:
                failures.append((n, norm, err))
        if n <= SCIPY_ALL:
            util.assert_matches_scipy("hfft", X, n, norm="ortho")
            if n % 2 == 0:
                util.assert_matches_scipy("hfft", X)   # default n = 2*(len(X)-1)
    assert not failures, f"hfft vs long-double SciPy: {_fmt(failures)}"


@pytest.mark.parametrize("dtype", REAL_DTYPES, ids=DTYPE_IDS)
def test_ihfft_every_length(util, dtype):
    cdtype = COMPLEX_OF[np.dtype(dtype)]
    tol = util.tol(cdtype)
    failures = []
    for n in ALL_N:
        x = util.real_vector(n, dtype)
        raw = util.ld_raw("ihfft", x)
        for norm in NORMS:
            y = fftbackend.ihfft(x, norm=norm)
            _check_result(y, cdtype, (n // 2 + 1,), f"ihfft n={n} norm={norm}")
            err = util.rel_err(y, raw * util.norm_factor(n, True, norm))
            if not err <= tol:
                failures.append((n, norm, err))
        if n <= SCIPY_ALL:
            util.assert_matches_scipy("ihfft", x, norm="forward")
        # hfft undoes ihfft (for any n, with n given)
        z = fftbackend.hfft(fftbackend.ihfft(x), n)
        err = util.rel_err(z, x)
        if not err <= tol:
            failures.append((n, "hfft(ihfft(x), n)", err))
    assert not failures, f"ihfft: {_fmt(failures)}"


# ------------------------------------------------------------------ large sizes
@pytest.mark.parametrize("n", LARGE_N)
@pytest.mark.parametrize("dtype", REAL_DTYPES, ids=DTYPE_IDS)
def test_large_sizes(util, dtype, n):
    """rfft, irfft (round trip and of a random half-spectrum), hfft and ihfft.

    Two long-double transforms per (dtype, n); the hfft/ihfft references follow
    from them exactly (identities checked in test_real_reference_is_self_consistent)."""
    cdtype = COMPLEX_OF[np.dtype(dtype)]
    x = util.real_vector(n, dtype)
    x_before = x.copy()
    raw = util.ld_raw("rfft", x)
    for norm in util.NORMS:
        y = fftbackend.rfft(x, norm=norm)
        _check_result(y, cdtype, (n // 2 + 1,), f"rfft n={n}")
        util.assert_close(y, raw * util.norm_factor(n, False, norm), what=f"rfft n={n} norm={norm}")
        y = fftbackend.ihfft(x, norm=norm)
        _check_result(y, cdtype, (n // 2 + 1,), f"ihfft n={n}")
        util.assert_close(y, np.conj(raw) * util.norm_factor(n, True, norm),
                          what=f"ihfft n={n} norm={norm}")
    for norm in (None, "ortho"):
        z = fftbackend.irfft(fftbackend.rfft(x, norm=norm), n, norm=norm)
        util.assert_close(z, x, what=f"irfft(rfft(x), n={n}) norm={norm}")
    assert np.array_equal(x, x_before)
    del raw

    X = util.hermitian_half(n, cdtype)
    X_before = X.copy()
    rawi = util.ld_raw("irfft", X, n)
    for norm in util.NORMS:
        y = fftbackend.irfft(X, n, norm=norm)
        _check_result(y, dtype, (n,), f"irfft n={n}")
        util.assert_close(y, rawi * util.norm_factor(n, True, norm),
                          what=f"irfft n={n} norm={norm}")
        y = fftbackend.hfft(X, n, norm=norm)
        _check_result(y, dtype, (n,), f"hfft n={n}")
        util.assert_close(y, _flip(rawi) * util.norm_factor(n, False, norm),
                          what=f"hfft n={n} norm={norm}")
    assert np.array_equal(X, X_before)


# ---------------------------------------------------------------- input dtypes
def test_float16_input_is_computed_in_single_precision(util):
    """float16 input: complex64 / float32 results like SciPy's, with the float32
    accuracy bound against the long-double transform of the float16 values."""
    for n in (1, 2, 7, 16, 33, 100, 1000, 1009, 4099):
        x = util.random_real(n, np.float16, key=(160, n))
        for name in ("rfft", "ihfft"):
            y = util.assert_matches_scipy(name, x)
            assert y.dtype == np.complex64
            util.assert_close(y, util.ld_real(name, x), what=f"{name} float16 n={n}")
        h = util.random_real(n // 2 + 1, np.float16, key=(161, n))   # a real half-spectrum
        for name in ("irfft", "hfft"):
            y = util.assert_matches_scipy(name, h, n)
            assert y.dtype == np.float32
            util.assert_close(y, util.ld_real(name, h, n), what=f"{name} float16 n={n}")
        # float32 real half-spectrum -> float32
        y = util.assert_matches_scipy("irfft", h.astype(np.float32), n)
        assert y.dtype == np.float32


INT_DTYPES = [np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32,
              np.uint64, np.bool_]


@pytest.mark.parametrize("dtype", INT_DTYPES, ids=DTYPE_IDS)
def test_integer_and_bool_input_is_computed_in_double(util, dtype):
    for n in (1, 2, 9, 64, 97, 1000, 4099):
        rng = util.rng(170, n)
        if dtype is np.bool_:
            x = rng.random(n) < 0.5
            h = rng.random(n // 2 + 1) < 0.5
        else:
            lo = 0 if np.issubdtype(dtype, np.unsignedinteger) else -100
            x = rng.integers(lo, 100, n).astype(dtype)
            h = rng.integers(lo, 100, n // 2 + 1).astype(dtype)
        for name in ("rfft", "ihfft"):
            y = util.assert_matches_scipy(name, x)
            assert y.dtype == np.complex128
            util.assert_close(y, util.ld_real(name, x), what=f"{name} {np.dtype(dtype)} n={n}")
        for name in ("irfft", "hfft"):
            y = util.assert_matches_scipy(name, h, n)
            assert y.dtype == np.float64
            util.assert_close(y, util.ld_real(name, h, n), what=f"{name} {np.dtype(dtype)} n={n}")


# ---------------------------------------------------------------------- batches
BATCH_N = (1, 2, 3, 4, 5, 6, 7, 8, 12, 15, 16, 17, 30, 64, 97, 100, 128, 256, 1000, 1009,
           1024, 2018, 4099)
BATCH_COUNTS = (1, 2, 3, 4, 5, 7, 8, 9, 16, 17)   # around the 2/4/8 SIMD lane widths


@pytest.mark.parametrize("dtype", REAL_DTYPES, ids=DTYPE_IDS)
def test_batched_rows_and_columns(util, dtype):
    """rfft / irfft / hfft / ihfft along axis -1 (rows) and axis 0 (columns) of
    2-D arrays: separate batched and vector code paths, same accuracy."""
    cdtype = COMPLEX_OF[np.dtype(dtype)]
    failures = []

    def check(what, n, b, y, ref, tol):
        err = util.rel_err(y, ref)
        if not err <= tol:
            failures.append((n, f"b={b}", what, err))

    for i, n in enumerate(BATCH_N):
        for b in (BATCH_COUNTS[i % len(BATCH_COUNTS)], 7):
            x = util.random_real((b, n), dtype, key=(180, b, n))
            xt = np.ascontiguousarray(x.T)
            raw = util.ld_raw("rfft", x)
            ctol, rtol = util.tol(cdtype), util.tol(dtype)
            check("rfft rows", n, b, fftbackend.rfft(x, axis=-1), raw, ctol)
            check("rfft cols", n, b, fftbackend.rfft(xt, axis=0), raw.T, ctol)
            check("rfft cols ortho", n, b, fftbackend.rfft(xt, axis=0, norm="ortho"),
                  raw.T * util.norm_factor(n, False, "ortho"), ctol)
            check("ihfft cols", n, b, fftbackend.ihfft(xt, axis=0),
                  np.conj(raw.T) * util.norm_factor(n, True, None), ctol)
            check("round trip cols", n, b,
                  fftbackend.irfft(fftbackend.rfft(xt, axis=0), n, axis=0), xt, rtol)

            X = np.stack([util.hermitian_half(n, cdtype, key=(181, b, r)) for r in range(b)])
            Xt = np.ascontiguousarray(X.T)
            rawi = util.ld_raw("irfft", X, n)
            check("irfft rows", n, b, fftbackend.irfft(X, n, axis=-1),
                  rawi * util.norm_factor(n, True, None), rtol)
            check("irfft cols", n, b, fftbackend.irfft(Xt, n, axis=0),
                  rawi.T * util.norm_factor(n, True, None), rtol)
            check("irfft cols forward", n, b, fftbackend.irfft(Xt, n, axis=0, norm="forward"),
                  rawi.T, rtol)
            check("hfft cols", n, b, fftbackend.hfft(Xt, n, axis=0), _flip(rawi).T, rtol)
            check("hfft rows ortho", n, b, fftbackend.hfft(X, n, norm="ortho"),
                  _flip(rawi) * util.norm_factor(n, False, "ortho"), rtol)
    assert not failures, _fmt(failures)


@pytest.mark.parametrize("dtype", REAL_DTYPES, ids=DTYPE_IDS)
def test_batched_large_lengths(util, dtype):
    """Large transforms in small batches, along either axis (the large-size
    algorithms have their own batched paths), also with two workers."""
    cdtype = COMPLEX_OF[np.dtype(dtype)]
    for n in (65536, 65537, 131072, 3 * 2**15):
        x = util.random_real((3, n), dtype, key=(185, n))
        xt = np.ascontiguousarray(x.T)
        raw = util.ld_raw("rfft", x)
        for workers in (1, 2):
            util.assert_close(fftbackend.rfft(x, workers=workers), raw,
                              what=f"rfft rows n={n} workers={workers}")
            y = fftbackend.rfft(xt, axis=0, workers=workers)
            assert y.dtype == cdtype
            util.assert_close(y, raw.T, what=f"rfft cols n={n} workers={workers}")
            z = fftbackend.irfft(y, n, axis=0, workers=workers)
            assert z.dtype == np.dtype(dtype) and z.shape == xt.shape
            util.assert_close(z, xt, what=f"irfft(rfft) cols n={n} workers={workers}")
        X = np.stack([util.hermitian_half(n, cdtype, key=(186, r)) for r in range(3)])
        rawi = util.ld_raw("irfft", X, n) * util.norm_factor(n, True, None)
        util.assert_close(fftbackend.irfft(X, n), rawi, what=f"irfft rows n={n}")
        util.assert_close(fftbackend.irfft(np.ascontiguousarray(X.T), n, axis=0), rawi.T,
                          what=f"irfft cols n={n}")


@pytest.mark.parametrize("dtype", REAL_DTYPES, ids=DTYPE_IDS)
def test_middle_axis_of_3d(util, dtype):
    cdtype = COMPLEX_OF[np.dtype(dtype)]
    for n in (1, 2, 5, 8, 30, 97, 256, 1009):
        x = util.random_real((3, n, 5), dtype, key=(190, n))
        ref = np.moveaxis(util.ld_raw("rfft", np.moveaxis(x, 1, -1)), -1, 1)
        y = fftbackend.rfft(x, axis=1)
        _check_result(y, cdtype, (3, n // 2 + 1, 5), f"rfft axis=1 n={n}")
        util.assert_close(y, ref, what=f"rfft axis=1 n={n}")
        z = fftbackend.irfft(y, n, axis=-2)
        _check_result(z, dtype, x.shape, f"irfft axis=-2 n={n}")
        util.assert_close(z, x, what=f"irfft(rfft) axis=1 n={n}")


# -------------------------------------------------------------------- scaling
@pytest.mark.parametrize("dtype, exponents", [
    (np.float32, (-100, -60, 60, 100)),
    (np.float64, (-900, -500, 500, 900)),
], ids=["float32", "float64"])
def test_accuracy_is_scale_invariant(util, dtype, exponents):
    """x * 2**k (exact) keeps the bound for every norm far from under/overflow."""
    cdtype = COMPLEX_OF[np.dtype(dtype)]
    failures = []
    for n in (7, 64, 97, 1000, 1024, 2018, 4099, 65537):
        base = util.real_vector(n, np.float64)
        hbase = util.hermitian_half(n, np.complex128, key=(200,))
        for k in exponents:
            x = np.ldexp(base, k).astype(dtype)
            X = (np.ldexp(hbase.real, k) + 1j * np.ldexp(hbase.imag, k)).astype(cdtype)
            raw = util.ld_raw("rfft", x)
            rawi = util.ld_raw("irfft", X, n)
            for norm in NORMS:
                err = util.rel_err(fftbackend.rfft(x, norm=norm),
                                   raw * util.norm_factor(n, False, norm))
                if not err <= util.tol(cdtype):
                    failures.append((n, k, "rfft", norm, err))
                err = util.rel_err(fftbackend.irfft(X, n, norm=norm),
                                   rawi * util.norm_factor(n, True, norm))
                if not err <= util.tol(dtype):
                    failures.append((n, k, "irfft", norm, err))
    assert not failures, _fmt(failures)
