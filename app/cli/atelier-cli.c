/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-cli.c: Atelier without a screen
 *
 *   atelier-cli [--database PATH] COMMAND [ARGS…]
 *
 * The global options come before the command; each command then parses
 * its own arguments (see atelier-cli-private.h). To add a command, write
 * its handler and give it a line in the table below.
 */
#define G_LOG_DOMAIN "atelier-cli"

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "atelier-cli-customers.h"
#include "atelier-cli-private.h"
#include "atelier-cli-report.h"
#include "atelier-cli-table.h"

static int run_help (AtelierCli              *cli,
                     const AtelierCliCommand *command,
                     GStrv                   *args);

static const AtelierCliCommand commands[] = {
  { "demo", atelier_cli_demo, "",
    N_("Fill an empty store with example workshops, sessions and customers") },
  { "workshops", atelier_cli_workshops, "",
    N_("List the workshops") },
  { "workshop", atelier_cli_workshop, "add TITLE | edit ID",
    N_("Add a workshop, or change one’s title, texts, host, duration or seats") },
  { "sessions", atelier_cli_sessions, "",
    N_("List the sessions, by date") },
  { "customers", atelier_cli_customers, "",
    N_("List the customers") },
  { "search", atelier_cli_search, "TEXT…",
    N_("Find customers by name, e-mail or phone") },
  { "signup", atelier_cli_signup, "SESSION",
    N_("Sign a customer up to a session, or onto its waiting list") },
  { "cancel", atelier_cli_cancel, "REG",
    N_("Cancel a registration and promote from the waiting list") },
  { "move", atelier_cli_move, "REG SESSION",
    N_("Move a registration to another session") },
  { "checkin", atelier_cli_checkin, "REG",
    N_("Check in a confirmed registration") },
  { "undo-checkin", atelier_cli_undo_checkin, "REG",
    N_("Undo a check-in") },
  { "walkin", atelier_cli_walkin, "SESSION",
    N_("Sign up and check in someone at the door") },
  { "capacity", atelier_cli_capacity, "SESSION N",
    N_("Change a session’s number of seats") },
  { "cancel-session", atelier_cli_cancel_session, "SESSION",
    N_("Cancel a session and its registrations") },
  { "series", atelier_cli_series, "WORKSHOP",
    N_("Create a workshop’s sessions from a recurrence rule") },
  { "reschedule", atelier_cli_reschedule, "SESSION",
    N_("Move a session to another time; its customers are owed an update") },
  { "roster", atelier_cli_roster, "SESSION",
    N_("List a session’s registrations, waiting list and summary") },
  { "summary", atelier_cli_summary, "SESSION",
    N_("Count a session’s seats: confirmed, checked in, no-shows, waiting") },
  { "settings", atelier_cli_settings, "[KEY [VALUE]]",
    N_("Show or change the store’s settings for invitations") },
  { "outbox", atelier_cli_outbox, "[SESSION]",
    N_("List the invitations, updates and cancellations customers are owed") },
  { "invites", atelier_cli_invites, "SESSION",
    N_("Write what a session’s customers are owed as .ics and .eml files") },
  { "invite", atelier_cli_invite, "REG",
    N_("Write one registration’s invitation as an .ics file") },
  { "feed", atelier_cli_feed, "",
    N_("Write the public schedule as an iCalendar file") },
  { "send", atelier_cli_send, "",
    N_("Send the mail that is due or owed to customers, a line per message") },
  { "mail-test", atelier_cli_mail_test, "",
    N_("Send a test message through the store’s mail account") },
  { "mail-password", atelier_cli_mail_password, "",
    N_("Keep the mail account’s password in the keyring") },
  { "replies", atelier_cli_replies, "", N_("Read customers’ replies from the store’s mailbox and apply them") },
  { "messages", atelier_cli_messages, "",
    N_("List the mail of a session or of a customer, with each message’s state") },
  { "template", atelier_cli_template, "NAME LANG",
    N_("Show or change the texts of the mails to customers") },
  { "import-customers", atelier_cli_import_customers, "FILE",
    N_("Import customers from a CSV file, all or nothing") },
  { "export-customers", atelier_cli_export_customers, "",
    N_("Write the customer list as CSV") },
  { "export-attendance", atelier_cli_export_attendance, "[SESSION]",
    N_("Write who came to a session, or to the sessions of a period, as CSV") },
  { "export-customer", atelier_cli_export_customer, "ID",
    N_("Write everything the store holds about one customer as JSON") },
  { "erase-customer", atelier_cli_erase_customer, "ID",
    N_("Erase one customer’s personal data for good") },
  { "retention", atelier_cli_retention, "",
    N_("List, or erase, the customers without activity for years") },
  { "backup", atelier_cli_backup, "FILE",
    N_("Copy the store to a file, while it is in use") },
  { "invite-next", atelier_cli_invite_next, "SESSION",
    N_("List the customers to invite to a session, best first") },
  { "print", atelier_cli_print, "roster SESSION | week [DATE] | report",
    N_("Write a session’s sign-in sheet or the week’s poster as a PDF file") },
  { "report", atelier_cli_report, "", N_("Print the figures of the Reports view for a period") },
  { "help", run_help, "",
    N_("Show this help") },
};

