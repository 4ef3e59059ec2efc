/* Runs a fuzz target's LLVMFuzzerTestOneInput over files, without libFuzzer
 * (and without clang): `make check` builds one such program per target with
 * the ordinary compiler and replays the seed corpora in t/fuzz/ through it.
 *
 *   fuzz/fuzz_json_replay [FILE|DIR]...
 *
 * Every regular file named, and every regular file directly inside a
 * directory named (in name order, dot files skipped), is one test; with no
 * arguments the target's corpus FUZZ_CORPUS is used. The output is TAP for
 * prove. A property the harness checks, or a crash, aborts the program: the
 * input is the one after the last "ok" (prove -v names it in a comment). */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct {
    char **paths;
    size_t count, cap;
} file_list;

static void add(file_list *l, const char *path)
{
    if (l->count == l->cap) {
        l->cap = l->cap ? 2 * l->cap : 64;
        l->paths = realloc(l->paths, l->cap * sizeof(*l->paths));
        if (!l->paths) {
            perror("realloc");
            exit(2);
        }
    }
    l->paths[l->count] = strdup(path);
    if (!l->paths[l->count++]) {
        perror("strdup");
        exit(2);
    }
}

static int is_regular(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Every regular file in dir, sorted by name. */
static int collect_dir(file_list *l, const char *dir)
{
    struct dirent **names;
    int n = scandir(dir, &names, NULL, alphasort);
    if (n < 0) {
        fprintf(stderr, "replay: %s: %s\n", dir, strerror(errno));
        return -1;
    }
    for (int i = 0; i < n; i++) {
        if (names[i]->d_name[0] != '.') {
            size_t len = strlen(dir) + strlen(names[i]->d_name) + 2;
            char *path = malloc(len);
            if (!path) {
                perror("malloc");
                exit(2);
            }
            snprintf(path, len, "%s/%s", dir, names[i]->d_name);
            if (is_regular(path))
                add(l, path);
            free(path);
        }
        free(names[i]);
    }
    free(names);
    return 0;
}

static int collect(file_list *l, const char *arg)
{
    struct stat st;
    if (stat(arg, &st) != 0) {
        fprintf(stderr, "replay: %s: %s\n", arg, strerror(errno));
        return -1;
    }
    if (S_ISDIR(st.st_mode))
        return collect_dir(l, arg);
    add(l, arg);
    return 0;
}

/* The whole file, in a heap block of exactly its size. */
static uint8_t *slurp(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    uint8_t *data = NULL;
    size_t len = 0, cap = 0, got;

    if (!f)
        return NULL;
    do {
        if (len == cap) {
            cap = cap ? 2 * cap : 4096;
            uint8_t *bigger = realloc(data, cap);
            if (!bigger) {
                free(data);
                fclose(f);
                return NULL;
            }
            data = bigger;
        }
        got = fread(data + len, 1, cap - len, f);
        len += got;
    } while (got > 0);
    if (ferror(f)) {
        free(data);
        fclose(f);
        return NULL;
    }
    fclose(f);
    uint8_t *exact = malloc(len ? len : 1);
    if (exact && len)
        memcpy(exact, data, len);
    free(data);
    *size = len;
    return exact;
}

int main(int argc, char **argv)
{
    file_list files = {NULL, 0, 0};
    int failed = 0;

    if (argc < 2) {
#ifdef FUZZ_CORPUS
        if (collect(&files, FUZZ_CORPUS) != 0)
            return 2;
#else
        fprintf(stderr, "usage: %s FILE|DIR...\n", argv[0]);
        return 2;
#endif
    }
    for (int i = 1; i < argc; i++) {
        if (collect(&files, argv[i]) != 0)
            return 2;
    }
    if (files.count == 0) {
        printf("1..0 # SKIP no inputs\n");
        return 0;
    }
    printf("1..%lu\n", (unsigned long)files.count);
    fflush(stdout);
    for (size_t i = 0; i < files.count; i++) {
        size_t size = 0;
        uint8_t *data = slurp(files.paths[i], &size);
        if (!data) {
            printf("not ok %lu - %s: %s\n", (unsigned long)(i + 1), files.paths[i], strerror(errno));
            failed++;
            free(files.paths[i]);
            continue;
        }
        /* Should the harness abort, prove -v shows which input did it. */
        printf("# %s\n", files.paths[i]);
        fflush(stdout);
        LLVMFuzzerTestOneInput(data, size);
        free(data);
        printf("ok %lu - %s (%lu bytes)\n", (unsigned long)(i + 1), files.paths[i], (unsigned long)size);
        fflush(stdout);
        free(files.paths[i]);
    }
    free(files.paths);
    return failed ? 1 : 0;
}
