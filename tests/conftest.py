"""Shared helpers for the fftbackend test-suite.

The tests always exercise the *installed* package (pytest runs with
``--import-mode=importlib``), and compare against references that do not
depend on our code:

* SciPy's default backend (``scipy.fft.set_backend("scipy", only=True)``),
* SciPy's default backend on ``clongdouble`` input, which computes in long
  double precision (the accuracy reference), and
* a direct O(n^2) DFT evaluated in long double with exactly reduced phases
  (``k*j mod n``), used as a second reference for small ``n``.

Helpers live on the :class:`Util` class, which test modules receive through the
``util`` fixture (sibling imports are awkward under importlib mode).
"""

import contextlib
import copy
import functools
import math
import os

import numpy as np
import pytest
import scipy.fft
from hypothesis import HealthCheck, settings

try:
    import fftbackend
    import fftbackend._core  # noqa: F401  (the compiled extension must be there)
except ImportError as exc:  # pragma: no cover - environment problem, not a test
    raise ImportError(
        "the installed fftbackend (incl. its compiled _core extension) could not be "
        "imported. Build/install it first (pip install --no-build-isolation -e .) and "
        "run `pytest` (not `python -m pytest` from the repository root, where the "
        "source folder shadows the installed package)."
    ) from exc


SEED = 20240611

