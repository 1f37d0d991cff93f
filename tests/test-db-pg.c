/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-db-pg.c: the statement layer and the store's schema on PostgreSQL
 *
 * Run by meson under tests/pg-server.py, which starts one server for the
 * whole program and gives its URI in ATELIER_TEST_DATABASE. Each case has
 * a fresh PostgreSQL schema of its own (a namespace: cheaper than a
 * database), named in its URI's search_path. The cases of the URI, TLS
 * and parameter rules need no server.
 */
#define G_LOG_DOMAIN "test-db-pg"

#include "config.h"

#include <sqlite3.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "atelier-db-pg.h"
#include "atelier-schema-pg.h"
#include "atelier-schema-private.h"
#include "atelier-store.h"

static const char *server_uri;
static AtelierDb *admin;
static guint schema_counter;

/* Parameters */

typedef struct
{
  const char *sql;
  const char *expected;
  int         n_parameters;
} Rewrite;

static void
test_rewrite (void)
{
  static const Rewrite cases[] = {
    { "SELECT ?1, ?2 + ?1", "SELECT $1, $2 + $1", 2 },
    /* A bare ? is one more than the highest so far, as in SQLite. */
    { "VALUES (?, ?, ?5, ?)", "VALUES ($1, $2, $5, $6)", 6 },
    { "SELECT '?', 'it''s ?', \"a?\" FROM t WHERE x = ?",
      "SELECT '?', 'it''s ?', \"a?\" FROM t WHERE x = $1", 1 },
    { "SELECT ? -- what ?1 is\n, ?2", "SELECT $1 -- what ?1 is\n, $2", 2 },
    { "SELECT /* ? /* nested ? */ still ? */ ?3", "SELECT /* ? /* nested ? */ still ? */ $3", 3 },
    { "SELECT E'\\'?', ?", "SELECT E'\\'?', $1", 1 },
    { "SELECT $$ ? $$, $tag$ ?1 $tag$, ?", "SELECT $$ ? $$, $tag$ ?1 $tag$, $1", 1 },
    { "SELECT 1", "SELECT 1", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int n = -1;
      g_autofree char *rewritten = atelier_db_pg_rewrite_parameters (cases[i].sql, &n);

      g_assert_cmpstr (rewritten, ==, cases[i].expected);
      g_assert_cmpint (n, ==, cases[i].n_parameters);
    }
}

/* URIs and TLS, with no server */

static void
test_uri_refused (void)
{
  g_autoptr(GError) error = NULL;
  AtelierDb *db;

  db = atelier_db_pg_open ("/home/someone/store.db", NULL, &error);
  g_assert_null (db);
  g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_OPEN);
  g_clear_error (&error);

  /* A password in the address is refused, and never repeated. */
  db = atelier_db_pg_open ("postgresql://manager:Tr0ub4dor@db.invalid/atelier", NULL, &error);
  g_assert_null (db);
  g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_OPEN);
  g_assert_null (strstr (error->message, "Tr0ub4dor"));
  g_clear_error (&error);

  db = atelier_db_pg_open ("postgresql://manager@db.example.org/atelier?no_such_option=1", NULL, &error);
  g_assert_null (db);
  g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_OPEN);
}

static void
test_tls_local (void)
{
  static const char *const local[] = {
    "postgresql:///atelier",
    "postgresql://manager@/atelier?host=%2Fvar%2Frun%2Fpostgresql",
    "postgres://manager@localhost/atelier",
    "postgresql://manager@127.0.0.1:5433/atelier",
    "postgresql://manager@[::1]/atelier",
    /* A local server may be asked for no TLS. */
    "postgresql://manager@localhost/atelier?sslmode=disable",
  };

  for (guint i = 0; i < G_N_ELEMENTS (local); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *mode = atelier_db_pg_tls_mode (local[i], &error);

      g_assert_no_error (error);
      g_assert_null (mode);
    }
}

static void
test_tls_remote (void)
{
  static const struct
  {
    const char *uri;
    const char *mode;
  } remote[] = {
    { "postgresql://manager@db.example.org/atelier", "require" },
    { "postgresql://manager@db.example.org/atelier?sslmode=require", "require" },
    { "postgresql://manager@db.example.org/atelier?sslrootcert=%2Fetc%2Fca.pem", "verify-full" },
    { "postgresql://manager@db.example.org/atelier?sslmode=verify-ca", "verify-ca" },
    { "postgresql://manager@192.0.2.7/atelier", "require" },
    /* One remote host among local ones is enough. */
    { "postgresql://manager@localhost,db.example.org/atelier", "require" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (remote); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *mode = atelier_db_pg_tls_mode (remote[i].uri, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (mode, ==, remote[i].mode);
    }
}

static void
test_tls_refused (void)
{
  static const char *const modes[] = { "disable", "allow", "prefer" };

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      g_autofree char *uri = g_strdup_printf ("postgresql://manager@db.invalid/atelier?sslmode=%s",
                                              modes[i]);
      g_autoptr(GError) error = NULL;
      g_autofree char *mode = atelier_db_pg_tls_mode (uri, &error);
      AtelierDb *db;

      g_assert_null (mode);
      g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_OPEN);
      g_assert_nonnull (strstr (error->message, modes[i]));
      g_clear_error (&error);

      /* Refused before any connection is tried: not "cannot be reached". */
      db = atelier_db_pg_open (uri, NULL, &error);
      g_assert_null (db);
      g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_OPEN);
    }
}

/* Opening, on the server */

/* The server's URI with @changes (URI parameters) added. */
static char *
uri_with (const char *changes)
{
  return g_strconcat (server_uri, "&", changes, NULL);
}

static void
test_open_wrong_password (void)
{
  g_autofree char *uri = uri_with ("user=atelier_password");
  g_autoptr(GError) error = NULL;
  AtelierDb *db;

  db = atelier_db_pg_open (uri, "not-it-7351", &error);
  g_assert_null (db);
  g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, "password"));
  g_assert_null (strstr (error->message, "not-it-7351"));
  g_clear_error (&error);

  db = atelier_db_pg_open (uri, NULL, &error);
  g_assert_null (db);
  g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, "asks for a password"));
  g_clear_error (&error);

  db = atelier_db_pg_open (uri, "right-password", &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  atelier_db_close (db);
}

