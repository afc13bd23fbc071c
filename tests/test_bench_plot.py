"""`python -m fftbackend bench --plot FILE` draws the speed-up over SciPy per family (it needs
matplotlib, an optional extra, and says so clearly, before benchmarking, when it is missing) and
`--json FILE` records the transform rows and the convolution rows."""

import json
import subprocess
import sys

import pytest

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _bench(args, cwd, prelude=""):
    code = (f"import sys\n{prelude}\nfrom fftbackend.__main__ import main\n"
            f"sys.exit(main({['bench', *args]!r}))")
    return subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True,
                          text=True, timeout=300)


def test_plot_without_matplotlib_exits_2_before_benchmarking(tmp_path):
    out_png = tmp_path / "speed.png"
    # sys.modules[name] = None makes `import matplotlib` raise ImportError.
    proc = _bench(["--quick", "--plot", str(out_png)], tmp_path,
                  prelude="sys.modules['matplotlib'] = None")
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "--plot needs matplotlib" in proc.stderr, proc.stderr
    assert "pip install 'fftbackend[plot]'" in proc.stderr, proc.stderr
    assert "correctness" not in proc.stdout, "the benchmark ran although it cannot be plotted"
    assert not out_png.exists()


@pytest.mark.slow
def test_plot_and_json_with_convolution_rows(tmp_path):
    pytest.importorskip("matplotlib")
    out_png, out_json = tmp_path / "speed.png", tmp_path / "bench.json"
    # "float64" in --quick: rfft, dct, dctn and the three convolution rows.
    proc = _bench(["--quick", "--case", "float64", "--repeat", "1", "--plot", str(out_png),
                   "--json", str(out_json)], tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert f"written to {out_png}" in proc.stdout, proc.stdout

    records = json.loads(out_json.read_text())
    transforms = [r for r in records if r.get("kind") != "convolution"]
    convolutions = [r for r in records if r.get("kind") == "convolution"]
    assert {r["func"] for r in transforms} == {"rfft", "dct", "dctn"}, records
    for r in transforms:  # the transform rows' format: a key per column, peers null if absent
        assert set(r["seconds"]) == {"SciPy", "fftbackend", "pyFFTW", "ducc0"}
        assert r["ratio"]["fftbackend"] == pytest.approx(
            r["seconds"]["fftbackend"] / r["seconds"]["SciPy"])
    assert {r["func"] for r in convolutions} == {"fftconvolve", "fft_conv"}, records
    assert len(convolutions) == 3
    for r in convolutions:
        assert r["dtype"] == "float64" and r["shape"] and r["kernel_shape"]
        assert r["reference"] in r["seconds_refs"]
        assert r["seconds"]["SciPy"] == min(
            t for name, t in r["seconds_refs"].items() if name != "torch")
        assert r["ratio"]["fftbackend"] == pytest.approx(
            r["seconds"]["fftbackend"] / r["seconds"]["SciPy"])
        assert r["rel_error"]["fftbackend"] < 1e-12
        assert r["seconds"]["pyFFTW"] is None and r["ratio"]["ducc0"] is None

    data = out_png.read_bytes()
    assert data.startswith(PNG_SIGNATURE) and len(data) > 20_000


def _record(func, shape, ratio, dtype="float64", **kwargs):
    return {"case": f"{func} {shape}", "func": func, "dtype": dtype, "shape": list(shape),
            "kwargs": kwargs, "seconds": {"SciPy": 1.0, "fftbackend": ratio},
            "ratio": {"fftbackend": ratio}}


def test_families_sizes_and_series():
    from fftbackend import _bench_plot as bp

    fft = _record("fft", (4099,), 0.5, "complex128")
    irfft = _record("irfft", (513,), 0.25, "complex128", n=1024)
    dct = _record("dct", (65536,), 2.0, type=2, norm="ortho")
    batch = _record("fft", (1000, 1024), 0.5, "complex128", axis=0)
    dctn = _record("dctn", (512, 512), 0.5, type=2)
    conv = {**_record("fft_conv", (3, 3, 4096), 0.5), "kind": "convolution",
            "kernel_shape": [2, 3, 1025]}
    assert [bp.family(r) for r in (fft, irfft, dct, batch, dctn, conv)] == [
        "complex FFT", "real FFT", "DCT / DST", "n-D and batched", "n-D and batched",
        "convolution"]
    assert bp.size(irfft) == 1024 and bp.size(batch) == 1024000 and bp.size(fft) == 4099
    assert bp.speedup(irfft) == 4.0
    assert bp.size_class(fft) == "other (prime factors > 7)"
    assert bp.size_class(irfft) == "power of two"
    assert bp.size_class(batch) == "7-smooth composite"  # axis 0 has 1000 points
    assert bp.size_class(conv) == "power of two"  # the spatial axis only
    assert bp.series_name(dct) == "dct type 2 ortho float64"
    assert bp.series_name(batch) == "fft axis=0 complex128"
    assert bp.series_name(conv) == "fft_conv kernel 2x3x1025 float64"
    panels = bp.group([fft, irfft, dct, batch, dctn, conv])
    assert list(panels) == bp.FAMILIES
    assert panels["real FFT"] == {"irfft complex128": [(1024, 4.0, "power of two")]}


def test_plot_records_writes_a_png(tmp_path):
    pytest.importorskip("matplotlib")
    from fftbackend import _bench_plot as bp

    records = [_record("fft", (n,), r, "complex128") for n, r in ((64, 2.0), (1024, 0.5))]
    path = tmp_path / "speed.png"
    bp.plot_records(records, str(path), title="a title")
    assert path.read_bytes().startswith(PNG_SIGNATURE)
