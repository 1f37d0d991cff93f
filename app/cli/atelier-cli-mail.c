/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-cli-mail.c: mail that leaves the computer
 *
 *   send [--session ID] [--dry-run]    sends what is due or owed, a line a message
 *   mail-test [--to ADDRESS]           one message through the account, to check it
 *   mail-password                      keeps the account's password in the keyring
 *   messages [--session ID | --customer ID]   the queue, with each message's state
 *   template NAME LANG [--subject TEXT --body-file FILE | --reset]
 *
 * The password comes from the Secret Service (the GNOME keyring), or from
 * --password-file FILE for a computer without one (a systemd timer on a
 * server): a file that others may read is refused.
 */
#define G_LOG_DOMAIN "atelier-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "atelier-cli-private.h"
#include "atelier-cli-table.h"
#include "atelier-contact.h"
#include "atelier-mail-queue.h"
#include "atelier-mail-template.h"
#include "atelier-secret.h"

/* The password of --password-file, or NULL to look it up in the keyring. */
static char *
read_password (const char  *password_file,
               GError     **error)
{
  return password_file != NULL ? atelier_secret_read_password_file (password_file, error) : NULL;
}

/* What a message is, in a few words */
static const char *
describe_purpose (AtelierMailMessage *message)
{
  switch (atelier_mail_message_get_what (message))
    {
    case ATELIER_MAIL_WHAT_REMINDER:
      return C_("mail", "reminder");
    case ATELIER_MAIL_WHAT_THANK_YOU:
      return C_("mail", "thank-you");
    case ATELIER_MAIL_WHAT_MISSED_YOU:
      return C_("mail", "we missed you");
    case ATELIER_MAIL_WHAT_UPDATE:
      return C_("mail", "update");
    case ATELIER_MAIL_WHAT_INVITE_PROMOTED:
      return C_("mail", "invitation, off the waiting list");
    case ATELIER_MAIL_WHAT_CANCELLATION:
      return C_("mail", "cancellation");
    case ATELIER_MAIL_WHAT_INVITE:
    default:
      return C_("mail", "invitation");
    }
}

static const char *
describe_state (const char *state)
{
  if (g_strcmp0 (state, "sent") == 0)
    return C_("mail state", "sent");
  if (g_strcmp0 (state, "retry") == 0)
    return C_("mail state", "retry later");
  if (g_strcmp0 (state, "failed") == 0)
    return C_("mail state", "failed");
  if (g_strcmp0 (state, "sending") == 0)
    return C_("mail state", "sending");
  if (g_strcmp0 (state, "superseded") == 0)
    return C_("mail state", "superseded");
  return C_("mail state", "pending");
}

static void
print_message_line (AtelierMailMessage *message,
                    const char         *state,
                    const char         *detail)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, atelier_mail_message_get_id (message));

  /* TRANSLATORS: a message's state, its number, the customer, the address,
   * what it is, the workshop, then the server's answer or the reason */
  g_print (_("%s: #%s %s <%s>, %s, %s: %s\n"),
           state, number,
           atelier_mail_message_get_customer_name (message),
           atelier_mail_message_get_recipient (message), describe_purpose (message),
           atelier_mail_message_get_workshop_title (message), detail);
}

static void
on_progress_cb (AtelierMailMessage *message,
                guint               index,
                guint               total,
                const GError       *error,
                gpointer            user_data)
{
  const char *state = atelier_mail_message_get_state (message);

  print_message_line (message, describe_state (state),
                      error != NULL ? error->message : atelier_mail_message_get_server_reply (message));
  fflush (stdout);
}

static int
print_due (AtelierStore *store,
           gint64        session_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) due = atelier_mail_queue_list_due (store, g_get_real_time () / G_USEC_PER_SEC, session_id, &error);

  if (due == NULL)
    return atelier_cli_fail (error);

  for (guint i = 0; i < g_list_model_get_n_items (due); i++)
    {
      g_autoptr(AtelierMailMessage) message = g_list_model_get_item (due, i);

      print_message_line (message, C_("mail state", "would send"),
                          atelier_mail_message_get_recipient (message));
    }
  if (g_list_model_get_n_items (due) == 0)
    g_print ("%s\n", _("Nothing to send."));

  return ATELIER_CLI_EXIT_OK;
}