static void
test_open_unknown_database (void)
{
  g_autofree char *uri = uri_with ("dbname=no_such_store");
  g_autoptr(GError) error = NULL;

  g_assert_null (atelier_db_pg_open (uri, NULL, &error));
  g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, "no_such_store"));
}

static void
test_open_unreachable (void)
{
  g_autofree char *dir = g_dir_make_tmp ("atelier-no-server-XXXXXX", NULL);
  g_autofree char *escaped = g_uri_escape_string (dir, NULL, FALSE);
  g_autofree char *uri = g_strdup_printf ("postgresql://atelier@/atelier?host=%s", escaped);
  g_autoptr(GError) error = NULL;

  g_assert_null (atelier_db_pg_open (uri, NULL, &error));
  g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_OFFLINE);
  g_rmdir (dir);
}

/* The locks of the store rely on READ COMMITTED, whatever the server's
 * or the role's default. */
static void
test_open_read_committed (void)
{
  g_autofree char *uri = uri_with ("options=-c%20default_transaction_isolation%3Dserializable");
  g_autoptr(GError) error = NULL;
  AtelierDb *db = atelier_db_pg_open (uri, NULL, &error);
  AtelierDbStmt *stmt;

  g_assert_no_error (error);
  stmt = atelier_db_prepare (db, "SELECT current_setting ('default_transaction_isolation')",
                             &error);
  g_assert_cmpint (atelier_db_stmt_step (stmt, &error), ==, ATELIER_DB_STEP_ROW);
  g_assert_cmpstr (atelier_db_stmt_column_text (stmt, 0), ==, "read committed");
  atelier_db_close (db);
}

/* The contract of the layer */

typedef struct
{
  char      *schema;
  char      *uri;
  AtelierDb *db;
} Fixture;

