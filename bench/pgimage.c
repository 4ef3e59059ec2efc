/* bench/pgimage: PostgreSQL alone storing and reading pictures the way the
 * module does: soi_image_put with the bytes as one binary parameter,
 * soi_image_get with a binary result, from THREADS connections for SECONDS,
 * each call for a random contact 1..CONTACTS.
 *
 *   pgimage CONNINFO put|get|load THREADS SECONDS FILE CONTACTS ASSOCIATE VERSION
 *
 * "load" stores FILE once for each contact, in order, on one connection.
 * Every call must answer as the module expects (put: done or created; get:
 * done with exactly FILE's length), or pgimage stops with exit status 1.
 * Prints "calls=N seconds=S bytes=B". Built and run by bench/image. */
#include <libpq-fe.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { MAX_THREADS = 256 };

struct job {
    const char *conninfo;
    const char *mode;
    const char *picture;
    int size;
    int contacts;
    double seconds;
    const char *associate;
    const char *version;
};

struct worker {
    const struct job *job;
    unsigned seed;
    long calls;
};

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void fail(PGconn *pg, const char *what, const char *detail)
{
    fprintf(stderr, "pgimage: %s: %s", what, detail ? detail : PQerrorMessage(pg));
    exit(1);
}

/* One call for contact `id`; checks the answer. */
static void call(PGconn *pg, const struct job *job, int id)
{
    int put = strcmp(job->mode, "get") != 0;
    char contact[16];
    snprintf(contact, sizeof(contact), "%d", id);
    const char *values[4] = {contact, job->associate, job->version, job->picture};
    int lengths[4] = {0, 0, 0, job->size};
    int formats[4] = {0, 0, 0, 1};
    PGresult *res = PQexecPrepared(pg, "s", put ? 4 : 3, values, lengths, formats, 1);
    if (PQresultStatus(res) != PGRES_TUPLES_OK || PQntuples(res) != 1)
        fail(pg, "call", PQresultErrorMessage(res));
    const char *outcome = PQgetvalue(res, 0, 0);
    if (put ? strcmp(outcome, "done") != 0 && strcmp(outcome, "created") != 0 : strcmp(outcome, "done") != 0) {
        fprintf(stderr, "pgimage: contact %d: outcome %s\n", id, outcome);
        exit(1);
    }
    if (!put && PQgetlength(res, 0, 6) != job->size) {
        fprintf(stderr, "pgimage: contact %d has %d bytes, not %d\n", id, PQgetlength(res, 0, 6), job->size);
        exit(1);
    }
    PQclear(res);
}

static void *work(void *arg)
{
    struct worker *w = arg;
    const struct job *job = w->job;
    PGconn *pg = PQconnectdb(job->conninfo);
    if (PQstatus(pg) != CONNECTION_OK)
        fail(pg, "connect", NULL);
    int put = strcmp(job->mode, "get") != 0;
    /* The statements the module prepares (outcome first, bytes in column 6). */
    PGresult *prep = PQprepare(pg, "s",
                               put ? "SELECT * FROM public.soi_image_put($1, $2, $3, 0, 0, 'image/png', $4)"
                                   : "SELECT * FROM public.soi_image_get($1, $2, $3, 0, 0)",
                               0, NULL);
    if (PQresultStatus(prep) != PGRES_COMMAND_OK)
        fail(pg, "prepare", PQresultErrorMessage(prep));
    PQclear(prep);
    if (strcmp(job->mode, "load") == 0) {
        for (int id = 1; id <= job->contacts; id++, w->calls++)
            call(pg, job, id);
    } else {
        double end = now() + job->seconds;
        while (now() < end) {
            call(pg, job, 1 + (int)((unsigned)rand_r(&w->seed) % (unsigned)job->contacts));
            w->calls++;
        }
    }
    PQfinish(pg);
    return NULL;
}

static char *slurp(const char *path, int *size)
{
    FILE *f = fopen(path, "rb");
    if (!f || fseek(f, 0, SEEK_END) != 0) {
        perror(path);
        exit(1);
    }
    long n = ftell(f);
    rewind(f);
    char *bytes = malloc(n > 0 ? (size_t)n : 1);
    if (n <= 0 || n > 1L << 30 || !bytes || fread(bytes, 1, (size_t)n, f) != (size_t)n) {
        fprintf(stderr, "pgimage: cannot read %s (or it is empty, or above 1 GiB)\n", path);
        exit(1);
    }
    fclose(f);
    *size = (int)n;
    return bytes;
}

int main(int argc, char **argv)
{
    if (argc != 9 || (strcmp(argv[2], "put") != 0 && strcmp(argv[2], "get") != 0 && strcmp(argv[2], "load") != 0)) {
        fprintf(stderr, "usage: pgimage CONNINFO put|get|load THREADS SECONDS FILE CONTACTS ASSOCIATE VERSION\n");
        return 2;
    }
    struct job job = {.conninfo = argv[1],
                      .mode = argv[2],
                      .seconds = atof(argv[4]),
                      .contacts = atoi(argv[6]),
                      .associate = argv[7],
                      .version = argv[8]};
    int threads = strcmp(job.mode, "load") == 0 ? 1 : atoi(argv[3]);
    if (threads < 1 || threads > MAX_THREADS || job.contacts < 1) {
        fprintf(stderr, "pgimage: THREADS must be 1..%d and CONTACTS at least 1\n", MAX_THREADS);
        return 2;
    }
    job.picture = slurp(argv[5], &job.size);

    pthread_t t[MAX_THREADS];
    struct worker w[MAX_THREADS];
    double start = now();
    for (int i = 0; i < threads; i++) {
        w[i] = (struct worker){.job = &job, .seed = 7919u * (unsigned)(i + 1) + (unsigned)start};
        if (pthread_create(&t[i], NULL, work, &w[i]) != 0) {
            fprintf(stderr, "pgimage: cannot start thread %d\n", i);
            return 1;
        }
    }
    long total = 0;
    for (int i = 0; i < threads; i++) {
        pthread_join(t[i], NULL);
        total += w[i].calls;
    }
    printf("calls=%ld seconds=%.3f bytes=%d\n", total, now() - start, job.size);
    return 0;
}
