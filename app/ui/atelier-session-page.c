/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-session-page.c: one session: its details, its roster, its actions
 *
 * The page is one GtkListView, so that a session with hundreds of
 * attendees costs only the rows on screen. Its model holds, in order:
 * the session itself (drawn as the details block, AtelierSessionDetails),
 * a heading, the confirmed registrations (AtelierRosterRow), and, when
 * there is one, a heading and the waiting list in order. Headings
 * (AtelierRosterHeading) and the empty-roster line are GtkStringObjects;
 * the page knows the headings and their counts.
 *
 * The actions live in atelier-session-page-actions.c. Every one goes
 * through the core (atelier-booking.h); the page then reloads from the
 * store's "changed" signal, like everything else that shows the session.
 */
#define G_LOG_DOMAIN "atelier-session-page"

#include "config.h"

#include <glib/gi18n.h>

#include "atelier-format.h"
#include "atelier-mail-queue.h"
#include "atelier-outbox.h"
#include "atelier-roster-heading.h"
#include "atelier-replies.h"
#include "atelier-roster-row.h"
#include "atelier-session-details.h"
#include "atelier-session-page-private.h"
#include "atelier-settings.h"

/* Even with nothing changing, look again when the session starts or ends
 * (no-shows appear, sign-ups close), and at least this often. */
#define MAX_RELOAD_INTERVAL_SECONDS 600

G_DEFINE_FINAL_TYPE (AtelierSessionPage, atelier_session_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_SESSION_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* How many messages the session's customers are owed, but for those
 * whose mail failed for good: sending again would not send them (Retry
 * does). Reads the mail first (read_mail()). */
static guint
count_pending_invites (AtelierSessionPage *self)
{
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  items = atelier_outbox_list (self->store, self->session_id, &error);
  if (items == NULL)
    {
      g_warning ("Could not list the invites owed for session %" G_GINT64_FORMAT ": %s",
                 self->session_id, error->message);
      return 0;
    }

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(AtelierOutboxItem) item = g_list_model_get_item (items, i);
      gint64 registration_id = atelier_outbox_item_get_registration_id (item);
      AtelierMailMessage *message = g_hash_table_lookup (self->mail_by_registration,
                                                         GINT_TO_POINTER (registration_id));
      gboolean failed = message != NULL
                        && g_strcmp0 (atelier_mail_message_get_state (message), "failed") == 0
                        && atelier_mail_message_get_sequence (message) == atelier_outbox_item_get_sequence (item);

      if (!failed)
        n++;
    }
  return n;
}

/* Each registration's latest message (superseded ones are history), and
 * how many of the session's messages wait to be sent. */
static guint
read_mail (AtelierSessionPage *self)
{
  g_autoptr(GListModel) messages = NULL;
  g_autoptr(GError) error = NULL;
  guint n_waiting = 0;

  g_hash_table_remove_all (self->mail_by_registration);
  messages = atelier_mail_queue_list_session (self->store, self->session_id, &error);
  if (messages == NULL)
    {
      g_warning ("Could not list the mail of session %" G_GINT64_FORMAT ": %s",
                 self->session_id, error->message);
      return 0;
    }

  /* Oldest first: a later message replaces an earlier one. */
  for (guint i = 0; i < g_list_model_get_n_items (messages); i++)
    {
      g_autoptr(AtelierMailMessage) message = g_list_model_get_item (messages, i);
      const char *state = atelier_mail_message_get_state (message);
      gint64 registration_id = atelier_mail_message_get_registration_id (message);

      if (g_strcmp0 (state, "superseded") == 0)
        continue;
      if (g_strcmp0 (state, "pending") == 0 || g_strcmp0 (state, "retry") == 0)
        n_waiting++;
      g_hash_table_insert (self->mail_by_registration, GINT_TO_POINTER (registration_id),
                           g_steal_pointer (&message));
    }
  return n_waiting;
}