/* A connection to a new, empty schema. */
static AtelierDb *
open_fixture_db (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  AtelierDb *db = atelier_db_pg_open (f->uri, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  return db;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *create = NULL;
  g_autofree char *option = NULL;

  f->schema = g_strdup_printf ("test_%u_%u", (guint) getpid (), ++schema_counter);
  create = g_strdup_printf ("CREATE SCHEMA %s", f->schema);
  g_assert_true (atelier_db_exec (admin, create, &error));
  g_assert_no_error (error);

  option = g_strdup_printf ("options=-c%%20search_path%%3D%s", f->schema);
  f->uri = uri_with (option);
  f->db = open_fixture_db (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  atelier_db_close (f->db);
  g_free (f->uri);
  g_free (f->schema);
}

static void
exec_ok (AtelierDb  *db,
         const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (atelier_db_exec (db, sql, &error));
  g_assert_no_error (error);
}

static gint64
query_int (AtelierDb  *db,
           const char *sql)
{
  g_autoptr(GError) error = NULL;
  AtelierDbStmt *stmt = atelier_db_prepare (db, sql, &error);
  gint64 value;

  g_assert_no_error (error);
  g_assert_cmpint (atelier_db_stmt_step (stmt, &error), ==, ATELIER_DB_STEP_ROW);
  value = atelier_db_stmt_column_int64 (stmt, 0);
  atelier_db_stmt_reset (stmt);
  return value;
}

static void
test_bind_and_read (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AtelierDbStmt *stmt;

  exec_ok (f->db, "CREATE TABLE t (i bigint, d double precision, s text, n text)");
  stmt = atelier_db_prepare (f->db, "INSERT INTO t (i, d, s, n) VALUES (?1, ?2, ?3, ?4)", &error);
  g_assert_no_error (error);
  atelier_db_stmt_bind_int64 (stmt, 1, G_MAXINT64);
  atelier_db_stmt_bind_double (stmt, 2, 0.1 + 0.2);
  atelier_db_stmt_bind_text (stmt, 3, "Zoé l'\"été\" ?1 -- $1");
  atelier_db_stmt_bind_null (stmt, 4);
  g_assert_true (atelier_db_stmt_run (stmt, &error));
  g_assert_no_error (error);
  g_assert_cmpint (atelier_db_changes (f->db), ==, 1);

  stmt = atelier_db_prepare (f->db, "SELECT i, d, s, n, ?1 IS NULL AS unbound FROM t", &error);
  g_assert_no_error (error);
  /* Names and counts before the first step, as SQLite gives them. */
  g_assert_cmpint (atelier_db_stmt_column_count (stmt), ==, 5);
  g_assert_cmpstr (atelier_db_stmt_column_name (stmt, 2), ==, "s");
  g_assert_cmpstr (atelier_db_stmt_column_name (stmt, 4), ==, "unbound");
  atelier_db_stmt_bind_text (stmt, 1, "x");
  g_assert_cmpint (atelier_db_stmt_step (stmt, &error), ==, ATELIER_DB_STEP_ROW);
  g_assert_cmpint (atelier_db_stmt_column_int64 (stmt, 0), ==, G_MAXINT64);
  g_assert_cmpfloat (atelier_db_stmt_column_double (stmt, 1), ==, 0.1 + 0.2);
  g_assert_cmpstr (atelier_db_stmt_column_text (stmt, 2), ==, "Zoé l'\"été\" ?1 -- $1");
  g_assert_true (atelier_db_stmt_column_is_null (stmt, 3));
  g_assert_null (atelier_db_stmt_column_text (stmt, 3));
  g_assert_false (atelier_db_stmt_column_is_null (stmt, 2));
  g_assert_cmpint (atelier_db_stmt_column_int (stmt, 4), ==, 0);
  g_assert_cmpint (atelier_db_stmt_step (stmt, &error), ==, ATELIER_DB_STEP_DONE);
  g_assert_no_error (error);
}

/* bytea both ways, NUL and invalid UTF-8 included; empty is not NULL. */
static void
test_blob (Fixture       *f,
           gconstpointer  data)
{
  static const guchar raw[] = { 'a', 0, 0xff, 0xe9, '\\', 'x' };
  g_autoptr(GBytes) bytes = g_bytes_new_static (raw, sizeof raw);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) read = NULL;
  g_autoptr(GError) error = NULL;
  AtelierDbStmt *stmt;

  exec_ok (f->db, "CREATE TABLE blobs (id bigint PRIMARY KEY, b bytea)");
  stmt = atelier_db_prepare (f->db, "INSERT INTO blobs (id, b) VALUES (?, ?)", &error);
  g_assert_no_error (error);
  atelier_db_stmt_bind_int64 (stmt, 1, 1);
  atelier_db_stmt_bind_blob (stmt, 2, bytes);
  g_assert_true (atelier_db_stmt_run (stmt, &error));
  atelier_db_stmt_bind_int64 (stmt, 1, 2);
  atelier_db_stmt_bind_blob (stmt, 2, empty);
  g_assert_true (atelier_db_stmt_run (stmt, &error));
  atelier_db_stmt_bind_int64 (stmt, 1, 3);
  atelier_db_stmt_bind_blob (stmt, 2, NULL);
  g_assert_true (atelier_db_stmt_run (stmt, &error));
  g_assert_no_error (error);

  stmt = atelier_db_prepare (f->db, "SELECT b FROM blobs ORDER BY id", &error);
  g_assert_cmpint (atelier_db_stmt_step (stmt, &error), ==, ATELIER_DB_STEP_ROW);
  read = atelier_db_stmt_column_blob (stmt, 0);
  g_assert_true (g_bytes_equal (read, bytes));
  g_clear_pointer (&read, g_bytes_unref);
  g_assert_cmpint (atelier_db_stmt_step (stmt, &error), ==, ATELIER_DB_STEP_ROW);
  read = atelier_db_stmt_column_blob (stmt, 0);
  g_assert_nonnull (read);
  g_assert_cmpuint (g_bytes_get_size (read), ==, 0);
  g_clear_pointer (&read, g_bytes_unref);
  g_assert_cmpint (atelier_db_stmt_step (stmt, &error), ==, ATELIER_DB_STEP_ROW);
  g_assert_null (atelier_db_stmt_column_blob (stmt, 0));
  g_assert_cmpint (atelier_db_stmt_step (stmt, &error), ==, ATELIER_DB_STEP_DONE);
  g_assert_no_error (error);
}

static void
test_rows_and_cache (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *sql = "SELECT i FROM t WHERE i >= ? ORDER BY i";
  AtelierDbStmt *stmt;
  AtelierDbStmt *again;

  exec_ok (f->db, "CREATE TABLE t (i bigint); INSERT INTO t VALUES (1), (2), (3)");
  stmt = atelier_db_prepare (f->db, sql, &error);
  atelier_db_stmt_bind_int64 (stmt, 1, 2);
  g_assert_cmpint (atelier_db_stmt_step (stmt, &error), ==, ATELIER_DB_STEP_ROW);
  g_assert_cmpint (atelier_db_stmt_column_int64 (stmt, 0), ==, 2);

  /* The cache hands the same statement back, reset and unbound. */
  again = atelier_db_prepare (f->db, sql, &error);
  g_assert_true (again == stmt);
  atelier_db_stmt_bind_int64 (stmt, 1, 1);
  for (gint64 i = 1; i <= 3; i++)
    {
      g_assert_cmpint (atelier_db_stmt_step (stmt, &error), ==, ATELIER_DB_STEP_ROW);
      g_assert_cmpint (atelier_db_stmt_column_int64 (stmt, 0), ==, i);
    }
  g_assert_cmpint (atelier_db_stmt_step (stmt, &error), ==, ATELIER_DB_STEP_DONE);

  /* Unbound, the parameter is NULL: no row. */
  again = atelier_db_prepare (f->db, sql, &error);
  g_assert_cmpint (atelier_db_stmt_step (again, &error), ==, ATELIER_DB_STEP_DONE);

  stmt = atelier_db_prepare (f->db, "UPDATE t SET i = i * 10 WHERE i > ?1", &error);
  atelier_db_stmt_bind_int64 (stmt, 1, 1);
  g_assert_true (atelier_db_stmt_run (stmt, &error));
  g_assert_cmpint (atelier_db_changes (f->db), ==, 2);
  /* A SELECT changes nothing. */
  g_assert_cmpint (query_int (f->db, "SELECT count (*) FROM t"), ==, 3);
  g_assert_cmpint (atelier_db_changes (f->db), ==, 2);

  g_assert_null (atelier_db_prepare (f->db, "SELECT nothing FROM nowhere", &error));
  g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_FAILED);
}

static void
test_transactions (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AtelierDbStmt *stmt;

  exec_ok (f->db, "CREATE TABLE t (i bigint CONSTRAINT session_uid_unique UNIQUE"
                  "  CONSTRAINT session_capacity_not_negative CHECK (i >= 0))");
  g_assert_false (atelier_db_in_transaction (f->db));
  g_assert_true (atelier_db_begin (f->db, &error));
  g_assert_true (atelier_db_in_transaction (f->db));
  exec_ok (f->db, "INSERT INTO t VALUES (1)");
  atelier_db_rollback (f->db);
  g_assert_false (atelier_db_in_transaction (f->db));
  g_assert_cmpint (query_int (f->db, "SELECT count (*) FROM t"), ==, 0);

  /* A statement refused inside a transaction undoes itself alone, as
   * on SQLite: the transaction goes on. Constraints are worded by name. */
  g_assert_true (atelier_db_begin (f->db, &error));
  stmt = atelier_db_prepare (f->db, "INSERT INTO t VALUES (?1)", &error);
  atelier_db_stmt_bind_int64 (stmt, 1, 1);
  g_assert_true (atelier_db_stmt_run (stmt, &error));
  atelier_db_stmt_bind_int64 (stmt, 1, 1);
  g_assert_false (atelier_db_stmt_run (stmt, &error));
  g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_DUPLICATE);
  g_assert_cmpstr (error->message, ==, "Another session already has this calendar identifier.");
  g_clear_error (&error);
  atelier_db_stmt_bind_int64 (stmt, 1, -1);
  g_assert_false (atelier_db_stmt_run (stmt, &error));
  g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "A capacity cannot be negative.");
  g_clear_error (&error);
  atelier_db_stmt_bind_int64 (stmt, 1, 2);
  g_assert_true (atelier_db_stmt_run (stmt, &error));
  g_assert_true (atelier_db_commit (f->db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f->db, "SELECT sum (i) FROM t"), ==, 3);
}

