/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-customer-list-model.h: the customer book as a list model that reads
 * its customers as they are looked at */
#pragma once

#include "atelier-store.h"

G_BEGIN_DECLS

#define ATELIER_TYPE_CUSTOMER_LIST_MODEL (atelier_customer_list_model_get_type ())
G_DECLARE_FINAL_TYPE (AtelierCustomerListModel, atelier_customer_list_model, ATELIER, CUSTOMER_LIST_MODEL, GObject)

AtelierCustomerListModel *atelier_customer_list_model_new         (AtelierStore         *store,
                                                        GError              **error);
void                 atelier_customer_list_model_new_async   (AtelierStore         *store,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
AtelierCustomerListModel *atelier_customer_list_model_new_finish  (GAsyncResult         *result,
                                                        GError              **error);
gint64               atelier_customer_list_model_get_id      (AtelierCustomerListModel  *self,
                                                        guint                 position);

G_END_DECLS
