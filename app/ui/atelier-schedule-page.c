/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-schedule-page.c: the store's sessions, grouped by day
 *
 * The page reads the sessions that have not ended yet and are not
 * cancelled (atelier_reschedule_listing_list_upcoming): with the window, only the
 * soonest, those of the first frame; the others once that frame is drawn;
 * then all of them again after each change of the store, coalesced in an
 * idle. Past and cancelled sessions are read only once "show-all" asks for
 * them. The page shows, in one GListStore refilled with a single splice,
 * the upcoming sessions or all of them, narrowed to the workshops whose
 * title matches the search entry.
 *
 * GtkListView (4.8) has no section headers: each row carries a day header
 * that is shown when the session before it in the list starts on another
 * day. Since a header depends on the previous item, the headers of all
 * bound rows are worked out again after each splice.
 *
 * GtkListView (4.8) also builds and measures a row for each of the first
 * 200 items, whatever fits on screen. The list view is therefore given a
 * slice of the sessions that starts with a screenful and grows by a
 * screenful after each frame drawn, until it holds all of them: the first
 * frame costs what it shows, and the rest comes in steps short enough to
 * keep the window responsive.
 */
#define G_LOG_DOMAIN "atelier-schedule-page"

#include "config.h"

#include <glib/gi18n.h>

#include "atelier-schedule-listing.h"
#include "atelier-format.h"
#include "atelier-schedule-item.h"
#include "atelier-schedule-page.h"
#include "atelier-print-operation.h"
#include "atelier-print-week.h"
#include "atelier-widget-util.h"

/* Even with nothing ending before then, look again at least this often:
 * "Today" becomes "Yesterday" at midnight, and timeouts do not count the
 * time a computer spends suspended. */
#define MAX_REFILTER_INTERVAL_SECONDS 600

/* Rows given to the list view for the first frame: six fill the window at
 * its default size even when none has a day header, and each one more
 * costs that frame some 4 ms (a taller window gets the rest a frame
 * later). Then rows added after each frame drawn. */
#define FIRST_ROWS 6
#define ROWS_PER_FRAME 16
/* Past this many items GtkListView (4.8) builds no more rows: the slice
 * can then hold everything at once. */
#define LIST_VIEW_MAX_ROWS 200

struct _AtelierSchedulePage
{
  GtkWidget          parent_instance;

  AtelierStore      *store;
  gboolean           show_all;
  GPtrArray         *all;           /* the AtelierSession read, by start */
  gboolean           all_has_past;  /* whether @all has the past and cancelled ones */
  gboolean           all_partial;   /* whether @all has only the first upcoming ones */
  GListStore        *sessions;      /* those shown */
  GtkSliceListModel *rows;          /* the first of @sessions, for the list view */
  GHashTable        *bound_items;   /* GtkListItem * bound to a session */
  guint              reload_source;
  guint              expire_source;
  GdkFrameClock     *frame_clock;   /* while @rows grows */
  gulong             after_paint_handler;
  guint              grow_source;

  /* Template children */
  GtkWidget         *box;
  GtkSearchEntry    *search_entry;
  GtkToggleButton   *show_all_button;
  GtkStack          *stack;
  GtkListView       *list_view;
  AdwStatusPage     *empty_page;
  GtkWidget         *show_all_empty_button;
  AdwStatusPage     *no_results_page;
};

