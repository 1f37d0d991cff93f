/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-report-view.c: the Reports view: a period, and its figures as
 * charts
 *
 * The figures are the core's (atelier_report_compute()), worked out in a
 * thread with a connection of its own to the store's file: five years of
 * a large store take longer than a frame. A new period, or a change of
 * the store, cancels a computation under way; only the last one asked for
 * is shown. Each figure is a card (atelier-chart-card.c): its chart, the
 * same figures as a table, and their export as CSV. A period with no
 * session says so instead of empty axes.
 *
 * Days and months are those of the store's time zone.
 */
#define G_LOG_DOMAIN "atelier-report-view"

#include "config.h"

#include <glib/gi18n.h>

#include "atelier-chart-card.h"
#include "atelier-money.h"
#include "atelier-date-format.h"
#include "atelier-print-operation.h"
#include "atelier-print-report.h"
#include "atelier-report-view.h"
#include "atelier-settings.h"
#include "atelier-widget-util.h"

typedef enum
{
  CARD_FILL_BY_WORKSHOP,
  CARD_FILL_BY_MONTH,
  CARD_UNSERVED,
  CARD_RETURNING,
  CARD_NO_SHOWS_BY_WORKSHOP,
  CARD_NO_SHOWS_BY_TIME,
  CARD_REVENUE_BY_WORKSHOP,
  CARD_REVENUE_BY_MONTH,
  CARD_INTERESTS,
  N_CARDS
} Card;

struct _AtelierReportView
{
  GtkWidget            parent_instance;

  AtelierStore        *store;
  AtelierReportPeriod  period;
  GDateTime           *range_first;  /* the custom range's days */
  GDateTime           *range_last;
  AtelierReport       *report;
  GCancellable        *cancellable;  /* of the computation under way */
  GPtrArray           *cards;
  gboolean             loaded;
  gboolean             stale;

  /* Template children */
  GtkWidget           *box;
  GtkDropDown         *period_dropdown;
  GtkMenuButton       *range_button;
  GtkLabel            *range_label;
  GtkPopover          *range_popover;
  GtkCalendar         *from_calendar;
  GtkCalendar         *to_calendar;
  GtkLabel            *range_error_label;
  GtkLabel            *period_label;
  GtkSpinner          *spinner;
  GtkStack            *stack;
  GtkBox              *cards_box;
  AdwStatusPage       *empty_page;
};

G_DEFINE_FINAL_TYPE (AtelierReportView, atelier_report_view, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_PERIOD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Formatting */

static char *
format_percent (double fraction)
{
  /* TRANSLATORS: a percentage, e.g. "70%"; French writes "70 %" */
  return g_strdup_printf (_("%.0f%%"), fraction * 100);
}

static char *
format_int (int value)
{
  return g_strdup_printf ("%d", value);
}

static char *
format_month (const AtelierReportMonth *month)
{
  g_autoptr(GDateTime) date = g_date_time_new_utc (month->year, month->month, 1, 12, 0, 0);

  return atelier_date_format (date, C_("report month", "%b %Y"));
}

static char *
format_weekday (int monday_first)
{
  /* 5 January 2026 is a Monday. */
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 1, 5 + monday_first, 12, 0, 0);

  return atelier_date_format (date, "%A");
}

static const char *
time_of_day_name (AtelierReportTimeOfDay time)
{
  switch (time)
    {
    case ATELIER_REPORT_MORNING:
      return _("Morning");
    case ATELIER_REPORT_AFTERNOON:
      return _("Afternoon");
    case ATELIER_REPORT_EVENING:
    default:
      return _("Evening");
    }
}

/* The charts' figures */

static void
add_fill_row (AtelierChartData         *data,
              const char               *name,
              const AtelierReportSeats *seats)
{
  double rate = atelier_report_fill_rate (seats);
  g_autofree char *percent = format_percent (rate);
  g_autofree char *taken = format_int (seats->seats_taken);
  g_autofree char *offered = format_int (seats->seats_offered);
  g_autofree char *full = format_int (seats->full_sessions);
  g_autofree char *waiting = format_int (seats->waiting_seats);
  const char *cells[] = { name, percent, taken, offered, full, waiting };
  g_autofree char *summary = NULL;

  /* TRANSLATORS: a chart's value on hover, e.g. "Risotto: 70%, 7 of 10 seats, 1 full session, 3 seats waited" */
  summary = g_strdup_printf (_("%s: %s, %d of %d seats, %d full, %d waited"),
                             name, percent, seats->seats_taken, seats->seats_offered,
                             seats->full_sessions, seats->waiting_seats);
  atelier_chart_data_add_row (data, &rate, cells, summary);
}

