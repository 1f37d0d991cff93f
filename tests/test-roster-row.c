/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-roster-row.c: one registration on a session's page, and the
 * roster's headings, built alone with a store */
#define G_LOG_DOMAIN "test-roster-row"

#include "config.h"

#include <adwaita.h>

#include "atelier-mail-queue.h"
#include "atelier-roster-heading.h"
#include "atelier-roster-row.h"
#include "atelier-settings.h"
#include "test-session-util.h"
#include "test-ui-util.h"

typedef struct
{
  TestStore         store;
  gint64            workshop_id;
  AtelierRosterRow *row;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  test_store_setup (&fixture->store, data);
  fixture->workshop_id = test_add_workshop (fixture->store.store, "Risotto", "Chef Anne");
  fixture->row = g_object_ref_sink (ATELIER_ROSTER_ROW (atelier_roster_row_new ()));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->row);
  test_store_teardown (&fixture->store, data);
}

/* The row's label with @css_class, whether shown or not */
static GtkLabel *
label_with_class (AtelierRosterRow *row,
                  const char       *css_class)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  test_collect_widgets (GTK_WIDGET (row), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_has_css_class (labels->pdata[i], css_class))
      return labels->pdata[i];
  g_error ("No label with class %s", css_class);
  return NULL;
}

static GtkWidget *
first_widget (AtelierRosterRow *row,
              GType             type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  test_collect_widgets (GTK_WIDGET (row), type, found);
  g_assert_cmpuint (found->len, >=, 1);
  return found->pdata[0];
}

/* The menu as "action(id)|…", sections apart with "/" */
static char *
menu_text (AtelierRosterRow *row)
{
  GMenuModel *menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (first_widget (row, GTK_TYPE_MENU_BUTTON)));
  g_autoptr(GString) text = g_string_new (NULL);

  for (int s = 0; s < g_menu_model_get_n_items (menu); s++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, s, G_MENU_LINK_SECTION);

      if (s > 0)
        g_string_append (text, "/");
      for (int i = 0; i < g_menu_model_get_n_items (section); i++)
        {
          g_autofree char *action = NULL;
          g_autoptr(GVariant) target = NULL;

          g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_ACTION, "s", &action);
          target = g_menu_model_get_item_attribute_value (section, i, G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE_INT64);
          if (i > 0)
            g_string_append (text, "|");
          g_string_append_printf (text, "%s(%" G_GINT64_FORMAT ")", action, g_variant_get_int64 (target));
        }
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
check_in_button (AtelierRosterRow *row)
{
  return test_find_button (GTK_WIDGET (row), "Check In");
}

static void
show (Fixture             *fixture,
      gint64               session_id,
      AtelierRegistration *registration,
      gboolean             ended)
{
  g_autoptr(AtelierSession) session = test_get_session (fixture->store.store, session_id);

  atelier_roster_row_set_session (fixture->row, session);
  atelier_roster_row_set_session_ended (fixture->row, ended);
  atelier_roster_row_set_registration (fixture->row, registration);
}