static void
test_busy (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AtelierDb *other = open_fixture_db (f);

  exec_ok (f->db, "CREATE TABLE t (i bigint); INSERT INTO t VALUES (1)");

  /* Two writers: the second waits for the first's transaction, then
   * gives up as SQLite's busy timeout does. */
  g_assert_true (atelier_db_begin (f->db, &error));
  g_assert_cmpuint (atelier_db_set_busy_timeout (other, 100), ==, 5000);
  g_assert_false (atelier_db_begin (other, &error));
  g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_BUSY);
  g_clear_error (&error);
  g_assert_false (atelier_db_in_transaction (other));

  /* A row lock held: the same. */
  exec_ok (f->db, "UPDATE t SET i = 2");
  g_assert_false (atelier_db_exec (other, "UPDATE t SET i = 3", &error));
  g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_BUSY);
  g_clear_error (&error);

  g_assert_true (atelier_db_commit (f->db, &error));
  g_assert_true (atelier_db_begin (other, &error));
  g_assert_no_error (error);
  atelier_db_rollback (other);
  g_assert_cmpint (query_int (other, "SELECT i FROM t"), ==, 2);
  atelier_db_close (other);
}

/* The server ends this connection's session, as a restart would. */
static void
cut_connection (AtelierDb *db)
{
  gint64 pid = query_int (db, "SELECT pg_backend_pid ()");
  g_autofree char *kill = g_strdup_printf ("SELECT pg_terminate_backend (%" G_GINT64_FORMAT
                                           ", 60000)", pid);

  /* Waits until the session is gone, as after a restart. */
  exec_ok (admin, kill);
}

static void
test_lost_connection (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *count = g_strdup_printf ("SELECT count (*) FROM %s.t", f->schema);
  AtelierDbStmt *stmt;

  exec_ok (f->db, "CREATE TABLE t (i bigint)");
  stmt = atelier_db_prepare (f->db, "INSERT INTO t VALUES (?1)", &error);
  g_assert_true (atelier_db_begin (f->db, &error));
  atelier_db_stmt_bind_int64 (stmt, 1, 1);
  g_assert_true (atelier_db_stmt_run (stmt, &error));

  cut_connection (f->db);
  atelier_db_stmt_bind_int64 (stmt, 1, 2);
  g_assert_false (atelier_db_stmt_run (stmt, &error));
  g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_OFFLINE);
  g_clear_error (&error);
  g_assert_false (atelier_db_commit (f->db, &error));
  g_clear_error (&error);
  g_assert_cmpint (query_int (admin, count), ==, 0);

  /* Between transactions, the connection is made again by itself and
   * the statements prepared again. */
  cut_connection (f->db);
  stmt = atelier_db_prepare (f->db, "INSERT INTO t VALUES (?1)", &error);
  atelier_db_stmt_bind_int64 (stmt, 1, 3);
  if (!atelier_db_stmt_run (stmt, &error))
    g_error ("%s", error->message);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (admin, count), ==, 1);
}

/* The schema */

static void
migrate_ok (AtelierDb *db)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (atelier_schema_pg_migrate (db, &error));
  g_assert_no_error (error);
}

static void
test_schema_version (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *newer = NULL;
  int latest = atelier_schema_latest_version ();

  /* One numbering for both engines. */
  g_assert_cmpint (atelier_schema_pg_latest_version (), ==, latest);
  g_assert_cmpint (atelier_schema_pg_read_version (f->db, &error), ==, 0);
  migrate_ok (f->db);
  g_assert_cmpint (atelier_schema_pg_read_version (f->db, &error), ==, latest);
  migrate_ok (f->db);

  newer = g_strdup_printf ("UPDATE store_schema SET version = %d", latest + 1);
  exec_ok (f->db, newer);
  g_assert_false (atelier_schema_pg_migrate (f->db, &error));
  g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_TOO_NEW);
  g_clear_error (&error);
  g_assert_cmpint (atelier_schema_pg_read_version (f->db, &error), ==, latest + 1);
  g_assert_false (atelier_db_in_transaction (f->db));
}

static void
test_schema_foreign (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  exec_ok (f->db, "CREATE TABLE invoices (id bigint)");
  g_assert_false (atelier_schema_pg_migrate (f->db, &error));
  g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_OPEN);
  g_assert_cmpint (query_int (f->db, "SELECT count (*) FROM pg_tables"
                                     " WHERE schemaname = current_schema ()"), ==, 1);
}

/* The same statements on SQLite's schema, for comparison. */
static sqlite3 *
open_sqlite_store (void)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (atelier_schema_migrate (db, 0, &error));
  g_assert_no_error (error);
  return db;
}

static const char store_rows[] =
  "INSERT INTO workshops (id, title, duration_minutes, capacity, category, created_at)"
  "  VALUES (1, 'Risotto', 120, 8, 'Cuisine', 0);"
  "INSERT INTO sessions (id, workshop_id, starts_at, ends_at, time_zone, capacity, uid, created_at)"
  "  VALUES (1, 1, 1000, 8200, 'Europe/Paris', 2, 'uid-1', 0);"
  "INSERT INTO customers (id, given_name, family_name, email, phone, interests, created_at)"
  "  VALUES (1, 'Zoé', 'Dupont', 'zoe.dupont@example.org', '+33 6 12 34 56 78', 'vin, Cuisine', 0),"
  "         (2, 'Jean', 'Martin', NULL, '06.99.88.77.66', 'cuisine;jardin ; ', 0),"
  "         (3, 'Ana', 'Lima', 'ana@example.org', NULL, '', 0);"
  "INSERT INTO registrations (id, session_id, customer_id, party_size, status, created_at)"
  "  VALUES (1, 1, 1, 1, 'confirmed', 50);";

