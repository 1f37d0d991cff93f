/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-session-editor.c: planning, repeating and changing sessions */
#define G_LOG_DOMAIN "test-session-editor"

#include "config.h"

#include <adwaita.h>

#include "atelier-booking.h"
#include "atelier-invite.h"
#include "atelier-outbox.h"
#include "atelier-session-editor.h"
#include "atelier-settings.h"
#include "atelier-window.h"
#include "test-ui-util.h"
#include "test-util.h"

typedef struct
{
  TestStore             store;
  gint64                risotto;   /* 150 min, 8 seats */
  gint64                tiramisu;  /* 90 min, 12 seats */
  GTimeZone            *paris;
  AtelierSessionEditor *editor;    /* weak: the editor closes itself */
  char                 *saved_message;  /* what its last save said */
} Fixture;

/* Widget helpers */

/* The template child with id @id (GtkBuilder names what it builds). */
static GObject *
find_by_id (GtkWidget  *widget,
            const char *id)
{
  if (GTK_IS_BUILDABLE (widget) &&
      g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), id) == 0)
    return G_OBJECT (widget);

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GObject *found = find_by_id (c, id);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gpointer
child (Fixture    *fixture,
       const char *id)
{
  GObject *found = find_by_id (GTK_WIDGET (fixture->editor), id);

  if (found == NULL)
    g_error ("No widget %s in the editor", id);
  return found;
}

/* Whether the focus is on the widget @id or inside it. */
static gboolean
has_focus_within (Fixture    *fixture,
                  const char *id)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (fixture->editor));
  GtkWidget *widget = child (fixture, id);

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static int
spin (Fixture    *fixture,
      const char *id)
{
  return gtk_spin_button_get_value_as_int (child (fixture, id));
}

static void
set_spin (Fixture    *fixture,
          const char *id,
          int         value)
{
  gtk_spin_button_set_value (child (fixture, id), value);
}

static GtkWidget *
save_button (Fixture *fixture)
{
  GtkWidget *button = child (fixture, "save_button");

  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Save");
  return button;
}

static gboolean
can_save (Fixture *fixture)
{
  return gtk_widget_is_sensitive (save_button (fixture));
}

static void
click_save (Fixture *fixture)
{
  g_assert_true (can_save (fixture));
  g_signal_emit_by_name (save_button (fixture), "clicked");
}

/* A day @days from today, in Paris, as the calendar takes it. */
static GDateTime *
day_from_today (Fixture *fixture,
                int      days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (fixture->paris);
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_new_local (g_date_time_get_year (then), g_date_time_get_month (then),
                                g_date_time_get_day_of_month (then), 12, 0, 0);
}

static void
choose_date (Fixture   *fixture,
             GDateTime *day)
{
  gtk_calendar_select_day (child (fixture, "date_calendar"), day);
}

static GtkToggleButton *
day_toggle (Fixture *fixture,
            int      weekday)  /* 1 = Monday */
{
  GtkFlowBox *box = child (fixture, "days_box");
  GtkFlowBoxChild *box_child = gtk_flow_box_get_child_at_index (box, weekday - 1);

  return GTK_TOGGLE_BUTTON (gtk_flow_box_child_get_child (box_child));
}

static void
on_saved_message_cb (AtelierSessionEditor *editor,
                     GParamSpec           *pspec,
                     Fixture              *fixture)
{
  g_free (fixture->saved_message);
  g_object_get (editor, "saved-message", &fixture->saved_message, NULL);
}

static void
open_editor_for (Fixture   *fixture,
                 GtkWindow *parent,
                 gint64     session_id,
                 gint64     workshop_id)
{
  fixture->editor = ATELIER_SESSION_EDITOR (atelier_session_editor_new (parent, fixture->store.store,
                                                                        session_id, workshop_id));
  g_object_add_weak_pointer (G_OBJECT (fixture->editor), (gpointer *) &fixture->editor);
  g_signal_connect (fixture->editor, "notify::saved-message", G_CALLBACK (on_saved_message_cb), fixture);
  gtk_window_present (GTK_WINDOW (fixture->editor));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->editor));
}

static void
open_editor (Fixture *fixture,
             gint64   session_id,
             gint64   workshop_id)
{
  open_editor_for (fixture, NULL, session_id, workshop_id);
}

/* "Tue 8 Dec, 18:30": a session's start as the toasts say it */
static char *
toast_time (Fixture *fixture,
            gint64   session_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtelierSession) session = atelier_store_get_session (fixture->store.store, session_id, &error);
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  g_assert_no_error (error);
  utc = g_date_time_new_from_unix_utc (atelier_session_get_starts_at (session));
  local = g_date_time_to_timezone (utc, fixture->paris);
  return g_date_time_format (local, "%a %-d %b, %H:%M");
}

static void
wait_until_closed (Fixture *fixture)
{
  for (guint i = 0; fixture->editor != NULL && i < 100; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (fixture->editor);
}

static AdwMessageDialog *
message_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

/* The question asked, checked, and answered with @response. */
static void
answer (const char *heading,
        const char *body,
        const char *response)
{
  AdwMessageDialog *dialog = message_dialog ();

  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, body);
  /* As a click on its button does: answer, then close. */
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
  for (guint i = 0; i < 10; i++)
    g_main_context_iteration (NULL, FALSE);
}

/* Store helpers */

