"""asv benchmarks of fftbackend against SciPy's default scipy.fft backend (see asv.conf.json)."""
