/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-customer-list.h: the customer book as a list model that reads
 * its customers as they are looked at */
#pragma once

#include "atelier-store.h"

G_BEGIN_DECLS

#define ATELIER_TYPE_CUSTOMER_LIST (atelier_customer_list_get_type ())
G_DECLARE_FINAL_TYPE (AtelierCustomerList, atelier_customer_list, ATELIER, CUSTOMER_LIST, GObject)

AtelierCustomerList *atelier_customer_list_new         (AtelierStore         *store,
                                                        GError              **error);
void                 atelier_customer_list_new_async   (AtelierStore         *store,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
AtelierCustomerList *atelier_customer_list_new_finish  (GAsyncResult         *result,
                                                        GError              **error);
gint64               atelier_customer_list_get_id      (AtelierCustomerList  *self,
                                                        guint                 position);

G_END_DECLS
