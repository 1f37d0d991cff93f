/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-store.c: one store's database: workshops, sessions, customers,
 * registrations
 *
 * The store owns one connection of the statement layer (atelier-db.h);
 * opening a file and bringing its schema up to date are SQLite's. Entities are read and written by
 * property name (see atelier-record-private.h), so that the four entity
 * types share one insert, one update, one read and one delete.
 */
#define G_LOG_DOMAIN "atelier-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atelier-contact.h"
#include "atelier-db-pg.h"
#include "atelier-db-sqlite.h"
#include "atelier-record-private.h"
#include "atelier-schema-pg.h"
#include "atelier-schema-private.h"
#include "atelier-store-private.h"

#define BUSY_TIMEOUT_MS 15000

struct _AtelierStore
{
  GObject     parent_instance;

  char       *path;
  AtelierDb  *db;
  gboolean    read_only;
};

G_DEFINE_FINAL_TYPE (AtelierStore, atelier_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_QUARK (atelier-store-error-quark, atelier_store_error)

/* What the store needs to know of each entity type. */
typedef struct
{
  GType      (*get_type) (void);
  const char  *table;
  const char  *view;         /* read through this, for derived columns */
  const char  *not_found;    /* printf format taking the id */
  const char  *in_use;       /* a delete refused by a foreign key */
  const char  *missing_ref;  /* an insert or update refused by one */
} EntityInfo;

static const EntityInfo entities[] = {
  { atelier_workshop_get_type, "workshops", "workshops",
    N_("There is no workshop number %s."),
    N_("This workshop still has sessions; delete or cancel them first."),
    NULL },
  { atelier_session_get_type, "sessions", "session_overview",
    N_("There is no session number %s."),
    N_("This session still has registrations; cancel the session instead."),
    N_("The session’s workshop does not exist.") },
  { atelier_customer_get_type, "customers", "customers",
    N_("There is no customer number %s."),
    N_("This customer has registrations; their history is kept."),
    NULL },
  { atelier_registration_get_type, "registrations", "registration_overview",
    N_("There is no registration number %s."),
    NULL,
    N_("The registration’s session or customer does not exist.") },
};

/* The formats come from the table above, each taking the id as a string
 * (xgettext cannot see through G_GINT64_FORMAT). */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static void
set_not_found (const EntityInfo  *info,
               gint64             id,
               GError           **error)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  g_set_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_NOT_FOUND, _(info->not_found), number);
}
#pragma GCC diagnostic pop

static const EntityInfo *
entity_for_type (GType type)
{
  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    if (entities[i].get_type () == type)
      return &entities[i];

  g_assert_not_reached ();
}

void
atelier_store_set_not_found (GType    type,
                             gint64   id,
                             GError **error)
{
  set_not_found (entity_for_type (type), id, error);
}

static void
atelier_store_finalize (GObject *object)
{
  AtelierStore *self = (AtelierStore *)object;

  g_clear_pointer (&self->db, atelier_db_close);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (atelier_store_parent_class)->finalize (object);
}

static void
atelier_store_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AtelierStore *self = ATELIER_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_store_class_init (AtelierStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atelier_store_finalize;
  object_class->get_property = atelier_store_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AtelierStore::changed:
   * @table: the table that changed ("sessions", "registrations"...)
   *
   * Emitted after a write is committed; the detail is the table too.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
atelier_store_init (AtelierStore *self)
{
}

int
atelier_store_schema_version (void)
{
  return atelier_schema_latest_version ();
}

/**
 * atelier_store_dup_default_path:
 *
 * Returns: (transfer full): where the store lives when no path is given
 */
char *
atelier_store_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "atelier", "store.db", NULL);
}

/* The file holds personal data: create it readable by its owner only,
 * before SQLite opens it (SQLite gives its -wal and -shm files the same
 * mode). */
static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_OPEN,
                   _("Could not create the folder “%s”: %s"),
                   dir, g_strerror (saved_errno));
      return FALSE;
    }

  fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_OPEN,
                   _("Could not create the store “%s”: %s"),
                   path, g_strerror (saved_errno));
      return FALSE;
    }

  fchmod (fd, 0600);
  g_close (fd, NULL);
  return TRUE;
}

/* Whether the file starts as every SQLite database does: then a file
 * that cannot be read is a damaged store, not some other file. */
static gboolean
has_sqlite_header (const char *path)
{
  static const char magic[16] = "SQLite format 3";
  char header[16] = { 0 };
  FILE *file = g_fopen (path, "rbe");
  gboolean found;

  if (file == NULL)
    return FALSE;
  found = fread (header, 1, sizeof header, file) == sizeof header &&
          memcmp (header, magic, sizeof magic) == 0;
  fclose (file);
  return found;
}

static void
set_damaged_error (const char  *path,
                   const char  *detail,
                   GError     **error)
{
  g_set_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_DAMAGED,
               _("The store “%s” is damaged (%s). Atelier did not write to it: put your last "
                 "backup in its place, and keep the damaged file for an expert."),
               path, detail);
}