typedef struct
{
  const char *sql;
  const char *name;      /* in both engines' messages */
  const char *pg_name;   /* on PostgreSQL, when it differs */
} Refusal;

/* One row a constraint refuses, and nothing else does. */
static const Refusal refusals[] = {
  { "INSERT INTO workshops (title, duration_minutes, capacity, created_at) VALUES (' ', 60, 1, 0)",
    "workshop_title_not_empty" },
  { "INSERT INTO workshops (title, duration_minutes, capacity, created_at) VALUES ('A', 0, 1, 0)",
    "workshop_duration_positive" },
  { "INSERT INTO workshops (title, duration_minutes, capacity, created_at) VALUES ('A', 1, -1, 0)",
    "workshop_capacity_not_negative" },
  { "INSERT INTO workshops (title, duration_minutes, capacity, price_cents, created_at)"
    " VALUES ('A', 1, 1, -5, 0)", "workshop_price_not_negative" },
  { "UPDATE sessions SET time_zone = '' WHERE id = 1", "session_time_zone_not_empty" },
  { "UPDATE sessions SET status = 'maybe' WHERE id = 1", "session_status_known" },
  { "UPDATE sessions SET uid = '' WHERE id = 1", "session_uid_not_empty" },
  { "UPDATE sessions SET sequence = -1 WHERE id = 1", "session_sequence_not_negative" },
  { "UPDATE sessions SET ends_at = starts_at WHERE id = 1", "session_ends_after_start" },
  { "INSERT INTO sessions (workshop_id, starts_at, ends_at, time_zone, capacity, uid, created_at)"
    " VALUES (1, 1, 2, 'UTC', -1, 'uid-2', 0)", "session_capacity_not_negative" },
  { "INSERT INTO sessions (workshop_id, starts_at, ends_at, time_zone, capacity, uid, created_at)"
    " VALUES (1, 1, 2, 'UTC', 1, 'uid-1', 0)", "sessions.uid", "session_uid_unique" },
  { "UPDATE customers SET consent = 2 WHERE id = 1", "customer_consent_boolean" },
  { "UPDATE customers SET given_name = '', family_name = ' ' WHERE id = 1",
    "customer_name_not_empty" },
  { "UPDATE customers SET first_came = 'ad' WHERE id = 1", "customer_first_came_known" },
  { "INSERT INTO registrations (session_id, customer_id, party_size, status, created_at)"
    " VALUES (1, 2, 0, 'waitlisted', 0)", "registration_party_size_positive" },
  { "UPDATE registrations SET status = 'maybe' WHERE id = 1", "registration_status_known" },
  { "UPDATE registrations SET source = 'web' WHERE id = 1", "registration_source_known" },
  { "UPDATE registrations SET waitlist_position = 1 WHERE id = 1",
    "registration_waitlist_position" },
  { "UPDATE registrations SET status = 'cancelled', checked_in_at = 5 WHERE id = 1",
    "registration_checkin_confirmed" },
  { "UPDATE registrations SET cancelled_by = 'robot' WHERE id = 1",
    "registration_cancelled_by_known" },
  { "UPDATE registrations SET checked_in_at = 5, arrived = 2 WHERE id = 1",
    "registration_arrived_within_party" },
  { "UPDATE registrations SET sent_method = 'PUBLISH', sent_sequence = 0, sent_at = 1"
    " WHERE id = 1", "registration_sent_method_known" },
  { "UPDATE registrations SET sent_method = 'REQUEST', sent_sequence = -1, sent_at = 1"
    " WHERE id = 1", "registration_sent_sequence_not_negative" },
  { "UPDATE registrations SET sent_method = 'REQUEST' WHERE id = 1",
    "registration_sent_complete" },
  { "UPDATE registrations SET sequence_offset = -1 WHERE id = 1",
    "registration_sequence_offset_not_negative" },
  { "INSERT INTO registrations (session_id, customer_id, party_size, status, created_at)"
    " VALUES (1, 1, 1, 'cancelled', 0)",
    "registrations.session_id, registrations.customer_id", "registration_once_per_session" },
  { "INSERT INTO registrations (session_id, customer_id, party_size, status, waitlist_position,"
    " created_at) VALUES (1, 2, 1, 'waitlisted', 1, 0), (1, 3, 1, 'waitlisted', 1, 0)",
    "registrations.session_id, registrations.waitlist_position", "registrations_waitlist_order" },
  /* The seat rule, from a client that skips the core. */
  { "INSERT INTO registrations (session_id, customer_id, party_size, status, created_at)"
    " VALUES (1, 2, 2, 'confirmed', 0)", "session_over_capacity" },
  { "UPDATE sessions SET capacity = 0 WHERE id = 1", "session_capacity_below_taken" },
  { "INSERT INTO tags (name, created_at) VALUES ('a,b', 0)", "tag_name_valid" },
  { "INSERT INTO settings (key, value) VALUES ('nope', 'x')", "setting_key_known" },
  { "INSERT INTO settings (key, value) VALUES ('store-name', 'two\nlines')",
    "setting_value_one_line" },
  { "INSERT INTO settings (key, value) VALUES ('reminder', '2d')", "setting_value_valid" },
  { "INSERT INTO settings (key, value) VALUES ('organizer', 'nobody')", "setting_value_valid" },
  { "INSERT INTO settings (key, value) VALUES ('smtp-host', 'mail host')", "setting_value_valid" },
  { "INSERT INTO settings (key, value) VALUES ('currency', 'eur')", "setting_value_valid" },
  { "INSERT INTO settings (key, value) VALUES ('rsvp', 'yes')", "setting_value_valid" },
  { "INSERT INTO policies (key, value) VALUES ('retention-years', 'ten')", "policy_value_valid" },
  { "INSERT INTO series (workshop_id, rrule, created_at) VALUES (1, '', 0)",
    "series_rrule_not_empty" },
  { "INSERT INTO mail_messages (registration_id, purpose, kind, recipient, message_id, created_at)"
    " VALUES (1, 'spam', 'x', 'a@b', 'm1', 0)", "mail_purpose_known" },
  { "INSERT INTO mail_messages (registration_id, purpose, kind, recipient, message_id, state,"
    " created_at) VALUES (1, 'invite', 'x', 'a@b', 'm1', 'sent', 0)", "mail_sent_has_time" },
  { "INSERT INTO mail_templates (name, language, subject, body) VALUES ('reminder', 'de', 's', 'b')",
    "mail_template_language_known" },
};

