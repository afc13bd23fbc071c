"""Smoke test of the kernel fuzz harness (tools/fuzz/) without libFuzzer or sanitizers.

tools/fuzz/build.sh --plain compiles src/*.c (both SIMD targets, as meson does) with the
harness and its plain driver (fuzz_main.c) using the system gcc; the driver then runs a fixed
set of generated inputs, each checked against the direct long double DFT of fuzz_ref.c. This
keeps the harness compiling and agreeing with the kernels in CI, where clang and libFuzzer are
not assumed. Skipped when gcc or bash is missing.
"""

import os
import pathlib
import shutil
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
BUILD = ROOT / "tools" / "fuzz" / "build.sh"

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
