/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-session-page.c: one session's page: details, roster, actions */
#define G_LOG_DOMAIN "test-session-page"

#include "config.h"

#include <adwaita.h>

#include "atelier-booking.h"
#include "atelier-invite-next-dialog.h"
#include "atelier-series.h"
#include "atelier-session-page.h"
#include "atelier-session-series.h"

#include "atelier-settings.h"
#include "test-ui-util.h"
#include "test-util.h"

/* How long a test waits for the page to catch up with the store. */
#define WAIT_TIMEOUT_SECONDS 10

typedef struct
{
  TestStore           store;
  gint64              workshop_id;
  GtkWindow          *window;
  AtelierSessionPage *page;
} Fixture;

/* Store helpers */

static gint64
add_workshop (AtelierStore *store,
              const char   *title)
{
  g_autoptr(AtelierWorkshop) workshop = atelier_workshop_new (title);
  g_autoptr(GError) error = NULL;

  g_object_set (workshop, "capacity", 10, "duration-minutes", 120, "host", "Chef Anne", NULL);
  g_assert_true (atelier_store_add_workshop (store, workshop, &error));
  g_assert_no_error (error);
  return atelier_workshop_get_id (workshop);
}

/* A two-hour session starting @hours from now (rounded to the hour) */
static gint64
add_session (AtelierStore *store,
             gint64        workshop_id,
             int           hours,
             int           capacity)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) hour = g_date_time_new_utc (g_date_time_get_year (now),
                                                   g_date_time_get_month (now),
                                                   g_date_time_get_day_of_month (now),
                                                   g_date_time_get_hour (now), 0, 0);
  g_autoptr(GDateTime) starts = g_date_time_add_hours (hour, hours);
  g_autoptr(GDateTime) ends = g_date_time_add_hours (starts, 2);
  g_autoptr(AtelierSession) session = atelier_session_new (workshop_id, starts, ends, "Europe/Paris");
  g_autoptr(GError) error = NULL;

  g_object_set (session, "capacity", capacity, "place", "Kitchen", NULL);
  g_assert_true (atelier_store_add_session (store, session, &error));
  g_assert_no_error (error);
  return atelier_session_get_id (session);
}

static gint64
add_customer (AtelierStore *store,
              const char   *given_name,
              const char   *family_name)
{
  g_autoptr(AtelierCustomer) customer = atelier_customer_new (given_name, family_name);
  g_autoptr(GError) error = NULL;

  g_assert_true (atelier_store_add_customer (store, customer, &error));
  g_assert_no_error (error);
  return atelier_customer_get_id (customer);
}

/* Signs up through the booking rules. */
static gint64
sign_up (AtelierStore *store,
         gint64        session_id,
         const char   *given_name,
         int           party_size,
         const char   *expected_status)
{
  g_autoptr(AtelierCustomer) customer = atelier_customer_new (given_name, "Test");
  g_autoptr(AtelierRegistration) registration = NULL;
  g_autoptr(GError) error = NULL;

  registration = atelier_booking_sign_up (store, session_id, customer, party_size, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (atelier_registration_get_status (registration), ==, expected_status);
  return atelier_registration_get_id (registration);
}

/* A registration written as it stands, to build a waiting list whose
 * parties would fit (the rules would confirm them). */
static gint64
add_waiting (AtelierStore *store,
             gint64        session_id,
             const char   *given_name,
             int           party_size,
             int           position)
{
  gint64 customer_id = add_customer (store, given_name, "Test");
  g_autoptr(AtelierRegistration) registration =
    atelier_registration_new (session_id, customer_id, party_size);
  g_autoptr(GError) error = NULL;

  g_object_set (registration,
                "status", ATELIER_REGISTRATION_WAITLISTED,
                "waitlist-position", position,
                NULL);
  g_assert_true (atelier_store_add_registration (store, registration, &error));
  g_assert_no_error (error);
  return atelier_registration_get_id (registration);
}

static AtelierRegistration *
get_registration (AtelierStore *store,
                  gint64        id)
{
  g_autoptr(GError) error = NULL;
  AtelierRegistration *registration = atelier_store_get_registration (store, id, &error);

  g_assert_no_error (error);
  return registration;
}

/* Widget helpers */

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  test_collect_widgets (root, type, found);
  g_assert_cmpuint (found->len, >=, 1);
  return found->pdata[0];
}

