/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-checkin.c: check-in mode at the door */
#define G_LOG_DOMAIN "test-checkin"

#include "config.h"

#include <adwaita.h>

#include "atelier-booking.h"
#include "atelier-checkin-row.h"
#include "atelier-checkin-window.h"
#include "atelier-walk-in-dialog.h"
#include "test-ui-util.h"
#include "test-util.h"

/* How long a test waits for the window to catch up with the store. */
#define WAIT_TIMEOUT_SECONDS 10

typedef struct
{
  TestStore             store;
  gint64                session_id;
  gint64                zoe;          /* registration ids */
  gint64                ada;
  gint64                bruno;
  gint64                chloe;        /* on the waiting list */
  AtelierCheckinWindow *window;
} Fixture;

/* Store helpers */

static gint64
add_customer (AtelierStore *store,
              const char   *given_name,
              const char   *family_name,
              const char   *email,
              const char   *interests,
              const char   *note)
{
  g_autoptr(AtelierCustomer) customer = atelier_customer_new (given_name, family_name);
  g_autoptr(GError) error = NULL;

  g_object_set (customer,
                "email", email,
                "interests", interests ? interests : "",
                "note", note ? note : "",
                NULL);
  g_assert_true (atelier_store_add_customer (store, customer, &error));
  g_assert_no_error (error);
  return atelier_customer_get_id (customer);
}

/* A registration written as it stands: the session has started, so the
 * booking rules no longer take sign-ups. */
static gint64
add_registration (AtelierStore *store,
                  gint64        session_id,
                  gint64        customer_id,
                  int           party_size,
                  int           waitlist_position)
{
  g_autoptr(AtelierRegistration) registration = NULL;
  g_autoptr(GError) error = NULL;

  registration = atelier_registration_new (session_id, customer_id, party_size);
  if (waitlist_position > 0)
    g_object_set (registration,
                  "status", ATELIER_REGISTRATION_WAITLISTED,
                  "waitlist-position", waitlist_position,
                  NULL);
  g_assert_true (atelier_store_add_registration (store, registration, &error));
  g_assert_no_error (error);
  return atelier_registration_get_id (registration);
}

static guint
count_customers (AtelierStore *store)
{
  g_autoptr(GListModel) customers = atelier_store_list_customers (store, NULL);

  g_assert_nonnull (customers);
  return g_list_model_get_n_items (customers);
}

static guint
count_registrations (AtelierStore *store,
                     gint64        session_id)
{
  g_autoptr(GListModel) registrations = atelier_store_list_registrations (store, session_id, NULL);

  g_assert_nonnull (registrations);
  return g_list_model_get_n_items (registrations);
}

static gint64
checked_in_at (AtelierStore *store,
               gint64        registration_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtelierRegistration) registration = atelier_store_get_registration (store, registration_id,
                                                                                &error);

  g_assert_no_error (error);
  return atelier_registration_get_checked_in_at (registration);
}

/* A Risotto class that started five minutes ago, six seats: Zoé (2),
 * Ada Moreau (1) and Bruno (2) confirmed, Chloé (2) waiting; Eve is a customer of
 * the store who did not sign up. */
static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  AtelierStore *store;
  g_autoptr(AtelierWorkshop) workshop = atelier_workshop_new ("Risotto aux cèpes");
  g_autoptr(AtelierSession) session = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) starts = g_date_time_add_minutes (now, -5);
  g_autoptr(GDateTime) ends = g_date_time_add_hours (starts, 2);
  g_autoptr(GError) error = NULL;
  int capacity = GPOINTER_TO_INT (data) > 0 ? GPOINTER_TO_INT (data) : 6;
  g_autoptr(AtelierSession) past = NULL;
  g_autoptr(AtelierRegistration) past_registration = NULL;
  g_autoptr(GDateTime) past_starts = NULL;
  g_autoptr(GDateTime) past_ends = NULL;
  gint64 zoe;

  test_store_setup (&fixture->store, data);
  store = fixture->store.store;

  g_object_set (workshop, "capacity", capacity, "duration-minutes", 120, NULL);
  g_assert_true (atelier_store_add_workshop (store, workshop, &error));
  g_assert_no_error (error);

  session = atelier_session_new (atelier_workshop_get_id (workshop), starts, ends, "Europe/Paris");
  g_object_set (session, "capacity", capacity, "place", "Cuisine", NULL);
  g_assert_true (atelier_store_add_session (store, session, &error));
  g_assert_no_error (error);
  fixture->session_id = atelier_session_get_id (session);

  zoe = add_customer (store, "Zoé", "Martin", "zmartin@example.org",
                      "risotto,vins nature", "Parlez-lui de son potager");
  fixture->zoe = add_registration (store, fixture->session_id, zoe, 2, 0);
  fixture->ada = add_registration (store, fixture->session_id,
                                   add_customer (store, "Ada", "Moreau", NULL, NULL, NULL),
                                   1, 0);
  fixture->bruno = add_registration (store, fixture->session_id,
                                     add_customer (store, "Bruno", "Dupont", NULL, "fromages", NULL),
                                     2, 0);
  fixture->chloe = add_registration (store, fixture->session_id,
                                     add_customer (store, "Chloé", "Petit", NULL, NULL, NULL),
                                     2, 1);
  add_customer (store, "Eve", "Walker", "eve@example.org", "pâtisserie", NULL);

  /* Zoé came to a class last week. */
  past_starts = g_date_time_add_days (starts, -7);
  past_ends = g_date_time_add_hours (past_starts, 2);
  past = atelier_session_new (atelier_workshop_get_id (workshop), past_starts, past_ends,
                              "Europe/Paris");
  g_object_set (past, "capacity", capacity, NULL);
  g_assert_true (atelier_store_add_session (store, past, &error));
  g_assert_no_error (error);
  past_registration = atelier_registration_new (atelier_session_get_id (past), zoe, 1);
  g_object_set (past_registration,
                "checked-in-at", g_date_time_to_unix (past_starts),
                NULL);
  g_assert_true (atelier_store_add_registration (store, past_registration, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  fixture->window = NULL;
  test_store_teardown (&fixture->store, data);
}

/* Widget helpers */

/* The texts of a widget's visible labels, in tree order, joined by "|". */
static char *
visible_label_texts (GtkWidget *root)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GString) texts = g_string_new ("");

  test_collect_widgets (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = labels->pdata[i];

      if (!gtk_widget_is_visible (label))
        continue;
      if (texts->len > 0)
        g_string_append_c (texts, '|');
      g_string_append (texts, gtk_label_get_label (GTK_LABEL (label)));
    }

  return g_string_free (g_steal_pointer (&texts), FALSE);
}

