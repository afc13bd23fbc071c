"""What this installation runs on: versions and the SIMD build of the kernels in use."""
import platform
import sys

import numpy
import scipy

from . import _core


def config():
    """The facts `show_config` prints, as a dict (handy in bug reports and benchmarks)."""
    from . import __version__
    return {
        "fftbackend": __version__,
        "simd": _core.simd_level(),
        "numpy": numpy.__version__,
        "scipy": scipy.__version__,
        "python": platform.python_version(),
        "machine": platform.machine(),
    }


def show_config(file=None):
    """Print the fftbackend version, the SIMD level in use ("baseline" = SSE2, "avx2" = AVX2
    with FMA; set FFTBACKEND_SIMD=baseline before the first transform to force the baseline),
    and the versions it runs with."""
    out = sys.stdout if file is None else file
    for key, value in config().items():
        print(f"{key:>10}: {value}", file=out)