static gboolean
has_label_containing (GtkWidget  *root,
                      const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  test_collect_widgets (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_get_visible (labels->pdata[i])
        && strstr (gtk_label_get_label (labels->pdata[i]), text) != NULL)
      return TRUE;
  return FALSE;
}

/* The visible toplevel of @type other than the test's window, or NULL */
static GtkWidget *
find_toplevel (Fixture *fixture,
               GType    type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (window != fixture->window && g_type_is_a (G_OBJECT_TYPE (window), type)
          && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WIDGET (window);
    }
  return NULL;
}

/* Conditions take the fixture; test_wait_until() calls them. */
#define wait_until(fixture, condition, data) \
  test_wait_until ((TestCondition) (condition), (fixture), (data), WAIT_TIMEOUT_SECONDS)

static gboolean
page_shows_text (Fixture       *fixture,
                 gconstpointer  data)
{
  return has_label_containing (GTK_WIDGET (fixture->page), data);
}

static void
show_page (Fixture *fixture,
           gint64   session_id)
{
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 720, 1000);
  fixture->page = ATELIER_SESSION_PAGE (atelier_session_page_new (fixture->store.store, session_id));
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  gtk_window_present (fixture->window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
}

/* Lets the page take in the store's changes and draw them. */
static void
settle (Fixture *fixture)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
}

/* The roster as one string: "session|Confirmed|Ada Test|...|Waiting List|..." */
static char *
roster_text (AtelierSessionPage *page)
{
  GListModel *roster = atelier_session_page_get_roster (page);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (roster); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (roster, i);

      if (text->len > 0)
        g_string_append_c (text, '|');
      if (ATELIER_IS_SESSION (item))
        g_string_append (text, "session");
      else if (ATELIER_IS_REGISTRATION (item))
        {
          AtelierRegistration *r = ATELIER_REGISTRATION (item);

          if (atelier_registration_get_waitlist_position (r) > 0)
            g_string_append_printf (text, "%d.", atelier_registration_get_waitlist_position (r));
          g_string_append_printf (text, "%s×%d", atelier_registration_get_customer_name (r),
                                  atelier_registration_get_party_size (r));
        }
      else
        g_string_append (text, gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Fixture */

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  test_store_setup (&fixture->store, data);
  fixture->workshop_id = add_workshop (fixture->store.store, "Risotto aux cèpes");
}

static void
destroy_other_windows (Fixture *fixture)
{
  GtkWidget *window;

  while ((window = find_toplevel (fixture, GTK_TYPE_WINDOW)) != NULL)
    gtk_window_destroy (GTK_WINDOW (window));
}

/* Closes what a dialog's response left open (AdwMessageDialog closes
 * itself only when a button is clicked). */
static void
close_dialogs (Fixture *fixture)
{
  destroy_other_windows (fixture);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  destroy_other_windows (fixture);
  if (fixture->window != NULL)
    gtk_window_destroy (fixture->window);
  fixture->window = NULL;
  fixture->page = NULL;
  test_store_teardown (&fixture->store, data);
}

/* Tests */

static void
test_summary_and_roster (Fixture       *fixture,
                         gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;
  gint64 session = add_session (store, fixture->workshop_id, 48, 10);
  g_autofree char *roster = NULL;
  g_autoptr(GPtrArray) positions = g_ptr_array_new ();
  AdwWindowTitle *title;
  GtkLabel *summary;

  sign_up (store, session, "Ada", 3, ATELIER_REGISTRATION_CONFIRMED);
  sign_up (store, session, "Berthe", 4, ATELIER_REGISTRATION_CONFIRMED);
  add_waiting (store, session, "Chloé", 2, 1);
  add_waiting (store, session, "Dora", 1, 2);

  show_page (fixture, session);

  title = ADW_WINDOW_TITLE (find_widget (GTK_WIDGET (fixture->page), ADW_TYPE_WINDOW_TITLE));
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "Risotto aux cèpes");

  summary = test_find_label_with_class (GTK_WIDGET (fixture->page), "summary");
  g_assert_nonnull (summary);
  g_assert_cmpstr (gtk_label_get_label (summary), ==, "7 of 10 seats taken · 2 parties waiting (3 seats)");
  g_assert_true (has_label_containing (GTK_WIDGET (fixture->page), "Kitchen"));
  g_assert_true (has_label_containing (GTK_WIDGET (fixture->page), "Chef Anne"));
  g_assert_true (has_label_containing (GTK_WIDGET (fixture->page), "10 seats"));

  roster = roster_text (fixture->page);
  g_assert_cmpstr (roster, ==,
                   "session|Confirmed|Ada Test×3|Berthe Test×4|"
                   "Waiting List|1.Chloé Test×2|2.Dora Test×1");

  /* The rows show the waiting list's places and the party sizes. */
  g_assert_true (has_label_containing (GTK_WIDGET (fixture->page), "×4"));
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();

    test_collect_widgets (GTK_WIDGET (fixture->page), GTK_TYPE_LABEL, labels);
    for (guint i = 0; i < labels->len; i++)
      if (gtk_widget_has_css_class (labels->pdata[i], "waitlist-position")
          && gtk_widget_get_visible (labels->pdata[i]))
        g_ptr_array_add (positions, (gpointer) gtk_label_get_label (labels->pdata[i]));
    g_assert_cmpuint (positions->len, ==, 2);
    g_assert_cmpstr (positions->pdata[0], ==, "1.");
    g_assert_cmpstr (positions->pdata[1], ==, "2.");
  }

  /* The page follows the store. */
  sign_up (store, session, "Emma", 1, ATELIER_REGISTRATION_CONFIRMED);
  wait_until (fixture, page_shows_text, "8 of 10 seats taken");
}

