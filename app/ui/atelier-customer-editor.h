/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-customer-editor.h: the form that creates or changes a customer */
#pragma once

#include <gtk/gtk.h>

#include "atelier-customer.h"
#include "atelier-store.h"

G_BEGIN_DECLS

#define ATELIER_TYPE_CUSTOMER_EDITOR (atelier_customer_editor_get_type ())
G_DECLARE_FINAL_TYPE (AtelierCustomerEditor, atelier_customer_editor, ATELIER, CUSTOMER_EDITOR, GtkWidget)

GtkWidget       *atelier_customer_editor_new          (AtelierStore          *store);
AtelierStore    *atelier_customer_editor_get_store    (AtelierCustomerEditor *self);
void             atelier_customer_editor_set_store    (AtelierCustomerEditor *self,
                                                       AtelierStore          *store);
AtelierCustomer *atelier_customer_editor_get_customer (AtelierCustomerEditor *self);
void             atelier_customer_editor_load         (AtelierCustomerEditor *self,
                                                       AtelierCustomer       *customer);
gboolean         atelier_customer_editor_save         (AtelierCustomerEditor *self);

G_END_DECLS
