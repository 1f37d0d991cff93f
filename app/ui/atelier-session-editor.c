/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-session-editor.c: plans a session (or a series) or changes one
 *
 * The form: the workshop, the date (a calendar in a popover), the start
 * and end times (hours and minutes, in the store's time zone), the place
 * and the capacity. The end follows the start, a workshop's duration
 * later, until the user sets it; the capacity comes from the workshop
 * until the user sets it.
 *
 * A new session can repeat: weekly on chosen days, or monthly on the same
 * weekday of the month ("the first Tuesday"), for a number of sessions or
 * until a date. The form turns that into an RRULE and shows what the core
 * makes of it (atelier_series_expand()) as one types: "6 sessions, from
 * Sat 5 Dec to Sat 9 Jan", or the core's refusal. Saving stores all of
 * them in one transaction (atelier_series_create_full()). The dates the
 * rule gives are listed, each with a check: unchecking one (a holiday)
 * leaves it out of the series.
 *
 * A start time the clocks skip or show twice on the chosen date (the
 * mornings daylight-saving time starts and ends) is read by the
 * schedule's one rule, and a line under the time says which time was
 * kept (atelier_reschedule_describe_wall_time()).
 *
 * For an existing session, a new time, place or capacity is saved in one
 * transaction by atelier_booking_update_session() (a new time or place
 * raises its SEQUENCE; a capacity below the seats taken is refused and
 * nothing changes), after saying how many customers will receive an
 * update.
 *
 * Once saved, the editor closes and says what it did in a toast on the
 * main window ("Risotto planned for Tue 1 Dec, 18:00"), with the updates
 * that are owed when a session with attendees moved.
 */
#define G_LOG_DOMAIN "atelier-session-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "atelier-booking.h"
#include "atelier-conflicts.h"
#include "atelier-format.h"
#include "atelier-widget-util.h"
#include "atelier-invite.h"
#include "atelier-outbox.h"
#include "atelier-reschedule.h"
#include "atelier-series.h"
#include "atelier-session-changes.h"
#include "atelier-session-editor.h"
#include "atelier-settings.h"

#define DEFAULT_TIME_ZONE "Europe/Paris"
#define DEFAULT_START_HOUR 18

enum
{
  FREQUENCY_WEEKLY,
  FREQUENCY_MONTHLY,
};

enum
{
  ENDS_AFTER_COUNT,
  ENDS_ON_DATE,
};

struct _AtelierSessionEditor
{
  AdwWindow          parent_instance;

  AtelierStore      *store;
  gint64             session_id;
  gint64             workshop_id;
  AtelierSession    *session;       /* as read, for an existing one */
  GListModel        *workshops;
  char              *zone_name;
  GTimeZone         *zone;
  int                follow_minutes; /* how long after the start the end follows */
  gboolean           end_follows;
  gboolean           capacity_edited;
  gboolean           updating;
  int                forced_day;     /* the first session's weekday, 0 = Monday */
  char              *preview;
  gboolean           preview_is_error;
  char              *saved_message;
  GtkToggleButton   *day_buttons[7];
  GHashTable        *skipped;        /* day keys (20271225) left out of the series */
  GArray            *date_keys;      /* the day keys the date rows show, in order */
  GPtrArray         *date_rows;      /* the rows of @dates_row */

  /* Template children */
  AdwWindowTitle    *window_title;
  GtkWidget         *save_button;
  GtkScrolledWindow *scroller;
  GtkLabel          *error_label;
  AdwComboRow       *workshop_row;
  AdwActionRow      *date_row;
  GtkMenuButton     *date_button;
  GtkCalendar       *date_calendar;
  AdwActionRow      *start_row;
  GtkSpinButton     *start_hour;
  GtkSpinButton     *start_minute;
  AdwActionRow      *end_row;
  GtkSpinButton     *end_hour;
  GtkSpinButton     *end_minute;
  AdwEntryRow       *place_row;
  AdwActionRow      *capacity_row;
  GtkSpinButton     *capacity_spin;
  GtkLabel          *hint_label;
  GtkLabel          *conflict_label;
  GtkLabel          *zone_label;
  GtkWidget         *repeats_box;
  AdwExpanderRow    *repeats_row;
  AdwComboRow       *frequency_row;
  GtkWidget         *days_row;
  GtkFlowBox        *days_box;
  AdwActionRow      *monthly_row;
  AdwComboRow       *ends_row;
  GtkWidget         *count_row;
  GtkSpinButton     *count_spin;
  AdwActionRow      *until_row;
  GtkMenuButton     *until_button;
  GtkCalendar       *until_calendar;
  GtkLabel          *preview_label;
  AdwExpanderRow    *dates_row;
};

G_DEFINE_FINAL_TYPE (AtelierSessionEditor, atelier_session_editor, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_SESSION_ID,
  PROP_WORKSHOP_ID,
  PROP_SAVED_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_validity (AtelierSessionEditor *self);

/* Formatting */

static char *
format_long_date (GDateTime *date)
{
  /* TRANSLATORS: the date of a session in the editor, in
   * g_date_time_format() notation, e.g. "Saturday 5 December 2026" */
  return atelier_date_format (date, _("%A %-d %B %Y"));
}

static char *
format_short_date (GDateTime *date,
                   gboolean   with_year)
{
  if (with_year)
    /* TRANSLATORS: a date in the preview of a series, with its year, in
     * g_date_time_format() notation, e.g. "Sat 5 Dec 2026" */
    return atelier_date_format (date, _("%a %-d %b %Y"));
  /* TRANSLATORS: a date in the preview of a series, in
   * g_date_time_format() notation, e.g. "Sat 5 Dec" */
  return atelier_date_format (date, _("%a %-d %b"));
}

/* Two digits in a time spin button: "09", "00". */
static gboolean
on_time_output_cb (GtkSpinButton *spin,
                   gpointer       user_data)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

/* Reading the form */

static gboolean
is_new (AtelierSessionEditor *self)
{
  return self->session_id == 0;
}

static AtelierWorkshop *
selected_workshop (AtelierSessionEditor *self)
{
  return adw_combo_row_get_selected_item (self->workshop_row);
}

static int
spin_value (GtkSpinButton *spin)
{
  return gtk_spin_button_get_value_as_int (spin);
}

static GDateTime *
dup_at (AtelierSessionEditor *self,
        GtkCalendar          *calendar,
        int                   hour,
        int                   minute)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (calendar);

  /* A time the clocks skip follows the schedule's rule, as the CLI's. */
  return atelier_reschedule_wall_time (self->zone,
                                     g_date_time_get_year (day),
                                     g_date_time_get_month (day),
                                     g_date_time_get_day_of_month (day),
                                     hour, minute, 0, NULL);
}

static GDateTime *
dup_start (AtelierSessionEditor *self)
{
  return dup_at (self, self->date_calendar, spin_value (self->start_hour), spin_value (self->start_minute));
}

static GDateTime *
dup_end (AtelierSessionEditor *self)
{
  return dup_at (self, self->date_calendar, spin_value (self->end_hour), spin_value (self->end_minute));
}

/* The start as chosen on the wall clock (its fields, in UTC): the time of
 * day every date of a series keeps, even when the first date moves it. */
static GDateTime *
dup_wall_start (AtelierSessionEditor *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->date_calendar);

  return g_date_time_new_utc (g_date_time_get_year (day), g_date_time_get_month (day),
                              g_date_time_get_day_of_month (day), spin_value (self->start_hour),
                              spin_value (self->start_minute), 0);
}