static void
test_empty_and_missing (Fixture       *fixture,
                        gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;
  gint64 session = add_session (store, fixture->workshop_id, 48, 6);
  g_autofree char *roster = NULL;
  g_autoptr(GError) error = NULL;
  GtkStack *stack;

  show_page (fixture, session);
  roster = roster_text (fixture->page);
  g_assert_true (g_str_has_prefix (roster, "session|Confirmed|Nobody is signed up yet."));
  g_assert_cmpstr (gtk_label_get_label (test_find_label_with_class (GTK_WIDGET (fixture->page), "summary")),
                   ==, "0 of 6 seats taken");

  g_assert_true (atelier_store_delete_session (store, session, &error));
  g_assert_no_error (error);
  settle (fixture);
  {
    g_autoptr(GPtrArray) stacks = g_ptr_array_new ();

    /* The page's own stack, not one inside a header bar or menu. */
    test_collect_widgets (GTK_WIDGET (fixture->page), GTK_TYPE_STACK, stacks);
    stack = NULL;
    for (guint i = 0; i < stacks->len && stack == NULL; i++)
      if (gtk_stack_get_child_by_name (stacks->pdata[i], "missing") != NULL)
        stack = stacks->pdata[i];
    g_assert_nonnull (stack);
  }
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "missing");
  g_assert_false (gtk_widget_is_sensitive (test_find_button (GTK_WIDGET (fixture->page), "_Sign Up…")));
}