G_DEFINE_FINAL_TYPE (AtelierSchedulePage, atelier_schedule_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_SHOW_ALL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void atelier_schedule_page_refilter (AtelierSchedulePage *self);

/* Days and their headers */

/* The day a session starts on, in its own zone, as the rows show it. */
static gint64
day_key (AtelierSession *session)
{
  g_autoptr(GDateTime) start = atelier_session_dup_start (session);

  if (start == NULL)
    return 0;
  return (gint64) g_date_time_get_year (start) * 1000 + g_date_time_get_day_of_year (start);
}

/* A header starts with a capital, even where day names do not
 * ("mercredi 25 novembre" heads its day as "Mercredi 25 novembre"). Takes
 * @text. */
static char *
capitalized (char *text)
{
  g_autofree char *owned = text;
  char first[7] = { 0 };

  g_unichar_to_utf8 (g_unichar_totitle (g_utf8_get_char (owned)), first);
  return g_strconcat (first, g_utf8_next_char (owned), NULL);
}

static char *
format_day (AtelierSession *session)
{
  g_autoptr(GDateTime) start = atelier_session_dup_start (session);
  g_autoptr(GDateTime) utc_now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) now = NULL;
  GDate today;
  GDate day;
  int days;

  if (start == NULL)
    return g_strdup ("");

  /* "Today" where the session takes place. */
  now = g_date_time_to_timezone (utc_now, g_date_time_get_timezone (start));
  g_date_clear (&today, 1);
  g_date_clear (&day, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  g_date_set_dmy (&day, g_date_time_get_day_of_month (start), g_date_time_get_month (start),
                  g_date_time_get_year (start));
  days = g_date_days_between (&today, &day);

  if (days == 0)
    return g_strdup (C_("day", "Today"));
  if (days == 1)
    return g_strdup (C_("day", "Tomorrow"));
  if (days == -1)
    return g_strdup (C_("day", "Yesterday"));

  if (g_date_time_get_year (start) == g_date_time_get_year (now))
    /* TRANSLATORS: a day header in the schedule, in g_date_time_format()
     * notation, e.g. "Tuesday 14 March" */
    return capitalized (atelier_date_format (start, _("%A %-d %B")));

  /* TRANSLATORS: a day header in the schedule, for another year than the
   * current one, in g_date_time_format() notation, e.g. "Tuesday 14 March 2023" */
  return capitalized (atelier_date_format (start, _("%A %-d %B %Y")));
}

/* As atelier_reschedule_listing_list_upcoming() lists them: still for the door until
 * it ends. Not the rule of sign-ups (atelier_booking_accepts_sign_ups()),
 * which stop at the start. */
static gboolean
session_is_upcoming (AtelierSession *session,
                     gint64          now)
{
  return !atelier_session_is_cancelled (session) && atelier_session_get_ends_at (session) > now;
}

/* Items: a day header above an AtelierSessionRow, shown on the first
 * session of each day. */

static void
update_list_item (AtelierSchedulePage *self,
                  GtkListItem         *list_item)
{
  AtelierScheduleItem *item = ATELIER_SCHEDULE_ITEM (gtk_list_item_get_child (list_item));
  AtelierSession *session = gtk_list_item_get_item (list_item);
  guint position = gtk_list_item_get_position (list_item);
  gboolean first_of_day = TRUE;
  g_autofree char *day = NULL;

  if (session == NULL)
    return;

  if (position != GTK_INVALID_LIST_POSITION && position > 0)
    {
      g_autoptr(AtelierSession) previous = g_list_model_get_item (G_LIST_MODEL (self->sessions),
                                                                  position - 1);

      first_of_day = previous == NULL || day_key (previous) != day_key (session);
    }

  if (first_of_day)
    day = format_day (session);
  atelier_schedule_item_set_day (item, day);
  atelier_schedule_item_refresh_state (item);
}

static void
update_bound_items (AtelierSchedulePage *self)
{
  GHashTableIter iter;
  gpointer list_item;

  g_hash_table_iter_init (&iter, self->bound_items);
  while (g_hash_table_iter_next (&iter, &list_item, NULL))
    update_list_item (self, list_item);
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     AtelierSchedulePage      *self)
{
  gtk_list_item_set_child (list_item, atelier_schedule_item_new ());
  gtk_list_item_set_activatable (list_item, TRUE);
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    AtelierSchedulePage      *self)
{
  atelier_schedule_item_set_session (ATELIER_SCHEDULE_ITEM (gtk_list_item_get_child (list_item)),
                                     gtk_list_item_get_item (list_item));
  g_hash_table_add (self->bound_items, list_item);
  update_list_item (self, list_item);
}

static void
on_factory_unbind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      AtelierSchedulePage      *self)
{
  g_hash_table_remove (self->bound_items, list_item);
  atelier_schedule_item_set_session (ATELIER_SCHEDULE_ITEM (gtk_list_item_get_child (list_item)), NULL);
}

