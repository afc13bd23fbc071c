"""fftbackend.dask: transforms and fftconvolve of dask arrays, chunk by chunk.

Every result is compared with the in-memory fftbackend call on the computed
array (what the issue asks for), a few with NumPy / SciPy as independent
references; the lazy result's shape, dtype and chunks must be those of the
computed blocks.  The cluster tests live in test_dask_cluster.py.
"""
import os
import pickle
import subprocess
import sys
import warnings

import numpy as np
import pytest
import scipy.fft
import scipy.signal

da = pytest.importorskip("dask.array")
import dask  # noqa: E402

import fftbackend  # noqa: E402
import fftbackend.dask as fd  # noqa: E402
from fftbackend._dask_chunkconv import spectrum_cache_clear, spectrum_cache_stats  # noqa: E402

RNG = np.random.default_rng(20261127)
DOUBLE = 1e-12
SINGLE = 1e-6


def relerr(got, want):
    want = np.asarray(want)
    scale = np.linalg.norm(want.ravel())
    return np.linalg.norm((np.asarray(got) - want).ravel()) / (scale if scale else 1.0)


def random(shape, dtype=np.float64):
    dtype = np.dtype(dtype)
    a = RNG.standard_normal(shape)
    if dtype.kind == "c":
        a = a + 1j * RNG.standard_normal(shape)
    return a.astype(dtype)


def computed(lazy):
    """Compute ``lazy`` (threaded scheduler) and check that its advertised
    shape, dtype, meta and chunks are those of what it computes, block by
    block."""
    out = lazy.compute(scheduler="threads")
    assert isinstance(out, np.ndarray)
    assert out.shape == lazy.shape
    assert out.dtype == lazy.dtype == lazy._meta.dtype
    index = list(np.ndindex(lazy.numblocks))
    blocks = dask.compute(*[lazy.blocks[i] for i in index], scheduler="threads")
    for i, block in zip(index, blocks):
        assert block.shape == tuple(lazy.chunks[d][j] for d, j in enumerate(i))
        assert block.dtype == lazy.dtype
    return out


def check_close(got, want, bound):
    assert got.shape == want.shape
    assert got.dtype == want.dtype
    err = relerr(got, want)
    assert err <= bound, err
    return err


# --------------------------------------------------------------------------
# module

def _run_python(code):
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd="/", timeout=120)


def test_fftbackend_does_not_import_dask():
    r = _run_python("import sys, fftbackend; "
                    "assert not [m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')]; "
                    "import fftbackend.dask; assert 'dask.array' in sys.modules")
    assert r.returncode == 0, r.stderr


def test_missing_dask_is_a_clear_import_error():
    r = _run_python("import sys; sys.modules['dask'] = None; sys.modules['dask.array'] = None\n"
                    "try:\n    import fftbackend.dask\n"
                    "except ImportError as e:\n    print(e)\nelse:\n    print('imported')")
    assert r.returncode == 0, r.stderr
    assert "pip install fftbackend[dask]" in r.stdout


# --------------------------------------------------------------------------
# transforms

# (shape, chunks, args): the transformed axes split or not
ONE_D_CASES = [
    ((1000,), (300,), dict()),                                  # 1-D, split
    ((1000,), (1000,), dict(n=777, norm="ortho")),
    ((40, 64), (7, 64), dict(axis=-1)),                        # batch chunks only
    ((40, 64), (7, 64), dict(axis=0, n=50, norm="forward")),   # split axis
    ((12, 10, 16), (5, 4, 16), dict(axis=1, norm="backward")),
    ((12, 10, 16), (5, 4, 16), dict(axis=2, n=9)),
    ((12, 10, 16), (5, 4, 16), dict(axis=0, n=16)),
    ((999,), (250,), dict(norm="ortho")),                      # odd lengths
    ((13, 15), (13, 4), dict(axis=-1)),
    ((13, 15), (4, 15), dict(axis=0)),
]

