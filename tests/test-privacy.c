/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-privacy.c: a person's data exported, erased, expired; backups */
#define G_LOG_DOMAIN "test-privacy"

#include "config.h"

#include <json-glib/json-glib.h>

#include "atelier-backup.h"
#include "atelier-invite-next.h"
#include "atelier-privacy.h"
#include "test-util.h"

#define GIVEN   "Zéphyrine"
#define FAMILY  "Quackenbush"
#define EMAIL   "zephyrine.quackenbush@example.org"
#define PHONE   "+33 6 98 76 54 31"

static gint64
add_session (TestStore *f, int days)
{
  g_autoptr(AtelierWorkshop) w = atelier_workshop_new ("Risotto");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) starts = g_date_time_add_days (now, days);
  g_autoptr(GDateTime) ends = g_date_time_add_hours (starts, 2);
  g_autoptr(AtelierSession) s = NULL;

  g_object_set (w, "capacity", 10, "category", "cuisine", NULL);
  g_assert_true (atelier_store_add_workshop (f->store, w, NULL));
  s = atelier_session_new (atelier_workshop_get_id (w), starts, ends, "Europe/Paris");
  g_object_set (s, "capacity", 10, NULL);
  g_assert_true (atelier_store_add_session (f->store, s, NULL));
  return atelier_session_get_id (s);
}

static gint64
add_person (TestStore *f, const char *given, const char *family, const char *email, const char *phone)
{
  g_autoptr(AtelierCustomer) c = atelier_customer_new (given, family);

  g_object_set (c, "email", email, "phone", phone, "preferred-language", "fr",
                "interests", "cuisine, vin", "note", "Regular",
                "needs", "No nuts", "consent", TRUE, "consent-at", (gint64) 1700000000,
                "consent-wording", "Class news by e-mail", NULL);
  g_assert_true (atelier_store_add_customer (f->store, c, NULL));
  return atelier_customer_get_id (c);
}

static gint64
register_person (TestStore *f, gint64 session_id, gint64 customer_id, const char *note)
{
  g_autoptr(AtelierRegistration) r = atelier_registration_new (session_id, customer_id, 2);

  g_object_set (r, "note", note, "checked-in-at", (gint64) 1, NULL);
  g_assert_true (atelier_store_add_registration (f->store, r, NULL));
  return atelier_registration_get_id (r);
}

static void
test_export_customer (TestStore *f, gconstpointer data)
{
  gint64 session_id = add_session (f, -5);
  gint64 id = add_person (f, GIVEN, FAMILY, EMAIL, PHONE);
  g_autofree char *path = g_build_filename (f->dir, "person.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GTypeClass) klass = g_type_class_ref (ATELIER_TYPE_CUSTOMER);
  g_autofree GParamSpec **pspecs = NULL;
  JsonObject *root, *customer, *registration;
  JsonArray *registrations, *tags;
  guint n_pspecs;
  GStatBuf st;

  register_person (f, session_id, id, "Bring an apron");
  {
    g_autoptr(GListModel) candidates = atelier_invite_next_list (f->store, add_session (f, 5), 0, NULL);
    g_assert_cmpuint (g_list_model_get_n_items (candidates), ==, 1);
    g_assert_true (atelier_invite_next_record_contacts (f->store, 2, candidates, NULL));
  }

  g_assert_true (atelier_privacy_export_customer_to_file (f->store, id, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);

  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "atelier-customer-export");
  customer = json_object_get_object_member (root, "customer");
  pspecs = g_object_class_list_properties (G_OBJECT_CLASS (klass), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_autofree char *member = g_strdelimit (g_strdup (pspecs[i]->name), "-", '_');
      if (!json_object_has_member (customer, member))
        g_error ("The export lacks the customer's %s", member);
    }
  g_assert_cmpstr (json_object_get_string_member (customer, "email"), ==, EMAIL);
  g_assert_cmpstr (json_object_get_string_member (customer, "phone"), ==, PHONE);
  g_assert_cmpstr (json_object_get_string_member (customer, "needs"), ==, "No nuts");
  g_assert_cmpstr (json_object_get_string_member (customer, "consent_at"), ==, "2023-11-14T22:13:20Z");

  tags = json_object_get_array_member (root, "tags");
  g_assert_cmpuint (json_array_get_length (tags), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "history"), "attended"), ==, 1);

  registrations = json_object_get_array_member (root, "registrations");
  g_assert_cmpuint (json_array_get_length (registrations), ==, 1);
  registration = json_array_get_object_element (registrations, 0);
  g_assert_cmpstr (json_object_get_string_member (registration, "note"), ==, "Bring an apron");
  g_assert_cmpint (json_object_get_int_member (registration, "party_size"), ==, 2);
  g_assert_true (json_object_has_member (registration, "sent_method"));
  g_assert_nonnull (json_object_get_string_member (json_object_get_object_member (registration, "session"), "uid"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (registration, "workshop"), "title"),
                   ==, "Risotto");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "contacts")), ==, 1);

  g_assert_false (atelier_privacy_export_customer_to_file (f->store, 999, path, &error));
  g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_NOT_FOUND);
}