/* What each customer answered from their calendar, the roster's mark. */
static void
read_answers (AtelierSessionPage *self)
{
  g_autoptr(GListModel) answers = NULL;
  g_autoptr(GError) error = NULL;

  g_hash_table_remove_all (self->answer_by_registration);
  answers = atelier_replies_list_answers (self->store, self->session_id, &error);
  if (answers == NULL)
    {
      g_warning ("Could not list the replies of session %" G_GINT64_FORMAT ": %s",
                 self->session_id, error->message);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (answers); i++)
    {
      g_autoptr(AtelierReply) reply = g_list_model_get_item (answers, i);

      g_hash_table_insert (self->answer_by_registration,
                           GINT_TO_POINTER (atelier_reply_get_registration_id (reply)),
                           atelier_reply_format_mark (reply));
    }
}

/* Rows */

static GtkWidget *
empty_line_new (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "roster-empty");

  return label;
}

/* The kind of row an item of the roster is drawn with. */
static GType
row_type_for (AtelierSessionPage *self,
              GObject            *item)
{
  if (ATELIER_IS_SESSION (item))
    return ATELIER_TYPE_SESSION_DETAILS;
  if (ATELIER_IS_REGISTRATION (item))
    return ATELIER_TYPE_ROSTER_ROW;
  if (g_hash_table_contains (self->heading_details, item))
    return ATELIER_TYPE_ROSTER_HEADING;
  return GTK_TYPE_LABEL;
}

static void
bind_details (AtelierSessionPage    *self,
              AtelierSessionDetails *details,
              AtelierSession        *session)
{
  atelier_session_details_set_session (details, session);
  atelier_session_details_set_host (details, self->workshop ? atelier_workshop_get_host (self->workshop) : NULL);
  atelier_session_details_set_currency (details, self->currency);
  atelier_session_details_set_price (details, self->workshop ? atelier_workshop_get_price_cents (self->workshop) : 0);
  atelier_session_details_set_bring (details, self->workshop ? atelier_workshop_get_bring (self->workshop) : NULL);
  atelier_session_details_set_summary (details, &self->summary);
  atelier_session_details_set_pending_invites (details, self->n_pending);
  atelier_session_details_set_exporting (details, self->exporting);
  atelier_session_details_set_progress (details, self->sending ? self->send_progress : NULL);
}