static gint64
add_workshop (AtelierStore *store,
              const char   *title,
              int           minutes,
              int           capacity)
{
  g_autoptr(AtelierWorkshop) workshop = atelier_workshop_new (title);
  g_autoptr(GError) error = NULL;

  g_object_set (workshop, "duration-minutes", minutes, "capacity", capacity, NULL);
  g_assert_true (atelier_store_add_workshop (store, workshop, &error));
  g_assert_no_error (error);
  return atelier_workshop_get_id (workshop);
}

/* A session in @days days, 18:00 to 20:00 in Paris. */
static gint64
add_session (Fixture *fixture,
             int      days,
             int      capacity)
{
  g_autoptr(GDateTime) day = day_from_today (fixture, days);
  g_autoptr(GDateTime) starts = g_date_time_new (fixture->paris, g_date_time_get_year (day),
                                                 g_date_time_get_month (day),
                                                 g_date_time_get_day_of_month (day), 18, 0, 0);
  g_autoptr(GDateTime) ends = g_date_time_add_hours (starts, 2);
  g_autoptr(AtelierSession) session = atelier_session_new (fixture->risotto, starts, ends, "Europe/Paris");
  g_autoptr(GError) error = NULL;

  g_object_set (session, "capacity", capacity, "place", "Cuisine", NULL);
  g_assert_true (atelier_store_add_session (fixture->store.store, session, &error));
  g_assert_no_error (error);
  return atelier_session_get_id (session);
}

static gint64
sign_up (Fixture    *fixture,
         gint64      session_id,
         const char *given_name,
         const char *email,
         int         party_size)
{
  g_autoptr(AtelierCustomer) customer = atelier_customer_new (given_name, "Test");
  g_autoptr(AtelierRegistration) registration = NULL;
  g_autoptr(GError) error = NULL;

  g_object_set (customer, "email", email, NULL);
  registration = atelier_booking_sign_up (fixture->store.store, session_id, customer, party_size,
                                          NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (atelier_registration_get_status (registration), ==, ATELIER_REGISTRATION_CONFIRMED);
  return atelier_registration_get_id (registration);
}

static GListModel *
all_sessions (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GListModel *sessions = atelier_store_list_sessions (fixture->store.store, NULL, NULL, &error);

  g_assert_no_error (error);
  return sessions;
}

static guint
count_sessions (Fixture *fixture)
{
  g_autoptr(GListModel) sessions = all_sessions (fixture);

  return g_list_model_get_n_items (sessions);
}

static AtelierSession *
get_session (Fixture *fixture,
             gint64   id)
{
  g_autoptr(GError) error = NULL;
  AtelierSession *session = atelier_store_get_session (fixture->store.store, id, &error);

  g_assert_no_error (error);
  return session;
}

/* Fixture */

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  test_store_setup (&fixture->store, data);
  fixture->paris = g_time_zone_new_identifier ("Europe/Paris");
  fixture->risotto = add_workshop (fixture->store.store, "Risotto", 150, 8);
  fixture->tiramisu = add_workshop (fixture->store.store, "Tiramisu", 90, 12);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      gtk_window_destroy (l->data);
  if (fixture->editor != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->editor));
  g_assert_null (fixture->editor);
  g_clear_pointer (&fixture->paris, g_time_zone_unref);
  g_clear_pointer (&fixture->saved_message, g_free);
  test_store_teardown (&fixture->store, data);
}

/* Tests */

static void
test_defaults (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GDateTime) day = day_from_today (fixture, 5);
  g_autoptr(GListModel) sessions = NULL;
  g_autoptr(AtelierSession) saved = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  AdwComboRow *workshop_row;

  open_editor (fixture, 0, fixture->tiramisu);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->editor)), ==, "New Session");
  workshop_row = child (fixture, "workshop_row");
  g_assert_cmpint (atelier_workshop_get_id (adw_combo_row_get_selected_item (workshop_row)), ==,
                   fixture->tiramisu);
  /* The first field has the focus, not the header's Cancel button. */
  g_assert_true (has_focus_within (fixture, "workshop_row"));

  /* 18:00, and the end a workshop's duration later; its capacity. */
  g_assert_cmpint (spin (fixture, "start_hour"), ==, 18);
  g_assert_cmpint (spin (fixture, "start_minute"), ==, 0);
  g_assert_cmpint (spin (fixture, "end_hour"), ==, 19);
  g_assert_cmpint (spin (fixture, "end_minute"), ==, 30);
  g_assert_cmpint (spin (fixture, "capacity_spin"), ==, 12);
  g_assert_cmpstr (atelier_session_editor_get_time_zone (fixture->editor), ==, "Europe/Paris");
  g_assert_cmpstr (gtk_label_get_label (child (fixture, "zone_label")), ==,
                   "Times are in the Europe/Paris time zone.");
  g_assert_true (can_save (fixture));
  g_assert_null (atelier_session_editor_get_message (fixture->editor));
  g_assert_null (atelier_session_editor_dup_rrule (fixture->editor));

  /* The end follows the start, and the workshop. */
  set_spin (fixture, "start_hour", 10);
  g_assert_cmpint (spin (fixture, "end_hour"), ==, 11);
  g_assert_cmpint (spin (fixture, "end_minute"), ==, 30);
  adw_combo_row_set_selected (workshop_row, 0);  /* Risotto, by title */
  g_assert_cmpint (spin (fixture, "end_hour"), ==, 12);
  g_assert_cmpint (spin (fixture, "end_minute"), ==, 30);
  g_assert_cmpint (spin (fixture, "capacity_spin"), ==, 8);

  /* Set by hand, they stay. */
  set_spin (fixture, "end_minute", 45);
  set_spin (fixture, "start_hour", 9);
  g_assert_cmpint (spin (fixture, "end_hour"), ==, 12);
  g_assert_cmpint (spin (fixture, "end_minute"), ==, 45);
  set_spin (fixture, "capacity_spin", 5);
  adw_combo_row_set_selected (workshop_row, 1);
  adw_combo_row_set_selected (workshop_row, 0);
  g_assert_cmpint (spin (fixture, "capacity_spin"), ==, 5);

  choose_date (fixture, day);
  click_save (fixture);
  wait_until_closed (fixture);

  /* Stored in the store's zone: 9:00 to 12:45 in Paris. */
  sessions = all_sessions (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 1);
  saved = g_list_model_get_item (sessions, 0);
  g_assert_cmpint (atelier_session_get_workshop_id (saved), ==, fixture->risotto);
  g_assert_cmpstr (atelier_session_get_time_zone (saved), ==, "Europe/Paris");
  g_assert_cmpint (atelier_session_get_capacity (saved), ==, 5);
  start = g_date_time_new_from_unix_utc (atelier_session_get_starts_at (saved));
  end = g_date_time_new_from_unix_utc (atelier_session_get_ends_at (saved));
  {
    g_autoptr(GDateTime) local_start = g_date_time_to_timezone (start, fixture->paris);
    g_autoptr(GDateTime) local_end = g_date_time_to_timezone (end, fixture->paris);

    g_assert_cmpint (g_date_time_get_day_of_month (local_start), ==, g_date_time_get_day_of_month (day));
    g_assert_cmpint (g_date_time_get_hour (local_start), ==, 9);
    g_assert_cmpint (g_date_time_get_minute (local_start), ==, 0);
    g_assert_cmpint (g_date_time_get_hour (local_end), ==, 12);
    g_assert_cmpint (g_date_time_get_minute (local_end), ==, 45);
  }

  /* Said once the editor is gone, with the date. */
  {
    g_autofree char *when = toast_time (fixture, atelier_session_get_id (saved));
    g_autofree char *expected = g_strdup_printf ("Risotto planned for %s", when);

    g_assert_cmpstr (fixture->saved_message, ==, expected);
  }
}

