"""Bad and unusual input: fftbackend must behave exactly like SciPy's default backend.

For every public transform (and ``fftconvolve`` / ``oaconvolve``) and every case of the
table below, three calls are made:

* the reference: ``scipy.fft.<name>`` under ``set_backend("scipy", only=True)``;
* ours, directly: ``fftbackend.<name>``;
* ours, through SciPy: ``scipy.fft.<name>`` under ``set_backend(fftbackend, only=True)``.
  Where fftbackend declines the input (``NotImplemented``, e.g. long double), ``only=True``
  raises ``BackendNotImplementedError``: that path is then not comparable, but only the cases
  marked ``declined=True`` may do so.

Both of ours must give SciPy's outcome: the same result (type, dtype, shape, values within
a normwise relative error of 4e-15 in double / 1e-6 in single precision: SciPy's result has
rounding error of its own) or an exception of the same type.

Deliberate deviations are special-cased, never skipped (see ``DEVIATION_*``):

* read-only or self-overlapping input with ``overwrite_x=True``: we compute the correct
  transform where SciPy raises or returns garbage, so the reference is SciPy on a private
  copy with ``overwrite_x=False``;
* ``workers=np.float32(2)``: TypeError in ours, SciPy accepts it;
* ``workers >= 2**31``: OverflowError in ours, SciPy accepts it.

Mismatches that are not deliberate are ``xfail(strict=True)`` (see ``KNOWN_MISMATCHES``).
"""
import dataclasses
import subprocess
import sys
import textwrap
import warnings
from typing import Any, Callable

import numpy as np
import pytest
import scipy.fft
import scipy.signal
from scipy._lib._uarray import BackendNotImplementedError  # what only=True raises

import fftbackend

# np.matrix input (a case below) warns when it is made
pytestmark = pytest.mark.filterwarnings("ignore:the matrix subclass:PendingDeprecationWarning")

# --------------------------------------------------------------------------------------
# the functions

# name -> (signature kind, natural input kind): "1d" takes n/axis, "nd" s/axes; "c" complex, "r" real
FUNCS = {}
for _name in ("fft", "ifft"):
    FUNCS[_name] = ("1d", "c")
for _name in ("irfft", "hfft"):
    FUNCS[_name] = ("1d", "c")
for _name in ("rfft", "ihfft", "dct", "idct", "dst", "idst"):
    FUNCS[_name] = ("1d", "r")
for _name in ("fft2", "ifft2", "fftn", "ifftn", "irfft2", "hfft2", "irfftn", "hfftn"):
    FUNCS[_name] = ("nd", "c")
for _name in ("rfft2", "ihfft2", "rfftn", "ihfftn", "dctn", "idctn", "dstn", "idstn"):
    FUNCS[_name] = ("nd", "r")
R2R = {"dct", "idct", "dst", "idst", "dctn", "idctn", "dstn", "idstn"}
REAL_INPUT = {"rfft", "ihfft", "rfft2", "ihfft2", "rfftn", "ihfftn"} | R2R
ALL_FUNCS = sorted(FUNCS)

TOL = {"d": 4e-15, "s": 1e-6}


def _tol(dtype):
    return TOL["s"] if np.dtype(dtype).char in "fFe" else TOL["d"]


def _base(kind, dtype=None):
    """The 2-D (4, 6) input of a function's natural kind."""
    x = np.linspace(-1.0, 2.0, 24).reshape(4, 6) ** 2 + np.arange(24).reshape(4, 6) % 5
    if kind == "c":
        x = x + 1j * (np.arange(24).reshape(4, 6) % 7 - 2.5)
    return x if dtype is None else x.astype(dtype)


def _writable_zero_stride(a):
    """A writable view whose 4 rows are the same memory (as_strided, zero stride)."""
    a = np.array(a)
    return np.lib.stride_tricks.as_strided(a[0], shape=a.shape, strides=(0, a.itemsize),
                                           writeable=True)


def _unaligned(a):
    a = np.ascontiguousarray(a)
    buf = bytearray(a.nbytes + 1)
    view = np.frombuffer(buf, dtype=a.dtype, count=a.size, offset=1).reshape(a.shape)
    view[...] = a
    assert not view.flags.aligned
    return view


def _readonly(a):
    a = np.array(a)
    a.setflags(write=False)
    return a


