/* fb_cache.h: a small cache of shared plans, least recently used evicted, as a template.
 *
 * Included by a file that makes plans; FB_DEFINE_CACHE(TAG, T, GET, RELEASE, MAKE, DESTROY) then
 * defines  const T *GET(fb_idx n)  (a plan of length n, made on a miss; NULL if that fails) and
 * void RELEASE(const T *)  for a plan type T with fields  fb_idx n; fb_idx bytes; int refs;  and
 * int MAKE(fb_idx, T **) / void DESTROY(T *). MAKE sets `bytes`: the memory the plan keeps
 * alive, including plans of other caches it holds (so a cache's byte count bounds what it pins).
 * One mutex per including file guards its tables.
 * A plan handed out by GET carries a reference; eviction only drops the cache's own reference,
 * so a plan in use by another thread is destroyed by its last RELEASE, never under that thread.
 *
 * Bounds: at most FB_CACHE_SIZE plans and cache_max_bytes bytes (FB_CACHE_BYTES unless set) per
 * cache; an insert first evicts least recently used plans until both hold with the new plan in.
 * A plan larger than the byte budget alone is still kept, alone (so repeated transforms of one
 * huge size do not rebuild it every call), until the next insert evicts it.
 *
 * No lock is ever held while another is taken or a plan is destroyed (destroying a real or r2r
 * plan releases its complex plan, which takes the complex cache's lock): with nested locks, the
 * fork handlers, which take every file's lock in turn, could deadlock against a thread in GET.
 *
 * FB_DEFINE_CACHE also defines, per TAG, the static helpers cache_stats_TAG(fb_cache_stats *)
 * and cache_trim_TAG(max_entries) (evicts down to that many plans and the byte budget), which a
 * file turns into its public inspection functions (fb_cache_api.h).
 *
 * Usage:
 *     FB_DEFINE_CACHE(d, fb_cplan_d, fb_cplan_d_get, fb_cplan_d_release, fb_cplan_d_make,
 *                     fb_cplan_d_destroy)
 *     const fb_cplan_d *p = fb_cplan_d_get(1000);  ...  fb_cplan_d_release(p);
 */
#ifndef FB_CACHE_H
#define FB_CACHE_H

#include "fb_common.h"
#include "fb_cache_api.h"
#include <pthread.h>

/* Plans kept per cache. */
#define FB_CACHE_SIZE 16
/* Default byte budget per cache: room for several plans of a million points. */
#define FB_CACHE_BYTES ((fb_idx)64 << 20)

static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static uint64_t cache_clock = 0;
static fb_idx cache_max_bytes = FB_CACHE_BYTES;   /* guarded by cache_lock */

/* Fork safety: a child forked while another thread held the lock would wait on it forever, so
 * the lock is taken around fork() and released on both sides. */
static void cache_prefork(void) { pthread_mutex_lock(&cache_lock); }
static void cache_postfork(void) { pthread_mutex_unlock(&cache_lock); }
static pthread_once_t atfork_once = PTHREAD_ONCE_INIT;
static void register_atfork(void) { (void)pthread_atfork(cache_prefork, cache_postfork, cache_postfork); }

/* the extra level expands TAG (it may be a macro such as FB_PSFX) before it is pasted */
#define FB_DEFINE_CACHE(TAG, T, GET, RELEASE, MAKE, DESTROY) \
    FB_DEFINE_CACHE_(TAG, T, GET, RELEASE, MAKE, DESTROY)