static gboolean
query_int (sqlite3     *db,
           const char  *sql,
           int         *out,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out = sqlite3_column_int (stmt, 0);
  else if ((rc & 0xff) == SQLITE_CORRUPT ||
           ((rc & 0xff) == SQLITE_NOTADB && has_sqlite_header (sqlite3_db_filename (db, "main"))))
    set_damaged_error (sqlite3_db_filename (db, "main"), sqlite3_errmsg (db), error);
  else
    g_set_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_OPEN,
                 _("This file is not an Atelier store: %s"), sqlite3_errmsg (db));
  sqlite3_finalize (stmt);

  return rc == SQLITE_ROW;
}

/* Everything is read before anything is written, so that a refused file
 * is left exactly as it was. */
static gboolean
check_file_is_ours (sqlite3     *db,
                    int         *version,
                    GError     **error)
{
  int application_id = 0;
  int n_objects = 0;

  if (!query_int (db, "PRAGMA user_version", version, error) ||
      !query_int (db, "PRAGMA application_id", &application_id, error) ||
      !query_int (db, "SELECT count(*) FROM sqlite_schema", &n_objects, error))
    return FALSE;

  if ((application_id != 0 && application_id != ATELIER_SCHEMA_APPLICATION_ID) ||
      (application_id == 0 && n_objects > 0))
    {
      g_set_error_literal (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_OPEN,
                           _("This file is a database of another program, not an Atelier store."));
      return FALSE;
    }

  /* Formats come one at a time: a number far beyond this version's, or
   * below zero, is a damaged header rather than a newer Atelier. */
  if (*version < 0 || *version > atelier_schema_latest_version () + 100)
    {
      g_autofree char *detail = g_strdup_printf (_("its format number, %d, makes no sense"), *version);
      set_damaged_error (sqlite3_db_filename (db, "main"), detail, error);
      return FALSE;
    }

  if (*version > atelier_schema_latest_version ())
    {
      g_set_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_TOO_NEW,
                   _("This store was written by a newer version of Atelier (format %d; "
                     "this version reads up to format %d). Update Atelier to open it."),
                   *version, atelier_schema_latest_version ());
      return FALSE;
    }

  return TRUE;
}

static gboolean
configure_connection (sqlite3   *db,
                      gboolean   read_only,
                      GError   **error)
{
  /* A read-only connection keeps the journal the file has. */
  const char *pragmas = read_only ? "PRAGMA foreign_keys = ON;" :
    "PRAGMA journal_mode = WAL;"
    "PRAGMA synchronous = NORMAL;"
    /* Statement journals of big transactions (an import) stay in memory
     * instead of going through temporary files. */
    "PRAGMA temp_store = MEMORY;"
    "PRAGMA foreign_keys = ON;";
  char *message = NULL;

  if (sqlite3_exec (db, pragmas, NULL, NULL, &message) == SQLITE_OK)
    return TRUE;

  g_set_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_OPEN,
               _("The store could not be opened: %s"), message);
  sqlite3_free (message);
  return FALSE;
}

/* An existing file of no byte (its log empty too) holds no store: one
 * truncated by accident, or a new file. Which one, the user says. */
static gboolean
check_not_empty (const char  *path,
                 GError     **error)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st;

  if (g_stat (path, &st) != 0 || st.st_size > 0 ||
      (g_stat (wal, &st) == 0 && st.st_size > 0))
    return TRUE;

  g_set_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_EMPTY_FILE,
               _("The file “%s” is empty: it holds no store. If it was a store, put your last "
                 "backup in its place; to start a new store there, delete the empty file."),
               path);
  return FALSE;
}

/* Whether the file and its folder (where SQLite keeps the log) can be
 * written: a read-only mount, or another user's file, cannot. */
static gboolean
can_write (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  return g_access (path, W_OK) == 0 && g_access (dir, W_OK) == 0;
}

/* A read-only store must be in this version's format: an older one
 * would need its schema brought up to date, which is a write. */
static gboolean
check_read_only_version (AtelierStore  *self,
                         int            version,
                         GError       **error)
{
  if (!self->read_only || version == atelier_schema_latest_version ())
    return TRUE;

  g_set_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_READ_ONLY,
               _("The store “%s” cannot be written, and it is in an older format that "
                 "Atelier must update before reading it. Open it where it can be written."),
               self->path);
  return FALSE;
}

/* A store on a PostgreSQL server: the schema is made in an empty
 * database, or brought up to date; a newer one is refused untouched. */
static AtelierStore *
open_server_store (const char             *uri,
                   const char             *password,
                   AtelierStoreOpenFlags   flags,
                   GError                **error)
{
  g_autoptr(AtelierStore) self = g_object_new (ATELIER_TYPE_STORE, NULL);
  int version;

  /* The URI never holds a password (atelier_db_pg_open() refuses one),
   * so it can be shown as it is. */
  self->path = g_strdup (uri);
  self->read_only = (flags & ATELIER_STORE_OPEN_READ_ONLY) != 0;
  self->db = atelier_db_pg_open (uri, password, error);
  if (self->db == NULL)
    return NULL;

  atelier_store_set_busy_timeout (self, BUSY_TIMEOUT_MS);

  version = atelier_schema_pg_read_version (self->db, error);
  if (version < 0)
    return NULL;
  if (version > atelier_schema_pg_latest_version ())
    {
      g_set_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_TOO_NEW,
                   _("This store was written by a newer version of Atelier (format %d; "
                     "this version reads up to format %d). Update Atelier to open it."),
                   version, atelier_schema_pg_latest_version ());
      return NULL;
    }
  if (!check_read_only_version (self, version, error) ||
      (!self->read_only && !atelier_schema_pg_migrate (self->db, error)))
    return NULL;

  return g_steal_pointer (&self);
}