static const char * const *
fill_columns (const char *first)
{
  static const char *columns[7];

  columns[0] = first;
  columns[1] = _("Fill rate");
  columns[2] = _("Seats taken");
  columns[3] = _("Seats offered");
  columns[4] = _("Full sessions");
  columns[5] = _("Waiting seats");
  columns[6] = NULL;
  return columns;
}

static AtelierChartData *
fill_by_workshop (const AtelierReport *report)
{
  AtelierChartData *data = atelier_chart_data_new (ATELIER_CHART_BARS, fill_columns (_("Workshop")), 1, 1.0);

  for (guint i = 0; i < report->workshops->len; i++)
    {
      const AtelierReportWorkshop *w = &g_array_index (report->workshops, AtelierReportWorkshop, i);

      add_fill_row (data, w->title, &w->seats);
    }
  return data;
}

static AtelierChartData *
fill_by_month (const AtelierReport *report)
{
  AtelierChartData *data = atelier_chart_data_new (ATELIER_CHART_LINE, fill_columns (_("Month")), 1, 1.0);

  for (guint i = 0; i < report->months->len; i++)
    {
      const AtelierReportMonth *m = &g_array_index (report->months, AtelierReportMonth, i);
      g_autofree char *name = format_month (m);

      add_fill_row (data, name, &m->seats);
    }
  return data;
}

static AtelierChartData *
unserved (const AtelierReport *report,
          char               **hint)
{
  const char *columns[] = { _("Workshop"), _("Seats never served"), NULL };
  AtelierChartData *data = atelier_chart_data_new (ATELIER_CHART_BARS, columns, 1, 0);
  const AtelierReportWorkshop *most = NULL;

  for (guint i = 0; i < report->workshops->len; i++)
    {
      const AtelierReportWorkshop *w = &g_array_index (report->workshops, AtelierReportWorkshop, i);
      g_autofree char *seats = NULL;
      g_autofree char *summary = NULL;
      double value = w->unserved_seats;
      const char *cells[2];

      if (w->unserved_seats == 0)
        continue;
      seats = format_int (w->unserved_seats);
      cells[0] = w->title;
      cells[1] = seats;
      /* TRANSLATORS: a chart's value on hover, e.g. "Risotto: 4 seats waited and never got in" */
      summary = g_strdup_printf (ngettext ("%s: %d seat waited and never got in",
                                           "%s: %d seats waited and never got in",
                                           w->unserved_seats),
                                 w->title, w->unserved_seats);
      atelier_chart_data_add_row (data, &value, cells, summary);
      if (most == NULL || w->unserved_seats > most->unserved_seats)
        most = w;
    }

  if (most != NULL)
    /* TRANSLATORS: the hint of "Demand not served", e.g. "Add a date of Risotto: 4 seats waited in vain." */
    *hint = g_strdup_printf (ngettext ("Add a date of %s: %d seat waited in vain.",
                                       "Add a date of %s: %d seats waited in vain.",
                                       most->unserved_seats),
                             most->title, most->unserved_seats);
  else
    *hint = g_strdup (_("Every customer who waited got a seat."));
  return data;
}

static AtelierChartData *
returning (const AtelierReport *report,
           char               **hint)
{
  const AtelierReportReturning *r = &report->returning;
  const char *columns[] = { _("Customers"), _("First class"), _("Came before"),
                            _("Came back within 90 days"), NULL };
  AtelierChartData *data = atelier_chart_data_new (ATELIER_CHART_STACKED, columns, 2, 0);
  double values[] = { r->first_timers, r->returning };
  g_autofree char *first = format_int (r->first_timers);
  g_autofree char *before = format_int (r->returning);
  g_autofree char *back = format_int (r->came_back_within_90_days);
  const char *cells[] = { _("Who came"), first, before, back };
  g_autofree char *summary = NULL;

  /* TRANSLATORS: a chart's value on hover, e.g. "12 came for the first time, 30 had come before" */
  summary = g_strdup_printf (_("%d came for the first time, %d had come before"),
                             r->first_timers, r->returning);
  atelier_chart_data_add_row (data, values, cells, summary);
  /* TRANSLATORS: the hint of "Returning customers", e.g. "4 of 12 first-timers came back within 90 days." */
  *hint = g_strdup_printf (ngettext ("%d of %d first-timer came back within 90 days.",
                                     "%d of %d first-timers came back within 90 days.",
                                     r->first_timers),
                           r->came_back_within_90_days, r->first_timers);
  return data;
}

