/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-reply.c: one customer's reply read from the mailbox
 *
 * A row of the replies table (see schema step "replies") with the names
 * of whom and what it answers, read like an entity: every property is a
 * column of the query in atelier-replies.c. What a reply says, and why
 * one was set aside, are worded here once for the window and the CLI.
 */
#define G_LOG_DOMAIN "atelier-reply"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "atelier-record-private.h"
#include "atelier-reply.h"

struct _AtelierReply
{
  GObject parent_instance;

  gint64  id;
  gint64  handled_at;
  gint64  answered_at;
  char   *sender;
  char   *subject;
  char   *method;
  char   *event_uid;
  int     sequence;
  char   *attendee;
  char   *partstat;
  gint64  registration_id;
  gint64  session_id;
  char   *customer_name;
  char   *workshop_title;
  gint64  starts_at;
  char   *outcome;
  char   *reason;
};

G_DEFINE_FINAL_TYPE (AtelierReply, atelier_reply, G_TYPE_OBJECT)

#define DERIVED ATELIER_PARAM_DERIVED

static const AtelierField fields[] = {
  ATELIER_FIELD (AtelierReply, id, "id", G_TYPE_INT64, DERIVED),
  ATELIER_FIELD (AtelierReply, handled_at, "handled-at", G_TYPE_INT64, DERIVED),
  ATELIER_FIELD (AtelierReply, answered_at, "answered-at", G_TYPE_INT64, DERIVED),
  ATELIER_FIELD (AtelierReply, sender, "sender", G_TYPE_STRING, DERIVED),
  ATELIER_FIELD (AtelierReply, subject, "subject", G_TYPE_STRING, DERIVED),
  ATELIER_FIELD (AtelierReply, method, "method", G_TYPE_STRING, DERIVED),
  ATELIER_FIELD (AtelierReply, event_uid, "event-uid", G_TYPE_STRING, DERIVED),
  ATELIER_FIELD (AtelierReply, sequence, "sequence", G_TYPE_INT, DERIVED),
  ATELIER_FIELD (AtelierReply, attendee, "attendee", G_TYPE_STRING, DERIVED),
  ATELIER_FIELD (AtelierReply, partstat, "partstat", G_TYPE_STRING, DERIVED),
  ATELIER_FIELD (AtelierReply, registration_id, "registration-id", G_TYPE_INT64, DERIVED),
  ATELIER_FIELD (AtelierReply, session_id, "session-id", G_TYPE_INT64, DERIVED),
  ATELIER_FIELD (AtelierReply, customer_name, "customer-name", G_TYPE_STRING, DERIVED),
  ATELIER_FIELD (AtelierReply, workshop_title, "workshop-title", G_TYPE_STRING, DERIVED),
  ATELIER_FIELD (AtelierReply, starts_at, "starts-at", G_TYPE_INT64, DERIVED),
  ATELIER_FIELD (AtelierReply, outcome, "outcome", G_TYPE_STRING, DERIVED),
  ATELIER_FIELD (AtelierReply, reason, "reason", G_TYPE_STRING, DERIVED),
};

static GParamSpec *properties[G_N_ELEMENTS (fields) + 1];

ATELIER_DEFINE_FIELD_ACCESSORS (AtelierReply, atelier_reply, fields)

static void
atelier_reply_class_init (AtelierReplyClass *klass)
{
  ATELIER_CLASS_INIT_FIELDS (klass, atelier_reply, fields, properties);
}

static void
atelier_reply_init (AtelierReply *self)
{
}

ATELIER_DEFINE_GETTER (AtelierReply, atelier_reply, ATELIER_IS_REPLY, gint64, id)
ATELIER_DEFINE_GETTER (AtelierReply, atelier_reply, ATELIER_IS_REPLY, gint64, handled_at)
ATELIER_DEFINE_GETTER (AtelierReply, atelier_reply, ATELIER_IS_REPLY, gint64, answered_at)
ATELIER_DEFINE_GETTER (AtelierReply, atelier_reply, ATELIER_IS_REPLY, const char *, sender)
ATELIER_DEFINE_GETTER (AtelierReply, atelier_reply, ATELIER_IS_REPLY, const char *, subject)
ATELIER_DEFINE_GETTER (AtelierReply, atelier_reply, ATELIER_IS_REPLY, const char *, method)
ATELIER_DEFINE_GETTER (AtelierReply, atelier_reply, ATELIER_IS_REPLY, const char *, event_uid)
ATELIER_DEFINE_GETTER (AtelierReply, atelier_reply, ATELIER_IS_REPLY, int, sequence)
ATELIER_DEFINE_GETTER (AtelierReply, atelier_reply, ATELIER_IS_REPLY, const char *, attendee)
ATELIER_DEFINE_GETTER (AtelierReply, atelier_reply, ATELIER_IS_REPLY, const char *, partstat)
ATELIER_DEFINE_GETTER (AtelierReply, atelier_reply, ATELIER_IS_REPLY, gint64, registration_id)
ATELIER_DEFINE_GETTER (AtelierReply, atelier_reply, ATELIER_IS_REPLY, gint64, session_id)
ATELIER_DEFINE_GETTER (AtelierReply, atelier_reply, ATELIER_IS_REPLY, const char *, customer_name)
ATELIER_DEFINE_GETTER (AtelierReply, atelier_reply, ATELIER_IS_REPLY, const char *, workshop_title)
ATELIER_DEFINE_GETTER (AtelierReply, atelier_reply, ATELIER_IS_REPLY, gint64, starts_at)
ATELIER_DEFINE_GETTER (AtelierReply, atelier_reply, ATELIER_IS_REPLY, const char *, outcome)
ATELIER_DEFINE_GETTER (AtelierReply, atelier_reply, ATELIER_IS_REPLY, const char *, reason)

