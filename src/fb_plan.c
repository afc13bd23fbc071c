/* fb_plan.c: plan construction for both precisions and the shared plan cache.
 *
 * The cache is a small table per precision, least recently used evicted, guarded by one mutex.
 * A plan handed out by _get carries a reference; eviction only drops the cache's own reference, so
 * a plan in use by another thread is destroyed by its last _release, never under that thread. */
#include "fb_target.h"   /* first: names this build's symbols */
#include "fb_plan.h"
#include "fb_lanes.h"
#include "fb_twiddle.h"
#include <stdlib.h>
#include <pthread.h>
#include <math.h>

/* Lengths from which a single row runs on vector lanes (fb_cfft_split.h). */
#define FB_SPLIT_MIN 16
/* Lengths from which single rows use the blocked algorithm: past about half the L2 cache. */
#define FB_BLOCKED_MIN (1 << 16)

#define FB_PSFX d
#define FB_TW double
#define FB_TWT fb_cd
#define FB_PVLEN FB_VLEN_D
#include "fb_plan_make.h"
#undef FB_PSFX
#undef FB_TW
#undef FB_TWT
#undef FB_PVLEN
#define FB_PSFX f
#define FB_TW float
#define FB_TWT fb_cf
#define FB_PVLEN FB_VLEN_F
#include "fb_plan_make.h"
#undef FB_PSFX
#undef FB_TW
#undef FB_TWT
#undef FB_PVLEN

static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static uint64_t cache_clock = 0;

/* Fork safety: a child forked while another thread held the lock would wait on it forever, so
 * the lock is taken around fork() and released on both sides. */
static void cache_prefork(void) { pthread_mutex_lock(&cache_lock); }
static void cache_postfork(void) { pthread_mutex_unlock(&cache_lock); }
static pthread_once_t atfork_once = PTHREAD_ONCE_INIT;
static void register_atfork(void) { (void)pthread_atfork(cache_prefork, cache_postfork, cache_postfork); }

#define FB_DEFINE_CACHE(SFX)                                                                 \
    static struct { fb_cplan_##SFX *plan; uint64_t used; } cache_##SFX[FB_CACHE_SIZE];       \
                                                                                             \
    static fb_cplan_##SFX *lookup_##SFX(fb_idx n) /* lock held */                            \
    {                                                                                        \
        for (int j = 0; j < FB_CACHE_SIZE; ++j)                                              \
            if (cache_##SFX[j].plan && cache_##SFX[j].plan->n == n) {                        \
                cache_##SFX[j].used = ++cache_clock;                                         \
                cache_##SFX[j].plan->refs++;                                                 \
                return cache_##SFX[j].plan;                                                  \
            }                                                                                \
        return NULL;                                                                         \
    }                                                                                        \
                                                                                             \
    const fb_cplan_##SFX *fb_cplan_##SFX##_get(fb_idx n)                                     \
    {                                                                                        \
        pthread_once(&atfork_once, register_atfork);                                         \
        pthread_mutex_lock(&cache_lock);                                                     \
        fb_cplan_##SFX *p = lookup_##SFX(n);                                                 \
        pthread_mutex_unlock(&cache_lock);                                                   \
        if (p) return p;                                                                     \
        /* made outside the lock: a large plan must not stall other threads' lookups */     \
        fb_cplan_##SFX *fresh;                                                               \
        if (fb_cplan_##SFX##_make(n, &fresh) != FB_OK) return NULL;                          \
        pthread_mutex_lock(&cache_lock);                                                     \
        p = lookup_##SFX(n);   /* another thread may have made it meanwhile */               \
        if (!p) {                                                                            \
            int slot = 0;                                                                    \
            for (int j = 1; j < FB_CACHE_SIZE; ++j)                                          \
                if (!cache_##SFX[j].plan ||                                                  \
                    (cache_##SFX[slot].plan && cache_##SFX[j].used < cache_##SFX[slot].used)) \
                    slot = j;                                                                \
            fb_cplan_##SFX *old = cache_##SFX[slot].plan;                                    \
            if (old && --old->refs == 0) fb_cplan_##SFX##_destroy(old);                      \
            fresh->refs = 2;   /* the cache's reference and the caller's */                 \
            cache_##SFX[slot].plan = fresh;                                                  \
            cache_##SFX[slot].used = ++cache_clock;                                          \
            p = fresh;                                                                       \
            fresh = NULL;                                                                    \
        }                                                                                    \
        pthread_mutex_unlock(&cache_lock);                                                   \
        if (fresh) fb_cplan_##SFX##_destroy(fresh);                                          \
        return p;                                                                            \
    }                                                                                        \
                                                                                             \
    void fb_cplan_##SFX##_release(const fb_cplan_##SFX *cp)                                  \
    {                                                                                        \
        if (!cp) return;                                                                     \
        fb_cplan_##SFX *p = (fb_cplan_##SFX *)cp;                                            \
        pthread_mutex_lock(&cache_lock);                                                     \
        int last = (--p->refs == 0);                                                         \
        pthread_mutex_unlock(&cache_lock);                                                   \
        if (last) fb_cplan_##SFX##_destroy(p);                                               \
    }

FB_DEFINE_CACHE(d)
FB_DEFINE_CACHE(f)