static const char * const *
no_show_columns (const char *first)
{
  static const char *columns[5];

  columns[0] = first;
  columns[1] = _("No-show rate");
  columns[2] = _("Seats missed");
  columns[3] = _("Seats taken");
  columns[4] = NULL;
  return columns;
}

static void
add_no_show_row (AtelierChartData         *data,
                 const char               *name,
                 const AtelierReportSeats *seats)
{
  double rate = atelier_report_no_show_rate (seats);
  int missed = seats->ended_seats_taken - seats->ended_seats_came;
  g_autofree char *percent = format_percent (rate);
  g_autofree char *missed_text = format_int (missed);
  g_autofree char *taken = format_int (seats->ended_seats_taken);
  const char *cells[] = { name, percent, missed_text, taken };
  g_autofree char *summary = NULL;

  /* TRANSLATORS: a chart's value on hover, e.g. "Risotto: 10%, 2 of 20 seats missed" */
  summary = g_strdup_printf (_("%s: %s, %d of %d seats missed"), name, percent, missed,
                             seats->ended_seats_taken);
  atelier_chart_data_add_row (data, &rate, cells, summary);
}

static AtelierChartData *
no_shows_by_workshop (const AtelierReport *report)
{
  AtelierChartData *data = atelier_chart_data_new (ATELIER_CHART_BARS,
                                                   no_show_columns (_("Workshop")), 1, 0);

  for (guint i = 0; i < report->workshops->len; i++)
    {
      const AtelierReportWorkshop *w = &g_array_index (report->workshops, AtelierReportWorkshop, i);

      add_no_show_row (data, w->title, &w->seats);
    }
  return data;
}

static AtelierChartData *
no_shows_by_time (const AtelierReport *report)
{
  AtelierChartData *data = atelier_chart_data_new (ATELIER_CHART_BARS,
                                                   no_show_columns (_("When")), 1, 0);

  for (int day = 0; day < 7; day++)
    {
      g_autofree char *name = NULL;

      if (report->weekdays[day].sessions == 0)
        continue;
      name = format_weekday (day);
      add_no_show_row (data, name, &report->weekdays[day]);
    }
  for (int time = 0; time < ATELIER_REPORT_N_TIMES_OF_DAY; time++)
    if (report->times_of_day[time].sessions > 0)
      add_no_show_row (data, time_of_day_name (time), &report->times_of_day[time]);
  return data;
}

static void
add_revenue_row (AtelierChartData         *data,
                 const char               *name,
                 const AtelierReportSeats *seats,
                 const char               *currency)
{
  double value = seats->revenue;
  g_autofree char *amount = atelier_money_format (seats->revenue, currency);
  g_autofree char *came = format_int (seats->ended_seats_came);
  const char *cells[] = { name, amount, came };
  g_autofree char *summary = NULL;

  /* TRANSLATORS: a chart's value on hover, e.g. "Risotto: €200.00 from 5 seats that came" */
  summary = g_strdup_printf (_("%s: %s from %d seats that came"), name, amount,
                             seats->ended_seats_came);
  atelier_chart_data_add_row (data, &value, cells, summary);
}

static AtelierChartData *
revenue (const AtelierReport *report,
         gboolean             by_month)
{
  const char *columns[] = { by_month ? _("Month") : _("Workshop"), _("Revenue"),
                            _("Seats that came"), NULL };
  AtelierChartData *data = atelier_chart_data_new (by_month ? ATELIER_CHART_LINE : ATELIER_CHART_BARS,
                                                   columns, 1, 0);

  if (by_month)
    for (guint i = 0; i < report->months->len; i++)
      {
        const AtelierReportMonth *m = &g_array_index (report->months, AtelierReportMonth, i);
        g_autofree char *name = format_month (m);

        add_revenue_row (data, name, &m->seats, report->currency);
      }
  else
    for (guint i = 0; i < report->workshops->len; i++)
      {
        const AtelierReportWorkshop *w = &g_array_index (report->workshops, AtelierReportWorkshop, i);

        add_revenue_row (data, w->title, &w->seats, report->currency);
      }
  return data;
}