ND_CASES = [
    ((1000,), (300,), dict()),
    ((40, 64), (7, 16), dict()),                               # both axes split
    ((40, 64), (40, 64), dict(s=(32, 33), norm="ortho")),
    ((12, 10, 16), (5, 4, 16), dict(axes=(0, 2))),
    ((12, 10, 16), (5, 10, 16), dict(axes=(1, 2), s=(7, 20), norm="forward")),
    ((12, 10, 16), (5, 4, 8), dict(s=(-1, 12))),
    ((12, 10, 16), (3, 10, 16), dict(axes=(-1, -2))),
    ((11, 9, 15), (4, 9, 5), dict(axes=(1, 2))),               # odd lengths
    ((11, 9, 15), (4, 9, 15), dict(axes=(2, 0), norm="ortho")),
]


def _split(shape, chunks, axes):
    return any(chunks[ax] < shape[ax] for ax in axes)


def _axes_1d(shape, args):
    return [args.get("axis", -1) % len(shape)]


def _axes_nd(shape, args):
    axes = args.get("axes")
    if axes is not None:
        return [ax % len(shape) for ax in axes]
    s = args.get("s")
    return list(range(len(shape)))[-len(s):] if s is not None else list(range(len(shape)))


def _input_for(name, shape):
    if name.startswith("irfft"):
        return random(shape, np.complex128)
    if name in ("fft", "ifft", "fftn", "ifftn"):
        return random(shape, np.complex128)
    return random(shape)


def _compare(name, a, chunks, args, axes, bound=DOUBLE):
    x = da.from_array(a, chunks=chunks)
    want = getattr(fftbackend, name)(a, **args)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        lazy = getattr(fd, name)(x, **args)
    rechunks = [w for w in caught if issubclass(w.category, fd.RechunkWarning)]
    if _split(a.shape, chunks, axes):
        assert len(rechunks) == 1
        message = str(rechunks[0].message)
        assert "rechunked" in message and "A chunk now needs" in message
    else:
        assert not rechunks
        # batch axes keep their chunks
        for d in range(a.ndim):
            if d not in axes:
                assert lazy.chunks[d] == x.chunks[d]
    for ax in axes:
        assert lazy.numblocks[ax] == 1
    check_close(computed(lazy), want, bound)


@pytest.mark.parametrize("name", ["fft", "ifft", "rfft", "irfft"])
@pytest.mark.parametrize("shape, chunks, args", ONE_D_CASES)
def test_1d_transforms_equal_in_memory(name, shape, chunks, args):
    _compare(name, _input_for(name, shape), chunks, args, _axes_1d(shape, args))


@pytest.mark.parametrize("name", ["fftn", "ifftn", "rfftn", "irfftn"])
@pytest.mark.parametrize("shape, chunks, args", ND_CASES)
def test_nd_transforms_equal_in_memory(name, shape, chunks, args):
    _compare(name, _input_for(name, shape), chunks, args, _axes_nd(shape, args))


@pytest.mark.parametrize("name", ["dct", "idct"])
@pytest.mark.parametrize("kind", [1, 2, 3, 4])
@pytest.mark.parametrize("shape, chunks, args", ONE_D_CASES[::2] + ONE_D_CASES[3:4])
def test_dct_equals_in_memory(name, kind, shape, chunks, args):
    args = dict(args, type=kind)
    if kind == 1 and args.get("norm") == "forward":
        args["norm"] = "ortho"
    _compare(name, random(shape), chunks, args, _axes_1d(shape, args))


def test_dct_orthogonalize_and_complex_input():
    a = random((30, 20), np.complex128)
    _compare("dct", a, (7, 5), dict(axis=1, norm="ortho", orthogonalize=False), [1])


