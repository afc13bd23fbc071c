"""Optional peer columns of ``python -m fftbackend bench``: pyFFTW and ducc0.

Neither is a dependency (``pip install 'fftbackend[bench]'`` brings both); a peer that cannot be
imported simply has no column. Each peer answers exactly the bench case's computation:

* pyFFTW through its ``scipy_fft`` interface, which is a ``scipy.fft`` backend, so its column
  runs the very same ``scipy.fft`` call as SciPy's and ours, only under
  ``scipy.fft.set_backend(pyfftw.interfaces.scipy_fft, only=True)``. Its interface cache is on
  with a long keepalive (so a plan made in the check is still there when timing starts), one
  thread, and FFTW_MEASURE plans (what a user who cares about speed asks for; the planning
  happens in the check and the warm-up, outside the timed samples).
* ducc0 called directly (``ducc0.fft.c2c``, ``r2c``, ``c2r``, ``dct``, ``dst``) with the
  arguments that compute the same result as the SciPy call: `ducc0_call` maps a case, or gives
  None when there is no exact mapping (the cell then shows "-").

A peer's result is checked against SciPy like ours, but a mismatch is the peer's problem: its
cell says "wrong" and the run goes on (`_bench.correctness_report` prints a note).
"""

from __future__ import annotations

import contextlib
import functools
import importlib
from dataclasses import dataclass
from typing import Any, Callable, ContextManager

import numpy as np

PYFFTW = "pyFFTW"
DUCC0 = "ducc0"
PEER_NAMES = (PYFFTW, DUCC0)  # every peer column, in table order; JSON has a key for each

PYFFTW_PLANNER_EFFORT = "FFTW_MEASURE"
PYFFTW_KEEPALIVE_SECONDS = 24 * 3600.0  # longer than any bench run: plans are never dropped


@dataclass(frozen=True)
class DirectColumn:
    """A peer called directly rather than as a ``scipy.fft`` backend: ``make_call(case, data)``
    gives the zero-argument call that computes the case, or None when it has no exact
    equivalent. Same interface as `_bench.Column` (heading, peer, activate, bind)."""

    heading: str
    make_call: Callable[[Any, np.ndarray], Callable[[], Any] | None]
    peer: bool = True

    def activate(self) -> ContextManager[Any]:
        return contextlib.nullcontext()

    def bind(self, case, data: np.ndarray) -> Callable[[], Any] | None:
        return self.make_call(case, data)


# ----------------------------------------------------------------------------------------------
# Discovery
# ----------------------------------------------------------------------------------------------


def peer_columns(importer: Callable[[str], Any] = importlib.import_module):
    """(columns, description) for the installed peers, in `PEER_NAMES` order; the description
    names their versions for the header line. ``importer`` is replaceable for the tests."""
    from ._bench import Column

    columns = []
    described = []
    missing = []
    pyfftw_backend = _setup_pyfftw(importer)
    if isinstance(pyfftw_backend, str):
        missing.append(f"{PYFFTW} ({pyfftw_backend})")
    else:
        backend, version = pyfftw_backend
        columns.append(Column(PYFFTW, backend, peer=True))
        described.append(f"{PYFFTW} {version} (scipy_fft interface, cached "
                         f"{PYFFTW_PLANNER_EFFORT} plans)")
    ducc0_fft = _import_peer(importer, "ducc0")
    if isinstance(ducc0_fft, str):
        missing.append(f"{DUCC0} ({ducc0_fft})")
    else:
        fft = importer("ducc0.fft")
        columns.append(DirectColumn(DUCC0, functools.partial(ducc0_call, fft=fft)))
        described.append(f"{DUCC0} {getattr(ducc0_fft, '__version__', '(unknown version)')} "
                         "(ducc0.fft called directly)")
    text = "peers: " + (", ".join(described) if described else "none")
    if missing:
        text += "; not available: " + ", ".join(missing)
    return columns, text


def _import_peer(importer, name: str):
    """The module, or a short reason why it cannot be used."""
    try:
        return importer(name)
    except ImportError:
        return "not installed"
    except Exception as exc:  # e.g. a broken binary: a peer never stops the bench
        return f"import failed: {type(exc).__name__}: {exc}"


def _setup_pyfftw(importer):
    """(scipy_fft backend module, version), or the reason it cannot be used."""
    pyfftw = _import_peer(importer, "pyfftw")
    if isinstance(pyfftw, str):
        return pyfftw
    try:
        backend = importer("pyfftw.interfaces.scipy_fft")
        cache = importer("pyfftw.interfaces.cache")
    except Exception as exc:
        return f"no scipy_fft interface: {type(exc).__name__}: {exc}"
    # One thread for calls that do not pass workers (the bench also sets scipy.fft.set_workers(1),
    # which the interface reads for workers=None).
    pyfftw.config.NUM_THREADS = 1
    pyfftw.config.PLANNER_EFFORT = PYFFTW_PLANNER_EFFORT
    cache.enable()
    cache.set_keepalive_time(PYFFTW_KEEPALIVE_SECONDS)
    return backend, getattr(pyfftw, "__version__", "(unknown version)")


