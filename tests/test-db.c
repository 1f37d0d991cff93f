/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-db.c: the statement layer's contract, which every engine keeps
 *
 * Written against AtelierDb alone, in SQL both engines understand: only
 * open_connection() knows the engine. ATELIER_TEST_DATABASE chooses it:
 * unset (or "sqlite") for a new SQLite file per test; a postgresql://
 * URI for a PostgreSQL database (its engine is not in this build yet).
 */
#include "config.h"

#include <glib/gstdio.h>

#include "atelier-db-sqlite.h"
#include "atelier-store.h"
#include "test-util.h"

typedef struct
{
  char      *dir;
  char      *path;
  AtelierDb *db;
} TestDb;

static const char schema[] =
  "CREATE TABLE workshops ("
  "  id BIGINT PRIMARY KEY,"
  "  title TEXT NOT NULL"
  ");"
  "CREATE TABLE sessions ("
  "  id BIGINT PRIMARY KEY,"
  "  workshop_id BIGINT NOT NULL REFERENCES workshops (id),"
  "  uid TEXT NOT NULL UNIQUE,"
  "  capacity INTEGER NOT NULL CONSTRAINT session_capacity_not_negative CHECK (capacity >= 0),"
  "  price DOUBLE PRECISION,"
  "  place TEXT"
  ");";

static gboolean
is_postgresql (void)
{
  const char *database = g_getenv ("ATELIER_TEST_DATABASE");

  return database != NULL &&
         (g_str_has_prefix (database, "postgresql:") || g_str_has_prefix (database, "postgres:"));
}

/* A connection to the fixture's database: the one place that knows the
 * engine. Each call is another client of the same database. */
static AtelierDb *
open_connection (TestDb *fixture)
{
  g_autoptr(GError) error = NULL;
  AtelierDb *db;

  g_assert_false (is_postgresql ());
  db = atelier_db_sqlite_open (fixture->path, FALSE, &error);
  g_assert_no_error (error);
  /* SQLite's variant: foreign keys are checked per connection. */
  g_assert_true (atelier_db_exec (db, "PRAGMA foreign_keys = ON", &error));
  g_assert_no_error (error);
  return db;
}

