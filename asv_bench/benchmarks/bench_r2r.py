"""Real-to-real transforms: the DCT of types 1 to 4, the inverse DCT, the DST and the
orthonormal DCT-II."""

import scipy.fft

from .common import BACKENDS, REAL_DTYPES, SIZES_1D_LARGE, BackendBenchmark, random


class DCT(BackendBenchmark):
    """scipy.fft.dct of a real vector, each type (unnormalised)."""

    params = [BACKENDS, list(SIZES_1D_LARGE), REAL_DTYPES, [1, 2, 3, 4]]
    param_names = ["backend", "size", "dtype", "type"]

    def setup(self, backend, size, dtype, type):
        super().setup(backend)
        self.x = random(SIZES_1D_LARGE[size], dtype)
        scipy.fft.dct(self.x, type=type)

    def time_dct(self, backend, size, dtype, type):
        scipy.fft.dct(self.x, type=type)


class DCT2Variants(BackendBenchmark):
    """The inverse DCT-II (a DCT-III), the DST-II and the orthonormal DCT-II (JPEG-style,
    which adds a scaling pass)."""

    params = [BACKENDS, list(SIZES_1D_LARGE), REAL_DTYPES]
    param_names = ["backend", "size", "dtype"]

    def setup(self, backend, size, dtype):
        super().setup(backend)
        self.x = random(SIZES_1D_LARGE[size], dtype)
        scipy.fft.idct(self.x)
        scipy.fft.dst(self.x)
        scipy.fft.dct(self.x, norm="ortho")

    def time_idct(self, backend, size, dtype):
        scipy.fft.idct(self.x)

    def time_dst(self, backend, size, dtype):
        scipy.fft.dst(self.x)

    def time_dct_ortho(self, backend, size, dtype):
        scipy.fft.dct(self.x, norm="ortho")