int
atelier_cli_send (AtelierCli              *cli,
                  const AtelierCliCommand *command,
                  GStrv                   *args)
{
  char *session_text = NULL;
  char *password_file = NULL;
  gboolean dry_run = FALSE;
  const GOptionEntry entries[] = {
    { "session", 0, 0, G_OPTION_ARG_STRING, &session_text, N_("Only this session’s messages"), N_("ID") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Print what would be sent, send nothing"), NULL },
    { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &password_file,
      N_("Read the mail account’s password from FILE (readable by you alone)"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = atelier_cli_context_new (cli, command, entries);
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *owned_session = NULL;
  g_autofree char *owned_file = NULL;
  AtelierMailReport report = { 0 };
  gint64 session_id = 0;
  char *password = NULL;
  gboolean ok;

  if (!atelier_cli_parse (context, args, 0, 0))
    return ATELIER_CLI_EXIT_USAGE;
  owned_session = session_text;
  owned_file = password_file;
  if (session_text != NULL && !atelier_cli_parse_id (context, "--session", session_text, &session_id))
    return ATELIER_CLI_EXIT_USAGE;

  store = atelier_cli_open_store (cli, FALSE, &error);
  if (store == NULL)
    return atelier_cli_fail (error);
  if (session_id != 0)
    {
      g_autoptr(AtelierSession) session = atelier_store_get_session (store, session_id, &error);
      if (session == NULL)
        return atelier_cli_fail (error);
    }

  if (dry_run)
    return print_due (store, session_id);

  if (password_file != NULL && (password = read_password (password_file, &error)) == NULL)
    return atelier_cli_fail (error);

  ok = atelier_mail_queue_send (store, password, g_get_real_time () / G_USEC_PER_SEC, session_id, on_progress_cb,
                                NULL, NULL, &report, &error);
  atelier_secret_free (password);
  if (!ok)
    return atelier_cli_fail (error);

  if (report.n_sent + report.n_retry + report.n_failed == 0)
    g_print ("%s\n", _("Nothing to send."));
  return ATELIER_CLI_EXIT_OK;
}

int
atelier_cli_mail_test (AtelierCli              *cli,
                       const AtelierCliCommand *command,
                       GStrv                   *args)
{
  char *to = NULL;
  char *password_file = NULL;
  const GOptionEntry entries[] = {
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Send it to ADDRESS instead of the store’s own"), N_("ADDRESS") },
    { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &password_file,
      N_("Read the mail account’s password from FILE (readable by you alone)"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = atelier_cli_context_new (cli, command, entries);
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(AtelierSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *owned_to = NULL;
  g_autofree char *owned_file = NULL;
  g_autofree char *reply = NULL;
  char *password = NULL;
  gboolean ok;

  if (!atelier_cli_parse (context, args, 0, 0))
    return ATELIER_CLI_EXIT_USAGE;
  owned_to = to;
  owned_file = password_file;
  if (to != NULL && !atelier_contact_is_mailbox (to))
    return atelier_cli_usage_error (context, _("“%s” is not an e-mail address such as shop@example.org."), to);

  store = atelier_cli_open_store (cli, FALSE, &error);
  if (store == NULL || (settings = atelier_settings_load (store, &error)) == NULL)
    return atelier_cli_fail (error);
  if (password_file != NULL && (password = read_password (password_file, &error)) == NULL)
    return atelier_cli_fail (error);

  ok = atelier_mail_send_test (settings, password, to, &reply, &error);
  atelier_secret_free (password);
  if (!ok)
    return atelier_cli_fail (error);

  /* TRANSLATORS: the server's answer follows */
  g_print (_("The test message was sent: %s\n"), reply);
  return ATELIER_CLI_EXIT_OK;
}

/* One line from standard input, without its line end */
static char *
read_stdin_line (void)
{
  char buffer[1024];
  char *end;
  char *copy;

  if (fgets (buffer, sizeof buffer, stdin) == NULL)
    return NULL;
  end = strpbrk (buffer, "\r\n");
  if (end != NULL)
    *end = '\0';

  copy = g_strdup (buffer);
  memset (buffer, 0, sizeof buffer);
  return copy;
}

int
atelier_cli_mail_password (AtelierCli              *cli,
                           const AtelierCliCommand *command,
                           GStrv                   *args)
{
  char *password_file = NULL;
  const GOptionEntry entries[] = {
    { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &password_file,
      N_("Read the password from FILE (readable by you alone) instead of standard input"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = atelier_cli_context_new (cli, command, entries);
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(AtelierSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *owned_file = NULL;
  char *password = NULL;
  const char *host;
  const char *user;
  gboolean ok;

  if (!atelier_cli_parse (context, args, 0, 0))
    return ATELIER_CLI_EXIT_USAGE;
  owned_file = password_file;

  store = atelier_cli_open_store (cli, FALSE, &error);
  if (store == NULL || (settings = atelier_settings_load (store, &error)) == NULL)
    return atelier_cli_fail (error);
  host = atelier_settings_get_smtp_host (settings);
  user = atelier_settings_get_smtp_user (settings);
  if (*host == '\0' || *user == '\0')
    {
      g_printerr ("atelier-cli: %s\n",
                  _("Set the “smtp-host” and “smtp-user” settings first: the password is kept "
                    "for that user on that server."));
      return ATELIER_CLI_EXIT_ERROR;
    }

  password = password_file ? read_password (password_file, &error) : read_stdin_line ();
  if (password == NULL)
    return error ? atelier_cli_fail (error) : atelier_cli_usage_error (context, _("No password was given."));

  ok = atelier_secret_store_password (host, user, password, NULL, &error);
  atelier_secret_free (password);
  if (!ok)
    return atelier_cli_fail (error);

  /* TRANSLATORS: a user name, then a server */
  g_print (_("The password of %s on %s is kept in the keyring.\n"), user, host);
  return ATELIER_CLI_EXIT_OK;
}

int
atelier_cli_messages (AtelierCli              *cli,
                      const AtelierCliCommand *command,
                      GStrv                   *args)
{
  char *session_text = NULL;
  char *customer_text = NULL;
  const GOptionEntry entries[] = {
    { "session", 0, 0, G_OPTION_ARG_STRING, &session_text, N_("This session’s messages"), N_("ID") },
    { "customer", 0, 0, G_OPTION_ARG_STRING, &customer_text, N_("This customer’s messages"), N_("ID") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = atelier_cli_context_new (cli, command, entries);
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(GListModel) messages = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtelierCliTable) table = NULL;
  g_autofree char *owned_session = NULL;
  g_autofree char *owned_customer = NULL;
  gint64 id = 0;

  if (!atelier_cli_parse (context, args, 0, 0))
    return ATELIER_CLI_EXIT_USAGE;
  owned_session = session_text;
  owned_customer = customer_text;
  if ((session_text == NULL) == (customer_text == NULL))
    return atelier_cli_usage_error (context, _("Give either --session or --customer."));
  if (!atelier_cli_parse_id (context, session_text ? "--session" : "--customer",
                             session_text ? session_text : customer_text, &id))
    return ATELIER_CLI_EXIT_USAGE;

  store = atelier_cli_open_store (cli, FALSE, &error);
  if (store == NULL)
    return atelier_cli_fail (error);
  messages = session_text ? atelier_mail_queue_list_session (store, id, &error)
                          : atelier_mail_queue_list_customer (store, id, &error);
  if (messages == NULL)
    return atelier_cli_fail (error);

  /* TRANSLATORS: column headers of the list of mail messages */
  table = atelier_cli_table_new (_("Message"), _("Customer"), _("Address"), _("What"), _("State"),
                                 _("Server’s answer"), NULL);
  for (guint i = 0; i < g_list_model_get_n_items (messages); i++)
    {
      g_autoptr(AtelierMailMessage) message = g_list_model_get_item (messages, i);

      atelier_cli_table_add_printf (table, "%" G_GINT64_FORMAT, atelier_mail_message_get_id (message));
      atelier_cli_table_add (table, atelier_mail_message_get_customer_name (message));
      atelier_cli_table_add (table, atelier_mail_message_get_recipient (message));
      atelier_cli_table_add (table, describe_purpose (message));
      atelier_cli_table_add (table, describe_state (atelier_mail_message_get_state (message)));
      atelier_cli_table_add (table, atelier_mail_message_get_server_reply (message));
    }
  atelier_cli_table_print (table);
  return ATELIER_CLI_EXIT_OK;
}

int
atelier_cli_template (AtelierCli              *cli,
                      const AtelierCliCommand *command,
                      GStrv                   *args)
{
  char *subject = NULL;
  char *body_file = NULL;
  gboolean reset = FALSE;
  const GOptionEntry entries[] = {
    { "subject", 0, 0, G_OPTION_ARG_STRING, &subject, N_("The new subject"), N_("TEXT") },
    { "body-file", 0, 0, G_OPTION_ARG_FILENAME, &body_file, N_("Read the new text from FILE"), N_("FILE") },
    { "reset", 0, 0, G_OPTION_ARG_NONE, &reset, N_("Go back to the default text"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = atelier_cli_context_new (cli, command, entries);
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *owned_subject = NULL;
  g_autofree char *owned_file = NULL;
  g_autofree char *current_subject = NULL;
  g_autofree char *current_body = NULL;
  g_autofree char *body = NULL;
  AtelierMailTemplateId id;
  const char *language;

  g_option_context_set_description (context,
                                    _("NAME is reminder, thank-you, missed-you, invite, promoted, "
                                      "update, cancellation or session-cancelled; LANG is en or fr. "
                                      "Placeholders: {given_name}, {workshop}, {date}, {place}, "
                                      "{store}, {party}, {changes}, {suggestions}, {next_session}."));
  if (!atelier_cli_parse (context, args, 2, 2))
    return ATELIER_CLI_EXIT_USAGE;
  owned_subject = subject;
  owned_file = body_file;
  if (!atelier_mail_template_from_string ((*args)[1], &id, &error))
    return atelier_cli_usage_error (context, "%s", error->message);
  language = (*args)[2];
  if (reset && (subject != NULL || body_file != NULL))
    return atelier_cli_usage_error (context, _("--reset takes no --subject nor --body-file."));

  store = atelier_cli_open_store (cli, FALSE, &error);
  if (store == NULL)
    return atelier_cli_fail (error);

  if (reset && !atelier_mail_template_reset (store, id, language, &error))
    return atelier_cli_fail (error);
  if (subject != NULL || body_file != NULL)
    {
      if (!atelier_mail_template_load (store, id, language, &current_subject, &current_body, NULL, &error))
        return atelier_cli_fail (error);
      if (body_file != NULL && !g_file_get_contents (body_file, &body, NULL, &error))
        return atelier_cli_fail (error);
      if (!atelier_mail_template_save (store, id, language, subject ? subject : current_subject,
                                       body ? body : current_body, &error))
        return atelier_cli_fail (error);
      g_clear_pointer (&current_subject, g_free);
      g_clear_pointer (&current_body, g_free);
    }

  if (!atelier_mail_template_load (store, id, language, &current_subject, &current_body, NULL, &error))
    return atelier_cli_fail (error);
  g_print ("%s\n\n%s", current_subject, current_body);
  return ATELIER_CLI_EXIT_OK;
}