static gpointer
template_child (Fixture    *fixture,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                  ATELIER_TYPE_CHECKIN_WINDOW, name);

  g_assert_nonnull (child);
  return child;
}

static GtkEditable *
search_entry (Fixture *fixture)
{
  return GTK_EDITABLE (template_child (fixture, "search_entry"));
}

static const char *
counter_text (Fixture *fixture)
{
  return gtk_label_get_label (GTK_LABEL (template_child (fixture, "counter_label")));
}

static GListModel *
results (Fixture *fixture)
{
  return atelier_checkin_window_get_results (fixture->window);
}

static void
show_window (Fixture *fixture)
{
  fixture->window = ATELIER_CHECKIN_WINDOW (atelier_checkin_window_new (NULL, fixture->store.store,
                                                                        fixture->session_id));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 720, 900);
  gtk_window_present (GTK_WINDOW (fixture->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
}

/* Conditions take the fixture; test_wait_until() calls them. */
#define wait_until(fixture, condition, data) \
  test_wait_until ((TestCondition) (condition), (fixture), (data), WAIT_TIMEOUT_SECONDS)

static gboolean
counter_reads (Fixture       *fixture,
               gconstpointer  data)
{
  return g_strcmp0 (counter_text (fixture), data) == 0;
}

static void
wait_for_counter (Fixture    *fixture,
                  const char *text)
{
  wait_until (fixture, counter_reads, text);
}

static void
type_text (Fixture    *fixture,
           const char *text)
{
  gtk_editable_set_text (search_entry (fixture), text);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
}

static void
press_enter (Fixture *fixture)
{
  g_signal_emit_by_name (search_entry (fixture), "activate");
}

static gint64
result_registration_id (Fixture *fixture,
                        guint    position)
{
  g_autoptr(GObject) item = g_list_model_get_item (results (fixture), position);

  g_assert_true (ATELIER_IS_REGISTRATION (item));
  return atelier_registration_get_id (ATELIER_REGISTRATION (item));
}

/* The row showing registration @id (or customer @id when @customer), which
 * must be realized. */
static AtelierCheckinRow *
find_row (Fixture  *fixture,
          gint64    id,
          gboolean  customer)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  test_collect_widgets (template_child (fixture, "list_view"), ATELIER_TYPE_CHECKIN_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      AtelierCheckinRow *row = rows->pdata[i];
      AtelierRegistration *registration = atelier_checkin_row_get_registration (row);
      AtelierCustomer *person = atelier_checkin_row_get_customer (row);

      if (!gtk_widget_get_mapped (GTK_WIDGET (row)))
        continue;
      if (!customer && registration != NULL && atelier_registration_get_id (registration) == id)
        return row;
      if (customer && registration == NULL && person != NULL && atelier_customer_get_id (person) == id)
        return row;
    }

  g_error ("No row shows %s %" G_GINT64_FORMAT, customer ? "customer" : "registration", id);
  return NULL;
}

/* The visible buttons of a row, by label, joined by "|" */
static char *
visible_buttons (AtelierCheckinRow *row)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autoptr(GString) texts = g_string_new ("");

  test_collect_widgets (GTK_WIDGET (row), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      if (!gtk_widget_is_visible (buttons->pdata[i]))
        continue;
      if (texts->len > 0)
        g_string_append_c (texts, '|');
      g_string_append (texts, gtk_button_get_label (buttons->pdata[i]));
    }

  return g_string_free (g_steal_pointer (&texts), FALSE);
}

static AdwEntryRow *
entry_row (GtkWidget  *dialog,
           const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  test_collect_widgets (dialog, ADW_TYPE_ENTRY_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), title) == 0)
      return rows->pdata[i];

  g_error ("No entry row %s", title);
  return NULL;
}

static AtelierRegistration *
find_registration_of (AtelierStore *store,
                      gint64        session_id,
                      const char   *name)
{
  g_autoptr(GListModel) registrations = atelier_store_list_registrations (store, session_id, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (registrations); i++)
    {
      g_autoptr(AtelierRegistration) r = g_list_model_get_item (registrations, i);

      if (g_strcmp0 (atelier_registration_get_customer_name (r), name) == 0)
        return g_steal_pointer (&r);
    }

  return NULL;
}

/* Tests */

static void
test_checkin_open (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *focus;
  AtelierCheckinRow *row;
  g_autofree char *texts = NULL;
  g_autofree char *buttons = NULL;
  AdwWindowTitle *title;

  show_window (fixture);

  /* The search entry has the focus at once. */
  focus = gtk_window_get_focus (GTK_WINDOW (fixture->window));
  g_assert_nonnull (focus);
  g_assert_true (focus == GTK_WIDGET (search_entry (fixture))
                 || gtk_widget_is_ancestor (focus, GTK_WIDGET (search_entry (fixture))));

  g_assert_cmpstr (counter_text (fixture), ==, "0 of 5 here");
  title = template_child (fixture, "window_title");
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "Check-in");
  g_assert_cmpstr (gtk_label_get_label (template_child (fixture, "session_label")), ==,
                   "Risotto aux cèpes");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==,
                   "Check-in — Risotto aux cèpes");

  /* The confirmed, then the waiting list; nobody selected yet. */
  g_assert_cmpuint (g_list_model_get_n_items (results (fixture)), ==, 4);
  g_assert_cmpint (result_registration_id (fixture, 0), ==, fixture->zoe);
  g_assert_cmpint (result_registration_id (fixture, 3), ==, fixture->chloe);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (results (fixture))),
                    ==, GTK_INVALID_LIST_POSITION);

  /* Zoé's card: what to talk about. */
  row = find_row (fixture, fixture->zoe, FALSE);
  texts = visible_label_texts (GTK_WIDGET (row));
  g_assert_cmpstr (texts, ==,
                   "ZM|Zoé Martin|Party of 2|1 class before|Likes: risotto, vins nature|"
                   "Parlez-lui de son potager|Check In");
  buttons = visible_buttons (row);
  g_assert_cmpstr (buttons, ==, "Check In");
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (row)), >=, 48);

  /* Enter with nothing typed nor picked checks nobody in. */
  press_enter (fixture);
  g_assert_cmpint (checked_in_at (fixture->store.store, fixture->zoe), ==, 0);
  g_assert_cmpint (checked_in_at (fixture->store.store, fixture->ada), ==, 0);
}

