"""fftbackend: fast complex and real FFTs, DCTs and DSTs behind SciPy's exact
``scipy.fft`` API.

Use it as a ``scipy.fft`` backend::

    import scipy.fft
    import fftbackend

    with scipy.fft.set_backend(fftbackend):
        y = scipy.fft.fft(x)

(or for the whole program with ``scipy.fft.register_backend(fftbackend)``:
SciPy still handles what we do not; ``set_global_backend`` would replace SciPy
instead), or call the transforms directly:
``fftbackend.fft(x)``, ``fftbackend.rfft(x)``, ``fftbackend.dct(x)``...
Arguments, output dtypes and error messages are those of ``scipy.fft``.
Transforms this package does not implement (``fht``...), and input it cannot
handle (long double), are left to SciPy.
"""
from ._backend import __ua_domain__, __ua_function__
from ._basic import fft, fft2, fftn, ifft, ifft2, ifftn
from ._cache import CacheInfo, cache_clear, cache_info, cache_set_max_bytes
from ._config import show_config
from ._fftconv import fft_conv
from ._real import (hfft, hfft2, hfftn, ihfft, ihfft2, ihfftn, irfft, irfft2,
                    irfftn, rfft, rfft2, rfftn)
from ._realtransforms import dct, dctn, dst, dstn, idct, idctn, idst, idstn
from ._signal import fftconvolve, next_fast_len, oaconvolve

__version__ = "0.1.0"

__all__ = ["fft", "ifft", "fft2", "ifft2", "fftn", "ifftn",
           "rfft", "irfft", "rfft2", "irfft2", "rfftn", "irfftn",
           "hfft", "ihfft", "hfft2", "ihfft2", "hfftn", "ihfftn",
           "dct", "idct", "dst", "idst", "dctn", "idctn", "dstn", "idstn",
           "fftconvolve", "oaconvolve", "next_fast_len", "fft_conv",
           "show_config", "cache_info", "cache_clear", "cache_set_max_bytes", "CacheInfo"]
