"""Multithreading: the same transform with workers=1 and workers=2."""

import scipy.fft

from .common import BACKENDS, BackendBenchmark, random

CASES = {
    "fft complex128 2^20": ("fft", (2**20,), "complex128"),
    "fft complex128 1024x4096 batch": ("fft", (1024, 4096), "complex128"),
    "rfft2 float64 2048x2048": ("rfft2", (2048, 2048), "float64"),
}


class Workers(BackendBenchmark):
    params = [BACKENDS, list(CASES), [1, 2]]
    param_names = ["backend", "case", "workers"]

    def setup(self, backend, case, workers):
        super().setup(backend)
        name, shape, dtype = CASES[case]
        self.func = getattr(scipy.fft, name)
        self.x = random(shape, dtype)
        self.func(self.x, workers=workers)

    def time_workers(self, backend, case, workers):
        self.func(self.x, workers=workers)
