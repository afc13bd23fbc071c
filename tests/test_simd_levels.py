"""Every SIMD build the machine supports gives correct results.

The kernels exist once per SIMD target and are chosen at the first transform
(FFTBACKEND_SIMD forces one), so each level runs in its own subprocess. The
script compares against SciPy's long-double transform, over lengths that take
every code path: radix passes, lane split, generic odd pass, Bluestein, the
blocked large-size algorithm, strided batches.
"""
import json
import os
import subprocess
import sys

import pytest

import fftbackend
from fftbackend import _core

SCRIPT = r"""
import json, sys
import numpy as np, scipy.fft as sf
import fftbackend
from fftbackend import _core
rng = np.random.default_rng(7)
sizes = list(range(1, 130)) + [240, 256, 1000, 1009, 2018, 4096, 4099, 6720, 65536, 65537, 131072]
worst = {}
for dt in (np.complex128, np.complex64):
    for n in sizes:
        for shape, axis in (((n,), 0), ((3, n), 1), ((n, 5), 0)):
            x = (rng.standard_normal(shape) + 1j * rng.standard_normal(shape)).astype(dt)
            with sf.set_backend("scipy"):
                ref = sf.fft(x.astype(np.clongdouble), axis=axis)
            y = fftbackend.fft(x, axis=axis)
            err = float(np.linalg.norm((y - ref).astype(np.clongdouble)) / np.linalg.norm(ref))
            key = np.dtype(dt).name
            worst[key] = max(worst.get(key, 0.0), err)
print(json.dumps({"level": _core.simd_level(), "worst": worst}))
"""


def supported_levels():
    # the default level is the best the CPU supports (tests run uncapped)
    from fftbackend._config import supported_simd_levels
    return supported_simd_levels()


def test_default_level_is_reported(capsys):
    assert _core.simd_level() in ("baseline", "avx2", "avx512")
    fftbackend.show_config()
    out = capsys.readouterr().out
    assert "simd: " + _core.simd_level() in out


@pytest.mark.parametrize("level", supported_levels())
def test_level_is_correct(level, tmp_path):
    env = dict(os.environ, FFTBACKEND_SIMD=level)
    proc = subprocess.run([sys.executable, "-c", SCRIPT], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["level"] == level
    assert result["worst"]["complex128"] <= 2e-15, result
    assert result["worst"]["complex64"] <= 1e-6, result
