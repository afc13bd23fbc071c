"""fft / ifft / fftn (and friends) of REAL input, which take the real kernel.

* every n in 1..300 and a few large n: dtype equal to SciPy's default
  (float32/float16 -> complex64, float64/int -> complex128), values within the
  normwise bound against long double (and against SciPy's default);
* the 1-D result is exactly Hermitian (y[k] == conj(y[-k]), real y[0] and, for
  even n, real y[n/2]), bit for bit, as SciPy's is;
* batched real input along axis 0 and -1, with n padding/truncating;
* fftn / ifftn / fft2 / ifft2 of real 3-D input over every subset and order of
  axes, with ``s``, vs SciPy's default.

The long-double reference of the full spectrum of a real x is built from the
long-double rfft: Y_k = R_k for k <= n/2, Y_k = conj(R_{n-k}) above (exact), and
ifft(x) = conj(fft(x)) / n.
"""

import itertools

import numpy as np
import pytest

import fftbackend

REAL_DTYPES = [np.float64, np.float32]
COMPLEX_OF = {np.dtype(np.float64): np.dtype(np.complex128),
              np.dtype(np.float32): np.dtype(np.complex64)}
DTYPE_IDS = lambda d: np.dtype(d).name  # noqa: E731
NORMS = (None, "ortho", "forward")
LARGE_N = (4099, 65536, 65537, 2**20)


def _full_from_half(R, n):
    """Full spectrum (last axis, length n) from the half spectrum R of a real sequence."""
    m = n // 2 + 1
    assert R.shape[-1] == m
    return np.concatenate([R, np.conj(R[..., 1:n - m + 1][..., ::-1])], axis=-1)


def _ld_fft_of_real(util, x, inverse):
    """Unnormalised long-double fft (or ifft) of real x along the last axis."""
    n = x.shape[-1]
    full = _full_from_half(util.ld_raw("rfft", x), n)
    return np.conj(full) if inverse else full


def _fmt(failures, limit=25):
    head = ", ".join(" ".join(str(v) for v in f[:-1]) + f": {f[-1]:.3e}" for f in failures[:limit])
    return f"{len(failures)} failures: {head}" + (" ..." if len(failures) > limit else "")


def test_full_spectrum_reference(util):
    """The rfft-derived reference equals SciPy's long-double complex fft/ifft."""
    worst = 0.0
    for n in list(range(1, 40)) + [97, 256, 1009]:
        x = util.real_vector(n, np.float64)
        worst = max(worst, util.rel_err(_ld_fft_of_real(util, x, False),
                                        util.ld_reference(x.astype(complex))))
        worst = max(worst, util.rel_err(_ld_fft_of_real(util, x, True),
                                        util.ld_reference(x.astype(complex), inverse=True,
                                                          norm="forward")))
    assert worst < 1e-17, worst


@pytest.mark.parametrize("dtype", REAL_DTYPES, ids=DTYPE_IDS)
def test_every_length_1_to_300(util, dtype):
    cdtype = COMPLEX_OF[np.dtype(dtype)]
    tol = util.tol(cdtype)
    failures = []
    for n in range(1, 301):
        x = util.real_vector(n, dtype)
        for name, inverse in (("fft", False), ("ifft", True)):
            raw = _ld_fft_of_real(util, x, inverse)
            for norm in NORMS:
                y = getattr(fftbackend, name)(x, norm=norm)
                assert y.dtype == cdtype and y.shape == (n,), (name, n, y.dtype, y.shape)
                err = util.rel_err(y, raw * util.norm_factor(n, inverse, norm))
                if not err <= tol:
                    failures.append((name, n, norm, err))
            util.assert_matches_scipy(name, x)                       # dtype, values
            util.assert_matches_scipy(name, x, via="backend", norm="ortho")
    assert not failures, _fmt(failures)


@pytest.mark.parametrize("n", LARGE_N)
@pytest.mark.parametrize("dtype", REAL_DTYPES, ids=DTYPE_IDS)
def test_large_sizes(util, dtype, n):
    cdtype = COMPLEX_OF[np.dtype(dtype)]
    x = util.real_vector(n, dtype)
    raw = _ld_fft_of_real(util, x, False)
    for norm in NORMS:
        y = fftbackend.fft(x, norm=norm)
        assert y.dtype == cdtype and y.shape == (n,)
        util.assert_close(y, raw * util.norm_factor(n, False, norm), what=f"fft n={n} norm={norm}")
        y = fftbackend.ifft(x, norm=norm)
        assert y.dtype == cdtype and y.shape == (n,)
        util.assert_close(y, np.conj(raw) * util.norm_factor(n, True, norm),
                          what=f"ifft n={n} norm={norm}")


