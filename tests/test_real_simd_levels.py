"""Every SIMD build the machine supports computes the real transforms correctly.

The kernel level is chosen at the first transform (FFTBACKEND_SIMD forces one),
so each level runs in its own subprocess: rfft, irfft (of a Hermitian
half-spectrum) and fft of real input, single vectors and batches along either
axis (lane paths), even/odd/prime/Bluestein/large lengths, both precisions,
against SciPy's long-double transforms.
"""
import json
import os
import subprocess
import sys

import pytest

from fftbackend import _core

SCRIPT = r"""
import json
import numpy as np, scipy.fft as sf
import fftbackend
from fftbackend import _core

def ld(name, x, **kw):
    x = np.asarray(x)
    with sf.set_backend("scipy", only=True):
        wide = np.clongdouble if x.dtype.kind == "c" else np.longdouble
        return getattr(sf, name)(x.astype(wide), **kw)

def err(y, ref):
    d = (np.asarray(y).astype(np.clongdouble) - ref)
    return float(np.sqrt(np.sum(np.abs(d) ** 2) / np.sum(np.abs(ref.astype(np.clongdouble)) ** 2)))

rng = np.random.default_rng(11)
sizes = list(range(1, 130)) + [240, 256, 1000, 1009, 2018, 4096, 4099, 6720, 65536, 65537, 131072]
worst = {}
for dt, cdt in ((np.float64, np.complex128), (np.float32, np.complex64)):
    for n in sizes:
        layouts = (((n,), 0), ((3, n), 1), ((n, 5), 0)) if n < 10000 else (((n,), 0), ((2, n), 1))
        for shape, axis in layouts:
            x = rng.standard_normal(shape).astype(dt)
            hshape = list(shape); hshape[axis] = n // 2 + 1
            X = (rng.standard_normal(hshape) + 1j * rng.standard_normal(hshape)).astype(cdt)
            idx = [slice(None)] * len(shape); idx[axis] = 0
            X[tuple(idx)] = X[tuple(idx)].real
            if n % 2 == 0:
                idx[axis] = -1
                X[tuple(idx)] = X[tuple(idx)].real
            r = ld("rfft", x, axis=axis)
            # full spectrum of real x: R_k, then conj(R_{n-k}) (exact)
            tail = np.conj(np.flip(np.take(r, range(1, n - n // 2), axis=axis), axis=axis))
            results = (
                ("rfft", fftbackend.rfft(x, axis=axis), r),
                ("irfft", fftbackend.irfft(X, n, axis=axis), ld("irfft", X, n=n, axis=axis)),
                ("fft_real", fftbackend.fft(x, axis=axis), np.concatenate([r, tail], axis=axis)),
            )
            for name, y, ref in results:
                key = f"{name} {np.dtype(dt).name}"
                worst[key] = max(worst.get(key, 0.0), err(y, ref))
print(json.dumps({"level": _core.simd_level(), "worst": worst}))
"""


def supported_levels():
    # the default level is the best the CPU supports (tests run uncapped)
    from fftbackend._config import supported_simd_levels
    return supported_simd_levels()


@pytest.mark.parametrize("level", supported_levels())
def test_real_transforms_at_level(level, tmp_path):
    env = dict(os.environ, FFTBACKEND_SIMD=level)
    proc = subprocess.run([sys.executable, "-c", SCRIPT], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["level"] == level
    worst = result["worst"]
    assert len(worst) == 6, worst
    for key, value in worst.items():
        bound = 2e-15 if key.endswith("float64") else 1e-6
        assert value <= bound, (level, key, value, worst)