static void
test_checkin_type_and_enter (Fixture       *fixture,
                             gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;
  AdwToast *toast;
  AtelierCheckinRow *row;
  g_autofree char *texts = NULL;
  g_autofree char *buttons = NULL;
  g_autoptr(AtelierRegistration) checked_in = NULL;
  g_autoptr(AtelierRegistration) undone = NULL;

  show_window (fixture);

  /* "zoe" finds Zoé, accent or not. */
  type_text (fixture, "zoe");
  g_assert_cmpuint (g_list_model_get_n_items (results (fixture)), ==, 1);
  g_assert_cmpint (result_registration_id (fixture, 0), ==, fixture->zoe);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (results (fixture))),
                    ==, 0);

  press_enter (fixture);
  g_assert_cmpint (checked_in_at (store, fixture->zoe), !=, 0);
  g_assert_cmpint (checked_in_at (store, fixture->ada), ==, 0);
  wait_for_counter (fixture, "2 of 5 here");

  /* Ready for the next person. */
  g_assert_cmpstr (gtk_editable_get_text (search_entry (fixture)), ==, "");
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (search_entry (fixture)))
                 || gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (fixture->window)),
                                            GTK_WIDGET (search_entry (fixture))));
  g_assert_cmpuint (g_list_model_get_n_items (results (fixture)), ==, 4);

  /* Her row says since when, and offers to undo. */
  row = find_row (fixture, fixture->zoe, FALSE);
  texts = visible_label_texts (GTK_WIDGET (row));
  g_assert_true (g_str_has_prefix (texts, "ZM|Zoé Martin|Party of 2|Here since "));
  buttons = visible_buttons (row);
  g_assert_cmpstr (buttons, ==, "2 of 2 came|Undo");

  /* The toast says so and undoes it. */
  toast = atelier_checkin_window_get_last_toast (fixture->window);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Zoé Martin checked in");
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "_Undo");
  g_assert_cmpstr (adw_toast_get_action_name (toast), ==, "checkin.undo-check-in");
  g_assert_cmpint (g_variant_get_int64 (adw_toast_get_action_target_value (toast)), ==, fixture->zoe);
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (fixture->window),
                                                     adw_toast_get_action_name (toast),
                                                     adw_toast_get_action_target_value (toast)));
  g_assert_cmpint (checked_in_at (store, fixture->zoe), ==, 0);
  wait_for_counter (fixture, "0 of 5 here");

  /* Of two matches, the one still expected is picked first: "m" matches
   * Zoé Martin, who is here, and Ada Moreau, who is not. */
  checked_in = atelier_booking_check_in (store, fixture->zoe, NULL);
  g_assert_nonnull (checked_in);
  wait_for_counter (fixture, "2 of 5 here");
  type_text (fixture, "m");
  g_assert_cmpuint (g_list_model_get_n_items (results (fixture)), ==, 2);
  g_assert_cmpint (result_registration_id (fixture, 0), ==, fixture->zoe);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (results (fixture))),
                    ==, 1);
  g_assert_cmpint (result_registration_id (fixture, 1), ==, fixture->ada);
  undone = atelier_booking_undo_check_in (store, fixture->zoe, NULL);
  g_assert_nonnull (undone);
  wait_for_counter (fixture, "0 of 5 here");
  type_text (fixture, "");

  /* With nothing typed, the row picked with the arrows (the selection) is
   * the one Enter checks in. */
  g_assert_cmpstr (gtk_editable_get_text (search_entry (fixture)), ==, "");
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (results (fixture)), 1);
  g_assert_cmpint (result_registration_id (fixture, 1), ==, fixture->ada);
  press_enter (fixture);
  g_assert_cmpint (checked_in_at (store, fixture->ada), !=, 0);
  g_assert_cmpint (checked_in_at (store, fixture->zoe), ==, 0);
  wait_for_counter (fixture, "1 of 5 here");
}

/* The action of the window's Ctrl+Z, as a key press reaches it first
 * (capture phase); the test fails without one. */
static GtkShortcutAction *
undo_key_action (Fixture *fixture)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->window));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller)
          || gtk_event_controller_get_propagation_phase (controller) != GTK_PHASE_CAPTURE)
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_strcmp0 (trigger, "<Control>z") == 0)
            return gtk_shortcut_get_action (shortcut);
        }
    }
  g_error ("No Ctrl+Z in the check-in window");
  return NULL;
}

static gboolean
press_undo_key (Fixture *fixture)
{
  return gtk_shortcut_action_activate (undo_key_action (fixture), GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                       GTK_WIDGET (fixture->window), NULL);
}

/* Ctrl+Z undoes the last check-in while its toast shows, without the
 * mouse; with nothing to undo, the key is left to the entry. */
static void
test_checkin_undo_key (Fixture       *fixture,
                       gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;

  show_window (fixture);

  /* Nothing checked in yet: nothing to undo, the entry keeps the key. */
  g_assert_false (press_undo_key (fixture));

  type_text (fixture, "zoe");
  press_enter (fixture);
  g_assert_cmpint (checked_in_at (store, fixture->zoe), !=, 0);
  g_assert_true (press_undo_key (fixture));
  g_assert_cmpint (checked_in_at (store, fixture->zoe), ==, 0);
  wait_for_counter (fixture, "0 of 5 here");

  /* Once undone, a second Ctrl+Z has nothing left to do. */
  g_assert_false (press_undo_key (fixture));

  /* Undone from the row's button, the toast's undo is spent too. */
  type_text (fixture, "zoe");
  press_enter (fixture);
  g_assert_cmpint (checked_in_at (store, fixture->zoe), !=, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "checkin.undo-check-in", "x", fixture->zoe));
  g_assert_false (press_undo_key (fixture));
}

