/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-outbox-item.h: one message a customer is owed */
#pragma once

#include "atelier-invite.h"

G_BEGIN_DECLS

#define ATELIER_TYPE_OUTBOX_ITEM (atelier_outbox_item_get_type ())
G_DECLARE_FINAL_TYPE (AtelierOutboxItem, atelier_outbox_item, ATELIER, OUTBOX_ITEM, GObject)

gint64             atelier_outbox_item_get_registration_id (AtelierOutboxItem *self);
gint64             atelier_outbox_item_get_session_id      (AtelierOutboxItem *self);
gint64             atelier_outbox_item_get_customer_id     (AtelierOutboxItem *self);
int                atelier_outbox_item_get_party_size      (AtelierOutboxItem *self);
const char        *atelier_outbox_item_get_customer_name   (AtelierOutboxItem *self);
const char        *atelier_outbox_item_get_email           (AtelierOutboxItem *self);
const char        *atelier_outbox_item_get_workshop_title  (AtelierOutboxItem *self);
gint64             atelier_outbox_item_get_starts_at       (AtelierOutboxItem *self);
/* What the customer last received: NULL and 0 if nothing yet. */
const char        *atelier_outbox_item_get_sent_method     (AtelierOutboxItem *self);
int                atelier_outbox_item_get_sent_sequence   (AtelierOutboxItem *self);
gint64             atelier_outbox_item_get_sent_at         (AtelierOutboxItem *self);
/* What is owed: "REQUEST" or "CANCEL", with this SEQUENCE. */
const char        *atelier_outbox_item_get_method          (AtelierOutboxItem *self);
int                atelier_outbox_item_get_sequence        (AtelierOutboxItem *self);
AtelierInviteKind  atelier_outbox_item_get_kind            (AtelierOutboxItem *self);

G_END_DECLS