static void
test_cancel_registration (Fixture       *fixture,
                          gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;
  gint64 session = add_session (store, fixture->workshop_id, 48, 4);
  gint64 ada = sign_up (store, session, "Ada", 3, ATELIER_REGISTRATION_CONFIRMED);
  gint64 berthe = sign_up (store, session, "Berthe", 2, ATELIER_REGISTRATION_WAITLISTED);
  g_autoptr(AtelierRegistration) ada_after = NULL;
  g_autoptr(AtelierRegistration) berthe_after = NULL;
  g_autofree char *roster = NULL;
  AdwMessageDialog *dialog;

  show_page (fixture, session);

  /* Keeping it changes nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page),
                                             "session.cancel-registration", "x", ada));
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (fixture, ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Cancel Ada Test’s registration (party of 3)?");
  /* It says beforehand who the seats go to. */
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog),
                                   "Berthe Test will be confirmed from the waiting list. "));
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "cancel-registration"),
                   ==, "_Cancel Registration");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "cancel-registration"),
                   ==, ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_response (dialog, "keep");
  close_dialogs (fixture);
  ada_after = get_registration (store, ada);
  g_assert_cmpstr (atelier_registration_get_status (ada_after), ==, ATELIER_REGISTRATION_CONFIRMED);
  g_clear_object (&ada_after);

  /* Cancelling writes the cancellation and promotes Berthe. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page),
                                             "session.cancel-registration", "x", ada));
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (fixture, ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel-registration");
  close_dialogs (fixture);

  ada_after = get_registration (store, ada);
  berthe_after = get_registration (store, berthe);
  g_assert_cmpstr (atelier_registration_get_status (ada_after), ==, ATELIER_REGISTRATION_CANCELLED);
  g_assert_cmpstr (atelier_registration_get_cancelled_by (ada_after), ==, "customer");
  g_assert_cmpstr (atelier_registration_get_status (berthe_after), ==, ATELIER_REGISTRATION_CONFIRMED);

  /* The toast says who was promoted; the roster follows. */
  g_assert_true (has_label_containing (GTK_WIDGET (fixture->page),
                                       "Berthe Test is confirmed from the waiting list. Ada Test’s registration is cancelled."));
  settle (fixture);
  roster = roster_text (fixture->page);
  g_assert_cmpstr (roster, ==, "session|Confirmed|Berthe Test×2");
  g_assert_cmpstr (gtk_label_get_label (test_find_label_with_class (GTK_WIDGET (fixture->page), "summary")),
                   ==, "2 of 4 seats taken");
}

/* A party that does not fit keeps its place while a smaller one behind
 * it is confirmed, and the question says so before anyone is surprised. */
