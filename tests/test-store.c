/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-store.c: opening, migrating and refusing files; constraints; CRUD */
#define G_LOG_DOMAIN "test-store"

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include "atelier-backup.h"
#include "atelier-db-sqlite.h"
#include "atelier-schema-pg.h"
#include "atelier-store.h"
#include "atelier-store-private.h"
#include "test-util.h"

static AtelierWorkshop *
add_workshop (AtelierStore *store,
              const char   *title)
{
  g_autoptr(GError) error = NULL;
  AtelierWorkshop *workshop = atelier_workshop_new (title);

  g_object_set (workshop, "capacity", 8, "duration-minutes", 90, NULL);
  g_assert_true (atelier_store_add_workshop (store, workshop, &error));
  g_assert_no_error (error);
  return workshop;
}

static AtelierSession *
add_session (AtelierStore *store,
             gint64        workshop_id,
             const char   *iso_start,
             int           capacity)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) starts = g_date_time_new_from_iso8601 (iso_start, NULL);
  g_autoptr(GDateTime) ends = g_date_time_add_hours (starts, 2);
  AtelierSession *session = atelier_session_new (workshop_id, starts, ends, "Europe/Paris");

  g_object_set (session, "capacity", capacity, NULL);
  g_assert_true (atelier_store_add_session (store, session, &error));
  g_assert_no_error (error);
  return session;
}

static AtelierCustomer *
add_customer (AtelierStore *store,
              const char   *given,
              const char   *family)
{
  g_autoptr(GError) error = NULL;
  AtelierCustomer *customer = atelier_customer_new (given, family);

  g_assert_true (atelier_store_add_customer (store, customer, &error));
  g_assert_no_error (error);
  return customer;
}

/* Through a second connection: what another process would see. */
static int
count_rows (AtelierStore *store,
            const char   *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);

  return atoi (test_query_text (store, sql));
}