static void
bind_roster_row (AtelierSessionPage  *self,
                 AtelierRosterRow    *row,
                 AtelierRegistration *registration)
{
  atelier_roster_row_set_session (row, self->session);
  atelier_roster_row_set_session_ended (row, self->summary.ended);
  atelier_roster_row_set_registration (row, registration);
  atelier_roster_row_set_mail_message (row, g_hash_table_lookup (self->mail_by_registration,
                                                                 GINT_TO_POINTER (atelier_registration_get_id (registration))));
  atelier_roster_row_set_answer (row, g_hash_table_lookup (self->answer_by_registration,
                                                           GINT_TO_POINTER (atelier_registration_get_id (registration))));
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     AtelierSessionPage       *self)
{
  gtk_list_item_set_activatable (list_item, FALSE);
  gtk_list_item_set_selectable (list_item, FALSE);
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    AtelierSessionPage       *self)
{
  GObject *item = gtk_list_item_get_item (list_item);
  GtkWidget *child = gtk_list_item_get_child (list_item);
  GType type = row_type_for (self, item);

  /* A recycled row is kept when it is of the kind the item needs. */
  if (child == NULL || G_OBJECT_TYPE (child) != type)
    {
      if (type == ATELIER_TYPE_SESSION_DETAILS)
        child = atelier_session_details_new ();
      else if (type == ATELIER_TYPE_ROSTER_ROW)
        child = atelier_roster_row_new ();
      else if (type == ATELIER_TYPE_ROSTER_HEADING)
        child = atelier_roster_heading_new ();
      else
        child = empty_line_new ();
      gtk_list_item_set_child (list_item, child);
    }

  if (type == ATELIER_TYPE_SESSION_DETAILS)
    bind_details (self, ATELIER_SESSION_DETAILS (child), ATELIER_SESSION (item));
  else if (type == ATELIER_TYPE_ROSTER_ROW)
    bind_roster_row (self, ATELIER_ROSTER_ROW (child), ATELIER_REGISTRATION (item));
  else if (type == ATELIER_TYPE_ROSTER_HEADING)
    {
      atelier_roster_heading_set_title (ATELIER_ROSTER_HEADING (child),
                                        gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
      atelier_roster_heading_set_detail (ATELIER_ROSTER_HEADING (child),
                                         g_hash_table_lookup (self->heading_details, item));
    }
  else
    gtk_label_set_label (GTK_LABEL (child), gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
}

static void
on_factory_unbind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      AtelierSessionPage       *self)
{
  GtkWidget *child = gtk_list_item_get_child (list_item);

  /* Let go of what the rows show at once. */
  if (ATELIER_IS_SESSION_DETAILS (child))
    atelier_session_details_set_session (ATELIER_SESSION_DETAILS (child), NULL);
  else if (ATELIER_IS_ROSTER_ROW (child))
    {
      atelier_roster_row_set_registration (ATELIER_ROSTER_ROW (child), NULL);
      atelier_roster_row_set_mail_message (ATELIER_ROSTER_ROW (child), NULL);
    }
}

/* Loading */

static GObject *
heading_item_new (AtelierSessionPage *self,
                  const char         *title,
                  const char         *detail)
{
  GtkStringObject *item = gtk_string_object_new (title);

  g_hash_table_insert (self->heading_details, g_object_ref (item), g_strdup (detail));
  return G_OBJECT (item);
}

/* "Confirmed" and its seats, or the line that says nobody is. */
static void
add_confirmed_heading (AtelierSessionPage *self,
                       GPtrArray          *items,
                       guint               n_confirmed)
{
  g_autofree char *seats = NULL;

  /* TRANSLATORS: beside the "Confirmed" heading, e.g. "7 / 10 seats" */
  seats = g_strdup_printf (ngettext ("%d / %d seat", "%d / %d seats", self->summary.capacity),
                           self->summary.confirmed_seats, self->summary.capacity);
  g_ptr_array_add (items, heading_item_new (self, C_("roster", "Confirmed"), seats));
  if (n_confirmed == 0)
    g_ptr_array_add (items, gtk_string_object_new (_("Nobody is signed up yet. Use “Sign Up…” to add someone.")));
}

static void
add_waiting_heading (AtelierSessionPage *self,
                     GPtrArray          *items)
{
  g_autofree char *parties = NULL;
  g_autofree char *seats = NULL;
  g_autofree char *waiting = NULL;

  /* TRANSLATORS: beside the "Waiting List" heading, e.g. "2 parties" */
  parties = g_strdup_printf (ngettext ("%d party", "%d parties", self->summary.waiting_parties),
                             self->summary.waiting_parties);
  seats = g_strdup_printf (ngettext ("%d seat", "%d seats", self->summary.waiting_seats),
                           self->summary.waiting_seats);
  /* TRANSLATORS: beside the "Waiting List" heading, e.g. "2 parties · 3 seats" */
  waiting = g_strdup_printf (_("%s · %s"), parties, seats);
  g_ptr_array_add (items, heading_item_new (self, _("Waiting List"), waiting));
}

static gboolean
has_status (AtelierRegistration *registration,
            const char          *status)
{
  return g_strcmp0 (atelier_registration_get_status (registration), status) == 0;
}

/* The session, then the confirmed (the registrations come confirmed
 * first), then the waiting list, each under its heading. */
static void
fill_roster (AtelierSessionPage *self,
             GListModel         *registrations)
{
  guint n = g_list_model_get_n_items (registrations);
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n + 4, g_object_unref);
  guint n_confirmed = 0;

  g_hash_table_remove_all (self->heading_details);
  g_ptr_array_add (items, g_object_ref (self->session));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtelierRegistration) r = g_list_model_get_item (registrations, i);

      if (has_status (r, ATELIER_REGISTRATION_CONFIRMED))
        n_confirmed++;
    }

  if (!atelier_session_is_cancelled (self->session))
    add_confirmed_heading (self, items, n_confirmed);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtelierRegistration) r = g_list_model_get_item (registrations, i);

      if (has_status (r, ATELIER_REGISTRATION_WAITLISTED) && i == n_confirmed)
        add_waiting_heading (self, items);
      if (!has_status (r, ATELIER_REGISTRATION_CANCELLED))
        g_ptr_array_add (items, g_steal_pointer (&r));
    }

  g_list_store_splice (self->roster, 0, g_list_model_get_n_items (G_LIST_MODEL (self->roster)),
                       items->pdata, items->len);
}