/* What SQLite's engine will report: the failure's class, then the words. */
static void
set_sqlite_error (sqlite3  *db,
                  GError  **error)
{
  int code = sqlite3_extended_errcode (db);
  AtelierDbFailure failure = ATELIER_DB_FAILURE_OTHER;

  if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY)
    failure = ATELIER_DB_FAILURE_UNIQUE;
  else if ((code & 0xff) == SQLITE_CONSTRAINT)
    failure = ATELIER_DB_FAILURE_CONSTRAINT;
  atelier_db_set_error (failure, sqlite3_errmsg (db), error);
}

static void
test_schema_refusals (Fixture       *f,
                      gconstpointer  data)
{
  sqlite3 *lite = open_sqlite_store ();

  migrate_ok (f->db);
  exec_ok (f->db, store_rows);
  g_assert_cmpint (sqlite3_exec (lite, store_rows, NULL, NULL, NULL), ==, SQLITE_OK);

  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      const Refusal *r = &refusals[i];
      const char *pg_name = r->pg_name != NULL ? r->pg_name : r->name;
      g_autoptr(GError) pg_error = NULL;
      g_autoptr(GError) lite_error = NULL;

      g_test_message ("%s", r->sql);
      g_assert_cmpint (sqlite3_exec (lite, r->sql, NULL, NULL, NULL), !=, SQLITE_OK);
      g_assert_nonnull (strstr (sqlite3_errmsg (lite), r->name));
      set_sqlite_error (lite, &lite_error);

      g_assert_false (atelier_db_exec (f->db, r->sql, &pg_error));
      g_assert_nonnull (pg_error);
      g_assert_cmpint (pg_error->code, ==, lite_error->code);
      /* A rule atelier-db.c words is worded alike; another one is named. */
      if (strstr (lite_error->message, r->name) != NULL)
        g_assert_nonnull (strstr (pg_error->message, pg_name));
      else
        g_assert_cmpstr (pg_error->message, ==, lite_error->message);
    }

  g_assert_cmpint (query_int (f->db, "SELECT count (*) FROM registrations"), ==, 1);
  sqlite3_close (lite);
}

static void
test_schema_overbooking (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  migrate_ok (f->db);
  exec_ok (f->db, store_rows);
  g_assert_false (atelier_db_exec (f->db, "INSERT INTO registrations (session_id, customer_id,"
                                          " party_size, status, created_at)"
                                          " VALUES (1, 2, 2, 'confirmed', 0)", &error));
  g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The session has not enough free seats.");
  g_clear_error (&error);

  /* The last seat is there; a waiting-list party confirmed over it is not. */
  exec_ok (f->db, "INSERT INTO registrations (session_id, customer_id, party_size, status,"
                  " waitlist_position, created_at) VALUES (1, 2, 1, 'confirmed', NULL, 0),"
                  " (1, 3, 1, 'waitlisted', 1, 0)");
  g_assert_false (atelier_db_exec (f->db, "UPDATE registrations SET status = 'confirmed',"
                                          " waitlist_position = NULL WHERE customer_id = 3",
                                   &error));
  g_assert_cmpstr (error->message, ==, "The session has not enough free seats.");
  g_assert_cmpint (query_int (f->db, "SELECT sum (party_size) FROM registrations"
                                     " WHERE status = 'confirmed'"), ==, 2);
}

typedef struct
{
  const char *uri;
  int         first_customer;
  int         refused;
  int         sessions;
  int        *ready;  /* racers connected, to start together */
} Racer;

static void
start_together (Racer *racer)
{
  g_atomic_int_inc (racer->ready);
  while (g_atomic_int_get (racer->ready) < 2)
    g_usleep (100);
}

/* Takes seats of every session the way a client that skips the core
 * would: a plain transaction, held open a moment after its insert so
 * that another one's count could miss it if the rule did not lock. */
static gpointer
race (gpointer data)
{
  Racer *racer = data;
  g_autoptr(GError) error = NULL;
  AtelierDb *db = atelier_db_pg_open (racer->uri, NULL, &error);
  AtelierDbStmt *stmt;

  g_assert_no_error (error);
  start_together (racer);
  for (int session = 1; session <= racer->sessions; session++)
    for (int seat = 0; seat < 3; seat++)
      {
        g_autoptr(GError) refusal = NULL;

        g_assert_true (atelier_db_exec (db, "BEGIN", &error));
        stmt = atelier_db_prepare (db, "INSERT INTO registrations (session_id, customer_id,"
                                       " party_size, status, created_at)"
                                       " VALUES (?1, ?2, 1, 'confirmed', 0)", &error);
        atelier_db_stmt_bind_int64 (stmt, 1, session);
        atelier_db_stmt_bind_int64 (stmt, 2, racer->first_customer + seat);
        if (!atelier_db_stmt_run (stmt, &refusal))
          {
            g_assert_error (refusal, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_INVALID);
            g_assert_cmpstr (refusal->message, ==, "The session has not enough free seats.");
            racer->refused++;
          }
        g_assert_true (atelier_db_exec (db, "SELECT pg_sleep (0.002)", &error));
        g_assert_true (atelier_db_exec (db, "COMMIT", &error));
      }
  atelier_db_close (db);
  return NULL;
}

