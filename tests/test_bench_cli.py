"""`python -m fftbackend bench --quick` runs from outside the repository and prints a table."""

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