static gboolean
bytes_contain (const char *haystack, gsize length, const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (haystack[i] == needle[0] && memcmp (haystack + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* Whether any file of the store's folder holds @needle. */
static gboolean
files_contain (const char *dir, const char *needle)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (!g_str_has_prefix (name, "store.db"))
        continue;
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      if (bytes_contain (contents, length, needle))
        return TRUE;
    }
  return FALSE;
}

static void
test_erase_customer (TestStore *f, gconstpointer data)
{
  static const char *const traces[] = {
    GIVEN, FAMILY, EMAIL, PHONE, "quackenbush", "zephyrine", "33698765431", "0698765431",
    "Quuxcraftery",
  };
  gint64 session_id = add_session (f, -5);
  gint64 other = add_person (f, "Hugo", "Bernard", "hugo@example.org", "01 23 45 67 89");
  gint64 id = add_person (f, GIVEN, FAMILY, EMAIL, PHONE);
  gint64 registration_id = register_person (f, session_id, id, "Sister of " GIVEN);
  g_autoptr(AtelierCustomer) erased = NULL;
  g_autoptr(AtelierSession) s = NULL;
  g_autoptr(GError) error = NULL;

  register_person (f, session_id, other, "");
  /* Rename, to leave old versions of the row in the file. */
  {
    g_autoptr(AtelierCustomer) c = atelier_store_get_customer (f->store, id, NULL);
    g_object_set (c, "note", "Updated note about " GIVEN,
                  "interests", "cuisine, Quuxcraftery, Risotto", NULL);
    g_assert_true (atelier_store_update_customer (f->store, c, NULL));
  }
  g_assert_true (files_contain (f->dir, "Quuxcraftery"));
  for (guint i = 0; i < G_N_ELEMENTS (traces); i++)
    g_assert_true (files_contain (f->dir, traces[i]) || i >= 4);
  g_assert_true (files_contain (f->dir, EMAIL));

  g_assert_true (atelier_privacy_erase_customer (f->store, id, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (traces); i++)
    if (files_contain (f->dir, traces[i]))
      g_error ("“%s” is still in the store's files", traces[i]);
  g_assert_true (files_contain (f->dir, "hugo@example.org"));

  /* The registration stays, anonymous: statistics survive. */
  erased = atelier_store_get_customer (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (atelier_customer_get_erased_at (erased), >, 0);
  g_assert_cmpstr (atelier_customer_get_given_name (erased), ==, "");
  g_assert_null (atelier_customer_get_email (erased));
  g_assert_cmpstr (test_query_text (f->store, "SELECT count (*) FROM registrations"), ==, "2");
  {
    g_autoptr(AtelierRegistration) r = atelier_store_get_registration (f->store, registration_id, NULL);
    g_assert_cmpstr (atelier_registration_get_note (r), ==, "");
  }
  s = atelier_store_get_session (f->store, session_id, NULL);
  g_assert_cmpint (atelier_session_get_seats_taken (s), ==, 4);

  /* Their own interest is gone; one someone else has stays. */
  g_assert_cmpstr (test_query_text (f->store, "SELECT group_concat (name, ',') FROM"
                                              " (SELECT name FROM tags ORDER BY name)"),
                   ==, "cuisine,vin");

  /* The door's search finds the others, not them. */
  g_assert_cmpstr (test_query_text (f->store, "SELECT count (*) FROM customer_search WHERE customer_search MATCH 'quackenbush'"),
                   ==, "0");
  g_assert_cmpstr (test_query_text (f->store, "SELECT count (*) FROM customer_search WHERE customer_search MATCH 'hugo'"),
                   ==, "1");

  g_assert_false (atelier_privacy_erase_customer (f->store, id, &error));
  g_assert_error (error, ATELIER_PRIVACY_ERROR, ATELIER_PRIVACY_ERROR_ERASED);
  g_clear_error (&error);
  g_assert_false (atelier_privacy_erase_customer (f->store, 999, &error));
  g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_NOT_FOUND);
}

static gint64
years_ago (int years)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) then = g_date_time_add_years (now, -years);

  return g_date_time_to_unix (then);
}

