"""Argument semantics identical to SciPy's default backend.

* bad arguments raise the same exception type with the same message,
* signatures are SciPy's (names, defaults, keyword-only ``plan``),
* ``overwrite_x`` never corrupts read-only / broadcast inputs and never
  produces a wrong result; ``overwrite_x=False`` never touches the input,
* results do not alias the input (when SciPy's do not).
"""

import inspect
import os

import numpy as np
import pytest
import scipy.fft

import fftbackend

FUNCS = ["fft", "ifft", "fft2", "ifft2", "fftn", "ifftn"]

_x1 = np.arange(8, dtype=np.complex128) * (1 - 0.5j)
_x2 = np.arange(12, dtype=np.complex128).reshape(3, 4) * (0.5 + 1j)
_x3 = np.arange(24, dtype=np.complex128).reshape(2, 3, 4) * (1 + 1j)
_ncpu = os.cpu_count() or 1

# (id, function name, x, kwargs)
BAD_CALLS = [
    ("n=0", "fft", _x1, dict(n=0)),
    ("n=-1", "fft", _x1, dict(n=-1)),
    ("ifft n=-5", "ifft", _x1, dict(n=-5)),
    ("ifft n=0 2d", "ifft", _x2, dict(n=0, axis=0)),
    ("axis=1 on 1d", "fft", _x1, dict(axis=1)),
    ("axis=-2 on 1d", "fft", _x1, dict(axis=-2)),
    ("axis=2 on 2d", "ifft", _x2, dict(axis=2)),
    ("axis=-3 on 2d", "fft", _x2, dict(axis=-3)),
    ("empty transform axis", "fft", np.zeros(0, complex), dict()),
    ("empty transform axis 2d", "ifft", np.zeros((3, 0), complex), dict()),
    ("empty transform axis fftn", "fftn", np.zeros((3, 0), complex), dict()),
    ("repeated axes", "fftn", _x3, dict(axes=(0, 0))),
    ("repeated axes neg", "fftn", _x3, dict(axes=(0, -3))),
    ("repeated axes 3", "ifftn", _x3, dict(axes=(1, 2, 1))),
    ("repeated axes fft2", "fft2", _x3, dict(axes=(1, 1))),
    ("repeated axes ifft2", "ifft2", _x3, dict(axes=(-1, 2))),
    ("s/axes mismatch", "fftn", _x3, dict(s=(2, 3), axes=(0,))),
    ("s/axes mismatch 2", "ifftn", _x3, dict(s=(2,), axes=(0, 1))),
    ("s/axes mismatch fft2", "fft2", _x3, dict(s=(2,), axes=(0, 1))),
    ("s/axes mismatch ifft2", "ifft2", _x3, dict(s=(2, 3, 4))),
    ("s longer than ndim", "fftn", _x3, dict(s=(2, 3, 4, 5))),
    ("s has 0", "fftn", _x3, dict(s=(0, 3), axes=(0, 1))),
    ("s has -2", "ifftn", _x3, dict(s=(-2, 3), axes=(0, 1))),
    ("s non-integer", "fftn", _x3, dict(s=(2.5, 3), axes=(0, 1))),
    ("s nested", "fftn", _x3, dict(s=[[2]])),
    ("axes beyond ndim", "fftn", _x3, dict(axes=(3,))),
    ("axes below -ndim", "ifftn", _x3, dict(axes=(-4, 0))),
    ("fft2 on 1d", "fft2", _x1, dict()),
    ("ifft2 on 1d", "ifft2", _x1, dict()),
    ("norm bad", "fft", _x1, dict(norm="bad")),
    ("norm ORTHO", "ifft", _x1, dict(norm="ORTHO")),
    ("norm empty", "fftn", _x3, dict(norm="")),
    ("norm fft2", "fft2", _x2, dict(norm="backwards")),
    ("norm non-string", "ifftn", _x3, dict(norm=1)),
    ("workers=0", "fft", _x1, dict(workers=0)),
    ("workers=0 fftn", "fftn", _x3, dict(workers=0)),
    ("workers too negative", "fft", _x1, dict(workers=-_ncpu - 1)),
    ("workers -1000", "ifft2", _x2, dict(workers=-1000)),
    ("string data", "fft", np.array(["a", "b"]), dict()),
    ("ragged list", "fft", [[1, 2], [3]], dict()),
    ("complex object array", "ifft", np.array([1 + 1j, 2], dtype=object), dict()),
    ("0-d input", "fft", np.complex128(3), dict()),
    ("axes non-integer", "fftn", _x3, dict(axes=(0.0,))),
    ("axes nested", "ifftn", _x3, dict(axes=[[0]])),
    ("axis float", "fft", _x1, dict(axis=0.0)),
    ("n float", "ifft", _x1, dict(n=4.0)),
    ("norm bytes", "fft", _x1, dict(norm=b"ortho")),
    ("norm list", "ifft2", _x2, dict(norm=["ortho"])),
    ("workers string", "fft", _x1, dict(workers="2")),
    ("n huge", "fft", _x1, dict(n=2**62)),
] + [
    (f"plan {name}", name, _x2, dict(plan=object())) for name in FUNCS
]