static gboolean
reload_cb (gpointer user_data)
{
  AtelierSessionPage *self = user_data;

  self->reload_source = 0;
  _atelier_session_page_reload (self);
  return G_SOURCE_REMOVE;
}

static gboolean
timer_cb (gpointer user_data)
{
  AtelierSessionPage *self = user_data;

  self->timer_source = 0;
  _atelier_session_page_reload (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_timer (AtelierSessionPage *self)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 wait = MAX_RELOAD_INTERVAL_SECONDS;

  g_clear_handle_id (&self->timer_source, g_source_remove);
  if (self->session == NULL)
    return;

  if (atelier_session_get_starts_at (self->session) > now)
    wait = atelier_session_get_starts_at (self->session) - now + 1;
  else if (atelier_session_get_ends_at (self->session) > now)
    wait = atelier_session_get_ends_at (self->session) - now + 1;
  wait = CLAMP (wait, 1, MAX_RELOAD_INTERVAL_SECONDS);

  self->timer_source = g_timeout_add_seconds ((guint) wait, timer_cb, self);
  g_source_set_name_by_id (self->timer_source, "[atelier] session page timer");
}

static void
show_missing (AtelierSessionPage *self)
{
  g_clear_object (&self->session);
  g_list_store_remove_all (self->roster);
  g_hash_table_remove_all (self->heading_details);
  adw_window_title_set_title (self->window_title, _("Session Not Found"));
  adw_window_title_set_subtitle (self->window_title, NULL);
  gtk_stack_set_visible_child_name (self->stack, "missing");
  _atelier_session_page_update_actions (self);
  g_clear_handle_id (&self->timer_source, g_source_remove);
}

static void
show_title (AtelierSessionPage *self)
{
  g_autoptr(GDateTime) start = atelier_session_dup_start (self->session);
  g_autofree char *subtitle = NULL;

  /* TRANSLATORS: a session's date under its title in the header bar, in
   * g_date_time_format() notation, e.g. "Tue 14 Mar, 18:30" */
  subtitle = atelier_date_format (start, _("%a %-d %b, %H:%M"));
  adw_window_title_set_title (self->window_title, atelier_session_get_workshop_title (self->session));
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

/* The sender's news on the rows on screen, without reading the store
 * nor rebinding the list: a row changes only when its own message did,
 * the details block only for the progress. */
static void
show_news (AtelierSessionPage *self)
{
  for (GtkWidget *item = gtk_widget_get_first_child (GTK_WIDGET (self->roster_view));
       item != NULL;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *child = gtk_widget_get_first_child (item);

      if (ATELIER_IS_SESSION_DETAILS (child))
        atelier_session_details_set_progress (ATELIER_SESSION_DETAILS (child),
                                              self->sending ? self->send_progress : NULL);
      else if (ATELIER_IS_ROSTER_ROW (child))
        {
          AtelierRegistration *registration = atelier_roster_row_get_registration (ATELIER_ROSTER_ROW (child));
          AtelierMailMessage *message;

          if (registration == NULL)
            continue;
          message = g_hash_table_lookup (self->mail_news,
                                         GINT_TO_POINTER (atelier_registration_get_id (registration)));
          if (message != NULL)
            atelier_roster_row_set_mail_message (ATELIER_ROSTER_ROW (child), message);
        }
    }
}

static gboolean
show_news_cb (GtkWidget     *widget,
              GdkFrameClock *frame_clock,
              gpointer       user_data)
{
  AtelierSessionPage *self = ATELIER_SESSION_PAGE (widget);
  GHashTableIter iter;
  gpointer id, message;

  self->news_tick = 0;
  show_news (self);

  /* What a row scrolled into view binds to from now on */
  g_hash_table_iter_init (&iter, self->mail_news);
  while (g_hash_table_iter_next (&iter, &id, &message))
    {
      g_hash_table_replace (self->mail_by_registration, id, g_object_ref (message));
      g_hash_table_iter_remove (&iter);
    }
  return G_SOURCE_REMOVE;
}

static void
forget_news (AtelierSessionPage *self)
{
  if (self->news_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->news_tick);
  self->news_tick = 0;
  if (self->mail_news != NULL)
    g_hash_table_remove_all (self->mail_news);
}

/**
 * _atelier_session_page_add_news:
 * @message: (nullable): the message the sender just dealt with
 *
 * Keeps the sender's latest news (the progress is in send_progress) and
 * shows it once per frame: the news comes once per
 * message, faster than frames, and showing each at once kept the window
 * from drawing until a whole batch was through.
 */
void
_atelier_session_page_add_news (AtelierSessionPage *self,
                                AtelierMailMessage *message)
{
  if (message != NULL)
    g_hash_table_replace (self->mail_news,
                          GINT_TO_POINTER (atelier_mail_message_get_registration_id (message)),
                          g_object_ref (message));
  /* At the next frame, before it is laid out and drawn; an unmapped
   * page has no frames, and its next reload reads it all anyway. */
  if (self->news_tick == 0)
    self->news_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), show_news_cb, NULL, NULL);
}

