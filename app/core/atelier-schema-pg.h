/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-schema-pg.h: the store's schema on a PostgreSQL server */
#pragma once

#include "atelier-db.h"

G_BEGIN_DECLS

/* The format a PostgreSQL store is brought to: the same numbering as the
 * SQLite steps (atelier_schema_latest_version()). */
int      atelier_schema_pg_latest_version (void);

/* The format recorded in the connection's schema (its search_path's
 * first), 0 when it holds no store yet, -1 with @error set. */
int      atelier_schema_pg_read_version   (AtelierDb  *db,
                                           GError    **error);

/* Makes a store in an empty schema, at the latest format, or brings an
 * older one up to it, in one transaction. A schema holding other tables,
 * or a store of a newer format (ATELIER_STORE_ERROR_TOO_NEW), is refused
 * and left as it is. */
gboolean atelier_schema_pg_migrate        (AtelierDb  *db,
                                           GError    **error);

G_END_DECLS
