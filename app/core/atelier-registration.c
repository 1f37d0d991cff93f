/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-registration.c: one customer's place (or party) in a session */
#define G_LOG_DOMAIN "atelier-registration"

#include "config.h"

#include "atelier-record-private.h"
#include "atelier-registration.h"

struct _AtelierRegistration
{
  GObject parent_instance;

  gint64  id;
  gint64  session_id;
  gint64  customer_id;
  int     party_size;
  char   *status;
  int     waitlist_position;
  gint64  checked_in_at;
  char   *source;
  char   *note;
  gint64  created_at;
  gint64  promoted_at;
  gint64  cancelled_at;
  char   *cancelled_by;
  int     arrived;

  char   *customer_name;
};

G_DEFINE_FINAL_TYPE (AtelierRegistration, atelier_registration, G_TYPE_OBJECT)

static const AtelierField fields[] = {
  ATELIER_FIELD (AtelierRegistration, id, "id", G_TYPE_INT64, ATELIER_PARAM_INSERT_ONLY),
  ATELIER_FIELD (AtelierRegistration, session_id, "session-id", G_TYPE_INT64, 0),
  ATELIER_FIELD (AtelierRegistration, customer_id, "customer-id", G_TYPE_INT64, 0),
  ATELIER_FIELD (AtelierRegistration, party_size, "party-size", G_TYPE_INT, 0),
  ATELIER_FIELD (AtelierRegistration, status, "status", G_TYPE_STRING, 0),
  ATELIER_FIELD (AtelierRegistration, waitlist_position, "waitlist-position", G_TYPE_INT, ATELIER_PARAM_NULLABLE),
  ATELIER_FIELD (AtelierRegistration, checked_in_at, "checked-in-at", G_TYPE_INT64, ATELIER_PARAM_NULLABLE),
  ATELIER_FIELD (AtelierRegistration, source, "source", G_TYPE_STRING, 0),
  ATELIER_FIELD (AtelierRegistration, note, "note", G_TYPE_STRING, 0),
  ATELIER_FIELD (AtelierRegistration, created_at, "created-at", G_TYPE_INT64, ATELIER_PARAM_INSERT_ONLY),
  ATELIER_FIELD (AtelierRegistration, promoted_at, "promoted-at", G_TYPE_INT64, ATELIER_PARAM_NULLABLE),
  ATELIER_FIELD (AtelierRegistration, cancelled_at, "cancelled-at", G_TYPE_INT64, ATELIER_PARAM_NULLABLE),
  ATELIER_FIELD (AtelierRegistration, cancelled_by, "cancelled-by", G_TYPE_STRING, ATELIER_PARAM_NULLABLE),
  ATELIER_FIELD (AtelierRegistration, arrived, "arrived", G_TYPE_INT, ATELIER_PARAM_NULLABLE),
  ATELIER_FIELD (AtelierRegistration, customer_name, "customer-name", G_TYPE_STRING, ATELIER_PARAM_DERIVED),
};

static GParamSpec *properties[G_N_ELEMENTS (fields) + 1];

ATELIER_DEFINE_FIELD_ACCESSORS (AtelierRegistration, atelier_registration, fields)

static void
atelier_registration_class_init (AtelierRegistrationClass *klass)
{
  ATELIER_CLASS_INIT_FIELDS (klass, atelier_registration, fields, properties);
}

static void
atelier_registration_init (AtelierRegistration *self)
{
  self->party_size = 1;
  self->status = g_strdup (ATELIER_REGISTRATION_CONFIRMED);
  self->source = g_strdup ("store");
}

AtelierRegistration *
atelier_registration_new (gint64 session_id,
                          gint64 customer_id,
                          int    party_size)
{
  return g_object_new (ATELIER_TYPE_REGISTRATION,
                       "session-id", session_id,
                       "customer-id", customer_id,
                       "party-size", party_size,
                       NULL);
}

ATELIER_DEFINE_GETTER (AtelierRegistration, atelier_registration, ATELIER_IS_REGISTRATION, gint64, id)
ATELIER_DEFINE_GETTER (AtelierRegistration, atelier_registration, ATELIER_IS_REGISTRATION, gint64, session_id)
ATELIER_DEFINE_GETTER (AtelierRegistration, atelier_registration, ATELIER_IS_REGISTRATION, gint64, customer_id)
ATELIER_DEFINE_GETTER (AtelierRegistration, atelier_registration, ATELIER_IS_REGISTRATION, int, party_size)
ATELIER_DEFINE_GETTER (AtelierRegistration, atelier_registration, ATELIER_IS_REGISTRATION, const char *, status)
ATELIER_DEFINE_GETTER (AtelierRegistration, atelier_registration, ATELIER_IS_REGISTRATION, int, waitlist_position)
ATELIER_DEFINE_GETTER (AtelierRegistration, atelier_registration, ATELIER_IS_REGISTRATION, gint64, checked_in_at)
ATELIER_DEFINE_GETTER (AtelierRegistration, atelier_registration, ATELIER_IS_REGISTRATION, const char *, source)
ATELIER_DEFINE_GETTER (AtelierRegistration, atelier_registration, ATELIER_IS_REGISTRATION, const char *, note)
ATELIER_DEFINE_GETTER (AtelierRegistration, atelier_registration, ATELIER_IS_REGISTRATION, gint64, created_at)
ATELIER_DEFINE_GETTER (AtelierRegistration, atelier_registration, ATELIER_IS_REGISTRATION, gint64, promoted_at)
ATELIER_DEFINE_GETTER (AtelierRegistration, atelier_registration, ATELIER_IS_REGISTRATION, gint64, cancelled_at)
ATELIER_DEFINE_GETTER (AtelierRegistration, atelier_registration, ATELIER_IS_REGISTRATION, const char *, cancelled_by)
ATELIER_DEFINE_GETTER (AtelierRegistration, atelier_registration, ATELIER_IS_REGISTRATION, const char *, customer_name)
ATELIER_DEFINE_GETTER (AtelierRegistration, atelier_registration, ATELIER_IS_REGISTRATION, int, arrived)

/**
 * atelier_registration_count_arrived:
 *
 * Returns: how many of the party are here: none before the check-in, the
 *   count recorded at the door, or the whole party when none was recorded
 */
int
atelier_registration_count_arrived (AtelierRegistration *self)
{
  g_return_val_if_fail (ATELIER_IS_REGISTRATION (self), 0);

  if (self->checked_in_at == 0)
    return 0;
  return self->arrived > 0 ? self->arrived : self->party_size;
}
