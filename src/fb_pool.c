/* fb_pool.c: the worker pool of fb_pool.h.
 *
 * One job at a time: the caller publishes (task, arg, count) under the lock, bumps `generation`
 * and wakes every worker; worker w runs task w + 1 if the job has that many, then reports. A
 * worker remembers the last generation it saw, so a wake-up without a new job (spurious, or a
 * job too small for it) sends it back to sleep. A second caller that finds the pool busy runs its
 * tasks itself rather than wait. */
#include "fb_pool.h"
#include <pthread.h>
#include <stdint.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wake = PTHREAD_COND_INITIALIZER;      /* workers: a new job */
static pthread_cond_t finished = PTHREAD_COND_INITIALIZER;  /* caller: all workers done */
static pthread_once_t atfork_once = PTHREAD_ONCE_INIT;

static int nworkers;                 /* started and alive */
static int busy;                     /* a job is running */
static unsigned long generation;     /* jobs published so far */
static unsigned long start_gen[FB_POOL_MAX];   /* generation each worker was started at */
static void (*job_task)(void *, int);
static void *job_arg;
static int job_tasks;                /* tasks of the current job run by workers: 1 .. job_tasks */
static int pending;                  /* of those, not finished yet */

static void *worker(void *p)
{
    const int me = (int)(intptr_t)p;   /* runs task me + 1 */
    pthread_mutex_lock(&lock);
    unsigned long seen = start_gen[me];
    for (;;) {
        while (generation == seen) pthread_cond_wait(&wake, &lock);
        seen = generation;
        if (me + 1 > job_tasks) continue;
        void (*task)(void *, int) = job_task;
        void *arg = job_arg;
        pthread_mutex_unlock(&lock);
        task(arg, me + 1);
        pthread_mutex_lock(&lock);
        if (--pending == 0) pthread_cond_signal(&finished);
    }
    return NULL;
}

/* The workers are gone in a forked child: start over with none (and fresh, unlocked sync
 * objects, since the fork may have happened while another thread held them). */
static void lock_before_fork(void) { pthread_mutex_lock(&lock); }
static void unlock_in_parent(void) { pthread_mutex_unlock(&lock); }
static void reset_in_child(void)
{
    pthread_mutex_init(&lock, NULL);
    pthread_cond_init(&wake, NULL);
    pthread_cond_init(&finished, NULL);
    nworkers = 0;
    busy = 0;
    pending = 0;
    job_tasks = 0;
}

static void register_atfork(void)
{
    pthread_atfork(lock_before_fork, unlock_in_parent, reset_in_child);
}

void fb_parallel_for(int ntasks, void (*task)(void *, int), void *arg)
{
    if (ntasks <= 1) {
        if (ntasks == 1) task(arg, 0);
        return;
    }
    pthread_once(&atfork_once, register_atfork);
    if (ntasks > FB_POOL_MAX) ntasks = FB_POOL_MAX;
    pthread_mutex_lock(&lock);
    if (busy) {   /* another caller's job: do this one here */
        pthread_mutex_unlock(&lock);
        for (int t = 0; t < ntasks; ++t) task(arg, t);
        return;
    }
    busy = 1;
    while (nworkers < ntasks - 1) {
        pthread_t tid;
        pthread_attr_t attr;
        pthread_attr_init(&attr);
        pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
        start_gen[nworkers] = generation;
        const int ok = pthread_create(&tid, &attr, worker, (void *)(intptr_t)nworkers) == 0;
        pthread_attr_destroy(&attr);
        if (!ok) break;
        ++nworkers;
    }
    const int on_workers = ntasks - 1 < nworkers ? ntasks - 1 : nworkers;
    job_task = task;
    job_arg = arg;
    job_tasks = on_workers;
    pending = on_workers;
    ++generation;
    pthread_cond_broadcast(&wake);
    pthread_mutex_unlock(&lock);

    task(arg, 0);
    for (int t = on_workers + 1; t < ntasks; ++t) task(arg, t);   /* no worker for these */

    pthread_mutex_lock(&lock);
    while (pending > 0) pthread_cond_wait(&finished, &lock);
    job_tasks = 0;
    busy = 0;
    pthread_mutex_unlock(&lock);
}

int fb_pool_size(void)
{
    pthread_mutex_lock(&lock);
    const int n = nworkers;
    pthread_mutex_unlock(&lock);
    return n;
}
