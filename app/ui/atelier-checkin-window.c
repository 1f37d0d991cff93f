/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-checkin-window.c: check-in mode, for the door
 *
 * One session, for the staff at the door: a large search entry that has
 * the focus from the start, how many are here, and the people signed up.
 * Typing filters the roster by name (accents and case folded); when the
 * text matches nobody signed up, the store's customer search (FTS5: names,
 * e-mail, phone) finds who it can, registered people first, and the others
 * can come in as walk-ins.
 *
 * Keyboard: whatever is typed goes to the entry; Up and Down move the
 * selection in the list while the entry keeps the focus; Enter checks in
 * the selected (or the only) match, then clears the entry for the next
 * person. Otherwise only a row's own button checks in: a tap on a row
 * (while reading or scrolling) selects it and nothing more. Each check-in
 * is announced in a toast with an Undo button.
 *
 * A party that arrives incomplete: its row's "2 of 3 came" button asks how
 * many came (atelier_booking_check_in_arrived()). A session that is not
 * today (atelier_reschedule_is_session_day()) says so under the counter, and
 * a check-in then asks first. A full session, or one with a waiting list,
 * offers "Add Seats…": the capacity goes up by atelier_booking_set_capacity(),
 * the session editor's rule, and the toast names who moved up.
 *
 * The window reads everything through the core and updates itself from
 * the store's "changed" signal, so that check-ins made elsewhere show too.
 * While another process (an import) holds the store's write lock, a
 * check-in says it waits, under the counter, and is made (and announced)
 * once the lock frees (atelier-store-wait.c).
 */
#define G_LOG_DOMAIN "atelier-checkin-window"

#include "config.h"

#include <glib/gi18n.h>

#include "atelier-booking.h"
#include "atelier-checkin-row.h"
#include "atelier-checkin-window.h"
#include "atelier-replies.h"
#include "atelier-format.h"
#include "atelier-widget-util.h"
#include "atelier-history.h"
#include "atelier-reschedule.h"
#include "atelier-search.h"
#include "atelier-store-wait.h"
#include "atelier-walk-in-dialog.h"

/* How many customers of the store are shown when nobody signed up matches */
#define SEARCH_LIMIT 20

struct _AtelierCheckinWindow
{
  AdwWindow            parent_instance;

  AtelierStore        *store;
  gint64               session_id;
  AtelierSession      *session;

  /* The session's registrations (confirmed, then waiting), filtered by
   * name, followed by what the store's search found when that is empty. */
  GListStore          *roster;
  GtkCustomFilter     *filter;
  GListStore          *others;
  GListModel          *results;
  GtkSingleSelection  *selection;

  /* Customer id → AtelierCustomer, for interests and notes */
  GHashTable          *customers;
  /* Customer id → classes attended before this session, for the roster */
  GHashTable          *attended;
  /* Registration id → what they answered from their calendar */
  GHashTable          *answers;
  char                *search_text;
  guint                reload_id;
  gboolean             customers_changed;
  AdwToast            *last_toast;
  /* The toast of the last check-in, while it shows: Ctrl+Z undoes it */
  AdwToast            *undo_toast;
  /* A check-in, written at once or once another process lets go of the
   * store; the registration to check in, and whether it was written */
  AtelierStoreWait    *wait;
  gint64               check_in_id;
  gboolean             checked_in;

  /* Template children */
  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *window_title;  /* "Check-in": the session is in the page */
  GtkLabel            *session_label;
  GtkLabel            *when_label;
  GtkWidget           *fullscreen_button;
  GtkLabel            *counter_label;
  GtkLabel            *details_label;
  GtkLabel            *day_label;
  GtkWidget           *waiting_box;
  GtkSpinner          *waiting_spinner;
  GtkWidget           *capacity_button;
  GtkSearchEntry      *search_entry;
  GtkStack            *stack;
  GtkListView         *list_view;
  AdwStatusPage       *empty_page;
  AdwStatusPage       *error_page;
};

G_DEFINE_FINAL_TYPE (AtelierCheckinWindow, atelier_checkin_window, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_SESSION_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void atelier_checkin_window_reload (AtelierCheckinWindow *self);

/* Helpers */

static AtelierCustomer *
lookup_customer (AtelierCheckinWindow *self,
                 gint64                id)
{
  AtelierCustomer *customer = g_hash_table_lookup (self->customers, &id);
  g_autoptr(GError) error = NULL;

  if (customer != NULL || id == 0)
    return customer;

  customer = atelier_store_get_customer (self->store, id, &error);
  if (customer == NULL)
    {
      g_debug ("Customer %" G_GINT64_FORMAT ": %s", id, error->message);
      return NULL;
    }

  g_hash_table_insert (self->customers, g_memdup2 (&id, sizeof id), customer);
  return customer;
}

static char *
dup_registration_name (AtelierRegistration *registration)
{
  const char *name = atelier_registration_get_customer_name (registration);

  if (atelier_str_is_empty (name))
    return g_strdup (_("Unnamed Customer"));
  return g_strdup (name);
}

static char *
format_checked_in_time (AtelierCheckinWindow *self,
                        gint64                checked_in_at)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (checked_in_at);
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (self->session != NULL)
    zone = g_time_zone_new_identifier (atelier_session_get_time_zone (self->session));
  if (zone == NULL)
    zone = g_time_zone_new_local ();
  local = g_date_time_to_timezone (utc, zone);

  /* TRANSLATORS: a time of day, in g_date_time_format() notation */
  return atelier_date_format (local, _("%H:%M"));
}

static void
on_undo_toast_dismissed_cb (AdwToast             *toast,
                            AtelierCheckinWindow *self)
{
  if (self->undo_toast != toast)
    return;

  g_clear_object (&self->undo_toast);
}

