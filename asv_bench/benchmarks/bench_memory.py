"""Peak memory of the large cases (asv's peakmem: the process's peak resident size, including
the input made in setup, which is the same for both backends)."""

import scipy.fft

from .common import BACKENDS, BackendBenchmark, random


class PeakMemory(BackendBenchmark):
    params = [BACKENDS]
    param_names = ["backend"]

    def setup(self, backend):
        super().setup(backend)
        self.vector = random(2**20, "complex128")
        self.image = random((2048, 2048), "float64")

    def peakmem_fft_complex128_2e20(self, backend):
        scipy.fft.fft(self.vector)

    def peakmem_rfft2_float64_2048x2048(self, backend):
        scipy.fft.rfft2(self.image)

    def peakmem_dctn_float64_2048x2048(self, backend):
        scipy.fft.dctn(self.image)
