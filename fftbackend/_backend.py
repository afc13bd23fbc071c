"""The uarray protocol that makes this package a ``scipy.fft`` backend.

Like SciPy's own ``_ScipyBackend`` we define only ``__ua_domain__`` and
``__ua_function__``: no ``__ua_convert__``, so uarray hands us the caller's
arguments untouched and we convert them ourselves (see `_helper`).
"""
import scipy.fft as _scipy_fft

from . import _core
from ._basic import BACKEND_IMPLEMENTATIONS as _COMPLEX_IMPLEMENTATIONS
from ._helper import _Unsupported, _workers_state
from ._real import BACKEND_IMPLEMENTATIONS as _REAL_IMPLEMENTATIONS
from ._realtransforms import BACKEND_IMPLEMENTATIONS as _R2R_IMPLEMENTATIONS

__all__ = ["__ua_domain__", "__ua_function__", "implements"]

__ua_domain__ = "numpy.scipy.fft"

# scipy.fft multimethod -> our implementation.  uarray passes the multimethod
# object itself to __ua_function__, so one dict lookup finds the function.
_implemented = {}


def implements(scipy_function):
    """Register the decorated function as this backend's ``scipy_function``."""
    def register(function):
        _implemented[scipy_function] = function
        return function
    return register


for _name, _function in {**_COMPLEX_IMPLEMENTATIONS, **_REAL_IMPLEMENTATIONS,
                         **_R2R_IMPLEMENTATIONS}.items():
    implements(getattr(_scipy_fft, _name))(_function)
del _name, _function


def _ua_function_python(method, args, kwargs):
    function = _implemented.get(method)
    if function is None:
        return NotImplemented       # not ours (fht...): SciPy takes it
    try:
        return function(*args, **kwargs)
    except _Unsupported:
        return NotImplemented       # long double etc.: SciPy takes it


# Every call through scipy.fft pays for __ua_function__, and at n = 64 the Python frames
# between it and the kernel cost ten times the transform. _core.ua_function takes the plain
# 1-D calls (default arguments, an int axis, a valid norm or DCT type) straight to the kernel
# binding and hands everything else to _ua_function_python (see _fastpath.pxi).
_FAST_KINDS = {
    "fft": ("c2c", True, False), "ifft": ("c2c", False, False),
    "rfft": ("r2c", True, False), "ihfft": ("r2c", False, False),
    "irfft": ("c2r", False, False), "hfft": ("c2r", True, False),
    "dct": ("r2r", True, False), "idct": ("r2r", False, False),
    "dst": ("r2r", True, True), "idst": ("r2r", False, True),
}
_core.set_ua_paths({getattr(_scipy_fft, name): kind for name, kind in _FAST_KINDS.items()},
                   _ua_function_python, _workers_state, _scipy_fft.get_workers)
__ua_function__ = _core.ua_function
