/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-customer.c: a person the store knows */
#define G_LOG_DOMAIN "atelier-customer"

#include "config.h"

#include "atelier-customer.h"
#include "atelier-record-private.h"

struct _AtelierCustomer
{
  GObject parent_instance;

  gint64    id;
  char     *given_name;
  char     *family_name;
  char     *email;
  char     *phone;
  char     *interests;
  char     *note;
  gboolean  consent;
  gint64    consent_at;
  gint64    created_at;
  gint64    erased_at;
  char     *preferred_language;
  char     *needs;
  char     *first_came;
  char     *consent_wording;
  gint64    last_seen_at;
};

G_DEFINE_FINAL_TYPE (AtelierCustomer, atelier_customer, G_TYPE_OBJECT)

static const AtelierField fields[] = {
  ATELIER_FIELD (AtelierCustomer, id, "id", G_TYPE_INT64, ATELIER_PARAM_INSERT_ONLY),
  ATELIER_FIELD (AtelierCustomer, given_name, "given-name", G_TYPE_STRING, 0),
  ATELIER_FIELD (AtelierCustomer, family_name, "family-name", G_TYPE_STRING, 0),
  /* No address is better than an empty one: NULL never collides. */
  ATELIER_FIELD (AtelierCustomer, email, "email", G_TYPE_STRING, ATELIER_PARAM_NULLABLE),
  ATELIER_FIELD (AtelierCustomer, phone, "phone", G_TYPE_STRING, ATELIER_PARAM_NULLABLE),
  ATELIER_FIELD (AtelierCustomer, interests, "interests", G_TYPE_STRING, 0),
  ATELIER_FIELD (AtelierCustomer, note, "note", G_TYPE_STRING, 0),
  ATELIER_FIELD (AtelierCustomer, consent, "consent", G_TYPE_BOOLEAN, 0),
  ATELIER_FIELD (AtelierCustomer, consent_at, "consent-at", G_TYPE_INT64, ATELIER_PARAM_NULLABLE),
  ATELIER_FIELD (AtelierCustomer, created_at, "created-at", G_TYPE_INT64, ATELIER_PARAM_INSERT_ONLY),
  ATELIER_FIELD (AtelierCustomer, erased_at, "erased-at", G_TYPE_INT64, ATELIER_PARAM_NULLABLE),
  /* A language tag such as "fr" or "en-GB", or nothing. */
  ATELIER_FIELD (AtelierCustomer, preferred_language, "preferred-language", G_TYPE_STRING, ATELIER_PARAM_NULLABLE),
  /* Dietary or accessibility needs, in the staff's words. */
  ATELIER_FIELD (AtelierCustomer, needs, "needs", G_TYPE_STRING, 0),
  /* One of the ATELIER_CUSTOMER_CAME_* values; it never changes. */
  ATELIER_FIELD (AtelierCustomer, first_came, "first-came", G_TYPE_STRING, ATELIER_PARAM_INSERT_ONLY),
  /* The sentence the customer agreed to when giving consent. */
  ATELIER_FIELD (AtelierCustomer, consent_wording, "consent-wording", G_TYPE_STRING, ATELIER_PARAM_NULLABLE),
  /* Kept by the store (sign-ups and check-ins), never written by an update. */
  ATELIER_FIELD (AtelierCustomer, last_seen_at, "last-seen-at", G_TYPE_INT64,
                 ATELIER_PARAM_NULLABLE | ATELIER_PARAM_INSERT_ONLY),
};

static GParamSpec *properties[G_N_ELEMENTS (fields) + 1];

ATELIER_DEFINE_FIELD_ACCESSORS (AtelierCustomer, atelier_customer, fields)

static void
atelier_customer_class_init (AtelierCustomerClass *klass)
{
  ATELIER_CLASS_INIT_FIELDS (klass, atelier_customer, fields, properties);
}

static void
atelier_customer_init (AtelierCustomer *self)
{
  /* The column defaults, so that a new customer reads back as written. */
  self->needs = g_strdup ("");
  self->first_came = g_strdup (ATELIER_CUSTOMER_CAME_STORE);
}