/* Whether @location names a store on a PostgreSQL server (a
 * postgresql:// or postgres:// URI) rather than a file. */
gboolean
atelier_store_location_is_server (const char *location)
{
  return location != NULL && atelier_db_pg_is_uri (location);
}

/**
 * atelier_store_open_with_password:
 * @location: the store's file, or a `postgresql://` (or `postgres://`)
 *   URI of a store on a server, without a password
 * @flags: as for atelier_store_open_full()
 * @password: (nullable): the server's password; ignored for a file
 *
 * atelier_store_open_full(), with the password a server asks for.
 * A server that cannot be reached is %ATELIER_STORE_ERROR_OFFLINE, a
 * refused password %ATELIER_STORE_ERROR_OPEN.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
AtelierStore *
atelier_store_open_with_password (const char             *location,
                                  AtelierStoreOpenFlags   flags,
                                  const char             *password,
                                  GError                **error)
{
  g_return_val_if_fail (location != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (atelier_db_pg_is_uri (location))
    return open_server_store (location, password, flags, error);
  return atelier_store_open_full (location, flags, error);
}

/**
 * atelier_store_open_full:
 * @path: the store's file; created (mode 0600) if it does not exist, or
 *   a `postgresql://` URI of a server that asks for no password
 * @flags: %ATELIER_STORE_OPEN_INIT_EMPTY_FILE to make a new store in an
 *   existing empty file; %ATELIER_STORE_OPEN_READ_ONLY never to write
 *
 * Opens a store, bringing its schema up to date. A file written by a
 * newer Atelier is refused with %ATELIER_STORE_ERROR_TOO_NEW, a damaged
 * one with %ATELIER_STORE_ERROR_DAMAGED, an existing empty file (unless
 * @flags say to make a store in it) with %ATELIER_STORE_ERROR_EMPTY_FILE;
 * each is left untouched. A file that cannot be written (a read-only
 * mount) is opened read-only: reading works, and every change fails
 * with %ATELIER_STORE_ERROR_READ_ONLY.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
AtelierStore *
atelier_store_open_full (const char             *path,
                         AtelierStoreOpenFlags   flags,
                         GError                **error)
{
  g_autoptr(AtelierStore) self = NULL;
  sqlite3 *handle;
  int version = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (atelier_db_pg_is_uri (path))
    return open_server_store (path, NULL, flags, error);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if ((flags & ATELIER_STORE_OPEN_READ_ONLY) != 0)
        {
          g_set_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_OPEN,
                       _("There is no store at “%s”."), path);
          return NULL;
        }
      if (!create_private_file (path, error))
        return NULL;
    }
  else if ((flags & ATELIER_STORE_OPEN_INIT_EMPTY_FILE) == 0 && !check_not_empty (path, error))
    return NULL;

  self = g_object_new (ATELIER_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->read_only = (flags & ATELIER_STORE_OPEN_READ_ONLY) != 0 || !can_write (path);

  self->db = atelier_db_sqlite_open (path, self->read_only, error);
  if (self->db == NULL)
    return NULL;

  atelier_store_set_busy_timeout (self, BUSY_TIMEOUT_MS);

  /* A file's header, PRAGMAs and DDL are SQLite's. */
  handle = atelier_db_sqlite_get_handle (self->db);
  if (!check_file_is_ours (handle, &version, error) ||
      !check_read_only_version (self, version, error) ||
      !configure_connection (handle, self->read_only, error) ||
      (!self->read_only && !atelier_schema_migrate (handle, version, error)))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * atelier_store_open:
 *
 * atelier_store_open_full() with no flags.
 */
AtelierStore *
atelier_store_open (const char  *path,
                    GError     **error)
{
  return atelier_store_open_full (path, ATELIER_STORE_OPEN_DEFAULT, error);
}

/* Whether the store was opened read-only: every change is refused. */
gboolean
atelier_store_is_read_only (AtelierStore *self)
{
  g_return_val_if_fail (ATELIER_IS_STORE (self), TRUE);

  return self->read_only;
}

/* Whether the store lives on a server rather than in a file: the
 * file's features (backup, its checks, its monitor) are not there. */
gboolean
atelier_store_is_on_server (AtelierStore *self)
{
  g_return_val_if_fail (ATELIER_IS_STORE (self), FALSE);

  return atelier_db_get_kind (self->db) == ATELIER_DB_POSTGRESQL;
}

const char *
atelier_store_get_path (AtelierStore *self)
{
  g_return_val_if_fail (ATELIER_IS_STORE (self), NULL);

  return self->path;
}

/* Returns: how long the wait was before */
guint
atelier_store_set_busy_timeout (AtelierStore *self,
                                guint         milliseconds)
{
  return atelier_db_set_busy_timeout (self->db, milliseconds);
}

AtelierDb *
atelier_store_get_db (AtelierStore *self)
{
  return self->db;
}

