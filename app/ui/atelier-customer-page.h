/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-customer-page.h: one customer: profile, history, editor, personal data */
#pragma once

#include <adwaita.h>

#include "atelier-store.h"

G_BEGIN_DECLS

#define ATELIER_TYPE_CUSTOMER_PAGE (atelier_customer_page_get_type ())
G_DECLARE_FINAL_TYPE (AtelierCustomerPage, atelier_customer_page, ATELIER, CUSTOMER_PAGE, GtkWidget)

GtkWidget    *atelier_customer_page_new              (AtelierStore        *store,
                                                      gint64               customer_id);
AtelierStore *atelier_customer_page_get_store        (AtelierCustomerPage *self);
gint64        atelier_customer_page_get_customer_id  (AtelierCustomerPage *self);
gboolean      atelier_customer_page_get_editing      (AtelierCustomerPage *self);
void          atelier_customer_page_edit             (AtelierCustomerPage *self);
gboolean      atelier_customer_page_save             (AtelierCustomerPage *self);
gboolean      atelier_customer_page_sign_up          (AtelierCustomerPage *self,
                                                      gint64               session_id);
gboolean      atelier_customer_page_export_to_file   (AtelierCustomerPage *self,
                                                      GFile               *file);
void          atelier_customer_page_erase            (AtelierCustomerPage *self);

G_END_DECLS