static void
show_toast (AtelierCheckinWindow *self,
            const char           *title,
            gint64                undo_registration_id)
{
  g_autofree char *markup = g_markup_escape_text (title, -1);
  AdwToast *toast = adw_toast_new (markup);

  /* At the door the newest news matters: show it at once. */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  if (undo_registration_id != 0)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "checkin.undo-check-in");
      adw_toast_set_action_target_value (toast, g_variant_new_int64 (undo_registration_id));
      g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_undo_toast_dismissed_cb), self, 0);
      g_set_object (&self->undo_toast, toast);
    }

  g_set_object (&self->last_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_error_toast (AtelierCheckinWindow *self,
                  const char           *message)
{
  gtk_widget_error_bell (GTK_WIDGET (self));
  show_toast (self, message, 0);
}

static void
reset_search (AtelierCheckinWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* The list */

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  AtelierCheckinWindow *self = user_data;
  const char *name;

  if (atelier_str_is_empty (self->search_text))
    return TRUE;

  name = atelier_registration_get_customer_name (ATELIER_REGISTRATION (item));
  return name != NULL && g_str_match_string (self->search_text, name, TRUE);
}

static guint
find_registration_of_customer (AtelierCheckinWindow *self,
                               gint64                customer_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->roster));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtelierRegistration) r = g_list_model_get_item (G_LIST_MODEL (self->roster), i);

      if (atelier_registration_get_customer_id (r) == customer_id)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

/* When no name on the roster matches, asks the store: the text may be an
 * e-mail or a phone number of someone signed up, or someone who is not. */
static void
refresh_others (AtelierCheckinWindow *self)
{
  g_autoptr(GListModel) found = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  guint n_roster = g_list_model_get_n_items (G_LIST_MODEL (self->roster));
  guint n_filtered;

  /* The flattened model's first part is the filtered roster. */
  n_filtered = g_list_model_get_n_items (self->results)
               - g_list_model_get_n_items (G_LIST_MODEL (self->others));

  if (!atelier_str_is_empty (self->search_text) && n_filtered == 0 && self->session != NULL)
    {
      found = atelier_search_customers (self->store, self->search_text, self->session_id,
                                        SEARCH_LIMIT, &error);
      if (found == NULL)
        g_warning ("Could not search the customers: %s", error->message);
    }

  for (guint i = 0; found != NULL && i < g_list_model_get_n_items (found); i++)
    {
      g_autoptr(AtelierCustomer) customer = g_list_model_get_item (found, i);
      guint position = find_registration_of_customer (self, atelier_customer_get_id (customer));

      if (position != GTK_INVALID_LIST_POSITION && position < n_roster)
        g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (self->roster), position));
      else
        g_ptr_array_add (items, g_steal_pointer (&customer));
    }

  g_list_store_splice (self->others, 0, g_list_model_get_n_items (G_LIST_MODEL (self->others)),
                       items->pdata, items->len);
}

