"""Semantics of the real transforms identical to SciPy's default backend.

rfft, irfft, hfft, ihfft, rfft2, irfft2, hfft2, ihfft2, rfftn, irfftn, hfftn, ihfftn:

* bad arguments raise SciPy's exception type with SciPy's message (complex input
  to the r2c functions, ``axes=()``, bad n / axis / norm / s / axes / workers,
  ``plan=object()``...), in SciPy's order of checks;
* SciPy's quirks on valid arguments (irfft ``n=0``, a length-1 last axis...);
* c2r (irfft, hfft and their n-D forms) ignores the imaginary parts of X_0 and,
  for even n, X_{n/2} exactly as SciPy does (compared on spectra with large
  imaginary parts there, and on arbitrary non-Hermitian n-D input);
* output dtypes, signatures, layouts (strided, Fortran, negative strides,
  big-endian, unaligned, zero-stride), list input, zero-size batches;
* inputs are never modified (also with ``overwrite_x=True`` on read-only data),
  results never alias the input;
* dispatch through ``scipy.fft.set_backend`` (``only=True`` proves we computed),
  long double falls through to SciPy;
* ``workers`` and concurrent calls give bitwise identical results.
"""

import inspect
import os
import threading

import numpy as np
import pytest
import scipy.fft

import fftbackend

FUNCS = ["rfft", "irfft", "hfft", "ihfft", "rfft2", "irfft2", "hfft2", "ihfft2",
         "rfftn", "irfftn", "hfftn", "ihfftn"]
R2C = ["rfft", "ihfft", "rfft2", "ihfft2", "rfftn", "ihfftn"]
C2R = ["irfft", "hfft", "irfft2", "hfft2", "irfftn", "hfftn"]
ONE_D = ["rfft", "irfft", "hfft", "ihfft"]
DTYPE_IDS = lambda d: np.dtype(d).name  # noqa: E731

_r1 = np.arange(8.0) * 0.5 - 1
_r2 = np.arange(12.0).reshape(3, 4) - 5
_r3 = np.arange(24.0).reshape(2, 3, 4) * 0.25
_c1 = np.arange(8) * (1 - 0.5j)
_c2 = np.arange(15).reshape(3, 5) * (0.5 + 1j)
_c3 = np.arange(24).reshape(2, 3, 4) * (1 + 1j)
_ncpu = os.cpu_count() or 1


def _first_arg(name):
    """A valid-shaped input for ``name``: real for r2c, complex for c2r."""
    if name in R2C:
        return _r3 if name.endswith("n") or name.endswith("2") else _r1
    return _c3 if name.endswith("n") or name.endswith("2") else _c1