gint64
atelier_store_now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

void
atelier_store_emit_changed (AtelierStore *self,
                            const char   *table)
{
  g_signal_emit (self, signals[CHANGED], g_quark_from_string (table), table);
}

AtelierDbStmt *
atelier_store_prepare (AtelierStore  *self,
                       const char    *sql,
                       GError       **error)
{
  return atelier_db_prepare (self->db, sql, error);
}

gboolean
atelier_store_exec (AtelierStore  *self,
                    const char    *sql,
                    GError       **error)
{
  return atelier_db_exec (self->db, sql, error);
}

gboolean
atelier_store_step_done (AtelierStore  *self,
                         AtelierDbStmt *stmt,
                         GError       **error)
{
  return atelier_db_stmt_run (stmt, error);
}

gboolean
atelier_store_begin (AtelierStore  *self,
                     GError       **error)
{
  if (self->read_only)
    {
      g_set_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_READ_ONLY,
                   _("The store “%s” is open read-only (its file or folder cannot be "
                     "written, as on a read-only disk): nothing was changed."),
                   self->path);
      return FALSE;
    }
  return atelier_db_begin (self->db, error);
}

gboolean
atelier_store_commit (AtelierStore  *self,
                      GError       **error)
{
  return atelier_db_commit (self->db, error);
}

void
atelier_store_rollback (AtelierStore *self)
{
  atelier_db_rollback (self->db);
}

gboolean
atelier_store_finish (AtelierStore  *self,
                      gboolean       ok,
                      GError       **error)
{
  if (ok && atelier_store_commit (self, error))
    return TRUE;

  atelier_store_rollback (self);
  return FALSE;
}

gboolean
atelier_store_exec_ids (AtelierStore  *self,
                        const char    *sql,
                        const gint64  *params,
                        guint          n_params,
                        GError       **error)
{
  AtelierDbStmt *stmt = atelier_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n_params; i++)
    atelier_db_stmt_bind_int64 (stmt, i + 1, params[i]);

  return atelier_db_stmt_run (stmt, error);
}

/* Reading rows into objects. */

/* Columns first to first + n_columns - 1 of a statement, read into an
 * object's properties of the same names. */
typedef struct
{
  int           first;
  guint         n_columns;
  const char  **names;   /* property names, NULL for unknown columns */
  GValue       *values;
} ColumnMap;

static void
column_map_init (ColumnMap     *map,
                 AtelierDbStmt *stmt,
                 GType          type,
                 int            first,
                 int            last)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);

  map->first = first;
  map->n_columns = last - first;
  map->names = g_new0 (const char *, map->n_columns);
  map->values = g_new0 (GValue, map->n_columns);

  for (guint i = 0; i < map->n_columns; i++)
    {
      const char *column = atelier_db_stmt_column_name (stmt, first + i);
      g_autofree char *name = g_strdelimit (g_strdup (column), "_", '-');
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), name);

      if (pspec == NULL)
        continue;
      map->names[i] = pspec->name;
      g_value_init (&map->values[i], pspec->value_type);
    }
}

static void
column_map_clear (ColumnMap *map)
{
  for (guint i = 0; i < map->n_columns; i++)
    if (map->names[i] != NULL)
      g_value_unset (&map->values[i]);
  g_free (map->names);
  g_free (map->values);
}

static GObject *
column_map_read (ColumnMap     *map,
                 AtelierDbStmt *stmt,
                 GType          type)
{
  const char *names[64];
  GValue values[64];
  guint n = 0;

  g_assert (map->n_columns <= G_N_ELEMENTS (names));

  for (guint i = 0; i < map->n_columns; i++)
    {
      GValue *value = &map->values[i];
      int column = map->first + i;

      if (map->names[i] == NULL)
        continue;

      switch (G_VALUE_TYPE (value))
        {
        case G_TYPE_STRING:
          g_value_set_string (value, atelier_db_stmt_column_text (stmt, column));
          break;
        case G_TYPE_INT:
          g_value_set_int (value, atelier_db_stmt_column_int (stmt, column));
          break;
        case G_TYPE_INT64:
          g_value_set_int64 (value, atelier_db_stmt_column_int64 (stmt, column));
          break;
        case G_TYPE_BOOLEAN:
          g_value_set_boolean (value, atelier_db_stmt_column_int64 (stmt, column) != 0);
          break;
        default:
          g_assert_not_reached ();
        }

      names[n] = map->names[i];
      values[n] = *value;
      n++;
    }

  return g_object_new_with_properties (type, n, names, values);
}

/* A row that holds several objects side by side (a join whose tables
 * share column names) is read one range of columns at a time. */
GObject *
atelier_store_columns_to_object (AtelierDbStmt *stmt,
                                 GType          type,
                                 int            first,
                                 int            last)
{
  ColumnMap map;
  GObject *object;

  column_map_init (&map, stmt, type, first, last);
  object = column_map_read (&map, stmt, type);
  column_map_clear (&map);

  return object;
}

GObject *
atelier_store_row_to_object (AtelierDbStmt *stmt,
                             GType          type)
{
  return atelier_store_columns_to_object (stmt, type, 0, atelier_db_stmt_column_count (stmt));
}