static void
test_confirmed (Fixture       *fixture,
                gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;
  gint64 session = test_add_session (store, fixture->workshop_id, 48, 4, "Europe/Paris");
  g_autoptr(AtelierRegistration) ada = test_sign_up (store, session, "Ada", 3, ATELIER_REGISTRATION_CONFIRMED);
  g_autofree char *menu = NULL;
  g_autofree char *expected = NULL;
  gint64 id = atelier_registration_get_id (ada);
  g_autoptr(GVariant) target = NULL;

  show (fixture, session, ada, FALSE);

  g_assert_true (atelier_roster_row_get_registration (fixture->row) == ada);
  g_assert_cmpstr (gtk_label_get_label (label_with_class (fixture->row, "heading")), ==, "Ada Test");
  g_assert_cmpstr (gtk_label_get_label (label_with_class (fixture->row, "party-size")), ==, "×3");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (label_with_class (fixture->row, "party-size"))),
                   ==, "party of 3");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (label_with_class (fixture->row, "waitlist-position"))));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (label_with_class (fixture->row, "caption"))));
  g_assert_false (gtk_widget_get_visible (first_widget (fixture->row, GTK_TYPE_IMAGE)));

  /* "Check In" checks this registration in, through the page's action. */
  g_assert_true (gtk_widget_get_visible (check_in_button (fixture->row)));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (check_in_button (fixture->row))),
                   ==, "session.check-in");
  target = g_variant_ref (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (check_in_button (fixture->row))));
  g_assert_cmpint (g_variant_get_int64 (target), ==, id);

  menu = menu_text (fixture->row);
  expected = g_strdup_printf ("session.move-registration(%" G_GINT64_FORMAT ")|"
                              "session.cancel-registration(%" G_GINT64_FORMAT ")", id, id);
  g_assert_cmpstr (menu, ==, expected);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (first_widget (fixture->row, GTK_TYPE_MENU_BUTTON)),
                   ==, "Actions for Ada Test");
}

static void
test_waiting (Fixture       *fixture,
              gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;
  gint64 session = test_add_session (store, fixture->workshop_id, 48, 2, "Europe/Paris");
  g_autoptr(AtelierRegistration) ada = test_sign_up (store, session, "Ada", 2, ATELIER_REGISTRATION_CONFIRMED);
  g_autoptr(AtelierRegistration) berthe = test_sign_up (store, session, "Berthe", 1, ATELIER_REGISTRATION_WAITLISTED);
  g_autoptr(AtelierRegistration) chloe = test_sign_up (store, session, "Chloé", 1, ATELIER_REGISTRATION_WAITLISTED);
  GtkLabel *position;

  show (fixture, session, chloe, FALSE);
  position = label_with_class (fixture->row, "waitlist-position");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (position)));
  g_assert_cmpstr (gtk_label_get_label (position), ==, "2.");
  g_assert_false (gtk_widget_get_visible (check_in_button (fixture->row)));

  /* Recycled for a confirmed registration: nothing of Chloé stays. */
  atelier_roster_row_set_registration (fixture->row, ada);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (position)));
  g_assert_cmpstr (gtk_label_get_label (label_with_class (fixture->row, "heading")), ==, "Ada Test");
  g_assert_true (gtk_widget_get_visible (check_in_button (fixture->row)));
}

/* The time of the check-in is the session's own, not the computer's
 * (the tests run in Europe/Paris). */
static void
test_checked_in (Fixture       *fixture,
                 gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;
  gint64 session = test_add_session (store, fixture->workshop_id, 48, 4, "America/New_York");
  g_autoptr(AtelierRegistration) ada = test_sign_up (store, session, "Ada", 2, ATELIER_REGISTRATION_CONFIRMED);
  g_autoptr(AtelierRegistration) checked = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("America/New_York");
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) at = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *menu = NULL;
  g_autofree char *expected_menu = NULL;
  gint64 id = atelier_registration_get_id (ada);
  GtkLabel *info;

  checked = atelier_booking_check_in (store, id, &error);
  g_assert_no_error (error);
  show (fixture, session, checked, FALSE);

  utc = g_date_time_new_from_unix_utc (atelier_registration_get_checked_in_at (checked));
  at = g_date_time_to_timezone (utc, zone);
  expected = g_date_time_format (at, "Checked in at %H:%M");
  info = label_with_class (fixture->row, "caption");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (info)));
  g_assert_cmpstr (gtk_label_get_label (info), ==, expected);
  g_assert_true (gtk_widget_get_visible (first_widget (fixture->row, GTK_TYPE_IMAGE)));
  g_assert_false (gtk_widget_get_visible (check_in_button (fixture->row)));

  /* Undoing it comes first, apart. */
  menu = menu_text (fixture->row);
  expected_menu = g_strdup_printf ("session.undo-check-in(%" G_GINT64_FORMAT ")/"
                                   "session.move-registration(%" G_GINT64_FORMAT ")|"
                                   "session.cancel-registration(%" G_GINT64_FORMAT ")", id, id, id);
  g_assert_cmpstr (menu, ==, expected_menu);
}