# (id, function, x, kwargs): SciPy raises for every one of these.
BAD_CALLS = [
    # complex input to the r2c transforms
    *[(f"{name} complex", name, _c3 if name[-1] in "2n" else _c1, {}) for name in R2C],
    ("rfft complex64", "rfft", _c1.astype(np.complex64), {}),
    ("ihfft complex list", "ihfft", [1 + 1j, 2.0, 3.0], {}),
    ("rfftn complex 2d", "rfftn", _c2, {"axes": (0,)}),
    ("rfft complex n=0", "rfft", _c1, {"n": 0}),               # TypeError wins over n
    ("rfft complex bad norm", "rfft", _c1, {"norm": "bad"}),   # ...but not over norm
    ("rfftn complex bad axes", "rfftn", _c3, {"axes": (5,)}),
    ("rfftn complex axes=()", "rfftn", _c3, {"axes": ()}),
    ("ihfft2 complex s", "ihfft2", _c2, {"s": (2, 2)}),
    ("rfft complex object array", "rfft", np.array([1 + 1j, 2], dtype=object), {}),
    # axes=()
    *[(f"{name} axes=()", name, _first_arg(name), {"axes": ()})
      for name in ("rfftn", "irfftn", "hfftn", "ihfftn", "rfft2", "irfft2", "hfft2", "ihfft2")],
    ("rfftn axes=() bad norm", "rfftn", _r3, {"axes": (), "norm": "bad"}),
    ("irfftn axes=() bad norm", "irfftn", _c3, {"axes": (), "norm": "bad"}),
    ("irfftn axes=() s=()", "irfftn", _c3, {"axes": (), "s": ()}),
    # n
    ("irfft n=-1", "irfft", _c1, {"n": -1}),
    ("irfft n=-2", "irfft", _c1, {"n": -2}),
    ("irfft n=-5", "irfft", _c1, {"n": -5}),
    ("hfft n=-1", "hfft", _c1, {"n": -1}),
    ("hfft n=-3 axis 0", "hfft", _c2, {"n": -3, "axis": 0}),
    ("rfft n=0", "rfft", _r1, {"n": 0}),
    ("rfft n=-1", "rfft", _r1, {"n": -1}),
    ("ihfft n=0", "ihfft", _r1, {"n": 0}),
    ("irfft length-1 input", "irfft", np.ones(1, complex), {}),
    ("hfft length-1 input", "hfft", np.ones(1, complex), {}),
    ("irfft length-1 axis 0", "irfft", np.ones((1, 5), complex), {"axis": 0}),
    ("irfft empty", "irfft", np.zeros(0, complex), {}),
    ("irfft empty 2d", "irfft", np.zeros((3, 0), complex), {}),
    ("rfft empty", "rfft", np.zeros(0), {}),
    ("rfft empty 2d", "rfft", np.zeros((3, 0)), {}),
    ("ihfft empty", "ihfft", np.zeros(0), {}),
    ("rfft n float", "rfft", _r1, {"n": 4.0}),
    ("irfft n float", "irfft", _c1, {"n": 4.0}),
    ("irfft n huge", "irfft", _c1, {"n": 2**62}),
    ("rfft n huge", "rfft", _r1, {"n": 2**62}),
    # axis
    ("rfft axis=1 on 1d", "rfft", _r1, {"axis": 1}),
    ("rfft axis=-2 on 1d", "rfft", _r1, {"axis": -2}),
    ("irfft axis=1 on 1d", "irfft", _c1, {"axis": 1}),
    ("irfft axis=1 n=4 on 1d", "irfft", _c1, {"axis": 1, "n": 4}),
    ("hfft axis=2 on 2d", "hfft", _c2, {"axis": 2}),
    ("ihfft axis=-3 on 2d", "ihfft", _r2, {"axis": -3}),
    ("rfft axis float", "rfft", _r1, {"axis": 0.0}),
    ("irfft axis float", "irfft", _c1, {"axis": 0.0}),
    ("rfft 0-d", "rfft", np.float64(3), {}),
    ("irfft 0-d", "irfft", np.complex128(3), {}),
    ("irfft 0-d n=4", "irfft", np.complex128(3), {"n": 4}),
    # axes
    ("rfftn axes beyond ndim", "rfftn", _r3, {"axes": (3,)}),
    ("irfftn axes below -ndim", "irfftn", _c3, {"axes": (-4, 0)}),
    ("hfftn axes beyond", "hfftn", _c3, {"axes": (0, 5)}),
    ("rfftn repeated axes", "rfftn", _r3, {"axes": (0, 0)}),
    ("irfftn repeated axes neg", "irfftn", _c3, {"axes": (1, -2)}),
    ("rfft2 repeated axes", "rfft2", _r3, {"axes": (1, 1)}),
    ("hfftn repeated axes", "hfftn", _c3, {"axes": (2, 2)}),
    ("ihfft2 repeated axes", "ihfft2", _r3, {"axes": (-1, 2)}),
    ("rfftn axes non-integer", "rfftn", _r3, {"axes": (0.0,)}),
    ("irfftn axes non-integer", "irfftn", _c3, {"axes": (0.0,)}),
    ("rfftn axes nested", "rfftn", _r3, {"axes": [[0]]}),
    *[(f"{name} on 1d", name, _first_arg(name[:-1]), {})
      for name in ("rfft2", "irfft2", "hfft2", "ihfft2")],
    # s
    ("rfftn s/axes mismatch", "rfftn", _r3, {"s": (2, 3), "axes": (0,)}),
    ("irfftn s/axes mismatch", "irfftn", _c3, {"s": (2,), "axes": (0, 1)}),
    ("rfft2 s/axes mismatch", "rfft2", _r3, {"s": (2,)}),
    ("irfft2 s/axes mismatch", "irfft2", _c3, {"s": (2, 3, 4)}),
    ("hfft2 s/axes mismatch", "hfft2", _c3, {"s": (2,), "axes": (0, 1)}),
    ("ihfftn s longer than ndim", "ihfftn", _r3, {"s": (2, 3, 4, 5)}),
    ("irfftn s longer than ndim", "irfftn", _c3, {"s": (2, 3, 4, 5)}),
    ("rfftn s has 0", "rfftn", _r3, {"s": (0, 3), "axes": (0, 1)}),
    ("irfftn s has 0 last", "irfftn", _c3, {"s": (3, 0), "axes": (0, 1)}),
    ("irfftn s has -2", "irfftn", _c3, {"s": (3, -2), "axes": (0, 1)}),
    ("hfftn s has 0", "hfftn", _c3, {"s": (0, 2)}),
    ("rfftn s non-integer", "rfftn", _r3, {"s": (2.5, 3), "axes": (0, 1)}),
    ("irfftn s non-integer", "irfftn", _c3, {"s": (2.5, 3), "axes": (0, 1)}),
    ("rfftn s nested", "rfftn", _r3, {"s": [[2]]}),
    ("irfftn zero-length transformed axis", "irfftn", np.ones((3, 0, 4), complex), {}),
    ("rfftn zero-length transformed axis", "rfftn", np.ones((3, 0, 4)), {"axes": (1, 2)}),
    ("ihfftn zero-length last axis", "ihfftn", np.ones((3, 4, 0)), {}),
    # norm
    ("rfft norm bad", "rfft", _r1, {"norm": "bad"}),
    ("irfft norm ORTHO", "irfft", _c1, {"norm": "ORTHO"}),
    ("hfft norm empty", "hfft", _c1, {"norm": ""}),
    ("ihfft norm int", "ihfft", _r1, {"norm": 1}),
    ("rfftn norm bytes", "rfftn", _r3, {"norm": b"ortho"}),
    ("irfftn norm list", "irfftn", _c3, {"norm": ["ortho"]}),
    ("rfft2 norm backwards", "rfft2", _r2, {"norm": "backwards"}),
    ("hfftn norm bad", "hfftn", _c3, {"norm": "bad"}),
    ("ihfft2 norm bad", "ihfft2", _r2, {"norm": "Forward"}),
    ("irfft2 norm bad", "irfft2", _c2, {"norm": "x"}),
    # workers
    ("rfft workers=0", "rfft", _r1, {"workers": 0}),
    ("irfft workers=0", "irfft", _c1, {"workers": 0}),
    ("rfftn workers too negative", "rfftn", _r3, {"workers": -_ncpu - 1}),
    ("hfft workers -1000", "hfft", _c1, {"workers": -1000}),
    ("irfftn workers string", "irfftn", _c3, {"workers": "2"}),
    # data
    ("rfft string data", "rfft", np.array(["a", "b"]), {}),
    ("irfft string data", "irfft", np.array(["a", "b"]), {}),
    ("rfft ragged list", "rfft", [[1, 2], [3]], {}),
    ("irfft complex object array", "irfft", np.array([1 + 1j, 2, 3], dtype=object), {}),
    # plan
    *[(f"{name} plan", name, _first_arg(name), {"plan": object()}) for name in FUNCS],
    ("rfft complex with plan", "rfft", _c1, {"plan": object()}),   # plan checked first
]


def _bad_ids():
    ids = [c[0] for c in BAD_CALLS]
    assert len(set(ids)) == len(ids), "duplicate ids"
    return ids


@pytest.mark.parametrize("via", ["direct", "backend"])
@pytest.mark.parametrize("name, x, kwargs", [c[1:] for c in BAD_CALLS], ids=_bad_ids())
def test_bad_arguments_raise_like_scipy(util, name, x, kwargs, via):
    expected = util.exception_of(util.scipy_default, name, x, **kwargs)
    assert expected is not None, "test precondition: SciPy rejects this call"
    if via == "direct":
        got = util.exception_of(getattr(fftbackend, name), x, **kwargs)
    else:
        # only=False: what a user sees; we must not raise something else before
        # SciPy gets a look (and must raise SciPy's error if we handle it).
        with util.our_backend():
            got = util.exception_of(getattr(scipy.fft, name), x, **kwargs)
    assert got is not None, f"{name}({kwargs}) did not raise; SciPy raises {expected!r}"
    assert type(got) is type(expected), (
        f"type {type(got).__name__}({got}) != {type(expected).__name__}({expected})")
    assert str(got) == str(expected)


