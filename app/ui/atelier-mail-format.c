/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-mail-format.c: a message of the mail queue, in words
 *
 * The session page (a line per roster row) and the customer page (a row
 * per message) say the same thing the same way: what the message was,
 * and where it stands ("sent 14 Mar, 10:02", "failed: 550 …").
 */
#include "config.h"

#include <glib/gi18n.h>

#include "atelier-format.h"
#include "atelier-mail-format.h"

/**
 * atelier_mail_format_what:
 *
 * Returns: what @message is, e.g. "Invite", "Update", "Reminder"
 */
const char *
atelier_mail_format_what (AtelierMailMessage *message)
{
  switch (atelier_mail_message_get_what (message))
    {
    case ATELIER_MAIL_WHAT_UPDATE:
      return C_("mail", "Update");
    case ATELIER_MAIL_WHAT_CANCELLATION:
      return C_("mail", "Cancellation");
    case ATELIER_MAIL_WHAT_REMINDER:
      return C_("mail", "Reminder");
    case ATELIER_MAIL_WHAT_THANK_YOU:
      return C_("mail", "Thank-you");
    case ATELIER_MAIL_WHAT_MISSED_YOU:
      return C_("mail", "We-missed-you");
    case ATELIER_MAIL_WHAT_INVITE:
    case ATELIER_MAIL_WHAT_INVITE_PROMOTED:
    default:
      return C_("mail", "Invite");
    }
}

static char *
format_time (gint64 unix_time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);

  /* TRANSLATORS: when a message was sent, e.g. "14 Mar, 10:02" */
  return atelier_date_format (local, _("%-d %b, %H:%M"));
}

/**
 * atelier_mail_format_state:
 *
 * Returns: (transfer full): where @message stands, e.g. "sent 14 Mar,
 *   10:02" or "failed: 550 mailbox unavailable"
 */
char *
atelier_mail_format_state (AtelierMailMessage *message)
{
  const char *state = atelier_mail_message_get_state (message);
  const char *reply = atelier_mail_message_get_server_reply (message);
  g_autofree char *when = NULL;

  if (reply == NULL)
    reply = "";

  if (g_strcmp0 (state, "sent") == 0)
    {
      when = format_time (atelier_mail_message_get_sent_at (message));
      /* TRANSLATORS: a message's state, e.g. "sent 14 Mar, 10:02" */
      return g_strdup_printf (C_("mail state", "sent %s"), when);
    }
  if (g_strcmp0 (state, "failed") == 0)
    /* TRANSLATORS: a message's state, with the server's reason,
     * e.g. "failed: 550 mailbox unavailable" */
    return g_strdup_printf (C_("mail state", "failed: %s"), reply);
  if (g_strcmp0 (state, "retry") == 0)
    {
      when = format_time (atelier_mail_message_get_next_attempt_at (message));
      /* TRANSLATORS: a message's state: put off by the server, tried
       * again later, e.g. "put off (451 try later), next try 14 Mar, 10:12" */
      return g_strdup_printf (C_("mail state", "put off (%s), next try %s"), reply, when);
    }
  if (g_strcmp0 (state, "sending") == 0)
    return g_strdup (C_("mail state", "being sent"));
  if (g_strcmp0 (state, "superseded") == 0)
    return g_strdup (C_("mail state", "replaced by a newer one"));
  return g_strdup (C_("mail state", "waiting to be sent"));
}

/**
 * atelier_mail_format_line:
 *
 * Returns: (transfer full): what @message is and where it stands, e.g.
 *   "Invite sent 14 Mar, 10:02"
 */
char *
atelier_mail_format_line (AtelierMailMessage *message)
{
  g_autofree char *state = atelier_mail_format_state (message);

  /* TRANSLATORS: a message and its state, e.g. "Invite sent 14 Mar, 10:02" */
  return g_strdup_printf (C_("mail", "%s %s"), atelier_mail_format_what (message), state);
}
