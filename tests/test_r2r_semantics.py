"""Semantics of the DCTs and DSTs identical to SciPy's default backend.

dct, idct, dst, idst, dctn, idctn, dstn, idstn:

* bad arguments raise SciPy's exception type with SciPy's message, in SciPy's
  order of checks (type, n / s, axis / axes, norm, workers, empty and 0-d
  input, DCT-I of one point...); errors SciPy's compiled binding raises
  while converting its arguments (a non-integer ``type``, a non-integer
  thread count, an ``orthogonalize`` without a truth value) are matched by
  type only, SciPy's message being pybind11's (it prints the whole input);
* SciPy's quirks on valid arguments: the inverse's type mapping by ``==``
  (``idct(x, type=2.0)`` works, ``dct(x, type=2.0)`` does not), NumPy
  floating scalars as types, ``orthogonalize`` ignored for complex input,
  DST-I of one point, empty batches...;
* every type, norm and ``orthogonalize`` value, forward and inverse, 1-D and
  N-D, real and complex, against SciPy's values;
* output dtypes, signatures, layouts (strided, Fortran, negative strides,
  big-endian, unaligned, zero-stride), list input, zero-size batches;
* ``overwrite_x``: the input is untouched without it; with it, results are
  right for every layout (self-overlapping and read-only input included),
  and written into the caller's memory only where SciPy writes there;
* dispatch through ``scipy.fft.set_backend`` (``only=True`` proves we
  computed), long double falls through to SciPy.
"""

import decimal
import fractions
import inspect
import os

import numpy as np
import pytest
import scipy.fft

import fftbackend

FUNCS = ["dct", "idct", "dst", "idst", "dctn", "idctn", "dstn", "idstn"]
ONE_D = ["dct", "idct", "dst", "idst"]
N_D = ["dctn", "idctn", "dstn", "idstn"]
VIAS = ["direct", "backend"]
DTYPE_IDS = lambda d: np.dtype(d).name  # noqa: E731

_r1 = np.arange(8.0) * 0.5 - 1
_r2 = np.arange(12.0).reshape(3, 4) - 5
_r3 = np.arange(24.0).reshape(2, 3, 4) * 0.25 - 2
_c1 = np.arange(8) * (1 - 0.5j)
_c3 = np.arange(24).reshape(2, 3, 4) * (1 + 1j)
_ncpu = os.cpu_count() or 1


def _x(name):
    return _r3 if name in N_D else _r1


def _call(name, x, via, kwargs):
    """Our ``name`` directly, or through scipy.fft with our backend installed
    (only=False: what users see; SciPy must not be consulted first)."""
    if via == "direct":
        return getattr(fftbackend, name)(x, **kwargs)
    with scipy.fft.set_backend(fftbackend):
        return getattr(scipy.fft, name)(x, **kwargs)


def _ids(table):
    ids = [c[0] for c in table]
    assert len(set(ids)) == len(ids), "duplicate ids"
    return ids


