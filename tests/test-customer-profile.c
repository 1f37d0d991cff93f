/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-customer-profile.c: a customer's profile and its history rows,
 * built alone with a store */
#define G_LOG_DOMAIN "test-customer-profile"

#include "config.h"

#include <adwaita.h>

#include "atelier-customer-history-row.h"
#include "atelier-customer-profile.h"
#include "atelier-mail-queue.h"
#include "atelier-tags.h"
#include "test-ui-util.h"
#include "test-util.h"

typedef struct
{
  TestStore               store;
  gint64                  workshop_id;
  GtkWindow              *window;
  AtelierCustomerProfile *profile;
} Fixture;

static gint64
add_session (Fixture *fixture,
             int      days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) starts = g_date_time_add_days (now, days);
  g_autoptr(GDateTime) ends = g_date_time_add_hours (starts, 2);
  g_autoptr(AtelierSession) session = atelier_session_new (fixture->workshop_id, starts, ends, "Europe/Paris");

  g_object_set (session, "capacity", 10, NULL);
  g_assert_true (atelier_store_add_session (fixture->store.store, session, NULL));
  return atelier_session_get_id (session);
}

static AtelierCustomer *
add_customer (Fixture    *fixture,
              const char *given_name)
{
  AtelierCustomer *customer = atelier_customer_new (given_name, "Martin");

  g_object_set (customer, "email", "zoe@example.com", "needs", "Sans gluten", NULL);
  g_assert_true (atelier_store_add_customer (fixture->store.store, customer, NULL));
  return customer;
}

/* A registration written as it stands (past sessions refuse sign-ups). */
static void
add_registration (Fixture         *fixture,
                  gint64           session_id,
                  AtelierCustomer *customer,
                  int              party,
                  gboolean         checked_in)
{
  g_autoptr(AtelierRegistration) registration =
    atelier_registration_new (session_id, atelier_customer_get_id (customer), party);

  g_object_set (registration,
                "status", ATELIER_REGISTRATION_CONFIRMED,
                "checked-in-at", checked_in ? g_get_real_time () / G_USEC_PER_SEC : (gint64) 0,
                NULL);
  g_assert_true (atelier_store_add_registration (fixture->store.store, registration, NULL));
}

static void
iterate (void)
{
  for (int i = 0; i < 50; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  g_autoptr(GPtrArray) widgets = g_ptr_array_new ();

  test_collect_widgets (widget, GTK_TYPE_WIDGET, widgets);
  for (guint i = 0; i < widgets->len; i++)
    if (g_strcmp0 (gtk_widget_get_name (widgets->pdata[i]), name) == 0)
      return widgets->pdata[i];
  return NULL;
}

/* The rows of a history group, one a line: a history row's session and
 * status, or the title of any other row */
static char *
group_rows (Fixture    *fixture,
            const char *group_name)
{
  GtkWidget *group = find_named (GTK_WIDGET (fixture->profile), group_name);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GString *text = g_string_new (NULL);

  g_assert_nonnull (group);
  test_collect_widgets (group, ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      if (ATELIER_IS_CUSTOMER_HISTORY_ROW (rows->pdata[i]))
        {
          AtelierHistoryEntry *entry = atelier_customer_history_row_get_entry (rows->pdata[i]);
          GVariant *target = gtk_actionable_get_action_target_value (rows->pdata[i]);

          g_assert_cmpint (g_variant_get_int64 (target), ==,
                           atelier_session_get_id (atelier_history_entry_get_session (entry)));
          g_string_append_printf (text, "%" G_GINT64_FORMAT " %s\n", g_variant_get_int64 (target),
                                  adw_action_row_get_subtitle (rows->pdata[i]));
        }
      else
        g_string_append_printf (text, "%s\n", adw_preferences_row_get_title (rows->pdata[i]));
    }
  return g_string_free (text, FALSE);
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';
  return n;
}

static void
show_profile (Fixture         *fixture,
              AtelierCustomer *customer)
{
  fixture->profile = ATELIER_CUSTOMER_PROFILE (atelier_customer_profile_new (fixture->store.store));
  atelier_customer_profile_set_customer (fixture->profile, customer);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 600, 900);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->profile));
  gtk_window_present (fixture->window);
  iterate ();
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(AtelierWorkshop) workshop = atelier_workshop_new ("Risotto aux cèpes");

  test_store_setup (&fixture->store, data);
  g_object_set (workshop, "capacity", 10, "duration-minutes", 120, "category", "cuisine", NULL);
  g_assert_true (atelier_store_add_workshop (fixture->store.store, workshop, NULL));
  fixture->workshop_id = atelier_workshop_get_id (workshop);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (fixture->window);
  iterate ();
  test_store_teardown (&fixture->store, data);
}