static AtelierChartData *
interests (const AtelierReport *report,
           char               **hint)
{
  const char *columns[] = { _("Interest"), _("Customers"), _("Sessions held"),
                            _("Seats offered"), NULL };
  AtelierChartData *data = atelier_chart_data_new (ATELIER_CHART_BARS, columns, 1, 0);
  g_autoptr(GString) unscheduled = g_string_new (NULL);

  for (guint i = 0; i < report->interests->len; i++)
    {
      const AtelierReportInterest *interest = &g_array_index (report->interests, AtelierReportInterest, i);
      double value = interest->customers;
      g_autofree char *customers = format_int (interest->customers);
      g_autofree char *sessions = format_int (interest->sessions);
      g_autofree char *seats = format_int (interest->seats_offered);
      const char *cells[] = { interest->tag, customers, sessions, seats };
      g_autofree char *summary = NULL;

      /* TRANSLATORS: a chart's value on hover, e.g. "wine: 40 customers, 2 sessions held" */
      summary = g_strdup_printf (_("%s: %d customers, %d sessions held"), interest->tag,
                                 interest->customers, interest->sessions);
      atelier_chart_data_add_row (data, &value, cells, summary);
      if (interest->sessions == 0 && interest->customers > 0)
        g_string_append_printf (unscheduled, "%s%s", unscheduled->len > 0 ? ", " : "", interest->tag);
    }

  if (unscheduled->len > 0)
    /* TRANSLATORS: the hint of "Interests", e.g. "Nothing on the schedule for: wine, tea" */
    *hint = g_strdup_printf (_("Nothing on the schedule for: %s"), unscheduled->str);
  return data;
}

/* Showing the figures */

static AtelierChartCard *
card (AtelierReportView *self,
      Card               which)
{
  return self->cards->pdata[which];
}

static void
set_card (AtelierReportView *self,
          Card               which,
          AtelierChartData  *data,
          char              *hint)
{
  g_autoptr(AtelierChartData) owned = data;
  g_autofree char *owned_hint = hint;

  atelier_chart_card_set_data (card (self, which), data);
  atelier_chart_card_set_hint (card (self, which), hint);
}