static void
test_checkin_tap (Fixture       *fixture,
                  gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;

  show_window (fixture);

  /* A tap on Bruno's row (reading his history, scrolling) checks nobody
   * in: the list does not activate on a single click, and an activation
   * (a double click) only selects. */
  g_assert_false (gtk_list_view_get_single_click_activate (GTK_LIST_VIEW (template_child (fixture, "list_view"))));
  g_signal_emit_by_name (template_child (fixture, "list_view"), "activate", 2);
  g_assert_cmpint (checked_in_at (store, fixture->bruno), ==, 0);

  /* His row's button checks him in. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (find_row (fixture, fixture->bruno, FALSE)),
                                             "checkin.check-in", "x", fixture->bruno));
  g_assert_cmpint (checked_in_at (store, fixture->bruno), !=, 0);
  wait_for_counter (fixture, "2 of 5 here");

  /* His row's button undoes it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (find_row (fixture, fixture->bruno, FALSE)),
                                             "checkin.undo-check-in", "x", fixture->bruno));
  g_assert_cmpint (checked_in_at (store, fixture->bruno), ==, 0);
  wait_for_counter (fixture, "0 of 5 here");
}

static void
test_checkin_waitlisted (Fixture       *fixture,
                         gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;
  AtelierCheckinRow *row;
  g_autofree char *texts = NULL;
  g_autofree char *buttons = NULL;
  AdwToast *toast;

  show_window (fixture);

  type_text (fixture, "chloe");
  g_assert_cmpuint (g_list_model_get_n_items (results (fixture)), ==, 1);
  g_assert_cmpint (result_registration_id (fixture, 0), ==, fixture->chloe);

  row = find_row (fixture, fixture->chloe, FALSE);
  texts = visible_label_texts (GTK_WIDGET (row));
  g_assert_cmpstr (texts, ==, "CP|Chloé Petit|Party of 2|On the waiting list (1)|First class");
  buttons = visible_buttons (row);
  g_assert_cmpstr (buttons, ==, "");

  /* Enter says why not, and keeps what was typed. */
  press_enter (fixture);
  g_assert_cmpint (checked_in_at (store, fixture->chloe), ==, 0);
  toast = atelier_checkin_window_get_last_toast (fixture->window);
  g_assert_nonnull (toast);
  /* Worded as the other toasts: short, no final period. */
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Chloé Petit is on the waiting list (1), not checked in");
  g_assert_null (adw_toast_get_action_name (toast));
  g_assert_cmpstr (gtk_editable_get_text (search_entry (fixture)), ==, "chloe");

  /* The action itself goes through the core, which refuses. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "checkin.check-in", "x", fixture->chloe);
  g_assert_cmpint (checked_in_at (store, fixture->chloe), ==, 0);
  toast = atelier_checkin_window_get_last_toast (fixture->window);
  g_assert_nonnull (strstr (adw_toast_get_title (toast), "confirmed"));
  g_assert_cmpstr (counter_text (fixture), ==, "0 of 5 here");
}

static void
test_checkin_store_search (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GObject) item = NULL;
  AtelierCheckinRow *row;
  g_autofree char *buttons = NULL;
  g_autofree char *texts = NULL;

  show_window (fixture);

  /* Nobody signed up is called Walker: the store knows Eve. */
  type_text (fixture, "walk");
  g_assert_cmpuint (g_list_model_get_n_items (results (fixture)), ==, 1);
  item = g_list_model_get_item (results (fixture), 0);
  g_assert_true (ATELIER_IS_CUSTOMER (item));
  g_assert_cmpstr (atelier_customer_get_given_name (ATELIER_CUSTOMER (item)), ==, "Eve");

  row = find_row (fixture, atelier_customer_get_id (ATELIER_CUSTOMER (item)), TRUE);
  texts = visible_label_texts (GTK_WIDGET (row));
  g_assert_cmpstr (texts, ==, "EW|Eve Walker|Not signed up|First class|Likes: pâtisserie|Walk-in");
  buttons = visible_buttons (row);
  g_assert_cmpstr (buttons, ==, "Walk-in");
  g_clear_object (&item);

  /* An e-mail address finds the registration of who it belongs to. */
  type_text (fixture, "zmartin");
  g_assert_cmpuint (g_list_model_get_n_items (results (fixture)), ==, 1);
  g_assert_cmpint (result_registration_id (fixture, 0), ==, fixture->zoe);

  /* Nobody at all */
  type_text (fixture, "xyzzy");
  g_assert_cmpuint (g_list_model_get_n_items (results (fixture)), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (template_child (fixture, "stack")), ==, "empty");
}

static void
test_checkin_walk_in (Fixture       *fixture,
                      gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;
  guint customers = count_customers (store);
  GtkWidget *dialog;
  g_autoptr(AtelierRegistration) registration = NULL;
  g_autoptr(AtelierCustomer) customer = NULL;
  AdwToast *toast;

  show_window (fixture);

  /* What was typed names the newcomer. */
  type_text (fixture, "Yann Le Goff");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "checkin.walk-in", NULL));
  dialog = NULL;
  {
    GList *toplevels = gtk_window_list_toplevels ();

    for (GList *l = toplevels; l != NULL; l = l->next)
      if (ATELIER_IS_WALK_IN_DIALOG (l->data))
        dialog = l->data;
    g_list_free (toplevels);
  }
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry_row (dialog, "_Given Name"))), ==, "Yann");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry_row (dialog, "_Family Name"))), ==, "Le Goff");
  gtk_editable_set_text (GTK_EDITABLE (entry_row (dialog, "_E-mail (optional)")), "yann@example.org");

  g_assert_true (gtk_widget_activate_action (dialog, "walk-in.check-in", NULL));
  g_assert_null (dialog);

  g_assert_cmpuint (count_customers (store), ==, customers + 1);
  registration = find_registration_of (store, fixture->session_id, "Yann Le Goff");
  g_assert_nonnull (registration);
  g_assert_cmpstr (atelier_registration_get_status (registration), ==, ATELIER_REGISTRATION_CONFIRMED);
  g_assert_cmpint (atelier_registration_get_checked_in_at (registration), !=, 0);
  g_assert_cmpint (atelier_registration_get_party_size (registration), ==, 1);
  customer = atelier_store_get_customer (store, atelier_registration_get_customer_id (registration), NULL);
  g_assert_cmpstr (atelier_customer_get_email (customer), ==, "yann@example.org");

  toast = atelier_checkin_window_get_last_toast (fixture->window);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Yann Le Goff checked in as a walk-in");
  g_assert_cmpstr (gtk_editable_get_text (search_entry (fixture)), ==, "");
  wait_for_counter (fixture, "1 of 6 here");
}

static void
test_checkin_walk_in_known (Fixture       *fixture,
                            gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;
  guint customers = count_customers (store);
  g_autoptr(GObject) item = NULL;
  g_autoptr(AtelierRegistration) registration = NULL;
  GtkWidget *dialog;

  show_window (fixture);

  /* Eve, found in the store, walks in through her row. */
  type_text (fixture, "eve");
  item = g_list_model_get_item (results (fixture), 0);
  g_assert_true (ATELIER_IS_CUSTOMER (item));
  dialog = atelier_checkin_window_open_walk_in (fixture->window, ATELIER_CUSTOMER (item));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (entry_row (dialog, "_Given Name"))));
  g_assert_true (gtk_widget_activate_action (dialog, "walk-in.check-in", NULL));
  g_assert_null (dialog);

  g_assert_cmpuint (count_customers (store), ==, customers);
  registration = find_registration_of (store, fixture->session_id, "Eve Walker");
  g_assert_nonnull (registration);
  g_assert_cmpint (atelier_registration_get_checked_in_at (registration), !=, 0);
  wait_for_counter (fixture, "1 of 6 here");
}