/* The details and the summary show; showing the customer again after a
 * change updates the same widgets, with no row left over. */
static void
test_details_and_update (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(AtelierCustomer) zoe = add_customer (fixture, "Zoé");
  g_autoptr(AtelierCustomer) again = NULL;
  gint64 past = add_session (fixture, -3);
  gint64 ahead = add_session (fixture, 3);
  GtkLabel *name_label;
  g_autofree char *rows = NULL;
  g_autofree char *expected = NULL;

  add_registration (fixture, past, zoe, 1, TRUE);
  g_assert_true (atelier_tags_set_for_customer (fixture->store.store, atelier_customer_get_id (zoe),
                                                (const char *[]) { "vin", NULL }, NULL));
  show_profile (fixture, zoe);

  name_label = test_find_label_with_class (GTK_WIDGET (fixture->profile), "title-1");
  g_assert_cmpstr (gtk_label_get_text (name_label), ==, "Zoé Martin");
  g_assert_nonnull (test_find_label (GTK_WIDGET (fixture->profile), "class attended"));
  g_assert_nonnull (test_find_label (GTK_WIDGET (fixture->profile), "vin"));
  g_assert_nonnull (test_find_label (GTK_WIDGET (fixture->profile), "Sans gluten"));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (find_named (GTK_WIDGET (fixture->profile),
                                                                              "summary-line"))),
                                   "Last visit "));
  expected = g_strdup_printf ("%" G_GINT64_FORMAT " ", past);
  rows = group_rows (fixture, "past-classes");
  g_assert_true (g_str_has_prefix (rows, expected));
  g_assert_cmpuint (count_lines (rows), ==, 1);

  /* A sign-up for two, interests dropped: the same profile follows */
  add_registration (fixture, ahead, zoe, 2, FALSE);
  g_assert_true (atelier_tags_set_for_customer (fixture->store.store, atelier_customer_get_id (zoe),
                                                (const char *[]) { NULL }, NULL));
  again = atelier_store_get_customer (fixture->store.store, atelier_customer_get_id (zoe), NULL);
  atelier_customer_profile_set_customer (fixture->profile, again);
  iterate ();
  g_clear_pointer (&rows, g_free);
  rows = group_rows (fixture, "upcoming-classes");
  g_assert_cmpuint (count_lines (rows), ==, 1);
  g_assert_true (g_str_has_suffix (rows, " · 2 people\n"));
  g_clear_pointer (&rows, g_free);
  rows = group_rows (fixture, "past-classes");
  g_assert_true (g_str_has_prefix (rows, expected));
  g_assert_cmpuint (count_lines (rows), ==, 1);
  g_assert_null (test_find_label (GTK_WIDGET (fixture->profile), "vin"));
  g_assert_false (gtk_widget_get_visible (find_named (GTK_WIDGET (fixture->profile), "interests")));
}

/* More than HISTORY_ROWS past classes: ten rows, newest first, then
 * "All N Classes", which stays last when the profile is shown again. */
