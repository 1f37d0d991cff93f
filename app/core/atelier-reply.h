/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-reply.h: one customer's reply read from the mailbox */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ATELIER_REPLY_APPLIED   "applied"
#define ATELIER_REPLY_SET_ASIDE "set-aside"

#define ATELIER_TYPE_REPLY (atelier_reply_get_type ())
G_DECLARE_FINAL_TYPE (AtelierReply, atelier_reply, ATELIER, REPLY, GObject)

gint64      atelier_reply_get_id              (AtelierReply *self);
gint64      atelier_reply_get_handled_at      (AtelierReply *self);
/* when the customer answered: the message's Date, else when it was read */
gint64      atelier_reply_get_answered_at     (AtelierReply *self);
const char *atelier_reply_get_sender          (AtelierReply *self);
const char *atelier_reply_get_subject         (AtelierReply *self);
/* "REPLY" or "COUNTER" */
const char *atelier_reply_get_method          (AtelierReply *self);
const char *atelier_reply_get_event_uid       (AtelierReply *self);
int         atelier_reply_get_sequence        (AtelierReply *self);
const char *atelier_reply_get_attendee        (AtelierReply *self);
/* "ACCEPTED", "TENTATIVE", "DECLINED"… as the calendar wrote it */
const char *atelier_reply_get_partstat        (AtelierReply *self);
/* 0 when the reply matched no registration */
gint64      atelier_reply_get_registration_id (AtelierReply *self);
gint64      atelier_reply_get_session_id      (AtelierReply *self);
const char *atelier_reply_get_customer_name   (AtelierReply *self);
const char *atelier_reply_get_workshop_title  (AtelierReply *self);
gint64      atelier_reply_get_starts_at       (AtelierReply *self);
/* ATELIER_REPLY_APPLIED or ATELIER_REPLY_SET_ASIDE */
const char *atelier_reply_get_outcome         (AtelierReply *self);
/* why it was set aside, a code: "stale-sequence"…; "" when applied */
const char *atelier_reply_get_reason          (AtelierReply *self);

gboolean    atelier_reply_is_applied          (AtelierReply *self);
const char *atelier_reply_describe_reason     (AtelierReply *self);
const char *atelier_reply_describe_answer     (AtelierReply *self);
char       *atelier_reply_format_mark         (AtelierReply *self);

G_END_DECLS
