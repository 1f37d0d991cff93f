/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-customer-profile.h: what a customer's page shows of them */
#pragma once

#include <gtk/gtk.h>

#include "atelier-customer.h"
#include "atelier-store.h"

G_BEGIN_DECLS

#define ATELIER_TYPE_CUSTOMER_PROFILE (atelier_customer_profile_get_type ())
G_DECLARE_FINAL_TYPE (AtelierCustomerProfile, atelier_customer_profile, ATELIER, CUSTOMER_PROFILE, GtkWidget)

GtkWidget       *atelier_customer_profile_new            (AtelierStore           *store);
AtelierStore    *atelier_customer_profile_get_store      (AtelierCustomerProfile *self);
void             atelier_customer_profile_set_store      (AtelierCustomerProfile *self,
                                                          AtelierStore           *store);
AtelierCustomer *atelier_customer_profile_get_customer   (AtelierCustomerProfile *self);
void             atelier_customer_profile_set_customer   (AtelierCustomerProfile *self,
                                                          AtelierCustomer        *customer);
void             atelier_customer_profile_reload         (AtelierCustomerProfile *self);

const char      *atelier_customer_profile_describe_first_came (const char *first_came);

G_END_DECLS
