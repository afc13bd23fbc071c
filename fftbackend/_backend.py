"""The uarray protocol that makes this package a ``scipy.fft`` backend.

Like SciPy's own ``_ScipyBackend`` we define only ``__ua_domain__`` and
``__ua_function__``: no ``__ua_convert__``, so uarray hands us the caller's
arguments untouched and we convert them ourselves (see `_helper`).
"""
import scipy.fft as _scipy_fft

from ._basic import BACKEND_IMPLEMENTATIONS as _COMPLEX_IMPLEMENTATIONS
from ._helper import _Unsupported
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


def __ua_function__(method, args, kwargs):
    # Every call through scipy.fft pays for this function: keep it minimal.
    function = _implemented.get(method)
    if function is None:
        return NotImplemented       # not ours (fht...): SciPy takes it
    try:
        return function(*args, **kwargs)
    except _Unsupported:
        return NotImplemented       # long double etc.: SciPy takes it