# (id, function, x, kwargs): SciPy raises for every one of these; we must raise
# the same exception type with the same message.
BAD_CALLS = [
    # type
    *[(f"{name} type=5", name, _x(name), {"type": 5}) for name in FUNCS],
    *[(f"{name} type=0", name, _x(name), {"type": 0}) for name in FUNCS],
    ("dct type=-1", "dct", _r1, {"type": -1}),
    ("idst type=-3", "idst", _r1, {"type": -3}),
    ("dctn type=7 complex", "dctn", _c3, {"type": 7}),
    ("dst type=5 complex", "dst", _c1, {"type": 5}),
    ("dst type=2**31-1", "dst", _r1, {"type": 2**31 - 1}),
    ("dct type int64 5", "dct", _r1, {"type": np.int64(5)}),
    ("idct type float32 0.5", "idct", _r1, {"type": np.float32(0.5)}),   # int(): 0
    # n
    *[(f"{name} n=0", name, _r1, {"n": 0}) for name in ONE_D],
    ("dct n=-1", "dct", _r1, {"n": -1}),
    ("idst n=-5 axis 0", "idst", _r2, {"n": -5, "axis": 0}),
    ("dct n float crop", "dct", _r1, {"n": 2.5}),
    ("dst n float crop whole", "dst", _r1, {"n": 3.0}),
    ("idct n float pad", "idct", _r1, {"n": 10.0}),
    ("dct n string", "dct", _r1, {"n": "3"}),
    ("dct n huge", "dct", _r1, {"n": 2**62}),
    ("dct empty", "dct", np.zeros(0), {}),
    ("dst empty 2d", "dst", np.zeros((3, 0)), {}),
    ("idct empty complex", "idct", np.zeros(0, complex), {}),
    ("dct empty type=5", "dct", np.zeros(0), {"type": 5}),
    # axis
    ("dct axis=1 on 1d", "dct", _r1, {"axis": 1}),
    ("dct axis=-2 on 1d", "dct", _r1, {"axis": -2}),
    ("idct axis=1 n=3 on 1d", "idct", _r1, {"axis": 1, "n": 3}),
    ("dst axis=2 on 2d", "dst", _r2, {"axis": 2}),
    ("idst axis=-3 complex", "idst", _c3[0], {"axis": -3}),
    ("dct axis float", "dct", _r1, {"axis": 0.0}),
    ("dst axis float n", "dst", _r1, {"axis": 0.0, "n": 4}),
    ("dct axis string", "dct", _r1, {"axis": "0"}),
    ("dct 0-d", "dct", np.float64(3), {}),
    ("idst 0-d array", "idst", np.array(3.0), {"n": 4}),
    ("dst python scalar", "dst", 3.0, {}),
    ("dct None", "dct", None, {}),
    # axes / s
    ("dctn axes beyond ndim", "dctn", _r3, {"axes": (3,)}),
    ("idctn axes below -ndim", "idctn", _r3, {"axes": (-4, 0)}),
    ("dstn repeated axes", "dstn", _r3, {"axes": (0, 0)}),
    ("idstn repeated axes neg", "idstn", _r3, {"axes": (1, -2)}),
    ("dctn axes non-integer", "dctn", _r3, {"axes": (0.0,)}),
    ("dctn axes nested", "dctn", _r3, {"axes": [[0]]}),
    ("dctn s/axes mismatch", "dctn", _r3, {"s": (2, 3), "axes": (0,)}),
    ("idctn s longer than ndim", "idctn", _r3, {"s": (2, 3, 4, 5)}),
    ("dstn s has 0", "dstn", _r3, {"s": (0, 3), "axes": (0, 1)}),
    ("idstn s has -2", "idstn", _r3, {"s": (3, -2), "axes": (0, 1)}),
    ("dctn s non-integer", "dctn", _r3, {"s": (2.5, 3)}),
    ("dctn s nested", "dctn", _r3, {"s": [[2]]}),
    ("dctn zero-length axis", "dctn", np.ones((3, 0, 4)), {}),
    ("dstn zero-length axis complex", "dstn", np.ones((3, 0), complex), {"axes": 1}),
    ("dctn s=(0,) type=7", "dctn", _r3, {"s": (0,), "type": 7}),      # s checked first
    # norm
    *[(f"{name} norm bad", name, _x(name), {"norm": "bad"}) for name in FUNCS],
    ("dct norm ORTHO", "dct", _r1, {"norm": "ORTHO"}),
    ("idct norm int", "idct", _r1, {"norm": 1}),
    ("dst norm bytes", "dst", _r1, {"norm": b"ortho"}),
    ("dstn norm list", "dstn", _r3, {"norm": ["ortho"]}),
    ("dct norm bad complex", "dct", _c1, {"norm": "x"}),
    # workers
    ("dct workers=0", "dct", _r1, {"workers": 0}),
    ("idctn workers=0", "idctn", _r3, {"workers": 0}),
    ("dst workers too negative", "dst", _r1, {"workers": -_ncpu - 1}),
    ("dstn workers -1000", "dstn", _r3, {"workers": -1000}),
    ("idst workers string", "idst", _r1, {"workers": "2"}),
    # DCT-I of one point (DST-I of one point works)
    ("dct type 1 length 1", "dct", np.ones(1), {"type": 1}),
    ("idct type 1 length 1", "idct", np.ones((1, 3)), {"type": 1, "axis": 0}),
    ("dct type 1 n=1", "dct", _r1, {"type": 1, "n": 1}),
    ("dct type 1 length 1 complex", "dct", np.ones(1, np.complex64), {"type": 1}),
    ("dct type 1 length 1 ortho", "dct", np.ones(1), {"type": 1, "norm": "ortho"}),
    ("dctn type 1 one length-1 axis", "dctn", np.ones((2, 1)), {"type": 1}),
    ("idctn type 1 s", "idctn", _r3, {"type": 1, "s": (1, 4)}),
    ("dct type True length 1", "dct", np.ones(1), {"type": True}),
    # data
    ("dct string data", "dct", np.array(["a", "b"]), {}),
    ("dctn string data", "dctn", np.array(["a", "b"]), {"axes": ()}),
    ("dst ragged list", "dst", [[1, 2], [3]], {}),
    ("dct object()", "dct", object(), {}),
    ("idct complex object array", "idct", np.array([1 + 1j, 2], dtype=object), {}),
    # which error wins (SciPy's order of checks)
    ("dct type=5 norm bad", "dct", _r1, {"type": 5, "norm": "bad"}),
    ("dct type=5 n=0", "dct", _r1, {"type": 5, "n": 0}),
    ("dct type=5 workers=0", "dct", _r1, {"type": 5, "workers": 0}),
    ("dct type=7 axis=3", "dct", _r1, {"type": 7, "axis": 3}),
    ("dct type str n=0", "dct", _r1, {"type": "a", "n": 0}),
    ("dct norm bad n=0", "dct", _r1, {"norm": "bad", "n": 0}),
    ("dct norm bad axis=3", "dct", _r1, {"norm": "bad", "axis": 3}),
    ("dct norm bad workers=0", "dct", _r1, {"norm": "bad", "workers": 0}),
    ("dct workers=0 n=0", "dct", _r1, {"workers": 0, "n": 0}),
    ("dct n=0 axis=3", "dct", _r1, {"n": 0, "axis": 3}),
    ("dctn norm bad type=7", "dctn", _r3, {"norm": "bad", "type": 7}),
    ("dctn type=7 workers=0", "dctn", _r3, {"type": 7, "workers": 0}),
    ("dctn norm bad workers=0", "dctn", _r3, {"norm": "bad", "workers": 0}),
    ("dctn axes bad norm bad", "dctn", _r3, {"axes": (5,), "norm": "bad"}),
    # the inverse maps its type with ==, before anything else looks at it:
    # an array type without a truth value fails there
    ("idct type array norm bad", "idct", _r1, {"type": np.array([2, 2]), "norm": "bad"}),
    ("idct type array n=0", "idct", _r1, {"type": np.array([2, 2]), "n": 0}),
    ("idct type array workers=0", "idct", _r1, {"type": np.array([2, 2]), "workers": 0}),
    ("idctn type array norm bad", "idctn", _r3, {"type": np.array([2, 2]), "norm": "bad"}),
    ("idstn type array workers=0", "idstn", _r3, {"type": np.array([3, 3]), "workers": 0}),
    # overwrite_x's truth value is taken where SciPy takes it
    ("dct overwrite_x ambiguous norm bad", "dct", _r1,
     {"overwrite_x": np.array([1, 1]), "norm": "bad"}),
    ("dctn overwrite_x ambiguous norm bad", "dctn", _r3,
     {"overwrite_x": np.array([1, 1]), "norm": "bad"}),
    ("dctn axes bad overwrite_x ambiguous", "dctn", _r3,
     {"overwrite_x": np.array([1, 1]), "axes": (7,)}),
    # empty batch: the binding's checks still run
    ("dct empty batch type=7", "dct", np.zeros((3, 0)), {"type": 7, "axis": 0}),
    ("dstn empty batch type=0", "dstn", np.zeros((3, 0)), {"type": 0, "axes": 0}),
]


