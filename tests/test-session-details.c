/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-session-details.c: the details block of a session's page, built
 * alone with a store */
#define G_LOG_DOMAIN "test-session-details"

#include "config.h"

#include <adwaita.h>

#include "atelier-format.h"
#include "atelier-session-details.h"
#include "test-session-util.h"
#include "test-ui-util.h"

typedef struct
{
  TestStore              store;
  gint64                 workshop_id;
  AtelierSessionDetails *details;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  test_store_setup (&fixture->store, data);
  fixture->workshop_id = test_add_workshop (fixture->store.store, "Risotto aux cèpes", "Chef Anne");
  fixture->details = g_object_ref_sink (ATELIER_SESSION_DETAILS (atelier_session_details_new ()));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->details);
  test_store_teardown (&fixture->store, data);
}

/* The rows' titles that show, "|"-separated, with their subtitles */
static char *
facts_text (AtelierSessionDetails *details)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GString) text = g_string_new (NULL);

  test_collect_widgets (GTK_WIDGET (details), ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      if (!gtk_widget_get_visible (rows->pdata[i]))
        continue;
      if (text->len > 0)
        g_string_append_c (text, '|');
      g_string_append_printf (text, "%s: %s",
                              adw_action_row_get_subtitle (rows->pdata[i]),
                              adw_preferences_row_get_title (rows->pdata[i]));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
show_session (Fixture *fixture,
              gint64   session_id)
{
  g_autoptr(AtelierSession) session = test_get_session (fixture->store.store, session_id);
  AtelierSessionSummary summary = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_true (atelier_booking_summarize (fixture->store.store, session_id, &summary, &error));
  g_assert_no_error (error);
  atelier_session_details_set_session (fixture->details, session);
  atelier_session_details_set_host (fixture->details, "Chef Anne");
  atelier_session_details_set_summary (fixture->details, &summary);
}

static void
test_facts (Fixture       *fixture,
            gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;
  gint64 id = test_add_session (store, fixture->workshop_id, 48, 10, "America/New_York");
  g_autoptr(AtelierSession) session = test_get_session (store, id);
  g_autoptr(AtelierRegistration) ada = test_sign_up (store, id, "Ada", 3, ATELIER_REGISTRATION_CONFIRMED);
  g_autofree char *when = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *facts = NULL;

  show_session (fixture, id);

  g_assert_nonnull (test_find_label (GTK_WIDGET (fixture->details), "Risotto aux cèpes"));
  g_assert_null (test_find_label_with_class (GTK_WIDGET (fixture->details), "cancelled"));

  /* The date with its year, and the session's zone (not the computer's). */
  when = atelier_format_session_when (session, ATELIER_WHEN_WITH_YEAR | ATELIER_WHEN_WITH_ZONE);
  g_assert_true (g_str_has_suffix (when, " (America/New_York)"));
  expected = g_strdup_printf ("Date: %s|Place: Kitchen|Host: Chef Anne|Capacity: 10 seats|"
                              "Invites: Nothing to send", when);
  facts = facts_text (fixture->details);
  g_assert_cmpstr (facts, ==, expected);

  g_assert_cmpstr (gtk_label_get_label (test_find_label_with_class (GTK_WIDGET (fixture->details), "summary")),
                   ==, "3 of 10 seats taken");
  g_assert_true (gtk_widget_get_visible (test_find_button (GTK_WIDGET (fixture->details), "Check-in _Mode")));

  /* A row without a value hides. */
  atelier_session_details_set_host (fixture->details, NULL);
  g_clear_pointer (&facts, g_free);
  facts = facts_text (fixture->details);
  g_assert_null (strstr (facts, "Host"));
}

/* What to bring shows under the host, lines and all, and hides when
 * there is nothing. */
static void
test_bring (Fixture       *fixture,
            gconstpointer  data)
{
  gint64 id = test_add_session (fixture->store.store, fixture->workshop_id, 48, 10, "Europe/Paris");
  g_autofree char *facts = NULL;
  g_autofree char *emptied = NULL;

  show_session (fixture, id);
  atelier_session_details_set_bring (fixture->details, "Un tablier\nUn couteau");
  facts = facts_text (fixture->details);
  g_assert_nonnull (strstr (facts, "|Host: Chef Anne|What to bring: Un tablier\nUn couteau|Capacity: "));

  atelier_session_details_set_bring (fixture->details, "");
  emptied = facts_text (fixture->details);
  g_assert_null (strstr (emptied, "What to bring"));
}

static void
test_invites (Fixture       *fixture,
              gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;
  gint64 id = test_add_session (store, fixture->workshop_id, 48, 10, "Europe/Paris");
  GtkWidget *button;
  g_autoptr(GPtrArray) spinners = g_ptr_array_new ();

  show_session (fixture, id);
  button = test_find_button (GTK_WIDGET (fixture->details), "Send _Invites…");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "session.send-invites");
  g_assert_nonnull (test_find_label (GTK_WIDGET (fixture->details), "Nothing to send"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Every customer has the latest invite");

  atelier_session_details_set_pending_invites (fixture->details, 3);
  g_assert_nonnull (test_find_label (GTK_WIDGET (fixture->details), "3 to send"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==,
                   "Send the invites customers are owed by mail");

  test_collect_widgets (GTK_WIDGET (fixture->details), GTK_TYPE_SPINNER, spinners);
  g_assert_cmpuint (spinners->len, ==, 1);
  g_assert_false (gtk_widget_get_visible (spinners->pdata[0]));
  atelier_session_details_set_exporting (fixture->details, TRUE);
  g_assert_nonnull (test_find_label (GTK_WIDGET (fixture->details), "Writing invites…"));
  g_assert_true (gtk_widget_get_visible (spinners->pdata[0]));
  g_assert_true (gtk_spinner_get_spinning (spinners->pdata[0]));
}

/* While mail goes out: how far it is, and Stop instead of Send. */
static void
test_sending_progress (Fixture       *fixture,
                       gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;
  gint64 id = test_add_session (store, fixture->workshop_id, 48, 10, "Europe/Paris");
  GtkWidget *send;
  GtkWidget *stop;

  show_session (fixture, id);
  atelier_session_details_set_pending_invites (fixture->details, 40);
  send = test_find_button (GTK_WIDGET (fixture->details), "Send _Invites…");
  stop = test_find_button (GTK_WIDGET (fixture->details), "_Stop");
  g_assert_true (gtk_widget_get_visible (send));
  g_assert_false (gtk_widget_get_visible (stop));

  atelier_session_details_set_progress (fixture->details, "Sending 12 of 40…");
  g_assert_nonnull (test_find_label (GTK_WIDGET (fixture->details), "Sending 12 of 40…"));
  g_assert_false (gtk_widget_get_visible (send));
  g_assert_true (gtk_widget_get_visible (stop));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (stop)), ==, "session.stop-sending");

  atelier_session_details_set_progress (fixture->details, NULL);
  g_assert_nonnull (test_find_label (GTK_WIDGET (fixture->details), "40 to send"));
  g_assert_true (gtk_widget_get_visible (send));
  g_assert_false (gtk_widget_get_visible (stop));
}

static void
test_cancelled_and_ended (Fixture       *fixture,
                          gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;
  gint64 past = test_add_session (store, fixture->workshop_id, -48, 4, "Europe/Paris");
  gint64 future = test_add_session (store, fixture->workshop_id, 48, 4, "Europe/Paris");
  g_autoptr(GError) error = NULL;
  GtkLabel *summary;

  /* Over: the no-shows are counted and check-in mode is gone. */
  show_session (fixture, past);
  summary = test_find_label_with_class (GTK_WIDGET (fixture->details), "summary");
  g_assert_cmpstr (gtk_label_get_label (summary), ==, "0 of 4 seats taken · 0 no-shows");
  g_assert_false (gtk_widget_get_visible (test_find_button (GTK_WIDGET (fixture->details), "Check-in _Mode")));

  g_assert_true (atelier_booking_cancel_session (store, future, &error));
  g_assert_no_error (error);
  show_session (fixture, future);
  g_assert_nonnull (test_find_label_with_class (GTK_WIDGET (fixture->details), "cancelled"));
  g_assert_cmpstr (gtk_label_get_label (summary), ==, "This session is cancelled, and so are its registrations.");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (summary), "error"));
  g_assert_false (gtk_widget_get_visible (test_find_button (GTK_WIDGET (fixture->details), "Check-in _Mode")));
}

static void
test_format_summary (Fixture       *fixture,
                     gconstpointer  data)
{
  AtelierSessionSummary summary = {
    .capacity = 10, .confirmed_seats = 7, .waiting_parties = 2, .waiting_seats = 3,
    .checked_in_seats = 5,
  };
  g_autofree char *text = atelier_session_details_format_summary (&summary);

  g_assert_cmpstr (text, ==, "7 of 10 seats taken · 2 parties waiting (3 seats) · 5 checked in");
}

int
main (int   argc,
      char *argv[])
{
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display for the session details tests\n");
      return 0;
    }
  adw_init ();

  g_test_init (&argc, &argv, NULL);

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD_TEST ("/atelier/session-details/facts", test_facts);
  ADD_TEST ("/atelier/session-details/bring", test_bring);
  ADD_TEST ("/atelier/session-details/invites", test_invites);
  ADD_TEST ("/atelier/session-details/sending-progress", test_sending_progress);
  ADD_TEST ("/atelier/session-details/cancelled-and-ended", test_cancelled_and_ended);
  ADD_TEST ("/atelier/session-details/format-summary", test_format_summary);

#undef ADD_TEST

  return g_test_run ();
}
