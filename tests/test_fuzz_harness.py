"""Smoke test of the kernel fuzz harness (tools/fuzz/) without libFuzzer or sanitizers.

tools/fuzz/build.sh --plain compiles src/*.c (every SIMD target the compiler takes, as meson
does) with the harness and its plain driver (fuzz_main.c) using the system gcc; the driver then
runs a fixed set of generated inputs, each checked against the direct long double DFT of
fuzz_ref.c, and the Rader-length inputs of tools/fuzz/rader_inputs.py. This keeps the harness
compiling and agreeing with the kernels in CI, where clang and libFuzzer are not assumed.
Skipped when gcc or bash is missing.
"""

import importlib.util
import os
import pathlib
import re
import shutil
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
BUILD = ROOT / "tools" / "fuzz" / "build.sh"
RADER_INPUTS = ROOT / "tools" / "fuzz" / "rader_inputs.py"

pytestmark = pytest.mark.skipif(
    shutil.which("gcc") is None or shutil.which("bash") is None or not BUILD.exists(),
    reason="needs gcc, bash and tools/fuzz/build.sh",
)


def _no_core_dump():
    # the self-test makes the driver abort(): no core file from it
    if sys.platform != "win32":
        import resource
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _run(args, cwd, **extra):
    return subprocess.run([str(a) for a in args], env=_env(**extra), cwd=cwd,
                          capture_output=True, text=True, timeout=120,
                          preexec_fn=_no_core_dump)


def _env(**extra):
    env = dict(os.environ)
    # (tools/sanitize.sh preloads ASan into the test process: not into the compiler or driver)
    env.pop("LD_PRELOAD", None)
    env["CC"] = "gcc"
    env.update(extra)
    return env


@pytest.fixture(scope="module")
def driver(tmp_path_factory):
    out = tmp_path_factory.mktemp("fuzz-plain")
    res = subprocess.run(["bash", str(BUILD), "--plain", str(out)], env=_env(),
                         capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stderr[-4000:]
    exe = out / "fuzz_plain"
    assert exe.exists()
    return exe


def test_generated_inputs_pass(driver, tmp_path):
    res = _run([driver, "-n", "200", "-s", "20240611"], tmp_path)
    assert res.returncode == 0, res.stderr[-4000:]
    # "fuzz_plain: N cases checked, R rejected (too large), ..."
    words = res.stdout.split()
    checked = int(words[words.index("cases") - 1])
    assert checked >= 150, res.stdout


def test_harness_reports_a_wrong_result(driver, tmp_path):
    # FUZZ_PERTURB spoils one output value after each kernel call: the harness must abort
    res = _run([driver, "-n", "20", "-s", "1"], tmp_path, FUZZ_PERTURB="1")
    assert res.returncode != 0
    assert "FAILED" in res.stderr


def test_replays_an_input_file(driver, tmp_path):
    # kind c2c, flags 0x10 (backward), one dimension of length 1 + 5 (fuzz_len class 0),
    # reversed input (layout byte 0x08), seed 7
    case = tmp_path / "case.bin"
    case.write_bytes(bytes([0, 0x10, 0, 0, 0, 0, 0, 5, 0x08, 0, 0, 0, 0, 7]))
    res = _run([driver, case], tmp_path)
    assert res.returncode == 0, res.stderr
    assert "1 cases checked" in res.stdout


def _cpu_has_avx512():
    # the features the AVX-512 target is built for (src/meson.build, fb_dispatch.c)
    try:
        text = pathlib.Path("/proc/cpuinfo").read_text()
    except OSError:
        return False
    flags = set(re.search(r"^flags\s*:(.*)$", text, re.M).group(1).split()) if "flags" in text \
        else set()
    return {"avx2", "fma", "avx512f", "avx512vl", "avx512dq", "avx512bw"} <= flags


def _counts_by_build(stdout):
    # "  by build: base N, avx2 N, avx512 N, dispatch N"
    line = next(x for x in stdout.splitlines() if "by build:" in x)
    return {k: int(v) for k, v in re.findall(r"(\w+) (\d+)", line.split(":", 1)[1])}


def test_avx512_build_runs_where_the_cpu_has_it(driver, tmp_path):
    res = _run([driver, "-n", "200", "-s", "5"], tmp_path)
    assert res.returncode == 0, res.stderr[-4000:]
    counts = _counts_by_build(res.stdout)
    assert sum(counts.values()) == int(res.stdout.split()[1]), res.stdout
    if _cpu_has_avx512():
        assert counts["avx512"] > 20, res.stdout
    else:
        assert counts["avx512"] == 0, res.stdout


def test_rader_lengths_every_kind_and_build(driver, tmp_path):
    # a quarter of rader_inputs.py's sweep: every length, kind and SIMD build, precision and
    # line / batch alternating (the whole sweep, 4032 inputs, takes ~30 s)
    spec = importlib.util.spec_from_file_location("rader_inputs", RADER_INPUTS)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    files = []
    for name, data in mod.inputs():
        m = re.match(r"rader-\d+-k(\d)-([df])-s(\d)-([lb])\.bin$", name)
        kind, simd = int(m.group(1)), int(m.group(3))
        f32, batch = m.group(2) == "f", m.group(4) == "b"
        if f32 != bool((kind + simd) & 1) or batch != bool((kind + simd) & 2):
            continue
        path = tmp_path / name
        path.write_bytes(data)
        files.append(path)
    wanted = {n for n, _, _ in mod.length_bytes()}
    assert len(files) == 16 * len(wanted)
    res = _run([driver, *files], tmp_path, FUZZ_LIST="1")
    assert res.returncode == 0, res.stderr[-4000:]
    assert f"{len(files)} cases checked" in res.stdout, res.stdout[-2000:]
    # the lengths the driver decoded are the ones the generator meant (the tables agree)
    got = set()
    for line in res.stdout.splitlines():
        m = re.match(r"checked: \S+ \S+ simd=\S+ shape=\(([\d,]+)\) axes=\((\d)\)", line)
        if m:
            got.add(int(m.group(1).split(",")[int(m.group(2))]))
    assert got == wanted, sorted(got ^ wanted)
    if _cpu_has_avx512():
        assert _counts_by_build(res.stdout)["avx512"] == 4 * len(wanted)