/* Under the start: which time is kept when the clocks skip the chosen one
 * or show it twice that day. */
static void
update_wall_note (AtelierSessionEditor *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->date_calendar);
  int hour = spin_value (self->start_hour);
  int minute = spin_value (self->start_minute);
  AtelierWallTimeKind kind = ATELIER_WALL_TIME_EXISTS;
  g_autoptr(GDateTime) kept = NULL;
  g_autofree char *day_text = NULL;
  g_autofree char *note = NULL;

  if (self->zone != NULL)
    kept = atelier_reschedule_wall_time_full (self->zone, g_date_time_get_year (day),
                                            g_date_time_get_month (day),
                                            g_date_time_get_day_of_month (day),
                                            hour, minute, 0, &kind);
  /* TRANSLATORS: the date in the note about a time the clocks skip, in
   * g_date_time_format() notation, e.g. "28 March 2027" */
  day_text = atelier_date_format (day, _("%-d %B %Y"));
  note = atelier_reschedule_describe_wall_time (kind, hour, minute, day_text, kept);
  adw_action_row_set_subtitle (self->start_row, note);
}

static void
set_spin (AtelierSessionEditor *self,
          GtkSpinButton        *spin,
          int                   value)
{
  gboolean updating = self->updating;

  self->updating = TRUE;
  gtk_spin_button_set_value (spin, value);
  self->updating = updating;
}

static void
select_day (AtelierSessionEditor *self,
            GtkCalendar          *calendar,
            GDateTime            *date)
{
  gboolean updating = self->updating;
  g_autoptr(GDateTime) local = g_date_time_to_timezone (date, self->zone);
  /* GtkCalendar reads the date in the local zone: give it the day as such. */
  g_autoptr(GDateTime) day = g_date_time_new_local (g_date_time_get_year (local),
                                                    g_date_time_get_month (local),
                                                    g_date_time_get_day_of_month (local),
                                                    12, 0, 0);

  self->updating = TRUE;
  gtk_calendar_select_day (calendar, day);
  self->updating = updating;
}

/* The first session, as the form describes it (not stored). */
static AtelierSession *
session_from_form (AtelierSessionEditor *self)
{
  AtelierWorkshop *workshop = selected_workshop (self);
  g_autoptr(GDateTime) start = dup_start (self);
  g_autoptr(GDateTime) end = dup_end (self);
  g_autofree char *place = atelier_editable_dup_stripped (GTK_EDITABLE (self->place_row));
  AtelierSession *session;

  gtk_spin_button_update (self->capacity_spin);
  session = atelier_session_new (workshop ? atelier_workshop_get_id (workshop) : 0,
                                 start, end, self->zone_name);
  g_object_set (session,
                "place", *place != '\0' ? place : NULL,
                "capacity", spin_value (self->capacity_spin),
                NULL);
  return session;
}

/* Repeats */

static gboolean
repeats (AtelierSessionEditor *self)
{
  return is_new (self) && adw_expander_row_get_enable_expansion (self->repeats_row);
}

static char *
describe_monthly (AtelierSessionEditor *self)
{
  /* TRANSLATORS: the weekday in "On the first Tuesday" etc. is added by
   * the next strings; these are the ordinals, by position in the month */
  const char *ordinals[] = { N_("first"), N_("second"), N_("third"), N_("fourth") };
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->date_calendar);
  g_autofree char *weekday_name = atelier_date_format (day, "%A");
  int weekday;
  int ordinal;

  atelier_series_weekday_of_month (day, &weekday, &ordinal);
  if (ordinal < 0)
    /* TRANSLATORS: a monthly series, e.g. "On the last Friday of each month" */
    return g_strdup_printf (_("On the last %s of each month"), weekday_name);
  /* TRANSLATORS: a monthly series, e.g. "On the first Tuesday of each month" */
  return g_strdup_printf (_("On the %s %s of each month"), _(ordinals[ordinal - 1]), weekday_name);
}

static GDateTime *
dup_until_end_of_day (AtelierSessionEditor *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->until_calendar);

  return atelier_series_dup_until (day, self->zone);
}

/**
 * atelier_session_editor_dup_rrule:
 *
 * Returns: (nullable): the RRULE the "Repeats" section describes, such as
 *   `FREQ=WEEKLY;BYDAY=TU,SA;COUNT=6`, or %NULL when the session does not
 *   repeat
 */
char *
atelier_session_editor_dup_rrule (AtelierSessionEditor *self)
{
  g_autoptr(GDateTime) first_day = NULL;
  g_autoptr(GDateTime) until_day = NULL;
  AtelierSeriesChoices choices = { 0 };

  g_return_val_if_fail (ATELIER_IS_SESSION_EDITOR (self), NULL);

  if (!repeats (self))
    return NULL;

  first_day = gtk_calendar_get_date (self->date_calendar);
  choices.first_day = first_day;
  choices.zone = self->zone;
  choices.frequency = adw_combo_row_get_selected (self->frequency_row) == FREQUENCY_MONTHLY
                      ? ATELIER_SERIES_MONTHLY : ATELIER_SERIES_WEEKLY;
  for (guint i = 0; i < G_N_ELEMENTS (self->day_buttons); i++)
    if (gtk_toggle_button_get_active (self->day_buttons[i]))
      choices.weekdays |= ATELIER_SERIES_WEEKDAY (i);

  if (adw_combo_row_get_selected (self->ends_row) == ENDS_ON_DATE)
    choices.until_day = until_day = gtk_calendar_get_date (self->until_calendar);
  else
    {
      gtk_spin_button_update (self->count_spin);
      choices.count = spin_value (self->count_spin);
    }

  return atelier_series_build_rrule (&choices);
}

static void
set_preview (AtelierSessionEditor *self,
             const char           *text,
             gboolean              is_error)
{
  g_free (self->preview);
  self->preview = g_strdup (text);
  self->preview_is_error = is_error && text != NULL;

  gtk_label_set_label (self->preview_label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->preview_label), text != NULL);
  if (self->preview_is_error)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->preview_label), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->preview_label), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->preview_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->preview_label), "dim-label");
    }
}

/* 2027-12-25 -> 20271225, in the sessions' zone */
static int
session_day_key (AtelierSession *session)
{
  g_autoptr(GDateTime) start = atelier_session_dup_start (session);

  return g_date_time_get_year (start) * 10000 + g_date_time_get_month (start) * 100 +
         g_date_time_get_day_of_month (start);
}

static void update_preview (AtelierSessionEditor *self);

static void
on_date_check_toggled_cb (GtkCheckButton       *check,
                          AtelierSessionEditor *self)
{
  gpointer key = g_object_get_data (G_OBJECT (check), "day-key");

  if (gtk_check_button_get_active (check))
    g_hash_table_remove (self->skipped, key);
  else
    g_hash_table_add (self->skipped, key);
  update_validity (self);
}