@pytest.mark.parametrize("name, dtype, out", [
    ("fft", np.float32, np.complex64), ("fft", np.complex64, np.complex64),
    ("rfft", np.float32, np.complex64), ("irfft", np.complex64, np.float32),
    ("rfftn", np.float32, np.complex64), ("dct", np.float32, np.float32),
    ("fft", np.int16, np.complex128), ("rfft", np.float16, np.complex64),
])
def test_single_precision_and_dtype_rules(name, dtype, out):
    a = random((24, 30), dtype) if np.dtype(dtype).kind in "fc" else RNG.integers(-9, 9, (24, 30)).astype(dtype)
    x = da.from_array(a, chunks=(5, 30))
    with warnings.catch_warnings():
        warnings.simplefilter("error" if name != "rfftn" else "ignore", fd.RechunkWarning)
        lazy = getattr(fd, name)(x)
    assert lazy.dtype == np.dtype(out)
    want = getattr(fftbackend, name)(a)
    check_close(computed(lazy), want, SINGLE if np.dtype(out).char in "fF" else DOUBLE)


def test_against_numpy_and_scipy():
    """Independent references: NumPy's FFT, SciPy's own DCT."""
    a = random((50, 48))
    x = da.from_array(a, chunks=(9, 13))
    with pytest.warns(fd.RechunkWarning):
        got = fd.rfftn(x).compute()
    assert relerr(got, np.fft.rfftn(a)) < DOUBLE
    with pytest.warns(fd.RechunkWarning):
        got = fd.fft(x, n=64, axis=0).compute()
    assert relerr(got, np.fft.fft(a, n=64, axis=0)) < DOUBLE
    with scipy.fft.set_backend("scipy", only=True):
        want = scipy.fft.dct(a, type=3, axis=0, norm="ortho")
    assert relerr(fd.dct(x.rechunk((50, 13)), 3, axis=0, norm="ortho").compute(), want) < DOUBLE


def test_numpy_input_is_wrapped():
    a = random((16, 8))
    y = fd.fft(a)
    assert isinstance(y, da.Array)
    check_close(y.compute(), fftbackend.fft(a), DOUBLE)


_COUNT = []


def _counting(block):
    _COUNT.append(1)
    return block


def test_results_are_lazy():
    x = da.from_array(random((64, 32)), chunks=(8, 8)).map_blocks(_counting)
    _COUNT.clear()
    for f in (fd.fft, fd.rfft, fd.dct, fd.fftn):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", fd.RechunkWarning)
            y = f(x)
    y2 = fd.fftconvolve(x, np.ones((3, 3)), "same")
    assert _COUNT == []
    y.compute()
    y2.compute()
    assert _COUNT


def test_input_chunks_are_not_overwritten():
    """overwrite_x is ignored: chunks held in the graph (or views of the
    user's array) are read by other tasks and later computes."""
    a = random((20, 16), np.complex128)
    keep = a.copy()
    x = da.from_array(a, chunks=(4, 16))
    for y in (fd.fft(x, overwrite_x=True), fd.ifftn(x, axes=[1], overwrite_x=True),
              fd.dct(x, overwrite_x=True)):
        first = y.compute(scheduler="sync")
        assert np.array_equal(y.compute(scheduler="sync"), first)
        assert np.array_equal(x.compute(scheduler="sync"), keep)
    assert np.array_equal(a, keep)


def test_rechunk_keeps_chunk_memory():
    """The batch axes are chunked again so that a chunk is no larger than
    before (or than one transformed panel)."""
    x = da.zeros((400, 1000), chunks=(100, 250))
    with pytest.warns(fd.RechunkWarning, match=r"axes \[1\] span several chunks"):
        y = fd.rfft(x)
    assert y.chunks[1] == (501,)
    assert max(y.chunks[0]) * 1000 <= 100 * 250
    assert y.numblocks[0] > 1