static void
on_factory_teardown_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *list_item,
                        AtelierSchedulePage      *self)
{
  g_hash_table_remove (self->bound_items, list_item);
}

static void
on_list_view_activate_cb (GtkListView         *list_view,
                          guint                position,
                          AtelierSchedulePage *self)
{
  g_autoptr(AtelierSession) session = g_list_model_get_item (G_LIST_MODEL (self->sessions),
                                                             position);

  if (session == NULL)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-session", "x",
                              atelier_session_get_id (session));
}

/* Loading and filtering */

static gboolean
expire_cb (gpointer user_data)
{
  AtelierSchedulePage *self = ATELIER_SCHEDULE_PAGE (user_data);

  self->expire_source = 0;
  atelier_schedule_page_refilter (self);

  return G_SOURCE_REMOVE;
}

/* Filters again once the next shown session ends, since it is then no
 * longer upcoming (or, with show-all, then looks past). */
static void
schedule_expiry (AtelierSchedulePage *self,
                 gint64               now)
{
  gint64 wait = MAX_REFILTER_INTERVAL_SECONDS;

  g_clear_handle_id (&self->expire_source, g_source_remove);

  for (guint i = 0; self->all != NULL && i < self->all->len; i++)
    {
      AtelierSession *session = g_ptr_array_index (self->all, i);

      if (session_is_upcoming (session, now))
        wait = MIN (wait, atelier_session_get_ends_at (session) - now + 1);
    }

  self->expire_source = g_timeout_add_seconds ((guint) CLAMP (wait, 1, MAX_REFILTER_INTERVAL_SECONDS),
                                               expire_cb, self);
  g_source_set_name_by_id (self->expire_source, "[atelier] sessions expire");
}

/* Whether the store has past or cancelled sessions, which the filter
 * would show: counted among those read, or asked of the store when only
 * the upcoming ones were read. */
static gboolean
has_hidden_sessions (AtelierSchedulePage *self,
                     guint                n_hidden_read)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  gboolean has_any = FALSE;

  if (n_hidden_read > 0 || self->all_has_past || self->store == NULL)
    return n_hidden_read > 0;

  now = g_date_time_new_now_utc ();
  if (!atelier_reschedule_listing_has_past_or_cancelled (self->store, now, &has_any, &error))
    g_warning ("Could not look for past sessions: %s", error->message);

  return has_any;
}

static void
update_empty_page (AtelierSchedulePage *self,
                   gboolean             has_hidden)
{
  if (self->show_all)
    {
      adw_status_page_set_title (self->empty_page, _("No Sessions"));
      adw_status_page_set_description (self->empty_page,
                                       _("This store has no sessions yet. Plan the first one "
                                         "with New Session, or try Atelier on an example "
                                         "programme: run <tt>atelier-cli demo</tt> on an empty "
                                         "store."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Upcoming Sessions"));
      if (has_hidden)
        adw_status_page_set_description (self->empty_page,
                                         _("The sessions planned for this store appear here, "
                                           "soonest first. Plan one with New Session, or look "
                                           "back at past and cancelled sessions."));
      else
        adw_status_page_set_description (self->empty_page,
                                         _("The sessions planned for this store appear here, "
                                           "soonest first. Plan one with New Session, or try "
                                           "Atelier on an example programme: run "
                                           "<tt>atelier-cli demo</tt> on an empty store."));
    }

  gtk_widget_set_visible (self->show_all_empty_button, !self->show_all && has_hidden);
}

/* GTK loads the icon of every status page as soon as the window is
 * shown, on a page of a stack that is not shown too; these large icons
 * are SVG images, and their loader alone adds some 6 MB to a start-up
 * that shows none of them. A status page gets its icon when it is shown. */
static void
show_stack_page (AtelierSchedulePage *self,
                 const char          *name)
{
  if (g_str_equal (name, "empty"))
    adw_status_page_set_icon_name (self->empty_page, "x-office-calendar-symbolic");
  else if (g_str_equal (name, "no-results"))
    adw_status_page_set_icon_name (self->no_results_page, "system-search-symbolic");

  gtk_stack_set_visible_child_name (self->stack, name);
}

static void
atelier_schedule_page_refilter (AtelierSchedulePage *self)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GPtrArray) shown = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  guint n_hidden = 0;
  const char *visible;

  shown = g_ptr_array_new_full (self->all != NULL ? self->all->len : 0, g_object_unref);
  for (guint i = 0; self->all != NULL && i < self->all->len; i++)
    {
      AtelierSession *session = g_ptr_array_index (self->all, i);
      const char *title = atelier_session_get_workshop_title (session);
      gboolean upcoming = session_is_upcoming (session, now);

      if (!upcoming)
        n_hidden++;
      if (!upcoming && !self->show_all)
        continue;
      if (*stripped != '\0' && !g_str_match_string (stripped, title != NULL ? title : "", TRUE))
        continue;

      g_ptr_array_add (shown, g_object_ref (session));
    }

  g_list_store_splice (self->sessions,
                       0, g_list_model_get_n_items (G_LIST_MODEL (self->sessions)),
                       shown->pdata, shown->len);
  /* A header depends on the row above it, which may have changed while
   * the row itself did not. */
  update_bound_items (self);

  if (shown->len > 0)
    visible = "sessions";
  else if (*stripped != '\0')
    {
      g_autofree char *description = NULL;
      g_autofree char *escaped = g_markup_escape_text (stripped, -1);

      /* TRANSLATORS: the %s is what was typed in the search entry */
      description = g_strdup_printf (_("No workshop title matches “%s”."), escaped);
      adw_status_page_set_description (self->no_results_page, description);
      visible = "no-results";
    }
  else
    {
      update_empty_page (self, has_hidden_sessions (self, n_hidden));
      visible = "empty";
    }
  show_stack_page (self, visible);

  schedule_expiry (self, now);
}

