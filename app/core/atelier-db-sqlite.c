/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-db-sqlite.c: the statement layer on SQLite
 *
 * A thin mapping of the layer's calls onto the sqlite3 API: statements
 * are prepared persistent (the layer caches them for the connection's
 * life), failures are worded by atelier_db_set_error() from SQLite's
 * extended result code and its message, where constraint names appear.
 */
#define G_LOG_DOMAIN "atelier-db"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "atelier-db-private.h"
#include "atelier-db-sqlite.h"
#include "atelier-store.h"

typedef struct
{
  AtelierDb  parent;
  sqlite3   *handle;
  guint      busy_timeout_ms;
} SqliteDb;

typedef struct
{
  AtelierDbStmt  parent;
  sqlite3_stmt  *handle;
} SqliteStmt;

static const AtelierDbEngineClass sqlite_class;

#define SQLITE_DB(db)     ((SqliteDb *) (db))
#define SQLITE_STMT(stmt) ((SqliteStmt *) (stmt))

static AtelierDbFailure
failure_for_code (sqlite3 *handle,
                  int      rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return ATELIER_DB_FAILURE_BUSY;
    case SQLITE_CONSTRAINT:
      if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
        return ATELIER_DB_FAILURE_UNIQUE;
      /* ON DELETE RESTRICT reports itself as a trigger, not as a
       * foreign key: its message says which it is. */
      if (rc == SQLITE_CONSTRAINT_FOREIGNKEY ||
          strstr (sqlite3_errmsg (handle), "FOREIGN KEY") != NULL)
        return ATELIER_DB_FAILURE_FOREIGN_KEY;
      return ATELIER_DB_FAILURE_CONSTRAINT;
    case SQLITE_FULL:
      return ATELIER_DB_FAILURE_FULL;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return ATELIER_DB_FAILURE_READ_ONLY;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return ATELIER_DB_FAILURE_DAMAGED;
    case SQLITE_IOERR:
      return ATELIER_DB_FAILURE_IO;
    default:
      return ATELIER_DB_FAILURE_OTHER;
    }
}

void
atelier_db_sqlite_set_error (sqlite3  *handle,
                             int       rc,
                             GError  **error)
{
  atelier_db_set_error (failure_for_code (handle, rc),
                        handle != NULL ? sqlite3_errmsg (handle) : sqlite3_errstr (rc),
                        error);
}

AtelierDb *
atelier_db_sqlite_open (const char  *path,
                        gboolean     read_only,
                        GError     **error)
{
  /* A connection is used by the thread that opened it alone (long work
   * opens its own): SQLite need not lock it at every call. */
  int flags = SQLITE_OPEN_NOMUTEX | (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE);
  sqlite3 *handle = NULL;
  SqliteDb *db;

  if (sqlite3_open_v2 (path, &handle, flags, NULL) != SQLITE_OK)
    {
      g_set_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_OPEN,
                   _("Could not open the store “%s”: %s"),
                   path, handle ? sqlite3_errmsg (handle) : g_strerror (ENOMEM));
      sqlite3_close_v2 (handle);
      return NULL;
    }

  sqlite3_extended_result_codes (handle, 1);

  db = g_new0 (SqliteDb, 1);
  atelier_db_init (&db->parent, &sqlite_class);
  db->handle = handle;
  return &db->parent;
}

sqlite3 *
atelier_db_sqlite_get_handle (AtelierDb *db)
{
  if (db == NULL || db->klass != &sqlite_class)
    return NULL;
  return SQLITE_DB (db)->handle;
}

sqlite3_stmt *
atelier_db_sqlite_stmt_get_handle (AtelierDbStmt *stmt)
{
  if (stmt == NULL || stmt->db->klass != &sqlite_class)
    return NULL;
  return SQLITE_STMT (stmt)->handle;
}

static void
sqlite_close (AtelierDb *db)
{
  sqlite3_close_v2 (SQLITE_DB (db)->handle);
  g_free (db);
}

static AtelierDbStmt *
sqlite_prepare (AtelierDb   *db,
                const char  *sql,
                GError     **error)
{
  sqlite3 *handle = SQLITE_DB (db)->handle;
  sqlite3_stmt *stmt_handle = NULL;
  SqliteStmt *stmt;
  int rc;

  rc = sqlite3_prepare_v3 (handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt_handle, NULL);
  if (rc != SQLITE_OK)
    {
      atelier_db_sqlite_set_error (handle, rc, error);
      return NULL;
    }

  stmt = g_new0 (SqliteStmt, 1);
  stmt->handle = stmt_handle;
  return &stmt->parent;
}

static void
sqlite_stmt_free (AtelierDbStmt *stmt)
{
  sqlite3_finalize (SQLITE_STMT (stmt)->handle);
  g_free (stmt);
}

static gboolean
sqlite_exec (AtelierDb   *db,
             const char  *sql,
             GError     **error)
{
  sqlite3 *handle = SQLITE_DB (db)->handle;
  int rc = sqlite3_exec (handle, sql, NULL, NULL, NULL);

  if (rc == SQLITE_OK)
    return TRUE;

  atelier_db_sqlite_set_error (handle, rc, error);
  return FALSE;
}

/* The write lock first, so that two processes serialise instead of
 * deciding on stale seats. */
static gboolean
sqlite_begin (AtelierDb  *db,
              GError    **error)
{
  return sqlite_exec (db, "BEGIN IMMEDIATE", error);
}

