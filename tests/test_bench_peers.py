"""The optional peer columns of `python -m fftbackend bench` (pyFFTW, ducc0; `_bench_peers`).

Covered whether or not the peers are installed:
* discovery: a peer that cannot be imported has no column and the header says so; a fake pyFFTW
  is configured as asked (one thread, FFTW_MEASURE, interface cache on with a long keepalive);
* the ducc0 mapping: SciPy's call becomes the right ducc0 function and arguments (a recording
  fake module), and None where there is no exact equivalent;
* a peer that returns wrong numbers, raises, or has no equivalent is shown as "wrong" / "-",
  noted, not timed, null in --json, and does not fail the run; --no-peers leaves them out.
With the real peers installed (skipped otherwise): every family the bench can map agrees with
SciPy on tiny inputs, so a "wrong" cell in the full table is the peer's, not the mapping's.
"""

import io
import json
import sys
import types

import numpy as np
import pytest
import scipy.fft

from fftbackend import __main__ as cli
from fftbackend import _bench, _bench_peers
from fftbackend._bench_peers import DirectColumn, ducc0_call, inorm

TINY = [  # two tiny cases: one a peer backend implements, one the fake below leaves out
    _bench.vector_case("complex128", 16),
    _bench.r2r_case("dct", "float64", (12,)),
]


class _Recorder:
    """Stands in for ``ducc0.fft``: each function returns (name, kwargs) instead of computing."""

    def __getattr__(self, name):
        return lambda data, **kwargs: (name, kwargs)


def _mapped(case, shape=None):
    data = np.zeros(shape or case.shape, dtype=case.dtype)
    call = ducc0_call(case, data, fft=_Recorder())
    return None if call is None else call()


# ------------------------------------------------------------------------------------------------
# The ducc0 mapping (no ducc0 needed)
# ------------------------------------------------------------------------------------------------


def test_inorm_follows_scipy_norm():
    # (norm, inverse) -> ducc0 inorm: SciPy scales the inverse by 1/N unless told otherwise.
    assert [inorm(n, False) for n in (None, "backward", "ortho", "forward")] == [0, 0, 1, 2]
    assert [inorm(n, True) for n in (None, "backward", "ortho", "forward")] == [2, 2, 1, 0]


@pytest.mark.parametrize("case, want", [
    (_bench.batch_case("complex128", (4, 6), axis=0),
     ("c2c", {"axes": [0], "forward": True, "inorm": 0})),
    (_bench.Case("ifft", "complex64", (8,), "ifft", {"norm": "ortho"}),
     ("c2c", {"axes": [0], "forward": False, "inorm": 1})),
    (_bench.Case("fftn", "complex128", (2, 3, 4), "fftn", {"norm": "forward"}),
     ("c2c", {"axes": [0, 1, 2], "forward": True, "inorm": 2})),
    (_bench.vector_case("float64", 8), ("c2c", {"axes": [0], "forward": True, "inorm": 0})),
    (_bench.vector_case("float64", 8, "rfft"),
     ("r2c", {"axes": [0], "forward": True, "inorm": 0})),
    (_bench.array_case("float64", (4, 6), "rfft2"),
     ("r2c", {"axes": [0, 1], "forward": True, "inorm": 0})),
    (_bench.irfft_case("complex128", 8),
     ("c2r", {"axes": [0], "lastsize": 8, "forward": False, "inorm": 2})),
    (_bench.irfft_case("complex128", 9),
     ("c2r", {"axes": [0], "lastsize": 9, "forward": False, "inorm": 2})),
    (_bench.r2r_case("dct", "float64", (8,)), ("dct", {"type": 2, "axes": [0], "inorm": 0})),
    (_bench.r2r_case("dct", "float64", (8,), norm="ortho"),
     ("dct", {"type": 2, "axes": [0], "inorm": 1})),
    (_bench.r2r_case("idct", "float64", (8,)), ("dct", {"type": 3, "axes": [0], "inorm": 2})),
    (_bench.r2r_case("idst", "float64", (8,), type=3), ("dst", {"type": 2, "axes": [0],
                                                                "inorm": 2})),
    (_bench.r2r_case("dct", "float64", (9,), type=1), ("dct", {"type": 1, "axes": [0],
                                                               "inorm": 0})),
    (_bench.r2r_case("dst", "float64", (9,), type=4), ("dst", {"type": 4, "axes": [0],
                                                               "inorm": 0})),
    (_bench.r2r_case("dctn", "float64", (4, 6)), ("dct", {"type": 2, "axes": [0, 1],
                                                          "inorm": 0})),
])
def test_ducc0_arguments(case, want):
    name, kwargs = _mapped(case)
    assert kwargs.pop("nthreads") == 1
    assert (name, kwargs) == want