static const AtelierCliCommand *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, name) == 0)
      return &commands[i];

  return NULL;
}

static void
append_command_list (GString *out)
{
  gsize width = 0;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    width = MAX (width, atelier_cli_display_width (commands[i].name));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (out, "  %-*s  %s\n", (int) width, commands[i].name,
                            _(commands[i].summary));
}

/* How to use atelier-cli, on @stream (standard output or error) */
void
atelier_cli_print_usage (FILE *stream)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *default_path = atelier_store_dup_default_path ();

  g_string_append_printf (out, "%s\n  atelier-cli [--database FILE] COMMAND [ARGS…]\n\n",
                          _("Usage:"));
  g_string_append_printf (out, "%s\n", _("Commands:"));
  append_command_list (out);
  g_string_append_printf (out, "\n%s\n", _("Options:"));
  g_string_append_printf (out, "  -d, --database FILE  %s\n", _("Use the store in FILE"));
  g_string_append_printf (out, "  -h, --help           %s\n", _("Show this help"));
  g_string_append_printf (out, "  --version            %s\n", _("Show the version"));
  g_string_append_c (out, '\n');
  g_string_append_printf (out, _("The default store is “%s”."), default_path);
  g_string_append_c (out, '\n');
  g_string_append (out, _("Run “atelier-cli COMMAND --help” for a command’s options."));
  g_string_append_c (out, '\n');

  if (stream == stderr)
    g_printerr ("%s", out->str);
  else
    g_print ("%s", out->str);
}

static int
run_help (AtelierCli              *cli,
          const AtelierCliCommand *command,
          GStrv                   *args)
{
  g_autoptr(GOptionContext) context = atelier_cli_context_new (cli, command, NULL);

  if (!atelier_cli_parse (context, args, 0, 0))
    return ATELIER_CLI_EXIT_USAGE;

  atelier_cli_print_usage (stdout);
  return ATELIER_CLI_EXIT_OK;
}

/* The options before the command; parsing stops at the command's name. */
static gboolean
parse_global_options (AtelierCli  *cli,
                      GStrv       *args,
                      gboolean    *help,
                      gboolean    *version,
                      GError     **error)
{
  const AtelierCliCommand none = { "", NULL, "", NULL };
  g_autoptr(GOptionContext) context = atelier_cli_context_new (cli, &none, NULL);
  const GOptionEntry entries[] = {
    { "help", 'h', 0, G_OPTION_ARG_NONE, help, NULL, NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, version, NULL, NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_strict_posix (context, TRUE);

  return g_option_context_parse_strv (context, args, error);
}

static int
run_command (AtelierCli *cli,
             GStrv      *args)
{
  const AtelierCliCommand *command = find_command ((*args)[0]);
  g_autofree char *prgname = NULL;

  if (command == NULL)
    return atelier_cli_usage_error (NULL, _("Unknown command “%s”."), (*args)[0]);

  /* The command's --help then reads "atelier-cli COMMAND [OPTION…]". */
  prgname = g_strconcat ("atelier-cli ", command->name, NULL);
  g_set_prgname (prgname);

  return command->handler (cli, command, args);
}

static int
run (AtelierCli *cli,
     GStrv      *args)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) command_args = NULL;
  gboolean help = FALSE;
  gboolean version = FALSE;

  if (!parse_global_options (cli, args, &help, &version, &error))
    return atelier_cli_usage_error (NULL, "%s", error->message);

  if (help)
    {
      atelier_cli_print_usage (stdout);
      return ATELIER_CLI_EXIT_OK;
    }
  if (version)
    {
      g_print ("atelier-cli %s\n", PACKAGE_VERSION);
      return ATELIER_CLI_EXIT_OK;
    }
  if (g_strv_length (*args) < 2)
    return atelier_cli_usage_error (NULL, _("No command given."));

  /* From the command's name on */
  command_args = g_strdupv (*args + 1);
  return run_command (cli, &command_args);
}

int
main (int   argc,
      char *argv[])
{
  g_auto(GStrv) args = NULL;
  AtelierCli cli = { NULL };
  /* The build tree's catalogues, to run uninstalled (build-aux/dev). */
  const char *localedir = g_getenv ("ATELIER_LOCALEDIR");
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("atelier-cli");

  args = g_strdupv (argv);
  status = run (&cli, &args);

  g_free (cli.database);
  g_free (cli.database_password_file);
  return status;
}
