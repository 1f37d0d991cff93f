/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-db-pg.h: the statement layer on a PostgreSQL server (libpq)
 *
 * Only app/core/ includes this. A store shared by several devices is
 * opened by a postgresql:// (or postgres://) URI; the password is given
 * apart, never in the URI, and never appears in a message.
 */
#pragma once

#include "atelier-db.h"

G_BEGIN_DECLS

/* Whether @uri names a PostgreSQL store rather than a file. */
gboolean   atelier_db_pg_is_uri             (const char  *uri);

/* Connects to the server of @uri with @password (NULL when the server
 * asks for none). A host that is not this computer is reached over TLS
 * only: `sslmode` is `require` by default, `verify-full` when a CA file
 * is given (`sslrootcert`), and disable, allow or prefer are refused.
 * Errors are in ATELIER_STORE_ERROR: OPEN for a URI refused or a wrong
 * password or database, OFFLINE for a server that cannot be reached. */
AtelierDb *atelier_db_pg_open               (const char  *uri,
                                             const char  *password,
                                             GError     **error);

/* The `sslmode` a connection to @uri uses, or NULL for a local server
 * (a Unix socket or the loopback address), where libpq's default is
 * kept; NULL with @error set when @uri is refused. */
char      *atelier_db_pg_tls_mode           (const char  *uri,
                                             GError     **error);

/* @sql with SQLite's parameters (?NNN and ?) written as PostgreSQL's
 * ($NNN), leaving string literals, quoted identifiers and comments as
 * they are; @n_parameters is set to the highest index used. */
char      *atelier_db_pg_rewrite_parameters (const char  *sql,
                                             int         *n_parameters);

G_END_DECLS
