"""The asv benchmark suite in asv_bench/ must not rot: `asv check` imports every benchmark and
checks its signature, and a quick run of a small subset (one sample each) must finish with no
failed benchmark and publish a dashboard.

asv runs on the Python that runs the tests (``--python=same``: it benchmarks the installed
fftbackend and builds nothing), with a throw-away HOME (asv's machine file) and a copy of
asv.conf.json whose output folders (results, HTML) are in a temporary directory, so the test
writes nothing into the repository or the user's configuration.
"""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("asv", reason="asv is in the test extras: pip install '.[test]'")

REPO = Path(__file__).resolve().parents[1]
ASV_DIR = REPO / "asv_bench"

# A few seconds: complex fft, fftbackend.fftconvolve against SciPy, one peakmem case.
SUBSET = r"bench_complex\.Complex\.time_fft|bench_convolution\.FFTConvolve|PeakMemory\.peakmem_fft"


def _config_without_comments(path: Path) -> dict:
    """asv.conf.json allows // comments (asv reads it as JSON5); drop whole-line ones."""
    lines = [line for line in path.read_text().splitlines() if not line.lstrip().startswith("//")]
    return json.loads("\n".join(lines))


@pytest.fixture(scope="module")
def asv_env(tmp_path_factory):
    if not (REPO / ".git").exists() or shutil.which("git") is None:
        pytest.skip("asv reads the commit from git: needs a git checkout of the repository")
    tmp = tmp_path_factory.mktemp("asv")
    config = _config_without_comments(ASV_DIR / "asv.conf.json")
    config.update(
        repo=str(REPO),
        benchmark_dir=str(ASV_DIR / "benchmarks"),
        env_dir=str(tmp / "env"),
        results_dir=str(tmp / "results"),
        html_dir=str(tmp / "html"),
    )
    config_path = tmp / "asv.conf.json"
    config_path.write_text(json.dumps(config, indent=1))
    env = dict(os.environ, HOME=str(tmp), PYTHONDONTWRITEBYTECODE="1")

    def asv(*args, timeout=120):
        proc = subprocess.run(
            [sys.executable, "-m", "asv", *args, "--config", str(config_path)],
            cwd=ASV_DIR, env=env, capture_output=True, text=True, timeout=timeout,
        )
        return proc

    proc = asv("machine", "--yes")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return asv, tmp


def test_config_is_what_the_readme_promises():
    config = _config_without_comments(ASV_DIR / "asv.conf.json")
    assert config["repo"] == ".."
    assert config["environment_type"] == "virtualenv"
    assert config["branches"] == ["main"]
    assert any("python -m build --wheel" in cmd for cmd in config["build_command"])
    assert "{build_cache_dir}" in " ".join(config["build_command"])


def test_asv_check(asv_env):
    asv, _ = asv_env
    proc = asv("check", "--python=same")
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out
    assert "No problems found" in out, out


def test_asv_quick_run_of_a_subset_and_publish(asv_env):
    asv, tmp = asv_env
    # --set-commit-hash: with --python=same asv saves results (for publish) only when told
    # which commit they belong to.
    proc = asv("run", "--python=same", "--quick", "--show-stderr", "--set-commit-hash", "HEAD",
               "--bench", SUBSET, timeout=300)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out
    assert not re.search(r"\bfailed\b", out), out

    # The results: every parameter combination ran, on both backends.
    results = [p for p in (tmp / "results").rglob("*.json")
               if p.name not in ("machine.json", "benchmarks.json")]
    assert results, f"no result file under {tmp / 'results'}\n{out}"
    data = json.loads(results[0].read_text())
    columns = data["result_columns"]
    ran = data["results"]
    names = sorted(ran)
    assert "bench_complex.Complex.time_fft" in names, names
    assert "bench_memory.PeakMemory.peakmem_fft_complex128_2e20" in names, names
    assert any(n.startswith("bench_convolution.FFTConvolve") for n in names), names
    for name, row in ran.items():
        entry = dict(zip(columns, row))
        assert entry["params"][0] == ["'fftbackend'", "'scipy'"], (name, entry["params"])
        values = entry["result"]
        assert values and all(v is not None for v in values), (name, values)

    proc = asv("publish")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (tmp / "html" / "index.html").is_file()
