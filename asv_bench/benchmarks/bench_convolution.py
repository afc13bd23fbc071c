"""Convolution: scipy.signal.fftconvolve running on each backend, fftbackend's own fftconvolve
against SciPy's, and fftbackend.fft_conv (channel convolution) against the same computation
written with SciPy's FFTs."""

import numpy as np
import scipy.fft
import scipy.signal

from .common import BACKENDS, REAL_DTYPES, BackendBenchmark, random, require

# (signal shape, kernel shape): signal lengths of the three size classes with a long kernel,
# a short kernel (the direct-sum regime) and an image with a small 2-D kernel.
SIGNAL_CASES = {
    "pow2 65536 * 1025": ((65536,), (1025,)),
    "smooth 100000 * 1025": ((100000,), (1025,)),
    "prime 65537 * 1025": ((65537,), (1025,)),
    "100000 * 31": ((100000,), (31,)),
    "512x512 * 15x15": ((512, 512), (15, 15)),
}

# (signal, kernel, padding) of fft_conv: (batch, in_channels, *spatial) and
# (out_channels, in_channels, *kernel_spatial).
CHANNEL_CASES = {
    "1-D 3x3x4096 * 2x3x1025 pad=512": ((3, 3, 4096), (2, 3, 1025), 512),
    "2-D 2x3x128x128 * 4x3x9x9 pad=4": ((2, 3, 128, 128), (4, 3, 9, 9), 4),
}


class SignalFFTConvolve(BackendBenchmark):
    """scipy.signal.fftconvolve(in1, in2) with scipy.fft's global backend switched: the same
    SciPy code, its transforms computed by fftbackend or by SciPy."""

    params = [BACKENDS, list(SIGNAL_CASES), REAL_DTYPES]
    param_names = ["backend", "case", "dtype"]

    def setup(self, backend, case, dtype):
        super().setup(backend)
        shape1, shape2 = SIGNAL_CASES[case]
        self.a = random(shape1, dtype)
        self.b = random(shape2, dtype, seed=1)
        scipy.signal.fftconvolve(self.a, self.b)

    def time_signal_fftconvolve(self, backend, case, dtype):
        scipy.signal.fftconvolve(self.a, self.b)


class FFTConvolve(BackendBenchmark):
    """fftbackend.fftconvolve called directly (its cost model picks direct sum, fused
    overlap-save or one padded transform) against scipy.signal.fftconvolve on SciPy's
    backend."""

    params = [BACKENDS, list(SIGNAL_CASES), REAL_DTYPES]
    param_names = ["backend", "case", "dtype"]

    def setup(self, backend, case, dtype):
        super().setup(backend)
        shape1, shape2 = SIGNAL_CASES[case]
        self.a = random(shape1, dtype)
        self.b = random(shape2, dtype, seed=1)
        if backend == "fftbackend":
            self.convolve = require("fftconvolve")
        else:
            self.convolve = scipy.signal.fftconvolve
        self.convolve(self.a, self.b)

    def time_fftconvolve(self, backend, case, dtype):
        self.convolve(self.a, self.b)


def scipy_channel_conv(signal, kernel, padding):
    """fft_conv's result (a cross-correlation over channels, as in deep-learning layers) the
    plain way: pad, rfftn of both, a sum over input channels per frequency, irfftn, crop."""
    d = kernel.ndim - 2
    axes = tuple(range(2, 2 + d))
    padded = np.pad(signal, [(0, 0), (0, 0)] + [(padding, padding)] * d)
    lengths = padded.shape[2:]
    fshape = [scipy.fft.next_fast_len(n, real=True) for n in lengths]
    spectrum = scipy.fft.rfftn(padded, fshape, axes=axes)
    kernel_spectrum = scipy.fft.rfftn(kernel, fshape, axes=axes)
    product = np.einsum("bi...,oi...->bo...", spectrum, kernel_spectrum.conj())
    full = scipy.fft.irfftn(product, fshape, axes=axes)
    valid = tuple(slice(0, n - k + 1) for n, k in zip(lengths, kernel.shape[2:]))
    return full[(slice(None), slice(None)) + valid].astype(signal.dtype, copy=False)


class ChannelConvolution(BackendBenchmark):
    """fftbackend.fft_conv against the same channel convolution with SciPy's FFTs."""

    params = [BACKENDS, list(CHANNEL_CASES), REAL_DTYPES]
    param_names = ["backend", "case", "dtype"]

    def setup(self, backend, case, dtype):
        super().setup(backend)
        shape1, shape2, self.padding = CHANNEL_CASES[case]
        self.signal = random(shape1, dtype)
        self.kernel = random(shape2, dtype, seed=1)
        if backend == "fftbackend":
            self.conv = require("fft_conv")
        else:
            self.conv = scipy_channel_conv
        self.conv(self.signal, self.kernel, padding=self.padding)

    def time_fft_conv(self, backend, case, dtype):
        self.conv(self.signal, self.kernel, padding=self.padding)