static GtkWidget *
new_date_row (AtelierSessionEditor *self,
              AtelierSession       *session)
{
  g_autoptr(GDateTime) start = atelier_session_dup_start (session);
  g_autofree char *date = format_long_date (start);
  g_autofree char *time = atelier_date_format (start, "%H:%M");
  int key = session_day_key (session);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), date);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), time);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               !g_hash_table_contains (self->skipped, GINT_TO_POINTER (key)));
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (check), "day-key", GINT_TO_POINTER (key));
  /* TRANSLATORS: the accessible name of a date's check in a series, e.g.
   * "Include Saturday 26 December 2026" */
  {
    g_autofree char *label = g_strdup_printf (_("Include %s"), date);

    gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  }
  g_signal_connect (check, "toggled", G_CALLBACK (on_date_check_toggled_cb), self);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  return row;
}

static gboolean
same_dates (AtelierSessionEditor *self,
            GListModel           *dates)
{
  if (self->date_keys->len != g_list_model_get_n_items (dates))
    return FALSE;
  for (guint i = 0; i < self->date_keys->len; i++)
    {
      g_autoptr(AtelierSession) session = g_list_model_get_item (dates, i);

      if (g_array_index (self->date_keys, int, i) != session_day_key (session))
        return FALSE;
    }
  return TRUE;
}

/* One checked row per date the rule gives; a date the rule no longer
 * gives is no longer left out. */
static void
fill_date_rows (AtelierSessionEditor *self,
                GListModel           *dates)
{
  g_autoptr(GHashTable) still = g_hash_table_new (NULL, NULL);

  if (dates != NULL && same_dates (self, dates))
    return;

  for (guint i = 0; i < self->date_rows->len; i++)
    adw_expander_row_remove (self->dates_row, g_ptr_array_index (self->date_rows, i));
  g_ptr_array_set_size (self->date_rows, 0);
  g_array_set_size (self->date_keys, 0);

  for (guint i = 0; dates != NULL && i < g_list_model_get_n_items (dates); i++)
    {
      g_autoptr(AtelierSession) session = g_list_model_get_item (dates, i);
      int key = session_day_key (session);
      GtkWidget *row = new_date_row (self, session);

      if (g_hash_table_contains (self->skipped, GINT_TO_POINTER (key)))
        g_hash_table_add (still, GINT_TO_POINTER (key));
      g_array_append_val (self->date_keys, key);
      g_ptr_array_add (self->date_rows, row);
      adw_expander_row_add_row (self->dates_row, row);
    }
  g_hash_table_remove_all (self->skipped);
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, still);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_hash_table_add (self->skipped, key);
  }
}

/* The left-out days, as the core takes them */
static GPtrArray *
dup_skip_days (AtelierSessionEditor *self)
{
  GPtrArray *days = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->skipped);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      int k = GPOINTER_TO_INT (key);

      g_ptr_array_add (days, g_date_time_new (self->zone, k / 10000, k / 100 % 100, k % 100,
                                              12, 0, 0));
    }
  return days;
}

/* "6 sessions, from Sat 5 Dec to Sat 9 Jan", and how many dates are left out */
static char *
describe_series (GListModel *sessions,
                 guint       n_skipped)
{
  guint n = g_list_model_get_n_items (sessions);
  g_autoptr(AtelierSession) s_first = g_list_model_get_item (sessions, 0);
  g_autoptr(AtelierSession) s_last = g_list_model_get_item (sessions, n - 1);
  g_autoptr(GDateTime) from = atelier_session_dup_start (s_first);
  g_autoptr(GDateTime) to = atelier_session_dup_start (s_last);
  gboolean with_year = g_date_time_get_year (from) != g_date_time_get_year (to);
  g_autofree char *from_text = format_short_date (from, with_year);
  g_autofree char *to_text = format_short_date (to, with_year);
  g_autofree char *text = NULL;

  if (n == 1)
    /* TRANSLATORS: the preview of a series of one, e.g. "1 session, on Sat 5 Dec" */
    text = g_strdup_printf (_("1 session, on %s"), from_text);
  else
    /* TRANSLATORS: the preview of a series, e.g. "6 sessions, from Sat 5 Dec to Sat 9 Jan" */
    text = g_strdup_printf (ngettext ("%u session, from %s to %s",
                                      "%u sessions, from %s to %s", n),
                            n, from_text, to_text);
  if (n_skipped == 0)
    return g_steal_pointer (&text);

  /* TRANSLATORS: after the preview of a series, e.g. "5 sessions, from
   * Sat 5 Dec to Sat 9 Jan (1 date left out)" */
  return g_strdup_printf (ngettext ("%s (%u date left out)", "%s (%u dates left out)", n_skipped),
                          text, n_skipped);
}

/* What the core makes of the rule, as the user sets it up. */
static void
update_preview (AtelierSessionEditor *self)
{
  g_autofree char *rrule = atelier_session_editor_dup_rrule (self);
  g_autoptr(AtelierSession) first = NULL;
  g_autoptr(GDateTime) wall = NULL;
  g_autoptr(GListModel) dates = NULL;
  g_autoptr(GListModel) sessions = NULL;
  g_autoptr(GPtrArray) skip = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->dates_row), FALSE);
  if (rrule == NULL)
    {
      set_preview (self, NULL, FALSE);
      return;
    }

  if (adw_combo_row_get_selected (self->ends_row) == ENDS_ON_DATE)
    {
      g_autoptr(GDateTime) until = dup_until_end_of_day (self);
      g_autoptr(GDateTime) start = dup_start (self);

      if (g_date_time_compare (until, start) < 0)
        {
          set_preview (self, _("The last date comes before the first session: choose a later one."), TRUE);
          return;
        }
    }

  first = session_from_form (self);
  wall = dup_wall_start (self);
  dates = atelier_series_expand_full (first, wall, rrule, NULL, &error);
  if (dates == NULL)
    {
      set_preview (self, error->message, TRUE);
      return;
    }
  fill_date_rows (self, dates);
  gtk_widget_set_visible (GTK_WIDGET (self->dates_row), TRUE);

  skip = dup_skip_days (self);
  if (skip->len == g_list_model_get_n_items (dates))
    {
      set_preview (self, _("Every date is left out: check at least one."), TRUE);
      return;
    }
  sessions = atelier_series_expand_full (first, wall, rrule, skip, &error);
  if (sessions == NULL)
    {
      set_preview (self, error->message, TRUE);
      return;
    }

  text = describe_series (sessions, skip->len);
  set_preview (self, text, FALSE);
}

static void
update_repeats_rows (AtelierSessionEditor *self)
{
  gboolean weekly = adw_combo_row_get_selected (self->frequency_row) != FREQUENCY_MONTHLY;
  gboolean on_date = adw_combo_row_get_selected (self->ends_row) == ENDS_ON_DATE;
  g_autofree char *monthly = describe_monthly (self);
  g_autoptr(GDateTime) until = gtk_calendar_get_date (self->until_calendar);
  g_autofree char *until_text = format_long_date (until);

  gtk_widget_set_visible (self->days_row, weekly);
  gtk_widget_set_visible (GTK_WIDGET (self->monthly_row), !weekly);
  adw_action_row_set_subtitle (self->monthly_row, monthly);
  gtk_widget_set_visible (self->count_row, !on_date);
  gtk_widget_set_visible (GTK_WIDGET (self->until_row), on_date);
  adw_action_row_set_subtitle (self->until_row, until_text);
  adw_expander_row_set_subtitle (self->repeats_row,
                                 repeats (self) ? (weekly ? _("Weekly") : _("Monthly"))
                                                : _("Once"));
}