/* The store's zone, not the computer's; its address as the place. */
/* Another session in the same place at that time is said, not refused. */
static void
test_place_taken (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GDateTime) day = day_from_today (fixture, 6);
  GtkWidget *conflict;

  add_session (fixture, 6, 8);  /* Risotto, 18:00–20:00 in the Cuisine */
  open_editor (fixture, 0, fixture->tiramisu);
  conflict = child (fixture, "conflict_label");
  choose_date (fixture, day);
  gtk_editable_set_text (GTK_EDITABLE (child (fixture, "place_row")), "cuisine");
  g_assert_true (gtk_widget_get_visible (conflict));
  g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (conflict)),
                                   "cuisine is taken then: Risotto, "));
  g_assert_true (can_save (fixture));

  /* Elsewhere, or after it ends, nothing to say. */
  gtk_editable_set_text (GTK_EDITABLE (child (fixture, "place_row")), "Cellar");
  g_assert_false (gtk_widget_get_visible (conflict));
  gtk_editable_set_text (GTK_EDITABLE (child (fixture, "place_row")), "Cuisine");
  g_assert_true (gtk_widget_get_visible (conflict));
  set_spin (fixture, "start_hour", 20);
  g_assert_false (gtk_widget_get_visible (conflict));
}

/* Enter in the place moves on to what is left to fill (the capacity,
 * the repeats) instead of saving half a form. */
static void
test_enter_moves_on (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *place;

  open_editor (fixture, 0, fixture->tiramisu);
  place = child (fixture, "place_row");
  gtk_widget_grab_focus (place);
  g_signal_emit_by_name (place, "entry-activated");
  g_assert_nonnull (fixture->editor);
  g_assert_cmpuint (count_sessions (fixture), ==, 0);
  g_assert_false (has_focus_within (fixture, "place_row"));
}

static void
test_store_zone (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GTimeZone) new_york = g_time_zone_new_identifier ("America/New_York");
  g_autoptr(GDateTime) day = day_from_today (fixture, 10);
  g_autoptr(GDateTime) expected = NULL;
  g_autoptr(GListModel) sessions = NULL;
  g_autoptr(AtelierSession) saved = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GError) error = NULL;

  atelier_settings_write (fixture->store.store, ATELIER_SETTING_TIME_ZONE, "America/New_York", &error);
  g_assert_no_error (error);
  atelier_settings_write (fixture->store.store, ATELIER_SETTING_ADDRESS, "12 rue des Lilas", &error);
  g_assert_no_error (error);

  open_editor (fixture, 0, 0);
  g_assert_cmpstr (atelier_session_editor_get_time_zone (fixture->editor), ==, "America/New_York");
  g_assert_cmpstr (gtk_editable_get_text (child (fixture, "place_row")), ==, "12 rue des Lilas");
  choose_date (fixture, day);
  set_spin (fixture, "start_minute", 30);
  click_save (fixture);
  wait_until_closed (fixture);

  sessions = all_sessions (fixture);
  saved = g_list_model_get_item (sessions, 0);
  g_assert_cmpstr (atelier_session_get_time_zone (saved), ==, "America/New_York");
  g_assert_cmpstr (atelier_session_get_place (saved), ==, "12 rue des Lilas");
  expected = g_date_time_new (new_york, g_date_time_get_year (day), g_date_time_get_month (day),
                              g_date_time_get_day_of_month (day), 18, 30, 0);
  g_assert_cmpint (atelier_session_get_starts_at (saved), ==, g_date_time_to_unix (expected));
  start = atelier_session_dup_start (saved);
  g_assert_cmpint (g_date_time_get_hour (start), ==, 18);
  g_assert_cmpint (g_date_time_get_minute (start), ==, 30);
}