static void
test_checkin_walk_in_full (Fixture       *fixture,
                           gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;
  guint customers = count_customers (store);
  guint registrations = count_registrations (store, fixture->session_id);
  GtkWidget *dialog;
  GtkSpinButton *party = NULL;
  g_autoptr(GPtrArray) spins = g_ptr_array_new ();

  show_window (fixture);

  /* Five of six seats taken: a party of two does not fit. */
  dialog = atelier_checkin_window_open_walk_in (fixture->window, NULL);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  atelier_walk_in_dialog_set_name (ATELIER_WALK_IN_DIALOG (dialog), "Yann", "Le Goff");
  test_collect_widgets (dialog, GTK_TYPE_SPIN_BUTTON, spins);
  g_assert_cmpuint (spins->len, ==, 1);
  party = spins->pdata[0];
  gtk_spin_button_set_value (party, 2);

  g_assert_null (atelier_walk_in_dialog_get_error (ATELIER_WALK_IN_DIALOG (dialog)));
  g_assert_true (gtk_widget_activate_action (dialog, "walk-in.check-in", NULL));

  /* The core's message, inline; the dialog stays; nothing written. */
  g_assert_nonnull (dialog);
  g_assert_cmpstr (atelier_walk_in_dialog_get_error (ATELIER_WALK_IN_DIALOG (dialog)), ==,
                   "The session is full (5 of 6 seats taken); raise its capacity to let them in.");
  g_assert_cmpuint (count_customers (store), ==, customers);
  g_assert_cmpuint (count_registrations (store, fixture->session_id), ==, registrations);

  /* Alone, Yann fits (the refused attempt left nothing behind). */
  gtk_spin_button_set_value (party, 1);
  g_assert_true (gtk_widget_activate_action (dialog, "walk-in.check-in", NULL));
  g_assert_null (dialog);
  g_assert_cmpuint (count_customers (store), ==, customers + 1);
  g_assert_cmpuint (count_registrations (store, fixture->session_id), ==, registrations + 1);
}

/* An address the core refuses: its message inline, the row marked,
 * nothing written; once corrected, the walk-in goes through. */
static void
test_checkin_walk_in_bad_address (Fixture       *fixture,
                                  gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;
  guint customers = count_customers (store);
  guint registrations = count_registrations (store, fixture->session_id);
  GtkWidget *dialog;
  GtkWidget *email;

  show_window (fixture);

  dialog = atelier_checkin_window_open_walk_in (fixture->window, NULL);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  atelier_walk_in_dialog_set_name (ATELIER_WALK_IN_DIALOG (dialog), "Odd", "Mail");
  email = GTK_WIDGET (entry_row (dialog, "_E-mail (optional)"));
  gtk_editable_set_text (GTK_EDITABLE (email), "x@example.org Bcc: y@evil.example");
  g_assert_true (gtk_widget_activate_action (dialog, "walk-in.check-in", NULL));

  g_assert_nonnull (dialog);
  g_assert_cmpstr (atelier_walk_in_dialog_get_error (ATELIER_WALK_IN_DIALOG (dialog)), ==,
                   "“x@example.org Bcc: y@evil.example” is not an e-mail address such as name@example.org.");
  g_assert_true (gtk_widget_has_css_class (email, "error"));
  g_assert_cmpuint (count_customers (store), ==, customers);
  g_assert_cmpuint (count_registrations (store, fixture->session_id), ==, registrations);

  gtk_editable_set_text (GTK_EDITABLE (email), "odd@example.org");
  g_assert_false (gtk_widget_has_css_class (email, "error"));
  g_assert_null (atelier_walk_in_dialog_get_error (ATELIER_WALK_IN_DIALOG (dialog)));
  g_assert_true (gtk_widget_activate_action (dialog, "walk-in.check-in", NULL));
  g_assert_null (dialog);
  g_assert_cmpuint (count_customers (store), ==, customers + 1);
}

static gboolean
zoe_shows_here (Fixture       *fixture,
                gconstpointer  data)
{
  AtelierCheckinRow *row = find_row (fixture, fixture->zoe, FALSE);
  g_autofree char *buttons = visible_buttons (row);

  return g_strcmp0 (buttons, "2 of 2 came|Undo") == 0;
}

static void
test_checkin_updates (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(AtelierRegistration) registration = NULL;
  g_autoptr(GError) error = NULL;

  show_window (fixture);

  /* Another window checks Zoé in. */
  registration = atelier_booking_check_in (fixture->store.store, fixture->zoe, &error);
  g_assert_no_error (error);
  wait_for_counter (fixture, "2 of 5 here");
  wait_until (fixture, zoe_shows_here, NULL);
}

static void
test_checkin_no_session (Fixture       *fixture,
                         gconstpointer  data)
{
  fixture->session_id = 9999;
  show_window (fixture);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (template_child (fixture, "stack")), ==, "error");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (search_entry (fixture))));
}

/* The question the window asks, shown now */
static AdwMessageDialog *
find_question (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  AdwMessageDialog *found = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (toplevels);

  g_assert_nonnull (found);
  return found;
}

static GtkSpinButton *
question_spin (AdwMessageDialog *dialog)
{
  g_autoptr(GPtrArray) spins = g_ptr_array_new ();

  test_collect_widgets (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON, spins);
  g_assert_cmpuint (spins->len, ==, 1);
  return spins->pdata[0];
}

