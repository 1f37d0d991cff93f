/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-cli-print.c: print roster SESSION, print week [DATE],
 * print report --from DATE --to DATE
 *
 * Writes the pages the window prints straight to a PDF file: a session's
 * sign-in sheet, the week's poster for the shop window, or a period's
 * report. The paper is
 * the locale's (A4, or US Letter where LC_PAPER says so) unless --paper
 * names one.
 */
#define G_LOG_DOMAIN "atelier-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "atelier-cli-private.h"
#include "atelier-print-report.h"
#include "atelier-print-roster.h"
#include "atelier-print-week.h"

static int
write_pdf (AtelierPrintDocument *document,
           const char           *out,
           AtelierPaper          paper)
{
  g_autoptr(GError) error = NULL;
  AtelierPrintSetup setup;

  atelier_print_setup_init (&setup, paper);
  if (!atelier_print_document_write_pdf (document, out, &setup, &error))
    return atelier_cli_fail (error);

  return ATELIER_CLI_EXIT_OK;
}

static int
print_roster (AtelierCli     *cli,
              GOptionContext *context,
              GStrv           args,
              const char     *out,
              AtelierPaper    paper)
{
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(AtelierPrintRoster) roster = NULL;
  g_autoptr(GError) error = NULL;
  gint64 session_id;

  if (g_strv_length (args) != 3)
    return atelier_cli_usage_error (context, _("Say which session: “print roster SESSION”."));
  if (!atelier_cli_parse_id (context, "SESSION", args[2], &session_id))
    return ATELIER_CLI_EXIT_USAGE;

  store = atelier_cli_open_store (cli, FALSE, &error);
  if (store == NULL || (roster = atelier_print_roster_new (store, session_id, &error)) == NULL)
    return atelier_cli_fail (error);

  return write_pdf (ATELIER_PRINT_DOCUMENT (roster), out, paper);
}

static GDateTime *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                g_date_time_get_day_of_month (now), 0, 0, 0);
}

static int
print_week (AtelierCli     *cli,
            GOptionContext *context,
            GStrv           args,
            const char     *out,
            AtelierPaper    paper)
{
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(AtelierPrintWeek) week = NULL;
  g_autoptr(GDateTime) first_day = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strv_length (args) > 3)
    return atelier_cli_usage_error (context, _("“print week” takes one date at most."));
  if (args[2] == NULL)
    first_day = today ();
  else if ((first_day = atelier_cli_parse_date (args[2], FALSE, &error)) == NULL)
    return atelier_cli_usage_error (context, "%s", error->message);

  store = atelier_cli_open_store (cli, FALSE, &error);
  if (store == NULL || (week = atelier_print_week_new (store, first_day, &error)) == NULL)
    return atelier_cli_fail (error);

  return write_pdf (ATELIER_PRINT_DOCUMENT (week), out, paper);
}

static int
print_report (AtelierCli     *cli,
              GOptionContext *context,
              GStrv           args,
              GDateTime      *from,
              GDateTime      *to,
              const char     *out,
              AtelierPaper    paper)
{
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(AtelierPrintReport) report = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strv_length (args) != 2)
    return atelier_cli_usage_error (context, _("“print report” takes no argument: say the days "
                                               "with --from and --to."));
  if (from == NULL || to == NULL)
    return atelier_cli_usage_error (context, "%s", _("Say which days with --from and --to."));

  store = atelier_cli_open_store (cli, FALSE, &error);
  if (store == NULL ||
      (report = atelier_print_report_new (store, g_date_time_to_unix (from), g_date_time_to_unix (to),
                                          g_get_real_time () / G_USEC_PER_SEC, &error)) == NULL)
    return atelier_cli_fail (error);

  return write_pdf (ATELIER_PRINT_DOCUMENT (report), out, paper);
}

int
atelier_cli_print (AtelierCli              *cli,
                   const AtelierCliCommand *command,
                   GStrv                   *args)
{
  g_autofree char *out = NULL;
  g_autofree char *paper_name = NULL;
  const GOptionEntry entries[] = {
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("Write the PDF to FILE (required)"), N_("FILE") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper_name,
      N_("a4 or letter (the locale’s paper unless given)"), N_("PAPER") },
    { NULL }
  };
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autoptr(GOptionContext) context = atelier_cli_context_new (cli, command, entries);
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  AtelierPaper paper = atelier_print_paper_from_locale ();
  const char *what;

  g_option_context_set_description (context,
                                    _("“roster SESSION” prints a session’s sign-in sheet: the "
                                      "people in the order of the door, then the waiting list. "
                                      "“week [DATE]” prints the seven days from DATE (today "
                                      "unless given) as a poster. “report --from DATE --to "
                                      "DATE” prints the figures of the Reports view as charts."));
  atelier_cli_add_date_range (context, &from_text, &to_text);

  if (!atelier_cli_parse (context, args, 1, 2) ||
      !atelier_cli_parse_date_range (context, from_text, to_text, &from, &to))
    return ATELIER_CLI_EXIT_USAGE;

  what = (*args)[1];
  if (g_strcmp0 (what, "roster") != 0 && g_strcmp0 (what, "week") != 0 &&
      g_strcmp0 (what, "report") != 0)
    return atelier_cli_usage_error (context, _("Say “roster SESSION”, “week [DATE]” or “report”, "
                                               "not “%s”."), what);
  if (out == NULL || *out == '\0')
    return atelier_cli_usage_error (context, _("Say where to write the PDF with --out FILE."));
  if (paper_name != NULL && !atelier_print_paper_from_name (paper_name, &paper))
    return atelier_cli_usage_error (context, _("“%s” is no paper size: say a4 or letter."),
                                    paper_name);

  if (g_strcmp0 (what, "roster") == 0)
    return print_roster (cli, context, *args, out, paper);
  if (g_strcmp0 (what, "report") == 0)
    return print_report (cli, context, *args, from, to, out, paper);
  return print_week (cli, context, *args, out, paper);
}
