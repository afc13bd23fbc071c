"""The benchmark's rows for the real transforms, and its correctness check on real output.

* the rows asked for exist (rfft / irfft at n = 1024, 4096, 65536, 2**20, 6720,
  rfft2 2048x2048, fft of real input n=65536; irfft takes the n//2+1 half-spectrum
  and ``n=``), and --quick has a small rfft row;
* ``judge_result`` measures real results correctly and flags a wrong dtype, a
  wrong value or a complex result where SciPy gives a real one;
* every real row passes the bench's own correctness check against SciPy.
"""

import numpy as np
import pytest

from fftbackend import _bench

REAL_FUNCS = ("rfft", "irfft", "rfft2")


def _find(cases, func, dtype, shape, kwargs=None):
    return [c for c in cases if c.func == func and c.dtype == dtype and c.shape == shape
            and dict(c.kwargs) == (kwargs or {})]


@pytest.mark.parametrize("n", [1024, 4096, 65536, 2**20, 6720])
def test_rfft_and_irfft_rows(n):
    assert len(_find(_bench.FULL_CASES, "rfft", "float64", (n,))) == 1
    rows = _find(_bench.FULL_CASES, "irfft", "complex128", (n // 2 + 1,), {"n": n})
    assert len(rows) == 1
    assert "irfft" in rows[0].label and str(n) in rows[0].label


def test_rfft2_and_real_input_fft_rows():
    assert len(_find(_bench.FULL_CASES, "rfft2", "float64", (2048, 2048))) == 1
    assert len(_find(_bench.FULL_CASES, "fft", "float64", (65536,))) == 1


def test_labels_are_unique():
    for cases in (_bench.FULL_CASES, _bench.QUICK_CASES):
        labels = [c.label for c in cases]
        assert len(set(labels)) == len(labels), labels


def test_quick_has_a_small_rfft_row():
    rows = [c for c in _bench.QUICK_CASES if c.func == "rfft"]
    assert rows and all(np.prod(c.shape) <= 4096 for c in rows)


def test_irfft_input_is_a_complex_half_spectrum():
    (case,) = _find(_bench.FULL_CASES, "irfft", "complex128", (4096 // 2 + 1,), {"n": 4096})
    data = _bench.make_input(case)
    assert data.dtype == np.complex128 and data.shape == (2049,)
    out = _bench.bind_call(case, data)()
    assert out.dtype == np.float64 and out.shape == (4096,)


def test_judge_result_on_real_output():
    case = _bench.Case("irfft float64 n=8", "complex128", (5,), "irfft", {"n": 8})
    data = np.ones(5, complex)
    pristine = data.copy()
    expected = np.linspace(-1.0, 2.0, 8)

    err, problems = _bench.judge_result(case, data, pristine, expected.copy(), expected)
    assert err == 0.0 and problems == []

    bumped = expected.copy()
    bumped[3] += 1e-10
    err, problems = _bench.judge_result(case, data, pristine, bumped, expected)
    assert err == pytest.approx(1e-10 / np.linalg.norm(expected), rel=1e-6)
    assert any("relative error" in p for p in problems)

    err, problems = _bench.judge_result(case, data, pristine, expected.astype(np.float32),
                                        expected)
    assert any("dtype float32" in p for p in problems)

    err, problems = _bench.judge_result(case, data, pristine, expected + 0j, expected)
    assert any("dtype complex128" in p for p in problems)

    nan = expected.copy()
    nan[0] = np.nan
    err, problems = _bench.judge_result(case, data, pristine, nan, expected)
    assert problems, "a NaN result must be flagged"


def test_normwise_rel_error_real_and_single():
    ref = np.array([3.0, 4.0])
    assert _bench.normwise_rel_error(ref.astype(np.float32), ref) == 0.0
    got = np.array([3.0, 4.0 + 5e-3])
    assert _bench.normwise_rel_error(got, ref) == pytest.approx(1e-3)
    assert _bench.normwise_rel_error(got + 0j, ref) == pytest.approx(1e-3)


def test_real_rows_pass_the_bench_correctness_check():
    columns = _bench.default_columns()
    cases = [c for c in _bench.FULL_CASES + _bench.QUICK_CASES
             if c.func in REAL_FUNCS or (c.func == "fft" and np.dtype(c.dtype).kind == "f")]
    assert len(cases) >= 13
    for case in cases:
        data = _bench.make_input(case)
        check = _bench.check_case(case, data, columns[0], columns[1])
        assert not check.problems, f"{case.label}: {check.problems}"
        assert check.rel_error is not None and check.rel_error <= 1e-14, (case.label,
                                                                         check.rel_error)
