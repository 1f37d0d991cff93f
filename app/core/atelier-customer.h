/* atelier-customer.h: a person the store knows */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ATELIER_TYPE_CUSTOMER (atelier_customer_get_type ())
G_DECLARE_FINAL_TYPE (AtelierCustomer, atelier_customer, ATELIER, CUSTOMER, GObject)

AtelierCustomer *atelier_customer_new             (const char      *given_name,
                                                   const char      *family_name);
gint64           atelier_customer_get_id          (AtelierCustomer *self);
const char      *atelier_customer_get_given_name  (AtelierCustomer *self);
const char      *atelier_customer_get_family_name (AtelierCustomer *self);
const char      *atelier_customer_get_email       (AtelierCustomer *self);
const char      *atelier_customer_get_phone       (AtelierCustomer *self);
const char      *atelier_customer_get_interests   (AtelierCustomer *self);
const char      *atelier_customer_get_note        (AtelierCustomer *self);
gboolean         atelier_customer_get_consent     (AtelierCustomer *self);
gint64           atelier_customer_get_consent_at  (AtelierCustomer *self);
gint64           atelier_customer_get_created_at  (AtelierCustomer *self);
gint64           atelier_customer_get_erased_at   (AtelierCustomer *self);
char            *atelier_customer_dup_full_name   (AtelierCustomer *self);

G_END_DECLS