def _with_nonfinite(a):
    a = np.array(a)
    a[1, 2] = np.nan
    a[2, 4] = np.inf
    return a


# --------------------------------------------------------------------------------------
# the cases

@dataclasses.dataclass
class Case:
    name: str
    build: Callable[[np.ndarray], Any]      # natural (4, 6) base array -> input x
    kw1d: dict | None = dataclasses.field(default_factory=dict)   # None: not for 1-D functions
    kwnd: dict | None = dataclasses.field(default_factory=dict)   # None: not for N-D functions
    only: frozenset | None = None           # restrict to these functions
    nonfinite: bool = False                 # compare the finite mask, then the finite values
    copy_reference: bool = False            # DEVIATION_OVERWRITE: reference on a private copy
    ours_raise: type | None = None          # DEVIATION_WORKERS: ours raise this, SciPy computes
    declined: bool = False                  # fftbackend may decline (only=True path not comparable)
    tol: float | None = None                # normwise bound, if not the one of the output dtype
    atol: float | None = None               # absolute bound instead (subnormal results)


I = lambda a: a  # noqa: E731
C = Case
CASES = [
    # shapes and lengths
    C("empty_1d", lambda a: a[0, :0]),
    C("empty_axis", lambda a: a[:, :0]),
    C("empty_other_axis", lambda a: a[:0]),
    C("empty_n", lambda a: a[0, :0], {"n": 4}, {"s": (4,)}),
    C("empty_2d_s", lambda a: a[:0, :0], {"n": 4, "axis": 0}, {"s": (3, 4)}),
    C("size1", lambda a: a[:1, :1]),
    C("n_0", I, {"n": 0}, {"s": (0, 4)}),
    C("n_negative", I, {"n": -3}, {"s": (4, -3)}),
    C("s_minus1", I, None, {"s": (-1, 5)}),
    C("s_minus2", I, None, {"s": (-2, 5)}),
    C("n_crop", I, {"n": 3}, {"s": (3, 2)}),
    C("n_pad", I, {"n": 11}, {"s": (5, 9)}),
    C("n_float", I, {"n": 4.0}, {"s": (4.0, 4)}),
    C("n_float_frac", I, {"n": 4.5}, {"s": (4, 4.5)}),
    C("n_np_float", I, {"n": np.float64(4)}, {"s": (np.float32(4), 4)}),
    C("n_bool", I, {"n": True}, {"s": (True, 4)}),
    C("n_np_bool", I, {"n": np.True_}, {"s": (np.True_, 4)}),
    C("n_np_int", I, {"n": np.int64(7)}, {"s": (np.int32(3), np.uint8(7))}),
    C("n_0d_int_array", I, {"n": np.array(7)}, {"s": np.array([3, 7])}),
    C("n_str", I, {"n": "4"}, {"s": ("4", 4)}),
    C("n_huge", I, {"n": 2**62}, {"s": (2**62,), "axes": (1,)}),
    C("n_huge_2d", I, {"n": 2**40}, {"s": (2**40, 2**40)}),
    C("n_too_big_for_int64", I, {"n": 2**64}, {"s": (2**64, 4)}),
    C("s_scalar", I, None, {"s": 5, "axes": 1}),
    C("s_empty", I, None, {"s": ()}),
    C("s_none_axes_empty", I, None, {"axes": ()}),
    C("s_axes_mismatch", I, None, {"s": (4, 4), "axes": (0,)}),
    C("s_too_long", I, None, {"s": (4, 4, 4)}),
    C("s_set", I, None, {"s": {4, 5}}),
    # axes
    C("axis_0", I, {"axis": 0}, {"axes": (0,)}),
    C("axis_out_of_range", I, {"axis": 2}, {"axes": (0, 2)}),
    C("axis_negative_out_of_range", I, {"axis": -3}, {"axes": (-3, 1)}),
    C("axes_repeated", I, None, {"axes": (1, 1)}),
    C("axes_repeated_negative", I, None, {"axes": (1, -1)}),
    C("axes_reversed", I, None, {"axes": (1, 0)}),
    C("axis_float", I, {"axis": 1.0}, {"axes": (1.0, 0)}),
    C("axis_np_int", I, {"axis": np.int16(0)}, {"axes": (np.int64(1), np.int8(0))}),
    C("axis_none", I, {"axis": None}, None),
    C("axes_scalar", I, None, {"axes": 0}),
    C("axes_list_of_str", I, None, {"axes": ["0", "1"]}),
    # norm
    C("norm_invalid", I, {"norm": "bad"}, {"norm": "bad"}),
    C("norm_upper", I, {"norm": "ORTHO"}, {"norm": "ORTHO"}),
    C("norm_int", I, {"norm": 1}, {"norm": 1}),
    C("norm_unhashable", I, {"norm": ["ortho"]}, {"norm": ["ortho"]}),
    C("norm_forward", I, {"norm": "forward"}, {"norm": "forward"}),
    # workers
    C("workers_0", I, {"workers": 0}, {"workers": 0}),
    C("workers_too_negative", I, {"workers": -10_000}, {"workers": -10_000}),
    C("workers_minus1", I, {"workers": -1}, {"workers": -1}),
    C("workers_float", I, {"workers": 2.5}, {"workers": 2.5}),
    C("workers_float_integral", I, {"workers": 2.0}, {"workers": 2.0}),
    C("workers_str", I, {"workers": "2"}, {"workers": "2"}),
    C("workers_np_int64", I, {"workers": np.int64(2)}, {"workers": np.int64(2)}),
    C("workers_np_int32_neg", I, {"workers": np.int32(-1)}, {"workers": np.int32(-1)}),
    C("workers_np_uint8", I, {"workers": np.uint8(3)}, {"workers": np.uint8(3)}),
    C("workers_bool", I, {"workers": True}, {"workers": True}),
    # DEVIATION_WORKERS (deliberate): SciPy's pybind11 binding converts these, ours refuses.
    C("workers_np_float32", I, {"workers": np.float32(2)}, {"workers": np.float32(2)},
      ours_raise=TypeError),
    C("workers_2_31", I, {"workers": 2**31}, {"workers": 2**31}, ours_raise=OverflowError),
    # plan
    C("plan_given", I, {"plan": object()}, {"plan": object()}),
    C("plan_false", I, {"plan": False}, {"plan": False}),
    # dtypes and values
    C("complex_input", lambda a: a + 0.5j),
    C("real_input", lambda a: np.ascontiguousarray(a.real)),
    C("float32", lambda a: a.astype(np.float32 if a.dtype.kind == "f" else np.complex64)),
    C("float16", lambda a: a.real.astype(np.float16)),
    C("int64", lambda a: (a.real * 3).astype(np.int64)),
    C("uint8", lambda a: (a.real * 3).astype(np.uint8)),
    C("bool", lambda a: a.real > 2),
    C("longdouble", lambda a: a.astype(np.clongdouble if a.dtype.kind == "c" else np.longdouble),
      declined=True),
    C("zero_d", lambda a: np.array(a[0, 0])),
    C("zero_d_axes_empty", lambda a: np.array(a[0, 0]), None, {"axes": ()}),
    C("python_scalar", lambda a: a[0, 0].item()),
    C("object_array", lambda a: a.astype(object)),
    C("object_array_bad", lambda a: np.array([[1.0, None], [2.0, 3.0]], dtype=object),
      nonfinite=True),  # None -> NaN
    C("string_array_numeric", lambda a: a.real.astype(str)),
    C("string_array_text", lambda a: np.array([["a", "b"], ["c", "d"]])),
    C("bytes_array", lambda a: np.array([[b"1", b"2"], [b"3", b"4"]])),
    C("datetime_array", lambda a: np.array([["2020-01-01", "2020-01-02"]] * 2,
                                           dtype="datetime64[D]")),
    C("nan_inf", _with_nonfinite, nonfinite=True),
    C("all_nan", lambda a: np.full(a.shape, np.nan, a.dtype), nonfinite=True),
    C("huge_values", lambda a: a * 1e300, nonfinite=True),
    C("tiny_values", lambda a: a * 1e-300),
    # Subnormal data has few significant bits: compare absolutely, to a few subnormal ulps.
    C("subnormal_values", lambda a: a * 1e-310, atol=64 * 5e-324),
    # memory layouts
    C("big_endian", lambda a: a.astype(a.dtype.newbyteorder(">"))),
    C("big_endian_f32", lambda a: a.astype(np.dtype(np.float32 if a.dtype.kind == "f"
                                                    else np.complex64).newbyteorder(">"))),
    C("unaligned", _unaligned),
    C("unaligned_big_endian", lambda a: _unaligned(a.astype(a.dtype.newbyteorder(">")))),
    C("negative_strides", lambda a: np.array(a)[::-1, ::-1]),
    C("negative_strides_overwrite", lambda a: np.array(a)[::-1, ::-2],
      {"overwrite_x": True}, {"overwrite_x": True}),
    C("step_strides", lambda a: np.repeat(np.repeat(a, 2, 0), 3, 1)[::2, ::3]),
    C("zero_stride_broadcast", lambda a: np.broadcast_to(a[0], a.shape)),
    C("zero_stride_broadcast_overwrite", lambda a: np.broadcast_to(a[0], a.shape),
      {"overwrite_x": True}, {"overwrite_x": True}, copy_reference=True),
    C("fortran", np.asfortranarray),
    C("fortran_overwrite", np.asfortranarray, {"overwrite_x": True}, {"overwrite_x": True}),
    C("transposed", lambda a: np.ascontiguousarray(a.T).T),
    C("overwrite_contiguous", np.array, {"overwrite_x": True}, {"overwrite_x": True}),
    # DEVIATION_OVERWRITE (deliberate): we never write into read-only or self-overlapping input;
    # SciPy may raise (read-only) or return garbage (overlap).  Reference: SciPy on a copy.
    C("readonly_overwrite", _readonly, {"overwrite_x": True}, {"overwrite_x": True},
      copy_reference=True),
    C("readonly", _readonly),
    C("self_overlap_overwrite", _writable_zero_stride, {"overwrite_x": True},
      {"overwrite_x": True}, copy_reference=True),
    C("self_overlap_overwrite_crop", _writable_zero_stride, {"overwrite_x": True, "n": 4},
      {"overwrite_x": True, "s": (4, 4)}, copy_reference=True),
    C("self_overlap", _writable_zero_stride),
    # array-likes
    C("masked_array", lambda a: np.ma.array(a, mask=np.arange(a.size).reshape(a.shape) % 3 == 0)),
    C("matrix", np.asmatrix),
    C("list", lambda a: a.tolist()),
    C("list_1d", lambda a: a[0].tolist()),
    C("tuple", lambda a: tuple(map(tuple, a.tolist()))),
    C("ragged_list", lambda a: [[1.0, 2.0], [3.0]]),
    C("memoryview", lambda a: memoryview(np.ascontiguousarray(a))),
    # DCT/DST type and orthogonalize (r2r only)
    C("type_1", I, {"type": 1}, {"type": 1}, only=R2R),
    C("type_1_size1", lambda a: a[:1, :1], {"type": 1}, {"type": 1}, only=R2R),
    C("type_0", I, {"type": 0}, {"type": 0}, only=R2R),
    C("type_5", I, {"type": 5}, {"type": 5}, only=R2R),
    C("type_float", I, {"type": 2.0}, {"type": 2.0}, only=R2R),
    C("type_np_int", I, {"type": np.int8(3)}, {"type": np.int8(3)}, only=R2R),
    C("type_str", I, {"type": "2"}, {"type": "2"}, only=R2R),
    C("orthogonalize_true", I, {"orthogonalize": True, "type": 1},
      {"orthogonalize": True, "type": 1}, only=R2R),
    C("orthogonalize_noortho", I, {"orthogonalize": False, "norm": "ortho"},
      {"orthogonalize": False, "norm": "ortho"}, only=R2R),
    C("orthogonalize_str", I, {"orthogonalize": "yes"}, {"orthogonalize": "yes"}, only=R2R),
]
assert len({c.name for c in CASES}) == len(CASES)

