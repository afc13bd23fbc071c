"""Every SIMD build the machine supports computes the real-to-real transforms correctly.

The kernel level is chosen at the first transform (FFTBACKEND_SIMD forces one),
so each level runs in its own subprocess: dct / idct / dst / idst of every type
(and dctn / idstn), single vectors and batches along either axis (full and
partial vector groups), even / odd / prime / large lengths, both precisions,
against SciPy's long-double transforms (double for float32 input).
"""
import json
import os
import subprocess
import sys

import pytest

from fftbackend import _core

SCRIPT = r"""
import itertools, json
import numpy as np, scipy.fft as sf
import fftbackend
from fftbackend import _core

def ld(name, x, *args, **kw):
    # SciPy in long double for float64 input, in double for float32 (plenty)
    wide = np.longdouble if x.dtype == np.float64 else np.float64
    with sf.set_backend("scipy", only=True):
        return getattr(sf, name)(np.asarray(x).astype(wide), *args, **kw).astype(np.longdouble)

def err(y, ref):
    d = np.asarray(y).astype(np.longdouble) - ref
    return float(np.sqrt(np.sum(d * d) / np.sum(ref * ref)))

rng = np.random.default_rng(12)
sizes = list(range(1, 25)) + [31, 32, 33, 64, 97, 100, 127, 128, 255, 256, 1000, 1009, 1024,
                              4096, 4099, 6720]
large = [65536, 65537]
funcs = ("dct", "idct", "dst", "idst")
worst = {}

def record(name, dt, y, ref):
    assert y.dtype == np.dtype(dt) and y.shape == ref.shape, (name, y.dtype, y.shape)
    key = f"{name} {np.dtype(dt).name}"
    worst[key] = max(worst.get(key, 0.0), err(y, ref))

for dt in (np.float64, np.float32):
    for n in sizes + large:
        layouts = (((n,), 0), ((5, n), 1), ((n, 7), 0)) if n < 4000 else (
            ((n,), 0), ((n, 3), 0)) if n < 10000 else (((n,), 0),)
        for (shape, axis), (i, (func, type)) in itertools.product(
                layouts, enumerate(itertools.product(funcs, (1, 2, 3, 4)))):
            if n == 1 and type == 1 and func in ("dct", "idct"):
                continue                        # SciPy's error, not a transform
            if n >= 10000 and func[0] == "i":
                continue
            x = rng.standard_normal(shape).astype(dt)
            norm = (None, "ortho", "forward")[(i + n) % 3]
            y = getattr(fftbackend, func)(x, type, axis=axis, norm=norm)
            record(func, dt, y, ld(func, x, type, axis=axis, norm=norm))
    for shape, axes in (((5, 6, 7), None), ((17, 9, 8), (2, 0)), ((3, 1000), None)):
        x = rng.standard_normal(shape).astype(dt)
        for func, type in itertools.product(("dctn", "idstn"), (1, 2, 3, 4)):
            y = getattr(fftbackend, func)(x, type, axes=axes, norm="ortho")
            record(func, dt, y, ld(func, x, type, axes=axes, norm="ortho"))
print(json.dumps({"level": _core.simd_level(), "worst": worst}))
"""


def supported_levels():
    # the default level is the best the CPU supports (tests run uncapped)
    from fftbackend._config import supported_simd_levels
    return supported_simd_levels()


@pytest.mark.parametrize("level", supported_levels())
def test_r2r_transforms_at_level(level, tmp_path):
    env = dict(os.environ, FFTBACKEND_SIMD=level)
    proc = subprocess.run([sys.executable, "-c", SCRIPT], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["level"] == level
    worst = result["worst"]
    assert len(worst) == 12, worst          # 6 functions x 2 precisions
    for key, value in worst.items():
        bound = 2e-15 if key.endswith("float64") else 1e-6
        assert value <= bound, (level, key, value, worst)