static void
test_open_creates_private_file (TestStore *fixture, gconstpointer data)
{
  struct stat st;
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *nested = g_build_filename (fixture->dir, "a", "b", "store.db", NULL);

  if (test_skip_on_server ())
    return;

  g_assert_cmpint (g_stat (atelier_store_get_path (fixture->store), &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* Missing folders are made, private too. */
  store = atelier_store_open (nested, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (g_stat (nested, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_open_migrates_and_reopens (TestStore *fixture, gconstpointer data)
{
  g_autoptr(AtelierWorkshop) workshop = add_workshop (fixture->store, "Risotto aux cèpes");
  g_autoptr(AtelierStore) again = NULL;
  g_autoptr(AtelierWorkshop) read = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = atelier_workshop_get_id (workshop);

  if (test_server_uri () != NULL)
    g_assert_cmpint (atoi (test_query_text (fixture->store, "SELECT version FROM store_schema")), ==,
                     atelier_schema_pg_latest_version ());
  else
    g_assert_cmpint (test_read_user_version (atelier_store_get_path (fixture->store)), ==,
                     atelier_store_schema_version ());
  g_clear_object (&fixture->store);

  again = atelier_store_open (fixture->path, &error);
  g_assert_no_error (error);
  read = atelier_store_get_workshop (again, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (atelier_workshop_get_title (read), ==, "Risotto aux cèpes");
}

/* A server's store of a newer format is refused as a file's is, and
 * left as it was. */
static void
test_open_server_refuses_newer (TestStore *fixture, gconstpointer data)
{
  g_autofree char *newer = NULL;
  g_autoptr(AtelierStore) again = NULL;
  g_autoptr(GError) error = NULL;
  int latest = atelier_schema_pg_latest_version ();

  if (test_server_uri () == NULL)
    {
      g_test_skip ("a server's store");
      return;
    }

  newer = g_strdup_printf ("UPDATE store_schema SET version = %d RETURNING version", latest + 1);
  g_assert_cmpint (atoi (test_query_text (fixture->store, newer)), ==, latest + 1);
  g_clear_object (&fixture->store);

  again = atelier_store_open (fixture->path, &error);
  g_assert_null (again);
  g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer version of Atelier"));
  g_assert_cmpint (atoi (test_query_text_at (fixture->path, "SELECT version FROM store_schema")), ==,
                   latest + 1);
}

static void
test_open_empty_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("atelier-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "empty.db", NULL);
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(GError) error = NULL;

  /* An existing zero-byte file may be a store truncated by accident:
   * refused and left as it is, until the caller says to make a store. */
  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  store = atelier_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_EMPTY_FILE);
  g_assert_nonnull (strstr (error->message, "is empty"));
  g_assert_nonnull (strstr (error->message, "backup"));
  g_clear_error (&error);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  {
    GStatBuf st;
    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpint (st.st_size, ==, 0);
  }

  store = atelier_store_open_full (path, ATELIER_STORE_OPEN_INIT_EMPTY_FILE, &error);
  g_assert_no_error (error);
  g_assert_true (atelier_store_is_empty (store, &error));
  g_assert_cmpint (test_read_user_version (path), ==, atelier_store_schema_version ());

  g_clear_object (&store);
  test_remove_tree (dir);
}

static void
test_open_refuses_newer (void)
{
  g_autofree char *dir = g_dir_make_tmp ("atelier-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "newer.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE future (x); PRAGMA application_id = 1096043602;"
                                 "PRAGMA user_version = 99;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));

  store = atelier_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer version of Atelier"));
  g_assert_nonnull (strstr (error->message, "99"));

  /* Untouched, byte for byte, and no WAL file left behind. */
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_cmpint (test_read_user_version (path), ==, 99);

  test_remove_tree (dir);
}

static void
test_open_refuses_foreign (void)
{
  g_autofree char *dir = g_dir_make_tmp ("atelier-test-XXXXXX", NULL);
  g_autofree char *text = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *other = g_build_filename (dir, "other.db", NULL);
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_true (g_file_set_contents (text, "Liste de courses : riz, cèpes, parmesan\n", -1, NULL));
  store = atelier_store_open (text, &error);
  g_assert_null (store);
  g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_OPEN);
  g_clear_error (&error);

  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE invoices (n)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  store = atelier_store_open (other, &error);
  g_assert_null (store);
  g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, "another program"));

  test_remove_tree (dir);
}

/* A store with one workshop, closed: its file alone, no log beside it. */
static char *
make_closed_store (const char *dir)
{
  char *path = g_build_filename (dir, "store.db", NULL);
  g_autoptr(AtelierStore) store = atelier_store_open (path, NULL);
  g_autoptr(AtelierWorkshop) workshop = atelier_workshop_new ("Risotto aux cèpes");

  g_assert_nonnull (store);
  g_assert_true (atelier_store_add_workshop (store, workshop, NULL));
  return path;
}

static void
assert_refused_untouched (const char *path,
                          int         code,
                          const char *mentioned)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  gsize before_len, after_len;
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));
  store = atelier_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, ATELIER_STORE_ERROR, code);
  if (strstr (error->message, mentioned) == NULL)
    g_error ("“%s” does not say “%s”", error->message, mentioned);
  g_assert_null (strstr (error->message, "not an Atelier store"));
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

/* A damaged file is called damaged, points to the backup, and is never
 * written to. */
static void
test_open_damaged (void)
{
  g_autofree char *dir = g_dir_make_tmp ("atelier-test-XXXXXX", NULL);
  g_autofree char *path = make_closed_store (dir);
  g_autofree char *contents = NULL;
  gsize length;

  /* The first page's b-tree header, where the schema starts, garbled. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4096);
  memset (contents + 100, 0xee, 12);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  assert_refused_untouched (path, ATELIER_STORE_ERROR_DAMAGED, "damaged");
  assert_refused_untouched (path, ATELIER_STORE_ERROR_DAMAGED, "backup");

  /* Cut short inside its header: still an SQLite file, damaged. */
  g_assert_true (g_file_set_contents (path, contents, 60, NULL));
  assert_refused_untouched (path, ATELIER_STORE_ERROR_DAMAGED, "damaged");

  test_remove_tree (dir);
}

/* A flipped bit in the format number does not claim a newer Atelier. */
static void
test_open_flipped_version (void)
{
  g_autofree char *dir = g_dir_make_tmp ("atelier-test-XXXXXX", NULL);
  g_autofree char *path = make_closed_store (dir);
  g_autofree char *pragma = g_strdup_printf ("PRAGMA user_version = %d",
                                             atelier_store_schema_version () | (1 << 20));
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, pragma, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_refused_untouched (path, ATELIER_STORE_ERROR_DAMAGED, "makes no sense");
  test_remove_tree (dir);
}

/* A store opened read-only (as on a read-only mount) reads, and every
 * change says why it is refused; the file stays as it was. */
static void
test_open_read_only (void)
{
  g_autofree char *dir = g_dir_make_tmp ("atelier-test-XXXXXX", NULL);
  g_autofree char *path = make_closed_store (dir);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(AtelierWorkshop) workshop = atelier_workshop_new ("Tasting");
  g_autoptr(GListModel) workshops = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));
  store = atelier_store_open_full (path, ATELIER_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (atelier_store_is_read_only (store));

  workshops = atelier_store_list_workshops (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (workshops), ==, 1);

  g_assert_false (atelier_store_add_workshop (store, workshop, &error));
  g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (atelier_store_begin (store, &error));
  g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "read-only"));

  g_clear_object (&store);
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  test_remove_tree (dir);
}