static void
test_db_setup (TestDb        *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("atelier-db-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "test.db", NULL);
  g_assert_true (g_file_set_contents (fixture->path, "", 0, &error));

  fixture->db = open_connection (fixture);
  g_assert_true (atelier_db_exec (fixture->db, schema, &error));
  g_assert_no_error (error);
  g_assert_true (atelier_db_exec (fixture->db,
                                  "INSERT INTO workshops VALUES (1, 'Risotto');"
                                  "INSERT INTO sessions VALUES (1, 1, 'a@test', 8, 45.5, 'Kitchen');"
                                  "INSERT INTO sessions VALUES (2, 1, 'b@test', 10, NULL, NULL);"
                                  "INSERT INTO sessions VALUES (3, 1, 'c@test', 12, 30, 'Hall')",
                                  &error));
  g_assert_no_error (error);
}

static void
test_db_teardown (TestDb        *fixture,
                  gconstpointer  data)
{
  g_clear_pointer (&fixture->db, atelier_db_close);
  test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static gint64
count_sessions (AtelierDb *db)
{
  g_autoptr(GError) error = NULL;
  AtelierDbStmt *stmt = atelier_db_prepare (db, "SELECT count(*) FROM sessions", &error);
  gint64 n;

  g_assert_no_error (error);
  g_assert_cmpint (atelier_db_stmt_step (stmt, &error), ==, ATELIER_DB_STEP_ROW);
  n = atelier_db_stmt_column_int64 (stmt, 0);
  atelier_db_stmt_reset (stmt);
  return n;
}

static gboolean
insert_session (AtelierDb   *db,
                gint64       id,
                const char  *uid,
                gint64       capacity,
                GError     **error)
{
  AtelierDbStmt *stmt = atelier_db_prepare (db, "INSERT INTO sessions (id, workshop_id, uid, capacity)"
                                                " VALUES (?, 1, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  atelier_db_stmt_bind_int64 (stmt, 1, id);
  atelier_db_stmt_bind_text (stmt, 2, uid);
  atelier_db_stmt_bind_int64 (stmt, 3, capacity);
  return atelier_db_stmt_run (stmt, error);
}

/* Each type goes in and comes out as it was; NULL by either call. */
static void
test_bind_types (TestDb *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  AtelierDbStmt *insert = atelier_db_prepare (fixture->db,
                                              "INSERT INTO sessions (id, workshop_id, uid, capacity, price, place)"
                                              " VALUES (?, ?, ?, ?, ?, ?)", &error);
  AtelierDbStmt *select;

  g_assert_no_error (error);
  atelier_db_stmt_bind_int64 (insert, 1, G_GINT64_CONSTANT (5000000000));
  atelier_db_stmt_bind_int64 (insert, 2, 1);
  atelier_db_stmt_bind_text (insert, 3, "Zoé’s class");
  atelier_db_stmt_bind_int64 (insert, 4, 6);
  atelier_db_stmt_bind_double (insert, 5, 12.25);
  atelier_db_stmt_bind_text (insert, 6, NULL);
  g_assert_true (atelier_db_stmt_run (insert, &error));
  g_assert_no_error (error);

  select = atelier_db_prepare (fixture->db,
                               "SELECT id, uid, capacity, price, place FROM sessions WHERE id = ?", &error);
  g_assert_no_error (error);
  atelier_db_stmt_bind_int64 (select, 1, G_GINT64_CONSTANT (5000000000));
  g_assert_cmpint (atelier_db_stmt_step (select, &error), ==, ATELIER_DB_STEP_ROW);
  g_assert_cmpint (atelier_db_stmt_column_int64 (select, 0), ==, G_GINT64_CONSTANT (5000000000));
  g_assert_cmpstr (atelier_db_stmt_column_text (select, 1), ==, "Zoé’s class");
  g_assert_cmpint (atelier_db_stmt_column_int (select, 2), ==, 6);
  g_assert_cmpfloat (atelier_db_stmt_column_double (select, 3), ==, 12.25);
  g_assert_true (atelier_db_stmt_column_is_null (select, 4));
  g_assert_null (atelier_db_stmt_column_text (select, 4));
  g_assert_false (atelier_db_stmt_column_is_null (select, 1));
  atelier_db_stmt_reset (select);

  /* bind_null, and a NULL read next to values. */
  atelier_db_stmt_bind_null (select, 1);
  g_assert_cmpint (atelier_db_stmt_step (select, &error), ==, ATELIER_DB_STEP_DONE);
  g_assert_no_error (error);
  atelier_db_stmt_reset (select);
}

/* Bytes come back as they went in, NUL and invalid UTF-8 included; an
 * empty blob is not NULL. */
static void
test_blob (TestDb *fixture, gconstpointer data)
{
  static const guchar raw[] = { 'a', 0, 0xff, 0xe9, '\n', 'z' };
  g_autoptr(GBytes) bytes = g_bytes_new_static (raw, sizeof raw);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) read = NULL;
  g_autoptr(GError) error = NULL;
  AtelierDbStmt *stmt;

  g_assert_true (atelier_db_exec (fixture->db, "CREATE TABLE blobs (id INTEGER PRIMARY KEY, b BLOB)", &error));
  stmt = atelier_db_prepare (fixture->db, "INSERT INTO blobs (id, b) VALUES (?, ?)", &error);
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

  stmt = atelier_db_prepare (fixture->db, "SELECT b FROM blobs ORDER BY id", &error);
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

/* Rows one by one, then done; a query that finds nothing is done at once. */
static void
test_step_rows (TestDb *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  AtelierDbStmt *stmt = atelier_db_prepare (fixture->db,
                                            "SELECT id, place AS room FROM sessions"
                                            " WHERE capacity >= ? ORDER BY id", &error);
  gint64 ids[2];
  guint n = 0;
  AtelierDbStep step;

  g_assert_no_error (error);
  g_assert_cmpint (atelier_db_stmt_column_count (stmt), ==, 2);
  g_assert_cmpstr (atelier_db_stmt_column_name (stmt, 0), ==, "id");
  g_assert_cmpstr (atelier_db_stmt_column_name (stmt, 1), ==, "room");

  atelier_db_stmt_bind_int64 (stmt, 1, 10);
  while ((step = atelier_db_stmt_step (stmt, &error)) == ATELIER_DB_STEP_ROW)
    {
      g_assert_cmpuint (n, <, G_N_ELEMENTS (ids));
      ids[n++] = atelier_db_stmt_column_int64 (stmt, 0);
    }
  g_assert_cmpint (step, ==, ATELIER_DB_STEP_DONE);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (ids[0], ==, 2);
  g_assert_cmpint (ids[1], ==, 3);
  atelier_db_stmt_reset (stmt);

  atelier_db_stmt_bind_int64 (stmt, 1, 100);
  g_assert_cmpint (atelier_db_stmt_step (stmt, &error), ==, ATELIER_DB_STEP_DONE);
  g_assert_no_error (error);
  atelier_db_stmt_reset (stmt);
}

/* The same SQL is the same statement, handed back from its start with
 * its bindings cleared, whatever the last user left. */
static void
test_cache_resets (TestDb *fixture, gconstpointer data)
{
  static const char sql[] = "SELECT id FROM sessions WHERE id >= ? ORDER BY id";
  g_autoptr(GError) error = NULL;
  AtelierDbStmt *stmt = atelier_db_prepare (fixture->db, sql, &error);
  AtelierDbStmt *again;
  AtelierDbStmt *own;

  g_assert_no_error (error);
  atelier_db_stmt_bind_int64 (stmt, 1, 2);
  g_assert_cmpint (atelier_db_stmt_step (stmt, &error), ==, ATELIER_DB_STEP_ROW);
  g_assert_cmpint (atelier_db_stmt_column_int64 (stmt, 0), ==, 2);

  /* Left in the middle of its rows, with ?1 bound. */
  again = atelier_db_prepare (fixture->db, sql, &error);
  g_assert_no_error (error);
  g_assert_true (again == stmt);
  /* An unbound parameter is NULL: nothing is >= NULL. */
  g_assert_cmpint (atelier_db_stmt_step (again, &error), ==, ATELIER_DB_STEP_DONE);
  g_assert_no_error (error);
  atelier_db_stmt_reset (again);

  atelier_db_stmt_bind_int64 (again, 1, 1);
  g_assert_cmpint (atelier_db_stmt_step (again, &error), ==, ATELIER_DB_STEP_ROW);
  g_assert_cmpint (atelier_db_stmt_column_int64 (again, 0), ==, 1);
  atelier_db_stmt_reset (again);
  g_assert_cmpint (atelier_db_stmt_step (again, &error), ==, ATELIER_DB_STEP_DONE);

  /* A statement of one's own is another statement. */
  own = atelier_db_prepare_uncached (fixture->db, sql, &error);
  g_assert_no_error (error);
  g_assert_true (own != stmt);
  atelier_db_stmt_bind_int64 (own, 1, 3);
  g_assert_cmpint (atelier_db_stmt_step (own, &error), ==, ATELIER_DB_STEP_ROW);
  g_assert_cmpint (atelier_db_stmt_column_int64 (own, 0), ==, 3);
  atelier_db_stmt_free (own);
}

static void
test_bad_sql (TestDb *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (atelier_db_prepare (fixture->db, "SELECT FROM WHERE", &error));
  g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_FAILED);
  g_assert_true (g_str_has_prefix (error->message, "The store could not do this: "));
  g_clear_error (&error);

  g_assert_false (atelier_db_exec (fixture->db, "DELETE FROM nowhere", &error));
  g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_FAILED);
}

/* A unique and a check constraint are each said in words, by name. */
static void
test_constraints_worded (TestDb *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (insert_session (fixture->db, 10, "a@test", 4, &error));
  g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_DUPLICATE);
  g_assert_cmpstr (error->message, ==, "Another session already has this calendar identifier.");
  g_clear_error (&error);

  g_assert_false (insert_session (fixture->db, 10, "new@test", -1, &error));
  g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "A capacity cannot be negative.");
  g_clear_error (&error);

  g_assert_cmpint (count_sessions (fixture->db), ==, 3);

  /* The statement works again once refused. */
  g_assert_true (insert_session (fixture->db, 10, "new@test", 4, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_sessions (fixture->db), ==, 4);
}