/* Once the session is over, who did not come is a no-show; a cancelled
 * session checks nobody in. */
static void
test_no_show_and_cancelled (Fixture       *fixture,
                            gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;
  gint64 session = test_add_session (store, fixture->workshop_id, 48, 4, "Europe/Paris");
  g_autoptr(AtelierRegistration) ada = test_sign_up (store, session, "Ada", 1, ATELIER_REGISTRATION_CONFIRMED);
  g_autoptr(AtelierSession) cancelled = NULL;
  g_autoptr(GError) error = NULL;
  GtkLabel *info;

  show (fixture, session, ada, TRUE);
  info = label_with_class (fixture->row, "caption");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (info)));
  g_assert_cmpstr (gtk_label_get_label (info), ==, "No-show");
  g_assert_true (atelier_roster_row_get_session_ended (fixture->row));

  atelier_roster_row_set_session_ended (fixture->row, FALSE);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (info)));
  g_assert_true (gtk_widget_get_visible (check_in_button (fixture->row)));

  g_assert_true (atelier_booking_cancel_session (store, session, &error));
  g_assert_no_error (error);
  cancelled = test_get_session (store, session);
  atelier_roster_row_set_session (fixture->row, cancelled);
  g_assert_false (gtk_widget_get_visible (check_in_button (fixture->row)));
}

static void
assert_accessible_label (GtkWidget  *widget,
                         const char *label)
{
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label);
}

/* A roster's buttons name whom they are for, and a recycled row names
 * the new person. */
static void
test_button_names (Fixture       *fixture,
                   gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;
  gint64 session = test_add_session (store, fixture->workshop_id, 48, 4, "Europe/Paris");
  g_autoptr(AtelierRegistration) ada = test_sign_up (store, session, "Ada", 1, ATELIER_REGISTRATION_CONFIRMED);
  g_autoptr(AtelierRegistration) berthe = test_sign_up (store, session, "Berthe", 1, ATELIER_REGISTRATION_CONFIRMED);
  GtkWidget *retry = test_find_button (GTK_WIDGET (fixture->row), "_Retry");

  show (fixture, session, ada, FALSE);
  assert_accessible_label (check_in_button (fixture->row), "Check in Ada Test");
  assert_accessible_label (retry, "Send the message to Ada Test again");
  assert_accessible_label (first_widget (fixture->row, GTK_TYPE_MENU_BUTTON), "Actions for Ada Test");

  atelier_roster_row_set_registration (fixture->row, berthe);
  assert_accessible_label (check_in_button (fixture->row), "Check in Berthe Test");
  assert_accessible_label (retry, "Send the message to Berthe Test again");
  assert_accessible_label (first_widget (fixture->row, GTK_TYPE_MENU_BUTTON), "Actions for Berthe Test");
}