/* The first session's weekday is always one of the series' days. */
static void
force_first_day (AtelierSessionEditor *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->date_calendar);
  int weekday = g_date_time_get_day_of_week (day) - 1;
  gboolean updating = self->updating;

  if (weekday == self->forced_day)
    return;

  self->updating = TRUE;
  if (self->forced_day >= 0)
    {
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->day_buttons[self->forced_day]), NULL);
      gtk_toggle_button_set_active (self->day_buttons[self->forced_day], FALSE);
    }
  gtk_toggle_button_set_active (self->day_buttons[weekday], TRUE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->day_buttons[weekday]),
                               _("The day of the first session is always included"));
  self->forced_day = weekday;
  self->updating = updating;
}

static void
on_repeats_changed_cb (AtelierSessionEditor *self)
{
  if (self->updating)
    return;

  update_repeats_rows (self);
  update_validity (self);
}

/* The first session's day stays checked. */
static void
on_day_toggled_cb (GtkToggleButton      *button,
                   AtelierSessionEditor *self)
{
  if (self->updating)
    return;

  if (self->forced_day >= 0 && button == self->day_buttons[self->forced_day] &&
      !gtk_toggle_button_get_active (button))
    {
      self->updating = TRUE;
      gtk_toggle_button_set_active (button, TRUE);
      self->updating = FALSE;
      gtk_widget_error_bell (GTK_WIDGET (button));
      return;
    }

  on_repeats_changed_cb (self);
}

static void
on_until_selected_cb (AtelierSessionEditor *self)
{
  if (self->updating)
    return;

  gtk_menu_button_popdown (self->until_button);
  on_repeats_changed_cb (self);
}

/* Validation */

static void
hide_error (AtelierSessionEditor *self)
{
  atelier_form_show_error (self->error_label, self->scroller, NULL);
}

static void
show_error (AtelierSessionEditor *self,
            const char           *message)
{
  atelier_form_show_error (self->error_label, self->scroller, message);
}

/* Why the session (without its repeats) cannot be saved, or NULL. */
static const char *
invalid_reason (AtelierSessionEditor *self)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GDateTime) now = NULL;

  if (self->store == NULL || (!is_new (self) && self->session == NULL))
    return _("This session no longer exists.");
  if (self->workshops == NULL || g_list_model_get_n_items (self->workshops) == 0)
    return _("There is no workshop yet: add one to the catalogue first.");
  if (selected_workshop (self) == NULL)
    return _("Choose the workshop of this session.");

  start = dup_start (self);
  end = dup_end (self);
  if (g_date_time_compare (end, start) <= 0)
    return _("The session must end after it starts, on the same day.");

  now = g_date_time_new_now_utc ();
  if (is_new (self) && g_date_time_compare (start, now) <= 0)
    return _("This date and time are already past: a new session needs a time to come.");

  return NULL;
}

static void
update_end_subtitle (AtelierSessionEditor *self)
{
  g_autoptr(GDateTime) start = dup_start (self);
  g_autoptr(GDateTime) end = dup_end (self);
  GTimeSpan span = g_date_time_difference (end, start);
  g_autofree char *length = NULL;

  if (span <= 0)
    {
      adw_action_row_set_subtitle (self->end_row, NULL);
      return;
    }

  length = atelier_format_duration ((int) (span / G_TIME_SPAN_MINUTE));
  adw_action_row_set_subtitle (self->end_row, length);
}

/* Another session in the same place at an overlapping time (of the
 * first date, for a series) is said, not refused: two groups may share a
 * large kitchen, but usually it is a mistake. */
static void
update_conflict (AtelierSessionEditor *self,
                 gboolean              valid)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GListModel) others = NULL;
  g_autoptr(AtelierSession) first = NULL;
  g_autofree char *place = NULL;
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;

  if (valid)
    {
      place = atelier_editable_dup_stripped (GTK_EDITABLE (self->place_row));
      start = dup_start (self);
      end = dup_end (self);
      others = atelier_conflicts_find_same_place (self->store, place, g_date_time_to_unix (start),
                                                  g_date_time_to_unix (end), self->session_id, NULL);
    }
  if (others == NULL || g_list_model_get_n_items (others) == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->conflict_label), FALSE);
      return;
    }

  first = g_list_model_get_item (others, 0);
  when = atelier_format_session_when (first, ATELIER_WHEN_PLAIN);
  /* TRANSLATORS: under a session's times in the editor, e.g. "Kitchen is
   * taken then: Macarons, Saturday 14 March, 10:00–12:00." */
  text = g_strdup_printf (_("%s is taken then: %s, %s."), place,
                          atelier_session_get_workshop_title (first), when);
  gtk_label_set_label (self->conflict_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->conflict_label), TRUE);
}

static void
update_validity (AtelierSessionEditor *self)
{
  const char *reason = invalid_reason (self);
  const char *why;

  update_end_subtitle (self);
  update_wall_note (self);
  update_preview (self);

  why = reason != NULL ? reason : (self->preview_is_error ? self->preview : NULL);
  gtk_widget_set_sensitive (self->save_button, why == NULL);
  gtk_widget_set_tooltip_text (self->save_button, why);

  /* The repeats' own refusal shows under them, the rest under the times. */
  gtk_label_set_label (self->hint_label, reason ? reason : "");
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), reason != NULL);
  update_conflict (self, reason == NULL);
}

/* Changes */

static void
follow_start (AtelierSessionEditor *self)
{
  g_autoptr(GDateTime) start = dup_start (self);
  g_autoptr(GDateTime) end = g_date_time_add_minutes (start, self->follow_minutes);

  /* Past midnight the end stays where it is: the form says why. */
  if (g_date_time_get_day_of_year (end) != g_date_time_get_day_of_year (start))
    return;

  set_spin (self, self->end_hour, g_date_time_get_hour (end));
  set_spin (self, self->end_minute, g_date_time_get_minute (end));
}

static void
on_start_changed_cb (AtelierSessionEditor *self)
{
  if (self->updating)
    return;

  if (self->end_follows)
    follow_start (self);
  hide_error (self);
  update_validity (self);
}

static void
on_end_changed_cb (AtelierSessionEditor *self)
{
  if (self->updating)
    return;

  self->end_follows = FALSE;
  hide_error (self);
  update_validity (self);
}

static void
on_field_changed_cb (AtelierSessionEditor *self)
{
  if (self->updating)
    return;

  hide_error (self);
  update_validity (self);
}

static void
on_capacity_changed_cb (AtelierSessionEditor *self)
{
  if (self->updating)
    return;

  self->capacity_edited = TRUE;
  hide_error (self);
  update_validity (self);
}

static void
update_date_row (AtelierSessionEditor *self)
{
  g_autoptr(GDateTime) start = dup_start (self);
  g_autofree char *text = format_long_date (start);

  adw_action_row_set_subtitle (self->date_row, text);
}

