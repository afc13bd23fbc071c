/* fb_cache.h: a small cache of shared plans, least recently used evicted, as a template.
 *
 * Included by a file that makes plans; FB_DEFINE_CACHE(TAG, T, GET, RELEASE, MAKE, DESTROY) then
 * defines  const T *GET(fb_idx n)  (a plan of length n, made on a miss; NULL if that fails) and
 * void RELEASE(const T *)  for a plan type T with fields  fb_idx n; int refs;  and
 * int MAKE(fb_idx, T **) / void DESTROY(T *). One mutex per including file guards its tables.
 * A plan handed out by GET carries a reference; eviction only drops the cache's own reference,
 * so a plan in use by another thread is destroyed by its last RELEASE, never under that thread.
 *
 * Usage:
 *     FB_DEFINE_CACHE(d, fb_cplan_d, fb_cplan_d_get, fb_cplan_d_release, fb_cplan_d_make,
 *                     fb_cplan_d_destroy)
 *     const fb_cplan_d *p = fb_cplan_d_get(1000);  ...  fb_cplan_d_release(p);
 */
#ifndef FB_CACHE_H
#define FB_CACHE_H

#include "fb_common.h"
#include <pthread.h>

/* Plans kept per cache. */
#define FB_CACHE_SIZE 16

static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static uint64_t cache_clock = 0;

/* Fork safety: a child forked while another thread held the lock would wait on it forever, so
 * the lock is taken around fork() and released on both sides. */
static void cache_prefork(void) { pthread_mutex_lock(&cache_lock); }
static void cache_postfork(void) { pthread_mutex_unlock(&cache_lock); }
static pthread_once_t atfork_once = PTHREAD_ONCE_INIT;
static void register_atfork(void) { (void)pthread_atfork(cache_prefork, cache_postfork, cache_postfork); }

/* the extra level expands TAG (it may be a macro such as FB_PSFX) before it is pasted */
#define FB_DEFINE_CACHE(TAG, T, GET, RELEASE, MAKE, DESTROY) \
    FB_DEFINE_CACHE_(TAG, T, GET, RELEASE, MAKE, DESTROY)
#define FB_DEFINE_CACHE_(TAG, T, GET, RELEASE, MAKE, DESTROY)                                                                 \
    static struct { T *plan; uint64_t used; } cache_##TAG[FB_CACHE_SIZE];       \
                                                                                             \
    static T *lookup_##TAG(fb_idx n) /* lock held */                            \
    {                                                                                        \
        for (int j = 0; j < FB_CACHE_SIZE; ++j)                                              \
            if (cache_##TAG[j].plan && cache_##TAG[j].plan->n == n) {                        \
                cache_##TAG[j].used = ++cache_clock;                                         \
                cache_##TAG[j].plan->refs++;                                                 \
                return cache_##TAG[j].plan;                                                  \
            }                                                                                \
        return NULL;                                                                         \
    }                                                                                        \
                                                                                             \
    const T *GET(fb_idx n)                                     \
    {                                                                                        \
        pthread_once(&atfork_once, register_atfork);                                         \
        pthread_mutex_lock(&cache_lock);                                                     \
        T *p = lookup_##TAG(n);                                                 \
        pthread_mutex_unlock(&cache_lock);                                                   \
        if (p) return p;                                                                     \
        /* made outside the lock: a large plan must not stall other threads' lookups */     \
        T *fresh;                                                               \
        if (MAKE(n, &fresh) != FB_OK) return NULL;                          \
        pthread_mutex_lock(&cache_lock);                                                     \
        p = lookup_##TAG(n);   /* another thread may have made it meanwhile */               \
        if (!p) {                                                                            \
            int slot = 0;                                                                    \
            for (int j = 1; j < FB_CACHE_SIZE; ++j)                                          \
                if (!cache_##TAG[j].plan ||                                                  \
                    (cache_##TAG[slot].plan && cache_##TAG[j].used < cache_##TAG[slot].used)) \
                    slot = j;                                                                \
            T *old = cache_##TAG[slot].plan;                                    \
            if (old && --old->refs == 0) DESTROY(old);                      \
            fresh->refs = 2;   /* the cache's reference and the caller's */                 \
            cache_##TAG[slot].plan = fresh;                                                  \
            cache_##TAG[slot].used = ++cache_clock;                                          \
            p = fresh;                                                                       \
            fresh = NULL;                                                                    \
        }                                                                                    \
        pthread_mutex_unlock(&cache_lock);                                                   \
        if (fresh) DESTROY(fresh);                                          \
        return p;                                                                            \
    }                                                                                        \
                                                                                             \
    void RELEASE(const T *cp)                                  \
    {                                                                                        \
        if (!cp) return;                                                                     \
        T *p = (T *)cp;                                            \
        pthread_mutex_lock(&cache_lock);                                                     \
        int last = (--p->refs == 0);                                                         \
        pthread_mutex_unlock(&cache_lock);                                                   \
        if (last) DESTROY(p);                                               \
    }


#endif
