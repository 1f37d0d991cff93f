/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-store-files.c: the customer list, attendance and a backup saved
 * from the window, and the retention clean-up */
#define G_LOG_DOMAIN "test-store-files"

#include "config.h"

#include <adwaita.h>

#include "atelier-privacy.h"
#include "atelier-store-files.h"
#include "test-ui-util.h"
#include "test-util.h"

#define WAIT_TIMEOUT_SECONDS 20

static gint64
add_customer (AtelierStore *store,
              const char   *given,
              const char   *family,
              gint64        created_at)
{
  g_autoptr(AtelierCustomer) customer = atelier_customer_new (given, family);
  g_autoptr(GError) error = NULL;

  if (created_at != 0)
    g_object_set (customer, "created-at", created_at, NULL);
  g_assert_true (atelier_store_add_customer (store, customer, &error));
  g_assert_no_error (error);
  return atelier_customer_get_id (customer);
}

static gint64
years_ago (int years)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) then = g_date_time_add_years (now, -years);

  return g_date_time_to_unix (then);
}

static void
on_done_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static gboolean
is_done (gpointer      fixture,
         gconstpointer data)
{
  return *(GAsyncResult **) fixture != NULL;
}

static char *
write_file (TestStore        *fixture,
            AtelierStoreFile  what,
            const char       *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  atelier_store_files_write_async (fixture->store, what, file, NULL, on_done_cb, &result);
  test_wait_until (is_done, &result, NULL, WAIT_TIMEOUT_SECONDS);
  g_assert_true (atelier_store_files_write_finish (result, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

/* The list opens in a spreadsheet with its accents (a byte-order mark)
 * and every customer. */
static void
test_customers (TestStore *fixture, gconstpointer data)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;

  add_customer (fixture->store, "Éloïse", "Garnier", 0);
  add_customer (fixture->store, "Bruno", "Lefèvre", 0);
  path = write_file (fixture, ATELIER_STORE_FILE_CUSTOMERS, "customers.csv");

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\357\273\277"));
  g_assert_nonnull (strstr (contents, "Éloïse"));
  g_assert_nonnull (strstr (contents, "Lefèvre"));
}

/* A backup is a store of its own, with the same customers. */
static void
test_backup (TestStore *fixture, gconstpointer data)
{
  g_autofree char *path = NULL;
  g_autoptr(AtelierStore) copy = NULL;
  g_autoptr(AtelierCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = add_customer (fixture->store, "Zoé", "Martin", 0);
  path = write_file (fixture, ATELIER_STORE_FILE_BACKUP, "backup.db");

  copy = atelier_store_open (path, &error);
  g_assert_no_error (error);
  customer = atelier_store_get_customer (copy, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (atelier_customer_get_given_name (customer), ==, "Zoé");
}

/* The window's attendance file has the core's one Attendance column. */
static void
test_attendance (TestStore *fixture, gconstpointer data)
{
  g_autoptr(AtelierWorkshop) workshop = atelier_workshop_new ("Risotto");
  g_autoptr(GDateTime) starts = g_date_time_new_utc (2025, 3, 14, 17, 30, 0);
  g_autoptr(GDateTime) ends = g_date_time_add_hours (starts, 2);
  g_autoptr(AtelierSession) session = NULL;
  g_autoptr(AtelierRegistration) registration = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gint64 customer = add_customer (fixture->store, "Éloïse", "Garnier", 0);

  g_assert_true (atelier_store_add_workshop (fixture->store, workshop, NULL));
  session = atelier_session_new (atelier_workshop_get_id (workshop), starts, ends, "Europe/Paris");
  g_object_set (session, "capacity", 8, NULL);
  g_assert_true (atelier_store_add_session (fixture->store, session, NULL));
  registration = atelier_registration_new (atelier_session_get_id (session), customer, 2);
  g_assert_true (atelier_store_add_registration (fixture->store, registration, NULL));
  path = write_file (fixture, ATELIER_STORE_FILE_ATTENDANCE, "attendance.csv");

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\357\273\277Session,Start,Workshop,Customer ID,Customer,"
                                             "Email,Party,Attendance,Checked In,Arrived\r\n"));
  g_assert_nonnull (strstr (contents, ",Éloïse Garnier,,2,no-show,,\r\n"));
}

/* Cancelled before the thread starts, nothing is written. */
static void
test_cancelled (TestStore *fixture, gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "customers.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  add_customer (fixture->store, "Zoé", "Martin", 0);
  g_cancellable_cancel (cancellable);
  atelier_store_files_write_async (fixture->store, ATELIER_STORE_FILE_CUSTOMERS, file, cancellable,
                                   on_done_cb, &result);
  test_wait_until (is_done, &result, NULL, WAIT_TIMEOUT_SECONDS);
  g_assert_false (atelier_store_files_write_finish (result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* A file that cannot be written says so and leaves nothing behind. */
static void
test_unwritable (TestStore *fixture, gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "missing", "customers.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  atelier_store_files_write_async (fixture->store, ATELIER_STORE_FILE_CUSTOMERS, file, NULL,
                                   on_done_cb, &result);
  test_wait_until (is_done, &result, NULL, WAIT_TIMEOUT_SECONDS);
  g_assert_false (atelier_store_files_write_finish (result, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* The clean-up says how many the period lets go before erasing anyone,
 * follows the period chosen, and keeps it as the store's policy. */
static void
test_clean_up (TestStore *fixture, gconstpointer data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *dialog;
  g_autoptr(GPtrArray) spins = g_ptr_array_new ();
  g_autoptr(AtelierCustomer) old = NULL;
  g_autoptr(AtelierCustomer) older = NULL;
  g_autoptr(GError) error = NULL;
  gint64 old_id;
  gint64 older_id;
  gint64 recent_id;

  old_id = add_customer (fixture->store, "Old", "Timer", years_ago (4));
  older_id = add_customer (fixture->store, "Older", "Timer", years_ago (8));
  recent_id = add_customer (fixture->store, "New", "Comer", 0);

  dialog = atelier_store_files_clean_up (window, fixture->store);
  g_assert_nonnull (dialog);
  /* No policy yet: three years are offered, which lets two go. */
  g_assert_nonnull (test_find_label (dialog, "2 customers would be erased."));
  g_assert_cmpstr (adw_message_dialog_get_response_label (ADW_MESSAGE_DIALOG (dialog), "erase"), ==,
                   "_Erase 2 Customers");

  test_collect_widgets (dialog, GTK_TYPE_SPIN_BUTTON, spins);
  g_assert_cmpuint (spins->len, ==, 1);
  gtk_spin_button_set_value (spins->pdata[0], 5);
  g_assert_nonnull (test_find_label (dialog, "1 customer would be erased."));

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "erase");
  g_assert_cmpuint (atelier_privacy_get_retention_years (fixture->store, &error), ==, 5);

  older = atelier_store_get_customer (fixture->store, older_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (atelier_customer_get_erased_at (older), !=, 0);
  old = atelier_store_get_customer (fixture->store, old_id, &error);
  g_assert_cmpint (atelier_customer_get_erased_at (old), ==, 0);
  g_object_unref (atelier_store_get_customer (fixture->store, recent_id, &error));
  g_assert_no_error (error);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char *argv[])
{
  test_init (&argc, &argv);
  gtk_init ();
  adw_init ();

  g_test_add ("/atelier/store-files/customers", TestStore, NULL, test_store_setup,
              test_customers, test_store_teardown);
  g_test_add ("/atelier/store-files/backup", TestStore, NULL, test_store_setup,
              test_backup, test_store_teardown);
  g_test_add ("/atelier/store-files/unwritable", TestStore, NULL, test_store_setup,
              test_unwritable, test_store_teardown);
  g_test_add ("/atelier/store-files/attendance", TestStore, NULL, test_store_setup,
              test_attendance, test_store_teardown);
  g_test_add ("/atelier/store-files/cancelled", TestStore, NULL, test_store_setup,
              test_cancelled, test_store_teardown);
  g_test_add ("/atelier/store-files/clean-up", TestStore, NULL, test_store_setup,
              test_clean_up, test_store_teardown);

  return g_test_run ();
}
