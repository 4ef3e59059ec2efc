/* The status page (SetHandler soimageinfo-status) and the module's section
 * of mod_status's server-status: what every httpd process's counters say,
 * and their sum. */
#ifndef SOI_STATUS_H
#define SOI_STATUS_H

#include "http/soi_http.h"

#define SOI_STATUS_HANDLER "soimageinfo-status"

/* The shared table, made once and kept across restarts (post_config). */
soi_stats_table *soi_status_table(server_rec *s);

/* This process's slot (child_init): claimed, and given back when pchild
 * goes; NULL when none is free. */
soi_stats *soi_status_claim(soi_stats_table *t, apr_pool_t *pchild, server_rec *s);

/* The page: HTML, or with ?auto plain "Key: value" lines. */
int soi_status_page(request_rec *r, const soi_stats_table *t);

/* mod_status's hook: the same, as a section of server-status. */
void soi_status_register(void);

#endif
