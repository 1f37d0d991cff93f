/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-customer.h: a person the store knows */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* How a customer first came to the store (the "first-came" property). */
#define ATELIER_CUSTOMER_CAME_WALK_IN "walk-in"  /* joined a session at the door */
#define ATELIER_CUSTOMER_CAME_SIGN_UP "sign-up"  /* signed up by themselves */
#define ATELIER_CUSTOMER_CAME_IMPORT  "import"   /* from another system's export */
#define ATELIER_CUSTOMER_CAME_STORE   "store"    /* entered by staff (the default) */

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
const char      *atelier_customer_get_preferred_language (AtelierCustomer *self);
const char      *atelier_customer_get_needs       (AtelierCustomer *self);
const char      *atelier_customer_get_first_came  (AtelierCustomer *self);
const char      *atelier_customer_get_consent_wording (AtelierCustomer *self);
gint64           atelier_customer_get_last_seen_at (AtelierCustomer *self);
char            *atelier_customer_dup_full_name   (AtelierCustomer *self);
GStrv            atelier_customer_dup_interest_list (AtelierCustomer *self);
gboolean         atelier_customer_is_first_came_valid (const char   *value);

G_END_DECLS