static void
update_stack (AtelierCheckinWindow *self)
{
  if (self->session == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  if (g_list_model_get_n_items (self->results) > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }

  if (atelier_str_is_empty (self->search_text))
    {
      adw_status_page_set_title (self->empty_page, _("Nobody Signed Up Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("Add the people who come in as walk-ins."));
    }
  else
    {
      g_autofree char *title = NULL;

      /* TRANSLATORS: the search at the door found nobody; %s is what was typed */
      title = g_strdup_printf (_("No One Called “%s”"), self->search_text);
      adw_status_page_set_title (self->empty_page, title);
      adw_status_page_set_description (self->empty_page,
                                       _("Check the spelling, or add them as a walk-in."));
    }
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static gpointer
dup_selected_item (AtelierCheckinWindow *self)
{
  return gtk_single_selection_get_selected_item (self->selection) != NULL
         ? g_object_ref (gtk_single_selection_get_selected_item (self->selection))
         : NULL;
}

static gboolean
same_item (gpointer a,
           gpointer b)
{
  if (a == NULL || b == NULL || G_OBJECT_TYPE (a) != G_OBJECT_TYPE (b))
    return FALSE;
  if (ATELIER_IS_REGISTRATION (a))
    return atelier_registration_get_id (a) == atelier_registration_get_id (b);
  return atelier_customer_get_id (a) == atelier_customer_get_id (b);
}

static void
select_item (AtelierCheckinWindow *self,
             gpointer              wanted)
{
  guint n = g_list_model_get_n_items (self->results);

  for (guint i = 0; wanted != NULL && i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (self->results, i);

      if (same_item (item, wanted))
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

static void
scroll_to (AtelierCheckinWindow *self,
           guint                 position)
{
  if (position == GTK_INVALID_LIST_POSITION)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

static void
move_selection (AtelierCheckinWindow *self,
                int                   delta)
{
  guint n = g_list_model_get_n_items (self->results);
  guint selected = gtk_single_selection_get_selected (self->selection);
  gint64 position;

  if (n == 0)
    return;

  if (selected == GTK_INVALID_LIST_POSITION)
    position = delta > 0 ? 0 : n - 1;
  else
    position = CLAMP ((gint64) selected + delta, 0, (gint64) n - 1);

  gtk_single_selection_set_selected (self->selection, position);
  scroll_to (self, position);
}

/* Reading the store */

static gboolean
registration_equal (AtelierRegistration *a,
                    AtelierRegistration *b)
{
  return atelier_registration_get_id (a) == atelier_registration_get_id (b)
         && g_strcmp0 (atelier_registration_get_status (a), atelier_registration_get_status (b)) == 0
         && atelier_registration_get_checked_in_at (a) == atelier_registration_get_checked_in_at (b)
         && atelier_registration_get_arrived (a) == atelier_registration_get_arrived (b)
         && atelier_registration_get_party_size (a) == atelier_registration_get_party_size (b)
         && atelier_registration_get_waitlist_position (a) == atelier_registration_get_waitlist_position (b)
         && g_strcmp0 (atelier_registration_get_customer_name (a),
                       atelier_registration_get_customer_name (b)) == 0
         && g_strcmp0 (atelier_registration_get_note (a), atelier_registration_get_note (b)) == 0;
}

/* Replaces the roster with @fresh; when the same people are listed in the
 * same order, only the rows that changed are replaced, so the list keeps
 * its place. */
static void
update_roster (AtelierCheckinWindow *self,
               GPtrArray            *fresh,
               gboolean              rebind_all)
{
  GListModel *roster = G_LIST_MODEL (self->roster);
  guint n = g_list_model_get_n_items (roster);
  gboolean same_people = n == fresh->len;

  for (guint i = 0; same_people && i < n; i++)
    {
      g_autoptr(AtelierRegistration) old = g_list_model_get_item (roster, i);

      same_people = atelier_registration_get_id (old) == atelier_registration_get_id (fresh->pdata[i]);
    }

  if (!same_people)
    {
      g_list_store_splice (self->roster, 0, n, fresh->pdata, fresh->len);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtelierRegistration) old = g_list_model_get_item (roster, i);

      if (rebind_all || !registration_equal (old, fresh->pdata[i]))
        g_list_store_splice (self->roster, i, 1, &fresh->pdata[i], 1);
    }
}

static void
update_counter (AtelierCheckinWindow *self)
{
  AtelierSessionSummary summary = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) details = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *counter = NULL;

  if (!atelier_booking_summarize (self->store, self->session_id, &summary, &error))
    {
      g_warning ("Could not count the session's seats: %s", error->message);
      gtk_label_set_label (self->counter_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->details_label), FALSE);
      return;
    }

  /* TRANSLATORS: the counter at the door: seats checked in of the seats
   * confirmed, e.g. "12 of 16 here" */
  counter = g_strdup_printf (ngettext ("%d of %d here", "%d of %d here", summary.confirmed_seats),
                             summary.checked_in_seats, summary.confirmed_seats);
  gtk_label_set_label (self->counter_label, counter);

  if (summary.ended)
    /* TRANSLATORS: under the counter at the door, once the session is over */
    g_ptr_array_add (details, g_strdup_printf (ngettext ("Over: %d no-show", "Over: %d no-shows",
                                                         summary.no_show_seats),
                                               summary.no_show_seats));
  if (summary.waiting_parties > 0)
    /* TRANSLATORS: under the counter at the door */
    g_ptr_array_add (details, g_strdup_printf (ngettext ("%d party on the waiting list",
                                                         "%d parties on the waiting list",
                                                         summary.waiting_parties),
                                               summary.waiting_parties));
  gtk_widget_set_visible (self->capacity_button,
                          !summary.ended
                          && (summary.confirmed_seats >= summary.capacity || summary.waiting_parties > 0));
  if (summary.confirmed_seats >= summary.capacity)
    /* TRANSLATORS: under the counter at the door, e.g. "Full (16 seats)" */
    g_ptr_array_add (details, g_strdup_printf (ngettext ("Full (%d seat)", "Full (%d seats)",
                                                         summary.capacity),
                                               summary.capacity));
  else
    /* TRANSLATORS: under the counter at the door: seats nobody took */
    g_ptr_array_add (details, g_strdup_printf (ngettext ("%d seat free", "%d seats free",
                                                         summary.capacity - summary.confirmed_seats),
                                               summary.capacity - summary.confirmed_seats));

  g_ptr_array_add (details, NULL);
  {
    /* TRANSLATORS: the separator between the facts under the counter */
    g_autofree char *text = g_strjoinv (_(" · "), (char **) details->pdata);

    gtk_label_set_label (self->details_label, text);
    gtk_widget_set_visible (GTK_WIDGET (self->details_label), *text != '\0');
  }
}

/* "Saturday 12 December", the session's day on its own clock */
static char *
format_session_day (AtelierSession *session)
{
  g_autoptr(GDateTime) start = atelier_session_dup_start (session);

  /* TRANSLATORS: a day, in g_date_time_format() notation, e.g.
   * "Saturday 12 December" */
  return atelier_date_format (start, _("%A %-d %B"));
}

static gboolean
is_session_day (AtelierCheckinWindow *self)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  return self->session == NULL || atelier_reschedule_is_session_day (self->session, now);
}

static void
update_day (AtelierCheckinWindow *self)
{
  g_autofree char *day = NULL;
  g_autofree char *text = NULL;

  if (is_session_day (self))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->day_label), FALSE);
      return;
    }

  day = format_session_day (self->session);
  /* TRANSLATORS: under the counter at the door, e.g. "This session is on
   * Saturday 12 December, not today" */
  text = g_strdup_printf (_("This session is on %s, not today"), day);
  gtk_label_set_label (self->day_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->day_label), TRUE);
}

static void
show_session_error (AtelierCheckinWindow *self,
                    const char           *message)
{
  g_autofree char *description = g_markup_escape_text (message, -1);

  adw_status_page_set_description (self->error_page, description);
  gtk_label_set_label (self->counter_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->details_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->day_label), FALSE);
  gtk_widget_set_visible (self->capacity_button, FALSE);
  if (gtk_window_get_focus (GTK_WINDOW (self)) != NULL
      && gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (self)),
                                 GTK_WIDGET (self->search_entry)))
    gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checkin.walk-in", FALSE);
  update_stack (self);
}

static void
atelier_checkin_window_reload (AtelierCheckinWindow *self)
{
  g_autoptr(AtelierSession) session = NULL;
  g_autoptr(GListModel) registrations = NULL;
  g_autoptr(GPtrArray) fresh = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) selected = NULL;
  g_autofree char *title = NULL;
  g_autofree char *when = NULL;
  const char *workshop;
  gboolean rebind_all = self->customers_changed;

  g_clear_handle_id (&self->reload_id, g_source_remove);
  self->customers_changed = FALSE;

  session = atelier_store_get_session (self->store, self->session_id, &error);
  if (session == NULL)
    {
      g_clear_object (&self->session);
      show_session_error (self, error->message);
      return;
    }
  g_set_object (&self->session, session);
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checkin.walk-in", TRUE);

  workshop = atelier_session_get_workshop_title (session);
  if (atelier_str_is_empty (workshop))
    workshop = _("Untitled Workshop");
  /* TRANSLATORS: the title of the check-in window, e.g.
   * "Check-in — Risotto aux cèpes" */
  title = g_strdup_printf (_("Check-in — %s"), workshop);
  when = atelier_format_session_when (session, ATELIER_WHEN_PLAIN);
  gtk_label_set_label (self->session_label, workshop);
  gtk_label_set_label (self->when_label, when);
  gtk_window_set_title (GTK_WINDOW (self), title);

  update_counter (self);
  update_day (self);

  registrations = atelier_store_list_registrations (self->store, self->session_id, &error);
  if (registrations == NULL)
    {
      show_session_error (self, error->message);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (registrations); i++)
    {
      AtelierRegistration *r = g_list_model_get_item (registrations, i);

      if (g_strcmp0 (atelier_registration_get_status (r), ATELIER_REGISTRATION_CANCELLED) == 0)
        g_object_unref (r);
      else
        g_ptr_array_add (fresh, r);
    }

  g_clear_pointer (&self->attended, g_hash_table_unref);
  g_clear_pointer (&self->answers, g_hash_table_unref);
  self->attended = atelier_history_attended_before (self->store, self->session_id, &error);
  if (self->attended == NULL)
    {
      /* The card then says nothing of the past; the rest still works. */
      g_warning ("Could not count the classes attended: %s", error->message);
      g_clear_error (&error);
    }

  selected = dup_selected_item (self);
  update_roster (self, fresh, rebind_all);
  refresh_others (self);
  select_item (self, selected);
  update_stack (self);
}