# Valid but unusual calls: SciPy returns a result, ours must be the same.
QUIRK_CALLS = [
    ("irfft n=0", "irfft", _c1 + 2, {"n": 0}),                  # SciPy: one point, X_0.real
    ("irfft n=0 ortho", "irfft", _c1 - 3, {"n": 0, "norm": "ortho"}),
    ("irfft n=0 forward 2d", "irfft", _c2 + 1, {"n": 0, "axis": 0, "norm": "forward"}),
    ("hfft n=0", "hfft", _c1 + 1.5, {"n": 0}),
    ("irfft n=0 empty", "irfft", np.zeros(0, complex), {"n": 0}),
    ("irfft n=1", "irfft", _c1 + 1, {"n": 1}),
    ("irfft n=2", "irfft", _c1 + 1, {"n": 2}),
    ("hfft n=1", "hfft", _c1 + 1, {"n": 1}),
    ("irfft n=True", "irfft", _c1, {"n": True}),
    ("rfft n=True", "rfft", _r1, {"n": True}),
    ("irfft n int8", "irfft", _c1, {"n": np.int8(6)}),
    ("rfft n uint8 axis int32", "rfft", _r2, {"n": np.uint8(7), "axis": np.int32(0)}),
    ("irfft n pads input", "irfft", _c1, {"n": 30}),
    ("irfft n truncates input", "irfft", _c1, {"n": 5}),
    ("irfft n truncates even", "irfft", _c1, {"n": 6}),
    ("hfft n pads", "hfft", _c1, {"n": 21}),
    ("hfft n truncates", "hfft", _c1, {"n": 4}),
    ("rfft n pads", "rfft", _r1, {"n": 13}),
    ("rfft n truncates", "rfft", _r1, {"n": 3}),
    ("ihfft n pads", "ihfft", _r1, {"n": 20}),
    ("irfft pads empty axis", "irfft", np.zeros((3, 0), complex), {"n": 4}),
    ("rfft pads empty axis", "rfft", np.zeros((3, 0)), {"n": 4}),
    ("irfftn pads empty", "irfftn", np.zeros((0,), complex), {"s": (3,)}),
    ("irfftn length-1 last axis", "irfftn", np.ones((3, 1), complex) * (2 - 1j), {}),
    ("irfftn length-1 last axis, axes", "irfftn", np.ones((3, 1), complex), {"axes": (0,)}),
    ("irfft2 length-1 last axis", "irfft2", np.arange(3.0).reshape(3, 1) + 1j, {}),
    ("hfftn length-1 last axis", "hfftn", np.ones((3, 4, 1), complex), {}),
    ("irfftn s (2,-1)", "irfftn", _c2, {"s": (2, -1)}),
    ("irfftn s last 1", "irfftn", _c3, {"s": (3, 1), "axes": (0, 1)}),
    ("irfftn empty other axis", "irfftn", np.ones((3, 0, 4), complex), {"axes": (0, 2)}),
    ("irfftn empty last other", "irfftn", np.ones((3, 4, 0), complex), {"axes": (0, 1)}),
    ("rfftn s only", "rfftn", _r3, {"s": (3, 5)}),
    ("rfftn real object array", "rfftn", np.array([[1, 2, 3]], dtype=object), {}),
    ("irfft real input", "irfft", _r1, {}),
    ("hfft real input", "hfft", _r1, {"n": 9}),
    ("irfftn real input", "irfftn", _r3, {}),
    ("hfft2 real input", "hfft2", _r2, {"s": (3, 5)}),
    ("irfft bool input", "irfft", np.array([True, False, True]), {}),
    ("rfft bool input", "rfft", np.array([True, False, True, True]), {}),
    ("irfftn int input", "irfftn", np.arange(12).reshape(3, 4), {"s": (3, 5)}),
    ("rfft workers=-1", "rfft", _r2, {"workers": -1}),
    ("irfftn workers=2", "irfftn", _c3, {"workers": 2}),
    ("rfft norm backward", "rfft", _r1, {"norm": "backward"}),
    ("irfft overwrite_x", "irfft", _c1, {"overwrite_x": True}),
    ("rfft overwrite_x 1", "rfft", _r1, {"overwrite_x": 1}),
]


@pytest.mark.parametrize("via", ["direct", "backend"])
@pytest.mark.parametrize("name, x, kwargs", [c[1:] for c in QUIRK_CALLS],
                         ids=[c[0] for c in QUIRK_CALLS])
def test_unusual_valid_calls_like_scipy(util, name, x, kwargs, via):
    assert util.exception_of(util.scipy_default, name, x, **kwargs) is None, \
        "test precondition: SciPy accepts this call"
    x = x.copy() if isinstance(x, np.ndarray) else x   # overwrite_x=True may clobber it
    util.assert_matches_scipy(name, x, via=via, **kwargs)


def test_irfft_n0_is_one_point_of_x0_real(util):
    """SciPy's irfft(X, n=0) returns [X_0.real] (a pocketfft quirk): pin it down
    independently of the comparison above, so it cannot drift unnoticed."""
    for X in (_c1 + 2, np.array([5 + 1j, 2, 3]), np.array([-1.5 - 7j])):
        ref = util.scipy_default("irfft", X, n=0)
        assert ref.shape == (1,) and ref[0] == X[0].real, "test precondition"
        got = fftbackend.irfft(X, n=0)
        assert got.shape == (1,) and got.dtype == np.float64 and got[0] == X[0].real, got


# ------------------------------------------------------- c2r imaginary parts
def _spectrum_with_imag_at_ends(util, m, dtype, key):
    """Random half-spectrum of length m with large imaginary parts at the first
    and last bins (which c2r ignores, or not, depending on n)."""
    X = util.random_complex(m, dtype, key=(400, m, *key))
    X[0] = X[0].real + 10j
    X[-1] = X[-1].real - 10j
    return X


def _zero_imag(X, idx):
    Y = X.copy()
    for i in idx:
        Y[..., i] = Y[..., i].real
    return Y