# Mismatches found by this suite that are not deliberate: (case, function or None for all) ->
# reason.  Each is xfail(strict=True): fixing it makes the test fail until it is removed here.
# (The first run found two, both fixed: irfft/hfft with n=numpy.bool_, and NaN/Inf input to the
# fast convolution paths, which kept NaNs local where SciPy spreads them to every output.)
KNOWN_MISMATCHES: dict = {}


def _params():
    for case in CASES:
        for name in ALL_FUNCS:
            kind, _ = FUNCS[name]
            kw = case.kw1d if kind == "1d" else case.kwnd
            if kw is None or (case.only is not None and name not in case.only):
                continue
            marks = ()
            reason = KNOWN_MISMATCHES.get((case.name, name)) or KNOWN_MISMATCHES.get((case.name, None))
            if reason:
                marks = (pytest.mark.xfail(strict=True, reason=reason),)
            yield pytest.param(case, name, id=f"{case.name}-{name}", marks=marks)


# --------------------------------------------------------------------------------------
# comparison

def _outcome(call):
    """(result, None) or (None, exception); warnings are silenced (both sides warn alike)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return call(), None
    except BackendNotImplementedError as e:  # noqa: F841
        raise
    except Exception as e:  # noqa: BLE001 - the exception is what we compare
        return None, e


def _scipy(module, name, *args, **kwargs):
    with scipy.fft.set_backend("scipy", only=True):
        return getattr(module, name)(*args, **kwargs)


def _ours_backend(module, name, *args, **kwargs):
    with scipy.fft.set_backend(fftbackend, only=True):
        return getattr(module, name)(*args, **kwargs)


def _rel_err(y, ref):
    y = np.asarray(y).astype(np.clongdouble)
    ref = np.asarray(ref).astype(np.clongdouble)
    d = y - ref
    num = np.sum(d.real ** 2 + d.imag ** 2)
    den = np.sum(ref.real ** 2 + ref.imag ** 2)
    if den == 0:
        return 0.0 if num == 0 else np.inf
    return float(np.sqrt(num / den))


def assert_same_result(got, ref, label, nonfinite=False, tol=None, atol=None):
    assert type(got) is type(ref), f"{label}: returned {type(got)}, SciPy {type(ref)}"
    got = np.asarray(got)
    ref = np.asarray(ref)
    assert got.dtype == ref.dtype, f"{label}: dtype {got.dtype}, SciPy {ref.dtype}"
    assert got.shape == ref.shape, f"{label}: shape {got.shape}, SciPy {ref.shape}"
    if nonfinite:
        # NaN/Inf propagate through a transform in an algorithm-dependent way; require the
        # same finite/non-finite pattern and, where finite, the same values.
        fin = np.isfinite(got)
        assert np.array_equal(fin, np.isfinite(ref)), f"{label}: non-finite entries differ"
        got, ref = got[fin], ref[fin]
    if atol is not None:
        err = float(np.max(np.abs(got - ref), initial=0.0))
        assert err <= atol, f"{label}: max absolute error {err:.3e} > {atol:.0e}"
        return
    err = _rel_err(got, ref)
    tol = tol or _tol(got.dtype)
    assert err <= tol, f"{label}: normwise relative error {err:.3e} > {tol:.0e}"


def check_parity(module, name, make_args, kwargs, case, label):
    """Compare SciPy's default backend with fftbackend directly (``fftbackend.<name>`` for
    the transforms, ``fftbackend.<name>`` for the convolutions too) and through
    ``set_backend(fftbackend, only=True)``.  ``make_args()`` builds fresh arguments for
    each call (overwrite_x may destroy them)."""
    if case.copy_reference:
        # DEVIATION_OVERWRITE: the right answer is the transform of the data as it is.
        def reference():
            args = [np.array(a) for a in make_args()]
            kw = dict(kwargs, overwrite_x=False)
            return _scipy(module, name, *args, **kw)
    else:
        def reference():
            return _scipy(module, name, *make_args(), **kwargs)

    ref, ref_exc = _outcome(reference)
    ours = {
        "direct": lambda *args: getattr(fftbackend, name)(*args, **kwargs),
        "backend": lambda *args: _ours_backend(module, name, *args, **kwargs),
    }
    for via, call in ours.items():
        what = f"{label} via {via}"
        args = make_args()
        # The input must be left untouched unless overwrite_x allows writing into it
        # (and never when it is read-only).
        frozen = [np.array(a, copy=True) for a in args
                  if isinstance(a, np.ndarray) and (not kwargs.get("overwrite_x")
                                                    or not a.flags.writeable)]
        try:
            got, exc = _outcome(lambda: call(*args))
        except BackendNotImplementedError:
            assert via == "backend" and case.declined, (
                f"{what}: fftbackend declined the input (BackendNotImplementedError)")
            continue
        still = [a for a in args if isinstance(a, np.ndarray) and (
            not kwargs.get("overwrite_x") or not a.flags.writeable)]
        for before, after in zip(frozen, still):
            assert np.array_equal(before, after, equal_nan=before.dtype.kind in "fc"), (
                f"{what}: modified its input")
        if case.ours_raise is not None:
            # DEVIATION_WORKERS: documented, SciPy computes a result.
            assert ref_exc is None, f"{what}: SciPy now raises {ref_exc!r}; update the deviation"
            assert type(exc) is case.ours_raise, (
                f"{what}: expected our documented {case.ours_raise.__name__}, got {exc!r}")
            continue
        if ref_exc is not None:
            assert exc is not None, (
                f"{what}: returned a result, SciPy raises {type(ref_exc).__name__}: {ref_exc}")
            assert type(exc) is type(ref_exc), (
                f"{what}: raised {type(exc).__name__}: {exc}; "
                f"SciPy raises {type(ref_exc).__name__}: {ref_exc}")
            continue
        assert exc is None, f"{what}: raised {type(exc).__name__}: {exc}; SciPy returns a result"
        assert_same_result(got, ref, what, case.nonfinite, case.tol, case.atol)


# --------------------------------------------------------------------------------------
# the transforms

@pytest.mark.parametrize("case, name", list(_params()))
def test_transform_parity(case, name):
    _, in_kind = FUNCS[name]
    base = _base(in_kind)
    kind = FUNCS[name][0]
    kwargs = case.kw1d if kind == "1d" else case.kwnd
    check_parity(scipy.fft, name, lambda: (case.build(base),), kwargs, case,
                 f"{name}[{case.name}]")


# --------------------------------------------------------------------------------------
# the convolutions

def _sig(shape=(4, 9), dtype=np.float64, seed=1):
    rng = np.random.default_rng(seed)
    return rng.standard_normal(shape).astype(dtype)


_A, _B = _sig((5, 9)), _sig((3, 4), seed=2)
CONV_CASES = [
    # (name, builder -> (in1, in2), kwargs, Case options)
    ("basic", lambda: (_A, _B), {}),
    ("same", lambda: (_A, _B), {"mode": "same"}),
    ("valid", lambda: (_A, _B), {"mode": "valid"}),
    ("valid_swapped", lambda: (_B, _A), {"mode": "valid"}),
    ("valid_neither_larger", lambda: (_A[:, :3], _B), {"mode": "valid"}),
    ("mode_invalid", lambda: (_A, _B), {"mode": "bad"}),
    ("mode_none", lambda: (_A, _B), {"mode": None}),
    ("empty_in1", lambda: (_A[:0], _B), {}),
    ("empty_in2", lambda: (_A, _B[:, :0]), {}),
    ("empty_both_valid", lambda: (_A[:0], _B[:0]), {"mode": "valid"}),
    ("zero_d", lambda: (np.array(2.0), np.array(3.0)), {}),
    ("zero_d_and_1d", lambda: (np.array(2.0), _A[0]), {}),
    ("python_scalars", lambda: (2.0, 3.0), {}),
    ("ndim_mismatch", lambda: (_A, _B[0]), {}),
    ("axes_out_of_range", lambda: (_A, _B), {"axes": 2}),
    ("axes_negative", lambda: (_A, _B), {"axes": -1}),
    ("axes_repeated", lambda: (_A, _B), {"axes": (1, 1)}),
    ("axes_empty", lambda: (_A, _B), {"axes": ()}),
    ("axes_float", lambda: (_A, _B), {"axes": 1.0}),
    ("axes_np_int", lambda: (_A, _B[:1]), {"axes": np.int64(1)}),
    ("axes_broadcast_mismatch", lambda: (_A, _B), {"axes": 1}),
    ("axes_broadcast_ok", lambda: (_A, _B[:1]), {"axes": 1}),
    ("complex", lambda: (_A + 1j, _B - 2j), {}),
    ("complex_real", lambda: (_A, _B * 1j), {}),
    ("float32", lambda: (_A.astype(np.float32), _B.astype(np.float32)), {}),
    # SciPy transforms the float32 input in single precision (complex64 spectrum), so its
    # float64 result is only single-precision accurate: compare at single precision.
    ("float32_float64", lambda: (_A.astype(np.float32), _B), {}, {"tol": TOL["s"]}),
    ("int", lambda: ((_A * 10).astype(np.int64), (_B * 10).astype(np.int32)), {}),
    ("bool", lambda: (_A > 0, _B > 0), {}),
    ("float16", lambda: (_A.astype(np.float16), _B.astype(np.float16)), {}),
    ("longdouble", lambda: (_A.astype(np.longdouble), _B), {}, {"declined": True}),
    ("object", lambda: (_A.astype(object), _B), {}),
    ("string", lambda: (_A.astype(str), _B), {}),
    ("string_text", lambda: (np.array([["a", "b"]]), _B), {}),
    ("nan_inf", lambda: (_with_nonfinite(_A), _B), {}, {"nonfinite": True}),
    ("big_endian", lambda: (_A.astype(">f8"), _B.astype(">f8")), {}),
    ("unaligned", lambda: (_unaligned(_A), _unaligned(_B)), {}),
    ("negative_strides", lambda: (_A[::-1, ::-1], _B[::-1]), {}),
    ("zero_strides", lambda: (np.broadcast_to(_A[0], _A.shape), np.broadcast_to(_B[:, :1], _B.shape)), {}),
    ("step_strides", lambda: (_sig((10, 18))[::2, ::2], _B), {}),
    ("fortran", lambda: (np.asfortranarray(_A), np.asfortranarray(_B)), {}),
    ("masked", lambda: (np.ma.array(_A, mask=_A > 1), _B), {}),
    ("matrix", lambda: (np.asmatrix(_A), np.asmatrix(_B)), {}),
    ("lists", lambda: (_A.tolist(), _B.tolist()), {}),
    ("tuples", lambda: (tuple(_A[0]), tuple(_B[0])), {}),
    ("long_1d_same", lambda: (_sig(3000), _sig(40, seed=3)), {"mode": "same"}),
    ("long_1d_valid", lambda: (_sig(3000), _sig(400, seed=3)), {"mode": "valid"}),
]


def _conv_params():
    for entry in CONV_CASES:
        cname, build, kwargs = entry[:3]
        opts = entry[3] if len(entry) > 3 else {}
        for func in ("fftconvolve", "oaconvolve"):
            marks = ()
            reason = KNOWN_MISMATCHES.get((cname, func))
            if reason:
                marks = (pytest.mark.xfail(strict=True, reason=reason),)
            yield pytest.param(Case(cname, build, **opts), func, kwargs,
                               id=f"{cname}-{func}", marks=marks)


@pytest.mark.parametrize("case, func, kwargs", list(_conv_params()))
def test_convolution_parity(case, func, kwargs):
    check_parity(scipy.signal, func, case.build, kwargs, case, f"{func}[{case.name}]")


# --------------------------------------------------------------------------------------
# crash safety: the riskiest inputs, in a child interpreter (a crash fails this test
# instead of killing pytest)

RISKY = """
import numpy as np, fftbackend as fb
b = np.arange(48.0).reshape(4, 12) + 0.5
c = b + 1j * b[::-1]
def zero(a):
    a = np.array(a)
    return np.lib.stride_tricks.as_strided(a[0], shape=a.shape, strides=(0, a.itemsize),
                                           writeable=True)
