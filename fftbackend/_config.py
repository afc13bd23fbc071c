"""What this installation runs on: versions and the SIMD build of the kernels in use."""
import platform
import sys

import numpy
import scipy

from . import _core


# The kernel builds from the most portable up; the CPU and the build decide how far a process gets.
SIMD_LEVELS = ("baseline", "avx2", "avx512")


def supported_simd_levels():
    """The SIMD levels this machine and build can run, baseline first: each can be forced with
    FFTBACKEND_SIMD=<level> in a fresh process. The default (what `show_config` reports unless
    FFTBACKEND_SIMD caps it) is the best the CPU supports, so this relies on the current process
    not being capped."""
    return list(SIMD_LEVELS[:SIMD_LEVELS.index(_core.simd_level()) + 1])


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
    with FMA, "avx512" = AVX-512 F/VL/DQ/BW; set FFTBACKEND_SIMD=baseline or =avx2 before the
    first transform to cap it), and the versions it runs with."""
    out = sys.stdout if file is None else file
    for key, value in config().items():
        print(f"{key:>10}: {value}", file=out)
