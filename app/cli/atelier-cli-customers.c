/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-cli-customers.c: the commands about customers' data
 *
 *   import-customers FILE [--dry-run]     CSV import; one transaction
 *   export-customers [--out FILE] [--bom] the customer list as CSV
 *   export-attendance [SESSION] [--from DATE] [--to DATE] [--out FILE] [--bom]
 *   export-customer ID [--out FILE.json]  everything about one person
 *   erase-customer ID [--yes]             erase one person's data
 *   retention [--years N] [--save] [--apply]
 *   backup FILE                           an online copy of the store
 *   invite-next SESSION [--csv FILE] [--limit N] [--mark-contacted]
 *
 * CSV goes to standard output unless --out names a file (created 0600);
 * it is UTF-8, with a byte-order mark only with --bom (for Excel).
 * Destructive commands do nothing without --yes or --apply: they say
 * what they would do.
 */
#define G_LOG_DOMAIN "atelier-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "atelier-backup.h"
#include "atelier-cli-customers.h"
#include "atelier-cli-table.h"
#include "atelier-csv.h"
#include "atelier-customer-book.h"
#include "atelier-customer-import.h"
#include "atelier-invite-next.h"
#include "atelier-privacy.h"

/* To @path (mode 0600), or to standard output when @path is NULL. */
static int
write_csv (GString    *csv,
           const char *path,
           gboolean    bom)
{
  g_autoptr(GError) error = NULL;

  if (path != NULL)
    return atelier_csv_write_file (path, csv, bom, &error)
           ? ATELIER_CLI_EXIT_OK : atelier_cli_fail (error);

  if (bom)
    fputs ("\xef\xbb\xbf", stdout);
  fwrite (csv->str, 1, csv->len, stdout);
  return fflush (stdout) == 0 ? ATELIER_CLI_EXIT_OK : ATELIER_CLI_EXIT_ERROR;
}

static const char *
outcome_name (AtelierImportOutcome outcome)
{
  switch (outcome)
    {
    case ATELIER_IMPORT_CREATED:
      return _("created");
    case ATELIER_IMPORT_UPDATED:
      return _("updated");
    default:
      return _("rejected");
    }
}

static void
print_report (AtelierImportReport *report)
{
  g_autoptr(AtelierCliTable) table = atelier_cli_table_new (_("Line"), _("Outcome"), _("Customer"),
                                                            _("Reason"), NULL);

  atelier_cli_table_align_right (table, 0);
  for (guint i = 0; i < report->entries->len; i++)
    {
      AtelierImportEntry *entry = report->entries->pdata[i];

      atelier_cli_table_add_printf (table, "%u", entry->line);
      atelier_cli_table_add (table, outcome_name (entry->outcome));
      atelier_cli_table_add (table, entry->label);
      atelier_cli_table_add (table, entry->reason ? entry->reason : "");
    }
  atelier_cli_table_print (table);

  if (report->applied)
    g_print (_("Created %u, updated %u.\n"), report->n_created, report->n_updated);
  else if (report->dry_run)
    g_print (_("Dry run: %u would be created, %u updated, %u rejected; nothing was written.\n"),
             report->n_created, report->n_updated, report->n_rejected);
}

