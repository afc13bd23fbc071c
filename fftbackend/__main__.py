"""Command line:
``python -m fftbackend bench [--quick] [--repeat N] [--case S] [--json FILE] [--plot FILE]
[--no-peers]``.

Run it from outside the repository root: there, ``python -m`` would import the source folder
``fftbackend/`` (which has no compiled ``_core``) instead of the installed package.
"""

from __future__ import annotations

import argparse
import sys


def positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m fftbackend")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    bench = commands.add_parser(
        "bench",
        help="check results against SciPy, then time fftbackend against SciPy's own backend",
        description="Check every case against SciPy's own backend (exit 1 on a mismatch), then "
        "time both single-threaded through scipy.fft.set_backend and print a table. pyFFTW and "
        "ducc0 get columns too when installed (a wrong peer result is marked, not fatal).",
    )
    bench.add_argument(
        "--quick", action="store_true", help="a few small cases with few repeats (seconds)"
    )
    bench.add_argument(
        "--repeat", type=positive_int, metavar="N", help="timed samples per case and column"
    )
    bench.add_argument(
        "--case", metavar="SUBSTR", help="only the cases whose label contains SUBSTR"
    )
    bench.add_argument(
        "--json", metavar="FILE", help="also write the results to FILE as a JSON list of cases"
    )
    bench.add_argument(
        "--plot", metavar="FILE",
        help="also plot the speed-up over SciPy against transform size for each family to "
        "FILE (.png, .svg, .pdf; needs matplotlib: pip install 'fftbackend[plot]')",
    )
    bench.add_argument(
        "--no-peers", action="store_true",
        help="leave out the pyFFTW and ducc0 columns (by default each is checked and timed "
        "when it is installed: pip install 'fftbackend[bench]')",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.plot:
        # Before the benchmark, not after minutes of timing.
        from ._bench_plot import matplotlib_missing

        message = matplotlib_missing()
        if message:
            print(f"python -m fftbackend bench: {message}", file=sys.stderr)
            return 2
    # Imported here so that --help answers without loading numpy and SciPy.
    from ._bench import run

    return run(quick=args.quick, repeat=args.repeat, case_filter=args.case, json_path=args.json,
               plot_path=args.plot, peers=not args.no_peers)


if __name__ == "__main__":
    sys.exit(main())