static void
test_all_classes_row (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(AtelierCustomer) zoe = add_customer (fixture, "Zoé");
  gint64 newest = 0;
  g_auto(GStrv) lines = NULL;

  for (int i = 1; i <= 12; i++)
    {
      gint64 session = add_session (fixture, -i);

      add_registration (fixture, session, zoe, 1, TRUE);
      if (i == 1)
        newest = session;
    }
  show_profile (fixture, zoe);

  for (int round = 0; round < 2; round++)
    {
      g_autofree char *rows = group_rows (fixture, "past-classes");
      g_autofree char *prefix = g_strdup_printf ("%" G_GINT64_FORMAT " ", newest);

      g_clear_pointer (&lines, g_strfreev);
      lines = g_strsplit (rows, "\n", -1);
      g_assert_cmpuint (g_strv_length (lines), ==, 12);
      g_assert_true (g_str_has_prefix (lines[0], prefix));
      g_assert_cmpstr (lines[10], ==, "All 12 Classes");
      g_assert_cmpstr (gtk_widget_get_name (find_named (find_named (GTK_WIDGET (fixture->profile), "past-classes"),
                                                        "all-classes")), ==, "all-classes");
      atelier_customer_profile_reload (fixture->profile);
      iterate ();
    }
  g_assert_null (find_named (find_named (GTK_WIDGET (fixture->profile), "upcoming-classes"), "all-classes"));
}

/* What each registration became, as the rows and the history window say */
/* The messages group: what the customer was sent (or is owed), with its
 * class and state, and a line when there is none. */
static void
test_messages (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(AtelierCustomer) zoe = add_customer (fixture, "Zoé");
  g_autoptr(AtelierSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GtkWidget *group;
  gint64 session = add_session (fixture, 3);

  show_profile (fixture, zoe);
  group = find_named (GTK_WIDGET (fixture->profile), "messages");
  g_assert_nonnull (group);
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)), ==,
                   "No messages sent yet.");

  add_registration (fixture, session, zoe, 1, FALSE);
  g_assert_true (atelier_settings_write (fixture->store.store, "organizer", "shop@example.org", &error));
  settings = atelier_settings_load (fixture->store.store, &error);
  g_assert_no_error (error);
  g_assert_true (atelier_mail_queue_refresh (fixture->store.store, settings, g_get_real_time () / G_USEC_PER_SEC,
                                             session, &error));
  g_assert_no_error (error);
  atelier_customer_profile_reload (fixture->profile);
  iterate ();

  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)), ==, "");
  test_collect_widgets (group, ADW_TYPE_ACTION_ROW, rows);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[0]), ==, "Risotto aux cèpes");
  g_assert_cmpstr (adw_action_row_get_subtitle (rows->pdata[0]), ==, "Invite waiting to be sent");
}

static void
test_describe_entry (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(AtelierCustomer) zoe = add_customer (fixture, "Zoé");
  gint64 past = add_session (fixture, -3);
  gint64 missed = add_session (fixture, -2);
  gint64 ahead = add_session (fixture, 3);
  g_autoptr(GListModel) entries = NULL;
  const char *expected[] = { "Attended", "Missed", "Confirmed" };
  const gboolean expected_upcoming[] = { FALSE, FALSE, TRUE };

  add_registration (fixture, past, zoe, 1, TRUE);
  add_registration (fixture, missed, zoe, 1, FALSE);
  add_registration (fixture, ahead, zoe, 1, FALSE);
  entries = atelier_history_list_for_customer (fixture->store.store, atelier_customer_get_id (zoe), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 3);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(AtelierHistoryEntry) entry = g_list_model_get_item (entries, i);
      GtkWidget *row = g_object_ref_sink (atelier_customer_history_row_new (entry));
      g_autofree char *status = NULL;
      gboolean upcoming;
      GtkLabel *label;

      status = atelier_customer_history_row_describe_entry (entry, g_get_real_time () / G_USEC_PER_SEC, &upcoming);
      g_assert_cmpstr (status, ==, expected[i]);
      g_assert_cmpint (upcoming, ==, expected_upcoming[i]);
      label = test_find_label (row, expected[i]);
      g_assert_nonnull (label);
      g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (label),
                                               i == 0 ? "success" : i == 1 ? "warning" : "dim-label"));
      g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (row)), ==, "win.show-session");
      g_object_unref (row);
    }
}

int
main (int   argc,
      char *argv[])
{
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

  g_test_init (&argc, &argv, NULL);

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD_TEST ("/atelier/customer-profile/details-and-update", test_details_and_update);
  ADD_TEST ("/atelier/customer-profile/all-classes-row", test_all_classes_row);
  ADD_TEST ("/atelier/customer-profile/describe-entry", test_describe_entry);
  ADD_TEST ("/atelier/customer-profile/messages", test_messages);

  return g_test_run ();
}