GListModel *
atelier_store_query_objects (AtelierStore  *self,
                             GType          type,
                             const char    *sql,
                             const gint64  *params,
                             guint          n_params,
                             GError       **error)
{
  AtelierDbStmt *stmt = atelier_store_prepare (self, sql, error);

  if (stmt == NULL)
    return NULL;

  for (guint i = 0; i < n_params; i++)
    atelier_db_stmt_bind_int64 (stmt, i + 1, params[i]);

  return atelier_store_read_objects (self, stmt, type, error);
}

GListModel *
atelier_store_read_objects (AtelierStore  *self,
                            AtelierDbStmt *stmt,
                            GType          type,
                            GError       **error)
{
  g_autoptr(GListStore) list = NULL;
  g_autoptr(GPtrArray) objects = NULL;
  ColumnMap map;
  AtelierDbStep step;

  objects = g_ptr_array_new_with_free_func (g_object_unref);
  column_map_init (&map, stmt, type, 0, atelier_db_stmt_column_count (stmt));
  while ((step = atelier_db_stmt_step (stmt, error)) == ATELIER_DB_STEP_ROW)
    g_ptr_array_add (objects, column_map_read (&map, stmt, type));
  column_map_clear (&map);

  atelier_db_stmt_reset (stmt);
  if (step == ATELIER_DB_STEP_ERROR)
    return NULL;

  /* One splice, one items-changed: cheaper than appending row by row. */
  list = g_list_store_new (type);
  g_list_store_splice (list, 0, 0, objects->pdata, objects->len);

  return G_LIST_MODEL (g_steal_pointer (&list));
}

/* Writing objects into rows. */

static gboolean
pspec_is_column (GParamSpec *pspec,
                 gboolean    for_update)
{
  if (pspec->flags & ATELIER_PARAM_DERIVED)
    return FALSE;
  if (for_update && (pspec->flags & ATELIER_PARAM_INSERT_ONLY))
    return FALSE;
  return strcmp (pspec->name, "id") != 0;
}

static void
bind_property (AtelierDbStmt *stmt,
               int            index,
               GObject       *object,
               GParamSpec    *pspec)
{
  gboolean nullable = (pspec->flags & ATELIER_PARAM_NULLABLE) != 0;
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, pspec->value_type);
  g_object_get_property (object, pspec->name, &value);

  switch (pspec->value_type)
    {
    case G_TYPE_STRING:
      {
        const char *s = g_value_get_string (&value);
        if (nullable && (s == NULL || *s == '\0'))
          atelier_db_stmt_bind_null (stmt, index);
        else
          atelier_db_stmt_bind_text (stmt, index, s ? s : "");
        break;
      }
    case G_TYPE_INT:
      if (nullable && g_value_get_int (&value) == 0)
        atelier_db_stmt_bind_null (stmt, index);
      else
        atelier_db_stmt_bind_int64 (stmt, index, g_value_get_int (&value));
      break;
    case G_TYPE_INT64:
      if (nullable && g_value_get_int64 (&value) == 0)
        atelier_db_stmt_bind_null (stmt, index);
      else
        atelier_db_stmt_bind_int64 (stmt, index, g_value_get_int64 (&value));
      break;
    case G_TYPE_BOOLEAN:
      atelier_db_stmt_bind_int64 (stmt, index, g_value_get_boolean (&value) ? 1 : 0);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Builds "INSERT INTO t (a, b) VALUES (?, ?)" or "UPDATE t SET a = ?, b = ?
 * WHERE id = ?" from the type's properties, and returns them in bind order. */
static char *
build_write_sql (const EntityInfo  *info,
                 GObjectClass      *klass,
                 gboolean           for_update,
                 GPtrArray         *columns)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) values = g_string_new (NULL);
  guint n_pspecs;
  g_autofree GParamSpec **pspecs = g_object_class_list_properties (klass, &n_pspecs);

  for (guint i = 0; i < n_pspecs; i++)
    {
      g_autofree char *column = NULL;

      if (!pspec_is_column (pspecs[i], for_update))
        continue;

      column = g_strdelimit (g_strdup (pspecs[i]->name), "-", '_');
      g_string_append_printf (sql, "%s%s%s", columns->len ? ", " : "", column,
                              for_update ? " = ?" : "");
      g_string_append_printf (values, "%s?", columns->len ? ", " : "");
      g_ptr_array_add (columns, pspecs[i]);
    }

  if (for_update)
    return g_strdup_printf ("UPDATE %s SET %s WHERE id = ?", info->table, sql->str);
  return g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s) RETURNING id",
                          info->table, sql->str, values->str);
}

/* A refused foreign key (ATELIER_STORE_ERROR_IN_USE from the layer)
 * means different things for different writes: @message says which. */
static void
reword_foreign_key (GError      *local,
                    int          code,
                    const char  *message,
                    GError     **error)
{
  if (message != NULL && g_error_matches (local, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_IN_USE))
    {
      g_set_error_literal (error, ATELIER_STORE_ERROR, code, _(message));
      g_error_free (local);
    }
  else
    g_propagate_error (error, local);
}