static void
test_schema_race (Fixture       *f,
                  gconstpointer  data)
{
  int ready = 0;
  Racer racers[2] = {
    { f->uri, 10, 0, 30, &ready },
    { f->uri, 20, 0, 30, &ready },
  };
  GThread *threads[2];

  migrate_ok (f->db);
  exec_ok (f->db, "INSERT INTO workshops (id, title, duration_minutes, capacity, created_at)"
                  "  VALUES (1, 'Risotto', 120, 8, 0);"
                  "INSERT INTO sessions (workshop_id, starts_at, ends_at, time_zone, capacity,"
                  "                      uid, created_at)"
                  "  SELECT 1, 1000, 2000, 'UTC', 4, 'uid-' || n, 0"
                  "  FROM generate_series (1, 30) AS n;"
                  "INSERT INTO customers (id, given_name, created_at)"
                  "  SELECT n, 'C' || n, 0 FROM generate_series (10, 22) AS n;");

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("racer", race, &racers[i]);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);

  /* Six tries for four seats in each session: two refused, none over. */
  g_assert_cmpint (query_int (f->db, "SELECT count (*) FROM ("
                                     "  SELECT s.id FROM sessions s"
                                     "  JOIN registrations r ON r.session_id = s.id"
                                     "  GROUP BY s.id, s.capacity"
                                     "  HAVING sum (r.party_size) > s.capacity) AS over"), ==, 0);
  g_assert_cmpint (query_int (f->db, "SELECT count (*) FROM registrations"), ==, 30 * 4);
  g_assert_cmpint (racers[0].refused + racers[1].refused, ==, 30 * 2);
}

/* The same seats taken the core's way: atelier_db_begin (), read the
 * free seats, decide, write. The store's write lock makes every decision
 * see the one before it: none is refused by the seat rule, an error that
 * would reach a person. */
static gpointer
book_like_the_core (gpointer data)
{
  Racer *racer = data;
  g_autoptr(GError) error = NULL;
  AtelierDb *db = atelier_db_pg_open (racer->uri, NULL, &error);

  g_assert_no_error (error);
  start_together (racer);
  for (int session = 1; session <= racer->sessions; session++)
    for (int seat = 0; seat < 3; seat++)
      {
        g_autoptr(GError) refusal = NULL;
        AtelierDbStmt *stmt;
        gint64 free_seats;

        g_assert_true (atelier_db_begin (db, &error));
        stmt = atelier_db_prepare (db, "SELECT s.capacity - coalesce (sum (r.party_size), 0)"
                                       " FROM sessions s LEFT JOIN registrations r"
                                       "   ON r.session_id = s.id AND r.status = 'confirmed'"
                                       " WHERE s.id = ?1 GROUP BY s.capacity", &error);
        atelier_db_stmt_bind_int64 (stmt, 1, session);
        g_assert_cmpint (atelier_db_stmt_step (stmt, &error), ==, ATELIER_DB_STEP_ROW);
        free_seats = atelier_db_stmt_column_int64 (stmt, 0);
        atelier_db_stmt_reset (stmt);
        g_assert_true (atelier_db_exec (db, "SELECT pg_sleep (0.005)", &error));
        if (free_seats > 0)
          {
            stmt = atelier_db_prepare (db, "INSERT INTO registrations (session_id, customer_id,"
                                           " party_size, status, created_at)"
                                           " VALUES (?1, ?2, 1, 'confirmed', 0)", &error);
            atelier_db_stmt_bind_int64 (stmt, 1, session);
            atelier_db_stmt_bind_int64 (stmt, 2, racer->first_customer + seat);
            if (!atelier_db_stmt_run (stmt, &refusal))
              racer->refused++;
          }
        g_assert_true (atelier_db_commit (db, &error));
      }
  atelier_db_close (db);
  return NULL;
}

static void
test_begin_serialises (Fixture       *f,
                       gconstpointer  data)
{
  int ready = 0;
  Racer racers[2] = {
    { f->uri, 10, 0, 20, &ready },
    { f->uri, 20, 0, 20, &ready },
  };
  GThread *threads[2];

  migrate_ok (f->db);
  exec_ok (f->db, "INSERT INTO workshops (id, title, duration_minutes, capacity, created_at)"
                  "  VALUES (1, 'Risotto', 120, 8, 0);"
                  "INSERT INTO sessions (workshop_id, starts_at, ends_at, time_zone, capacity,"
                  "                      uid, created_at)"
                  "  SELECT 1, 1000, 2000, 'UTC', 4, 'uid-' || n, 0"
                  "  FROM generate_series (1, 20) AS n;"
                  "INSERT INTO customers (id, given_name, created_at)"
                  "  SELECT n, 'C' || n, 0 FROM generate_series (10, 22) AS n;");

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("booker", book_like_the_core, &racers[i]);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);

  g_assert_cmpint (racers[0].refused + racers[1].refused, ==, 0);
  g_assert_cmpint (query_int (f->db, "SELECT count (*) FROM registrations"), ==, 20 * 4);
}

/* One query's rows, as text, from either engine. */
static char *
pg_rows (AtelierDb  *db,
         const char *sql)
{
  g_autoptr(GError) error = NULL;
  AtelierDbStmt *stmt = atelier_db_prepare (db, sql, &error);
  GString *out = g_string_new ("");

  g_assert_no_error (error);
  while (atelier_db_stmt_step (stmt, &error) == ATELIER_DB_STEP_ROW)
    {
      for (int c = 0; c < atelier_db_stmt_column_count (stmt); c++)
        {
          const char *value = atelier_db_stmt_column_text (stmt, c);

          g_string_append_printf (out, "%s|", value != NULL ? value : "NULL");
        }
      g_string_append_c (out, '\n');
    }
  g_assert_no_error (error);
  return g_string_free (out, FALSE);
}

static char *
sqlite_rows (sqlite3    *db,
             const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  GString *out = g_string_new ("");

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        {
          const char *value = (const char *) sqlite3_column_text (stmt, c);

          g_string_append_printf (out, "%s|", value != NULL ? value : "NULL");
        }
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);
  return g_string_free (out, FALSE);
}