static void
test_cancel_explains_waiting_list (Fixture       *fixture,
                                   gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;
  gint64 session = add_session (store, fixture->workshop_id, 48, 2);
  gint64 ada = sign_up (store, session, "Ada", 1, ATELIER_REGISTRATION_CONFIRMED);
  AdwMessageDialog *dialog;
  const char *body;

  sign_up (store, session, "Berthe", 1, ATELIER_REGISTRATION_CONFIRMED);
  sign_up (store, session, "Colette", 2, ATELIER_REGISTRATION_WAITLISTED);
  sign_up (store, session, "Denise", 1, ATELIER_REGISTRATION_WAITLISTED);
  show_page (fixture, session);

  /* Full: "Who to Invite Next" is not offered, the waiting list is. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "session.invite-next", NULL);
  g_assert_null (find_toplevel (fixture, ATELIER_TYPE_INVITE_NEXT_DIALOG));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page),
                                             "session.cancel-registration", "x", ada));
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (fixture, ADW_TYPE_MESSAGE_DIALOG));
  body = adw_message_dialog_get_body (dialog);
  g_assert_true (g_str_has_prefix (body, "Denise Test will be confirmed from the waiting list. "));
  g_assert_nonnull (strstr (body, "a party too large for the seats left keeps its place"));
  adw_message_dialog_response (dialog, "keep");
  close_dialogs (fixture);
}

static void
test_change_capacity (Fixture       *fixture,
                      gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;
  gint64 session = add_session (store, fixture->workshop_id, 48, 10);
  g_autoptr(AtelierSession) after = NULL;
  g_autoptr(AtelierRegistration) waiting_after = NULL;
  GtkWidget *dialog;
  GtkWidget *spin;
  GtkLabel *error_label;
  gint64 waiting;

  sign_up (store, session, "Ada", 3, ATELIER_REGISTRATION_CONFIRMED);
  sign_up (store, session, "Berthe", 4, ATELIER_REGISTRATION_CONFIRMED);
  waiting = sign_up (store, session, "Chloé", 5, ATELIER_REGISTRATION_WAITLISTED);
  show_page (fixture, session);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "session.change-capacity", NULL));
  dialog = find_toplevel (fixture, ADW_TYPE_WINDOW);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Change Capacity");
  spin = find_widget (dialog, GTK_TYPE_SPIN_BUTTON);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, 10);

  /* Below the seats taken: the error shows, nothing changes. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 5);
  g_signal_emit_by_name (test_find_button (dialog, "_Save"), "clicked");
  error_label = test_find_label_with_class (dialog, "error");
  g_assert_nonnull (error_label);
  g_assert_cmpstr (gtk_label_get_label (error_label), ==,
                   "7 seats are already taken; the capacity cannot be lower than that.");
  g_assert_true (gtk_widget_get_visible (dialog));
  after = atelier_store_get_session (store, session, NULL);
  g_assert_cmpint (atelier_session_get_capacity (after), ==, 10);
  g_clear_object (&after);

  /* Raising it promotes the waiting party, and the toast says so. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 12);
  g_assert_null (test_find_label_with_class (dialog, "error"));
  g_signal_emit_by_name (test_find_button (dialog, "_Save"), "clicked");
  g_assert_null (find_toplevel (fixture, ADW_TYPE_WINDOW));
  after = atelier_store_get_session (store, session, NULL);
  g_assert_cmpint (atelier_session_get_capacity (after), ==, 12);
  waiting_after = get_registration (store, waiting);
  g_assert_cmpstr (atelier_registration_get_status (waiting_after), ==, ATELIER_REGISTRATION_CONFIRMED);
  g_assert_true (has_label_containing (GTK_WIDGET (fixture->page),
                                       "Chloé Test is confirmed from the waiting list. The capacity is now 12 seats."));
  settle (fixture);
  g_assert_cmpstr (gtk_label_get_label (test_find_label_with_class (GTK_WIDGET (fixture->page), "summary")),
                   ==, "12 of 12 seats taken");
}

static void
test_cancel_session (Fixture       *fixture,
                     gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;
  gint64 session = add_session (store, fixture->workshop_id, 48, 4);
  g_autoptr(AtelierSession) after = NULL;
  g_autoptr(AtelierRegistration) registration = NULL;
  AdwMessageDialog *dialog;
  gint64 ada;

  ada = sign_up (store, session, "Ada", 3, ATELIER_REGISTRATION_CONFIRMED);
  sign_up (store, session, "Berthe", 1, ATELIER_REGISTRATION_CONFIRMED);
  sign_up (store, session, "Chloé", 2, ATELIER_REGISTRATION_WAITLISTED);
  show_page (fixture, session);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "session.cancel-session", NULL));
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (fixture, ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Cancel this session?");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "6 people (3 registrations) will be told it is cancelled.");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "cancel-session"),
                   ==, ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_response (dialog, "cancel-session");
  close_dialogs (fixture);

  after = atelier_store_get_session (store, session, NULL);
  g_assert_true (atelier_session_is_cancelled (after));
  registration = get_registration (store, ada);
  g_assert_cmpstr (atelier_registration_get_status (registration), ==, ATELIER_REGISTRATION_CANCELLED);

  settle (fixture);
  g_assert_nonnull (test_find_label_with_class (GTK_WIDGET (fixture->page), "cancelled"));
  g_assert_true (has_label_containing (GTK_WIDGET (fixture->page), "This session is cancelled"));
  g_assert_false (gtk_widget_is_sensitive (test_find_button (GTK_WIDGET (fixture->page), "_Sign Up…")));
  /* Nothing more to cancel: the action is off. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "session.cancel-session", NULL);
  g_assert_null (find_toplevel (fixture, ADW_TYPE_MESSAGE_DIALOG));
}

static void
test_check_in (Fixture       *fixture,
               gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;
  gint64 session = add_session (store, fixture->workshop_id, 48, 4);
  gint64 ada = sign_up (store, session, "Ada", 2, ATELIER_REGISTRATION_CONFIRMED);
  g_autoptr(AtelierRegistration) after = NULL;

  show_page (fixture, session);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "session.check-in", "x", ada));
  after = get_registration (store, ada);
  g_assert_cmpint (atelier_registration_get_checked_in_at (after), !=, 0);
  g_clear_object (&after);
  g_assert_true (has_label_containing (GTK_WIDGET (fixture->page), "Ada Test is checked in."));
  settle (fixture);
  g_assert_true (has_label_containing (GTK_WIDGET (fixture->page), "Checked in at "));
  g_assert_true (has_label_containing (GTK_WIDGET (fixture->page), "2 checked in"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "session.undo-check-in", "x", ada));
  after = get_registration (store, ada);
  g_assert_cmpint (atelier_registration_get_checked_in_at (after), ==, 0);
  settle (fixture);
  g_assert_false (has_label_containing (GTK_WIDGET (fixture->page), "Checked in at "));
}

static void
test_move (Fixture       *fixture,
           gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;
  gint64 session = add_session (store, fixture->workshop_id, 48, 4);
  gint64 other = add_session (store, fixture->workshop_id, 72, 2);
  gint64 ada = sign_up (store, session, "Ada", 2, ATELIER_REGISTRATION_CONFIRMED);
  g_autoptr(AtelierRegistration) old = NULL;
  g_autoptr(GListModel) moved = NULL;
  g_autoptr(AtelierRegistration) registration = NULL;
  GtkSelectionModel *selection;
  GtkWidget *dialog;
  GtkWidget *move_button;

  add_session (store, fixture->workshop_id, -48, 4);  /* past: not offered */
  sign_up (store, other, "Berthe", 1, ATELIER_REGISTRATION_CONFIRMED);
  show_page (fixture, session);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page),
                                             "session.move-registration", "x", ada));
  dialog = find_toplevel (fixture, ADW_TYPE_WINDOW);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Move Registration");
  selection = gtk_list_view_get_model (GTK_LIST_VIEW (find_widget (dialog, GTK_TYPE_LIST_VIEW)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 1);
  move_button = test_find_button (dialog, "_Move");
  g_assert_false (gtk_widget_get_sensitive (move_button));
  gtk_selection_model_select_item (selection, 0, TRUE);
  g_assert_true (gtk_widget_get_sensitive (move_button));
  g_signal_emit_by_name (move_button, "clicked");
  g_assert_null (find_toplevel (fixture, ADW_TYPE_WINDOW));

  old = get_registration (store, ada);
  g_assert_cmpstr (atelier_registration_get_status (old), ==, ATELIER_REGISTRATION_CANCELLED);
  moved = atelier_store_list_registrations (store, other, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (moved), ==, 2);
  registration = g_list_model_get_item (moved, 1);
  g_assert_cmpstr (atelier_registration_get_customer_name (registration), ==, "Ada Test");
  g_assert_cmpstr (atelier_registration_get_status (registration), ==, ATELIER_REGISTRATION_WAITLISTED);
  g_assert_true (has_label_containing (GTK_WIDGET (fixture->page), ": on the waiting list, position 1."));
}