static gboolean
write_object (AtelierStore  *self,
              GObject       *object,
              gboolean       for_update,
              GError       **error)
{
  const EntityInfo *info = entity_for_type (G_OBJECT_TYPE (object));
  g_autoptr(GPtrArray) columns = g_ptr_array_new ();
  g_autofree char *sql = build_write_sql (info, G_OBJECT_GET_CLASS (object), for_update, columns);
  AtelierDbStmt *stmt = atelier_store_prepare (self, sql, error);
  GError *local = NULL;
  AtelierDbStep step;
  gint64 id = 0;

  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < columns->len; i++)
    bind_property (stmt, i + 1, object, columns->pdata[i]);
  if (for_update)
    {
      g_object_get (object, "id", &id, NULL);
      atelier_db_stmt_bind_int64 (stmt, columns->len + 1, id);
    }

  /* An insert returns its id as its one row. */
  step = atelier_db_stmt_step (stmt, &local);
  if (step == ATELIER_DB_STEP_ROW)
    id = atelier_db_stmt_column_int64 (stmt, 0);
  atelier_db_stmt_reset (stmt);
  if (step == ATELIER_DB_STEP_ERROR)
    {
      reword_foreign_key (local, ATELIER_STORE_ERROR_INVALID, info->missing_ref, error);
      return FALSE;
    }

  if (for_update && atelier_db_changes (self->db) == 0)
    {
      set_not_found (info, id, error);
      return FALSE;
    }

  if (!for_update)
    g_object_set (object, "id", id, NULL);

  atelier_store_emit_changed (self, info->table);
  return TRUE;
}

gboolean
atelier_store_insert_object (AtelierStore  *self,
                             GObject       *object,
                             GError       **error)
{
  gint64 created_at = 0;

  g_object_get (object, "created-at", &created_at, NULL);
  if (created_at == 0)
    g_object_set (object, "created-at", atelier_store_now (), NULL);

  return write_object (self, object, FALSE, error);
}

static GObject *
get_object (AtelierStore  *self,
            GType          type,
            gint64         id,
            GError       **error)
{
  const EntityInfo *info = entity_for_type (type);
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s WHERE id = ?", info->view);
  g_autoptr(GListModel) found = atelier_store_query_objects (self, type, sql, &id, 1, error);

  if (found == NULL)
    return NULL;

  if (g_list_model_get_n_items (found) == 0)
    {
      set_not_found (info, id, error);
      return NULL;
    }

  return g_list_model_get_item (found, 0);
}

static gboolean
delete_object (AtelierStore  *self,
               GType          type,
               gint64         id,
               GError       **error)
{
  const EntityInfo *info = entity_for_type (type);
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?", info->table);
  AtelierDbStmt *stmt = atelier_store_prepare (self, sql, error);
  GError *local = NULL;

  if (stmt == NULL)
    return FALSE;

  atelier_db_stmt_bind_int64 (stmt, 1, id);
  if (!atelier_db_stmt_run (stmt, &local))
    {
      reword_foreign_key (local, ATELIER_STORE_ERROR_IN_USE, info->in_use, error);
      return FALSE;
    }

  if (atelier_db_changes (self->db) == 0)
    {
      set_not_found (info, id, error);
      return FALSE;
    }

  atelier_store_emit_changed (self, info->table);
  return TRUE;
}

/**
 * atelier_store_is_empty:
 *
 * Returns: whether the store has no workshop, session, customer or
 *   registration at all; %FALSE with @error set if it cannot tell
 */
gboolean
atelier_store_is_empty (AtelierStore  *self,
                        GError       **error)
{
  static const char sql[] =
    "SELECT NOT EXISTS (SELECT 1 FROM workshops) AND NOT EXISTS (SELECT 1 FROM sessions)"
    "   AND NOT EXISTS (SELECT 1 FROM customers) AND NOT EXISTS (SELECT 1 FROM registrations)";
  AtelierDbStmt *stmt;
  AtelierDbStep step;
  gboolean empty;

  g_return_val_if_fail (ATELIER_IS_STORE (self), FALSE);

  stmt = atelier_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  step = atelier_db_stmt_step (stmt, error);
  empty = step == ATELIER_DB_STEP_ROW && atelier_db_stmt_column_int64 (stmt, 0) != 0;
  atelier_db_stmt_reset (stmt);

  return empty;
}

/* Workshops */

static gboolean
check_capacity (int       capacity,
                GError  **error)
{
  if (capacity <= ATELIER_SESSION_MAX_SEATS)
    return TRUE;

  g_set_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_INVALID,
               _("A class has at most %d seats."), ATELIER_SESSION_MAX_SEATS);
  return FALSE;
}

gboolean
atelier_store_add_workshop (AtelierStore     *self,
                            AtelierWorkshop  *workshop,
                            GError          **error)
{
  g_return_val_if_fail (ATELIER_IS_STORE (self), FALSE);
  g_return_val_if_fail (ATELIER_IS_WORKSHOP (workshop), FALSE);

  if (!check_capacity (atelier_workshop_get_capacity (workshop), error))
    return FALSE;

  return atelier_store_insert_object (self, G_OBJECT (workshop), error);
}

/**
 * atelier_store_get_workshop:
 *
 * Returns: (transfer full): the workshop, or %NULL with @error set
 */