static void
test_invalid_times (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GDateTime) yesterday = day_from_today (fixture, -1);
  g_autoptr(GDateTime) later = day_from_today (fixture, 3);

  open_editor (fixture, 0, fixture->risotto);

  choose_date (fixture, yesterday);
  g_assert_false (can_save (fixture));
  g_assert_cmpstr (atelier_session_editor_get_message (fixture->editor), ==,
                   "This date and time are already past: a new session needs a time to come.");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (save_button (fixture)), ==,
                   atelier_session_editor_get_message (fixture->editor));
  g_assert_true (gtk_widget_is_visible (child (fixture, "hint_label")));

  choose_date (fixture, later);
  g_assert_true (can_save (fixture));
  g_assert_false (gtk_widget_is_visible (child (fixture, "hint_label")));

  set_spin (fixture, "end_hour", 17);
  g_assert_false (can_save (fixture));
  g_assert_cmpstr (atelier_session_editor_get_message (fixture->editor), ==,
                   "The session must end after it starts, on the same day.");

  /* Nothing is written by a click that cannot save. */
  g_signal_emit_by_name (save_button (fixture), "clicked");
  g_assert_nonnull (fixture->editor);
  g_assert_cmpuint (count_sessions (fixture), ==, 0);
}

/* The next @weekday (1 = Monday) at least three days from today. */
static GDateTime *
next_weekday (Fixture *fixture,
              int      weekday)
{
  for (int days = 3; ; days++)
    {
      GDateTime *day = day_from_today (fixture, days);

      if (g_date_time_get_day_of_week (day) == weekday)
        return day;
      g_date_time_unref (day);
    }
}

static void
test_weekly_series (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GDateTime) saturday = next_weekday (fixture, 6);
  g_autoptr(GDateTime) last = g_date_time_add_days (saturday, 10);
  gboolean with_year = g_date_time_get_year (saturday) != g_date_time_get_year (last);
  g_autofree char *from = g_date_time_format (saturday, with_year ? "%a %-d %b %Y" : "%a %-d %b");
  g_autofree char *to = g_date_time_format (last, with_year ? "%a %-d %b %Y" : "%a %-d %b");
  g_autofree char *expected = g_strdup_printf ("4 sessions, from %s to %s", from, to);
  g_autofree char *rrule = NULL;
  g_autoptr(GListModel) sessions = NULL;

  open_editor (fixture, 0, fixture->risotto);
  choose_date (fixture, saturday);
  g_assert_true (gtk_widget_get_visible (child (fixture, "repeats_box")));
  g_assert_null (atelier_session_editor_get_preview (fixture->editor));

  adw_expander_row_set_enable_expansion (child (fixture, "repeats_row"), TRUE);
  /* The first session's day is always in; add Tuesdays. */
  g_assert_true (gtk_toggle_button_get_active (day_toggle (fixture, 6)));
  gtk_toggle_button_set_active (day_toggle (fixture, 6), FALSE);
  g_assert_true (gtk_toggle_button_get_active (day_toggle (fixture, 6)));
  gtk_toggle_button_set_active (day_toggle (fixture, 2), TRUE);
  set_spin (fixture, "count_spin", 4);

  rrule = atelier_session_editor_dup_rrule (fixture->editor);
  g_assert_cmpstr (rrule, ==, "FREQ=WEEKLY;BYDAY=TU,SA;COUNT=4");
  g_assert_cmpstr (atelier_session_editor_get_preview (fixture->editor), ==, expected);
  g_assert_cmpstr (gtk_label_get_label (child (fixture, "preview_label")), ==, expected);
  g_assert_true (gtk_widget_is_visible (child (fixture, "preview_label")));
  g_assert_null (atelier_session_editor_get_message (fixture->editor));

  click_save (fixture);
  wait_until_closed (fixture);

  sessions = all_sessions (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(AtelierSession) s = g_list_model_get_item (sessions, i);
      g_autoptr(GDateTime) start = atelier_session_dup_start (s);

      g_assert_cmpint (g_date_time_get_day_of_week (start), ==, i % 2 == 0 ? 6 : 2);
      g_assert_cmpint (g_date_time_get_hour (start), ==, 18);
      g_assert_cmpint (atelier_session_get_ends_at (s) - atelier_session_get_starts_at (s), ==, 150 * 60);
      g_assert_cmpint (atelier_session_get_capacity (s), ==, 8);
    }

  {
    g_autofree char *first = g_date_time_format (saturday, "%a %-d %b");
    g_autofree char *said = g_strdup_printf ("4 sessions of Risotto planned, from %s", first);

    g_assert_cmpstr (fixture->saved_message, ==, said);
  }
}

