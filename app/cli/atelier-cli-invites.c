/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-cli-invites.c: the commands that send customers their
 * invitations: outbox (what is owed), invites (a session's, as files),
 * invite (one registration's .ics) and feed (the public schedule)
 *
 * What each customer is owed is the core's outbox: a first invitation, a
 * promotion from the waiting list, an update after the session changed,
 * or a cancellation. Writing it with invites is what takes it off the
 * outbox; invite and feed only write a file and record nothing. Every
 * file is written under a temporary name then renamed: it is whole or
 * absent.
 */
#define G_LOG_DOMAIN "atelier-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "atelier-cli-items.h"
#include "atelier-cli-private.h"
#include "atelier-invite.h"
#include "atelier-outbox.h"

/* Like atelier_cli_fail(), and while the organiser's mailbox is unset,
 * how to set it. */
static int
fail_to_invite (const GError *error)
{
  if (!g_error_matches (error, ATELIER_SETTINGS_ERROR, ATELIER_SETTINGS_ERROR_NO_ORGANIZER))
    return atelier_cli_fail (error);

  /* TRANSLATORS: follows the reason why invites cannot be written; the
   * command “atelier-cli settings organizer ADDRESS” is typed as it is */
  g_printerr ("atelier-cli: %s %s\n", error->message,
              _("Run “atelier-cli settings organizer ADDRESS”."));

  return ATELIER_CLI_EXIT_ERROR;
}

/* The store and, when @session_id is not 0, a check that the session
 * exists; %NULL with @error set otherwise */
static AtelierStore *
open_for_session (AtelierCli  *cli,
                  gint64       session_id,
                  GError     **error)
{
  g_autoptr(AtelierStore) store = atelier_cli_open_store (cli, FALSE, error);
  g_autoptr(AtelierSession) session = NULL;

  if (store == NULL)
    return NULL;
  if (session_id != 0 && (session = atelier_store_get_session (store, session_id, error)) == NULL)
    return NULL;

  return g_steal_pointer (&store);
}

/* The outbox */

static void
add_item_json (JsonBuilder *builder,
               gpointer     data)
{
  AtelierOutboxItem *item = data;
  AtelierInviteKind kind = atelier_outbox_item_get_kind (item);

  atelier_cli_json_add_int (builder, "registration_id",
                            atelier_outbox_item_get_registration_id (item));
  atelier_cli_json_add_int (builder, "session_id", atelier_outbox_item_get_session_id (item));
  atelier_cli_json_add_int (builder, "customer_id", atelier_outbox_item_get_customer_id (item));
  atelier_cli_json_add_string (builder, "customer", atelier_outbox_item_get_customer_name (item));
  atelier_cli_json_add_string (builder, "email", atelier_outbox_item_get_email (item));
  atelier_cli_json_add_int (builder, "party_size", atelier_outbox_item_get_party_size (item));
  atelier_cli_json_add_string (builder, "workshop", atelier_outbox_item_get_workshop_title (item));
  atelier_cli_json_add_utc (builder, "starts_at", atelier_outbox_item_get_starts_at (item));
  atelier_cli_json_add_string (builder, "kind", atelier_invite_kind_to_string (kind));
  atelier_cli_json_add_string (builder, "method", atelier_outbox_item_get_method (item));
  atelier_cli_json_add_int (builder, "sequence", atelier_outbox_item_get_sequence (item));
}

/* What the customer is owed, in a few words */
static const char *
describe_kind (AtelierInviteKind kind)
{
  switch (kind)
    {
    case ATELIER_INVITE_NEW:
      return C_("outbox", "invitation");
    case ATELIER_INVITE_PROMOTED:
      return C_("outbox", "invitation, off the waiting list");
    case ATELIER_INVITE_UPDATE:
      return C_("outbox", "update");
    case ATELIER_INVITE_CANCELLED:
      return C_("outbox", "cancellation");
    case ATELIER_INVITE_SESSION_CANCELLED:
      return C_("outbox", "cancellation of the session");
    default:
      return atelier_invite_kind_to_string (kind);
    }
}

static void
add_item_row (AtelierCliTable *table,
              gpointer         data)
{
  AtelierOutboxItem *item = data;

  atelier_cli_table_add_printf (table, "%" G_GINT64_FORMAT,
                                atelier_outbox_item_get_registration_id (item));
  atelier_cli_table_add_printf (table, "%" G_GINT64_FORMAT,
                                atelier_outbox_item_get_session_id (item));
  atelier_cli_table_add (table, atelier_outbox_item_get_customer_name (item));
  atelier_cli_table_add (table, atelier_outbox_item_get_email (item));
  atelier_cli_table_add (table, describe_kind (atelier_outbox_item_get_kind (item)));
  atelier_cli_table_add_printf (table, "%d", atelier_outbox_item_get_sequence (item));
}

static AtelierCliTable *
new_item_table (void)
{
  /* TRANSLATORS: column headers; “Reg.” is a registration's number,
   * “Sequence” the iCalendar SEQUENCE of the message */
  AtelierCliTable *table = atelier_cli_table_new (_("Reg."), _("Session"), _("Customer"),
                                                  _("E-mail"), _("Message"), _("Sequence"),
                                                  NULL);

  atelier_cli_table_align_right (table, 0);
  atelier_cli_table_align_right (table, 1);
  atelier_cli_table_align_right (table, 5);

  return table;
}

static const AtelierCliListingFormat item_format = {
  new_item_table, add_item_row, add_item_json,
};

/* A SESSION argument if there is one, for the commands where it is
 * optional; 0 for none */
static gboolean
parse_optional_session (GOptionContext  *context,
                        GStrv            args,
                        gint64          *session_id)
{
  *session_id = 0;

  return args[1] == NULL || atelier_cli_parse_id (context, "SESSION", args[1], session_id);
}

int
atelier_cli_outbox (AtelierCli              *cli,
                    const AtelierCliCommand *command,
                    GStrv                   *args)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON instead of a table"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = atelier_cli_context_new (cli, command, entries);
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GError) error = NULL;
  gint64 session_id;

  g_option_context_set_description (context,
                                    _("Lists, for the sessions not yet over (or SESSION only), "
                                      "the messages customers are owed and have not been "
                                      "written yet: invitations, updates after a change, "
                                      "cancellations. “atelier-cli invites” writes them."));

  if (!atelier_cli_parse (context, args, 0, 1) ||
      !parse_optional_session (context, *args, &session_id))
    return ATELIER_CLI_EXIT_USAGE;

  store = open_for_session (cli, session_id, &error);
  if (store != NULL)
    items = atelier_outbox_list (store, session_id, &error);

  return atelier_cli_print_listing (items, &error, json, &item_format);
}