static GPtrArray *
items_of (GListModel *model)
{
  guint n_items = g_list_model_get_n_items (model);
  GPtrArray *items = g_ptr_array_new_full (n_items, g_object_unref);

  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));

  return items;
}

/* Reads the upcoming sessions, or all of them when the filter shows the
 * past and the cancelled. With a @limit, only the soonest @limit upcoming
 * ones: those of the first frame (complete_sessions() reads the others
 * once it is drawn). */
static void
read_sessions (AtelierSchedulePage *self,
               guint                limit)
{
  g_autoptr(GListModel) listed = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->reload_source, g_source_remove);

  if (self->store == NULL)
    return;

  if (self->show_all)
    listed = atelier_reschedule_listing_list_all (self->store, &error);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      listed = atelier_reschedule_listing_list_upcoming (self->store, now, limit, &error);
    }
  if (listed == NULL)
    {
      /* Keep what is shown; the next change tries again. */
      g_warning ("Could not list the sessions: %s", error->message);
      return;
    }

  g_clear_pointer (&self->all, g_ptr_array_unref);
  self->all = items_of (listed);
  self->all_has_past = self->show_all;
  self->all_partial = !self->show_all && limit > 0 && self->all->len >= limit;

  atelier_schedule_page_refilter (self);
}

static void
atelier_schedule_page_reload (AtelierSchedulePage *self)
{
  read_sessions (self, 0);
}

/* Whether the list shows the @n_first sessions of the first read as it
 * left them: no search, no filter, none ended since. */
static gboolean
shows_first_read (AtelierSchedulePage *self,
                  guint                n_first)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  return !self->show_all && (text == NULL || *text == '\0')
         && g_list_model_get_n_items (G_LIST_MODEL (self->sessions)) == n_first;
}

/* Reads the upcoming sessions after those of the first frame. When the
 * complete list starts with the sessions shown, the others are added
 * after them: the rows shown stay as they are. */
