"""fftbackend as a uarray backend of scipy.fft.

* ``__ua_domain__`` is SciPy's fft domain;
* ``set_backend`` (also with ``only=True``, which proves *our* code answered),
  ``set_global_backend`` (restored afterwards) and ``register_backend`` (in a
  subprocess, since registration cannot be undone) all dispatch to us;
* what we do not implement (long-double input, fht, ifht) falls through
  to SciPy and gives SciPy's exact result.
"""

import subprocess
import sys
import textwrap

import numpy as np
import pytest
import scipy.fft
from scipy._lib.uarray import BackendNotImplementedError  # SciPy's vendored uarray

import fftbackend

FUNCS = ["fft", "ifft", "fft2", "ifft2", "fftn", "ifftn"]


def _inputs(util):
    return [
        util.random_complex((6, 10), np.complex128, key=(81,)),
        util.random_complex((4, 9), np.complex64, key=(82,)),
        np.arange(30.0).reshape(5, 6),
    ]


def test_ua_domain():
    assert fftbackend.__ua_domain__ == "numpy.scipy.fft"
    assert callable(fftbackend.__ua_function__)


@pytest.mark.parametrize("only", [False, True])
def test_set_backend_dispatches_to_us(util, only):
    for x in _inputs(util):
        for name in FUNCS:
            direct = getattr(fftbackend, name)(x)
            with scipy.fft.set_backend(fftbackend, only=only):
                via = getattr(scipy.fft, name)(x)
            # Same code, same input: bitwise the same result.
            assert via.dtype == direct.dtype and np.array_equal(via, direct), name
            util.assert_close(via, util.scipy_default(name, x), what=name)


def test_only_true_consults_nobody_else(util):
    """With only=True SciPy's backend is out of the game, so working transforms
    prove our backend computed them, and an unimplemented function has nowhere
    to go."""
    x = util.random_complex((16,), key=(83,))
    with scipy.fft.set_backend(fftbackend, only=True):
        y = scipy.fft.fft(x)
        with pytest.raises(BackendNotImplementedError):
            scipy.fft.fht(x.real, 0.1, 0.0)
    util.assert_close(y, util.scipy_default("fft", x))


@pytest.mark.parametrize("dtype", [np.clongdouble, np.longdouble], ids=lambda d: np.dtype(d).name)
@pytest.mark.parametrize("name", FUNCS)
def test_long_double_falls_through_to_scipy(util, name, dtype):
    x = util.random_complex((5, 7), np.clongdouble, key=(84,))
    if dtype is np.longdouble:
        x = x.real.copy()
    expected = util.scipy_default(name, x)
    assert expected.dtype == np.clongdouble
    with util.our_backend():
        got = getattr(scipy.fft, name)(x)
    assert got.dtype == np.clongdouble
    assert np.array_equal(got, expected)  # SciPy computed it: bitwise identical


UNIMPLEMENTED = [
    ("fht", lambda x: (x.real[0], 0.1, 0.0), {}),
    ("fht 2-D", lambda x: (x.real, 0.05, 0.5), {"offset": 0.1}),
    ("ifht", lambda x: (x.real[1], 0.1, 1.0), {"bias": 0.2}),
]


@pytest.mark.parametrize("label, args, kwargs", UNIMPLEMENTED, ids=[u[0] for u in UNIMPLEMENTED])
def test_unimplemented_functions_still_work(util, label, args, kwargs):
    name = label.split()[0]
    x = util.random_complex((3, 8), key=(85,))
    expected = util.scipy_default(name, *args(x), **kwargs)
    with util.our_backend():
        got = getattr(scipy.fft, name)(*args(x), **kwargs)
    assert got.dtype == expected.dtype and got.shape == expected.shape
    util.assert_close(got, expected, what=name)


def test_set_global_backend_and_restore(util):
    x = util.random_complex((4, 12), key=(86,))
    direct = fftbackend.fftn(x)
    try:
        scipy.fft.set_global_backend(fftbackend, only=True)
        via = scipy.fft.fftn(x)
        # only=True globally: an unimplemented function cannot reach SciPy,
        # which proves the call above was answered by us.
        with pytest.raises(BackendNotImplementedError):
            scipy.fft.fht(x.real, 0.1, 0.0)
        scipy.fft.set_global_backend(fftbackend)
        via2 = scipy.fft.ifft2(x)
    finally:
        scipy.fft.set_global_backend("scipy", try_last=True)  # SciPy's import-time default
    assert np.array_equal(via, direct)
    assert np.array_equal(via2, fftbackend.ifft2(x))
    # Restored: SciPy's backend answers again, long double included.
    assert scipy.fft.rfft(x.real).shape == (4, 7)
    assert scipy.fft.fft(x.astype(np.clongdouble)).dtype == np.clongdouble


def test_register_backend_in_subprocess(tmp_path):
    """register_backend cannot be undone, so it is exercised in a fresh interpreter."""
    script = textwrap.dedent(
        """
        import numpy as np, scipy.fft, fftbackend
        x = np.random.default_rng(5).standard_normal((3, 16)) + 0j
        from scipy._lib.uarray import BackendNotImplementedError
        # Before: with SciPy's backend skipped, nobody implements fft.
        with scipy.fft.skip_backend("scipy"):
            try:
                scipy.fft.fft(x)
            except BackendNotImplementedError:
                pass
            else:
                raise SystemExit("precondition: fft worked without any backend")
        scipy.fft.register_backend(fftbackend)
        with scipy.fft.skip_backend("scipy"):
            y = scipy.fft.fft(x)            # only the registered backend is left
            z = scipy.fft.ifftn(x, axes=(0,))
        assert np.array_equal(y, fftbackend.fft(x))
        assert np.array_equal(z, fftbackend.ifftn(x, axes=(0,)))
        with scipy.fft.set_backend("scipy", only=True):
            ref = scipy.fft.fft(x)
        err = np.linalg.norm(y - ref) / np.linalg.norm(ref)
        assert err <= 2e-15, err
        # Registered (tried before SciPy's try_last global): fall-through still works.
        assert scipy.fft.rfft(x.real).shape == (3, 9)
        assert scipy.fft.fft(x.astype(np.clongdouble)).dtype == np.clongdouble
        print("REGISTER-OK")
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], cwd=tmp_path,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "REGISTER-OK" in proc.stdout