@pytest.mark.parametrize("via", ["direct", "backend"])
@pytest.mark.parametrize("name, x, kwargs", [c[1:] for c in BAD_CALLS],
                         ids=[c[0] for c in BAD_CALLS])
def test_bad_arguments_raise_like_scipy(util, name, x, kwargs, via):
    expected = util.exception_of(util.scipy_default, name, x, **kwargs)
    assert expected is not None, "test precondition: SciPy rejects this call"
    if via == "direct":
        got = util.exception_of(getattr(fftbackend, name), x, **kwargs)
    else:
        # only=False: what a user sees; our backend must raise the same thing,
        # and must not raise something different before SciPy gets to look.
        with util.our_backend():
            got = util.exception_of(getattr(scipy.fft, name), x, **kwargs)
    assert got is not None, f"{name}({kwargs}) did not raise; SciPy raises {expected!r}"
    assert type(got) is type(expected), f"type {type(got).__name__} != {type(expected).__name__}"
    assert str(got) == str(expected)


@pytest.mark.parametrize("name", FUNCS)
def test_signature_is_scipys(name):
    ours = inspect.signature(getattr(fftbackend, name))
    theirs = inspect.signature(getattr(scipy.fft, name))
    simplify = lambda sig: [(p.name, p.kind, p.default) for p in sig.parameters.values()]  # noqa: E731
    assert simplify(ours) == simplify(theirs)


def test_plan_is_keyword_only():
    x = _x1
    e_ours = pytest.raises(TypeError, fftbackend.fft, x, None, -1, None, False, None, None)
    e_theirs = pytest.raises(TypeError, scipy.fft.fft, x, None, -1, None, False, None, None)
    assert e_ours.type is e_theirs.type


def test_positional_arguments(util):
    x = util.random_complex((6, 10), key=(61,))
    util.assert_matches_scipy("fft", x, 12, 0, "ortho", False, 1)
    util.assert_matches_scipy("ifft", x, 7, -1, "forward", False, None)
    util.assert_matches_scipy("fft2", x, (4, 9), (1, 0), "ortho", False, 1)
    util.assert_matches_scipy("ifftn", x, (5,), (0,), None, False, 2)


def test_integer_like_and_sequence_arguments(util):
    x = util.random_complex((5, 9), key=(62,))
    util.assert_matches_scipy("fft", x, n=np.int64(12), axis=np.int32(0))
    util.assert_matches_scipy("ifft", x, n=np.uint8(4), axis=np.int64(-1))
    util.assert_matches_scipy("fftn", x, s=np.array([3, 11]), axes=[1, 0])
    util.assert_matches_scipy("fftn", x, s=[6, 2], axes=np.array([0, 1]))
    util.assert_matches_scipy("ifftn", x, axes=1)          # scalar axes
    util.assert_matches_scipy("fftn", x, s=7)              # scalar s
    util.assert_matches_scipy("fft2", x, s=[2, 3], axes=[0, 1])
    util.assert_matches_scipy("fft", x, workers=np.int64(2))
    util.assert_matches_scipy("ifft2", x, workers=-1, norm="backward")


@pytest.mark.parametrize("dtype", [np.complex128, np.complex64], ids=lambda d: np.dtype(d).name)
def test_norm_none_is_backward(util, dtype):
    x = util.random_complex((4, 33), dtype, key=(63,))
    for name in FUNCS:
        a = getattr(fftbackend, name)(x, norm=None)
        b = getattr(fftbackend, name)(x, norm="backward")
        assert a.dtype == b.dtype and np.array_equal(a, b), name


def test_axes_empty_tuple_like_scipy(util):
    x = util.random_complex((3, 4), key=(64,))
    for name in ("fftn", "ifftn"):
        util.assert_matches_scipy(name, x, axes=())


# ----------------------------------------------------------------- overwrite_x
def _readonly(a):
    a = a.copy(order="K")
    a.flags.writeable = False
    return a