static void
test_pragmas (TestStore *fixture, gconstpointer data)
{
  /* WAL is a property of the file; foreign keys, a property of the
   * store's own connection, are checked by the constraint tests. */
  if (test_skip_on_server ())
    return;
  g_assert_cmpstr (test_query_text (fixture->store, "PRAGMA journal_mode"), ==, "wal");
  g_assert_cmpstr (test_query_text (fixture->store, "PRAGMA application_id"), ==, "1096043602");
}

typedef struct
{
  const char *property;
  int         value;
  const char *message_part;
} BadWorkshopValue;

static void
test_workshop_constraints (TestStore *fixture, gconstpointer data)
{
  static const BadWorkshopValue bad[] = {
    { "capacity", -1, "capacity" },
    { "duration-minutes", 0, "minute" },
    { "price-cents", -100, "price" },
  };
  g_autoptr(AtelierWorkshop) good = add_workshop (fixture->store, "Macarons");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(AtelierWorkshop) workshop = atelier_workshop_new ("Pain au levain");
      g_autoptr(GError) error = NULL;
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (workshop),
                                                        bad[i].property);
      GValue value = G_VALUE_INIT;

      g_value_init (&value, pspec->value_type);
      if (pspec->value_type == G_TYPE_INT64)
        g_value_set_int64 (&value, bad[i].value);
      else
        g_value_set_int (&value, bad[i].value);
      g_object_set_property (G_OBJECT (workshop), bad[i].property, &value);

      g_assert_false (atelier_store_add_workshop (fixture->store, workshop, &error));
      g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, bad[i].message_part));
      g_assert_cmpint (atelier_workshop_get_id (workshop), ==, 0);
    }

  for (guint i = 0; i < 3; i++)
    {
      static const char *const titles[] = { "", "   ", NULL };
      g_autoptr(AtelierWorkshop) workshop = atelier_workshop_new (titles[i]);
      g_autoptr(GError) error = NULL;

      g_assert_false (atelier_store_add_workshop (fixture->store, workshop, &error));
      g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, "A workshop needs a title.");
    }

  /* An update is refused the same way and changes nothing. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(AtelierWorkshop) read = NULL;

    g_object_set (good, "title", " ", NULL);
    g_assert_false (atelier_store_update_workshop (fixture->store, good, &error));
    g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_INVALID);
    read = atelier_store_get_workshop (fixture->store, atelier_workshop_get_id (good), NULL);
    g_assert_cmpstr (atelier_workshop_get_title (read), ==, "Macarons");
  }

  g_assert_cmpint (count_rows (fixture->store, "workshops"), ==, 1);
}

static void
test_session_constraints (TestStore *fixture, gconstpointer data)
{
  g_autoptr(AtelierWorkshop) workshop = add_workshop (fixture->store, "Vins de Loire");
  g_autoptr(GDateTime) starts = g_date_time_new_from_iso8601 ("2026-12-04T19:00:00+01:00", NULL);
  g_autoptr(GDateTime) earlier = g_date_time_add_hours (starts, -1);
  g_autoptr(GDateTime) ends = g_date_time_add_hours (starts, 2);
  gint64 wid = atelier_workshop_get_id (workshop);
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(AtelierSession) s = atelier_session_new (wid, starts, earlier, "Europe/Paris");
    g_assert_false (atelier_store_add_session (fixture->store, s, &error));
    g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==, "A session must end after it starts.");
    g_clear_error (&error);
  }
  {
    g_autoptr(AtelierSession) s = atelier_session_new (wid, starts, starts, "Europe/Paris");
    g_assert_false (atelier_store_add_session (fixture->store, s, &error));
    g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  {
    g_autoptr(AtelierSession) s = atelier_session_new (wid, starts, ends, "Europe/Paris");
    g_object_set (s, "capacity", -2, NULL);
    g_assert_false (atelier_store_add_session (fixture->store, s, &error));
    g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==, "A capacity cannot be negative.");
    g_clear_error (&error);
  }
  {
    g_autoptr(AtelierSession) s = atelier_session_new (wid, starts, ends, "Mars/Olympus_Mons");
    g_assert_false (atelier_store_add_session (fixture->store, s, &error));
    g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "Mars/Olympus_Mons"));
    g_clear_error (&error);
  }
  {
    g_autoptr(AtelierSession) s = atelier_session_new (wid + 100, starts, ends, "Europe/Paris");
    g_assert_false (atelier_store_add_session (fixture->store, s, &error));
    g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==, "The session’s workshop does not exist.");
    g_clear_error (&error);
  }

  g_assert_cmpint (count_rows (fixture->store, "sessions"), ==, 0);
}

static void
test_customer_constraints (TestStore *fixture, gconstpointer data)
{
  g_autoptr(AtelierCustomer) nobody = atelier_customer_new (" ", "");
  g_autoptr(GError) error = NULL;

  g_assert_false (atelier_store_add_customer (fixture->store, nobody, &error));
  g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "A customer needs a name.");
  g_assert_cmpint (count_rows (fixture->store, "customers"), ==, 0);
}

static void
test_registration_constraints (TestStore *fixture, gconstpointer data)
{
  g_autoptr(AtelierWorkshop) workshop = add_workshop (fixture->store, "Maquillage");
  g_autoptr(AtelierSession) session = add_session (fixture->store, atelier_workshop_get_id (workshop),
                                                   "2026-12-01T18:30:00+01:00", 4);
  g_autoptr(AtelierCustomer) lea = add_customer (fixture->store, "Léa", "Lefèvre");
  g_autoptr(AtelierCustomer) hugo = add_customer (fixture->store, "Hugo", "Moreau");
  gint64 sid = atelier_session_get_id (session);
  g_autoptr(AtelierRegistration) first = atelier_registration_new (sid, atelier_customer_get_id (lea), 3);
  g_autoptr(GError) error = NULL;

  g_assert_true (atelier_store_add_registration (fixture->store, first, &error));
  g_assert_no_error (error);

  {
    /* The same customer twice in one session. */
    g_autoptr(AtelierRegistration) r = atelier_registration_new (sid, atelier_customer_get_id (lea), 1);
    g_assert_false (atelier_store_add_registration (fixture->store, r, &error));
    g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_DUPLICATE);
    g_assert_cmpstr (error->message, ==, "This customer is already signed up to this session.");
    g_clear_error (&error);
  }
  {
    g_autoptr(AtelierRegistration) r = atelier_registration_new (sid, atelier_customer_get_id (hugo), 0);
    g_assert_false (atelier_store_add_registration (fixture->store, r, &error));
    g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==, "A party has at least one person.");
    g_clear_error (&error);
  }
  {
    /* Three seats taken of four: a party of two cannot be confirmed. */
    g_autoptr(AtelierRegistration) r = atelier_registration_new (sid, atelier_customer_get_id (hugo), 2);
    g_assert_false (atelier_store_add_registration (fixture->store, r, &error));
    g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==, "The session has not enough free seats.");
    g_clear_error (&error);
  }
  {
    g_autoptr(AtelierRegistration) r = atelier_registration_new (sid, atelier_customer_get_id (hugo), 2);
    g_object_set (r, "status", ATELIER_REGISTRATION_WAITLISTED, NULL);
    g_assert_false (atelier_store_add_registration (fixture->store, r, &error));
    g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==, "Only a registration on the waiting list has a place in it.");
    g_clear_error (&error);
  }
  {
    g_autoptr(AtelierRegistration) r = atelier_registration_new (sid, atelier_customer_get_id (hugo), 1);
    g_object_set (r, "status", "maybe", NULL);
    g_assert_false (atelier_store_add_registration (fixture->store, r, &error));
    g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  {
    g_autoptr(AtelierRegistration) r = atelier_registration_new (sid, atelier_customer_get_id (hugo), 2);
    g_object_set (r, "status", ATELIER_REGISTRATION_WAITLISTED, "checked-in-at", (gint64) 1, "waitlist-position", 1, NULL);
    g_assert_false (atelier_store_add_registration (fixture->store, r, &error));
    g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==, "Only a confirmed registration can be checked in.");
    g_clear_error (&error);
  }
  {
    /* Capacity cannot drop below the three seats taken. */
    g_object_set (session, "capacity", 2, NULL);
    g_assert_false (atelier_store_update_session (fixture->store, session, &error));
    g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  {
    g_autoptr(AtelierRegistration) r = atelier_registration_new (sid, 9999, 1);
    g_assert_false (atelier_store_add_registration (fixture->store, r, &error));
    g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }

  g_assert_cmpint (count_rows (fixture->store, "registrations"), ==, 1);
  g_assert_cmpstr (test_query_text (fixture->store, "SELECT capacity FROM sessions"), ==, "4");
}