/* A row that refers to one missing, or one still referred to. */
static void
test_foreign_key (TestDb *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (atelier_db_exec (fixture->db, "DELETE FROM workshops WHERE id = 1", &error));
  g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_IN_USE);
  g_clear_error (&error);

  g_assert_false (atelier_db_exec (fixture->db,
                                   "INSERT INTO sessions (id, workshop_id, uid, capacity)"
                                   " VALUES (20, 99, 'z@test', 1)", &error));
  g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_IN_USE);
}

static void
test_rollback (TestDb *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (atelier_db_in_transaction (fixture->db));
  g_assert_true (atelier_db_begin (fixture->db, &error));
  g_assert_no_error (error);
  g_assert_true (atelier_db_in_transaction (fixture->db));
  g_assert_true (insert_session (fixture->db, 10, "d@test", 4, &error));
  g_assert_true (atelier_db_exec (fixture->db, "DELETE FROM sessions WHERE id = 1", &error));
  g_assert_cmpint (count_sessions (fixture->db), ==, 3);
  atelier_db_rollback (fixture->db);
  g_assert_false (atelier_db_in_transaction (fixture->db));

  g_assert_cmpint (count_sessions (fixture->db), ==, 3);
  {
    AtelierDbStmt *stmt = atelier_db_prepare (fixture->db, "SELECT 1 FROM sessions WHERE id = 10", &error);
    g_assert_cmpint (atelier_db_stmt_step (stmt, &error), ==, ATELIER_DB_STEP_DONE);
    atelier_db_stmt_reset (stmt);
  }

  /* A rollback with no transaction does nothing. */
  atelier_db_rollback (fixture->db);

  /* A commit keeps. */
  g_assert_true (atelier_db_begin (fixture->db, &error));
  g_assert_true (insert_session (fixture->db, 10, "d@test", 4, &error));
  g_assert_true (atelier_db_commit (fixture->db, &error));
  g_assert_no_error (error);
  g_assert_false (atelier_db_in_transaction (fixture->db));
  g_assert_cmpint (count_sessions (fixture->db), ==, 4);
}

