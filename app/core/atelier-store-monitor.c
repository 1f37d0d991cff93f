/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-store-monitor.c: notices what other processes write to a store
 *
 * The store emits "changed" for its own writes. A write by another
 * connection (the CLI, a second instance, a timer sending mail) only
 * shows in SQLite's `PRAGMA data_version`, which changes when another
 * connection commits. Rather than asking on a timer, the monitor watches
 * the store's file and its write-ahead log, and asks SQLite only when one
 * of them was written; our own writes touch the log too, but leave
 * data_version alone. Since nothing says which tables another process
 * changed, each table a view may show is announced once.
 */
#define G_LOG_DOMAIN "atelier-store-monitor"

#include "config.h"

#include <gio/gio.h>

#include "atelier-store-monitor.h"
#include "atelier-store-private.h"

/* Events closer than this are read as one write. */
#define RATE_LIMIT_MS 100

struct _AtelierStoreMonitor
{
  GObject       parent_instance;

  AtelierStore *store;         /* weak */
  GFileMonitor *file_monitor;
  GFileMonitor *wal_monitor;
  gint64        data_version;
  guint         check_source;
};

G_DEFINE_FINAL_TYPE (AtelierStoreMonitor, atelier_store_monitor, G_TYPE_OBJECT)

static const char *const tables[] = {
  "workshops", "sessions", "registrations", "customers", "tags", "settings",
  "contacts", "policies", "store",
};

static gboolean
read_data_version (AtelierStoreMonitor *self,
                   gint64              *version)
{
  g_autoptr(GError) error = NULL;
  AtelierDbStmt *stmt;

  /* SQLite's variant: a server's store has no data version, and will
   * be watched by LISTEN/NOTIFY instead; until then it sees no other
   * device's change, rather than failing at every check. */
  if (atelier_store_is_on_server (self->store))
    return FALSE;

  stmt = atelier_store_prepare (self->store, "PRAGMA data_version", &error);
  if (stmt == NULL)
    {
      g_debug ("Cannot read the data version: %s", error->message);
      return FALSE;
    }
  if (atelier_db_stmt_step (stmt, &error) != ATELIER_DB_STEP_ROW)
    {
      atelier_db_stmt_reset (stmt);
      return FALSE;
    }
  *version = atelier_db_stmt_column_int64 (stmt, 0);
  atelier_db_stmt_reset (stmt);
  return TRUE;
}

/**
 * atelier_store_monitor_check_now:
 *
 * Asks SQLite whether another connection committed since the last time,
 * and if so emits the store's "changed" signal for every table.
 *
 * Returns: whether another connection had written
 */
gboolean
atelier_store_monitor_check_now (AtelierStoreMonitor *self)
{
  gint64 version;

  g_return_val_if_fail (ATELIER_IS_STORE_MONITOR (self), FALSE);

  if (self->store == NULL || !read_data_version (self, &version) || version == self->data_version)
    return FALSE;

  self->data_version = version;
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    atelier_store_emit_changed (self->store, tables[i]);
  return TRUE;
}

static gboolean
check_cb (gpointer user_data)
{
  AtelierStoreMonitor *self = user_data;

  self->check_source = 0;
  atelier_store_monitor_check_now (self);
  return G_SOURCE_REMOVE;
}

static void
on_file_changed_cb (GFileMonitor        *monitor,
                    GFile               *file,
                    GFile               *other_file,
                    GFileMonitorEvent    event,
                    AtelierStoreMonitor *self)
{
  if (event != G_FILE_MONITOR_EVENT_CHANGED &&
      event != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT &&
      event != G_FILE_MONITOR_EVENT_CREATED)
    return;

  /* Several events of one commit, and a burst of commits, make one check,
   * run when the main loop is free. */
  if (self->check_source == 0)
    {
      self->check_source = g_idle_add (check_cb, self);
      g_source_set_name_by_id (self->check_source, "[atelier] check the store's data version");
    }
}

static GFileMonitor *
watch (AtelierStoreMonitor *self,
       const char          *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GFileMonitor *monitor = g_file_monitor_file (file, G_FILE_MONITOR_NONE, NULL, &error);

  if (monitor == NULL)
    {
      g_debug ("Cannot watch %s: %s", path, error->message);
      return NULL;
    }
  g_file_monitor_set_rate_limit (monitor, RATE_LIMIT_MS);
  g_signal_connect_object (monitor, "changed", G_CALLBACK (on_file_changed_cb), self, 0);
  return monitor;
}

static void
atelier_store_monitor_dispose (GObject *object)
{
  AtelierStoreMonitor *self = ATELIER_STORE_MONITOR (object);

  g_clear_handle_id (&self->check_source, g_source_remove);
  if (self->file_monitor != NULL)
    g_file_monitor_cancel (self->file_monitor);
  if (self->wal_monitor != NULL)
    g_file_monitor_cancel (self->wal_monitor);
  g_clear_object (&self->file_monitor);
  g_clear_object (&self->wal_monitor);
  g_clear_weak_pointer (&self->store);

  G_OBJECT_CLASS (atelier_store_monitor_parent_class)->dispose (object);
}

static void
atelier_store_monitor_class_init (AtelierStoreMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atelier_store_monitor_dispose;
}

static void
atelier_store_monitor_init (AtelierStoreMonitor *self)
{
  self->data_version = -1;
}

/**
 * atelier_store_monitor_new:
 *
 * Watches @store for writes by other connections from the thread-default
 * main context, for as long as the monitor lives (it holds no reference
 * to @store).
 *
 * Returns: (transfer full): a new monitor
 */
AtelierStoreMonitor *
atelier_store_monitor_new (AtelierStore *store)
{
  AtelierStoreMonitor *self;
  const char *path;
  g_autofree char *wal_path = NULL;

  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  self = g_object_new (ATELIER_TYPE_STORE_MONITOR, NULL);
  g_set_weak_pointer (&self->store, store);
  read_data_version (self, &self->data_version);

  path = atelier_store_get_path (store);
  if (path == NULL)
    return self;
  wal_path = g_strconcat (path, "-wal", NULL);
  self->file_monitor = watch (self, path);
  self->wal_monitor = watch (self, wal_path);
  return self;
}
