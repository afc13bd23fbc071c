"""Shared pieces of the asv suite: the backend switch, the size classes and the input data.

Every benchmark class takes ``backend`` as its first parameter: ``"fftbackend"`` or ``"scipy"``
(SciPy's own default backend). ``setup`` installs it as scipy.fft's global backend, so the same
``scipy.fft`` call is timed on both and the dashboard shows the two side by side; ``teardown``
restores SciPy's default. Inputs come from a fixed seed, and ``setup`` makes one call of each
timed function so that plans and caches are built before asv starts timing.
"""

import numpy as np
import scipy.fft

# Imported here, not in setup, so that asv's forkserver (asv.conf.json) imports it once.
import fftbackend

BACKENDS = ["fftbackend", "scipy"]
SEED = 20240601

# Size classes of a 1-D transform: a power of two, a smooth composite (6720 = 2^6 3 5 7,
# 60480 = 2^6 3^3 5 7) and a prime (Bluestein / Rader), each small (in cache) and large.
SIZES_1D = {
    "pow2 4096": 4096,
    "smooth 6720": 6720,
    "prime 4099": 4099,
    "pow2 65536": 65536,
    "smooth 60480": 60480,
    "prime 65537": 65537,
}
# The same three classes for a few 1-D cases per transform where a family has many variants.
SIZES_1D_LARGE = {k: v for k, v in SIZES_1D.items() if v > 10000}

REAL_DTYPES = ["float32", "float64"]
COMPLEX_DTYPES = ["complex64", "complex128"]


def use_backend(name):
    """Make ``name`` ("fftbackend" or "scipy") scipy.fft's global backend.

    ``only=True`` for fftbackend: a call it did not handle raises instead of quietly falling
    through to SciPy (which would time SciPy twice).
    """
    if name == "fftbackend":
        scipy.fft.set_global_backend(fftbackend, only=True)
    elif name == "scipy":
        scipy.fft.set_global_backend("scipy")
    else:
        raise ValueError(f"unknown backend {name!r}")


def restore_default_backend():
    scipy.fft.set_global_backend("scipy")


def require(attribute):
    """The fftbackend function ``attribute``; skips the benchmark (asv treats NotImplementedError
    in setup as "skipped") on an older commit that does not have it yet."""
    if not hasattr(fftbackend, attribute):
        raise NotImplementedError(f"fftbackend.{attribute} does not exist in this version")
    return getattr(fftbackend, attribute)


def random(shape, dtype, seed=SEED):
    """Standard normal data of ``dtype`` (complex dtypes get random imaginary parts too)."""
    rng = np.random.default_rng(seed)
    dtype = np.dtype(dtype)
    if dtype.kind == "c":
        data = rng.standard_normal(shape) + 1j * rng.standard_normal(shape)
    else:
        data = rng.standard_normal(shape)
    return data.astype(dtype)


def complex_of(real_dtype):
    return {"float32": "complex64", "float64": "complex128"}[str(real_dtype)]


class BackendBenchmark:
    """Base class: backend switch in setup, SciPy's default restored in teardown."""

    def setup(self, backend, *params):
        use_backend(backend)

    def teardown(self, backend, *params):
        restore_default_backend()