/* Answers @dialog, then closes it as its buttons do. */
static void
answer (AdwMessageDialog *dialog,
        const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
zoe_shows (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *buttons = visible_buttons (find_row (fixture, fixture->zoe, FALSE));

  return g_strcmp0 (buttons, data) == 0;
}

static void
test_checkin_arrived (Fixture       *fixture,
                      gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;
  AdwMessageDialog *dialog;
  g_autoptr(AtelierRegistration) registration = NULL;
  AdwToast *toast;

  show_window (fixture);

  /* Zoé's party of two checks in whole; the row says so, and asks. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "checkin.check-in", "x",
                                             fixture->zoe));
  wait_for_counter (fixture, "2 of 5 here");
  wait_until (fixture, zoe_shows, "2 of 2 came|Undo");

  /* Only one of them came. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "checkin.arrived", "x",
                                             fixture->zoe));
  dialog = find_question ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "How Many Came?");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (question_spin (dialog)), ==, 2);
  gtk_spin_button_set_value (question_spin (dialog), 1);
  answer (dialog, "save");

  registration = atelier_store_get_registration (store, fixture->zoe, NULL);
  g_assert_cmpint (atelier_registration_count_arrived (registration), ==, 1);
  g_assert_cmpint (atelier_registration_get_party_size (registration), ==, 2);
  toast = atelier_checkin_window_get_last_toast (fixture->window);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Zoé Martin: 1 of 2 came");
  wait_for_counter (fixture, "1 of 5 here");
  wait_until (fixture, zoe_shows, "1 of 2 came|Undo");

  /* Cancelled, the question changes nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "checkin.arrived", "x",
                                             fixture->zoe));
  dialog = find_question ();
  gtk_spin_button_set_value (question_spin (dialog), 2);
  answer (dialog, "cancel");
  g_clear_object (&registration);
  registration = atelier_store_get_registration (store, fixture->zoe, NULL);
  g_assert_cmpint (atelier_registration_count_arrived (registration), ==, 1);
}

static gboolean
pointer_cleared (Fixture       *fixture,
                 gconstpointer  data)
{
  return *(gpointer const *) data == NULL;
}

/* Moves the fixture's session @days days on, as it stands. */
static void
move_session_days (Fixture *fixture,
                   int      days)
{
  g_autoptr(AtelierSession) session = atelier_store_get_session (fixture->store.store,
                                                                 fixture->session_id, NULL);
  g_autoptr(GError) error = NULL;

  g_object_set (session,
                "starts-at", atelier_session_get_starts_at (session) + days * 86400,
                "ends-at", atelier_session_get_ends_at (session) + days * 86400,
                NULL);
  g_assert_true (atelier_store_update_session (fixture->store.store, session, &error));
  g_assert_no_error (error);
}

static void
test_checkin_not_today (Fixture       *fixture,
                        gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;
  g_autoptr(AtelierSession) session = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autofree char *day = NULL;
  g_autofree char *expected = NULL;
  GtkLabel *day_label;
  AdwMessageDialog *dialog;

  /* Today's session says nothing of its day. */
  show_window (fixture);
  day_label = template_child (fixture, "day_label");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (day_label)));
  gtk_window_destroy (GTK_WINDOW (fixture->window));

  move_session_days (fixture, 3);
  session = atelier_store_get_session (store, fixture->session_id, NULL);
  start = atelier_session_dup_start (session);
  day = g_date_time_format (start, "%A %-d %B");
  expected = g_strdup_printf ("This session is on %s, not today", day);

  show_window (fixture);
  day_label = template_child (fixture, "day_label");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (day_label)));
  g_assert_cmpstr (gtk_label_get_label (day_label), ==, expected);

  /* A check-in asks first; "Cancel" checks nobody in. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "checkin.check-in", "x",
                                             fixture->ada));
  dialog = find_question ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Check In on Another Day?");
  g_assert_cmpint (checked_in_at (store, fixture->ada), ==, 0);
  answer (dialog, "cancel");
  g_assert_cmpint (checked_in_at (store, fixture->ada), ==, 0);

  /* Enter on the search asks too; the answer checks in. */
  type_text (fixture, "Ada");
  press_enter (fixture);
  dialog = find_question ();
  g_assert_cmpint (checked_in_at (store, fixture->ada), ==, 0);
  answer (dialog, "check-in");
  g_assert_cmpint (checked_in_at (store, fixture->ada), !=, 0);
  g_assert_cmpstr (gtk_editable_get_text (search_entry (fixture)), ==, "");
  wait_for_counter (fixture, "1 of 5 here");

  /* A walk-in is a check-in too: asked first. */
  {
    guint customers = count_customers (store);
    GtkWidget *walk_in = atelier_checkin_window_open_walk_in (fixture->window, NULL);

    g_object_add_weak_pointer (G_OBJECT (walk_in), (gpointer *) &walk_in);
    atelier_walk_in_dialog_set_name (ATELIER_WALK_IN_DIALOG (walk_in), "Yann", "Le Goff");
    g_assert_true (gtk_widget_activate_action (walk_in, "walk-in.check-in", NULL));
    dialog = find_question ();
    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Check In on Another Day?");
    g_assert_cmpuint (count_customers (store), ==, customers);
    answer (dialog, "check-in");
    wait_until (fixture, pointer_cleared, &walk_in);
    g_assert_cmpuint (count_customers (store), ==, customers + 1);
    wait_for_counter (fixture, "2 of 6 here");
  }
}

static void
test_checkin_raise_capacity (Fixture       *fixture,
                             gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;
  AdwMessageDialog *dialog;
  GtkWidget *button;
  AdwToast *toast;
  g_autoptr(AtelierRegistration) chloe = NULL;

  show_window (fixture);

  /* Chloé's party waits: the window offers more seats. */
  button = template_child (fixture, "capacity_button");
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "checkin.raise-capacity",
                                             NULL));
  dialog = find_question ();
  g_assert_cmpint (gtk_spin_button_get_value_as_int (question_spin (dialog)), ==, 7);
  /* Not below the seats taken. */
  gtk_spin_button_set_value (question_spin (dialog), 2);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (question_spin (dialog)), ==, 5);
  gtk_spin_button_set_value (question_spin (dialog), 8);
  answer (dialog, "save");

  chloe = atelier_store_get_registration (store, fixture->chloe, NULL);
  g_assert_cmpstr (atelier_registration_get_status (chloe), ==, ATELIER_REGISTRATION_CONFIRMED);
  toast = atelier_checkin_window_get_last_toast (fixture->window);
  g_assert_cmpstr (adw_toast_get_title (toast), ==,
                   "8 seats: Chloé Petit confirmed from the waiting list");
  wait_for_counter (fixture, "0 of 7 here");
  /* One seat free, nobody waiting: nothing more to offer. */
  g_assert_false (gtk_widget_get_visible (button));
}