static void
complete_sessions (AtelierSchedulePage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GListModel) listed = NULL;
  g_autoptr(GPtrArray) rest = NULL;
  g_autoptr(GError) error = NULL;
  guint n_first = self->all->len;
  guint n_items;
  gboolean same_start;

  self->all_partial = FALSE;

  listed = atelier_reschedule_listing_list_upcoming (self->store, now, 0, &error);
  if (listed == NULL)
    {
      /* Keep what is shown; the next change tries again. */
      g_warning ("Could not list the sessions: %s", error->message);
      return;
    }

  n_items = g_list_model_get_n_items (listed);
  same_start = n_items >= n_first && shows_first_read (self, n_first);
  for (guint i = 0; same_start && i < n_first; i++)
    {
      g_autoptr(AtelierSession) session = g_list_model_get_item (listed, i);

      same_start = atelier_session_get_id (session) == atelier_session_get_id (self->all->pdata[i]);
    }

  if (!same_start)
    {
      g_clear_pointer (&self->all, g_ptr_array_unref);
      self->all = items_of (listed);
      atelier_schedule_page_refilter (self);
      return;
    }

  rest = g_ptr_array_new_full (n_items - n_first, g_object_unref);
  for (guint i = n_first; i < n_items; i++)
    {
      g_ptr_array_add (rest, g_list_model_get_item (listed, i));
      g_ptr_array_add (self->all, g_list_model_get_item (listed, i));
    }
  g_list_store_splice (self->sessions, n_first, 0, rest->pdata, rest->len);
  schedule_expiry (self, g_date_time_to_unix (now));
}

static gboolean
reload_cb (gpointer user_data)
{
  AtelierSchedulePage *self = ATELIER_SCHEDULE_PAGE (user_data);

  self->reload_source = 0;
  atelier_schedule_page_reload (self);

  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (AtelierStore        *store,
                     const char          *table,
                     AtelierSchedulePage *self)
{
  /* The rows show sessions, their workshops' titles and their seats. */
  if (g_strcmp0 (table, "sessions") != 0
      && g_strcmp0 (table, "workshops") != 0
      && g_strcmp0 (table, "registrations") != 0)
    return;

  /* A batch of writes (an import, the demo) reloads once. */
  if (self->reload_source == 0)
    {
      self->reload_source = g_idle_add (reload_cb, self);
      g_source_set_name_by_id (self->reload_source, "[atelier] reload sessions");
    }
}

static void
on_search_changed_cb (GtkSearchEntry      *entry,
                      AtelierSchedulePage *self)
{
  atelier_schedule_page_refilter (self);
}

static void
on_stop_search_cb (GtkSearchEntry      *entry,
                   AtelierSchedulePage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

/* Growing the rows after each frame */

static void stop_growing (AtelierSchedulePage *self);

/* After a frame drawn while the page is on screen: the sessions after the
 * first screenful if not read yet, and a screenful more rows or, past what
 * GtkListView builds rows for, all of them. */
static gboolean
grow_cb (gpointer user_data)
{
  AtelierSchedulePage *self = ATELIER_SCHEDULE_PAGE (user_data);
  guint size;
  guint n_items;

  self->grow_source = 0;

  if (self->all_partial)
    complete_sessions (self);

  size = gtk_slice_list_model_get_size (self->rows) + ROWS_PER_FRAME;
  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->sessions));
  if (size >= n_items || size >= LIST_VIEW_MAX_ROWS)
    {
      gtk_slice_list_model_set_size (self->rows, G_MAXUINT);
      stop_growing (self);
    }
  else
    gtk_slice_list_model_set_size (self->rows, size);

  return G_SOURCE_REMOVE;
}

/* Not in the frame clock's signal: the frame is only on screen once all
 * its handlers have run. */
static void
on_after_paint_cb (GdkFrameClock       *frame_clock,
                   AtelierSchedulePage *self)
{
  if (self->grow_source == 0)
    {
      self->grow_source = g_idle_add (grow_cb, self);
      g_source_set_name_by_id (self->grow_source, "[atelier] more schedule rows");
    }
}

static void
stop_growing (AtelierSchedulePage *self)
{
  g_clear_handle_id (&self->grow_source, g_source_remove);
  if (self->frame_clock != NULL)
    g_clear_signal_handler (&self->after_paint_handler, self->frame_clock);
  g_clear_object (&self->frame_clock);
}

static gboolean
is_growing (AtelierSchedulePage *self)
{
  return gtk_slice_list_model_get_size (self->rows) != G_MAXUINT;
}

/* GObject */

