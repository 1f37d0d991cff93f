/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-registration.h: one customer's place (or party) in a session */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ATELIER_REGISTRATION_CONFIRMED  "confirmed"
#define ATELIER_REGISTRATION_WAITLISTED "waitlisted"
#define ATELIER_REGISTRATION_CANCELLED  "cancelled"

#define ATELIER_TYPE_REGISTRATION (atelier_registration_get_type ())
G_DECLARE_FINAL_TYPE (AtelierRegistration, atelier_registration, ATELIER, REGISTRATION, GObject)

AtelierRegistration *atelier_registration_new                   (gint64               session_id,
                                                                 gint64               customer_id,
                                                                 int                  party_size);
gint64               atelier_registration_get_id                (AtelierRegistration *self);
gint64               atelier_registration_get_session_id        (AtelierRegistration *self);
gint64               atelier_registration_get_customer_id       (AtelierRegistration *self);
int                  atelier_registration_get_party_size        (AtelierRegistration *self);
const char          *atelier_registration_get_status            (AtelierRegistration *self);
int                  atelier_registration_get_waitlist_position (AtelierRegistration *self);
gint64               atelier_registration_get_checked_in_at     (AtelierRegistration *self);
const char          *atelier_registration_get_source            (AtelierRegistration *self);
const char          *atelier_registration_get_note              (AtelierRegistration *self);
gint64               atelier_registration_get_created_at        (AtelierRegistration *self);
gint64               atelier_registration_get_promoted_at       (AtelierRegistration *self);
gint64               atelier_registration_get_cancelled_at      (AtelierRegistration *self);
const char          *atelier_registration_get_cancelled_by      (AtelierRegistration *self);
const char          *atelier_registration_get_customer_name     (AtelierRegistration *self);
int                  atelier_registration_get_arrived           (AtelierRegistration *self);
int                  atelier_registration_count_arrived         (AtelierRegistration *self);

G_END_DECLS
