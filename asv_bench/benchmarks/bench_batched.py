"""Batched 1-D transforms: many short lines of a 2-D array, along the last axis (contiguous
lines) and along axis 0 (strided lines, the harder case)."""

import scipy.fft

from .common import BACKENDS, COMPLEX_DTYPES, BackendBenchmark, random

# 256 lines of each size class.
SHAPES = {"pow2 256x1024": (256, 1024), "smooth 256x1000": (256, 1000),
          "prime 256x1021": (256, 1021)}


class Batched(BackendBenchmark):
    """scipy.fft.fft (complex) and rfft (real of the same precision) along one axis."""

    params = [BACKENDS, list(SHAPES), COMPLEX_DTYPES, [-1, 0]]
    param_names = ["backend", "shape", "dtype", "axis"]

    def setup(self, backend, shape, dtype, axis):
        super().setup(backend)
        # Lines of the size class along `axis`: the array is transposed for axis 0.
        lines = SHAPES[shape] if axis == -1 else SHAPES[shape][::-1]
        self.x = random(lines, dtype)
        real = {"complex64": "float32", "complex128": "float64"}[dtype]
        self.xr = random(lines, real)
        scipy.fft.fft(self.x, axis=axis)
        scipy.fft.rfft(self.xr, axis=axis)

    def time_fft(self, backend, shape, dtype, axis):
        scipy.fft.fft(self.x, axis=axis)

    def time_rfft(self, backend, shape, dtype, axis):
        scipy.fft.rfft(self.xr, axis=axis)