/* Writing a session's messages */

static int
print_written_json (gint64      session_id,
                    const char *folder,
                    guint       n_written,
                    GPtrArray  *files)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) error = NULL;

  json_builder_begin_object (builder);
  atelier_cli_json_add_int (builder, "session_id", session_id);
  atelier_cli_json_add_string (builder, "folder", folder);
  atelier_cli_json_add_int (builder, "messages", n_written);
  json_builder_set_member_name (builder, "files");
  json_builder_begin_array (builder);
  for (guint i = 0; i < files->len; i++)
    json_builder_add_string_value (builder, files->pdata[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  if (!atelier_cli_json_print (builder, &error))
    return atelier_cli_fail (error);

  return ATELIER_CLI_EXIT_OK;
}

/* The files, one path a line, then how many messages they make */
static void
print_written (const char *folder,
               guint       n_written,
               GPtrArray  *files)
{
  for (guint i = 0; i < files->len; i++)
    g_print ("%s\n", (const char *) files->pdata[i]);

  if (n_written == 0 && files->len > 0)
    return;  /* stopped at the first message: the error says why */
  if (n_written == 0)
    g_print (_("Nothing to write: the customers have every message they are owed."));
  else
    /* TRANSLATORS: a number of messages (each an .ics and an .eml file),
     * then a folder */
    g_print (ngettext ("Wrote %u message in “%s”.", "Wrote %u messages in “%s”.", n_written),
             n_written, folder);
  g_print ("\n");
}

/* Writes the items, and says which files it wrote even when it stopped
 * at one it could not write. */
static int
write_outbox (AtelierStore *store,
              gint64        session_id,
              const char   *folder,
              gboolean      json)
{
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;
  guint n_written = 0;
  gboolean ok;
  int status;

  ok = atelier_outbox_write_full (store, session_id, folder, &n_written, &files, &error);
  if (!ok && (files == NULL || files->len == 0))
    return fail_to_invite (error);

  if (json)
    status = print_written_json (session_id, folder, n_written, files);
  else
    {
      print_written (folder, n_written, files);
      status = ATELIER_CLI_EXIT_OK;
    }

  return ok ? status : fail_to_invite (error);
}

static gboolean
check_out (GOptionContext *context,
           const char     *out,
           const char     *what)
{
  if (out != NULL && *out != '\0')
    return TRUE;

  /* TRANSLATORS: %s says what --out names: “the folder to write in” or
   * “the file to write” */
  atelier_cli_usage_error (context, _("Say where with --out: %s."), what);
  return FALSE;
}

int
atelier_cli_invites (AtelierCli              *cli,
                     const AtelierCliCommand *command,
                     GStrv                   *args)
{
  g_autofree char *out = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out,
      N_("Write the files in FOLDER, created if missing"), N_("FOLDER") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the result as JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = atelier_cli_context_new (cli, command, entries);
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 session_id;

  g_option_context_set_description (context,
                                    _("For each message the session’s customers are owed (see "
                                      "“atelier-cli outbox”), writes the calendar (NAME-REG.ics) "
                                      "and the mail that carries it (NAME-REG.eml), named after "
                                      "the customer and the registration, then records it as "
                                      "sent. A newer message for the same registration replaces "
                                      "the older files. Needs the “organizer” setting."));

  if (!atelier_cli_parse (context, args, 1, 1) ||
      !atelier_cli_parse_id (context, "SESSION", (*args)[1], &session_id) ||
      !check_out (context, out, _("the folder to write in")))
    return ATELIER_CLI_EXIT_USAGE;

  store = open_for_session (cli, session_id, &error);
  if (store == NULL)
    return atelier_cli_fail (error);

  return write_outbox (store, session_id, out, json);
}

/* Single files */

/* @text into @path, whole or not at all */
static int
write_calendar (const char *path,
                const char *text,
                int         mode)
{
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents_full (path, text, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 mode, &error))
    return atelier_cli_fail (error);

  g_print (_("Wrote “%s”."), path);
  g_print ("\n");

  return ATELIER_CLI_EXIT_OK;
}

