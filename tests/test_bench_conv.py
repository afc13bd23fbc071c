"""The convolution part of `python -m fftbackend bench`: its rows are checked against SciPy
(a wrong result fails the run), timed, and printed with the ratio to the better of SciPy's
fftconvolve / oaconvolve (or to the rfftn + einsum + irfftn version of fft_conv)."""

import io
import re

import numpy as np
import pytest

from fftbackend import _bench_conv


def test_quick_rows_check_time_and_print():
    out = io.StringIO()
    assert _bench_conv.run(_bench_conv.QUICK_CASES, repeats=3, out=out)
    text = out.getvalue()
    assert f"all {len(_bench_conv.QUICK_CASES)} checks agree" in text
    for case in _bench_conv.QUICK_CASES:
        row = next(line for line in text.splitlines() if line.startswith(case.label))
        ratio = float(row.split()[-2] if case.kind == "signal" else row.split()[-3])
        assert 0 < ratio < 100, row
        assert re.search(r"\((fftconvolve|oaconvolve|rfftn\+einsum)\)", row), row


def test_required_rows_are_listed():
    labels = [c.label for c in _bench_conv.FULL_CASES]
    for shapes in ("1000000 * 31", "1000000 * 1025", "1000000 * 65537",
                   "2048x2048 * 15x15", "2048x2048 * 129x129"):
        assert any(f"float64 {shapes}" in label for label in labels), shapes
    for dtype in ("float32", "float64"):
        assert f"fft_conv {dtype} 3x3x4096 * 2x3x1025 pad=512" in labels


@pytest.mark.parametrize("case", _bench_conv.QUICK_CASES, ids=lambda c: c.label)
def test_check_catches_a_wrong_result(case):
    ours, refs = _bench_conv.build(case)
    error, problems = _bench_conv.check(case, ours, refs)
    assert not problems and error < 1e-12

    def wrong():
        y = ours().copy()
        y.flat[y.size // 2] += 1e-3 * np.abs(y).max()
        return y

    _, problems = _bench_conv.check(case, wrong, refs)
    assert problems


def test_reference_channel_conv_is_a_correlation():
    rng = np.random.default_rng(0)
    x = rng.standard_normal((1, 1, 50))
    k = rng.standard_normal((1, 1, 7))
    got = _bench_conv._scipy_channel_conv(x, k, padding=2)
    xp = np.pad(x[0, 0], 2)
    direct = np.array([xp[i:i + 7] @ k[0, 0] for i in range(len(xp) - 6)])
    np.testing.assert_allclose(got[0, 0], direct, rtol=0, atol=1e-12)