# Hypothesis: "ci" is what CI runs; HYPOTHESIS_PROFILE=thorough for a long hunt.
settings.register_profile("ci", max_examples=400, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=20000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# Normwise relative error bounds from the issue (real results, e.g. of the
# fall-through functions, use the bound of their precision).
TOLERANCE = {
    np.dtype(np.complex64): 1e-6,
    np.dtype(np.complex128): 2e-15,
    np.dtype(np.float32): 1e-6,
    np.dtype(np.float64): 2e-15,
}

NORMS = (None, "backward", "ortho", "forward")
# None and "backward" are the same normalisation; the issue asks for the three
# distinct ones, but "backward" spelled out is cheap and catches string handling.


class Util:
    """Namespace of helpers shared by the tests (exposed via the ``util`` fixture)."""

    SEED = SEED
    NORMS = NORMS
    TOLERANCE = TOLERANCE

    # ------------------------------------------------------------------ errors
    @staticmethod
    def tol(dtype):
        """Tolerance for a result of the given dtype."""
        return TOLERANCE[np.dtype(dtype)]

    @staticmethod
    def rel_err(y, ref):
        """Normwise relative error ||y - ref||_2 / ||ref||_2, evaluated in long double.

        Returns 0.0 if both are exactly zero (or empty), inf if only ``ref`` is
        zero, and nan propagates (so ``not err <= tol`` catches nan results).
        """
        y = np.asarray(y)
        ref = np.asarray(ref)
        if y.shape != ref.shape:
            raise AssertionError(f"shape mismatch: got {y.shape}, expected {ref.shape}")
        yl = y.astype(np.clongdouble)
        rl = ref.astype(np.clongdouble)
        d = yl - rl
        num = np.sum(d.real * d.real + d.imag * d.imag)
        den = np.sum(rl.real * rl.real + rl.imag * rl.imag)
        if den == 0:
            return 0.0 if num == 0 else math.inf
        return float(np.sqrt(num / den))

    @classmethod
    def assert_close(cls, y, ref, tol=None, what=""):
        """Assert a normwise relative error <= tol (default: by ``y``'s dtype)."""
        y = np.asarray(y)
        if tol is None:
            tol = cls.tol(y.dtype)
        err = cls.rel_err(y, ref)
        if not err <= tol:
            raise AssertionError(
                f"{what}: normwise relative error {err:.3e} > {tol:.1e} "
                f"(dtype {y.dtype}, shape {y.shape})"
            )
        return err

    @classmethod
    def assert_matches_scipy(cls, name, x, *args, via="direct", what="", **kwargs):
        """Call ``fftbackend.<name>`` and SciPy's default backend on the same
        arguments; compare dtype, shape and values (normwise, by dtype)."""
        ref = cls.scipy_default(name, x, *args, **kwargs)
        got = cls.call_ours(name, x, *args, via=via, **kwargs)
        label = f"{name}({what or cls.describe(x)}, args={args}, kwargs={kwargs}, via={via})"
        assert isinstance(got, np.ndarray), f"{label}: returned {type(got)}"
        assert got.dtype == ref.dtype, f"{label}: dtype {got.dtype} != scipy {ref.dtype}"
        assert got.shape == ref.shape, f"{label}: shape {got.shape} != scipy {ref.shape}"
        cls.assert_close(got, ref, what=label)
        return got

    @staticmethod
    def describe(x):
        if isinstance(x, np.ndarray):
            return f"array{x.shape} {x.dtype} strides={x.strides}"
        return type(x).__name__

    # ---------------------------------------------------------------- inputs
    @staticmethod
    def rng(*key):
        """A generator seeded deterministically from SEED and ``key`` (ints)."""
        return np.random.default_rng([SEED, *key])

    @classmethod
    def random_complex(cls, shape, dtype=np.complex128, key=(0,)):
        rng = cls.rng(*key)
        x = rng.standard_normal(shape) + 1j * rng.standard_normal(shape)
        return x.astype(dtype)

    @classmethod
    def vector(cls, n, dtype):
        """The fixed random test vector of length n for a complex dtype."""
        code = {np.dtype(np.complex64): 64, np.dtype(np.complex128): 128}[np.dtype(dtype)]
        return cls.random_complex(n, dtype, key=(n, code))

    # ------------------------------------------------------------ references
    @staticmethod
    def scipy_default(name, *args, **kwargs):
        """Call ``scipy.fft.<name>`` on SciPy's own (pocketfft) backend only."""
        with scipy.fft.set_backend("scipy", only=True):
            return getattr(scipy.fft, name)(*args, **kwargs)

    @classmethod
    def ld_reference(cls, x, inverse=False, norm=None):
        """1-D transform along the last axis in long double (SciPy on clongdouble)."""
        xl = np.asarray(x).astype(np.clongdouble)
        res = cls.scipy_default("ifft" if inverse else "fft", xl, norm=norm)
        assert res.dtype == np.clongdouble
        return res

    @staticmethod
    def norm_factor(n, inverse, norm):
        """Scale applied on top of the unnormalised DFT, as a long double."""
        n = np.longdouble(n)
        if norm == "ortho":
            return np.longdouble(1) / np.sqrt(n)
        if norm == "forward":
            return np.longdouble(1) if inverse else np.longdouble(1) / n
        # None / "backward"
        return np.longdouble(1) / n if inverse else np.longdouble(1)

    @classmethod
    def direct_dft(cls, x, inverse=False, norm=None):
        """O(n^2) DFT of a 1-D vector in long double, with exactly reduced phase.

        W[k, j] = exp(-+2*pi*i * ((k*j) mod n) / n); the integer reduction makes
        every twiddle accurate to long double rounding, independently of n.
        """
        x = np.asarray(x).astype(np.clongdouble)
        n = x.shape[-1]
        m = np.arange(n, dtype=np.longdouble)
        two_pi = 2 * np.arccos(np.longdouble(-1))
        ang = two_pi * m / np.longdouble(n)
        sign = 1 if inverse else -1
        table = np.cos(ang) + sign * 1j * np.sin(ang)
        table = table.astype(np.clongdouble)
        k = np.arange(n, dtype=np.int64)
        idx = np.outer(k, k) % n
        res = table[idx] @ x
        return res * cls.norm_factor(n, inverse, norm)

    @classmethod
    @functools.lru_cache(maxsize=16)
    def cached_unnormalized_ld(cls, n, dtype, inverse):
        """Cached unnormalised long-double transform of ``vector(n, dtype)``.

        Used for the large sizes, where the reference is expensive and is shared
        by several tests/norms (norms then only differ by a long-double scale).
        """
        x = cls.vector(n, dtype)
        return cls.ld_reference(x, inverse=inverse, norm="forward" if inverse else "backward")

    # ------------------------------------------------------- real transforms
    # Functions of the real-transform family, by the kind of input they take.
    R2C_FUNCS = ("rfft", "ihfft", "rfft2", "ihfft2", "rfftn", "ihfftn")
    C2R_FUNCS = ("irfft", "hfft", "irfft2", "hfft2", "irfftn", "hfftn")
    REAL_FUNCS = ("rfft", "irfft", "hfft", "ihfft", "rfft2", "irfft2", "hfft2",
                  "ihfft2", "rfftn", "irfftn", "hfftn", "ihfftn")

    @classmethod
    def random_real(cls, shape, dtype=np.float64, key=(0,)):
        """Standard normal real data of ``dtype`` (deterministic in ``key``)."""
        return cls.rng(*key).standard_normal(shape).astype(dtype)

    @classmethod
    def real_vector(cls, n, dtype):
        """The fixed random real test vector of length n for a real dtype."""
        code = {np.dtype(np.float32): 32, np.dtype(np.float64): 6464}[np.dtype(dtype)]
        return cls.random_real(n, dtype, key=(n, code))

    @classmethod
    def hermitian_half(cls, n, dtype, key=(0,)):
        """A random half-spectrum of length n//2+1 (complex ``dtype``) that is
        the exact rfft of some real sequence of length n: X_0 and, for even n,
        X_{n/2} are real.  The semantic tests cover non-zero imaginary parts."""
        X = cls.random_complex(n // 2 + 1, dtype, key=(n, 4242, *key))
        X[0] = X[0].real
        if n % 2 == 0:
            X[-1] = X[-1].real
        return X

    @staticmethod
    def as_long_double(x):
        """``x`` in long double precision (complex stays complex)."""
        x = np.asarray(x)
        return x.astype(np.clongdouble if x.dtype.kind == "c" else np.longdouble)

    @classmethod
    def ld_real(cls, name, x, *args, **kwargs):
        """``scipy.fft.<name>`` in long double: SciPy's default backend on the
        long-double version of ``x`` (the accuracy reference of the real transforms)."""
        res = cls.scipy_default(name, cls.as_long_double(x), *args, **kwargs)
        assert res.dtype in (np.longdouble, np.clongdouble), res.dtype
        return res

    # Direction of each real transform for `norm_factor`: True = an inverse
    # transform (its "backward" normalisation divides by n).
    INVERSE = {"rfft": False, "irfft": True, "hfft": False, "ihfft": True}

    @classmethod
    def ld_raw(cls, name, x, n=None):
        """Unnormalised long-double 1-D real transform ``name`` of ``x`` (last axis):
        multiply by ``norm_factor(n, INVERSE[name], norm)`` for any norm."""
        norm = "forward" if cls.INVERSE[name] else "backward"
        return cls.ld_real(name, x, n=n, norm=norm)

    @staticmethod
    def direct_real_dft(x):
        """rfft of a real vector via the exact direct long-double DFT (first n//2+1 bins)."""
        x = np.asarray(x)
        return Util.direct_dft(x)[: x.shape[-1] // 2 + 1]

    @staticmethod
    def direct_irdft(X, n):
        """Unnormalised irfft by the direct long-double DFT: the half-spectrum is
        cropped/zero-padded to n//2+1, the imaginary parts of X_0 and (n even)
        X_{n/2} are dropped, the Hermitian full spectrum is built and inverted."""
        m = n // 2 + 1
        H = np.zeros(m, dtype=np.clongdouble)
        k = min(m, len(X))
        H[:k] = np.asarray(X)[:k]
        H[0] = H[0].real
        if n % 2 == 0:
            H[-1] = H[-1].real
        full = np.concatenate([H, np.conj(H[1:n - m + 1][::-1])])
        assert full.shape == (n,)
        return Util.direct_dft(full, inverse=True, norm="forward").real

    @classmethod
    def assert_same_outcome(cls, name, x, *args, via="direct", what="", **kwargs):
        """Like `assert_matches_scipy`, but if SciPy raises, we must raise the
        same exception type with the same message.  Returns the result or None."""
        expected = cls.exception_of(cls.scipy_default, name, x, *args, **kwargs)
        if expected is None:
            return cls.assert_matches_scipy(name, x, *args, via=via, what=what, **kwargs)
        label = f"{name}({what or cls.describe(x)}, args={args}, kwargs={kwargs}, via={via})"
        got = cls.exception_of(cls.call_ours, name, x, *args, via=via, **kwargs)
        assert got is not None, f"{label}: did not raise; SciPy raises {expected!r}"
        assert type(got) is type(expected) and str(got) == str(expected), (
            f"{label}: raised {got!r}; SciPy raises {expected!r}")
        return None

    # ----------------------------------------------------------- our backend
    @staticmethod
    def unaligned(arr):
        """Copy ``arr`` into a byte buffer at offset 1: a misaligned, writable view."""
        arr = np.ascontiguousarray(arr)
        buf = bytearray(arr.nbytes + 1)
        view = np.frombuffer(buf, dtype=arr.dtype, count=arr.size, offset=1).reshape(arr.shape)
        view[...] = arr
        return view

    @staticmethod
    def overwrite_layouts(base):
        """Makers of fresh writable copies of the 2-D ``base`` in the layouts the
        overwrite_x tests use, including a *writable* self-overlapping view
        (writing into it in place would be a bug)."""
        return {
            "contiguous": lambda: base.copy(),
            "fortran": lambda: np.asfortranarray(base),
            "strided": lambda: base.copy()[:, ::2],
            "negative": lambda: base.copy()[::-1],
            "zero_stride_writable": lambda: np.lib.stride_tricks.as_strided(
                base.copy()[0], shape=(4, base.shape[1]), strides=(0, base.itemsize),
                writeable=True),
        }

    @staticmethod
    @contextlib.contextmanager
    def our_backend(only=False):
        """``with scipy.fft.set_backend(fftbackend, only=only)``."""
        with scipy.fft.set_backend(fftbackend, only=only):
            yield fftbackend

    @staticmethod
    def snapshot(x):
        """Capture ``x`` and the whole buffer it lives in, to detect any write."""
        if isinstance(x, np.ndarray):
            root = x
            while isinstance(root.base, np.ndarray):
                root = root.base
            base = root.base
            snap = [x.copy(), root.tobytes()]
            if isinstance(base, (bytes, bytearray, memoryview)):
                snap.append(bytes(base))
            return ("array", x, root, base, snap)
        return ("object", x, None, None, copy.deepcopy(x))

    @staticmethod
    def assert_unchanged(snap, what=""):
        kind, x, root, base, saved = snap
        if kind == "array":
            assert x.tobytes() == saved[0].tobytes(), f"{what}: input array was modified"
            assert root.tobytes() == saved[1], f"{what}: input's underlying buffer was modified"
            if len(saved) > 2:
                assert bytes(base) == saved[2], f"{what}: input's byte buffer was modified"
        else:
            assert x == saved, f"{what}: input object was modified"

    @classmethod
    def call_ours(cls, name, x, *args, via="direct", **kwargs):
        """Call our implementation of ``name`` and, unless ``overwrite_x`` is
        true, assert the input (and its underlying buffer) is left untouched.

        via="direct":  fftbackend.<name>(...)
        via="backend": scipy.fft.<name>(...) under set_backend(fftbackend, only=True)
                       (only=True so that a silent fall-through to SciPy fails).
        """
        snap = cls.snapshot(x) if not kwargs.get("overwrite_x", False) else None
        if via == "direct":
            res = getattr(fftbackend, name)(x, *args, **kwargs)
        elif via == "backend":
            with scipy.fft.set_backend(fftbackend, only=True):
                res = getattr(scipy.fft, name)(x, *args, **kwargs)
        else:  # pragma: no cover
            raise ValueError(via)
        if snap is not None:
            cls.assert_unchanged(snap, what=f"{name}(overwrite_x=False) via {via}")
        return res

    @staticmethod
    def exception_of(func, *args, **kwargs):
        """Return the exception raised by ``func(*args, **kwargs)`` or None."""
        try:
            func(*args, **kwargs)
        except Exception as e:  # noqa: BLE001 - we compare exceptions on purpose
            return e
        return None


@pytest.fixture(scope="session")
def util():
    return Util


@pytest.fixture(scope="session")
def fb():
    """The installed fftbackend module."""
    return fftbackend