@pytest.mark.parametrize("case", [
    _bench.Case("conv", "float64", (8,), "scipy.signal:fftconvolve"),
    _bench.Case("fft padded", "complex128", (8,), "fft", {"n": 16}),
    _bench.Case("hfft", "complex128", (5,), "hfft"),
    _bench.Case("fft workers", "complex128", (8,), "fft", {"workers": 2}),
    _bench.Case("dct not orthogonalized", "float64", (8,), "dct",
                {"type": 2, "norm": "ortho", "orthogonalize": False}),
    _bench.Case("irfft cropping", "complex128", (5,), "irfft", {"n": 12}),
    _bench.Case("fft2 bad axes", "complex128", (4, 4), "fft2", {"axes": (0, 0)}),
])
def test_ducc0_has_no_call_without_an_exact_equivalent(case):
    assert _mapped(case) is None


def test_every_full_case_maps_to_ducc0():
    # The bench's transform rows are all mappable: a "-" in the ducc0 column would be a gap.
    unmapped = [c.label for c in _bench.FULL_CASES if _mapped(c) is None]
    assert unmapped == []


# ------------------------------------------------------------------------------------------------
# Discovery
# ------------------------------------------------------------------------------------------------


def _importer(modules):
    def importer(name):
        if modules.get(name) is None:
            raise ImportError(f"No module named {name!r}")
        return modules[name]
    return importer


def test_missing_peers_have_no_column():
    columns, text = _bench_peers.peer_columns(importer=_importer({}))
    assert columns == []
    assert text == "peers: none; not available: pyFFTW (not installed), ducc0 (not installed)"


def test_broken_peer_import_is_reported_not_raised():
    def importer(name):
        raise OSError("libfftw3.so: cannot open shared object file")
    columns, text = _bench_peers.peer_columns(importer=importer)
    assert columns == [] and "import failed: OSError: libfftw3.so" in text


def _fake_pyfftw(backend):
    calls = []
    cache = types.SimpleNamespace(enable=lambda: calls.append("enable"),
                                  set_keepalive_time=lambda t: calls.append(("keepalive", t)))
    config = types.SimpleNamespace(NUM_THREADS=4, PLANNER_EFFORT="FFTW_ESTIMATE")
    pyfftw = types.SimpleNamespace(__version__="9.9", config=config)
    modules = {"pyfftw": pyfftw, "pyfftw.interfaces.scipy_fft": backend,
               "pyfftw.interfaces.cache": cache}
    return modules, calls


def test_fake_pyfftw_is_configured_and_becomes_a_backend_column():
    backend = object()
    modules, calls = _fake_pyfftw(backend)
    fft = types.SimpleNamespace()
    modules.update({"ducc0": types.SimpleNamespace(__version__="0.1", fft=fft), "ducc0.fft": fft})
    columns, text = _bench_peers.peer_columns(importer=_importer(modules))
    assert [c.heading for c in columns] == ["pyFFTW", "ducc0"]
    assert all(c.peer for c in columns)
    assert columns[0].backend is backend and isinstance(columns[1], DirectColumn)
    config = modules["pyfftw"].config
    assert config.NUM_THREADS == 1 and config.PLANNER_EFFORT == "FFTW_MEASURE"
    assert calls[0] == "enable" and calls[1][0] == "keepalive" and calls[1][1] >= 3600
    assert text.startswith("peers: pyFFTW 9.9 (") and "ducc0 0.1 (" in text
    assert "not available" not in text


def test_only_one_peer_installed():
    modules, _ = _fake_pyfftw(object())
    columns, text = _bench_peers.peer_columns(importer=_importer(modules))
    assert [c.heading for c in columns] == ["pyFFTW"]
    assert text.endswith("; not available: ducc0 (not installed)")


# ------------------------------------------------------------------------------------------------
# Wrong, failing and absent peers in a run
# ------------------------------------------------------------------------------------------------


class _WrongFFTBackend:
    """A scipy.fft backend that gets fft slightly wrong (SciPy's result times 1 + 1e-9) and does
    not implement anything else."""

    __ua_domain__ = "numpy.scipy.fft"

    @staticmethod
    def __ua_function__(method, args, kwargs):
        if method is not scipy.fft.fft:
            return NotImplemented
        with scipy.fft.set_backend("scipy", only=True):
            return method(*args, **kwargs) * (1 + 1e-9)


def _raising_ducc0(case, data):
    if case.func != "fft":
        return None  # no equivalent: "-"

    def call():
        raise RuntimeError("peer exploded")
    return call


def _run_with(monkeypatch, columns, **kwargs):
    """Runs the bench on the TINY cases (no convolution rows): (exit status, output, labels)."""
    monkeypatch.setattr(_bench, "QUICK_CASES", TINY)
    monkeypatch.setattr("fftbackend._bench_conv.QUICK_CASES", [])
    out = io.StringIO()
    status = _bench.run(quick=True, repeat=1, columns=columns, out=out, **kwargs)
    return status, out.getvalue(), [c.label for c in TINY]