static void
on_date_selected_cb (AtelierSessionEditor *self)
{
  /* Not while the template is built: there is no zone yet. */
  if (self->zone == NULL)
    return;

  update_date_row (self);
  force_first_day (self);
  if (self->updating)
    return;

  gtk_menu_button_popdown (self->date_button);
  hide_error (self);
  update_repeats_rows (self);
  update_validity (self);
}

static void
on_workshop_selected_cb (AtelierSessionEditor *self)
{
  AtelierWorkshop *workshop = selected_workshop (self);

  if (self->updating || workshop == NULL)
    return;

  /* An existing session keeps its own length and capacity. */
  if (is_new (self))
    {
      self->follow_minutes = atelier_workshop_get_duration_minutes (workshop);
      if (self->end_follows)
        follow_start (self);
      if (!self->capacity_edited)
        set_spin (self, self->capacity_spin, atelier_workshop_get_capacity (workshop));
    }
  hide_error (self);
  update_validity (self);
}

/* What a save did */

/* "Tue 1 Dec, 18:00", in the form's zone */
static char *
format_toast_time (AtelierSessionEditor *self,
                   gint64                unix_time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, self->zone);

  /* TRANSLATORS: under "Edit Session": the workshop and when, e.g.
   * "Risotto, Tue 14 Mar, 18:30" */
  return atelier_date_format (local, _("%a %-d %b, %H:%M"));
}

/* Said on the main window, which stays open when the editor closes; a
 * window of another kind (a test's) has no toasts. */
static void
announce (AtelierSessionEditor *self,
          const char           *message)
{
  g_free (self->saved_message);
  self->saved_message = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVED_MESSAGE]);

  atelier_toast_show_text (GTK_WIDGET (self), message);
}

static char *
describe_planned (AtelierSessionEditor *self,
                  AtelierSession       *first,
                  guint                 n)
{
  AtelierWorkshop *workshop = selected_workshop (self);
  const char *title = workshop ? atelier_workshop_get_title (workshop) : "";
  g_autofree char *when = NULL;

  if (n <= 1)
    {
      when = format_toast_time (self, atelier_session_get_starts_at (first));
      /* TRANSLATORS: a toast once a session is planned: the workshop and
       * when, e.g. "Risotto Lesson planned for Tue 1 Dec, 18:00" */
      return g_strdup_printf (_("%s planned for %s"), title, when);
    }

  {
    g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (atelier_session_get_starts_at (first));
    g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, self->zone);

    when = format_short_date (local, FALSE);
  }
  /* TRANSLATORS: a toast once a series is planned: how many sessions, the
   * workshop and the first date, e.g. "8 sessions of Risotto Lesson
   * planned, from Tue 1 Dec" */
  return g_strdup_printf (ngettext ("%u session of %s planned, from %s",
                                    "%u sessions of %s planned, from %s", n),
                          n, title, when);
}

/* What changed, then (first, as a toast cuts off what does not fit) the
 * invites it makes owed: updates, or first invites for those promoted. */
static char *
describe_changes (AtelierSession *stored,
                  AtelierSession *saved,
                  int             n_updates,
                  guint           n_promoted)
{
  g_autofree char *done = atelier_session_changes_describe (stored, saved, atelier_date_format);

  if (done == NULL)
    done = g_strdup (_("Session saved"));

  if (n_updates > 0)
    /* TRANSLATORS: a toast: how many customers are owed an update, then
     * what changed, e.g. "2 updates to send: Risotto Lesson moved to
     * Tue 8 Dec, 18:30" */
    return g_strdup_printf (ngettext ("%d update to send: %s", "%d updates to send: %s", n_updates),
                            n_updates, done);
  if (n_promoted > 0)
    /* TRANSLATORS: a toast: how many customers a larger capacity let in
     * from the waiting list, then what changed */
    return g_strdup_printf (ngettext ("%u confirmed from the waiting list: %s",
                                      "%u confirmed from the waiting list: %s", n_promoted),
                            n_promoted, done);
  return g_steal_pointer (&done);
}

/* Saving */

/* Closes once the question (transient for this window), if any, has
 * finished answering. */
static void
finish (AtelierSessionEditor *self)
{
  atelier_window_close_when_idle (GTK_WINDOW (self));
}

static void
save_new (AtelierSessionEditor *self)
{
  g_autoptr(AtelierSession) session = session_from_form (self);
  g_autofree char *rrule = atelier_session_editor_dup_rrule (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n = 1;

  if (rrule != NULL)
    {
      g_autoptr(GDateTime) wall = dup_wall_start (self);
      g_autoptr(GPtrArray) skip = dup_skip_days (self);
      g_autoptr(GListModel) created = atelier_series_create_full (self->store, session, wall, rrule,
                                                                  skip, &error);

      if (created == NULL)
        {
          show_error (self, error->message);
          return;
        }
      g_clear_object (&session);
      session = g_list_model_get_item (created, 0);
      n = g_list_model_get_n_items (created);
    }
  else if (!atelier_store_add_session (self->store, session, &error))
    {
      show_error (self, error->message);
      return;
    }

  self->session_id = atelier_session_get_id (session);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION_ID]);
  message = describe_planned (self, session, n);
  announce (self, message);
  finish (self);
}

/* The stored session with the form's time and place (its capacity as
 * stored: that one changes through the booking rules). */
static AtelierSession *
changed_session (AtelierSessionEditor *self,
                 GError              **error)
{
  AtelierSession *session = atelier_store_get_session (self->store, self->session_id, error);
  g_autoptr(GDateTime) start = dup_start (self);
  g_autoptr(GDateTime) end = dup_end (self);
  g_autofree char *place = atelier_editable_dup_stripped (GTK_EDITABLE (self->place_row));

  if (session == NULL)
    return NULL;

  g_object_set (session,
                "starts-at", g_date_time_to_unix (start),
                "ends-at", g_date_time_to_unix (end),
                "place", *place != '\0' ? place : NULL,
                NULL);
  return session;
}

static gboolean
calendar_changed (AtelierSession *stored,
                  AtelierSession *wanted)
{
  return atelier_session_changes_between (stored, wanted) != ATELIER_SESSION_CHANGED_NOTHING;
}

static int count_update_recipients (AtelierSessionEditor *self,
                                    int                  *n_confirmed);

static void
save_existing (AtelierSessionEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtelierSession) stored = atelier_store_get_session (self->store, self->session_id, &error);
  g_autoptr(AtelierSession) wanted = NULL;
  g_autoptr(GListModel) promoted = NULL;
  g_autofree char *message = NULL;
  int n_updates = 0;
  int n_confirmed;
  int n_cleared = 0;

  if (stored != NULL)
    wanted = changed_session (self, &error);
  if (wanted == NULL)
    {
      show_error (self, error->message);
      return;
    }

  /* Counted before the change queues the updates. */
  if (calendar_changed (stored, wanted))
    n_updates = count_update_recipients (self, &n_confirmed);

  gtk_spin_button_update (self->capacity_spin);
  g_object_set (wanted, "capacity", spin_value (self->capacity_spin), NULL);
  if (!atelier_booking_update_session_full (self->store, wanted, &promoted, &n_cleared, &error))
    {
      show_error (self, error->message);
      return;
    }

  message = describe_changes (stored, wanted, n_updates,
                              promoted ? g_list_model_get_n_items (promoted) : 0);
  if (n_cleared > 0)
    {
      /* TRANSLATORS: the saved message of a session moved to another
       * day, then how many check-ins made before were undone */
      g_autofree char *with_cleared = g_strdup_printf (ngettext ("%s; %d check-in cleared",
                                                                 "%s; %d check-ins cleared",
                                                                 n_cleared),
                                                       message, n_cleared);

      g_free (message);
      message = g_steal_pointer (&with_cleared);
    }
  announce (self, message);
  finish (self);
}