BAD_TRANSFORM_ARGS = [
    ("fft", np.float64, dict(norm="bad")),
    ("fft", np.float64, dict(axis=2)),
    ("fft", np.float64, dict(n=0)),
    ("fft", np.float64, dict(axis=1.5)),
    ("fft", np.float64, dict(workers=0)),
    ("fft", np.float64, dict(plan=object())),
    ("rfft", np.complex128, dict()),
    ("fftn", np.float64, dict(axes=(0, 0))),
    ("fftn", np.float64, dict(s=(3, 4, 5))),
    ("fftn", np.float64, dict(s=(3,), axes=(0, 1))),
    ("rfftn", np.float64, dict(axes=[])),
    ("irfftn", np.complex128, dict(s=(0, 0))),
    ("dct", np.float64, dict(type=5)),
    ("idct", np.float64, dict(orthogonalize="x")),
    ("fftn", np.float64, dict(s=(0, -1))),      # messages quoting x's lengths
    ("ifftn", "empty", dict()),
    ("irfftn", "empty", dict(axes=(0, 1))),
]


@pytest.mark.parametrize("name, dtype, args", BAD_TRANSFORM_ARGS)
def test_transform_errors_are_fftbackends(name, dtype, args):
    a = np.zeros((0, 8)) if dtype == "empty" else random((6, 8), dtype)
    with pytest.raises(Exception) as want:
        getattr(fftbackend, name)(a, **args)
    with pytest.raises(want.type) as got:
        getattr(fd, name)(da.from_array(a, chunks=3), **args)
    assert str(got.value) == str(want.value)


def test_empty_batch_axis():
    a = np.zeros((0, 8))
    for name in ("fft", "rfft", "irfft", "dct"):
        lazy = getattr(fd, name)(da.from_array(a, chunks=(1, 8)))
        check_close(computed(lazy), getattr(fftbackend, name)(a), DOUBLE)


def test_unknown_chunk_sizes_are_refused():
    x = da.ones(20, chunks=5)
    x = x[x > 0]
    with pytest.raises(ValueError, match="compute_chunk_sizes"):
        fd.fft(x)
    with pytest.raises(ValueError, match="compute_chunk_sizes"):
        fd.fftconvolve(x, np.ones(3))


def test_length_errors_need_the_real_length():
    """A length-1 axis makes irfft's default output empty and DCT-I
    impossible: the probe must keep such lengths."""
    a = random((6, 1), np.complex128)
    with pytest.raises(ValueError, match="Invalid number of data points"):
        fd.irfft(da.from_array(a, chunks=3))
    with pytest.raises(RuntimeError, match="zero-length"):
        fd.dct(da.from_array(a.real, chunks=3), type=1)


# --------------------------------------------------------------------------
# fftconvolve

# (x shape, x chunks, kernel shape, axes)
CONV_CASES = [
    ((1000,), (100,), (7,), None),                 # 1-D, odd kernel
    ((1000,), (64,), (8,), None),                  # even kernel
    ((1000,), (30,), (77,), None),                 # kernel longer than a chunk
    ((1000,), (1000,), (12,), 0),                  # one chunk
    ((60, 70), (16, 20), (5, 6), None),            # 2-D, both axes overlapped
    ((60, 70), (16, 20), (1, 9), None),            # length-1 kernel axis: broadcast
    ((60, 70), (16, 20), (60, 4), 1),              # per-row kernels along a batch axis
    ((60, 70), (16, 20), (1, 25), 1),              # kernel longer than a chunk, axes subset
    ((60, 70), (7, 10), (33, 31), None),           # kernel larger than several chunks
    ((20, 24, 30), (6, 7, 8), (3, 4, 5), None),    # 3-D
    ((20, 24, 30), (6, 24, 8), (1, 5, 4), (1, 2)),
    ((20, 24, 30), (6, 7, 8), (4, 1, 6), (0, 2)),
    ((20, 24, 30), (20, 7, 30), (2, 9, 2), (1,)),  # axes subset, equal-length batch
]


