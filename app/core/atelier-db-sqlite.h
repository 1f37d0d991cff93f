/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-db-sqlite.h: the embedded engine of the statement layer
 *
 * Only app/core/ includes this. The raw handles are for what is SQLite's
 * by nature (the backup API, the search index's function, PRAGMAs, the
 * schema's migrations): each such place says so.
 */
#pragma once

#include <sqlite3.h>

#include "atelier-db.h"

G_BEGIN_DECLS

/* Opens @path (which must exist) read-write, or read-only, for the
 * calling thread alone. Returns: the connection, or %NULL with @error
 * set (%ATELIER_STORE_ERROR_OPEN). */
AtelierDb    *atelier_db_sqlite_open            (const char     *path,
                                                 gboolean        read_only,
                                                 GError        **error);

/* Returns: (nullable): the connection's sqlite3 handle, or %NULL for
 * another engine */
sqlite3      *atelier_db_sqlite_get_handle      (AtelierDb      *db);

/* Returns: (nullable): the statement's sqlite3 handle, or %NULL for
 * another engine */
sqlite3_stmt *atelier_db_sqlite_stmt_get_handle (AtelierDbStmt  *stmt);

/* Words the failure @rc of a raw call on @handle into @error. */
void          atelier_db_sqlite_set_error       (sqlite3        *handle,
                                                 int             rc,
                                                 GError        **error);

G_END_DECLS
