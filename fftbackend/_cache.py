"""The plan caches: inspecting, clearing and sizing them.

A plan (factors, twiddles, the complex plan a real or DCT plan runs on) is made the first time
a length is transformed and kept for the next calls. There is one cache per plan kind and
precision; each holds at most ``max_entries`` plans and ``max_bytes`` bytes, least recently used
plans evicted first. A single plan larger than ``max_bytes`` is still kept, alone, until the
next new plan evicts it (so repeating one huge transform does not rebuild its plan every time).
"""
from collections import namedtuple

from . import _core

CacheInfo = namedtuple("CacheInfo", "entries bytes max_entries max_bytes hits misses")
CacheInfo.__doc__ = """One plan cache: plans held, bytes they keep alive (a real or DCT plan
counts the complex plan it runs on, which the complex cache may count too), the bounds, and
lookups that found a plan / had to make one since the process started."""

# the order of fb_cache_api.h
KINDS = ("complex128", "complex64", "real64", "real32", "r2r64", "r2r32")


def cache_info():
    """A dict of :class:`CacheInfo`, one per plan cache: ``complex128`` / ``complex64``
    (complex FFTs, also under every other transform), ``real64`` / ``real32`` (rfft, irfft,
    hfft, ihfft) and ``r2r64`` / ``r2r32`` (DCT, DST), by precision."""
    return {kind: CacheInfo(*row) for kind, row in zip(KINDS, _core.cache_stats())}


def cache_clear():
    """Drop every cached plan and free its memory. A plan another thread is using right now
    stays alive until that transform finishes. Hit and miss counts are kept. Also frees the
    blocks of large results kept for reuse (up to 4 blocks of 1 MiB to 64 MiB in all, so a
    loop of same-shape calls does not pay fresh page faults for every result)."""
    _core.cache_clear()


def cache_set_max_bytes(max_bytes):
    """Set the byte budget of every plan cache (default 64 MiB each) and evict down to it.
    ``0`` keeps only the most recent plan per cache. Returns the previous budget."""
    max_bytes = int(max_bytes)
    if max_bytes < 0:
        raise ValueError("max_bytes must be >= 0")
    old = cache_info()["complex128"].max_bytes
    _core.cache_set_max_bytes(max_bytes)
    return old