static gboolean
reload_cb (gpointer user_data)
{
  AtelierCheckinWindow *self = user_data;

  self->reload_id = 0;
  atelier_checkin_window_reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (AtelierCheckinWindow *self,
                     const char           *table,
                     AtelierStore         *store)
{
  if (g_strcmp0 (table, "customers") == 0)
    {
      g_hash_table_remove_all (self->customers);
      self->customers_changed = TRUE;
    }
  else if (g_strcmp0 (table, "registrations") != 0
           && g_strcmp0 (table, "sessions") != 0
           && g_strcmp0 (table, "workshops") != 0)
    return;

  /* Writes come in bursts (an import, a walk-in): read once after them. */
  if (self->reload_id == 0)
    self->reload_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, reload_cb, self, NULL);
}

/* Acting on people */

static gboolean
write_check_in (gpointer   user_data,
                GError   **error)
{
  AtelierCheckinWindow *self = user_data;
  g_autoptr(AtelierRegistration) registration = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  registration = atelier_booking_check_in (self->store, self->check_in_id, error);
  if (registration == NULL)
    return FALSE;

  name = dup_registration_name (registration);
  /* TRANSLATORS: a toast at the door, e.g. "Zoé Martin checked in" */
  title = g_strdup_printf (_("%s checked in"), name);
  show_toast (self, title, self->check_in_id);
  self->checked_in = TRUE;
  return TRUE;
}

static void
on_check_in_finished_cb (AtelierCheckinWindow *self,
                         const GError         *error)
{
  if (error != NULL)
    show_error_toast (self, error->message);
}

static void
on_waiting_changed_cb (AtelierCheckinWindow *self)
{
  gboolean waiting = atelier_store_wait_get_waiting (self->wait);

  gtk_widget_set_visible (self->waiting_box, waiting);
  gtk_spinner_set_spinning (self->waiting_spinner, waiting);
}

/* Returns: whether the person was checked in at once; a check-in that
 * waits for the store is announced when it is made. */
static gboolean
check_in_now (AtelierCheckinWindow *self,
              gint64                registration_id)
{
  /* One at a time: the staff see that the last one waits. */
  if (atelier_store_wait_get_waiting (self->wait))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }

  self->check_in_id = registration_id;
  self->checked_in = FALSE;
  atelier_store_wait_run (self->wait, write_check_in, self);
  return self->checked_in;
}

/* What a question to the staff is about, until they answer */
typedef struct
{
  AtelierCheckinWindow *self;
  gint64                registration_id;
  GtkSpinButton        *spin;
} Question;

static Question *
question_new (AtelierCheckinWindow *self,
              gint64                registration_id)
{
  Question *question = g_new0 (Question, 1);

  question->self = g_object_ref (self);
  question->registration_id = registration_id;
  return question;
}

static void
question_free (gpointer  data,
               GClosure *closure)
{
  Question *question = data;

  g_object_unref (question->self);
  g_free (question);
}

static AdwMessageDialog *
new_question_dialog (AtelierCheckinWindow *self,
                     const char           *heading,
                     const char           *body,
                     const char           *response,
                     const char           *response_label)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));

  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    response, response_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, response, ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, response);
  adw_message_dialog_set_close_response (dialog, "cancel");
  return dialog;
}

/* A spin button from @lower to @upper, under a dialog's text */
static GtkSpinButton *
add_spin_button (AdwMessageDialog *dialog,
                 int               lower,
                 int               upper,
                 int               value,
                 const char       *accessible_label)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (lower, upper, 1);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_widget_set_halign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);
  adw_message_dialog_set_extra_child (dialog, spin);
  return GTK_SPIN_BUTTON (spin);
}

static void
on_check_in_answered_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         Question         *question)
{
  if (g_strcmp0 (response, "check-in") == 0
      && check_in_now (question->self, question->registration_id))
    reset_search (question->self);
}

/* Outside the session's day a check-in is most likely a slip (the wrong
 * session, or a test): the staff are asked first. Returns whether the
 * person was checked in at once. */
static gboolean
check_in (AtelierCheckinWindow *self,
          gint64                registration_id)
{
  g_autoptr(AtelierRegistration) registration = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *day = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (is_session_day (self))
    return check_in_now (self, registration_id);

  registration = atelier_store_get_registration (self->store, registration_id, &error);
  if (registration == NULL)
    {
      show_error_toast (self, error->message);
      return FALSE;
    }

  name = dup_registration_name (registration);
  day = format_session_day (self->session);
  /* TRANSLATORS: asked before a check-in outside the session's day; the
   * day, then the person, e.g. "This session is on Saturday 12 December,
   * not today. Check Zoé Martin in all the same?" */
  body = g_strdup_printf (_("This session is on %s, not today. Check %s in all the same?"), day, name);
  dialog = new_question_dialog (self, _("Check In on Another Day?"), body,
                                "check-in", _("Check _In"));
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_check_in_answered_cb),
                         question_new (self, registration_id), question_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return FALSE;
}

static void
on_arrived_answered_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        Question         *question)
{
  AtelierCheckinWindow *self = question->self;
  g_autoptr(AtelierRegistration) registration = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  int arrived;

  if (g_strcmp0 (response, "save") != 0)
    return;

  gtk_spin_button_update (question->spin);
  arrived = gtk_spin_button_get_value_as_int (question->spin);
  registration = atelier_booking_check_in_arrived (self->store, question->registration_id,
                                                   arrived, &error);
  if (registration == NULL)
    {
      show_error_toast (self, error->message);
      return;
    }

  name = dup_registration_name (registration);
  /* TRANSLATORS: a toast at the door, e.g. "Zoé Martin: 2 of 3 came" */
  title = g_strdup_printf (ngettext ("%s: %d of %d came", "%s: %d of %d came",
                                     atelier_registration_get_party_size (registration)),
                           name, arrived, atelier_registration_get_party_size (registration));
  show_toast (self, title, 0);
}