@pytest.mark.parametrize("via", VIAS)
@pytest.mark.parametrize("name, x, kwargs", [c[1:] for c in BAD_CALLS], ids=_ids(BAD_CALLS))
def test_bad_arguments_raise_like_scipy(util, name, x, kwargs, via):
    expected = util.exception_of(util.scipy_default, name, x, **kwargs)
    assert expected is not None, "test precondition: SciPy rejects this call"
    got = util.exception_of(_call, name, x, via, kwargs)
    assert got is not None, f"{name}({kwargs}) did not raise; SciPy raises {expected!r}"
    assert type(got) is type(expected), (
        f"type {type(got).__name__}({got}) != {type(expected).__name__}({expected})")
    assert str(got) == str(expected)


# Errors SciPy's binding raises while converting its arguments: same type (the
# message is pybind11's, listing the whole input array; ours names the argument).
_STR_ORTHO = {"orthogonalize": "yes"}
BINDING_ERRORS = [
    *[(f"{name} type=2.0", name, _x(name), {"type": 2.0}, TypeError, "type")
      for name in ("dct", "dst", "dctn", "dstn")],
    ("idct type=1.0", "idct", _r1, {"type": 1.0}, TypeError, "type"),    # 1.0 != 2, 3: kept
    ("idst type=2.5", "idst", _r1, {"type": 2.5}, TypeError, "type"),
    ("dct type str", "dct", _r1, {"type": "2"}, TypeError, "type"),
    ("idctn type str", "idctn", _r3, {"type": "2"}, TypeError, "type"),
    ("dct type None", "dct", _r1, {"type": None}, TypeError, "type"),
    ("dct type float64", "dct", _r1, {"type": np.float64(2)}, TypeError, "type"),
    ("dct type 2**40", "dct", _r1, {"type": 2**40}, TypeError, "type"),
    ("dst type -2**70", "dst", _r1, {"type": -2**70}, TypeError, "type"),
    ("dct type array([2])", "dct", _r1, {"type": np.array([2])}, TypeError, "type"),
    ("dct type complex", "dct", _r1, {"type": 2 + 0j}, TypeError, "type"),
    ("dct type float complex input", "dct", _c1, {"type": 2.0}, TypeError, "type"),
    ("dct type float empty", "dct", np.zeros((2, 0)), {"type": 2.0, "axis": 0}, TypeError,
     "type"),
    ("dct type float + ortho str", "dct", _r1, {"type": 2.0, **_STR_ORTHO}, TypeError, "type"),
    ("dct workers=1.5", "dct", _r1, {"workers": 1.5}, TypeError, None),
    ("dstn workers=2.0", "dstn", _r3, {"workers": 2.0}, TypeError, None),
    ("dct workers float empty", "dct", np.zeros((3, 0)), {"workers": 1.5, "axis": 0},
     TypeError, None),
    ("dct type 1 length 1 workers float", "dct", np.ones(1), {"type": 1, "workers": 1.5},
     TypeError, None),
    *[(f"{name} orthogonalize str", name, _x(name), _STR_ORTHO, RuntimeError,
       "orthogonalize") for name in FUNCS],
    ("dct orthogonalize list", "dct", _r1, {"orthogonalize": [1]}, RuntimeError,
     "orthogonalize"),
    ("dct orthogonalize object", "dct", _r1, {"orthogonalize": object()}, RuntimeError,
     "orthogonalize"),
    ("dct orthogonalize ambiguous array", "dct", _r1, {"orthogonalize": np.array([1, 0])},
     RuntimeError, "orthogonalize"),
    ("dst orthogonalize empty tuple", "dst", _r1, {"orthogonalize": ()}, RuntimeError,
     "orthogonalize"),
    ("dct orthogonalize str type=5", "dct", _r1, {"type": 5, **_STR_ORTHO}, RuntimeError,
     "orthogonalize"),                                  # checked before the type's range
    ("dct orthogonalize str length 1", "dct", np.ones(1), {"type": 1, **_STR_ORTHO},
     RuntimeError, "orthogonalize"),                    # ...and before the length
    ("dct orthogonalize str empty", "dct", np.zeros((3, 0)), {"axis": 0, **_STR_ORTHO},
     RuntimeError, "orthogonalize"),
]


@pytest.mark.parametrize("via", VIAS)
@pytest.mark.parametrize("name, x, kwargs, exc, word", [c[1:] for c in BINDING_ERRORS],
                         ids=_ids(BINDING_ERRORS))