static void
show_report (AtelierReportView *self)
{
  const AtelierReport *report = self->report;
  char *hint = NULL;

  if (atelier_report_is_empty (report))
    {
      adw_status_page_set_icon_name (self->empty_page, "x-office-presentation-symbolic");
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  set_card (self, CARD_FILL_BY_WORKSHOP, fill_by_workshop (report), NULL);
  set_card (self, CARD_FILL_BY_MONTH, fill_by_month (report), NULL);
  {
    AtelierChartData *data = unserved (report, &hint);

    set_card (self, CARD_UNSERVED, data, hint);
  }
  {
    AtelierChartData *data = returning (report, &hint);

    set_card (self, CARD_RETURNING, data, hint);
  }
  set_card (self, CARD_NO_SHOWS_BY_WORKSHOP, no_shows_by_workshop (report), NULL);
  set_card (self, CARD_NO_SHOWS_BY_TIME, no_shows_by_time (report), NULL);
  set_card (self, CARD_REVENUE_BY_WORKSHOP, revenue (report, FALSE), NULL);
  set_card (self, CARD_REVENUE_BY_MONTH, revenue (report, TRUE), NULL);
  hint = NULL;
  {
    AtelierChartData *data = interests (report, &hint);

    set_card (self, CARD_INTERESTS, data, hint);
  }
  gtk_stack_set_visible_child_name (self->stack, "figures");
}

/* Computing */

static GTimeZone *
store_zone (AtelierReportView *self)
{
  g_autoptr(AtelierSettings) settings = atelier_settings_load (self->store, NULL);
  GTimeZone *zone = NULL;

  if (settings != NULL)
    zone = g_time_zone_new_identifier (atelier_settings_get_time_zone (settings));
  return zone != NULL ? zone : g_time_zone_new_local ();
}

static GDateTime *
first_of_month (GDateTime *time,
                int        months)
{
  g_autoptr(GDateTime) first = g_date_time_new (g_date_time_get_timezone (time),
                                                g_date_time_get_year (time),
                                                g_date_time_get_month (time), 1, 0, 0, 0);

  return g_date_time_add_months (first, months);
}

static GDateTime *
midnight (GTimeZone *zone,
          GDateTime *day)
{
  return g_date_time_new (zone, g_date_time_get_year (day), g_date_time_get_month (day),
                          g_date_time_get_day_of_month (day), 0, 0, 0);
}

/* The period as instants: [from, to). */
static void
period_bounds (AtelierReportView *self,
               gint64            *from,
               gint64            *to)
{
  g_autoptr(GTimeZone) zone = store_zone (self);
  g_autoptr(GDateTime) now = g_date_time_new_now (zone);
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;

  switch (self->period)
    {
    case ATELIER_REPORT_PERIOD_THIS_MONTH:
      start = first_of_month (now, 0);
      end = first_of_month (now, 1);
      break;
    case ATELIER_REPORT_PERIOD_LAST_3_MONTHS:
      start = first_of_month (now, -2);
      end = first_of_month (now, 1);
      break;
    case ATELIER_REPORT_PERIOD_THIS_YEAR:
      start = g_date_time_new (zone, g_date_time_get_year (now), 1, 1, 0, 0, 0);
      end = g_date_time_add_years (start, 1);
      break;
    case ATELIER_REPORT_PERIOD_CUSTOM:
    default:
      {
        g_autoptr(GDateTime) last = midnight (zone, self->range_last);

        start = midnight (zone, self->range_first);
        end = g_date_time_add_days (last, 1);
      }
      break;
    }

  *from = g_date_time_to_unix (start);
  *to = g_date_time_to_unix (end);
}

/* "1 Mar – 30 Apr 2031", the year said once when both days share it: it
 * must fit the range button at 360 px. */
static char *
format_period (GDateTime *first,
               GDateTime *last)
{
  gboolean same_year = g_date_time_get_year (first) == g_date_time_get_year (last);
  g_autofree char *first_text =
    atelier_date_format (first, same_year ? C_("report period", "%-d %b")
                                          : C_("report period", "%-d %b %Y"));
  g_autofree char *last_text = atelier_date_format (last, C_("report period", "%-d %b %Y"));

  /* TRANSLATORS: a period of the report, e.g. "1 Mar – 30 Apr 2031" */
  return g_strdup_printf (_("%s – %s"), first_text, last_text);
}

static void
describe_period (AtelierReportView *self,
                 gint64             from,
                 gint64             to)
{
  g_autoptr(GTimeZone) zone = store_zone (self);
  g_autoptr(GDateTime) first_utc = g_date_time_new_from_unix_utc (from);
  g_autoptr(GDateTime) last_utc = g_date_time_new_from_unix_utc (to - 1);
  g_autoptr(GDateTime) first = g_date_time_to_timezone (first_utc, zone);
  g_autoptr(GDateTime) last = g_date_time_to_timezone (last_utc, zone);
  g_autofree char *text = format_period (first, last);

  gtk_label_set_label (self->period_label, text);
}

typedef struct
{
  gint64         from;
  gint64         to;
  gint64         now;
  AtelierReport *report;  /* the result */
} Compute;

static void
compute_free (gpointer data)
{
  Compute *compute = data;

  g_clear_pointer (&compute->report, atelier_report_free);
  g_free (compute);
}

static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Compute *compute = task_data;
  const char *path = g_object_get_data (G_OBJECT (task), "store-path");
  g_autoptr(AtelierStore) store = NULL;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  /* This thread's own connection: one is never shared between threads. */
  store = atelier_store_open_full (path, ATELIER_STORE_OPEN_READ_ONLY, &error);
  if (store != NULL)
    compute->report = atelier_report_compute (store, compute->from, compute->to, compute->now,
                                              &error);
  if (compute->report != NULL)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
set_busy (AtelierReportView *self,
          gboolean           busy)
{
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
}

static void
take_report (AtelierReportView *self,
             AtelierReport     *report)
{
  g_clear_pointer (&self->report, atelier_report_free);
  self->report = report;
  show_report (self);
}

static void
on_computed_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(AtelierReportView) self = user_data;
  g_autoptr(GError) error = NULL;
  Compute *compute = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_warning ("Could not compute the report: %s", error->message);
          set_busy (self, FALSE);
          g_clear_object (&self->cancellable);
        }
      return;
    }
  /* A later computation was asked for: this one is stale. */
  if (g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    return;

  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);
  take_report (self, g_steal_pointer (&compute->report));
}