AtelierWorkshop *
atelier_store_get_workshop (AtelierStore  *self,
                            gint64         id,
                            GError       **error)
{
  g_return_val_if_fail (ATELIER_IS_STORE (self), NULL);

  return ATELIER_WORKSHOP (get_object (self, ATELIER_TYPE_WORKSHOP, id, error));
}

gboolean
atelier_store_update_workshop (AtelierStore     *self,
                               AtelierWorkshop  *workshop,
                               GError          **error)
{
  g_return_val_if_fail (ATELIER_IS_STORE (self), FALSE);
  g_return_val_if_fail (ATELIER_IS_WORKSHOP (workshop), FALSE);

  if (!check_capacity (atelier_workshop_get_capacity (workshop), error))
    return FALSE;

  return write_object (self, G_OBJECT (workshop), TRUE, error);
}

gboolean
atelier_store_delete_workshop (AtelierStore  *self,
                               gint64         id,
                               GError       **error)
{
  g_return_val_if_fail (ATELIER_IS_STORE (self), FALSE);

  return delete_object (self, ATELIER_TYPE_WORKSHOP, id, error);
}

/**
 * atelier_store_list_workshops:
 *
 * Returns: (transfer full): a #GListModel of #AtelierWorkshop, by title
 */
GListModel *
atelier_store_list_workshops (AtelierStore  *self,
                              GError       **error)
{
  g_return_val_if_fail (ATELIER_IS_STORE (self), NULL);

  return atelier_store_query_objects (self, ATELIER_TYPE_WORKSHOP,
                                      "SELECT * FROM workshops ORDER BY title, id",
                                      NULL, 0, error);
}

/* Sessions */

static gboolean
check_time_zone (AtelierSession  *session,
                 GError         **error)
{
  const char *name = atelier_session_get_time_zone (session);
  g_autoptr(GTimeZone) zone = NULL;

  if (name != NULL && *name != '\0')
    zone = g_time_zone_new_identifier (name);

  if (zone == NULL)
    {
      g_set_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_INVALID,
                   _("“%s” is not a known time zone; use a name such as Europe/Paris."),
                   name ? name : "");
      return FALSE;
    }

  return TRUE;
}

/**
 * atelier_store_add_session:
 *
 * Stores a new session, giving it its permanent calendar UID (if it has
 * none yet) and SEQUENCE 0.
 */
gboolean
atelier_store_add_session (AtelierStore    *self,
                           AtelierSession  *session,
                           GError         **error)
{
  g_return_val_if_fail (ATELIER_IS_STORE (self), FALSE);
  g_return_val_if_fail (ATELIER_IS_SESSION (session), FALSE);

  if (!check_time_zone (session, error) ||
      !check_capacity (atelier_session_get_capacity (session), error))
    return FALSE;

  if (atelier_session_get_uid (session) == NULL || *atelier_session_get_uid (session) == '\0')
    {
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *uid = g_strconcat (uuid, "@atelier.ateliers.github.io", NULL);
      g_object_set (session, "uid", uid, NULL);
    }

  return atelier_store_insert_object (self, G_OBJECT (session), error);
}

/**
 * atelier_store_get_session:
 *
 * Returns: (transfer full): the session with its seat counts, or %NULL
 *   with @error set
 */
AtelierSession *
atelier_store_get_session (AtelierStore  *self,
                           gint64         id,
                           GError       **error)
{
  g_return_val_if_fail (ATELIER_IS_STORE (self), NULL);

  return ATELIER_SESSION (get_object (self, ATELIER_TYPE_SESSION, id, error));
}

gboolean
atelier_store_update_session (AtelierStore    *self,
                              AtelierSession  *session,
                              GError         **error)
{
  g_return_val_if_fail (ATELIER_IS_STORE (self), FALSE);
  g_return_val_if_fail (ATELIER_IS_SESSION (session), FALSE);

  if (!check_time_zone (session, error) ||
      !check_capacity (atelier_session_get_capacity (session), error))
    return FALSE;

  return write_object (self, G_OBJECT (session), TRUE, error);
}

gboolean
atelier_store_delete_session (AtelierStore  *self,
                              gint64         id,
                              GError       **error)
{
  g_return_val_if_fail (ATELIER_IS_STORE (self), FALSE);

  return delete_object (self, ATELIER_TYPE_SESSION, id, error);
}

/**
 * atelier_store_list_sessions:
 * @from: (nullable): the earliest start, or %NULL for no bound
 * @to: (nullable): the start before which to stop, or %NULL for no bound
 *
 * Returns: (transfer full): a #GListModel of #AtelierSession, by start
 */
GListModel *
atelier_store_list_sessions (AtelierStore  *self,
                             GDateTime     *from,
                             GDateTime     *to,
                             GError       **error)
{
  gint64 bounds[2] = {
    from ? g_date_time_to_unix (from) : G_MININT64,
    to ? g_date_time_to_unix (to) : G_MAXINT64,
  };

  g_return_val_if_fail (ATELIER_IS_STORE (self), NULL);

  return atelier_store_query_objects (self, ATELIER_TYPE_SESSION,
                                      "SELECT * FROM session_overview"
                                      " WHERE starts_at >= ? AND starts_at < ?"
                                      " ORDER BY starts_at, id",
                                      bounds, G_N_ELEMENTS (bounds), error);
}

/* Customers */