static void
test_checkin_walk_in_matches (Fixture       *fixture,
                              gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;
  guint customers = count_customers (store);
  g_autoptr(AtelierRegistration) registration = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GtkWidget *dialog;
  GListModel *matches;
  g_autoptr(AtelierCustomer) first = NULL;

  show_window (fixture);

  /* Typing Eve's name offers Eve, who is a customer already. */
  dialog = atelier_checkin_window_open_walk_in (fixture->window, NULL);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_null (atelier_walk_in_dialog_get_matches (ATELIER_WALK_IN_DIALOG (dialog)));
  gtk_editable_set_text (GTK_EDITABLE (entry_row (dialog, "_Given Name")), "Eve");
  matches = atelier_walk_in_dialog_get_matches (ATELIER_WALK_IN_DIALOG (dialog));
  g_assert_nonnull (matches);
  g_assert_cmpuint (g_list_model_get_n_items (matches), ==, 1);
  first = g_list_model_get_item (matches, 0);
  g_assert_cmpstr (atelier_customer_get_email (first), ==, "eve@example.org");

  /* Her e-mail finds her too. */
  gtk_editable_set_text (GTK_EDITABLE (entry_row (dialog, "_Given Name")), "");
  gtk_editable_set_text (GTK_EDITABLE (entry_row (dialog, "_E-mail (optional)")), "eve@example.org");
  matches = atelier_walk_in_dialog_get_matches (ATELIER_WALK_IN_DIALOG (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (matches), ==, 1);

  /* Choosing her row makes her the walk-in: no second Eve. */
  test_collect_widgets (dialog, ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), "Eve Walker") == 0)
      g_signal_emit_by_name (gtk_widget_get_parent (rows->pdata[i]), "row-activated", rows->pdata[i]);
  g_assert_nonnull (atelier_walk_in_dialog_get_customer (ATELIER_WALK_IN_DIALOG (dialog)));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (entry_row (dialog, "_Given Name"))));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry_row (dialog, "_Family Name"))), ==,
                   "Walker");
  g_assert_true (gtk_widget_activate_action (dialog, "walk-in.check-in", NULL));
  g_assert_null (dialog);

  g_assert_cmpuint (count_customers (store), ==, customers);
  registration = find_registration_of (store, fixture->session_id, "Eve Walker");
  g_assert_nonnull (registration);
  g_assert_cmpint (atelier_registration_get_checked_in_at (registration), !=, 0);
}

/* The button of @row labelled @label says @accessible_label to a
 * screen reader. */
static void
assert_button_name (AtelierCheckinRow *row,
                    const char        *label,
                    const char        *accessible_label)
{
  GtkWidget *button = test_find_button (GTK_WIDGET (row), label);

  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       accessible_label);
}

/* A row for registration @id of the store, as the window shows it. */
static AtelierCheckinRow *
row_for (Fixture *fixture,
         gint64   id)
{
  AtelierStore *store = fixture->store.store;
  g_autoptr(AtelierRegistration) registration = atelier_store_get_registration (store, id, NULL);
  g_autoptr(AtelierCustomer) customer = NULL;
  AtelierCheckinRow *row = g_object_ref_sink (ATELIER_CHECKIN_ROW (atelier_checkin_row_new ()));

  customer = atelier_store_get_customer (store, atelier_registration_get_customer_id (registration), NULL);
  atelier_checkin_row_set_person (row, registration, customer);
  return row;
}

/* Each row's buttons name the person: a screen reader does not list
 * "Check In" four times. */
static void
test_checkin_button_names (Fixture       *fixture,
                           gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;
  g_autoptr(AtelierCheckinRow) zoe = row_for (fixture, fixture->zoe);
  g_autoptr(AtelierCheckinRow) ada = row_for (fixture, fixture->ada);
  g_autoptr(AtelierCheckinRow) eve = g_object_ref_sink (ATELIER_CHECKIN_ROW (atelier_checkin_row_new ()));
  g_autoptr(AtelierRegistration) checked = NULL;
  g_autoptr(AtelierCustomer) eve_customer = NULL;
  g_autoptr(GListModel) customers = atelier_store_list_customers (store, NULL);
  g_autoptr(GError) error = NULL;

  assert_button_name (zoe, "Check In", "Check in Zoé Martin");
  assert_button_name (ada, "Check In", "Check in Ada Moreau");

  checked = atelier_booking_check_in (store, fixture->zoe, &error);
  g_assert_no_error (error);
  g_clear_object (&zoe);
  zoe = row_for (fixture, fixture->zoe);
  assert_button_name (zoe, "Undo", "Undo check-in of Zoé Martin");
  assert_button_name (zoe, "2 of 2 came", "How many of the party of Zoé Martin came: 2 of 2 came");

  for (guint i = 0; i < g_list_model_get_n_items (customers) && eve_customer == NULL; i++)
    {
      g_autoptr(AtelierCustomer) customer = g_list_model_get_item (customers, i);

      if (g_strcmp0 (atelier_customer_get_given_name (customer), "Eve") == 0)
        eve_customer = g_steal_pointer (&customer);
    }
  g_assert_nonnull (eve_customer);
  atelier_checkin_row_set_person (eve, NULL, eve_customer);
  assert_button_name (eve, "Walk-in", "Add Eve Walker as a walk-in");
}

/* An import's write lock, held by another connection as by another
 * process. */