def _row(text, label):
    return next(line for line in text.splitlines() if line.startswith(label + " "))


def test_wrong_and_absent_peers_are_marked_not_fatal(tmp_path, monkeypatch):
    columns = _bench.own_columns() + [
        _bench.Column("pyFFTW", _WrongFFTBackend(), peer=True),
        DirectColumn("ducc0", _raising_ducc0),
    ]
    out_json = tmp_path / "bench.json"
    status, text, labels = _run_with(monkeypatch, columns, json_path=str(out_json))
    assert status == 0, text
    assert "correctness: all 2 checks agree with SciPy" in text, text
    assert "pyFFTW right in 0 of the 1 cases it computes" in text, text
    assert "ducc0 right in 0 of the 1 cases it computes" in text, text
    assert f"note: pyFFTW is wrong on {labels[0]}: normwise relative error" in text, text
    assert f"note: ducc0 is wrong on {labels[0]}: raised RuntimeError: peer exploded" in text

    fft_row, dct_row = _row(text, labels[0]).split(), _row(text, labels[1]).split()
    assert fft_row[-2:] == ["wrong", "wrong"], text
    assert dct_row[-2:] == ["-", "-"], text
    assert float(fft_row[-3]) > 0 and float(dct_row[-3]) > 0  # ours is still timed
    assert "summary: pyFFTW/SciPy: no case timed; wrong in 1, no equivalent in 1" in text

    records = json.loads(out_json.read_text())
    assert [r["peer_status"] for r in records] == [{"pyFFTW": "wrong", "ducc0": "wrong"},
                                                    {"pyFFTW": "-", "ducc0": "-"}]
    for r in records:
        for key in ("seconds", "ratio"):
            assert r[key]["pyFFTW"] is None and r[key]["ducc0"] is None, r
        assert r["ratio"]["fftbackend"] == pytest.approx(
            r["seconds"]["fftbackend"] / r["seconds"]["SciPy"])
    assert records[0]["rel_error"]["pyFFTW"] == pytest.approx(1e-9, rel=1e-3)
    assert records[1]["rel_error"]["pyFFTW"] is None


def test_a_right_peer_is_timed_in_its_column(monkeypatch):
    columns = _bench.own_columns() + [
        _bench.Column("pyFFTW", "scipy", peer=True),  # SciPy itself stands in for a peer
        DirectColumn("ducc0", lambda case, data: _bench.bind_call(case, data)),
    ]
    status, text, labels = _run_with(monkeypatch, columns)
    assert status == 0, text
    header = next(line for line in text.splitlines() if line.startswith("case "))
    assert header.split()[-3:] == ["fftbackend", "pyFFTW", "ducc0"], text
    for label in labels:
        cells = _row(text, label).split()
        assert all(0 < float(cell) < 50 for cell in cells[-3:]), cells
    assert "summary: fftbackend/pyFFTW time ratio" in text
    assert "summary: fftbackend/ducc0 time ratio" in text


def test_our_failure_still_fails_with_peers_present(monkeypatch):
    columns = [_bench.Column("SciPy", "scipy"), _bench.Column("fftbackend", _WrongFFTBackend()),
               DirectColumn("ducc0", lambda case, data: None)]
    status, text, _ = _run_with(monkeypatch, columns)
    assert status == 1
    assert "correctness: 2 of 2 checks FAILED" in text, text


def test_no_peers_leaves_them_out(monkeypatch, tmp_path):
    monkeypatch.setattr(_bench, "_peers", lambda: pytest.fail("peers looked up"))
    out_json = tmp_path / "bench.json"
    status, text, labels = _run_with(monkeypatch, None, peers=False, json_path=str(out_json),
                                      case_filter="float64 n=12")
    assert status == 0, text
    assert "peers: left out (--no-peers)" in text
    assert "pyFFTW" not in _row(text, "case") and "ducc0" not in _row(text, "case")
    (record,) = json.loads(out_json.read_text())
    assert record["case"] == labels[1]
    assert record["seconds"]["pyFFTW"] is None and record["ratio"]["ducc0"] is None
    assert record["peer_status"] == {"pyFFTW": "not run", "ducc0": "not run"}