int
atelier_cli_invite (AtelierCli              *cli,
                    const AtelierCliCommand *command,
                    GStrv                   *args)
{
  g_autofree char *out = NULL;
  const GOptionEntry entries[] = {
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out,
      N_("Write the calendar to FILE"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = atelier_cli_context_new (cli, command, entries);
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *calendar = NULL;
  gint64 id;

  g_option_context_set_description (context,
                                    _("Writes the invitation of a confirmed registration, with "
                                      "the sequence its customer is due, without recording it "
                                      "as sent. Needs the “organizer” setting."));

  if (!atelier_cli_parse (context, args, 1, 1) ||
      !atelier_cli_parse_id (context, "REG", (*args)[1], &id) ||
      !check_out (context, out, _("the file to write")))
    return ATELIER_CLI_EXIT_USAGE;

  store = atelier_cli_open_store (cli, FALSE, &error);
  if (store != NULL)
    calendar = atelier_invite_build_for_registration (store, id, &error);
  if (calendar == NULL)
    return fail_to_invite (error);

  /* It holds the customer's address: for the store's eyes only */
  return write_calendar (out, calendar, 0600);
}

/* Drops what was written to @stream, from g_file_replace(): a file that
 * existed stays as it was, one that did not is removed. */
static void
abandon (GFile             *file,
         GFileOutputStream *stream,
         gboolean           existed)
{
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();

  g_cancellable_cancel (cancelled);
  g_output_stream_close (G_OUTPUT_STREAM (stream), cancelled, NULL);
  if (!existed)
    g_file_delete (file, NULL, NULL);
}

/* The feed into @path as it is built. GIO writes over a file that exists
 * under a temporary name, renamed once whole; a new file is removed if
 * the feed cannot be finished. Public, like a web page: the usual
 * permissions. */
static int
write_feed (AtelierStore *store,
            GDateTime    *from,
            GDateTime    *to,
            const char   *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(AtelierSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  gboolean existed;

  /* Refused before anything is written */
  settings = atelier_settings_load (store, &error);
  if (settings == NULL || !atelier_settings_check_can_invite (settings, &error))
    return fail_to_invite (error);

  existed = g_file_query_exists (file, NULL);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, &error);
  if (stream == NULL)
    return atelier_cli_fail (error);

  if (!atelier_invite_write_feed (store, from, to, G_OUTPUT_STREAM (stream), NULL, NULL, &error))
    {
      abandon (file, stream, existed);
      return fail_to_invite (error);
    }
  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error))
    {
      if (!existed)
        g_file_delete (file, NULL, NULL);
      return atelier_cli_fail (error);
    }

  g_print (_("Wrote “%s”."), path);
  g_print ("\n");

  return ATELIER_CLI_EXIT_OK;
}

int
atelier_cli_feed (AtelierCli              *cli,
                  const AtelierCliCommand *command,
                  GStrv                   *args)
{
  g_autofree char *out = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  const GOptionEntry entries[] = {
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out,
      N_("Write the calendar to FILE"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = atelier_cli_context_new (cli, command, entries);
  g_autofree char *description = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(GError) error = NULL;

  atelier_cli_add_date_range (context, &from_text, &to_text);
  description = g_strconcat (_("The scheduled sessions, for anyone to subscribe to: no customer "
                               "appears in it. Needs the “organizer” setting."),
                             " ", atelier_cli_describe_date_range (), NULL);
  g_option_context_set_description (context, description);

  if (!atelier_cli_parse (context, args, 0, 0) ||
      !check_out (context, out, _("the file to write")) ||
      !atelier_cli_parse_date_range (context, from_text, to_text, &from, &to))
    return ATELIER_CLI_EXIT_USAGE;

  store = atelier_cli_open_store (cli, FALSE, &error);
  if (store == NULL)
    return atelier_cli_fail (error);

  return write_feed (store, from, to, out);
}