/* How many confirmed customers already hold an invite to the session, and
 * so will be owed an update: those with an e-mail address who are not
 * still waiting for their first invite. */
static int
count_update_recipients (AtelierSessionEditor *self,
                         int                  *n_confirmed)
{
  g_autoptr(GListModel) registrations = atelier_store_list_registrations (self->store, self->session_id, NULL);
  g_autoptr(GListModel) owed = atelier_outbox_list (self->store, self->session_id, NULL);
  g_autoptr(GHashTable) waiting_first = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  int n = 0;

  *n_confirmed = 0;
  for (guint i = 0; owed != NULL && i < g_list_model_get_n_items (owed); i++)
    {
      g_autoptr(AtelierOutboxItem) item = g_list_model_get_item (owed, i);
      AtelierInviteKind kind = atelier_outbox_item_get_kind (item);

      if (kind == ATELIER_INVITE_NEW || kind == ATELIER_INVITE_PROMOTED)
        g_hash_table_add (waiting_first, g_memdup2 (&(gint64) { atelier_outbox_item_get_registration_id (item) },
                                                    sizeof (gint64)));
    }

  for (guint i = 0; registrations != NULL && i < g_list_model_get_n_items (registrations); i++)
    {
      g_autoptr(AtelierRegistration) r = g_list_model_get_item (registrations, i);
      g_autoptr(AtelierCustomer) customer = NULL;
      gint64 id = atelier_registration_get_id (r);
      const char *email;

      if (g_strcmp0 (atelier_registration_get_status (r), ATELIER_REGISTRATION_CONFIRMED) != 0)
        continue;
      (*n_confirmed)++;
      if (g_hash_table_contains (waiting_first, &id))
        continue;
      customer = atelier_store_get_customer (self->store, atelier_registration_get_customer_id (r), NULL);
      if (customer == NULL || atelier_customer_get_erased_at (customer) != 0)
        continue;
      email = atelier_customer_get_email (customer);
      if (email != NULL && *email != '\0')
        n++;
    }

  return n;
}

static void
on_reschedule_response_cb (AdwMessageDialog     *dialog,
                           const char           *response,
                           AtelierSessionEditor *self)
{
  if (g_strcmp0 (response, "reschedule") == 0)
    save_existing (self);
}

static void
on_save_clicked_cb (AtelierSessionEditor *self)
{
  g_autoptr(AtelierSession) stored = NULL;
  g_autoptr(AtelierSession) wanted = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;
  gboolean time_changed;
  int n_confirmed;
  int n;

  update_validity (self);
  if (!gtk_widget_get_sensitive (self->save_button))
    return;
  hide_error (self);

  if (is_new (self))
    {
      save_new (self);
      return;
    }

  stored = atelier_store_get_session (self->store, self->session_id, &error);
  if (stored != NULL)
    wanted = changed_session (self, &error);
  if (wanted == NULL)
    {
      show_error (self, error->message);
      return;
    }

  if (!calendar_changed (stored, wanted))
    {
      save_existing (self);
      return;
    }

  n = count_update_recipients (self, &n_confirmed);
  if (n_confirmed == 0)
    {
      save_existing (self);
      return;
    }

  if (n > 0)
    /* TRANSLATORS: asked before changing the time or place of a session */
    body = g_strdup_printf (ngettext ("%d person will receive an update.",
                                      "%d people will receive an update.", n), n);
  else
    body = g_strdup_printf (ngettext ("Nobody has received an invite yet: the person signed up will get the new details with their first invite.",
                                      "Nobody has received an invite yet: the %d people signed up will get the new details with their first invite.",
                                      n_confirmed), n_confirmed);

  time_changed = (atelier_session_changes_between (stored, wanted) & ATELIER_SESSION_CHANGED_TIME) != 0;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       time_changed ? _("Reschedule?") : _("Change the Place?"),
                                                       body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "reschedule", time_changed ? _("_Reschedule") : _("C_hange Place"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "reschedule", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "reschedule");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_reschedule_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Setup */

static void
setup_zone (AtelierSessionEditor *self,
            AtelierSettings      *settings)
{
  const char *name = NULL;
  g_autofree char *caption = NULL;

  if (self->session != NULL)
    name = atelier_session_get_time_zone (self->session);
  else if (settings != NULL)
    name = atelier_settings_get_time_zone (settings);
  if (name == NULL || *name == '\0')
    name = DEFAULT_TIME_ZONE;

  self->zone_name = g_strdup (name);
  self->zone = g_time_zone_new_identifier (name);
  if (self->zone == NULL)
    {
      g_warning ("Unknown time zone %s: using UTC", name);
      self->zone = g_time_zone_new_utc ();
    }

  /* TRANSLATORS: under the times of a session, e.g. "Times are in the
   * Europe/Paris time zone." */
  caption = g_strdup_printf (_("Times are in the %s time zone."), self->zone_name);
  gtk_label_set_label (self->zone_label, caption);
}

/* The workshops' titles, whole: a store's are often long ("Vins de
 * Loire : initiation à la dégustation") and the default items cut them at
 * twenty characters. The row shows the choice as its subtitle, which wraps;
 * the list's items wrap too, with a check mark on the chosen one. */
static void
on_workshop_item_setup_cb (GtkSignalListItemFactory *factory,
                           GtkListItem              *list_item,
                           AtelierSessionEditor     *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 32);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (list_item, box);
}

static void
update_workshop_check (AdwComboRow *row,
                       GParamSpec  *pspec,
                       GtkListItem *list_item)
{
  GtkWidget *check = gtk_widget_get_last_child (gtk_list_item_get_child (list_item));

  gtk_widget_set_opacity (check, gtk_list_item_get_item (list_item) == adw_combo_row_get_selected_item (row) ? 1 : 0);
}

static void
on_workshop_item_bind_cb (GtkSignalListItemFactory *factory,
                          GtkListItem              *list_item,
                          AtelierSessionEditor     *self)
{
  AtelierWorkshop *workshop = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_widget_get_first_child (gtk_list_item_get_child (list_item));

  gtk_label_set_label (GTK_LABEL (label), atelier_workshop_get_title (workshop));
  g_signal_connect (self->workshop_row, "notify::selected-item",
                    G_CALLBACK (update_workshop_check), list_item);
  update_workshop_check (self->workshop_row, NULL, list_item);
}

static void
on_workshop_item_unbind_cb (GtkSignalListItemFactory *factory,
                            GtkListItem              *list_item,
                            AtelierSessionEditor     *self)
{
  /* Also while the template is disposed, the row perhaps gone. */
  if (self->workshop_row != NULL)
    g_signal_handlers_disconnect_by_func (self->workshop_row, update_workshop_check, list_item);
}