AtelierCustomer *
atelier_customer_new (const char *given_name,
                      const char *family_name)
{
  return g_object_new (ATELIER_TYPE_CUSTOMER,
                       "given-name", given_name,
                       "family-name", family_name,
                       NULL);
}

ATELIER_DEFINE_GETTER (AtelierCustomer, atelier_customer, ATELIER_IS_CUSTOMER, gint64, id)
ATELIER_DEFINE_GETTER (AtelierCustomer, atelier_customer, ATELIER_IS_CUSTOMER, const char *, given_name)
ATELIER_DEFINE_GETTER (AtelierCustomer, atelier_customer, ATELIER_IS_CUSTOMER, const char *, family_name)
ATELIER_DEFINE_GETTER (AtelierCustomer, atelier_customer, ATELIER_IS_CUSTOMER, const char *, email)
ATELIER_DEFINE_GETTER (AtelierCustomer, atelier_customer, ATELIER_IS_CUSTOMER, const char *, phone)
ATELIER_DEFINE_GETTER (AtelierCustomer, atelier_customer, ATELIER_IS_CUSTOMER, const char *, interests)
ATELIER_DEFINE_GETTER (AtelierCustomer, atelier_customer, ATELIER_IS_CUSTOMER, const char *, note)
ATELIER_DEFINE_GETTER (AtelierCustomer, atelier_customer, ATELIER_IS_CUSTOMER, gboolean, consent)
ATELIER_DEFINE_GETTER (AtelierCustomer, atelier_customer, ATELIER_IS_CUSTOMER, gint64, consent_at)
ATELIER_DEFINE_GETTER (AtelierCustomer, atelier_customer, ATELIER_IS_CUSTOMER, gint64, created_at)
ATELIER_DEFINE_GETTER (AtelierCustomer, atelier_customer, ATELIER_IS_CUSTOMER, gint64, erased_at)
ATELIER_DEFINE_GETTER (AtelierCustomer, atelier_customer, ATELIER_IS_CUSTOMER, const char *, preferred_language)
ATELIER_DEFINE_GETTER (AtelierCustomer, atelier_customer, ATELIER_IS_CUSTOMER, const char *, needs)
ATELIER_DEFINE_GETTER (AtelierCustomer, atelier_customer, ATELIER_IS_CUSTOMER, const char *, first_came)
ATELIER_DEFINE_GETTER (AtelierCustomer, atelier_customer, ATELIER_IS_CUSTOMER, const char *, consent_wording)
ATELIER_DEFINE_GETTER (AtelierCustomer, atelier_customer, ATELIER_IS_CUSTOMER, gint64, last_seen_at)

/* Returns: (transfer full): the name as people say it, given name first */
char *
atelier_customer_dup_full_name (AtelierCustomer *self)
{
  g_return_val_if_fail (ATELIER_IS_CUSTOMER (self), NULL);

  if (self->family_name == NULL || *self->family_name == '\0')
    return g_strdup (self->given_name ? self->given_name : "");
  if (self->given_name == NULL || *self->given_name == '\0')
    return g_strdup (self->family_name);
  return g_strconcat (self->given_name, " ", self->family_name, NULL);
}

/**
 * atelier_customer_dup_interest_list:
 *
 * The interests ("cuisine, vin") as a list, trimmed, without empty
 * items; commas and semicolons both separate them.
 *
 * Returns: (transfer full): a %NULL-terminated array, possibly empty
 */
GStrv
atelier_customer_dup_interest_list (AtelierCustomer *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (ATELIER_IS_CUSTOMER (self), NULL);

  parts = g_strsplit_set (self->interests ? self->interests : "", ",;", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }

  return g_strv_builder_end (builder);
}

/**
 * atelier_customer_is_first_came_valid:
 *
 * Returns: whether @value is one of the ATELIER_CUSTOMER_CAME_* values
 */
gboolean
atelier_customer_is_first_came_valid (const char *value)
{
  static const char *const known[] = {
    ATELIER_CUSTOMER_CAME_WALK_IN, ATELIER_CUSTOMER_CAME_SIGN_UP,
    ATELIER_CUSTOMER_CAME_IMPORT, ATELIER_CUSTOMER_CAME_STORE, NULL
  };

  return value != NULL && g_strv_contains (known, value);
}
