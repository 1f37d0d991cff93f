/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-mail-message.h: one message of the mail queue, with its state */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ATELIER_TYPE_MAIL_MESSAGE (atelier_mail_message_get_type ())
G_DECLARE_FINAL_TYPE (AtelierMailMessage, atelier_mail_message, ATELIER, MAIL_MESSAGE, GObject)

/* What a message is to the customer, from its purpose and kind. */
typedef enum
{
  ATELIER_MAIL_WHAT_INVITE,
  ATELIER_MAIL_WHAT_INVITE_PROMOTED,  /* off the waiting list */
  ATELIER_MAIL_WHAT_UPDATE,
  ATELIER_MAIL_WHAT_CANCELLATION,
  ATELIER_MAIL_WHAT_REMINDER,
  ATELIER_MAIL_WHAT_THANK_YOU,
  ATELIER_MAIL_WHAT_MISSED_YOU,
} AtelierMailWhat;

gint64      atelier_mail_message_get_id              (AtelierMailMessage *self);
gint64      atelier_mail_message_get_registration_id (AtelierMailMessage *self);
gint64      atelier_mail_message_get_session_id      (AtelierMailMessage *self);
gint64      atelier_mail_message_get_customer_id     (AtelierMailMessage *self);
const char *atelier_mail_message_get_customer_name   (AtelierMailMessage *self);
const char *atelier_mail_message_get_workshop_title  (AtelierMailMessage *self);
gint64      atelier_mail_message_get_starts_at       (AtelierMailMessage *self);
/* "invite", "cancel", "reminder", "thank-you" or "missed-you" */
const char *atelier_mail_message_get_purpose         (AtelierMailMessage *self);
/* for invites, the invite's kind ("new", "update"…); else the purpose */
const char *atelier_mail_message_get_kind            (AtelierMailMessage *self);
int         atelier_mail_message_get_sequence        (AtelierMailMessage *self);
const char *atelier_mail_message_get_recipient       (AtelierMailMessage *self);
const char *atelier_mail_message_get_message_id      (AtelierMailMessage *self);
/* "pending", "sending", "sent", "retry", "failed" or "superseded" */
const char *atelier_mail_message_get_state           (AtelierMailMessage *self);
int         atelier_mail_message_get_attempts        (AtelierMailMessage *self);
gint64      atelier_mail_message_get_created_at      (AtelierMailMessage *self);
gint64      atelier_mail_message_get_next_attempt_at (AtelierMailMessage *self);
gint64      atelier_mail_message_get_sent_at         (AtelierMailMessage *self);
/* the server's answer: "250 …" when sent, the reason when not */
const char *atelier_mail_message_get_server_reply    (AtelierMailMessage *self);
AtelierMailWhat atelier_mail_message_get_what        (AtelierMailMessage *self);

G_END_DECLS
