/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-invite-next-dialog.c: who to invite next to a session */
#define G_LOG_DOMAIN "test-invite-next-dialog"

#include "config.h"

#include <adwaita.h>

#include "atelier-invite-next-dialog.h"
#include "atelier-invite-next.h"
#include "test-util.h"

typedef struct
{
  TestStore                store;
  gint64                   session_id;
  gint64                   fan;
  gint64                   registered;
  gint64                   refused;
  AtelierInviteNextDialog *dialog;
} Fixture;

static gint64
add_customer (Fixture *f, const char *given, const char *email, const char *interests, gboolean consent)
{
  g_autoptr(AtelierCustomer) c = atelier_customer_new (given, "Test");

  g_object_set (c, "email", email, "interests", interests, "consent", consent, NULL);
  g_assert_true (atelier_store_add_customer (f->store.store, c, NULL));
  return atelier_customer_get_id (c);
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(AtelierWorkshop) workshop = atelier_workshop_new ("Risotto");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) starts = g_date_time_add_days (now, 7);
  g_autoptr(GDateTime) ends = g_date_time_add_hours (starts, 2);
  g_autoptr(AtelierSession) session = NULL;
  g_autoptr(AtelierRegistration) registration = NULL;

  test_store_setup (&f->store, data);
  g_object_set (workshop, "capacity", 10, "category", "cuisine", NULL);
  g_assert_true (atelier_store_add_workshop (f->store.store, workshop, NULL));
  session = atelier_session_new (atelier_workshop_get_id (workshop), starts, ends, "Europe/Paris");
  g_object_set (session, "capacity", 10, NULL);
  g_assert_true (atelier_store_add_session (f->store.store, session, NULL));
  f->session_id = atelier_session_get_id (session);

  f->fan = add_customer (f, "Zoé", "zoe@example.org", "cuisine, vin", TRUE);
  f->registered = add_customer (f, "Regular", "regular@example.org", "cuisine", TRUE);
  f->refused = add_customer (f, "Refused", "no@example.org", "cuisine", FALSE);
  add_customer (f, "Wine", "wine@example.org", "vin", TRUE);
  registration = atelier_registration_new (f->session_id, f->registered, 1);
  g_assert_true (atelier_store_add_registration (f->store.store, registration, NULL));
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  if (f->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (f->dialog));
  test_store_teardown (&f->store, data);
}

static void
test_list (Fixture *f, gconstpointer data)
{
  GListModel *candidates;
  g_autoptr(AtelierInviteCandidate) first = NULL;

  f->dialog = ATELIER_INVITE_NEXT_DIALOG (atelier_invite_next_dialog_new (NULL, f->store.store, f->session_id));
  gtk_window_present (GTK_WINDOW (f->dialog));

  /* Zoé only: not the registered customer, nor the one who refused, nor
   * the one interested in wine only. */
  candidates = atelier_invite_next_dialog_get_candidates (f->dialog);
  g_assert_nonnull (candidates);
  g_assert_cmpuint (g_list_model_get_n_items (candidates), ==, 1);
  first = g_list_model_get_item (candidates, 0);
  g_assert_cmpint (atelier_customer_get_id (atelier_invite_candidate_get_customer (first)), ==, f->fan);
  g_assert_true (atelier_invite_candidate_get_interest_match (first));
}

static void
test_export (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->store.dir, "invite-next.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  guint n_written = 0;

  f->dialog = ATELIER_INVITE_NEXT_DIALOG (atelier_invite_next_dialog_new (NULL, f->store.store, f->session_id));
  g_assert_true (atelier_invite_next_dialog_export (f->dialog, file, &n_written, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_written, ==, 1);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xef\xbb\xbf" "First Name,Last Name,Email"));
  g_assert_nonnull (strstr (contents, "Zoé,Test,zoe@example.org"));
  g_assert_null (strstr (contents, "regular@example.org"));
  g_assert_null (strstr (contents, "no@example.org"));

  /* Marked as contacted: still listed, with a date. */
  g_assert_true (atelier_invite_next_dialog_mark_contacted (f->dialog, &error));
  g_assert_no_error (error);
  {
    g_autoptr(AtelierInviteCandidate) first =
      g_list_model_get_item (atelier_invite_next_dialog_get_candidates (f->dialog), 0);
    g_assert_cmpint (atelier_invite_candidate_get_last_contacted_at (first), >, 0);
  }
}

static void
test_missing_session (Fixture *f, gconstpointer data)
{
  f->dialog = ATELIER_INVITE_NEXT_DIALOG (atelier_invite_next_dialog_new (NULL, f->store.store, 999));
  g_assert_null (atelier_invite_next_dialog_get_candidates (f->dialog));
}

int
main (int   argc,
      char *argv[])
{
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display for the invite-next dialog tests\n");
      return 0;
    }
  adw_init ();

  g_test_init (&argc, &argv, NULL);

  g_test_add ("/atelier/invite-next-dialog/list", Fixture, NULL, fixture_setup, test_list, fixture_teardown);
  g_test_add ("/atelier/invite-next-dialog/export", Fixture, NULL, fixture_setup, test_export, fixture_teardown);
  g_test_add ("/atelier/invite-next-dialog/missing-session", Fixture, NULL, fixture_setup,
              test_missing_session, fixture_teardown);

  return g_test_run ();
}