/**
 * _atelier_session_page_reload:
 *
 * Reads the session, its roster and the invites owed again, and shows
 * them; "Session Not Found" when the session is gone.
 */
void
_atelier_session_page_reload (AtelierSessionPage *self)
{
  g_autoptr(AtelierSession) session = NULL;
  g_autoptr(GListModel) registrations = NULL;
  g_autoptr(GError) error = NULL;
  AtelierSessionSummary summary = { 0 };
  guint n_waiting;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->store == NULL)
    return;
  /* What the store says now is newer than any news not shown yet. */
  forget_news (self);

  session = atelier_store_get_session (self->store, self->session_id, &error);
  if (session == NULL)
    {
      if (!g_error_matches (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_NOT_FOUND))
        g_warning ("Could not read session %" G_GINT64_FORMAT ": %s", self->session_id, error->message);
      show_missing (self);
      return;
    }

  registrations = atelier_store_list_registrations (self->store, self->session_id, &error);
  if (registrations == NULL || !atelier_booking_summarize (self->store, self->session_id, &summary, &error))
    {
      /* Keep what is shown; the next change tries again. */
      g_warning ("Could not read the roster of session %" G_GINT64_FORMAT ": %s",
                 self->session_id, error->message);
      return;
    }

  g_set_object (&self->session, session);
  g_clear_object (&self->workshop);
  self->workshop = atelier_store_get_workshop (self->store, atelier_session_get_workshop_id (session), NULL);
  g_free (self->currency);
  self->currency = atelier_settings_read (self->store, ATELIER_SETTING_CURRENCY, NULL);
  self->summary = summary;
  /* Owed but not queued yet, or queued and not sent yet */
  n_waiting = read_mail (self);
  read_answers (self);
  self->n_pending = MAX (count_pending_invites (self), n_waiting);

  fill_roster (self, registrations);
  show_title (self);
  atelier_session_series_show_session (self->series_line, self->session_id);
  gtk_stack_set_visible_child_name (self->stack, "roster");

  _atelier_session_page_update_actions (self);
  schedule_timer (self);
}

static void
on_store_changed_cb (AtelierStore       *store,
                     const char         *table,
                     AtelierSessionPage *self)
{
  /* A batch of writes reloads once. */
  if (self->reload_source == 0)
    {
      self->reload_source = g_idle_add (reload_cb, self);
      g_source_set_name_by_id (self->reload_source, "[atelier] reload session page");
    }
}

/* GObject */

static void
atelier_session_page_constructed (GObject *object)
{
  AtelierSessionPage *self = ATELIER_SESSION_PAGE (object);

  G_OBJECT_CLASS (atelier_session_page_parent_class)->constructed (object);

  if (self->store == NULL)
    {
      g_critical ("AtelierSessionPage needs a store");
      return;
    }

  /* Under the header bar, the first child of the box. */
  self->series_line = ATELIER_SESSION_SERIES (atelier_session_series_new (self->store));
  gtk_box_insert_child_after (GTK_BOX (self->box), GTK_WIDGET (self->series_line),
                              gtk_widget_get_first_child (self->box));

  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self, 0);
  _atelier_session_page_reload (self);
}