static void
compute_report (AtelierReportView *self)
{
  g_autoptr(GTask) task = NULL;
  Compute *compute;
  const char *path;

  if (self->store == NULL)
    return;

  self->loaded = TRUE;
  self->stale = FALSE;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  compute = g_new0 (Compute, 1);
  compute->now = g_get_real_time () / G_USEC_PER_SEC;
  period_bounds (self, &compute->from, &compute->to);
  describe_period (self, compute->from, compute->to);

  path = atelier_store_get_path (self->store);
  if (path == NULL)
    {
      /* A store with no file (in memory) has no second connection. */
      g_autoptr(GError) error = NULL;
      AtelierReport *report = atelier_report_compute (self->store, compute->from, compute->to,
                                                      compute->now, &error);

      compute_free (compute);
      if (report == NULL)
        g_warning ("Could not compute the report: %s", error->message);
      else
        take_report (self, report);
      return;
    }

  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  task = g_task_new (NULL, self->cancellable, on_computed_cb, g_object_ref (self));
  g_task_set_source_tag (task, compute_report);
  g_task_set_name (task, "[atelier] compute a report");
  g_task_set_task_data (task, compute, compute_free);
  g_object_set_data_full (G_OBJECT (task), "store-path", g_strdup (path), g_free);
  g_task_run_in_thread (task, compute_thread);
}

/* The period chooser */

static void
on_period_selected_cb (AtelierReportView *self)
{
  guint selected = gtk_drop_down_get_selected (self->period_dropdown);

  if (selected == GTK_INVALID_LIST_POSITION)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->range_button), selected == ATELIER_REPORT_PERIOD_CUSTOM);
  /* The range button says the custom period already. */
  gtk_widget_set_visible (GTK_WIDGET (self->period_label), selected != ATELIER_REPORT_PERIOD_CUSTOM);
  if (selected == self->period)
    return;
  /* The custom range is shown once its days are chosen. */
  if (selected == ATELIER_REPORT_PERIOD_CUSTOM)
    {
      gtk_menu_button_popup (self->range_button);
      return;
    }
  atelier_report_view_set_period (self, selected);
}

static void
on_range_apply_cb (AtelierReportView *self)
{
  g_autoptr(GDateTime) first = gtk_calendar_get_date (self->from_calendar);
  g_autoptr(GDateTime) last = gtk_calendar_get_date (self->to_calendar);

  if (g_date_time_compare (first, last) > 0)
    {
      gtk_label_set_label (self->range_error_label, _("The last day must not come before the first."));
      gtk_widget_set_visible (GTK_WIDGET (self->range_error_label), TRUE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->range_error_label), FALSE);
  atelier_report_view_set_range (self, first, last);
  gtk_popover_popdown (self->range_popover);
}

/* Closed without choosing days: the chooser says again what is shown. */
static void
on_range_closed_cb (AtelierReportView *self)
{
  if (gtk_drop_down_get_selected (self->period_dropdown) != (guint) self->period)
    gtk_drop_down_set_selected (self->period_dropdown, self->period);
}

static void
update_range_button (AtelierReportView *self)
{
  g_autofree char *label = format_period (self->range_first, self->range_last);

  /* The label may be cut at 360 px: the whole period is its tooltip. */
  gtk_label_set_label (self->range_label, label);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->range_button), label);
}

/* Reloading */

static void
on_store_changed_cb (AtelierStore      *store,
                     const char        *table,
                     AtelierReportView *self)
{
  self->stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    compute_report (self);
}

static void
atelier_report_view_map (GtkWidget *widget)
{
  AtelierReportView *self = ATELIER_REPORT_VIEW (widget);

  GTK_WIDGET_CLASS (atelier_report_view_parent_class)->map (widget);

  if (!self->loaded || self->stale)
    compute_report (self);
}

