/* fuzz_main.c: runs the fuzz target without libFuzzer (any C compiler, no sanitizer needed).
 *
 *   fuzz_plain FILE...             runs each file as one input (to replay a crash or a corpus)
 *   fuzz_plain -n COUNT [-s SEED]  runs COUNT pseudo-random inputs of 40 bytes
 *   fuzz_plain -w DIR -n COUNT     writes those inputs as files into DIR instead (a starting
 *                                  corpus for libFuzzer)
 * Exits 0 when every case passed (a failing case aborts, after printing it). With FUZZ_DUMP=PATH
 * each generated input is written to PATH before it runs, so after an abort PATH holds the
 * failing one; with FUZZ_WORST=PATH the input with the largest error / tolerance so far is kept
 * there (to study how close the cases come to the bound); FUZZ_LIST=1 prints each checked case. The summary also counts the checked
 * cases per SIMD build actually called.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int fuzz_one(const uint8_t *data, size_t size);
extern double fuzz_worst_ratio;
extern char fuzz_worst_case[];
extern long fuzz_checked, fuzz_rejected;
extern long fuzz_checked_simd[4];

#define SEED_BYTES 40

static uint64_t next_u64(uint64_t *s)
{
    uint64_t z = (*s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static int run_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) { perror(path); return 1; }
    uint8_t *buf = NULL;
    size_t len = 0, cap = 0, got;
    do {
        if (len == cap) {
            cap = cap ? 2 * cap : 4096;
            uint8_t *nb = (uint8_t *)realloc(buf, cap);
            if (!nb) { free(buf); fclose(f); return 1; }
            buf = nb;
        }
        got = fread(buf + len, 1, cap - len, f);
        len += got;
    } while (got > 0);
    fclose(f);
    fuzz_one(buf, len);
    free(buf);
    return 0;
}

int main(int argc, char **argv)
{
    long count = 0;
    uint64_t seed = 1;
    const char *write_dir = NULL;
    int files = 0, status = 0;
    for (int a = 1; a < argc; ++a) {
        if (!strcmp(argv[a], "-n") && a + 1 < argc) count = atol(argv[++a]);
        else if (!strcmp(argv[a], "-s") && a + 1 < argc) seed = strtoull(argv[++a], NULL, 10);
        else if (!strcmp(argv[a], "-w") && a + 1 < argc) write_dir = argv[++a];
        else { status |= run_file(argv[a]); files++; }
    }
    for (long i = 0; i < count; ++i) {
        uint8_t buf[SEED_BYTES];
        for (int b = 0; b < SEED_BYTES; b += 8) {
            const uint64_t v = next_u64(&seed);
            memcpy(buf + b, &v, 8);
        }
        if (write_dir) {
            char path[4096];
            snprintf(path, sizeof path, "%s/seed-%04ld", write_dir, i);
            FILE *f = fopen(path, "wb");
            if (!f || fwrite(buf, 1, sizeof buf, f) != sizeof buf) { perror(path); return 1; }
            fclose(f);
        } else {
            const char *dump = getenv("FUZZ_DUMP");
            FILE *f = dump ? fopen(dump, "wb") : NULL;
            if (f) { fwrite(buf, 1, sizeof buf, f); fclose(f); }
            const double before = fuzz_worst_ratio;
            fuzz_one(buf, sizeof buf);
            const char *worst = getenv("FUZZ_WORST");
            FILE *g = worst && fuzz_worst_ratio > before ? fopen(worst, "wb") : NULL;
            if (g) { fwrite(buf, 1, sizeof buf, g); fclose(g); }
        }
    }
    if (!write_dir)
        printf("fuzz_plain: %ld cases checked, %ld rejected (too large), %d files; worst "
               "error / tolerance %.3g\n  (in %s)\n", fuzz_checked, fuzz_rejected, files,
               fuzz_worst_ratio, fuzz_worst_case);
    if (!write_dir)   /* the builds that ran (a case for one this CPU lacks runs on a lower one) */
        printf("  by build: base %ld, avx2 %ld, avx512 %ld, dispatch %ld\n", fuzz_checked_simd[0],
               fuzz_checked_simd[1], fuzz_checked_simd[3], fuzz_checked_simd[2]);
    return status;
}