# ----------------------------------------------------------------------------------------------
# ducc0: the SciPy call as ducc0 arguments
# ----------------------------------------------------------------------------------------------

_NORMS = (None, "backward", "ortho", "forward")
_C2C = {"fft": True, "ifft": False, "fft2": True, "ifft2": False, "fftn": True, "ifftn": False}
_R2R = {"dct": ("dct", False), "idct": ("dct", True), "dst": ("dst", False),
        "idst": ("dst", True), "dctn": ("dct", False), "idctn": ("dct", True),
        "dstn": ("dst", False), "idstn": ("dst", True)}
# The inverse of a type-t transform is a transform of type _INVERSE_TYPE[t], scaled.
_INVERSE_TYPE = {1: 1, 2: 3, 3: 2, 4: 4}


def inorm(norm: str | None, inverse: bool) -> int:
    """ducc0's ``inorm`` for SciPy's ``norm``: 0 none, 1 divide by sqrt(N), 2 divide by N.

    SciPy scales the backward (inverse) transform by 1/N by default, the forward one with
    "forward", both by 1/sqrt(N) with "ortho"; ducc0's N for the DCT/DST is the same logical
    length (2n, 2(n-1) for DCT-I, 2(n+1) for DST-I) that SciPy divides by."""
    if norm == "ortho":
        return 1
    scaled = norm == "forward" if not inverse else norm in (None, "backward")
    return 2 if scaled else 0


def _axes(func: str, ndim: int, kwargs: dict) -> list[int] | None:
    """The transformed axes (non-negative, in SciPy's order), or None if not mappable."""
    if func.endswith(("2", "n")):
        axes = kwargs.pop("axes", (-2, -1) if func.endswith("2") else None)
        if axes is None:
            return list(range(ndim))
        axes = [axes] if isinstance(axes, int) else list(axes)
    else:
        axes = [kwargs.pop("axis", -1)]
    if any(not -ndim <= a < ndim for a in axes):
        return None
    axes = [a % ndim for a in axes]
    return axes if len(set(axes)) == len(axes) else None


def ducc0_call(case, data: np.ndarray, fft) -> Callable[[], Any] | None:
    """A zero-argument call of ``fft`` (the ``ducc0.fft`` module) computing ``case`` on ``data``
    exactly as SciPy does, or None when the case has no exact ducc0 equivalent (another module's
    function, a size argument that pads or crops, hfft, ...). Always one thread."""
    func = case.func
    if ":" in func:
        return None
    kwargs = dict(case.kwargs)
    norm = kwargs.pop("norm", None)
    if norm not in _NORMS:
        return None
    call: Callable[[], Any] | None = None
    if func in _C2C:
        axes = _axes(func, data.ndim, kwargs)
        if axes is not None and not kwargs:
            call = functools.partial(fft.c2c, data, axes=axes, forward=_C2C[func],
                                     inorm=inorm(norm, not _C2C[func]), nthreads=1)
    elif func in ("rfft", "rfft2", "rfftn") and data.dtype.kind == "f":
        axes = _axes(func, data.ndim, kwargs)
        if axes is not None and not kwargs:
            call = functools.partial(fft.r2c, data, axes=axes, forward=True,
                                     inorm=inorm(norm, False), nthreads=1)
    elif func in ("irfft", "irfft2", "irfftn") and data.dtype.kind == "c":
        n = kwargs.pop("n", None) if func == "irfft" else None
        axes = _axes(func, data.ndim, kwargs)
        if axes is not None and not kwargs:
            m = data.shape[axes[-1]]
            lastsize = 2 * (m - 1) if n is None else int(n)
            # ducc0 takes exactly the n//2+1 half-spectrum; SciPy would crop or pad otherwise.
            if lastsize >= 1 and lastsize // 2 + 1 == m:
                call = functools.partial(fft.c2r, data, axes=axes, lastsize=lastsize,
                                         forward=False, inorm=inorm(norm, True), nthreads=1)
    elif func in _R2R and data.dtype.kind == "f":
        kind, inverse = _R2R[func]
        type_ = kwargs.pop("type", 2)
        axes = _axes(func, data.ndim, kwargs)
        if axes is not None and not kwargs and type_ in _INVERSE_TYPE:
            call = functools.partial(getattr(fft, kind), data,
                                     type=_INVERSE_TYPE[type_] if inverse else type_,
                                     axes=axes, inorm=inorm(norm, inverse), nthreads=1)
    return call
