/* replay.c: runs the fuzz target over corpus files, so that every input
 * that once crashed dyad is replayed by `make check` without libFuzzer. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f) {
            perror(argv[i]);
            return 1;
        }
        size_t cap = 1 << 16, n = 0;
        uint8_t *b = malloc(cap);
        size_t r;
        while (b && (r = fread(b + n, 1, cap - n, f)) > 0) {
            n += r;
            if (n == cap) {
                uint8_t *x = realloc(b, cap *= 2);
                if (!x) {
                    free(b);
                    b = NULL;
                }
                b = x;
            }
        }
        fclose(f);
        if (!b)
            return 1;
        LLVMFuzzerTestOneInput(b, n);
        free(b);
    }
    printf("replayed %d inputs\n", argc - 1);
    return 0;
}
