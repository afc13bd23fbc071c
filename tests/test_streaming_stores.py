"""Results far larger than the caches are written with non-temporal stores (fb_lanes.h,
fb_stream_min in fb_common.h). They must be bitwise the results of ordinary stores: the same
transforms run in a subprocess with streaming switched off (FFTBACKEND_STREAM_MIN) and with it
forced on for every size, and are compared with this process's."""
import os
import subprocess
import sys
import textwrap

import numpy as np
import pytest
import scipy.fft

import fftbackend

SCRIPT = textwrap.dedent("""
    import sys
    import numpy as np
    import fftbackend
    rng = np.random.default_rng(11)
    out = {}
    c = rng.standard_normal((600, 2048)) + 1j * rng.standard_normal((600, 2048))
    out["batch"] = fftbackend.fft(c, axis=-1)
    out["batch64"] = fftbackend.ifft(c.astype(np.complex64), axis=-1)
    out["batch_odd"] = fftbackend.fft(c[:, :2000], axis=-1)
    line = rng.standard_normal(1 << 20) + 1j * rng.standard_normal(1 << 20)
    out["line"] = fftbackend.fft(line)
    out["line_w2"] = fftbackend.fft(line, workers=2)
    out["line3"] = fftbackend.ifft(line[: 3 << 18])
    out["small"] = fftbackend.fft(c[:4, :1024], axis=-1)
    out["rline"] = fftbackend.rfft(line.real)            # untangled inside the blocked plan
    out["rline_w3"] = fftbackend.rfft(line.real, workers=3)
    out["rline32"] = fftbackend.ihfft(line.imag.astype(np.float32))
    out["irline"] = fftbackend.irfft(line[: (1 << 19) + 1], 1 << 20)   # blocked, loaded input
    out["irline_w2"] = fftbackend.irfft(line[: (1 << 19) + 1], 1 << 20, workers=2)
    np.savez(sys.argv[1], **out)
""")


def _run(tmp_path, stream_min):
    path = tmp_path / f"out_{stream_min}.npz"
    env = dict(os.environ, FFTBACKEND_STREAM_MIN=str(stream_min))
    subprocess.run([sys.executable, "-c", SCRIPT, str(path)], env=env, check=True, cwd=tmp_path)
    with np.load(path) as f:
        return {k: f[k] for k in f.files}


def test_streamed_results_are_bitwise_those_of_ordinary_stores(tmp_path):
    never = _run(tmp_path, 1 << 62)
    always = _run(tmp_path, 0)
    for key in never:
        assert np.array_equal(never[key], always[key]), key


def test_streamed_batch_is_accurate_and_equals_row_by_row():
    rng = np.random.default_rng(5)
    c = rng.standard_normal((600, 2048)) + 1j * rng.standard_normal((600, 2048))   # 18.75 MiB
    y = fftbackend.fft(c, axis=-1)
    ref = scipy.fft.fft(c, axis=-1)
    assert np.linalg.norm(y - ref) <= 2e-15 * np.linalg.norm(ref)
    for r in (0, 1, 299, 599):
        assert np.array_equal(y[r], fftbackend.fft(c[r]))