static void
setup_workshop_row (AtelierSessionEditor *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (on_workshop_item_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_workshop_item_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_workshop_item_unbind_cb), self);
  adw_combo_row_set_list_factory (self->workshop_row, factory);
  adw_combo_row_set_use_subtitle (self->workshop_row, TRUE);
}

static void
setup_workshops (AtelierSessionEditor *self)
{
  g_autoptr(GtkExpression) expression = NULL;
  g_autoptr(GError) error = NULL;
  guint selected = GTK_INVALID_LIST_POSITION;

  self->workshops = atelier_store_list_workshops (self->store, &error);
  if (self->workshops == NULL)
    {
      show_error (self, error->message);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (self->workshops); i++)
    {
      g_autoptr(AtelierWorkshop) workshop = g_list_model_get_item (self->workshops, i);

      if (atelier_workshop_get_id (workshop) == self->workshop_id)
        selected = i;
    }
  if (selected == GTK_INVALID_LIST_POSITION && g_list_model_get_n_items (self->workshops) > 0)
    selected = 0;

  expression = gtk_property_expression_new (ATELIER_TYPE_WORKSHOP, NULL, "title");
  setup_workshop_row (self);
  self->updating = TRUE;
  adw_combo_row_set_expression (self->workshop_row, expression);
  adw_combo_row_set_model (self->workshop_row, self->workshops);
  if (selected != GTK_INVALID_LIST_POSITION)
    adw_combo_row_set_selected (self->workshop_row, selected);
  self->updating = FALSE;
}

static void
fill_new (AtelierSessionEditor *self,
          AtelierSettings      *settings)
{
  AtelierWorkshop *workshop = selected_workshop (self);
  g_autoptr(GDateTime) now = g_date_time_new_now (self->zone);
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  const char *address = settings ? atelier_settings_get_address (settings) : NULL;

  self->end_follows = TRUE;
  self->follow_minutes = workshop ? atelier_workshop_get_duration_minutes (workshop) : 120;

  select_day (self, self->date_calendar, tomorrow);
  set_spin (self, self->start_hour, DEFAULT_START_HOUR);
  set_spin (self, self->start_minute, 0);
  follow_start (self);
  if (workshop != NULL)
    set_spin (self, self->capacity_spin, atelier_workshop_get_capacity (workshop));

  self->updating = TRUE;
  if (address != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->place_row), address);
  self->updating = FALSE;

  {
    g_autoptr(GDateTime) in_a_month = g_date_time_add_months (tomorrow, 1);

    select_day (self, self->until_calendar, in_a_month);
  }
}

static void
fill_existing (AtelierSessionEditor *self)
{
  AtelierSession *s = self->session;
  g_autoptr(GDateTime) start = atelier_session_dup_start (s);
  g_autoptr(GDateTime) end = atelier_session_dup_end (s);
  g_autoptr(GDateTime) zoned_start = g_date_time_to_timezone (start, self->zone);
  g_autoptr(GDateTime) zoned_end = g_date_time_to_timezone (end, self->zone);
  g_autofree char *when = NULL;
  g_autofree char *subtitle = NULL;
  AtelierSessionSummary summary = { 0 };

  self->end_follows = TRUE;
  self->follow_minutes = (int) (g_date_time_difference (zoned_end, zoned_start) / G_TIME_SPAN_MINUTE);

  select_day (self, self->date_calendar, zoned_start);
  set_spin (self, self->start_hour, g_date_time_get_hour (zoned_start));
  set_spin (self, self->start_minute, g_date_time_get_minute (zoned_start));
  set_spin (self, self->end_hour, g_date_time_get_hour (zoned_end));
  set_spin (self, self->end_minute, g_date_time_get_minute (zoned_end));
  set_spin (self, self->capacity_spin, atelier_session_get_capacity (s));

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->place_row), atelier_session_get_place (s) ?: "");
  self->updating = FALSE;

  /* A session keeps its workshop: its customers signed up for that one. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->workshop_row), FALSE);
  gtk_widget_set_visible (self->repeats_box, FALSE);

  if (atelier_booking_summarize (self->store, self->session_id, &summary, NULL))
    {
      g_autofree char *taken = NULL;

      /* TRANSLATORS: under the capacity of a session being edited */
      taken = g_strdup_printf (ngettext ("%d seat taken", "%d seats taken", summary.confirmed_seats),
                               summary.confirmed_seats);
      adw_action_row_set_subtitle (self->capacity_row, taken);
    }

  /* TRANSLATORS: under "Edit Session": the workshop and when, e.g.
   * "Risotto, Tue 14 Mar, 18:30" */
  when = atelier_date_format (zoned_start, _("%a %-d %b, %H:%M"));
  subtitle = g_strdup_printf (_("%s, %s"), atelier_session_get_workshop_title (s), when ? when : "");
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static void
atelier_session_editor_constructed (GObject *object)
{
  AtelierSessionEditor *self = ATELIER_SESSION_EDITOR (object);
  g_autoptr(AtelierSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  const char *title;

  G_OBJECT_CLASS (atelier_session_editor_parent_class)->constructed (object);

  title = is_new (self) ? _("New Session") : _("Edit Session");
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);

  if (self->store == NULL)
    {
      g_critical ("AtelierSessionEditor needs a store");
      setup_zone (self, NULL);
      update_validity (self);
      return;
    }

  if (!is_new (self))
    {
      self->session = atelier_store_get_session (self->store, self->session_id, &error);
      if (self->session != NULL)
        self->workshop_id = atelier_session_get_workshop_id (self->session);
    }
  else
    settings = atelier_settings_load (self->store, NULL);

  setup_zone (self, settings);
  setup_workshops (self);

  if (self->session != NULL)
    fill_existing (self);
  else
    fill_new (self, settings);

  update_date_row (self);
  force_first_day (self);
  update_repeats_rows (self);
  update_validity (self);
  if (error != NULL)
    show_error (self, error->message);

  /* The first field to fill, not the header's Cancel button: Enter
   * would close the editor. An existing session keeps its workshop. */
  if (self->session != NULL)
    gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->date_button));
  else
    gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->workshop_row));
}

static void
atelier_session_editor_dispose (GObject *object)
{
  AtelierSessionEditor *self = ATELIER_SESSION_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATELIER_TYPE_SESSION_EDITOR);

  g_clear_object (&self->session);
  g_clear_object (&self->workshops);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (atelier_session_editor_parent_class)->dispose (object);
}

