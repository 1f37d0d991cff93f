/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-cli-replies.c: customers' replies read from the store's mailbox
 *
 *   replies [--dry-run] [--password-file FILE]
 *
 * Reads the new messages of the IMAP account's folder and applies the
 * calendar replies among them by the core's rules, a line per reply;
 * with --dry-run it says what it would do and changes nothing. The
 * password comes from the keyring (kept there by Preferences), or from
 * --password-file FILE for a computer without one.
 */
#define G_LOG_DOMAIN "atelier-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "atelier-cli-private.h"
#include "atelier-imap.h"
#include "atelier-replies.h"
#include "atelier-secret.h"
#include "atelier-settings.h"

/* The password of the account, from @password_file or the keyring. */
static char *
read_password (AtelierSettings  *settings,
               const char       *password_file,
               GError          **error)
{
  if (password_file != NULL)
    return atelier_secret_read_password_file (password_file, error);
  return atelier_imap_lookup_password (atelier_settings_get_imap_host (settings),
                                       atelier_settings_get_imap_user (settings),
                                       NULL, error);
}

static void
on_reply_cb (AtelierReply *reply,
             gpointer      user_data)
{
  gboolean dry_run = GPOINTER_TO_INT (user_data);
  gboolean applied = atelier_reply_is_applied (reply);
  const char *state;
  const char *name = atelier_reply_get_customer_name (reply);
  const char *what = atelier_reply_get_workshop_title (reply);
  g_autofree char *who = NULL;

  if (dry_run)
    state = applied ? _("would apply") : _("would set aside");
  else
    state = applied ? _("applied") : _("set aside");

  if (*name != '\0')
    who = g_strdup_printf ("%s <%s>", name, atelier_reply_get_attendee (reply));
  else
    who = g_strdup_printf ("<%s>", atelier_reply_get_attendee (reply));

  /* TRANSLATORS: what became of a reply, who answered, the answer, the
   * workshop (or the event's UID), then why it was set aside (or nothing) */
  g_print (_("%s: %s %s, %s%s%s\n"), state, who,
           atelier_reply_describe_answer (reply),
           *what != '\0' ? what : atelier_reply_get_event_uid (reply),
           applied ? "" : ": ", atelier_reply_describe_reason (reply));
}

int
atelier_cli_replies (AtelierCli              *cli,
                     const AtelierCliCommand *command,
                     GStrv                   *args)
{
  char *password_file = NULL;
  gboolean dry_run = FALSE;
  const GOptionEntry entries[] = {
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Print what would be done, change nothing"), NULL },
    { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &password_file,
      N_("Read the mailbox’s password from FILE (readable by you alone)"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = atelier_cli_context_new (cli, command, entries);
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(AtelierSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *owned_file = NULL;
  AtelierRepliesReport report = { 0 };
  char *password = NULL;
  gboolean ok;

  if (!atelier_cli_parse (context, args, 0, 0))
    return ATELIER_CLI_EXIT_USAGE;
  owned_file = password_file;

  store = atelier_cli_open_store (cli, FALSE, &error);
  if (store == NULL || (settings = atelier_settings_load (store, &error)) == NULL ||
      !atelier_settings_check_can_read_replies (settings, &error))
    return atelier_cli_fail (error);
  password = read_password (settings, password_file, &error);
  if (password == NULL)
    return atelier_cli_fail (error);

  ok = atelier_replies_check (store, password, dry_run, on_reply_cb, GINT_TO_POINTER (dry_run),
                              NULL, &report, &error);
  atelier_secret_free (password);
  if (!ok)
    return atelier_cli_fail (error);

  if (report.n_applied + report.n_set_aside == 0)
    g_print ("%s\n", _("No new replies."));
  return ATELIER_CLI_EXIT_OK;
}