@pytest.mark.parametrize("dtype", REAL_DTYPES, ids=DTYPE_IDS)
def test_1d_result_is_exactly_hermitian_like_scipy(util, dtype):
    """SciPy's fft/ifft of real input is exactly Hermitian: it is computed as a
    half spectrum and completed by conjugation.  Same for ours, bit for bit."""
    bad = []

    def check(y, what, axis=-1):
        y = np.moveaxis(y, axis, -1)
        n = y.shape[-1]
        mirror = np.conj(y[..., (-np.arange(n)) % n])
        if not np.array_equal(y, mirror):
            bad.append(what)

    for n in list(range(1, 301)) + [1009, 4096, 4099, 65536, 65537]:
        x = util.real_vector(n, dtype)
        for name in ("fft", "ifft"):
            ref = util.scipy_default(name, x, norm="ortho")
            assert np.array_equal(ref, np.conj(ref[(-np.arange(n)) % n])), "precondition"
            check(getattr(fftbackend, name)(x), f"{name} n={n}")
            check(getattr(fftbackend, name)(x, norm="ortho"), f"{name} n={n} ortho")
        check(fftbackend.fft(x, n=n + 3), f"fft n={n}+3 padded")
    for n in (5, 8, 97, 1009):
        x = util.random_real((4, n), dtype, key=(500, n))
        check(fftbackend.fft(x), f"fft rows n={n}")
        check(fftbackend.fft(np.ascontiguousarray(x.T), axis=0), f"fft cols n={n}", axis=0)
    assert not bad, f"{len(bad)} results not exactly Hermitian: {bad[:20]}"


@pytest.mark.parametrize("dtype", REAL_DTYPES, ids=DTYPE_IDS)
def test_batched_real_input(util, dtype):
    cdtype = COMPLEX_OF[np.dtype(dtype)]
    tol = util.tol(cdtype)
    failures = []
    for n in (1, 2, 3, 4, 5, 8, 12, 17, 64, 97, 100, 256, 1000, 1009, 2018, 4099):
        for b in (1, 3, 4, 7, 8, 9):
            x = util.random_real((b, n), dtype, key=(501, b, n))
            raw = _ld_fft_of_real(util, x, False)
            for what, y, ref in (
                ("fft rows", fftbackend.fft(x), raw),
                ("fft cols", fftbackend.fft(np.ascontiguousarray(x.T), axis=0), raw.T),
                ("fft cols fortran", fftbackend.fft(np.asfortranarray(x.T), axis=0), raw.T),
                ("ifft cols ortho", fftbackend.ifft(np.ascontiguousarray(x.T), axis=0,
                                                    norm="ortho"),
                 np.conj(raw.T) * util.norm_factor(n, True, "ortho")),
            ):
                assert y.dtype == cdtype and y.shape == ref.shape, (what, n, b)
                err = util.rel_err(y, ref)
                if not err <= tol:
                    failures.append((what, n, b, err))
        x = util.random_real((5, n), dtype, key=(502, n))
        for m in (n + 1, 2 * n + 3, max(1, n - 1), max(1, n // 2)):
            util.assert_matches_scipy("fft", x, n=m)
            util.assert_matches_scipy("ifft", np.ascontiguousarray(x.T), n=m, axis=0)
    assert not failures, _fmt(failures)


AXES_3D = [None] + [
    p for r in (1, 2, 3) for c in itertools.combinations(range(3), r)
    for p in itertools.permutations(c)
]


@pytest.mark.parametrize("via", ["direct", "backend"])
@pytest.mark.parametrize("func", ["fftn", "ifftn"])
@pytest.mark.parametrize("axes", AXES_3D, ids=str)
def test_fftn_of_real_every_axes_subset_and_order(util, axes, func, via):
    for dtype in (np.float64, np.float32, np.float16, np.int32):
        for shape in ((6, 5, 8), (6, 5, 7)):
            x = util.random_real(shape, np.float64, key=(503, *shape))
            x = (np.round(50 * x) if dtype is np.int32 else x).astype(dtype)
            for norm in NORMS:
                util.assert_matches_scipy(func, x, axes=axes, norm=norm, via=via)
            if axes is not None:
                s = tuple(shape[a] + (3 if i % 2 else -2) for i, a in enumerate(axes))
                util.assert_matches_scipy(func, x, s=s, axes=axes, via=via)


@pytest.mark.parametrize("func", ["fft2", "ifft2"])
def test_fft2_of_real(util, func):
    for dtype in (np.float64, np.float32):
        x = util.random_real((6, 5, 7), dtype, key=(504,))
        for axes in itertools.permutations(range(3), 2):
            util.assert_matches_scipy(func, x, axes=axes)
            util.assert_matches_scipy(func, x, axes=axes, s=(4, 9), norm="ortho")
        util.assert_matches_scipy(func, x)
        big = util.random_real((256, 1009), dtype, key=(505,))
        util.assert_matches_scipy(func, big)


@pytest.mark.parametrize("dtype", REAL_DTYPES, ids=DTYPE_IDS)
def test_fftn_of_real_against_long_double(util, dtype):
    cdtype = COMPLEX_OF[np.dtype(dtype)]
    for shape, axes in (((64, 1009), None), ((1009, 64), (0,)), ((30, 40, 51), (2, 0)),
                        ((97, 128, 5), None)):
        x = util.random_real(shape, dtype, key=(506, *shape))
        xl = x.astype(np.clongdouble)
        for func in ("fftn", "ifftn"):
            y = getattr(fftbackend, func)(x, axes=axes)
            ref = util.scipy_default(func, xl, axes=axes)
            assert y.dtype == cdtype and y.shape == ref.shape
            util.assert_close(y, ref, what=f"{func} {shape} axes={axes}")