static void
test_delete_in_use (TestStore *fixture, gconstpointer data)
{
  g_autoptr(AtelierWorkshop) workshop = add_workshop (fixture->store, "Couteaux");
  g_autoptr(AtelierSession) session = add_session (fixture->store, atelier_workshop_get_id (workshop),
                                                   "2026-12-03T18:30:00+01:00", 8);
  g_autoptr(GError) error = NULL;

  g_assert_false (atelier_store_delete_workshop (fixture->store, atelier_workshop_get_id (workshop), &error));
  g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_IN_USE);
  g_clear_error (&error);

  g_assert_false (atelier_store_delete_workshop (fixture->store, 4242, &error));
  g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "There is no workshop number 4242.");
  g_clear_error (&error);

  g_assert_true (atelier_store_delete_session (fixture->store, atelier_session_get_id (session), &error));
  g_assert_true (atelier_store_delete_workshop (fixture->store, atelier_workshop_get_id (workshop), &error));
  g_assert_no_error (error);
  g_assert_true (atelier_store_is_empty (fixture->store, &error));
}

static void
test_workshop_crud (TestStore *fixture, gconstpointer data)
{
  g_autoptr(AtelierWorkshop) workshop = atelier_workshop_new ("Risotto aux cèpes 🍄");
  g_autoptr(AtelierWorkshop) read = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_object_set (workshop,
                "description", "Nacrer, mouiller, « mantecare » : le geste juste.",
                "takeaway", "Livret de recettes",
                "bring", "Un tablier\nUn couteau",
                "host", "Marco Bellini",
                "duration-minutes", 150,
                "capacity", 10,
                "price-cents", (gint64) 6500,
                "category", "cuisine",
                NULL);
  g_assert_true (atelier_store_add_workshop (fixture->store, workshop, &error));
  g_assert_no_error (error);
  id = atelier_workshop_get_id (workshop);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (atelier_workshop_get_created_at (workshop), >, 0);

  read = atelier_store_get_workshop (fixture->store, id, &error);
  g_assert_no_error (error);
  test_assert_same_properties (G_OBJECT (workshop), G_OBJECT (read));

  g_object_set (workshop, "title", "Risotto milanese", "capacity", 12, NULL);
  g_assert_true (atelier_store_update_workshop (fixture->store, workshop, &error));
  g_clear_object (&read);
  read = atelier_store_get_workshop (fixture->store, id, &error);
  test_assert_same_properties (G_OBJECT (workshop), G_OBJECT (read));

  list = atelier_store_list_workshops (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_assert_true (g_list_model_get_item_type (list) == ATELIER_TYPE_WORKSHOP);

  g_assert_true (atelier_store_delete_workshop (fixture->store, id, &error));
  g_clear_object (&read);
  read = atelier_store_get_workshop (fixture->store, id, &error);
  g_assert_null (read);
  g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_NOT_FOUND);
}

