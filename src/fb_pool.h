/* fb_pool.h: a pool of worker threads, created on first use and kept, that every parallel
 * kernel runs on (threads are not created per call).
 *
 * fb_parallel_for(ntasks, task, arg) runs task(arg, t) for t = 0 .. ntasks - 1: task 0 on the
 * calling thread, the others on workers, and returns when all have finished. It cannot fail:
 * tasks the pool cannot take (a worker that could not be started, or the pool busy with another
 * caller's job) run on the calling thread, one after the other. Tasks must therefore not depend
 * on running at the same time as each other (no barriers inside a task); each should keep to
 * its own share of the data, so the result is the same however they are scheduled.
 *
 * Fork: the child of a fork starts with an empty pool (its workers did not survive the fork)
 * and grows a new one when it first needs it.
 *
 * Usage:
 *     static void half(void *arg, int t) { scale_part((double *)arg, t * n / 2, (t + 1) * n / 2); }
 *     fb_parallel_for(2, half, data);
 */
#ifndef FB_POOL_H
#define FB_POOL_H

#define FB_POOL_MAX 64   /* most tasks one call runs in parallel (the caller and 63 workers) */

void fb_parallel_for(int ntasks, void (*task)(void *arg, int t), void *arg);

/* Workers started so far (for tests). */
int fb_pool_size(void);

#endif