def test_binding_errors_raise_scipys_type(util, name, x, kwargs, exc, word, via):
    expected = util.exception_of(util.scipy_default, name, x, **kwargs)
    assert type(expected) is exc, f"test precondition: SciPy raises {expected!r}"
    got = util.exception_of(_call, name, x, via, kwargs)
    assert type(got) is exc, f"{name}({kwargs}) raised {got!r}; SciPy raises {expected!r}"
    if word is not None:
        assert word in str(got), str(got)


# Valid but unusual calls: SciPy returns a result, ours must be the same.
QUIRK_CALLS = [
    # types SciPy accepts: anything equal to 2 or 3 for the inverses (mapped by
    # ==), integers, and numbers its binding truncates with int()
    ("idct type=2.0", "idct", _r1, {"type": 2.0}),
    ("idst type=3.0", "idst", _r1, {"type": 3.0}),
    ("idctn type=2.0", "idctn", _r3, {"type": 2.0}),
    ("idct type=array([2])", "idct", _r1, {"type": np.array([2])}),
    ("idct type=2+0j", "idct", _r1, {"type": 2 + 0j}),
    ("idct type=Decimal(3)", "idct", _r1, {"type": decimal.Decimal(3)}),
    ("dct type int64", "dct", _r1, {"type": np.int64(3)}),
    ("dst type uint8", "dst", _r1, {"type": np.uint8(4)}),
    ("dct type True", "dct", _r1, {"type": True}),
    ("idct type np.True_", "idct", _r1, {"type": np.True_}),
    ("dct type float32 2.7", "dct", _r1, {"type": np.float32(2.7)}),       # int(): 2
    ("idct type float32 2.7", "idct", _r1, {"type": np.float32(2.7)}),     # not mapped: 2
    ("dst type float16", "dst", _r1, {"type": np.float16(3)}),
    ("dct type 0-d float array", "dct", _r1, {"type": np.array(2.5)}),
    ("dct type Decimal", "dct", _r1, {"type": decimal.Decimal("4.5")}),
    ("dctn type Fraction", "dctn", _r3, {"type": fractions.Fraction(7, 2)}),
    # orthogonalize: anything with a truth value, ignored for complex input
    ("dct orthogonalize 1.5", "dct", _r1, {"orthogonalize": 1.5}),
    ("dct orthogonalize 0", "dct", _r1, {"orthogonalize": 0, "norm": "ortho"}),
    ("dst orthogonalize np.False_", "dst", _r1, {"orthogonalize": np.False_, "norm": "ortho"}),
    ("idct orthogonalize array([1])", "idct", _r1, {"orthogonalize": np.array([1])}),
    ("dstn orthogonalize Decimal(0)", "dstn", _r3,
     {"orthogonalize": decimal.Decimal(0), "norm": "ortho"}),
    *[(f"{name} complex orthogonalize str", name, _c3 if name in N_D else _c1,
       {"orthogonalize": "yes"}) for name in FUNCS],
    ("dct complex orthogonalize False ortho", "dct", _c1,
     {"orthogonalize": False, "norm": "ortho", "type": 1}),
    ("idstn complex orthogonalize True", "idstn", _c3, {"orthogonalize": True, "type": 3}),
    # lengths
    ("dst type 1 length 1", "dst", np.full(1, 3.0), {"type": 1}),
    ("idst type 1 length 1 ortho", "idst", np.full(1, 3.0), {"type": 1, "norm": "ortho"}),
    ("dct type 1 length 2", "dct", np.array([1.0, -2.0]), {"type": 1}),
    ("dct type 1 length-1 axis empty batch", "dct", np.ones((1, 0)), {"type": 1, "axis": 0}),
    ("dctn type 1 length-1 axis not transformed", "dctn", np.ones((2, 1)),
     {"type": 1, "axes": 0}),
    ("dctn type 1 empty", "dctn", np.ones((0, 1)), {"type": 1, "axes": 1}),
    ("dct empty batch", "dct", np.zeros((3, 0)), {"axis": 0}),
    ("dct length 1", "dct", np.full(1, 2.0), {"norm": "ortho"}),
    ("idct length 1 type 4", "idct", np.full((2, 1), 2.0), {"type": 4}),
    # n / s / axis / axes
    ("dct n pads", "dct", _r1, {"n": 13}),
    ("idst n truncates", "idst", _r1, {"n": 3, "type": 1}),
    ("dct n=True", "dct", _r1, {"n": True}),
    ("dst n int8 axis int32", "dst", _r2, {"n": np.int8(7), "axis": np.int32(0)}),
    ("idct n pads empty axis", "idct", np.zeros((3, 0)), {"n": 4}),
    ("dct axis=True", "dct", _r2, {"axis": True}),
    ("dctn s only", "dctn", _r3, {"s": (3, 5)}),
    ("idctn s int", "idctn", _r3, {"s": 6}),
    ("dstn s -1", "dstn", _r3, {"s": (-1, 2), "axes": (0, 2)}),
    ("idstn axes int", "idstn", _r3, {"axes": -2}),
    ("dctn axes list reversed", "dctn", _r3, {"axes": [2, 0]}),
    ("dctn axes=() with s=()", "dctn", _r3, {"axes": (), "s": ()}),
    ("dctn s=() ", "dctn", _r3, {"s": ()}),
    ("dctn empty axes ignores the rest", "dctn", _r3,
     {"axes": (), "type": 9, "norm": "bad", "workers": 0, "orthogonalize": "x"}),
    ("dctn 0-d", "dctn", np.float64(3), {}),
    ("idstn 0-d bad norm", "idstn", np.array(3.0), {"norm": "bad"}),
    ("dctn python scalar", "dctn", 3.0, {}),
    # norms, workers, data
    ("dct norm backward", "dct", _r1, {"norm": "backward"}),
    ("idst norm forward", "idst", _r1, {"norm": "forward", "type": 4}),
    ("dct workers=-1", "dct", _r2, {"workers": -1}),
    ("dstn workers=2", "dstn", _r3, {"workers": 2}),
    ("dct workers int8", "dct", _r1, {"workers": np.int8(2)}),
    ("dct workers True", "dct", _r1, {"workers": True}),
    ("dct bool input", "dct", np.array([True, False, True]), {}),
    ("idctn int input", "idctn", np.arange(12).reshape(3, 4), {"s": (3, 5)}),
    ("dst real object array", "dst", np.array([1, 2.5, 3], dtype=object), {}),
    ("dct complex list", "dct", [1 + 1j, 2, -1j], {}),
    ("dct overwrite_x 1", "dct", _r1, {"overwrite_x": 1}),
]


