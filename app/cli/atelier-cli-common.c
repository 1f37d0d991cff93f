/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-cli-common.c: option parsing, errors, dates and the store for
 * every command of atelier-cli */
#define G_LOG_DOMAIN "atelier-cli"

#include "config.h"

#include <stdlib.h>

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "atelier-cli-private.h"
#include "atelier-secret.h"

static gboolean
on_database_cb (const char  *option_name,
                const char  *value,
                gpointer     user_data,
                GError     **error)
{
  AtelierCli *cli = user_data;

  g_free (cli->database);
  cli->database = g_strdup (value);

  return TRUE;
}

static gboolean
on_database_password_file_cb (const char  *option_name,
                              const char  *value,
                              gpointer     user_data,
                              GError     **error)
{
  AtelierCli *cli = user_data;

  g_free (cli->database_password_file);
  cli->database_password_file = g_strdup (value);

  return TRUE;
}

/* The options every command accepts, so that --database may come before
 * or after the command's name. */
static void
add_common_entries (GOptionGroup *group)
{
  const GOptionEntry entries[] = {
    { "database", 'd', G_OPTION_FLAG_FILENAME, G_OPTION_ARG_CALLBACK, on_database_cb,
      N_("Use the store in FILE instead of the default one"), N_("FILE") },
    /* Not --password-file: the mail commands' own is the mail server's. */
    { "database-password-file", 0, G_OPTION_FLAG_FILENAME, G_OPTION_ARG_CALLBACK,
      on_database_password_file_cb,
      N_("Read the password of the store’s server from FILE"), N_("FILE") },
    { NULL }
  };

  g_option_group_add_entries (group, entries);
}

/**
 * atelier_cli_context_new:
 * @cli: the program's state; --database is written into it
 * @command: the command whose options these are
 * @entries: (nullable): the command's own options, ending with { NULL }
 *
 * Returns: (transfer full): an option context whose help is the
 *   command's usage
 */
GOptionContext *
atelier_cli_context_new (AtelierCli              *cli,
                         const AtelierCliCommand *command,
                         const GOptionEntry      *entries)
{
  GOptionContext *context = g_option_context_new (command->parameters);
  GOptionGroup *group = g_option_group_new (command->name, NULL, NULL, cli, NULL);

  g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);
  add_common_entries (group);
  if (entries != NULL)
    g_option_group_add_entries (group, entries);

  g_option_context_set_main_group (context, group);
  if (command->summary != NULL && *command->summary != '\0')
    g_option_context_set_summary (context, _(command->summary));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  return context;
}

/**
 * atelier_cli_usage_error:
 * @context: (nullable): the command's options, for its usage
 *
 * Says what is wrong with the command line, then how to use it, on
 * standard error.
 *
 * Returns: %ATELIER_CLI_EXIT_USAGE
 */
int
atelier_cli_usage_error (GOptionContext *context,
                         const char     *format,
                         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("atelier-cli: %s\n\n", message);
  if (context != NULL)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
      g_printerr ("%s", help);
    }
  else
    atelier_cli_print_usage (stderr);

  return ATELIER_CLI_EXIT_USAGE;
}

/**
 * atelier_cli_parse:
 * @args: (inout): the command's name then its arguments; the options are
 *   taken out of it
 * @min_args: how many arguments, besides the options, the command needs
 * @max_args: how many it accepts
 *
 * Returns: %TRUE if the command line is right; otherwise it has said what
 *   is wrong with it, and the command exits with %ATELIER_CLI_EXIT_USAGE
 */
gboolean
atelier_cli_parse (GOptionContext  *context,
                   GStrv           *args,
                   guint            min_args,
                   guint            max_args)
{
  g_autoptr(GError) error = NULL;
  guint n_args;

  if (!g_option_context_parse_strv (context, args, &error))
    {
      atelier_cli_usage_error (context, "%s", error->message);
      return FALSE;
    }

  n_args = g_strv_length (*args) - 1;
  if (n_args > max_args)
    {
      atelier_cli_usage_error (context, _("Unexpected argument “%s”."), (*args)[max_args + 1]);
      return FALSE;
    }
  if (n_args < min_args)
    {
      atelier_cli_usage_error (context, _("Missing argument."));
      return FALSE;
    }

  return TRUE;
}