static void
test_session_crud (TestStore *fixture, gconstpointer data)
{
  g_autoptr(AtelierWorkshop) workshop = add_workshop (fixture->store, "Macarons parisiens");
  g_autoptr(AtelierSession) session = add_session (fixture->store, atelier_workshop_get_id (workshop),
                                                   "2026-12-09T14:00:00+01:00", 8);
  g_autoptr(AtelierSession) read = NULL;
  g_autoptr(AtelierSession) other = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *original_uid = g_strdup (atelier_session_get_uid (session));

  g_assert_nonnull (original_uid);
  g_assert_true (g_str_has_suffix (original_uid, "@atelier.ateliers.github.io"));
  g_assert_cmpint (atelier_session_get_sequence (session), ==, 0);
  g_assert_cmpstr (atelier_session_get_status (session), ==, ATELIER_SESSION_SCHEDULED);

  read = atelier_store_get_session (fixture->store, atelier_session_get_id (session), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (atelier_session_get_workshop_title (read), ==, "Macarons parisiens");
  g_assert_cmpint (atelier_session_get_seats_taken (read), ==, 0);
  g_assert_cmpstr (atelier_session_get_uid (read), ==, original_uid);
  start = atelier_session_dup_start (read);
  g_assert_cmpint (g_date_time_get_hour (start), ==, 14);
  g_assert_cmpint (g_date_time_get_utc_offset (start) / G_TIME_SPAN_HOUR, ==, 1);

  /* The UID is stable: an update cannot change it. */
  g_object_set (session, "place", "Cuisine de l’atelier", "uid", "forged@example.org", NULL);
  g_assert_true (atelier_store_update_session (fixture->store, session, &error));
  g_clear_object (&read);
  read = atelier_store_get_session (fixture->store, atelier_session_get_id (session), &error);
  g_assert_cmpstr (atelier_session_get_place (read), ==, "Cuisine de l’atelier");
  g_assert_cmpstr (atelier_session_get_uid (read), ==, original_uid);

  /* Each session gets its own UID. */
  other = add_session (fixture->store, atelier_workshop_get_id (workshop), "2026-12-16T14:00:00+01:00", 8);
  g_assert_cmpstr (atelier_session_get_uid (other), !=, original_uid);
}

static void
test_list_sessions_range (TestStore *fixture, gconstpointer data)
{
  g_autoptr(AtelierWorkshop) workshop = add_workshop (fixture->store, "Pain au levain");
  gint64 wid = atelier_workshop_get_id (workshop);
  g_autoptr(AtelierSession) a = add_session (fixture->store, wid, "2026-12-20T09:30:00+01:00", 6);
  g_autoptr(AtelierSession) b = add_session (fixture->store, wid, "2026-11-29T09:30:00+01:00", 6);
  g_autoptr(AtelierSession) c = add_session (fixture->store, wid, "2027-01-10T09:30:00+01:00", 6);
  g_autoptr(GDateTime) from = g_date_time_new_from_iso8601 ("2026-12-01T00:00:00+01:00", NULL);
  g_autoptr(GDateTime) to = g_date_time_new_from_iso8601 ("2027-01-10T09:30:00+01:00", NULL);
  g_autoptr(GListModel) all = atelier_store_list_sessions (fixture->store, NULL, NULL, NULL);
  g_autoptr(GListModel) some = atelier_store_list_sessions (fixture->store, from, to, NULL);
  g_autoptr(AtelierSession) first = g_list_model_get_item (all, 0);
  g_autoptr(AtelierSession) only = g_list_model_get_item (some, 0);

  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 3);
  g_assert_cmpint (atelier_session_get_id (first), ==, atelier_session_get_id (b));
  g_assert_cmpuint (g_list_model_get_n_items (some), ==, 1);
  g_assert_cmpint (atelier_session_get_id (only), ==, atelier_session_get_id (a));
  (void) c;
}