@pytest.mark.parametrize("mode", ["full", "same", "valid"])
@pytest.mark.parametrize("shape, chunks, kshape, axes", CONV_CASES)
def test_fftconvolve_equals_in_memory(mode, shape, chunks, kshape, axes):
    a = random(shape)
    if axes is not None:
        # along the batch axes the kernel is 1 or equal to x
        kshape = tuple(kshape[d] if d in np.atleast_1d(axes) % len(shape) or kshape[d] == 1
                       else shape[d] for d in range(len(shape)))
    k = random(kshape)
    x = da.from_array(a, chunks=chunks)
    want = fftbackend.fftconvolve(x.compute(), k, mode, axes)
    lazy = fd.fftconvolve(x, k, mode, axes)
    check_close(computed(lazy), want, DOUBLE)


@pytest.mark.parametrize("mode", ["full", "same", "valid"])
@pytest.mark.parametrize("xdtype, kdtype, bound", [
    (np.complex128, np.float64, DOUBLE), (np.float64, np.complex128, DOUBLE),
    (np.complex128, np.complex128, DOUBLE), (np.float32, np.float32, SINGLE),
    (np.complex64, np.float32, SINGLE), (np.float32, np.float64, DOUBLE),
    (np.int32, np.float32, DOUBLE),
])
def test_fftconvolve_dtypes(mode, xdtype, kdtype, bound):
    a = random((40, 50), xdtype) if np.dtype(xdtype).kind != "i" else RNG.integers(-5, 5, (40, 50)).astype(xdtype)
    k = random((6, 5), kdtype)
    lazy = fd.fftconvolve(da.from_array(a, chunks=(9, 11)), k, mode)
    want = fftbackend.fftconvolve(a, k, mode)
    assert lazy.dtype == want.dtype
    check_close(computed(lazy), want, bound)


@pytest.mark.parametrize("mode", ["full", "same", "valid"])
def test_fftconvolve_against_scipy(mode):
    """Independent reference, with even and odd kernel sizes ('same' is
    centred as SciPy centres it)."""
    a = random((45, 52))
    k = random((4, 7))
    x = da.from_array(a, chunks=(10, 13))
    with scipy.fft.set_backend("scipy", only=True):
        want = scipy.signal.fftconvolve(a, k, mode)
    check_close(fd.fftconvolve(x, k, mode).compute(), want, DOUBLE)


@pytest.mark.parametrize("mode", ["full", "same", "valid"])
def test_fftconvolve_kernel_longer_than_x(mode):
    """'valid' then swaps the roles, as SciPy does."""
    a = random((10, 12))
    k = random((15, 20))
    x = da.from_array(a, chunks=(3, 5))
    check_close(fd.fftconvolve(x, k, mode).compute(),
                fftbackend.fftconvolve(a, k, mode), DOUBLE)


@pytest.mark.parametrize("mode", ["full", "same", "valid"])
def test_fftconvolve_broadcast_x_axis(mode):
    """x of length 1 along a batch axis broadcast against the kernel."""
    a = random((1, 80))
    k = random((4, 9))
    lazy = fd.fftconvolve(da.from_array(a, chunks=(1, 20)), k, mode, axes=1)
    check_close(computed(lazy), fftbackend.fftconvolve(a, k, mode, axes=1), DOUBLE)


def test_fftconvolve_trivial_cases():
    a = random((12, 10))
    x = da.from_array(a, chunks=5)
    for k, mode in [(random((1, 1)), "same"), (random((12, 1)), "full")]:
        got = fd.fftconvolve(x, k, mode, axes=1 if k.shape[0] == 12 else None)
        want = fftbackend.fftconvolve(a, k, mode, axes=1 if k.shape[0] == 12 else None)
        check_close(got.compute(), want, DOUBLE)
    assert fd.fftconvolve(da.from_array(np.array(2.0)), np.array(3.0)).compute() == 6.0
    empty = fd.fftconvolve(da.zeros((0, 3)), np.ones((2, 2))).compute()
    assert empty.shape == (0,) and empty.dtype == np.float64


