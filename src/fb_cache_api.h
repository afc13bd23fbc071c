/* fb_cache_api.h: inspecting, clearing and sizing the plan caches (fb_cache.h).
 *
 * Six caches, in this order in fb_cache_info's output: complex plans (double, float), real plans
 * (double, float), real-to-real plans (double, float). Only the active SIMD target's caches are
 * ever used (fb_dispatch.c), so these act on that target's.
 *
 * `bytes` is the memory the cached plans keep alive; a real or r2r plan counts the complex plan
 * it runs on, which the complex cache may count too, so the sum over caches overstates the total
 * and each cache's bound is a true bound on what it pins. hits / misses count lookups since the
 * process started (clearing keeps them).
 *
 * fb_cache_clear drops every cached plan; one in use by another thread lives until released.
 * fb_cache_set_max_bytes sets every cache's byte budget (negative: 0) and evicts down to it.
 *
 * Usage:
 *     fb_cache_stats s[FB_CACHE_KINDS];
 *     fb_cache_info(s);   // s[0].entries: complex double plans cached
 *     fb_cache_clear();
 */
#ifndef FB_CACHE_API_H
#define FB_CACHE_API_H

#include "fb_common.h"

typedef struct {
    fb_idx entries, bytes, max_entries, max_bytes, hits, misses;
} fb_cache_stats;

#define FB_CACHE_KINDS 6

void fb_cache_info(fb_cache_stats out[FB_CACHE_KINDS]);
void fb_cache_clear(void);
void fb_cache_set_max_bytes(fb_idx max_bytes);

/* One target's caches, per file that holds them (renamed per target by fb_target.h). */
void fb_cplan_cache_info(fb_cache_stats out[2]);
void fb_cplan_cache_clear(void);
void fb_cplan_cache_set_max_bytes(fb_idx max_bytes);
void fb_rplan_cache_info(fb_cache_stats out[2]);
void fb_rplan_cache_clear(void);
void fb_rplan_cache_set_max_bytes(fb_idx max_bytes);
void fb_dplan_cache_info(fb_cache_stats out[2]);
void fb_dplan_cache_clear(void);
void fb_dplan_cache_set_max_bytes(fb_idx max_bytes);

#endif
