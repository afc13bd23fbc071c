"""`python -m fftbackend bench --quick` runs from outside the repository and prints a table;
`--case` runs only the matching rows (here the DCT rows) and `--json` records them."""

import json
import re
import subprocess
import sys

import pytest

UNIT = re.compile(r"\d(\.\d+)?\s*(ns|us|µs|ms|s)\b")


def _table_rows(lines):
    """Rows under the first header line that is followed by a rule of dashes."""
    for i in range(len(lines) - 1):
        rule = lines[i + 1].strip()
        if lines[i].strip() and len(rule) >= 10 and set(rule) <= set("-+| ") and \
                len(rule.replace("+", " ").replace("|", " ").split()) >= 2:
            rows = []
            for line in lines[i + 2:]:
                if not line.strip():
                    break
                rows.append(line)
            return lines[i], rows
    return None, []


@pytest.mark.slow
def test_bench_quick_prints_table(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "fftbackend", "bench", "--quick"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
    )
    out = proc.stdout
    assert proc.returncode == 0, f"exit {proc.returncode}\nstdout:\n{out}\nstderr:\n{proc.stderr}"
    header, rows = _table_rows(out.splitlines())
    assert header is not None, f"no table (header + dashed rule) in output:\n{out}"
    assert len(rows) >= 3, f"table has only {len(rows)} rows:\n{out}"
    for row in rows:
        assert UNIT.search(row), f"row without a timing: {row!r}\n{out}"
    assert any("fft" in row for row in rows), out


@pytest.mark.slow
def test_bench_case_filter_runs_dct_rows(tmp_path):
    out_json = tmp_path / "bench.json"
    proc = subprocess.run(
        [sys.executable, "-m", "fftbackend", "bench", "--case", "dct type=2 float64 n=1024",
         "--repeat", "1", "--json", str(out_json)],
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
    )
    out = proc.stdout
    assert proc.returncode == 0, f"exit {proc.returncode}\nstdout:\n{out}\nstderr:\n{proc.stderr}"
    assert "correctness: all 2 checks agree with SciPy" in out, out
    header, rows = _table_rows(out.splitlines())
    labels = sorted(row.split("  ")[0].strip() for row in rows)
    assert labels == ["dct type=2 float64 n=1024", "dct type=2 float64 n=1024 norm=ortho"], out
    records = json.loads(out_json.read_text())
    assert sorted((r["func"], str(r["kwargs"].get("norm"))) for r in records) == [
        ("dct", "None"), ("dct", "ortho")]
    assert all(r["kwargs"]["type"] == 2 and r["shape"] == [1024] for r in records)


def test_samples_time_warm_calls():
    """Each timed sample follows one untimed call of the same column, so the calls timed are
    warm ones even when another column ran just before (fftbackend._bench.take_sample)."""
    from fftbackend import _bench

    log = []
    calls = [lambda: log.append("a"), lambda: log.append("b")]
    timings = _bench.time_interleaved(calls, repeats=3, min_sample_seconds=0.0, warmup_calls=0)
    assert [t.loops for t in timings] == [1, 1]
    # calibration: one call each; then per round, each column twice (untimed + timed) in a row
    rounds = log[2:]
    assert rounds == ["a", "a", "b", "b", "b", "b", "a", "a", "a", "a", "b", "b"]