C2R_LENGTHS = list(range(1, 41)) + [64, 100, 101, 1000, 1001, 1009, 1024, 4096, 4099,
                                    65536, 65537]


@pytest.mark.parametrize("dtype", [np.complex128, np.complex64], ids=DTYPE_IDS)
@pytest.mark.parametrize("name", ["irfft", "hfft"])
def test_c2r_ignores_imag_of_dc_and_nyquist_like_scipy(util, name, dtype):
    """irfft(X, n) / hfft(X, n) with Im X_0 != 0 and Im X_{n/2} != 0: SciPy drops
    both (for odd n the last bin is not a Nyquist bin and its imaginary part
    counts).  Compared with SciPy on that spectrum, and with SciPy on the same
    spectrum with those imaginary parts zeroed."""
    for n in C2R_LENGTHS:
        m = n // 2 + 1
        X = _spectrum_with_imag_at_ends(util, m, dtype, key=(1,))
        util.assert_matches_scipy(name, X, n)
        clean = _zero_imag(X, [0, -1] if n % 2 == 0 else [0])
        util.assert_close(getattr(fftbackend, name)(X, n),
                          util.scipy_default(name, clean, n),
                          what=f"{name}(X, n={n}) vs X with Im X_0, Im X_n/2 dropped")
        # longer input: truncated to n//2+1 first, so the Nyquist bin is X[n//2]
        Xl = _spectrum_with_imag_at_ends(util, m + 3, dtype, key=(2,))
        Xl[m - 1] = Xl[m - 1].real + 7j
        util.assert_matches_scipy(name, Xl, n, norm="ortho")
        # shorter input (zero-padded) and the default n = 2*(len(X)-1)
        if m > 2:
            util.assert_matches_scipy(name, X[: m - 1], n)
        if len(X) > 1:
            util.assert_matches_scipy(name, X, norm="forward")


@pytest.mark.parametrize("dtype", [np.complex128, np.complex64], ids=DTYPE_IDS)
def test_c2r_batched_ignores_imag_like_scipy(util, dtype):
    for n in (1, 2, 3, 4, 7, 8, 16, 17, 100, 1009, 2018, 4099):
        m = n // 2 + 1
        for b in (1, 3, 4, 9):
            X = util.random_complex((b, m), dtype, key=(401, b, n))
            X[:, 0] += 5j
            X[:, -1] -= 5j
            for name in ("irfft", "hfft"):
                util.assert_matches_scipy(name, X, n, axis=-1)
                util.assert_matches_scipy(name, np.ascontiguousarray(X.T), n, axis=0)
                util.assert_matches_scipy(name, np.asfortranarray(X.T), n, axis=0, norm="ortho")


@pytest.mark.parametrize("dtype", [np.complex128, np.complex64], ids=DTYPE_IDS)
@pytest.mark.parametrize("name", ["irfftn", "hfftn", "irfft2", "hfft2"])
def test_c2r_nd_of_non_hermitian_input_like_scipy(util, name, dtype):
    """Arbitrary complex n-D input (not Hermitian along any axis, large imaginary
    parts in the DC and Nyquist planes of the last axis): SciPy's result."""
    for shape, s, axes in (((4, 5), None, None), ((4, 5), (4, 8), None), ((4, 5), (4, 9), None),
                           ((6, 3, 5), (5, 8), (0, 2)), ((6, 3, 5), (3, 7), (2, 1)),
                           ((5, 4, 3), None, (1, 0)), ((7, 9), (6, 1), None),
                           ((8, 33), (8, 64), None), ((33, 8), (15, 64), (1, 0))):
        if name.endswith("2") and len(shape) == 3 and axes is None:
            continue
        X = util.random_complex(shape, dtype, key=(402, *shape))
        last = (axes or tuple(range(len(shape))))[-1]
        sl = [slice(None)] * len(shape)
        sl[last] = 0
        X[tuple(sl)] += 8j
        nlast = (s[-1] if s is not None else 2 * (shape[last] - 1))
        if nlast // 2 < shape[last]:
            sl[last] = nlast // 2
            X[tuple(sl)] -= 8j
        kwargs = {"s": s}
        if axes is not None:
            kwargs["axes"] = axes
        elif name.endswith("2"):
            kwargs["axes"] = (0, 1)
        for norm in (None, "ortho", "forward"):
            util.assert_matches_scipy(name, X, norm=norm, **kwargs)


# ------------------------------------------------------------- output dtypes
R2C_OUT = {np.bool_: np.complex128, np.int8: np.complex128, np.int16: np.complex128,
           np.int32: np.complex128, np.int64: np.complex128, np.uint8: np.complex128,
           np.uint64: np.complex128, np.float16: np.complex64, np.float32: np.complex64,
           np.float64: np.complex128}
C2R_OUT = {np.bool_: np.float64, np.int16: np.float64, np.int64: np.float64,
           np.uint32: np.float64, np.float16: np.float32, np.float32: np.float32,
           np.float64: np.float64, np.complex64: np.float32, np.complex128: np.float64}


def _typed(util, dtype, shape, key):
    rng = util.rng(key, *shape)
    if dtype is np.bool_:
        return rng.random(shape) < 0.5
    if np.issubdtype(dtype, np.unsignedinteger):
        return rng.integers(0, 100, shape).astype(dtype)
    if np.issubdtype(dtype, np.integer):
        return rng.integers(-100, 100, shape).astype(dtype)
    if np.issubdtype(dtype, np.complexfloating):
        return util.random_complex(shape, dtype, key=(key, *shape))
    return rng.standard_normal(shape).astype(dtype)


@pytest.mark.parametrize("via", ["direct", "backend"])
@pytest.mark.parametrize("dtype", list(R2C_OUT), ids=DTYPE_IDS)
def test_r2c_input_dtypes(util, dtype, via):
    out = np.dtype(R2C_OUT[dtype])
    for shape in ((1,), (10,), (31,), (6, 8), (3, 4, 5)):
        x = _typed(util, dtype, shape, 410)
        calls = [("rfft", {}), ("ihfft", {"norm": "ortho"}), ("rfftn", {}), ("ihfftn", {}),
                 ("rfft", {"n": shape[-1] + 2}), ("rfft", {"axis": 0})]
        if len(shape) >= 2:
            calls += [("rfft2", {}), ("ihfft2", {"s": (3, 3)})]
        for name, kwargs in calls:
            y = util.assert_matches_scipy(name, x, via=via, **kwargs)
            assert y.dtype == out, f"{name}({np.dtype(dtype)}) -> {y.dtype}, want {out}"