static void
test_customer_crud_unicode (TestStore *fixture, gconstpointer data)
{
  static const char *const names[][2] = {
    { "Zoé", "Ñúñez-Müller" },
    { "ليلى", "حداد" },
    { "נועה", "כהן" },
    { "芳", "王" },
    { "Chidi 👩‍🍳", "Okafor" },
    { "Łukasz", "Wójcik\u200f" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(AtelierCustomer) customer = atelier_customer_new (names[i][0], names[i][1]);
      g_autoptr(AtelierCustomer) read = NULL;
      g_autoptr(GError) error = NULL;

      g_object_set (customer,
                    "email", "zoé@exemple.fr",
                    "phone", "+33 6 12 34 56 78",
                    "note", "Allergique aux noix ; « végétarienne »\nLigne 2",
                    "interests", "cuisine, vin",
                    "consent", TRUE,
                    "consent-at", (gint64) 1764000000,
                    NULL);
      g_assert_true (atelier_store_add_customer (fixture->store, customer, &error));
      g_assert_no_error (error);
      read = atelier_store_get_customer (fixture->store, atelier_customer_get_id (customer), &error);
      g_assert_no_error (error);
      test_assert_same_properties (G_OBJECT (customer), G_OBJECT (read));
    }

  {
    g_autoptr(AtelierCustomer) plain = atelier_customer_new ("Hugo", NULL);
    g_autoptr(AtelierCustomer) read = NULL;
    g_autoptr(GListModel) list = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_true (atelier_store_add_customer (fixture->store, plain, &error));
    read = atelier_store_get_customer (fixture->store, atelier_customer_get_id (plain), &error);
    g_assert_null (atelier_customer_get_email (read));
    g_assert_null (atelier_customer_get_phone (read));
    g_assert_cmpint (atelier_customer_get_consent_at (read), ==, 0);

    g_object_set (read, "email", "hugo@example.org", NULL);
    g_assert_true (atelier_store_update_customer (fixture->store, read, &error));
    list = atelier_store_list_customers (fixture->store, &error);
    g_assert_cmpuint (g_list_model_get_n_items (list), ==, G_N_ELEMENTS (names) + 1);

    g_assert_true (atelier_store_delete_customer (fixture->store, atelier_customer_get_id (plain), &error));
    g_assert_no_error (error);
  }
}

static void
test_registration_crud (TestStore *fixture, gconstpointer data)
{
  g_autoptr(AtelierWorkshop) workshop = add_workshop (fixture->store, "Risotto");
  g_autoptr(AtelierSession) session = add_session (fixture->store, atelier_workshop_get_id (workshop),
                                                   "2026-12-05T10:00:00+01:00", 4);
  g_autoptr(AtelierCustomer) giulia = add_customer (fixture->store, "Giulia", "Rossi");
  g_autoptr(AtelierCustomer) joao = add_customer (fixture->store, "João", "Silva");
  gint64 sid = atelier_session_get_id (session);
  g_autoptr(AtelierRegistration) confirmed = atelier_registration_new (sid, atelier_customer_get_id (giulia), 3);
  g_autoptr(AtelierRegistration) waiting = atelier_registration_new (sid, atelier_customer_get_id (joao), 2);
  g_autoptr(AtelierRegistration) read = NULL;
  g_autoptr(AtelierSession) counted = NULL;
  g_autoptr(GListModel) roster = NULL;
  g_autoptr(GError) error = NULL;

  g_object_set (confirmed, "note", "Avec ses deux enfants 👧👦", NULL);
  g_object_set (waiting, "status", ATELIER_REGISTRATION_WAITLISTED, "waitlist-position", 1, NULL);
  g_assert_true (atelier_store_add_registration (fixture->store, confirmed, &error));
  g_assert_true (atelier_store_add_registration (fixture->store, waiting, &error));
  g_assert_no_error (error);

  read = atelier_store_get_registration (fixture->store, atelier_registration_get_id (confirmed), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (atelier_registration_get_customer_name (read), ==, "Giulia Rossi");
  g_assert_cmpstr (atelier_registration_get_note (read), ==, "Avec ses deux enfants 👧👦");

  counted = atelier_store_get_session (fixture->store, sid, &error);
  g_assert_cmpint (atelier_session_get_seats_taken (counted), ==, 3);
  g_assert_cmpint (atelier_session_get_waiting_parties (counted), ==, 1);
  g_assert_cmpint (atelier_session_get_waiting_seats (counted), ==, 2);

  roster = atelier_store_list_registrations (fixture->store, sid, &error);
  g_assert_cmpuint (g_list_model_get_n_items (roster), ==, 2);

  g_object_set (read, "checked-in-at", (gint64) 1764925200, NULL);
  g_assert_true (atelier_store_update_registration (fixture->store, read, &error));
  g_assert_no_error (error);
  g_assert_true (atelier_store_delete_registration (fixture->store, atelier_registration_get_id (waiting), &error));
  g_assert_false (atelier_store_delete_registration (fixture->store, atelier_registration_get_id (waiting), &error));
  g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_NOT_FOUND);
}

static void
on_changed (AtelierStore *store,
            const char   *table,
            gpointer      user_data)
{
  GPtrArray *seen = user_data;

  g_ptr_array_add (seen, g_strdup (table));
}

static void
test_changed_signal (TestStore *fixture, gconstpointer data)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(AtelierWorkshop) workshop = NULL;

  g_signal_connect (fixture->store, "changed::workshops", G_CALLBACK (on_changed), seen);
  workshop = add_workshop (fixture->store, "Risotto");
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpstr (seen->pdata[0], ==, "workshops");
  g_object_unref (add_customer (fixture->store, "Zoé", "Martin"));
  g_assert_cmpuint (seen->len, ==, 1);
}