def test_fftconvolve_output_chunks_follow_input():
    x = da.zeros((1000,), chunks=100)
    for mode, n in [("full", 1010), ("same", 1000), ("valid", 990)]:
        y = fd.fftconvolve(x, np.ones(11), mode)
        assert y.shape == (n,)
        assert y.numblocks == (10,)
        assert y.chunks[0][1:-1] == (100,) * 8


BAD_CONV = [
    ((6, 8), (2, 2), "bad", None),
    ((6, 8), (2,), "full", None),
    ((6, 8), (2, 2), "full", 2),
    ((6, 8), (2, 2), "full", (0, 0)),
    ((6, 8), (2, 2), "full", []),
    ((6, 8), (2, 2), "full", 1.5),
    ((6, 8), (3, 3), "full", 1),
    ((6, 2), (3, 3), "valid", None),
]


@pytest.mark.parametrize("shape, kshape, mode, axes", BAD_CONV)
def test_fftconvolve_errors_are_scipys(shape, kshape, mode, axes):
    a = np.ones(shape)
    k = np.ones(kshape)
    with pytest.raises(Exception) as want:
        scipy.signal.fftconvolve(a, k, mode, axes)
    with pytest.raises(want.type) as got:
        fd.fftconvolve(da.from_array(a, chunks=3), k, mode, axes)
    assert str(got.value) == str(want.value)


def test_fftconvolve_kernel_must_be_in_memory():
    x = da.ones((10, 10), chunks=5)
    with pytest.raises(TypeError, match="in-memory"):
        fd.fftconvolve(x, da.ones((3, 3)))
    with pytest.raises(TypeError, match="long double"):
        fd.fftconvolve(x, np.ones((3, 3), np.longdouble))


def test_kernel_spectrum_once_per_chunk_shape():
    """Complex input takes the transform path; equal chunks share the
    kernel's spectrum (synchronous scheduler: one process, one cache)."""
    a = random((64, 40 * 30), np.complex128)
    k = random((9, 17))
    x = da.from_array(a, chunks=(64, 40))
    spectrum_cache_clear()
    got = fd.fftconvolve(x, k, "same").compute(scheduler="sync")
    stats = spectrum_cache_stats()
    # first, interior and last chunks extend differently: at most 3 shapes
    assert stats["misses"] <= 3
    assert stats["hits"] >= 30 - 3
    check_close(got, fftbackend.fftconvolve(a, k, "same"), DOUBLE)


def test_graph_pickles_without_cloudpickle():
    """What travels to distributed workers must pickle with plain pickle
    (module-level functions and partials, no lambdas)."""
    a = random((30, 40))
    x = da.from_array(a, chunks=(10, 10))
    for y, want in [(fd.fftconvolve(x, np.ones((3, 4)), "same"), fftbackend.fftconvolve(a, np.ones((3, 4)), "same")),
                    (fd.rfft(x.rechunk((10, 40))), fftbackend.rfft(a))]:
        y2 = pickle.loads(pickle.dumps(y))
        check_close(y2.compute(scheduler="sync"), want, DOUBLE)


def test_kernel_spectrum_cache_tells_axes_apart():
    """The same kernel convolved along one axis, then the other (the other
    axis a batch axis of equal length): its spectra have the same lengths
    but not the same shape, and must not be mixed up."""
    k = random((9, 9))
    a = random((9, 9), np.complex128)
    x = da.from_array(a, chunks=(9, 9))
    spectrum_cache_clear()
    for axes in (0, 1, 0, 1):
        got = fd.fftconvolve(x, k, "same", axes=axes).compute(scheduler="sync")
        check_close(got, fftbackend.fftconvolve(a, k, "same", axes=axes), DOUBLE)
    assert spectrum_cache_stats()["hits"] == 2
