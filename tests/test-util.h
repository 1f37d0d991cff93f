/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-util.h: what the core tests share: a fresh store per test */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "atelier-store.h"

typedef struct
{
  char         *dir;
  char         *path;
  AtelierStore *store;
} TestStore;

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
test_query_text (AtelierStore *store,
                 const char   *sql)
{
  static char result[512];
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  result[0] = '\0';
  g_assert_cmpint (sqlite3_open (atelier_store_get_path (store), &db), ==, SQLITE_OK);
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