static void
test_monthly_rule (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (fixture->paris);
  g_autoptr(GDateTime) next_month = g_date_time_add_months (now, 2);
  g_autoptr(GDateTime) first_tuesday = NULL;
  g_autofree char *rrule = NULL;

  for (int day = 1; first_tuesday == NULL; day++)
    {
      g_autoptr(GDateTime) d = g_date_time_new_local (g_date_time_get_year (next_month),
                                                      g_date_time_get_month (next_month), day, 12, 0, 0);

      if (g_date_time_get_day_of_week (d) == 2)
        first_tuesday = g_date_time_ref (d);
    }

  open_editor (fixture, 0, fixture->risotto);
  choose_date (fixture, first_tuesday);
  adw_expander_row_set_enable_expansion (child (fixture, "repeats_row"), TRUE);
  adw_combo_row_set_selected (child (fixture, "frequency_row"), 1);
  g_assert_false (gtk_widget_get_visible (child (fixture, "days_row")));
  g_assert_cmpstr (adw_action_row_get_subtitle (child (fixture, "monthly_row")), ==,
                   "On the first Tuesday of each month");
  rrule = atelier_session_editor_dup_rrule (fixture->editor);
  g_assert_cmpstr (rrule, ==, "FREQ=MONTHLY;BYDAY=1TU;COUNT=4");
  g_assert_true (g_str_has_prefix (atelier_session_editor_get_preview (fixture->editor), "4 sessions, from "));

  /* Until a date: the end of that day in the store's zone, in UTC. */
  adw_combo_row_set_selected (child (fixture, "ends_row"), 1);
  g_clear_pointer (&rrule, g_free);
  rrule = atelier_session_editor_dup_rrule (fixture->editor);
  g_assert_true (g_str_has_prefix (rrule, "FREQ=MONTHLY;BYDAY=1TU;UNTIL="));
  g_assert_true (g_str_has_suffix (rrule, "59Z"));

  /* A last date before the first session. */
  gtk_calendar_select_day (child (fixture, "until_calendar"), now);
  g_assert_false (can_save (fixture));
  g_assert_cmpstr (atelier_session_editor_get_message (fixture->editor), ==,
                   "The last date comes before the first session: choose a later one.");
}

static void
test_too_many (Fixture       *fixture,
               gconstpointer  data)
{
  open_editor (fixture, 0, fixture->risotto);
  adw_expander_row_set_enable_expansion (child (fixture, "repeats_row"), TRUE);
  set_spin (fixture, "count_spin", 400);

  g_assert_cmpstr (atelier_session_editor_get_preview (fixture->editor), ==,
                   "This rule gives more than 366 sessions; end it sooner with COUNT or UNTIL.");
  g_assert_true (gtk_widget_has_css_class (child (fixture, "preview_label"), "error"));
  g_assert_false (can_save (fixture));
  g_assert_cmpstr (atelier_session_editor_get_message (fixture->editor), ==,
                   atelier_session_editor_get_preview (fixture->editor));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (save_button (fixture)), ==,
                   atelier_session_editor_get_preview (fixture->editor));

  g_signal_emit_by_name (save_button (fixture), "clicked");
  g_assert_nonnull (fixture->editor);
  g_assert_cmpuint (count_sessions (fixture), ==, 0);

  /* Back to a sensible number. */
  set_spin (fixture, "count_spin", 10);
  g_assert_true (can_save (fixture));
}

static guint
count_owed (Fixture           *fixture,
            gint64             session_id,
            AtelierInviteKind  kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) owed = atelier_outbox_list (fixture->store.store, session_id, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (owed); i++)
    {
      g_autoptr(AtelierOutboxItem) item = g_list_model_get_item (owed, i);

      if (atelier_outbox_item_get_kind (item) == kind)
        n++;
    }
  return n;
}

static void
test_reschedule (Fixture       *fixture,
                 gconstpointer  data)
{
  gint64 id = add_session (fixture, 3, 10);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) owed = NULL;
  g_autoptr(AtelierSession) unchanged = NULL;
  g_autoptr(AtelierSession) moved = NULL;
  g_autoptr(GDateTime) start = NULL;
  gint64 zoe;
  gint64 paul;

  atelier_settings_write (fixture->store.store, ATELIER_SETTING_ORGANIZER, "shop@example.com", &error);
  g_assert_no_error (error);
  zoe = sign_up (fixture, id, "Zoé", "zoe@example.com", 2);
  paul = sign_up (fixture, id, "Paul", "paul@example.com", 1);
  sign_up (fixture, id, "Ada", "ada@example.com", 1);   /* no invite sent yet */
  sign_up (fixture, id, "Nina", NULL, 1);                /* no address */

  /* Zoé and Paul have their invites. */
  owed = atelier_outbox_list (fixture->store.store, id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (owed); i++)
    {
      g_autoptr(AtelierOutboxItem) item = g_list_model_get_item (owed, i);
      gint64 r = atelier_outbox_item_get_registration_id (item);

      if (r == zoe || r == paul)
        {
          g_assert_true (atelier_outbox_mark_sent (fixture->store.store, item, &error));
          g_assert_no_error (error);
        }
    }

  open_editor (fixture, id, 0);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->editor)), ==, "Edit Session");
  g_assert_false (gtk_widget_get_visible (child (fixture, "repeats_box")));
  g_assert_false (gtk_widget_is_sensitive (child (fixture, "workshop_row")));
  g_assert_true (has_focus_within (fixture, "date_button"));
  g_assert_cmpint (spin (fixture, "start_hour"), ==, 18);
  g_assert_cmpint (spin (fixture, "end_hour"), ==, 20);
  g_assert_cmpint (spin (fixture, "capacity_spin"), ==, 10);
  g_assert_cmpstr (gtk_editable_get_text (child (fixture, "place_row")), ==, "Cuisine");

  /* One hour later; the end keeps the session's length. */
  set_spin (fixture, "start_hour", 19);
  g_assert_cmpint (spin (fixture, "end_hour"), ==, 21);

  /* Asked first; "Cancel" changes nothing. */
  click_save (fixture);
  answer ("Reschedule?", "2 people will receive an update.", "cancel");
  g_assert_nonnull (fixture->editor);
  unchanged = get_session (fixture, id);
  g_assert_cmpint (atelier_session_get_sequence (unchanged), ==, 0);

  click_save (fixture);
  answer ("Reschedule?", "2 people will receive an update.", "reschedule");
  wait_until_closed (fixture);

  moved = get_session (fixture, id);
  g_assert_cmpint (atelier_session_get_sequence (moved), ==, 1);
  start = atelier_session_dup_start (moved);
  g_assert_cmpint (g_date_time_get_hour (start), ==, 19);
  g_assert_cmpint (atelier_session_get_ends_at (moved) - atelier_session_get_starts_at (moved), ==, 2 * 3600);

  /* Updates for those who had invites; Ada still waits for her first. */
  g_assert_cmpuint (count_owed (fixture, id, ATELIER_INVITE_UPDATE), ==, 2);
  g_assert_cmpuint (count_owed (fixture, id, ATELIER_INVITE_NEW), ==, 1);

  /* The updates owed come first: a toast cuts off what does not fit. */
  {
    g_autofree char *when = toast_time (fixture, id);
    g_autofree char *said = g_strdup_printf ("2 updates to send: Risotto moved to %s", when);

    g_assert_cmpstr (fixture->saved_message, ==, said);
  }
}