for name in {names!r}:
    nat = c if name in {complex_in!r} else b
    for make, kw in [(zero, {{"overwrite_x": True}}),
                     (lambda a: np.array(a)[::-1, ::-1], {{"overwrite_x": True}}),
                     (lambda a: np.array(a)[::-1, ::-3], {{"overwrite_x": True}}),
                     (lambda a: a, {{"n" if name in {one_d!r} else "s":
                                    2**62 if name in {one_d!r} else (2**62, 2**62)}})]:
        try:
            getattr(fb, name)(make(nat), **kw)
        except (ValueError, MemoryError, OverflowError):
            pass
for f in (fb.fftconvolve, fb.oaconvolve):
    f(np.broadcast_to(b[0], (400, 12)), np.broadcast_to(c[:, :1], (4, 3)))
    f(b[::-1, ::-2], c[::-1], mode="same")
print("survived")
"""


def test_risky_inputs_do_not_crash():
    one_d = [n for n in ALL_FUNCS if FUNCS[n][0] == "1d"]
    complex_in = [n for n in ALL_FUNCS if FUNCS[n][1] == "c"]
    code = RISKY.format(names=ALL_FUNCS, complex_in=complex_in, one_d=one_d)
    proc = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                          text=True, timeout=300, cwd="/")
    assert proc.returncode == 0 and "survived" in proc.stdout, (
        f"child exited with {proc.returncode}\nstdout:\n{proc.stdout}\nstderr:\n{proc.stderr}")
