"""Benchmark: fftbackend.dask.fftconvolve of an image stack on a LocalCluster
whose workers each have less memory than the stack, against the in-memory
fftbackend.fftconvolve of the same stack (when it fits this machine).

    python tools/dask_bench.py                        # 1.5 GB float64, 2 x 512 MiB workers
    python tools/dask_bench.py --shape 16,1024,1024 --memory-limit 200MB   # quick

The stack is generated on the workers (dask's random generator, so the client
never holds it), filtered with a Gaussian kernel ("same", over the image axes)
and reduced to the energy of each filtered image.  Printed:

- the cluster's time for generate + reduce alone, and with the convolution;
- the in-memory time of fftbackend.fftconvolve on the computed stack (one
  thread, and two through scipy.fft.set_workers), which the client computes
  with dask's threaded scheduler first (not timed);
- peak resident memory per worker process (sampled every 50 ms with
  ``client.run``) and of this process during the in-memory call;
- whether any worker was restarted, and the largest relative difference of
  the per-image energies between the cluster and the in-memory result.
"""
import argparse
import logging
import os
import threading
import time

import numpy as np
import psutil
import scipy.fft

import dask.array as da
import distributed

import fftbackend
import fftbackend.dask as fd


def _rss():
    return psutil.Process(os.getpid()).memory_info().rss


class PeakSampler:
    """Largest RSS seen per key while running, sampled in a thread by
    ``sample()`` (a dict key -> bytes)."""

    def __init__(self, sample, period=0.05):
        self._sample = sample
        self._period = period
        self.peaks = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self._stop.is_set():
            try:
                for key, value in self._sample().items():
                    self.peaks[key] = max(self.peaks.get(key, 0), value)
            except Exception:   # a sample may fail while a worker is busy restarting
                pass
            self._stop.wait(self._period)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def gaussian_kernel(m):
    r = np.arange(m) - (m - 1) / 2
    k = np.exp(-(r[:, None] ** 2 + r[None, :] ** 2) / (m * m / 8))
    return (k / k.sum())[None]


def mib(nbytes):
    return f"{nbytes / 2**20:7.0f} MiB"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shape", default="96,2048,1024")
    parser.add_argument("--chunks", default="4,512,1024")
    parser.add_argument("--kernel", type=int, default=31, help="kernel side (square)")
    parser.add_argument("--memory-limit", default="512MiB", help="per worker")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-in-memory", action="store_true")
    args = parser.parse_args()
    shape = tuple(int(v) for v in args.shape.split(","))
    chunks = tuple(int(v) for v in args.chunks.split(","))
    kernel = gaussian_kernel(args.kernel)

    x = da.random.default_rng(1).standard_normal(shape, chunks=chunks)
    y = fd.fftconvolve(x, kernel, "same", axes=(1, 2))
    print(f"input {shape} float64 = {x.nbytes / 1e9:.2f} GB in chunks of {mib(x.nbytes / x.npartitions)}, "
          f"kernel {kernel.shape}; {args.workers} worker processes x 1 thread, "
          f"memory_limit {args.memory_limit} each")

    with distributed.LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                                  memory_limit=args.memory_limit, dashboard_address=None,
                                  silence_logs=logging.ERROR) as cluster, \
            distributed.Client(cluster) as client:
        limit = min(w["memory_limit"] for w in client.scheduler_info()["workers"].values())
        pids = client.run(os.getpid)
        idle = client.run(_rss)

        start = time.perf_counter()
        client.compute((x ** 2).sum(axis=(1, 2)), sync=True)
        t_generate = time.perf_counter() - start

        with PeakSampler(lambda: client.run(_rss)) as sampler:
            start = time.perf_counter()
            energy = client.compute((y ** 2).sum(axis=(1, 2)), sync=True)
            t_cluster = time.perf_counter() - start
        restarted = client.run(os.getpid) != pids

    print(f"cluster: generate + reduce        {t_generate:8.2f} s")
    print(f"cluster: generate + convolve + reduce {t_cluster:4.2f} s "
          f"(convolution ~{t_cluster - t_generate:.2f} s)")
    for address in sorted(sampler.peaks):
        print(f"  worker {address}: peak RSS {mib(sampler.peaks[address])} "
              f"(idle {mib(idle[address])}, limit {mib(limit)})")
    print(f"  worker restarted: {'YES' if restarted else 'no'}")

    if args.no_in_memory:
        return
    stack = x.compute(scheduler="threads")
    for threads in (1, 2):
        with scipy.fft.set_workers(threads), \
                PeakSampler(lambda: {"client": _rss()}) as sampler:
            start = time.perf_counter()
            out = fftbackend.fftconvolve(stack, kernel, "same", axes=(1, 2))
            t_memory = time.perf_counter() - start
        print(f"in memory, {threads} thread(s): fftconvolve {t_memory:8.2f} s, "
              f"peak RSS of this process {mib(sampler.peaks['client'])} "
              f"(input {mib(stack.nbytes)}, output {mib(out.nbytes)})")
        want = (out ** 2).sum(axis=(1, 2))
        del out
    print(f"max relative difference of the per-image energies: "
          f"{np.max(np.abs(energy - want) / want):.2e}")


if __name__ == "__main__":
    main()