#define FB_DEFINE_CACHE_(TAG, T, GET, RELEASE, MAKE, DESTROY)                                 \
    static struct { T *plan; uint64_t used; } cache_##TAG[FB_CACHE_SIZE];                     \
    static fb_idx entries_##TAG, bytes_##TAG, hits_##TAG, misses_##TAG;                       \
                                                                                              \
    static T *lookup_##TAG(fb_idx n) /* lock held */                                          \
    {                                                                                         \
        for (int j = 0; j < FB_CACHE_SIZE; ++j)                                               \
            if (cache_##TAG[j].plan && cache_##TAG[j].plan->n == n) {                         \
                cache_##TAG[j].used = ++cache_clock;                                          \
                cache_##TAG[j].plan->refs++;                                                  \
                return cache_##TAG[j].plan;                                                   \
            }                                                                                 \
        return NULL;                                                                          \
    }                                                                                         \
                                                                                              \
    /* Lock held. Evicts least recently used plans until at most max_entries remain and room   \
     * more bytes fit the budget (or none remain); plans whose last reference that was go to  \
     * dead[], for the caller to destroy once the lock is released. Returns how many. */      \
    static int evict_##TAG(int max_entries, fb_idx room, T *dead[FB_CACHE_SIZE])             \
    {                                                                                         \
        int ndead = 0;                                                                        \
        while (entries_##TAG > 0 &&                                                           \
               (entries_##TAG > max_entries || bytes_##TAG + room > cache_max_bytes)) {        \
            int lru = -1;                                                                     \
            for (int j = 0; j < FB_CACHE_SIZE; ++j)                                           \
                if (cache_##TAG[j].plan &&                                                    \
                    (lru < 0 || cache_##TAG[j].used < cache_##TAG[lru].used))                 \
                    lru = j;                                                                  \
            T *old = cache_##TAG[lru].plan;                                                   \
            cache_##TAG[lru].plan = NULL;                                                     \
            entries_##TAG--;                                                                  \
            bytes_##TAG -= old->bytes;                                                        \
            if (--old->refs == 0) dead[ndead++] = old;                                        \
        }                                                                                     \
        return ndead;                                                                         \
    }                                                                                         \
                                                                                              \
    const T *GET(fb_idx n)                                                                    \
    {                                                                                         \
        pthread_once(&atfork_once, register_atfork);                                          \
        pthread_mutex_lock(&cache_lock);                                                      \
        T *p = lookup_##TAG(n);                                                               \
        if (p) hits_##TAG++;                                                                  \
        else misses_##TAG++;                                                                  \
        pthread_mutex_unlock(&cache_lock);                                                    \
        if (p) return p;                                                                      \
        /* made outside the lock: a large plan must not stall other threads' lookups */      \
        T *fresh;                                                                             \
        if (MAKE(n, &fresh) != FB_OK) return NULL;                                            \
        T *dead[FB_CACHE_SIZE];                                                               \
        int ndead = 0;                                                                        \
        pthread_mutex_lock(&cache_lock);                                                      \
        p = lookup_##TAG(n);   /* another thread may have made it meanwhile */                \
        if (!p) {                                                                             \
            ndead = evict_##TAG(FB_CACHE_SIZE - 1, fresh->bytes, dead);                       \
            int slot = 0;                                                                     \
            while (cache_##TAG[slot].plan) ++slot;   /* evict left a free slot */             \
            fresh->refs = 2;   /* the cache's reference and the caller's */                  \
            cache_##TAG[slot].plan = fresh;                                                   \
            cache_##TAG[slot].used = ++cache_clock;                                           \
            entries_##TAG++;                                                                  \
            bytes_##TAG += fresh->bytes;                                                      \
            p = fresh;                                                                        \
            fresh = NULL;                                                                     \
        }                                                                                     \
        pthread_mutex_unlock(&cache_lock);                                                    \
        if (fresh) DESTROY(fresh);                                                            \
        for (int j = 0; j < ndead; ++j) DESTROY(dead[j]);                                     \
        return p;                                                                             \
    }                                                                                         \
                                                                                              \
    void RELEASE(const T *cp)                                                                 \
    {                                                                                         \
        if (!cp) return;                                                                      \
        T *p = (T *)cp;                                                                       \
        pthread_mutex_lock(&cache_lock);                                                      \
        int last = (--p->refs == 0);                                                          \
        pthread_mutex_unlock(&cache_lock);                                                    \
        if (last) DESTROY(p);                                                                 \
    }                                                                                         \
                                                                                              \
    static void cache_stats_##TAG(fb_cache_stats *s)                                          \
    {                                                                                         \
        pthread_mutex_lock(&cache_lock);                                                      \
        s->entries = entries_##TAG;                                                           \
        s->bytes = bytes_##TAG;                                                               \
        s->max_entries = FB_CACHE_SIZE;                                                       \
        s->max_bytes = cache_max_bytes;                                                       \
        s->hits = hits_##TAG;                                                                 \
        s->misses = misses_##TAG;                                                             \
        pthread_mutex_unlock(&cache_lock);                                                    \
    }                                                                                         \
                                                                                              \
    static void cache_trim_##TAG(int max_entries)                                             \
    {                                                                                         \
        T *dead[FB_CACHE_SIZE];                                                               \
        pthread_mutex_lock(&cache_lock);                                                      \
        int ndead = evict_##TAG(max_entries, 0, dead);                                        \
        pthread_mutex_unlock(&cache_lock);                                                    \
        for (int j = 0; j < ndead; ++j) DESTROY(dead[j]);                                     \
    }

/* The public functions of fb_cache_api.h for a file with caches TAG1 and TAG2 (its two
 * precisions), named PREFIX_info, PREFIX_clear and PREFIX_set_max_bytes. */
#define FB_DEFINE_CACHE_API(PREFIX, TAG1, TAG2) FB_DEFINE_CACHE_API_(PREFIX, TAG1, TAG2)
#define FB_DEFINE_CACHE_API_(PREFIX, TAG1, TAG2)                                              \
    void PREFIX##_info(fb_cache_stats out[2])                                                 \
    {                                                                                         \
        cache_stats_##TAG1(&out[0]);                                                          \
        cache_stats_##TAG2(&out[1]);                                                          \
    }                                                                                         \
    void PREFIX##_clear(void)                                                                 \
    {                                                                                         \
        cache_trim_##TAG1(0);                                                                 \
        cache_trim_##TAG2(0);                                                                 \
    }                                                                                         \
    void PREFIX##_set_max_bytes(fb_idx max_bytes)                                             \
    {                                                                                         \
        pthread_mutex_lock(&cache_lock);                                                      \
        cache_max_bytes = max_bytes < 0 ? 0 : max_bytes;                                      \
        pthread_mutex_unlock(&cache_lock);                                                    \
        cache_trim_##TAG1(FB_CACHE_SIZE);                                                     \
        cache_trim_##TAG2(FB_CACHE_SIZE);                                                     \
    }

#endif
