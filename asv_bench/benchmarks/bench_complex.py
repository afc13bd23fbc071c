"""Complex 1-D transforms: fft and ifft."""

import scipy.fft

from .common import BACKENDS, COMPLEX_DTYPES, SIZES_1D, BackendBenchmark, random


class Complex(BackendBenchmark):
    """scipy.fft.fft / ifft of a complex vector."""

    params = [BACKENDS, list(SIZES_1D), COMPLEX_DTYPES]
    param_names = ["backend", "size", "dtype"]

    def setup(self, backend, size, dtype):
        super().setup(backend)
        self.x = random(SIZES_1D[size], dtype)
        scipy.fft.fft(self.x)  # warm: plans are built here, not in the timed call
        scipy.fft.ifft(self.x)

    def time_fft(self, backend, size, dtype):
        scipy.fft.fft(self.x)

    def time_ifft(self, backend, size, dtype):
        scipy.fft.ifft(self.x)