def test_run_without_peers_installed(monkeypatch, tmp_path):
    for name in ("pyfftw", "ducc0"):
        monkeypatch.setitem(sys.modules, name, None)  # makes `import name` raise ImportError
    _bench._peers.cache_clear()
    try:
        out_json = tmp_path / "bench.json"
        status, text, labels = _run_with(monkeypatch, None, json_path=str(out_json))
    finally:
        _bench._peers.cache_clear()  # the next lookup sees the real installation again
    assert status == 0, text
    assert "peers: none; not available: pyFFTW (not installed), ducc0 (not installed)" in text
    assert _row(text, "case").split()[-1] == "fftbackend", text
    records = json.loads(out_json.read_text())
    assert [r["case"] for r in records] == labels
    for r in records:
        assert set(r["seconds"]) == {"SciPy", "fftbackend", "pyFFTW", "ducc0"}
        assert r["ratio"]["pyFFTW"] is None and r["rel_error"]["ducc0"] is None
        assert r["peer_status"] == {"pyFFTW": "not run", "ducc0": "not run"}


def test_cli_flag_reaches_run(monkeypatch):
    seen = {}
    monkeypatch.setattr(_bench, "run", lambda **kw: seen.update(kw) or 0)
    assert cli.main(["bench", "--quick", "--no-peers"]) == 0 and seen["peers"] is False
    assert cli.main(["bench", "--quick"]) == 0 and seen["peers"] is True


def test_table_fits_100_columns_with_both_peers():
    columns = _bench.own_columns() + [_bench.Column("pyFFTW", "scipy", peer=True),
                                      DirectColumn("ducc0", lambda case, data: None)]
    timing = _bench.Timing(123.4e-6, 1e-6, 1e-6, 1, 1)
    lines = _bench.timing_table(_bench.FULL_CASES, columns, [[timing] * 4] * len(
        _bench.FULL_CASES))
    assert max(map(len, lines)) <= 100, "\n".join(lines)


# ------------------------------------------------------------------------------------------------
# The real peers, when installed
# ------------------------------------------------------------------------------------------------

# Tiny versions of every family the bench maps, in every norm (odd and even lengths).
FAMILY_CASES = [
    *(_bench.Case(f"{f} {n} {norm}", "complex128", (3, n), f, {"norm": norm})
      for f in ("fft", "ifft", "fft2", "ifft2", "fftn", "ifftn") for n in (8, 9)
      for norm in (None, "ortho", "forward")),
    _bench.batch_case("complex64", (5, 8), axis=0),
    _bench.vector_case("float64", 12),
    *(_bench.Case(f"{f} {n} {norm}", "float64", (3, n), f, {"norm": norm})
      for f in ("rfft", "rfft2", "rfftn") for n in (8, 9) for norm in (None, "ortho", "forward")),
    *(_bench.Case(f"irfft {n} {norm}", "complex128", (n // 2 + 1,), "irfft",
                  {"n": n, "norm": norm}) for n in (8, 9) for norm in (None, "ortho", "forward")),
    _bench.Case("irfft2", "complex128", (4, 5), "irfft2"),
    *(_bench.Case(f"{f} {t} {n} {norm}", dtype, (n,), f, {"type": t, "norm": norm})
      for f in ("dct", "idct", "dst", "idst") for t in (1, 2, 3, 4) for n in (7, 8)
      for norm in (None, "ortho", "forward") for dtype in ("float64",)),
    _bench.r2r_case("dct", "float32", (16,)),
    *(_bench.Case(f"{f} {norm}", "float64", (6, 5), f, {"type": 2, "norm": norm})
      for f in ("dctn", "idctn", "dstn", "idstn") for norm in (None, "ortho")),
]


def _real_peer(name):
    pytest.importorskip({"pyFFTW": "pyfftw", "ducc0": "ducc0"}[name])
    columns, _ = _bench._peers()
    (column,) = [c for c in columns if c.heading == name]
    return column


def test_real_ducc0_agrees_with_scipy_on_every_family():
    column = _real_peer("ducc0")
    reference = _bench.Column("SciPy", "scipy")
    for case in FAMILY_CASES:
        check = _bench.check_case(case, _bench.make_input(case), reference, column)
        assert check.status == "ok", (case.label, check.problems)


def test_real_pyfftw_agrees_with_scipy_on_tiny_cases():
    column = _real_peer("pyFFTW")
    reference = _bench.Column("SciPy", "scipy")
    with scipy.fft.set_workers(1):
        for case in FAMILY_CASES + TINY:
            check = _bench.check_case(case, _bench.make_input(case), reference, column)
            assert check.status == "ok", (case.label, check.problems)


def test_real_peers_in_a_tiny_run():
    pytest.importorskip("pyfftw")
    pytest.importorskip("ducc0")
    out = io.StringIO()
    assert _bench.run(quick=True, case_filter="n=64", repeat=1, out=out) == 0
    text = out.getvalue()
    assert "peers: pyFFTW " in text and ", ducc0 " in text, text
    cells = _row(text, "fft complex128 n=64").split()
    assert all(0 < float(cell) < 100 for cell in cells[-3:]), text
