/* Who is calling (SPEC section 5): Basic credentials checked against the
 * associate's crypt-style hash, with verified logins cached per process. */
#ifndef SOI_AUTH_H
#define SOI_AUTH_H

#include "http/soi_http.h"

/* Fills q->who, or returns a 401 (or the 503 of a database outage). */
soi_error *soi_auth_identify(soi_req *q);

/* The database found the login changed since it was verified (deleted
 * associate, new password hash): forgets the cached login and verifies the
 * credentials afresh. NULL when they still hold, else a 401. */
soi_error *soi_auth_reverify(soi_req *q);

/* The WWW-Authenticate challenges for the accepted schemes. */
void soi_auth_challenge(soi_req *q);

#endif