/* Asks how many of a party came. */
static AdwMessageDialog *
ask_arrived (AtelierCheckinWindow *self,
             gint64                registration_id)
{
  g_autoptr(AtelierRegistration) registration = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  Question *question;
  int party_size;
  int arrived;

  registration = atelier_store_get_registration (self->store, registration_id, &error);
  if (registration == NULL)
    {
      show_error_toast (self, error->message);
      return NULL;
    }

  name = dup_registration_name (registration);
  party_size = atelier_registration_get_party_size (registration);
  arrived = atelier_registration_count_arrived (registration);
  /* TRANSLATORS: the party's size and its customer, e.g. "Of the party of
   * 3 of Zoé Martin, how many came? Their seats stay taken." */
  body = g_strdup_printf (ngettext ("Of the party of %d of %s, how many came? Their seats stay taken.",
                                    "Of the party of %d of %s, how many came? Their seats stay taken.",
                                    party_size),
                          party_size, name);
  dialog = new_question_dialog (self, _("How Many Came?"), body, "save", _("_Save"));
  question = question_new (self, registration_id);
  question->spin = add_spin_button (dialog, 1, party_size, arrived > 0 ? arrived : party_size,
                                    _("People Who Came"));
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_arrived_answered_cb),
                         question, question_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* "Chloé Petit, Hugo Moreau" */
static char *
join_names (GListModel *registrations)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (registrations); i++)
    {
      g_autoptr(AtelierRegistration) registration = g_list_model_get_item (registrations, i);

      g_ptr_array_add (names, dup_registration_name (registration));
    }
  g_ptr_array_add (names, NULL);

  /* TRANSLATORS: the separator between names in a toast */
  return g_strjoinv (_(", "), (char **) names->pdata);
}

static void
on_capacity_answered_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         Question         *question)
{
  AtelierCheckinWindow *self = question->self;
  g_autoptr(GListModel) promoted = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  int capacity;

  if (g_strcmp0 (response, "save") != 0)
    return;

  gtk_spin_button_update (question->spin);
  capacity = gtk_spin_button_get_value_as_int (question->spin);
  if (!atelier_booking_set_capacity (self->store, self->session_id, capacity, &promoted, &error))
    {
      show_error_toast (self, error->message);
      return;
    }

  if (g_list_model_get_n_items (promoted) > 0)
    {
      g_autofree char *names = join_names (promoted);

      /* TRANSLATORS: a toast at the door after seats were added, e.g.
       * "8 seats: Chloé Petit confirmed from the waiting list" */
      title = g_strdup_printf (ngettext ("%d seat: %s confirmed from the waiting list",
                                         "%d seats: %s confirmed from the waiting list",
                                         capacity),
                               capacity, names);
    }
  else
    /* TRANSLATORS: a toast at the door after seats were added */
    title = g_strdup_printf (ngettext ("%d seat now", "%d seats now", capacity), capacity);
  show_toast (self, title, 0);
}

/* Asks for the session's new number of seats. */
static AdwMessageDialog *
ask_capacity (AtelierCheckinWindow *self)
{
  AtelierSessionSummary summary = { 0 };
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  Question *question;

  if (self->session == NULL)
    return NULL;
  if (!atelier_booking_summarize (self->store, self->session_id, &summary, &error))
    {
      show_error_toast (self, error->message);
      return NULL;
    }

  dialog = new_question_dialog (self, _("Add Seats"),
                                _("How many seats does the session have now? The waiting list "
                                  "moves up in order into the new seats."),
                                "save", _("_Save"));
  question = question_new (self, 0);
  question->spin = add_spin_button (dialog, summary.confirmed_seats, 9999,
                                    MAX (summary.capacity, summary.confirmed_seats) + 1,
                                    _("Seats"));
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_capacity_answered_cb),
                         question, question_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
open_walk_in (AtelierCheckinWindow *self,
              gint64                customer_id)
{
  AtelierCustomer *customer = NULL;

  if (customer_id != 0)
    {
      customer = lookup_customer (self, customer_id);
      if (customer == NULL)
        return;
    }

  atelier_checkin_window_open_walk_in (self, customer);
}

/* Does what a tap on the item, or Enter, means: checks a confirmed person
 * in, or offers a walk-in to someone not signed up. Returns whether the
 * entry can be cleared for the next person. */
static gboolean
act_on (AtelierCheckinWindow *self,
        GObject              *item)
{
  AtelierRegistration *registration;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (ATELIER_IS_CUSTOMER (item))
    {
      open_walk_in (self, atelier_customer_get_id (ATELIER_CUSTOMER (item)));
      return FALSE;
    }

  registration = ATELIER_REGISTRATION (item);
  name = dup_registration_name (registration);

  if (g_strcmp0 (atelier_registration_get_status (registration),
                 ATELIER_REGISTRATION_WAITLISTED) == 0)
    {
      /* TRANSLATORS: a toast at the door, for someone on the waiting list
       * (their position in it), e.g. "Zoé Martin is on the waiting list (2),
       * not checked in"; a toast is short and ends with no period */
      message = g_strdup_printf (_("%s is on the waiting list (%d), not checked in"),
                                 name, atelier_registration_get_waitlist_position (registration));
      show_error_toast (self, message);
      return FALSE;
    }

  if (atelier_registration_get_checked_in_at (registration) != 0)
    {
      g_autofree char *time = format_checked_in_time (self, atelier_registration_get_checked_in_at (registration));

      /* TRANSLATORS: at the door, e.g. "Zoé Martin is already here (since 18:32)" */
      message = g_strdup_printf (_("%s is already here (since %s)"), name, time);
      show_toast (self, message, 0);
      return TRUE;
    }

  return check_in (self, atelier_registration_get_id (registration));
}

static void
act_on_position (AtelierCheckinWindow *self,
                 guint                 position)
{
  g_autoptr(GObject) item = g_list_model_get_item (self->results, position);

  if (item == NULL)
    return;

  gtk_single_selection_set_selected (self->selection, position);
  if (act_on (self, item))
    reset_search (self);
}

