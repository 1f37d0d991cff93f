/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-mail-message.c: one message of the mail queue, with its state
 *
 * A row of mail_messages (schema step 10) with the names of its customer
 * and workshop, read like an entity: every property is a column.
 */
#define G_LOG_DOMAIN "atelier-mail-message"

#include "config.h"

#include "atelier-mail-message.h"
#include "atelier-record-private.h"

struct _AtelierMailMessage
{
  GObject parent_instance;

  gint64  id;
  gint64  registration_id;
  gint64  session_id;
  gint64  customer_id;
  char   *customer_name;
  char   *workshop_title;
  gint64  starts_at;
  char   *purpose;
  char   *kind;
  int     sequence;
  char   *recipient;
  char   *message_id;
  char   *state;
  int     attempts;
  gint64  created_at;
  gint64  next_attempt_at;
  gint64  sent_at;
  char   *server_reply;
};

G_DEFINE_FINAL_TYPE (AtelierMailMessage, atelier_mail_message, G_TYPE_OBJECT)

#define DERIVED ATELIER_PARAM_DERIVED

static const AtelierField fields[] = {
  ATELIER_FIELD (AtelierMailMessage, id, "id", G_TYPE_INT64, DERIVED),
  ATELIER_FIELD (AtelierMailMessage, registration_id, "registration-id", G_TYPE_INT64, DERIVED),
  ATELIER_FIELD (AtelierMailMessage, session_id, "session-id", G_TYPE_INT64, DERIVED),
  ATELIER_FIELD (AtelierMailMessage, customer_id, "customer-id", G_TYPE_INT64, DERIVED),
  ATELIER_FIELD (AtelierMailMessage, customer_name, "customer-name", G_TYPE_STRING, DERIVED),
  ATELIER_FIELD (AtelierMailMessage, workshop_title, "workshop-title", G_TYPE_STRING, DERIVED),
  ATELIER_FIELD (AtelierMailMessage, starts_at, "starts-at", G_TYPE_INT64, DERIVED),
  ATELIER_FIELD (AtelierMailMessage, purpose, "purpose", G_TYPE_STRING, DERIVED),
  ATELIER_FIELD (AtelierMailMessage, kind, "kind", G_TYPE_STRING, DERIVED),
  ATELIER_FIELD (AtelierMailMessage, sequence, "sequence", G_TYPE_INT, DERIVED),
  ATELIER_FIELD (AtelierMailMessage, recipient, "recipient", G_TYPE_STRING, DERIVED),
  ATELIER_FIELD (AtelierMailMessage, message_id, "message-id", G_TYPE_STRING, DERIVED),
  ATELIER_FIELD (AtelierMailMessage, state, "state", G_TYPE_STRING, DERIVED),
  ATELIER_FIELD (AtelierMailMessage, attempts, "attempts", G_TYPE_INT, DERIVED),
  ATELIER_FIELD (AtelierMailMessage, created_at, "created-at", G_TYPE_INT64, DERIVED),
  ATELIER_FIELD (AtelierMailMessage, next_attempt_at, "next-attempt-at", G_TYPE_INT64, DERIVED),
  ATELIER_FIELD (AtelierMailMessage, sent_at, "sent-at", G_TYPE_INT64, DERIVED),
  ATELIER_FIELD (AtelierMailMessage, server_reply, "server-reply", G_TYPE_STRING, DERIVED),
};

static GParamSpec *properties[G_N_ELEMENTS (fields) + 1];

ATELIER_DEFINE_FIELD_ACCESSORS (AtelierMailMessage, atelier_mail_message, fields)

static void
atelier_mail_message_class_init (AtelierMailMessageClass *klass)
{
  ATELIER_CLASS_INIT_FIELDS (klass, atelier_mail_message, fields, properties);
}

static void
atelier_mail_message_init (AtelierMailMessage *self)
{
}

#define GETTER(type, member) \
  ATELIER_DEFINE_GETTER (AtelierMailMessage, atelier_mail_message, ATELIER_IS_MAIL_MESSAGE, type, member)

GETTER (gint64, id)
GETTER (gint64, registration_id)
GETTER (gint64, session_id)
GETTER (gint64, customer_id)
GETTER (const char *, customer_name)
GETTER (const char *, workshop_title)
GETTER (gint64, starts_at)
GETTER (const char *, purpose)
GETTER (const char *, kind)
GETTER (int, sequence)
GETTER (const char *, recipient)
GETTER (const char *, message_id)
GETTER (const char *, state)
GETTER (int, attempts)
GETTER (gint64, created_at)
GETTER (gint64, next_attempt_at)
GETTER (gint64, sent_at)
GETTER (const char *, server_reply)

/**
 * atelier_mail_message_get_what:
 *
 * What @message is to its customer, decided here once for every view of
 * the queue (the window, atelier-cli): a cancellation is any message that
 * withdraws the invite, whether the registration or the session went.
 */
AtelierMailWhat
atelier_mail_message_get_what (AtelierMailMessage *self)
{
  const char *purpose;
  const char *kind;

  g_return_val_if_fail (ATELIER_IS_MAIL_MESSAGE (self), ATELIER_MAIL_WHAT_INVITE);

  purpose = self->purpose;
  kind = self->kind;
  if (g_strcmp0 (purpose, "reminder") == 0)
    return ATELIER_MAIL_WHAT_REMINDER;
  if (g_strcmp0 (purpose, "thank-you") == 0)
    return ATELIER_MAIL_WHAT_THANK_YOU;
  if (g_strcmp0 (purpose, "missed-you") == 0)
    return ATELIER_MAIL_WHAT_MISSED_YOU;
  if (g_strcmp0 (purpose, "cancel") == 0 || g_strcmp0 (kind, "cancelled") == 0 ||
      g_strcmp0 (kind, "session-cancelled") == 0)
    return ATELIER_MAIL_WHAT_CANCELLATION;
  if (g_strcmp0 (kind, "update") == 0)
    return ATELIER_MAIL_WHAT_UPDATE;
  if (g_strcmp0 (kind, "promoted") == 0)
    return ATELIER_MAIL_WHAT_INVITE_PROMOTED;
  return ATELIER_MAIL_WHAT_INVITE;
}