int
atelier_cli_import_customers (AtelierCli              *cli,
                              const AtelierCliCommand *command,
                              GStrv                   *args)
{
  gboolean dry_run = FALSE;
  const GOptionEntry entries[] = {
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Report what would be done, and write nothing"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = atelier_cli_context_new (cli, command, entries);
  g_autoptr(AtelierCustomerImport) import = NULL;
  g_autoptr(AtelierImportReport) report = NULL;
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_option_context_set_description (context,
    _("Columns are matched to fields from their names, in English or French. Rows are matched "
      "to customers by e-mail address. If any row is rejected, nothing is imported."));
  if (!atelier_cli_parse (context, args, 1, 1))
    return ATELIER_CLI_EXIT_USAGE;

  import = atelier_customer_import_new_for_path ((*args)[1], &error);
  if (import == NULL)
    return atelier_cli_fail (error);
  store = atelier_cli_open_store (cli, TRUE, &error);
  if (store == NULL)
    return atelier_cli_fail (error);

  ok = atelier_customer_import_run (import, store, dry_run, &report, &error);
  if (report != NULL)
    print_report (report);
  if (!ok)
    return atelier_cli_fail (error);
  return report->n_rejected > 0 ? ATELIER_CLI_EXIT_ERROR : ATELIER_CLI_EXIT_OK;
}

/* What every CSV export does to cells a spreadsheet would run. */
static const char formula_note[] =
  N_("A cell that starts with =, +, -, @, a tab or a carriage return is written after a single "
     "quote, so that a spreadsheet shows it as text and never runs it as a formula; "
     "import-customers takes that quote off again.");

static const char attendance_note[] =
  N_("The Attendance column says what became of each registration: attended, partly-attended "
     "(only some of the party came), no-show, cancelled, waiting (never given a seat), or "
     "expected (the session is not over yet).");

int
atelier_cli_export_customers (AtelierCli              *cli,
                              const AtelierCliCommand *command,
                              GStrv                   *args)
{
  g_autofree char *out = NULL;
  gboolean bom = FALSE;
  const GOptionEntry entries[] = {
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("Write to FILE instead of the standard output"), N_("FILE") },
    { "bom", 0, 0, G_OPTION_ARG_NONE, &bom, N_("Start with a byte-order mark, for Excel"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = atelier_cli_context_new (cli, command, entries);
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(GString) csv = NULL;
  g_autoptr(GError) error = NULL;

  g_option_context_set_description (context, _(formula_note));
  if (!atelier_cli_parse (context, args, 0, 0))
    return ATELIER_CLI_EXIT_USAGE;

  store = atelier_cli_open_store (cli, FALSE, &error);
  if (store == NULL || (csv = atelier_customer_book_export_csv (store, &error)) == NULL)
    return atelier_cli_fail (error);
  return write_csv (csv, out, bom);
}

static gboolean
session_exists (AtelierStore  *store,
                gint64         id,
                GError       **error)
{
  g_autoptr(AtelierSession) session = atelier_store_get_session (store, id, error);

  return session != NULL;
}

int
atelier_cli_export_attendance (AtelierCli              *cli,
                               const AtelierCliCommand *command,
                               GStrv                   *args)
{
  g_autofree char *out = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  gboolean bom = FALSE;
  const GOptionEntry entries[] = {
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("Write to FILE instead of the standard output"), N_("FILE") },
    { "bom", 0, 0, G_OPTION_ARG_NONE, &bom, N_("Start with a byte-order mark, for Excel"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = atelier_cli_context_new (cli, command, entries);
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(GString) csv = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = g_strdup_printf ("%s\n\n%s", _(attendance_note), _(formula_note));
  gint64 session_id = 0;

  g_option_context_set_description (context, description);
  atelier_cli_add_date_range (context, &from_text, &to_text);
  if (!atelier_cli_parse (context, args, 0, 1) ||
      ((*args)[1] != NULL && !atelier_cli_parse_id (context, "SESSION", (*args)[1], &session_id)) ||
      !atelier_cli_parse_date_range (context, from_text, to_text, &from, &to))
    return ATELIER_CLI_EXIT_USAGE;

  store = atelier_cli_open_store (cli, FALSE, &error);
  if (store == NULL || (session_id != 0 && !session_exists (store, session_id, &error)))
    return atelier_cli_fail (error);
  csv = atelier_customer_book_export_attendance (store, session_id, from, to, &error);
  if (csv == NULL)
    return atelier_cli_fail (error);
  return write_csv (csv, out, bom);
}

int
atelier_cli_export_customer (AtelierCli              *cli,
                             const AtelierCliCommand *command,
                             GStrv                   *args)
{
  g_autofree char *out = NULL;
  const GOptionEntry entries[] = {
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("Write to FILE instead of the standard output"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = atelier_cli_context_new (cli, command, entries);
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  gint64 id = 0;

  if (!atelier_cli_parse (context, args, 1, 1) || !atelier_cli_parse_id (context, "ID", (*args)[1], &id))
    return ATELIER_CLI_EXIT_USAGE;

  store = atelier_cli_open_store (cli, FALSE, &error);
  if (store == NULL)
    return atelier_cli_fail (error);
  if (out != NULL)
    return atelier_privacy_export_customer_to_file (store, id, out, &error)
           ? ATELIER_CLI_EXIT_OK : atelier_cli_fail (error);

  json = atelier_privacy_export_customer (store, id, &error);
  if (json == NULL)
    return atelier_cli_fail (error);
  g_print ("%s\n", json);
  return ATELIER_CLI_EXIT_OK;
}

int
atelier_cli_erase_customer (AtelierCli              *cli,
                            const AtelierCliCommand *command,
                            GStrv                   *args)
{
  gboolean yes = FALSE;
  const GOptionEntry entries[] = {
    { "yes", 'y', 0, G_OPTION_ARG_NONE, &yes, N_("Erase: without it, only say what would be erased"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = atelier_cli_context_new (cli, command, entries);
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(AtelierCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  gint64 id = 0;

  g_option_context_set_description (context,
    _("Clears the customer’s names, contact details, interests, notes and consent everywhere, "
      "keeps their registrations as anonymous counts, and compacts the file so that the data "
      "is gone from it."));
  if (!atelier_cli_parse (context, args, 1, 1) || !atelier_cli_parse_id (context, "ID", (*args)[1], &id))
    return ATELIER_CLI_EXIT_USAGE;

  store = atelier_cli_open_store (cli, FALSE, &error);
  if (store == NULL || (customer = atelier_store_get_customer (store, id, &error)) == NULL)
    return atelier_cli_fail (error);
  name = atelier_customer_dup_full_name (customer);

  if (!yes)
    {
      /* TRANSLATORS: %s is a customer's name */
      g_print (_("This would erase the personal data of %s for good. Run again with --yes to do it.\n"),
               name);
      return ATELIER_CLI_EXIT_USAGE;
    }

  if (!atelier_privacy_erase_customer (store, id, &error))
    return atelier_cli_fail (error);
  /* TRANSLATORS: %s is a customer's name */
  g_print (_("The personal data of %s was erased.\n"), name);
  return ATELIER_CLI_EXIT_OK;
}

static void
print_customers (GListModel *customers)
{
  g_autoptr(AtelierCliTable) table = atelier_cli_table_new (_("ID"), _("Name"), _("E-mail"),
                                                            _("Last seen"), NULL);

  atelier_cli_table_align_right (table, 0);
  for (guint i = 0; i < g_list_model_get_n_items (customers); i++)
    {
      g_autoptr(AtelierCustomer) c = g_list_model_get_item (customers, i);
      gint64 seen = atelier_customer_get_last_seen_at (c);

      atelier_cli_table_add_printf (table, "%" G_GINT64_FORMAT, atelier_customer_get_id (c));
      atelier_cli_table_take (table, atelier_customer_dup_full_name (c));
      atelier_cli_table_add (table, atelier_customer_get_email (c) ? atelier_customer_get_email (c) : "");
      atelier_cli_table_take (table, atelier_customer_book_format_time (seen, NULL));
    }
  atelier_cli_table_print (table);
}

int
atelier_cli_retention (AtelierCli              *cli,
                       const AtelierCliCommand *command,
                       GStrv                   *args)
{
  int years = 0;
  gboolean save = FALSE;
  gboolean apply = FALSE;
  const GOptionEntry entries[] = {
    { "years", 0, 0, G_OPTION_ARG_INT, &years, N_("Without activity for N years (default: the store’s setting)"), N_("N") },
    { "save", 0, 0, G_OPTION_ARG_NONE, &save, N_("Keep N as the store’s setting (0: keep customers for ever)"), NULL },
    { "apply", 0, 0, G_OPTION_ARG_NONE, &apply, N_("Erase them: without it, only list them"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = atelier_cli_context_new (cli, command, entries);
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(GListModel) inactive = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  if (!atelier_cli_parse (context, args, 0, 0))
    return ATELIER_CLI_EXIT_USAGE;
  if (years < 0 || years > ATELIER_PRIVACY_MAX_RETENTION_YEARS)
    return atelier_cli_usage_error (context, _("Give --years from 1 to %d."), ATELIER_PRIVACY_MAX_RETENTION_YEARS);

  store = atelier_cli_open_store (cli, save, &error);
  if (store == NULL)
    return atelier_cli_fail (error);
  if (save)
    return atelier_privacy_set_retention_years (store, years, &error)
           ? ATELIER_CLI_EXIT_OK : atelier_cli_fail (error);
  if (years == 0)
    years = atelier_privacy_get_retention_years (store, &error);
  if (years == 0)
    return error ? atelier_cli_fail (error)
                 : atelier_cli_usage_error (context, "%s", _("The store keeps customers for ever: give --years N."));

  if (!apply)
    {
      inactive = atelier_privacy_list_inactive (store, years, &error);
      if (inactive == NULL)
        return atelier_cli_fail (error);
      print_customers (inactive);
      g_print (ngettext ("%u customer would be erased; run again with --apply to do it.\n",
                            "%u customers would be erased; run again with --apply to do it.\n",
                            g_list_model_get_n_items (inactive)),
               g_list_model_get_n_items (inactive));
      return ATELIER_CLI_EXIT_OK;
    }

  if (!atelier_privacy_erase_inactive (store, years, &n, &error))
    return atelier_cli_fail (error);
  g_print (ngettext ("%u customer was erased.\n", "%u customers were erased.\n", n), n);
  return ATELIER_CLI_EXIT_OK;
}

int
atelier_cli_backup (AtelierCli              *cli,
                    const AtelierCliCommand *command,
                    GStrv                   *args)
{
  g_autoptr(GOptionContext) context = atelier_cli_context_new (cli, command, NULL);
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (!atelier_cli_parse (context, args, 1, 1))
    return ATELIER_CLI_EXIT_USAGE;

  store = atelier_cli_open_store (cli, FALSE, &error);
  if (store == NULL || !atelier_backup_to_file (store, (*args)[1], &error))
    return atelier_cli_fail (error);
  return ATELIER_CLI_EXIT_OK;
}

static void
print_candidates (GListModel *candidates)
{
  g_autoptr(AtelierCliTable) table = atelier_cli_table_new (_("ID"), _("Name"), _("E-mail"),
                                                            _("Interest"), _("Attended"),
                                                            _("Last contacted"), NULL);

  atelier_cli_table_align_right (table, 0);
  atelier_cli_table_align_right (table, 4);
  for (guint i = 0; i < g_list_model_get_n_items (candidates); i++)
    {
      g_autoptr(AtelierInviteCandidate) candidate = g_list_model_get_item (candidates, i);
      AtelierCustomer *c = atelier_invite_candidate_get_customer (candidate);

      atelier_cli_table_add_printf (table, "%" G_GINT64_FORMAT, atelier_customer_get_id (c));
      atelier_cli_table_take (table, atelier_customer_dup_full_name (c));
      atelier_cli_table_add (table, atelier_customer_get_email (c));
      atelier_cli_table_add (table, atelier_invite_candidate_get_interest_match (candidate) ? _("yes") : _("no"));
      atelier_cli_table_add_printf (table, "%d", atelier_invite_candidate_get_attended (candidate));
      atelier_cli_table_take (table, atelier_customer_book_format_time (atelier_invite_candidate_get_last_contacted_at (candidate), NULL));
    }
  atelier_cli_table_print (table);
}

int
atelier_cli_invite_next (AtelierCli              *cli,
                         const AtelierCliCommand *command,
                         GStrv                   *args)
{
  g_autofree char *csv_path = NULL;
  gboolean mark = FALSE;
  int limit = 0;
  const GOptionEntry entries[] = {
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv_path, N_("Write the list as CSV to FILE, for a mail merge"), N_("FILE") },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("At most N customers"), N_("N") },
    { "mark-contacted", 0, 0, G_OPTION_ARG_NONE, &mark, N_("Record that they were contacted now"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = atelier_cli_context_new (cli, command, entries);
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(GListModel) candidates = NULL;
  g_autoptr(GError) error = NULL;
  gint64 session_id = 0;

  if (!atelier_cli_parse (context, args, 1, 1) ||
      !atelier_cli_parse_id (context, "SESSION", (*args)[1], &session_id))
    return ATELIER_CLI_EXIT_USAGE;
  if (limit < 0)
    return atelier_cli_usage_error (context, "%s", _("--limit cannot be negative."));

  store = atelier_cli_open_store (cli, FALSE, &error);
  if (store == NULL || (candidates = atelier_invite_next_list (store, session_id, limit, &error)) == NULL)
    return atelier_cli_fail (error);

  if (csv_path != NULL)
    {
      g_autoptr(GString) csv = atelier_invite_next_to_csv (candidates);
      if (!atelier_csv_write_file (csv_path, csv, FALSE, &error))
        return atelier_cli_fail (error);
    }
  else
    print_candidates (candidates);

  if (mark && !atelier_invite_next_record_contacts (store, session_id, candidates, &error))
    return atelier_cli_fail (error);
  return ATELIER_CLI_EXIT_OK;
}