static void
atelier_schedule_page_map (GtkWidget *widget)
{
  AtelierSchedulePage *self = ATELIER_SCHEDULE_PAGE (widget);

  GTK_WIDGET_CLASS (atelier_schedule_page_parent_class)->map (widget);

  if (is_growing (self) && self->frame_clock == NULL)
    {
      self->frame_clock = g_object_ref (gtk_widget_get_frame_clock (widget));
      self->after_paint_handler = g_signal_connect (self->frame_clock, "after-paint",
                                                    G_CALLBACK (on_after_paint_cb), self);
    }
}

static void
atelier_schedule_page_unmap (GtkWidget *widget)
{
  AtelierSchedulePage *self = ATELIER_SCHEDULE_PAGE (widget);

  /* Off screen, the rows wait until the page is shown again. */
  stop_growing (self);

  GTK_WIDGET_CLASS (atelier_schedule_page_parent_class)->unmap (widget);
}

static void
atelier_schedule_page_constructed (GObject *object)
{
  AtelierSchedulePage *self = ATELIER_SCHEDULE_PAGE (object);

  G_OBJECT_CLASS (atelier_schedule_page_parent_class)->constructed (object);

  if (self->store == NULL)
    {
      atelier_schedule_page_refilter (self);
      return;
    }

  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self, 0);
  /* The first frame's sessions only: see grow_cb(). */
  read_sessions (self, FIRST_ROWS);
}

