/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-backup.c: copies of a store, taken while it is in use
 *
 * SQLite's online backup API copies the store page by page while other
 * connections keep reading and writing it. The copy is written next to
 * its destination under a temporary name, created readable by its owner
 * only (it holds personal data), switched to a rollback journal so that
 * it is one self-contained file, then renamed over the destination.
 * This is SQLite's variant, on the connection's raw handle: a store on
 * PostgreSQL will need its backup as a copy of its rows (issue 17).
 */
#define G_LOG_DOMAIN "atelier-backup"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "atelier-backup.h"
#include "atelier-db-sqlite.h"
#include "atelier-schema-private.h"
#include "atelier-store-private.h"

#define PAGES_PER_STEP 256
#define BUSY_SLEEP_MS  20

G_DEFINE_QUARK (atelier-backup-error-quark, atelier_backup_error)

static void
set_failed (GError     **error,
            const char  *path,
            const char  *reason)
{
  g_set_error (error, ATELIER_BACKUP_ERROR, ATELIER_BACKUP_ERROR_FAILED,
               _("Could not copy the store to “%s”: %s"), path, reason);
}

/* Copies @source's main database into @dest's, a few pages at a time. */
static int
copy_pages (sqlite3 *dest,
            sqlite3 *source)
{
  sqlite3_backup *backup = sqlite3_backup_init (dest, "main", source, "main");
  int rc;

  if (backup == NULL)
    return sqlite3_errcode (dest);

  do
    {
      rc = sqlite3_backup_step (backup, PAGES_PER_STEP);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (BUSY_SLEEP_MS);
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);

  sqlite3_backup_finish (backup);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static gboolean
write_copy (AtelierStore  *store,
            const char    *temporary,
            const char    *path,
            GError       **error)
{
  sqlite3 *dest = NULL;
  int rc = sqlite3_open_v2 (temporary, &dest, SQLITE_OPEN_READWRITE, NULL);

  if (rc == SQLITE_OK)
    rc = copy_pages (dest, atelier_db_sqlite_get_handle (atelier_store_get_db (store)));
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    set_failed (error, path, dest ? sqlite3_errmsg (dest) : sqlite3_errstr (rc));
  sqlite3_close_v2 (dest);

  return rc == SQLITE_OK;
}

/* A store on a server is the server's to back up (pg_dump): these
 * copies are of a store's file. */
static gboolean
check_is_file (AtelierStore  *store,
               GError       **error)
{
  if (!atelier_store_is_on_server (store))
    return TRUE;
  g_set_error_literal (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_FAILED,
                       _("This store is on a database server: Atelier backs up and restores "
                         "only stores kept in a file. Use the server’s own tools (pg_dump)."));
  return FALSE;
}

/**
 * atelier_backup_to_file:
 * @path: the copy; replaced if it exists
 *
 * Copies the store, as it is at one instant, to @path (mode 0600).
 */
gboolean
atelier_backup_to_file (AtelierStore  *store,
                        const char    *path,
                        GError       **error)
{
  g_autofree char *temporary = NULL;
  int fd;

  g_return_val_if_fail (ATELIER_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!check_is_file (store, error))
    return FALSE;

  temporary = g_strconcat (path, ".XXXXXX", NULL);
  fd = g_mkstemp_full (temporary, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_failed (error, path, g_strerror (errno));
      return FALSE;
    }
  g_close (fd, NULL);

  if (!write_copy (store, temporary, path, error))
    {
      g_unlink (temporary);
      return FALSE;
    }

  if (g_chmod (temporary, 0600) != 0 || g_rename (temporary, path) != 0)
    {
      int saved_errno = errno;
      g_unlink (temporary);
      set_failed (error, path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_backup (sqlite3     *source,
              const char  *path,
              GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int application_id = 0;
  int version = -1;

  if (sqlite3_prepare_v2 (source, "SELECT * FROM pragma_application_id, pragma_user_version",
                          -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      application_id = sqlite3_column_int (stmt, 0);
      version = sqlite3_column_int (stmt, 1);
    }
  sqlite3_finalize (stmt);

  if (application_id != ATELIER_SCHEMA_APPLICATION_ID || version < 1 ||
      version > atelier_schema_latest_version ())
    {
      g_set_error (error, ATELIER_BACKUP_ERROR, ATELIER_BACKUP_ERROR_NOT_A_STORE,
                   _("“%s” is not a backup of an Atelier store this version can read."), path);
      return FALSE;
    }
  return TRUE;
}

/**
 * atelier_backup_restore:
 * @path: a copy written by atelier_backup_to_file()
 *
 * Replaces the whole content of @store by the copy's, then brings it up
 * to this version's schema.
 */
gboolean
atelier_backup_restore (AtelierStore  *store,
                        const char    *path,
                        GError       **error)
{
  sqlite3 *db = atelier_db_sqlite_get_handle (atelier_store_get_db (store));
  sqlite3 *source = NULL;
  int version = 0;
  int rc;

  g_return_val_if_fail (ATELIER_IS_STORE (store), FALSE);

  if (!check_is_file (store, error))
    return FALSE;

  rc = sqlite3_open_v2 (path, &source, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK || !check_backup (source, path, error))
    {
      if (rc != SQLITE_OK)
        g_set_error (error, ATELIER_BACKUP_ERROR, ATELIER_BACKUP_ERROR_NOT_A_STORE,
                     _("“%s” is not a backup of an Atelier store this version can read."), path);
      sqlite3_close_v2 (source);
      return FALSE;
    }

  rc = copy_pages (db, source);
  sqlite3_close_v2 (source);
  if (rc != SQLITE_OK)
    {
      atelier_db_sqlite_set_error (db, rc, error);
      return FALSE;
    }

  {
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
        sqlite3_step (stmt) == SQLITE_ROW)
      version = sqlite3_column_int (stmt, 0);
    sqlite3_finalize (stmt);
  }
  if (!atelier_schema_migrate (db, version, error))
    return FALSE;

  atelier_store_emit_changed (store, "store");
  return TRUE;
}