/* The one rule of contact details (atelier_contact_check()), here where
 * every path that adds or changes a customer passes: the window, the
 * command line, a sign-up or a walk-in. */
static gboolean
check_contact (AtelierCustomer  *customer,
               GError          **error)
{
  return atelier_contact_check (atelier_customer_get_email (customer),
                                atelier_customer_get_phone (customer),
                                atelier_customer_get_preferred_language (customer),
                                error);
}

gboolean
atelier_store_add_customer (AtelierStore     *self,
                            AtelierCustomer  *customer,
                            GError          **error)
{
  g_return_val_if_fail (ATELIER_IS_STORE (self), FALSE);
  g_return_val_if_fail (ATELIER_IS_CUSTOMER (customer), FALSE);

  if (!check_contact (customer, error))
    return FALSE;
  return atelier_store_insert_object (self, G_OBJECT (customer), error);
}

/**
 * atelier_store_get_customer:
 *
 * Returns: (transfer full): the customer, or %NULL with @error set
 */
AtelierCustomer *
atelier_store_get_customer (AtelierStore  *self,
                            gint64         id,
                            GError       **error)
{
  g_return_val_if_fail (ATELIER_IS_STORE (self), NULL);

  return ATELIER_CUSTOMER (get_object (self, ATELIER_TYPE_CUSTOMER, id, error));
}

gboolean
atelier_store_update_customer (AtelierStore     *self,
                               AtelierCustomer  *customer,
                               GError          **error)
{
  g_return_val_if_fail (ATELIER_IS_STORE (self), FALSE);
  g_return_val_if_fail (ATELIER_IS_CUSTOMER (customer), FALSE);

  if (!check_contact (customer, error))
    return FALSE;
  return write_object (self, G_OBJECT (customer), TRUE, error);
}

gboolean
atelier_store_delete_customer (AtelierStore  *self,
                               gint64         id,
                               GError       **error)
{
  g_return_val_if_fail (ATELIER_IS_STORE (self), FALSE);

  return delete_object (self, ATELIER_TYPE_CUSTOMER, id, error);
}

/**
 * atelier_store_list_customers:
 *
 * Returns: (transfer full): a #GListModel of #AtelierCustomer, by family
 *   name then given name; erased customers are left out
 */
GListModel *
atelier_store_list_customers (AtelierStore  *self,
                              GError       **error)
{
  g_return_val_if_fail (ATELIER_IS_STORE (self), NULL);

  return atelier_store_query_objects (self, ATELIER_TYPE_CUSTOMER,
                                      "SELECT " ATELIER_CUSTOMER_COLUMNS ("")
                                      " FROM customers WHERE erased_at IS NULL"
                                      " ORDER BY family_name, given_name, id",
                                      NULL, 0, error);
}

/* Registrations: these are the raw rows. The booking rules (seats,
 * waiting list, check-in) are functions of their own built on them. */

gboolean
atelier_store_add_registration (AtelierStore         *self,
                                AtelierRegistration  *registration,
                                GError              **error)
{
  g_return_val_if_fail (ATELIER_IS_STORE (self), FALSE);
  g_return_val_if_fail (ATELIER_IS_REGISTRATION (registration), FALSE);

  return atelier_store_insert_object (self, G_OBJECT (registration), error);
}

/**
 * atelier_store_get_registration:
 *
 * Returns: (transfer full): the registration, or %NULL with @error set
 */
AtelierRegistration *
atelier_store_get_registration (AtelierStore  *self,
                                gint64         id,
                                GError       **error)
{
  g_return_val_if_fail (ATELIER_IS_STORE (self), NULL);

  return ATELIER_REGISTRATION (get_object (self, ATELIER_TYPE_REGISTRATION, id, error));
}

gboolean
atelier_store_update_registration (AtelierStore         *self,
                                   AtelierRegistration  *registration,
                                   GError              **error)
{
  g_return_val_if_fail (ATELIER_IS_STORE (self), FALSE);
  g_return_val_if_fail (ATELIER_IS_REGISTRATION (registration), FALSE);

  return write_object (self, G_OBJECT (registration), TRUE, error);
}

gboolean
atelier_store_delete_registration (AtelierStore  *self,
                                   gint64         id,
                                   GError       **error)
{
  g_return_val_if_fail (ATELIER_IS_STORE (self), FALSE);

  return delete_object (self, ATELIER_TYPE_REGISTRATION, id, error);
}

/**
 * atelier_store_list_registrations:
 *
 * Returns: (transfer full): a #GListModel of #AtelierRegistration of one
 *   session: confirmed first, then the waiting list in order, then
 *   cancelled ones
 */
GListModel *
atelier_store_list_registrations (AtelierStore  *self,
                                  gint64         session_id,
                                  GError       **error)
{
  g_return_val_if_fail (ATELIER_IS_STORE (self), NULL);

  return atelier_store_query_objects (self, ATELIER_TYPE_REGISTRATION,
                                      "SELECT * FROM registration_overview WHERE session_id = ?"
                                      " ORDER BY CASE status WHEN 'confirmed' THEN 0"
                                      " WHEN 'waitlisted' THEN 1 ELSE 2 END,"
                                      " waitlist_position, created_at, id",
                                      &session_id, 1, error);
}