@pytest.mark.parametrize("via", ["direct", "backend"])
@pytest.mark.parametrize("dtype", list(C2R_OUT), ids=DTYPE_IDS)
def test_c2r_input_dtypes(util, dtype, via):
    out = np.dtype(C2R_OUT[dtype])
    for shape in ((2,), (10,), (31,), (6, 8), (3, 4, 5)):
        x = _typed(util, dtype, shape, 411)
        calls = [("irfft", {}), ("hfft", {"norm": "ortho"}), ("irfftn", {}), ("hfftn", {}),
                 ("irfft", {"n": 2 * shape[-1] + 1}), ("irfft", {"axis": 0, "n": 5})]
        if len(shape) >= 2:
            calls += [("irfft2", {}), ("hfft2", {"s": (3, 3)})]
        for name, kwargs in calls:
            y = util.assert_matches_scipy(name, x, via=via, **kwargs)
            assert y.dtype == out, f"{name}({np.dtype(dtype)}) -> {y.dtype}, want {out}"


# ------------------------------------------------------------------ signatures
@pytest.mark.parametrize("name", FUNCS)
def test_signature_is_scipys(name):
    ours = inspect.signature(getattr(fftbackend, name))
    theirs = inspect.signature(getattr(scipy.fft, name))
    simplify = lambda sig: [(p.name, p.kind, p.default) for p in sig.parameters.values()]  # noqa: E731
    assert simplify(ours) == simplify(theirs)


@pytest.mark.parametrize("name", FUNCS)
def test_exported(name):
    assert name in fftbackend.__all__
    assert callable(getattr(fftbackend, name))


def test_positional_arguments(util):
    x = util.random_real((6, 10), key=(412,))
    X = util.random_complex((6, 10), key=(413,))
    util.assert_matches_scipy("rfft", x, 12, 0, "ortho", False, 1)
    util.assert_matches_scipy("irfft", X, 7, -1, "forward", False, None)
    util.assert_matches_scipy("hfft", X, 9, 0, None, False, 2)
    util.assert_matches_scipy("ihfft", x, 5, 1, "backward", False, 1)
    util.assert_matches_scipy("rfft2", x, (4, 9), (1, 0), "ortho", False, 1)
    util.assert_matches_scipy("irfftn", X, (5,), (0,), None, False, 2)
    util.assert_matches_scipy("hfft2", X, (4, 6), (0, 1), "forward", False, 1)


@pytest.mark.parametrize("dtype", [np.float64, np.float32], ids=DTYPE_IDS)
def test_norm_none_is_backward_bitwise(util, dtype):
    x = util.random_real((4, 33), dtype, key=(414,))
    X = util.random_complex((4, 17), np.result_type(dtype, np.complex64), key=(415,))
    for name in FUNCS:
        arg = x if name in R2C else X
        a = getattr(fftbackend, name)(arg, norm=None)
        b = getattr(fftbackend, name)(arg, norm="backward")
        assert a.dtype == b.dtype and np.array_equal(a, b), name


# --------------------------------------------------------------------- layouts
def _readonly(a):
    a = a.copy(order="K")
    a.flags.writeable = False
    return a


def _layouts(util):
    r1 = util.random_real(30, key=(420,))
    r2 = util.random_real((6, 20), key=(421,))
    r3 = util.random_real((4, 5, 6), key=(422,))
    c2 = util.random_complex((6, 11), key=(423,))
    c3 = util.random_complex((4, 5, 6), key=(424,))
    return {
        "real_fortran_2d": np.asfortranarray(r2),
        "real_fortran_3d": np.asfortranarray(r3),
        "real_negative_1d": r1[::-1],
        "real_negative_2d": r2[::-1, ::-2],
        "real_strided_1d": r1[::3],
        "real_strided_2d": r2[::2, 1::3],
        "real_transposed_3d": r3.transpose(2, 0, 1),
        "real_column_slice": r2[:, 3:4],
        "real_part_view": c2.real,
        "imag_part_view_f32": c3.astype(np.complex64).imag,
        "real_broadcast_rows": np.broadcast_to(r1, (5, 30)),
        "real_broadcast_cols": np.broadcast_to(r1[:10, None], (10, 7)),
        "real_broadcast_scalar": np.broadcast_to(np.float64(2.5), (24,)),
        "real_readonly": _readonly(r2),
        "big_endian_f8": r2.astype(">f8"),
        "big_endian_f4": r3.astype(">f4"),
        "big_endian_i4": np.round(10 * r2).astype(">i4"),
        "big_endian_strided_f8": r2.astype(">f8")[::-1, ::2],
        "unaligned_f8_1d": util.unaligned(r1),
        "unaligned_f8_2d": util.unaligned(r2),
        "unaligned_f4_3d": util.unaligned(r3.astype(np.float32)),
        "unaligned_strided_f8": util.unaligned(r2)[:, ::-3],
        "complex_fortran_2d": np.asfortranarray(c2),
        "complex_negative_3d": c3[::-1, :, ::-1],
        "complex_strided_2d": c2[1::2, ::2],
        "complex_transposed_3d": c3.transpose(1, 2, 0),
        "complex_broadcast_rows": np.broadcast_to(c2[0], (4, 11)),
        "complex_readonly": _readonly(c3),
        "big_endian_c16": c2.astype(">c16"),
        "big_endian_c8": c3.astype(">c8"),
        "unaligned_c16_2d": util.unaligned(c2),
        "unaligned_c8_3d": util.unaligned(c3.astype(np.complex64)),
    }


LAYOUT_NAMES = [
    "real_fortran_2d", "real_fortran_3d", "real_negative_1d", "real_negative_2d",
    "real_strided_1d", "real_strided_2d", "real_transposed_3d", "real_column_slice",
    "real_part_view", "imag_part_view_f32", "real_broadcast_rows", "real_broadcast_cols",
    "real_broadcast_scalar", "real_readonly", "big_endian_f8", "big_endian_f4",
    "big_endian_i4", "big_endian_strided_f8", "unaligned_f8_1d", "unaligned_f8_2d",
    "unaligned_f4_3d", "unaligned_strided_f8", "complex_fortran_2d", "complex_negative_3d",
    "complex_strided_2d", "complex_transposed_3d", "complex_broadcast_rows",
    "complex_readonly", "big_endian_c16", "big_endian_c8", "unaligned_c16_2d",
    "unaligned_c8_3d",
]