/* Callbacks */

/* The first match still expected at the door (confirmed, not here yet),
 * or the first match if everyone matching is already here. */
static guint
first_expected (AtelierCheckinWindow *self)
{
  guint n = g_list_model_get_n_items (self->results);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (self->results, i);

      if (ATELIER_IS_REGISTRATION (item)
          && g_strcmp0 (atelier_registration_get_status (ATELIER_REGISTRATION (item)),
                        ATELIER_REGISTRATION_CONFIRMED) == 0
          && atelier_registration_get_checked_in_at (ATELIER_REGISTRATION (item)) == 0)
        return i;
    }

  return 0;
}

static void
on_search_changed_cb (AtelierCheckinWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  if (g_strcmp0 (stripped, self->search_text) == 0)
    return;

  if (self->search_text != NULL && g_str_has_prefix (stripped, self->search_text))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (self->search_text != NULL && g_str_has_prefix (self->search_text, stripped))
    change = GTK_FILTER_CHANGE_LESS_STRICT;

  g_free (self->search_text);
  self->search_text = g_steal_pointer (&stripped);

  gtk_filter_changed (GTK_FILTER (self->filter), change);
  refresh_others (self);

  /* Something typed: the best match is the one Enter checks in. Nothing
   * typed: Enter does nothing until a row is picked with the arrows. */
  if (!atelier_str_is_empty (self->search_text) && g_list_model_get_n_items (self->results) > 0)
    {
      guint best = first_expected (self);

      gtk_single_selection_set_selected (self->selection, best);
      scroll_to (self, best);
    }
  else
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  update_stack (self);
}

static void
on_search_activate_cb (AtelierCheckinWindow *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);

  if (position == GTK_INVALID_LIST_POSITION && !atelier_str_is_empty (self->search_text)
      && g_list_model_get_n_items (self->results) == 1)
    position = 0;

  if (position == GTK_INVALID_LIST_POSITION)
    {
      gtk_widget_error_bell (GTK_WIDGET (self->search_entry));
      return;
    }

  act_on_position (self, position);
}

static void
on_stop_search_cb (AtelierCheckinWindow *self)
{
  reset_search (self);
}

static gboolean
on_search_key_pressed_cb (AtelierCheckinWindow  *self,
                          guint                  keyval,
                          guint                  keycode,
                          GdkModifierType        state,
                          GtkEventControllerKey *controller)
{
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK))
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move_selection (self, 1);
      return GDK_EVENT_STOP;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move_selection (self, -1);
      return GDK_EVENT_STOP;

    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      move_selection (self, 5);
      return GDK_EVENT_STOP;

    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      move_selection (self, -5);
      return GDK_EVENT_STOP;

    default:
      return GDK_EVENT_PROPAGATE;
    }
}

/* A double click or Enter on a row selects it, so that Enter in the
 * search then acts on it; checking in stays the row button's job. */
static void
on_list_activate_cb (AtelierCheckinWindow *self,
                     guint                 position)
{
  gtk_single_selection_set_selected (self->selection, position);
}
static void
on_walk_in_checked_in_cb (AtelierCheckinWindow *self,
                          AtelierRegistration  *registration)
{
  g_autofree char *name = dup_registration_name (registration);
  g_autofree char *title = NULL;

  /* TRANSLATORS: a toast at the door, e.g. "Zoé Martin checked in as a walk-in" */
  title = g_strdup_printf (_("%s checked in as a walk-in"), name);
  show_toast (self, title, 0);
  reset_search (self);
}

static void
on_fullscreened_cb (AtelierCheckinWindow *self)
{
  gboolean fullscreen = gtk_window_is_fullscreen (GTK_WINDOW (self));

  gtk_button_set_icon_name (GTK_BUTTON (self->fullscreen_button),
                            fullscreen ? "view-restore-symbolic" : "view-fullscreen-symbolic");
  gtk_widget_set_tooltip_text (self->fullscreen_button,
                               fullscreen ? _("Leave Full Screen (F11)") : _("Full Screen (F11)"));
}

/* List items */

static void
on_setup_item_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  AtelierCheckinWindow     *self)
{
  gtk_list_item_set_child (list_item, atelier_checkin_row_new ());
}

/* How many classes the person came to before, for "First class" or
 * "2 classes before"; -1 when unknown. */
static int
previous_classes (AtelierCheckinWindow *self,
                  GObject              *item)
{
  AtelierCustomerHistory history = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 id;
  int attended;

  if (ATELIER_IS_REGISTRATION (item))
    {
      id = atelier_registration_get_customer_id (ATELIER_REGISTRATION (item));
      if (self->attended == NULL)
        return -1;
      return GPOINTER_TO_INT (g_hash_table_lookup (self->attended, &id));
    }

  /* Someone not signed up, found in the store: a few at most. */
  id = atelier_customer_get_id (ATELIER_CUSTOMER (item));
  if (!atelier_history_for_customer (self->store, id, &history, &error))
    {
      g_debug ("History of customer %" G_GINT64_FORMAT ": %s", id, error->message);
      return -1;
    }
  attended = history.attended;
  atelier_customer_history_clear (&history);
  return attended;
}

/* "Said yes on 3 May": read once per reload, for the cards. */
static const char *
lookup_answer (AtelierCheckinWindow *self,
               gint64                registration_id)
{
  if (self->answers == NULL)
    {
      g_autoptr(GListModel) answers = NULL;

      self->answers = g_hash_table_new_full (NULL, NULL, NULL, g_free);
      answers = atelier_replies_list_answers (self->store, self->session_id, NULL);
      for (guint i = 0; answers != NULL && i < g_list_model_get_n_items (answers); i++)
        {
          g_autoptr(AtelierReply) reply = g_list_model_get_item (answers, i);

          g_hash_table_insert (self->answers, GINT_TO_POINTER (atelier_reply_get_registration_id (reply)),
                               atelier_reply_format_mark (reply));
        }
    }
  return g_hash_table_lookup (self->answers, GINT_TO_POINTER (registration_id));
}