/* The "Send Invites…" button: insensitive while nothing is owed, and
 * how many are owed once someone with an e-mail address signs up. */
static void
test_send_invites_button (Fixture       *fixture,
                          gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;
  gint64 session = add_session (store, fixture->workshop_id, 48, 10);
  g_autoptr(AtelierCustomer) customer = atelier_customer_new ("Zoé", "Martin");
  g_autoptr(AtelierRegistration) registration = NULL;
  g_autoptr(GError) error = NULL;

  /* Without an e-mail address, nobody can be sent anything. */
  sign_up (store, session, "Ada", 1, ATELIER_REGISTRATION_CONFIRMED);
  show_page (fixture, session);
  g_assert_true (has_label_containing (GTK_WIDGET (fixture->page), "Nothing to send"));
  g_assert_false (gtk_widget_is_sensitive (test_find_button (GTK_WIDGET (fixture->page), "Send _Invites…")));

  g_object_set (customer, "email", "zoe@example.org", NULL);
  registration = atelier_booking_sign_up (store, session, customer, 2, NULL, &error);
  g_assert_no_error (error);
  wait_until (fixture, page_shows_text, "1 to send");
  settle (fixture);
  g_assert_true (gtk_widget_is_sensitive (test_find_button (GTK_WIDGET (fixture->page), "Send _Invites…")));
}