@pytest.mark.parametrize("via", VIAS)
@pytest.mark.parametrize("name, x, kwargs", [c[1:] for c in QUIRK_CALLS], ids=_ids(QUIRK_CALLS))
def test_unusual_valid_calls_like_scipy(util, name, x, kwargs, via):
    assert util.exception_of(util.scipy_default, name, x, **kwargs) is None, \
        "test precondition: SciPy accepts this call"
    x = x.copy() if isinstance(x, np.ndarray) else x   # overwrite_x=True may clobber it
    util.assert_matches_scipy(name, x, via=via, **kwargs)


def test_empty_axes_return_the_input_itself(util):
    """SciPy's N-D transforms over no axes return their input (as an array),
    without looking at the other arguments."""
    x = util.random_real((3, 4), key=(500,))
    for name in N_D:
        for kwargs in ({"axes": ()}, {"axes": [], "norm": "bad", "type": 0}):
            assert getattr(fftbackend, name)(x, **kwargs) is x
            with scipy.fft.set_backend(fftbackend, only=True):
                assert getattr(scipy.fft, name)(x, **kwargs) is x
        assert util.scipy_default(name, x, axes=()) is x, "test precondition"
    y = fftbackend.dctn(np.float32(2), norm="bad")
    assert type(y) is np.ndarray and y.dtype == np.float32 and y.shape == () and y == 2
    y = fftbackend.dctn(None)     # SciPy: np.asarray(None), an object array
    assert y.dtype == util.scipy_default("dctn", None).dtype == object and y.shape == ()


# ---------------------------------------------------------------- all variants
def _variant_inputs(util, dtype):
    if np.issubdtype(dtype, np.complexfloating):
        make = lambda shape, key: util.random_complex(shape, dtype, key=key)  # noqa: E731
    else:
        make = lambda shape, key: util.random_real(shape, dtype, key=key)  # noqa: E731
    return [make((n,), (501, n)) for n in (1, 2, 3, 5, 8, 16, 17)] + [make((5, 6), (502,))]


@pytest.mark.parametrize("dtype", [np.float64, np.float32, np.complex128, np.complex64],
                         ids=DTYPE_IDS)
@pytest.mark.parametrize("name", FUNCS)
def test_every_type_norm_and_orthogonalize_like_scipy(util, name, dtype):
    for x in _variant_inputs(util, dtype):
        for kind in (1, 2, 3, 4):
            if kind == 1 and name.startswith(("dct", "idct")) and 1 in x.shape:
                continue      # DCT-I of one point: an error (tested above)
            for norm in util.NORMS:
                for ortho in (None, True, False):
                    kwargs = {"type": kind, "norm": norm, "orthogonalize": ortho}
                    util.assert_matches_scipy(name, x, **kwargs)
                    if x.ndim == 2:
                        if name in N_D:
                            util.assert_matches_scipy(name, x, axes=0, **kwargs)
                        else:
                            util.assert_matches_scipy(name, x, axis=0, **kwargs)


@pytest.mark.parametrize("name", FUNCS)
def test_orthogonalize_is_ignored_for_complex_input(util, name):
    """For complex input SciPy calls its binding without `orthogonalize`, so
    the default rule (on exactly with norm="ortho") applies whatever is passed."""
    c = util.random_complex((4, 7), key=(503,))
    for norm in ("ortho", None):
        for ortho in (True, False):
            got = getattr(fftbackend, name)(c, type=2, norm=norm, orthogonalize=ortho)
            parts = [getattr(fftbackend, name)(np.ascontiguousarray(p), type=2, norm=norm)
                     for p in (c.real, c.imag)]
            assert np.array_equal(got, parts[0] + 1j * parts[1]), (norm, ortho)
    real = getattr(fftbackend, name)(c.real, type=2, norm="ortho", orthogonalize=False)
    default = getattr(fftbackend, name)(c.real, type=2, norm="ortho")
    assert not np.allclose(real, default), "test precondition: orthogonalize matters"


# ------------------------------------------------------------- output dtypes
R2R_OUT = {np.bool_: np.float64, np.int8: np.float64, np.int32: np.float64,
           np.int64: np.float64, np.uint8: np.float64, np.uint64: np.float64,
           np.float16: np.float32, np.float32: np.float32, np.float64: np.float64,
           np.complex64: np.complex64, np.complex128: np.complex128}


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