/**
 * atelier_cli_fail:
 * @error: (nullable): what went wrong
 *
 * Returns: %ATELIER_CLI_EXIT_ERROR, after saying why on standard error
 */
int
atelier_cli_fail (const GError *error)
{
  g_printerr ("atelier-cli: %s\n", error != NULL ? error->message : _("The operation failed."));

  return ATELIER_CLI_EXIT_ERROR;
}

/* A store on a server, with the password of --database-password-file
 * (refused if others may read it), or none when the server asks none. */
static AtelierStore *
open_server_store (AtelierCli  *cli,
                   const char  *uri,
                   GError     **error)
{
  char *password = NULL;
  AtelierStore *store;

  if (cli->database_password_file != NULL &&
      (password = atelier_secret_read_password_file (cli->database_password_file, error)) == NULL)
    return NULL;

  store = atelier_store_open_with_password (uri, ATELIER_STORE_OPEN_DEFAULT, password, error);
  atelier_secret_free (password);
  return store;
}

/**
 * atelier_cli_open_store:
 * @create: whether to create the store when the file does not exist
 *
 * Opens the store named by --database, or the default one. Commands that
 * only read refuse a missing file rather than leave an empty store at a
 * mistyped path.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
AtelierStore *
atelier_cli_open_store (AtelierCli  *cli,
                        gboolean     create,
                        GError     **error)
{
  g_autofree char *default_path = NULL;
  const char *path = cli->database;

  if (path == NULL)
    path = default_path = atelier_store_dup_default_path ();

  if (atelier_store_location_is_server (path))
    return open_server_store (cli, path, error);

  if (!create && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no store at “%s”."), path);
      return NULL;
    }

  return atelier_store_open (path, error);
}

/* YYYY-MM-DD, nothing before or after */
static gboolean
is_plain_date (const char *text)
{
  for (guint i = 0; i < 10; i++)
    {
      gboolean dash = i == 4 || i == 7;

      if (dash ? text[i] != '-' : !g_ascii_isdigit (text[i]))
        return FALSE;
    }

  return text[10] == '\0';
}

static GDateTime *
parse_plain_date (const char *text)
{
  int year = atoi (text);
  int month = atoi (text + 5);
  int day = atoi (text + 8);

  /* NULL for a day that does not exist, such as 2026-02-30 */
  return g_date_time_new_local (year, month, day, 0, 0, 0);
}

/**
 * atelier_cli_parse_date:
 * @text: YYYY-MM-DD (a day in the local time zone) or an ISO 8601 date
 *   and time with an offset
 * @end_of_day: %FALSE for a lower bound (the start of the day), %TRUE for
 *   an upper bound that includes the day, or the exact time
 *
 * Returns: (transfer full): the bound; an upper one is exclusive, to pass
 *   to atelier_store_list_sessions(). %NULL with @error set if @text is
 *   not a date.
 */
GDateTime *
atelier_cli_parse_date (const char  *text,
                        gboolean     end_of_day,
                        GError     **error)
{
  g_autoptr(GDateTime) date = NULL;
  gboolean plain = is_plain_date (text);

  if (plain)
    date = parse_plain_date (text);
  else
    date = g_date_time_new_from_iso8601 (text, NULL);

  if (date == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not a date: use YYYY-MM-DD, or a date and time with an offset "
                     "such as 2026-11-28T18:30:00+01:00."),
                   text);
      return NULL;
    }

  if (!end_of_day)
    return g_steal_pointer (&date);

  /* Times are whole seconds: starting at or before T is starting before
   * T + 1 s. */
  return plain ? g_date_time_add_days (date, 1) : g_date_time_add_seconds (date, 1);
}

/* A whole decimal number from @minimum to @maximum, nothing before or
 * after it; otherwise says what is wrong with it and returns %FALSE. */
