/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-customer-history-window.h: every class of one customer, in a
 * window of its own */
#pragma once

#include <adwaita.h>

#include "atelier-customer.h"
#include "atelier-store.h"

G_BEGIN_DECLS

#define ATELIER_TYPE_CUSTOMER_HISTORY_WINDOW (atelier_customer_history_window_get_type ())
G_DECLARE_FINAL_TYPE (AtelierCustomerHistoryWindow, atelier_customer_history_window, ATELIER, CUSTOMER_HISTORY_WINDOW, AdwWindow)

GtkWidget       *atelier_customer_history_window_new          (AtelierStore                 *store,
                                                               AtelierCustomer              *customer);
AtelierStore    *atelier_customer_history_window_get_store    (AtelierCustomerHistoryWindow *self);
AtelierCustomer *atelier_customer_history_window_get_customer (AtelierCustomerHistoryWindow *self);
gboolean         atelier_customer_history_window_reload       (AtelierCustomerHistoryWindow *self,
                                                               GError                      **error);

G_END_DECLS
