"""The correctness suite under every SIMD level this machine supports.

The kernels exist once per SIMD target (baseline SSE2, AVX2 + FMA, AVX-512) and
one is chosen per process at the first transform; FFTBACKEND_SIMD caps it. This
run of pytest covers the default (best) level; each lower level gets the same
correctness files in a pytest subprocess of its own, two at a time (the
machines CI runs on have 2 cores). Benchmarks, the asv suite, memory growth and
the pure Python layer (argument checks and error parity, uarray protocol) do not
depend on the level and run once, here; so does the plan cache's test, which
checks every level's caches in subprocesses of its own.
"""
import os
import pathlib
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

import fftbackend
from fftbackend import _core
from fftbackend._config import SIMD_LEVELS, supported_simd_levels

HERE = pathlib.Path(__file__).resolve().parent

# Every test file whose results come from the kernels.
CORRECTNESS_FILES = [
    "test_accuracy.py", "test_real_accuracy.py", "test_r2r_accuracy.py", "test_rader.py",
    "test_semantics.py", "test_real_semantics.py", "test_r2r_semantics.py",
    "test_nd_strides.py", "test_real_nd.py", "test_r2r_nd.py", "test_real_input_fft.py",
    "test_properties.py", "test_real_properties.py", "test_prop_transforms.py",
    "test_large_strides.py", "test_threads.py", "test_threads_stress.py",
    "test_workers_single_line.py", "test_r2c_fused.py", "test_dct1_halves.py",
    "test_fftconvolve.py", "test_signal_api.py", "test_fft_conv.py", "test_conv_kernels.py",
]

# The level check run first in each subprocess: a cap the build or CPU ignored would
# otherwise pass silently at the default level.
LEVEL_PROBE = "from fftbackend import _core; print(_core.simd_level())"


def test_correctness_files_exist():
    missing = [f for f in CORRECTNESS_FILES if not (HERE / f).is_file()]
    assert not missing, missing


def test_default_level_is_the_best_supported(capsys):
    assert _core.simd_level() in SIMD_LEVELS
    assert supported_simd_levels()[-1] == _core.simd_level()
    fftbackend.show_config()
    assert "simd: " + _core.simd_level() in capsys.readouterr().out


def _probe_level(level, workdir):
    """An error message if a process with FFTBACKEND_SIMD=level does not run that level."""
    env = dict(os.environ, FFTBACKEND_SIMD=level)
    probe = subprocess.run([sys.executable, "-c", LEVEL_PROBE], cwd=workdir, env=env,
                           capture_output=True, text=True, timeout=600)
    if probe.returncode != 0 or probe.stdout.strip() != level:
        return f"--- FFTBACKEND_SIMD={level}: level probe {probe.stdout!r} {probe.stderr[-2000:]}"
    return None


def _run_level(level, workdir):
    env = dict(os.environ, FFTBACKEND_SIMD=level)
    cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
           "--import-mode=importlib", "--rootdir", str(HERE.parent),
           *[str(HERE / f) for f in CORRECTNESS_FILES]]
    proc = subprocess.run(cmd, cwd=workdir, env=env, capture_output=True, text=True,
                          timeout=1800)
    return level, proc.returncode, proc.stdout[-6000:] + proc.stderr[-2000:]


def test_full_correctness_suite_at_every_lower_level(tmp_path):
    levels = supported_simd_levels()[:-1]   # the last one is this process's
    if not levels:
        pytest.skip("this machine supports only one SIMD level, the one this run uses")
    # probes one after the other (an editable install rebuilds on the first import, and two
    # builds at once in one build folder would collide), then the suites two at a time
    failures = [f for f in (_probe_level(lv, tmp_path) for lv in levels) if f]
    assert not failures, "\n".join(failures)
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda lv: _run_level(lv, tmp_path), levels))
    for level, rc, out in results:
        passed = re.search(r"(\d+) passed", out)
        # pytest exits 5 when it collected nothing: a failure here too
        if rc != 0 or not passed or int(passed.group(1)) < 100:
            failures.append(f"--- FFTBACKEND_SIMD={level}: exit {rc}\n{out}")
        else:
            print(f"FFTBACKEND_SIMD={level}: {passed.group(0)}")
    assert not failures, "\n".join(failures)
