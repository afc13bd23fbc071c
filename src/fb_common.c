/* fb_common.c: aligned allocation shared by plans and per-call scratch. */
/* posix_memalign and madvise are POSIX / Linux, not C99 */
#define _DEFAULT_SOURCE
#include "fb_common.h"
#include <stdlib.h>
#include <pthread.h>
#include <unistd.h>
#if defined(__linux__)
#include <sys/mman.h>
#endif

void *fb_malloc(size_t bytes)
{
    void *p = NULL;
    if (bytes == 0) bytes = 64;
    /* posix_memalign rather than C11 aligned_alloc: the latter requires a size that is a multiple
     * of the alignment, which scratch sizes are not. */
    if (bytes >= FB_HUGE_BYTES) {
        /* Large transforms walk their scratch with strides of many pages; 2 MiB pages keep those
         * walks inside the TLB (numpy asks the same for its large arrays). */
        if (posix_memalign(&p, FB_HUGE_BYTES, bytes) != 0) return NULL;
#if defined(__linux__) && defined(MADV_HUGEPAGE)
        madvise(p, bytes, MADV_HUGEPAGE);
#endif
        return p;
    }
    if (posix_memalign(&p, 64, bytes) != 0) return NULL;
    return p;
}

void fb_free(void *p) { free(p); }

static long blocked_min = 1L << 16, stream_min = 4L << 20;
static pthread_once_t cache_sizes_once = PTHREAD_ONCE_INIT;

static void cache_sizes_init(void)
{
    long l2 = 0;
#if defined(_SC_LEVEL2_CACHE_SIZE)
    l2 = sysconf(_SC_LEVEL2_CACHE_SIZE);   /* glibc: from cpuid; 0 or -1 when unknown */
#endif
    long n = l2 > 0 ? l2 / 16 : 0;   /* complex doubles filling L2 */
    long m = 1L << 16;
    while (m < n && m < (1L << 18)) m <<= 1;
    blocked_min = m;
    if (l2 > 0) stream_min = 4 * l2;
    /* tests compare results with and without streaming stores */
    const char *env = getenv("FFTBACKEND_STREAM_MIN");
    if (env && *env) {
        char *end;
        const long v = strtol(env, &end, 10);
        if (*end == '\0' && v >= 0) stream_min = v;
    }
}

long fb_blocked_min(void)
{
    pthread_once(&cache_sizes_once, cache_sizes_init);
    return blocked_min;
}

long fb_stream_min(void)
{
    pthread_once(&cache_sizes_once, cache_sizes_init);
    return stream_min;
}

/* One cached scratch block per thread: large transforms would otherwise pay fresh page faults on
 * every call. Freed when the thread ends. */
static pthread_key_t scratch_key;
static pthread_once_t scratch_once = PTHREAD_ONCE_INIT;
typedef struct { void *p; size_t bytes; } scratch_slot;

static void scratch_destroy(void *v)
{
    scratch_slot *s = (scratch_slot *)v;
    if (s) { fb_free(s->p); free(s); }
}

static void scratch_key_init(void) { (void)pthread_key_create(&scratch_key, scratch_destroy); }

void *fb_scratch_take(size_t bytes)
{
    pthread_once(&scratch_once, scratch_key_init);
    scratch_slot *s = (scratch_slot *)pthread_getspecific(scratch_key);
    if (s && s->p && s->bytes >= bytes) {
        void *p = s->p;
        s->p = NULL;   /* taken: a nested or concurrent take allocates its own */
        return p;
    }
    return fb_malloc(bytes);
}

void fb_scratch_give(void *p, size_t bytes)
{
    if (!p) return;
    scratch_slot *s = (scratch_slot *)pthread_getspecific(scratch_key);
    if (!s) {
        s = (scratch_slot *)calloc(1, sizeof(*s));
        if (!s || pthread_setspecific(scratch_key, s) != 0) { free(s); fb_free(p); return; }
    }
    if (bytes > FB_SCRATCH_KEEP || (s->p && s->bytes >= bytes)) { fb_free(p); return; }
    fb_free(s->p);   /* keep the larger block */
    s->p = p;
    s->bytes = bytes;
}

size_t fb_mulsize(size_t a, size_t b)
{
    if (a != 0 && b > SIZE_MAX / a) return 0;
    return a * b;
}