def _layout_calls(x):
    d = x.ndim
    last = x.shape[-1]
    calls = []
    if x.dtype.kind != "c":
        calls += [("rfft", dict(axis=axis)) for axis in range(-d, d)]
        calls += [("rfft", dict(n=last + 3)), ("ihfft", dict(norm="ortho")),
                  ("rfftn", dict()), ("rfftn", dict(axes=tuple(range(d))[::-1])),
                  ("ihfftn", dict())]
        if d >= 2:
            calls += [("rfft2", dict()), ("ihfft2", dict(axes=(-1, -2))),
                      ("rfft2", dict(s=(x.shape[-2] + 1, max(1, last - 1)))),
                      ("rfft", dict(axis=0, n=7))]
    calls += [("irfft", dict(axis=axis, n=2 * x.shape[axis] - 1)) for axis in range(-d, d)]
    calls += [("hfft", dict(n=2 * last)), ("irfft", dict(n=5, norm="forward")),
              ("irfftn", dict(s=x.shape)), ("hfftn", dict(axes=tuple(range(d))[::-1], s=x.shape))]
    if last > 1:
        calls += [("irfft", dict()), ("irfftn", dict())]
    if d >= 2:
        calls += [("irfft2", dict(s=(3, 7))), ("hfft2", dict(axes=(-1, -2), s=(5, 4))),
                  ("irfft", dict(axis=0, n=6))]
    return calls


def test_layout_table_is_complete(util):
    assert sorted(_layouts(util)) == sorted(LAYOUT_NAMES)


@pytest.mark.parametrize("via", ["direct", "backend"])
@pytest.mark.parametrize("layout", LAYOUT_NAMES)
def test_layouts(util, layout, via):
    x = _layouts(util)[layout]
    if "unaligned" in layout:
        assert not x.flags.aligned, "test precondition: input must be misaligned"
    if "broadcast" in layout:
        assert 0 in x.strides, "test precondition: zero-stride input"
    if layout.startswith("big_endian"):
        assert x.dtype.byteorder == ">" or (x.dtype.byteorder == "=" and not np.little_endian)
    for name, kwargs in _layout_calls(x):
        util.assert_matches_scipy(name, x, via=via, what=layout, **kwargs)


def test_big_endian_float16_is_computed(util):
    """SciPy's default backend raises RuntimeError('unsupported data type') on
    big-endian float16 input to the r2c transforms (and to fft), because its
    float16 -> float32 promotion compares dtypes including the byte order.
    fftbackend's complex transforms already compute such input like native
    float16; the real ones must do the same: equal SciPy on the native copy."""
    x = util.random_real((6, 10), np.float16, key=(425,)).astype(">f2")
    assert isinstance(util.exception_of(util.scipy_default, "rfft", x), RuntimeError), \
        "precondition: SciPy still fails here (if fixed, drop this test)"
    native = x.astype(np.float16)
    for name, kwargs in (("rfft", {}), ("ihfft", {"axis": 0}), ("rfftn", {}), ("rfft2", {}),
                         ("ihfftn", {"s": (4, 7)}), ("irfft", {}), ("hfftn", {})):
        want = util.scipy_default(name, native, **kwargs)
        got = util.call_ours(name, x, **kwargs)
        assert got.dtype == want.dtype and got.shape == want.shape, name
        util.assert_close(got, want, what=f"{name} big-endian float16")


LIST_INPUTS = {
    "float_1d": lambda: [1.0, 2.5, -3.0, 4.0, 0.5, 7.0, -1.0],
    "int_1d": lambda: [1, 2, 3, 4, 5, 6, 7, 8, 9],
    "bool_1d": lambda: [True, False, True, True, False],
    "tuple_2d": lambda: ((1.0, 2.0, 0.5), (3.0, 4.5, -1), (-1.0, 0.0, 2.0)),
    "complex_1d": lambda: [1 + 2j, -0.5j, 3.0, 2 - 1j, 0.25 + 0.75j],
    "complex_2d": lambda: [[1 + 1j, 2, 3], [4, 5 - 2j, 6], [7j, 8, 9], [0, 1, -1]],
    "single_real": lambda: [3.0],
}


@pytest.mark.parametrize("via", ["direct", "backend"])
@pytest.mark.parametrize("kind", sorted(LIST_INPUTS))
def test_list_inputs(util, kind, via):
    x = LIST_INPUTS[kind]()
    two_d = isinstance(x[0], (list, tuple))
    is_complex = "complex" in kind
    calls = [("irfft", {"n": 8}), ("hfft", {"n": 7, "norm": "ortho"}), ("irfftn", {"s": (5,)})]
    if not is_complex:
        calls += [("rfft", {}), ("ihfft", {"norm": "ortho"}), ("rfftn", {}), ("ihfftn", {}),
                  ("rfft", {"n": 8})]
    if two_d:
        calls += [("irfft2", {"s": (4, 4)}), ("hfft2", {"s": (2, 3)}), ("irfft", {"axis": 0})]
        if not is_complex:
            calls += [("rfft2", {}), ("ihfft2", {}), ("rfft", {"axis": 0})]
    for name, kwargs in calls:
        util.assert_matches_scipy(name, x, via=via, **kwargs)   # list left unchanged too


ZERO_SIZE_CASES = [
    ((0, 8), "rfft", {}),
    ((0, 8), "irfft", {"n": 5}),
    ((0, 8), "irfft", {}),
    ((8, 0), "rfft", {"axis": 0}),
    ((8, 0), "hfft", {"axis": 0}),
    ((3, 0, 5), "ihfft", {"axis": 2, "norm": "ortho"}),
    ((3, 0, 5), "rfftn", {"axes": (0, 2)}),
    ((3, 0, 5), "irfftn", {"axes": (2, 0), "s": (4, 2)}),
    ((3, 0, 5), "rfft2", {"axes": (0, 2)}),
    ((0, 4, 6), "irfft2", {}),
    ((0, 4, 6), "hfft2", {"s": (2, 9)}),
    ((0, 4, 6), "ihfftn", {"axes": (1, 2)}),
    ((2, 0, 7), "hfftn", {"axes": (0, 2), "s": (5, 1)}),
]


