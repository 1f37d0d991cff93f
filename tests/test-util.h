/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-util.h: what the core tests share: a fresh store per test */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "atelier-db-pg.h"
#include "atelier-store.h"

/* path is the store's file, or on PostgreSQL its URI (a schema of its
 * own: cheaper than a database), schema that schema's name. */
typedef struct
{
  char         *dir;
  char         *path;
  char         *schema;
  AtelierStore *store;
} TestStore;

/* The server's URI when ATELIER_TEST_DATABASE names one (the -pg tests,
 * run by pg-server.py), else NULL: the stores are SQLite files. */
static inline const char *
test_server_uri (void)
{
  const char *database = g_getenv ("ATELIER_TEST_DATABASE");

  return database != NULL && atelier_db_pg_is_uri (database) ? database : NULL;
}

/* A connection of the tests' own to the server, to make and drop the
 * schemas. */
static inline AtelierDb *
test_server_admin (void)
{
  static AtelierDb *admin;
  g_autoptr(GError) error = NULL;

  if (admin != NULL)
    return admin;
  admin = atelier_db_pg_open (test_server_uri (), NULL, &error);
  g_assert_no_error (error);
  /* In a schema no test drops, for every test's search index. */
  g_assert_true (atelier_db_exec (admin, "CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public", &error));
  g_assert_no_error (error);
  return admin;
}

/* Skips the test when the stores are on the server: for what only a
 * file has (its mode, PRAGMAs, SQLite's own refusals). */
static inline gboolean
test_skip_on_server (void)
{
  if (test_server_uri () == NULL)
    return FALSE;
  g_test_skip ("a store file's own behaviour");
  return TRUE;
}

/* A URI to a new, empty schema of the test server, or NULL on SQLite. */
static inline char *
test_new_server_store (char **schema)
{
  static guint counter;
  g_autoptr(GError) error = NULL;
  g_autofree char *create = NULL;

  /* Set in every case: a fixture on the stack starts as garbage. */
  *schema = NULL;
  if (test_server_uri () == NULL)
    return NULL;
  *schema = g_strdup_printf ("test_%u_%u", (guint) getpid (), ++counter);
  create = g_strdup_printf ("CREATE SCHEMA %s", *schema);
  g_assert_true (atelier_db_exec (test_server_admin (), create, &error));
  g_assert_no_error (error);
  return g_strdup_printf ("%s%soptions=-c%%20search_path%%3D%s", test_server_uri (),
                          strchr (test_server_uri (), '?') != NULL ? "&" : "?", *schema);
}

static inline void
test_drop_server_store (const char *schema)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *drop = NULL;

  if (schema == NULL)
    return;
  drop = g_strdup_printf ("DROP SCHEMA %s CASCADE", schema);
  g_assert_true (atelier_db_exec (test_server_admin (), drop, &error));
  g_assert_no_error (error);
}

static inline void
test_init (int    *argc,
           char ***argv)
{
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
}

static inline void
test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static inline void
test_store_setup (TestStore     *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("atelier-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = test_new_server_store (&fixture->schema);
  if (fixture->path == NULL)
    fixture->path = g_build_filename (fixture->dir, "store.db", NULL);
  fixture->store = atelier_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);
}

static inline void
test_store_teardown (TestStore     *fixture,
                     gconstpointer  data)
{
  g_clear_object (&fixture->store);
  test_drop_server_store (fixture->schema);
  g_free (fixture->schema);
  test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

/* Reads the schema version with a plain connection of its own. */
static inline int
test_read_user_version (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return version;
}

/* The first column of the first row, as text, read through a second
 * connection to the store's file. The result lives until the next call. */
static inline const char *
test_query_text_at (const char *path,
                    const char *sql);

static inline const char *
test_query_text (AtelierStore *store,
                 const char   *sql)
{
  return test_query_text_at (atelier_store_get_path (store), sql);
}

/* test_query_text() on the store at @path (a file or a server's URI). */
static inline const char *
test_query_text_at (const char *path,
                    const char *sql)
{
  static char result[512];
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  result[0] = '\0';
  if (atelier_db_pg_is_uri (path))
    {
      g_autoptr(GError) error = NULL;
      AtelierDb *server = atelier_db_pg_open (path, NULL, &error);
      AtelierDbStmt *query;

      g_assert_no_error (error);
      query = atelier_db_prepare (server, sql, &error);
      g_assert_no_error (error);
      if (atelier_db_stmt_step (query, &error) == ATELIER_DB_STEP_ROW &&
          !atelier_db_stmt_column_is_null (query, 0))
        g_strlcpy (result, atelier_db_stmt_column_text (query, 0), sizeof result);
      g_assert_no_error (error);
      atelier_db_stmt_reset (query);
      atelier_db_close (server);
      return result;
    }
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    g_strlcpy (result, (const char *) sqlite3_column_text (stmt, 0), sizeof result);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return result;
}

/* Every readable property of @a equals the same property of @b. */
static inline void
test_assert_same_properties (GObject *a,
                             GObject *b)
{
  guint n_pspecs;
  g_autofree GParamSpec **pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n_pspecs);

  g_assert_true (G_OBJECT_TYPE (a) == G_OBJECT_TYPE (b));
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) va = G_VALUE_INIT;
      g_auto(GValue) vb = G_VALUE_INIT;

      g_value_init (&va, pspecs[i]->value_type);
      g_value_init (&vb, pspecs[i]->value_type);
      g_object_get_property (a, pspecs[i]->name, &va);
      g_object_get_property (b, pspecs[i]->name, &vb);
      if (g_param_values_cmp (pspecs[i], &va, &vb) != 0)
        {
          g_autofree char *sa = g_strdup_value_contents (&va);
          g_autofree char *sb = g_strdup_value_contents (&vb);
          g_error ("Property %s differs: %s != %s", pspecs[i]->name, sa, sb);
        }
    }
}