static void
test_retention (TestStore *f, gconstpointer data)
{
  g_autoptr(AtelierCustomer) old = atelier_customer_new ("Old", "Timer");
  g_autoptr(AtelierCustomer) back = atelier_customer_new ("Came", "Back");
  g_autoptr(AtelierCustomer) recent = atelier_customer_new ("New", "Comer");
  g_autoptr(GListModel) inactive = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 99;

  g_assert_cmpuint (atelier_privacy_get_retention_years (f->store, &error), ==, 0);
  g_assert_true (atelier_privacy_set_retention_years (f->store, 3, &error));
  g_assert_cmpuint (atelier_privacy_get_retention_years (f->store, &error), ==, 3);
  g_assert_false (atelier_privacy_set_retention_years (f->store, 101, &error));
  g_assert_error (error, ATELIER_PRIVACY_ERROR, ATELIER_PRIVACY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (atelier_privacy_set_retention_years (f->store, 0, &error));
  g_assert_cmpuint (atelier_privacy_get_retention_years (f->store, &error), ==, 0);

  g_object_set (old, "created-at", years_ago (6), "email", "old@example.org", NULL);
  g_object_set (back, "created-at", years_ago (6), NULL);
  g_assert_true (atelier_store_add_customer (f->store, old, NULL));
  g_assert_true (atelier_store_add_customer (f->store, back, NULL));
  g_assert_true (atelier_store_add_customer (f->store, recent, NULL));
  register_person (f, add_session (f, -30), atelier_customer_get_id (back), "");

  inactive = atelier_privacy_list_inactive (f->store, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (inactive), ==, 1);
  {
    g_autoptr(AtelierCustomer) first = g_list_model_get_item (inactive, 0);
    g_assert_cmpint (atelier_customer_get_id (first), ==, atelier_customer_get_id (old));
  }
  g_clear_object (&inactive);
  inactive = atelier_privacy_list_inactive (f->store, 7, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (inactive), ==, 0);

  g_assert_null (atelier_privacy_list_inactive (f->store, 0, &error));
  g_assert_error (error, ATELIER_PRIVACY_ERROR, ATELIER_PRIVACY_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (atelier_privacy_erase_inactive (f->store, 5, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_assert_false (files_contain (f->dir, "old@example.org"));
  g_assert_true (atelier_privacy_erase_inactive (f->store, 5, &n, &error));
  g_assert_cmpuint (n, ==, 0);
}

/* Every row of every table, read through a connection of its own. */
static char *
dump_store (const char *path)
{
  g_autoptr(GString) dump = g_string_new (NULL);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name, sql FROM sqlite_schema ORDER BY name", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_string_append_printf (dump, "%s\n", sqlite3_column_text (stmt, 1));
      if (sqlite3_column_text (stmt, 1) != NULL &&
          g_str_has_prefix ((const char *) sqlite3_column_text (stmt, 1), "CREATE TABLE"))
        g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
    }
  sqlite3_finalize (stmt);

  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", (char *) tables->pdata[i]);

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const void *blob = sqlite3_column_blob (stmt, c);
              int length = sqlite3_column_bytes (stmt, c);
              g_string_append_c (dump, '|');
              if (blob != NULL)
                g_string_append_len (dump, blob, length);
            }
          g_string_append_c (dump, '\n');
        }
      sqlite3_finalize (stmt);
    }
  {
    int version = 0;
    sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
    if (sqlite3_step (stmt) == SQLITE_ROW)
      version = sqlite3_column_int (stmt, 0);
    sqlite3_finalize (stmt);
    g_string_append_printf (dump, "version %d\n", version);
  }
  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&dump), FALSE);
}