/* Under the summary, what the confirmed seats bring in at the workshop's
 * price, in the store's currency; the waiting list pays nothing. */
static void
test_revenue (Fixture       *fixture,
              gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;
  g_autoptr(AtelierWorkshop) workshop = atelier_store_get_workshop (store, fixture->workshop_id, NULL);
  g_autoptr(GError) error = NULL;
  gint64 session;
  GtkLabel *revenue;

  g_object_set (workshop, "price-cents", (gint64) 2500, NULL);
  g_assert_true (atelier_store_update_workshop (store, workshop, &error));
  g_assert_no_error (error);
  session = add_session (store, fixture->workshop_id, 48, 10);
  sign_up (store, session, "Ada", 3, ATELIER_REGISTRATION_CONFIRMED);
  sign_up (store, session, "Berthe", 5, ATELIER_REGISTRATION_CONFIRMED);
  add_waiting (store, session, "Chloé", 2, 1);

  show_page (fixture, session);
  revenue = test_find_label_with_class (GTK_WIDGET (fixture->page), "revenue");
  g_assert_nonnull (revenue);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (revenue)));
  g_assert_cmpstr (gtk_label_get_label (revenue), ==, "Revenue: 8 confirmed seats × €25.00 = €200.00");

  /* It follows the store: another currency (the yen has no cents), a seat */
  g_assert_true (atelier_settings_write (store, ATELIER_SETTING_CURRENCY, "JPY", &error));
  g_assert_no_error (error);
  wait_until (fixture, page_shows_text, "Revenue: 8 confirmed seats × ¥2,500 = ¥20,000");
  sign_up (store, session, "Emma", 1, ATELIER_REGISTRATION_CONFIRMED);
  wait_until (fixture, page_shows_text, "Revenue: 9 confirmed seats × ¥2,500 = ¥22,500");

  /* A free workshop says so. */
  g_object_set (workshop, "price-cents", (gint64) 0, NULL);
  g_assert_true (atelier_store_update_workshop (store, workshop, &error));
  g_assert_no_error (error);
  wait_until (fixture, page_shows_text, "No revenue: the workshop is free");
}

/* A phone held at the door is 360 pixels wide: the page, its header bar
 * included, fits in that with the window's frame (350). Wide, the header
 * bar keeps the "Sign Up…" label. */
static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  gint64 session = add_session (fixture->store.store, fixture->workshop_id, 48, 10);
  AdwSqueezer *squeezer;
  int minimum = 0;

  show_page (fixture, session);
  /* Wide, the header bar has room for the button's label. */
  squeezer = ADW_SQUEEZER (find_widget (GTK_WIDGET (fixture->page), ADW_TYPE_SQUEEZER));
  g_assert_true (gtk_widget_is_ancestor (test_find_button (GTK_WIDGET (fixture->page), "_Sign Up…"),
                                         adw_squeezer_get_visible_child (squeezer)));

  gtk_widget_measure (GTK_WIDGET (fixture->page), GTK_ORIENTATION_HORIZONTAL, -1,
                      &minimum, NULL, NULL, NULL);
  g_test_message ("minimum width: %d", minimum);
  g_assert_cmpint (minimum, <=, 350);
}

static void
on_show_session_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  *(gint64 *) user_data = g_variant_get_int64 (parameter);
}

