/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-outbox-item.c: one message a customer is owed
 *
 * A row of the outbox view (see schema step 3), read like an entity:
 * every property is a column of the view.
 */
#define G_LOG_DOMAIN "atelier-outbox-item"

#include "config.h"

#include "atelier-outbox-item.h"
#include "atelier-record-private.h"

struct _AtelierOutboxItem
{
  GObject parent_instance;

  gint64  registration_id;
  gint64  session_id;
  gint64  customer_id;
  int     party_size;
  char   *customer_name;
  char   *email;
  char   *workshop_title;
  gint64  starts_at;
  gint64  ends_at;
  char   *sent_method;
  int     sent_sequence;
  gint64  sent_at;
  char   *kind;
  char   *method;
  int     sequence;
};

G_DEFINE_FINAL_TYPE (AtelierOutboxItem, atelier_outbox_item, G_TYPE_OBJECT)

#define DERIVED ATELIER_PARAM_DERIVED

static const AtelierField fields[] = {
  ATELIER_FIELD (AtelierOutboxItem, registration_id, "registration-id", G_TYPE_INT64, DERIVED),
  ATELIER_FIELD (AtelierOutboxItem, session_id, "session-id", G_TYPE_INT64, DERIVED),
  ATELIER_FIELD (AtelierOutboxItem, customer_id, "customer-id", G_TYPE_INT64, DERIVED),
  ATELIER_FIELD (AtelierOutboxItem, party_size, "party-size", G_TYPE_INT, DERIVED),
  ATELIER_FIELD (AtelierOutboxItem, customer_name, "customer-name", G_TYPE_STRING, DERIVED),
  ATELIER_FIELD (AtelierOutboxItem, email, "email", G_TYPE_STRING, DERIVED),
  ATELIER_FIELD (AtelierOutboxItem, workshop_title, "workshop-title", G_TYPE_STRING, DERIVED),
  ATELIER_FIELD (AtelierOutboxItem, starts_at, "starts-at", G_TYPE_INT64, DERIVED),
  ATELIER_FIELD (AtelierOutboxItem, ends_at, "ends-at", G_TYPE_INT64, DERIVED),
  ATELIER_FIELD (AtelierOutboxItem, sent_method, "sent-method", G_TYPE_STRING, DERIVED),
  ATELIER_FIELD (AtelierOutboxItem, sent_sequence, "sent-sequence", G_TYPE_INT, DERIVED),
  ATELIER_FIELD (AtelierOutboxItem, sent_at, "sent-at", G_TYPE_INT64, DERIVED),
  ATELIER_FIELD (AtelierOutboxItem, kind, "kind", G_TYPE_STRING, DERIVED),
  ATELIER_FIELD (AtelierOutboxItem, method, "method", G_TYPE_STRING, DERIVED),
  ATELIER_FIELD (AtelierOutboxItem, sequence, "sequence", G_TYPE_INT, DERIVED),
};

static GParamSpec *properties[G_N_ELEMENTS (fields) + 1];

ATELIER_DEFINE_FIELD_ACCESSORS (AtelierOutboxItem, atelier_outbox_item, fields)

static void
atelier_outbox_item_class_init (AtelierOutboxItemClass *klass)
{
  ATELIER_CLASS_INIT_FIELDS (klass, atelier_outbox_item, fields, properties);
}

static void
atelier_outbox_item_init (AtelierOutboxItem *self)
{
}

ATELIER_DEFINE_GETTER (AtelierOutboxItem, atelier_outbox_item, ATELIER_IS_OUTBOX_ITEM, gint64, registration_id)
ATELIER_DEFINE_GETTER (AtelierOutboxItem, atelier_outbox_item, ATELIER_IS_OUTBOX_ITEM, gint64, session_id)
ATELIER_DEFINE_GETTER (AtelierOutboxItem, atelier_outbox_item, ATELIER_IS_OUTBOX_ITEM, gint64, customer_id)
ATELIER_DEFINE_GETTER (AtelierOutboxItem, atelier_outbox_item, ATELIER_IS_OUTBOX_ITEM, int, party_size)
ATELIER_DEFINE_GETTER (AtelierOutboxItem, atelier_outbox_item, ATELIER_IS_OUTBOX_ITEM, const char *, customer_name)
ATELIER_DEFINE_GETTER (AtelierOutboxItem, atelier_outbox_item, ATELIER_IS_OUTBOX_ITEM, const char *, email)
ATELIER_DEFINE_GETTER (AtelierOutboxItem, atelier_outbox_item, ATELIER_IS_OUTBOX_ITEM, const char *, workshop_title)
ATELIER_DEFINE_GETTER (AtelierOutboxItem, atelier_outbox_item, ATELIER_IS_OUTBOX_ITEM, gint64, starts_at)
ATELIER_DEFINE_GETTER (AtelierOutboxItem, atelier_outbox_item, ATELIER_IS_OUTBOX_ITEM, const char *, sent_method)
ATELIER_DEFINE_GETTER (AtelierOutboxItem, atelier_outbox_item, ATELIER_IS_OUTBOX_ITEM, int, sent_sequence)
ATELIER_DEFINE_GETTER (AtelierOutboxItem, atelier_outbox_item, ATELIER_IS_OUTBOX_ITEM, gint64, sent_at)
ATELIER_DEFINE_GETTER (AtelierOutboxItem, atelier_outbox_item, ATELIER_IS_OUTBOX_ITEM, const char *, method)
ATELIER_DEFINE_GETTER (AtelierOutboxItem, atelier_outbox_item, ATELIER_IS_OUTBOX_ITEM, int, sequence)

AtelierInviteKind
atelier_outbox_item_get_kind (AtelierOutboxItem *self)
{
  AtelierInviteKind kind = ATELIER_INVITE_NEW;

  g_return_val_if_fail (ATELIER_IS_OUTBOX_ITEM (self), kind);

  atelier_invite_kind_from_string (self->kind, &kind);
  return kind;
}