static sqlite3 *
hold_write_lock (Fixture *fixture)
{
  sqlite3 *other = NULL;

  g_assert_cmpint (sqlite3_open (fixture->store.path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  return other;
}

static void
release_write_lock (sqlite3 *other)
{
  g_assert_cmpint (sqlite3_exec (other, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
}

static gboolean
is_checked_in (Fixture       *fixture,
               gconstpointer  data)
{
  return checked_in_at (fixture->store.store, *(const gint64 *) data) != 0;
}

/* A check-in behind an import: the window says it waits (not an error),
 * and checks in once the lock frees. */
static void
test_checkin_waits_for_import (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkWidget *waiting_box;
  sqlite3 *other;
  AdwToast *toast;

  show_window (fixture);
  waiting_box = template_child (fixture, "waiting_box");
  g_assert_false (gtk_widget_get_visible (waiting_box));

  other = hold_write_lock (fixture);
  type_text (fixture, "zoe");
  press_enter (fixture);

  g_assert_true (gtk_widget_get_visible (waiting_box));
  g_assert_true (gtk_spinner_get_spinning (template_child (fixture, "waiting_spinner")));
  g_assert_nonnull (test_find_label (waiting_box, "Waiting for an import to finish…"));
  g_assert_null (atelier_checkin_window_get_last_toast (fixture->window));
  g_assert_cmpint (checked_in_at (fixture->store.store, fixture->zoe), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (search_entry (fixture)), ==, "zoe");

  release_write_lock (other);
  wait_until (fixture, is_checked_in, &fixture->zoe);
  g_assert_false (gtk_widget_get_visible (waiting_box));
  toast = atelier_checkin_window_get_last_toast (fixture->window);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Zoé Martin checked in");
  wait_for_counter (fixture, "2 of 5 here");
}

static gboolean
is_null (Fixture       *fixture,
         gconstpointer  data)
{
  return *(gpointer const *) data == NULL;
}

/* A walk-in behind an import: the dialog waits, as typed, then checks in. */
static void
test_checkin_walk_in_waits_for_import (Fixture       *fixture,
                                       gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;
  guint customers = count_customers (store);
  g_autoptr(AtelierRegistration) registration = NULL;
  GtkWidget *dialog = NULL;
  GtkWidget *waiting;
  GList *toplevels;
  sqlite3 *other;

  show_window (fixture);
  type_text (fixture, "Yann Le Goff");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "checkin.walk-in", NULL));
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ATELIER_IS_WALK_IN_DIALOG (l->data))
      dialog = l->data;
  g_list_free (toplevels);
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);

  other = hold_write_lock (fixture);
  g_assert_true (gtk_widget_activate_action (dialog, "walk-in.check-in", NULL));

  g_assert_nonnull (dialog);
  waiting = GTK_WIDGET (test_find_label (dialog, "Waiting for an import to finish…"));
  g_assert_nonnull (waiting);
  g_assert_true (gtk_widget_is_visible (waiting));
  g_assert_null (atelier_walk_in_dialog_get_error (ATELIER_WALK_IN_DIALOG (dialog)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry_row (dialog, "_Given Name"))), ==, "Yann");
  g_assert_cmpuint (count_customers (store), ==, customers);

  release_write_lock (other);
  wait_until (fixture, is_null, &dialog);
  g_assert_cmpuint (count_customers (store), ==, customers + 1);
  registration = find_registration_of (store, fixture->session_id, "Yann Le Goff");
  g_assert_nonnull (registration);
  g_assert_cmpint (atelier_registration_get_checked_in_at (registration), !=, 0);
}

/* Whether @label, as drawn, had to cut its text short. */
static gboolean
label_is_cut (GtkWidget *label)
{
  return pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label)));
}

static gboolean
window_is_narrow (Fixture       *fixture,
                  gconstpointer  data)
{
  return gtk_widget_get_width (GTK_WIDGET (fixture->window)) <= 380;
}

/* At 360 px (a phone, a small tablet held upright) the workshop's title
 * and the search's placeholder are whole. */
static void
test_checkin_narrow (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_autofree char *hint = NULL;
  GtkWidget *placeholder = NULL;
  int minimum = 0;

  show_window (fixture);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 700);
  wait_until (fixture, window_is_narrow, NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));

  gtk_widget_measure (GTK_WIDGET (fixture->window), GTK_ORIENTATION_HORIZONTAL, -1,
                      &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);

  /* The header's title is short; the session's own title wraps. */
  test_collect_widgets (GTK_WIDGET (template_child (fixture, "window_title")), GTK_TYPE_LABEL, labels);
  g_assert_cmpuint (labels->len, >, 0);
  g_assert_cmpstr (gtk_label_get_label (labels->pdata[0]), ==, "Check-in");
  g_assert_false (label_is_cut (labels->pdata[0]));
  g_assert_false (label_is_cut (template_child (fixture, "session_label")));

  /* GtkText shows its placeholder as a label. */
  g_object_get (search_entry (fixture), "placeholder-text", &hint, NULL);
  test_collect_widgets (GTK_WIDGET (search_entry (fixture)), GTK_TYPE_LABEL, texts);
  for (guint i = 0; i < texts->len; i++)
    if (g_strcmp0 (gtk_label_get_label (texts->pdata[i]), hint) == 0)
      placeholder = texts->pdata[i];
  g_assert_nonnull (placeholder);
  g_assert_false (label_is_cut (placeholder));
}

int
main (int   argc,
      char *argv[])
{
  /* Without a display there is nothing to test: skip (see test-window.c). */
  if (!gtk_init_check ())
    {
      for (int i = 1; i < argc; i++)
        if (g_strcmp0 (argv[i], "--tap") == 0)
          {
            g_print ("1..0 # SKIP no display for the check-in tests\n");
            return 0;
          }
      g_printerr ("No display: skipping the check-in tests\n");
      return 77;
    }
  adw_init ();

  /* Not test_init(): isolated XDG directories would hide the GSettings
   * schemas and icons that GTK and libadwaita look up. */
  g_test_init (&argc, &argv, NULL);

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD_TEST ("/atelier/checkin/open", test_checkin_open);
  ADD_TEST ("/atelier/checkin/type-and-enter", test_checkin_type_and_enter);
  ADD_TEST ("/atelier/checkin/undo-key", test_checkin_undo_key);
  ADD_TEST ("/atelier/checkin/tap", test_checkin_tap);
  ADD_TEST ("/atelier/checkin/waitlisted", test_checkin_waitlisted);
  ADD_TEST ("/atelier/checkin/store-search", test_checkin_store_search);
  ADD_TEST ("/atelier/checkin/walk-in", test_checkin_walk_in);
  ADD_TEST ("/atelier/checkin/walk-in-known", test_checkin_walk_in_known);
  ADD_TEST ("/atelier/checkin/walk-in-full", test_checkin_walk_in_full);
  ADD_TEST ("/atelier/checkin/walk-in-bad-address", test_checkin_walk_in_bad_address);
  ADD_TEST ("/atelier/checkin/updates", test_checkin_updates);
  ADD_TEST ("/atelier/checkin/no-session", test_checkin_no_session);
  ADD_TEST ("/atelier/checkin/arrived", test_checkin_arrived);
  ADD_TEST ("/atelier/checkin/not-today", test_checkin_not_today);
  ADD_TEST ("/atelier/checkin/raise-capacity", test_checkin_raise_capacity);
  ADD_TEST ("/atelier/checkin/walk-in-matches", test_checkin_walk_in_matches);
  ADD_TEST ("/atelier/checkin/button-names", test_checkin_button_names);
  ADD_TEST ("/atelier/checkin/narrow", test_checkin_narrow);
  ADD_TEST ("/atelier/checkin/waits-for-import", test_checkin_waits_for_import);
  ADD_TEST ("/atelier/checkin/walk-in-waits-for-import", test_checkin_walk_in_waits_for_import);

#undef ADD_TEST

  return g_test_run ();
}