@pytest.mark.parametrize("via", VIAS)
@pytest.mark.parametrize("dtype", list(R2R_OUT), ids=DTYPE_IDS)
def test_input_dtypes(util, dtype, via):
    out = np.dtype(R2R_OUT[dtype])
    for shape in ((2,), (9,), (6, 8), (3, 4, 5)):
        x = _typed(util, dtype, shape, 504)
        calls = [("dct", {}), ("idct", {"type": 1, "norm": "ortho"}), ("dst", {"type": 4}),
                 ("idst", {"n": shape[-1] + 2}), ("dctn", {}), ("idctn", {"type": 3}),
                 ("dstn", {"type": 1, "norm": "forward"}), ("idstn", {"axes": 0})]
        for name, kwargs in calls:
            y = util.assert_matches_scipy(name, x, via=via, **kwargs)
            assert y.dtype == out, f"{name}({np.dtype(dtype)}) -> {y.dtype}, want {out}"


@pytest.mark.parametrize("dtype", [np.longdouble, np.clongdouble], ids=DTYPE_IDS)
@pytest.mark.parametrize("name", FUNCS)
def test_long_double_falls_through_to_scipy(util, name, dtype):
    x = util.random_complex((5, 7), key=(505,))
    x = (x if dtype is np.clongdouble else x.real).astype(dtype)
    kwargs = {"type": 3, "norm": "ortho", "orthogonalize": False}
    expected = util.scipy_default(name, x, **kwargs)
    assert expected.dtype == dtype
    with util.our_backend():
        got = getattr(scipy.fft, name)(x, **kwargs)
    assert got.dtype == dtype and np.array_equal(got, expected)   # SciPy computed it
    got = getattr(fftbackend, name)(x, **kwargs)    # the public functions hand it to SciPy
    assert got.dtype == dtype and np.array_equal(got, expected)
    # SciPy's errors, raised by SciPy
    for bad in ({"norm": "bad"}, {"type": 9}):
        want = util.exception_of(util.scipy_default, name, x, **bad)
        got = util.exception_of(getattr(fftbackend, name), x, **bad)
        assert type(got) is type(want) and str(got) == str(want)


def test_big_endian_float16_is_computed(util):
    """SciPy raises RuntimeError('unsupported data type') on big-endian float16
    (its float16 -> float32 promotion compares dtypes including the byte
    order); we compute it like native float16, as the other transforms do."""
    x = util.random_real((6, 10), np.float16, key=(506,)).astype(">f2")
    assert isinstance(util.exception_of(util.scipy_default, "dct", x), RuntimeError), \
        "precondition: SciPy still fails here (if fixed, drop this test)"
    native = x.astype(np.float16)
    for name, kwargs in (("dct", {}), ("idst", {"axis": 0}), ("dctn", {}),
                         ("idstn", {"s": (4, 7)})):
        want = util.scipy_default(name, native, **kwargs)
        got = util.call_ours(name, x, **kwargs)
        assert got.dtype == want.dtype == np.float32 and got.shape == want.shape, name
        util.assert_close(got, want, what=f"{name} big-endian float16")


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
    function = getattr(fftbackend, name)
    assert callable(function) and function.__name__ == name and name in function.__doc__


def test_positional_arguments(util):
    x = util.random_real((6, 10), key=(507,))
    c = util.random_complex((6, 10), np.complex64, key=(508,))
    util.assert_matches_scipy("dct", x, 3, 12, 0, "ortho", False, 1, False)
    util.assert_matches_scipy("idct", c, 1, 7, -1, "forward", False, None, True)
    util.assert_matches_scipy("dst", x, 4, None, 0, None, False, 2)
    util.assert_matches_scipy("idst", x, 2, 5, 1, "backward", False, 1, None)
    util.assert_matches_scipy("dctn", x, 2, (4, 9), (1, 0), "ortho", False, 1)
    util.assert_matches_scipy("dstn", x, 1, (5,), (0,), None, False, 2, True)
    util.assert_matches_scipy("idstn", c, 3, None, None, "forward", False, 1)


@pytest.mark.parametrize("dtype", [np.float64, np.float32], ids=DTYPE_IDS)
def test_norm_none_is_backward_bitwise(util, dtype):
    x = util.random_real((4, 33), dtype, key=(509,))
    for name in FUNCS:
        for kind in (1, 2, 3, 4):
            a = getattr(fftbackend, name)(x, type=kind, norm=None)
            b = getattr(fftbackend, name)(x, type=kind, norm="backward")
            assert a.dtype == b.dtype and np.array_equal(a, b), (name, kind)


# --------------------------------------------------------------------- layouts
def _readonly(a):
    a = a.copy(order="K")
    a.flags.writeable = False
    return a


def _layouts(util):
    r1 = util.random_real(30, key=(510,))
    r2 = util.random_real((6, 20), key=(511,))
    r3 = util.random_real((4, 5, 6), key=(512,))
    c2 = util.random_complex((6, 11), key=(513,))
    return {
        "real_fortran_2d": np.asfortranarray(r2),
        "real_negative_2d": r2[::-1, ::-2],
        "real_strided_1d": r1[::3],
        "real_transposed_3d": r3.transpose(2, 0, 1),
        "real_part_view": c2.real,
        "imag_part_view_f32": c2.astype(np.complex64).imag,
        "real_broadcast_rows": np.broadcast_to(r1, (5, 30)),
        "real_broadcast_scalar": np.broadcast_to(np.float64(2.5), (24,)),
        "real_readonly": _readonly(r2),
        "big_endian_f8": r2.astype(">f8"),
        "big_endian_f4_strided": r3.astype(">f4")[:, ::-1],
        "big_endian_i4": np.round(10 * r2).astype(">i4"),
        "unaligned_f8_2d": util.unaligned(r2),
        "unaligned_f4_3d": util.unaligned(r3.astype(np.float32)),
        "complex_fortran_2d": np.asfortranarray(c2),
        "complex_negative_strided": c2[::-1, ::2],
        "complex_broadcast_rows": np.broadcast_to(c2[0], (4, 11)),
        "big_endian_c16": c2.astype(">c16"),
        "unaligned_c8_2d": util.unaligned(c2.astype(np.complex64)),
    }


