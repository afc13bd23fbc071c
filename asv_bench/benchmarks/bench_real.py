"""Real 1-D transforms: rfft (real to half-spectrum) and irfft (back to real)."""

import scipy.fft

from .common import BACKENDS, REAL_DTYPES, SIZES_1D, BackendBenchmark, complex_of, random


class Real(BackendBenchmark):
    """scipy.fft.rfft of a real vector of n points, irfft of a half-spectrum back to n points.

    ``dtype`` is the real precision: irfft takes the complex half-spectrum of that precision.
    """

    params = [BACKENDS, list(SIZES_1D), REAL_DTYPES]
    param_names = ["backend", "size", "dtype"]

    def setup(self, backend, size, dtype):
        super().setup(backend)
        self.n = SIZES_1D[size]
        self.x = random(self.n, dtype)
        self.half = random(self.n // 2 + 1, complex_of(dtype), seed=1)
        scipy.fft.rfft(self.x)
        scipy.fft.irfft(self.half, self.n)

    def time_rfft(self, backend, size, dtype):
        scipy.fft.rfft(self.x)

    def time_irfft(self, backend, size, dtype):
        scipy.fft.irfft(self.half, self.n)