static void
add_card (AtelierReportView *self,
          const char        *title,
          const char        *file_name)
{
  GtkWidget *chart_card = atelier_chart_card_new (title, file_name);

  g_ptr_array_add (self->cards, chart_card);
  gtk_box_append (self->cards_box, chart_card);
}

static void
add_cards (AtelierReportView *self)
{
  /* TRANSLATORS: the file names suggested for each chart's CSV; keep .csv */
  add_card (self, _("Fill rate by workshop"), _("fill-rate-by-workshop.csv"));
  add_card (self, _("Fill rate by month"), _("fill-rate-by-month.csv"));
  add_card (self, _("Demand not served"), _("demand-not-served.csv"));
  add_card (self, _("Returning customers"), _("returning-customers.csv"));
  add_card (self, _("No-shows by workshop"), _("no-shows-by-workshop.csv"));
  add_card (self, _("No-shows by day and time"), _("no-shows-by-time.csv"));
  add_card (self, _("Revenue by workshop"), _("revenue-by-workshop.csv"));
  add_card (self, _("Revenue by month"), _("revenue-by-month.csv"));
  add_card (self, _("Interests and the schedule"), _("interests.csv"));
}

static void
atelier_report_view_constructed (GObject *object)
{
  AtelierReportView *self = ATELIER_REPORT_VIEW (object);
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) today = NULL;

  G_OBJECT_CLASS (atelier_report_view_parent_class)->constructed (object);

  if (self->store == NULL)
    return;

  zone = store_zone (self);
  today = g_date_time_new_now (zone);
  self->range_first = first_of_month (today, 0);
  self->range_last = g_date_time_ref (today);
  update_range_button (self);

  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self, 0);
}

static void
atelier_report_view_dispose (GObject *object)
{
  AtelierReportView *self = ATELIER_REPORT_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATELIER_TYPE_REPORT_VIEW);
  g_clear_pointer (&self->cards, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (atelier_report_view_parent_class)->dispose (object);
}

static void
atelier_report_view_finalize (GObject *object)
{
  AtelierReportView *self = ATELIER_REPORT_VIEW (object);

  g_clear_pointer (&self->report, atelier_report_free);
  g_clear_pointer (&self->range_first, g_date_time_unref);
  g_clear_pointer (&self->range_last, g_date_time_unref);

  G_OBJECT_CLASS (atelier_report_view_parent_class)->finalize (object);
}

static void
atelier_report_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AtelierReportView *self = ATELIER_REPORT_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_PERIOD:
      g_value_set_int (value, self->period);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_report_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AtelierReportView *self = ATELIER_REPORT_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_PERIOD:
      atelier_report_view_set_period (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Printing: the period shown, as the CLI prints it */

static void
print_report_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AtelierReportView *self = ATELIER_REPORT_VIEW (widget);
  g_autoptr(AtelierPrintReport) report = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  report = atelier_report_view_new_print_report (self, &error);
  if (report == NULL)
    {
      atelier_toast_show_text (GTK_WIDGET (self), error->message);
      return;
    }

  /* TRANSLATORS: the name of a print job, in the printer's queue */
  operation = atelier_print_operation_new (ATELIER_PRINT_DOCUMENT (report), _("Report"));
  atelier_print_operation_run_dialog (operation, atelier_widget_get_window (widget));
}