@pytest.mark.parametrize("via", VIAS)
def test_layouts(util, via):
    for layout, x in _layouts(util).items():
        if "unaligned" in layout:
            assert not x.flags.aligned, "test precondition: input must be misaligned"
        d = x.ndim
        calls = [("dct", dict(axis=axis)) for axis in range(-d, d)]
        calls += [("idst", dict(type=1, n=x.shape[-1] + 3)), ("dst", dict(type=4, norm="ortho")),
                  ("idctn", dict()), ("dctn", dict(axes=tuple(range(d))[::-1], type=1)),
                  ("dstn", dict(s=tuple(max(2, n - 1) for n in x.shape)))]
        if d >= 2:
            calls += [("idct", dict(axis=0, type=3, n=7)), ("idstn", dict(axes=(0,), type=4))]
        for name, kwargs in calls:
            y = util.assert_matches_scipy(name, x, via=via, what=layout, **kwargs)
            assert y.flags.writeable


LIST_INPUTS = {
    "float_1d": [1.0, 2.5, -3.0, 4.0, 0.5, 7.0, -1.0],
    "int_1d": [1, 2, 3, 4, 5, 6, 7, 8, 9],
    "bool_1d": [True, False, True, True, False],
    "tuple_2d": ((1.0, 2.0, 0.5), (3.0, 4.5, -1), (-1.0, 0.0, 2.0)),
    "complex_2d": [[1 + 1j, 2, 3], [4, 5 - 2j, 6], [7j, 8, 9], [0, 1, -1]],
    "single": [3.0],
}


@pytest.mark.parametrize("via", VIAS)
@pytest.mark.parametrize("kind", sorted(LIST_INPUTS))
def test_list_inputs(util, kind, via):
    x = LIST_INPUTS[kind]
    calls = [("dct", {}), ("idct", {"norm": "ortho"}), ("dst", {"type": 1}),
             ("idst", {"n": 8}), ("dctn", {}), ("idctn", {"s": 5}), ("dstn", {"type": 4}),
             ("idstn", {"type": 3})]
    if isinstance(x[0], (list, tuple)):
        calls += [("dct", {"axis": 0, "type": 1}), ("dstn", {"axes": (1, 0)})]
    for name, kwargs in calls:
        util.assert_matches_scipy(name, x, via=via, **kwargs)   # list left unchanged too


ZERO_SIZE_CASES = [
    ((0, 8), "dct", {}),
    ((0, 8), "idst", {"n": 5, "type": 1}),
    ((8, 0), "dst", {"axis": 0}),
    ((1, 0), "dct", {"axis": 0, "type": 1}),       # DCT-I of one point, but nothing to do
    ((3, 0, 5), "idct", {"axis": 2, "norm": "ortho"}),
    ((3, 0, 5), "dctn", {"axes": (0, 2), "overwrite_x": True}),
    ((3, 0, 5), "idstn", {"axes": (2, 0), "s": (4, 2)}),
    ((0, 4, 6), "dstn", {"axes": (1, 2), "type": 4}),
]


@pytest.mark.parametrize("via", VIAS)
@pytest.mark.parametrize("dtype", [np.float64, np.float32, np.complex128, np.int32],
                         ids=DTYPE_IDS)
@pytest.mark.parametrize("shape, func, kwargs", ZERO_SIZE_CASES, ids=str)
def test_zero_size_batches(util, shape, func, kwargs, dtype, via):
    y = util.assert_matches_scipy(func, np.zeros(shape, dtype=dtype), via=via, **kwargs)
    assert y.size == 0


# ---------------------------------------------------------------- overwrite_x
def _overwrite_calls(x):
    last = x.shape[-1]
    calls = [("dct", {}), ("idct", {"type": 1, "norm": "ortho"}), ("dst", {"type": 4}),
             ("idst", {"n": last + 5}), ("dct", {"n": max(2, last - 3)}),
             ("dctn", {}), ("idstn", {"type": 3, "s": (last - 1,)})]
    if x.ndim >= 2:
        calls += [("dst", {"axis": 0}), ("idctn", {"axes": (1, 0)}),
                  ("dstn", {"s": (3, 7), "type": 1})]
    return calls


def _unwritable_inputs(util):
    v = util.random_real(40, key=(520,))
    m = util.random_real((6, 20), key=(521,))
    c = util.random_complex((6, 11), key=(522,))
    return {
        "readonly_real_1d": _readonly(v),
        "readonly_real_f32": _readonly(m.astype(np.float32)),
        "readonly_real_fortran": _readonly(np.asfortranarray(m)).T,
        "readonly_real_strided": _readonly(m)[:, ::-3],
        "broadcast_real_rows": np.broadcast_to(v, (5, 40)),
        "readonly_complex": _readonly(c),
        "readonly_complex_c64_strided": _readonly(c.astype(np.complex64))[::-1, ::2],
        "broadcast_complex_rows": np.broadcast_to(c[0], (5, 11)),
        "readonly_from_bytes_real": np.frombuffer(m.tobytes(), dtype=np.float64).reshape(6, 20),
    }


