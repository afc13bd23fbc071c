"""The Cython entry point `_core.ua_function` (fftbackend.__ua_function__).

It takes plain 1-D calls straight to the kernels and hands every other call
to the Python `_ua_function_python`.  These tests check that it gives the
bits the Python path gives (which the other test files check against SciPy
and long-double references), that it takes the calls it is meant to take,
and that everything else -- errors included -- still reaches the Python path.
"""
import numpy as np
import pytest
import scipy.fft

import fftbackend
from fftbackend import _backend, _core

RNG = np.random.default_rng(4242)


def _data(shape, dtype):
    x = RNG.standard_normal(shape)
    if np.dtype(dtype).kind == "c":
        x = x + 1j * RNG.standard_normal(shape)
    return x.astype(dtype)


def _inputs(dtype):
    """Contiguous, strided, negatively strided and Fortran-ordered arrays."""
    base = _data((6, 40), dtype)
    return [
        ("1d", _data(64, dtype)),
        ("odd", _data(45, dtype)),
        ("2d", base),
        ("strided", base[::2, ::3]),
        ("reversed", base[::-1, ::-1]),
        ("fortran", np.asfortranarray(base)),
    ]


CASES = [
    # (name, dtypes the fast path takes, extra keywords to try)
    ("fft", ("complex128", "complex64", "float64", "float32"), {}),
    ("ifft", ("complex128", "complex64", "float64"), {}),
    ("rfft", ("float64", "float32"), {}),
    ("ihfft", ("float64", "float32"), {}),
    ("irfft", ("complex128", "complex64"), {}),
    ("hfft", ("complex128", "complex64"), {}),
    ("dct", ("float64", "float32"), {"type": [1, 2, 3, 4]}),
    ("idct", ("float64", "float32"), {"type": [1, 2, 3, 4]}),
    ("dst", ("float64", "float32"), {"type": [1, 2, 3, 4]}),
    ("idst", ("float64", "float32"), {"type": [1, 2, 3, 4]}),
]


def _keyword_sets(extra):
    sets = [{}]
    for norm in (None, "backward", "ortho", "forward"):
        for axis in (-1, 0):
            kw = {"axis": axis, "norm": norm}
            for type_ in extra.get("type", [None]):
                k = dict(kw)
                if type_ is not None:
                    k["type"] = type_
                sets.append(k)
    return sets


def _python_path(method, args, kwargs):
    return _backend._ua_function_python(method, args, kwargs)


@pytest.mark.parametrize("name,dtypes,extra", CASES, ids=[c[0] for c in CASES])
def test_same_bits_as_the_python_path(name, dtypes, extra):
    method = getattr(scipy.fft, name)
    checked = 0
    for dtype in dtypes:
        for label, x in _inputs(dtype):
            for kwargs in _keyword_sets(extra):
                for args, kw in _spellings(name, x, kwargs):
                    fast = fftbackend.__ua_function__(method, args, dict(kw))
                    slow = _python_path(method, args, dict(kw))
                    assert fast.dtype == slow.dtype and fast.shape == slow.shape, (label, kw)
                    assert fast.tobytes() == slow.tobytes(), (name, dtype, label, kw)
                    checked += 1
    assert checked > 0


def _spellings(name, x, kwargs):
    """The call as given, with an n that neither crops nor pads, and with positional
    arguments."""
    yield (x,), kwargs
    m = x.shape[kwargs.get("axis", -1)]
    lengths = [2 * (m - 1), 2 * m - 1] if name in ("irfft", "hfft") else [m]
    for n in lengths:
        if n >= 1:
            yield (x,), {**kwargs, "n": n}
    if name in ("dct", "idct", "dst", "idst"):
        order = ("type", "n", "axis", "norm")
        defaults = {"type": 2, "n": None, "axis": -1, "norm": None}
    else:
        order = ("n", "axis", "norm")
        defaults = {"n": None, "axis": -1, "norm": None}
    values = {**defaults, **kwargs}
    yield (x, *(values[k] for k in order)), {}


@pytest.mark.parametrize("name", ["fft", "rfft", "irfft", "dct", "idst"])
def test_through_scipy_matches_scipy(name):
    """End to end through set_backend, against SciPy's own backend."""
    dtype = "complex128" if name in ("fft", "irfft") else "float64"
    x = _data(96, dtype)
    with scipy.fft.set_backend(fftbackend, only=True):
        ours = getattr(scipy.fft, name)(x, norm="ortho")
    with scipy.fft.set_backend("scipy", only=True):
        ref = getattr(scipy.fft, name)(x, norm="ortho")
    assert ours.dtype == ref.dtype and ours.shape == ref.shape
    err = np.linalg.norm(ours - ref) / np.linalg.norm(ref)
    assert err < 2e-15


class _Spy:
    """Counts the calls that reach the Python path."""

    def __init__(self):
        self.calls = []

    def __call__(self, method, args, kwargs):
        self.calls.append((method.__name__, kwargs))
        return _backend._ua_function_python(method, args, kwargs)