@pytest.mark.parametrize("via", ["direct", "backend"])
@pytest.mark.parametrize("dtype", [np.float64, np.float32, np.complex128, np.int32],
                         ids=DTYPE_IDS)
@pytest.mark.parametrize("shape, func, kwargs", ZERO_SIZE_CASES, ids=str)
def test_zero_size_non_transformed_axes(util, shape, func, kwargs, dtype, via):
    x = np.zeros(shape, dtype=dtype)
    if func in R2C and dtype is np.complex128:
        util.assert_same_outcome(func, x, via=via, **kwargs)   # SciPy's TypeError
        return
    y = util.assert_matches_scipy(func, x, via=via, **kwargs)
    assert y.size == 0


# ------------------------------------------------------------ input untouched
def _overwrite_inputs(util):
    v = util.random_real(40, key=(430,))
    m = util.random_real((6, 20), key=(431,))
    c = util.random_complex((6, 11), key=(432,))
    return {
        "readonly_real_1d": _readonly(v),
        "readonly_real_f32": _readonly(m.astype(np.float32)),
        "readonly_real_fortran": _readonly(np.asfortranarray(m)).T,
        "readonly_real_strided": _readonly(m)[:, ::-3],
        "broadcast_real_rows": np.broadcast_to(v, (5, 40)),
        "broadcast_real_cols": np.broadcast_to(v[:10, None].astype(np.float32), (10, 7)),
        "readonly_complex": _readonly(c),
        "readonly_complex_c64_strided": _readonly(c.astype(np.complex64))[::-1, ::2],
        "broadcast_complex_rows": np.broadcast_to(c[0], (5, 11)),
        "readonly_from_bytes_real": np.frombuffer(m.tobytes(), dtype=np.float64).reshape(6, 20),
        "readonly_from_bytes_complex":
            np.frombuffer(c.tobytes(), dtype=np.complex128).reshape(6, 11),
    }


def _overwrite_calls(x):
    last = x.shape[-1]
    calls = [("irfft", {}), ("hfft", {"norm": "ortho"}), ("irfftn", {}), ("hfftn", {}),
             ("irfft", {"n": 2 * last + 5}), ("irfft", {"n": max(1, last - 3)})]
    if x.dtype.kind != "c":
        calls += [("rfft", {}), ("ihfft", {"norm": "ortho"}), ("rfftn", {}), ("ihfftn", {}),
                  ("rfft", {"n": last + 5}), ("rfft", {"n": max(1, last - 3)})]
    if x.ndim >= 2:
        calls += [("irfft", {"axis": 0}), ("irfft2", {}), ("hfft2", {"s": (3, 7)})]
        if x.dtype.kind != "c":
            calls += [("rfft", {"axis": 0}), ("rfft2", {}), ("ihfft2", {"s": (3, 7)})]
    return calls


OVERWRITE_KINDS = ["readonly_real_1d", "readonly_real_f32", "readonly_real_fortran",
                   "readonly_real_strided", "broadcast_real_rows", "broadcast_real_cols",
                   "readonly_complex", "readonly_complex_c64_strided", "broadcast_complex_rows",
                   "readonly_from_bytes_real", "readonly_from_bytes_complex"]


def test_overwrite_table_is_complete(util):
    assert sorted(_overwrite_inputs(util)) == sorted(OVERWRITE_KINDS)


@pytest.mark.parametrize("via", ["direct", "backend"])
@pytest.mark.parametrize("kind", OVERWRITE_KINDS)
def test_overwrite_true_on_unwritable_input(util, kind, via):
    x = _overwrite_inputs(util)[kind]
    assert not x.flags.writeable, "test precondition"
    for name, kwargs in _overwrite_calls(x):
        snap = util.snapshot(x)
        expected = util.scipy_default(name, x, **kwargs)
        got = util.call_ours(name, x, overwrite_x=True, via=via, **kwargs)
        util.assert_unchanged(snap, what=f"{kind}: {name}(overwrite_x=True, {kwargs})")
        assert got.dtype == expected.dtype and got.shape == expected.shape, (name, kwargs)
        util.assert_close(got, expected, what=f"{kind}: {name}{kwargs}")


@pytest.mark.parametrize("dtype", [np.float64, np.float32, np.complex128, np.complex64],
                         ids=DTYPE_IDS)
def test_overwrite_true_on_writable_input_gives_correct_result(util, dtype):
    """The input may be clobbered, but the result must still be right."""
    if np.issubdtype(dtype, np.complexfloating):
        base = util.random_complex((6, 20), dtype, key=(433,))
    else:
        base = util.random_real((6, 20), dtype, key=(434,))
    layouts = util.overwrite_layouts(base)
    for lname, make in layouts.items():
        for name, kwargs in _overwrite_calls(make()):
            x = make()
            expected = util.scipy_default(name, x.copy(), **kwargs)
            got = getattr(fftbackend, name)(x, overwrite_x=True, **kwargs)
            assert got.dtype == expected.dtype and got.shape == expected.shape
            util.assert_close(got, expected, what=f"{lname}: {name}(overwrite_x=True, {kwargs})")


def test_overwrite_false_never_modifies_input(util):
    base = util.random_complex((5, 8, 9), key=(435,))
    for dt in (np.complex128, np.complex64, np.float64, np.float32, np.float16):
        b = base.astype(dt) if np.issubdtype(dt, np.complexfloating) else base.real.astype(dt)
        for x in (b, np.asfortranarray(b), b[:, ::-1, 1::2]):
            for name in FUNCS:
                if name in R2C and x.dtype.kind == "c":
                    continue
                for kwargs in ({}, {"norm": "ortho"}, {"overwrite_x": False}, {"workers": 2}):
                    snap = util.snapshot(x)
                    getattr(fftbackend, name)(x, **kwargs)
                    util.assert_unchanged(snap, what=f"{name}({np.dtype(dt)}, {kwargs})")


