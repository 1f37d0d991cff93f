/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-customers.c: atelier-cli's commands about customers' data */
#define G_LOG_DOMAIN "test-cli-customers"

#include "config.h"

#include "test-util.h"

typedef struct
{
  char *out;
  char *err;
  int   status;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

/* Runs atelier-cli on the fixture's store; NULL-terminated arguments. */
static void
run_cli (Run *run, TestStore *f, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list ap;
  int wait_status = 0;

  run_clear (run);
  g_ptr_array_add (argv, (gpointer) g_getenv ("ATELIER_CLI"));
  g_ptr_array_add (argv, (gpointer) "--database");
  g_ptr_array_add (argv, f->path);
  va_start (ap, f);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

static char *
sample (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static void
test_import_and_export (TestStore *f, gconstpointer data)
{
  g_autofree char *bad = sample ("customers-bad-row.csv");
  g_autofree char *good = sample ("customers-comma.csv");
  g_autofree char *csv_path = g_build_filename (f->dir, "list.csv", NULL);
  g_autofree char *csv = NULL;
  Run run = { 0 };

  g_clear_object (&f->store);

  run_cli (&run, f, "import-customers", bad, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "“not-an-address” is not an e-mail address."));
  g_assert_nonnull (strstr (run.err, "line 5"));

  run_cli (&run, f, "import-customers", "--dry-run", good, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Dry run: 3 would be created"));

  run_cli (&run, f, "import-customers", good, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Created 3, updated 0."));

  run_cli (&run, f, "export-customers", "--out", csv_path, "--bom", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  g_assert_true (g_str_has_prefix (csv, "\xef\xbb\xbfID,First Name,Last Name,Email"));
  g_assert_nonnull (strstr (csv, "\r\n1,Zoé,Martin,zoe.martin@example.org,"));

  run_cli (&run, f, "export-customers", NULL);
  g_assert_true (g_str_has_prefix (run.out, "ID,First Name"));

  run_cli (&run, f, "export-attendance", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "Session,Start,Workshop"));
  run_cli (&run, f, "export-attendance", "42", NULL);
  g_assert_cmpint (run.status, ==, 1);
  run_clear (&run);
}

static void
test_personal_data (TestStore *f, gconstpointer data)
{
  g_autofree char *good = sample ("customers-comma.csv");
  g_autofree char *json_path = g_build_filename (f->dir, "person.json", NULL);
  g_autofree char *backup = g_build_filename (f->dir, "backup.db", NULL);
  g_autofree char *json = NULL;
  GStatBuf st;
  Run run = { 0 };

  g_clear_object (&f->store);
  run_cli (&run, f, "import-customers", good, NULL);
  g_assert_cmpint (run.status, ==, 0);

  run_cli (&run, f, "export-customer", "1", "--out", json_path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (json_path, &json, NULL, NULL));
  g_assert_nonnull (strstr (json, "zoe.martin@example.org"));

  run_cli (&run, f, "erase-customer", "1", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_cli (&run, f, "export-customers", NULL);
  g_assert_nonnull (strstr (run.out, "zoe.martin@example.org"));

  run_cli (&run, f, "erase-customer", "1", "--yes", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_cli (&run, f, "export-customers", NULL);
  g_assert_null (strstr (run.out, "zoe.martin@example.org"));

  run_cli (&run, f, "retention", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_cli (&run, f, "retention", "--years", "3", "--save", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_cli (&run, f, "retention", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "0 customers would be erased"));
  run_cli (&run, f, "retention", "--apply", NULL);
  g_assert_cmpint (run.status, ==, 0);

  run_cli (&run, f, "backup", backup, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpint (g_stat (backup, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  run_cli (&run, f, "invite-next", "1", NULL);
  g_assert_cmpint (run.status, ==, 1);
  run_clear (&run);
}

/* The CLI writes the core's one Attendance column, and its help says
 * what the words mean. */
static void
test_export_attendance_column (TestStore *f, gconstpointer data)
{
  g_autoptr(AtelierWorkshop) w = atelier_workshop_new ("Risotto");
  g_autoptr(GDateTime) starts = g_date_time_new_utc (2025, 3, 14, 17, 30, 0);
  g_autoptr(GDateTime) ends = g_date_time_add_hours (starts, 2);
  g_autoptr(AtelierSession) s = NULL;
  g_autoptr(AtelierCustomer) came = atelier_customer_new ("Éloïse", "Garnier");
  g_autoptr(AtelierCustomer) missed = atelier_customer_new ("Zoé", "Martin");
  g_autoptr(AtelierRegistration) r = NULL;
  g_autofree char *id = NULL;
  Run run = { 0 };

  g_assert_true (atelier_store_add_workshop (f->store, w, NULL));
  s = atelier_session_new (atelier_workshop_get_id (w), starts, ends, "Europe/Paris");
  g_object_set (s, "capacity", 8, NULL);
  g_assert_true (atelier_store_add_session (f->store, s, NULL));
  g_assert_true (atelier_store_add_customer (f->store, came, NULL));
  g_assert_true (atelier_store_add_customer (f->store, missed, NULL));
  r = atelier_registration_new (atelier_session_get_id (s), atelier_customer_get_id (came), 3);
  g_object_set (r, "checked-in-at", g_date_time_to_unix (starts), "arrived", 2, NULL);
  g_assert_true (atelier_store_add_registration (f->store, r, NULL));
  g_clear_object (&r);
  r = atelier_registration_new (atelier_session_get_id (s), atelier_customer_get_id (missed), 1);
  g_assert_true (atelier_store_add_registration (f->store, r, NULL));
  g_clear_object (&f->store);

  id = g_strdup_printf ("%" G_GINT64_FORMAT, atelier_session_get_id (s));
  run_cli (&run, f, "export-attendance", id, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "Session,Start,Workshop,Customer ID,Customer,Email,Party,"
                                            "Attendance,Checked In,Arrived\r\n"));
  g_assert_nonnull (strstr (run.out, ",Éloïse Garnier,,3,partly-attended,2025-03-14T18:30:00+01:00,2\r\n"));
  g_assert_nonnull (strstr (run.out, ",Zoé Martin,,1,no-show,,\r\n"));

  run_cli (&run, f, "export-attendance", "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "partly-attended"));
  run_clear (&run);
}

int
main (int argc, char **argv)
{
  test_init (&argc, &argv);

  g_test_add ("/atelier/cli-customers/import-and-export", TestStore, NULL, test_store_setup,
              test_import_and_export, test_store_teardown);
  g_test_add ("/atelier/cli-customers/personal-data", TestStore, NULL, test_store_setup,
              test_personal_data, test_store_teardown);
  g_test_add ("/atelier/cli-customers/export-attendance-column", TestStore, NULL, test_store_setup,
              test_export_attendance_column, test_store_teardown);

  return g_test_run ();
}