static void
atelier_session_editor_finalize (GObject *object)
{
  AtelierSessionEditor *self = ATELIER_SESSION_EDITOR (object);

  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_free (self->zone_name);
  g_free (self->preview);
  g_free (self->saved_message);
  g_clear_pointer (&self->skipped, g_hash_table_unref);
  g_clear_pointer (&self->date_keys, g_array_unref);
  g_clear_pointer (&self->date_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (atelier_session_editor_parent_class)->finalize (object);
}

static void
atelier_session_editor_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  AtelierSessionEditor *self = ATELIER_SESSION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SESSION_ID:
      g_value_set_int64 (value, self->session_id);
      break;

    case PROP_WORKSHOP_ID:
      g_value_set_int64 (value, self->workshop_id);
      break;

    case PROP_SAVED_MESSAGE:
      g_value_set_string (value, self->saved_message);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_session_editor_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  AtelierSessionEditor *self = ATELIER_SESSION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_SESSION_ID:
      self->session_id = g_value_get_int64 (value);
      break;

    case PROP_WORKSHOP_ID:
      self->workshop_id = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_session_editor_class_init (AtelierSessionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = atelier_session_editor_constructed;
  object_class->dispose = atelier_session_editor_dispose;
  object_class->finalize = atelier_session_editor_finalize;
  object_class->get_property = atelier_session_editor_get_property;
  object_class->set_property = atelier_session_editor_set_property;

  /**
   * AtelierSessionEditor:store:
   *
   * The store the session is saved in.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ATELIER_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * AtelierSessionEditor:session-id:
   *
   * The session edited, or 0 for a new one; once a new one is saved, its
   * id (the first of a series).
   */
  properties[PROP_SESSION_ID] =
    g_param_spec_int64 ("session-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * AtelierSessionEditor:workshop-id:
   *
   * The workshop chosen first for a new session, or 0.
   */
  properties[PROP_WORKSHOP_ID] =
    g_param_spec_int64 ("workshop-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * AtelierSessionEditor:saved-message:
   *
   * What the last save did, as the main window's toast says it ("Risotto
   * planned for Tue 1 Dec, 18:00"), or %NULL before a save. It changes
   * just before the editor closes.
   */
  properties[PROP_SAVED_MESSAGE] =
    g_param_spec_string ("saved-message", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ateliers/Atelier/ui/atelier-session-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionEditor, workshop_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionEditor, date_button);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionEditor, date_calendar);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionEditor, start_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionEditor, start_hour);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionEditor, start_minute);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionEditor, end_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionEditor, end_hour);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionEditor, end_minute);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionEditor, place_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionEditor, capacity_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionEditor, capacity_spin);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionEditor, hint_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionEditor, conflict_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionEditor, zone_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionEditor, repeats_box);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionEditor, repeats_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionEditor, frequency_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionEditor, days_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionEditor, days_box);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionEditor, monthly_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionEditor, ends_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionEditor, count_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionEditor, count_spin);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionEditor, until_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionEditor, until_button);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionEditor, until_calendar);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionEditor, preview_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionEditor, dates_row);
  gtk_widget_class_bind_template_callback (widget_class, atelier_widget_focus_next);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_workshop_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_time_output_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_start_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_end_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_capacity_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_repeats_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_until_selected_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
atelier_session_editor_init (AtelierSessionEditor *self)
{
  /* 1 January 2024 was a Monday. */
  g_autoptr(GDateTime) monday = g_date_time_new_utc (2024, 1, 1, 12, 0, 0);
  GtkSpinButton *spins[] = { NULL, NULL, NULL, NULL, NULL, NULL };

  self->forced_day = -1;
  self->updating = TRUE;
  self->skipped = g_hash_table_new (NULL, NULL);
  self->date_keys = g_array_new (FALSE, FALSE, sizeof (int));
  self->date_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  for (int i = 0; i < 7; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (monday, i);
      /* TRANSLATORS: a day of the week on a toggle of a weekly series, in
       * g_date_time_format() notation: its abbreviated name, e.g. "Tue" */
      g_autofree char *short_name = atelier_date_format (day, C_("weekday toggle", "%a"));
      g_autofree char *long_name = atelier_date_format (day, "%A");
      GtkWidget *button = gtk_toggle_button_new_with_label (short_name);

      gtk_widget_add_css_class (button, "day-toggle");
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, long_name, -1);
      g_signal_connect (button, "toggled", G_CALLBACK (on_day_toggled_cb), self);
      gtk_flow_box_append (self->days_box, button);
      /* The buttons take the focus, not their flow box children. */
      gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
      self->day_buttons[i] = GTK_TOGGLE_BUTTON (button);
    }

  /* GTK 4.8's spin buttons have no activates-default of their own. */
  spins[0] = self->start_hour;
  spins[1] = self->start_minute;
  spins[2] = self->end_hour;
  spins[3] = self->end_minute;
  spins[4] = self->capacity_spin;
  spins[5] = self->count_spin;
  for (guint i = 0; i < G_N_ELEMENTS (spins); i++)
    {
      GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (spins[i]));

      if (GTK_IS_TEXT (delegate))
        gtk_text_set_activates_default (GTK_TEXT (delegate), TRUE);
    }
  self->updating = FALSE;
}

/**
 * atelier_session_editor_new:
 * @parent: (nullable): the window the dialog belongs to
 * @session_id: the session to edit, or 0 for a new one
 * @workshop_id: for a new session, the workshop chosen first, or 0
 */
GtkWidget *
atelier_session_editor_new (GtkWindow    *parent,
                            AtelierStore *store,
                            gint64        session_id,
                            gint64        workshop_id)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  return g_object_new (ATELIER_TYPE_SESSION_EDITOR,
                       "transient-for", parent,
                       "store", store,
                       "session-id", session_id,
                       "workshop-id", workshop_id,
                       NULL);
}

AtelierStore *
atelier_session_editor_get_store (AtelierSessionEditor *self)
{
  g_return_val_if_fail (ATELIER_IS_SESSION_EDITOR (self), NULL);

  return self->store;
}

/**
 * atelier_session_editor_get_session_id:
 *
 * Returns: the session edited; for a new one, 0 until it is saved, then
 *   its id (the first of a series)
 */
gint64
atelier_session_editor_get_session_id (AtelierSessionEditor *self)
{
  g_return_val_if_fail (ATELIER_IS_SESSION_EDITOR (self), 0);

  return self->session_id;
}

/**
 * atelier_session_editor_get_time_zone:
 *
 * Returns: the IANA name of the zone the form's times are in
 */
const char *
atelier_session_editor_get_time_zone (AtelierSessionEditor *self)
{
  g_return_val_if_fail (ATELIER_IS_SESSION_EDITOR (self), NULL);

  return self->zone_name;
}

/**
 * atelier_session_editor_get_preview:
 *
 * Returns: (nullable): what the "Repeats" section says of the series
 *   ("6 sessions, from Sat 5 Dec to Sat 9 Jan", or why it is refused), or
 *   %NULL when the session does not repeat
 */
const char *
atelier_session_editor_get_preview (AtelierSessionEditor *self)
{
  g_return_val_if_fail (ATELIER_IS_SESSION_EDITOR (self), NULL);

  return self->preview;
}

/**
 * atelier_session_editor_get_message:
 *
 * Returns: (nullable): what the form says to the user at the moment: the
 *   core's refusal of the last save, else why it cannot be saved, or %NULL
 */
const char *
atelier_session_editor_get_message (AtelierSessionEditor *self)
{
  g_return_val_if_fail (ATELIER_IS_SESSION_EDITOR (self), NULL);

  if (gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return gtk_label_get_label (self->error_label);
  if (gtk_widget_get_visible (GTK_WIDGET (self->hint_label)))
    return gtk_label_get_label (self->hint_label);
  if (self->preview_is_error)
    return self->preview;
  return NULL;
}