def test_result_does_not_alias_input(util):
    cases = [
        ("irfft", np.ones(1, complex), {"n": 1}),
        ("irfft", np.ones(2), {}),
        ("irfft", np.ones((4, 2)), {"axis": 0, "n": 1}),
        ("hfft", np.ones(2), {}),
        ("irfftn", np.ones((1, 2)), {}),
        ("irfftn", np.ones((3, 3), np.float32), {"s": (3, 4)}),
        ("irfft", util.random_real(16, key=(436,)), {"n": 30}),
        ("irfft2", util.random_real((3, 5), key=(437,)), {"s": (3, 8)}),
        ("irfft", np.ones(3, complex), {"n": 0}),
    ]
    for name, x, kwargs in cases:
        theirs = util.scipy_default(name, x, **kwargs)
        assert not np.shares_memory(theirs, x), "test precondition"
        ours = getattr(fftbackend, name)(x, **kwargs)
        assert not np.shares_memory(ours, x), f"{name}{x.shape}{kwargs} aliases its input"


# -------------------------------------------------------------------- dispatch
def _dispatch_inputs(util):
    return {
        "rfft": util.random_real((6, 10), key=(440,)),
        "ihfft": util.random_real((4, 9), np.float32, key=(441,)),
        "irfft": util.random_complex((6, 10), key=(442,)),
        "hfft": util.random_complex((4, 9), np.complex64, key=(443,)),
    }


@pytest.mark.parametrize("only", [False, True])
@pytest.mark.parametrize("name", FUNCS)
def test_set_backend_dispatches_to_us(util, name, only):
    """only=True: SciPy's backend is not consulted, so a result proves we made it."""
    inputs = _dispatch_inputs(util)
    base = "rfft" if name in ("rfft", "rfft2", "rfftn") else \
        "ihfft" if name in ("ihfft", "ihfft2", "ihfftn") else \
        "irfft" if name in ("irfft", "irfft2", "irfftn") else "hfft"
    x = inputs[base]
    direct = getattr(fftbackend, name)(x)
    with scipy.fft.set_backend(fftbackend, only=only):
        via = getattr(scipy.fft, name)(x)
    assert via.dtype == direct.dtype and np.array_equal(via, direct), name
    util.assert_matches_scipy(name, x)


@pytest.mark.parametrize("name", FUNCS)
def test_long_double_falls_through_to_scipy(util, name):
    if name in R2C:
        x = util.random_real((5, 7), key=(444,)).astype(np.longdouble)
    else:
        x = util.random_complex((5, 7), np.clongdouble, key=(445,))
    expected = util.scipy_default(name, x)
    assert expected.dtype in (np.longdouble, np.clongdouble)
    with util.our_backend():
        got = getattr(scipy.fft, name)(x)
    assert got.dtype == expected.dtype and np.array_equal(got, expected)   # SciPy computed it
    got = getattr(fftbackend, name)(x)     # the public functions hand it to SciPy too
    assert got.dtype == expected.dtype and np.array_equal(got, expected)


# ------------------------------------------------------------ threads/workers
def test_workers_give_bitwise_identical_results(util):
    for n in (8, 17, 100, 1009, 2018, 4099):
        for dtype, cdtype in ((np.float64, np.complex128), (np.float32, np.complex64)):
            x = util.random_real((16, n), dtype, key=(450, n))
            X = util.random_complex((16, n // 2 + 1), cdtype, key=(451, n))
            calls = [("rfft", x, {}), ("rfft", np.ascontiguousarray(x.T), {"axis": 0}),
                     ("irfft", X, {"n": n}),
                     ("irfft", np.ascontiguousarray(X.T), {"n": n, "axis": 0}),
                     ("hfft", X, {"n": n}), ("ihfft", x, {}),
                     ("rfftn", x, {}), ("irfftn", X, {"s": (16, n)}),
                     ("rfft2", x.reshape(4, 4, n), {"axes": (0, 2)})]
            for name, arg, kwargs in calls:
                one = getattr(fftbackend, name)(arg, workers=1, **kwargs)
                for w in (2, -1):
                    other = getattr(fftbackend, name)(arg, workers=w, **kwargs)
                    assert other.dtype == one.dtype and other.tobytes() == one.tobytes(), \
                        f"{name} n={n} {np.dtype(dtype)} workers={w} differs from workers=1"
                with scipy.fft.set_workers(2):
                    other = getattr(fftbackend, name)(arg, **kwargs)
                assert other.tobytes() == one.tobytes(), f"{name} n={n} under set_workers(2)"


def test_concurrent_calls_bitwise_equal_serial(util):
    sizes = [1, 2, 3, 5, 8, 16, 17, 60, 97, 128, 243, 1000, 1009, 1024, 2018, 4096, 4099, 8209]
    tasks = []
    for n in sizes:
        for dtype, cdtype in ((np.float64, np.complex128), (np.float32, np.complex64)):
            x = util.random_real((3, n), dtype, key=(460, n))
            X = util.random_complex((3, n // 2 + 1), cdtype, key=(461, n))
            x.flags.writeable = False
            X.flags.writeable = False
            tasks += [("rfft", x, {}), ("irfft", X, {"n": n}), ("hfft", X, {"n": n, "axis": -1}),
                      ("rfft", x, {"axis": 0}), ("irfftn", X, {"s": (3, n)})]
    serial = [getattr(fftbackend, name)(a, **kw) for name, a, kw in tasks]
    for (name, a, kw), y in zip(tasks, serial):   # the serial results are right
        util.assert_close(y, util.scipy_default(name, a, **kw), what=f"{name}{a.shape}{kw}")
    barrier = threading.Barrier(6)
    mismatches, errors = [], []

    def worker(tid):
        try:
            barrier.wait()
            order = list(range(len(tasks)))
            order = order[tid::2] + order[(tid + 1) % 2::2] if tid % 2 else order[::-1]
            for _ in range(2):
                for i in order:
                    name, a, kw = tasks[i]
                    y = getattr(fftbackend, name)(a, **kw)
                    if y.dtype != serial[i].dtype or y.tobytes() != serial[i].tobytes():
                        mismatches.append((tid, name, a.shape, kw))
        except Exception as e:  # noqa: BLE001
            errors.append(repr(e))

    threads = [threading.Thread(target=worker, args=(t,)) for t in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors[:5]
    assert not mismatches, mismatches[:10]