static gboolean
parse_number (GOptionContext *context,
              const char     *name,
              const char     *text,
              gint64          minimum,
              gint64          maximum,
              gint64         *value)
{
  gint64 number;

  if (text == NULL || !g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &number, NULL))
    /* TRANSLATORS: the first %s is an argument such as SESSION or --party,
     * the second what was typed instead of a number */
    atelier_cli_usage_error (context, _("%s must be a number, not “%s”."),
                             name, text != NULL ? text : "");
  else if (number < minimum)
    /* TRANSLATORS: %s is an argument such as SESSION or --party, %d the
     * least it may be, then what was typed */
    atelier_cli_usage_error (context, _("%s must be at least %d, not “%s”."),
                             name, (int) minimum, text);
  else if (number > maximum)
    /* TRANSLATORS: the first %s is an argument such as --party, the
     * second what was typed */
    atelier_cli_usage_error (context, _("%s is too large: “%s”."), name, text);
  else
    {
      *value = number;
      return TRUE;
    }

  return FALSE;
}

/**
 * atelier_cli_parse_id:
 * @context: the command's options, for its usage
 * @name: the argument's name in the usage, such as "SESSION" or "--customer"
 * @text: what was typed
 * @id: (out): the number of a session, a customer or a registration
 *
 * Returns: %TRUE if @text is a number of 1 or more; otherwise it has said
 *   what is wrong with it, and the command exits with
 *   %ATELIER_CLI_EXIT_USAGE
 */
gboolean
atelier_cli_parse_id (GOptionContext *context,
                      const char     *name,
                      const char     *text,
                      gint64         *id)
{
  return parse_number (context, name, text, 1, G_MAXINT64, id);
}

/**
 * atelier_cli_parse_int:
 * @minimum: the least value allowed, 0 or more
 * @value: (out): the number
 *
 * Like atelier_cli_parse_id(), for a count such as a party size or a
 * capacity.
 */
gboolean
atelier_cli_parse_int (GOptionContext *context,
                       const char     *name,
                       const char     *text,
                       int             minimum,
                       int            *value)
{
  gint64 number;

  if (!parse_number (context, name, text, minimum, G_MAXINT, &number))
    return FALSE;

  *value = (int) number;
  return TRUE;
}

/**
 * atelier_cli_add_date_range:
 * @from_text: (out): where --from DATE goes
 * @to_text: (out): where --to DATE goes
 *
 * Adds --from and --to to a command that lists or writes the sessions
 * of a range of days; see atelier_cli_parse_date_range().
 */
void
atelier_cli_add_date_range (GOptionContext  *context,
                            char           **from_text,
                            char           **to_text)
{
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, from_text,
      N_("Only sessions starting on or after DATE"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, to_text,
      N_("Only sessions starting on or before DATE"), N_("DATE") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

/* What DATE is, for the help of the commands with --from and --to */
const char *
atelier_cli_describe_date_range (void)
{
  return _("DATE is YYYY-MM-DD, a day in the local time zone, or an ISO 8601 date and time "
           "with an offset. Both bounds are included.");
}

/**
 * atelier_cli_parse_date_range:
 * @from: (out) (transfer full): the lower bound, or %NULL for none
 * @to: (out) (transfer full): the exclusive upper bound, or %NULL for none
 *
 * Returns: %TRUE if --from and --to, when given, are dates; otherwise it
 *   has said which is not, and the command exits with
 *   %ATELIER_CLI_EXIT_USAGE
 */
gboolean
atelier_cli_parse_date_range (GOptionContext  *context,
                              const char      *from_text,
                              const char      *to_text,
                              GDateTime      **from,
                              GDateTime      **to)
{
  g_autoptr(GError) error = NULL;

  if (from_text != NULL && (*from = atelier_cli_parse_date (from_text, FALSE, &error)) == NULL)
    {
      atelier_cli_usage_error (context, "--from: %s", error->message);
      return FALSE;
    }

  if (to_text != NULL && (*to = atelier_cli_parse_date (to_text, TRUE, &error)) == NULL)
    {
      atelier_cli_usage_error (context, "--to: %s", error->message);
      return FALSE;
    }

  return TRUE;
}
