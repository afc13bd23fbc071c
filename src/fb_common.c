/* fb_common.c: aligned allocation shared by plans and per-call scratch. */
/* posix_memalign is POSIX, not C99 */
#define _POSIX_C_SOURCE 200112L
#include "fb_common.h"
#include <stdlib.h>

void *fb_malloc(size_t bytes)
{
    void *p = NULL;
    if (bytes == 0) bytes = 64;
    /* posix_memalign rather than C11 aligned_alloc: the latter requires a size that is a multiple
     * of the alignment, which scratch sizes are not. */
    if (posix_memalign(&p, 64, bytes) != 0) return NULL;
    return p;
}

void fb_free(void *p) { free(p); }

size_t fb_mulsize(size_t a, size_t b)
{
    if (a != 0 && b > SIZE_MAX / a) return 0;
    return a * b;
}