/* The triggers and views do on PostgreSQL what they do on SQLite. */
static void
test_schema_same_effects (Fixture       *f,
                          gconstpointer  data)
{
  static const char changes[] =
    "UPDATE customers SET interests = 'Jardin, vin' WHERE id = 2;"
    "UPDATE workshops SET category = 'Œnologie' WHERE id = 1;"
    "UPDATE registrations SET checked_in_at = 900, arrived = 1 WHERE id = 1;"
    "INSERT INTO feed_events (session_id, format, start_offset, end_offset, vevent)"
    "  VALUES (1, 'f', 0, 0, 'v');"
    "INSERT INTO mail_messages (registration_id, purpose, kind, recipient, message_id, created_at)"
    "  VALUES (1, 'invite', 'new', 'zoe.dupont@example.org', 'm1', 0);"
    "UPDATE sessions SET place = 'Cuisine 2', sequence = 1 WHERE id = 1;"
    "INSERT INTO registrations (session_id, customer_id, party_size, status, created_at)"
    "  VALUES (1, 3, 1, 'confirmed', 70);";
  static const char *const queries[] = {
    "SELECT name FROM tags ORDER BY id",
    /* Ids of tags may differ: an insert PostgreSQL skips as a duplicate
     * still uses a number of the sequence. */
    "SELECT ct.customer_id, t.name FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id"
    "  ORDER BY ct.customer_id, t.created_at, t.id",
    "SELECT id, phone_key, last_seen_at FROM customers ORDER BY id",
    "SELECT count (*) FROM feed_events",
    "SELECT id, described_starts_at, described_place, state FROM mail_messages",
    "SELECT id, workshop_title, seats_taken, waiting_parties, waiting_seats, place"
    "  FROM session_overview ORDER BY id",
    "SELECT id, customer_name, status FROM registration_overview ORDER BY id",
    "SELECT registration_id, customer_name, kind, sequence, method FROM outbox"
    "  ORDER BY registration_id",
    "SELECT id FROM customers WHERE email = 'ZOE.Dupont@Example.org' COLLATE NOCASE",
  };
  sqlite3 *lite = open_sqlite_store ();

  migrate_ok (f->db);
  exec_ok (f->db, store_rows);
  exec_ok (f->db, changes);
  g_assert_cmpint (sqlite3_exec (lite, store_rows, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (lite, changes, NULL, NULL, NULL), ==, SQLITE_OK);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *expected = sqlite_rows (lite, queries[i]);
      g_autofree char *found = pg_rows (f->db, queries[i]);

      g_test_message ("%s", queries[i]);
      g_assert_cmpstr (found, ==, expected);
      g_assert_cmpstr (found, !=, "");
    }
  sqlite3_close (lite);
}

static void
test_schema_search (Fixture       *f,
                    gconstpointer  data)
{
  static const struct
  {
    const char *typed;
    const char *ids;
  } searches[] = {
    { "zoe", "1|\n" },
    { "ZO", "1|\n" },
    { "Zoé dup", "1|\n" },
    { "dupont zo", "1|\n" },
    { "lima", "3|\n" },
    { "example", "1|\n3|\n" },
    { "0612", "1|\n" },
    { "3361", "1|\n" },
    { "06 99", "" },
    { "0699", "2|\n" },
    { "zoe martin", "" },
    { "'&|!", "" },
  };

  migrate_ok (f->db);
  exec_ok (f->db, store_rows);
  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      g_autoptr(GError) error = NULL;
      AtelierDbStmt *stmt;
      GString *ids = g_string_new ("");
      g_autofree char *found = NULL;

      stmt = atelier_db_prepare (f->db, "SELECT id FROM customers"
                                        " WHERE atelier_search_document (given_name, family_name,"
                                        "                                email, phone)"
                                        "       @@ atelier_search_query (?1) ORDER BY id", &error);
      g_assert_no_error (error);
      atelier_db_stmt_bind_text (stmt, 1, searches[i].typed);
      while (atelier_db_stmt_step (stmt, &error) == ATELIER_DB_STEP_ROW)
        g_string_append_printf (ids, "%s|\n", atelier_db_stmt_column_text (stmt, 0));
      g_assert_no_error (error);
      found = g_string_free (ids, FALSE);
      g_test_message ("%s", searches[i].typed);
      g_assert_cmpstr (found, ==, searches[i].ids);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/atelier/db-pg/rewrite-parameters", test_rewrite);
  g_test_add_func ("/atelier/db-pg/uri/refused", test_uri_refused);
  g_test_add_func ("/atelier/db-pg/tls/local", test_tls_local);
  g_test_add_func ("/atelier/db-pg/tls/remote", test_tls_remote);
  g_test_add_func ("/atelier/db-pg/tls/refused", test_tls_refused);

  server_uri = g_getenv ("ATELIER_TEST_DATABASE");
  if (server_uri != NULL)
    {
      admin = atelier_db_pg_open (server_uri, NULL, &error);
      g_assert_no_error (error);

      g_test_add_func ("/atelier/db-pg/open/wrong-password", test_open_wrong_password);
      g_test_add_func ("/atelier/db-pg/open/unknown-database", test_open_unknown_database);
      g_test_add_func ("/atelier/db-pg/open/unreachable", test_open_unreachable);
      g_test_add_func ("/atelier/db-pg/open/read-committed", test_open_read_committed);
#define ADD(path, func) \
      g_test_add ("/atelier/db-pg/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
      ADD ("contract/bind-and-read", test_bind_and_read);
      ADD ("contract/blob", test_blob);
      ADD ("contract/rows-and-cache", test_rows_and_cache);
      ADD ("contract/transactions", test_transactions);
      ADD ("contract/busy", test_busy);
      ADD ("contract/lost-connection", test_lost_connection);
      ADD ("schema/version", test_schema_version);
      ADD ("schema/foreign", test_schema_foreign);
      ADD ("schema/refusals", test_schema_refusals);
      ADD ("schema/overbooking", test_schema_overbooking);
      ADD ("schema/race", test_schema_race);
      ADD ("schema/begin-serialises", test_begin_serialises);
      ADD ("schema/same-effects", test_schema_same_effects);
      ADD ("schema/search", test_schema_search);
#undef ADD
    }
  else
    g_printerr ("ATELIER_TEST_DATABASE is not set: only the cases without a server run "
                "(meson runs this program under tests/pg-server.py)\n");

  status = g_test_run ();
  atelier_db_close (admin);
  return status;
}
