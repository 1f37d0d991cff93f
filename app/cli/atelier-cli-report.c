/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-cli-report.c: `atelier-cli report --from DATE --to DATE [--csv]`
 *
 * The figures of the Reports view (atelier_report_compute()) for a
 * period: tables for people, or with --csv one row per figure, name and
 * measure, written through the project's CSV writer.
 */
#define G_LOG_DOMAIN "atelier-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "atelier-cli-report.h"
#include "atelier-date-format.h"
#include "atelier-cli-table.h"
#include "atelier-csv.h"
#include "atelier-money.h"
#include "atelier-report.h"

static char *
percent (double fraction)
{
  return g_strdup_printf (_("%.0f%%"), fraction * 100);
}

static char *
month_name (const AtelierReportMonth *month)
{
  g_autoptr(GDateTime) date = g_date_time_new_utc (month->year, month->month, 1, 12, 0, 0);

  return g_date_time_format (date, "%Y-%m");
}

static char *
weekday_name (int monday_first)
{
  /* 5 January 2026 is a Monday. */
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 1, 5 + monday_first, 12, 0, 0);

  return atelier_date_format (date, "%A");
}

static const char *
time_of_day_name (int time)
{
  return time == ATELIER_REPORT_MORNING ? _("Morning")
         : time == ATELIER_REPORT_AFTERNOON ? _("Afternoon") : _("Evening");
}

/* The rows every view of the figures shares: a name, then its seats. */
typedef void (*SeatsFunc) (gpointer                  out,
                           const char               *figure,
                           const char               *name,
                           const AtelierReportSeats *seats,
                           const char               *currency);

static void
for_each_seats (const AtelierReport *report,
                SeatsFunc            func,
                gpointer             out,
                const char          *by_workshop,
                const char          *by_month,
                const char          *by_time)
{
  for (guint i = 0; i < report->workshops->len; i++)
    {
      const AtelierReportWorkshop *w = &g_array_index (report->workshops, AtelierReportWorkshop, i);

      func (out, by_workshop, w->title, &w->seats, report->currency);
    }
  for (guint i = 0; i < report->months->len; i++)
    {
      const AtelierReportMonth *m = &g_array_index (report->months, AtelierReportMonth, i);
      g_autofree char *name = month_name (m);

      func (out, by_month, name, &m->seats, report->currency);
    }
  for (int day = 0; day < 7; day++)
    if (report->weekdays[day].sessions > 0)
      {
        g_autofree char *name = weekday_name (day);

        func (out, by_time, name, &report->weekdays[day], report->currency);
      }
  for (int time = 0; time < ATELIER_REPORT_N_TIMES_OF_DAY; time++)
    if (report->times_of_day[time].sessions > 0)
      func (out, by_time, time_of_day_name (time), &report->times_of_day[time], report->currency);
}

/* Tables */

static void
add_table_row (gpointer                  out,
               const char               *figure,
               const char               *name,
               const AtelierReportSeats *seats,
               const char               *currency)
{
  AtelierCliTable *table = out;

  atelier_cli_table_add (table, figure);
  atelier_cli_table_add (table, name);
  atelier_cli_table_take (table, percent (atelier_report_fill_rate (seats)));
  atelier_cli_table_add_printf (table, "%d/%d", seats->seats_taken, seats->seats_offered);
  atelier_cli_table_add_printf (table, "%d", seats->full_sessions);
  atelier_cli_table_add_printf (table, "%d", seats->waiting_seats);
  atelier_cli_table_take (table, percent (atelier_report_no_show_rate (seats)));
  atelier_cli_table_take (table, atelier_money_format (seats->revenue, currency));
}

static void
print_tables (const AtelierReport *report)
{
  g_autoptr(AtelierCliTable) seats = atelier_cli_table_new ("", _("Name"), _("Fill rate"), _("Seats"),
                                                            _("Full sessions"), _("Waiting seats"),
                                                            _("No-show rate"), _("Revenue"), NULL);
  g_autoptr(AtelierCliTable) unserved = atelier_cli_table_new (_("Workshop"), _("Seats never served"), NULL);
  g_autoptr(AtelierCliTable) interests = atelier_cli_table_new (_("Interest"), _("Customers"),
                                                                _("Sessions held"), _("Seats offered"), NULL);
  const AtelierReportReturning *r = &report->returning;

  for (guint column = 2; column <= 7; column++)
    atelier_cli_table_align_right (seats, column);
  for_each_seats (report, add_table_row, seats, _("Workshop"), _("Month"), _("When"));
  atelier_cli_table_print (seats);

  for (guint i = 0; i < report->workshops->len; i++)
    {
      const AtelierReportWorkshop *w = &g_array_index (report->workshops, AtelierReportWorkshop, i);

      if (w->unserved_seats == 0)
        continue;
      atelier_cli_table_add (unserved, w->title);
      atelier_cli_table_add_printf (unserved, "%d", w->unserved_seats);
    }
  g_print ("\n%s\n", _("Demand not served"));
  if (atelier_cli_table_get_n_rows (unserved) > 0)
    atelier_cli_table_print (unserved);
  else
    g_print ("%s\n", _("Every customer who waited got a seat."));

  g_print ("\n%s\n", _("Returning customers"));
  g_print (_("%d came for the first time, %d had come before"), r->first_timers, r->returning);
  g_print ("\n");
  g_print (ngettext ("%d of %d first-timer came back within 90 days.",
                     "%d of %d first-timers came back within 90 days.", r->first_timers),
           r->came_back_within_90_days, r->first_timers);
  g_print ("\n\n%s\n", _("Interests and the schedule"));

  for (guint i = 0; i < report->interests->len; i++)
    {
      const AtelierReportInterest *interest = &g_array_index (report->interests, AtelierReportInterest, i);

      atelier_cli_table_add (interests, interest->tag);
      atelier_cli_table_add_printf (interests, "%d", interest->customers);
      atelier_cli_table_add_printf (interests, "%d", interest->sessions);
      atelier_cli_table_add_printf (interests, "%d", interest->seats_offered);
    }
  atelier_cli_table_print (interests);
}

