"""The benchmark's rows for the real-to-real transforms (DCT / DST).

* the rows asked for exist: dct type 2 float64 at n = 1024, 6720, 65536, 2**20
  with norm None and "ortho", idct type 2 at 65536, dctn type 2 on 512x512 and
  2048x2048, and one row each for dst, types 1 / 3 / 4, an odd length and
  float32; --quick has only a couple of small ones;
* labels say function, type, dtype, size and norm, so ``--case`` selects them;
* every r2r row passes the bench's own correctness check against SciPy, and that
  check does catch a backend whose r2r results are wrong.
"""

import numpy as np
import pytest
import scipy.fft

from fftbackend import _bench

R2R_FUNCS = ("dct", "idct", "dst", "idst", "dctn", "idctn", "dstn", "idstn")


def _r2r_rows(cases):
    return [c for c in cases if c.func in R2R_FUNCS]


def _find(cases, func, dtype, shape, type=2, norm=None):
    want = {"type": type, **({"norm": norm} if norm else {})}
    return [c for c in cases if c.func == func and c.dtype == dtype and c.shape == shape
            and dict(c.kwargs) == want]


@pytest.mark.parametrize("norm", [None, "ortho"])
@pytest.mark.parametrize("n", [1024, 6720, 65536, 2**20])
def test_dct_type2_rows(n, norm):
    (case,) = _find(_bench.FULL_CASES, "dct", "float64", (n,), 2, norm)
    assert case.label == f"dct type=2 float64 n={n}" + (f" norm={norm}" if norm else "")


@pytest.mark.parametrize("func, dtype, shape, type", [
    ("idct", "float64", (65536,), 2),
    ("dctn", "float64", (512, 512), 2),
    ("dctn", "float64", (2048, 2048), 2),
    ("dst", "float64", (65536,), 2),
    ("dct", "float64", (65537,), 1),
    ("dct", "float64", (65536,), 3),
    ("dct", "float64", (65536,), 4),
    ("dst", "float64", (65535,), 4),
    ("dct", "float32", (65536,), 2),
])
def test_family_rows(func, dtype, shape, type):
    (case,) = _find(_bench.FULL_CASES, func, dtype, shape, type)
    assert case.label.startswith(f"{func} type={type} {dtype} ")


def test_labels_describe_the_call():
    for case in _r2r_rows(_bench.FULL_CASES + _bench.QUICK_CASES):
        kw = dict(case.kwargs)
        assert set(kw) <= {"type", "norm"}, case
        size = (f"n={case.shape[0]}" if len(case.shape) == 1
                else "x".join(map(str, case.shape)))
        want = f"{case.func} type={kw['type']} {case.dtype} {size}"
        if "norm" in kw:
            want += f" norm={kw['norm']}"
        assert case.label == want


def test_labels_are_unique():
    for cases in (_bench.FULL_CASES, _bench.QUICK_CASES):
        labels = [c.label for c in cases]
        assert len(set(labels)) == len(labels), labels


def test_quick_has_a_couple_of_small_r2r_rows():
    rows = _r2r_rows(_bench.QUICK_CASES)
    assert 1 <= len(rows) <= 3
    assert all(np.prod(c.shape) <= 4096 for c in rows)
    assert {c.func for c in rows} >= {"dct"}


def test_case_filter_selects_r2r_rows():
    full = _bench.FULL_CASES
    sel = _bench.select_cases(full, "dct type=2 float64 n=1024")
    assert [c.label for c in sel] == ["dct type=2 float64 n=1024",
                                      "dct type=2 float64 n=1024 norm=ortho"]
    assert {c.label for c in _bench.select_cases(full, "NORM=ORTHO")} == {
        f"dct type=2 float64 n={n} norm=ortho" for n in (1024, 6720, 65536, 2**20)}
    assert {c.func for c in _bench.select_cases(full, "dctn")} == {"dctn"}
    assert {c.func for c in _bench.select_cases(full, "dst ")} == {"dst"}
    assert len(_bench.select_cases(full, "type=4")) == 2
    assert len(_bench.select_cases(full, "dct type=2 float32")) == 1


def test_r2r_input_is_real():
    (case,) = _find(_bench.FULL_CASES, "dctn", "float64", (512, 512))
    data = _bench.make_input(case)
    assert data.dtype == np.float64 and data.shape == (512, 512)
    out = _bench.bind_call(case, data)()
    assert out.dtype == np.float64 and out.shape == (512, 512)


def test_r2r_rows_pass_the_bench_correctness_check():
    columns = _bench.default_columns()
    cases = _r2r_rows(_bench.FULL_CASES + _bench.QUICK_CASES)
    assert len(cases) == 19
    for case in cases:
        data = _bench.make_input(case)
        check = _bench.check_case(case, data, columns[0], columns[1])
        assert not check.problems, f"{case.label}: {check.problems}"
        assert check.rel_error is not None
        assert check.rel_error <= _bench.rel_error_limit(case), (case.label, check.rel_error)


class _SlightlyWrong:
    """A scipy.fft backend whose r2r results are SciPy's, scaled by (1 + 1e-12)."""

    __ua_domain__ = "numpy.scipy.fft"

    @staticmethod
    def __ua_function__(method, args, kwargs):
        with scipy.fft.set_backend("scipy", only=True):
            return method(*args, **kwargs) * (1 + 1e-12)


def test_correctness_check_catches_wrong_r2r_results():
    reference = _bench.Column("SciPy", "scipy")
    wrong = _bench.Column("wrong", _SlightlyWrong())
    for case in _bench.QUICK_CASES:
        if case.func in R2R_FUNCS:
            check = _bench.check_case(case, _bench.make_input(case), reference, wrong)
            assert any("relative error" in p for p in check.problems), (case.label, check)
            ok, lines = _bench.correctness_report([check])
            assert not ok and case.label in lines[1]