/* Only the place changes; nobody has an invite yet. */
static void
test_new_place_without_invites (Fixture       *fixture,
                                gconstpointer  data)
{
  gint64 id = add_session (fixture, 3, 10);
  g_autoptr(AtelierSession) moved = NULL;

  sign_up (fixture, id, "Zoé", "zoe@example.com", 1);
  sign_up (fixture, id, "Paul", "paul@example.com", 1);

  open_editor (fixture, id, 0);
  gtk_editable_set_text (child (fixture, "place_row"), "Terrasse");
  click_save (fixture);
  answer ("Change the Place?",
          "Nobody has received an invite yet: the 2 people signed up will get the new details with their first invite.",
          "reschedule");
  wait_until_closed (fixture);

  moved = get_session (fixture, id);
  g_assert_cmpstr (atelier_session_get_place (moved), ==, "Terrasse");
  g_assert_cmpint (atelier_session_get_sequence (moved), ==, 1);
  /* Their first invites will say it: no update owed. */
  g_assert_cmpstr (fixture->saved_message, ==, "Risotto now at Terrasse");
}

static void
test_capacity (Fixture       *fixture,
               gconstpointer  data)
{
  gint64 id = add_session (fixture, 3, 6);
  g_autoptr(AtelierSession) unchanged = NULL;
  g_autoptr(AtelierSession) raised = NULL;

  sign_up (fixture, id, "Zoé", "zoe@example.com", 4);

  open_editor (fixture, id, 0);
  g_assert_cmpstr (adw_action_row_get_subtitle (child (fixture, "capacity_row")), ==, "4 seats taken");

  /* Below the seats taken: refused, shown, nothing changed. */
  set_spin (fixture, "capacity_spin", 2);
  set_spin (fixture, "start_minute", 30);
  click_save (fixture);
  answer ("Reschedule?",
          "Nobody has received an invite yet: the person signed up will get the new details with their first invite.",
          "reschedule");
  g_assert_nonnull (fixture->editor);
  g_assert_cmpstr (atelier_session_editor_get_message (fixture->editor), ==,
                   "4 seats are already taken; the capacity cannot be lower than that.");
  g_assert_true (gtk_widget_is_visible (child (fixture, "error_label")));
  unchanged = get_session (fixture, id);
  g_assert_cmpint (atelier_session_get_capacity (unchanged), ==, 6);
  g_assert_cmpint (atelier_session_get_sequence (unchanged), ==, 0);
  {
    g_autoptr(GDateTime) start = atelier_session_dup_start (unchanged);

    g_assert_cmpint (g_date_time_get_minute (start), ==, 0);
  }

  /* Raised, with the time as it was: no question. */
  set_spin (fixture, "start_minute", 0);
  set_spin (fixture, "capacity_spin", 9);
  g_assert_null (atelier_session_editor_get_message (fixture->editor));
  click_save (fixture);
  g_assert_null (message_dialog ());
  wait_until_closed (fixture);
  raised = get_session (fixture, id);
  g_assert_cmpint (atelier_session_get_capacity (raised), ==, 9);
  g_assert_cmpint (atelier_session_get_sequence (raised), ==, 0);
  g_assert_cmpstr (fixture->saved_message, ==, "Session saved");
}

static gboolean
toast_shown (gpointer      fixture,
             gconstpointer data)
{
  AtelierWindow *window = (AtelierWindow *) data;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  test_collect_widgets (GTK_WIDGET (atelier_window_get_toast_overlay (window)), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (labels->pdata[i]), ((Fixture *) fixture)->saved_message) == 0
        && gtk_widget_is_drawable (labels->pdata[i]))
      return TRUE;
  return FALSE;
}

/* The labels under @widget that show @text, drawn. */
static GPtrArray *
labels_showing (GtkWidget  *widget,
                const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GPtrArray *showing = g_ptr_array_new ();

  test_collect_widgets (widget, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (labels->pdata[i]), text) == 0 && gtk_widget_is_drawable (labels->pdata[i]))
      g_ptr_array_add (showing, labels->pdata[i]);
  return showing;
}

static void
assert_whole (GPtrArray *labels)
{
  g_assert_cmpuint (labels->len, >, 0);
  for (guint i = 0; i < labels->len; i++)
    g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (labels->pdata[i])));
}