static void
test_changes (TestDb *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  AtelierDbStmt *stmt = atelier_db_prepare (fixture->db,
                                            "UPDATE sessions SET capacity = capacity + 1 WHERE capacity < ?",
                                            &error);

  atelier_db_stmt_bind_int64 (stmt, 1, 11);
  g_assert_true (atelier_db_stmt_run (stmt, &error));
  g_assert_no_error (error);
  g_assert_cmpint (atelier_db_changes (fixture->db), ==, 2);

  atelier_db_stmt_bind_int64 (stmt, 1, 0);
  g_assert_true (atelier_db_stmt_run (stmt, &error));
  g_assert_cmpint (atelier_db_changes (fixture->db), ==, 0);
}

/* An insert returns its id in the dialect both engines share. */
static void
test_returning (TestDb *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  AtelierDbStmt *stmt = atelier_db_prepare (fixture->db,
                                            "INSERT INTO workshops (id, title) VALUES (?, ?)"
                                            " ON CONFLICT (id) DO UPDATE SET title = excluded.title"
                                            " RETURNING id, title",
                                            &error);

  atelier_db_stmt_bind_int64 (stmt, 1, 1);
  atelier_db_stmt_bind_text (stmt, 2, "Pasta");
  g_assert_cmpint (atelier_db_stmt_step (stmt, &error), ==, ATELIER_DB_STEP_ROW);
  g_assert_no_error (error);
  g_assert_cmpint (atelier_db_stmt_column_int64 (stmt, 0), ==, 1);
  g_assert_cmpstr (atelier_db_stmt_column_text (stmt, 1), ==, "Pasta");
  atelier_db_stmt_reset (stmt);
}

/* Another client holding the write lock makes a writer fail, once its
 * wait is over, with a sentence that says to try again. */
static void
test_busy (TestDb *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  AtelierDb *other = open_connection (fixture);

  g_assert_true (atelier_db_begin (other, &error));
  g_assert_no_error (error);
  g_assert_true (insert_session (other, 10, "e@test", 4, &error));

  atelier_db_set_busy_timeout (fixture->db, 50);
  g_assert_cmpuint (atelier_db_set_busy_timeout (fixture->db, 0), ==, 50);
  g_assert_false (atelier_db_begin (fixture->db, &error));
  g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_BUSY);
  g_assert_cmpstr (error->message, ==,
                   "Another Atelier window is busy writing to this store; please try again.");
  g_clear_error (&error);
  g_assert_false (atelier_db_in_transaction (fixture->db));

  g_assert_true (atelier_db_commit (other, &error));
  g_assert_true (atelier_db_begin (fixture->db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_sessions (fixture->db), ==, 4);
  atelier_db_rollback (fixture->db);
  atelier_db_close (other);
}

int
main (int argc, char **argv)
{
  test_init (&argc, &argv);

  if (is_postgresql ())
    {
      g_print ("1..0 # SKIP this build has no PostgreSQL engine\n");
      return 0;
    }

#define ADD(path, func) \
  g_test_add ("/atelier/db/" path, TestDb, NULL, test_db_setup, func, test_db_teardown)

  ADD ("bind-types", test_bind_types);
  ADD ("blob", test_blob);
  ADD ("step-rows", test_step_rows);
  ADD ("cache-resets", test_cache_resets);
  ADD ("bad-sql", test_bad_sql);
  ADD ("constraints-worded", test_constraints_worded);
  ADD ("foreign-key", test_foreign_key);
  ADD ("rollback", test_rollback);
  ADD ("changes", test_changes);
  ADD ("returning", test_returning);
  ADD ("busy", test_busy);

#undef ADD

  return g_test_run ();
}