static gboolean
sqlite_in_transaction (AtelierDb *db)
{
  return !sqlite3_get_autocommit (SQLITE_DB (db)->handle);
}

static gint64
sqlite_changes (AtelierDb *db)
{
  return sqlite3_changes64 (SQLITE_DB (db)->handle);
}

static guint
sqlite_set_busy_timeout (AtelierDb *db,
                         guint      milliseconds)
{
  SqliteDb *self = SQLITE_DB (db);
  guint before = self->busy_timeout_ms;

  self->busy_timeout_ms = milliseconds;
  sqlite3_busy_timeout (self->handle, (int) MIN (milliseconds, G_MAXINT));
  return before;
}

static void
sqlite_bind_int64 (AtelierDbStmt *stmt,
                   int            index,
                   gint64         value)
{
  sqlite3_bind_int64 (SQLITE_STMT (stmt)->handle, index, value);
}

static void
sqlite_bind_double (AtelierDbStmt *stmt,
                    int            index,
                    double         value)
{
  sqlite3_bind_double (SQLITE_STMT (stmt)->handle, index, value);
}

static void
sqlite_bind_text (AtelierDbStmt *stmt,
                  int            index,
                  const char    *value)
{
  if (value == NULL)
    sqlite3_bind_null (SQLITE_STMT (stmt)->handle, index);
  else
    sqlite3_bind_text (SQLITE_STMT (stmt)->handle, index, value, -1, SQLITE_TRANSIENT);
}

static void
sqlite_bind_null (AtelierDbStmt *stmt,
                  int            index)
{
  sqlite3_bind_null (SQLITE_STMT (stmt)->handle, index);
}

static AtelierDbStep
sqlite_step (AtelierDbStmt  *stmt,
             GError        **error)
{
  sqlite3_stmt *handle = SQLITE_STMT (stmt)->handle;
  int rc = sqlite3_step (handle);

  if (rc == SQLITE_ROW)
    return ATELIER_DB_STEP_ROW;
  if (rc == SQLITE_DONE)
    return ATELIER_DB_STEP_DONE;

  /* The message is read before the reset, which may replace it. */
  atelier_db_sqlite_set_error (sqlite3_db_handle (handle), rc, error);
  sqlite3_reset (handle);
  return ATELIER_DB_STEP_ERROR;
}

static void
sqlite_reset (AtelierDbStmt *stmt)
{
  sqlite3_reset (SQLITE_STMT (stmt)->handle);
  sqlite3_clear_bindings (SQLITE_STMT (stmt)->handle);
}

static int
sqlite_column_count (AtelierDbStmt *stmt)
{
  return sqlite3_column_count (SQLITE_STMT (stmt)->handle);
}

static const char *
sqlite_column_name (AtelierDbStmt *stmt,
                    int            column)
{
  return sqlite3_column_name (SQLITE_STMT (stmt)->handle, column);
}

static gboolean
sqlite_column_is_null (AtelierDbStmt *stmt,
                       int            column)
{
  return sqlite3_column_type (SQLITE_STMT (stmt)->handle, column) == SQLITE_NULL;
}

static gint64
sqlite_column_int64 (AtelierDbStmt *stmt,
                     int            column)
{
  return sqlite3_column_int64 (SQLITE_STMT (stmt)->handle, column);
}

static double
sqlite_column_double (AtelierDbStmt *stmt,
                      int            column)
{
  return sqlite3_column_double (SQLITE_STMT (stmt)->handle, column);
}

static const char *
sqlite_column_text (AtelierDbStmt *stmt,
                    int            column)
{
  return (const char *) sqlite3_column_text (SQLITE_STMT (stmt)->handle, column);
}

static void
sqlite_bind_blob (AtelierDbStmt *stmt,
                  int            index,
                  GBytes        *value)
{
  gsize size;
  gconstpointer data = g_bytes_get_data (value, &size);

  /* A zero-length blob bound with a NULL pointer would read as NULL. */
  sqlite3_bind_blob64 (SQLITE_STMT (stmt)->handle, index, data != NULL ? data : "", size,
                       SQLITE_TRANSIENT);
}

static GBytes *
sqlite_column_blob (AtelierDbStmt *stmt,
                    int            column)
{
  sqlite3_stmt *handle = SQLITE_STMT (stmt)->handle;
  const void *data;

  if (sqlite3_column_type (handle, column) == SQLITE_NULL)
    return NULL;
  data = sqlite3_column_blob (handle, column);
  return g_bytes_new (data, sqlite3_column_bytes (handle, column));
}

static const AtelierDbEngineClass sqlite_class = {
  .kind = ATELIER_DB_SQLITE,
  .close = sqlite_close,
  .prepare = sqlite_prepare,
  .stmt_free = sqlite_stmt_free,
  .exec = sqlite_exec,
  .begin = sqlite_begin,
  .in_transaction = sqlite_in_transaction,
  .changes = sqlite_changes,
  .set_busy_timeout = sqlite_set_busy_timeout,
  .bind_int64 = sqlite_bind_int64,
  .bind_double = sqlite_bind_double,
  .bind_text = sqlite_bind_text,
  .bind_null = sqlite_bind_null,
  .bind_blob = sqlite_bind_blob,
  .step = sqlite_step,
  .reset = sqlite_reset,
  .column_count = sqlite_column_count,
  .column_name = sqlite_column_name,
  .column_is_null = sqlite_column_is_null,
  .column_int64 = sqlite_column_int64,
  .column_double = sqlite_column_double,
  .column_text = sqlite_column_text,
  .column_blob = sqlite_column_blob,
};