static gboolean
popover_shown (gpointer      fixture,
               gconstpointer data)
{
  g_autoptr(GPtrArray) labels = labels_showing (GTK_WIDGET (((Fixture *) fixture)->editor), data);

  /* The row's subtitle, and the item in the list */
  return labels->len >= 2;
}

/* A long title reads whole, in the row and in its list, at the editor's
 * narrowest. */
static void
test_long_workshop_title (Fixture       *fixture,
                          gconstpointer  data)
{
  const char *title = "Vins de Loire : initiation à la dégustation";
  gint64 loire = add_workshop (fixture->store.store, title, 120, 10);
  AdwComboRow *row;
  g_autoptr(GPtrArray) in_row = NULL;
  g_autoptr(GPtrArray) in_list = NULL;

  open_editor (fixture, 0, loire);
  gtk_window_set_default_size (GTK_WINDOW (fixture->editor), 320, 600);
  gtk_widget_queue_resize (GTK_WIDGET (fixture->editor));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->editor));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->editor)), <=, 360);

  row = child (fixture, "workshop_row");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, title);
  in_row = labels_showing (GTK_WIDGET (row), title);
  assert_whole (in_row);

  g_assert_true (gtk_widget_activate (GTK_WIDGET (row)));
  test_wait_until (popover_shown, fixture, title, 5);
  in_list = labels_showing (GTK_WIDGET (row), title);
  assert_whole (in_list);
}