@pytest.mark.parametrize("via", VIAS)
def test_overwrite_true_on_unwritable_input(util, via):
    """SciPy raises ValueError('array is not writeable') here; we compute the
    transform without touching the input, as the other transforms do."""
    assert isinstance(util.exception_of(util.scipy_default, "dct", _readonly(_r1),
                                        overwrite_x=True), ValueError), "test precondition"
    for kind, x in _unwritable_inputs(util).items():
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
    """The input may be clobbered, but the result must be right, also for a
    writable self-overlapping view (SciPy returns garbage there)."""
    if np.issubdtype(dtype, np.complexfloating):
        base = util.random_complex((6, 20), dtype, key=(523,))
    else:
        base = util.random_real((6, 20), dtype, key=(524,))
    for lname, make in util.overwrite_layouts(base).items():
        for name, kwargs in _overwrite_calls(make()):
            x = make()
            expected = util.scipy_default(name, np.array(x), **kwargs)   # a plain copy
            for via in VIAS:
                got = util.call_ours(name, make(), overwrite_x=True, via=via, **kwargs)
                assert got.dtype == expected.dtype and got.shape == expected.shape
                util.assert_close(got, expected,
                                  what=f"{lname}: {name}(overwrite_x=True, {kwargs}) via {via}")


@pytest.mark.parametrize("dtype", [np.float64, np.float32, np.complex128, np.complex64,
                                   np.float16, np.int64, ">f8"], ids=DTYPE_IDS)
def test_overwrite_writes_into_the_input_only_where_scipy_does(util, dtype):
    """With overwrite_x=True SciPy writes the result into the caller's memory
    when it transforms that memory directly (native, aligned float/complex
    input, not zero-padded) and returns a view of it, never the input object
    itself; elsewhere (converted or padded input, overwrite_x=False) the
    result is a new array.  Ours shares memory with the input in the same
    cases, and never with overwrite_x=False."""
    base = _typed(util, np.dtype(dtype).type, (6, 20), 525).astype(dtype)
    layouts = {k: v for k, v in util.overwrite_layouts(base).items()
               if k != "zero_stride_writable"}     # SciPy writes garbage there
    for lname, make in layouts.items():
        for name, kwargs in _overwrite_calls(make()):
            for overwrite in (True, False):
                x_theirs = make()
                theirs = util.scipy_default(name, x_theirs, overwrite_x=overwrite, **kwargs)
                for via in VIAS:
                    x_ours = make()
                    ours = _call(name, x_ours, via, dict(overwrite_x=overwrite, **kwargs))
                    what = f"{lname} {np.dtype(dtype)}: {name}(overwrite_x={overwrite}, {kwargs})"
                    assert ours is not x_ours and theirs is not x_theirs, what
                    assert (np.shares_memory(ours, x_ours)
                            == np.shares_memory(theirs, x_theirs)), what
                    assert ours.dtype == theirs.dtype and ours.shape == theirs.shape, what
                    util.assert_close(ours, theirs, what=what)


def test_overwrite_false_never_modifies_input(util):
    base = util.random_complex((5, 8, 9), key=(526,))
    for dt in (np.complex128, np.complex64, np.float64, np.float32, np.float16):
        b = base.astype(dt) if np.issubdtype(dt, np.complexfloating) else base.real.astype(dt)
        for x in (b, np.asfortranarray(b), b[:, ::-1, 1::2]):
            for name in FUNCS:
                for kwargs in ({}, {"norm": "ortho", "type": 1}, {"overwrite_x": False},
                               {"workers": 2, "type": 4}):
                    snap = util.snapshot(x)
                    y = getattr(fftbackend, name)(x, **kwargs)
                    util.assert_unchanged(snap, what=f"{name}({np.dtype(dt)}, {kwargs})")
                    assert not np.shares_memory(y, x), f"{name}({np.dtype(dt)}, {kwargs})"


# -------------------------------------------------------------------- dispatch
@pytest.mark.parametrize("only", [False, True])
@pytest.mark.parametrize("name", FUNCS)
def test_set_backend_dispatches_to_us(util, name, only):
    """only=True: SciPy's backend is not consulted, so a result proves we made it."""
    calls = [(util.random_real((6, 10), key=(530,)), {}),
             (util.random_real((4, 9), np.float32, key=(531,)), {"type": 1, "norm": "ortho"}),
             (util.random_complex((5, 7), key=(532,)), {"type": 4}),
             (util.random_real(12, key=(533,)), {"type": 3, "orthogonalize": True})]
    for x, kwargs in calls:
        direct = getattr(fftbackend, name)(x, **kwargs)
        with scipy.fft.set_backend(fftbackend, only=only):
            via = getattr(scipy.fft, name)(x, **kwargs)
        assert via.dtype == direct.dtype and np.array_equal(via, direct), (name, kwargs)
        util.assert_matches_scipy(name, x, **kwargs)


def test_workers_give_bitwise_identical_results(util):
    for n in (8, 17, 100, 1009):
        x = util.random_real((16, n), key=(540, n))
        for name in FUNCS:
            for kind in (1, 2, 3, 4):
                one = getattr(fftbackend, name)(x, type=kind, workers=1)
                for w in (2, -1):
                    other = getattr(fftbackend, name)(x, type=kind, workers=w)
                    assert other.tobytes() == one.tobytes(), (name, n, kind, w)
                with scipy.fft.set_workers(3):
                    other = getattr(fftbackend, name)(x, type=kind)
                assert other.tobytes() == one.tobytes(), (name, n, kind, "set_workers")