/* What cannot be written is said in words a store manager can act on,
 * and nothing is half-written. */
static void
test_write_refused_by_file (TestStore *fixture, gconstpointer data)
{
  sqlite3 *db = atelier_db_sqlite_get_handle (atelier_store_get_db (fixture->store));
  g_autoptr(AtelierCustomer) customer = atelier_customer_new ("Zoé", "Martin");
  g_autoptr(GError) error = NULL;
  g_autofree char *limit = NULL;
  sqlite3_stmt *stmt;

  if (test_skip_on_server ())
    return;

  g_assert_cmpint (sqlite3_exec (db, "PRAGMA query_only = 1", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_false (atelier_store_add_customer (fixture->store, customer, &error));
  g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_READ_ONLY);
  g_assert_cmpstr (error->message, ==, "The store’s file can be read but not changed. "
                                       "Check who may write to it, then try again.");
  g_clear_error (&error);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA query_only = 0", NULL, NULL, NULL), ==, SQLITE_OK);

  /* A file that may not grow stands for a full disk. */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA page_count", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  limit = g_strdup_printf ("PRAGMA max_page_count = %d", sqlite3_column_int (stmt, 0));
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_exec (db, limit, NULL, NULL, NULL), ==, SQLITE_OK);
  {
    g_autofree char *note = g_strnfill (200000, 'n');

    g_object_set (customer, "note", note, NULL);
    g_assert_false (atelier_store_add_customer (fixture->store, customer, &error));
  }
  g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, "The disk is full. Free some space, then try again.");
  g_assert_cmpint (count_rows (fixture->store, "customers"), ==, 0);
}

static void test_customer_columns_file (TestStore *fixture);

/* ATELIER_CUSTOMER_COLUMNS names every column of customers but the
 * virtual phone_key: a column added by a schema step without it would be
 * read by no customer list. */
static void
test_customer_columns (TestStore *fixture, gconstpointer data)
{
  if (test_server_uri () != NULL)
    {
      g_assert_cmpstr (test_query_text (fixture->store,
                                        "SELECT string_agg (column_name, ', ' ORDER BY ordinal_position)"
                                        " FROM information_schema.columns"
                                        " WHERE table_schema = current_schema () AND table_name = 'customers'"
                                        " AND column_name <> 'phone_key'"),
                       ==, ATELIER_CUSTOMER_COLUMNS (""));
      return;
    }
  test_customer_columns_file (fixture);
}

