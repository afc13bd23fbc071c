"""n-D transforms: fft2 (complex), rfftn (3-D real) and dctn (2-D real)."""

import scipy.fft

from .common import BACKENDS, COMPLEX_DTYPES, REAL_DTYPES, BackendBenchmark, random

# Per-axis lengths of each size class: power of two, smooth composite, prime.
SHAPES_2D = {"pow2 512x512": (512, 512), "smooth 480x480": (480, 480),
             "prime 509x509": (509, 509)}
SHAPES_3D = {"pow2 64^3": (64, 64, 64), "smooth 60^3": (60, 60, 60),
             "prime 61^3": (61, 61, 61)}


class FFT2(BackendBenchmark):
    """scipy.fft.fft2 / ifft2 of a complex image."""

    params = [BACKENDS, list(SHAPES_2D), COMPLEX_DTYPES]
    param_names = ["backend", "shape", "dtype"]

    def setup(self, backend, shape, dtype):
        super().setup(backend)
        self.x = random(SHAPES_2D[shape], dtype)
        scipy.fft.fft2(self.x)
        scipy.fft.ifft2(self.x)

    def time_fft2(self, backend, shape, dtype):
        scipy.fft.fft2(self.x)

    def time_ifft2(self, backend, shape, dtype):
        scipy.fft.ifft2(self.x)


class RFFTN(BackendBenchmark):
    """scipy.fft.rfftn of a real volume and irfftn of its half-spectrum."""

    params = [BACKENDS, list(SHAPES_3D), REAL_DTYPES]
    param_names = ["backend", "shape", "dtype"]

    def setup(self, backend, shape, dtype):
        super().setup(backend)
        self.shape = SHAPES_3D[shape]
        self.x = random(self.shape, dtype)
        self.spectrum = scipy.fft.rfftn(self.x)
        scipy.fft.irfftn(self.spectrum, self.shape)

    def time_rfftn(self, backend, shape, dtype):
        scipy.fft.rfftn(self.x)

    def time_irfftn(self, backend, shape, dtype):
        scipy.fft.irfftn(self.spectrum, self.shape)


class DCTN(BackendBenchmark):
    """scipy.fft.dctn (type 2) of a real image, as in image compression."""

    params = [BACKENDS, list(SHAPES_2D), REAL_DTYPES]
    param_names = ["backend", "shape", "dtype"]

    def setup(self, backend, shape, dtype):
        super().setup(backend)
        self.x = random(SHAPES_2D[shape], dtype)
        scipy.fft.dctn(self.x)

    def time_dctn(self, backend, shape, dtype):
        scipy.fft.dctn(self.x)