/* CSV: one value a row, so that a spreadsheet can pivot it. */

static void
add_csv_value (GString    *csv,
               const char *figure,
               const char *name,
               const char *measure,
               gint64      value)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, value);
  const char *fields[] = { figure, name, measure, number };

  atelier_csv_append_row (csv, fields, G_N_ELEMENTS (fields), ',');
}

static void
add_csv_seats (gpointer                  out,
               const char               *figure,
               const char               *name,
               const AtelierReportSeats *seats,
               const char               *currency)
{
  add_csv_value (out, figure, name, "sessions", seats->sessions);
  add_csv_value (out, figure, name, "seats_offered", seats->seats_offered);
  add_csv_value (out, figure, name, "seats_taken", seats->seats_taken);
  add_csv_value (out, figure, name, "full_sessions", seats->full_sessions);
  add_csv_value (out, figure, name, "waiting_seats", seats->waiting_seats);
  add_csv_value (out, figure, name, "ended_seats_taken", seats->ended_seats_taken);
  add_csv_value (out, figure, name, "ended_seats_came", seats->ended_seats_came);
  add_csv_value (out, figure, name, "revenue_minor_units", seats->revenue);
}

static void
print_csv (const AtelierReport *report)
{
  g_autoptr(GString) csv = g_string_new (NULL);
  const char *header[] = { "figure", "name", "measure", "value" };

  atelier_csv_append_row (csv, header, G_N_ELEMENTS (header), ',');
  for_each_seats (report, add_csv_seats, csv, "workshop", "month", "time");
  for (guint i = 0; i < report->workshops->len; i++)
    {
      const AtelierReportWorkshop *w = &g_array_index (report->workshops, AtelierReportWorkshop, i);

      add_csv_value (csv, "workshop", w->title, "unserved_seats", w->unserved_seats);
    }
  add_csv_value (csv, "returning", "", "first_timers", report->returning.first_timers);
  add_csv_value (csv, "returning", "", "returning", report->returning.returning);
  add_csv_value (csv, "returning", "", "came_back_within_90_days",
                 report->returning.came_back_within_90_days);
  for (guint i = 0; i < report->interests->len; i++)
    {
      const AtelierReportInterest *interest = &g_array_index (report->interests, AtelierReportInterest, i);

      add_csv_value (csv, "interest", interest->tag, "customers", interest->customers);
      add_csv_value (csv, "interest", interest->tag, "sessions", interest->sessions);
      add_csv_value (csv, "interest", interest->tag, "seats_offered", interest->seats_offered);
    }
  fwrite (csv->str, 1, csv->len, stdout);
}

int
atelier_cli_report (AtelierCli              *cli,
                    const AtelierCliCommand *command,
                    GStrv                   *args)
{
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  gboolean csv = FALSE;
  const GOptionEntry entries[] = {
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, N_("Print CSV, one value a row, instead of tables"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = atelier_cli_context_new (cli, command, entries);
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(AtelierReport) report = NULL;
  g_autoptr(GError) error = NULL;

  g_option_context_set_description (context, atelier_cli_describe_date_range ());
  atelier_cli_add_date_range (context, &from_text, &to_text);
  if (!atelier_cli_parse (context, args, 0, 0) ||
      !atelier_cli_parse_date_range (context, from_text, to_text, &from, &to))
    return ATELIER_CLI_EXIT_USAGE;
  if (from == NULL || to == NULL)
    return atelier_cli_usage_error (context, "%s", _("Say which days with --from and --to."));

  store = atelier_cli_open_store (cli, FALSE, &error);
  if (store == NULL)
    return atelier_cli_fail (error);
  report = atelier_report_compute (store, g_date_time_to_unix (from), g_date_time_to_unix (to),
                                   g_get_real_time () / G_USEC_PER_SEC, &error);
  if (report == NULL)
    return atelier_cli_fail (error);

  if (csv)
    print_csv (report);
  else if (atelier_report_is_empty (report))
    g_print ("%s\n", _("No Sessions in This Period"));
  else
    print_tables (report);
  return ATELIER_CLI_EXIT_OK;
}