static void
atelier_report_view_class_init (AtelierReportViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = atelier_report_view_constructed;
  object_class->dispose = atelier_report_view_dispose;
  object_class->finalize = atelier_report_view_finalize;
  object_class->get_property = atelier_report_view_get_property;
  object_class->set_property = atelier_report_view_set_property;
  widget_class->map = atelier_report_view_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, ATELIER_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERIOD] =
    g_param_spec_int ("period", NULL, NULL,
                      ATELIER_REPORT_PERIOD_THIS_MONTH, ATELIER_REPORT_PERIOD_CUSTOM,
                      ATELIER_REPORT_PERIOD_THIS_MONTH,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ATELIER_TYPE_CHART_CARD);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ateliers/Atelier/ui/atelier-report-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AtelierReportView, box);
  gtk_widget_class_bind_template_child (widget_class, AtelierReportView, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AtelierReportView, range_button);
  gtk_widget_class_bind_template_child (widget_class, AtelierReportView, range_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierReportView, range_popover);
  gtk_widget_class_bind_template_child (widget_class, AtelierReportView, from_calendar);
  gtk_widget_class_bind_template_child (widget_class, AtelierReportView, to_calendar);
  gtk_widget_class_bind_template_child (widget_class, AtelierReportView, range_error_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierReportView, period_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierReportView, spinner);
  gtk_widget_class_bind_template_child (widget_class, AtelierReportView, stack);
  gtk_widget_class_bind_template_child (widget_class, AtelierReportView, cards_box);
  gtk_widget_class_bind_template_child (widget_class, AtelierReportView, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_period_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_range_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_range_closed_cb);
  gtk_widget_class_install_action (widget_class, "report.print", NULL, print_report_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
atelier_report_view_init (AtelierReportView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cards = g_ptr_array_new ();
  add_cards (self);
  set_busy (self, FALSE);
}

GtkWidget *
atelier_report_view_new (AtelierStore *store)
{
  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  return g_object_new (ATELIER_TYPE_REPORT_VIEW, "store", store, NULL);
}

AtelierStore *
atelier_report_view_get_store (AtelierReportView *self)
{
  g_return_val_if_fail (ATELIER_IS_REPORT_VIEW (self), NULL);

  return self->store;
}

AtelierReportPeriod
atelier_report_view_get_period (AtelierReportView *self)
{
  g_return_val_if_fail (ATELIER_IS_REPORT_VIEW (self), ATELIER_REPORT_PERIOD_THIS_MONTH);

  return self->period;
}

/**
 * atelier_report_view_set_period:
 *
 * Shows the figures of @period, computed again.
 */
void
atelier_report_view_set_period (AtelierReportView   *self,
                                AtelierReportPeriod  period)
{
  gboolean changed;

  g_return_if_fail (ATELIER_IS_REPORT_VIEW (self));

  changed = self->period != period;
  self->period = period;
  if (gtk_drop_down_get_selected (self->period_dropdown) != (guint) period)
    gtk_drop_down_set_selected (self->period_dropdown, period);
  if (!changed && self->loaded)
    return;

  if (self->loaded || gtk_widget_get_mapped (GTK_WIDGET (self)))
    compute_report (self);
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD]);
}

void
atelier_report_view_set_range (AtelierReportView *self,
                               GDateTime         *first_day,
                               GDateTime         *last_day)
{
  g_return_if_fail (ATELIER_IS_REPORT_VIEW (self));
  g_return_if_fail (first_day != NULL && last_day != NULL);

  g_clear_pointer (&self->range_first, g_date_time_unref);
  g_clear_pointer (&self->range_last, g_date_time_unref);
  self->range_first = g_date_time_ref (first_day);
  self->range_last = g_date_time_ref (last_day);
  update_range_button (self);
  gtk_widget_set_visible (GTK_WIDGET (self->range_button), TRUE);
  self->loaded = FALSE;
  atelier_report_view_set_period (self, ATELIER_REPORT_PERIOD_CUSTOM);
}

const AtelierReport *
atelier_report_view_get_report (AtelierReportView *self)
{
  g_return_val_if_fail (ATELIER_IS_REPORT_VIEW (self), NULL);

  return self->report;
}

GPtrArray *
atelier_report_view_get_cards (AtelierReportView *self)
{
  g_return_val_if_fail (ATELIER_IS_REPORT_VIEW (self), NULL);

  return self->cards;
}

gboolean
atelier_report_view_is_busy (AtelierReportView *self)
{
  g_return_val_if_fail (ATELIER_IS_REPORT_VIEW (self), FALSE);

  return self->cancellable != NULL;
}

/**
 * atelier_report_view_new_print_report:
 *
 * Returns: (transfer full): the printed pages of the period shown, with
 *   its figures as of now, or %NULL with @error set
 */
AtelierPrintReport *
atelier_report_view_new_print_report (AtelierReportView  *self,
                                      GError            **error)
{
  gint64 from;
  gint64 to;

  g_return_val_if_fail (ATELIER_IS_REPORT_VIEW (self), NULL);
  g_return_val_if_fail (self->store != NULL, NULL);

  period_bounds (self, &from, &to);
  return atelier_print_report_new (self->store, from, to, g_get_real_time () / G_USEC_PER_SEC, error);
}