gboolean
atelier_reply_is_applied (AtelierReply *self)
{
  g_return_val_if_fail (ATELIER_IS_REPLY (self), FALSE);

  return g_strcmp0 (self->outcome, ATELIER_REPLY_APPLIED) == 0;
}

/**
 * atelier_reply_describe_reason:
 *
 * Returns: (transfer none): why the reply was set aside, a sentence for
 *   the manager; "" when it was applied
 */
const char *
atelier_reply_describe_reason (AtelierReply *self)
{
  static const struct { const char *code; const char *text; } reasons[] = {
    { "unknown-uid", N_("It answers an event the store never sent.") },
    { "not-attendee", N_("The address that answers is not that of any registration of this session.") },
    { "several-attendees", N_("It answers for several people at once.") },
    { "no-attendee", N_("It does not say who answers.") },
    { "never-sent", N_("This customer was never sent an invitation to this session.") },
    { "stale-sequence", N_("It answers an older version of the invitation than the last one sent.") },
    { "registration-cancelled", N_("The registration is already cancelled.") },
    { "checked-in", N_("The customer is already checked in.") },
    { "counter", N_("The customer proposes another time: answer them yourself.") },
    { "unknown-answer", N_("It neither accepts nor declines.") },
    { "several-events", N_("It answers several events at once.") },
  };

  g_return_val_if_fail (ATELIER_IS_REPLY (self), "");

  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    if (g_strcmp0 (self->reason, reasons[i].code) == 0)
      return _(reasons[i].text);
  return "";
}

/**
 * atelier_reply_describe_answer:
 *
 * Returns: (transfer none): what the customer said, in a few words
 */
const char *
atelier_reply_describe_answer (AtelierReply *self)
{
  g_return_val_if_fail (ATELIER_IS_REPLY (self), "");

  if (g_strcmp0 (self->method, "COUNTER") == 0)
    return C_("reply", "proposes another time");
  if (g_strcmp0 (self->partstat, "ACCEPTED") == 0)
    return C_("reply", "accepted");
  if (g_strcmp0 (self->partstat, "TENTATIVE") == 0)
    return C_("reply", "maybe");
  if (g_strcmp0 (self->partstat, "DECLINED") == 0)
    return C_("reply", "declined");
  return C_("reply", "other answer");
}

/**
 * atelier_reply_format_mark:
 *
 * Returns: (transfer full): the short mark of an applied answer on the
 *   roster and the check-in card, "Said yes on 3 May", in the local
 *   time zone; %NULL for other replies
 */
char *
atelier_reply_format_mark (AtelierReply *self)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *day = NULL;

  g_return_val_if_fail (ATELIER_IS_REPLY (self), NULL);

  if (!atelier_reply_is_applied (self))
    return NULL;

  utc = g_date_time_new_from_unix_utc (self->answered_at);
  local = g_date_time_to_local (utc);
  /* TRANSLATORS: a day and month, as in "3 May"; see g_date_time_format() */
  day = g_date_time_format (local, C_("reply date", "%-d %B"));

  if (g_strcmp0 (self->partstat, "ACCEPTED") == 0)
    /* TRANSLATORS: on the roster; the date is like "3 May" */
    return g_strdup_printf (_("Said yes on %s"), day);
  if (g_strcmp0 (self->partstat, "TENTATIVE") == 0)
    /* TRANSLATORS: on the roster; the date is like "3 May" */
    return g_strdup_printf (_("Said maybe on %s"), day);
  /* TRANSLATORS: on the roster; the date is like "3 May" */
  return g_strdup_printf (_("Said no on %s"), day);
}