static void
atelier_schedule_page_dispose (GObject *object)
{
  AtelierSchedulePage *self = ATELIER_SCHEDULE_PAGE (object);

  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_handle_id (&self->expire_source, g_source_remove);
  stop_growing (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATELIER_TYPE_SCHEDULE_PAGE);

  g_clear_object (&self->rows);
  g_clear_object (&self->sessions);
  g_clear_pointer (&self->all, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (atelier_schedule_page_parent_class)->dispose (object);
}

static void
atelier_schedule_page_finalize (GObject *object)
{
  AtelierSchedulePage *self = ATELIER_SCHEDULE_PAGE (object);

  g_clear_pointer (&self->bound_items, g_hash_table_unref);

  G_OBJECT_CLASS (atelier_schedule_page_parent_class)->finalize (object);
}

static void
atelier_schedule_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  AtelierSchedulePage *self = ATELIER_SCHEDULE_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SHOW_ALL:
      g_value_set_boolean (value, self->show_all);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_schedule_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  AtelierSchedulePage *self = ATELIER_SCHEDULE_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_SHOW_ALL:
      atelier_schedule_page_set_show_all (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The seven days from today as a poster for the shop window, through
 * the print dialog */
static void
print_week_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AtelierSchedulePage *self = ATELIER_SCHEDULE_PAGE (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) today = g_date_time_new_local (g_date_time_get_year (now),
                                                      g_date_time_get_month (now),
                                                      g_date_time_get_day_of_month (now), 0, 0, 0);
  g_autoptr(AtelierPrintWeek) week = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  week = atelier_print_week_new (self->store, today, &error);
  if (week == NULL)
    {
      atelier_toast_show_text (GTK_WIDGET (self->stack), error->message);
      return;
    }

  /* TRANSLATORS: the name of a print job, in the printer's queue */
  operation = atelier_print_operation_new (ATELIER_PRINT_DOCUMENT (week), _("Week’s Classes"));
  atelier_print_operation_run_dialog (operation, atelier_widget_get_window (widget));
}

static void
atelier_schedule_page_class_init (AtelierSchedulePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = atelier_schedule_page_constructed;
  object_class->dispose = atelier_schedule_page_dispose;
  object_class->finalize = atelier_schedule_page_finalize;
  object_class->get_property = atelier_schedule_page_get_property;
  object_class->set_property = atelier_schedule_page_set_property;

  widget_class->map = atelier_schedule_page_map;
  widget_class->unmap = atelier_schedule_page_unmap;

  /**
   * AtelierSchedulePage:store:
   *
   * The store whose sessions the page shows.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ATELIER_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * AtelierSchedulePage:show-all:
   *
   * Whether past and cancelled sessions are shown too.
   */
  properties[PROP_SHOW_ALL] =
    g_param_spec_boolean ("show-all", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_property_action (widget_class, "schedule.show-all", "show-all");
  gtk_widget_class_install_action (widget_class, "schedule.print-week", NULL, print_week_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ateliers/Atelier/ui/atelier-schedule-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AtelierSchedulePage, box);
  gtk_widget_class_bind_template_child (widget_class, AtelierSchedulePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AtelierSchedulePage, show_all_button);
  gtk_widget_class_bind_template_child (widget_class, AtelierSchedulePage, stack);
  gtk_widget_class_bind_template_child (widget_class, AtelierSchedulePage, list_view);
  gtk_widget_class_bind_template_child (widget_class, AtelierSchedulePage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, AtelierSchedulePage, show_all_empty_button);
  gtk_widget_class_bind_template_child (widget_class, AtelierSchedulePage, no_results_page);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_unbind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_teardown_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "schedulepage");
}

static void
atelier_schedule_page_init (AtelierSchedulePage *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  self->bound_items = g_hash_table_new (NULL, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->sessions = g_list_store_new (ATELIER_TYPE_SESSION);
  self->rows = gtk_slice_list_model_new (G_LIST_MODEL (g_object_ref (self->sessions)),
                                         0, FIRST_ROWS);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->rows)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
}

GtkWidget *
atelier_schedule_page_new (AtelierStore *store)
{
  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  return g_object_new (ATELIER_TYPE_SCHEDULE_PAGE, "store", store, NULL);
}

/**
 * atelier_schedule_page_get_store:
 *
 * Returns: (transfer none): the store shown
 */
AtelierStore *
atelier_schedule_page_get_store (AtelierSchedulePage *self)
{
  g_return_val_if_fail (ATELIER_IS_SCHEDULE_PAGE (self), NULL);

  return self->store;
}

gboolean
atelier_schedule_page_get_show_all (AtelierSchedulePage *self)
{
  g_return_val_if_fail (ATELIER_IS_SCHEDULE_PAGE (self), FALSE);

  return self->show_all;
}

/**
 * atelier_schedule_page_set_show_all:
 * @show_all: whether to show past and cancelled sessions too
 */
void
atelier_schedule_page_set_show_all (AtelierSchedulePage *self,
                                    gboolean             show_all)
{
  g_return_if_fail (ATELIER_IS_SCHEDULE_PAGE (self));

  show_all = !!show_all;
  if (self->show_all == show_all)
    return;

  self->show_all = show_all;
  /* The past and the cancelled are read when first asked for. */
  if (show_all && !self->all_has_past)
    atelier_schedule_page_reload (self);
  else
    atelier_schedule_page_refilter (self);

  /* With the past shown above them, keep the upcoming sessions in view. */
  if (show_all)
    {
      gint64 now = g_get_real_time () / G_USEC_PER_SEC;
      guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->sessions));

      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(AtelierSession) session = g_list_model_get_item (G_LIST_MODEL (self->sessions), i);

          if (atelier_session_get_ends_at (session) > now)
            {
              /* The list view can only scroll to a row it has. */
              if (i >= g_list_model_get_n_items (G_LIST_MODEL (self->rows)))
                {
                  gtk_slice_list_model_set_size (self->rows, G_MAXUINT);
                  stop_growing (self);
                }
              gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item",
                                          "u", i);
              break;
            }
        }
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_ALL]);
}

/**
 * atelier_schedule_page_get_sessions:
 *
 * Returns: (transfer none): a #GListModel of the #AtelierSession shown, by
 *   start (the list view gets rows for them a screenful per frame)
 */
GListModel *
atelier_schedule_page_get_sessions (AtelierSchedulePage *self)
{
  g_return_val_if_fail (ATELIER_IS_SCHEDULE_PAGE (self), NULL);

  return G_LIST_MODEL (self->sessions);
}

/**
 * atelier_schedule_page_focus_search:
 *
 * Moves the keyboard focus to the search entry, its text selected.
 */
void
atelier_schedule_page_focus_search (AtelierSchedulePage *self)
{
  g_return_if_fail (ATELIER_IS_SCHEDULE_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}