/* From the main window, the toast shows there once the editor closes. */
static void
test_toast_on_main_window (Fixture       *fixture,
                           gconstpointer  data)
{
  AtelierWindow *window = atelier_window_new (NULL, fixture->store.store);
  g_autofree char *expected = NULL;
  g_autofree char *when = NULL;

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  open_editor_for (fixture, GTK_WINDOW (window), 0, fixture->tiramisu);
  click_save (fixture);
  wait_until_closed (fixture);

  when = toast_time (fixture, 1);
  expected = g_strdup_printf ("Tiramisu planned for %s", when);
  g_assert_cmpstr (fixture->saved_message, ==, expected);
  test_wait_until (toast_shown, fixture, window, 5);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_no_workshop (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (atelier_store_delete_workshop (fixture->store.store, fixture->risotto, &error));
  g_assert_true (atelier_store_delete_workshop (fixture->store.store, fixture->tiramisu, &error));
  g_assert_no_error (error);

  open_editor (fixture, 0, 0);
  g_assert_false (can_save (fixture));
  g_assert_cmpstr (atelier_session_editor_get_message (fixture->editor), ==,
                   "There is no workshop yet: add one to the catalogue first.");
}

/* Moved to another day, a session loses the check-ins made before, and
 * the saved message says so. */
static void
test_reschedule_clears_check_ins (Fixture       *fixture,
                                  gconstpointer  data)
{
  gint64 id = add_session (fixture, 3, 10);
  gint64 zoe = sign_up (fixture, id, "Zoé", NULL, 2);
  g_autoptr(AtelierRegistration) registration = NULL;
  g_autoptr(GDateTime) later = day_from_today (fixture, 4);
  g_autoptr(GError) error = NULL;

  registration = atelier_booking_check_in (fixture->store.store, zoe, &error);
  g_assert_no_error (error);
  g_clear_object (&registration);

  open_editor (fixture, id, 0);
  choose_date (fixture, later);
  click_save (fixture);
  answer ("Reschedule?",
          "Nobody has received an invite yet: the person signed up will get the new details with their first invite.",
          "reschedule");
  wait_until_closed (fixture);

  registration = atelier_store_get_registration (fixture->store.store, zoe, &error);
  g_assert_no_error (error);
  g_assert_cmpint (atelier_registration_get_checked_in_at (registration), ==, 0);
  g_assert_true (g_str_has_suffix (fixture->saved_message, "; 1 check-in cleared"));
}

/* The checks of the series' dates, in order */
static void
collect_checks (GtkWidget *widget,
                GPtrArray *checks)
{
  if (GTK_IS_CHECK_BUTTON (widget))
    g_ptr_array_add (checks, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_checks (c, checks);
}

static GPtrArray *
date_checks (Fixture *fixture)
{
  GPtrArray *checks = g_ptr_array_new ();

  collect_checks (child (fixture, "dates_row"), checks);
  return checks;
}

static char *
format_start (AtelierSession *session)
{
  g_autoptr(GDateTime) start = atelier_session_dup_start (session);

  return g_date_time_format (start, "%Y-%m-%d %H:%M %:z");
}

/* A start the clocks skip or show twice gets a line under the time that
 * says which time is kept; a series from that date keeps the time chosen
 * on its later dates. */
static void
test_time_in_gap (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GDateTime) spring = g_date_time_new_local (2027, 3, 28, 12, 0, 0);
  g_autoptr(GDateTime) autumn = g_date_time_new_local (2027, 10, 31, 12, 0, 0);
  g_autoptr(GListModel) sessions = NULL;
  AdwActionRow *start_row;

  open_editor (fixture, 0, fixture->risotto);
  start_row = child (fixture, "start_row");
  choose_date (fixture, spring);
  set_spin (fixture, "start_hour", 2);
  set_spin (fixture, "start_minute", 30);
  g_assert_cmpstr (adw_action_row_get_subtitle (start_row), ==,
                   "02:30 does not exist on 28 March 2027 (clocks go forward); "
                   "the session starts at 03:30.");

  choose_date (fixture, autumn);
  g_assert_cmpstr (adw_action_row_get_subtitle (start_row), ==,
                   "02:30 happens twice on 31 October 2027 (clocks go back); "
                   "the session starts at the first 02:30, UTC+02:00.");
  set_spin (fixture, "start_hour", 10);
  g_assert_true (adw_action_row_get_subtitle (start_row) == NULL ||
                 *adw_action_row_get_subtitle (start_row) == '\0');

  choose_date (fixture, spring);
  set_spin (fixture, "start_hour", 2);
  adw_expander_row_set_enable_expansion (child (fixture, "repeats_row"), TRUE);
  set_spin (fixture, "count_spin", 2);
  click_save (fixture);
  wait_until_closed (fixture);

  sessions = all_sessions (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 2);
  {
    g_autoptr(AtelierSession) first = g_list_model_get_item (sessions, 0);
    g_autoptr(AtelierSession) second = g_list_model_get_item (sessions, 1);
    g_autofree char *first_text = format_start (first);
    g_autofree char *second_text = format_start (second);

    g_assert_cmpstr (first_text, ==, "2027-03-28 03:30 +02:00");
    g_assert_cmpstr (second_text, ==, "2027-04-04 02:30 +02:00");
  }
}

/* The dates of the rule are listed with a check each; unchecked ones are
 * left out, and the preview counts what is left. */
static void
test_skip_dates (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GDateTime) saturday = next_weekday (fixture, 6);
  g_autoptr(GDateTime) skipped = g_date_time_add_days (saturday, 7);
  g_autoptr(GDateTime) last = g_date_time_add_days (saturday, 21);
  gboolean with_year = g_date_time_get_year (saturday) != g_date_time_get_year (last);
  g_autofree char *from = g_date_time_format (saturday, with_year ? "%a %-d %b %Y" : "%a %-d %b");
  g_autofree char *to = g_date_time_format (last, with_year ? "%a %-d %b %Y" : "%a %-d %b");
  g_autofree char *expected = g_strdup_printf ("3 sessions, from %s to %s (1 date left out)",
                                               from, to);
  g_autoptr(GPtrArray) checks = NULL;
  g_autoptr(GListModel) sessions = NULL;

  open_editor (fixture, 0, fixture->risotto);
  choose_date (fixture, saturday);
  g_assert_false (gtk_widget_get_visible (child (fixture, "dates_row")));
  adw_expander_row_set_enable_expansion (child (fixture, "repeats_row"), TRUE);
  set_spin (fixture, "count_spin", 4);
  g_assert_true (gtk_widget_get_visible (child (fixture, "dates_row")));

  checks = date_checks (fixture);
  g_assert_cmpuint (checks->len, ==, 4);
  for (guint i = 0; i < checks->len; i++)
    g_assert_true (gtk_check_button_get_active (g_ptr_array_index (checks, i)));
  gtk_check_button_set_active (g_ptr_array_index (checks, 1), FALSE);
  g_assert_cmpstr (atelier_session_editor_get_preview (fixture->editor), ==, expected);

  /* Another count keeps the date left out. */
  set_spin (fixture, "count_spin", 5);
  g_clear_pointer (&checks, g_ptr_array_unref);
  checks = date_checks (fixture);
  g_assert_cmpuint (checks->len, ==, 5);
  g_assert_false (gtk_check_button_get_active (g_ptr_array_index (checks, 1)));
  set_spin (fixture, "count_spin", 4);

  click_save (fixture);
  wait_until_closed (fixture);
  sessions = all_sessions (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(AtelierSession) s = g_list_model_get_item (sessions, i);
      g_autoptr(GDateTime) start = atelier_session_dup_start (s);

      g_assert_false (g_date_time_get_day_of_month (start) == g_date_time_get_day_of_month (skipped) &&
                      g_date_time_get_month (start) == g_date_time_get_month (skipped));
    }
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
            g_print ("1..0 # SKIP no display for the session editor tests\n");
            return 0;
          }
      g_printerr ("No display: skipping the session editor tests\n");
      return 77;
    }
  adw_init ();

  g_test_init (&argc, &argv, NULL);

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD_TEST ("/atelier/session-editor/defaults", test_defaults);
  ADD_TEST ("/atelier/session-editor/place-taken", test_place_taken);
  ADD_TEST ("/atelier/session-editor/enter-moves-on", test_enter_moves_on);
  ADD_TEST ("/atelier/session-editor/store-zone", test_store_zone);
  ADD_TEST ("/atelier/session-editor/invalid-times", test_invalid_times);
  ADD_TEST ("/atelier/session-editor/weekly-series", test_weekly_series);
  ADD_TEST ("/atelier/session-editor/monthly-rule", test_monthly_rule);
  ADD_TEST ("/atelier/session-editor/too-many", test_too_many);
  ADD_TEST ("/atelier/session-editor/reschedule", test_reschedule);
  ADD_TEST ("/atelier/session-editor/new-place-without-invites", test_new_place_without_invites);
  ADD_TEST ("/atelier/session-editor/capacity", test_capacity);
  ADD_TEST ("/atelier/session-editor/no-workshop", test_no_workshop);
  ADD_TEST ("/atelier/session-editor/toast-on-main-window", test_toast_on_main_window);
  ADD_TEST ("/atelier/session-editor/long-workshop-title", test_long_workshop_title);
  ADD_TEST ("/atelier/session-editor/reschedule-clears-check-ins", test_reschedule_clears_check_ins);
  ADD_TEST ("/atelier/session-editor/time-in-gap", test_time_in_gap);
  ADD_TEST ("/atelier/session-editor/skip-dates", test_skip_dates);

#undef ADD_TEST

  return g_test_run ();
}