static void
atelier_session_page_dispose (GObject *object)
{
  AtelierSessionPage *self = ATELIER_SESSION_PAGE (object);

  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_handle_id (&self->timer_source, g_source_remove);
  forget_news (self);
  g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->export_cancellable);
  g_cancellable_cancel (self->send_cancellable);
  g_clear_object (&self->send_cancellable);
  g_clear_pointer (&self->send_progress, g_free);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATELIER_TYPE_SESSION_PAGE);

  g_clear_object (&self->roster);
  g_clear_pointer (&self->heading_details, g_hash_table_unref);
  g_clear_pointer (&self->mail_by_registration, g_hash_table_unref);
  g_clear_pointer (&self->mail_news, g_hash_table_unref);
  g_clear_pointer (&self->answer_by_registration, g_hash_table_unref);
  g_clear_object (&self->session);
  g_clear_object (&self->workshop);
  g_clear_pointer (&self->currency, g_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (atelier_session_page_parent_class)->dispose (object);
}

static void
atelier_session_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AtelierSessionPage *self = ATELIER_SESSION_PAGE (object);

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
atelier_session_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  AtelierSessionPage *self = ATELIER_SESSION_PAGE (object);

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
atelier_session_page_class_init (AtelierSessionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = atelier_session_page_constructed;
  object_class->dispose = atelier_session_page_dispose;
  object_class->get_property = atelier_session_page_get_property;
  object_class->set_property = atelier_session_page_set_property;

  /**
   * AtelierSessionPage:store:
   *
   * The store the session lives in.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ATELIER_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * AtelierSessionPage:session-id:
   *
   * The id of the session shown.
   */
  properties[PROP_SESSION_ID] =
    g_param_spec_int64 ("session-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ateliers/Atelier/ui/atelier-session-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionPage, box);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionPage, sign_up_button);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionPage, sign_up_icon_button);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionPage, roster_view);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_unbind_cb);

  _atelier_session_page_class_actions_init (klass);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sessionpage");
}

static void
atelier_session_page_init (AtelierSessionPage *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->roster = g_list_store_new (G_TYPE_OBJECT);
  self->heading_details = g_hash_table_new_full (NULL, NULL, g_object_unref, g_free);
  self->mail_by_registration = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->mail_news = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->answer_by_registration = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->roster)));
  gtk_list_view_set_model (self->roster_view, GTK_SELECTION_MODEL (selection));
}

/**
 * atelier_session_page_new:
 * @store: the store the session lives in
 * @session_id: the session to show
 *
 * Returns: (transfer floating): a page showing one session and its roster
 */
GtkWidget *
atelier_session_page_new (AtelierStore *store,
                          gint64        session_id)
{
  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  return g_object_new (ATELIER_TYPE_SESSION_PAGE,
                       "store", store,
                       "session-id", session_id,
                       NULL);
}

AtelierStore *
atelier_session_page_get_store (AtelierSessionPage *self)
{
  g_return_val_if_fail (ATELIER_IS_SESSION_PAGE (self), NULL);

  return self->store;
}

gint64
atelier_session_page_get_session_id (AtelierSessionPage *self)
{
  g_return_val_if_fail (ATELIER_IS_SESSION_PAGE (self), 0);

  return self->session_id;
}

/**
 * atelier_session_page_get_roster:
 *
 * What the page lists, in order: the session (its details), headings and
 * empty-roster lines (#GtkStringObject), and the registrations, confirmed
 * first, then the waiting list. For tests and assistive code.
 *
 * Returns: (transfer none): the page's list model
 */
GListModel *
atelier_session_page_get_roster (AtelierSessionPage *self)
{
  g_return_val_if_fail (ATELIER_IS_SESSION_PAGE (self), NULL);

  return G_LIST_MODEL (self->roster);
}