@pytest.fixture
def spy():
    spy = _Spy()
    table = {getattr(scipy.fft, n): k for n, k in _backend._FAST_KINDS.items()}
    _core.set_ua_paths(table, spy, _backend._workers_state, scipy.fft.get_workers)
    try:
        yield spy
    finally:
        _core.set_ua_paths(table, _backend._ua_function_python, _backend._workers_state,
                           scipy.fft.get_workers)


def test_plain_calls_skip_the_python_path(spy):
    x = _data(64, "complex128")
    r = _data(64, "float64")
    with scipy.fft.set_backend(fftbackend, only=True):
        scipy.fft.fft(x)
        scipy.fft.ifft(x, axis=0, norm="ortho")
        scipy.fft.rfft(r, norm="forward")
        scipy.fft.irfft(x)
        scipy.fft.dct(r, type=4, norm="ortho")
        scipy.fft.idst(r, overwrite_x=False, workers=None)
        scipy.fft.irfft(x, 127)
        scipy.fft.dct(r, 3, 64, 0, "ortho")
    assert spy.calls == []


@pytest.mark.parametrize("call", [
    lambda: scipy.fft.fft(np.arange(8.0) + 0j, 16),                 # positional n
    lambda: scipy.fft.fft(np.arange(8.0) + 0j, n=16),
    lambda: scipy.fft.fft(np.arange(8.0) + 0j, n=4),                 # crops
    lambda: scipy.fft.irfft(np.ones(8, complex), n=16),              # pads
    lambda: scipy.fft.fft(np.arange(8.0) + 0j, n=np.int64(8)),
    lambda: scipy.fft.fft(np.arange(8.0) + 0j, 8, -1, None, False, None, None),  # too many
    lambda: scipy.fft.fft(np.arange(8.0) + 0j, axis=np.int64(0)),    # not a plain int
    lambda: scipy.fft.fft(np.arange(8.0) + 0j, workers=2),
    lambda: scipy.fft.fft(np.arange(8.0) + 0j, overwrite_x=True),
    lambda: scipy.fft.fft([1.0, 2.0, 3.0]),                          # a list
    lambda: scipy.fft.fft(np.arange(8, dtype=np.int32)),             # integers
    lambda: scipy.fft.fft(np.arange(8.0).astype(">f8")),             # byte-swapped
    lambda: scipy.fft.fft(np.zeros((0, 4), complex)),                # empty
    lambda: scipy.fft.fft2(np.ones((4, 4))),                         # not a 1-D kind
    lambda: scipy.fft.dct(np.arange(8.0), orthogonalize=True),
    lambda: scipy.fft.dct(np.arange(8.0), type=np.int64(2)),
    lambda: scipy.fft.irfft(np.ones(1, complex)),                    # n = 0: an error
], ids=lambda f: "")
def test_other_calls_take_the_python_path(spy, call):
    with scipy.fft.set_backend(fftbackend, only=True):
        try:
            call()
        except (ValueError, TypeError):
            pass            # errors are compared with SciPy's in test_errors_are_scipys
    assert len(spy.calls) == 1


@pytest.mark.parametrize("call,error,message", [
    (lambda: scipy.fft.fft(np.ones(4, complex), norm="bad"), ValueError, "Invalid norm value"),
    (lambda: scipy.fft.fft(np.ones(4, complex), axis=1), IndexError, None),
    (lambda: scipy.fft.fft(np.ones(4, complex), axis=True), None, None),
    (lambda: scipy.fft.dct(np.ones(4), type=5), ValueError, None),
    (lambda: scipy.fft.dct(np.ones(1), type=1), (RuntimeError, ValueError), None),
    (lambda: scipy.fft.rfft(np.ones(4, complex)), TypeError, None),
    (lambda: scipy.fft.fft(np.ones(4, complex), bogus=1), TypeError, None),
], ids=lambda v: "")
def test_errors_are_scipys(call, error, message):
    """Calls the fast path declines must still behave exactly as with SciPy."""
    outcomes = []
    for backend in (fftbackend, "scipy"):
        with scipy.fft.set_backend(backend, only=True):
            try:
                outcomes.append(("ok", call()))
            except Exception as exc:   # noqa: BLE001 - compared below
                outcomes.append((type(exc), str(exc)))
    (ours, ours_detail), (ref, ref_detail) = outcomes
    if ours == "ok" or ref == "ok":
        assert ours == ref == "ok"
        np.testing.assert_allclose(ours_detail, ref_detail, rtol=1e-13, atol=1e-13)
        return
    assert ours is ref, (ours_detail, ref_detail)
    if error is not None:
        assert issubclass(ours, error)
    if message is not None:
        assert message in ours_detail


def test_set_workers_reaches_the_fast_path():
    """The fast path reads set_workers' value in the calling thread; any thread count gives
    the same bits."""
    x = _data((64, 256), "complex128")
    assert _core.fast_path_workers() == 1
    with scipy.fft.set_backend(fftbackend, only=True):
        one = scipy.fft.fft(x)
        with scipy.fft.set_workers(2):
            assert _core.fast_path_workers() == 2
            two = scipy.fft.fft(x)
    assert _core.fast_path_workers() == 1
    assert one.tobytes() == two.tobytes()