static void
on_bind_item_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 AtelierCheckinWindow     *self)
{
  AtelierCheckinRow *row = ATELIER_CHECKIN_ROW (gtk_list_item_get_child (list_item));
  GObject *item = gtk_list_item_get_item (list_item);

  atelier_checkin_row_set_time_zone (row, self->session != NULL
                                          ? atelier_session_get_time_zone (self->session)
                                          : NULL);
  if (ATELIER_IS_REGISTRATION (item))
    {
      AtelierRegistration *registration = ATELIER_REGISTRATION (item);

      atelier_checkin_row_set_answer (row, lookup_answer (self, atelier_registration_get_id (registration)));
      atelier_checkin_row_set_person (row, registration,
                                      lookup_customer (self, atelier_registration_get_customer_id (registration)));
    }
  else
    {
      atelier_checkin_row_set_answer (row, NULL);
      atelier_checkin_row_set_person (row, NULL, ATELIER_CUSTOMER (item));
    }

  atelier_checkin_row_set_previous_classes (row, previous_classes (self, item));
}

static void
on_unbind_item_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   AtelierCheckinWindow     *self)
{
  atelier_checkin_row_set_person (ATELIER_CHECKIN_ROW (gtk_list_item_get_child (list_item)),
                                  NULL, NULL);
}

/* Actions */

static void
check_in_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AtelierCheckinWindow *self = ATELIER_CHECKIN_WINDOW (widget);

  if (check_in (self, g_variant_get_int64 (parameter)))
    reset_search (self);
}

static void
undo_check_in_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AtelierCheckinWindow *self = ATELIER_CHECKIN_WINDOW (widget);
  g_autoptr(AtelierRegistration) registration = NULL;
  g_autoptr(GError) error = NULL;

  registration = atelier_booking_undo_check_in (self->store, g_variant_get_int64 (parameter),
                                                &error);
  if (registration == NULL)
    show_error_toast (self, error->message);
  else if (self->undo_toast != NULL
           && g_variant_get_int64 (adw_toast_get_action_target_value (self->undo_toast))
              == g_variant_get_int64 (parameter))
    /* Undone from the row: the toast has nothing left to undo. */
    adw_toast_dismiss (self->undo_toast);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Ctrl+Z: the keyboard's way to the toast's Undo, which Tab reaches only
 * after every row's button. %FALSE (nothing to undo) leaves the key to the
 * entry. */
static gboolean
undo_last_cb (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  AtelierCheckinWindow *self = ATELIER_CHECKIN_WINDOW (widget);
  g_autoptr(AdwToast) toast = g_steal_pointer (&self->undo_toast);

  if (toast == NULL)
    return FALSE;

  gtk_widget_activate_action_variant (widget, adw_toast_get_action_name (toast),
                                      adw_toast_get_action_target_value (toast));
  adw_toast_dismiss (toast);
  return TRUE;
}

static void
arrived_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ask_arrived (ATELIER_CHECKIN_WINDOW (widget), g_variant_get_int64 (parameter));
}

static void
raise_capacity_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ask_capacity (ATELIER_CHECKIN_WINDOW (widget));
}

static void
walk_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  atelier_checkin_window_open_walk_in (ATELIER_CHECKIN_WINDOW (widget), NULL);
}

static void
walk_in_customer_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  open_walk_in (ATELIER_CHECKIN_WINDOW (widget), g_variant_get_int64 (parameter));
}

static void
toggle_fullscreen_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  if (gtk_window_is_fullscreen (GTK_WINDOW (widget)))
    gtk_window_unfullscreen (GTK_WINDOW (widget));
  else
    gtk_window_fullscreen (GTK_WINDOW (widget));
}

/* GObject */