static void
test_customer_columns_file (TestStore *fixture)
{
  sqlite3 *db = atelier_db_sqlite_get_handle (atelier_store_get_db (fixture->store));
  g_auto(GStrv) listed = g_strsplit (ATELIER_CUSTOMER_COLUMNS (""), ", ", -1);
  g_autoptr(GPtrArray) in_table = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM pragma_table_xinfo ('customers')"
                                           " WHERE name <> 'phone_key' ORDER BY cid",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (in_table, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  g_ptr_array_add (in_table, NULL);

  g_assert_cmpstrv ((GStrv) in_table->pdata, listed);
}

/* Backups are of a store's file: on a server they are refused in words,
 * and nothing is written. */
static void
test_server_backup_refused (TestStore *fixture, gconstpointer data)
{
  g_autofree char *copy = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autoptr(GError) error = NULL;

  if (test_server_uri () == NULL)
    {
      g_test_skip ("a server's store");
      return;
    }

  g_assert_true (atelier_store_is_on_server (fixture->store));
  g_assert_false (atelier_backup_to_file (fixture->store, copy, &error));
  g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "database server"));
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_false (atelier_backup_restore (fixture->store, copy, &error));
  g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_FAILED);
}

int
main (int argc, char **argv)
{
  test_init (&argc, &argv);

  g_test_add ("/atelier/store/open/private-file", TestStore, NULL, test_store_setup,
              test_open_creates_private_file, test_store_teardown);
  g_test_add ("/atelier/store/open/reopen", TestStore, NULL, test_store_setup,
              test_open_migrates_and_reopens, test_store_teardown);
  g_test_add ("/atelier/store/open/server-refuses-newer", TestStore, NULL, test_store_setup,
              test_open_server_refuses_newer, test_store_teardown);
  g_test_add_func ("/atelier/store/open/empty-file", test_open_empty_file);
  g_test_add_func ("/atelier/store/open/refuses-newer", test_open_refuses_newer);
  g_test_add_func ("/atelier/store/open/refuses-foreign", test_open_refuses_foreign);
  g_test_add_func ("/atelier/store/open/damaged", test_open_damaged);
  g_test_add_func ("/atelier/store/open/flipped-version", test_open_flipped_version);
  g_test_add_func ("/atelier/store/open/read-only", test_open_read_only);
  g_test_add ("/atelier/store/open/pragmas", TestStore, NULL, test_store_setup,
              test_pragmas, test_store_teardown);
  g_test_add ("/atelier/store/customer-columns", TestStore, NULL, test_store_setup,
              test_customer_columns, test_store_teardown);
  g_test_add ("/atelier/store/constraints/workshop", TestStore, NULL, test_store_setup,
              test_workshop_constraints, test_store_teardown);
  g_test_add ("/atelier/store/constraints/session", TestStore, NULL, test_store_setup,
              test_session_constraints, test_store_teardown);
  g_test_add ("/atelier/store/constraints/customer", TestStore, NULL, test_store_setup,
              test_customer_constraints, test_store_teardown);
  g_test_add ("/atelier/store/constraints/registration", TestStore, NULL, test_store_setup,
              test_registration_constraints, test_store_teardown);
  g_test_add ("/atelier/store/constraints/in-use", TestStore, NULL, test_store_setup,
              test_delete_in_use, test_store_teardown);
  g_test_add ("/atelier/store/crud/workshop", TestStore, NULL, test_store_setup,
              test_workshop_crud, test_store_teardown);
  g_test_add ("/atelier/store/crud/session", TestStore, NULL, test_store_setup,
              test_session_crud, test_store_teardown);
  g_test_add ("/atelier/store/crud/session-range", TestStore, NULL, test_store_setup,
              test_list_sessions_range, test_store_teardown);
  g_test_add ("/atelier/store/crud/customer-unicode", TestStore, NULL, test_store_setup,
              test_customer_crud_unicode, test_store_teardown);
  g_test_add ("/atelier/store/crud/registration", TestStore, NULL, test_store_setup,
              test_registration_crud, test_store_teardown);
  g_test_add ("/atelier/store/errors/file-refuses", TestStore, NULL, test_store_setup,
              test_write_refused_by_file, test_store_teardown);
  g_test_add ("/atelier/store/changed-signal", TestStore, NULL, test_store_setup,
              test_changed_signal, test_store_teardown);

  g_test_add ("/atelier/store/server/backup-refused", TestStore, NULL, test_store_setup,
              test_server_backup_refused, test_store_teardown);

  return g_test_run ();
}