/* A failed message of @registration, as the session page gives it. */
static AtelierMailMessage *
failed_message (Fixture             *fixture,
                gint64               session_id,
                AtelierRegistration *registration)
{
  AtelierStore *store = fixture->store.store;
  g_autoptr(AtelierSettings) settings = NULL;
  g_autoptr(GListModel) messages = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_autoptr(AtelierCustomer) customer = atelier_store_get_customer (store,
                                                                   atelier_registration_get_customer_id (registration),
                                                                   NULL);

  g_object_set (customer, "email", "ada.test@example.org", NULL);
  g_assert_true (atelier_store_update_customer (store, customer, &error));
  g_assert_true (atelier_settings_write (store, "organizer", "shop@example.org", &error));
  settings = atelier_settings_load (store, &error);
  g_assert_no_error (error);
  g_assert_true (atelier_mail_queue_refresh (store, settings, g_get_real_time () / G_USEC_PER_SEC,
                                             session_id, &error));
  g_assert_no_error (error);

  /* The server's own words, long ones, as a real refusal has. */
  g_assert_cmpint (sqlite3_open (fixture->store.path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "UPDATE mail_messages SET state = 'failed', server_reply ="
                                 " '550 5.1.1 <ada.test@example.org>: Recipient address rejected:"
                                 " User unknown in virtual mailbox table'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  messages = atelier_mail_queue_list_session (store, session_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (messages); i++)
    {
      g_autoptr(AtelierMailMessage) message = g_list_model_get_item (messages, i);

      if (atelier_mail_message_get_registration_id (message) == atelier_registration_get_id (registration))
        return g_steal_pointer (&message);
    }
  g_error ("No message for the registration");
  return NULL;
}

/* At 360 pixels, a failed message's line has the card's width rather
 * than the name's column beside Check In, where it broke every few
 * letters. */
static void
test_mail_line_narrow (Fixture       *fixture,
                       gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;
  gint64 session = test_add_session (store, fixture->workshop_id, 48, 4, "Europe/Paris");
  g_autoptr(AtelierRegistration) ada = test_sign_up (store, session, "Ada", 1, ATELIER_REGISTRATION_CONFIRMED);
  g_autoptr(AtelierMailMessage) message = failed_message (fixture, session, ada);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *mail_label;

  show (fixture, session, ada, FALSE);
  atelier_roster_row_set_mail_message (fixture->row, message);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (fixture->row));
  gtk_window_set_default_size (GTK_WINDOW (window), 360, -1);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);

  mail_label = GTK_WIDGET (label_with_class (fixture->row, "mail-state"));
  g_assert_true (gtk_widget_is_visible (mail_label));
  g_assert_true (gtk_widget_is_visible (test_find_button (GTK_WIDGET (fixture->row), "_Retry")));
  g_assert_true (gtk_widget_is_visible (check_in_button (fixture->row)));
  g_assert_cmpint (gtk_widget_get_width (mail_label), >=, gtk_widget_get_width (GTK_WIDGET (fixture->row)) * 2 / 3);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_heading (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(AtelierRosterHeading) heading = g_object_ref_sink (ATELIER_ROSTER_HEADING (atelier_roster_heading_new ()));
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  atelier_roster_heading_set_title (heading, "Waiting List");
  atelier_roster_heading_set_detail (heading, "2 parties · 3 seats");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (heading), "roster-heading"));
  test_collect_widgets (GTK_WIDGET (heading), GTK_TYPE_LABEL, labels);
  g_assert_cmpuint (labels->len, ==, 2);
  g_assert_cmpstr (gtk_label_get_label (labels->pdata[0]), ==, "Waiting List");
  g_assert_true (gtk_widget_has_css_class (labels->pdata[0], "heading"));
  g_assert_cmpstr (gtk_label_get_label (labels->pdata[1]), ==, "2 parties · 3 seats");
  g_assert_cmpstr (atelier_roster_heading_get_detail (heading), ==, "2 parties · 3 seats");
}

int
main (int   argc,
      char *argv[])
{
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display for the roster row tests\n");
      return 0;
    }
  adw_init ();

  g_test_init (&argc, &argv, NULL);

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD_TEST ("/atelier/roster-row/confirmed", test_confirmed);
  ADD_TEST ("/atelier/roster-row/waiting", test_waiting);
  ADD_TEST ("/atelier/roster-row/checked-in", test_checked_in);
  ADD_TEST ("/atelier/roster-row/no-show-and-cancelled", test_no_show_and_cancelled);
  ADD_TEST ("/atelier/roster-row/heading", test_heading);
  ADD_TEST ("/atelier/roster-row/button-names", test_button_names);
  ADD_TEST ("/atelier/roster-row/mail-line-narrow", test_mail_line_narrow);

#undef ADD_TEST

  return g_test_run ();
}