def _overwrite_inputs(util):
    v = util.random_complex((40,), key=(70,))
    m = util.random_complex((6, 20), key=(71,))
    return {
        "readonly_1d": _readonly(v),
        "readonly_2d_c64": _readonly(m.astype(np.complex64)),
        "readonly_fortran": _readonly(np.asfortranarray(m)).T,
        "readonly_strided": _readonly(m)[:, ::-3],
        "broadcast_rows": np.broadcast_to(v, (5, 40)),
        "broadcast_cols_c64": np.broadcast_to(v[:10, None].astype(np.complex64), (10, 7)),
        "broadcast_scalar": np.broadcast_to(np.complex128(2 - 1j), (24,)),
        "readonly_real": _readonly(m.real),
        "readonly_from_bytes": np.frombuffer(m.tobytes(), dtype=np.complex128).reshape(6, 20),
    }


def _overwrite_calls(x):
    calls = [("fft", {}), ("ifft", {"norm": "ortho"}), ("fftn", {}), ("ifftn", {}),
             ("fft", {"n": x.shape[-1] + 5}), ("ifft", {"n": max(1, x.shape[-1] - 3)})]
    if x.ndim >= 2:
        calls += [("fft", {"axis": 0}), ("fft2", {}), ("ifft2", {"s": (3, 7)})]
    return calls


@pytest.mark.parametrize("via", ["direct", "backend"])
@pytest.mark.parametrize("kind", sorted(["readonly_1d", "readonly_2d_c64", "readonly_fortran",
                                         "readonly_strided", "broadcast_rows",
                                         "broadcast_cols_c64", "broadcast_scalar",
                                         "readonly_real", "readonly_from_bytes"]))
def test_overwrite_true_on_unwritable_input(util, kind, via):
    x = _overwrite_inputs(util)[kind]
    assert not x.flags.writeable, "test precondition"
    for name, kwargs in _overwrite_calls(x):
        snap = util.snapshot(x)
        expected = util.scipy_default(name, x, **kwargs)
        got = util.call_ours(name, x, overwrite_x=True, via=via, **kwargs)
        util.assert_unchanged(snap, what=f"{kind}: {name}(overwrite_x=True, {kwargs})")
        assert got.dtype == expected.dtype and got.shape == expected.shape
        util.assert_close(got, expected, what=f"{kind}: {name}{kwargs}")


@pytest.mark.parametrize("dtype", [np.complex128, np.complex64], ids=lambda d: np.dtype(d).name)
def test_overwrite_true_on_writable_input_gives_correct_result(util, dtype):
    """The input may be clobbered, but the result must still be right."""
    base = util.random_complex((6, 20), dtype, key=(72,))
    layouts = util.overwrite_layouts(base)
    for lname, make in layouts.items():
        for name, kwargs in _overwrite_calls(make()):
            x = make()
            expected = util.scipy_default(name, x.copy(), **kwargs)
            got = getattr(fftbackend, name)(x, overwrite_x=True, **kwargs)
            assert got.dtype == expected.dtype and got.shape == expected.shape
            util.assert_close(got, expected, what=f"{lname}: {name}(overwrite_x=True, {kwargs})")


def test_overwrite_false_never_modifies_input(util):
    """Explicit check over all functions, dtypes and a few layouts/kwargs."""
    base = util.random_complex((5, 8, 9), key=(73,))
    for dt in (np.complex128, np.complex64, np.float64, np.float32):
        b = base.astype(dt) if np.issubdtype(dt, np.complexfloating) else base.real.astype(dt)
        for x in (b, np.asfortranarray(b), b[:, ::-1, 1::2]):
            for name in FUNCS:
                for kwargs in ({}, {"norm": "ortho"}, {"overwrite_x": False},
                               {"workers": 2}):
                    snap = util.snapshot(x)
                    getattr(fftbackend, name)(x, **kwargs)
                    util.assert_unchanged(snap, what=f"{name}({dt.__name__}, {kwargs})")


def test_result_does_not_alias_input(util):
    """Where SciPy returns fresh memory, so must we (user may write into the result)."""
    cases = [
        ("fft", np.ones(1, complex), {}),
        ("ifft", np.ones((4, 1), complex), {}),
        ("fftn", np.ones((1, 1), complex), {}),
        ("fft2", np.ones((1, 1), np.complex64), {}),
        ("fft", util.random_complex(16, key=(74,)), {"n": 16}),
        ("ifftn", util.random_complex((3, 5), key=(75,)), {"s": (3, 5)}),
        ("fft", util.random_complex(16, key=(76,)), {"n": 1}),
    ]
    for name, x, kwargs in cases:
        theirs = util.scipy_default(name, x, **kwargs)
        assert not np.shares_memory(theirs, x), "test precondition"
        ours = getattr(fftbackend, name)(x, **kwargs)
        assert not np.shares_memory(ours, x), f"{name}{x.shape}{kwargs} aliases its input"
