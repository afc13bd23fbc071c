"""fftbackend on dask arrays: transforms and convolution of arrays larger
than memory, chunk by chunk, with the threaded scheduler or a
``dask.distributed`` cluster.

dask is an optional extra (``pip install fftbackend[dask]``); this module is
only imported on demand (``import fftbackend.dask``).

- ``fft, ifft, rfft, irfft, fftn, ifftn, rfftn, irfftn, dct, idct``: the
  signatures of ``fftbackend.X`` / ``scipy.fft.X``, lazy dask results.  The
  transformed axes are rechunked to a single chunk when they span several,
  with a `RechunkWarning` that says how much memory a chunk then needs.
- ``fftconvolve(x, kernel, mode, axes)``: a large chunked ``x`` with a small
  in-memory kernel, chunks overlapping by the kernel's size.

Input that is not a dask array (a NumPy array, a list) is wrapped with
``dask.array.asarray``.
"""
try:
    import dask.array  # noqa: F401
except ImportError as exc:
    raise ImportError(
        "fftbackend.dask needs dask: install it with "
        "`pip install fftbackend[dask]` (or `pip install 'dask[array]' distributed`)"
    ) from exc

from ._dask_conv import fftconvolve
from ._dask_fft import (RechunkWarning, dct, fft, fftn, idct, ifft, ifftn,
                        irfft, irfftn, rfft, rfftn)

__all__ = ["fft", "ifft", "rfft", "irfft", "fftn", "ifftn", "rfftn", "irfftn",
           "dct", "idct", "fftconvolve", "RechunkWarning"]