static void
test_backup (TestStore *f, gconstpointer data)
{
  g_autofree char *backup = g_build_filename (f->dir, "backup.db", NULL);
  g_autofree char *copy = g_build_filename (f->dir, "copy.db", NULL);
  g_autofree char *original = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *changed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  GStatBuf st;
  gint64 id;

  id = add_person (f, GIVEN, FAMILY, EMAIL, PHONE);
  register_person (f, add_session (f, -1), id, "note");
  original = dump_store (f->path);

  g_assert_true (atelier_backup_to_file (f->store, backup, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (backup, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  /* One file, no log beside it. */
  {
    g_autofree char *wal = g_strconcat (backup, "-wal", NULL);
    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  }

  /* Restored by copying the file: an identical store. */
  g_assert_true (g_file_get_contents (backup, &contents, &length, NULL));
  g_assert_true (g_file_set_contents_full (copy, contents, length, 0, 0600, NULL));
  {
    g_autoptr(AtelierStore) reopened = atelier_store_open (copy, &error);
    g_autoptr(AtelierCustomer) c = NULL;
    g_assert_no_error (error);
    c = atelier_store_get_customer (reopened, id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (atelier_customer_get_email (c), ==, EMAIL);
  }
  restored = dump_store (copy);
  g_assert_cmpstr (original, ==, restored);

  /* Restored into the open store: changes since the backup are gone. */
  add_person (f, "After", "Backup", "after@example.org", NULL);
  changed = dump_store (f->path);
  g_assert_cmpstr (original, !=, changed);
  g_assert_true (atelier_backup_restore (f->store, backup, &error));
  g_assert_no_error (error);
  g_free (restored);
  restored = dump_store (f->path);
  g_assert_cmpstr (original, ==, restored);

  g_assert_false (atelier_backup_restore (f->store, f->dir, &error));
  g_assert_error (error, ATELIER_BACKUP_ERROR, ATELIER_BACKUP_ERROR_NOT_A_STORE);
}

int
main (int argc, char **argv)
{
  test_init (&argc, &argv);

  g_test_add ("/atelier/privacy/export-customer", TestStore, NULL, test_store_setup,
              test_export_customer, test_store_teardown);
  g_test_add ("/atelier/privacy/erase-customer", TestStore, NULL, test_store_setup,
              test_erase_customer, test_store_teardown);
  g_test_add ("/atelier/privacy/retention", TestStore, NULL, test_store_setup,
              test_retention, test_store_teardown);
  g_test_add ("/atelier/privacy/backup", TestStore, NULL, test_store_setup,
              test_backup, test_store_teardown);

  return g_test_run ();
}