static void
atelier_checkin_window_constructed (GObject *object)
{
  AtelierCheckinWindow *self = ATELIER_CHECKIN_WINDOW (object);

  G_OBJECT_CLASS (atelier_checkin_window_parent_class)->constructed (object);

  self->wait = atelier_store_wait_new (self->store);
  g_signal_connect_object (self->wait, "finished", G_CALLBACK (on_check_in_finished_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->wait, "notify::waiting", G_CALLBACK (on_waiting_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  atelier_checkin_window_reload (self);
}

static void
atelier_checkin_window_dispose (GObject *object)
{
  AtelierCheckinWindow *self = ATELIER_CHECKIN_WINDOW (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->wait != NULL)
    atelier_store_wait_cancel (self->wait);
  g_clear_object (&self->wait);
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATELIER_TYPE_CHECKIN_WINDOW);

  g_clear_object (&self->selection);
  g_clear_object (&self->results);
  g_clear_object (&self->others);
  g_clear_object (&self->filter);
  g_clear_object (&self->roster);
  g_clear_object (&self->last_toast);
  g_clear_object (&self->undo_toast);
  g_clear_object (&self->session);
  g_clear_object (&self->store);
  g_clear_pointer (&self->customers, g_hash_table_unref);
  g_clear_pointer (&self->attended, g_hash_table_unref);
  g_clear_pointer (&self->answers, g_hash_table_unref);

  G_OBJECT_CLASS (atelier_checkin_window_parent_class)->dispose (object);
}

static void
atelier_checkin_window_finalize (GObject *object)
{
  AtelierCheckinWindow *self = ATELIER_CHECKIN_WINDOW (object);

  g_free (self->search_text);

  G_OBJECT_CLASS (atelier_checkin_window_parent_class)->finalize (object);
}

static void
atelier_checkin_window_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  AtelierCheckinWindow *self = ATELIER_CHECKIN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SESSION_ID:
      g_value_set_int64 (value, self->session_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_checkin_window_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  AtelierCheckinWindow *self = ATELIER_CHECKIN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_SESSION_ID:
      self->session_id = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_checkin_window_class_init (AtelierCheckinWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = atelier_checkin_window_constructed;
  object_class->dispose = atelier_checkin_window_dispose;
  object_class->finalize = atelier_checkin_window_finalize;
  object_class->get_property = atelier_checkin_window_get_property;
  object_class->set_property = atelier_checkin_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ATELIER_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SESSION_ID] =
    g_param_spec_int64 ("session-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ateliers/Atelier/ui/atelier-checkin-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AtelierCheckinWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AtelierCheckinWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, AtelierCheckinWindow, session_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierCheckinWindow, when_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierCheckinWindow, fullscreen_button);
  gtk_widget_class_bind_template_child (widget_class, AtelierCheckinWindow, counter_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierCheckinWindow, details_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierCheckinWindow, day_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierCheckinWindow, waiting_box);
  gtk_widget_class_bind_template_child (widget_class, AtelierCheckinWindow, waiting_spinner);
  gtk_widget_class_bind_template_child (widget_class, AtelierCheckinWindow, capacity_button);
  gtk_widget_class_bind_template_child (widget_class, AtelierCheckinWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AtelierCheckinWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, AtelierCheckinWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, AtelierCheckinWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, AtelierCheckinWindow, error_page);

  gtk_widget_class_install_action (widget_class, "checkin.check-in", "x", check_in_action);
  gtk_widget_class_install_action (widget_class, "checkin.undo-check-in", "x", undo_check_in_action);
  gtk_widget_class_install_action (widget_class, "checkin.arrived", "x", arrived_action);
  gtk_widget_class_install_action (widget_class, "checkin.raise-capacity", NULL, raise_capacity_action);
  gtk_widget_class_install_action (widget_class, "checkin.walk-in", NULL, walk_in_action);
  gtk_widget_class_install_action (widget_class, "checkin.walk-in-customer", "x",
                                   walk_in_customer_action);
  gtk_widget_class_install_action (widget_class, "checkin.toggle-fullscreen", NULL,
                                   toggle_fullscreen_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0,
                                       "checkin.toggle-fullscreen", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
  /* The header's walk-in button shows no mnemonic (it is an icon). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "checkin.walk-in", NULL);
}

static void
atelier_checkin_window_init (AtelierCheckinWindow *self)
{
  GtkListItemFactory *factory;
  GtkEventController *controller;
  GtkEventController *shortcuts;
  g_autoptr(GListStore) parts = NULL;
  GtkFilterListModel *filtered;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->customers = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);

  self->roster = g_list_store_new (ATELIER_TYPE_REGISTRATION);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->roster)),
                                        GTK_FILTER (g_object_ref (self->filter)));
  self->others = g_list_store_new (G_TYPE_OBJECT);

  parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_list_store_append (parts, filtered);
  g_list_store_append (parts, self->others);
  g_object_unref (filtered);
  self->results = G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&parts))));

  self->selection = gtk_single_selection_new (g_object_ref (self->results));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_item_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_item_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind_item_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_swapped (self->list_view, "activate", G_CALLBACK (on_list_activate_cb), self);
  g_signal_connect_swapped (self->search_entry, "changed", G_CALLBACK (on_search_changed_cb), self);
  g_signal_connect_swapped (self->search_entry, "activate", G_CALLBACK (on_search_activate_cb), self);
  g_signal_connect_swapped (self->search_entry, "stop-search", G_CALLBACK (on_stop_search_cb), self);
  g_signal_connect (self, "notify::fullscreened", G_CALLBACK (on_fullscreened_cb), NULL);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (on_search_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), controller);

  /* Ctrl+Z undoes the last check-in while its toast shows, before the
   * entry sees the key; otherwise the entry undoes typing as usual. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>z"),
                                                          gtk_callback_action_new (undo_last_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  /* Typing anywhere in the window goes to the entry, which starts with the
   * focus. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->search_entry));
}

/**
 * atelier_checkin_window_new:
 * @parent: (nullable): the window it was opened from
 *
 * Returns: (transfer floating): the check-in window of @session_id
 */
GtkWidget *
atelier_checkin_window_new (GtkWindow    *parent,
                            AtelierStore *store,
                            gint64        session_id)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  return g_object_new (ATELIER_TYPE_CHECKIN_WINDOW,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       "store", store,
                       "session-id", session_id,
                       NULL);
}

AtelierStore *
atelier_checkin_window_get_store (AtelierCheckinWindow *self)
{
  g_return_val_if_fail (ATELIER_IS_CHECKIN_WINDOW (self), NULL);

  return self->store;
}

gint64
atelier_checkin_window_get_session_id (AtelierCheckinWindow *self)
{
  g_return_val_if_fail (ATELIER_IS_CHECKIN_WINDOW (self), 0);

  return self->session_id;
}

/**
 * atelier_checkin_window_get_results:
 *
 * Returns: (transfer none): what the list shows: #AtelierRegistration
 *   items of the session, then #AtelierCustomer items of the store who are
 *   not signed up (only when the search matches nobody signed up)
 */
GListModel *
atelier_checkin_window_get_results (AtelierCheckinWindow *self)
{
  g_return_val_if_fail (ATELIER_IS_CHECKIN_WINDOW (self), NULL);

  return G_LIST_MODEL (self->selection);
}

/**
 * atelier_checkin_window_get_last_toast:
 *
 * Returns: (transfer none) (nullable): the last toast shown, for tests
 */
AdwToast *
atelier_checkin_window_get_last_toast (AtelierCheckinWindow *self)
{
  g_return_val_if_fail (ATELIER_IS_CHECKIN_WINDOW (self), NULL);

  return self->last_toast;
}

/**
 * atelier_checkin_window_open_walk_in:
 * @customer: (nullable): a customer of the store, or %NULL for a new one
 *   (named after what was typed, if anything)
 *
 * Returns: (transfer none): the walk-in dialog, presented
 */
GtkWidget *
atelier_checkin_window_open_walk_in (AtelierCheckinWindow *self,
                                     AtelierCustomer      *customer)
{
  GtkWidget *dialog;

  g_return_val_if_fail (ATELIER_IS_CHECKIN_WINDOW (self), NULL);
  g_return_val_if_fail (customer == NULL || ATELIER_IS_CUSTOMER (customer), NULL);

  dialog = atelier_walk_in_dialog_new (GTK_WINDOW (self), self->store, self->session_id, customer);
  if (customer == NULL && !atelier_str_is_empty (self->search_text))
    {
      /* "zoé martin" → given "zoé", family "martin" */
      g_auto(GStrv) words = g_strsplit (self->search_text, " ", 2);

      atelier_walk_in_dialog_set_name (ATELIER_WALK_IN_DIALOG (dialog), words[0],
                                       words[1] != NULL ? g_strstrip (words[1]) : "");
    }
  g_signal_connect_object (dialog, "checked-in", G_CALLBACK (on_walk_in_checked_in_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}