/* A session of a series says its place in it, and opens the others. */
static void
test_series (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) starts = g_date_time_add_days (now, 2);
  g_autoptr(GDateTime) ends = g_date_time_add_hours (starts, 2);
  g_autoptr(AtelierSession) first = atelier_session_new (fixture->workshop_id, starts, ends,
                                                         "Europe/Paris");
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) created = NULL;
  g_autoptr(AtelierSession) second = NULL;
  g_autoptr(AtelierSession) earliest = NULL;
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) show = g_simple_action_new ("show-session", G_VARIANT_TYPE_INT64);
  AtelierSessionSeries *line;
  GtkListBox *list;
  gint64 shown = 0;
  gint64 alone;

  g_object_set (first, "capacity", 6, NULL);
  created = atelier_series_create (fixture->store.store, first, "FREQ=WEEKLY;COUNT=3", &error);
  g_assert_no_error (error);
  second = g_list_model_get_item (created, 1);
  earliest = g_list_model_get_item (created, 0);

  show_page (fixture, atelier_session_get_id (second));
  g_signal_connect (show, "activate", G_CALLBACK (on_show_session_cb), &shown);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (show));
  gtk_widget_insert_action_group (GTK_WIDGET (fixture->window), "win", G_ACTION_GROUP (group));
  settle (fixture);

  line = ATELIER_SESSION_SERIES (find_widget (GTK_WIDGET (fixture->page), ATELIER_TYPE_SESSION_SERIES));
  g_assert_cmpstr (atelier_session_series_get_text (line), ==, "Session 2 of 3 in a weekly series");
  g_assert_true (page_shows_text (fixture, "Session 2 of 3 in a weekly series"));
  g_assert_cmpuint (g_list_model_get_n_items (atelier_session_series_get_sessions (line)), ==, 3);

  list = GTK_LIST_BOX (find_widget (GTK_WIDGET (line), GTK_TYPE_LIST_BOX));
  g_assert_false (gtk_list_box_row_get_activatable (gtk_list_box_get_row_at_index (list, 1)));
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 0));
  g_assert_cmpint (shown, ==, atelier_session_get_id (earliest));

  /* A session planned alone shows no such line. */
  gtk_window_destroy (fixture->window);
  alone = add_session (fixture->store.store, fixture->workshop_id, 5, 4);
  show_page (fixture, alone);
  settle (fixture);
  line = ATELIER_SESSION_SERIES (find_widget (GTK_WIDGET (fixture->page), ATELIER_TYPE_SESSION_SERIES));
  g_assert_null (atelier_session_series_get_text (line));
  g_assert_false (page_shows_text (fixture, "in a weekly series"));
}

int
main (int   argc,
      char *argv[])
{
  if (!gtk_init_check ())
    {
      for (int i = 1; i < argc; i++)
        if (g_strcmp0 (argv[i], "--tap") == 0)
          {
            g_print ("1..0 # SKIP no display for the session page tests\n");
            return 0;
          }
      g_printerr ("No display: skipping the session page tests\n");
      return 77;
    }
  adw_init ();

  g_test_init (&argc, &argv, NULL);

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD_TEST ("/atelier/session-page/summary-and-roster", test_summary_and_roster);
  ADD_TEST ("/atelier/session-page/empty-and-missing", test_empty_and_missing);
  ADD_TEST ("/atelier/session-page/cancel-registration", test_cancel_registration);
  ADD_TEST ("/atelier/session-page/cancel-explains-waiting-list", test_cancel_explains_waiting_list);
  ADD_TEST ("/atelier/session-page/change-capacity", test_change_capacity);
  ADD_TEST ("/atelier/session-page/cancel-session", test_cancel_session);
  ADD_TEST ("/atelier/session-page/check-in", test_check_in);
  ADD_TEST ("/atelier/session-page/move", test_move);
  ADD_TEST ("/atelier/session-page/send-invites-button", test_send_invites_button);
  ADD_TEST ("/atelier/session-page/narrow", test_narrow);
  ADD_TEST ("/atelier/session-page/series", test_series);
  ADD_TEST ("/atelier/session-page/revenue", test_revenue);

#undef ADD_TEST

  return g_test_run ();
}
